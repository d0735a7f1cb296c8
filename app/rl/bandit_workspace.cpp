#include "bandit_workspace.h"

#include "common/undo_buttons.h"

#include "common/theme.h"
#include "rl/bandit_model.h"
#include "rl/rl_style.h"
#include "shell/tool_row.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

void stylePlot(QCustomPlot* plot, bool legend) {
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
    plot->legend->setVisible(legend);
    plot->legend->setFont(theme::uiFont(theme::kPlotLegendPt));
    plot->legend->setTextColor(theme::ink());
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->setMinimumSize(320, 200);
}

QString strategyName(int s) {
    switch (s) {
    case 0: return BanditWorkspace::tr("greedy");
    case 1: return BanditWorkspace::tr("ε-greedy");
    default: return BanditWorkspace::tr("UCB");
    }
}

}  // namespace

BanditWorkspace::BanditWorkspace(BanditModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      armsLabel_(new QLabel(this)),
      epsilonLabel_(new QLabel(this)),
      ucbLabel_(new QLabel(this)),
      arms_(new QSpinBox(this)),
      epsilon_(new QDoubleSpinBox(this)),
      ucb_(new QDoubleSpinBox(this)),
      play_(new QPushButton(this)),
      step_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      reveal_(new QPushButton(this)),
      undo_(new QPushButton(this)),
      redo_(new QPushButton(this)),
      reward_(new QCustomPlot(this)),
      optimal_(new QCustomPlot(this)),
      means_(new QCustomPlot(this)),
      status_(new QLabel(this)),
      error_(new QLabel(this)) {
    setFont(theme::uiFont(13));

    arms_->setObjectName(QStringLiteral("banditArms"));
    arms_->setRange(BanditModel::kMinArms, BanditModel::kMaxArms);
    armsLabel_->setBuddy(arms_);
    epsilon_->setObjectName(QStringLiteral("banditEpsilon"));
    epsilon_->setRange(0.0, 1.0);
    epsilon_->setSingleStep(0.01);
    epsilon_->setDecimals(2);
    epsilonLabel_->setBuddy(epsilon_);
    ucb_->setObjectName(QStringLiteral("banditUcbC"));
    ucb_->setRange(0.0, BanditModel::kMaxUcbC);
    ucb_->setSingleStep(0.1);
    ucb_->setDecimals(1);
    ucbLabel_->setBuddy(ucb_);
    play_->setObjectName(QStringLiteral("banditPlay"));
    step_->setObjectName(QStringLiteral("banditStep"));
    reset_->setObjectName(QStringLiteral("banditReset"));
    reveal_->setObjectName(QStringLiteral("banditReveal"));
    reveal_->setCheckable(true);
    undo_->setObjectName(QStringLiteral("banditUndo"));
    redo_->setObjectName(QStringLiteral("banditRedo"));
    play_->setMinimumWidth(100);

    auto* settingsBar = new QWidget(this);
    auto* settingsLayout = new QHBoxLayout(settingsBar);
    settingsLayout->setContentsMargins(0, 0, 12, 0);
    settingsLayout->addWidget(armsLabel_);
    settingsLayout->addWidget(arms_);
    settingsLayout->addSpacing(12);
    settingsLayout->addWidget(epsilonLabel_);
    settingsLayout->addWidget(epsilon_);
    settingsLayout->addSpacing(12);
    settingsLayout->addWidget(ucbLabel_);
    settingsLayout->addWidget(ucb_);
    settingsLayout->addStretch(1);  // stacked, the controls keep their size
    auto* actionsBar = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actionsBar);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    actionsLayout->setContentsMargins(0, 0, 12, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{play_, step_, reset_}) actionsLayout->addWidget(w);
    actionsLayout->addStretch(1);
    auto* editBar = new QWidget(this);
    auto* editLayout = new QHBoxLayout(editBar);
    editLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{reveal_, undo_, redo_}) editLayout->addWidget(w);
    editLayout->addStretch(1);

    stylePlot(reward_, true);
    stylePlot(optimal_, true);
    stylePlot(means_, false);
    reward_->setObjectName(QStringLiteral("banditRewardPlot"));
    optimal_->setObjectName(QStringLiteral("banditOptimalPlot"));
    means_->setObjectName(QStringLiteral("banditMeansPlot"));
    for (int s = 0; s < kBanditStrategies; ++s) {
        const QColor color = rl_style::strategyColor(s);
        rewardGraphs_[s] = reward_->addGraph();
        rewardGraphs_[s]->setPen(QPen(color, 2));
        optimalGraphs_[s] = optimal_->addGraph();
        optimalGraphs_[s]->setPen(QPen(color, 2));
    }
    reward_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    optimal_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    rewardFeed_ = std::make_unique<StepHistoryFeed>(reward_, std::vector<QCPGraph*>(std::begin(rewardGraphs_), std::end(rewardGraphs_)),
                                                    BanditModel::kHorizon);
    optimalFeed_ = std::make_unique<StepHistoryFeed>(
        optimal_, std::vector<QCPGraph*>(std::begin(optimalGraphs_), std::end(optimalGraphs_)), BanditModel::kHorizon);
    rewardTitles_ = theme::addAxisTitles(reward_);
    optimalTitles_ = theme::addAxisTitles(optimal_);

    bars_ = new QCPBars(means_->xAxis, means_->yAxis);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(QColor(0x56, 0x6b, 0x80));
    bars_->setWidth(0.7);
    bestBar_ = new QCPBars(means_->xAxis, means_->yAxis);
    bestBar_->setPen(Qt::NoPen);
    bestBar_->setBrush(QColor(0x00, 0x9E, 0x73));
    bestBar_->setWidth(0.7);
    bars_->removeFromLegend();
    bestBar_->removeFromLegend();
    const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssSquare, QCPScatterStyle::ssCircle, QCPScatterStyle::ssDiamond};
    for (int s = 0; s < kBanditStrategies; ++s) {
        estimateGraphs_[s] = means_->addGraph();
        estimateGraphs_[s]->setLineStyle(QCPGraph::lsNone);
        estimateGraphs_[s]->setScatterStyle(QCPScatterStyle(shapes[s], rl_style::strategyColor(s), rl_style::strategyColor(s), 9));
    }
    means_->legend->setVisible(true);
    means_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    hidden_ = new QCPItemText(means_);
    hidden_->position->setType(QCPItemPosition::ptAxisRectRatio);
    hidden_->position->setCoords(0.42, 0.5);
    hidden_->setColor(theme::mutedInk());
    hidden_->setFont(theme::uiFont(14));
    meansTitles_ = theme::addAxisTitles(means_);
    means_->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());  // arms 1…k only
    means_->setMinimumHeight(170);

    status_->setObjectName(QStringLiteral("banditStatus"));
    status_->setWordWrap(true);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    auto* plots = new QGridLayout;
    plots->addWidget(reward_, 0, 0);
    plots->addWidget(optimal_, 0, 1);
    plots->addWidget(means_, 1, 0, 1, 2);
    plots->setRowStretch(0, 3);
    plots->setRowStretch(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto* tools = new ToolRow({settingsBar, actionsBar, editBar});
    // No minimum of its own: a narrow page (presenter fonts beside the lesson panel) lets the
    // groups stack instead of widening the page past its window.
    tools->setMinimumWidth(1);
    layout->addWidget(tools);
    layout->addLayout(plots, 1);
    layout->addWidget(status_);
    layout->addWidget(error_);

    // Intents.
    connect(arms_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v != model_->arms()) model_->setArms(v);
    });
    connect(epsilon_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (v != model_->epsilon()) model_->setEpsilon(v);
    });
    connect(ucb_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (v != model_->ucbC()) model_->setUcbC(v);
    });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(step_, &QPushButton::clicked, model_, &BanditModel::step);
    connect(reset_, &QPushButton::clicked, model_, &BanditModel::reset);
    connect(reveal_, &QPushButton::toggled, model_, &BanditModel::setRevealed);
    new UndoButtons(undo_, redo_, model_->undoStack());

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { model_->setTraining(!model_->isPlaying()); });
    shortcut(QKeySequence(Qt::Key_N), [this] { model_->step(); });
    shortcut(QKeySequence(Qt::Key_R), [this] { model_->reset(); });
    shortcut(QKeySequence(Qt::Key_V), [this] { model_->setRevealed(!model_->revealed()); });
    shortcut(QKeySequence::Undo, [this] { model_->undoStack()->undo(); });
    shortcut(QKeySequence::Redo, [this] { model_->undoStack()->redo(); });

    connect(model_, &BanditModel::changed, this, &BanditWorkspace::refresh);
    retranslate();
    refresh();
}

void BanditWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void BanditWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    for (QCustomPlot* plot : {reward_, optimal_, means_}) {
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt * scale));
            axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt * scale));
        }
        plot->legend->setFont(theme::uiFont(theme::kPlotLegendPt * scale));
    }
    theme::applyPlotScale(reward_, rewardTitles_, scale);
    theme::applyPlotScale(optimal_, optimalTitles_, scale);
    theme::applyPlotScale(means_, meansTitles_, scale);
    for (int s = 0; s < kBanditStrategies; ++s) {
        rewardGraphs_[s]->setPen(QPen(rl_style::strategyColor(s), 2 * scale));
        optimalGraphs_[s]->setPen(QPen(rl_style::strategyColor(s), 2 * scale));
    }
    hidden_->setFont(theme::uiFont(14 * scale));
    const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssSquare, QCPScatterStyle::ssCircle, QCPScatterStyle::ssDiamond};
    for (int s = 0; s < kBanditStrategies; ++s)
        estimateGraphs_[s]->setScatterStyle(
            QCPScatterStyle(shapes[s], rl_style::strategyColor(s), rl_style::strategyColor(s), 9 * scale));
    for (QCustomPlot* plot : {reward_, optimal_, means_}) plot->replot(QCustomPlot::rpQueuedReplot);
}

