#pragma once
// CartPole drawn: the track between its ±2.4 m limits, the cart at x, the pole at angle θ from the
// vertical (the ±12° limits dashed), the force of the step's action as an arrow, and the step
// counter with x and θ. It draws the frame it is given; the numbers are the core's states.
#include "rl/cartpole.h"

#include <QString>
#include <QWidget>

namespace ns {

struct CartPoleFrame {
    rl::CartPoleState state;
    int action = -1;  // the action taken from this state (−1: none yet)
    int step = 0;     // steps taken to reach this state
    bool failed = false;
    bool truncated = false;
    bool valid = false;  // false: nothing to draw yet
};

class CartPoleView : public QWidget {
    Q_OBJECT
public:
    explicit CartPoleView(QWidget* parent = nullptr);

    void setFrame(const CartPoleFrame& frame);
    void setCaption(const QString& caption);  // what is drawn (e.g. "DQN, greedy episode")
    void setPresenterScale(double scale);
    const CartPoleFrame& frame() const { return frame_; }
    // The text the view writes under the caption (for tests).
    QString statusText() const;

    QSize sizeHint() const override { return {640, 300}; }
    QSize minimumSizeHint() const override { return {360, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    CartPoleFrame frame_;
    QString caption_;
    double scale_ = 1.0;
};

}  // namespace ns
