#include "embedding/embedding_map_view.h"

#include "common/theme.h"
#include "embedding/embedding_style.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr double kLabelPt = 11;
constexpr double kDotRadius = 4.5;

QFont labelFont(double scale, bool bold) {
    QFont f = theme::uiFont(kLabelPt * scale);
    f.setBold(bold);
    return f;
}

void drawArrow(QPainter& p, QPointF from, QPointF to, const QColor& color, double width, bool dashed) {
    QPen pen(color, width);
    if (dashed) pen.setStyle(Qt::DashLine);
    p.setPen(pen);
    p.drawLine(from, to);
    const QPointF d = to - from;
    const double len = std::hypot(d.x(), d.y());
    if (len < 1e-6) return;
    const QPointF u = d / len, n(-u.y(), u.x());
    const double head = 5 * width;
    QPainterPath path;
    path.moveTo(to);
    path.lineTo(to - u * head * 1.6 + n * head * 0.7);
    path.lineTo(to - u * head * 1.6 - n * head * 0.7);
    path.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(path);
}

}  // namespace

EmbeddingMapView::EmbeddingMapView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void EmbeddingMapView::setPicture(const EmbeddingMapPicture& picture) {
    picture_ = picture;
    // The box around every finite point (and the analogy's cross).
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    bool any = false;
    auto include = [&](QPointF pt) {
        if (!std::isfinite(pt.x()) || !std::isfinite(pt.y())) return;
        x0 = any ? std::min(x0, pt.x()) : pt.x();
        x1 = any ? std::max(x1, pt.x()) : pt.x();
        y0 = any ? std::min(y0, pt.y()) : pt.y();
        y1 = any ? std::max(y1, pt.y()) : pt.y();
        any = true;
    };
    for (const QPointF& pt : picture_.points) include(pt);
    if (picture_.hasTarget) include(picture_.target);
    bounds_ = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    if (hovered_ >= static_cast<int>(picture_.words.size())) hovered_ = -1;
    layoutLabels();
    update();
}

void EmbeddingMapView::setPresenterScale(double scale) {
    scale_ = scale;
    layoutLabels();
    update();
}

QRectF EmbeddingMapView::plotArea() const {
    const double m = 16 * scale_;
    return QRectF(rect()).adjusted(m, m + 6 * scale_, -m, -m);
}

QPointF EmbeddingMapView::toWidget(QPointF pca) const {
    const QRectF area = plotArea();
    // A uniform scale, so distances on the map are the projection's distances.
    const double w = std::max(bounds_.width(), 1e-9), h = std::max(bounds_.height(), 1e-9);
    const double k = std::min(area.width() * 0.86 / w, area.height() * 0.86 / h);
    const QPointF centre = bounds_.center();
    return area.center() + QPointF((pca.x() - centre.x()) * k, -(pca.y() - centre.y()) * k);
}

bool EmbeddingMapView::emphasised(int word) const {
    const auto& nb = picture_.neighbours;
    const auto& mk = picture_.marked;
    return word == picture_.query || std::find(nb.begin(), nb.end(), word) != nb.end() ||
           std::find(mk.begin(), mk.end(), word) != mk.end();
}