void BanditWorkspace::retranslate() {
    armsLabel_->setText(tr("&Arms k:"));
    arms_->setToolTip(tr("How many arms each bandit has. Every arm a pays a reward drawn from N(q*(a), 1); the "
                         "means q*(a) are hidden from the agents. Changing it starts the experiment again."));
    epsilonLabel_->setText(tr("&ε:"));
    epsilon_->setToolTip(tr("ε-greedy explores with probability ε (a random arm) and exploits otherwise (the arm with "
                            "the best estimate Q(a)). ε = 0 is the greedy agent. Changing it starts again."));
    ucbLabel_->setText(tr("UCB &c:"));
    ucb_->setToolTip(tr("UCB picks argmax Q(a) + c √(ln t / N(a)): the less an arm was tried, the larger its bonus. "
                        "c = 0 is greedy. Changing it starts again."));
    play_->setToolTip(tr("Play the three agents step by step, all on the same %1 bandits (Space)").arg(BanditModel::kRuns));
    step_->setText(tr("S&tep"));
    step_->setToolTip(tr("One more pull of every agent on every bandit (N)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Back to step 0 of the same bandits (R)"));
    reveal_->setText(tr("Re&veal q*"));
    reveal_->setToolTip(tr("Show the hidden mean reward q*(a) of every arm of the first bandit, the best in green (V)"));
    reward_->xAxis->setLabel(tr("Step t"));
    rewardTitles_.setTexts(tr("Average reward"), QString());
    optimal_->xAxis->setLabel(tr("Step t"));
    optimalTitles_.setTexts(tr("% optimal action"), QString());
    means_->xAxis->setLabel(tr("Arm a"));
    meansTitles_.setTexts(tr("The first bandit: the hidden q*(a) as bars, each agent's estimate Q(a) at this step as dots"), QString());
    hidden_->setText(tr("The arms' mean rewards are hidden:\nthe agents must find them by pulling. Press \"Reveal q*\"."));
    for (int s = 0; s < kBanditStrategies; ++s) {
        rewardGraphs_[s]->setName(strategyName(s));
        optimalGraphs_[s]->setName(strategyName(s));
        estimateGraphs_[s]->setName(tr("Q(a), %1").arg(strategyName(s)));
    }
    reward_->setToolTip(tr("The reward at step t, averaged over the %1 bandits").arg(BanditModel::kRuns));
    optimal_->setToolTip(tr("How many of the %1 bandits had their best arm pulled at step t").arg(BanditModel::kRuns));
    refresh();
}

