#include "shell/workspace_shell.h"

#include "common/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ns {

namespace {

constexpr const char* kBaseFontSize = "nsBaseFontSize";
constexpr const char* kOwnPolicy = "nsOwnSizePolicy";
constexpr int kNumberedWorkspaces = 9;  // Ctrl+1 … Ctrl+9

}  // namespace

WorkspaceShell::WorkspaceShell(QMainWindow* window, QAction* menuAnchor, QWidget* parent)
    : QWidget(parent), window_(window), menuAnchor_(menuAnchor), sideBar_(new QToolBar),
      group_(new QActionGroup(this)), stack_(new QStackedWidget), placeholder_(new QWidget),
      placeholderText_(new QLabel), attachButton_(new QPushButton), menu_(new QMenu(this)),
      detachAction_(new QAction(this)) {
    sideBar_->setObjectName(QStringLiteral("workspaces"));
    sideBar_->setOrientation(Qt::Vertical);
    sideBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    sideBar_->setFont(theme::uiFont(13));
    sideBar_->setMovable(false);
    sideBar_->setStyleSheet(QStringLiteral(
        "QToolBar#workspaces { background: #f2f4f7; border-right: 1px solid #d0d5dd; spacing: 2px; }"
        "QToolBar#workspaces QToolButton { padding: 8px 10px; text-align: left; }"
        "QToolBar#workspaces QToolButton:checked { background: #dbe7fb; color: #12325e; font-weight: bold; "
        "border-left: 4px solid #1f5fbf; }"));
    group_->setExclusive(true);

    auto* placeholderLayout = new QVBoxLayout(placeholder_);
    placeholderLayout->addStretch();
    placeholderText_->setFont(theme::uiFont(16));
    placeholderText_->setAlignment(Qt::AlignCenter);
    placeholderText_->setWordWrap(true);
    placeholderLayout->addWidget(placeholderText_);
    attachButton_->setFont(theme::uiFont(14));
    placeholderLayout->addWidget(attachButton_, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch();
    connect(attachButton_, &QPushButton::clicked, this, &WorkspaceShell::attach);
    stack_->addWidget(placeholder_);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sideBar_);
    layout->addWidget(stack_, 1);

    detachAction_->setObjectName(QStringLiteral("detachWorkspace"));
    detachAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(detachAction_, &QAction::triggered, this, [this] { detached_ ? attach() : detach(); });
    window_->addAction(detachAction_);
    retranslate();
}

WorkspaceShell::~WorkspaceShell() {
    if (detached_) attach();
    // Pages before their workspaces: a page may hold pointers into its workspace's model.
    for (Workspace* w : workspaces_) hideMenus(w);
    delete stack_;
    stack_ = nullptr;
    qDeleteAll(workspaces_);
}

void WorkspaceShell::add(Workspace* workspace) {
    workspace->setParent(this);
    workspaces_.push_back(workspace);
    auto* action = new QAction(workspace->title(), this);
    action->setObjectName(QStringLiteral("workspace_") + workspace->id());
    action->setCheckable(true);
    action->setToolTip(workspace->toolTip());
    action->setIcon(workspace->icon());
    group_->addAction(action);
    sideBar_->addAction(action);
    menu_->addAction(action);
    window_->addAction(action);  // Ctrl+number works wherever the focus is
    actions_.insert(workspace, action);
    connect(action, &QAction::triggered, this, [this, workspace] { activate(workspace); });
    connect(workspace, &Workspace::activationRequested, this, [this, workspace] { activate(workspace); });
    connect(workspace, &Workspace::titleChanged, this, [this, workspace, action] {
        action->setText(workspace->title());
        action->setToolTip(workspace->toolTip());
    });
    renumber();
    if (!current_) activate(workspace);
}

