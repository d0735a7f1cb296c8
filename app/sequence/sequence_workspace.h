#pragma once
// The sequences workspace: a toolbar (task, length, cell, play/pause, step, reset) and three
// panels — the unrolled network with its gates and the selected step's equations; BPTT, the
// gradient ‖∂L/∂h_t‖ per step on a log scale with the W_h scale, clipping and a step-through;
// and the three cells trained live side by side, with sampled continuations for the text task.
// It draws what a SequenceModel holds and sends the user's intents to it.
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <memory>

#include "common/step_history_feed.h"

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace ns {

class EquationPanel;
class GateHeatmap;
class SequenceModel;
class UnrolledView;

class SequenceWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit SequenceWorkspace(SequenceModel* model, QWidget* parent = nullptr);  // model not owned
    void setPresenterScale(double scale);

    QTabWidget* panels() const { return tabs_; }
    UnrolledView* unrolled() const { return unrolled_; }
    UnrolledView* bpttUnrolled() const { return bpttUnrolled_; }
    GateHeatmap* gates() const { return gates_; }
    EquationPanel* equations() const { return equations_; }
    QCustomPlot* bpttPlot() const { return bptt_; }
    QCustomPlot* lossPlot() const { return losses_; }
    QLabel* samplesLabel() const { return samples_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void refreshControls();
    void refreshBptt();
    void appendLosses();
    void refreshTraining();

    SequenceModel* model_;
    QLabel *taskLabel_, *lengthLabel_, *cellLabel_;
    QComboBox *task_, *cell_;
    QSpinBox* length_;
    QPushButton *play_, *step_, *reset_, *undo_, *redo_;
    QTabWidget* tabs_;
    // Unrolled.
    UnrolledView* unrolled_;
    GateHeatmap* gates_;
    EquationPanel* equations_;
    QLabel *gatesTitle_, *equationsTitle_;
    // BPTT.
    UnrolledView* bpttUnrolled_;
    QCustomPlot* bptt_;
    QCPGraph* bpttGraphs_[3]{};
    QLabel* whLabel_;
    QSlider* wh_;
    QLabel* whValue_;
    QCheckBox* clip_;
    QPushButton *revealStart_, *revealBack_, *revealAll_;
    QLabel* bpttStatus_;
    // Training.
    QCustomPlot* losses_;
    QCPGraph* lossGraphs_[3]{};
    QLabel* trainingStatus_;
    QLabel* promptLabel_;
    QLineEdit* prompt_;
    QLabel* temperatureLabel_;
    QSlider* temperature_;
    QLabel* temperatureValue_;
    QLabel* samples_;
    QLabel* error_;
    theme::AxisTitles bpttTitles_, lossTitles_;
    std::unique_ptr<StepHistoryFeed> lossFeed_;
    double scale_ = 1.0;
};

// The workspace entry: the model and view made on first use, presenter mode passed on.
class SequenceWorkspaceEntry : public ModelWorkspace<SequenceModel, SequenceWorkspace> {
public:
    SequenceWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
