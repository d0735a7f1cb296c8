#include "lessons/lesson_mode.h"

#include "lessons/formula_book.h"
#include "cnn/cnn_model.h"
#include "cnn/cnn_workspace.h"
#include "cnn/residual_model.h"
#include "cnn/residual_workspace.h"
#include "sequence/sequence_model.h"
#include "sequence/sequence_workspace.h"
#include "lessons/field_workspaces.h"
#include "conv/convolution_model.h"
#include "conv/convolution_workspace.h"
#include "lab/lab_window.h"
#include "lab/lab_workspace.h"
#include "shell/model_workspace.h"
#include "shell/workspace_shell.h"
#include "shell/language.h"
#include "lessons/lesson_panel.h"
#include "shell/main_window.h"
#include "network/network_view.h"
#include "network/session_model.h"
#include "common/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QKeyEvent>
#include <QAbstractSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace ns {

using lessons::Control;
using lessons::View;

namespace {

// A toolbar widget's action and the label action just before it (hidden together).
std::vector<QAction*> toolbarActions(QToolBar* toolbar, QWidget* widget) {
    std::vector<QAction*> out;
    if (!toolbar || !widget) return out;
    const QList<QAction*> actions = toolbar->actions();
    for (int i = 0; i < actions.size(); ++i) {
        if (toolbar->widgetForAction(actions[i]) != widget) continue;
        out.push_back(actions[i]);
        if (i > 0 && qobject_cast<QLabel*>(toolbar->widgetForAction(actions[i - 1]))) out.push_back(actions[i - 1]);
    }
    return out;
}

bool isToolbarWidget(Control c) { return c == Control::LearningRate || c == Control::Speed || c == Control::Sample; }

std::vector<Control> allControlsOf(const std::vector<Control>& a, const std::vector<Control>& b) {
    std::vector<Control> all = a;
    for (Control c : b)
        if (std::find(all.begin(), all.end(), c) == all.end()) all.push_back(c);
    return all;
}

}  // namespace

// Draws the scene's highlights over the window: dashed rings around neurons and layers of the
// network drawing, and around controls. It never takes a click.
class HighlightOverlay : public QWidget {
public:
    HighlightOverlay(LessonMode* mode, QWidget* window) : QWidget(window), mode_(mode) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
        timer_.setInterval(200);
        connect(&timer_, &QTimer::timeout, this, [this] { follow(); });
    }
    void follow() {
        if (mode_->highlights().empty()) {
            timer_.stop();
            if (!rects_.empty()) {
                rects_.clear();
                update();
            }
            hide();
            return;
        }
        if (!timer_.isActive()) timer_.start();
        setGeometry(parentWidget()->rect());
        show();
        raise();
        const std::vector<QRect> rects = mode_->highlightRects();
        if (rects != rects_) {
            rects_ = rects;
            update();
        }
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(QColor(0xd8, 0x1b, 0x60), 4, Qt::DashLine);
        pen.setDashPattern({3, 2});
        p.setPen(pen);
        p.setBrush(QColor(0xd8, 0x1b, 0x60, 18));
        for (const QRect& r : rects_) p.drawRoundedRect(QRectF(r), 12, 12);
    }

private:
    LessonMode* mode_;
    QTimer timer_;
    std::vector<QRect> rects_;
};

