#pragma once
// The textbook's 4-8-4-1 network: its drawing, the loss curve and the training controls, and in
// backprop mode the stepper bar, the inspector and the neuron graph — one page wired to one
// SessionModel, shown by two workspaces: "Network" (training) and "Backprop stepper".
#include "network/session_model.h"
#include "shell/workspace.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace ns {

class LanguageSwitcher;
class NetworkView;
class NeuronGraphView;
class StepInspector;
class TrainingCurve;

class NetworkPage : public QWidget {
    Q_OBJECT
public:
    NetworkPage(SessionModel* model, LanguageSwitcher* languages, QWidget* parent = nullptr);

    SessionModel* model() const { return model_; }
    NetworkView* networkView() const { return networkView_; }
    TrainingCurve* trainingCurve() const { return curve_; }
    QToolBar* toolBar() const { return toolBar_; }            // play, step, reset, stepper
    QToolBar* settingsBar() const { return settingsBar_; }    // η, speed, sample
    QMenu* trainingMenu() const { return trainingMenu_; }
    QMenu* editMenu() const { return editMenu_; }
    QAction* playAction() const { return playAction_; }
    QAction* stepAction() const { return stepAction_; }
    QAction* resetAction() const { return resetAction_; }
    void refreshNow();  // apply pending model changes at once (screenshots, tests)

    // Backprop mode: the stepper bar, the inspector and the neuron graph.
    StepInspector* inspector() const { return inspector_; }
    NeuronGraphView* graphView() const { return graphView_; }
    QTabWidget* stepperTabs() const { return stepperTabs_; }
    QAction* backpropAction() const { return backpropAction_; }
    QAction* stepperNextAction() const { return stepperNextAction_; }
    QAction* stepperBackAction() const { return stepperBackAction_; }
    QAction* stepperStartAction() const { return stepperStartAction_; }
    QAction* stepperEndAction() const { return stepperEndAction_; }
    QAction* stepperPlayAction() const { return stepperPlayAction_; }
    QAction* restartStepAction() const { return restartStepAction_; }
    QAction* continueStepAction() const { return continueStepAction_; }
    QComboBox* granularityBox() const { return granularity_; }
    QSpinBox* batchBox() const { return batch_; }
    QWidget* stepperBar() const { return stepperBar_; }
    QSplitter* splitter() const { return splitter_; }
    // Writes the current step as Markdown (in the UI language) and, next to it, as CSV.
    bool exportWorksheet(const QString& markdownPath);
    void setPresenterScale(double scale);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void retranslate();
    void onModelChanged(SessionModel::Changes changes);
    void updateStatus();
    void buildStepper();
    void updateStepper();
    void exportWorksheetDialog();

    SessionModel* model_;
    LanguageSwitcher* languages_;
    NetworkView* networkView_;
    TrainingCurve* curve_;
    QLabel* headline_;
    QLabel* warning_;
    QLabel* epochLabel_;
    QLabel* lossLabel_;
    QLabel* accuracyLabel_;
    QLabel* message_;
    QToolBar* toolBar_ = nullptr;
    QToolBar* settingsBar_ = nullptr;
    QLabel* learningRateLabel_ = nullptr;
    QDoubleSpinBox* learningRate_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QComboBox* speed_ = nullptr;
    QLabel* sampleLabel_ = nullptr;
    QSpinBox* sample_ = nullptr;
    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* trainingMenu_ = nullptr;
    QStackedWidget* rightStack_ = nullptr;
    QSplitter* splitter_ = nullptr;
    bool stepperShown_ = false;
    QTabWidget* stepperTabs_ = nullptr;
    StepInspector* inspector_ = nullptr;
    NeuronGraphView* graphView_ = nullptr;
    QWidget* stepperBar_ = nullptr;
    QLabel* stepperPosition_ = nullptr;
    QLabel* granularityLabel_ = nullptr;
    QComboBox* granularity_ = nullptr;
    QLabel* stepperSpeedLabel_ = nullptr;
    QComboBox* stepperSpeed_ = nullptr;
    QLabel* batchLabel_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QAction* backpropAction_ = nullptr;
    QAction* stepperNextAction_ = nullptr;
    QAction* stepperBackAction_ = nullptr;
    QAction* stepperStartAction_ = nullptr;
    QAction* stepperEndAction_ = nullptr;
    QAction* stepperPlayAction_ = nullptr;
    QAction* restartStepAction_ = nullptr;
    QAction* continueStepAction_ = nullptr;
    QAction* exportWorksheetAction_ = nullptr;
    std::size_t curveShown_ = 0;   // history entries already on the curve
    int curveGeneration_ = 0;
};

// "Network": the page in training mode. Its page is created with it (the window's accessors
// reach the network view from the start).
class NetworkWorkspace : public Workspace {
    Q_OBJECT
public:
    NetworkWorkspace(SessionModel* model, LanguageSwitcher* languages, QObject* parent = nullptr);
    ~NetworkWorkspace() override;
    QString id() const override { return QStringLiteral("network"); }
    QString title() const override;
    QString toolTip() const override;
    QWidget* page() override { return page_; }
    QObject* model() override { return page_->model(); }
    QList<QMenu*> menus() override;
    void activated() override;
    void setPresenterScale(double scale) override { page_->setPresenterScale(scale); }
    void saveState(QSettings& settings) const override;  // the split between drawing and curve
    void restoreState(QSettings& settings) override;
    NetworkPage* networkPage() const { return page_; }

private:
    QPointer<NetworkPage> page_;
};

// "Backprop stepper": the same page with the stepper on; Ctrl+B from anywhere comes here.
class StepperWorkspace : public Workspace {
    Q_OBJECT
public:
    explicit StepperWorkspace(NetworkWorkspace* network, QObject* parent = nullptr);
    QString id() const override { return QStringLiteral("backprop"); }
    QString title() const override;
    QString toolTip() const override;
    QWidget* page() override { return network_->page(); }
    QObject* model() override { return network_->model(); }
    QList<QMenu*> menus() override { return network_->menus(); }
    void activated() override;
    void setPresenterScale(double scale) override { network_->setPresenterScale(scale); }

private:
    NetworkWorkspace* network_;
};

}  // namespace ns
