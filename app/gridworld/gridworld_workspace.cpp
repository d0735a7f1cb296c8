#include "gridworld_workspace.h"

#include "common/undo_buttons.h"

#include "common/theme.h"
#include "gridworld/bellman_panel.h"
#include "gridworld/grid_view.h"
#include "gridworld/gridworld_model.h"
#include "shell/tool_row.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr char kPaletteCycle = 'c';
constexpr int kSideWidth = 480;  // the Bellman panel's room at presenter scale 1
constexpr int kPanelHeight = 210;
constexpr int kWideWidth = 1100;  // narrower pages (× presenter scale) put the side under the grid
const char kPalette[] = {kPaletteCycle, '#', '.', 'G', 'X', 'S'};

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
    plot->setMinimumSize(300, 200);
}

QWidget* group(std::initializer_list<QWidget*> widgets, int rightMargin = 12) {
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, rightMargin, 0);
    for (QWidget* w : widgets) layout->addWidget(w);
    layout->addStretch(1);  // stacked under a wider row, the controls keep their own width
    return bar;
}

// The largest |value| of the decision states (the diverging colour scale); 1 when all are 0.
double largest(const rl::GridWorld& world, const rl::QTable& Q) {
    double m = 0;
    for (int s = 0; s < world.cellCount(); ++s)
        if (world.isDecision(s))
            for (double q : Q[static_cast<std::size_t>(s)]) m = std::max(m, std::abs(q));
    return m > 0 && std::isfinite(m) ? m : 1.0;
}

}  // namespace

