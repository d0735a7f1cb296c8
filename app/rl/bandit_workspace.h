#pragma once
// The bandit workspace: a toolbar (arms, ε, UCB c, play/pause, step, reset, reveal, undo, redo),
// the average reward and the % of optimal actions per step of greedy, ε-greedy and UCB (each
// averaged over the model's runs), and the first bandit's hidden means q*(a) as bars once revealed.
// It draws what a BanditModel holds and sends the user's intents to it.
#include "common/step_history_feed.h"
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <algorithm>
#include <memory>

class QCPBars;
class QCPGraph;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ns {

class BanditModel;

class BanditWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit BanditWorkspace(BanditModel* model, QWidget* parent = nullptr);  // model not owned
    void setPresenterScale(double scale);

    QCustomPlot* rewardPlot() const { return reward_; }
    QCustomPlot* optimalPlot() const { return optimal_; }
    QCustomPlot* meansPlot() const { return means_; }
    QCPBars* meansBars() const { return bars_; }
    QCPGraph* estimateGraph(int strategy) const { return estimateGraphs_[std::clamp(strategy, 0, 2)]; }
    QLabel* statusLabel() const { return status_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void refreshMeans();

    BanditModel* model_;
    QLabel *armsLabel_, *epsilonLabel_, *ucbLabel_;
    QSpinBox* arms_;
    QDoubleSpinBox *epsilon_, *ucb_;
    QPushButton *play_, *step_, *reset_, *reveal_, *undo_, *redo_;
    QCustomPlot *reward_, *optimal_, *means_;
    QCPGraph* rewardGraphs_[3]{};
    QCPGraph* optimalGraphs_[3]{};
    QCPBars* bars_ = nullptr;
    QCPBars* bestBar_ = nullptr;
    QCPGraph* estimateGraphs_[3]{};
    QCPItemText* hidden_ = nullptr;
    QLabel* status_;
    QLabel* error_;
    theme::AxisTitles rewardTitles_, optimalTitles_, meansTitles_;
    std::unique_ptr<StepHistoryFeed> rewardFeed_, optimalFeed_;
    double scale_ = 1.0;
};

class BanditWorkspaceEntry : public ModelWorkspace<BanditModel, BanditWorkspace> {
public:
    BanditWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
