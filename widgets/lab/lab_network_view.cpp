#include "lab/lab_network_view.h"

#include "lab/lab_style.h"
#include "common/theme.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
constexpr int kThumbnail = 25;  // cells per side of a node's heatmap
constexpr double kTitleHeight = 26;
}  // namespace

LabNetworkView::LabNetworkView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Every square is a neuron's output over the plane; hover to enlarge"));
}

int LabNetworkView::nodeCount() const { return static_cast<int>(nodes_.size()); }

QImage LabNetworkView::heatmap(const GridEvaluation& grid, int column, std::size_t traceLayer, bool input,
                               bool output) const {
    const GridSpec& s = grid.spec;
    QImage image(kThumbnail, kThumbnail, QImage::Format_RGB32);
    const Matrix& values = input ? grid.trace.input : grid.trace.layers[traceLayer].a;
    // Inputs are scaled by their largest magnitude over the plane; hidden outputs use [−1, 1],
    // as Playground draws them; outputs use the task's own range.
    double scale = 1;
    if (input) scale = std::max(1e-12, values.col(column).cwiseAbs().maxCoeff());
    QCPColorGradient gradient = labstyle::binaryGradient();
    QCPColorGradient classes = labstyle::classGradient(classes_);
    for (int py = 0; py < kThumbnail; ++py) {
        for (int px = 0; px < kThumbnail; ++px) {
            const int ix = std::min(s.nx - 1, px * s.nx / kThumbnail);
            const int iy = std::min(s.ny - 1, (kThumbnail - 1 - py) * s.ny / kThumbnail);  // y up
            const Eigen::Index r = static_cast<Eigen::Index>(iy) * s.nx + ix;
            QColor color;
            if (output && task_ == TaskKind::Multiclass) {
                Eigen::Index c = 0;
                const double p = values.row(r).maxCoeff(&c);
                color = classes.color(static_cast<double>(c) + std::clamp((p - 1.0 / classes_) / (1.0 - 1.0 / classes_), 0.0, 0.999),
                                      QCPRange(0, classes_));
            } else if (output && task_ == TaskKind::Binary) {
                color = gradient.color(values(r, 0), QCPRange(0, 1));
            } else if (output) {
                color = gradient.color(values(r, 0), QCPRange(-scale_, scale_));
            } else {
                color = gradient.color(values(r, column) / scale, QCPRange(-1, 1));
            }
            image.setPixel(px, py, color.rgb());
        }
    }
    return image;
}

void LabNetworkView::setNetwork(const Mlp& network, const GridEvaluation& grid, TaskKind task, int classes,
                                const QStringList& inputNames, double valueScale) {
    const bool shapeChanged = network.sizes() != sizes_;
    network_ = network;
    sizes_ = network.sizes();
    task_ = task;
    classes_ = classes;
    scale_ = valueScale > 0 ? valueScale : 1;
    inputNames_ = inputNames;
    nodes_.clear();
    firstNode_.clear();
    const bool hasGrid = !grid.trace.layers.empty() && grid.trace.input.cols() == network.inputs();
    for (std::size_t l = 0; l < sizes_.size(); ++l) {
        firstNode_.push_back(nodes_.size());
        const bool output = l + 1 == sizes_.size();
        const int units = output && task == TaskKind::Multiclass ? 1 : sizes_[l];  // one map of all classes
        for (int u = 0; u < units; ++u) {
            Node node{l, u, {}, {}};
            if (hasGrid) node.image = heatmap(grid, u, l == 0 ? 0 : l - 1, l == 0, output);
            if (l == 0) node.title = inputNames.value(u);
            else if (output) node.title = tr("Output");
            else
                node.title = tr("Hidden layer %1, neuron %2 (%3)")
                                 .arg(l)
                                 .arg(u + 1)
                                 .arg(QString::fromLatin1(name(network.layer(l - 1).activation).data()));
            nodes_.push_back(std::move(node));
        }
    }
    if (shapeChanged) laidOutFor_ = {};
    update();
}

void LabNetworkView::layoutNodes() const {
    if (laidOutFor_ == size() && rects_.size() == nodes_.size()) return;
    rects_.assign(nodes_.size(), {});
    laidOutFor_ = size();
    const std::size_t layers = sizes_.size();
    if (layers == 0) return;
    int tallest = 1;
    for (std::size_t l = 0; l < layers; ++l)
        tallest = std::max(tallest, static_cast<int>((l + 1 < layers ? firstNode_[l + 1] : nodes_.size()) - firstNode_[l]));
    const double left = 70, right = 20, top = kTitleHeight + 10, bottom = 10;
    const double usableHeight = height() - top - bottom;
    const double side = std::clamp(usableHeight / tallest - 8, 14.0, 54.0);
    const double columnGap = layers > 1 ? (width() - left - right - side) / (layers - 1) : 0;
    for (std::size_t l = 0; l < layers; ++l) {
        const std::size_t first = firstNode_[l];
        const std::size_t count = (l + 1 < layers ? firstNode_[l + 1] : nodes_.size()) - first;
        const double x = left + columnGap * l;
        const double total = count * side + (count - 1) * 8;
        const double y0 = top + (usableHeight - total) / 2;
        for (std::size_t k = 0; k < count; ++k) rects_[first + k] = QRectF(x, y0 + k * (side + 8), side, side);
    }
}

