#include "gridworld_model.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns {

namespace {

char& typeAt(std::vector<std::string>& rows, int cols, int state) {
    return rows[static_cast<std::size_t>(state / cols)][static_cast<std::size_t>(state % cols)];
}

}  // namespace

// ---- The settings command ----

class GridSettingsCommand : public QUndoCommand {
public:
    GridSettingsCommand(GridWorldModel* model, GridSettings before, GridSettings after, const QString& text, int mergeId)
        : QUndoCommand(text), model_(model), before_(std::move(before)), after_(std::move(after)), mergeId_(mergeId) {}
    void undo() override { model_->restore(before_); }
    void redo() override { model_->restore(after_); }
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override {
        if (other->id() != id() || id() < 0) return false;
        after_ = static_cast<const GridSettingsCommand*>(other)->after_;
        return true;
    }

private:
    GridWorldModel* model_;
    GridSettings before_, after_;
    int mergeId_;
};

// ---- GridTask (worker thread) ----

void GridTask::setLearner(int generation, long request, const rl::GridWorldSpec& world, const rl::TabularOptions& options) {
    stopAll();
    generation_ = generation;
    request_ = request;
    learner_.reset();
    pending_.clear();
    last_.reset();
    try {
        learner_ = std::make_unique<rl::TabularLearner>(rl::GridWorld(world), options);
    } catch (const std::exception& error) {
        emit failed(QString::fromStdString(error.what()));
    }
    dirty_ = true;
    restartPacing();
    publishNow();
}

void GridTask::setRates(double alpha, double epsilon) {
    if (!learner_) return;
    learner_->options().alpha = alpha;
    learner_->options().epsilon = epsilon;
}

bool GridTask::trainOne() {
    if (!learner_) return false;
    auto episode = std::make_shared<rl::EpisodeRecord>(learner_->runEpisode());
    pending_.push_back(episode->discountedReturn);
    last_ = std::move(episode);
    dirty_ = true;
    return true;
}

bool GridTask::hasNews() const {
    if (!dirty_) return false;
    return !sinceSnapshot_.isValid() || sinceSnapshot_.elapsed() >= kMinSnapshotIntervalMs;
}

void GridTask::emitSnapshot(bool /*batchDone*/) {
    sinceSnapshot_.start();
    dirty_ = false;
    auto snapshot = std::make_shared<GridSnapshot>();
    snapshot->generation = generation_;
    snapshot->request = request_;
    if (learner_) {
        snapshot->episodes = learner_->episodesRun();
        snapshot->Q = learner_->Q();
    }
    snapshot->newReturns.swap(pending_);
    pending_.clear();
    snapshot->last = last_;
    snapshot->playing = playing();
    emit progress(std::move(snapshot));
}

// ---- GridWorldModel (GUI thread) ----

QStringList GridWorldModel::layoutNames() {
    return {QStringLiteral("classic"), QStringLiteral("small"), QStringLiteral("cliff"), QStringLiteral("maze")};
}

std::vector<std::string> GridWorldModel::layoutRows(const QString& name) {
    // The classic 4 × 3 world (a wall in the middle, +1 and −1 in the right column), a 3 × 3 one,
    // a cliff walk along a row of pits, and a small maze.
    if (name == QLatin1String("classic")) return {"...G", ".#.X", "S..."};
    if (name == QLatin1String("small")) return {"..G", ".#X", "S.."};
    if (name == QLatin1String("cliff")) return {"........", "........", "........", "SXXXXXXG"};
    if (name == QLatin1String("maze")) return {"S.#...", ".##.#.", "....#.", ".#.##X", ".#...G"};
    return {};
}

QStringList GridWorldModel::modeNames() { return {QStringLiteral("values"), QStringLiteral("qlearning")}; }
QStringList GridWorldModel::algorithmNames() { return {QStringLiteral("qlearning"), QStringLiteral("sarsa")}; }