void WorkspaceShell::remove(Workspace* workspace) {
    auto it = std::find(workspaces_.begin(), workspaces_.end(), workspace);
    if (it == workspaces_.end()) return;
    if (current_ == workspace) {
        workspace->deactivated();
        hideMenus(workspace);
        current_ = nullptr;
    }
    workspaces_.erase(it);
    QWidget* page = pages_.take(workspace);
    bool shared = false;
    for (Workspace* other : workspaces_) shared = shared || pages_.value(other) == page;
    if (page && !shared) {
        if (detachedPage_ == page) attach();
        delete frames_.take(page);  // and the page in it
    }
    delete actions_.take(workspace);
    delete workspace;
    renumber();
    if (!current_ && !workspaces_.empty()) activate(workspaces_.front());
}

Workspace* WorkspaceShell::find(const QString& id) const {
    for (Workspace* w : workspaces_)
        if (w->id() == id) return w;
    return nullptr;
}

QAction* WorkspaceShell::switchAction(const QString& id) const { return actions_.value(find(id)); }

bool WorkspaceShell::activate(const QString& id) {
    Workspace* w = find(id);
    if (!w) return false;
    activate(w);
    return true;
}

QWidget* WorkspaceShell::pageOf(Workspace* workspace) {
    QPointer<QWidget>& page = pages_[workspace];
    if (!page) {
        page = workspace->page();
        if (!frames_.contains(page)) {
            // Each page sits in a scroll area: a page that cannot shrink to the room left beside
            // the lesson panel scrolls, instead of squeezing the panel's text (or being cut).
            auto* frame = new QScrollArea;
            frame->setFrameShape(QFrame::NoFrame);
            frame->setWidgetResizable(true);
            frame->setWidget(page);
            frames_.insert(page, frame);
            stack_->addWidget(frame);
        }
    }
    return page;
}

void WorkspaceShell::activate(Workspace* workspace) {
    if (!workspace) return;
    QWidget* page = pageOf(workspace);
    if (current_ != workspace) {
        if (current_) {
            current_->deactivated();
            hideMenus(current_);
        }
        current_ = workspace;
        showMenus(workspace);
    }
    QWidget* shown = frames_.value(page);
    if (page == detachedPage_) {
        placeholderText_->setText(tr("“%1” is shown in its own window.").arg(workspace->title()));
        shown = placeholder_;
    }
    // Only the page shown may ask for room: a stack is otherwise as large as its largest page
    // (the lab's panels would squeeze the lesson panel beside the network).
    for (int i = 0; i < stack_->count(); ++i) {
        QWidget* w = stack_->widget(i);
        if (!w->property(kOwnPolicy).isValid()) w->setProperty(kOwnPolicy, QVariant::fromValue(w->sizePolicy()));
        w->setSizePolicy(w == shown ? w->property(kOwnPolicy).value<QSizePolicy>()
                                    : QSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored));
    }
    stack_->setCurrentWidget(shown);
    if (scale_ != 1.0) scaleFonts(page);
    workspace->setPresenterScale(scale_);
    actions_.value(workspace)->setChecked(true);  // the group unchecks the others (only `triggered` switches)
    workspace->activated();
    emit currentChanged(workspace);
}

void WorkspaceShell::showMenus(Workspace* workspace) {
    for (QMenu* menu : workspace->menus()) window_->menuBar()->insertMenu(menuAnchor_, menu);
}

void WorkspaceShell::hideMenus(Workspace* workspace) {
    // Out of the menu bar, a menu's keys stop working: no key reaches a hidden workspace.
    for (QMenu* menu : workspace->menus()) window_->menuBar()->removeAction(menu->menuAction());
}

void WorkspaceShell::renumber() {
    for (std::size_t i = 0; i < workspaces_.size(); ++i) {
        QAction* action = actions_.value(workspaces_[i]);
        action->setShortcut(i < kNumberedWorkspaces ? QKeySequence(Qt::CTRL | (Qt::Key_1 + static_cast<int>(i)))
                                                    : QKeySequence());
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(keys.isEmpty() ? workspaces_[i]->toolTip()
                                          : QStringLiteral("%1 (%2)").arg(workspaces_[i]->toolTip(), keys));
    }
}

// ---- Detach ----

