#include "lab/lab_window.h"

#include "lab/activation_explorer.h"
#include "lab/decision_boundary_view.h"
#include "lab/lab_curves.h"
#include "lab/lab_network_view.h"
#include "lab/lab_text.h"
#include "lab/loss_explorer.h"
#include "lab/metrics_panel.h"
#include "common/plot_export.h"
#include "common/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

void setFormLabel(QFormLayout* form, QWidget* field, const QString& text) {
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(field))) label->setText(text);
}

void showRow(QFormLayout* form, QWidget* field, bool visible) { form->setRowVisible(field, visible); }

QDoubleSpinBox* doubleSpin(QWidget* parent, double low, double high, int decimals, double step) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setKeyboardTracking(false);
    return box;
}

// Adam's ε lives near 1e-8: "0.0000000100" is cut off in a narrow column and unreadable from
// the back of the room, "1e-08" is neither.
class ScientificSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override { return QString::number(value, 'g', 3); }
    double valueFromText(const QString& text) const override { return text.trimmed().toDouble(); }
    QValidator::State validate(QString& text, int&) const override {
        bool ok = false;
        const double v = text.trimmed().toDouble(&ok);
        if (ok && v >= minimum() && v <= maximum()) return QValidator::Acceptable;
        return QValidator::Intermediate;  // still typing ("1e-", "0.")
    }
    void stepBy(int steps) override { setValue(value() * std::pow(10.0, steps)); }  // a decade per step
};

QSpinBox* intSpin(QWidget* parent, int low, int high) {
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setKeyboardTracking(false);
    return box;
}

// Keeps its one child square and centred, so the plane is drawn without distortion and the
// heatmap fills the plot.
class SquareBox : public QWidget {
public:
    SquareBox(QWidget* parent) : QWidget(parent) {}
    void setChild(QWidget* child) {
        child_ = child;
        child->setParent(this);
    }
    QSize sizeHint() const override { return {480, 480}; }

protected:
    void resizeEvent(QResizeEvent*) override {
        if (!child_) return;
        const int side = std::min(width(), height());
        child_->setGeometry((width() - side) / 2, (height() - side) / 2, side, side);
    }

private:
    QWidget* child_ = nullptr;
};

}  // namespace

LabWindow::LabWindow(LabModel* model, QWidget* parent) : QMainWindow(parent), model_(model) {
    setFont(theme::uiFont(12));
    resize(1680, 1020);
    buildActions();
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* scroll = new QScrollArea(splitter);
    auto* panel = new QWidget(scroll);
    buildControls(panel);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(380);
    controlsScroll_ = scroll;
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    splitter->addWidget(scroll);
    auto* central = new QWidget(splitter);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 4);
    banner_ = new QLabel(central);
    banner_->setWordWrap(true);
    banner_->setFont(theme::uiFont(13));
    banner_->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; color: #8b1a10; border: 2px solid #d62728; "
                                          "border-radius: 4px; padding: 6px; }"));
    banner_->hide();
    centralLayout->addWidget(banner_);
    tabs_ = new QTabWidget(central);
    centralLayout->addWidget(tabs_, 1);
    splitter->addWidget(central);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    buildViews();

    epochLabel_ = new QLabel(this);
    lossLabel_ = new QLabel(this);
    accuracyLabel_ = new QLabel(this);
    for (QLabel* label : {epochLabel_, lossLabel_, accuracyLabel_}) {
        label->setFont(theme::uiFont(12));
        statusBar()->addPermanentWidget(label);
    }

    connect(model_, &LabModel::changed, this, &LabWindow::onModelChanged);
    connect(model_->undoStack(), &QUndoStack::canUndoChanged, undoAction_, &QAction::setEnabled);
    connect(model_->undoStack(), &QUndoStack::canRedoChanged, redoAction_, &QAction::setEnabled);
    retranslate();
    onModelChanged(LabModel::Changes(0x1ff));
}

LabWindow::~LabWindow() {
    // Undo entries left would have the stack (a child of the model, which may be our child and
    // outlive this body) signal into a half-destroyed window: they go while the window is whole.
    disconnect(model_->undoStack(), nullptr, this, nullptr);
}

void LabWindow::buildActions() {
    auto action = [this](QKeySequence key, auto slot) {
        auto* a = new QAction(this);
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    playAction_ = action(Qt::Key_Space, [this] { model_->togglePlay(); });
    stepAction_ = action(Qt::Key_Right, [this] { model_->stepEpoch(); });
    resetAction_ = action(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { model_->reset(); });
    newWeightsAction_ = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { model_->newWeights(); });
    regenerateAction_ = action(QKeySequence(Qt::CTRL | Qt::Key_G), [this] { model_->regenerate(); });
    // Own undo and redo actions (not QUndoStack's), so their text is in the UI language.
    undoAction_ = action(QKeySequence::Undo, [this] { model_->undoStack()->undo(); });
    redoAction_ = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { model_->undoStack()->redo(); });
    undoAction_->setEnabled(false);
    redoAction_->setEnabled(false);
    connect(model_->undoStack(), &QUndoStack::undoTextChanged, this, [this] { retranslateUndo(); });
    connect(model_->undoStack(), &QUndoStack::redoTextChanged, this, [this] { retranslateUndo(); });
    // Ctrl+O opens a lesson file, wherever the focus is; the lab's own files take Shift too.
    openAction_ = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { openLab(); });
    saveAction_ = action(QKeySequence::Save, [this] { saveLab(); });
    importAction_ = action(QKeySequence(Qt::CTRL | Qt::Key_I), [this] { importCsv(); });
    exportAction_ = action(QKeySequence(Qt::CTRL | Qt::Key_E), [this] { exportPlotsDialog(); });
    compareAction_ = new QAction(this);
    compareAction_->setCheckable(true);
    compareAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(compareAction_, &QAction::toggled, model_, &LabModel::setCompareRuns);
    clearRunsAction_ = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), [this] { model_->clearRuns(); });
    discretizeAction_ = new QAction(this);
    discretizeAction_->setCheckable(true);
    discretizeAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(discretizeAction_, &QAction::toggled, model_, &LabModel::setDiscretize);
    closeAction_ = action(QKeySequence::Close, [this] { close(); });

    QMenu* file = menuBar()->addMenu(QString());
    file->setObjectName(QStringLiteral("file"));
    file->addActions({openAction_, saveAction_, importAction_, exportAction_});
    file->addSeparator();
    file->addAction(closeAction_);
    QMenu* edit = menuBar()->addMenu(QString());
    edit->setObjectName(QStringLiteral("edit"));
    edit->addActions({undoAction_, redoAction_});
    QMenu* training = menuBar()->addMenu(QString());
    training->setObjectName(QStringLiteral("training"));
    training->addActions({playAction_, stepAction_, resetAction_, newWeightsAction_, regenerateAction_});
    QMenu* view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("view"));
    view->addActions({compareAction_, clearRunsAction_, discretizeAction_});

    toolBar_ = addToolBar(QString());
    toolBar_->setMovable(false);
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->setFont(theme::uiFont(12.5));
    toolBar_->addActions({playAction_, stepAction_, resetAction_, newWeightsAction_});
    toolBar_->addSeparator();
    speedLabel_ = new QLabel(toolBar_);
    speed_ = new QComboBox(toolBar_);
    for (std::size_t i = 0; i < LabModel::speedChoices().size(); ++i) speed_->addItem(QString());
    connect(speed_, &QComboBox::currentIndexChanged, model_, &LabModel::setSpeedIndex);
    toolBar_->addWidget(speedLabel_);
    toolBar_->addWidget(speed_);
    toolBar_->addSeparator();
    toolBar_->addActions({undoAction_, redoAction_});
    toolBar_->addSeparator();
    toolBar_->addActions({compareAction_, discretizeAction_});
    toolBar_->addSeparator();
    toolBar_->addActions({openAction_, saveAction_, importAction_, exportAction_});
}

