#pragma once
// The sliding window drawn: the input with its padding cells (dashed), the kernel window over it
// (dilated cells lit), the kernel's weights, and the output map filling in as the window visits
// it. Click an output cell to move the window there; click or scroll a kernel cell to edit it.
#include "conv/conv_picture.h"

#include <QRectF>
#include <QWidget>

namespace ns {

class ConvCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ConvCanvas(QWidget* parent = nullptr);
    void setPicture(const ConvPicture& picture);
    const ConvPicture& picture() const { return picture_; }
    // Where an output or kernel cell is drawn (for tests and the lesson overlay).
    QRectF outputCellRect(int row, int col) const;
    QRectF kernelCellRect(int channel, int u, int v) const;
    QSize sizeHint() const override { return {1100, 640}; }

signals:
    void outputCellClicked(int row, int col);
    void kernelCellClicked(int channel, int u, int v);
    void kernelCellScrolled(int channel, int u, int v, int steps);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void layoutGrids();
    bool kernelCellAt(QPointF p, int& channel, int& u, int& v) const;

    ConvPicture picture_;
    QRectF inputArea_, kernelArea_, outputArea_;
    double inputCell_ = 20, kernelCell_ = 40, outputCell_ = 20;
};

}  // namespace ns
