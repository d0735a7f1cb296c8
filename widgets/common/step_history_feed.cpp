#include "step_history_feed.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

StepHistoryFeed::StepHistoryFeed(QCustomPlot* plot, std::vector<QCPGraph*> graphs, long kept)
    : plot_(plot), graphs_(std::move(graphs)), kept_(kept) {}

void StepHistoryFeed::update(long steps, const std::vector<const std::vector<double>*>& histories) {
    if (steps < shown_ || (steps == 0 && shown_ > 0)) {
        for (QCPGraph* g : graphs_) g->data()->clear();
        shown_ = 0;
        max_ = 0;
    }
    if (steps > shown_) {
        const std::size_t series = std::min(graphs_.size(), histories.size());
        for (std::size_t i = 0; i < series; ++i) {
            const std::vector<double>& history = *histories[i];
            const long size = static_cast<long>(history.size());
            const long first = std::max(shown_ + 1, steps - size + 1);  // the oldest step still held
            for (long s = first; s <= steps; ++s) {
                const long at = size - (steps - s) - 1;
                if (at < 0 || at >= size) continue;
                const double value = history[static_cast<std::size_t>(at)];
                if (!std::isfinite(value)) continue;
                graphs_[i]->addData(static_cast<double>(s), value);
                max_ = std::max(max_, value);
            }
        }
        shown_ = steps;
        const double oldest = static_cast<double>(steps - kept_);
        if (oldest > 0)
            for (QCPGraph* g : graphs_) g->data()->removeBefore(oldest);
    }
    const double oldestShown = std::max(0.0, static_cast<double>(steps - kept_));
    plot_->xAxis->setRange(oldestShown, std::max(oldestShown + 50.0, static_cast<double>(steps)));
    plot_->yAxis->setRange(0, max_ > 0 ? max_ * 1.08 : 1.0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace ns
