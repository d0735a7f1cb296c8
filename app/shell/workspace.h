#pragma once
// A workspace is one view of the app — the network and its curve, the backprop stepper, the
// training lab, the convolution window, … — hosted by the WorkspaceShell beside the lesson panel.
// Adding one is a new class registered with the shell, never edits across the main window.
#include <QIcon>
#include <QList>
#include <QObject>
#include <QString>

class QMenu;
class QSettings;
class QWidget;

namespace ns {

class Workspace : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Stable key: the settings key, the lesson view's name, the side bar's object name.
    virtual QString id() const = 0;
    virtual QString title() const = 0;  // in the UI language
    virtual QString toolTip() const { return title(); }
    virtual QIcon icon() const { return {}; }
    // The view, created on first use (startup stays quick); the shell takes it into its stack.
    // Two workspaces may share one page (the network and the stepper draw the same network).
    virtual QWidget* page() = 0;
    // The model the page observes, created with the page (null when there is none).
    virtual QObject* model() { return nullptr; }
    // Menus shown in the menu bar while this workspace is active (their keys work only then).
    virtual QList<QMenu*> menus() { return {}; }
    virtual void activated() {}    // the shell shows this workspace (and the page exists)
    virtual void deactivated() {}  // another workspace takes its place
    // Presenter mode: everything the page draws itself grows by `scale` (fonts in widgets the
    // shell scales already).
    virtual void setPresenterScale(double scale) { (void)scale; }
    virtual void saveState(QSettings& settings) const { (void)settings; }
    virtual void restoreState(QSettings& settings) { (void)settings; }

signals:
    void activationRequested();  // the workspace wants to be shown (e.g. Ctrl+B turned the stepper on)
    void titleChanged();
};

}  // namespace ns