void LabWindow::buildControls(QWidget* panel) {
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 6, 6);

    // ---- Data
    dataGroup_ = new QGroupBox(panel);
    dataForm_ = new QFormLayout(dataGroup_);
    dataset_ = new QComboBox(dataGroup_);
    for (DatasetKind k : allDatasets()) dataset_->addItem(QString(), static_cast<int>(k));
    dataset_->addItem(QString(), static_cast<int>(DatasetKind::Imported));
    connect(dataset_, &QComboBox::activated, this, [this](int i) {
        const auto kind = static_cast<DatasetKind>(dataset_->itemData(i).toInt());
        if (kind == DatasetKind::Imported) importCsv();
        else model_->setDatasetKind(kind);
        syncControls();
    });
    taskLabel_ = new QLabel(dataGroup_);
    taskLabel_->setWordWrap(true);
    samples_ = intSpin(dataGroup_, 10, 2000);
    samples_->setSingleStep(50);
    connect(samples_, &QSpinBox::valueChanged, model_, &LabModel::setSamples);
    auto* noiseRow = new QWidget(dataGroup_);
    auto* noiseLayout = new QHBoxLayout(noiseRow);
    noiseLayout->setContentsMargins(0, 0, 0, 0);
    noise_ = new QSlider(Qt::Horizontal, noiseRow);
    noise_->setRange(0, 50);
    noiseValue_ = new QLabel(noiseRow);
    noiseValue_->setMinimumWidth(44);
    noiseLayout->addWidget(noise_, 1);
    noiseLayout->addWidget(noiseValue_);
    connect(noise_, &QSlider::valueChanged, this, [this](int v) {
        noiseValue_->setText(QStringLiteral("%1 %").arg(v));
        model_->setNoise(v / 100.0);
    });
    testPercent_ = intSpin(dataGroup_, 0, 90);
    testPercent_->setSuffix(QStringLiteral(" %"));
    testPercent_->setSingleStep(10);
    connect(testPercent_, &QSpinBox::valueChanged, this, [this](int v) { model_->setTestFraction(v / 100.0); });
    auto* buttons = new QWidget(dataGroup_);
    auto* buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    regenerate_ = new QPushButton(buttons);
    connect(regenerate_, &QPushButton::clicked, model_, &LabModel::regenerate);
    import_ = new QPushButton(buttons);
    connect(import_, &QPushButton::clicked, this, &LabWindow::importCsv);
    buttonLayout->addWidget(regenerate_);
    buttonLayout->addWidget(import_);
    currentClass_ = new QComboBox(dataGroup_);
    connect(currentClass_, &QComboBox::activated, model_, &LabModel::setCurrentClass);
    dataForm_->addRow(new QLabel(dataGroup_), dataset_);
    dataForm_->addRow(taskLabel_);
    dataForm_->addRow(new QLabel(dataGroup_), samples_);
    dataForm_->addRow(new QLabel(dataGroup_), noiseRow);
    dataForm_->addRow(new QLabel(dataGroup_), testPercent_);
    dataForm_->addRow(buttons);
    dataForm_->addRow(new QLabel(dataGroup_), currentClass_);
    layout->addWidget(dataGroup_);

    // ---- Features
    featureGroup_ = new QGroupBox(panel);
    auto* featureLayout = new QGridLayout(featureGroup_);
    for (Feature f : allFeatures()) {
        auto* box = new QCheckBox(labtext::feature(f), featureGroup_);
        box->setFont(theme::mathFont(12.5));
        connect(box, &QCheckBox::toggled, this, [this, f](bool on) { model_->setFeature(f, on); });
        const int i = static_cast<int>(f);
        featureLayout->addWidget(box, i / 4, i % 4);
        features_.push_back(box);
    }
    layout->addWidget(featureGroup_);

    // ---- Network
    networkGroup_ = new QGroupBox(panel);
    auto* networkLayout = new QVBoxLayout(networkGroup_);
    auto* layerCount = new QHBoxLayout;
    layersLabel_ = new QLabel(networkGroup_);
    removeLayer_ = new QPushButton(QStringLiteral("−"), networkGroup_);
    addLayer_ = new QPushButton(QStringLiteral("+"), networkGroup_);
    for (QPushButton* b : {removeLayer_, addLayer_}) b->setFixedWidth(40);
    connect(addLayer_, &QPushButton::clicked, model_, &LabModel::addLayer);
    connect(removeLayer_, &QPushButton::clicked, model_, &LabModel::removeLayer);
    layerCount->addWidget(layersLabel_, 1);
    layerCount->addWidget(removeLayer_);
    layerCount->addWidget(addLayer_);
    networkLayout->addLayout(layerCount);
    layerRows_ = new QVBoxLayout;
    networkLayout->addLayout(layerRows_);
    auto* statsRow = new QHBoxLayout;
    batchNormLayer_ = new QComboBox(networkGroup_);
    batchNormLayer_->setObjectName(QStringLiteral("batchNormLayer"));
    connect(batchNormLayer_, &QComboBox::activated, this, [this] { updateBatchNormStats(); });
    statsRow->addWidget(batchNormLayer_);
    statsRow->addStretch(1);
    networkLayout->addLayout(statsRow);
    batchNormStats_ = new QLabel(networkGroup_);
    batchNormStats_->setObjectName(QStringLiteral("batchNormStats"));
    batchNormStats_->setWordWrap(true);
    batchNormStats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    networkLayout->addWidget(batchNormStats_);
    outputLabel_ = new QLabel(networkGroup_);
    outputLabel_->setWordWrap(true);
    networkLayout->addWidget(outputLabel_);
    layout->addWidget(networkGroup_);

    // ---- Training
    trainingGroup_ = new QGroupBox(panel);
    trainingForm_ = new QFormLayout(trainingGroup_);
    loss_ = new QComboBox(trainingGroup_);
    for (LabLoss l : allLabLosses()) loss_->addItem(QString(), static_cast<int>(l));
    connect(loss_, &QComboBox::activated, this, [this](int i) { model_->setLoss(static_cast<LabLoss>(loss_->itemData(i).toInt())); });
    gamma_ = doubleSpin(trainingGroup_, 0, 10, 2, 0.5);
    connect(gamma_, &QDoubleSpinBox::valueChanged, model_, &LabModel::setFocalGamma);
    optimizer_ = new QComboBox(trainingGroup_);
    for (OptimizerKind k : allOptimizers()) optimizer_->addItem(QString(), static_cast<int>(k));
    connect(optimizer_, &QComboBox::activated, this,
            [this](int i) { model_->setOptimizer(static_cast<OptimizerKind>(optimizer_->itemData(i).toInt())); });
    learningRate_ = doubleSpin(trainingGroup_, 0.00001, 100, 5, 0.01);
    learningRate_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    connect(learningRate_, &QDoubleSpinBox::valueChanged, model_, &LabModel::setLearningRate);
    batch_ = intSpin(trainingGroup_, 1, 2000);
    connect(batch_, &QSpinBox::valueChanged, model_, &LabModel::setBatchSize);
    beta_ = doubleSpin(trainingGroup_, 0, 0.999, 3, 0.05);
    connect(beta_, &QDoubleSpinBox::valueChanged, model_, &LabModel::setMomentum);
    momentumForm_ = new QComboBox(trainingGroup_);
    momentumForm_->addItem(QString(), static_cast<int>(MomentumForm::Average));
    momentumForm_->addItem(QString(), static_cast<int>(MomentumForm::Velocity));
    connect(momentumForm_, &QComboBox::activated, this, [this](int i) {
        model_->setMomentumForm(static_cast<MomentumForm>(momentumForm_->itemData(i).toInt()));
    });
    beta1_ = doubleSpin(trainingGroup_, 0, 0.999, 3, 0.01);
    beta2_ = doubleSpin(trainingGroup_, 0, 0.99999, 5, 0.001);
    epsilon_ = new ScientificSpinBox(trainingGroup_);
    epsilon_->setRange(1e-10, 0.1);
    epsilon_->setDecimals(12);
    epsilon_->setKeyboardTracking(false);
    epsilon_->setValue(1e-8);
    for (QDoubleSpinBox* b : {beta1_, beta2_, epsilon_})
        connect(b, &QDoubleSpinBox::valueChanged, this,
                [this] { model_->setAdam(beta1_->value(), beta2_->value(), epsilon_->value()); });
    schedule_ = new QComboBox(trainingGroup_);
    for (ScheduleKind k : allSchedules()) schedule_->addItem(QString(), static_cast<int>(k));
    etaMin_ = doubleSpin(trainingGroup_, 0, 100, 5, 0.001);
    etaMin_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    decay_ = doubleSpin(trainingGroup_, 0.01, 1, 2, 0.05);
    stepEpochs_ = intSpin(trainingGroup_, 1, 100000);
    period_ = intSpin(trainingGroup_, 2, 1000000);
    warmup_ = intSpin(trainingGroup_, 0, 999999);
    auto sendSchedule = [this] {
        LrSchedule s = model_->config().training.schedule;
        s.kind = static_cast<ScheduleKind>(schedule_->currentData().toInt());
        s.etaMin = etaMin_->value();
        s.decay = decay_->value();
        s.stepEpochs = stepEpochs_->value();
        s.periodEpochs = period_->value();
        s.warmupEpochs = warmup_->value();
        model_->setSchedule(s);
    };
    connect(schedule_, &QComboBox::activated, this, sendSchedule);
    for (QDoubleSpinBox* b : {etaMin_, decay_}) connect(b, &QDoubleSpinBox::valueChanged, this, sendSchedule);
    for (QSpinBox* b : {stepEpochs_, period_, warmup_}) connect(b, &QSpinBox::valueChanged, this, sendSchedule);
    penalty_ = new QComboBox(trainingGroup_);
    for (Penalty p : {Penalty::None, Penalty::L1, Penalty::L2}) penalty_->addItem(QString(), static_cast<int>(p));
    lambda_ = doubleSpin(trainingGroup_, 0, 10, 5, 0.001);
    lambda_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    auto sendPenalty = [this] {
        model_->setRegularization(static_cast<Penalty>(penalty_->currentData().toInt()), lambda_->value());
    };
    connect(penalty_, &QComboBox::activated, this, sendPenalty);
    connect(lambda_, &QDoubleSpinBox::valueChanged, this, sendPenalty);
    dropout_ = doubleSpin(trainingGroup_, 0, kMaxDropout, 2, 0.05);
    connect(dropout_, &QDoubleSpinBox::valueChanged, model_, &LabModel::setDropout);
    patience_ = intSpin(trainingGroup_, 0, 100000);
    connect(patience_, &QSpinBox::valueChanged, model_, &LabModel::setPatience);
    budget_ = intSpin(trainingGroup_, 0, 1000000);
    budget_->setSingleStep(100);
    connect(budget_, &QSpinBox::valueChanged, this, [this](int v) { model_->setEpochBudget(v); });
    for (QWidget* w : std::initializer_list<QWidget*>{loss_, gamma_, optimizer_, learningRate_, batch_, beta_, momentumForm_, beta1_, beta2_,
                                                      epsilon_, schedule_, etaMin_, decay_, stepEpochs_, period_, warmup_,
                                                      penalty_, lambda_, dropout_, patience_, budget_})
        trainingForm_->addRow(new QLabel(trainingGroup_), w);
    layout->addWidget(trainingGroup_);
    layout->addStretch(1);
}

