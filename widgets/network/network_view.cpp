#include "network/network_view.h"

#include "common/theme.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QResizeEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

// The font, made smaller (down to 10 pt) until every one of `texts` fits `width`: a column's
// title never runs into the next one's.
QFont fittedFont(QFont font, const QStringList& texts, double width) {
    while (font.pointSizeF() > 10) {
        double widest = 0;
        const QFontMetricsF metrics(font);
        for (const QString& t : texts) widest = std::max(widest, metrics.horizontalAdvance(t));
        if (widest <= width) break;
        font.setPointSizeF(std::max(10.0, font.pointSizeF() * width / widest - 0.25));
    }
    return font;
}


QString activationLabel(Activation f) {
    switch (f) {
        case Activation::Identity: return QStringLiteral("identity");
        case Activation::Sigmoid: return QStringLiteral("Sigmoid");
        case Activation::Tanh: return QStringLiteral("tanh");
        case Activation::Relu: return QStringLiteral("ReLU");
        case Activation::LeakyRelu: return QStringLiteral("Leaky ReLU");
        case Activation::Elu: return QStringLiteral("ELU");
        case Activation::Gelu: return QStringLiteral("GELU");
        case Activation::Softmax: return QStringLiteral("softmax");
    }
    return {};
}

QString lossLabel(Loss loss) {
    switch (loss) {
        case Loss::Mse: return NetworkView::tr("mean squared error");
        case Loss::Mae: return NetworkView::tr("mean absolute error");
        case Loss::Huber: return NetworkView::tr("Huber loss");
        case Loss::Bce: return NetworkView::tr("binary cross-entropy");
        case Loss::Ce: return NetworkView::tr("cross-entropy");
    }
    return {};
}

QString formatValue(double v) {
    if (!std::isfinite(v)) return QStringLiteral("—");
    return QString::number(v, 'f', std::abs(v) >= 100 ? 0 : 2);
}

// Numbers on the stepper's diagram: the formulas' own formatting, shortened to 3 digits.
QString stepValue(double v) {
    return QString::fromStdString(formatNumber(v, Notation::Unicode, 3));
}

QString unicodeSymbol(const ValueId& id) {
    return QString::fromStdString(symbol(id, Notation::Unicode));
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF d = b - a;
    const double length2 = QPointF::dotProduct(d, d);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * d - p;
    return std::sqrt(QPointF::dotProduct(q, q));
}

// A label with a white rounded background, so it reads over edges. With `placed`, a label that
// would cover one drawn before moves away from it (up for shift < 0, down for shift > 0): a
// layer's δ labels and the next layer's z labels share the space between the columns.
void drawTag(QPainter& painter, const QRectF& box, const QString& text, const QColor& ink,
             Qt::Alignment align, std::vector<QRectF>* placed = nullptr, int shift = 0) {
    const QFontMetricsF metrics(painter.font());
    const double w = metrics.horizontalAdvance(text) + 8;
    QRectF r(0, 0, w, metrics.height() + 2);
    if (align & Qt::AlignRight) r.moveRight(box.right());
    else if (align & Qt::AlignLeft) r.moveLeft(box.left());
    else r.moveCenter(QPointF(box.center().x(), r.center().y()));
    r.moveTop(box.center().y() - r.height() / 2);
    if (placed) {
        auto covers = [&](const QRectF& candidate) {
            return std::any_of(placed->begin(), placed->end(),
                               [&](const QRectF& other) { return other.intersects(candidate); });
        };
        for (int tries = 0; shift != 0 && tries < 3 && covers(r); ++tries)
            r.translate(0, shift * (r.height() * 0.6));
        placed->push_back(r);
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRoundedRect(r, 4, 4);
    painter.setPen(ink);
    painter.drawText(r, Qt::AlignCenter, text);
}

}  // namespace

NetworkView::NetworkView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, theme::background());
    setPalette(p);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Network diagram"));
}

void NetworkView::setState(const Mlp& network, const Trace* sampleTrace, int sampleIndex) {
    network_ = network;
    sampleIndex_ = sampleIndex;
    activations_.clear();
    preActivations_.clear();
    if (sampleTrace && sampleTrace->input.rows() > 0 &&
        sampleTrace->layers.size() == network.layers().size()) {
        auto row = [](const Matrix& m) {
            std::vector<double> values(static_cast<std::size_t>(m.cols()));
            for (Eigen::Index c = 0; c < m.cols(); ++c) values[static_cast<std::size_t>(c)] = m(0, c);
            return values;
        };
        activations_.push_back(row(sampleTrace->input));
        preActivations_.push_back({});
        for (const LayerTrace& t : sampleTrace->layers) {
            activations_.push_back(row(t.a));
            preActivations_.push_back(row(t.z));
        }
    }
    update();
}

