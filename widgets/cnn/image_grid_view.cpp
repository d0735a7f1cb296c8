#include "cnn/image_grid_view.h"

#include "common/theme.h"

#include <QImage>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
constexpr int kCaption = 22, kGap = 8;
}

ImageGridView::ImageGridView(QWidget* parent) : QWidget(parent) { setMinimumSize(200, 120); }

void ImageGridView::setImages(const QVector<GridImage>& images, Scale scale) {
    images_ = images;
    scale_ = scale;
    update();
}

void ImageGridView::setEmptyText(const QString& text) {
    empty_ = text;
    update();
}

int ImageGridView::columns(double& side) const {
    const int n = std::max(1, static_cast<int>(images_.size()));
    // The largest square cells (plus caption) that fit every image.
    for (int cols = 1; cols <= n; ++cols) {
        const int rows = (n + cols - 1) / cols;
        const double s = std::min<double>({(width() - kGap * (cols + 1)) / double(cols),
                                           (height() - rows * (kCaption + kGap) - kGap) / double(rows), double(maxCell_)});
        const int nextRows = (n + cols) / (cols + 1);
        const double next = std::min<double>({(width() - kGap * (cols + 2)) / double(cols + 1),
                                              (height() - nextRows * (kCaption + kGap) - kGap) / double(nextRows),
                                              double(maxCell_)});
        if (cols == n || next < s) {
            side = std::max(4.0, s);
            return cols;
        }
    }
    side = 4;
    return n;
}

QRectF ImageGridView::cellRect(int index, double& side) const {
    const int cols = columns(side);
    const int r = index / cols, c = index % cols;
    return QRectF(kGap + c * (side + kGap), kGap + r * (side + kCaption + kGap), side, side);
}

void ImageGridView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    p.setFont(theme::uiFont(12));
    if (images_.isEmpty()) {
        p.setPen(theme::mutedInk());
        p.drawText(rect().adjusted(10, 10, -10, -10), Qt::AlignCenter | Qt::TextWordWrap, empty_);
        return;
    }
    for (int i = 0; i < images_.size(); ++i) {
        const GridImage& g = images_[i];
        double side = 0;
        const QRectF cell = cellRect(i, side);
        if (g.rows <= 0 || g.cols <= 0) continue;
        double low = 0, high = 1;
        if (!g.values.isEmpty()) {
            low = *std::min_element(g.values.begin(), g.values.end());
            high = *std::max_element(g.values.begin(), g.values.end());
        }
        const double bound = std::max({std::abs(low), std::abs(high), 1e-12});
        QImage image(g.cols, g.rows, QImage::Format_RGB32);
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c) {
                const double v = g.values.value(r * g.cols + c);
                if (scale_ == Scale::Signed) {
                    image.setPixelColor(c, r, theme::signedColor(v, bound));
                } else {
                    const int grey = high > low ? static_cast<int>(std::lround(255 * (v - low) / (high - low))) : 0;
                    image.setPixelColor(c, r, QColor(grey, grey, grey));
                }
            }
        p.drawImage(cell, image);
        p.setPen(QPen(g.marked ? QColor(230, 97, 1) : QColor(0x88, 0x88, 0x88), g.marked ? 3 : 1));
        p.drawRect(cell);
        p.setPen(theme::ink());
        p.drawText(QRectF(cell.left() - kGap / 2.0, cell.bottom() + 2, cell.width() + kGap, kCaption),
                   Qt::AlignHCenter | Qt::AlignTop, fontMetrics().elidedText(g.caption, Qt::ElideRight, int(cell.width() + kGap)));
    }
}

void ImageGridView::mousePressEvent(QMouseEvent* event) {
    for (int i = 0; i < images_.size(); ++i) {
        double side = 0;
        if (cellRect(i, side).contains(event->position())) {
            emit imageClicked(i);
            return;
        }
    }
}

}  // namespace ns
