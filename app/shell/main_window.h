#pragma once
// The main window: the network drawing, the loss curve, the training controls and the status
// bar, all wired to one SessionModel.
#include "network/session_model.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QMenu;

namespace ns {

class NetworkView;
class NeuronGraphView;
class StepInspector;
class TrainingCurve;
class LanguageSwitcher;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(SessionModel* model, LanguageSwitcher* languages, QWidget* parent = nullptr);

    NetworkView* networkView() const { return networkView_; }
    TrainingCurve* trainingCurve() const { return curve_; }
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
    // Writes the current step as Markdown (in the UI language) and, next to it, as CSV.
    bool exportWorksheet(const QString& markdownPath);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void retranslate();
    void onModelChanged(SessionModel::Changes changes);
    void updateStatus();
    void saveScreenshot();
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
    QToolBar* toolBar_ = nullptr;
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
    QAction* screenshotAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QMenu* fileMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* trainingMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
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

}  // namespace ns
