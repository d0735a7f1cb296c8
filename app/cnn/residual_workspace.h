#pragma once
// The residual experiment's workspace: a toolbar (activation, depth, play/pause, reset), the
// per-layer gradient norms of the four networks on a log scale, their loss curves and a status
// line with the step and each network's accuracy. It draws what a ResidualModel holds and sends
// the user's intents to it.
#include <QWidget>

#include <memory>

#include "common/step_history_feed.h"

class QComboBox;
class QCustomPlot;
class QCPGraph;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ns {

class GradientNormPlot;
class ResidualModel;

class ResidualWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit ResidualWorkspace(ResidualModel* model, QWidget* parent = nullptr);  // model not owned

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void refreshControls();
    void refreshStatus();
    void appendLosses();

    ResidualModel* model_;
    QLabel* activationLabel_;
    QComboBox* activation_;
    QLabel* blocksLabel_;
    QSpinBox* blocks_;
    QLabel* layersLabel_;
    QPushButton* play_;
    QPushButton* reset_;
    QLabel* gradientTitle_;
    QLabel* lossTitle_;
    GradientNormPlot* gradients_;
    QCustomPlot* losses_;
    QCPGraph* lossGraphs_[4]{};
    QLabel* status_;
    QLabel* error_;
    std::unique_ptr<StepHistoryFeed> lossFeed_;
};

}  // namespace ns