void EmbeddingMapView::layoutLabels() {
    labelled_.clear();
    labelRects_.clear();
    const int count = static_cast<int>(std::min(picture_.words.size(), picture_.points.size()));
    if (count == 0 || width() <= 0) return;
    // The highlighted words claim their places first, then the rest in vocabulary order.
    std::vector<int> order;
    if (picture_.query >= 0 && picture_.query < count) order.push_back(picture_.query);
    for (int w : picture_.marked)
        if (w >= 0 && w < count && std::find(order.begin(), order.end(), w) == order.end()) order.push_back(w);
    for (int w : picture_.neighbours)
        if (w >= 0 && w < count && std::find(order.begin(), order.end(), w) == order.end()) order.push_back(w);
    for (int w = 0; w < count; ++w)
        if (std::find(order.begin(), order.end(), w) == order.end()) order.push_back(w);
    const QRectF bounds = QRectF(rect()).adjusted(2, 2, -2, -2);
    const double dotGap = kDotRadius * scale_ + 2;
    std::vector<QRectF> dots;
    for (int w = 0; w < count; ++w) {
        const QPointF c = toWidget(picture_.points[static_cast<std::size_t>(w)]);
        dots.emplace_back(c.x() - dotGap + 1, c.y() - dotGap + 1, 2 * dotGap - 2, 2 * dotGap - 2);
    }
    for (int w : order) {
        const bool bold = emphasised(w);
        const double r = bold ? kDotRadius * scale_ * 2.1 + 3 : dotGap;  // clear of the ring
        const QFontMetricsF fm(labelFont(scale_, bold));
        const QString& text = picture_.words[static_cast<std::size_t>(w)];
        const QSizeF size(fm.horizontalAdvance(text) + 2, fm.height());
        const QPointF c = toWidget(picture_.points[static_cast<std::size_t>(w)]);
        const QPointF candidates[] = {
            {c.x() + r, c.y() - size.height() / 2},           {c.x() - r - size.width(), c.y() - size.height() / 2},
            {c.x() - size.width() / 2, c.y() - r - size.height()}, {c.x() - size.width() / 2, c.y() + r},
            {c.x() + r * 0.7, c.y() - r * 0.7 - size.height()},  {c.x() + r * 0.7, c.y() + r * 0.7},
            {c.x() - r * 0.7 - size.width(), c.y() - r * 0.7 - size.height()},
            {c.x() - r * 0.7 - size.width(), c.y() + r * 0.7}};
        for (const QPointF& at : candidates) {
            const QRectF box(at, size);
            if (!bounds.contains(box)) continue;
            const bool hitsLabel = std::any_of(labelRects_.begin(), labelRects_.end(),
                                               [&box](const QRectF& other) { return other.intersects(box); });
            if (hitsLabel) continue;
            bool hitsDot = false;
            for (int o = 0; o < count && !hitsDot; ++o)
                hitsDot = o != w && dots[static_cast<std::size_t>(o)].intersects(box);
            if (hitsDot && !bold) continue;
            labelled_.push_back(w);
            labelRects_.push_back(box);
            break;
        }
    }
}

int EmbeddingMapView::wordAt(QPointF position) const {
    const int count = static_cast<int>(std::min(picture_.words.size(), picture_.points.size()));
    int best = -1;
    double bestDistance = (kDotRadius * scale_ + 6) * (kDotRadius * scale_ + 6);
    for (int w = 0; w < count; ++w) {
        const QPointF d = toWidget(picture_.points[static_cast<std::size_t>(w)]) - position;
        const double dd = d.x() * d.x() + d.y() * d.y();
        if (dd <= bestDistance) {
            bestDistance = dd;
            best = w;
        }
    }
    if (best >= 0) return best;
    for (std::size_t k = 0; k < labelRects_.size(); ++k)
        if (labelRects_[k].contains(position)) return labelled_[k];
    return -1;
}

QString EmbeddingMapView::hoverText(int word) const {
    if (word < 0 || word >= static_cast<int>(picture_.words.size())) return {};
    const QString& text = picture_.words[static_cast<std::size_t>(word)];
    const int q = picture_.query;
    if (q < 0 || q >= static_cast<int>(picture_.words.size()) ||
        word >= static_cast<int>(picture_.cosines.size()))
        return text;
    if (word == q) return tr("%1 (the query word)").arg(text);
    return tr("%1 · cosine to “%2” = %3")
        .arg(text, picture_.words[static_cast<std::size_t>(q)],
             QString::number(picture_.cosines[static_cast<std::size_t>(word)], 'f', 3));
}

bool EmbeddingMapView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int w = wordAt(help->pos());
        const QString text = w >= 0 ? hoverText(w) : toolTip();
        if (text.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void EmbeddingMapView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutLabels();
}

