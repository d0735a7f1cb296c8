#pragma once
// Small greyscale images in a grid with a caption under each: feature maps (one per channel),
// learnt filters (signed, blue/orange), test images and misclassified examples. Click an image to
// choose it.
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace ns {

struct GridImage {
    int rows = 0, cols = 0;
    QVector<double> values;  // row-major
    QString caption;
    bool marked = false;     // drawn with a frame (the chosen one)
};

class ImageGridView : public QWidget {
    Q_OBJECT
public:
    enum class Scale { PerImage, Signed };  // grey from each image's min…max, or ± around 0
    explicit ImageGridView(QWidget* parent = nullptr);
    void setImages(const QVector<GridImage>& images, Scale scale = Scale::PerImage);
    void setEmptyText(const QString& text);
    void setMaxCellSide(int pixels) { maxCell_ = pixels; update(); }
    const QVector<GridImage>& images() const { return images_; }
    QSize sizeHint() const override { return {420, 300}; }

signals:
    void imageClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRectF cellRect(int index, double& side) const;
    int columns(double& side) const;

    QVector<GridImage> images_;
    Scale scale_ = Scale::PerImage;
    QString empty_;
    int maxCell_ = 110;
};

}  // namespace ns