GridWorldModel::GridWorldModel(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {
    qRegisterMetaType<GridSnapshotPtr>();
    settings_.rows = layoutRows(settings_.layout);
    task_ = new GridTask;
    connect(task_, &GridTask::progress, this, &GridWorldModel::receive, Qt::QueuedConnection);
    connect(
        task_, &GridTask::failed, this,
        [this](const QString& message) {
            lastError_ = message;
            notify();
        },
        Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    toTask([](GridTask& t) { t.setUnitsPerSecond(kDefaultSpeed); });
    rebuild();
    sweep_ = lastSweep();  // open on the converged values and their policy
    restart();
}

GridWorldModel::~GridWorldModel() { PacedWorker::shared().release(task_); }

template <typename Call>
void GridWorldModel::toTask(Call call) {
    PacedWorker::post<GridTask>(task_, std::function<void(GridTask&)>(std::move(call)));
}

void GridWorldModel::notify() {
    notifier_.schedule(this, [this] { emit changed(); });
}

bool GridWorldModel::refuse(const QString& message) {
    lastError_ = message;
    notify();
    return false;
}

rl::GridWorldSpec GridWorldModel::worldSpec() const {
    return rl::GridWorldSpec{settings_.rows, settings_.gamma, settings_.stepReward, settings_.slip};
}

rl::TabularOptions GridWorldModel::learnerOptions() const {
    rl::TabularOptions o;
    o.method = settings_.method;
    o.alpha = settings_.alpha;
    o.epsilon = settings_.epsilon;
    o.maxSteps = kMaxEpisodeSteps;
    o.randomStarts = settings_.randomStarts;
    o.seed = kSeed;
    return o;
}

bool GridWorldModel::push(const GridSettings& next, const QString& text, int mergeId) {
    if (next == settings_) return true;
    // Refuse a world the core would refuse, before it reaches the undo stack.
    try {
        rl::GridWorld probe(rl::GridWorldSpec{next.rows, next.gamma, next.stepReward, next.slip});
    } catch (const std::exception& error) {
        return refuse(QString::fromStdString(error.what()));
    }
    undo_->push(new GridSettingsCommand(this, settings_, next, text, mergeId));
    return true;
}

void GridWorldModel::apply(const GridSettings& settings, const QString& text) { push(settings, text, -1); }

bool GridWorldModel::setLayout(const QString& name) {
    const QString key = name.trimmed().toLower();
    const std::vector<std::string> rows = layoutRows(key);
    if (rows.empty()) return refuse(tr("Unknown layout “%1”: choose classic, small, cliff or maze.").arg(name));
    GridSettings next = settings_;
    next.layout = key;
    next.rows = rows;
    return push(next, tr("Layout"), -1);
}

bool GridWorldModel::setGamma(double gamma) {
    if (!(gamma >= 0.0 && gamma <= 1.0)) return refuse(tr("γ = %1 is outside the range 0 to 1.").arg(gamma));
    GridSettings next = settings_;
    next.gamma = gamma;
    return push(next, tr("Discount γ"), 1);
}

bool GridWorldModel::setStepReward(double reward) {
    if (!(reward >= kMinStepReward && reward <= kMaxStepReward))
        return refuse(tr("A step reward of %1 is outside the range %2 to %3.").arg(reward).arg(kMinStepReward).arg(kMaxStepReward));
    GridSettings next = settings_;
    next.stepReward = reward;
    return push(next, tr("Step reward"), 2);
}

bool GridWorldModel::setSlip(double slip) {
    if (!(slip >= 0.0 && slip <= 1.0)) return refuse(tr("A slip probability of %1 is outside the range 0 to 1.").arg(slip));
    GridSettings next = settings_;
    next.slip = slip;
    return push(next, tr("Slip probability"), 3);
}

bool GridWorldModel::setAlgorithm(const QString& name) {
    const int index = algorithmNames().indexOf(name.trimmed().toLower());
    if (index < 0) return refuse(tr("Unknown algorithm “%1”: choose qlearning or sarsa.").arg(name));
    GridSettings next = settings_;
    next.method = index == 1 ? rl::TdMethod::Sarsa : rl::TdMethod::QLearning;
    return push(next, tr("Algorithm"), -1);
}

bool GridWorldModel::setEpsilon(double epsilon) {
    if (!(epsilon >= 0.0 && epsilon <= 1.0)) return refuse(tr("ε = %1 is outside the range 0 to 1.").arg(epsilon));
    GridSettings next = settings_;
    next.epsilon = epsilon;
    return push(next, tr("Exploration ε"), 4);
}

bool GridWorldModel::setAlpha(double alpha) {
    if (!(alpha >= kMinAlpha && alpha <= 1.0))
        return refuse(tr("α = %1 is outside the range %2 to 1.").arg(alpha).arg(kMinAlpha));
    GridSettings next = settings_;
    next.alpha = alpha;
    return push(next, tr("Step size α"), 5);
}

void GridWorldModel::setRandomStarts(bool on) {
    GridSettings next = settings_;
    next.randomStarts = on;
    push(next, on ? tr("Random starts on") : tr("Random starts off"), -1);
}

bool GridWorldModel::setCell(int state, char type) {
    const rl::GridWorld& w = *world_;
    if (state < 0 || state >= w.cellCount()) return refuse(tr("There is no cell %1 in this grid.").arg(state));
    if (type != 'S' && type != 'G' && type != 'X' && type != '#' && type != '.')
        return refuse(tr("Unknown cell type “%1”: choose S, G, X, # or .").arg(QChar::fromLatin1(type)));
    GridSettings next = settings_;
    const char current = typeAt(next.rows, w.cols(), state);
    if (current == type) return true;
    if (current == 'S') return refuse(tr("The start cannot be removed: put the start somewhere else first."));
    if (type == 'S') typeAt(next.rows, w.cols(), w.start()) = '.';
    typeAt(next.rows, w.cols(), state) = type;
    return push(next, tr("Edit cell"), -1);
}

bool GridWorldModel::cycleCell(int state) {
    const rl::GridWorld& w = *world_;
    if (state < 0 || state >= w.cellCount()) return refuse(tr("There is no cell %1 in this grid.").arg(state));
    const char current = typeAt(settings_.rows, w.cols(), state);
    switch (current) {
        case '.': return setCell(state, '#');
        case '#': return setCell(state, 'G');
        case 'G': return setCell(state, 'X');
        case 'X': return setCell(state, '.');
        default: return refuse(tr("The start cannot be removed: put the start somewhere else first."));
    }
}

void GridWorldModel::restore(const GridSettings& settings) {
    const GridSettings before = settings_;
    settings_ = settings;
    lastError_.clear();
    const bool worldChanged = before.rows != settings.rows || before.gamma != settings.gamma ||
                              before.stepReward != settings.stepReward || before.slip != settings.slip;
    if (worldChanged) rebuild();
    if (worldChanged || before.method != settings.method || before.randomStarts != settings.randomStarts) {
        restart(true);
    } else if (before.alpha != settings.alpha || before.epsilon != settings.epsilon) {
        // ε and α change between episodes without starting again (as a schedule would).
        toTask([a = settings.alpha, e = settings.epsilon](GridTask& t) { t.setRates(a, e); });
    }
    notify();
}

void GridWorldModel::rebuild() {
    world_ = std::make_unique<rl::GridWorld>(worldSpec());
    rl::PlanningOptions options;
    options.tolerance = kTolerance;
    options.maxSweeps = kMaxSweeps;
    options.recordSweeps = true;
    planning_ = rl::valueIteration(*world_, options);
    sweep_ = std::clamp(sweep_, 0, lastSweep());
    if (selected_ >= world_->cellCount()) selected_ = -1;
}

void GridWorldModel::restart(bool keepPlaying) {
    const bool play = keepPlaying && playing_;
    const int generation = ++generation_;
    const long request = ++request_;
    playing_ = play;
    episodes_ = 0;
    returns_.clear();
    lastEpisode_.reset();
    learnedQ_.assign(static_cast<std::size_t>(world_->cellCount()), {0.0, 0.0, 0.0, 0.0});
    toTask([generation, request, play, spec = worldSpec(), options = learnerOptions()](GridTask& t) {
        t.setLearner(generation, request, spec, options);
        if (play) t.play();
    });
    notify();
}

void GridWorldModel::receive(const GridSnapshotPtr& snapshot) {
    if (!snapshot || snapshot->generation != generation_) return;
    episodes_ = snapshot->episodes;
    if (snapshot->Q.size() == static_cast<std::size_t>(world_->cellCount())) learnedQ_ = snapshot->Q;
    returns_.insert(returns_.end(), snapshot->newReturns.begin(), snapshot->newReturns.end());
    if (returns_.size() > kMaxHistory) returns_.erase(returns_.begin(), returns_.end() - static_cast<std::ptrdiff_t>(kMaxHistory));
    if (snapshot->last) lastEpisode_ = snapshot->last;
    if (snapshot->request == request_) playing_ = snapshot->playing;
    notify();
}

bool GridWorldModel::setMode(const QString& name) {
    const int index = modeNames().indexOf(name.trimmed().toLower());
    if (index < 0) return refuse(tr("Unknown mode “%1”: choose values or qlearning.").arg(name));
    setMode(static_cast<Mode>(index));
    return true;
}

void GridWorldModel::setMode(Mode mode) {
    if (mode == mode_) return;
    if (mode == Mode::Values && playing_) setPlaying(false);
    mode_ = mode;
    notify();
}

void GridWorldModel::setSweep(int k) {
    const int clamped = std::clamp(k, 0, lastSweep());
    if (clamped == sweep_) return;
    sweep_ = clamped;
    notify();
}

void GridWorldModel::select(int state) {
    const int s = state >= 0 && state < world_->cellCount() ? state : -1;
    if (s == selected_) return;
    selected_ = s;
    notify();
}

void GridWorldModel::setPlaying(bool on) {
    if (on && mode_ != Mode::QLearning) setMode(Mode::QLearning);
    playing_ = on;
    const long request = ++request_;
    toTask([on, request](GridTask& t) {
        t.setRequest(request);
        if (on) t.play();
        else t.pause();
    });
    notify();
}

void GridWorldModel::stepEpisode(int count) {
    if (mode_ != Mode::QLearning) setMode(Mode::QLearning);
    playing_ = false;
    const long request = ++request_;
    toTask([request, count](GridTask& t) {
        t.setRequest(request);
        t.runUnits(std::max(1, count));
    });
    notify();
}

void GridWorldModel::reset() {
    lastError_.clear();
    sweep_ = 0;
    restart();
}

void GridWorldModel::setSpeed(double episodesPerSecond) {
    const double rate = !(episodesPerSecond > 0) || episodesPerSecond >= kMaxSpeed ? 0.0 : episodesPerSecond;
    if (rate == speed_) return;
    speed_ = rate;
    toTask([rate](GridTask& t) { t.setUnitsPerSecond(rate > 0 ? rate : -1); });
    notify();
}

void GridWorldModel::setLayoutProperty(const QString& name) {
    const GridSettings before = settings_;
    if (setLayout(name) && settings_ == before) restart();
}

void GridWorldModel::setGammaProperty(double v) { setGamma(std::clamp(std::isfinite(v) ? v : settings_.gamma, 0.0, 1.0)); }
void GridWorldModel::setStepRewardProperty(double v) {
    setStepReward(std::clamp(std::isfinite(v) ? v : settings_.stepReward, kMinStepReward, kMaxStepReward));
}
void GridWorldModel::setSlipProperty(double v) { setSlip(std::clamp(std::isfinite(v) ? v : settings_.slip, 0.0, 1.0)); }
void GridWorldModel::setEpsilonProperty(double v) {
    setEpsilon(std::clamp(std::isfinite(v) ? v : settings_.epsilon, 0.0, 1.0));
}
void GridWorldModel::setAlphaProperty(double v) { setAlpha(std::clamp(std::isfinite(v) ? v : settings_.alpha, kMinAlpha, 1.0)); }

int GridWorldModel::mismatchedStates() const {
    const rl::GridWorld& w = *world_;
    const std::vector<int> learned = learnedPolicy();
    int wrong = 0;
    for (int s = 0; s < w.cellCount(); ++s) {
        if (!w.isDecision(s)) continue;
        const auto& qStar = planning_.Q[static_cast<std::size_t>(s)];
        const double best = *std::max_element(qStar.begin(), qStar.end());
        const int a = learned[static_cast<std::size_t>(s)];
        // Value iteration's policy: any action whose Q* ties the best (the core's tie rule).
        if (a < 0 || qStar[static_cast<std::size_t>(a)] < best - 1e-9 * (1 + std::abs(best))) ++wrong;
    }
    return wrong;
}

bool GridWorldModel::policyMatches() const { return episodes_ > 0 && mismatchedStates() == 0; }

Backup GridWorldModel::backup() const {
    Backup b;
    const rl::GridWorld& w = *world_;
    if (selected_ < 0 || selected_ >= w.cellCount() || !w.isDecision(selected_)) return b;
    b.state = selected_;
    b.cols = w.cols();
    b.k = sweep_;
    b.gamma = w.gamma();
    const std::vector<double>& V = shownSweep().V;
    const rl::QTable Q = rl::actionValues(w, V);
    for (int a = 0; a < rl::kActions; ++a) {
        BackupAction action;
        action.action = a;
        for (const rl::Transition& t : w.transitions(selected_, a))
            action.terms.push_back({t.next, t.probability, t.reward, V[static_cast<std::size_t>(t.next)]});
        action.q = Q[static_cast<std::size_t>(selected_)][static_cast<std::size_t>(a)];
        b.actions.push_back(std::move(action));
    }
    b.best = rl::greedyPolicy(w, Q)[static_cast<std::size_t>(selected_)];
    b.value = b.best >= 0 ? b.actions[static_cast<std::size_t>(b.best)].q : 0.0;
    return b;
}

QComparison GridWorldModel::comparison() const {
    QComparison out;
    const rl::GridWorld& w = *world_;
    if (selected_ < 0 || selected_ >= w.cellCount() || !w.isDecision(selected_)) return out;
    const auto s = static_cast<std::size_t>(selected_);
    out.state = selected_;
    out.cols = w.cols();
    out.learned = learnedQ_[s];
    out.optimal = planning_.Q[s];
    out.greedyLearned = learnedPolicy()[s];
    const double best = *std::max_element(out.optimal.begin(), out.optimal.end());
    out.learnedIsOptimal = out.greedyLearned >= 0 &&
                           out.optimal[static_cast<std::size_t>(out.greedyLearned)] >= best - 1e-9 * (1 + std::abs(best));
    return out;
}

}  // namespace ns