QRectF NetworkView::diagramRect() const {
    const double line = lineHeight();
    const double top = line * 2.9 + 8;     // two caption lines per layer
    const double bottom = line * 2.0 + 8;  // the legend
    return QRectF(24, top, std::max(1.0, width() - 48.0), std::max(1.0, height() - top - bottom));
}

double NetworkView::neuronRadius() const {
    if (network_.sizes().empty()) return 10;
    const int widest = *std::max_element(network_.sizes().begin(), network_.sizes().end());
    const QRectF area = diagramRect();
    const double vertical = area.height() / std::max(1, widest) * 0.36;
    const double horizontal = area.width() / std::max(1, columnCount()) * (steps_ ? 0.16 : 0.22);
    return std::clamp(std::min(vertical, horizontal), 6.0, 40.0);
}

int NetworkView::columnCount() const {
    // Backprop mode adds a column for the loss box.
    return static_cast<int>(network_.sizes().size()) + (steps_ ? 1 : 0);
}

QPointF NetworkView::neuronCenter(int layer, int index) const {
    const QRectF area = diagramRect();
    const int layers = columnCount();
    const int units = network_.sizes().at(static_cast<std::size_t>(layer));
    const double x = area.left() + area.width() * (layer + 0.5) / std::max(1, layers);
    const double y = area.top() + area.height() * (index + 0.5) / std::max(1, units);
    return {x, y};
}

std::optional<NetworkView::NeuronAddress> NetworkView::neuronAt(QPointF pos) const {
    const double r = neuronRadius();
    for (int l = 0; l < static_cast<int>(network_.sizes().size()); ++l)
        for (int i = 0; i < network_.sizes()[static_cast<std::size_t>(l)]; ++i) {
            const QPointF d = pos - neuronCenter(l, i);
            if (d.x() * d.x() + d.y() * d.y() <= r * r) return NeuronAddress{l, i};
        }
    return std::nullopt;
}

QString NetworkView::layerTitle(int layer) const {
    const int last = static_cast<int>(network_.sizes().size()) - 1;
    if (layer == 0) return tr("Input layer");
    if (layer == last) return tr("Output layer");
    return tr("Hidden layer %1").arg(layer);
}

double NetworkView::activationOf(int layer, int index) const {
    if (activations_.empty()) return std::nan("");
    return activations_[static_cast<std::size_t>(layer)][static_cast<std::size_t>(index)];
}

double NetworkView::preActivationOf(int layer, int index) const {
    if (preActivations_.empty() || layer == 0) return std::nan("");
    return preActivations_[static_cast<std::size_t>(layer)][static_cast<std::size_t>(index)];
}

void NetworkView::setPresenterScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == presenterScale_) return;
    presenterScale_ = scale;
    lineHeight_ = -1;
    captions_ = {};
    update();
}

double NetworkView::lineHeight() const {
    if (lineHeight_ < 0) lineHeight_ = QFontMetricsF(theme::uiFont(13 * textScale())).height();
    return lineHeight_;
}

double NetworkView::textScale() const {
    // Presenter mode enlarges the text as far as the columns have room for it: a caption never
    // runs into its neighbour's.
    const double perColumn = width() / std::max(1, columnCount());
    return std::clamp(perColumn / 150.0, 1.0, std::max(1.0, presenterScale_));
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    captions_ = {};
    lineHeight_ = -1;
    QWidget::resizeEvent(event);
}

