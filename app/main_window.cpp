#include "main_window.h"

#include "language.h"
#include "network_view.h"
#include "theme.h"
#include "training_curve.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

MainWindow::MainWindow(SessionModel* model, LanguageSwitcher* languages, QWidget* parent)
    : QMainWindow(parent), model_(model), languages_(languages),
      networkView_(new NetworkView), curve_(new TrainingCurve), headline_(new QLabel),
      warning_(new QLabel), epochLabel_(new QLabel), lossLabel_(new QLabel),
      accuracyLabel_(new QLabel) {
    headline_->setWordWrap(true);
    headline_->setFont(theme::uiFont(14));
    headline_->setContentsMargins(12, 8, 12, 4);
    warning_->setWordWrap(true);
    warning_->setFont(theme::uiFont(14));
    warning_->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff1e0; color: #8a3b00; border: 2px solid #e07b00; "
        "border-radius: 6px; padding: 8px; }"));
    warning_->setVisible(false);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(networkView_);
    splitter->addWidget(curve_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({880, 580});
    splitter->setChildrenCollapsible(false);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->addWidget(headline_);
    layout->addWidget(warning_);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    for (QLabel* label : {epochLabel_, lossLabel_, accuracyLabel_}) {
        label->setFont(theme::uiFont(13));
        label->setMinimumWidth(170);
        statusBar()->addPermanentWidget(label);
    }

    buildActions();
    buildMenus();
    buildToolBar();
    retranslate();

    connect(model_, &SessionModel::changed, this, &MainWindow::onModelChanged);
    connect(networkView_, &NetworkView::neuronClicked, this, [this](int layer, int) {
        if (layer == 0) networkView_->setFocus();
    });
    networkView_->setFocus();
    onModelChanged(SessionModel::NetworkChanged | SessionModel::HistoryChanged |
                   SessionModel::StatusChanged | SessionModel::SettingsChanged);
    resize(1500, 860);
}

void MainWindow::buildActions() {
    playAction_ = new QAction(this);
    playAction_->setShortcut(Qt::Key_Space);
    connect(playAction_, &QAction::triggered, model_, &SessionModel::togglePlay);

    stepAction_ = new QAction(this);
    stepAction_->setShortcut(Qt::Key_Right);
    connect(stepAction_, &QAction::triggered, model_, &SessionModel::stepEpoch);

    resetAction_ = new QAction(this);
    resetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(resetAction_, &QAction::triggered, model_, &SessionModel::reset);

    undoAction_ = model_->undoStack()->createUndoAction(this);
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_ = model_->undoStack()->createRedoAction(this);
    redoAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});

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
}

