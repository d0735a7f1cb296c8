#include "network/network_workspace.h"
#include "shell/tool_row.h"

#include "shell/language.h"
#include "network/network_view.h"
#include "network/neuron_graph_view.h"
#include "network/step_inspector.h"
#include "common/theme.h"
#include "network/training_curve.h"
#include "stepper/worksheet.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

NetworkPage::NetworkPage(SessionModel* model, LanguageSwitcher* languages, QWidget* parent)
    : QWidget(parent), model_(model), languages_(languages),
      networkView_(new NetworkView), curve_(new TrainingCurve), headline_(new QLabel),
      warning_(new QLabel), epochLabel_(new QLabel), lossLabel_(new QLabel),
      accuracyLabel_(new QLabel), message_(new QLabel) {
    headline_->setWordWrap(true);
    headline_->setFont(theme::uiFont(14));
    headline_->setContentsMargins(12, 8, 12, 4);
    warning_->setWordWrap(true);
    warning_->setFont(theme::uiFont(14));
    warning_->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff1e0; color: #8a3b00; border: 2px solid #e07b00; "
        "border-radius: 6px; padding: 8px; }"));
    warning_->setVisible(false);

    inspector_ = new StepInspector;
    graphView_ = new NeuronGraphView;
    stepperTabs_ = new QTabWidget;
    stepperTabs_->setFont(theme::uiFont(13));
    stepperTabs_->addTab(inspector_, QString());
    stepperTabs_->addTab(graphView_, QString());
    rightStack_ = new QStackedWidget;
    rightStack_->addWidget(curve_);
    rightStack_->addWidget(stepperTabs_);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter_ = splitter;
    splitter->addWidget(networkView_);
    splitter->addWidget(rightStack_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({880, 580});
    splitter->setChildrenCollapsible(false);

    // The status line is the page's own: each workspace reports its own training.
    auto* status = new QHBoxLayout;
    status->setContentsMargins(12, 2, 12, 2);
    message_->setFont(theme::uiFont(13));
    status->addWidget(message_, 1);
    for (QLabel* label : {epochLabel_, lossLabel_, accuracyLabel_}) {
        label->setFont(theme::uiFont(13));
        label->setMinimumWidth(170);
        status->addWidget(label);
    }

    stepperBar_ = new QWidget;
    buildActions();
    buildStepper();
    buildMenus();
    buildToolBar();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(2);
    layout->addWidget(new ToolRow({toolBar_, settingsBar_}));
    layout->addWidget(headline_);
    layout->addWidget(warning_);
    layout->addWidget(stepperBar_);
    layout->addWidget(splitter, 1);
    layout->addLayout(status);
    retranslate();

    connect(model_, &SessionModel::changed, this, &NetworkPage::onModelChanged);
    connect(networkView_, &NetworkView::neuronClicked, this, [this](int layer, int) {
        if (layer == 0) networkView_->setFocus();
    });
    networkView_->setFocus();
    onModelChanged(SessionModel::NetworkChanged | SessionModel::HistoryChanged |
                   SessionModel::StatusChanged | SessionModel::SettingsChanged);
}

void NetworkPage::buildActions() {
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

    // Keys of a page work only while it is shown (a hidden workspace never takes Space).
    addActions({playAction_, stepAction_, resetAction_, undoAction_, redoAction_});
}

void NetworkPage::buildMenus() {
    editMenu_ = new QMenu(this);
    editMenu_->addAction(undoAction_);
    editMenu_->addAction(redoAction_);

    trainingMenu_ = new QMenu(this);
    trainingMenu_->addAction(playAction_);
    trainingMenu_->addAction(stepAction_);
    trainingMenu_->addAction(resetAction_);
    trainingMenu_->addSeparator();
    trainingMenu_->addAction(backpropAction_);
    trainingMenu_->addAction(stepperNextAction_);
    trainingMenu_->addAction(stepperBackAction_);
    trainingMenu_->addAction(stepperStartAction_);
    trainingMenu_->addAction(stepperEndAction_);
    trainingMenu_->addAction(stepperPlayAction_);
    trainingMenu_->addAction(restartStepAction_);
    trainingMenu_->addAction(continueStepAction_);
    trainingMenu_->addSeparator();
    trainingMenu_->addAction(exportWorksheetAction_);
}

