#include "sequence_workspace.h"

#include "common/undo_buttons.h"

#include "common/theme.h"
#include "sequence/equation_panel.h"
#include "sequence/gate_heatmap.h"
#include "sequence/sequence_model.h"
#include "sequence/sequence_style.h"
#include "sequence/unrolled_view.h"
#include "shell/tool_row.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr int kCells = kSequenceCells;
constexpr int kWhSteps = 100;  // the slider: log₂ of the scale from −2 to 3 in 100 steps

double whFromSlider(int v) { return std::pow(2.0, -2.0 + 5.0 * v / kWhSteps); }
int sliderFromWh(double s) { return static_cast<int>(std::lround((std::log2(s) + 2.0) / 5.0 * kWhSteps)); }

void stylePlot(QCustomPlot* plot) {
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt));
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt));
        axis->setBasePen(QPen(theme::mutedInk(), 1));
        axis->setTickPen(QPen(theme::mutedInk(), 1));
        axis->setSubTickPen(QPen(theme::mutedInk(), 1));
        axis->setTickLabelColor(theme::ink());
        axis->setLabelColor(theme::ink());
    }
    plot->setBackground(theme::background());
    plot->legend->setVisible(true);
    plot->legend->setFont(theme::uiFont(theme::kPlotLegendPt));
    plot->legend->setTextColor(theme::ink());
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->setMinimumSize(360, 240);
}

}  // namespace

