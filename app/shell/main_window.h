#pragma once
// The main window: the workspace shell in the centre (network, backprop stepper, training lab,
// convolution, CNN, … — see workspace_registry.cpp), the global menus (File, View with the
// workspaces and the language, Help), and the window's layout kept between runs.
#include "network/network_workspace.h"
#include "shell/workspace_shell.h"

#include <QMainWindow>

class QActionGroup;
class QSettings;

namespace ns {

class LanguageSwitcher;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(SessionModel* model, LanguageSwitcher* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    WorkspaceShell* shell() const { return shell_; }
    NetworkPage* networkPage() const { return network_->networkPage(); }
    void refreshNow();  // apply pending model changes at once (screenshots, tests)

    // Layout, language and the last workspace are kept in `settings` between runs: restore once
    // after the lessons added their docks; the window saves them again when it closes.
    void restoreSettings(QSettings* settings);
    void saveSettings();

    // The network page, for the lessons, the command line and the tests.
    NetworkView* networkView() const { return networkPage()->networkView(); }
    TrainingCurve* trainingCurve() const { return networkPage()->trainingCurve(); }
    QAction* playAction() const { return networkPage()->playAction(); }
    QAction* stepAction() const { return networkPage()->stepAction(); }
    QAction* resetAction() const { return networkPage()->resetAction(); }
    StepInspector* inspector() const { return networkPage()->inspector(); }
    NeuronGraphView* graphView() const { return networkPage()->graphView(); }
    QTabWidget* stepperTabs() const { return networkPage()->stepperTabs(); }
    QAction* backpropAction() const { return networkPage()->backpropAction(); }
    QAction* stepperNextAction() const { return networkPage()->stepperNextAction(); }
    QAction* stepperBackAction() const { return networkPage()->stepperBackAction(); }
    QAction* stepperStartAction() const { return networkPage()->stepperStartAction(); }
    QAction* stepperEndAction() const { return networkPage()->stepperEndAction(); }
    QAction* stepperPlayAction() const { return networkPage()->stepperPlayAction(); }
    QAction* restartStepAction() const { return networkPage()->restartStepAction(); }
    QAction* continueStepAction() const { return networkPage()->continueStepAction(); }
    QComboBox* granularityBox() const { return networkPage()->granularityBox(); }
    QSpinBox* batchBox() const { return networkPage()->batchBox(); }
    QWidget* stepperBar() const { return networkPage()->stepperBar(); }
    bool exportWorksheet(const QString& markdownPath) { return networkPage()->exportWorksheet(markdownPath); }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void saveScreenshot();
    void updateTitle();

    LanguageSwitcher* languages_;
    NetworkWorkspace* network_;
    WorkspaceShell* shell_ = nullptr;
    QSettings* settings_ = nullptr;  // set by restoreSettings: only then is the layout kept
    QMenu* fileMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
    QAction* screenshotAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* labAction_ = nullptr;
};

// Every workspace of the app, in side-bar order (Ctrl+1…9). Adding a workspace: its folder, and
// one line here.
void registerWorkspaces(WorkspaceShell* shell, NetworkWorkspace* network);

}  // namespace ns