void NetworkPage::buildToolBar() {
    toolBar_ = new QToolBar;
    toolBar_->setObjectName(QStringLiteral("training"));
    toolBar_->setMovable(false);
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->setFont(theme::uiFont(13));
    toolBar_->addAction(playAction_);
    toolBar_->addAction(stepAction_);
    toolBar_->addAction(resetAction_);
    toolBar_->addSeparator();
    toolBar_->addAction(backpropAction_);
    // The settings are a second bar: beside the first while they fit, under it when they do not.
    settingsBar_ = new QToolBar;
    settingsBar_->setObjectName(QStringLiteral("trainingSettings"));
    settingsBar_->setMovable(false);
    settingsBar_->setFont(theme::uiFont(13));

    learningRateLabel_ = new QLabel;
    learningRate_ = new QDoubleSpinBox;
    learningRate_->setDecimals(5);
    learningRate_->setRange(SessionModel::kMinLearningRate, SessionModel::kMaxLearningRate);
    learningRate_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    learningRate_->setKeyboardTracking(false);
    learningRate_->setMinimumWidth(120);
    connect(learningRate_, &QDoubleSpinBox::valueChanged, model_, &SessionModel::setLearningRate);
    settingsBar_->addWidget(learningRateLabel_);
    settingsBar_->addWidget(learningRate_);
    settingsBar_->addSeparator();

    speedLabel_ = new QLabel;
    speed_ = new QComboBox;
    for (std::size_t i = 0; i < SessionModel::speedChoices().size(); ++i) speed_->addItem(QString());
    connect(speed_, &QComboBox::activated, model_, &SessionModel::setSpeedIndex);
    settingsBar_->addWidget(speedLabel_);
    settingsBar_->addWidget(speed_);
    settingsBar_->addSeparator();

    sampleLabel_ = new QLabel;
    sample_ = new QSpinBox;
    sample_->setRange(1, static_cast<int>(model_->data().size()));
    sample_->setMinimumWidth(90);
    connect(sample_, &QSpinBox::valueChanged, this,
            [this](int oneBased) { model_->setSelectedSample(oneBased - 1); });
    settingsBar_->addWidget(sampleLabel_);
    settingsBar_->addWidget(sample_);
    for (QWidget* w : std::initializer_list<QWidget*>{learningRateLabel_, learningRate_, speedLabel_,
                                                      speed_, sampleLabel_, sample_})
        w->setFont(theme::uiFont(13));
}