LessonMode::LessonMode(MainWindow* window, SessionModel* model, LanguageSwitcher* languages, QSettings* settings,
                       FormulaBook* book, const QString& shippedRoot)
    : QObject(nullptr), window_(window), model_(model), languages_(languages),
      book_(book ? book : &FormulaBook::shared()), progress_(std::make_unique<LessonProgress>(settings)) {
    library_.loadShipped(shippedRoot.isEmpty() ? QString::fromLatin1(LessonLibrary::kShippedRoot) : shippedRoot);
    perceptron_ = new PerceptronModel(this);
    functions_ = new FunctionModel(this);
    session_ = new LessonSession(model_, perceptron_, functions_, progress_.get(), this);
    session_->setHost(this);

    panel_ = new LessonPanel(&library_, session_, progress_.get(), book_);
    panel_->setLanguage(language());
    lessonDock_ = new QDockWidget;
    lessonDock_->setObjectName(QStringLiteral("lessons"));
    lessonDock_->setWidget(panel_);
    lessonDock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                             QDockWidget::DockWidgetFloatable);
    window_->addDockWidget(Qt::LeftDockWidgetArea, lessonDock_);
    lessonDock_->show();  // a child added to a window already on screen is not shown by itself

    // The lessons' own instruments are workspaces like any other, after the app's.
    perceptronView_ = new PerceptronView;
    functionView_ = new FunctionPlotView;
    auto* perceptronSpace = new PageWorkspace(
        {QStringLiteral("perceptron"), [] { return LessonMode::tr("Perceptron"); },
         [] { return LessonMode::tr("Logic gates, the perceptron learning rule, XOR with a hidden layer"); }},
        perceptronView_, perceptron_);
    perceptronSpace->onPresenterScale = [view = QPointer<PerceptronView>(perceptronView_)](double scale) {
        if (view) view->setScale(scale);
    };
    auto* functionSpace = new PageWorkspace(
        {QStringLiteral("functions"), [] { return LessonMode::tr("Functions"); },
         [] { return LessonMode::tr("Activation and loss functions with their derivatives"); }},
        functionView_, functions_);
    functionSpace->onPresenterScale = [view = QPointer<FunctionPlotView>(functionView_)](double scale) {
        if (view) view->setScale(scale);
    };
    fieldModels_ = {perceptronSpace, functionSpace};
    for (Workspace* w : fieldModels_) window_->shell()->add(w);
    overlay_ = new HighlightOverlay(this, window_);
    overlay_->hide();

    // The views ask, the models decide; models changed → views and control locks follow.
    connect(perceptronView_, &PerceptronView::taskChosen, perceptron_, &PerceptronModel::setTask);
    connect(perceptronView_, &PerceptronView::etaEdited, perceptron_, &PerceptronModel::setEta);
    connect(perceptronView_, &PerceptronView::stepRequested, perceptron_, &PerceptronModel::step);
    connect(perceptronView_, &PerceptronView::epochRequested, perceptron_, &PerceptronModel::epoch);
    connect(perceptronView_, &PerceptronView::runRequested, perceptron_, &PerceptronModel::run);
    connect(perceptronView_, &PerceptronView::resetRequested, perceptron_, &PerceptronModel::restart);
    connect(perceptronView_, &PerceptronView::weightsEdited, perceptron_, &PerceptronModel::setWeights);
    connect(perceptronView_, &PerceptronView::hiddenEdited, perceptron_, &PerceptronModel::setHidden);
    connect(functionView_, &FunctionPlotView::probeMoved, functions_, &FunctionModel::setProbe);
    connect(functionView_, &FunctionPlotView::functionToggled, functions_,
            [this](const QString& name, bool shown) { functions_->setShown(name.toStdString(), shown); });
    connect(functionView_, &FunctionPlotView::derivativeToggled, functions_, &FunctionModel::setDerivative);
    connect(perceptron_, &PerceptronModel::changed, this, &LessonMode::syncInstruments);
    connect(functions_, &FunctionModel::changed, this, &LessonMode::syncInstruments);
    // After the main window has updated its views and controls for a change (it connected
    // first), locks apply again and highlights follow the drawing.
    connect(model_, &SessionModel::changed, this, [this] {
        enforceControls();
        overlay_->follow();
    });
    connect(panel_, &LessonPanel::openRequested, this, [this](int index) { openEntry(index); });
    connect(panel_, &LessonPanel::nextLessonRequested, this, &LessonMode::openNextLesson);
    connect(session_, &LessonSession::stepChanged, this, [this] {
        previousAction_->setEnabled(session_->stepIndex() > 0);
        nextAction_->setEnabled(session_->stepIndex() + 1 < session_->stepCount() || library_.next(entry_) >= 0);
    });

    buildActions();
    retranslate();
    syncInstruments();
    panel_->refreshBrowser();
    window_->installEventFilter(this);
    // Page Up/Down belong to the lesson wherever the focus is: a spin box with the focus (the
    // toolbar's η) must never take them as "step the value".
    qApp->installEventFilter(this);
    // The panel needs room next to the network: use a large screen when there is one.
    if (const QScreen* screen = window_->screen()) {
        const QRect available = screen->availableGeometry();
        if (available.width() >= 1600)
            window_->resize(std::min(available.width(), 1920), std::min(available.height(), 1080));
    }
    window_->resizeDocks({lessonDock_}, {600}, Qt::Horizontal);
    QTimer::singleShot(0, this, [this] { fitDocks(); });  // once the window has its size on screen
    // Switching to a wide page narrows the panel as far as needed (never below its minimum);
    // a panel the user widened stays as it is where the page still fits.
    connect(window_->shell(), &WorkspaceShell::currentChanged, this, [this](Workspace* w) {
        QTimer::singleShot(0, this, [this, w = QPointer<Workspace>(w)] {
            if (!w || window_->shell()->current() != w || !lessonDock_->isVisible()) return;
            const int target = panelWidthFor(w);
            const int now = lessonDock_->width();
            if (now > target || (now < target && now < (presenter_ ? 720 : 600)))
                window_->resizeDocks({lessonDock_}, {target}, Qt::Horizontal);
        });
    });
}