// Layer names, activations and unit counts above the columns, the legend below: the same from
// frame to frame while training, so they are drawn once into two strips and blitted.
void NetworkView::paintCaptions(QPainter& painter) {
    const auto layerCount = static_cast<int>(network_.sizes().size());
    const double s = textScale();
    const QFont titleFont = theme::uiFont(16 * s);
    const QFont detailFont = theme::uiFont(13 * s);
    const QFontMetricsF titleMetrics(titleFont);
    QStringList titles, details;
    for (int l = 0; l < layerCount; ++l) {
        titles << layerTitle(l);
        const int units = network_.sizes()[static_cast<std::size_t>(l)];
        QString detail = units == 1 ? tr("1 neuron") : tr("%1 neurons").arg(units);
        if (l > 0) {
            const QString activation = activationLabel(network_.layer(static_cast<std::size_t>(l - 1)).activation);
            detail = activation + QStringLiteral(" · ") + detail;
            // A narrow column keeps the activation and the count, without the word.
            const double column = width() / std::max(1, layerCount) - 6;
            if (QFontMetricsF(detailFont).horizontalAdvance(detail) > column)
                detail = activation + QStringLiteral(" · ") + QString::number(units);
        }
        details << detail;
    }
    const QString legend =
        sampleIndex_ >= 0
            ? tr("Edges: blue w > 0, orange w < 0, width |w|.  Neurons: activation for sample #%1.")
                  .arg(sampleIndex_ + 1)
            : tr("Edges: blue w > 0, orange w < 0, width |w|.");
    const QFont fittedTitleFont = fittedFont(titleFont, titles, width() / std::max(1, layerCount) - 6);
    const QString key = titles.join(QChar(1)) + QChar(2) + details.join(QChar(1)) + QChar(2) + legend;
    const double dpr = devicePixelRatioF();
    const double topHeight = diagramRect().top();
    const double bottomTop = height() - titleMetrics.height() * 1.6;
    if (key != captions_.key || captions_.top.isNull() || captions_.dpr != dpr) {
        captions_.key = key;
        captions_.dpr = dpr;
        auto strip = [&](double h) {
            QPixmap pixmap(QSize(std::max(1, width()), std::max(1, static_cast<int>(std::ceil(h)))) * dpr);
            pixmap.setDevicePixelRatio(dpr);
            pixmap.fill(Qt::transparent);
            return pixmap;
        };
        captions_.top = strip(topHeight);
        {
            QPainter p(&captions_.top);
            p.setRenderHint(QPainter::Antialiasing);
            const double w = width() / std::max(1, layerCount);
            for (int l = 0; l < layerCount; ++l) {
                const double x = neuronCenter(l, 0).x();
                p.setPen(theme::ink());
                p.setFont(fittedTitleFont);
                p.drawText(QRectF(x - w / 2, 4, w, titleMetrics.height()), Qt::AlignCenter, titles[l]);
                p.setPen(theme::mutedInk());
                p.setFont(detailFont);
                p.drawText(QRectF(x - w / 2, 6 + titleMetrics.height(), w, titleMetrics.height()), Qt::AlignCenter,
                           QFontMetricsF(detailFont).elidedText(details[l], Qt::ElideMiddle, w - 6));
            }
        }
        captions_.bottom = strip(height() - bottomTop);
        {
            QPainter p(&captions_.bottom);
            p.setRenderHint(QPainter::Antialiasing);
            // The legend shrinks to the width rather than losing its ends (no smaller than 10 pt,
            // then on two lines).
            QFont legendFont = detailFont;
            const double advance = QFontMetricsF(legendFont).horizontalAdvance(legend);
            if (advance > width() - 16)
                legendFont.setPointSizeF(std::max(10.0, legendFont.pointSizeF() * (width() - 16) / advance));
            p.setFont(legendFont);
            p.setPen(theme::mutedInk());
            p.drawText(QRectF(8, 0, width() - 16, titleMetrics.height() * 1.4), Qt::AlignCenter | Qt::TextWordWrap,
                       legend);
        }
    }
    painter.drawPixmap(QPointF(0, 0), captions_.top);
    painter.drawPixmap(QPointF(0, bottomTop), captions_.bottom);
}