void NetworkPage::retranslate() {
    playAction_->setToolTip(tr("Start or pause training (Space)"));
    stepAction_->setText(tr("Step ▸"));
    stepAction_->setToolTip(tr("Train exactly one epoch (→)"));
    resetAction_->setText(tr("Reset"));
    resetAction_->setToolTip(tr("Back to the same initial weights, epoch 0 (Ctrl+R)"));
    undoAction_->setText(tr("Undo"));
    redoAction_->setText(tr("Redo"));
    editMenu_->setTitle(tr("&Edit"));
    trainingMenu_->setTitle(tr("&Training"));
    toolBar_->setWindowTitle(tr("Training"));
    settingsBar_->setWindowTitle(tr("Training settings"));
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

    backpropAction_->setText(tr("Backprop stepper"));
    backpropAction_->setToolTip(tr("Take one training step by hand, every number explained (Ctrl+B)"));
    stepperNextAction_->setText(tr("Next ▶"));
    stepperNextAction_->setToolTip(tr("Compute the next value (→), or click the highlighted neuron or edge"));
    stepperBackAction_->setText(tr("◀ Back"));
    stepperBackAction_->setToolTip(tr("Undo the last computed value (←)"));
    stepperStartAction_->setText(tr("⇤ Start"));
    stepperStartAction_->setToolTip(tr("Back to the start of the step (Home)"));
    stepperEndAction_->setText(tr("End ⇥"));
    stepperEndAction_->setToolTip(tr("Compute every value of the step (End)"));
    restartStepAction_->setText(tr("Restart"));
    restartStepAction_->setToolTip(
        tr("Start again from the network's current weights and the selected sample (Ctrl+Shift+R)"));
    continueStepAction_->setText(tr("Next training step"));
    continueStepAction_->setToolTip(
        tr("Keep the updated weights and step through the next training step (Ctrl+N)"));
    exportWorksheetAction_->setText(tr("Worksheet…"));
    exportWorksheetAction_->setToolTip(
        tr("Save this step as a printable exercise with its solution (Markdown + CSV) (Ctrl+E)"));
    stepperTabs_->setTabText(0, tr("Inspector"));
    stepperTabs_->setTabText(1, tr("Computational graph"));
    granularityLabel_->setText(tr("Per step:"));
    granularity_->setItemText(0, tr("one value"));
    granularity_->setItemText(1, tr("one layer"));
    granularity_->setToolTip(tr("How much each Next computes"));
    stepperSpeedLabel_->setText(tr("Speed:"));
    for (std::size_t i = 0; i < SessionModel::stepperSpeedChoices().size(); ++i)
        stepperSpeed_->setItemText(static_cast<int>(i),
                                   tr("%1 /s").arg(SessionModel::stepperSpeedChoices()[i]));
    stepperSpeed_->setToolTip(tr("How fast Play computes values"));
    batchLabel_->setText(tr("Batch m:"));
    batch_->setToolTip(tr("Samples in the step, from the selected one; the gradient is their mean"));
    updateStepper();
    updateStatus();
}