void LabWindow::buildViews() {
    auto* training = new QWidget(tabs_);
    auto* vertical = new QSplitter(Qt::Vertical, training);
    auto* top = new QSplitter(Qt::Horizontal, vertical);
    network_ = new LabNetworkView(top);
    auto* boundaryBox = new QWidget(top);
    auto* boundaryLayout = new QVBoxLayout(boundaryBox);
    boundaryLayout->setContentsMargins(0, 0, 0, 0);
    auto* square = new SquareBox(boundaryBox);
    boundary_ = new DecisionBoundaryView(square);
    boundary_->setMinimumSize(200, 200);
    square->setChild(boundary_);
    boundaryCaption_ = new QLabel(boundaryBox);
    boundaryCaption_->setWordWrap(true);
    boundaryCaption_->setFont(theme::uiFont(11));
    boundaryLayout->addWidget(square, 1);
    boundaryLayout->addWidget(boundaryCaption_);
    top->addWidget(network_);
    top->addWidget(boundaryBox);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    auto* bottom = new QSplitter(Qt::Horizontal, vertical);
    bottom->setChildrenCollapsible(false);
    curves_ = new LabCurves(bottom);
    metrics_ = new MetricsPanel(bottom);
    bottom->addWidget(curves_);
    bottom->addWidget(metrics_);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    vertical->addWidget(top);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 5);
    vertical->setStretchFactor(1, 4);
    auto* trainingLayout = new QVBoxLayout(training);
    trainingLayout->setContentsMargins(0, 0, 0, 0);
    trainingLayout->addWidget(vertical);
    tabs_->addTab(training, QString());
    activations_ = new ActivationExplorer(LabModel::hiddenActivations(), tabs_);
    tabs_->addTab(activations_, QString());
    losses_ = new LossExplorer(tabs_);
    tabs_->addTab(losses_, QString());

    connect(boundary_, &DecisionBoundaryView::pointClicked, this,
            [this](double x, double y, bool other, bool remove, double tolerance) {
                if (!model_->editPoint(x, y, other, remove, tolerance) && model_->data().dimension() != 2)
                    statusBar()->showMessage(tr("Points can be added only to 2-D data"), 5000);
            });
    connect(metrics_, &MetricsPanel::thresholdChanged, model_, &LabModel::setThreshold);
    connect(metrics_, &MetricsPanel::splitChanged, model_, &LabModel::setMetricsOnTest);
    connect(metrics_, &MetricsPanel::positiveClassChanged, model_, &LabModel::setPositiveClass);
    connect(activations_, &ActivationExplorer::activationToggled, model_, &LabModel::setExplorerActivation);
    connect(activations_, &ActivationExplorer::alphaChanged, model_, &LabModel::setExplorerAlpha);
    connect(activations_, &ActivationExplorer::depthChanged, model_, &LabModel::setExplorerDepth);
    connect(losses_, &LossExplorer::targetChanged, model_, &LabModel::setLossTarget);
    connect(losses_, &LossExplorer::gammaChanged, model_, &LabModel::setLossGamma);
}

