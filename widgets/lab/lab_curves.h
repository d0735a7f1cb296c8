#pragma once
// Training and test loss (left axis) and accuracy (right axis) per epoch, appended live with
// addData and queued replots, with a bounded history; earlier runs' test losses are overlaid for
// comparison, each labelled by what differs from the current settings. Hover for exact values.
#include "common/theme.h"
#include "lab/lab_trainer.h"

#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace ns {

class LabCurves : public QWidget {
    Q_OBJECT
public:
    explicit LabCurves(QWidget* parent = nullptr);

    static constexpr int kMaxPoints = 20000;

    // The current run. Appends what is new when `generation` is unchanged and the history only
    // grew; otherwise redraws from scratch.
    void setHistory(const std::vector<LabEpoch>& history, int generation, bool classification);
    struct Overlay {
        QString label;
        const std::vector<LabEpoch>* history;
    };
    void setRuns(const std::vector<Overlay>& runs);

    QCustomPlot* plot() const { return plot_; }
    int pointCount() const;  // points on the training-loss graph
    int overlayCount() const { return static_cast<int>(runGraphs_.size()); }
    double lastTrainLoss() const;
    QString csv() const;
    void replotNow();

    // Presenter mode: fonts and line widths × scale (1 = normal; clamped to [0.5, 4]).
    void setPresenterScale(double scale);
    double presenterScale() const { return scale_; }
    // The value axes' titles, drawn upright above the plot (left loss, right accuracy).
    const theme::AxisTitles& axisTitles() const { return titles_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rescale();
    void showValuesAt(QPoint pos);
    void append(const LabEpoch& e);
    void applyScale();

    QCustomPlot* plot_;
    QCPGraph* trainLoss_;
    QCPGraph* testLoss_;
    QCPGraph* trainAccuracy_;
    QCPGraph* testAccuracy_;
    std::vector<QCPGraph*> runGraphs_;
    theme::AxisTitles titles_;
    double scale_ = 1.0;
    std::size_t shown_ = 0;
    int generation_ = -1;
    bool classification_ = true;
    double maxLoss_ = 0;
    double lastEpoch_ = 0;
};

}  // namespace ns
