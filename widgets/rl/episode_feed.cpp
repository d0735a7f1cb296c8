#include "episode_feed.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

EpisodeFeed::EpisodeFeed(QCustomPlot* plot, std::vector<QCPGraph*> graphs, long kept)
    : plot_(plot), graphs_(std::move(graphs)), kept_(kept), shown_(graphs_.size(), 0) {}

void EpisodeFeed::update(const std::vector<EpisodeSeries>& series, double yFloor) {
    const std::size_t n = std::min(graphs_.size(), series.size());
    long newest = 0;
    bool restarted = false;
    for (std::size_t i = 0; i < n; ++i)
        if (series[i].total < shown_[i]) restarted = true;
    bool fresh = restarted || first_;
    first_ = false;
    if (restarted) {
        for (QCPGraph* g : graphs_) g->data()->clear();
        std::fill(shown_.begin(), shown_.end(), 0L);
        max_ = 0;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::vector<double>& values = *series[i].values;
        const long total = series[i].total, size = static_cast<long>(values.size());
        for (long e = std::max(shown_[i] + 1, total - size + 1); e <= total; ++e) {
            const double v = values[static_cast<std::size_t>(size - (total - e) - 1)];
            if (!std::isfinite(v)) continue;
            graphs_[i]->addData(static_cast<double>(e), v);
            fresh = true;
            max_ = std::max(max_, v);
        }
        shown_[i] = total;
        newest = std::max(newest, total);
        if (total > kept_) graphs_[i]->data()->removeBefore(static_cast<double>(total - kept_ + 1));
    }
    if (!fresh) return;  // nothing new: no replot
    const double oldest = std::max(0.0, static_cast<double>(newest - kept_));
    plot_->xAxis->setRange(oldest, std::max(oldest + 50.0, static_cast<double>(newest) + 1));
    plot_->yAxis->setRange(0, std::max(yFloor, max_) * 1.08);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace ns