SequenceWorkspace::SequenceWorkspace(SequenceModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      taskLabel_(new QLabel(this)),
      lengthLabel_(new QLabel(this)),
      cellLabel_(new QLabel(this)),
      task_(new QComboBox(this)),
      cell_(new QComboBox(this)),
      length_(new QSpinBox(this)),
      play_(new QPushButton(this)),
      step_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      undo_(new QPushButton(this)),
      redo_(new QPushButton(this)),
      tabs_(new QTabWidget(this)),
      unrolled_(new UnrolledView),
      gates_(new GateHeatmap),
      equations_(new EquationPanel),
      gatesTitle_(new QLabel),
      equationsTitle_(new QLabel),
      bpttUnrolled_(new UnrolledView),
      bptt_(new QCustomPlot),
      whLabel_(new QLabel),
      wh_(new QSlider(Qt::Horizontal)),
      whValue_(new QLabel),
      clip_(new QCheckBox),
      revealStart_(new QPushButton),
      revealBack_(new QPushButton),
      revealAll_(new QPushButton),
      bpttStatus_(new QLabel),
      losses_(new QCustomPlot),
      trainingStatus_(new QLabel),
      promptLabel_(new QLabel),
      prompt_(new QLineEdit),
      temperatureLabel_(new QLabel),
      temperature_(new QSlider(Qt::Horizontal)),
      temperatureValue_(new QLabel),
      samples_(new QLabel),
      error_(new QLabel(this)) {
    setFont(theme::uiFont(13));
    QFont titleFont = theme::uiFont(14);
    titleFont.setBold(true);

    task_->setObjectName(QStringLiteral("sequenceTask"));
    for (const QString& key : SequenceModel::taskNames()) task_->addItem(key, key);
    taskLabel_->setBuddy(task_);
    length_->setObjectName(QStringLiteral("sequenceLength"));
    length_->setRange(SequenceModel::kMinLength, SequenceModel::kMaxLength);
    lengthLabel_->setBuddy(length_);
    cell_->setObjectName(QStringLiteral("sequenceCell"));
    for (int c = 0; c < kCells; ++c) cell_->addItem(sequence_style::cellName(c), SequenceModel::cellNames().at(c));
    cellLabel_->setBuddy(cell_);
    for (QComboBox* box : {task_, cell_}) box->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // presenter fonts
    play_->setObjectName(QStringLiteral("sequencePlay"));
    step_->setObjectName(QStringLiteral("sequenceStep"));
    reset_->setObjectName(QStringLiteral("sequenceReset"));
    undo_->setObjectName(QStringLiteral("sequenceUndo"));
    redo_->setObjectName(QStringLiteral("sequenceRedo"));
    play_->setMinimumWidth(110);

    // Two groups, side by side while they fit and one above the other when they do not
    // (presenter fonts beside the lesson panel): no control is ever cut off at the edge.
    auto* settingsBar = new QWidget(this);
    auto* settingsLayout = new QHBoxLayout(settingsBar);
    settingsLayout->setContentsMargins(0, 0, 12, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{taskLabel_, task_}) settingsLayout->addWidget(w);
    settingsLayout->addSpacing(12);
    settingsLayout->addWidget(lengthLabel_);
    settingsLayout->addWidget(length_);
    settingsLayout->addSpacing(12);
    settingsLayout->addWidget(cellLabel_);
    settingsLayout->addWidget(cell_);
    auto* actionsBar = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actionsBar);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{play_, step_, reset_, undo_, redo_}) actionsLayout->addWidget(w);
    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(new ToolRow({settingsBar, actionsBar}), 1);

    // ---- Unrolled ----
    unrolled_->setObjectName(QStringLiteral("sequenceUnrolled"));
    gates_->setObjectName(QStringLiteral("sequenceGates"));
    for (QLabel* t : {gatesTitle_, equationsTitle_}) {
        t->setFont(titleFont);
        t->setWordWrap(true);
    }
    auto* unrolledPage = new QWidget;
    auto* lower = new QHBoxLayout;
    auto* gatesBox = new QVBoxLayout;
    gatesBox->addWidget(gatesTitle_);
    gatesBox->addWidget(gates_, 1);
    auto* eqBox = new QVBoxLayout;
    eqBox->addWidget(equationsTitle_);
    eqBox->addWidget(equations_, 1);
    lower->addLayout(gatesBox, 3);
    lower->addLayout(eqBox, 2);
    auto* unrolledLayout = new QVBoxLayout(unrolledPage);
    unrolledLayout->addWidget(unrolled_, 4);
    unrolledLayout->addLayout(lower, 5);

    // ---- BPTT ----
    bpttUnrolled_->setObjectName(QStringLiteral("sequenceBpttUnrolled"));
    stylePlot(bptt_);
    bptt_->setObjectName(QStringLiteral("sequenceBpttPlot"));
    bptt_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    auto logTicker = QSharedPointer<QCPAxisTickerLog>::create();
    logTicker->setLogBase(10);
    logTicker->setSubTickCount(0);
    bptt_->yAxis->setTicker(logTicker);
    bptt_->yAxis->setNumberFormat(QStringLiteral("eb"));
    bptt_->yAxis->setNumberPrecision(0);
    for (int c = 0; c < kCells; ++c) {
        bpttGraphs_[c] = bptt_->addGraph();
        const QColor color = sequence_style::cellColor(c);
        bpttGraphs_[c]->setPen(QPen(color, 2.5));
        bpttGraphs_[c]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, theme::background(), 6));
        bpttGraphs_[c]->setName(sequence_style::cellName(c));
    }
    bptt_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    bpttTitles_ = theme::addAxisTitles(bptt_);
    wh_->setObjectName(QStringLiteral("sequenceWhScale"));
    wh_->setRange(0, kWhSteps);
    wh_->setMinimumWidth(200);
    whLabel_->setBuddy(wh_);
    clip_->setObjectName(QStringLiteral("sequenceClip"));
    revealStart_->setObjectName(QStringLiteral("sequenceRevealStart"));
    revealBack_->setObjectName(QStringLiteral("sequenceRevealBack"));
    revealAll_->setObjectName(QStringLiteral("sequenceRevealAll"));
    bpttStatus_->setWordWrap(true);
    auto* bpttControls = new QHBoxLayout;
    bpttControls->addWidget(whLabel_);
    bpttControls->addWidget(wh_);
    bpttControls->addWidget(whValue_);
    bpttControls->addSpacing(12);
    bpttControls->addWidget(clip_);
    bpttControls->addSpacing(12);
    bpttControls->addWidget(revealStart_);
    bpttControls->addWidget(revealBack_);
    bpttControls->addWidget(revealAll_);
    bpttControls->addStretch(1);
    auto* bpttPage = new QWidget;
    auto* bpttLayout = new QVBoxLayout(bpttPage);
    bpttLayout->addLayout(bpttControls);
    bpttLayout->addWidget(bpttUnrolled_, 3);
    bpttLayout->addWidget(bptt_, 4);
    bpttLayout->addWidget(bpttStatus_);

    // ---- Training ----
    stylePlot(losses_);
    losses_->setObjectName(QStringLiteral("sequenceLossPlot"));
    for (int c = 0; c < kCells; ++c) {
        lossGraphs_[c] = losses_->addGraph();
        lossGraphs_[c]->setPen(QPen(sequence_style::cellColor(c), 2.5));
        lossGraphs_[c]->setName(sequence_style::cellName(c));
    }
    lossFeed_ = std::make_unique<StepHistoryFeed>(
        losses_, std::vector<QCPGraph*>(std::begin(lossGraphs_), std::end(lossGraphs_)), SequenceModel::kMaxHistory);
    losses_->xAxis->setRange(0, 50);
    losses_->yAxis->setRange(0, 1);
    lossTitles_ = theme::addAxisTitles(losses_);
    prompt_->setObjectName(QStringLiteral("sequencePrompt"));
    promptLabel_->setBuddy(prompt_);
    temperature_->setObjectName(QStringLiteral("sequenceTemperature"));
    temperature_->setRange(static_cast<int>(SequenceModel::kMinTemperature * 100),
                           static_cast<int>(SequenceModel::kMaxTemperature * 100));
    temperatureLabel_->setBuddy(temperature_);
    samples_->setObjectName(QStringLiteral("sequenceSamples"));
    samples_->setWordWrap(true);
    samples_->setTextFormat(Qt::RichText);
    samples_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    trainingStatus_->setWordWrap(true);
    auto* sampleControls = new QHBoxLayout;
    sampleControls->addWidget(promptLabel_);
    sampleControls->addWidget(prompt_, 2);
    sampleControls->addSpacing(12);
    sampleControls->addWidget(temperatureLabel_);
    sampleControls->addWidget(temperature_, 1);
    sampleControls->addWidget(temperatureValue_);
    auto* trainingPage = new QWidget;
    auto* trainingLayout = new QVBoxLayout(trainingPage);
    trainingLayout->addWidget(losses_, 3);
    trainingLayout->addWidget(trainingStatus_);
    trainingLayout->addLayout(sampleControls);
    trainingLayout->addWidget(samples_, 1);

    tabs_->addTab(unrolledPage, QString());
    tabs_->addTab(bpttPage, QString());
    tabs_->addTab(trainingPage, QString());
    tabs_->setObjectName(QStringLiteral("sequencePanels"));

    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(toolbar);
    layout->addWidget(tabs_, 1);
    layout->addWidget(error_);

    // Intents.
    connect(task_, &QComboBox::activated, this, [this](int i) { model_->setTask(task_->itemData(i).toString()); });
    connect(length_, &QSpinBox::editingFinished, this, [this] {
        if (length_->value() != model_->settings().length) model_->setLength(length_->value());
    });
    connect(length_, &QSpinBox::valueChanged, this, [this](int v) {
        if (!length_->hasFocus() && v != model_->settings().length) model_->setLength(v);  // arrows, wheel, scenes
    });
    connect(cell_, &QComboBox::activated, this, [this](int i) { model_->setCell(cell_->itemData(i).toString()); });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(step_, &QPushButton::clicked, this, [this] { model_->step(); });
    connect(reset_, &QPushButton::clicked, this, [this] { model_->reset(); });
    new UndoButtons(undo_, redo_, model_->undoStack());
    // The buttons say what they would undo or redo, so a student sees which setting comes back.
    connect(unrolled_, &UnrolledView::stepClicked, model_, &SequenceModel::selectStep);
    connect(bpttUnrolled_, &UnrolledView::stepClicked, model_, &SequenceModel::selectStep);
    connect(gates_, &GateHeatmap::cellClicked, this, [this](int step, int unit) {
        model_->selectUnit(unit);
        model_->selectStep(step);
    });
    connect(wh_, &QSlider::valueChanged, this, [this](int v) { model_->setWhScale(whFromSlider(v)); });
    connect(clip_, &QCheckBox::toggled, this, [this](bool on) { model_->setClip(on); });
    connect(revealStart_, &QPushButton::clicked, model_, &SequenceModel::hideGradient);
    connect(revealBack_, &QPushButton::clicked, model_, &SequenceModel::revealBackward);
    connect(revealAll_, &QPushButton::clicked, model_, &SequenceModel::revealAll);
    connect(prompt_, &QLineEdit::editingFinished, this, [this] { model_->setPrompt(prompt_->text()); });
    connect(temperature_, &QSlider::valueChanged, this, [this](int v) { model_->setTemperature(v / 100.0); });
    connect(tabs_, &QTabWidget::currentChanged, this,
            [this](int i) { model_->setPanel(static_cast<SequenceModel::Panel>(std::clamp(i, 0, 2))); });

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { model_->setTraining(!model_->isPlaying()); });
    shortcut(QKeySequence(Qt::Key_N), [this] { model_->step(); });
    shortcut(QKeySequence(Qt::Key_B), [this] { model_->revealBackward(); });
    shortcut(QKeySequence(Qt::Key_BracketLeft), [this] { model_->selectStep(model_->selectedStep() - 1); });
    shortcut(QKeySequence(Qt::Key_BracketRight), [this] { model_->selectStep(model_->selectedStep() + 1); });
    shortcut(QKeySequence::Undo, [this] { model_->undoStack()->undo(); });
    shortcut(QKeySequence::Redo, [this] { model_->undoStack()->redo(); });

    connect(model_, &SequenceModel::changed, this, &SequenceWorkspace::refresh);
    retranslate();
    refresh();
}

void SequenceWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void SequenceWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    unrolled_->setPresenterScale(scale);
    bpttUnrolled_->setPresenterScale(scale);
    gates_->setPresenterScale(scale);
    equations_->setPresenterScale(scale);
    for (QCustomPlot* plot : {bptt_, losses_}) {
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt * scale));
            axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt * scale));
        }
        plot->legend->setFont(theme::uiFont(theme::kPlotLegendPt * scale));
    }
    theme::applyPlotScale(bptt_, bpttTitles_, scale);
    theme::applyPlotScale(losses_, lossTitles_, scale);
    bptt_->replot(QCustomPlot::rpQueuedReplot);
    losses_->replot(QCustomPlot::rpQueuedReplot);
}

void SequenceWorkspace::retranslate() {
    taskLabel_->setText(tr("&Task:"));
    task_->setItemText(0, tr("remember the first"));
    task_->setItemText(1, tr("adding problem"));
    task_->setItemText(2, tr("sine wave"));
    task_->setItemText(3, tr("characters (zh + en)"));
    task_->setToolTip(tr("The toy task all three cells learn. Remember the first: name the first symbol at the "
                         "last step (long range). Adding: the sum of the two marked values. Sine: the next value. "
                         "Characters: the next character of a Chinese and English text. Changing it starts a new run."));
    lengthLabel_->setText(tr("&Length:"));
    length_->setToolTip(tr("T, the number of time steps of every sequence. Long sequences make the plain RNN's "
                           "gradient vanish. Changing it starts a new run."));
    cellLabel_->setText(tr("&Cell:"));
    cell_->setToolTip(tr("The cell drawn unrolled and whose equations are shown: plain RNN, LSTM or GRU"));
    play_->setToolTip(tr("Train the RNN, the LSTM and the GRU side by side, one Adam step each at a time (Space)"));
    step_->setText(tr("S&tep"));
    step_->setToolTip(tr("One training step of all three cells (N)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start again from the same initial weights"));
    tabs_->setTabText(0, tr("Unrolled network"));
    tabs_->setTabText(1, tr("Backpropagation through time"));
    tabs_->setTabText(2, tr("Trained live"));
    tabs_->setTabToolTip(0, tr("The cell once per time step, its gates as heatmaps, and one step's equations"));
    tabs_->setTabToolTip(1, tr("How large ∂L/∂h_t is at every step: vanishing and exploding gradients"));
    tabs_->setTabToolTip(2, tr("RNN, LSTM and GRU trained on the same task, length and seed"));
    unrolled_->setToolTip(tr("Click a step (or use [ and ]) to see its equations with the numbers of the trace"));
    gatesTitle_->setText(tr("Gates and states per step (rows: units, columns: time)"));
    gatesTitle_->setToolTip(tr("Sigmoid gates from white (0, closed) to blue (1, open); tanh values and the cell state "
                               "from orange (negative) to blue (positive). Click to choose a step and a unit."));
    equationsTitle_->setText(tr("The selected step's equations"));
    whLabel_->setText(tr("&W_h scale:"));
    wh_->setToolTip(tr("Multiplies the recurrent weights (those acting on h_{t−1}) of the traced copy: above 1 the "
                       "gradient can explode, below 1 it vanishes faster. Training is not affected."));
    clip_->setText(tr("&Clip gradient"));
    clip_->setToolTip(tr("Show the gradient after clipping by norm: when ‖∂L/∂θ‖ exceeds %1, every gradient is "
                         "scaled by %1/‖∂L/∂θ‖ (the direction is kept)")
                          .arg(SequenceModel::kClipNorm));
    revealStart_->setText(tr("Forward only"));
    revealStart_->setToolTip(tr("Hide the gradient and step it back through time from the last step"));
    revealBack_->setText(tr("&Back one step"));
    revealBack_->setToolTip(tr("Reveal ∂L/∂h_t one step further back in time (B)"));
    revealAll_->setText(tr("Show &all"));
    revealAll_->setToolTip(tr("Reveal the gradient at every step"));
    bptt_->xAxis->setLabel(tr("Time step t"));
    bpttTitles_.setTexts(tr("‖∂L/∂h_t‖"), QString());  // upright above the axis, not rotated
    losses_->xAxis->setLabel(tr("Training step"));
    lossTitles_.setTexts(tr("Loss"), QString());
    promptLabel_->setText(tr("&Prompt:"));
    prompt_->setToolTip(tr("The text each character model continues (characters it has never seen are skipped)"));
    temperatureLabel_->setText(tr("T&emperature:"));
    temperature_->setToolTip(tr("Sampling temperature: low is nearly greedy, high is more random"));
    refresh();
}

