#include "network/neuron_graph_view.h"

#include "common/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

QString number(double v, int digits = 4) {
    return QString::fromStdString(formatNumber(v, Notation::Unicode, digits));
}

// Draws text centred in r, shrinking the font until it fits the width and the height.
void fitText(QPainter& painter, const QRectF& r, const QString& text, QFont font) {
    while (font.pointSizeF() > 8 && (QFontMetricsF(font).horizontalAdvance(text) > r.width() - 6 ||
                                     QFontMetricsF(font).height() > r.height() + 1))
        font.setPointSizeF(font.pointSizeF() - 0.5);
    painter.setFont(font);
    painter.drawText(r, Qt::AlignCenter, text);
}
QString label(const GraphNode& n) { return QString::fromStdString(n.label); }

}  // namespace

// Draws the nodes in columns: x and w of each term, ×, +, σ, L (inputs left, loss right).
class GraphCanvas : public QWidget {
public:
    explicit GraphCanvas(QWidget* parent = nullptr) : QWidget(parent) {
        setMinimumSize(420, 300);
        setAutoFillBackground(true);
        QPalette p = palette();
        p.setColor(QPalette::Window, theme::background());
        setPalette(p);
    }

    void setScale(double scale) {
        scale_ = scale;
        update();
    }

    void set(const NeuronGraph* graph, std::size_t position) {
        graph_ = graph;
        position_ = position;
        update();
    }

