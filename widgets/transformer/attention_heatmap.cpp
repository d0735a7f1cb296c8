#include "transformer/attention_heatmap.h"

#include "common/theme.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
QColor weightColor(double w) {
    const double t = std::clamp(w, 0.0, 1.0);
    const QColor hi(20, 70, 170);
    return QColor::fromRgbF(1 - t * (1 - hi.redF()), 1 - t * (1 - hi.greenF()), 1 - t * (1 - hi.blueF()));
}
}  // namespace

AttentionHeatmap::AttentionHeatmap(QWidget* parent) : QWidget(parent) {
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void AttentionHeatmap::setMap(const std::vector<double>& weights, const QStringList& labels, const QString& title,
                              const QString& shortTitle) {
    weights_ = weights;
    labels_ = labels;
    title_ = title;
    shortTitle_ = shortTitle;
    update();
}

void AttentionHeatmap::setSelected(bool selected) {
    if (selected_ == selected) return;
    selected_ = selected;
    update();
}

void AttentionHeatmap::setPresenterScale(double scale) {
    scale_ = scale;
    updateGeometry();
    update();
}

QSize AttentionHeatmap::sizeHint() const { return QSize(int(200 * scale_), int(200 * scale_)); }
QSize AttentionHeatmap::minimumSizeHint() const { return QSize(int(80 * scale_), int(80 * scale_)); }

void AttentionHeatmap::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit clicked();
}

void AttentionHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    const int n = static_cast<int>(labels_.size());
    QFont titleFont = theme::uiFont(11 * scale_);
    titleFont.setBold(selected_);
    p.setFont(titleFont);
    p.setPen(theme::ink());
    const int titleH = QFontMetrics(titleFont).height() + 2;
    const bool fits = QFontMetrics(titleFont).horizontalAdvance(title_) <= width() - 4 || shortTitle_.isEmpty();
    p.drawText(QRect(0, 0, width(), titleH), Qt::AlignCenter, fits ? title_ : shortTitle_);
    if (n == 0 || static_cast<int>(weights_.size()) != n * n) return;
    const QFont labelFont = theme::uiFont(std::max(7.0, std::min(11.0, 70.0 / n + 5) * scale_));
    const QFontMetrics fm(labelFont);
    const int labelW = fm.horizontalAdvance(QStringLiteral("W")) + 6, labelH = fm.height() + 2;
    const int side = std::max(1, std::min((width() - labelW - 4) / n, (height() - titleH - labelH - 4) / n));
    const int left = (width() - labelW - side * n) / 2 + labelW, top = titleH + labelH;
    p.setFont(labelFont);
    const QString mirror = QStringLiteral("·");
    for (int j = 0; j < n; ++j) {
        const QString l = labels_[j] == QLatin1String(" ") ? mirror : labels_[j];
        p.setPen(theme::mutedInk());
        p.drawText(QRect(left + j * side, titleH, side, labelH), Qt::AlignCenter, l);
        p.drawText(QRect(left - labelW, top + j * side, labelW - 3, side), Qt::AlignRight | Qt::AlignVCenter,
                   labels_[j] == QLatin1String(" ") ? mirror : labels_[j]);
    }
    const bool numbers = side >= fm.horizontalAdvance(QStringLiteral(".00")) + 4;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double w = weights_[static_cast<std::size_t>(i * n + j)];
            const QRect cell(left + j * side, top + i * side, side, side);
            p.fillRect(cell, weightColor(w));
            if (numbers) {
                p.setPen(w > 0.55 ? Qt::white : theme::ink());
                p.drawText(cell, Qt::AlignCenter, QString::number(w, 'f', 2).mid(w < 1 ? 1 : 0));
            }
        }
    p.setPen(QPen(selected_ ? theme::highlightNext() : theme::mutedInk(), (selected_ ? 3 : 1) * scale_));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(left, top, side * n, side * n));
}

}  // namespace ns
