#pragma once
// The main window's centre: a side bar of workspaces (Ctrl+1…9) and the active one's page. The
// shell shows the active workspace's menus in the window's menu bar, floats a page into its own
// window for a second screen (detach), enlarges it in presenter mode, and remembers the last one.
#include "shell/workspace.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QMainWindow;
class QMenu;
class QPushButton;
class QScrollArea;
class QSettings;
class QStackedWidget;
class QToolBar;

namespace ns {

class WorkspaceShell : public QWidget {
    Q_OBJECT
public:
    // `window` receives the switching keys; `menuAnchor` is the menu-bar entry the active
    // workspace's menus go before (null: at the end).
    WorkspaceShell(QMainWindow* window, QAction* menuAnchor, QWidget* parent = nullptr);
    ~WorkspaceShell() override;

    void add(Workspace* workspace);     // takes it; it gets the next free Ctrl+number
    void remove(Workspace* workspace);  // deletes it (a page it shares with another stays)
    Workspace* find(const QString& id) const;
    Workspace* current() const { return current_; }
    const std::vector<Workspace*>& workspaces() const { return workspaces_; }
    // Shows the workspace (creating its page); false when no workspace has that id.
    bool activate(const QString& id);
    void activate(Workspace* workspace);
    QWidget* madePage(const QString& id) const { return pages_.value(find(id)); }  // null until first shown
    QAction* switchAction(const QString& id) const;  // the side bar's button, Ctrl+number
    QMenu* menu() const { return menu_; }            // View ▸ Workspaces: every switch action
    QToolBar* sideBar() const { return sideBar_; }

    // Detach: the active page moves into a window of its own (for a projector on a second screen)
    // and comes back when that window closes or on attach().
    QAction* detachAction() const { return detachAction_; }
    void detach();
    void attach();
    QWidget* detachedWindow() const { return detached_; }

    void setPresenterScale(double scale);  // 1 = normal; fonts of every page widget grow too
    double presenterScale() const { return scale_; }

    void saveState(QSettings& settings) const;
    void restoreState(QSettings& settings);

signals:
    void currentChanged(ns::Workspace* workspace);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* pageOf(Workspace* workspace);
    void showMenus(Workspace* workspace);
    void hideMenus(Workspace* workspace);
    void scaleFonts(QWidget* page);
    void retranslate();
    void renumber();

    QMainWindow* window_;
    QAction* menuAnchor_;
    QToolBar* sideBar_;
    QActionGroup* group_;
    QStackedWidget* stack_;
    QWidget* placeholder_;  // stands in for a detached page
    QLabel* placeholderText_;
    QPushButton* attachButton_;
    QMenu* menu_;
    QAction* detachAction_;
    std::vector<Workspace*> workspaces_;
    QHash<Workspace*, QAction*> actions_;
    QHash<Workspace*, QPointer<QWidget>> pages_;
    QHash<QWidget*, QScrollArea*> frames_;  // each page's scroll area in the stack
    Workspace* current_ = nullptr;
    QPointer<QWidget> detached_;     // the floating window
    QPointer<QWidget> detachedPage_;
    double scale_ = 1.0;
};

}  // namespace ns