    QRectF rectOf(int i) const {
        if (!graph_) return {};
        const int n = graph_->terms();
        const double slotCount = 2.0 * n + 2;
        const double slot = (height() - 16) / slotCount;
        const double column = (width() - 16) / 5.0;
        const double boxW = column * 0.88;
        const double small = std::min(slot * 0.9, 60.0 * scale_);
        const double big = std::min(slot * 1.8, 78.0 * scale_);
        auto at = [&](double col, double y, double h) {
            const double cx = 8 + column * (col + 0.5);
            return QRectF(cx - boxW / 2, 8 + y - h / 2, boxW, h);
        };
        const GraphNode& node = graph_->node(i);
        const double middle = slot * n;
        switch (node.kind) {
            case GraphNode::Kind::Input: return at(0, slot * (2 * node.term + 0.5), small);
            case GraphNode::Kind::Weight: return at(0, slot * (2 * node.term + 1.5), small);
            case GraphNode::Kind::Multiply: return at(1, slot * (2 * node.term + 1.0), big);
            case GraphNode::Kind::Bias: return at(1, slot * (2 * n + 1.0), big);
            case GraphNode::Kind::Add: return at(2, middle, big);
            case GraphNode::Kind::Activation: return at(3, middle, big);
            case GraphNode::Kind::Target: return at(4, middle - 2.5 * std::max(slot, 24.0), big);
            case GraphNode::Kind::Loss: return at(4, middle, big);
        }
        return {};
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(rect(), theme::background());
        if (!graph_) return;
        const auto& order = graph_->backwardOrder();
        std::vector<bool> revealed(graph_->nodes().size(), false);
        for (std::size_t p = 0; p < position_ && p < order.size(); ++p)
            revealed[static_cast<std::size_t>(order[p])] = true;
        const int current = position_ > 0 && position_ <= order.size() ? order[position_ - 1] : -1;
        double maxGradient = 1e-12;
        for (std::size_t i = 0; i < revealed.size(); ++i)
            if (revealed[i]) maxGradient = std::max(maxGradient, std::abs(graph_->nodes()[i].gradient));

        // Edges parent → child; the ones the current node's gradient flows through in red.
        for (int c = 0; c < static_cast<int>(graph_->nodes().size()); ++c)
            for (int p : graph_->node(c).parents) {
                const QRectF from = rectOf(p), to = rectOf(c);
                const bool active = p == current && revealed[static_cast<std::size_t>(c)];
                painter.setPen(QPen(active ? theme::highlightUsed() : theme::mutedInk(), (active ? 3.0 : 1.3) * scale_));
                painter.drawLine(QPointF(from.right(), from.center().y()), QPointF(to.left(), to.center().y()));
            }

        const QFont labelFont = theme::mathFont(15 * scale_);
        const QFont valueFont = theme::mathFont(13 * scale_);
        for (int i = 0; i < static_cast<int>(graph_->nodes().size()); ++i) {
            const GraphNode& node = graph_->node(i);
            const QRectF r = rectOf(i);
            const bool shown = revealed[static_cast<std::size_t>(i)];
            painter.setPen(Qt::NoPen);
            painter.setBrush(shown ? theme::gradientColor(node.gradient, maxGradient * 1.6)
                                   : QColor(0xfa, 0xfa, 0xfa));
            painter.drawRoundedRect(r, 6, 6);
            const bool feedsCurrent =
                current >= 0 && std::find(graph_->node(current).children.begin(),
                                          graph_->node(current).children.end(), i) !=
                                    graph_->node(current).children.end();
            painter.setBrush(Qt::NoBrush);
            if (i == current) painter.setPen(QPen(theme::highlightNext(), 4.0 * scale_));
            else if (feedsCurrent) painter.setPen(QPen(theme::highlightUsed(), 3.0 * scale_));
            else painter.setPen(QPen(theme::ink(), 1.5 * scale_));
            painter.drawRoundedRect(r, 6, 6);
            painter.setPen(theme::ink());
            const QString value = number(node.value, 3);
            const QString gradient = node.differentiable ? (shown ? number(node.gradient, 3) : QStringLiteral("·"))
                                                         : QString();
            const bool small = node.kind == GraphNode::Kind::Input || node.kind == GraphNode::Kind::Weight;
            if (small) {  // label, then value | gradient
                fitText(painter, QRectF(r.left(), r.top() + 1, r.width(), r.height() / 2), label(node), labelFont);
                fitText(painter, QRectF(r.left(), r.center().y() - 1, r.width(), r.height() / 2),
                        value + QStringLiteral(" | ") + gradient, valueFont);
            } else {  // label, value, gradient on three lines
                const double third = r.height() / 3;
                fitText(painter, QRectF(r.left(), r.top() + 1, r.width(), third), label(node), labelFont);
                fitText(painter, QRectF(r.left(), r.top() + third, r.width(), third), value, valueFont);
                if (node.differentiable)
                    fitText(painter, QRectF(r.left(), r.top() + 2 * third - 1, r.width(), third),
                            QStringLiteral("∂ ") + gradient, valueFont);
            }
        }
    }

private:
    const NeuronGraph* graph_ = nullptr;
    std::size_t position_ = 0;
    double scale_ = 1.0;
};

NeuronGraphView::NeuronGraphView(QWidget* parent)
    : QWidget(parent), title_(new QLabel), canvas_(new GraphCanvas), caption_(new QLabel),
      start_(new QToolButton), back_(new QToolButton), next_(new QToolButton), end_(new QToolButton) {
    title_->setWordWrap(true);
    caption_->setWordWrap(true);
    caption_->setMinimumHeight(70);
    caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    for (QToolButton* b : {start_, back_, next_, end_}) {
        b->setFocusPolicy(Qt::StrongFocus);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    connect(start_, &QToolButton::clicked, this, &NeuronGraphView::startRequested);
    connect(back_, &QToolButton::clicked, this, &NeuronGraphView::backRequested);
    connect(next_, &QToolButton::clicked, this, &NeuronGraphView::nextRequested);
    connect(end_, &QToolButton::clicked, this, &NeuronGraphView::endRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(title_);
    layout->addWidget(canvas_, 1);
    layout->addWidget(caption_);
    layout->addLayout(buttons);
    applyScale();
    retranslate();
}

void NeuronGraphView::setPresenterScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == scale_) return;
    scale_ = scale;
    applyScale();
}

void NeuronGraphView::applyScale() {
    title_->setFont(theme::uiFont(15 * scale_));
    caption_->setFont(theme::mathFont(15 * scale_));
    caption_->setMinimumHeight(static_cast<int>(70 * scale_));
    for (QToolButton* b : {start_, back_, next_, end_}) b->setFont(theme::uiFont(14 * scale_));
    canvas_->setScale(scale_);
}