void NetworkPage::buildStepper() {
    auto action = [this](QKeySequence key, auto slot) {
        auto* a = new QAction(this);
        a->setShortcut(key);
        a->setEnabled(false);
        connect(a, &QAction::triggered, model_, slot);
        addAction(a);
        return a;
    };
    backpropAction_ = new QAction(this);
    backpropAction_->setCheckable(true);
    backpropAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(backpropAction_, &QAction::toggled, model_, &SessionModel::setBackpropMode);
    stepperNextAction_ = action(Qt::Key_Right, &SessionModel::stepForward);
    stepperBackAction_ = action(Qt::Key_Left, &SessionModel::stepBackward);
    stepperStartAction_ = action(Qt::Key_Home, &SessionModel::stepToStart);
    stepperEndAction_ = action(Qt::Key_End, &SessionModel::stepToEnd);
    restartStepAction_ = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &SessionModel::restartStepper);
    continueStepAction_ = action(QKeySequence(Qt::CTRL | Qt::Key_N), &SessionModel::continueWithUpdatedWeights);
    stepperPlayAction_ = new QAction(this);
    stepperPlayAction_->setShortcut(Qt::Key_Space);
    stepperPlayAction_->setEnabled(false);
    connect(stepperPlayAction_, &QAction::triggered, this,
            [this] { model_->setStepperPlaying(!model_->isStepperPlaying()); });
    exportWorksheetAction_ = new QAction(this);
    exportWorksheetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportWorksheetAction_->setEnabled(false);
    connect(exportWorksheetAction_, &QAction::triggered, this, &NetworkPage::exportWorksheetDialog);

    // Two halves — moving through the step, and what to do with it — side by side while they fit.
    auto* navigation = new QWidget;
    auto* actions = new QWidget;
    auto* bar = new QHBoxLayout(navigation);
    bar->setContentsMargins(6, 4, 6, 4);
    auto* actionBar = new QHBoxLayout(actions);
    actionBar->setContentsMargins(6, 4, 6, 4);
    auto* rows = new QVBoxLayout(stepperBar_);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addWidget(new ToolRow({navigation, actions}));
    for (QAction* a : {stepperStartAction_, stepperBackAction_, stepperNextAction_, stepperEndAction_,
                       stepperPlayAction_}) {
        auto* button = new QToolButton;
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setFont(theme::uiFont(13));
        button->setMinimumHeight(38);
        bar->addWidget(button);
    }
    stepperSpeedLabel_ = new QLabel;
    stepperSpeed_ = new QComboBox;
    for (std::size_t i = 0; i < SessionModel::stepperSpeedChoices().size(); ++i) stepperSpeed_->addItem(QString());
    connect(stepperSpeed_, &QComboBox::activated, model_, &SessionModel::setStepperSpeedIndex);
    granularityLabel_ = new QLabel;
    granularity_ = new QComboBox;
    granularity_->addItem(QString());
    granularity_->addItem(QString());
    connect(granularity_, &QComboBox::activated, this, [this](int index) {
        model_->setGranularity(index == 0 ? Granularity::Value : Granularity::Layer);
    });
    batchLabel_ = new QLabel;
    batch_ = new QSpinBox;
    batch_->setRange(1, SessionModel::kMaxStepBatch);
    batch_->setKeyboardTracking(false);
    connect(batch_, &QSpinBox::valueChanged, model_, &SessionModel::setStepBatchSize);
    bar->addSpacing(10);
    for (QWidget* w : std::initializer_list<QWidget*>{stepperSpeedLabel_, stepperSpeed_, granularityLabel_,
                                                      granularity_, batchLabel_, batch_}) {
        w->setFont(theme::uiFont(13));
        bar->addWidget(w);
    }
    for (QAction* a : {restartStepAction_, continueStepAction_, exportWorksheetAction_}) {
        auto* button = new QToolButton;
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setFont(theme::uiFont(13));
        actionBar->addWidget(button);
    }
    stepperPosition_ = new QLabel;
    stepperPosition_->setFont(theme::uiFont(13));
    // Its text changes every step; it must never resize the window (and with it the diagram).
    stepperPosition_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    stepperPosition_->setMinimumWidth(220);
    stepperPosition_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    actionBar->addWidget(stepperPosition_, 1);
    stepperBar_->setVisible(false);

    connect(networkView_, &NetworkView::nextRequested, model_, &SessionModel::stepForward);
    connect(networkView_, &NetworkView::valueClicked, this,
            [this](const ValueId& id) { model_->select(id); });
    connect(networkView_, &NetworkView::inspectRequested, this, [this] {
        stepperTabs_->setCurrentWidget(inspector_);
        inspector_->focusFirstField();
    });
    connect(inspector_, &StepInspector::inputEdited, model_, &SessionModel::editInput);
    connect(inspector_, &StepInspector::targetEdited, model_, &SessionModel::editTarget);
    connect(inspector_, &StepInspector::learningRateEdited, model_, &SessionModel::editStepLearningRate);
    connect(inspector_, &StepInspector::weightEdited, model_, &SessionModel::editWeight);
    connect(inspector_, &StepInspector::biasEdited, model_, &SessionModel::editBias);
    connect(graphView_, &NeuronGraphView::nextRequested, model_, &SessionModel::graphForward);
    connect(graphView_, &NeuronGraphView::backRequested, model_, &SessionModel::graphBackward);
    connect(graphView_, &NeuronGraphView::startRequested, model_, &SessionModel::graphToStart);
    connect(graphView_, &NeuronGraphView::endRequested, model_, &SessionModel::graphToEnd);
}