void NetworkView::paintEvent(QPaintEvent*) {
    ++framesPainted_;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), theme::background());
    if (network_.sizes().empty()) return;

    if (steps_) {
        paintStepper(painter);
        return;
    }
    const auto layerCount = static_cast<int>(network_.sizes().size());
    const double radius = neuronRadius();
    const double s = textScale();
    std::vector<std::vector<QPointF>> centers(static_cast<std::size_t>(layerCount));
    for (int l = 0; l < layerCount; ++l)
        for (int i = 0; i < network_.sizes()[static_cast<std::size_t>(l)]; ++i)
            centers[static_cast<std::size_t>(l)].push_back(neuronCenter(l, i));

    // Edges first, so neurons sit on top. Width is relative to the largest |w| on screen. The
    // colour is the sign's colour faded towards the white background by |w| (opaque, as a
    // translucent stroke over white would look, but drawn by the raster engine's fast path for
    // wide lines, an order of magnitude cheaper); the weakest edges first, so strong ones read.
    double maxWeight = 1e-12;
    for (const DenseLayer& layer : network_.layers())
        maxWeight = std::max(maxWeight, layer.W.cwiseAbs().maxCoeff());
    struct Edge {
        double strength;
        double weight;
        QPointF from, to;
    };
    std::vector<Edge> edges;
    for (int l = 1; l < layerCount; ++l) {
        const DenseLayer& layer = network_.layer(static_cast<std::size_t>(l - 1));
        for (Eigen::Index j = 0; j < layer.W.rows(); ++j)
            for (Eigen::Index k = 0; k < layer.W.cols(); ++k) {
                const double w = layer.W(j, k);
                const double strength = std::isfinite(w) ? std::abs(w) / maxWeight : 0.0;
                edges.push_back({strength, w, centers[static_cast<std::size_t>(l - 1)][static_cast<std::size_t>(k)],
                                 centers[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]});
            }
    }
    std::stable_sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.strength < b.strength; });
    const QColor paper = theme::background();
    for (const Edge& e : edges) {
        const QColor sign = e.weight >= 0 ? theme::positive() : theme::negative();
        const double alpha = 0.25 + 0.75 * e.strength;
        auto mix = [alpha](int ink, int back) { return static_cast<int>(std::lround(back + (ink - back) * alpha)); };
        const QColor color(mix(sign.red(), paper.red()), mix(sign.green(), paper.green()),
                           mix(sign.blue(), paper.blue()));
        painter.setPen(QPen(color, (0.8 + 7.0 * e.strength) * s, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(e.from, e.to);
    }

    // Neurons: fill by activation, scaled per layer so small hidden values still show.
    const QFont valueFont = theme::uiFont(std::clamp(radius * 0.42, 13.0 * s, 18.0 * s));
    const QFontMetricsF valueMetrics(valueFont);
    painter.setFont(valueFont);
    for (int l = 0; l < layerCount; ++l) {
        const int units = network_.sizes()[static_cast<std::size_t>(l)];
        double scale = 1e-12;
        for (int i = 0; i < units; ++i) {
            const double a = activationOf(l, i);
            if (std::isfinite(a)) scale = std::max(scale, std::abs(a));
        }
        for (int i = 0; i < units; ++i) {
            const QPointF c = centers[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const double a = activationOf(l, i);
            painter.setPen(QPen(theme::ink(), 2.0 * s));
            painter.setBrush(activations_.empty() ? theme::neutral() : theme::signedColor(a, scale));
            painter.drawEllipse(c, radius, radius);
            if (activations_.empty()) continue;
            const QString text = formatValue(a);
            if (valueMetrics.horizontalAdvance(text) > 2 * radius - 4) continue;  // too small: the tooltip has it
            const bool dark = std::isfinite(a) && std::abs(a) / scale > 0.55;
            painter.setPen(dark ? Qt::white : theme::ink());
            painter.drawText(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter, text);
        }
    }

    paintCaptions(painter);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    if (steps_ && event->button() == Qt::LeftButton) {
        setFocus();
        if (position_ < steps_->size() && hits(locate(steps_->events()[position_].id), event->position())) {
            emit nextRequested();
            return;
        }
        if (const auto item = itemAt(event->position())) emit valueClicked(*item);
        return;
    }
    if (const auto hit = neuronAt(event->position())) emit neuronClicked(hit->layer, hit->index);
    QWidget::mousePressEvent(event);
}

void NetworkView::keyPressEvent(QKeyEvent* event) {
    if (steps_ && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        emit inspectRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool NetworkView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip && steps_) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto item = itemAt(help->pos());
        if (item && item->quantity != Quantity::LearningRate) {
            QString text = unicodeSymbol(*item);
            if (computed(*item))
                text += QStringLiteral(" = %1").arg(steps_->valueOf(*item), 0, 'g', 8);
            else
                text += QStringLiteral(" = ?");
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const auto hit = neuronAt(help->pos())) {
            QString text = tr("%1, neuron %2").arg(layerTitle(hit->layer)).arg(hit->index + 1);
            const double z = preActivationOf(hit->layer, hit->index);
            const double a = activationOf(hit->layer, hit->index);
            if (std::isfinite(z)) text += QStringLiteral("\nz = %1").arg(z, 0, 'g', 6);
            if (std::isfinite(a))
                text += (hit->layer == 0 ? QStringLiteral("\nx = %1") : QStringLiteral("\na = %1"))
                            .arg(a, 0, 'g', 6);
            if (hit->layer > 0)
                text += QStringLiteral("\nb = %1").arg(
                    network_.layer(static_cast<std::size_t>(hit->layer - 1)).b(hit->index), 0, 'g', 6);
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void NetworkView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Network diagram"));
        update();
    }
    QWidget::changeEvent(event);
}

// ---- backprop mode --------------------------------------------------------------------

void NetworkView::setStepper(const BackpropSteps* steps, std::size_t position,
                             std::optional<ValueId> selection) {
    steps_ = steps;
    position_ = steps ? std::min(position, steps->size()) : 0;
    selection_ = steps ? selection : std::nullopt;
    if (steps) network_ = steps->before();
    update();
}

NetworkView::Location NetworkView::locate(const ValueId& id) {
    switch (id.quantity) {
        case Quantity::Input: return {Where::Neuron, 0, id.unit, 0};
        case Quantity::Target:
        case Quantity::Loss: return {Where::Loss, 0, 0, 0};
        case Quantity::Z:
        case Quantity::A:
        case Quantity::Delta:
        case Quantity::Bias:
        case Quantity::BiasGrad:
        case Quantity::NewBias: return {Where::Neuron, id.layer, id.unit, 0};
        case Quantity::Weight:
        case Quantity::WeightGrad:
        case Quantity::NewWeight: return {Where::Edge, id.layer, id.unit, id.input};
        case Quantity::LearningRate: break;
    }
    return {};
}

bool NetworkView::computed(const ValueId& id) const {
    if (!steps_) return false;
    if (isGiven(id.quantity)) return true;
    const auto at = steps_->eventOf(id);
    return at && *at < position_;
}

QRectF NetworkView::lossBox() const {
    const QRectF area = diagramRect();
    const double column = area.width() / std::max(1, columnCount());
    // At the right of its column, so the output neurons' δ labels fit between them and the box.
    const double w = std::min(column * 0.7, 150.0 * textScale()), h = std::max(neuronRadius() * 2.2, 56.0);
    const double x = area.left() + column * columnCount() - w / 2 - 4;
    const double y = area.center().y();
    return QRectF(x - w / 2, y - h / 2, w, h);
}

QPointF NetworkView::edgePoint(int layer, int unit, int input, double t) const {
    const QPointF from = neuronCenter(layer - 1, input), to = neuronCenter(layer, unit);
    return from + t * (to - from);
}

bool NetworkView::hits(const Location& location, QPointF pos) const {
    switch (location.where) {
        case Where::Neuron: {
            const QPointF d = pos - neuronCenter(location.layer, location.unit);
            const double r = neuronRadius() + 4;
            return d.x() * d.x() + d.y() * d.y() <= r * r;
        }
        case Where::Edge:
            return distanceToSegment(pos, neuronCenter(location.layer - 1, location.input),
                                     neuronCenter(location.layer, location.unit)) <= 7.0;
        case Where::Loss: return lossBox().adjusted(-4, -4, 4, 4).contains(pos);
        case Where::None: break;
    }
    return false;
}

std::optional<ValueId> NetworkView::itemAt(QPointF pos) const {
    if (!steps_) return std::nullopt;
    const int L = static_cast<int>(network_.layers().size());
    auto latest = [&](std::initializer_list<ValueId> candidates) -> ValueId {
        ValueId best = *std::prev(candidates.end());  // the given value, listed last
        for (const ValueId& id : candidates)
            if (computed(id)) return id;
        return best;
    };
    if (lossBox().contains(pos))
        return computed({Quantity::Loss, L, 0, 0}) ? ValueId{Quantity::Loss, L, 0, 0}
                                                    : ValueId{Quantity::Target, 0, 0, 0};
    if (const auto neuron = neuronAt(pos)) {
        const int l = neuron->layer, j = neuron->index;
        if (l == 0) return ValueId{Quantity::Input, 0, j, 0};
        return latest({{Quantity::NewBias, l, j, 0}, {Quantity::BiasGrad, l, j, 0},
                       {Quantity::Delta, l, j, 0}, {Quantity::A, l, j, 0}, {Quantity::Z, l, j, 0},
                       {Quantity::Bias, l, j, 0}});
    }
    // The nearest edge within a few pixels, outside the neurons.
    double best = 7.0;
    std::optional<ValueId> found;
    for (int l = 1; l <= L; ++l) {
        const DenseLayer& layer = network_.layer(static_cast<std::size_t>(l - 1));
        for (int j = 0; j < layer.units(); ++j)
            for (int k = 0; k < layer.fanIn(); ++k) {
                const double d = distanceToSegment(pos, neuronCenter(l - 1, k), neuronCenter(l, j));
                if (d < best) {
                    best = d;
                    found = latest({{Quantity::NewWeight, l, j, k}, {Quantity::WeightGrad, l, j, k},
                                    {Quantity::Weight, l, j, k}});
                }
            }
    }
    return found;
}

QPointF NetworkView::pointOf(const ValueId& id) const {
    const Location at = locate(id);
    switch (at.where) {
        case Where::Neuron: return neuronCenter(at.layer, at.unit);
        case Where::Loss: return lossBox().center();
        case Where::Edge: {
            // A point on the edge that hits this edge and no nearer one.
            for (double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.45, 0.55, 0.25, 0.75}) {
                const QPointF p = edgePoint(at.layer, at.unit, at.input, t);
                const auto item = itemAt(p);
                if (item && locate(*item) == at) return p;
            }
            return edgePoint(at.layer, at.unit, at.input, 0.5);
        }
        case Where::None: break;
    }
    return {};
}

QString NetworkView::stepperLegend() const {
    const QString batch = steps_->batchSize() > 1
                              ? QStringLiteral(" ") +
                                    tr("Neurons show sample 1 of the batch of %1; ∂L/∂W is the "
                                       "batch mean.").arg(steps_->batchSize())
                              : QString();
    return phaseLegend() + batch;
}

QString NetworkView::phaseLegend() const {
    if (position_ >= steps_->size())
        return tr("Step complete: every weight was updated by W ← W − η ∂L/∂W. Click any number to "
                  "see where it came from.");
    switch (steps_->events()[position_].phase) {
        case StepPhase::Forward:
        case StepPhase::Loss:
            return tr("Forward pass: click the highlighted neuron (or press →) to compute the next "
                      "value. Blank values are not computed yet.");
        case StepPhase::Backward:
            return tr("Backward pass: edges show the gradient ∂L/∂W (purple > 0, green < 0, width "
                      "|∂L/∂W|). Click the highlighted item (or press →).");
        case StepPhase::Update:
            return tr("Update: W ← W − η ∂L/∂W, edge by edge. Click the highlighted item (or press "
                      "→).");
    }
    return {};
}

void NetworkView::paintStepper(QPainter& painter) {
    const BackpropSteps& steps = *steps_;
    const int L = static_cast<int>(network_.layers().size());
    const double radius = neuronRadius();
    const std::optional<StepEvent> next =
        position_ < steps.size() ? std::optional<StepEvent>(steps.events()[position_]) : std::nullopt;
    const Location nextAt = next ? locate(next->id) : Location{};

    // The selected step and the values it used.
    const StepEvent* selected = nullptr;
    if (selection_)
        if (const auto at = steps.eventOf(*selection_); at && *at < position_)
            selected = &steps.events()[*at];
    std::vector<Location> used;
    if (selected)
        for (const ValueId& id : selected->uses) used.push_back(locate(id));
    auto isUsed = [&](const Location& at) {
        return std::find(used.begin(), used.end(), at) != used.end();
    };
    const Location selectedAt = selection_ ? locate(*selection_) : Location{};

    // Backward pass: has any gradient been computed?
    const auto firstGradient = steps.eventOf({Quantity::WeightGrad, L, 0, 0});
    const bool gradientColours = firstGradient && *firstGradient < position_;
    double maxGradient = 1e-12, maxWeight = 1e-12;
    for (int l = 1; l <= L; ++l) {
        const DenseLayer& layer = network_.layer(static_cast<std::size_t>(l - 1));
        maxWeight = std::max(maxWeight, layer.W.cwiseAbs().maxCoeff());
        for (int j = 0; j < layer.units(); ++j)
            for (int k = 0; k < layer.fanIn(); ++k)
                if (computed({Quantity::WeightGrad, l, j, k}))
                    maxGradient = std::max(maxGradient, std::abs(steps.valueOf({Quantity::WeightGrad, l, j, k})));
    }

    // Edges.
    struct EdgeLabel {
        QPointF at;
        QString text;
        QColor ink;
    };
    std::vector<EdgeLabel> edgeLabels;
    for (int l = 1; l <= L; ++l) {
        const DenseLayer& layer = network_.layer(static_cast<std::size_t>(l - 1));
        for (int j = 0; j < layer.units(); ++j)
            for (int k = 0; k < layer.fanIn(); ++k) {
                const QPointF from = neuronCenter(l - 1, k), to = neuronCenter(l, j);
                const ValueId gradId{Quantity::WeightGrad, l, j, k};
                QPen pen;
                if (gradientColours) {
                    if (computed(gradId)) {
                        const double g = steps.valueOf(gradId);
                        const double strength = std::abs(g) / maxGradient;
                        QColor c = g >= 0 ? theme::gradientPositive() : theme::gradientNegative();
                        c.setAlphaF(0.3 + 0.7 * strength);
                        pen = QPen(c, 1.0 + 7.0 * strength, Qt::SolidLine, Qt::RoundCap);
                    } else {
                        pen = QPen(QColor(0xcc, 0xcc, 0xcc), 1.0, Qt::DashLine);
                    }
                } else {
                    const double w = layer.W(j, k);
                    const double strength = std::isfinite(w) ? std::abs(w) / maxWeight : 0.0;
                    QColor c = w >= 0 ? theme::positive() : theme::negative();
                    c.setAlphaF(0.15 + 0.35 * strength);
                    pen = QPen(c, 0.8 + 5.0 * strength, Qt::SolidLine, Qt::RoundCap);
                }
                painter.setPen(pen);
                painter.drawLine(from, to);
                const Location here{Where::Edge, l, j, k};
                if (isUsed(here)) {
                    painter.setPen(QPen(theme::highlightUsed(), 3.5, Qt::SolidLine, Qt::RoundCap));
                    painter.drawLine(from, to);
                    // Label the weight near the end the used edges do not share.
                    const double t = selected && selected->id.quantity == Quantity::Delta ? 0.6 : 0.42;
                    edgeLabels.push_back({from + t * (to - from),
                                          stepValue(layer.W(j, k)), theme::highlightUsed()});
                }
                if (next && nextAt == here) {
                    painter.setPen(QPen(theme::highlightNext(), 7.0, Qt::SolidLine, Qt::RoundCap));
                    painter.drawLine(from, to);
                }
                if (selectedAt == here) {
                    painter.setPen(QPen(theme::ink(), 3.0, Qt::DashLine, Qt::RoundCap));
                    painter.drawLine(from, to);
                    edgeLabels.push_back({from + 0.4 * (to - from),
                                          unicodeSymbol(*selection_) + QStringLiteral(" = ") +
                                              stepValue(steps.valueOf(*selection_)),
                                          theme::ink()});
                }
            }
    }
    // The edge from the output neuron to the loss box.
    const QRectF box = lossBox();
    painter.setPen(QPen(theme::mutedInk(), 2.0));
    for (int j = 0; j < network_.outputs(); ++j)
        painter.drawLine(neuronCenter(L, j), QPointF(box.left(), box.center().y()));

    // Neurons: a inside (x for the input layer), z to the left, δ to the right.
    const double s = textScale();
    const QFont valueFont = theme::mathFont(std::clamp(radius * 0.45, 13.0, 15.0) * s);
    const QFont tagFont = theme::mathFont(std::clamp(radius * 0.45, 13.0, 14.0) * s);
    std::vector<QRectF> tags;
    for (int l = 0; l <= L; ++l) {
        const int units = network_.sizes()[static_cast<std::size_t>(l)];
        for (int j = 0; j < units; ++j) {
            const QPointF c = neuronCenter(l, j);
            const Location here{Where::Neuron, l, j, 0};
            const ValueId aId = l == 0 ? ValueId{Quantity::Input, 0, j, 0} : ValueId{Quantity::A, l, j, 0};
            const bool hasA = computed(aId);
            const double a = hasA ? steps.valueOf(aId) : std::nan("");
            if (next && nextAt == here) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(theme::highlightNext());
                painter.drawEllipse(c, radius + 8, radius + 8);
            }
            painter.setPen(QPen(theme::ink(), 2.0));
            painter.setBrush(hasA ? theme::signedColor(a, 1.5) : QColor(Qt::white));
            painter.drawEllipse(c, radius, radius);
            if (isUsed(here) || (l == 0 && selected && std::any_of(selected->uses.begin(), selected->uses.end(),
                                                                   [&](const ValueId& u) { return u == aId; }))) {
                painter.setPen(QPen(theme::highlightUsed(), 4.0));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(c, radius + 3, radius + 3);
            }
            if (selectedAt == here) {
                painter.setPen(QPen(theme::ink(), 3.0, Qt::DashLine));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(c, radius + 5, radius + 5);
            }
            if (hasA) {
                // Shrink the font until the number fits inside the circle.
                QFont font = valueFont;
                const QString text = stepValue(a);
                while (font.pointSizeF() > 7 &&
                       QFontMetricsF(font).horizontalAdvance(text) > 2 * radius - 4)
                    font.setPointSizeF(font.pointSizeF() - 0.5);
                painter.setFont(font);
                painter.setPen(std::abs(a) / 1.5 > 0.55 ? Qt::white : theme::ink());
                painter.drawText(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius),
                                 Qt::AlignCenter, text);
            }
            if (l == 0) continue;
            painter.setFont(tagFont);
            const ValueId zId{Quantity::Z, l, j, 0}, dId{Quantity::Delta, l, j, 0};
            if (computed(zId))
                drawTag(painter, QRectF(c.x() - radius - 200, c.y() - radius * 0.9, 200 - 2, radius * 0.9),
                        QStringLiteral("z ") + stepValue(steps.valueOf(zId)), theme::ink(), Qt::AlignRight, &tags, -1);
            if (computed(dId)) {
                const double d = steps.valueOf(dId);
                drawTag(painter, QRectF(c.x() + radius + 2, c.y() + radius * 0.1, 200, radius * 0.9),
                        QStringLiteral("δ ") + stepValue(d),
                        d >= 0 ? theme::gradientPositive() : theme::gradientNegative(), Qt::AlignLeft, &tags, 1);
            }
        }
    }

    // The loss box: L once computed, the target y always (it is given).
    const ValueId lossId{Quantity::Loss, L, 0, 0};
    const Location lossAt{Where::Loss, 0, 0, 0};
    if (next && nextAt == lossAt) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme::highlightNext());
        painter.drawRoundedRect(box.adjusted(-8, -8, 8, 8), 12, 12);
    }
    painter.setPen(QPen(isUsed(lossAt) ? theme::highlightUsed() : theme::ink(), isUsed(lossAt) ? 4.0 : 2.0));
    painter.setBrush(QColor(0xfa, 0xfa, 0xfa));
    painter.drawRoundedRect(box, 8, 8);
    if (selectedAt == lossAt) {
        painter.setPen(QPen(theme::ink(), 3.0, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(box.adjusted(-5, -5, 5, 5), 10, 10);
    }
    painter.setFont(valueFont);
    painter.setPen(theme::ink());
    QString lossText = QStringLiteral("L = ") + (computed(lossId) ? stepValue(steps.valueOf(lossId)) : QString());
    QString targetText;
    for (int j = 0; j < network_.outputs(); ++j)
        targetText += (j ? QStringLiteral(", ") : QString()) +
                      stepValue(steps.valueOf({Quantity::Target, 0, j, 0}));
    painter.drawText(box.adjusted(4, 4, -4, -box.height() / 2), Qt::AlignCenter, lossText);
    painter.setPen(theme::mutedInk());
    painter.drawText(box.adjusted(4, box.height() / 2, -4, -4), Qt::AlignCenter,
                     QStringLiteral("y = ") + targetText);

    // Labels last, above everything.
    painter.setFont(tagFont);
    for (const EdgeLabel& label : edgeLabels)
        drawTag(painter, QRectF(label.at.x() - 100, label.at.y() - 10, 200, 20), label.text, label.ink,
                Qt::AlignHCenter);

    // Captions: layer names, and the legend for the current phase.
    const QFont titleFont = theme::uiFont(16 * s);
    const QFont detailFont = theme::uiFont(13 * s);
    const QFontMetricsF titleMetrics(titleFont);
    const double columnWidth = width() / std::max(1, columnCount());
    QStringList stepperTitles;
    for (int l = 0; l <= L; ++l) stepperTitles << layerTitle(l);
    stepperTitles << tr("Loss");
    const QFont fittedTitleFont = fittedFont(titleFont, stepperTitles, columnWidth - 6);
    for (int l = 0; l <= L + 1; ++l) {
        const double x = l <= L ? neuronCenter(l, 0).x() : box.center().x();
        painter.setPen(theme::ink());
        painter.setFont(fittedTitleFont);
        painter.drawText(QRectF(x - columnWidth / 2, 4, columnWidth, titleMetrics.height()),
                         Qt::AlignCenter, l <= L ? layerTitle(l) : tr("Loss"));
        QString detail;
        if (l == 0) detail = QStringLiteral("x");
        else if (l <= L)
            detail = activationLabel(network_.layer(static_cast<std::size_t>(l - 1)).activation) +
                     QStringLiteral(" · z | a | δ");
        else
            detail = lossLabel(steps.loss());
        painter.setPen(theme::mutedInk());
        const QFont fittedDetail = fittedFont(detailFont, {detail}, columnWidth - 12);
        painter.setFont(fittedDetail);
        painter.drawText(QRectF(x - columnWidth / 2, 6 + titleMetrics.height(), columnWidth,
                                titleMetrics.height()),
                         Qt::AlignCenter, QFontMetricsF(fittedDetail).elidedText(detail, Qt::ElideMiddle, columnWidth - 12));
    }
    painter.setFont(detailFont);
    painter.setPen(theme::mutedInk());
    painter.drawText(QRectF(8, height() - titleMetrics.height() * 1.9, width() - 16,
                            titleMetrics.height() * 1.8),
                     Qt::AlignCenter | Qt::TextWordWrap, stepperLegend());
}

}  // namespace ns
