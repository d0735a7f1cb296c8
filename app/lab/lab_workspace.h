#pragma once
// The training lab as a workspace: its window's toolbar, panels and views become the page, its
// menus join the main menu bar while it is active. The LabModel is made with the page.
#include "shell/workspace.h"

#include <QPointer>

namespace ns {

class LabModel;
class LabWindow;

class LabWorkspace : public Workspace {
    Q_OBJECT
public:
    using Workspace::Workspace;
    ~LabWorkspace() override;
    QString id() const override { return QStringLiteral("lab"); }
    QString title() const override;
    QString toolTip() const override;
    QWidget* page() override;
    QObject* model() override;
    QList<QMenu*> menus() override;
    void setPresenterScale(double scale) override;
    void saveState(QSettings& settings) const override;   // the tab shown
    void restoreState(QSettings& settings) override;

    LabWindow* labWindow() const;  // null until the page is made
    LabModel* labModel();

private:
    QPointer<LabWindow> window_;
};

}  // namespace ns