QWidget* NeuronGraphView::canvas() const { return canvas_; }
QRectF NeuronGraphView::nodeRect(int node) const { return canvas_->rectOf(node); }

void NeuronGraphView::setGraph(const NeuronGraph* graph, std::size_t position) {
    if (graph) graph_ = *graph;
    else graph_.reset();
    position_ = graph ? std::min(position, graph->backwardOrder().size()) : 0;
    canvas_->set(graph_ ? &*graph_ : nullptr, position_);
    refresh();
}

void NeuronGraphView::refresh() {
    if (!graph_) {
        title_->setText(tr("Select a neuron with an element-wise activation to see its "
                           "computational graph."));
        caption_->clear();
        for (QToolButton* b : {start_, back_, next_, end_}) b->setEnabled(false);
        return;
    }
    const bool output = graph_->isOutput();
    title_->setText(output ? tr("<b>Computational graph</b> of output neuron %1 and the loss "
                                "(Algorithm 1). Each box: value | gradient ∂L/∂·")
                                 .arg(graph_->unit() + 1)
                           : tr("<b>Computational graph</b> of neuron %1 of hidden layer %2; "
                                "the layers above reach the loss L (Algorithm 1). Each box: "
                                "value | gradient ∂L/∂·")
                                 .arg(graph_->unit() + 1)
                                 .arg(graph_->layer()));
    if (graph_->batchSize() > 1)
        title_->setText(title_->text() + QStringLiteral(" ") +
                        tr("Sample %1 of the batch of %2: its gradients are ∂ℓ/∂·, before the "
                           "batch mean.")
                            .arg(graph_->sample() + 1)
                            .arg(graph_->batchSize()));
    const auto& order = graph_->backwardOrder();
    start_->setEnabled(position_ > 0);
    back_->setEnabled(position_ > 0);
    next_->setEnabled(position_ < order.size());
    end_->setEnabled(position_ < order.size());
    if (position_ == 0) {
        caption_->setText(tr("Forward: every box shows its value, computed in topological order. "
                             "Press “Next node” to walk backwards from L."));
        return;
    }
    const GraphNode& node = graph_->node(order[position_ - 1]);
    if (order[position_ - 1] == graph_->lossNode()) {
        caption_->setText(tr("Start at the loss: ∂L/∂L = 1 (Algorithm 1, line 5)."));
        return;
    }
    // v̄ = Σ over children of v̄(child) · ∂child/∂node (Algorithm 1, line 8).
    QStringList symbols, numbers, locals;
    for (std::size_t c = 0; c < node.children.size(); ++c) {
        const GraphNode& child = graph_->node(node.children[c]);
        const QString childName = label(child);
        symbols << QStringLiteral("∂L/∂(%1) · ∂(%1)/∂%2").arg(childName, label(node));
        const double local = node.localDerivatives[c];
        numbers << QStringLiteral("%1 · %2").arg(number(child.gradient), number(local));
        locals << QStringLiteral("∂(%1)/∂%2 = %3").arg(childName, label(node), number(local));
    }
    caption_->setText(tr("Local derivative: %1<br>Accumulated gradient: ∂L/∂%2 = %3 = %4 = <b>%5</b>")
                          .arg(locals.join(QStringLiteral(", ")), label(node),
                               symbols.join(QStringLiteral(" + ")), numbers.join(QStringLiteral(" + ")),
                               number(node.gradient)));
}

QString NeuronGraphView::captionText() const {
    QTextDocument document;
    document.setHtml(caption_->text());
    return document.toPlainText();
}

void NeuronGraphView::retranslate() {
    start_->setText(tr("⇤ Forward values"));
    back_->setText(tr("◀ Back"));
    next_->setText(tr("Next node ▶"));
    end_->setText(tr("All gradients ⇥"));
    refresh();
}

void NeuronGraphView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace ns
