#pragma once
// Live curves of values kept per episode, one bounded history per series, where the series may
// have different episode counts (agents trained in turn): each refresh appends only each series'
// episodes not yet plotted (addData, never the whole data), drops what the model no longer keeps,
// and starts over when a series' count goes back (a reset). Episode e (1-based) is plotted at x = e.
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace ns {

struct EpisodeSeries {
    const std::vector<double>* values = nullptr;  // the last values->size() of `total` episodes
    long total = 0;
};

class EpisodeFeed {
public:
    EpisodeFeed(QCustomPlot* plot, std::vector<QCPGraph*> graphs, long kept);
    // Rescales x to the episodes kept and y to [0, max(yFloor, the largest value shown)], then
    // queues a replot (nothing when no episode was added).
    void update(const std::vector<EpisodeSeries>& series, double yFloor);
    long shown(std::size_t series) const { return series < shown_.size() ? shown_[series] : 0; }

private:
    QCustomPlot* plot_;
    std::vector<QCPGraph*> graphs_;
    long kept_;
    std::vector<long> shown_;
    double max_ = 0;
    bool first_ = true;
};

}  // namespace ns