void LabWindow::rebuildLayerRows() {
    const auto& hidden = model_->config().hidden;
    while (rows_.size() > hidden.size()) {
        delete rows_.back().row;
        rows_.pop_back();
    }
    while (rows_.size() < hidden.size()) {
        const int layer = static_cast<int>(rows_.size());
        auto* row = new QWidget(networkGroup_);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        LayerRow r{row, new QLabel(row), new QPushButton(QStringLiteral("−"), row), new QLabel(row),
                   new QPushButton(QStringLiteral("+"), row), new QComboBox(row), new QCheckBox(QStringLiteral("BN"), row)};
        r.batchNorm->setObjectName(QStringLiteral("batchNorm%1").arg(layer + 1));
        connect(r.batchNorm, &QCheckBox::toggled, this, [this, layer](bool on) { model_->setBatchNorm(layer, on); });
        r.minus->setFixedWidth(36);
        r.plus->setFixedWidth(36);
        r.units->setAlignment(Qt::AlignCenter);
        r.units->setMinimumWidth(28);
        for (Activation f : LabModel::hiddenActivations()) r.activation->addItem(labtext::activation(f), static_cast<int>(f));
        connect(r.minus, &QPushButton::clicked, this, [this, layer] {
            model_->setUnits(layer, model_->config().hidden[static_cast<std::size_t>(layer)] - 1);
        });
        connect(r.plus, &QPushButton::clicked, this, [this, layer] {
            model_->setUnits(layer, model_->config().hidden[static_cast<std::size_t>(layer)] + 1);
        });
        connect(r.activation, &QComboBox::activated, this, [this, layer, combo = r.activation](int i) {
            model_->setActivation(layer, static_cast<Activation>(combo->itemData(i).toInt()));
        });
        h->addWidget(r.title, 1);
        h->addWidget(r.minus);
        h->addWidget(r.units);
        h->addWidget(r.plus);
        h->addWidget(r.activation);
        h->addWidget(r.batchNorm);
        layerRows_->addWidget(row);
        rows_.push_back(r);
    }
    for (std::size_t l = 0; l < rows_.size(); ++l) {
        LayerRow& r = rows_[l];
        r.title->setText(tr("Layer %1").arg(l + 1));
        r.units->setText(QString::number(hidden[l]));
        r.minus->setEnabled(hidden[l] > 1);
        r.plus->setEnabled(hidden[l] < LabModel::kMaxUnits);
        r.minus->setToolTip(tr("One neuron fewer"));
        r.plus->setToolTip(tr("One neuron more (up to %1)").arg(LabModel::kMaxUnits));
        r.activation->setToolTip(tr("This layer's activation function"));
        r.batchNorm->setToolTip(tr("BatchNorm between W·a + b and the activation: normalise with the batch's mean μ_B "
                                   "and variance σ²_B while training, then scale by γ and shift by β (learnt); "
                                   "at test time the running averages are used"));
        {
            const QSignalBlocker blockBn(r.batchNorm);
            r.batchNorm->setChecked(model_->batchNormOn(static_cast<int>(l)));
        }
        const QSignalBlocker block(r.activation);
        r.activation->setCurrentIndex(r.activation->findData(static_cast<int>(model_->config().activations[l])));
        for (int i = 0; i < r.activation->count(); ++i)
            r.activation->setItemText(i, labtext::activation(static_cast<Activation>(r.activation->itemData(i).toInt())));
    }
}

