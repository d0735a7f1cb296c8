#include "attention/attention_lines.h"

#include "common/theme.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
constexpr double kColumn = 0.28;  // each token column's share of the width
}

AttentionLines::AttentionLines(QWidget* parent) : QWidget(parent) { setAttribute(Qt::WA_OpaquePaintEvent); }

void AttentionLines::setWeights(const QStringList& tokens, std::vector<double> weights, const QColor& color) {
    tokens_ = tokens;
    weights_ = std::move(weights);
    color_ = color;
    update();
}

void AttentionLines::setSelected(int token) {
    selected_ = token;
    update();
}

void AttentionLines::setPresenterScale(double scale) {
    scale_ = scale;
    update();
}

double AttentionLines::top() const { return 34 * scale_; }

double AttentionLines::rowHeight() const {
    return tokens_.isEmpty() ? 1 : std::min(40.0 * scale_, (height() - top() - 8) / tokens_.size());
}

QPointF AttentionLines::queryAnchor(int i) const {
    return {width() * kColumn, top() + (i + 0.5) * rowHeight()};
}

std::vector<AttentionLines::Line> AttentionLines::lines() const {
    std::vector<Line> out;
    const int n = static_cast<int>(tokens_.size());
    if (static_cast<int>(weights_.size()) != n * n) return out;
    for (int i = 0; i < n; ++i) {
        if (selected_ >= 0 && i != selected_) continue;
        for (int j = 0; j < n; ++j) {
            const double w = weights_[static_cast<std::size_t>(i * n + j)];
            if (w > 0.01) out.push_back({i, j, w});
        }
    }
    return out;
}

void AttentionLines::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    const int n = static_cast<int>(tokens_.size());
    if (n == 0) return;
    const double rh = rowHeight();
    const double left = width() * kColumn, right = width() * (1 - kColumn);
    QFont head = theme::uiFont(11 * scale_);
    head.setBold(true);
    p.setFont(head);
    p.setPen(theme::mutedInk());
    p.drawText(QRectF(0, 0, left, top()), Qt::AlignRight | Qt::AlignVCenter, tr("query"));
    p.drawText(QRectF(right, 0, width() - right, top()), Qt::AlignLeft | Qt::AlignVCenter, tr("key"));
    for (const Line& l : lines()) {
        QColor c = color_;
        c.setAlphaF(std::clamp(0.15 + 0.85 * l.weight, 0.0, 1.0));
        p.setPen(QPen(c, std::max(1.0, 9 * l.weight * scale_), Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(left + 6, top() + (l.query + 0.5) * rh), QPointF(right - 6, top() + (l.key + 0.5) * rh));
    }
    p.setFont(theme::uiFont(std::min(13.0 * scale_, rh * 0.55)));
    for (int i = 0; i < n; ++i) {
        const QRectF leftBox(0, top() + i * rh, left - 8, rh), rightBox(right + 8, top() + i * rh, width() - right - 8, rh);
        if (i == selected_) p.fillRect(leftBox, QColor(0xfd, 0xed, 0xb8));
        p.setPen(theme::ink());
        p.drawText(leftBox, Qt::AlignRight | Qt::AlignVCenter, tokens_[i]);
        p.setPen(theme::ink());
        p.drawText(rightBox, Qt::AlignLeft | Qt::AlignVCenter, tokens_[i]);
    }
}

void AttentionLines::mousePressEvent(QMouseEvent* event) {
    const QPointF at = event->position();
    if (at.x() > width() * kColumn || at.y() < top() || tokens_.isEmpty()) return;
    const int i = static_cast<int>((at.y() - top()) / rowHeight());
    if (i < 0 || i >= tokens_.size()) return;
    emit tokenClicked(i == selected_ ? -1 : i);
}

}  // namespace ns
