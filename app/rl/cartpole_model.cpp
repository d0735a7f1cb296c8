#include "cartpole_model.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace ns {

namespace {
const std::vector<double>& emptyValues() {
    static const std::vector<double> none;
    return none;
}
}  // namespace

// ---- CartPoleTask (worker thread) ----

void CartPoleTask::setAgents(int generation, long request) {
    stopAll();
    generation_ = generation;
    request_ = request;
    ready_ = false;
    next_ = 0;
    for (auto& p : pending_) p.clear();
    episodes_.fill(0);
    try {
        for (int a = 0; a < 3; ++a) dqn_[static_cast<std::size_t>(a)] = std::make_unique<rl::DqnAgent>(CartPoleModel::dqnOptions(a));
        for (int a = 0; a < 2; ++a)
            pg_[static_cast<std::size_t>(a)] = std::make_unique<rl::PolicyGradientAgent>(CartPoleModel::policyOptions(3 + a));
        ready_ = true;
    } catch (const std::exception& error) {
        emit failed(QString::fromStdString(error.what()));
    }
    restartPacing();
    publishNow();
}

bool CartPoleTask::trainOne() {
    if (!ready_) return false;
    const int a = next_;
    next_ = (next_ + 1) % kCartPoleAgents;
    double total = 0;
    if (CartPoleModel::isDqn(a)) total = dqn_[static_cast<std::size_t>(a)]->runEpisode().totalReward;
    else total = pg_[static_cast<std::size_t>(a - 3)]->runEpisode().totalReward;
    pending_[static_cast<std::size_t>(a)].push_back(total);
    ++episodes_[static_cast<std::size_t>(a)];
    return true;
}

void CartPoleTask::watch(long id, int agent, std::uint64_t seed) {
    if (!ready_ || agent < 0 || agent >= kCartPoleAgents) return;
    auto out = std::make_shared<CartPoleWatch>();
    out->generation = generation_;
    out->id = id;
    out->agent = agent;
    out->seed = seed;
    out->trainedEpisodes = episodes_[static_cast<std::size_t>(agent)];
    if (CartPoleModel::isDqn(agent)) {
        const rl::DqnAgent* q = dqn_[static_cast<std::size_t>(agent)].get();
        out->rollout = rl::rolloutCartPole(seed, [q](const rl::CartPoleState& s) { return q->greedyAction(s); });
    } else {
        const rl::PolicyGradientAgent* p = pg_[static_cast<std::size_t>(agent - 3)].get();
        out->rollout = rl::rolloutCartPole(seed, [p](const rl::CartPoleState& s) { return p->greedyAction(s); });
    }
    emit watched(std::move(out));
}

bool CartPoleTask::hasNews() const {
    const bool any = std::any_of(pending_.begin(), pending_.end(), [](const auto& p) { return !p.empty(); });
    return any && (!sinceSnapshot_.isValid() || sinceSnapshot_.elapsed() >= kMinSnapshotIntervalMs);
}

void CartPoleTask::emitSnapshot(bool /*batchDone*/) {
    sinceSnapshot_.start();
    auto snapshot = std::make_shared<CartPoleSnapshot>();
    snapshot->generation = generation_;
    snapshot->request = request_;
    for (std::size_t a = 0; a < pending_.size(); ++a) {
        snapshot->newReturns[a].swap(pending_[a]);
        pending_[a].clear();
    }
    snapshot->episodes = episodes_;
    snapshot->playing = playing();
    emit progress(std::move(snapshot));
}

// ---- CartPoleModel ----

