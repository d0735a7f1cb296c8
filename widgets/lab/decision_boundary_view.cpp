#include "lab/decision_boundary_view.h"

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

namespace {
constexpr int kRegressionBins = 9;
}

DecisionBoundaryView::DecisionBoundaryView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumSize(360, 340);
    labstyle::stylePlot(plot_);
    map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    map_->setInterpolate(true);
    map_->setTightBoundary(false);
    map_->setGradient(labstyle::binaryGradient());
    map_->setDataRange(QCPRange(0, 1));
    // The heatmap has a buffer of its own: while training only it changes, and redrawing it alone
    // (QCPLayer::replot) leaves the axes and the points' buffers as they are.
    plot_->addLayer(QStringLiteral("heat"), plot_->layer(QStringLiteral("background")), QCustomPlot::limAbove);
    map_->setLayer(QStringLiteral("heat"));
    plot_->layer(QStringLiteral("heat"))->setMode(QCPLayer::lmBuffered);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showValueAt(e->pos()); });
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (e->button() != Qt::LeftButton) return;
        const double x = plot_->xAxis->pixelToCoord(e->pos().x());
        const double y = plot_->yAxis->pixelToCoord(e->pos().y());
        const double tolerance = std::abs(plot_->xAxis->pixelToCoord(e->pos().x() + 12) - x);
        emit pointClicked(x, y, e->modifiers() & Qt::ShiftModifier, e->modifiers() & Qt::ControlModifier, tolerance);
    });
    installExport(plot_, QStringLiteral("decision-boundary"), [this] { return csv(); });
    xTitle_ = QStringLiteral("x₁");
    yTitle_ = QStringLiteral("x₂");
    retranslate();
}

