#include "lab/lab_curves.h"

#include "lab/lab_style.h"
#include "common/plot_export.h"
#include "common/theme.h"

#include <QEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

LabCurves::LabCurves(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumSize(360, 220);
    labstyle::stylePlot(plot_);
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setRange(0, 1.02);
    // Lines drawn segment by segment (solid pens): far cheaper than wide antialiased polylines.
    plot_->setPlottingHint(QCP::phFastPolylines, true);
    trainLoss_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    testLoss_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    trainAccuracy_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    testAccuracy_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    // The legend below the axes, so it never hides a curve.
    plot_->legend->setVisible(true);
    auto* legendRect = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(1, 0, legendRect);
    legendRect->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRect->setMargins(QMargins(0, 0, 0, 4));
    titles_ = theme::addAxisTitles(plot_);
    titles_.setColors(theme::negative().darker(120), theme::positive());
    applyScale();
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showValuesAt(e->pos()); });
    installExport(plot_, QStringLiteral("loss-curves"), [this] { return csv(); });
    retranslate();
    rescale();
}

void LabCurves::setPresenterScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == scale_) return;
    scale_ = scale;
    applyScale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LabCurves::applyScale() {
    theme::applyPlotScale(plot_, titles_, scale_);
    // Test curves: the darker shade, thinner (solid: dashed pens would leave the fast path).
    trainLoss_->setPen(QPen(theme::negative(), 2.5 * scale_));
    testLoss_->setPen(QPen(theme::negative().darker(150), 1.6 * scale_));
    trainAccuracy_->setPen(QPen(theme::positive(), 2.5 * scale_));
    testAccuracy_->setPen(QPen(theme::positive().darker(150), 1.6 * scale_));
    int index = 0;
    for (QCPGraph* g : runGraphs_) g->setPen(QPen(labstyle::seriesColor(1 + index++), 2 * scale_));
}