void LabWindow::updateBatchNormStats() {
    // The chooser lists the normalised layers; it keeps the chosen one while it stays normalised.
    const int wanted = batchNormLayer_->currentData().isValid() ? batchNormLayer_->currentData().toInt() : -1;
    {
        const QSignalBlocker block(batchNormLayer_);
        batchNormLayer_->clear();
        for (int l = 0; l < static_cast<int>(model_->config().hidden.size()); ++l)
            if (model_->batchNormOn(l)) batchNormLayer_->addItem(tr("Batch μ and σ² of layer %1").arg(l + 1), l);
        const int at = batchNormLayer_->findData(wanted);
        batchNormLayer_->setCurrentIndex(at >= 0 ? at : 0);
    }
    batchNormLayer_->setVisible(batchNormLayer_->count() > 0);
    batchNormStats_->setVisible(batchNormLayer_->count() > 0);
    if (batchNormLayer_->count() == 0) return;
    const int layer = batchNormLayer_->currentData().toInt();
    const Vector mean = model_->batchMean(layer), variance = model_->batchVariance(layer);
    if (mean.size() == 0) {
        batchNormStats_->setText(tr("Train an epoch to see the batch's mean and variance here."));
        return;
    }
    auto list = [](const Vector& v) {
        QStringList parts;
        for (Eigen::Index i = 0; i < v.size(); ++i) parts << QString::number(v(i), 'f', 2);
        return parts.join(QStringLiteral(", "));
    };
    const LabBatchNorm& bn = model_->batchNorm();
    const auto l = static_cast<std::size_t>(layer);
    batchNormStats_->setText(tr("Last batch: μ = (%1)\nσ² = (%2)\nγ = (%3)\nβ = (%4)")
                                 .arg(list(mean), list(variance),
                                      l < bn.gamma.size() ? list(bn.gamma[l]) : QString(),
                                      l < bn.beta.size() ? list(bn.beta[l]) : QString()));
}

void LabWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void LabWindow::retranslate() {
    updateBatchNormStats();
    setWindowTitle(tr("NeuralScope — Training lab"));
    auto menu = [this](const char* objectName) { return menuBar()->findChild<QMenu*>(QString::fromLatin1(objectName)); };
    menu("file")->setTitle(embedded_ ? tr("&Lab") : tr("&File"));
    menu("edit")->setTitle(tr("&Edit"));
    menu("training")->setTitle(tr("&Training"));
    menu("view")->setTitle(embedded_ ? tr("&Plots") : tr("&View"));
    auto set = [](QAction* a, const QString& text, const QString& tip) {
        a->setText(text);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, a->shortcut().toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
    };
    set(playAction_, model_->isPlaying() ? tr("Pause") : tr("Play"), tr("Train continuously, or pause"));
    set(stepAction_, tr("Step"), tr("Train exactly one epoch"));
    set(resetAction_, tr("Reset"), tr("Back to the same initial weights, epoch 0; the run is kept for comparison"));
    set(newWeightsAction_, tr("New weights"), tr("Reset to freshly drawn initial weights"));
    set(regenerateAction_, tr("Regenerate data"), tr("Draw the data set again from the next seed"));
    set(openAction_, tr("Open lab…"), tr("Load a saved lab: data, settings, weights, optimizer state and history"));
    set(saveAction_, tr("Save lab…"), tr("Save the whole lab to one JSON file"));
    set(importAction_, tr("Import CSV…"), tr("Your own data: numeric columns, the label in the last one"));
    set(exportAction_, tr("Export plots…"), tr("Every plot as PNG, PDF and SVG, and its data as CSV"));
    set(compareAction_, tr("Compare runs"), tr("Keep the loss curves of earlier runs on the plot"));
    set(clearRunsAction_, tr("Clear earlier runs"), tr("Remove the earlier runs from the plot"));
    set(discretizeAction_, tr("Discretize"), tr("Show only the decision, not the network's confidence"));
    set(closeAction_, tr("Close"), tr("Close the training lab"));
    retranslateUndo();
    toolBar_->setWindowTitle(tr("Training"));
    speedLabel_->setText(tr(" Speed "));
    speed_->setToolTip(tr("Epochs per second while playing"));
    for (std::size_t i = 0; i < LabModel::speedChoices().size(); ++i) {
        const double rate = LabModel::speedChoices()[i];
        speed_->setItemText(static_cast<int>(i), rate > 0 ? tr("%1 epochs/s").arg(rate) : tr("as fast as possible"));
    }
    tabs_->setTabText(0, tr("Training"));
    tabs_->setTabText(1, tr("Activation explorer"));
    tabs_->setTabText(2, tr("Loss explorer"));

    dataGroup_->setTitle(tr("Data"));
    for (int i = 0; i < dataset_->count(); ++i)
        dataset_->setItemText(i, labtext::dataset(static_cast<DatasetKind>(dataset_->itemData(i).toInt())));
    setFormLabel(dataForm_, dataset_, tr("Data set"));
    setFormLabel(dataForm_, samples_, tr("Points"));
    setFormLabel(dataForm_, noise_->parentWidget(), tr("Noise"));
    setFormLabel(dataForm_, testPercent_, tr("Test split"));
    setFormLabel(dataForm_, currentClass_, tr("Click adds"));
    dataset_->setToolTip(tr("Playground's data sets, the 3-class and regression sets, and the textbook's "
                            "4-feature task (seed 001 §3.2)"));
    samples_->setToolTip(tr("How many points to generate"));
    noise_->setToolTip(tr("How far points stray from their class's region"));
    testPercent_->setToolTip(tr("The share of points held out as the test set (also the validation set for early stopping)"));
    regenerate_->setText(tr("Regenerate"));
    regenerate_->setToolTip(tr("Draw the data again from the next seed (Ctrl+G)"));
    import_->setText(tr("Import CSV…"));
    import_->setToolTip(tr("Numeric columns, the label in the last one, header optional (Ctrl+I)"));
    currentClass_->setToolTip(tr("Click on the plot adds a point of this class; Shift+click the other class; "
                                 "Ctrl+click removes the nearest point"));
    featureGroup_->setTitle(tr("Input features"));
    featureGroup_->setToolTip(tr("What the network sees of each 2-D point"));
    networkGroup_->setTitle(tr("Network"));
    addLayer_->setToolTip(tr("Add a hidden layer (up to %1)").arg(LabModel::kMaxHiddenLayers));
    removeLayer_->setToolTip(tr("Remove the last hidden layer"));
    trainingGroup_->setTitle(tr("Training"));
    for (int i = 0; i < loss_->count(); ++i)
        loss_->setItemText(i, labtext::loss(static_cast<LabLoss>(loss_->itemData(i).toInt())));
    for (int i = 0; i < optimizer_->count(); ++i)
        optimizer_->setItemText(i, labtext::optimizer(static_cast<OptimizerKind>(optimizer_->itemData(i).toInt())));
    for (int i = 0; i < schedule_->count(); ++i)
        schedule_->setItemText(i, labtext::schedule(static_cast<ScheduleKind>(schedule_->itemData(i).toInt())));
    for (int i = 0; i < penalty_->count(); ++i)
        penalty_->setItemText(i, labtext::penalty(static_cast<Penalty>(penalty_->itemData(i).toInt())));
    setFormLabel(trainingForm_, loss_, tr("Loss"));
    setFormLabel(trainingForm_, gamma_, tr("Focal γ"));
    setFormLabel(trainingForm_, optimizer_, tr("Optimizer"));
    setFormLabel(trainingForm_, learningRate_, tr("Learning rate η"));
    setFormLabel(trainingForm_, batch_, tr("Batch size B"));
    setFormLabel(trainingForm_, beta_, tr("Momentum β"));
    setFormLabel(trainingForm_, momentumForm_, tr("Momentum form"));
    momentumForm_->setItemText(0, tr("v ← βv + (1 − β)∇L, θ ← θ − ηv (seed 001)"));
    momentumForm_->setItemText(1, tr("v ← βv − η∇L, w ← w + v (seed 002)"));
    momentumForm_->setToolTip(tr("The two textbooks write Momentum differently; the first averages the gradients, "
                                 "the second adds them up (an effective step 1/(1 − β) times larger)"));
    setFormLabel(trainingForm_, beta1_, QStringLiteral("Adam β₁"));
    setFormLabel(trainingForm_, beta2_, QStringLiteral("Adam β₂"));
    setFormLabel(trainingForm_, epsilon_, QStringLiteral("Adam ε"));
    setFormLabel(trainingForm_, schedule_, tr("η schedule"));
    setFormLabel(trainingForm_, etaMin_, tr("Minimum η"));
    setFormLabel(trainingForm_, decay_, tr("Decay factor"));
    setFormLabel(trainingForm_, stepEpochs_, tr("Decay every (epochs)"));
    setFormLabel(trainingForm_, period_, tr("Period T (epochs)"));
    setFormLabel(trainingForm_, warmup_, tr("Warmup (epochs)"));
    setFormLabel(trainingForm_, penalty_, tr("Regularization"));
    setFormLabel(trainingForm_, lambda_, tr("λ"));
    setFormLabel(trainingForm_, dropout_, tr("Dropout p"));
    setFormLabel(trainingForm_, patience_, tr("Early stopping"));
    setFormLabel(trainingForm_, budget_, tr("Epoch budget"));
    loss_->setToolTip(tr("The loss to minimise (seed 001 §2.6)"));
    gamma_->setToolTip(tr("Focal loss −(1 − p_t)^γ log p_t: larger γ ignores easy points more (eq. 27)"));
    optimizer_->setToolTip(tr("Seed 001 §5.1: batch GD (eq. 60), SGD (61), mini-batch (62), Momentum (63–64), Adam (65–69)"));
    learningRate_->setToolTip(tr("η: the step size of every update"));
    batch_->setToolTip(tr("Samples per update for mini-batch, Momentum and Adam"));
    beta_->setToolTip(tr("v ← βv + (1 − β)∇L, θ ← θ − ηv (eqs. 63–64)"));
    beta1_->setToolTip(tr("Decay of the first moment m (eq. 65)"));
    beta2_->setToolTip(tr("Decay of the second moment v (eq. 66)"));
    epsilon_->setToolTip(tr("Keeps the division of eq. 69 finite"));
    schedule_->setToolTip(tr("How η changes with the epoch (seed 002)"));
    penalty_->setToolTip(tr("L2 adds λΣw², L1 adds λΣ|w| to the loss (seed 002)"));
    lambda_->setToolTip(tr("λ: the strength of the penalty"));
    dropout_->setToolTip(tr("Each hidden unit is dropped with probability p during training, the others scaled "
                            "by 1/(1 − p) (seed 001 §5.3, eq. 74)"));
    patience_->setToolTip(tr("Stop when the test loss has not improved for this many epochs; 0 = off"));
    patience_->setSpecialValueText(tr("off"));
    budget_->setToolTip(tr("Stop after this many epochs; 0 = no limit"));
    budget_->setSpecialValueText(tr("no limit"));
    rebuildLayerRows();
    syncControls();
    updateStatus();
}

