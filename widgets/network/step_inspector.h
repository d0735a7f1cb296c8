#pragma once
// The stepper's inspector: for the selected value of a training step, what it is, its formula
// symbolically and with the real numbers substituted (from the core's BackpropSteps, never
// recomputed here), its value, and the earlier values it used. Below, the step's inputs — the
// sample's x and y, η, and the selected weight or bias — can be edited; the widget only emits
// the edit, the model recomputes.
#include "stepper/backprop_steps.h"

#include <QWidget>

#include <optional>
#include <vector>

class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;

namespace ns {

class StepInspector : public QWidget {
    Q_OBJECT
public:
    explicit StepInspector(QWidget* parent = nullptr);

    // *steps must stay alive until the next call; null shows nothing.
    void setState(const BackpropSteps* steps, std::size_t position, std::optional<ValueId> selection);

    std::optional<ValueId> shownId() const { return shown_; }
    double shownValue() const { return shownValue_; }  // NaN when nothing is shown
    QString headingText() const;
    QString symbolicText() const;     // plain text of the symbolic formula
    QString substitutedText() const;  // plain text of the substituted lines
    QString valueText() const;        // "= −0.0564213021"
    QDoubleSpinBox* inputBox(int k) const { return inputs_.at(static_cast<std::size_t>(k)); }
    QDoubleSpinBox* targetBox(int j) const { return targets_.at(static_cast<std::size_t>(j)); }
    QDoubleSpinBox* learningRateBox() const { return eta_; }
    QDoubleSpinBox* weightBox() const { return weight_; }
    QDoubleSpinBox* biasBox() const { return bias_; }
    void focusFirstField();

signals:
    void inputEdited(int k, double value);
    void targetEdited(int j, double value);
    void learningRateEdited(double eta);
    void weightEdited(int layer, int j, int k, double value);
    void biasEdited(int layer, int j, double value);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuildEditors();
    void refresh();
    QString describe(const ValueId& id) const;
    QString layerName(int layer) const;
    QString phaseName(StepPhase phase) const;

    const BackpropSteps* steps_ = nullptr;
    std::size_t position_ = 0;
    std::optional<ValueId> selection_;
    std::optional<ValueId> shown_;
    double shownValue_ = 0;
    std::optional<ValueId> editedWeight_;  // the weight/bias the two boxes edit
    std::optional<ValueId> editedBias_;

    QLabel* heading_;
    QLabel* where_;
    QLabel* symbolic_;
    QLabel* substituted_;
    QLabel* value_;
    QLabel* uses_;
    QGroupBox* editors_;
    QFormLayout* form_;
    std::vector<QDoubleSpinBox*> inputs_;
    std::vector<QDoubleSpinBox*> targets_;
    std::vector<QLabel*> inputLabels_;
    std::vector<QLabel*> targetLabels_;
    QDoubleSpinBox* eta_;
    QDoubleSpinBox* weight_;
    QDoubleSpinBox* bias_;
    QLabel* etaLabel_;
    QLabel* weightLabel_;
    QLabel* biasLabel_;
};

}  // namespace ns
