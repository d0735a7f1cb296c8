#include "unrolled_view.h"

#include "common/theme.h"
#include "sequence/sequence_style.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
constexpr int kMinColumn = 92;
QString num(double v) { return QString::number(v, 'f', 3); }
}  // namespace

UnrolledView::UnrolledView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void UnrolledView::setPicture(const SequencePicture& picture) {
    picture_ = picture;
    layoutSteps();
    update();
}

void UnrolledView::setRevealed(int revealed) {
    revealed_ = revealed;
    update();
}

void UnrolledView::setPresenterScale(double scale) {
    scale_ = scale;
    layoutSteps();
    update();
}

void UnrolledView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutSteps();
}

void UnrolledView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) update();
    QWidget::changeEvent(event);
}

void UnrolledView::layoutSteps() {
    left_ = static_cast<int>(std::lround(78 * scale_));
    const int room = std::max(1, width() - left_ - 8);
    const int minColumn = static_cast<int>(std::lround(kMinColumn * scale_));
    const int steps = std::max(0, picture_.steps);
    shown_ = std::clamp(room / std::max(1, minColumn), 1, std::max(1, steps));
    if (steps == 0) shown_ = 0;
    column_ = shown_ > 0 ? room / shown_ : room;
    first_ = std::clamp(picture_.selectedStep - shown_ / 2, 0, std::max(0, steps - shown_));
}

QRect UnrolledView::stepRect(int step) const {
    if (step < first_ || step >= first_ + shown_) return {};
    return QRect(left_ + (step - first_) * column_, 0, column_, height());
}