CartPoleModel::CartPoleModel(QObject* parent) : QObject(parent), frames_(new QTimer(this)) {
    qRegisterMetaType<CartPoleSnapshotPtr>();
    qRegisterMetaType<CartPoleWatchPtr>();
    task_ = new CartPoleTask;
    connect(task_, &CartPoleTask::progress, this, &CartPoleModel::receive, Qt::QueuedConnection);
    connect(task_, &CartPoleTask::watched, this, &CartPoleModel::receiveWatch, Qt::QueuedConnection);
    connect(
        task_, &CartPoleTask::failed, this,
        [this](const QString& message) {
            lastError_ = message;
            emit changed();
        },
        Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    toTask([](CartPoleTask& t) { t.setUnitsPerSecond(0); });  // as fast as the core allows
    frames_->setTimerType(Qt::PreciseTimer);
    frames_->setInterval(1000 / speed_);
    connect(frames_, &QTimer::timeout, this, &CartPoleModel::advanceFrame);
    restart();
}

CartPoleModel::~CartPoleModel() { PacedWorker::shared().release(task_); }

template <typename Call>
void CartPoleModel::toTask(Call call) {
    PacedWorker::post<CartPoleTask>(task_, std::function<void(CartPoleTask&)>(std::move(call)));
}

QStringList CartPoleModel::agentNames() {
    return {QStringLiteral("dqn"), QStringLiteral("dqn_no_replay"), QStringLiteral("dqn_no_target"),
            QStringLiteral("reinforce"), QStringLiteral("actor_critic")};
}

rl::DqnOptions CartPoleModel::dqnOptions(int agent) {
    rl::DqnOptions o;
    o.seed = 1;  // the three DQNs start from the same weights and warm-up: only the technique differs
    o.useReplay = agent != DqnNoReplay;
    o.useTargetNetwork = agent != DqnNoTarget;
    return o;
}

rl::PolicyGradientOptions CartPoleModel::policyOptions(int agent) {
    rl::PolicyGradientOptions o;
    o.seed = 1;
    if (agent == ActorCritic) {
        o.method = rl::PolicyGradientMethod::ActorCritic;
        o.learningRate = 1e-3;
        o.criticLearningRate = 5e-3;
    } else {
        o.method = rl::PolicyGradientMethod::Reinforce;
        o.learningRate = 1e-2;
    }
    return o;
}

bool CartPoleModel::setAgent(const QString& name) {
    const int index = agentNames().indexOf(name.trimmed().toLower());
    if (index < 0) {
        lastError_ = tr("Unknown agent “%1”: choose dqn, dqn_no_replay, dqn_no_target, reinforce or actor_critic.").arg(name);
        emit changed();
        return false;
    }
    lastError_.clear();
    selectAgent(index);
    return true;
}

void CartPoleModel::selectAgent(int agent) {
    agent = std::clamp(agent, 0, kCartPoleAgents - 1);
    if (agent == agent_) {
        emit changed();
        return;
    }
    agent_ = agent;
    // The shown episode was another agent's: stop it and show the next reset.
    watching_ = false;
    frames_->stop();
    awaited_ = 0;
    watch_.reset();
    frame_ = 0;
    emit changed();
}

void CartPoleModel::setTraining(bool on) {
    playing_ = on;
    const long request = ++request_;
    toTask([on, request](CartPoleTask& t) {
        t.setRequest(request);
        if (on) t.play();
        else t.pause();
    });
    emit changed();
}

void CartPoleModel::reset() {
    lastError_.clear();
    restart();
}

void CartPoleModel::restart() {
    const int generation = ++generation_;
    const long request = ++request_;
    playing_ = false;
    watching_ = false;
    frames_->stop();
    awaited_ = 0;
    watch_.reset();
    frame_ = 0;
    for (auto& r : returns_) r.clear();
    for (auto& m : averages_) m.clear();
    totals_.fill(0);
    toTask([generation, request](CartPoleTask& t) { t.setAgents(generation, request); });
    emit changed();
}

void CartPoleModel::setWatching(bool on) {
    if (!on) {
        watching_ = false;
        awaited_ = 0;
        frames_->stop();
        emit changed();
        return;
    }
    if (watching_) return;
    watching_ = true;
    const long id = ++watches_;
    awaited_ = id;
    const std::uint64_t seed = kWatchSeed + static_cast<std::uint64_t>(id);
    toTask([id, agent = agent_, seed](CartPoleTask& t) { t.watch(id, agent, seed); });
    emit changed();
}

void CartPoleModel::setSpeed(int stepsPerSecond) {
    speed_ = std::clamp(stepsPerSecond, kMinSpeed, kMaxSpeed);
    frames_->setInterval(std::max(1, static_cast<int>(std::lround(1000.0 / speed_))));
    emit changed();
}

void CartPoleModel::setTrainingSpeed(double episodesPerSecond) {
    trainingSpeed_ = std::max(0.0, episodesPerSecond);
    toTask([rate = trainingSpeed_](CartPoleTask& t) { t.setUnitsPerSecond(rate); });
    emit changed();
}

void CartPoleModel::stepFrame() {
    if (!watch_) return;
    frames_->stop();
    watching_ = false;
    awaited_ = 0;
    frame_ = std::min(frame_ + 1, watch_->rollout.steps);
    emit changed();
}

void CartPoleModel::receive(const CartPoleSnapshotPtr& snapshot) {
    if (!snapshot || snapshot->generation != generation_) return;
    for (std::size_t a = 0; a < returns_.size(); ++a) {
        std::vector<double>& r = returns_[a];
        std::vector<double>& m = averages_[a];
        for (double v : snapshot->newReturns[a]) {
            r.push_back(v);
            const std::size_t n = std::min<std::size_t>(kAverageWindow, r.size());
            m.push_back(std::accumulate(r.end() - static_cast<std::ptrdiff_t>(n), r.end(), 0.0) / static_cast<double>(n));
        }
        if (r.size() > kMaxHistory) {
            r.erase(r.begin(), r.end() - static_cast<std::ptrdiff_t>(kMaxHistory));
            m.erase(m.begin(), m.end() - static_cast<std::ptrdiff_t>(kMaxHistory));
        }
        totals_[a] = snapshot->episodes[a];
    }
    if (snapshot->request == request_) playing_ = snapshot->playing;
    emit changed();
}

void CartPoleModel::receiveWatch(const CartPoleWatchPtr& watch) {
    if (!watch || watch->generation != generation_ || watch->id != awaited_ || watch->agent != agent_) return;
    watch_ = watch;
    frame_ = 0;
    awaited_ = 0;
    frames_->start();
    emit changed();
}

void CartPoleModel::advanceFrame() {
    if (!watch_) {
        frames_->stop();
        return;
    }
    if (frame_ >= watch_->rollout.steps) {
        frames_->stop();
        watching_ = false;  // the episode is over; its last frame stays
    } else {
        ++frame_;
        if (frame_ >= watch_->rollout.steps) {
            frames_->stop();
            watching_ = false;
        }
    }
    emit changed();
}

double CartPoleModel::averageReturn(int agent) const {
    if (agent < 0 || agent >= kCartPoleAgents) return 0;
    const std::vector<double>& m = averages_[static_cast<std::size_t>(agent)];
    return m.empty() ? 0.0 : m.back();
}

long CartPoleModel::episodes(int agent) const {
    if (agent < 0 || agent >= kCartPoleAgents) return 0;
    return totals_[static_cast<std::size_t>(agent)];
}

const std::vector<double>& CartPoleModel::returns(int agent) const {
    if (agent < 0 || agent >= kCartPoleAgents) return emptyValues();
    return returns_[static_cast<std::size_t>(agent)];
}

const std::vector<double>& CartPoleModel::movingAverage(int agent) const {
    if (agent < 0 || agent >= kCartPoleAgents) return emptyValues();
    return averages_[static_cast<std::size_t>(agent)];
}

rl::CartPoleState CartPoleModel::shownState() const {
    if (watch_) return watch_->rollout.states.at(static_cast<std::size_t>(frame_));
    // Before a watch: where the next watched episode will start.
    rl::CartPole env(kWatchSeed + static_cast<std::uint64_t>(watches_ + 1));
    return env.reset();
}

int CartPoleModel::shownAction() const {
    if (!watch_ || frame_ >= watch_->rollout.steps) return -1;
    return watch_->rollout.actions.at(static_cast<std::size_t>(frame_));
}

bool CartPoleModel::shownFailed() const { return watch_ && frame_ == watch_->rollout.steps && watch_->rollout.failed; }

bool CartPoleModel::shownTruncated() const {
    return watch_ && frame_ == watch_->rollout.steps && !watch_->rollout.failed;
}

}  // namespace ns