LessonMode::~LessonMode() {
    // Leave the window as it was: controls unlocked, its own view back, our docks and menu gone.
    session_->setHost(nullptr);
    window_->removeEventFilter(this);
    qApp->removeEventFilter(this);
    for (QWidget* w : watched_) w->removeEventFilter(this);
    for (Control c : allControlsOf(locked_, hidden_)) restoreControl(c);
    if (presenter_) setPresenter(false);
    for (Workspace* w : fieldModels_) window_->shell()->remove(w);
    delete overlay_;
    delete lessonDock_;
    delete menu_;
}

lessons::Language LessonMode::language() const {
    return languages_ && languages_->effective() == QLatin1String("zh_CN") ? lessons::Language::Chinese
                                                                           : lessons::Language::English;
}

void LessonMode::buildActions() {
    auto make = [this](QKeySequence key, auto slot) {
        auto* a = new QAction(this);
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        window_->addAction(a);  // the keys work with the menu bar hidden, too
        return a;
    };
    openAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_O), [this] { openDialog(); });
    reloadAction_ = make(QKeySequence(Qt::Key_F5), [this] { reload(); });
    previousAction_ = make(QKeySequence(Qt::Key_PageUp), [this] { session_->previous(); });
    // Page Down on a lesson's last step goes on to the next lesson.
    nextAction_ = make(QKeySequence(Qt::Key_PageDown), [this] {
        if (session_->stepIndex() + 1 < session_->stepCount()) session_->next();
        else openNextLesson();
    });
    resetSceneAction_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { session_->resetScene(); });
    presenterAction_ = make(QKeySequence(Qt::Key_F11), [this] { setPresenter(!presenter_); });
    presenterAction_->setCheckable(true);
    closeAction_ = make(QKeySequence(), [this] {
        session_->close();
        entry_ = -1;
        panel_->refreshBrowser();
    });
    menu_ = new QMenu(window_);
    menu_->addAction(openAction_);
    menu_->addAction(reloadAction_);
    menu_->addSeparator();
    menu_->addAction(previousAction_);
    menu_->addAction(nextAction_);
    menu_->addAction(resetSceneAction_);
    menu_->addSeparator();
    menu_->addAction(presenterAction_);
    // F9 folds the lesson panel away for the whole width, and back.
    lessonDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::Key_F9));
    window_->addAction(lessonDock_->toggleViewAction());
    menu_->addAction(lessonDock_->toggleViewAction());
    menu_->addAction(closeAction_);
    const QList<QAction*> menus = window_->menuBar()->actions();
    // Before Help, the last menu.
    if (menus.isEmpty()) window_->menuBar()->addMenu(menu_);
    else window_->menuBar()->insertMenu(menus.back(), menu_);
}