GridWorldWorkspace::GridWorldWorkspace(GridWorldModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      layoutLabel_(new QLabel),
      gammaLabel_(new QLabel),
      rewardLabel_(new QLabel),
      slipLabel_(new QLabel),
      modeLabel_(new QLabel),
      layout_(new QComboBox),
      mode_(new QComboBox),
      gammaSlider_(new QSlider(Qt::Horizontal)),
      gamma_(new QDoubleSpinBox),
      reward_(new QDoubleSpinBox),
      slip_(new QDoubleSpinBox),
      undo_(new QPushButton),
      redo_(new QPushButton),
      reset_(new QPushButton),
      edit_(new QCheckBox),
      palette_(new QComboBox),
      previous_(new QPushButton),
      next_(new QPushButton),
      converge_(new QPushButton),
      sweepLabel_(new QLabel),
      algorithmLabel_(new QLabel),
      epsilonLabel_(new QLabel),
      alphaLabel_(new QLabel),
      speedLabel_(new QLabel),
      algorithm_(new QComboBox),
      epsilon_(new QDoubleSpinBox),
      alpha_(new QDoubleSpinBox),
      randomStarts_(new QCheckBox),
      play_(new QPushButton),
      step_(new QPushButton),
      speed_(new QSlider(Qt::Horizontal)),
      fast_(new QCheckBox),
      episodes_(new QLabel),
      match_(new QLabel),
      grid_(new GridView),
      panelTitle_(new QLabel),
      bellman_(new BellmanPanel),
      plotTitle_(new QLabel),
      returns_(new QCustomPlot),
      legend_(new QLabel),
      error_(new QLabel),
      animation_(new QTimer(this)) {
    setFont(theme::uiFont(13));
    QFont titleFont = theme::uiFont(14);
    titleFont.setBold(true);

    layout_->setObjectName(QStringLiteral("gridworldLayout"));
    for (const QString& key : GridWorldModel::layoutNames()) layout_->addItem(key, key);
    layoutLabel_->setBuddy(layout_);
    mode_->setObjectName(QStringLiteral("gridworldMode"));
    for (const QString& key : GridWorldModel::modeNames()) mode_->addItem(key, key);
    modeLabel_->setBuddy(mode_);
    gammaSlider_->setObjectName(QStringLiteral("gridworldGammaSlider"));
    gammaSlider_->setRange(0, 100);
    gammaSlider_->setMinimumWidth(110);
    gamma_->setObjectName(QStringLiteral("gridworldGamma"));
    gamma_->setRange(0, 1);
    gamma_->setSingleStep(0.01);
    gamma_->setDecimals(2);
    gammaLabel_->setBuddy(gamma_);
    reward_->setObjectName(QStringLiteral("gridworldReward"));
    reward_->setRange(GridWorldModel::kMinStepReward, GridWorldModel::kMaxStepReward);
    reward_->setSingleStep(0.01);
    reward_->setDecimals(2);
    rewardLabel_->setBuddy(reward_);
    slip_->setObjectName(QStringLiteral("gridworldSlip"));
    slip_->setRange(0, 1);
    slip_->setSingleStep(0.05);
    slip_->setDecimals(2);
    slipLabel_->setBuddy(slip_);
    undo_->setObjectName(QStringLiteral("gridworldUndo"));
    redo_->setObjectName(QStringLiteral("gridworldRedo"));
    reset_->setObjectName(QStringLiteral("gridworldReset"));
    edit_->setObjectName(QStringLiteral("gridworldEdit"));
    palette_->setObjectName(QStringLiteral("gridworldPalette"));
    for (char type : kPalette) palette_->addItem(QString(), QChar::fromLatin1(type));
    for (QComboBox* box : {layout_, mode_, palette_}) box->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    previous_->setObjectName(QStringLiteral("gridworldPrevious"));
    next_->setObjectName(QStringLiteral("gridworldNext"));
    converge_->setObjectName(QStringLiteral("gridworldConverge"));
    sweepLabel_->setObjectName(QStringLiteral("gridworldSweep"));
    sweepLabel_->setMinimumWidth(200);

    algorithm_->setObjectName(QStringLiteral("gridworldAlgorithm"));
    for (const QString& key : GridWorldModel::algorithmNames()) algorithm_->addItem(key, key);
    algorithm_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    algorithmLabel_->setBuddy(algorithm_);
    epsilon_->setObjectName(QStringLiteral("gridworldEpsilon"));
    epsilon_->setRange(0, 1);
    epsilon_->setSingleStep(0.05);
    epsilon_->setDecimals(2);
    epsilonLabel_->setBuddy(epsilon_);
    alpha_->setObjectName(QStringLiteral("gridworldAlpha"));
    alpha_->setRange(GridWorldModel::kMinAlpha, 1);
    alpha_->setSingleStep(0.05);
    alpha_->setDecimals(2);
    alphaLabel_->setBuddy(alpha_);
    randomStarts_->setObjectName(QStringLiteral("gridworldRandomStarts"));
    play_->setObjectName(QStringLiteral("gridworldPlay"));
    play_->setMinimumWidth(100);
    step_->setObjectName(QStringLiteral("gridworldStep"));
    speed_->setObjectName(QStringLiteral("gridworldSpeed"));
    speed_->setRange(1, static_cast<int>(GridWorldModel::kMaxSpeed) - 1);
    speed_->setMinimumWidth(100);
    speedLabel_->setBuddy(speed_);
    fast_->setObjectName(QStringLiteral("gridworldFast"));
    episodes_->setObjectName(QStringLiteral("gridworldEpisodes"));
    match_->setObjectName(QStringLiteral("gridworldMatch"));

    // Toolbar: the world's settings, the edit tools and the actions, stacking when narrow.
    // Three rows, each two groups side by side while they fit and stacked when they do not
    // (presenter fonts): the world and the actions; the mode, editing and value iteration's
    // sweeps; Q-learning's settings and its play controls (shown in that mode only).
    auto* worldBar = group({layoutLabel_, layout_, gammaLabel_, gammaSlider_, gamma_, rewardLabel_, reward_, slipLabel_, slip_});
    auto* actionsBar = group({undo_, redo_, reset_}, 0);
    auto* toolbar = new ToolRow({worldBar, actionsBar});
    rows_.push_back({toolbar, {worldBar, actionsBar}});
    auto* modeBar = group({modeLabel_, mode_, edit_, palette_});
    valuesBar_ = group({previous_, next_, converge_, sweepLabel_}, 0);
    auto* modeRow = new ToolRow({modeBar, valuesBar_});
    rows_.push_back({modeRow, {modeBar, valuesBar_}});
    auto* learnSettings = group({algorithmLabel_, algorithm_, epsilonLabel_, epsilon_, alphaLabel_, alpha_, randomStarts_});
    auto* learnActions = group({play_, step_, speedLabel_, speed_, fast_}, 0);
    learningBar_ = new ToolRow({learnSettings, learnActions});
    rows_.push_back({learningBar_, {learnSettings, learnActions}});

    grid_->setObjectName(QStringLiteral("gridworldGrid"));
    for (QLabel* t : {panelTitle_, plotTitle_}) {
        t->setFont(titleFont);
        t->setWordWrap(true);
    }
    stylePlot(returns_);
    returns_->setObjectName(QStringLiteral("gridworldReturns"));
    returnGraph_ = returns_->addGraph();
    returnGraph_->setPen(QPen(theme::positive(), 1.5));
    returnGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    returnGraph_->setLineStyle(QCPGraph::lsNone);
    returnFeed_ = std::make_unique<StepHistoryFeed>(returns_, std::vector<QCPGraph*>{returnGraph_},
                                                    static_cast<long>(GridWorldModel::kMaxHistory));
    returns_->xAxis->setRange(0, 50);
    returns_->yAxis->setRange(-1, 1);
    returnTitles_ = theme::addAxisTitles(returns_);
    returns_->yAxis->ticker()->setTickCount(4);
    legend_->setWordWrap(true);
    episodes_->setWordWrap(true);
    match_->setWordWrap(true);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    // The side: the cell's panel and, in Q-learning mode, the returns. Beside the grid while the
    // page is wide; under it, the two side by side, when it is narrow (beside the lesson panel).
    auto* panelBox = new QWidget;
    auto* panelLayout = new QVBoxLayout(panelBox);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->addWidget(panelTitle_);
    auto* bellmanScroll = new QScrollArea;
    bellmanScroll_ = bellmanScroll;
    bellmanScroll->setMinimumHeight(kPanelHeight);
    bellmanScroll->setWidget(bellman_);
    bellmanScroll->setWidgetResizable(true);
    bellmanScroll->setFrameShape(QFrame::NoFrame);
    panelLayout->addWidget(bellmanScroll, 1);
    panelLayout->addWidget(episodes_);
    panelLayout->addWidget(match_);
    plotBox_ = new QWidget;
    auto* plotLayout = new QVBoxLayout(plotBox_);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(plotTitle_);
    plotLayout->addWidget(returns_, 1);
    side_ = new QWidget;
    sideLayout_ = new QBoxLayout(QBoxLayout::TopToBottom, side_);
    sideLayout_->setContentsMargins(0, 0, 0, 0);
    sideLayout_->addWidget(panelBox, 1);
    sideLayout_->addWidget(plotBox_, 1);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(grid_, 1);
    leftLayout->addWidget(legend_);
    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->addWidget(left);
    splitter_->addWidget(side_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);
    arrange();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(toolbar);
    layout->addWidget(modeRow);
    layout->addWidget(learningBar_);
    layout->addWidget(splitter_, 1);
    layout->addWidget(error_);

    // Intents.
    connect(layout_, &QComboBox::activated, this, [this](int i) { model_->setLayout(layout_->itemData(i).toString()); });
    connect(mode_, &QComboBox::activated, this, [this](int i) { model_->setMode(mode_->itemData(i).toString()); });
    connect(gammaSlider_, &QSlider::valueChanged, this, [this](int v) { model_->setGamma(v / 100.0); });
    auto spin = [this](QDoubleSpinBox* box, auto set) {
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, set](double v) { (model_->*set)(v); });
    };
    spin(gamma_, &GridWorldModel::setGamma);
    spin(reward_, &GridWorldModel::setStepReward);
    spin(slip_, &GridWorldModel::setSlip);
    spin(epsilon_, &GridWorldModel::setEpsilon);
    spin(alpha_, &GridWorldModel::setAlpha);
    connect(algorithm_, &QComboBox::activated, this, [this](int i) { model_->setAlgorithm(algorithm_->itemData(i).toString()); });
    connect(randomStarts_, &QCheckBox::toggled, model_, &GridWorldModel::setRandomStarts);
    new UndoButtons(undo_, redo_, model_->undoStack());
    connect(reset_, &QPushButton::clicked, model_, &GridWorldModel::reset);
    connect(previous_, &QPushButton::clicked, model_, &GridWorldModel::previousSweep);
    connect(next_, &QPushButton::clicked, model_, &GridWorldModel::nextSweep);
    connect(converge_, &QPushButton::clicked, model_, &GridWorldModel::runToConvergence);
    connect(play_, &QPushButton::clicked, this, [this] { model_->setPlaying(!model_->isPlaying()); });
    connect(step_, &QPushButton::clicked, this, [this] { model_->stepEpisode(); });
    connect(speed_, &QSlider::valueChanged, this, [this](int v) {
        if (!fast_->isChecked()) model_->setSpeed(v);
    });
    connect(fast_, &QCheckBox::toggled, this, [this](bool on) { model_->setSpeed(on ? 0 : speed_->value()); });
    connect(edit_, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(grid_, &GridView::cellClicked, this, &GridWorldWorkspace::clicked);
    connect(animation_, &QTimer::timeout, this, &GridWorldWorkspace::advanceAgent);

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { model_->setPlaying(!model_->isPlaying()); });
    shortcut(QKeySequence(Qt::Key_N), [this] { model_->stepEpisode(); });
    shortcut(QKeySequence(Qt::Key_Right), [this] { model_->nextSweep(); });
    shortcut(QKeySequence(Qt::Key_Left), [this] { model_->previousSweep(); });
    shortcut(QKeySequence(Qt::Key_End), [this] { model_->runToConvergence(); });
    shortcut(QKeySequence(Qt::Key_R), [this] { model_->reset(); });
    shortcut(QKeySequence(Qt::Key_E), [this] { edit_->toggle(); });
    shortcut(QKeySequence::Undo, [this] { model_->undoStack()->undo(); });
    shortcut(QKeySequence::Redo, [this] { model_->undoStack()->redo(); });

    connect(model_, &GridWorldModel::changed, this, &GridWorldWorkspace::refresh);
    retranslate();
    refresh();
}