void LabCurves::retranslate() {
    plot_->xAxis->setLabel(tr("Epoch"));
    // The value axes' titles stand upright above the plot (rotated Chinese reads sideways).
    titles_.setTexts(tr("Loss"), classification_ ? tr("Accuracy") : QString());
    trainLoss_->setName(tr("Training loss"));
    testLoss_->setName(tr("Test loss"));
    trainAccuracy_->setName(tr("Training accuracy"));
    testAccuracy_->setName(tr("Test accuracy"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LabCurves::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void LabCurves::append(const LabEpoch& e) {
    const auto key = static_cast<double>(e.epoch);
    if (std::isfinite(e.trainLoss)) {
        trainLoss_->addData(key, e.trainLoss);
        maxLoss_ = std::max(maxLoss_, e.trainLoss);
    }
    if (std::isfinite(e.testLoss)) {
        testLoss_->addData(key, e.testLoss);
        maxLoss_ = std::max(maxLoss_, e.testLoss);
    }
    if (std::isfinite(e.trainAccuracy)) trainAccuracy_->addData(key, e.trainAccuracy);
    if (std::isfinite(e.testAccuracy)) testAccuracy_->addData(key, e.testAccuracy);
    lastEpoch_ = std::max(lastEpoch_, key);
}

void LabCurves::setHistory(const std::vector<LabEpoch>& history, int generation, bool classification) {
    const bool fresh = generation != generation_ || history.size() < shown_ || classification != classification_;
    if (fresh) {
        for (QCPGraph* g : {trainLoss_, testLoss_, trainAccuracy_, testAccuracy_}) g->data()->clear();
        shown_ = 0;
        maxLoss_ = 0;
        lastEpoch_ = 0;
        generation_ = generation;
        classification_ = classification;
        plot_->yAxis2->setVisible(classification);
        titles_.setTexts(tr("Loss"), classification ? tr("Accuracy") : QString());
        for (QCPGraph* g : {trainAccuracy_, testAccuracy_}) {
            g->setVisible(classification);
            if (classification) g->addToLegend();
            else g->removeFromLegend();
        }
        for (const QCPGraph* run : runGraphs_)
            for (auto it = run->data()->constBegin(); it != run->data()->constEnd(); ++it) {
                maxLoss_ = std::max(maxLoss_, it->value);
                lastEpoch_ = std::max(lastEpoch_, it->key);
            }
    }
    for (std::size_t i = shown_; i < history.size(); ++i) append(history[i]);
    shown_ = history.size();
    const int excess = trainLoss_->dataCount() - kMaxPoints;
    if (excess > 0) {
        const double firstKept = (trainLoss_->data()->constBegin() + excess)->key;
        for (QCPGraph* g : {trainLoss_, testLoss_, trainAccuracy_, testAccuracy_}) g->data()->removeBefore(firstKept);
    }
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LabCurves::setRuns(const std::vector<Overlay>& runs) {
    for (QCPGraph* g : runGraphs_) plot_->removeGraph(g);
    runGraphs_.clear();
    int index = 0;
    for (const Overlay& run : runs) {
        QCPGraph* g = plot_->addGraph(plot_->xAxis, plot_->yAxis);
        g->setPen(QPen(labstyle::seriesColor(1 + index++), 2 * scale_));  // not blue: blue is accuracy
        // Long labels are cut for the legend; hovering the plot shows them whole.
        g->setName(run.label.size() > 30 ? run.label.left(29) + QStringLiteral("…") : run.label);
        g->setProperty("fullLabel", run.label);
        const std::vector<LabEpoch>& h = *run.history;
        // At most 2000 points per earlier run: an overlay, not the live curve.
        const std::size_t stride = std::max<std::size_t>(1, h.size() / 2000);
        for (std::size_t i = 0; i < h.size(); i += stride) {
            const double loss = std::isfinite(h[i].testLoss) ? h[i].testLoss : h[i].trainLoss;
            if (!std::isfinite(loss)) continue;
            g->addData(static_cast<double>(h[i].epoch), loss);
            maxLoss_ = std::max(maxLoss_, loss);
            lastEpoch_ = std::max(lastEpoch_, static_cast<double>(h[i].epoch));
        }
        runGraphs_.push_back(g);
    }
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LabCurves::rescale() {
    plot_->xAxis->setRange(0, std::max(10.0, lastEpoch_));
    plot_->yAxis->setRange(0, maxLoss_ > 0 ? maxLoss_ * 1.08 : 1.0);
}

int LabCurves::pointCount() const { return trainLoss_->dataCount(); }

double LabCurves::lastTrainLoss() const {
    return trainLoss_->dataCount() > 0 ? (trainLoss_->data()->constEnd() - 1)->value : std::nan("");
}

QString LabCurves::csv() const {
    std::vector<double> epoch, trainLoss, testLoss, trainAcc, testAcc;
    for (auto it = trainLoss_->data()->constBegin(); it != trainLoss_->data()->constEnd(); ++it) {
        epoch.push_back(it->key);
        trainLoss.push_back(it->value);
        auto value = [&](const QCPGraph* g) {
            auto f = g->data()->findBegin(it->key, false);
            return f != g->data()->constEnd() && f->key == it->key ? f->value : std::nan("");
        };
        testLoss.push_back(value(testLoss_));
        trainAcc.push_back(value(trainAccuracy_));
        testAcc.push_back(value(testAccuracy_));
    }
    return csvOfColumns({QStringLiteral("epoch"), QStringLiteral("train_loss"), QStringLiteral("test_loss"),
                         QStringLiteral("train_accuracy"), QStringLiteral("test_accuracy")},
                        {epoch, trainLoss, testLoss, trainAcc, testAcc});
}

void LabCurves::showValuesAt(QPoint pos) {
    if (trainLoss_->dataCount() == 0) return;
    const double key = plot_->xAxis->pixelToCoord(pos.x());
    auto it = trainLoss_->data()->findBegin(key);
    if (it == trainLoss_->data()->constEnd()) return;
    auto value = [&](const QCPGraph* g) {
        auto f = g->data()->findBegin(it->key, false);
        return f != g->data()->constEnd() && f->key == it->key ? f->value : std::nan("");
    };
    QString text = tr("Epoch %1\nTraining loss %2\nTest loss %3")
                       .arg(static_cast<long>(it->key))
                       .arg(it->value, 0, 'f', 5)
                       .arg(value(testLoss_), 0, 'f', 5);
    if (classification_)
        text += tr("\nTraining accuracy %1\nTest accuracy %2")
                    .arg(value(trainAccuracy_), 0, 'f', 4)
                    .arg(value(testAccuracy_), 0, 'f', 4);
    for (const QCPGraph* g : runGraphs_) {
        auto f = g->data()->findBegin(it->key);
        if (f != g->data()->constEnd())
            text += QStringLiteral("\n%1: %2").arg(g->property("fullLabel").toString()).arg(f->value, 0, 'f', 5);
    }
    QToolTip::showText(plot_->mapToGlobal(pos), text, plot_);
}

void LabCurves::replotNow() { plot_->replot(QCustomPlot::rpImmediateRefresh); }

}  // namespace ns
