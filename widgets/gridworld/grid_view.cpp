#include "grid_view.h"

#include "common/theme.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr double kMargin = 10;
// Unit vectors of up, down, left, right in screen coordinates.
constexpr double kDx[rl::kActions] = {0, 0, -1, 1};
constexpr double kDy[rl::kActions] = {-1, 1, 0, 0};

QColor wallColor() { return QColor(0x3a, 0x3a, 0x3a); }
QColor goalColor() { return QColor(0x2e, 0x9e, 0x4f); }
QColor pitColor() { return QColor(0xc6, 0x28, 0x28); }

// Text in black or white, whichever reads on the fill.
QColor textOn(const QColor& fill) { return qGray(fill.rgb()) < 120 ? Qt::white : theme::ink(); }

QPolygonF arrow(QPointF centre, int action, double length, double width) {
    const QPointF d(kDx[action], kDy[action]);
    const QPointF n(-d.y(), d.x());
    const QPointF tip = centre + d * (length / 2);
    const QPointF base = centre - d * (length / 2);
    const QPointF neck = tip - d * (width * 1.1);
    const double shaft = width * 0.28;
    return QPolygonF({base + n * shaft, neck + n * shaft, neck + n * width * 0.7, tip, neck - n * width * 0.7,
                      neck - n * shaft, base - n * shaft});
}

}  // namespace

GridView::GridView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QString GridView::number(double v) {
    if (!std::isfinite(v)) return QStringLiteral("∞");
    QString s = QString::number(v, 'f', 2);
    if (s == QLatin1String("-0.00")) s = QStringLiteral("0.00");
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}

void GridView::setPicture(const GridPicture& picture) {
    picture_ = picture;
    update();
}

void GridView::setPresenterScale(double scale) {
    scale_ = scale;
    update();
}

double GridView::cellSize() const {
    if (!picture_.valid()) return 0;
    return std::max(1.0, std::min((width() - 2 * kMargin) / picture_.cols, (height() - 2 * kMargin) / picture_.rows));
}

QPointF GridView::origin() const {
    const double size = cellSize();
    return {(width() - size * picture_.cols) / 2, (height() - size * picture_.rows) / 2};
}

QRect GridView::cellRect(int state) const {
    if (!picture_.valid() || state < 0 || state >= picture_.rows * picture_.cols) return {};
    const double size = cellSize();
    const QPointF o = origin();
    const int r = state / picture_.cols, c = state % picture_.cols;
    return QRectF(o.x() + c * size, o.y() + r * size, size, size).toAlignedRect().adjusted(0, 0, -1, -1);
}

int GridView::cellAt(const QPoint& point) const {
    if (!picture_.valid()) return -1;
    const double size = cellSize();
    const QPointF o = origin();
    const int c = static_cast<int>(std::floor((point.x() - o.x()) / size));
    const int r = static_cast<int>(std::floor((point.y() - o.y()) / size));
    if (r < 0 || r >= picture_.rows || c < 0 || c >= picture_.cols) return -1;
    return r * picture_.cols + c;
}

bool GridView::showsQNumbers() const { return cellSize() >= 96 * std::max(1.0, scale_ * 0.85); }

QStringList GridView::cellTexts(int state) const {
    QStringList out;
    if (!picture_.valid() || state < 0 || state >= picture_.rows * picture_.cols) return out;
    const auto s = static_cast<std::size_t>(state);
    switch (picture_.cells[s]) {
        case rl::Cell::Wall: return out;
        case rl::Cell::Goal: return {QStringLiteral("+1")};
        case rl::Cell::Pit: return {QStringLiteral("−1")};
        default: break;
    }
    if (picture_.show == GridPicture::Show::Values) {
        if (s < picture_.values.size()) out << number(picture_.values[s]);
    } else if (s < picture_.q.size() && showsQNumbers()) {
        for (int a = 0; a < rl::kActions; ++a) out << number(picture_.q[s][static_cast<std::size_t>(a)]);
    }
    if (picture_.cells[s] == rl::Cell::Start) out << QStringLiteral("S");
    return out;
}

