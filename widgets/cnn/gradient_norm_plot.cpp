#include "gradient_norm_plot.h"

#include "common/theme.h"

#include <QEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ns {

namespace {
// Okabe–Ito colours (colour-blind safe); the BatchNorm variants are also dashed.
constexpr std::array<QRgb, GradientNormPlot::kVariants> kColors{0xD55E00, 0xE69F00, 0x0072B2, 0x009E73};

std::size_t slot(int variant) {
    return static_cast<std::size_t>(std::clamp(variant, 0, GradientNormPlot::kVariants - 1));
}
}  // namespace

QColor GradientNormPlot::variantColor(int variant) { return QColor(kColors[slot(variant)]); }

Qt::PenStyle GradientNormPlot::variantPenStyle(int variant) {
    return slot(variant) % 2 == 1 ? Qt::DashLine : Qt::SolidLine;
}

QString GradientNormPlot::variantName(int variant) {
    switch (slot(variant)) {
    case 0: return tr("plain");
    case 1: return tr("plain + BatchNorm");
    case 2: return tr("residual");
    default: return tr("residual + BatchNorm");
    }
}

void GradientNormPlot::styleAxes(QCustomPlot* plot) {
    const QFont label = theme::uiFont(theme::kPlotLabelPt);
    const QFont tick = theme::uiFont(theme::kPlotTickPt);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(label);
        axis->setTickLabelFont(tick);
        axis->setBasePen(QPen(theme::mutedInk(), 1));
        axis->setTickPen(QPen(theme::mutedInk(), 1));
        axis->setSubTickPen(QPen(theme::mutedInk(), 1));
        axis->setTickLabelColor(theme::ink());
        axis->setLabelColor(theme::ink());
    }
    plot->setBackground(theme::background());
    plot->setNoAntialiasingOnDrag(true);
}

GradientNormPlot::GradientNormPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), norms_(kVariants) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumSize(420, 300);

    styleAxes(plot_);

    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    auto logTicker = QSharedPointer<QCPAxisTickerLog>::create();
    logTicker->setLogBase(10);
    logTicker->setSubTickCount(0);
    plot_->yAxis->setTicker(logTicker);
    plot_->yAxis->setNumberFormat(QStringLiteral("eb"));  // 10 with a superscript exponent
    plot_->yAxis->setNumberPrecision(0);
    plot_->yAxis->grid()->setSubGridVisible(false);

    auto intTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    intTicker->setTickStep(1);
    intTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot_->xAxis->setTicker(intTicker);

    for (int v = 0; v < kVariants; ++v) {
        QCPGraph* g = plot_->addGraph(plot_->xAxis, plot_->yAxis);
        g->setPen(QPen(variantColor(v), 2.5, variantPenStyle(v)));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, variantColor(v), theme::background(), 7));
        graphs_.push_back(g);
    }

    // The legend below the axes, in two columns, so it never hides a line.
    plot_->legend->setVisible(true);
    plot_->legend->setFont(theme::uiFont(theme::kPlotLegendPt));
    plot_->legend->setTextColor(theme::ink());
    plot_->legend->setBrush(theme::background());
    plot_->legend->setBorderPen(Qt::NoPen);
    auto* legendRect = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(1, 0, legendRect);
    legendRect->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRect->setMargins(QMargins(0, 0, 0, 4));

    titles_ = theme::addAxisTitles(plot_);  // upright above the plot: rotated Chinese reads sideways
    titles_.setColors(theme::ink(), theme::ink());
    retranslate();
    rescale();
}

void GradientNormPlot::retranslate() {
    plot_->xAxis->setLabel(tr("Layer (1 = input side)"));
    titles_.setTexts(tr("Gradient norm ‖∂L/∂W‖ (log scale)"), QString());
    for (int v = 0; v < kVariants; ++v) graphs_[slot(v)]->setName(variantName(v));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GradientNormPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void GradientNormPlot::setNorms(int variant, const std::vector<double>& norms) {
    if (variant < 0 || variant >= kVariants) return;
    norms_[slot(variant)] = norms;
    QVector<double> keys, values;
    for (std::size_t i = 0; i < norms.size(); ++i) {
        if (!std::isfinite(norms[i]) || norms[i] <= 0) continue;
        keys.push_back(static_cast<double>(i + 1));
        values.push_back(norms[i]);
    }
    graphs_[slot(variant)]->setData(keys, values, true);
}

void GradientNormPlot::clear() {
    for (int v = 0; v < kVariants; ++v) setNorms(v, {});
    refresh();
}

void GradientNormPlot::refresh() {
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GradientNormPlot::rescale() {
    std::size_t layers = 0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0;
    for (const std::vector<double>& norms : norms_) {
        layers = std::max(layers, norms.size());
        for (double n : norms)
            if (std::isfinite(n) && n > 0) {
                lo = std::min(lo, n);
                hi = std::max(hi, n);
            }
    }
    plot_->xAxis->setRange(0.5, static_cast<double>(std::max<std::size_t>(layers, 2)) + 0.5);
    if (hi <= 0) {
        plot_->yAxis->setRange(1e-6, 1);
        return;
    }
    double low = std::pow(10.0, std::floor(std::log10(lo)));
    double high = std::pow(10.0, std::ceil(std::log10(hi)));
    if (high <= low * 10) high = low * 100;
    plot_->yAxis->setRange(low, high);
    // About eight labelled decades at most, so the labels never crowd.
    const double decades = std::log10(high / low);
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerLog>(plot_->yAxis->ticker());
    if (ticker) ticker->setTickCount(static_cast<int>(std::clamp(decades, 2.0, 8.0)));
}

}  // namespace ns