void MainWindow::buildMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(screenshotAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(undoAction_);
    editMenu_->addAction(redoAction_);

    trainingMenu_ = menuBar()->addMenu(QString());
    trainingMenu_->addAction(playAction_);
    trainingMenu_->addAction(stepAction_);
    trainingMenu_->addAction(resetAction_);

    viewMenu_ = menuBar()->addMenu(QString());
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

void MainWindow::buildToolBar() {
    toolBar_ = addToolBar(QString());
    toolBar_->setObjectName(QStringLiteral("training"));
    toolBar_->setMovable(false);
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->setFont(theme::uiFont(13));
    toolBar_->addAction(playAction_);
    toolBar_->addAction(stepAction_);
    toolBar_->addAction(resetAction_);
    toolBar_->addSeparator();

    learningRateLabel_ = new QLabel;
    learningRate_ = new QDoubleSpinBox;
    learningRate_->setDecimals(5);
    learningRate_->setRange(SessionModel::kMinLearningRate, SessionModel::kMaxLearningRate);
    learningRate_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    learningRate_->setKeyboardTracking(false);
    learningRate_->setMinimumWidth(120);
    connect(learningRate_, &QDoubleSpinBox::valueChanged, model_, &SessionModel::setLearningRate);
    toolBar_->addWidget(learningRateLabel_);
    toolBar_->addWidget(learningRate_);
    toolBar_->addSeparator();

    speedLabel_ = new QLabel;
    speed_ = new QComboBox;
    for (std::size_t i = 0; i < SessionModel::speedChoices().size(); ++i) speed_->addItem(QString());
    connect(speed_, &QComboBox::activated, model_, &SessionModel::setSpeedIndex);
    toolBar_->addWidget(speedLabel_);
    toolBar_->addWidget(speed_);
    toolBar_->addSeparator();

    sampleLabel_ = new QLabel;
    sample_ = new QSpinBox;
    sample_->setRange(1, static_cast<int>(model_->data().size()));
    sample_->setMinimumWidth(90);
    connect(sample_, &QSpinBox::valueChanged, this,
            [this](int oneBased) { model_->setSelectedSample(oneBased - 1); });
    toolBar_->addWidget(sampleLabel_);
    toolBar_->addWidget(sample_);
    for (QWidget* w : std::initializer_list<QWidget*>{learningRateLabel_, learningRate_, speedLabel_,
                                                      speed_, sampleLabel_, sample_})
        w->setFont(theme::uiFont(13));
}

void MainWindow::retranslate() {
    setWindowTitle(tr("NeuralScope — the textbook's 4-8-4-1 network"));
    headline_->setText(
        tr("<b>The complete example of the textbook (§3):</b> 4 inputs → 8 ReLU → 4 ReLU → 1 "
           "sigmoid, 81 parameters, binary cross-entropy, gradient descent. Task: y = 1 when "
           "x₁ + x₂ + x₃ + x₄ > 0, on 1000 random samples."));
    playAction_->setToolTip(tr("Start or pause training (Space)"));
    stepAction_->setText(tr("Step ▸"));
    stepAction_->setToolTip(tr("Train exactly one epoch (→)"));
    resetAction_->setText(tr("Reset"));
    resetAction_->setToolTip(tr("Back to the same initial weights, epoch 0 (Ctrl+R)"));
    screenshotAction_->setText(tr("Save screenshot…"));
    quitAction_->setText(tr("Quit"));
    aboutAction_->setText(tr("About NeuralScope"));
    undoAction_->setText(tr("Undo"));
    redoAction_->setText(tr("Redo"));
    fileMenu_->setTitle(tr("&File"));
    editMenu_->setTitle(tr("&Edit"));
    trainingMenu_->setTitle(tr("&Training"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("Language"));
    helpMenu_->setTitle(tr("&Help"));
    toolBar_->setWindowTitle(tr("Training"));
    for (QAction* action : languageGroup_->actions()) {
        const QString code = action->data().toString();
        action->setText(code == QLatin1String("system") ? tr("Follow the system")
                        : code == QLatin1String("en")   ? QStringLiteral("English")
                                                        : QStringLiteral("简体中文"));
    }
    learningRateLabel_->setText(tr("Learning rate η "));
    learningRate_->setToolTip(tr("Step size of gradient descent: W ← W − η ∂L/∂W"));
    speedLabel_->setText(tr(" Speed "));
    speed_->setToolTip(tr("Epochs per second while playing"));
    for (std::size_t i = 0; i < SessionModel::speedChoices().size(); ++i) {
        const double rate = SessionModel::speedChoices()[i];
        speed_->setItemText(static_cast<int>(i), rate > 0 ? tr("%1 epochs/s").arg(rate)
                                                          : tr("As fast as possible"));
    }
    sampleLabel_->setText(tr(" Sample # "));
    sample_->setToolTip(tr("Which training sample the neurons show"));
    updateStatus();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::onModelChanged(SessionModel::Changes changes) {
    if (changes & (SessionModel::NetworkChanged | SessionModel::SampleChanged))
        networkView_->setState(model_->network(), &model_->sampleTrace(), model_->selectedSample());
    if (changes & SessionModel::HistoryChanged) {
        if (curveGeneration_ != model_->historyGeneration()) {
            curve_->clear();
            curveShown_ = 0;
            curveGeneration_ = model_->historyGeneration();
        }
        curve_->append(model_->history(), curveShown_);
        curveShown_ = model_->history().size();
    }
    if (changes & SessionModel::SettingsChanged) {
        const QSignalBlocker blockRate(learningRate_);
        learningRate_->setValue(model_->learningRate());
        speed_->setCurrentIndex(model_->speedIndex());
    }
    if (changes & SessionModel::SampleChanged) {
        const QSignalBlocker blockSample(sample_);
        sample_->setValue(model_->selectedSample() + 1);
    }
    updateStatus();
}

void MainWindow::updateStatus() {
    playAction_->setText(model_->isPlaying() ? tr("Pause ❚❚") : tr("Play ▶"));
    epochLabel_->setText(tr("Epoch %1").arg(model_->epoch()));
    const double loss = model_->loss();
    const double accuracy = model_->accuracy();
    lossLabel_->setText(std::isfinite(loss) ? tr("Loss %1").arg(loss, 0, 'f', 4) : tr("Loss —"));
    accuracyLabel_->setText(std::isfinite(accuracy)
                                ? tr("Accuracy %1 %").arg(accuracy * 100, 0, 'f', 1)
                                : tr("Accuracy —"));
    if (model_->hasDiverged()) {
        warning_->setText(tr("<b>Training paused: it diverged.</b> The loss stopped being a finite "
                             "number, so the last update was not applied. Lower the learning "
                             "rate η and press Reset (Ctrl+R).<br><small>%1</small>")
                              .arg(model_->statusMessage().toHtmlEscaped()));
        warning_->setVisible(true);
    } else {
        warning_->setVisible(false);
    }
}

void MainWindow::refreshNow() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    curve_->replotNow();
}

void MainWindow::saveScreenshot() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"),
                                                      QStringLiteral("neuralscope.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    curve_->replotNow();
    if (!grab().save(path))
        QMessageBox::warning(this, tr("Save screenshot"),
                             tr("Could not write %1. Choose a folder you can write to.").arg(path));
}

}  // namespace ns
