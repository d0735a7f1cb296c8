#include "cartpole_workspace.h"

#include "common/theme.h"
#include "rl/cartpole_model.h"
#include "rl/cartpole_view.h"
#include "rl/episode_feed.h"
#include "rl/rl_style.h"
#include "shell/tool_row.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

CartPoleWorkspace::CartPoleWorkspace(CartPoleModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      agentLabel_(new QLabel(this)),
      speedLabel_(new QLabel(this)),
      speedValue_(new QLabel(this)),
      agent_(new QComboBox(this)),
      trainingSpeedLabel_(new QLabel(this)),
      trainingSpeed_(new QComboBox(this)),
      speed_(new QSlider(Qt::Horizontal, this)),
      play_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      watch_(new QPushButton(this)),
      frame_(new QPushButton(this)),
      view_(new CartPoleView(this)),
      plot_(new QCustomPlot(this)),
      status_(new QLabel(this)),
      error_(new QLabel(this)) {
    setFont(theme::uiFont(13));

    agent_->setObjectName(QStringLiteral("cartpoleAgent"));
    for (int a = 0; a < kCartPoleAgents; ++a) agent_->addItem(agentTitle(a), CartPoleModel::agentNames().at(a));
    agent_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    agentLabel_->setBuddy(agent_);
    trainingSpeed_->setObjectName(QStringLiteral("cartpoleTrainingSpeed"));
    for (double rate : CartPoleModel::trainingSpeeds()) trainingSpeed_->addItem(QString(), rate);
    trainingSpeed_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    trainingSpeedLabel_->setBuddy(trainingSpeed_);
    speed_->setObjectName(QStringLiteral("cartpoleSpeed"));
    speed_->setRange(CartPoleModel::kMinSpeed, CartPoleModel::kMaxSpeed);
    speed_->setMinimumWidth(140);
    speed_->setMaximumWidth(220);
    speedLabel_->setBuddy(speed_);
    speedValue_->setMinimumWidth(90);
    play_->setObjectName(QStringLiteral("cartpolePlay"));
    reset_->setObjectName(QStringLiteral("cartpoleReset"));
    watch_->setObjectName(QStringLiteral("cartpoleWatch"));
    frame_->setObjectName(QStringLiteral("cartpoleFrame"));
    play_->setMinimumWidth(100);

    auto* settingsBar = new QWidget(this);
    auto* settingsLayout = new QHBoxLayout(settingsBar);
    settingsLayout->setContentsMargins(0, 0, 12, 0);
    settingsLayout->addWidget(agentLabel_);
    settingsLayout->addWidget(agent_);
    settingsLayout->addStretch(1);
    auto* speedBar = new QWidget(this);
    auto* speedLayout = new QHBoxLayout(speedBar);
    speedLayout->setContentsMargins(0, 0, 12, 0);
    speedLayout->addWidget(trainingSpeedLabel_);
    speedLayout->addWidget(trainingSpeed_);
    speedLayout->addSpacing(12);
    speedLayout->addWidget(speedLabel_);
    speedLayout->addWidget(speed_);
    speedLayout->addWidget(speedValue_);
    speedLayout->addStretch(1);
    auto* actionsBar = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actionsBar);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{play_, reset_, watch_, frame_}) actionsLayout->addWidget(w);
    actionsLayout->addStretch(1);  // stacked under the settings, the buttons keep their size

    view_->setObjectName(QStringLiteral("cartpoleView"));
    plot_->setObjectName(QStringLiteral("cartpoleReturnPlot"));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setBasePen(QPen(theme::mutedInk(), 1));
        axis->setTickPen(QPen(theme::mutedInk(), 1));
        axis->setSubTickPen(QPen(theme::mutedInk(), 1));
        axis->setTickLabelColor(theme::ink());
        axis->setLabelColor(theme::ink());
    }
    plot_->setBackground(theme::background());
    plot_->legend->setVisible(true);
    plot_->legend->setTextColor(theme::ink());
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setBrush(QColor(255, 255, 255, 210));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot_->setMinimumSize(360, 240);
    std::vector<QCPGraph*> graphs;
    for (int a = 0; a < kCartPoleAgents; ++a) {
        returns_[a] = plot_->addGraph();
        returns_[a]->removeFromLegend();
        graphs.push_back(returns_[a]);
    }
    for (int a = 0; a < kCartPoleAgents; ++a) {
        averages_[a] = plot_->addGraph();
        graphs.push_back(averages_[a]);
    }
    feed_ = std::make_unique<EpisodeFeed>(plot_, graphs, static_cast<long>(CartPoleModel::kMaxHistory));
    solved_ = new QCPItemStraightLine(plot_);
    solved_->point1->setCoords(0, CartPoleModel::kSolvedLine);
    solved_->point2->setCoords(1, CartPoleModel::kSolvedLine);
    solvedText_ = new QCPItemText(plot_);
    solvedText_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    solvedText_->position->setTypeY(QCPItemPosition::ptPlotCoords);
    solvedText_->position->setCoords(0.99, CartPoleModel::kSolvedLine);
    solvedText_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    solvedText_->setColor(QColor(0xb0, 0x00, 0x20));
    titles_ = theme::addAxisTitles(plot_);
    plot_->xAxis->setRange(0, 50);
    plot_->yAxis->setRange(0, 216);

    status_->setObjectName(QStringLiteral("cartpoleStatus"));
    status_->setWordWrap(true);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    auto* body = new QVBoxLayout;
    body->addWidget(view_, 2);
    body->addWidget(plot_, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto* tools = new ToolRow({settingsBar, speedBar, actionsBar});
    // No minimum of its own: a narrow page (presenter fonts beside the lesson panel) lets the
    // groups stack instead of widening the page past its window.
    tools->setMinimumWidth(1);
    layout->addWidget(tools);
    layout->addLayout(body, 1);
    layout->addWidget(status_);
    layout->addWidget(error_);

    // Intents.
    connect(agent_, &QComboBox::activated, this, [this](int i) { model_->selectAgent(i); });
    connect(speed_, &QSlider::valueChanged, model_, &CartPoleModel::setSpeed);
    connect(trainingSpeed_, &QComboBox::activated, this,
            [this](int i) { model_->setTrainingSpeed(trainingSpeed_->itemData(i).toDouble()); });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(reset_, &QPushButton::clicked, model_, &CartPoleModel::reset);
    connect(watch_, &QPushButton::clicked, this, [this] { model_->setWatching(!model_->isWatching()); });
    connect(frame_, &QPushButton::clicked, model_, &CartPoleModel::stepFrame);

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { model_->setTraining(!model_->isPlaying()); });
    shortcut(QKeySequence(Qt::Key_W), [this] { model_->setWatching(!model_->isWatching()); });
    shortcut(QKeySequence(Qt::Key_N), [this] { model_->stepFrame(); });
    shortcut(QKeySequence(Qt::Key_R), [this] { model_->reset(); });
    for (int a = 0; a < kCartPoleAgents; ++a)
        shortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + a)), [this, a] { model_->selectAgent(a); });

    connect(model_, &CartPoleModel::changed, this, &CartPoleWorkspace::refresh);
    restyle();
    retranslate();
}