void NetworkPage::updateStepper() {
    if (!stepperBar_ || !granularity_) return;
    const bool on = model_->backpropMode();
    {
        const QSignalBlocker block(backpropAction_);
        backpropAction_->setChecked(on);
    }
    stepperBar_->setVisible(on);
    rightStack_->setCurrentIndex(on ? 1 : 0);
    if (on != stepperShown_) {  // the inspector and the graph need more room than the curve
        stepperShown_ = on;
        const int total = splitter_->width();
        splitter_->setSizes(on ? QList<int>{total * 57 / 100, total * 43 / 100}
                               : QList<int>{total * 3 / 5, total * 2 / 5});
    }
    for (QAction* a : {playAction_, stepAction_, resetAction_}) a->setEnabled(!on);
    for (QWidget* w : std::initializer_list<QWidget*>{learningRate_, speed_})
        if (w) w->setEnabled(!on);
    for (QAction* a : {stepperNextAction_, stepperBackAction_, stepperStartAction_, stepperEndAction_,
                       stepperPlayAction_, restartStepAction_, continueStepAction_, exportWorksheetAction_})
        a->setEnabled(on);
    if (!on) {
        networkView_->setStepper(nullptr, 0, std::nullopt);
        networkView_->setState(model_->network(), &model_->sampleTrace(), model_->selectedSample());
        inspector_->setState(nullptr, 0, std::nullopt);
        graphView_->setGraph(nullptr, 0);
        headline_->setText(
            tr("<b>The complete example of the textbook (§3):</b> 4 inputs → 8 ReLU → 4 ReLU → 1 "
               "sigmoid, 81 parameters, binary cross-entropy, gradient descent. Task: y = 1 when "
               "x₁ + x₂ + x₃ + x₄ > 0, on 1000 random samples."));
        return;
    }
    const BackpropSteps& steps = model_->steps();
    const std::size_t position = model_->stepPosition();
    networkView_->setStepper(&steps, position, model_->selection());
    inspector_->setState(&steps, position, model_->selection());
    graphView_->setGraph(model_->neuronGraph(), model_->graphPosition());
    stepperNextAction_->setEnabled(position < steps.size());
    stepperEndAction_->setEnabled(position < steps.size());
    stepperBackAction_->setEnabled(position > 0);
    stepperStartAction_->setEnabled(position > 0);
    stepperPlayAction_->setText(model_->isStepperPlaying() ? tr("Pause ❚❚") : tr("Play ▶"));
    stepperPlayAction_->setToolTip(tr("Compute the values one after another (Space)"));
    {
        const QSignalBlocker blockGranularity(granularity_);
        granularity_->setCurrentIndex(model_->granularity() == Granularity::Value ? 0 : 1);
        const QSignalBlocker blockSpeed(stepperSpeed_);
        stepperSpeed_->setCurrentIndex(model_->stepperSpeedIndex());
        const QSignalBlocker blockBatch(batch_);
        batch_->setValue(model_->stepBatchSize());
    }
    QString phase = tr("done");
    if (position < steps.size()) {
        switch (steps.events()[position].phase) {
            case StepPhase::Forward: phase = tr("forward pass"); break;
            case StepPhase::Loss: phase = tr("loss"); break;
            case StepPhase::Backward: phase = tr("backward pass"); break;
            case StepPhase::Update: phase = tr("update"); break;
        }
    }
    stepperPosition_->setText(tr("<b>%1</b>/%2 · %3").arg(position).arg(steps.size()).arg(phase));
    stepperPosition_->setToolTip(tr("Values computed so far, and the phase of the next one"));
    const int m = model_->stepBatchSize();
    const int first = std::min(model_->selectedSample(), static_cast<int>(model_->data().size()) - m) + 1;
    headline_->setText(
        tr("<b>One training step by hand:</b> %1, forward pass (Algorithm 2), loss, backward "
           "pass (Algorithm 3, the chain rule), update W ← W − η ∂L/∂W. Click the highlighted neuron "
           "or edge, or press →; click any number to see where it came from.")
            .arg(m == 1 ? tr("sample #%1").arg(first)
                        : tr("samples #%1–#%2 (gradients are their mean)").arg(first).arg(first + m - 1)));
}