void LabWindow::retranslateUndo() {
    const QUndoStack* stack = model_->undoStack();
    undoAction_->setText(stack->canUndo() ? tr("Undo: %1").arg(stack->undoText()) : tr("Undo"));
    redoAction_->setText(stack->canRedo() ? tr("Redo: %1").arg(stack->redoText()) : tr("Redo"));
    undoAction_->setToolTip(tr("Undo the last change (%1)").arg(undoAction_->shortcut().toString(QKeySequence::NativeText)));
    redoAction_->setToolTip(tr("Redo (%1)").arg(redoAction_->shortcut().toString(QKeySequence::NativeText)));
}

void LabWindow::syncControls() {
    const LabConfig& c = model_->config();
    const LabSettings& t = c.training;
    const TaskKind task = model_->task();
    const bool twoD = model_->data().dimension() == 2;
    const QSignalBlocker b1(dataset_), b2(samples_), b3(noise_), b4(testPercent_), b5(currentClass_), b6(loss_),
        b7(gamma_), b8(optimizer_), b9(learningRate_), b10(batch_), b11(beta_), b12(beta1_), b13(beta2_),
        b14(epsilon_), b15(schedule_), b16(etaMin_), b17(decay_), b18(stepEpochs_), b19(period_), b20(warmup_),
        b21(penalty_), b22(lambda_), b23(dropout_), b24(patience_), b25(budget_), b26(speed_), b27(compareAction_),
        b28(discretizeAction_), b29(momentumForm_);
    dataset_->setCurrentIndex(dataset_->findData(static_cast<int>(c.dataset.kind)));
    const bool imported = c.dataset.kind == DatasetKind::Imported;
    samples_->setValue(c.dataset.samples);
    samples_->setEnabled(!imported);
    noise_->setValue(static_cast<int>(std::lround(c.dataset.noise * 100)));
    noise_->setEnabled(!imported);
    noiseValue_->setText(QStringLiteral("%1 %").arg(noise_->value()));
    testPercent_->setValue(static_cast<int>(std::lround(c.dataset.testFraction * 100)));
    taskLabel_->setText(tr("%1 · %2 inputs · %3 training and %4 test points")
                            .arg(labtext::task(task))
                            .arg(model_->data().dimension())
                            .arg(model_->trainSet().size())
                            .arg(model_->testSet().size()));
    currentClass_->clear();
    if (task == TaskKind::Regression) {
        currentClass_->addItem(tr("y = +1 (Shift: −1)"));
    } else {
        for (int k = 0; k < model_->classes(); ++k) currentClass_->addItem(labtext::className(k));
        currentClass_->setCurrentIndex(model_->currentClass());
    }
    currentClass_->setEnabled(twoD);
    for (Feature f : allFeatures()) {
        QCheckBox* box = features_[static_cast<std::size_t>(f)];
        const QSignalBlocker block(box);
        box->setChecked(has(c.features, f));
        box->setEnabled(twoD);
    }
    featureGroup_->setEnabled(twoD);
    rebuildLayerRows();
    layersLabel_->setText(tr("Hidden layers: %1").arg(c.hidden.size()));
    addLayer_->setEnabled(c.hidden.size() < static_cast<std::size_t>(LabModel::kMaxHiddenLayers));
    removeLayer_->setEnabled(!c.hidden.empty());
    const std::vector<int> sizes = model_->layerSizes();
    QStringList shape;
    for (int s : sizes) shape << QString::number(s);
    outputLabel_->setText(tr("Output: %1 · network %2")
                              .arg(task == TaskKind::Binary       ? tr("1 sigmoid unit (probability of class 2)")
                                   : task == TaskKind::Multiclass ? tr("%1 softmax units").arg(model_->classes())
                                                                  : tr("1 linear unit"))
                              .arg(shape.join(QStringLiteral("-"))));
    for (int i = 0; i < loss_->count(); ++i) {
        const auto l = static_cast<LabLoss>(loss_->itemData(i).toInt());
        auto* item = qobject_cast<QStandardItemModel*>(loss_->model())->item(i);
        item->setEnabled(lossFits(l, task));
    }
    loss_->setCurrentIndex(loss_->findData(static_cast<int>(t.loss.kind)));
    gamma_->setValue(t.loss.focalGamma);
    showRow(trainingForm_, gamma_, t.loss.kind == LabLoss::Focal);
    optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(t.optimizer.kind)));
    learningRate_->setValue(t.schedule.eta);
    batch_->setValue(t.optimizer.batchSize);
    const OptimizerKind o = t.optimizer.kind;
    showRow(trainingForm_, batch_, o == OptimizerKind::MiniBatch || o == OptimizerKind::Momentum || o == OptimizerKind::Adam);
    beta_->setValue(t.optimizer.beta);
    showRow(trainingForm_, beta_, o == OptimizerKind::Momentum);
    momentumForm_->setCurrentIndex(momentumForm_->findData(static_cast<int>(t.optimizer.momentumForm)));
    showRow(trainingForm_, momentumForm_, o == OptimizerKind::Momentum);
    beta1_->setValue(t.optimizer.beta1);
    beta2_->setValue(t.optimizer.beta2);
    epsilon_->setValue(t.optimizer.epsilon);
    for (QWidget* w : {static_cast<QWidget*>(beta1_), static_cast<QWidget*>(beta2_), static_cast<QWidget*>(epsilon_)})
        showRow(trainingForm_, w, o == OptimizerKind::Adam);
    const ScheduleKind s = t.schedule.kind;
    schedule_->setCurrentIndex(schedule_->findData(static_cast<int>(s)));
    etaMin_->setValue(t.schedule.etaMin);
    decay_->setValue(t.schedule.decay);
    stepEpochs_->setValue(static_cast<int>(t.schedule.stepEpochs));
    period_->setValue(static_cast<int>(t.schedule.periodEpochs));
    warmup_->setValue(static_cast<int>(t.schedule.warmupEpochs));
    const bool cosine = s == ScheduleKind::Cosine || s == ScheduleKind::WarmupCosine;
    showRow(trainingForm_, etaMin_, cosine);
    showRow(trainingForm_, period_, cosine);
    showRow(trainingForm_, warmup_, s == ScheduleKind::WarmupCosine);
    showRow(trainingForm_, decay_, s == ScheduleKind::StepDecay);
    showRow(trainingForm_, stepEpochs_, s == ScheduleKind::StepDecay);
    penalty_->setCurrentIndex(penalty_->findData(static_cast<int>(t.regularization.kind)));
    lambda_->setValue(t.regularization.lambda);
    showRow(trainingForm_, lambda_, t.regularization.kind != Penalty::None);
    dropout_->setValue(t.dropout);
    patience_->setValue(t.patience);
    budget_->setValue(static_cast<int>(t.epochBudget));
    speed_->setCurrentIndex(model_->speedIndex());
    compareAction_->setChecked(model_->compareRuns());
    discretizeAction_->setChecked(model_->discretize());
    boundaryCaption_->setText(
        (twoD ? QString() : tr("A slice through the first two inputs, the others held at 0. ")) +
        tr("Filled points: training · hollow: test. Click adds a point, Shift+click the other class, Ctrl+click removes."));
    boundary_->setAxisTitles(QStringLiteral("x₁"), QStringLiteral("x₂"));
}

