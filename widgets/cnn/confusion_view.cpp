#include "cnn/confusion_view.h"

#include "common/theme.h"

#include <QPainter>

#include <algorithm>

namespace ns {

ConfusionView::ConfusionView(QWidget* parent) : QWidget(parent) { setMinimumSize(260, 240); }

void ConfusionView::setMatrix(const QVector<long>& counts, const QStringList& classes) {
    counts_ = counts;
    classes_ = classes;
    update();
}

void ConfusionView::setTitles(const QString& rows, const QString& columns, const QString& empty) {
    rowsTitle_ = rows;
    columnsTitle_ = columns;
    empty_ = empty;
    update();
}

void ConfusionView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    p.setFont(theme::uiFont(11));
    const int n = static_cast<int>(classes_.size());
    if (n == 0 || counts_.size() != n * n) {
        p.setPen(theme::mutedInk());
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, empty_);
        return;
    }
    int labelWidth = 0;
    for (const QString& c : classes_) labelWidth = std::max(labelWidth, p.fontMetrics().horizontalAdvance(c));
    labelWidth += 8;
    const double top = 28, left = labelWidth + 4;
    const double cell = std::max(8.0, std::min((width() - left - 6) / n, (height() - top - 30) / n));
    p.setPen(theme::ink());
    p.drawText(QRectF(left, 2, cell * n, 24), Qt::AlignCenter, columnsTitle_);
    long rowMax = 1;
    for (long v : counts_) rowMax = std::max(rowMax, v);
    p.setFont(theme::uiFont(std::clamp(cell * 0.3, 7.0, 12.0)));
    for (int t = 0; t < n; ++t) {
        p.setPen(theme::ink());
        p.setFont(theme::uiFont(11));
        p.drawText(QRectF(0, top + t * cell, labelWidth, cell), Qt::AlignRight | Qt::AlignVCenter, classes_[t]);
        p.setFont(theme::uiFont(std::clamp(cell * 0.3, 7.0, 12.0)));
        for (int q = 0; q < n; ++q) {
            const long v = count(t, q);
            const QRectF r(left + q * cell, top + t * cell, cell, cell);
            const double share = double(v) / double(rowMax);
            const QColor c = t == q ? QColor(33, 102, 172) : QColor(230, 97, 1);
            QColor fill = c;
            fill.setAlphaF(v == 0 ? 0.0 : 0.12 + 0.88 * share);
            p.fillRect(r, QColor(0xfa, 0xfa, 0xfa));
            p.fillRect(r, fill);
            p.setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0.5));
            p.drawRect(r);
            if (v > 0 && cell >= 22) {
                p.setPen(share > 0.55 ? Qt::white : theme::ink());
                p.drawText(r, Qt::AlignCenter, QString::number(v));
            }
        }
    }
    p.setPen(theme::ink());
    p.setFont(theme::uiFont(11));
    p.drawText(QRectF(left, top + n * cell + 4, cell * n, 22), Qt::AlignCenter, rowsTitle_);
}

}  // namespace ns