void LessonMode::retranslate() {
    menu_->setTitle(tr("&Lessons"));
    openAction_->setText(tr("Open lesson file…"));
    reloadAction_->setText(tr("Reload lesson"));
    reloadAction_->setToolTip(tr("Read the lesson file again after editing it, at the same step (F5)"));
    previousAction_->setText(tr("Previous step"));
    nextAction_->setText(tr("Next step"));
    resetSceneAction_->setText(tr("Reset this scene"));
    presenterAction_->setText(tr("Presenter mode"));
    presenterAction_->setToolTip(tr("Full screen, larger text, lesson list hidden (F11)"));
    closeAction_->setText(tr("Close lesson"));
    lessonDock_->setWindowTitle(tr("Lesson"));
    lessonDock_->toggleViewAction()->setText(tr("Show lesson panel"));
    lessonDock_->toggleViewAction()->setToolTip(tr("Fold the lesson panel away, or bring it back (F9)"));
}

bool LessonMode::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        auto* widget = qobject_cast<QWidget*>(watched);
        const bool pageKey = (key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown) &&
                             key->modifiers() == Qt::NoModifier;
        if (pageKey && widget && widget->window() == window_ &&
            (qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget->parentWidget()))) {
            if (event->type() == QEvent::KeyPress) {
                QAction* action = key->key() == Qt::Key_PageUp ? previousAction_ : nextAction_;
                if (action->isEnabled()) action->trigger();
            }
            event->accept();
            return true;
        }
    }
    // The application-wide filter sees windows and other objects too: only widgets can be watched.
    if (watched != window_ && watched->isWidgetType() && watched_.contains(static_cast<QWidget*>(watched))) {
        const QEvent::Type t = event->type();
        if (t == QEvent::Resize || t == QEvent::Move || t == QEvent::Show || t == QEvent::Hide) overlay_->follow();
    } else if (watched == window_) {
        if (event->type() == QEvent::LanguageChange) {
            panel_->setLanguage(language());
            retranslate();
        } else if (event->type() == QEvent::Resize) {
            overlay_->follow();
        }
    }
    return QObject::eventFilter(watched, event);
}