void EmbeddingMapView::mouseMoveEvent(QMouseEvent* event) {
    const int w = wordAt(event->position());
    if (w != hovered_) {
        hovered_ = w;
        if (w >= 0) QToolTip::showText(event->globalPosition().toPoint(), hoverText(w), this);
        else QToolTip::hideText();
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void EmbeddingMapView::mousePressEvent(QMouseEvent* event) {
    const int w = wordAt(event->position());
    if (w >= 0 && event->button() == Qt::LeftButton) emit wordClicked(picture_.words[static_cast<std::size_t>(w)]);
    QWidget::mousePressEvent(event);
}

void EmbeddingMapView::leaveEvent(QEvent* event) {
    if (hovered_ >= 0) {
        hovered_ = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void EmbeddingMapView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    p.setPen(QPen(theme::neutral(), 1));
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    const int count = static_cast<int>(std::min(picture_.words.size(), picture_.points.size()));
    if (count == 0) return;

    // Axis hints: the two principal directions.
    p.setFont(theme::uiFont(10 * scale_));
    p.setPen(theme::mutedInk());
    const QRectF area = plotArea();
    p.drawText(QRectF(area.left(), area.bottom() - 20 * scale_, area.width(), 20 * scale_),
               Qt::AlignRight | Qt::AlignBottom, tr("PC 1 →"));
    p.drawText(QRectF(area.left(), area.top() - 8 * scale_, area.width(), 20 * scale_), Qt::AlignLeft | Qt::AlignTop,
               tr("↑ PC 2"));

    // Legend of the groups, top right.
    {
        QFont f = theme::uiFont(10 * scale_);
        p.setFont(f);
        const QFontMetricsF fm(f);
        double y = area.top() - 4 * scale_;
        for (std::size_t g = 0; g < picture_.groupNames.size(); ++g) {
            const double tw = fm.horizontalAdvance(picture_.groupNames[g]);
            const double x = area.right() - tw;
            p.setPen(Qt::NoPen);
            p.setBrush(embedding_style::groupColor(static_cast<int>(g)));
            p.drawEllipse(QPointF(x - 8 * scale_, y + fm.height() / 2), 4 * scale_, 4 * scale_);
            p.setPen(theme::mutedInk());
            p.drawText(QPointF(x, y + fm.ascent()), picture_.groupNames[g]);
            y += fm.height();
        }
    }

    const double width = 1.5 * scale_;
    const QColor queryColor = theme::highlightUsed();
    const QColor neighbourColor = theme::highlightNext();
    // The query's links to its neighbours.
    if (picture_.query >= 0 && picture_.query < count) {
        const QPointF q = toWidget(picture_.points[static_cast<std::size_t>(picture_.query)]);
        QColor link = neighbourColor;
        link.setAlpha(170);
        p.setPen(QPen(link, width));
        for (int n : picture_.neighbours)
            if (n >= 0 && n < count) p.drawLine(q, toWidget(picture_.points[static_cast<std::size_t>(n)]));
    }
    // Arrows (the analogy).
    for (const EmbeddingArrow& a : picture_.arrows) {
        const QPointF from = toWidget(a.from), to = toWidget(a.to);
        drawArrow(p, from, to, a.dashed ? theme::gradientPositive() : theme::ink(), 2 * scale_, a.dashed);
        if (!a.label.isEmpty()) {
            p.setFont(labelFont(scale_, false));
            p.setPen(a.dashed ? theme::gradientPositive() : theme::ink());
            const QPointF mid = (from + to) / 2;
            p.drawText(mid + QPointF(6 * scale_, -6 * scale_), a.label);
        }
    }
    if (picture_.hasTarget) {
        const QPointF t = toWidget(picture_.target);
        const double s = 7 * scale_;
        p.setPen(QPen(theme::gradientPositive(), 2.5 * scale_));
        p.drawLine(t + QPointF(-s, -s), t + QPointF(s, s));
        p.drawLine(t + QPointF(-s, s), t + QPointF(s, -s));
    }
    // The dots: ordinary words first, the emphasised ones on top.
    const double r = kDotRadius * scale_;
    for (int pass = 0; pass < 2; ++pass) {
        for (int w = 0; w < count; ++w) {
            const bool emph = emphasised(w) || w == hovered_;
            if (emph != (pass == 1)) continue;
            const QPointF c = toWidget(picture_.points[static_cast<std::size_t>(w)]);
            const int g = w < static_cast<int>(picture_.groups.size()) ? picture_.groups[static_cast<std::size_t>(w)] : -1;
            p.setPen(QPen(theme::background(), 1));
            p.setBrush(embedding_style::groupColor(g));
            p.drawEllipse(c, emph ? r * 1.3 : r, emph ? r * 1.3 : r);
            QColor ring;
            if (w == picture_.query) ring = queryColor;
            else if (std::find(picture_.neighbours.begin(), picture_.neighbours.end(), w) != picture_.neighbours.end())
                ring = neighbourColor;
            else if (std::find(picture_.marked.begin(), picture_.marked.end(), w) != picture_.marked.end())
                ring = theme::ink();
            else if (w == hovered_)
                ring = theme::mutedInk();
            if (ring.isValid()) {
                p.setPen(QPen(ring, 2.5 * scale_));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, r * 2.1, r * 2.1);
            }
        }
    }
    // The labels that found a place.
    for (std::size_t k = 0; k < labelled_.size(); ++k) {
        const int w = labelled_[k];
        const bool emph = emphasised(w);
        p.setFont(labelFont(scale_, emph));
        p.setPen(w == picture_.query ? queryColor : emph ? theme::ink() : theme::mutedInk());
        p.drawText(labelRects_[k], Qt::AlignCenter, picture_.words[static_cast<std::size_t>(w)]);
    }
}

}  // namespace ns
