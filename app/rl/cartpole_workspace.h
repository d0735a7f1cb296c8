#pragma once
// The CartPole workspace: a toolbar (agent, watch speed, play/pause training, reset, watch the
// current policy), the selected agent's cart and pole as its greedy episode plays, and the return
// per episode of the five agents on one plot with their moving averages and the 195 line.
// It draws what a CartPoleModel holds and sends the user's intents to it.
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <memory>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSlider;

namespace ns {

class CartPoleModel;
class CartPoleView;
class EpisodeFeed;

class CartPoleWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit CartPoleWorkspace(CartPoleModel* model, QWidget* parent = nullptr);  // model not owned
    ~CartPoleWorkspace() override;
    void setPresenterScale(double scale);

    CartPoleView* cartPole() const { return view_; }
    QCustomPlot* returnPlot() const { return plot_; }
    QCPGraph* returnGraph(int agent) const;
    QCPGraph* averageGraph(int agent) const;
    QLabel* statusLabel() const { return status_; }

    static QString agentTitle(int agent);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void restyle();

    CartPoleModel* model_;
    QLabel *agentLabel_, *speedLabel_, *speedValue_;
    QComboBox* agent_;
    QLabel* trainingSpeedLabel_;
    QComboBox* trainingSpeed_;
    QSlider* speed_;
    QPushButton *play_, *reset_, *watch_, *frame_;
    CartPoleView* view_;
    QCustomPlot* plot_;
    QCPGraph* returns_[5]{};
    QCPGraph* averages_[5]{};
    QCPItemStraightLine* solved_ = nullptr;
    QCPItemText* solvedText_ = nullptr;
    QLabel* status_;
    QLabel* error_;
    theme::AxisTitles titles_;
    std::unique_ptr<EpisodeFeed> feed_;
    double scale_ = 1.0;
    int styledAgent_ = -1;
};

class CartPoleWorkspaceEntry : public ModelWorkspace<CartPoleModel, CartPoleWorkspace> {
public:
    CartPoleWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
