#pragma once
// The perceptron of lesson 1: the points of a logic gate's truth table in the plane, the
// half-plane the perceptron calls +1 shaded, its decision line wᵀx + b = 0 with w drawn as an
// arrow, the sample the rule visits next ringed; the controls of Algorithm 1 (one sample, one
// epoch, run, reset), hand-set weights for the M-P neuron, and two hidden threshold units with
// an output unit for XOR. It draws the state it is given and emits the user's intents.
#include "lessons/lesson.h"
#include "lessons/perceptron.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QBoxLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;

namespace ns {

class PerceptronPlane;

class PerceptronView : public QWidget {
    Q_OBJECT
public:
    struct State {
        lessons::LogicData data = lessons::logicData(lessons::Gate::And);
        lessons::PerceptronMode mode = lessons::PerceptronMode::Learn;
        std::vector<double> weights{0, 0};
        double bias = 0;
        double eta = 1;
        lessons::HiddenNetwork hidden;
        std::optional<lessons::PerceptronUpdate> last;  // the rule's latest visit
        int nextSample = 0;
        long updates = 0;
        long epochs = 0;
        bool converged = false;
        bool correct = false;       // every point classified right
        bool gaveUp = false;        // Run stopped at its limit without converging
        int runLimit = 100;
    };

    explicit PerceptronView(QWidget* parent = nullptr);

    void setState(const State& state);
    const State& state() const { return state_; }
    // The widget that stands for a lesson control (to lock, hide or highlight), or null.
    QWidget* control(lessons::Control c) const;
    void setScale(double scale);  // presenter mode: larger text and points
    // Narrow enough for the controls below the plane: a narrow dock stacks them rather than
    // forcing the window wider than the screen.
    QSize minimumSizeHint() const override;

    // For tests: the weight boxes (w1, w2, b — or h1, h2 and the output unit, 3 each), the truth
    // table and the status line.
    const std::vector<QDoubleSpinBox*>& weightBoxes() const { return weights_; }
    QLabel* tableLabel() const { return table_; }
    QLabel* statusLabel() const { return status_; }

signals:
    void taskChosen(ns::lessons::Gate gate);
    void etaEdited(double eta);
    void stepRequested();
    void epochRequested();
    void runRequested();
    void resetRequested();
    void weightsEdited(const std::vector<double>& weights, double bias);
    void hiddenEdited(const ns::lessons::HiddenNetwork& network);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void updateControls();
    void chooseDirection();
    void emitWeights();
    void emitHidden();
    QString truthTable() const;
    QString statusText() const;

    State state_;
    double scale_ = 1;
    bool updating_ = false;
    PerceptronPlane* plane_;
    QBoxLayout* layout_;
    QBoxLayout* controls_;
    QLabel* taskLabel_;
    QComboBox* task_;
    QLabel* etaLabel_;
    QDoubleSpinBox* eta_;
    QPushButton* step_;
    QPushButton* epoch_;
    QPushButton* run_;
    QPushButton* reset_;
    QGroupBox* weightsBox_;
    QGridLayout* weightsGrid_;
    std::vector<QLabel*> weightLabels_;
    std::vector<QDoubleSpinBox*> weights_;  // w1, w2, b — or h1 (3), h2 (3), output (3)
    QLabel* table_;
    QLabel* status_;
};

}  // namespace ns
