#pragma once
// The tiny-Transformer workspace: a toolbar (task, length, layers, heads, learning rate, play,
// step, reset, undo, redo), the loss and token-accuracy curves of the live training, the typed
// input with the model's prediction, and every head's attention map of that input (layers as
// rows, heads as columns; the selected one outlined and drawn large).
#include "common/step_history_feed.h"
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ns {

class AttentionHeatmap;
class TransformerModel;

class TransformerWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit TransformerWorkspace(TransformerModel* model, QWidget* parent = nullptr);  // model not owned
    void setPresenterScale(double scale);

    QCustomPlot* curves() const { return curves_; }
    // maps()[layer][head], from 0.
    const std::vector<std::vector<AttentionHeatmap*>>& maps() const { return maps_; }
    AttentionHeatmap* selectedMap() const { return large_; }
    QLabel* predictionLabel() const { return prediction_; }
    QLabel* statusLabel() const { return status_; }
    QLineEdit* inputEdit() const { return input_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void rebuildMaps();

    TransformerModel* model_;
    QLabel *taskLabel_, *lengthLabel_, *layersLabel_, *headsLabel_, *rateLabel_, *inputLabel_;
    QComboBox* task_;
    QSpinBox *length_, *layers_, *heads_;
    QDoubleSpinBox* rate_;
    QPushButton *play_, *step_, *reset_, *undo_, *redo_;
    QCustomPlot* curves_;
    QCPGraph *lossGraph_, *accuracyGraph_;
    theme::AxisTitles titles_;
    std::unique_ptr<StepHistoryFeed> feed_;
    QLineEdit* input_;
    QLabel *prediction_, *status_, *mapsTitle_, *error_;
    QGridLayout* mapsGrid_;
    QWidget* mapsBox_;
    std::vector<std::vector<AttentionHeatmap*>> maps_;
    AttentionHeatmap* large_;
    int builtLayers_ = 0, builtHeads_ = 0;
    double scale_ = 1.0;
};

class TransformerWorkspaceEntry : public ModelWorkspace<TransformerModel, TransformerWorkspace> {
public:
    TransformerWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