QRectF LabNetworkView::nodeRect(std::size_t layer, int unit) const {
    layoutNodes();
    if (layer >= firstNode_.size()) return {};
    const std::size_t i = firstNode_[layer] + static_cast<std::size_t>(unit);
    return i < rects_.size() ? rects_[i] : QRectF();
}

void LabNetworkView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    p.setRenderHint(QPainter::Antialiasing);
    layoutNodes();
    const std::size_t layers = sizes_.size();
    if (layers == 0) return;
    // Edges: weight sign and size, scaled by the largest |w| of the whole network.
    double maxWeight = 1e-12;
    for (const DenseLayer& layer : network_.layers()) maxWeight = std::max(maxWeight, layer.W.cwiseAbs().maxCoeff());
    for (std::size_t l = 1; l < layers; ++l) {
        const DenseLayer& layer = network_.layer(l - 1);
        const bool output = l + 1 == layers && task_ == TaskKind::Multiclass;
        for (int j = 0; j < layer.units(); ++j) {
            const QRectF to = rects_[firstNode_[l] + static_cast<std::size_t>(output ? 0 : j)];
            for (int k = 0; k < layer.fanIn(); ++k) {
                const QRectF from = rects_[firstNode_[l - 1] + static_cast<std::size_t>(k)];
                const double w = layer.W(j, k);
                QPen pen(theme::signedColor(w, maxWeight), 0.6 + 5.0 * std::abs(w) / maxWeight);
                p.setPen(pen);
                QPainterPath path(QPointF(from.right(), from.center().y()));
                const double dx = (to.left() - from.right()) / 2;
                path.cubicTo(from.right() + dx, from.center().y(), to.left() - dx, to.center().y(), to.left(), to.center().y());
                p.drawPath(path);
            }
        }
    }
    // Column titles.
    p.setFont(theme::uiFont(11));
    p.setPen(theme::mutedInk());
    for (std::size_t l = 0; l < layers; ++l) {
        const QRectF first = rects_[firstNode_[l]];
        QString title = l == 0 ? tr("Input") : (l + 1 == layers ? tr("Output") : tr("Hidden %1").arg(l));
        p.drawText(QRectF(first.center().x() - 60, 4, 120, kTitleHeight), Qt::AlignCenter, title);
    }
    // Nodes.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const QRectF r = rects_[i];
        if (!nodes_[i].image.isNull()) p.drawImage(r, nodes_[i].image);
        p.setPen(QPen(static_cast<int>(i) == hovered_ ? theme::highlightUsed() : theme::ink(), static_cast<int>(i) == hovered_ ? 2.5 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        if (nodes_[i].layer == 0) {
            p.setPen(theme::ink());
            p.setFont(theme::mathFont(12));
            p.drawText(QRectF(0, r.top(), r.left() - 6, r.height()), Qt::AlignRight | Qt::AlignVCenter, nodes_[i].title);
        }
    }
    // The hovered node, enlarged beside it.
    if (hovered_ >= 0 && hovered_ < static_cast<int>(nodes_.size())) {
        const Node& node = nodes_[static_cast<std::size_t>(hovered_)];
        const QRectF r = rects_[static_cast<std::size_t>(hovered_)];
        const double big = std::min(220.0, std::min(width(), height()) * 0.6);
        QRectF box(r.right() + 12, r.center().y() - big / 2, big, big);
        if (box.right() > width() - 4) box.moveRight(r.left() - 12);
        box.moveTop(std::clamp(box.top(), 4.0 + 22, height() - big - 4.0));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 235));
        p.drawRect(box.adjusted(-4, -26, 4, 4));
        if (!node.image.isNull()) p.drawImage(box, node.image);
        p.setPen(QPen(theme::ink(), 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(box);
        p.setFont(theme::uiFont(11));
        p.drawText(QRectF(box.left(), box.top() - 24, box.width(), 22), Qt::AlignLeft | Qt::AlignVCenter, node.title);
    }
}

void LabNetworkView::mouseMoveEvent(QMouseEvent* event) {
    layoutNodes();
    int hit = -1;
    for (std::size_t i = 0; i < rects_.size(); ++i)
        if (rects_[i].adjusted(-3, -3, 3, 3).contains(event->position())) hit = static_cast<int>(i);
    if (hit != hovered_) {
        hovered_ = hit;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void LabNetworkView::leaveEvent(QEvent* event) {
    hovered_ = -1;
    update();
    QWidget::leaveEvent(event);
}

void LabNetworkView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) update();
    QWidget::changeEvent(event);
}

}  // namespace ns
