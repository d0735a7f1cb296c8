#pragma once
// The recurrent network unrolled through time: the cell drawn once per step, left to right,
// x_t entering from below, h_t leaving above and passed on to the next step, and for the LSTM
// the cell state C_t along the top. Each h_t and C_t is a strip of its units' values (the
// selected unit's value written out). At most as many steps as fit are drawn, a window around
// the selected one. With a gradient to show (BPTT), the steps whose ∂L/∂h_t is revealed carry
// its norm, flowing right to left. A click on a step asks for it (stepClicked).
#include "sequence/sequence_picture.h"

#include <QWidget>

namespace ns {

class UnrolledView : public QWidget {
    Q_OBJECT
public:
    explicit UnrolledView(QWidget* parent = nullptr);

    void setPicture(const SequencePicture& picture);
    // BPTT: the last `revealed` steps show ∂L/∂h_t (0: the forward pass only; −1: no gradient row).
    void setRevealed(int revealed);
    void setPresenterScale(double scale);

    // The first and one-past-last step drawn, and a step's column (for tests and clicks).
    int firstShown() const { return first_; }
    int endShown() const { return first_ + shown_; }
    QRect stepRect(int step) const;
    QSize sizeHint() const override { return {900, 340}; }
    QSize minimumSizeHint() const override { return {420, 260}; }

signals:
    void stepClicked(int step);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void layoutSteps();
    double font(double pt) const { return pt * scale_; }

    SequencePicture picture_;
    int revealed_ = -1;
    double scale_ = 1.0;
    int first_ = 0;
    int shown_ = 0;
    int left_ = 70;     // room for the row labels
    int column_ = 100;  // width of one step
};

}  // namespace ns
