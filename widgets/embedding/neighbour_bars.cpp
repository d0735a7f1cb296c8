#include "embedding/neighbour_bars.h"

#include "common/theme.h"
#include "embedding/embedding_style.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

NeighbourBars::NeighbourBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void NeighbourBars::setBars(const std::vector<EmbeddingBar>& bars) {
    bars_ = bars;
    updateGeometry();
    update();
}

void NeighbourBars::setPresenterScale(double scale) {
    scale_ = scale;
    updateGeometry();
    update();
}

QSize NeighbourBars::sizeHint() const {
    return {static_cast<int>(520 * scale_), static_cast<int>(rowHeight() * (std::max<std::size_t>(bars_.size(), 3) + 1.2))};
}

QSize NeighbourBars::minimumSizeHint() const { return {static_cast<int>(300 * scale_), static_cast<int>(rowHeight() * 4)}; }

QRectF NeighbourBars::rowRect(int row) const {
    return QRectF(0, rowHeight() * (row + 1), width(), rowHeight());
}

void NeighbourBars::mousePressEvent(QMouseEvent* event) {
    for (int k = 0; k < static_cast<int>(bars_.size()); ++k)
        if (rowRect(k).contains(event->position())) emit wordClicked(bars_[static_cast<std::size_t>(k)].word);
    QWidget::mousePressEvent(event);
}

void NeighbourBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    const QFont font = theme::uiFont(12 * scale_);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(bold);
    double wordWidth = fm.horizontalAdvance(QStringLiteral("princess"));
    for (const EmbeddingBar& b : bars_) wordWidth = std::max(wordWidth, fm.horizontalAdvance(b.word));
    const double numberWidth = fm.horizontalAdvance(QStringLiteral("−0.000")) + 12 * scale_;
    const double left = wordWidth + 16 * scale_;
    const double barWidth = std::max(40.0, width() - left - numberWidth - 8 * scale_);
    const double zero = left + barWidth / 2;  // the axis: −1 at left, 1 at the right
    const double h = rowHeight();
    // The scale above the bars.
    p.setFont(theme::uiFont(10 * scale_));
    p.setPen(theme::mutedInk());
    for (double v : {-1.0, -0.5, 0.0, 0.5, 1.0}) {
        const double x = zero + v * barWidth / 2;
        p.drawText(QRectF(x - 30 * scale_, 0, 60 * scale_, h), Qt::AlignCenter,
                   QString::number(v, 'g', 2).replace(QLatin1Char('-'), QChar(0x2212)));
    }
    p.setPen(QPen(theme::mutedInk(), 1));
    p.drawLine(QPointF(zero, h * 0.85), QPointF(zero, h * (bars_.size() + 1)));
    for (int k = 0; k < static_cast<int>(bars_.size()); ++k) {
        const EmbeddingBar& b = bars_[static_cast<std::size_t>(k)];
        const QRectF row = rowRect(k);
        p.setFont(bold);
        p.setPen(theme::ink());
        p.drawText(QRectF(4 * scale_, row.top(), wordWidth, h), Qt::AlignRight | Qt::AlignVCenter, b.word);
        const double c = std::clamp(std::isfinite(b.cosine) ? b.cosine : 0.0, -1.0, 1.0);
        const double x = zero + c * barWidth / 2;
        const QRectF bar(std::min(zero, x), row.top() + h * 0.18, std::abs(x - zero), h * 0.64);
        p.setPen(Qt::NoPen);
        p.setBrush(embedding_style::groupColor(b.group));
        p.drawRect(bar);
        p.setFont(font);
        p.setPen(theme::ink());
        p.drawText(QRectF(left + barWidth + 8 * scale_, row.top(), numberWidth, h), Qt::AlignLeft | Qt::AlignVCenter,
                   number(b.cosine));
    }
}

}  // namespace ns
