#include "network_view.h"

#include "theme.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

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

QString formatValue(double v) {
    if (!std::isfinite(v)) return QStringLiteral("—");
    return QString::number(v, 'f', std::abs(v) >= 100 ? 0 : 2);
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
    const QFontMetricsF metrics(theme::uiFont(13));
    const double top = metrics.height() * 2.6 + 8;     // two caption lines per layer
    const double bottom = metrics.height() * 1.8 + 8;  // the legend
    return QRectF(24, top, std::max(1.0, width() - 48.0), std::max(1.0, height() - top - bottom));
}

double NetworkView::neuronRadius() const {
    if (network_.sizes().empty()) return 10;
    const int widest = *std::max_element(network_.sizes().begin(), network_.sizes().end());
    const QRectF area = diagramRect();
    const double vertical = area.height() / std::max(1, widest) * 0.36;
    const double horizontal = area.width() / std::max<std::size_t>(1, network_.sizes().size()) * 0.22;
    return std::clamp(std::min(vertical, horizontal), 6.0, 40.0);
}

QPointF NetworkView::neuronCenter(int layer, int index) const {
    const QRectF area = diagramRect();
    const auto layers = static_cast<int>(network_.sizes().size());
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

void NetworkView::paintEvent(QPaintEvent*) {
    ++framesPainted_;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), theme::background());
    if (network_.sizes().empty()) return;

    const auto layerCount = static_cast<int>(network_.sizes().size());
    const double radius = neuronRadius();

    // Edges first, so neurons sit on top. Width is relative to the largest |w| on screen.
    double maxWeight = 1e-12;
    for (const DenseLayer& layer : network_.layers())
        maxWeight = std::max(maxWeight, layer.W.cwiseAbs().maxCoeff());
    for (int l = 1; l < layerCount; ++l) {
        const DenseLayer& layer = network_.layer(static_cast<std::size_t>(l - 1));
        for (Eigen::Index j = 0; j < layer.W.rows(); ++j)
            for (Eigen::Index k = 0; k < layer.W.cols(); ++k) {
                const double w = layer.W(j, k);
                const double strength = std::isfinite(w) ? std::abs(w) / maxWeight : 0.0;
                QColor color = w >= 0 ? theme::positive() : theme::negative();
                color.setAlphaF(0.25 + 0.75 * strength);
                painter.setPen(QPen(color, 0.8 + 7.0 * strength, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(neuronCenter(l - 1, static_cast<int>(k)),
                                 neuronCenter(l, static_cast<int>(j)));
            }
    }

    // Neurons: fill by activation, scaled per layer so small hidden values still show.
    QFont valueFont = theme::uiFont(std::clamp(radius * 0.42, 7.0, 15.0));
    for (int l = 0; l < layerCount; ++l) {
        const int units = network_.sizes()[static_cast<std::size_t>(l)];
        double scale = 1e-12;
        for (int i = 0; i < units; ++i) {
            const double a = activationOf(l, i);
            if (std::isfinite(a)) scale = std::max(scale, std::abs(a));
        }
        for (int i = 0; i < units; ++i) {
            const QPointF c = neuronCenter(l, i);
            const double a = activationOf(l, i);
            painter.setPen(QPen(theme::ink(), 2.0));
            painter.setBrush(activations_.empty() ? theme::neutral() : theme::signedColor(a, scale));
            painter.drawEllipse(c, radius, radius);
            if (!activations_.empty() && radius >= 14) {
                painter.setFont(valueFont);
                const bool dark = std::isfinite(a) && std::abs(a) / scale > 0.55;
                painter.setPen(dark ? Qt::white : theme::ink());
                painter.drawText(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius),
                                 Qt::AlignCenter, formatValue(a));
            }
        }
    }

    // Captions: layer name, then activation and unit count.
    const QFont titleFont = theme::uiFont(15);
    const QFont detailFont = theme::uiFont(12);
    const QFontMetricsF titleMetrics(titleFont);
    for (int l = 0; l < layerCount; ++l) {
        const double x = neuronCenter(l, 0).x();
        const double w = width() / std::max(1, layerCount);
        painter.setPen(theme::ink());
        painter.setFont(titleFont);
        painter.drawText(QRectF(x - w / 2, 4, w, titleMetrics.height()), Qt::AlignCenter,
                         layerTitle(l));
        const int units = network_.sizes()[static_cast<std::size_t>(l)];
        QString detail = units == 1 ? tr("1 neuron") : tr("%1 neurons").arg(units);
        if (l > 0)
            detail = activationLabel(network_.layer(static_cast<std::size_t>(l - 1)).activation) +
                     QStringLiteral(" · ") + detail;
        painter.setPen(theme::mutedInk());
        painter.setFont(detailFont);
        painter.drawText(QRectF(x - w / 2, 6 + titleMetrics.height(), w, titleMetrics.height()),
                         Qt::AlignCenter, detail);
    }

    painter.setFont(detailFont);
    painter.setPen(theme::mutedInk());
    const QString legend =
        sampleIndex_ >= 0
            ? tr("Edges: blue w > 0, orange w < 0, width |w|.  Neurons: activation for sample #%1.")
                  .arg(sampleIndex_ + 1)
            : tr("Edges: blue w > 0, orange w < 0, width |w|.");
    painter.drawText(QRectF(8, height() - titleMetrics.height() * 1.6, width() - 16,
                            titleMetrics.height() * 1.4),
                     Qt::AlignCenter, legend);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    if (const auto hit = neuronAt(event->position())) emit neuronClicked(hit->layer, hit->index);
    QWidget::mousePressEvent(event);
}

bool NetworkView::event(QEvent* event) {
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

}  // namespace ns