void WorkspaceShell::detach() {
    if (detached_ || !current_) return;
    QWidget* page = pageOf(current_);
    detachedPage_ = page;
    frames_.value(page)->takeWidget();
    auto* window = new QWidget(nullptr, Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(QStringLiteral("detachedWorkspace"));
    window->setWindowTitle(tr("NeuralScope — %1").arg(current_->title()));
    auto* layout = new QVBoxLayout(window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(page);
    page->show();
    window->installEventFilter(this);
    window->resize(std::max(page->width(), 1280), std::max(page->height(), 800));
    detached_ = window;
    activate(current_);  // the placeholder takes the page's place
    window->show();
    detachAction_->setText(tr("Bring the workspace back"));
}

void WorkspaceShell::attach() {
    if (!detached_) return;
    QWidget* window = detached_;
    detached_ = nullptr;
    window->removeEventFilter(this);
    if (detachedPage_) {
        if (QScrollArea* frame = frames_.value(detachedPage_)) frame->setWidget(detachedPage_);  // out of the window
        detachedPage_ = nullptr;
    }
    window->close();
    retranslate();
    if (current_) activate(current_);
}

bool WorkspaceShell::eventFilter(QObject* watched, QEvent* event) {
    if (watched == detached_ && event->type() == QEvent::Close) {
        // Closing the floating window brings the page home instead of destroying it.
        attach();
        return false;
    }
    return QWidget::eventFilter(watched, event);
}

// ---- Presenter mode ----

void WorkspaceShell::setPresenterScale(double scale) {
    scale_ = scale;
    sideBar_->setFont(theme::uiFont(13 * scale));
    for (Workspace* w : workspaces_) {
        if (QWidget* page = pages_.value(w)) scaleFonts(page);
        if (pages_.value(w)) w->setPresenterScale(scale);
    }
}

void WorkspaceShell::scaleFonts(QWidget* page) {
    // Every widget's own point size is remembered once, all of them before any changes (a
    // child inheriting its parent's font would otherwise remember a scaled one), so scaling
    // again never compounds.
    QList<QWidget*> widgets = page->findChildren<QWidget*>();
    widgets.prepend(page);
    for (QWidget* w : widgets)
        if (!w->property(kBaseFontSize).isValid() && w->font().pointSizeF() > 0)
            w->setProperty(kBaseFontSize, w->font().pointSizeF());
    for (QWidget* w : widgets) {
        const QVariant base = w->property(kBaseFontSize);
        if (!base.isValid()) continue;
        QFont font = w->font();
        font.setPointSizeF(base.toDouble() * scale_);
        w->setFont(font);
    }
}

// ---- State and text ----

void WorkspaceShell::saveState(QSettings& settings) const {
    if (current_) settings.setValue(QStringLiteral("workspaces/current"), current_->id());
    for (Workspace* w : workspaces_) {
        if (!pages_.value(w)) continue;  // never opened: nothing of its own to keep
        settings.beginGroup(QStringLiteral("workspaces/") + w->id());
        w->saveState(settings);
        settings.endGroup();
    }
}

void WorkspaceShell::restoreState(QSettings& settings) {
    for (Workspace* w : workspaces_) {
        settings.beginGroup(QStringLiteral("workspaces/") + w->id());
        const bool kept = !settings.childKeys().isEmpty();
        settings.endGroup();
        if (!kept) continue;
        pageOf(w);
        settings.beginGroup(QStringLiteral("workspaces/") + w->id());
        w->restoreState(settings);
        settings.endGroup();
    }
    activate(settings.value(QStringLiteral("workspaces/current")).toString());
}

void WorkspaceShell::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void WorkspaceShell::retranslate() {
    menu_->setTitle(tr("&Workspaces"));
    sideBar_->setWindowTitle(tr("Workspaces"));
    attachButton_->setText(tr("Bring it back here"));
    detachAction_->setText(detached_ ? tr("Bring the workspace back") : tr("Detach workspace into its own window"));
    detachAction_->setToolTip(tr("Show the active workspace in a window of its own, e.g. on the projector (%1)")
                                  .arg(detachAction_->shortcut().toString(QKeySequence::NativeText)));
    for (Workspace* w : workspaces_) {
        QAction* action = actions_.value(w);
        action->setText(w->title());
    }
    renumber();
}

}  // namespace ns