void DecisionBoundaryView::setPresenterScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == presenterScale_) return;
    presenterScale_ = scale;
    theme::applyPlotScale(plot_, {}, scale);
    for (int g = 0; g < plot_->graphCount(); ++g) {
        QCPScatterStyle style = plot_->graph(g)->scatterStyle();
        const double base = style.brush().color() == QColor(Qt::white) ? 8 : 8.5;
        style.setSize(base * scale);
        QPen pen = style.pen();
        pen.setWidthF((style.brush().color() == QColor(Qt::white) ? 2.2 : 1.2) * scale);
        style.setPen(pen);
        plot_->graph(g)->setScatterStyle(style);
    }
    fitAxes();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionBoundaryView::retranslate() {
    plot_->xAxis->setLabel(xTitle_);
    plot_->yAxis->setLabel(yTitle_);
    plot_->setToolTip(tr("Click: add a point of the chosen class · Shift+click: the other class · "
                         "Ctrl+click: remove the nearest point"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionBoundaryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DecisionBoundaryView::setAxisTitles(const QString& x, const QString& y) {
    xTitle_ = x;
    yTitle_ = y;
    retranslate();
}

void DecisionBoundaryView::setSurface(const GridEvaluation& grid, TaskKind task, int classes,
                                      bool discretize, double threshold, double valueScale) {
    task_ = task;
    classes_ = classes;
    scale_ = valueScale > 0 ? valueScale : 1;
    const GridSpec& s = grid.spec;
    QCPColorMapData* data = map_->data();
    if (data->keySize() != s.nx || data->valueSize() != s.ny)
        data->setSize(s.nx, s.ny);
    data->setRange(QCPRange(s.xMin, s.xMax), QCPRange(s.yMin, s.yMax));
    if (grid.trace.layers.empty()) return;
    const Matrix& out = grid.trace.output();
    for (int iy = 0; iy < s.ny; ++iy) {
        for (int ix = 0; ix < s.nx; ++ix) {
            const Eigen::Index r = static_cast<Eigen::Index>(iy) * s.nx + ix;
            double v = 0;
            if (task == TaskKind::Binary) {
                v = discretize ? (out(r, 0) > threshold ? 1.0 : 0.0) : out(r, 0);
            } else if (task == TaskKind::Multiclass) {
                Eigen::Index c = 0;
                const double p = out.row(r).maxCoeff(&c);
                // The band of class c, further in the more confident the network is.
                const double confidence = discretize ? 0.999 : std::clamp((p - 1.0 / classes) / (1.0 - 1.0 / classes), 0.0, 0.999);
                v = static_cast<double>(c) + confidence;
            } else {
                v = discretize ? (out(r, 0) > 0 ? scale_ : -scale_) : out(r, 0);
            }
            data->setCell(ix, iy, v);
        }
    }
    if (task == TaskKind::Multiclass) {
        map_->setGradient(labstyle::classGradient(classes));
        map_->setDataRange(QCPRange(0, classes));
    } else {
        map_->setGradient(labstyle::binaryGradient());
        map_->setDataRange(task == TaskKind::Binary ? QCPRange(0, 1) : QCPRange(-scale_, scale_));
    }
    map_->setInterpolate(!discretize);
    const QCPRange xRange(s.xMin, s.xMax), yRange(s.yMin, s.yMax);
    const bool sameFrame = xRange == xRange_ && yRange == yRange_ && task == drawnTask_ && classes == drawnClasses_ &&
                           discretize == drawnDiscretize_ && scale_ == drawnScale_;
    xRange_ = xRange;
    yRange_ = yRange;
    drawnTask_ = task;
    drawnClasses_ = classes;
    drawnDiscretize_ = discretize;
    drawnScale_ = scale_;
    if (sameFrame) {
        map_->layer()->replot();  // only the heatmap changed
        return;
    }
    fitAxes();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionBoundaryView::setPoints(const LabData& data, double valueScale) {
    plot_->clearGraphs();
    scale_ = valueScale > 0 ? valueScale : 1;
    const bool regression = data.task == TaskKind::Regression;
    const int groups = regression ? kRegressionBins : std::max(1, data.classes);
    std::vector<QCPGraph*> train(static_cast<std::size_t>(groups)), test(static_cast<std::size_t>(groups));
    QCPColorGradient gradient = labstyle::binaryGradient();
    for (int g = 0; g < groups; ++g) {
        QColor color = regression ? gradient.color(-scale_ + 2 * scale_ * (g + 0.5) / groups, QCPRange(-scale_, scale_))
                                  : labstyle::classColor(g);
        if (regression) color = color.darker(115);
        for (bool isTest : {false, true}) {
            QCPGraph* graph = plot_->addGraph();
            graph->setLineStyle(QCPGraph::lsNone);
            const double k = presenterScale_;
            graph->setScatterStyle(isTest ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 2.2 * k), QBrush(Qt::white), 8 * k)
                                          : QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.2 * k), QBrush(color), 8.5 * k));
            graph->removeFromLegend();
            (isTest ? test : train)[static_cast<std::size_t>(g)] = graph;
        }
    }
    const int columns = std::min(2, data.dimension());
    for (Eigen::Index i = 0; i < data.size(); ++i) {
        int g = 0;
        if (regression) {
            const double t = (data.labels(i) + scale_) / (2 * scale_);
            g = std::clamp(static_cast<int>(t * groups), 0, groups - 1);
        } else {
            g = std::clamp(static_cast<int>(data.labels(i)), 0, groups - 1);
        }
        const bool isTest = data.isTest[static_cast<std::size_t>(i)] != 0;
        (isTest ? test : train)[static_cast<std::size_t>(g)]->addData(data.points(i, 0), columns > 1 ? data.points(i, 1) : 0.0);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int DecisionBoundaryView::pointGraphCount() const {
    int points = 0;
    for (int g = 0; g < plot_->graphCount(); ++g) points += plot_->graph(g)->dataCount();
    return points;
}

QString DecisionBoundaryView::csv() const {
    QCPColorMapData* d = map_->data();
    std::vector<double> xs, ys, vs;
    for (int iy = 0; iy < d->valueSize(); ++iy)
        for (int ix = 0; ix < d->keySize(); ++ix) {
            double x = 0, y = 0;
            d->cellToCoord(ix, iy, &x, &y);
            xs.push_back(x);
            ys.push_back(y);
            vs.push_back(d->cell(ix, iy));
        }
    return csvOfColumns({QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("value")}, {xs, ys, vs});
}

void DecisionBoundaryView::showValueAt(QPoint pos) {
    if (!plot_->axisRect()->rect().contains(pos)) return;
    const double x = plot_->xAxis->pixelToCoord(pos.x());
    const double y = plot_->yAxis->pixelToCoord(pos.y());
    const double v = map_->data()->data(x, y);
    QString what;
    if (task_ == TaskKind::Binary) what = tr("p(class 2) = %1").arg(v, 0, 'f', 3);
    else if (task_ == TaskKind::Multiclass) what = tr("class %1").arg(std::clamp(static_cast<int>(v), 0, classes_ - 1) + 1);
    else what = tr("ŷ = %1").arg(v, 0, 'f', 3);
    QToolTip::showText(plot_->mapToGlobal(pos),
                       QStringLiteral("x₁ = %1, x₂ = %2\n%3").arg(x, 0, 'f', 2).arg(y, 0, 'f', 2).arg(what), plot_);
}

// Equal scales on both axes, so a circle looks round: the longer side gets extra range.
void DecisionBoundaryView::fitAxes() {
    const QRect r = plot_->axisRect()->rect();
    if (r.width() < 10 || r.height() < 10) {
        plot_->xAxis->setRange(xRange_);
        plot_->yAxis->setRange(yRange_);
        return;
    }
    const double perPixel = std::max(xRange_.size() / r.width(), yRange_.size() / r.height());
    plot_->xAxis->setRange(xRange_.center() - perPixel * r.width() / 2, xRange_.center() + perPixel * r.width() / 2);
    plot_->yAxis->setRange(yRange_.center() - perPixel * r.height() / 2, yRange_.center() + perPixel * r.height() / 2);
}

bool DecisionBoundaryView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && event->type() == QEvent::Paint) ++framesPainted_;
    return QWidget::eventFilter(watched, event);
}

void DecisionBoundaryView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    plot_->replot(QCustomPlot::rpImmediateRefresh);  // lays out the axis rect for the new size
    fitAxes();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionBoundaryView::replotNow() {
    fitAxes(); plot_->replot(QCustomPlot::rpImmediateRefresh); }

}  // namespace ns
