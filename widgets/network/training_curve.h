#pragma once
// Loss and accuracy per epoch, appended live (QCustomPlot addData, queued replots) with a
// bounded history so a long run never slows the plot down.
#include "common/theme.h"
#include "mlp/trainer.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace ns {

class TrainingCurve : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCurve(QWidget* parent = nullptr);

    static constexpr int kMaxPoints = 20000;  // older points are dropped from the plot

    // Appends stats[from…] (the caller keeps the full history; the plot keeps what it shows).
    void append(const std::vector<EpochStats>& stats, std::size_t from);
    void clear();

    int pointCount() const;  // points currently on the loss graph
    double lastLoss() const;
    QCustomPlot* plot() const { return plot_; }
    void replotNow();  // synchronous, for screenshots

    // Presenter mode: fonts and line widths × scale (1 = normal; clamped to [0.5, 4]).
    void setPresenterScale(double scale);
    double presenterScale() const { return scale_; }
    // The value axes' titles, drawn upright above the plot: left the loss axis, right the accuracy.
    const theme::AxisTitles& axisTitles() const { return titles_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rescale();
    void applyScale();
    void showValuesAt(QPoint pos);

    QCustomPlot* plot_;
    QCPGraph* loss_;
    QCPGraph* accuracy_;
    theme::AxisTitles titles_;
    double scale_ = 1.0;
    double maxLoss_ = 0;
    long lastEpoch_ = 0;
};

}  // namespace ns
