#include "network/training_curve.h"

#include "common/theme.h"

#include <QEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

TrainingCurve::TrainingCurve(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumSize(360, 240);

    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setRange(0, 1.02);
    // Lines drawn segment by segment: far cheaper than one wide antialiased polyline.
    plot_->setPlottingHint(QCP::phFastPolylines, true);

    loss_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    accuracy_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);

    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    titles_ = theme::addAxisTitles(plot_);
    titles_.setColors(theme::negative().darker(120), theme::positive());
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showValuesAt(event->pos()); });
    applyScale();
    retranslate();
    clear();
}

void TrainingCurve::setPresenterScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == scale_) return;
    scale_ = scale;
    applyScale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurve::applyScale() {
    theme::applyPlotScale(plot_, titles_, scale_);
    loss_->setPen(QPen(theme::negative(), 2.5 * scale_));
    accuracy_->setPen(QPen(theme::positive(), 2.5 * scale_));
}

void TrainingCurve::retranslate() {
    plot_->xAxis->setLabel(tr("Epoch"));
    // The value axes' titles stand upright above the plot (rotated Chinese reads sideways).
    titles_.setTexts(tr("Loss"), tr("Accuracy"));
    loss_->setName(tr("Training loss"));
    accuracy_->setName(tr("Training accuracy"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurve::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TrainingCurve::append(const std::vector<EpochStats>& stats, std::size_t from) {
    if (from >= stats.size()) return;
    for (std::size_t i = from; i < stats.size(); ++i) {
        const EpochStats& s = stats[i];
        if (!std::isfinite(s.loss)) continue;  // a diverged epoch is reported, never drawn
        const auto key = static_cast<double>(s.epoch);
        loss_->addData(key, s.loss);
        accuracy_->addData(key, s.accuracy);
        maxLoss_ = std::max(maxLoss_, s.loss);
        lastEpoch_ = std::max(lastEpoch_, s.epoch);
    }
    const int excess = loss_->dataCount() - kMaxPoints;
    if (excess > 0) {
        const double firstKept = (loss_->data()->constBegin() + excess)->key;
        loss_->data()->removeBefore(firstKept);
        accuracy_->data()->removeBefore(firstKept);
    }
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurve::clear() {
    loss_->data()->clear();
    accuracy_->data()->clear();
    maxLoss_ = 0;
    lastEpoch_ = 0;
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurve::rescale() {
    const double firstKey = loss_->dataCount() > 0 ? loss_->data()->constBegin()->key : 0.0;
    plot_->xAxis->setRange(firstKey, std::max<double>(firstKey + 10, static_cast<double>(lastEpoch_)));
    plot_->yAxis->setRange(0, maxLoss_ > 0 ? maxLoss_ * 1.08 : 1.0);
}

int TrainingCurve::pointCount() const { return loss_->dataCount(); }

double TrainingCurve::lastLoss() const {
    return loss_->dataCount() > 0 ? (loss_->data()->constEnd() - 1)->value : std::nan("");
}

void TrainingCurve::replotNow() { plot_->replot(QCustomPlot::rpImmediateRefresh); }

void TrainingCurve::showValuesAt(QPoint pos) {
    if (loss_->dataCount() == 0) return;
    const double key = plot_->xAxis->pixelToCoord(pos.x());
    auto it = loss_->data()->findBegin(key);
    if (it == loss_->data()->constEnd()) return;
    const auto accuracyIt = accuracy_->data()->findBegin(it->key);
    const double accuracy =
        accuracyIt != accuracy_->data()->constEnd() ? accuracyIt->value : std::nan("");
    QToolTip::showText(plot_->mapToGlobal(pos),
                       tr("Epoch %1\nLoss %2\nAccuracy %3")
                           .arg(static_cast<long>(it->key))
                           .arg(it->value, 0, 'f', 5)
                           .arg(accuracy, 0, 'f', 4),
                       plot_);
}

}  // namespace ns
