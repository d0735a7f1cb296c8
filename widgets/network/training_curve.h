#pragma once
// Loss and accuracy per epoch, appended live (QCustomPlot addData, queued replots) with a
// bounded history so a long run never slows the plot down.
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

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rescale();
    void showValuesAt(QPoint pos);

    QCustomPlot* plot_;
    QCPGraph* loss_;
    QCPGraph* accuracy_;
    double maxLoss_ = 0;
    long lastEpoch_ = 0;
};

}  // namespace ns