void LabWindow::updateStatus() {
    const bool playing = model_->isPlaying();
    playAction_->setText(playing ? tr("Pause") : tr("Play"));
    const QString message = model_->statusMessage();
    banner_->setText(message);
    banner_->setVisible(!message.isEmpty());
    if (model_->status() == LabStatus::Diverged)
        banner_->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; color: #8b1a10; border: 2px solid #d62728; "
                                              "border-radius: 4px; padding: 6px; }"));
    else
        banner_->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5c4400; border: 2px solid #f5b400; "
                                              "border-radius: 4px; padding: 6px; }"));
    epochLabel_->setText(tr("Epoch %1").arg(model_->epoch()));
    const auto& h = model_->history();
    if (h.empty()) {
        lossLabel_->setText(tr("Loss: training — · test —"));
        accuracyLabel_->clear();
    } else {
        lossLabel_->setText(tr("Loss: training %1 · test %2")
                                .arg(labtext::number(h.back().trainLoss), labtext::number(h.back().testLoss)));
        accuracyLabel_->setText(model_->task() == TaskKind::Regression
                                    ? QString()
                                    : tr("Accuracy: training %1 · test %2")
                                          .arg(labtext::number(h.back().trainAccuracy), labtext::number(h.back().testAccuracy)));
    }
}