void UnrolledView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    if (!picture_.valid()) {
        p.setPen(theme::mutedInk());
        p.setFont(theme::uiFont(font(13)));
        p.drawText(rect(), Qt::AlignCenter, tr("No sequence traced yet"));
        return;
    }
    const bool lstm = picture_.cell == SequencePicture::Cell::Lstm && !picture_.c.empty();
    const bool gradientRow = revealed_ >= 0 && !picture_.gradNorm.empty();
    const int units = picture_.units;
    const int unit = std::clamp(picture_.selectedUnit, 0, units - 1);
    const QColor cellColor = sequence_style::cellColor(static_cast<int>(picture_.cell));

    // Rows, top to bottom: range line, C_t (LSTM), h_t, the cell, x_t, ∂L/∂h_t.
    const int h = height();
    const int header = static_cast<int>(std::lround(30 * scale_));
    const int strip = static_cast<int>(std::lround(34 * scale_));
    const int gap = static_cast<int>(std::lround(10 * scale_));
    int y = header;
    const int cRow = lstm ? y : -1;
    if (lstm) y += strip + gap;
    const int hRow = y;
    y += strip + gap;
    const int rest = h - y - (gradientRow ? strip + gap : 0) - static_cast<int>(std::lround(40 * scale_));
    const int boxTop = y + gap;
    const int boxHeight = std::max(static_cast<int>(std::lround(44 * scale_)), rest - gap);
    const int xRow = boxTop + boxHeight + gap;
    const int gRow = xRow + static_cast<int>(std::lround(34 * scale_));

    // Row labels.
    p.setFont(theme::mathFont(font(13)));
    p.setPen(theme::ink());
    auto label = [&](int top, int height, const QString& text) {
        p.drawText(QRect(4, top, left_ - 10, height), Qt::AlignRight | Qt::AlignVCenter, text);
    };
    if (lstm) label(cRow, strip, QStringLiteral("Cₜ"));
    label(hRow, strip, QStringLiteral("hₜ"));
    label(boxTop, boxHeight, sequence_style::cellName(static_cast<int>(picture_.cell)));
    label(xRow, static_cast<int>(std::lround(28 * scale_)), QStringLiteral("xₜ"));
    if (gradientRow) label(gRow, strip, QStringLiteral("‖∂L/∂hₜ‖"));

    // Which steps are drawn.
    p.setFont(theme::uiFont(font(11)));
    p.setPen(theme::mutedInk());
    p.drawText(QRect(left_, 2, width() - left_ - 8, header - 4), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Steps %1–%2 of %3 · unit %4 of %5")
                   .arg(first_ + 1)
                   .arg(first_ + shown_)
                   .arg(picture_.steps)
                   .arg(unit + 1)
                   .arg(units));

    auto drawStrip = [&](const QRect& area, const std::vector<double>& values, bool sigmoid) {
        const int n = static_cast<int>(values.size());
        if (n == 0) return;
        const QRect bar = area.adjusted(0, 0, 0, -area.height() / 2);
        for (int k = 0; k < n; ++k) {
            const int x0 = bar.left() + bar.width() * k / n;
            const int x1 = bar.left() + bar.width() * (k + 1) / n;
            p.fillRect(QRect(x0, bar.top(), std::max(1, x1 - x0), bar.height()),
                       sequence_style::valueColor(values[static_cast<std::size_t>(k)], sigmoid));
        }
        p.setPen(QPen(theme::mutedInk(), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(bar);
        const int x0 = bar.left() + bar.width() * unit / n;
        const int x1 = bar.left() + bar.width() * (unit + 1) / n;
        p.setPen(QPen(theme::ink(), 2));
        p.drawRect(QRect(x0, bar.top() - 1, std::max(2, x1 - x0), bar.height() + 2));
        p.setFont(theme::mathFont(font(11)));
        p.drawText(QRect(area.left(), bar.bottom() + 1, area.width(), area.height() - bar.height()),
                   Qt::AlignHCenter | Qt::AlignVCenter, num(values[static_cast<std::size_t>(unit)]));
    };
    auto arrow = [&](QPointF from, QPointF to, const QColor& color, double width) {
        p.setPen(QPen(color, width));
        p.drawLine(from, to);
        const QPointF d = to - from;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1) return;
        const QPointF u = d / len, n(-u.y(), u.x());
        const double s = 6 * scale_;
        QPainterPath head;
        head.moveTo(to);
        head.lineTo(to - u * s + n * s * 0.6);
        head.lineTo(to - u * s - n * s * 0.6);
        head.closeSubpath();
        p.fillPath(head, color);
    };

    const double strongest = [&] {
        double m = 0;
        for (double v : picture_.gradNorm)
            if (std::isfinite(v)) m = std::max(m, v);
        return m;
    }();

    for (int s = first_; s < first_ + shown_; ++s) {
        const auto i = static_cast<std::size_t>(s);
        const int x = left_ + (s - first_) * column_;
        const int pad = std::max(4, column_ / 10);
        const QRect col(x, header, column_, h - header);
        if (s == picture_.selectedStep) p.fillRect(col.adjusted(1, 0, -1, 0), QColor(0xff, 0xf1, 0xc4));
        // The cell.
        const QRect box(x + pad, boxTop, column_ - 2 * pad, boxHeight);
        p.setPen(QPen(s == picture_.selectedStep ? theme::ink() : cellColor, s == picture_.selectedStep ? 3 : 2));
        {
            QColor fill = cellColor;
            fill.setAlpha(45);
            p.setBrush(fill);
        }
        p.drawRoundedRect(box, 8 * scale_, 8 * scale_);
        p.setPen(theme::ink());
        p.setFont(theme::mathFont(font(12)));
        p.drawText(box, Qt::AlignCenter, QStringLiteral("t = %1").arg(s + 1));
        // h_{t-1} → cell → h_t, and the state passed on to the next step.
        const double midY = box.center().y();
        if (s + 1 < picture_.steps && s + 1 < first_ + shown_)
            arrow(QPointF(box.right(), midY), QPointF(box.right() + 2 * pad, midY), cellColor, 2 * scale_);
        if (s == first_ && s > 0) arrow(QPointF(x, midY), QPointF(box.left(), midY), theme::mutedInk(), 1.5 * scale_);
        // x_t below.
        p.setFont(theme::uiFont(font(14)));
        p.setPen(theme::ink());
        const QString input = s < picture_.inputs.size() ? picture_.inputs.at(s) : QString();
        p.drawText(QRect(x, xRow, column_, static_cast<int>(std::lround(28 * scale_))), Qt::AlignCenter, input);
        arrow(QPointF(box.center().x(), xRow), QPointF(box.center().x(), box.bottom() + 1), theme::mutedInk(), 1.5 * scale_);
        // h_t above.
        arrow(QPointF(box.center().x(), box.top()), QPointF(box.center().x(), hRow + strip + 1), theme::mutedInk(), 1.5 * scale_);
        drawStrip(QRect(x + pad, hRow, column_ - 2 * pad, strip), picture_.h[i], false);
        // C_t along the top: the cell state's highway from step to step.
        if (lstm) {
            drawStrip(QRect(x + pad, cRow, column_ - 2 * pad, strip), picture_.c[i], false);
            if (s + 1 < first_ + shown_)
                arrow(QPointF(x + column_ - pad, cRow + strip / 4.0), QPointF(x + column_ + pad, cRow + strip / 4.0),
                      cellColor.darker(120), 2.5 * scale_);
        }
        // ∂L/∂h_t, revealed from the last step backwards.
        if (gradientRow && i < picture_.gradNorm.size() && s >= picture_.steps - revealed_) {
            const double g = picture_.gradNorm[i];
            const double t = strongest > 0 && std::isfinite(g) && g > 0
                                 ? std::clamp(1.0 + std::log10(g / strongest) / 6.0, 0.05, 1.0)
                                 : 0.05;
            const QRect cellRect(x + pad, gRow, column_ - 2 * pad, strip / 2);
            p.fillRect(cellRect, theme::gradientColor(t, 1.0));
            p.setPen(QPen(theme::mutedInk(), 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(cellRect);
            p.setPen(theme::ink());
            p.setFont(theme::mathFont(font(10.5)));
            p.drawText(QRect(x, gRow + strip / 2, column_, strip / 2 + 4), Qt::AlignCenter,
                       std::isfinite(g) ? QString::number(g, 'g', 3) : QStringLiteral("∞"));
            if (s > first_)
                arrow(QPointF(x + pad, gRow + strip / 4.0), QPointF(x - pad, gRow + strip / 4.0), theme::gradientPositive(),
                      2 * scale_);
        }
    }
    if (hasFocus()) {
        p.setPen(QPen(theme::highlightNext(), 2, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void UnrolledView::mousePressEvent(QMouseEvent* event) {
    const int x = static_cast<int>(event->position().x());
    if (x >= left_ && column_ > 0) {
        const int s = first_ + (x - left_) / column_;
        if (s >= first_ && s < first_ + shown_) emit stepClicked(s);
    }
    QWidget::mousePressEvent(event);
}

void UnrolledView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Left && picture_.selectedStep > 0) {
        emit stepClicked(picture_.selectedStep - 1);
        return;
    }
    if (event->key() == Qt::Key_Right && picture_.selectedStep + 1 < picture_.steps) {
        emit stepClicked(picture_.selectedStep + 1);
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace ns