CartPoleWorkspace::~CartPoleWorkspace() = default;

QString CartPoleWorkspace::agentTitle(int agent) {
    switch (agent) {
    case CartPoleModel::Dqn: return tr("DQN (replay + target network)");
    case CartPoleModel::DqnNoReplay: return tr("DQN without replay");
    case CartPoleModel::DqnNoTarget: return tr("DQN without target network");
    case CartPoleModel::Reinforce: return tr("REINFORCE");
    default: return tr("Actor-critic");
    }
}

QCPGraph* CartPoleWorkspace::returnGraph(int agent) const { return returns_[std::clamp(agent, 0, kCartPoleAgents - 1)]; }
QCPGraph* CartPoleWorkspace::averageGraph(int agent) const { return averages_[std::clamp(agent, 0, kCartPoleAgents - 1)]; }

void CartPoleWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void CartPoleWorkspace::restyle() {
    const double s = scale_;
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt * s));
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt * s));
    }
    plot_->legend->setFont(theme::uiFont(theme::kPlotLegendPt * s));
    theme::applyPlotScale(plot_, titles_, s);
    styledAgent_ = model_->agent();
    for (int a = 0; a < kCartPoleAgents; ++a) {
        QColor faint = rl_style::agentColor(a);
        const bool selected = a == styledAgent_;
        faint.setAlpha(selected ? 110 : 45);
        returns_[a]->setPen(QPen(faint, 1 * s));
        averages_[a]->setPen(QPen(rl_style::agentColor(a), (selected ? 4.0 : 2.0) * s));
    }
    solved_->setPen(QPen(QColor(0xb0, 0x00, 0x20), 1.5 * s, Qt::DashLine));
    solvedText_->setFont(theme::uiFont(12 * s));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CartPoleWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    view_->setPresenterScale(scale);
    restyle();
}