void LabWindow::updateRuns() {
    std::vector<LabCurves::Overlay> overlays;
    if (model_->compareRuns())
        for (const LabRun& run : model_->runs()) overlays.push_back({model_->runLabel(run), &run.history});
    curves_->setRuns(overlays);
}

void LabWindow::onModelChanged(LabModel::Changes changes) {
    if (changes & (LabModel::ConfigChanged | LabModel::DataChanged)) syncControls();
    if (changes & (LabModel::NetworkChanged | LabModel::DataChanged | LabModel::ConfigChanged | LabModel::ViewChanged |
                   LabModel::MetricsChanged)) {
        boundary_->setSurface(model_->grid(), model_->task(), model_->classes(), model_->discretize(),
                              model_->threshold(), model_->valueScale());
    }
    if (changes & (LabModel::NetworkChanged | LabModel::DataChanged | LabModel::ConfigChanged))
        network_->setNetwork(model_->network(), model_->grid(), model_->task(), model_->classes(), model_->inputNames(),
                             model_->valueScale());
    if (changes & LabModel::DataChanged) boundary_->setPoints(model_->data(), model_->valueScale());
    if (changes & (LabModel::HistoryChanged | LabModel::DataChanged))
        curves_->setHistory(model_->history(), model_->historyGeneration(), model_->task() != TaskKind::Regression);
    if (changes & (LabModel::RunsChanged | LabModel::ConfigChanged)) updateRuns();
    if (changes & (LabModel::NetworkChanged | LabModel::MetricsChanged | LabModel::DataChanged))
        metrics_->setReport(model_->metrics(), model_->metricsOnTest(), model_->testSet().size() > 0, model_->classes());
    if (changes & LabModel::ExplorerChanged) {
        activations_->setCurves(model_->explorerActivations(), model_->activationCurves(), model_->explorerAlpha(),
                                model_->explorerDepth(), model_->gradientBounds());
        losses_->setCurves(model_->lossCurves());
    }
    if (changes & (LabModel::StatusChanged | LabModel::HistoryChanged | LabModel::NetworkChanged)) updateStatus();
    if (changes & (LabModel::NetworkChanged | LabModel::ConfigChanged)) updateBatchNormStats();
    if (changes & LabModel::ViewChanged) {
        const QSignalBlocker a(discretizeAction_), b(currentClass_);
        discretizeAction_->setChecked(model_->discretize());
        if (model_->task() != TaskKind::Regression) currentClass_->setCurrentIndex(model_->currentClass());
    }
}

void LabWindow::refreshNow() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    onModelChanged(LabModel::Changes(0x1ff));
    boundary_->replotNow();
    curves_->replotNow();
    metrics_->replotNow();
    activations_->replotNow();
    losses_->replotNow();
    network_->repaint();
}

void LabWindow::openLab() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open lab"), QString(), tr("NeuralScope lab (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!model_->load(path, &error)) {
        QMessageBox::warning(this, tr("Open lab"), tr("The file was not loaded; the lab is unchanged.\n\n%1").arg(error));
        return;
    }
    statusBar()->showMessage(tr("Loaded %1").arg(path), 5000);
}

void LabWindow::saveLab() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save lab"), QStringLiteral("lab.json"), tr("NeuralScope lab (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!model_->save(path, &error)) {
        QMessageBox::warning(this, tr("Save lab"), error);
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void LabWindow::importCsv() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import CSV"), QString(), tr("CSV (*.csv *.txt);;All files (*)"));
    if (path.isEmpty()) {
        syncControls();
        return;
    }
    QString error;
    if (!model_->importCsv(path, &error)) {
        QMessageBox::warning(this, tr("Import CSV"), tr("The file was not imported; your data is unchanged.\n\n%1").arg(error));
        syncControls();
        return;
    }
    statusBar()->showMessage(tr("Imported %1").arg(path), 5000);
}

bool LabWindow::exportAllPlots(const QString& directory, QString* error) {
    struct Item {
        QCustomPlot* plot;
        QString name;
        QString csv;
    };
    const std::vector<Item> items{
        {boundary_->plot(), QStringLiteral("decision-boundary"), boundary_->csv()},
        {curves_->plot(), QStringLiteral("loss-curves"), curves_->csv()},
        {metrics_->rocPlot(), QStringLiteral("roc"), metrics_->rocCsv()},
        {metrics_->prPlot(), QStringLiteral("precision-recall"), metrics_->prCsv()},
        {metrics_->regressionPlot(), QStringLiteral("predicted-vs-actual"), metrics_->regressionCsv()},
        {activations_->plot(), QStringLiteral("activations"), activations_->csv()},
        {losses_->regressionPlot(), QStringLiteral("regression-losses"), losses_->regressionCsv()},
        {losses_->classificationPlot(), QStringLiteral("classification-losses"), losses_->classificationCsv()},
    };
    const QDir dir(directory);
    for (const Item& item : items) {
        // A plot on a hidden tab has never been laid out: give it a size to draw at.
        if (item.plot->width() < 100 || item.plot->height() < 100) item.plot->resize(800, 600);
        for (const char* suffix : {"png", "pdf", "svg"})
            if (!exportPlot(item.plot, dir.filePath(item.name + QLatin1Char('.') + QLatin1String(suffix)), error)) return false;
        if (!writeTextFile(dir.filePath(item.name + QStringLiteral(".csv")), item.csv, error)) return false;
    }
    return true;
}

void LabWindow::embedInShell() {
    embedded_ = true;
    setWindowFlags(Qt::Widget);
    menuBar()->hide();
    closeAction_->setVisible(false);
    retranslate();
}

void LabWindow::setPresenterScale(double scale) {
    // The controls' text grows with the shell's fonts; their column must grow with it, or the
    // boxes at its right edge are cut.
    controlsScroll_->setMinimumWidth(static_cast<int>(std::lround(400 * scale)));
    curves_->setPresenterScale(scale);
    boundary_->setPresenterScale(scale);
}

void LabWindow::exportPlotsDialog() {
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Export every plot to a folder"));
    if (directory.isEmpty()) return;
    QString error;
    if (!exportAllPlots(directory, &error)) {
        QMessageBox::warning(this, tr("Export plots"), error);
        return;
    }
    statusBar()->showMessage(tr("Exported every plot to %1").arg(directory), 5000);
}

}  // namespace ns
