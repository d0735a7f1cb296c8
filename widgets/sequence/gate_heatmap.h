#pragma once
// Every gate of the cell as a heatmap (units × time): one block per gate in the order the cell
// computes them, then C_t (LSTM) and h_t, so a student sees the forget gate close and the cell
// state carry. Sigmoid gates run from white (0) to blue (1); tanh values and C_t are signed.
// A click asks for that step and unit (cellClicked).
#include "sequence/sequence_picture.h"

#include <QWidget>

namespace ns {

class GateHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit GateHeatmap(QWidget* parent = nullptr);
    void setPicture(const SequencePicture& picture);
    void setPresenterScale(double scale);
    QStringList rowKeys() const;  // the blocks drawn, top to bottom
    QSize sizeHint() const override { return {900, 320}; }
    QSize minimumSizeHint() const override { return {360, 160}; }

signals:
    void cellClicked(int step, int unit);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Block {
        QString key;
        bool sigmoid;
        const std::vector<std::vector<double>>* values;
    };
    std::vector<Block> blocks() const;
    QRect plotArea() const;

    SequencePicture picture_;
    double scale_ = 1.0;
};

}  // namespace ns
