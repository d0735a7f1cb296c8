#pragma once
// Lessons in the main window, added through its public interface only: the lesson panel as a
// dock beside whichever workspace is active, the lessons' own instruments (perceptron, function
// plots) as two more workspaces, a Lessons menu with the authoring keys (Ctrl+O open, F5 reload
// keeping the step, Page Up/Down steps, F11 presenter mode), and an overlay that draws the
// scene's highlights. It is the SceneHost of the lesson session: a scene switches workspaces
// through the shell, as a click on the side bar would.
#include "lessons/lesson_instruments.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_session.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

class QAction;
class QDockWidget;
class QMenu;
class QSettings;
class QStackedWidget;

namespace ns {

class CnnModel;
class CnnWorkspace;
class ConvolutionModel;
class ConvolutionWorkspace;
class FormulaBook;
class ResidualModel;
class ResidualWorkspace;
class SequenceModel;
class SequenceWorkspace;
class LanguageSwitcher;
class LessonPanel;
class MainWindow;
class SessionModel;
class Workspace;
class HighlightOverlay;

class LessonMode : public QObject, public SceneHost {
    Q_OBJECT
public:
    // settings: where progress is kept (QSettings() when null). book: the formulas (the app's
    // shared book when null). shippedRoot: the lessons to list (the embedded ones by default).
    // Destroy it before the window: it takes its docks and menu with it.
    LessonMode(MainWindow* window, SessionModel* model, LanguageSwitcher* languages, QSettings* settings = nullptr,
               FormulaBook* book = nullptr, const QString& shippedRoot = QString());
    ~LessonMode() override;

    // Opens `lesson` (a lesson file, or the id of a shipped lesson) at `step` (an id or a
    // 1-based number); without one, and when `open` is true, the lesson the student was in, else
    // the first. False (with the reason in error()) when `lesson` names nothing.
    bool start(const QString& lesson, const QString& step, bool open);
    QString error() const { return error_; }

    bool openEntry(int index, int step = -1);
    bool openFile(const QString& path);
    void reload();        // F5: the lesson file again, at the same step
    void openNextLesson();
    void setPresenter(bool on, bool fixedSize = false);  // fixedSize: 1920×1080 instead of full screen
    bool presenter() const { return presenter_; }
    void fitDocks();  // the lesson panel back to its readable width, the workspace the rest
    int panelWidthFor(Workspace* workspace) const;  // readable, or narrower where the page needs it

    LessonLibrary& library() { return library_; }
    LessonSession* session() const { return session_; }
    LessonPanel* panel() const { return panel_; }
    PerceptronModel* perceptron() const { return perceptron_; }
    FunctionModel* functions() const { return functions_; }
    PerceptronView* perceptronView() const { return perceptronView_; }
    FunctionPlotView* functionView() const { return functionView_; }
    QDockWidget* lessonDock() const { return lessonDock_; }
    QAction* reloadAction() const { return reloadAction_; }
    QAction* presenterAction() const { return presenterAction_; }
    QAction* nextStepAction() const { return nextAction_; }
    QAction* previousStepAction() const { return previousAction_; }
    // The widget or action a lesson control stands for (null if none).
    QWidget* controlWidget(lessons::Control control) const;
    QAction* controlAction(lessons::Control control) const;
    const std::vector<lessons::Highlight>& highlights() const { return highlights_; }
    std::vector<QRect> highlightRects() const;  // in window coordinates, as drawn

    // SceneHost.
    void showView(lessons::View view) override;
    void setControls(const std::vector<lessons::Control>& locked,
                     const std::vector<lessons::Control>& hidden) override;
    void setHighlights(const std::vector<lessons::Highlight>& highlights) override;
    LabModel* openLab() override;
    ConvolutionModel* openConvolution() override;
    CnnModel* openCnn() override;
    ResidualModel* openResidual() override;
    SequenceModel* openSequence() override;
    QObject* openFieldWorkspace(const QString& id) override;
    // The chapter-3 workspaces' pages (null until first shown).
    ConvolutionWorkspace* convolutionWorkspace() const;
    CnnWorkspace* cnnWorkspace() const;
    ResidualWorkspace* residualWorkspace() const;
    SequenceWorkspace* sequenceWorkspace() const;
    static QString workspaceOf(lessons::View view);  // the id of the workspace showing `view`

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    void retranslate();
    void enforceControls();
    void restoreControl(lessons::Control control);
    void syncInstruments();
    lessons::Language language() const;
    void openDialog();

    MainWindow* window_;
    SessionModel* model_;
    LanguageSwitcher* languages_;
    FormulaBook* book_;
    std::unique_ptr<LessonProgress> progress_;
    LessonLibrary library_;
    PerceptronModel* perceptron_;
    FunctionModel* functions_;
    LessonSession* session_;
    LessonPanel* panel_;
    PerceptronView* perceptronView_;
    FunctionPlotView* functionView_;
    std::vector<Workspace*> fieldModels_;  // the perceptron and function workspaces, ours
    QSet<QObject*> watchedModels_;         // workspace models the session watches
    template <class Model>
    Model* workspaceModel(const QString& id);
    QDockWidget* lessonDock_;
    HighlightOverlay* overlay_;
    QMenu* menu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* reloadAction_ = nullptr;
    QAction* previousAction_ = nullptr;
    QAction* nextAction_ = nullptr;
    QAction* resetSceneAction_ = nullptr;
    QAction* presenterAction_ = nullptr;
    QAction* closeAction_ = nullptr;
    int entry_ = -1;  // the library entry open (or showing its problems)
    std::string keptStep_;  // the step to return to when a lesson that stopped parsing parses again
    std::vector<lessons::Control> locked_, hidden_;
    std::vector<lessons::Highlight> highlights_;
    QSet<QWidget*> watched_;  // widgets whose moves move a highlight
    lessons::View view_ = lessons::View::Network;
    bool presenter_ = false;
    Qt::WindowStates stateBeforePresenter_;
    QSize sizeBeforePresenter_;
    QString error_;
};

}  // namespace ns
