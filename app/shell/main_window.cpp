#include "shell/main_window.h"

#include "common/theme.h"
#include "shell/language.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>

namespace ns {

MainWindow::MainWindow(SessionModel* model, LanguageSwitcher* languages, QWidget* parent)
    : QMainWindow(parent), languages_(languages), network_(new NetworkWorkspace(model, languages)) {
    setObjectName(QStringLiteral("mainWindow"));
    buildMenus();
    shell_ = new WorkspaceShell(this, viewMenu_->menuAction());
    setCentralWidget(shell_);
    registerWorkspaces(shell_, network_);
    shell_->activate(network_);
    connect(shell_, &WorkspaceShell::currentChanged, this, &MainWindow::updateTitle);
    viewMenu_->insertMenu(viewMenu_->actions().value(0), shell_->menu());
    viewMenu_->insertAction(viewMenu_->actions().value(1), shell_->detachAction());
    retranslate();
    resize(1500, 860);
}

MainWindow::~MainWindow() {
    // The shell's pages observe models the workspaces own: they go first, with the shell.
    delete shell_;
}

void MainWindow::buildMenus() {
    screenshotAction_ = new QAction(this);
    screenshotAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(screenshotAction_, &QAction::triggered, this, &MainWindow::saveScreenshot);
    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);
    aboutAction_ = new QAction(this);
    connect(aboutAction_, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About NeuralScope"),
                           tr("<b>NeuralScope</b><br>See a neural network learn, one number at a "
                              "time.<br>Offline, in English and Simplified Chinese."));
    });
    // Ctrl+L, kept from when the lab had a window of its own: the lab's workspace.
    labAction_ = new QAction(this);
    labAction_->setObjectName(QStringLiteral("trainingLab"));
    labAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(labAction_, &QAction::triggered, this, [this] { shell_->activate(QStringLiteral("lab")); });
    addActions({screenshotAction_, quitAction_, labAction_});

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(screenshotAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addAction(labAction_);
    viewMenu_->addSeparator();
    languageMenu_ = viewMenu_->addMenu(QString());
    languageGroup_ = new QActionGroup(this);
    for (const QString& code : {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        auto* action = languageMenu_->addAction(QString());
        action->setData(code);
        action->setCheckable(true);
        action->setChecked(code == languages_->current());
        languageGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (!languages_->apply(code))
                QMessageBox::warning(this, tr("Language"),
                                     tr("The translation for this language is missing from this "
                                        "build; the interface stays in English."));
            LanguageSwitcher::save(code);
        });
    }

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::retranslate() {
    screenshotAction_->setText(tr("Save screenshot…"));
    quitAction_->setText(tr("Quit"));
    aboutAction_->setText(tr("About NeuralScope"));
    labAction_->setText(tr("Training lab…"));
    labAction_->setToolTip(tr("Datasets, losses, optimizers, regularization and metrics, live (Ctrl+L)"));
    fileMenu_->setTitle(tr("&File"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("Language"));
    helpMenu_->setTitle(tr("&Help"));
    for (QAction* action : languageGroup_->actions()) {
        const QString code = action->data().toString();
        action->setText(code == QLatin1String("system") ? tr("Follow the system")
                        : code == QLatin1String("en")   ? QStringLiteral("English")
                                                        : QStringLiteral("简体中文"));
    }
    updateTitle();
}

void MainWindow::updateTitle() {
    const Workspace* current = shell_ ? shell_->current() : nullptr;
    setWindowTitle(current ? tr("NeuralScope — %1").arg(current->title()) : tr("NeuralScope"));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreSettings(QSettings* settings) {
    settings_ = settings;
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    shell_->restoreState(*settings);
}

void MainWindow::saveSettings() {
    if (!settings_) return;
    settings_->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings_->setValue(QStringLiteral("window/state"), saveState());
    shell_->saveState(*settings_);
    settings_->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::refreshNow() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    networkPage()->refreshNow();
}

void MainWindow::saveScreenshot() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"),
                                                      QStringLiteral("neuralscope.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    refreshNow();
    if (!grab().save(path))
        QMessageBox::warning(this, tr("Save screenshot"),
                             tr("Could not write %1. Choose a folder you can write to.").arg(path));
}

}  // namespace ns
