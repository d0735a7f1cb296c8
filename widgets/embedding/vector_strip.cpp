#include "embedding/vector_strip.h"

#include "common/theme.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

VectorStrip::VectorStrip(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void VectorStrip::setValues(const std::vector<double>& values, const QString& caption) {
    values_ = values;
    caption_ = caption;
    update();
}

void VectorStrip::setPresenterScale(double scale) {
    scale_ = scale;
    updateGeometry();
    update();
}

QSize VectorStrip::sizeHint() const {
    const QFontMetricsF fm(theme::uiFont(12 * scale_));
    return {static_cast<int>(600 * scale_), static_cast<int>(fm.height() + 44 * scale_)};
}

QSize VectorStrip::minimumSizeHint() const { return {static_cast<int>(240 * scale_), sizeHint().height()}; }

void VectorStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    const QFont font = theme::uiFont(12 * scale_);
    const QFontMetricsF fm(font);
    p.setFont(font);
    p.setPen(theme::ink());
    p.drawText(QRectF(0, 0, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(caption_, Qt::ElideRight, width()));
    if (values_.empty()) return;
    const double top = fm.height() + 4 * scale_;
    const double h = height() - top - 2;
    const double cell = static_cast<double>(width() - 2) / static_cast<double>(values_.size());
    double scale = 0;
    for (double v : values_)
        if (std::isfinite(v)) scale = std::max(scale, std::abs(v));
    // Cell edges on whole pixels, so every separator looks the same.
    auto edge = [cell](std::size_t k) { return 1 + static_cast<int>(std::lround(cell * static_cast<double>(k))); };
    for (std::size_t k = 0; k < values_.size(); ++k) {
        const int x0 = edge(k), x1 = edge(k + 1);
        const QRect r(x0, static_cast<int>(top), x1 - x0, static_cast<int>(h));
        const double v = values_[k];
        p.fillRect(r, v == 0.0 ? theme::neutral() : theme::signedColor(v, scale));
        if (cell >= 6 && k + 1 < values_.size()) p.fillRect(QRect(x1 - 1, r.top(), 1, r.height()), theme::background());
    }
    p.setPen(QPen(theme::mutedInk(), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(1, top, width() - 2, h));
}

}  // namespace ns