void SequenceWorkspace::refresh() {
    refreshControls();
    const SequencePicture& shown = model_->shownPicture();
    unrolled_->setPicture(shown);
    unrolled_->setRevealed(-1);
    gates_->setPicture(shown);
    equations_->setPicture(shown);
    bpttUnrolled_->setPicture(shown);
    bpttUnrolled_->setRevealed(model_->revealed());
    refreshBptt();
    appendLosses();
    refreshTraining();
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

void SequenceWorkspace::refreshControls() {
    const SequenceSettings& s = model_->settings();
    {
        const QSignalBlocker b(task_);
        task_->setCurrentIndex(static_cast<int>(s.task));
    }
    {
        const QSignalBlocker b(length_);
        length_->setValue(s.length);
    }
    {
        const QSignalBlocker b(cell_);
        cell_->setCurrentIndex(SequenceModel::cellIndex(s.cell));
    }
    {
        const QSignalBlocker b(wh_);
        wh_->setValue(sliderFromWh(s.whScale));
    }
    whValue_->setText(QStringLiteral("× %1").arg(s.whScale, 0, 'f', 2));
    {
        const QSignalBlocker b(clip_);
        clip_->setChecked(s.clip);
    }
    {
        const QSignalBlocker b(temperature_);
        temperature_->setValue(static_cast<int>(std::lround(s.temperature * 100)));
    }
    temperatureValue_->setText(QString::number(s.temperature, 'f', 2));
    if (!prompt_->hasFocus() && prompt_->text() != s.prompt) prompt_->setText(s.prompt);
    const bool text = s.task == sequence::TaskKind::Characters;
    for (QWidget* w : std::initializer_list<QWidget*>{promptLabel_, prompt_, temperatureLabel_, temperature_,
                                                      temperatureValue_, samples_})
        w->setVisible(text);
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    {
        const QSignalBlocker b(tabs_);
        tabs_->setCurrentIndex(static_cast<int>(model_->panel()));
    }
    revealBack_->setEnabled(model_->revealed() < s.length);
}

void SequenceWorkspace::refreshBptt() {
    const int length = model_->settings().length;
    const int revealed = model_->revealed();
    double lo = 1e300, hi = 0;
    for (int c = 0; c < kCells; ++c) {
        const std::vector<double>& norms = model_->gradNorm(c);
        const double factor = model_->clipFactor(c);
        QVector<double> xs, ys;
        for (int t = 0; t < static_cast<int>(norms.size()); ++t) {
            if (t < length - revealed) continue;
            const double v = norms[static_cast<std::size_t>(t)] * factor;
            if (!std::isfinite(v) || v <= 0) continue;
            xs << t + 1;
            ys << v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        bpttGraphs_[c]->setData(xs, ys, true);
    }
    bptt_->xAxis->setRange(0.5, length + 0.5);
    if (hi > 0) bptt_->yAxis->setRange(lo / 2, hi * 2);
    else bptt_->yAxis->setRange(1e-6, 1);
    bptt_->replot(QCustomPlot::rpQueuedReplot);

    QStringList parts;
    for (int c = 0; c < kCells; ++c) {
        const std::vector<double>& norms = model_->gradNorm(c);
        if (norms.empty()) continue;
        const double ratio = norms.back() > 0 ? norms.front() / norms.back() : 0;
        QString part = tr("%1: ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖ = %2").arg(sequence_style::cellName(c), QString::number(ratio, 'g', 3));
        if (model_->settings().clip && model_->clipFactor(c) < 1)
            part += tr(" (‖∂L/∂θ‖ = %1, clipped × %2)")
                        .arg(QString::number(model_->parameterGradientNorm(c), 'g', 3),
                             QString::number(model_->clipFactor(c), 'g', 3));
        parts << part;
    }
    QString status = tr("Gradient revealed for %n of the last steps", nullptr, std::min(revealed, length));
    if (!parts.isEmpty()) status += QStringLiteral(" · ") + parts.join(QStringLiteral(" · "));
    bpttStatus_->setText(status);
}

void SequenceWorkspace::appendLosses() {
    std::vector<const std::vector<double>*> histories;
    for (int c = 0; c < kCells; ++c) histories.push_back(&model_->lossHistory(c));
    lossFeed_->update(model_->steps(), histories);
}

void SequenceWorkspace::refreshTraining() {
    QStringList parts;
    for (int c = 0; c < kCells; ++c) {
        const double loss = model_->lastLoss(c), accuracy = model_->lastAccuracy(c);
        QString value = std::isfinite(loss) ? tr("loss %1").arg(loss, 0, 'f', 4) : QStringLiteral("—");
        if (std::isfinite(accuracy)) value += tr(", accuracy %1 %").arg(accuracy * 100, 0, 'f', 1);
        parts << QStringLiteral("%1: %2").arg(sequence_style::cellName(c), value);
    }
    trainingStatus_->setText(tr("Step %1 · %2").arg(model_->steps()).arg(parts.join(QStringLiteral(" · "))));
    if (model_->settings().task == sequence::TaskKind::Characters) {
        QStringList rows;
        const QString prompt = model_->settings().prompt.toHtmlEscaped();
        for (int c = 0; c < kCells; ++c) {
            const QString color = sequence_style::cellColor(c).name();
            rows << tr("<b style='color:%1'>%2</b> greedy: %3<b>%4</b>")
                        .arg(color, sequence_style::cellName(c), prompt, model_->greedySample(c).toHtmlEscaped());
            rows << tr("<b style='color:%1'>%2</b> temperature %3: %4<b>%5</b>")
                        .arg(color, sequence_style::cellName(c), QString::number(model_->settings().temperature, 'f', 2),
                             prompt, model_->temperatureSample(c).toHtmlEscaped());
        }
        samples_->setText(rows.join(QStringLiteral("<br>")));
    }
}

// ---- The workspace entry ----

SequenceWorkspaceEntry::SequenceWorkspaceEntry()
    : ModelWorkspace<SequenceModel, SequenceWorkspace>(
          {QStringLiteral("sequence"), [] { return SequenceWorkspace::tr("Sequences"); },
           [] { return SequenceWorkspace::tr("RNN, LSTM and GRU unrolled through time, BPTT and training on toy tasks"); }}) {}

void SequenceWorkspaceEntry::setPresenterScale(double scale) {
    if (SequenceWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