void CartPoleWorkspace::retranslate() {
    agentLabel_->setText(tr("&Agent:"));
    for (int a = 0; a < kCartPoleAgents; ++a) agent_->setItemText(a, agentTitle(a));
    agent_->setToolTip(tr("The agent drawn and watched, and drawn boldest on the plot (Alt+1 … Alt+5). All five "
                          "train side by side, one episode each in turn."));
    trainingSpeedLabel_->setText(tr("&Training:"));
    for (int i = 0; i < trainingSpeed_->count(); ++i) {
        const double rate = trainingSpeed_->itemData(i).toDouble();
        trainingSpeed_->setItemText(i, rate > 0 ? tr("%1 episodes/s").arg(rate) : tr("as fast as possible"));
    }
    trainingSpeed_->setToolTip(tr("How many training episodes per second, all agents together"));
    speedLabel_->setText(tr("&Watch speed:"));
    speed_->setToolTip(tr("Steps per second of the watched episode; %1 is real time (τ = 0.02 s per step)")
                           .arg(CartPoleModel::kRealTimeSpeed));
    play_->setToolTip(tr("Train the five agents, one episode each in turn, on the training thread (Space)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start every agent again from its seed (R)"));
    watch_->setToolTip(tr("Run one greedy episode of the selected agent with its current weights and watch it (W)"));
    frame_->setText(tr("Ne&xt frame"));
    frame_->setToolTip(tr("Stop the watched episode and show its next step (N)"));
    plot_->xAxis->setLabel(tr("Training episode"));
    titles_.setTexts(tr("Return (steps balanced) — thin: each episode, thick: mean of the last %1")
                         .arg(CartPoleModel::kAverageWindow),
                     QString());
    solvedText_->setText(tr("195: solved"));
    for (int a = 0; a < kCartPoleAgents; ++a) averages_[a]->setName(agentTitle(a));
    refresh();
}

void CartPoleWorkspace::refresh() {
    const int selected = model_->agent();
    {
        const QSignalBlocker b(agent_);
        agent_->setCurrentIndex(selected);
    }
    {
        const QSignalBlocker b(speed_);
        speed_->setValue(model_->speed());
    }
    {
        const QSignalBlocker b(trainingSpeed_);
        trainingSpeed_->setCurrentIndex(std::max(0, trainingSpeed_->findData(model_->trainingSpeed())));
    }
    speedValue_->setText(model_->speed() == CartPoleModel::kRealTimeSpeed ? tr("%1 /s (real time)").arg(model_->speed())
                                                                          : tr("%1 /s").arg(model_->speed()));
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    watch_->setText(model_->isWatching() ? tr("Stop &watching") : tr("&Watch the current policy"));
    frame_->setEnabled(model_->watch() && model_->frameIndex() < model_->watch()->rollout.steps);
    if (styledAgent_ != selected) restyle();

    std::vector<EpisodeSeries> series;
    for (int a = 0; a < kCartPoleAgents; ++a) series.push_back({&model_->returns(a), model_->episodes(a)});
    for (int a = 0; a < kCartPoleAgents; ++a) series.push_back({&model_->movingAverage(a), model_->episodes(a)});
    feed_->update(series, 200);

    CartPoleFrame frame;
    frame.state = model_->shownState();
    frame.action = model_->shownAction();
    frame.step = model_->frameIndex();
    frame.failed = model_->shownFailed();
    frame.truncated = model_->shownTruncated();
    frame.valid = true;
    view_->setFrame(frame);
    if (const CartPoleWatch* w = model_->watch())
        view_->setCaption(tr("%1 — greedy episode after %2 training episodes").arg(agentTitle(w->agent)).arg(w->trainedEpisodes));
    else if (model_->isWatching())
        view_->setCaption(tr("%1 — running a greedy episode…").arg(agentTitle(selected)));
    else
        view_->setCaption(tr("%1 — press \"Watch the current policy\"").arg(agentTitle(selected)));

    QStringList parts;
    for (int a = 0; a < kCartPoleAgents; ++a) {
        const QString part = tr("%1: episodes %2, mean return %3")
                                 .arg(agentTitle(a))
                                 .arg(model_->episodes(a))
                                 .arg(model_->averageReturn(a), 0, 'f', 1);
        parts << (a == selected ? QStringLiteral("<b>%1</b>").arg(part.toHtmlEscaped()) : part.toHtmlEscaped());
    }
    status_->setText(parts.join(QStringLiteral(" · ")));
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

// ---- The workspace entry ----

CartPoleWorkspaceEntry::CartPoleWorkspaceEntry()
    : ModelWorkspace<CartPoleModel, CartPoleWorkspace>(
          {QStringLiteral("cartpole"), [] { return CartPoleWorkspace::tr("CartPole"); },
           [] { return CartPoleWorkspace::tr("DQN with and without replay and target network, REINFORCE and actor-critic balance a pole"); }}) {}

void CartPoleWorkspaceEntry::setPresenterScale(double scale) {
    if (CartPoleWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
