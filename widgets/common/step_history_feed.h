#pragma once
// Live curves of values kept per training step (one bounded history per series, the newest value
// last): each refresh appends only the steps not yet plotted (addData, never the whole data), drops
// what the model no longer keeps, and starts over when the model's step count goes back (a reset).
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace ns {

class StepHistoryFeed {
public:
    // `graphs` belong to `plot`; `kept` is how many steps each history holds at most.
    StepHistoryFeed(QCustomPlot* plot, std::vector<QCPGraph*> graphs, long kept);
    // histories[i] holds series i up to step `steps` (non-finite values are skipped); rescales
    // the axes to the steps kept and to [0, the largest value shown], then queues a replot.
    void update(long steps, const std::vector<const std::vector<double>*>& histories);
    long shownSteps() const { return shown_; }

private:
    QCustomPlot* plot_;
    std::vector<QCPGraph*> graphs_;
    long kept_;
    long shown_ = 0;
    double max_ = 0;
};

}  // namespace ns
