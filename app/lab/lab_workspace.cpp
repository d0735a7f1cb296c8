#include "lab/lab_workspace.h"

#include "lab/lab_model.h"
#include "lab/lab_window.h"

#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>

namespace ns {

LabWorkspace::~LabWorkspace() { delete window_; }  // and with it the model, its child

QString LabWorkspace::title() const { return LabWindow::tr("Training lab"); }

QString LabWorkspace::toolTip() const {
    return LabWindow::tr("Datasets, losses, optimizers, regularization and metrics, live");
}

QWidget* LabWorkspace::page() {
    if (!window_) {
        auto* model = new LabModel;
        window_ = new LabWindow(model);
        model->setParent(window_);       // deleted with its views
        window_->embedInShell();
    }
    return window_;
}

QObject* LabWorkspace::model() { return labModel(); }

LabWindow* LabWorkspace::labWindow() const { return window_; }

LabModel* LabWorkspace::labModel() {
    page();
    return window_->model();
}

QList<QMenu*> LabWorkspace::menus() {
    page();
    QList<QMenu*> menus;
    for (QAction* entry : window_->menuBar()->actions())
        if (QMenu* menu = entry->menu()) menus.push_back(menu);
    return menus;
}

void LabWorkspace::setPresenterScale(double scale) {
    if (window_) window_->setPresenterScale(scale);
}

void LabWorkspace::saveState(QSettings& settings) const {
    if (window_) settings.setValue(QStringLiteral("tab"), window_->tabs()->currentIndex());
}

void LabWorkspace::restoreState(QSettings& settings) {
    const int tab = settings.value(QStringLiteral("tab"), 0).toInt();
    page();
    if (tab >= 0 && tab < window_->tabs()->count()) window_->tabs()->setCurrentIndex(tab);
}

}  // namespace ns