void GridView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    if (!picture_.valid()) return;
    const double size = cellSize();
    const QPointF o = origin();
    const double scale = picture_.scale > 0 ? picture_.scale : 1.0;
    const double fontPx = std::clamp(size * 0.2, 9.0, 30.0 * scale_);
    QFont valueFont = theme::uiFont(10);
    valueFont.setPixelSize(static_cast<int>(std::lround(fontPx)));
    valueFont.setBold(true);
    QFont smallFont = theme::uiFont(10);
    smallFont.setPixelSize(static_cast<int>(std::lround(std::clamp(size * 0.13, 8.0, 20.0 * scale_))));
    QFont markFont = valueFont;
    markFont.setPixelSize(static_cast<int>(std::lround(fontPx * 1.1)));
    const bool qNumbers = showsQNumbers();

    for (int s = 0; s < picture_.rows * picture_.cols; ++s) {
        const auto i = static_cast<std::size_t>(s);
        const int r = s / picture_.cols, c = s % picture_.cols;
        const QRectF cell(o.x() + c * size, o.y() + r * size, size, size);
        const QPointF centre = cell.center();
        const rl::Cell type = picture_.cells[i];
        if (type == rl::Cell::Wall) {
            p.fillRect(cell, wallColor());
        } else if (type == rl::Cell::Goal || type == rl::Cell::Pit) {
            const QColor fill = type == rl::Cell::Goal ? goalColor() : pitColor();
            p.fillRect(cell, fill);
            p.setPen(Qt::white);
            p.setFont(markFont);
            p.drawText(cell.adjusted(0, 0, 0, -size * 0.3), Qt::AlignCenter, type == rl::Cell::Goal ? QStringLiteral("G") : QStringLiteral("X"));
            p.setFont(valueFont);
            p.drawText(cell.adjusted(0, size * 0.3, 0, 0), Qt::AlignCenter, cellTexts(s).value(0));
        } else if (picture_.show == GridPicture::Show::Values) {
            const double v = i < picture_.values.size() ? picture_.values[i] : 0.0;
            const QColor fill = theme::signedColor(v, scale);
            p.fillRect(cell, fill);
            p.setPen(textOn(fill));
            p.setFont(valueFont);
            // The value in the lower half, the arrow above it: neither ever covers the other.
            p.drawText(cell.adjusted(0, size * 0.3, 0, 0), Qt::AlignCenter, number(v));
        } else {
            // Four triangles from the centre to each edge: up, down, left, right.
            const QPointF corners[4] = {cell.topLeft(), cell.topRight(), cell.bottomRight(), cell.bottomLeft()};
            const int edge[rl::kActions][2] = {{0, 1}, {3, 2}, {0, 3}, {1, 2}};
            for (int a = 0; a < rl::kActions; ++a) {
                const double q = i < picture_.q.size() ? picture_.q[i][static_cast<std::size_t>(a)] : 0.0;
                const QColor fill = theme::signedColor(q, scale);
                QPolygonF tri({centre, corners[edge[a][0]], corners[edge[a][1]]});
                p.setPen(QPen(theme::background(), std::max(1.0, scale_)));
                p.setBrush(fill);
                p.drawPolygon(tri);
                if (qNumbers) {
                    p.setPen(textOn(fill));
                    p.setFont(smallFont);
                    const QPointF at = centre + QPointF(kDx[a], kDy[a]) * (size * (a < 2 ? 0.34 : 0.3));
                    const QRectF box(at.x() - size * 0.2, at.y() - size * 0.09, size * 0.4, size * 0.18);
                    p.drawText(box, Qt::AlignCenter, number(q));
                }
            }
        }
        // The greedy action.
        const int a = i < picture_.policy.size() ? picture_.policy[i] : -1;
        if (a >= 0 && a < rl::kActions && type != rl::Cell::Wall && type != rl::Cell::Goal && type != rl::Cell::Pit) {
            const bool q = picture_.show == GridPicture::Show::QValues;
            const QPointF at = q ? centre : centre + QPointF(kDx[a] * 0.12, -0.18 + kDy[a] * 0.02) * size;
            const QPolygonF shape = arrow(at, a, size * (q ? 0.2 : 0.26), size * (q ? 0.075 : 0.09));
            p.setPen(QPen(theme::background(), std::max(1.0, 1.5 * scale_)));
            p.setBrush(theme::ink());
            p.drawPolygon(shape);
        }
        if (type == rl::Cell::Start) {
            p.setPen(theme::ink());
            p.setFont(smallFont);
            p.drawText(cell.adjusted(size * 0.06, size * 0.03, 0, 0), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("S"));
        }
        p.setPen(QPen(picture_.editing ? theme::mutedInk() : theme::background(), picture_.editing ? 1.5 * scale_ : 1.0,
                      picture_.editing ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell);
    }

    // The agent's trail and the agent.
    if (picture_.trail.size() > 1) {
        QPainterPath path;
        for (std::size_t k = 0; k < picture_.trail.size(); ++k) {
            const QPointF at = QRectF(cellRect(picture_.trail[k])).center();
            if (k == 0) path.moveTo(at);
            else path.lineTo(at);
        }
        p.setPen(QPen(QColor(0x20, 0x20, 0x20, 110), std::max(2.0, size * 0.05), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    if (picture_.agent >= 0 && picture_.agent < picture_.rows * picture_.cols) {
        QPointF at = QRectF(cellRect(picture_.agent)).center();
        const rl::Cell where = picture_.cells[static_cast<std::size_t>(picture_.agent)];
        if (where == rl::Cell::Goal || where == rl::Cell::Pit) at += QPointF(-0.3, 0.3) * size;  // beside the mark
        p.setPen(QPen(Qt::white, std::max(2.0, size * 0.03)));
        p.setBrush(QColor(0xf5, 0xb4, 0x00));
        p.drawEllipse(at, size * 0.12, size * 0.12);
    }
    if (picture_.selected >= 0 && picture_.selected < picture_.rows * picture_.cols) {
        p.setPen(QPen(theme::highlightUsed(), std::max(3.0, 3.5 * scale_)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(cellRect(picture_.selected)).adjusted(2, 2, -2, -2));
    }
}

void GridView::mousePressEvent(QMouseEvent* event) {
    const int s = cellAt(event->position().toPoint());
    if (s >= 0 && event->button() == Qt::LeftButton) emit cellClicked(s);
    QWidget::mousePressEvent(event);
}

}  // namespace ns