void BanditWorkspace::refresh() {
    const BanditSettings& s = model_->settings();
    {
        const QSignalBlocker b(arms_);
        arms_->setValue(s.arms);
    }
    {
        const QSignalBlocker b(epsilon_);
        epsilon_->setValue(s.epsilon);
    }
    {
        const QSignalBlocker b(ucb_);
        ucb_->setValue(s.ucbC);
    }
    {
        const QSignalBlocker b(reveal_);
        reveal_->setChecked(model_->revealed());
    }
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    for (int i = 0; i < kBanditStrategies; ++i) {
        rewardGraphs_[i]->setName(i == 1 ? tr("ε-greedy (ε = %1)").arg(s.epsilon, 0, 'f', 2)
                                         : i == 2 ? tr("UCB (c = %1)").arg(s.ucbC, 0, 'f', 1) : strategyName(i));
        optimalGraphs_[i]->setName(rewardGraphs_[i]->name());
    }

    const long steps = model_->steps();
    std::vector<const std::vector<double>*> rewards, optimal;
    double lo = 0, hi = 1.5;
    for (int i = 0; i < kBanditStrategies; ++i) {
        rewards.push_back(&model_->averageReward(i));
        optimal.push_back(&model_->optimalPercent(i));
        for (double v : model_->averageReward(i)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    rewardFeed_->update(steps, rewards);
    optimalFeed_->update(steps, optimal);
    // Both over the whole horizon, so the curves grow into a fixed frame.
    reward_->xAxis->setRange(0, BanditModel::kHorizon);
    reward_->yAxis->setRange(lo - 0.1, hi + 0.1);
    optimal_->xAxis->setRange(0, BanditModel::kHorizon);
    optimal_->yAxis->setRange(0, 100);
    refreshMeans();

    QString text;
    if (model_->isComputing()) {
        text = tr("Computing the three agents on %1 bandits…").arg(BanditModel::kRuns);
    } else {
        text = tr("Step %1 of %2 · each curve averaged over %3 bandits with %4 arms")
                   .arg(steps)
                   .arg(BanditModel::kHorizon)
                   .arg(BanditModel::kRuns)
                   .arg(s.arms);
        if (steps > 0) {
            QStringList parts;
            for (int i = 0; i < kBanditStrategies; ++i)
                parts << tr("%1: reward %2, optimal %3 %")
                             .arg(strategyName(i))
                             .arg(model_->averageReward(i).back(), 0, 'f', 3)
                             .arg(model_->optimalPercent(i).back(), 0, 'f', 1);
            text += QStringLiteral("\n") + tr("At step %1 — ").arg(steps) + parts.join(QStringLiteral(" · "));
        }
    }
    status_->setText(text);
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

void BanditWorkspace::refreshMeans() {
    const std::vector<double>& m = model_->means();
    const int k = model_->arms();
    const bool show = model_->revealed() && !m.empty();
    QVector<double> keys, values, bestKey, bestValue;
    if (show) {
        const int best = model_->bestArm();
        for (int a = 0; a < static_cast<int>(m.size()); ++a) {
            if (a == best) {
                bestKey << a + 1;
                bestValue << m[static_cast<std::size_t>(a)];
            } else {
                keys << a + 1;
                values << m[static_cast<std::size_t>(a)];
            }
        }
    }
    bars_->setData(keys, values, true);
    bestBar_->setData(bestKey, bestValue, true);
    hidden_->setVisible(!show);
    // Room on the right for the legend, so it never covers an arm; ticks at the arms only.
    means_->xAxis->setRange(0.4, 0.4 + (k + 0.2) / 0.8);
    if (auto ticker = means_->xAxis->ticker().dynamicCast<QCPAxisTickerText>()) {
        ticker->clear();
        for (int a = 1; a <= k; ++a) ticker->addTick(a, QString::number(a));
    }
    double lo = -2, hi = 2;
    for (double v : m) lo = std::min(lo, v - 0.2), hi = std::max(hi, v + 0.2);
    // Each agent's estimates on this bandit, side by side around the arm's bar.
    for (int s = 0; s < kBanditStrategies; ++s) {
        const std::vector<double> q = model_->estimates(s);
        QVector<double> xs, ys;
        for (std::size_t a = 0; a < q.size(); ++a) {
            xs << static_cast<double>(a) + 1 + 0.22 * (s - 1);
            ys << q[a];
            lo = std::min(lo, q[a] - 0.2), hi = std::max(hi, q[a] + 0.2);
        }
        estimateGraphs_[s]->setData(xs, ys, true);
    }
    means_->yAxis->setRange(lo, hi);
    means_->replot(QCustomPlot::rpQueuedReplot);
}

// ---- The workspace entry ----

BanditWorkspaceEntry::BanditWorkspaceEntry()
    : ModelWorkspace<BanditModel, BanditWorkspace>(
          {QStringLiteral("bandit"), [] { return BanditWorkspace::tr("Bandit"); },
           [] { return BanditWorkspace::tr("Exploration vs exploitation: greedy, ε-greedy and UCB on the k-armed bandit"); }}) {}

void BanditWorkspaceEntry::setPresenterScale(double scale) {
    if (BanditWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
