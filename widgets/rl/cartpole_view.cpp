#include "cartpole_view.h"

#include "common/theme.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kCartWidth = 0.5, kCartHeight = 0.28;  // metres, as drawn
constexpr double kPoleLength = 2 * rl::CartPole::kHalfLength;
}  // namespace

CartPoleView::CartPoleView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CartPoleView::setFrame(const CartPoleFrame& frame) {
    frame_ = frame;
    update();
}

void CartPoleView::setCaption(const QString& caption) {
    caption_ = caption;
    update();
}

void CartPoleView::setPresenterScale(double scale) {
    scale_ = scale;
    updateGeometry();
    update();
}

void CartPoleView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) update();
    QWidget::changeEvent(event);
}

QString CartPoleView::statusText() const {
    if (!frame_.valid) return tr("No episode yet");
    const rl::CartPoleState& s = frame_.state;
    QString text = tr("Step %1 of at most %2 · x = %3 m · θ = %4°")
                       .arg(frame_.step)
                       .arg(rl::CartPole::kMaxSteps)
                       .arg(s.x, 0, 'f', 2)
                       .arg(s.theta * 180.0 / kPi, 0, 'f', 1);
    if (frame_.failed) text += tr(" · fell");
    else if (frame_.truncated) text += tr(" · balanced to the end");
    return text;
}

void CartPoleView::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    const double s = scale_;
    const QFont captionFont = [&] {
        QFont f = theme::uiFont(13 * s);
        f.setBold(true);
        return f;
    }();
    const QFont textFont = theme::uiFont(12 * s);
    const double margin = 12 * s;
    p.setFont(captionFont);
    const double captionHeight = QFontMetricsF(captionFont).height();
    const double textHeight = QFontMetricsF(textFont).height();
    p.setPen(theme::ink());
    p.drawText(QRectF(margin, margin * 0.5, width() - 2 * margin, captionHeight), Qt::AlignLeft | Qt::AlignVCenter,
               caption_);
    p.setFont(textFont);
    p.setPen(frame_.failed ? QColor(0xb0, 0x00, 0x20) : theme::mutedInk());
    p.drawText(QRectF(margin, margin * 0.5 + captionHeight, width() - 2 * margin, textHeight),
               Qt::AlignLeft | Qt::AlignVCenter, statusText());

    // The scene: metres to pixels, the track ±(2.4 m + half a cart) across, the pole's length up.
    const double top = margin * 0.5 + captionHeight + textHeight + margin;
    const double sceneW = width() - 2 * margin, sceneH = height() - top - margin - textHeight;
    if (sceneW < 20 || sceneH < 20) return;
    const double halfTrack = rl::CartPole::kXLimit + kCartWidth;
    const double ppm = std::min(sceneW / (2 * halfTrack), sceneH / (kPoleLength + kCartHeight + 0.25));
    const double cx = margin + sceneW / 2;
    const double used = (kPoleLength + kCartHeight + 0.25) * ppm;
    const double groundY = top + (sceneH - used) / 2 + used - 0.08 * ppm;  // centred vertically
    auto X = [&](double metres) { return cx + metres * ppm; };

    // Track and its limits.
    p.setPen(QPen(theme::mutedInk(), 2 * s));
    p.drawLine(QPointF(X(-halfTrack), groundY), QPointF(X(halfTrack), groundY));
    const QColor limit(0xb0, 0x00, 0x20);
    p.setPen(QPen(limit, 2.5 * s));
    for (double edge : {-rl::CartPole::kXLimit, rl::CartPole::kXLimit})
        p.drawLine(QPointF(X(edge), groundY - 0.18 * ppm), QPointF(X(edge), groundY + 0.06 * ppm));
    p.setFont(textFont);
    p.setPen(theme::mutedInk());
    for (double edge : {-rl::CartPole::kXLimit, 0.0, rl::CartPole::kXLimit})
        p.drawText(QRectF(X(edge) - 60 * s, groundY + 2 * s, 120 * s, textHeight), Qt::AlignHCenter | Qt::AlignTop,
                   QStringLiteral("%1 m").arg(edge, 0, 'f', 1));
    if (!frame_.valid) return;

    const rl::CartPoleState& st = frame_.state;
    const double x = std::clamp(st.x, -halfTrack, halfTrack);
    const QRectF cart(X(x) - kCartWidth / 2 * ppm, groundY - kCartHeight * ppm - 0.04 * ppm, kCartWidth * ppm,
                      kCartHeight * ppm);
    const QPointF pivot(X(x), cart.top());
    // The ±12° limits, dashed, from the pivot.
    QPen dashed(QColor(0xb0, 0x00, 0x20, 110), 1.5 * s, Qt::DashLine);
    p.setPen(dashed);
    for (double a : {-rl::CartPole::kThetaLimit, rl::CartPole::kThetaLimit})
        p.drawLine(pivot, pivot + QPointF(std::sin(a), -std::cos(a)) * kPoleLength * ppm * 0.9);
    // Cart.
    p.setPen(QPen(theme::ink(), 1.5 * s));
    p.setBrush(QColor(0x56, 0x6b, 0x80));
    p.drawRoundedRect(cart, 4 * s, 4 * s);
    p.setBrush(theme::ink());
    for (double w : {0.25, 0.75}) p.drawEllipse(QPointF(cart.left() + w * cart.width(), cart.bottom()), 4 * s, 4 * s);
    // Pole: θ > 0 leans right (x grows to the right).
    const QPointF tip = pivot + QPointF(std::sin(st.theta), -std::cos(st.theta)) * kPoleLength * ppm;
    const QColor poleColor = frame_.failed ? limit : QColor(0xD5, 0x5E, 0x00);
    p.setPen(QPen(poleColor, std::max(4.0, 0.05 * ppm), Qt::SolidLine, Qt::RoundCap));
    p.drawLine(pivot, tip);
    p.setPen(Qt::NoPen);
    p.setBrush(theme::ink());
    p.drawEllipse(pivot, 4 * s, 4 * s);
    // Force arrow: the action taken from this state, ±10 N.
    if (frame_.action == 0 || frame_.action == 1) {
        const double dir = frame_.action == 1 ? 1.0 : -1.0;
        const double y = cart.center().y();
        const QPointF from(dir > 0 ? cart.left() - 4 * s : cart.right() + 4 * s, y);
        const double length = 0.45 * ppm;
        // The arrow pushes the cart: it starts behind the cart and points into it.
        const QPointF start = from - QPointF(dir * length, 0);
        const QColor arrow(0x00, 0x9E, 0x73);
        p.setPen(QPen(arrow, 3 * s, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(start, from);
        QPainterPath head;
        head.moveTo(from);
        head.lineTo(from - QPointF(dir * 12 * s, 7 * s));
        head.lineTo(from - QPointF(dir * 12 * s, -7 * s));
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(arrow);
        p.drawPath(head);
        p.setPen(arrow);
        p.setFont(textFont);
        const QString label = frame_.action == 1 ? tr("F = +10 N") : tr("F = −10 N");
        // The label beyond the arrow's tail, away from the cart and the pole.
        const double w = QFontMetricsF(textFont).horizontalAdvance(label) + 8 * s;
        const QRectF box(dir > 0 ? start.x() - w : start.x() + 4 * s, y - textHeight / 2, w, textHeight);
        p.drawText(box, (dir > 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, label);
    }
}

}  // namespace ns
