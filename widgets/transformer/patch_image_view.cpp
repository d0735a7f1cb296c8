#include "transformer/patch_image_view.h"

#include "common/theme.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

PatchImageView::PatchImageView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PatchImageView::setImage(const std::vector<double>& pixels, int side, int grid) {
    side_ = side;
    grid_ = grid;
    image_ = QImage(side, side, QImage::Format_Grayscale8);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const double v = std::clamp(pixels.at(static_cast<std::size_t>(y * side + x)), 0.0, 1.0);
            image_.setPixel(x, y, qRgb(int(255 * (1 - v)), int(255 * (1 - v)), int(255 * (1 - v))));  // ink on white
        }
    update();
}

void PatchImageView::setOverlay(Overlay overlay) {
    overlay_ = overlay;
    update();
}
void PatchImageView::setAttention(const std::vector<double>& weights) {
    attention_ = weights;
    update();
}
void PatchImageView::setMask(const std::vector<bool>& masked) {
    mask_ = masked;
    update();
}
void PatchImageView::setTitle(const QString& title) {
    title_ = title;
    update();
}
void PatchImageView::setSelected(bool selected) {
    selected_ = selected;
    update();
}
void PatchImageView::setPresenterScale(double scale) {
    scale_ = scale;
    updateGeometry();
    update();
}

QSize PatchImageView::sizeHint() const { return QSize(int(300 * scale_), int(320 * scale_)); }
QSize PatchImageView::minimumSizeHint() const { return QSize(int(110 * scale_), int(130 * scale_)); }

void PatchImageView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit clicked();
}

void PatchImageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    QFont titleFont = theme::uiFont(11 * scale_);
    titleFont.setBold(selected_);
    p.setFont(titleFont);
    p.setPen(theme::ink());
    const int titleH = title_.isEmpty() ? 0 : QFontMetrics(titleFont).height() + 4;
    if (!title_.isEmpty()) p.drawText(QRect(0, 0, width(), titleH), Qt::AlignCenter, title_);
    if (image_.isNull() || grid_ <= 0) return;
    const int size = std::max(10, std::min(width() - 4, height() - titleH - 4));
    const QRect target((width() - size) / 2, titleH + (height() - titleH - size) / 2, size, size);
    p.drawImage(target, image_);
    const double cell = double(size) / grid_;
    const int P = grid_ * grid_;
    double top = 0;
    for (double w : attention_) top = std::max(top, w);
    for (int k = 0; k < P; ++k) {
        const QRectF r(target.left() + (k % grid_) * cell, target.top() + (k / grid_) * cell, cell, cell);
        if (overlay_ == Overlay::Attention && static_cast<int>(attention_.size()) == P && top > 0) {
            const double t = attention_[static_cast<std::size_t>(k)] / top;
            p.fillRect(r, QColor(230, 85, 13, int(200 * t)));
        } else if (overlay_ == Overlay::Mask && static_cast<int>(mask_.size()) == P && mask_[static_cast<std::size_t>(k)]) {
            p.fillRect(r, QColor(165, 165, 165));
        }
    }
    p.setPen(QPen(QColor(60, 110, 200, 170), std::max(1.0, scale_)));
    for (int g = 0; g <= grid_; ++g) {
        p.drawLine(QPointF(target.left() + g * cell, target.top()), QPointF(target.left() + g * cell, target.bottom() + 1));
        p.drawLine(QPointF(target.left(), target.top() + g * cell), QPointF(target.right() + 1, target.top() + g * cell));
    }
    if (overlay_ == Overlay::Patches && cell >= 16 * scale_) {
        p.setFont(theme::uiFont(std::min(10.0 * scale_, cell / 3)));
        p.setPen(QColor(40, 90, 190));
        for (int k = 0; k < P; ++k)
            p.drawText(QRectF(target.left() + (k % grid_) * cell + 2, target.top() + (k / grid_) * cell + 1, cell, cell),
                       Qt::AlignLeft | Qt::AlignTop, QString::number(k + 1));
    }
    if (selected_) {
        p.setPen(QPen(theme::highlightNext(), 3 * scale_));
        p.setBrush(Qt::NoBrush);
        p.drawRect(target.adjusted(-2, -2, 2, 2));
    }
}

// ---- TokenStrip ----

TokenStrip::TokenStrip(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void TokenStrip::setTokens(const std::vector<double>& pixels, int side, int grid, const std::vector<bool>& masked) {
    pixels_ = pixels;
    side_ = side;
    grid_ = grid;
    mask_ = masked;
    updateGeometry();
    update();
}

void TokenStrip::setPresenterScale(double scale) {
    scale_ = scale;
    updateGeometry();
    update();
}

int TokenStrip::visibleCount() const {
    if (tokenCount() == 0) return 0;
    return mask_.empty() ? tokenCount() : 1 + static_cast<int>(std::count(mask_.begin(), mask_.end(), false));
}

int TokenStrip::tile() const {
    const int n = tokenCount();
    if (n == 0) return 20;
    return std::clamp(int(26 * scale_), 8, int(44 * scale_)) - (n > 60 ? int(10 * scale_) : 0);
}

int TokenStrip::heightForWidth(int width) const {
    const int t = tile() + 3;
    const int perRow = std::max(1, width / t);
    const int rows = (std::max(1, tokenCount()) + perRow - 1) / perRow;
    return rows * t + 4;
}

QSize TokenStrip::sizeHint() const { return QSize(600, heightForWidth(600)); }

void TokenStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    const int n = tokenCount();
    if (n == 0 || side_ <= 0) return;
    const int t = tile(), step = t + 3, perRow = std::max(1, width() / step);
    const int ps = side_ / grid_;
    for (int k = 0; k < n; ++k) {
        const QRect r((k % perRow) * step + 1, (k / perRow) * step + 2, t, t);
        if (k == 0) {
            p.fillRect(r, QColor(230, 85, 13));
            p.setPen(Qt::white);
            p.setFont(theme::uiFont(std::max(6.0, t / 4.0)));
            p.drawText(r, Qt::AlignCenter, QStringLiteral("CLS"));
            continue;
        }
        const int patch = k - 1, gx = patch % grid_, gy = patch / grid_;
        const bool hidden = !mask_.empty() && mask_[static_cast<std::size_t>(patch)];
        QImage tileImage(ps, ps, QImage::Format_Grayscale8);
        for (int y = 0; y < ps; ++y)
            for (int x = 0; x < ps; ++x) {
                const double v = std::clamp(pixels_[static_cast<std::size_t>((gy * ps + y) * side_ + gx * ps + x)], 0.0, 1.0);
                const int g = int(255 * (1 - v));
                tileImage.setPixel(x, y, qRgb(g, g, g));
            }
        p.drawImage(r, tileImage);
        if (hidden) p.fillRect(r, QColor(165, 165, 165));
        p.setPen(QPen(QColor(60, 110, 200), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(0, 0, -1, -1));
    }
}

}  // namespace ns
