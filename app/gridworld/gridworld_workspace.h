#pragma once
// The grid world workspace: a toolbar (layout, γ, step reward, slip, mode, undo, redo, reset), a
// row for the mode — value iteration's sweep controls (previous, next, run to convergence, k and Δ)
// or Q-learning's (algorithm, ε, α, play/pause, one episode, speed) — the grid (values or Q
// triangles, greedy arrows, the animated agent), the selected cell's Bellman backup, and the
// return of every episode. It draws what a GridWorldModel holds and sends the user's intents to it.
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <memory>
#include <utility>
#include <vector>

#include "common/step_history_feed.h"

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSplitter;
class QTimer;

namespace ns {

class BellmanPanel;
class GridView;
class GridWorldModel;
struct GridPicture;
namespace rl {
struct EpisodeRecord;
}

class GridWorldWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit GridWorldWorkspace(GridWorldModel* model, QWidget* parent = nullptr);  // model not owned
    void setPresenterScale(double scale);

    GridView* grid() const { return grid_; }
    BellmanPanel* bellman() const { return bellman_; }
    QCustomPlot* returnPlot() const { return returns_; }
    QLabel* sweepLabel() const { return sweepLabel_; }
    QLabel* matchLabel() const { return match_; }
    GridPicture picture() const;  // what the grid is given now

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void arrange();  // the side beside the grid (wide) or under it (narrow)
    void retranslate();
    void refresh();
    void refreshControls();
    void refreshGrid();
    void advanceAgent();
    void clicked(int state);

    GridWorldModel* model_;
    // Toolbar.
    QLabel *layoutLabel_, *gammaLabel_, *rewardLabel_, *slipLabel_, *modeLabel_;
    QComboBox *layout_, *mode_;
    QSlider* gammaSlider_;
    QDoubleSpinBox *gamma_, *reward_, *slip_;
    QPushButton *undo_, *redo_, *reset_;
    QCheckBox* edit_;
    QComboBox* palette_;
    // Value iteration.
    QWidget* valuesBar_;
    QPushButton *previous_, *next_, *converge_;
    QLabel* sweepLabel_;
    // Q-learning.
    QWidget* learningBar_;
    QLabel *algorithmLabel_, *epsilonLabel_, *alphaLabel_, *speedLabel_;
    QComboBox* algorithm_;
    QDoubleSpinBox *epsilon_, *alpha_;
    QCheckBox* randomStarts_;
    QPushButton *play_, *step_;
    QSlider* speed_;
    QCheckBox* fast_;
    QLabel* episodes_;
    QLabel* match_;
    // Body.
    GridView* grid_;
    std::vector<std::pair<QWidget*, std::vector<QWidget*>>> rows_;  // each tool row and its groups
    QSplitter* splitter_ = nullptr;
    QWidget* side_ = nullptr;
    QBoxLayout* sideLayout_ = nullptr;
    QWidget* plotBox_ = nullptr;
    QWidget* bellmanScroll_ = nullptr;
    QLabel* panelTitle_;
    BellmanPanel* bellman_;
    QLabel* plotTitle_;
    QCustomPlot* returns_;
    QCPGraph* returnGraph_ = nullptr;
    QLabel* legend_;
    QLabel* error_;
    theme::AxisTitles returnTitles_;
    std::unique_ptr<StepHistoryFeed> returnFeed_;
    // The animated agent: the newest episode, replayed step by step.
    QTimer* animation_;
    std::shared_ptr<const rl::EpisodeRecord> animated_;
    int agentStep_ = 0;
    double scale_ = 1.0;
};

// The workspace entry: the model and view made on first use, presenter mode passed on.
class GridWorldWorkspaceEntry : public ModelWorkspace<GridWorldModel, GridWorldWorkspace> {
public:
    GridWorldWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