void GridWorldWorkspace::clicked(int state) {
    if (edit_->isChecked()) {
        const char type = palette_->currentData().toChar().toLatin1();
        if (type == kPaletteCycle) model_->cycleCell(state);
        else model_->setCell(state, type);
    }
    model_->select(state);
}

void GridWorldWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::FontChange) arrange();
    QWidget::changeEvent(event);
}

void GridWorldWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    grid_->setPresenterScale(scale);
    bellman_->setPresenterScale(scale);
    for (QCPAxis* axis : {returns_->xAxis, returns_->yAxis}) {
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt * scale));
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt * scale));
        axis->setBasePen(QPen(theme::mutedInk(), scale));
        axis->setTickPen(QPen(theme::mutedInk(), scale));
    }
    theme::applyPlotScale(returns_, returnTitles_, scale);
    arrange();
    QFont titleFont = theme::uiFont(14 * scale);
    titleFont.setBold(true);
    for (QLabel* t : {panelTitle_, plotTitle_}) t->setFont(titleFont);
    returnGraph_->setPen(QPen(theme::positive(), 1.5 * scale));
    returnGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3 * scale));
    returns_->replot(QCustomPlot::rpQueuedReplot);
}

void GridWorldWorkspace::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange();
}

void GridWorldWorkspace::arrange() {
    if (!splitter_) return;
    const bool wide = width() >= kWideWidth * scale_;
    const Qt::Orientation orientation = wide ? Qt::Horizontal : Qt::Vertical;
    sideLayout_->setDirection(wide ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    side_->setMinimumWidth(wide ? static_cast<int>(kSideWidth * scale_) : 0);
    bellmanScroll_->setMinimumHeight(static_cast<int>((wide ? kPanelHeight : kPanelHeight / 2) * scale_));
    if (splitter_->orientation() != orientation) {
        splitter_->setOrientation(orientation);
        // Under the grid the side gets two fifths of the height, the grid the rest.
        const int room = wide ? splitter_->width() : splitter_->height();
        if (room > 0) splitter_->setSizes(wide ? QList<int>{room / 2, room / 2} : QList<int>{room * 3 / 5, room * 2 / 5});
    }
    // A row of groups may become as narrow as its widest group (it then stacks them), so the
    // page fits beside the lesson panel instead of scrolling sideways.
    for (const auto& [row, bars] : rows_) {
        int widest = 0;
        for (QWidget* bar : bars) widest = std::max(widest, bar->sizeHint().width());
        row->setMinimumWidth(widest);
    }
}

void GridWorldWorkspace::retranslate() {
    layoutLabel_->setText(tr("&Layout:"));
    layout_->setItemText(0, tr("classic 4 × 3"));
    layout_->setItemText(1, tr("small 3 × 3"));
    layout_->setItemText(2, tr("cliff"));
    layout_->setItemText(3, tr("maze"));
    layout_->setToolTip(tr("The grid: the classic 4 × 3 world with a wall, a goal (+1) and a pit (−1); a small 3 × 3 "
                           "one; a cliff walk beside a row of pits; a small maze. Choosing one again undoes your edits."));
    gammaLabel_->setText(tr("&γ:"));
    gammaSlider_->setToolTip(tr("The discount factor γ: how much a reward one step later is worth (0 = only the next "
                                "reward counts, 1 = all rewards count fully)"));
    gamma_->setToolTip(gammaSlider_->toolTip());
    rewardLabel_->setText(tr("Step &reward:"));
    reward_->setToolTip(tr("R for every step that does not enter the goal (+1) or the pit (−1): negative makes the agent "
                           "hurry, positive makes it wander"));
    slipLabel_->setText(tr("&Slip:"));
    slip_->setToolTip(tr("The probability that a move slips to one of the two perpendicular directions (half each): "
                         "P(s′|s,a) is no longer certain"));
    modeLabel_->setText(tr("&Mode:"));
    mode_->setItemText(0, tr("Value iteration"));
    mode_->setItemText(1, tr("Q-learning"));
    mode_->setToolTip(tr("Value iteration plans with the model P and R, sweep by sweep; Q-learning (or SARSA) learns "
                         "from episodes of an ε-greedy agent that knows neither"));
    edit_->setText(tr("&Edit cells"));
    edit_->setToolTip(tr("While on, a click on a cell changes it as the palette says (E)"));
    palette_->setItemText(0, tr("click cycles . # G X"));
    palette_->setItemText(1, tr("wall"));
    palette_->setItemText(2, tr("empty"));
    palette_->setItemText(3, tr("goal +1"));
    palette_->setItemText(4, tr("pit −1"));
    palette_->setItemText(5, tr("start"));
    palette_->setToolTip(tr("What a click on a cell makes of it in edit mode: cycle empty → wall → goal → pit, or one type"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start again: V_0 = 0 (sweep 0) and Q = 0 with the same seed (R)"));
    previous_->setText(tr("← Previous sweep"));
    previous_->setToolTip(tr("Show Vₖ₋₁ (Left arrow)"));
    next_->setText(tr("Next sweep →"));
    next_->setToolTip(tr("One more sweep of Bellman backups over every state: Vₖ₊₁ from Vₖ (Right arrow)"));
    converge_->setText(tr("Run to convergence"));
    converge_->setToolTip(tr("Jump to the last sweep, where Δ = maxₛ |Vₖ(s) − Vₖ₋₁(s)| ≤ %1 (End)")
                              .arg(GridWorldModel::kTolerance));
    algorithmLabel_->setText(tr("&Algorithm:"));
    algorithm_->setItemText(0, tr("Q-learning"));
    algorithm_->setItemText(1, tr("SARSA"));
    algorithm_->setToolTip(tr("Q-learning bootstraps from max_a′ Q(s′,a′) (off-policy); SARSA from Q(s′,a′) of the action "
                              "it really takes next (on-policy). Changing it starts learning again."));
    epsilonLabel_->setText(tr("&ε:"));
    epsilon_->setToolTip(tr("Exploration: with probability ε the agent takes a random action, otherwise the greedy one"));
    alphaLabel_->setText(tr("&α:"));
    alpha_->setToolTip(tr("Step size: Q(s,a) ← Q(s,a) + α [target − Q(s,a)]"));
    randomStarts_->setText(tr("Random starts"));
    randomStarts_->setToolTip(tr("Exploring starts: every episode begins in a random cell, so every state is visited"));
    step_->setText(tr("One &episode"));
    step_->setToolTip(tr("Run one episode and show the agent's path (N)"));
    speedLabel_->setText(tr("Spee&d:"));
    speed_->setToolTip(tr("Episodes per second while playing; the agent's moves are animated"));
    fast_->setText(tr("&Fast"));
    fast_->setToolTip(tr("As many episodes as the core can run, without animation"));
    returns_->xAxis->setLabel(tr("Episode"));
    returnTitles_.setTexts(tr("Return G₀"), QString());  // upright above the axis, not rotated
    plotTitle_->setText(tr("Return of every episode, G₀ = Σ γᵏ rₖ₊₁"));
    grid_->setToolTip(tr("Click a cell to see its Bellman backup (or its Q values); in edit mode a click changes the cell"));
    refresh();
    arrange();
}

GridPicture GridWorldWorkspace::picture() const {
    GridPicture pic;
    const rl::GridWorld& w = model_->world();
    pic.rows = w.rows();
    pic.cols = w.cols();
    for (int s = 0; s < w.cellCount(); ++s) pic.cells.push_back(w.cell(s));
    pic.selected = model_->selected();
    pic.editing = edit_->isChecked();
    if (model_->mode() == GridWorldModel::Mode::Values) {
        pic.show = GridPicture::Show::Values;
        pic.values = model_->shownSweep().V;
        pic.policy = model_->shownPolicy();
        double m = 0;
        for (double v : model_->planning().V) m = std::max(m, std::abs(v));
        for (double v : pic.values) m = std::max(m, std::abs(v));
        pic.scale = m > 0 && std::isfinite(m) ? m : 1.0;
    } else {
        pic.show = GridPicture::Show::QValues;
        pic.q = model_->learnedQ();
        pic.policy = model_->learnedPolicy();
        // No arrow where the agent has no preference yet (all four Q equal, e.g. never visited).
        for (std::size_t s = 0; s < pic.q.size() && s < pic.policy.size(); ++s) {
            const auto& q = pic.q[s];
            if (q[0] == q[1] && q[1] == q[2] && q[2] == q[3]) pic.policy[s] = -1;
        }
        pic.scale = std::max(largest(w, model_->planning().Q), largest(w, model_->learnedQ()));
        if (animated_ && !animated_->states.empty()) {
            const int last = static_cast<int>(animated_->states.size()) - 1;
            const int at = std::clamp(agentStep_, 0, last);
            pic.agent = animated_->states[static_cast<std::size_t>(at)];
            pic.trail.assign(animated_->states.begin(), animated_->states.begin() + at + 1);
        }
    }
    return pic;
}

void GridWorldWorkspace::refresh() {
    refreshControls();
    // A new episode: replay it (as fast as the pace leaves room for, or show its end when fast).
    if (model_->lastEpisode() != animated_) {
        animated_ = model_->lastEpisode();
        animation_->stop();
        if (!animated_) {
            agentStep_ = 0;
        } else if (model_->isFast()) {
            agentStep_ = static_cast<int>(animated_->states.size()) - 1;
        } else {
            agentStep_ = 0;
            const double moves = std::max<std::size_t>(1, animated_->states.size() - 1);
            const double budgetMs = model_->isPlaying() ? 1000.0 / model_->speed() : 1500.0;
            animation_->start(static_cast<int>(std::clamp(budgetMs / moves, 15.0, 250.0)));
        }
    }
    refreshGrid();
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

void GridWorldWorkspace::advanceAgent() {
    if (!animated_ || agentStep_ >= static_cast<int>(animated_->states.size()) - 1) {
        animation_->stop();
        return;
    }
    ++agentStep_;
    refreshGrid();
}

void GridWorldWorkspace::refreshGrid() {
    grid_->setPicture(picture());
    if (model_->mode() == GridWorldModel::Mode::Values) bellman_->setBackup(model_->backup());
    else bellman_->setComparison(model_->comparison());
}

void GridWorldWorkspace::refreshControls() {
    const GridSettings& s = model_->settings();
    const bool values = model_->mode() == GridWorldModel::Mode::Values;
    auto setSpin = [](QDoubleSpinBox* box, double v) {
        const QSignalBlocker b(box);
        box->setValue(v);
    };
    {
        const QSignalBlocker b(layout_);
        layout_->setCurrentIndex(std::max<int>(0, static_cast<int>(GridWorldModel::layoutNames().indexOf(s.layout))));
    }
    {
        const QSignalBlocker b(mode_);
        mode_->setCurrentIndex(values ? 0 : 1);
    }
    {
        const QSignalBlocker b(gammaSlider_);
        gammaSlider_->setValue(static_cast<int>(std::lround(s.gamma * 100)));
    }
    setSpin(gamma_, s.gamma);
    setSpin(reward_, s.stepReward);
    setSpin(slip_, s.slip);
    setSpin(epsilon_, s.epsilon);
    setSpin(alpha_, s.alpha);
    {
        const QSignalBlocker b(algorithm_);
        algorithm_->setCurrentIndex(s.method == rl::TdMethod::Sarsa ? 1 : 0);
    }
    {
        const QSignalBlocker b(randomStarts_);
        randomStarts_->setChecked(s.randomStarts);
    }
    {
        const QSignalBlocker b(fast_);
        fast_->setChecked(model_->isFast());
    }
    if (!model_->isFast()) {
        const QSignalBlocker b(speed_);
        speed_->setValue(static_cast<int>(std::lround(model_->speed())));
    }
    speed_->setEnabled(!model_->isFast());
    palette_->setEnabled(edit_->isChecked());
    valuesBar_->setVisible(values);
    learningBar_->setVisible(!values);
    plotTitle_->setVisible(!values);
    returns_->setVisible(!values);
    plotBox_->setVisible(!values);
    episodes_->setVisible(!values);
    match_->setVisible(!values);
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    play_->setToolTip(model_->isPlaying() ? tr("Pause the agent (Space)")
                                          : tr("Let the ε-greedy agent run episodes and learn Q (Space)"));

    const rl::ValueSweep& sweep = model_->shownSweep();
    QString counter = tr("k = %1, Δ = %2").arg(model_->sweep()).arg(QString::number(sweep.delta, 'g', 3));
    if (model_->sweep() == model_->lastSweep())
        counter += model_->planning().converged ? tr(" (converged)") : tr(" (stopped after %1 sweeps)").arg(model_->lastSweep());
    sweepLabel_->setText(counter);
    previous_->setEnabled(model_->sweep() > 0);
    next_->setEnabled(model_->sweep() < model_->lastSweep());
    converge_->setEnabled(model_->sweep() < model_->lastSweep());

    panelTitle_->setText(values ? tr("Bellman backup of the selected cell") : tr("Learned Q beside value iteration's Q*"));
    const auto& history = model_->returnHistory();
    QString episodes = tr("Episodes: %1").arg(model_->episodes());
    if (const auto& last = model_->lastEpisode())
        episodes += tr(" · the last one: length %1, return %2").arg(last->length).arg(BellmanPanel::number(last->discountedReturn));
    episodes_->setText(episodes);
    const int wrong = model_->mismatchedStates();
    if (model_->policyMatches())
        match_->setText(tr("<b style='color:#2e7d32'>✓ The greedy policy equals value iteration's in every cell.</b>"));
    else if (model_->episodes() == 0)
        match_->setText(tr("The greedy policy is compared with value iteration's once the agent has run an episode."));
    else
        match_->setText(tr("The greedy policy still differs from value iteration's in %n cell(s).", nullptr, wrong));
    legend_->setText(values ? tr("Colour: Vₖ(s), blue > 0, orange < 0 · arrow: the greedy action of Vₖ · S start, "
                                 "G goal (+1), X pit (−1), dark: wall")
                            : tr("Each cell: four triangles coloured by Q(s, a) for up, down, left, right · arrow: the "
                                 "greedy action · yellow disc: the agent and its path"));
    // The return plot: new episodes only; the value axis covers negative returns too.
    returnFeed_->update(model_->episodes(), {&history});
    if (!history.empty()) {
        const auto [lo, hi] = std::minmax_element(history.begin(), history.end());
        const double pad = std::max(0.05, 0.08 * (*hi - *lo));
        returns_->yAxis->setRange(std::min(0.0, *lo) - pad, std::max(0.0, *hi) + pad);
    } else {
        returns_->yAxis->setRange(-1, 1);
    }
}

// ---- The workspace entry ----

GridWorldWorkspaceEntry::GridWorldWorkspaceEntry()
    : ModelWorkspace<GridWorldModel, GridWorldWorkspace>(
          {QStringLiteral("gridworld"), [] { return GridWorldWorkspace::tr("Grid world"); },
           [] { return GridWorldWorkspace::tr("Value iteration sweep by sweep, Q-learning and SARSA on a grid world"); }}) {}

void GridWorldWorkspaceEntry::setPresenterScale(double scale) {
    if (GridWorldWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
