#pragma once
// The selected cell's Bellman backup with the numbers substituted (seed 001 §8.1):
// V_{k+1}(s) = max_a Σ_s' P(s'|s,a) [R + γ V_k(s')], one line per action, every number a copy of
// what the core computed (actionValues of the sweep shown); in Q-learning mode the cell's learned
// Q(s, a) beside value iteration's Q*(s, a).
#include "gridworld/grid_picture.h"

#include <QWidget>

class QLabel;

namespace ns {

class BellmanPanel : public QWidget {
    Q_OBJECT
public:
    explicit BellmanPanel(QWidget* parent = nullptr);
    void setBackup(const Backup& backup);           // value iteration mode
    void setComparison(const QComparison& comparison);  // Q-learning mode
    void setPresenterScale(double scale);
    QString plainText() const;  // what the panel shows, without markup (tests)
    static QString number(double v);  // three decimals, a real minus sign
    static QString actionArrow(int action);  // ↑ ↓ ← →

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    QString actionName(int action) const;
    QString cellName(int state, int cols) const;

    QLabel* label_;
    Backup backup_;
    QComparison comparison_;
    bool showComparison_ = false;
    double scale_ = 1.0;
};

}  // namespace ns