bool NetworkPage::exportWorksheet(const QString& markdownPath) {
    if (!model_->backpropMode()) return false;
    const WorksheetLanguage language = languages_->effective() == QLatin1String("zh_CN")
                                           ? WorksheetLanguage::SimplifiedChinese
                                           : WorksheetLanguage::English;
    const QFileInfo info(markdownPath);
    const QString csvPath = info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".csv");
    QFile md(markdownPath), csv(csvPath);
    if (!md.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !csv.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const std::string markdown = worksheetMarkdown(model_->steps(), language);
    const std::string table = worksheetCsv(model_->steps());
    return md.write(markdown.data(), static_cast<qint64>(markdown.size())) ==
               static_cast<qint64>(markdown.size()) &&
           csv.write(table.data(), static_cast<qint64>(table.size())) == static_cast<qint64>(table.size());
}

void NetworkPage::exportWorksheetDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export worksheet"),
                                                      QStringLiteral("worksheet.md"),
                                                      tr("Markdown (*.md)"));
    if (path.isEmpty()) return;
    if (!exportWorksheet(path))
        QMessageBox::warning(this, tr("Export worksheet"),
                             tr("Could not write %1. Choose a folder you can write to.").arg(path));
    else
        message_->setText(tr("Saved the worksheet and its CSV next to it: %1").arg(path));
}

void NetworkPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void NetworkPage::onModelChanged(SessionModel::Changes changes) {
    if ((changes & (SessionModel::NetworkChanged | SessionModel::SampleChanged)) &&
        !model_->backpropMode())
        networkView_->setState(model_->network(), &model_->sampleTrace(), model_->selectedSample());
    if (changes & (SessionModel::StepperChanged | SessionModel::StatusChanged | SessionModel::SampleChanged))
        updateStepper();
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

void NetworkPage::updateStatus() {
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

void NetworkPage::refreshNow() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    curve_->replotNow();
}

void NetworkPage::setPresenterScale(double scale) {
    // What the views draw themselves (the shell has scaled the widgets' fonts already).
    networkView_->setPresenterScale(scale);
    curve_->setPresenterScale(scale);
    graphView_->setPresenterScale(scale);
}

// ---- The two workspaces showing the page ----

NetworkWorkspace::NetworkWorkspace(SessionModel* model, LanguageSwitcher* languages, QObject* parent)
    : Workspace(parent), page_(new NetworkPage(model, languages)) {}

NetworkWorkspace::~NetworkWorkspace() { delete page_; }

QString NetworkWorkspace::title() const { return NetworkPage::tr("Network"); }
QString NetworkWorkspace::toolTip() const {
    return NetworkPage::tr("The textbook's 4-8-4-1 network training live, with its loss curve");
}
QList<QMenu*> NetworkWorkspace::menus() { return {page_->editMenu(), page_->trainingMenu()}; }
void NetworkWorkspace::activated() { page_->model()->setBackpropMode(false); }

void NetworkWorkspace::saveState(QSettings& settings) const {
    settings.setValue(QStringLiteral("splitter"), page_->splitter()->saveState());
}

void NetworkWorkspace::restoreState(QSettings& settings) {
    page_->splitter()->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
}

StepperWorkspace::StepperWorkspace(NetworkWorkspace* network, QObject* parent)
    : Workspace(parent), network_(network) {
    // Ctrl+B, a lesson scene or the command line turning backprop mode on or off brings the
    // matching workspace forward, as a click on its side-bar button would.
    SessionModel* model = network->networkPage()->model();
    connect(model, &SessionModel::changed, this, [this, model, shown = model->backpropMode()]() mutable {
        if (model->backpropMode() == shown) return;
        shown = model->backpropMode();
        if (shown) emit activationRequested();
        else emit network_->activationRequested();
    });
}

QString StepperWorkspace::title() const { return NetworkPage::tr("Backprop stepper"); }
QString StepperWorkspace::toolTip() const {
    return NetworkPage::tr("One training step by hand, every number explained");
}
void StepperWorkspace::activated() { network_->networkPage()->model()->setBackpropMode(true); }

}  // namespace ns