void LessonMode::openDialog() {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open lesson"), QString(),
                                                      tr("Lessons (*.md);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

bool LessonMode::start(const QString& lesson, const QString& step, bool open) {
    int index = -1;
    if (!lesson.isEmpty()) {
        if (QFileInfo(lesson).isFile()) {
            index = library_.addFile(lesson);
        } else {
            index = library_.indexOfId(lesson);
            if (index < 0) {
                QStringList ids;
                for (const ChapterEntry& c : library_.chapters())
                    for (int i : c.lessons) ids << library_.entry(i).id();
                error_ = QStringLiteral("--lesson: expected a lesson file or the id of a lesson of the app (%1), "
                                        "found \"%2\"")
                             .arg(ids.join(QStringLiteral(", ")), lesson);
                return false;
            }
        }
    } else if (!open) {
        // The command line asked for a view of its own: the panel stays out of its way (the
        // Lessons menu shows it again).
        lessonDock_->hide();
        return true;
    } else {
        const QString last = progress_->lastLesson();
        if (last.startsWith(QLatin1String("file:")) && QFileInfo(last.mid(5)).isFile()) index = library_.addFile(last.mid(5));
        else if (!last.isEmpty()) index = library_.indexOfId(last);
        if (index < 0) index = library_.first();
    }
    if (index < 0) return true;
    int stepIndex = -1;
    const LessonEntry& e = library_.entry(index);
    if (!step.isEmpty() && e.ok()) {
        stepIndex = e.lesson->stepIndex(step.toStdString());
        bool number = false;
        const int n = step.toInt(&number);
        if (stepIndex < 0 && number && n >= 1 && n <= static_cast<int>(e.lesson->steps.size())) stepIndex = n - 1;
        if (stepIndex < 0) {
            QStringList ids;
            for (const lessons::Step& s : e.lesson->steps) ids << QString::fromStdString(s.id);
            error_ = QStringLiteral("--lesson-step: expected a step of %1 (1 to %2, or %3), found \"%4\"")
                         .arg(e.id())
                         .arg(e.lesson->steps.size())
                         .arg(ids.join(QStringLiteral(", ")), step);
            return false;
        }
    }
    openEntry(index, stepIndex);
    return true;
}

bool LessonMode::openEntry(int index, int step) {
    if (index < 0 || index >= library_.size()) return false;
    entry_ = index;
    const LessonEntry& e = library_.entry(index);
    if (!e.ok()) {
        session_->close();
        panel_->showProblems(index);
        panel_->refreshBrowser();
        return false;
    }
    if (e.external) {
        // A teacher's own lesson: typeset what the built-in book lacks (Node.js and MathJax),
        // or show those formulas as TeX.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        book_->typesetMissing(e.formulas);
        QApplication::restoreOverrideCursor();
    }
    session_->open(e, step);
    panel_->refreshBrowser();
    return true;
}

bool LessonMode::openFile(const QString& path) { return openEntry(library_.addFile(path)); }

void LessonMode::reload() {
    if (entry_ < 0) return;
    const std::string keepStep = session_->isOpen() ? session_->step().id : std::string();
    const bool wasOpen = session_->isOpen();
    library_.reload(entry_);
    const LessonEntry& e = library_.entry(entry_);
    if (!e.ok()) {
        if (wasOpen) keptStep_ = keepStep;
        session_->close();
        panel_->showProblems(entry_);
        panel_->refreshBrowser();
        return;
    }
    if (e.external) book_->typesetMissing(e.formulas);
    if (wasOpen) {
        session_->reopen(e);
    } else {
        const int step = e.lesson->stepIndex(keptStep_);
        session_->open(e, std::max(step, 0));
    }
    keptStep_.clear();
    panel_->refreshBrowser();
}

void LessonMode::openNextLesson() {
    const int next = library_.next(entry_);
    if (next >= 0) openEntry(next, 0);
}

void LessonMode::setPresenter(bool on, bool fixedSize) {
    if (on == presenter_) return;
    presenter_ = on;
    presenterAction_->setChecked(on);
    const double scale = on ? 1.45 : 1.0;
    panel_->setPresenter(on);
    window_->shell()->setPresenterScale(scale);
    if (on) {
        stateBeforePresenter_ = window_->windowState();
        sizeBeforePresenter_ = window_->size();
        if (fixedSize) window_->resize(1920, 1080);
        else window_->showFullScreen();
    } else {
        if (window_->isFullScreen()) window_->setWindowState(stateBeforePresenter_);
        window_->resize(sizeBeforePresenter_);
    }
    // After the window has its new size: the panel keeps a readable width, the view the rest.
    QTimer::singleShot(0, this, [this] { fitDocks(); });
}

int LessonMode::panelWidthFor(Workspace* workspace) const {
    // A readable width, given up (down to 440 px, not when presenting) where the workspace's page needs the room to
    // show without scrolling (the lab's panels beside the lesson at 1920 px).
    const int readable = presenter_ ? 720 : 600;
    QWidget* page = workspace ? window_->shell()->madePage(workspace->id()) : nullptr;
    if (!page) return readable;
    const int room = window_->width() - window_->shell()->sideBar()->sizeHint().width() -
                     page->minimumSizeHint().width() - 24;
    // In presenter mode the text is larger and keeps its room: the page scrolls instead.
    if (presenter_) return readable;
    return std::clamp(room, 440, readable);
}

void LessonMode::fitDocks() {
    window_->resizeDocks({lessonDock_}, {panelWidthFor(window_->shell()->current())}, Qt::Horizontal);
}

void LessonMode::syncInstruments() {
    perceptronView_->setState(perceptron_->viewState());
    functionView_->setPlot(functions_->plot(), functions_->offered(), functions_->derivative());
    functionView_->setProbe(functions_->probe(), functions_->readout());
    enforceControls();
}

// ---- Scene host ----

QString LessonMode::workspaceOf(View view) {
    switch (view) {
        case View::Network: return QStringLiteral("network");
        case View::Stepper:
        case View::Graph: return QStringLiteral("backprop");
        case View::Perceptron: return QStringLiteral("perceptron");
        case View::Functions: return QStringLiteral("functions");
        case View::Lab: return QStringLiteral("lab");
        case View::Convolution: return QStringLiteral("convolution");
        case View::Cnn: return QStringLiteral("cnn");
        case View::Residual: return QStringLiteral("residual");
        case View::Sequence: return QStringLiteral("sequence");
        case View::Embedding:
        case View::GridWorld:
        case View::Bandit:
        case View::CartPole: return QString::fromStdString(lessons::fieldWorkspace(view)->id);
    }
    return QStringLiteral("network");
}

void LessonMode::showView(View view) {
    // The same intent as a click on the workspace's side-bar button.
    view_ = view;
    window_->shell()->activate(workspaceOf(view));
    if (view == View::Graph) window_->stepperTabs()->setCurrentIndex(1);
    else if (view == View::Stepper) window_->stepperTabs()->setCurrentIndex(0);
    window_->layout()->activate();  // the view has its size before the model's next update
    overlay_->follow();
}

template <class Model>
Model* LessonMode::workspaceModel(const QString& id) {
    Workspace* w = window_->shell()->find(id);
    auto* model = w ? qobject_cast<Model*>(w->model()) : nullptr;
    if (model && !watchedModels_.contains(model)) {
        watchedModels_.insert(model);
        session_->watch(model);
    }
    return model;
}

ConvolutionModel* LessonMode::openConvolution() { return workspaceModel<ConvolutionModel>(QStringLiteral("convolution")); }
CnnModel* LessonMode::openCnn() { return workspaceModel<CnnModel>(QStringLiteral("cnn")); }
ResidualModel* LessonMode::openResidual() { return workspaceModel<ResidualModel>(QStringLiteral("residual")); }
SequenceModel* LessonMode::openSequence() { return workspaceModel<SequenceModel>(QStringLiteral("sequence")); }
QObject* LessonMode::openFieldWorkspace(const QString& id) {
    Workspace* w = window_->shell()->find(id);
    QObject* model = w ? w->model() : nullptr;
    if (model && !watchedModels_.contains(model)) {
        watchedModels_.insert(model);
        session_->watchFieldWorkspace(id, model);
    }
    return model;
}

template <class View>
static View* pageIfMade(WorkspaceShell* shell, const QString& id) {
    return qobject_cast<View*>(shell->madePage(id));
}

ConvolutionWorkspace* LessonMode::convolutionWorkspace() const {
    return pageIfMade<ConvolutionWorkspace>(window_->shell(), QStringLiteral("convolution"));
}
CnnWorkspace* LessonMode::cnnWorkspace() const { return pageIfMade<CnnWorkspace>(window_->shell(), QStringLiteral("cnn")); }
SequenceWorkspace* LessonMode::sequenceWorkspace() const {
    return pageIfMade<SequenceWorkspace>(window_->shell(), QStringLiteral("sequence"));
}
ResidualWorkspace* LessonMode::residualWorkspace() const {
    return pageIfMade<ResidualWorkspace>(window_->shell(), QStringLiteral("residual"));
}

LabModel* LessonMode::openLab() {
    auto* lab = qobject_cast<LabWorkspace*>(window_->shell()->find(QStringLiteral("lab")));
    if (!lab) return nullptr;
    window_->shell()->activate(lab);
    return lab->labModel();
}

QAction* LessonMode::controlAction(Control c) const {
    switch (c) {
        case Control::Play: return window_->playAction();
        case Control::Step: return window_->stepAction();
        case Control::Reset: return window_->resetAction();
        case Control::Backprop: return window_->backpropAction();
        default: return nullptr;
    }
}

QWidget* LessonMode::controlWidget(Control c) const {
    QToolBar* toolbar = window_->networkPage()->toolBar();
    QToolBar* settings = window_->networkPage()->settingsBar();
    if (QAction* action = controlAction(c)) return toolbar->widgetForAction(action);
    switch (c) {
        case Control::LearningRate: return settings->findChild<QDoubleSpinBox*>();
        case Control::Speed: return settings->findChild<QComboBox*>();
        case Control::Sample: return settings->findChild<QSpinBox*>();
        case Control::StepperBar: return window_->stepperBar();
        case Control::Granularity: return window_->granularityBox();
        case Control::Batch: return window_->batchBox();
        default: break;
    }
    if (QWidget* w = perceptronView_->control(c)) return w;
    return functionView_->control(c);
}


void LessonMode::restoreControl(Control c) {
    // What the main window itself would show: training controls only outside the stepper.
    const bool training = !model_->backpropMode();
    if (QAction* action = controlAction(c)) {
        action->setVisible(true);
        action->setEnabled(c == Control::Backprop || training);
        return;
    }
    QWidget* w = controlWidget(c);
    if (!w) return;
    if (isToolbarWidget(c)) {
        for (QAction* a : toolbarActions(window_->networkPage()->settingsBar(), w)) a->setVisible(true);
        w->setEnabled(c == Control::Sample || training);
        return;
    }
    w->setEnabled(true);
    w->setVisible(c == Control::StepperBar ? model_->backpropMode() : true);
}

void LessonMode::setControls(const std::vector<Control>& locked, const std::vector<Control>& hidden) {
    for (Control c : allControlsOf(locked_, hidden_))
        if (std::find(locked.begin(), locked.end(), c) == locked.end() &&
            std::find(hidden.begin(), hidden.end(), c) == hidden.end())
            restoreControl(c);
    locked_ = locked;
    hidden_ = hidden;
    syncInstruments();  // the lesson views' own visibility first, then the locks
}

void LessonMode::enforceControls() {
    QToolBar* toolbar = window_->networkPage()->settingsBar();
    for (Control c : locked_) {
        if (QAction* action = controlAction(c)) action->setEnabled(false);
        else if (QWidget* w = controlWidget(c)) w->setEnabled(false);
    }
    for (Control c : hidden_) {
        if (QAction* action = controlAction(c)) {
            action->setVisible(false);
        } else if (QWidget* w = controlWidget(c)) {
            if (isToolbarWidget(c))
                for (QAction* a : toolbarActions(toolbar, w)) a->setVisible(false);
            else
                w->setVisible(false);
        }
    }
}

void LessonMode::setHighlights(const std::vector<lessons::Highlight>& highlights) {
    highlights_ = highlights;
    // The rings follow what they surround when it moves or resizes, not only the window.
    for (const lessons::Highlight& h : highlights_) {
        QWidget* target = h.kind == lessons::Highlight::Kind::Control ? controlWidget(h.control)
                                                                      : static_cast<QWidget*>(window_->networkView());
        if (target && !watched_.contains(target)) {
            target->installEventFilter(this);
            watched_.insert(target);
            connect(target, &QObject::destroyed, this, [this, target] { watched_.remove(target); });
        }
    }
    overlay_->follow();
}

std::vector<QRect> LessonMode::highlightRects() const {
    std::vector<QRect> rects;
    NetworkView* view = window_->networkView();
    const bool network = view->isVisible();
    const std::vector<int>& sizes = model_->network().sizes();
    // The drawing's neuron radius is its own; half the smallest spacing of neighbours is close.
    double radius = 30;
    if (network)
        for (int l = 0; l < static_cast<int>(sizes.size()); ++l)
            if (sizes[static_cast<std::size_t>(l)] > 1)
                radius = std::min(radius, QLineF(view->neuronCenter(l, 0), view->neuronCenter(l, 1)).length() * 0.45);
    radius = std::max(radius, 10.0) + 8;
    auto toWindow = [&](QPointF p) { return QPointF(view->mapTo(window_, p.toPoint())); };
    for (const lessons::Highlight& h : highlights_) {
        if (h.kind == lessons::Highlight::Kind::Control) {
            QWidget* w = controlWidget(h.control);
            if (!w || !w->isVisible()) continue;
            rects.push_back(QRect(w->mapTo(window_, QPoint(0, 0)), w->size()).adjusted(-6, -6, 6, 6));
            continue;
        }
        if (!network || h.layer < 0 || h.layer >= static_cast<int>(sizes.size())) continue;
        const int count = sizes[static_cast<std::size_t>(h.layer)];
        if (h.kind == lessons::Highlight::Kind::Neuron) {
            if (h.index < 1 || h.index > count) continue;
            const QPointF c = toWindow(view->neuronCenter(h.layer, h.index - 1));
            rects.push_back(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius).toAlignedRect());
        } else {
            QRectF r;
            for (int i = 0; i < count; ++i) {
                const QPointF c = toWindow(view->neuronCenter(h.layer, i));
                const QRectF around(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius);
                r = r.isNull() ? around : r.united(around);
            }
            rects.push_back(r.toAlignedRect());
        }
    }
    return rects;
}

}  // namespace ns
