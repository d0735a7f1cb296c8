#include "bandit_model.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <cmath>
#include <stdexcept>

namespace ns {

namespace {
const std::vector<double>& emptyValues() {
    static const std::vector<double> none;
    return none;
}
constexpr std::array<rl::BanditStrategy, kBanditStrategies> kStrategies{
    rl::BanditStrategy::Greedy, rl::BanditStrategy::EpsilonGreedy, rl::BanditStrategy::Ucb};
}  // namespace

// ---- The settings command ----

class BanditSettingsCommand : public QUndoCommand {
public:
    BanditSettingsCommand(BanditModel* model, BanditSettings before, BanditSettings after, const QString& text, int mergeId)
        : QUndoCommand(text), model_(model), before_(before), after_(after), mergeId_(mergeId) {}
    void undo() override { model_->restore(before_); }
    void redo() override { model_->restore(after_); }
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override {
        if (other->id() != id() || id() < 0) return false;
        after_ = static_cast<const BanditSettingsCommand*>(other)->after_;
        return true;
    }

private:
    BanditModel* model_;
    BanditSettings before_, after_;
    int mergeId_;
};

// ---- BanditTask (worker thread) ----

void BanditTask::setProblem(int generation, long request, const BanditSettings& settings) {
    stopAll();
    generation_ = generation;
    request_ = request;
    auto result = std::make_shared<BanditResult>();
    result->generation = generation;
    result->settings = settings;
    try {
        for (int s = 0; s < kBanditStrategies; ++s)
            result->curves[static_cast<std::size_t>(s)] = rl::runBanditTestbed(BanditModel::options(settings, s));
        result->means = rl::banditMeans(BanditModel::options(settings, 0), 0);
        for (int s = 0; s < kBanditStrategies; ++s)
            result->firstRun[static_cast<std::size_t>(s)] = rl::traceBanditRun(BanditModel::options(settings, s), 0);
    } catch (const std::exception& error) {
        result->error = QString::fromStdString(error.what());
        for (auto& c : result->curves) c = {};
        result->means.clear();
        for (auto& r : result->firstRun) r = {};
    }
    result_ = std::move(result);
    resultSent_ = false;
    steps_ = 0;
    published_ = -1;
    restartPacing();
    publishNow();
}

void BanditTask::rewind() {
    stopAll();
    steps_ = 0;
    restartPacing();
    publishNow();
}

void BanditTask::stepOnce() {
    stopAll();
    if (canPlay()) ++steps_;
    publishNow();
}

bool BanditTask::canPlay() const {
    return result_ && result_->error.isEmpty() && steps_ < BanditModel::kHorizon;
}

bool BanditTask::trainOne() {
    if (!canPlay()) return false;
    ++steps_;
    return true;
}

bool BanditTask::hasNews() const { return steps_ != published_; }

void BanditTask::emitSnapshot(bool /*batchDone*/) {
    auto snapshot = std::make_shared<BanditSnapshot>();
    snapshot->generation = generation_;
    snapshot->request = request_;
    snapshot->steps = steps_;
    snapshot->playing = playing();
    if (!resultSent_) snapshot->result = result_;
    resultSent_ = true;
    published_ = steps_;
    emit progress(std::move(snapshot));
}

// ---- BanditModel ----

BanditModel::BanditModel(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {
    qRegisterMetaType<BanditSnapshotPtr>();
    task_ = new BanditTask;
    connect(task_, &BanditTask::progress, this, &BanditModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    toTask([](BanditTask& t) { t.setUnitsPerSecond(kStepsPerSecond); });
    restart();
}

BanditModel::~BanditModel() { PacedWorker::shared().release(task_); }

template <typename Call>
void BanditModel::toTask(Call call) {
    PacedWorker::post<BanditTask>(task_, std::function<void(BanditTask&)>(std::move(call)));
}

rl::BanditOptions BanditModel::options(const BanditSettings& settings, int strategy) {
    rl::BanditOptions o;
    o.arms = settings.arms;
    o.steps = kHorizon;
    o.runs = kRuns;
    o.strategy = kStrategies[static_cast<std::size_t>(std::clamp(strategy, 0, kBanditStrategies - 1))];
    o.epsilon = settings.epsilon;
    o.ucbC = settings.ucbC;
    o.seed = kSeed;
    return o;
}

bool BanditModel::refuse(const QString& message) {
    lastError_ = message;
    emit changed();
    return false;
}

bool BanditModel::setArms(int arms) {
    if (arms < kMinArms || arms > kMaxArms)
        return refuse(tr("%1 arms is outside the range %2 to %3.").arg(arms).arg(kMinArms).arg(kMaxArms));
    BanditSettings next = settings_;
    next.arms = arms;
    apply(next, tr("Arms"), 1);
    return true;
}

bool BanditModel::setEpsilon(double epsilon) {
    if (!(epsilon >= 0.0 && epsilon <= 1.0))
        return refuse(tr("An ε of %1 is outside the range 0 to 1.").arg(epsilon));
    BanditSettings next = settings_;
    next.epsilon = epsilon;
    apply(next, tr("ε"), 2);
    return true;
}

bool BanditModel::setUcbC(double c) {
    if (!(c >= 0.0 && c <= kMaxUcbC)) return refuse(tr("A UCB c of %1 is outside the range 0 to %2.").arg(c).arg(kMaxUcbC));
    BanditSettings next = settings_;
    next.ucbC = c;
    apply(next, tr("UCB c"), 3);
    return true;
}

void BanditModel::apply(const BanditSettings& next, const QString& text, int mergeId) {
    lastError_.clear();
    if (next == settings_) {
        emit changed();
        return;
    }
    undo_->push(new BanditSettingsCommand(this, settings_, next, text, mergeId));
}

void BanditModel::restore(const BanditSettings& settings) {
    settings_ = settings;
    lastError_.clear();
    restart();
}

void BanditModel::restart() {
    const int generation = ++generation_;
    const long request = ++request_;
    playing_ = false;
    showSteps(0);
    result_.reset();
    toTask([generation, request, s = settings_](BanditTask& t) { t.setProblem(generation, request, s); });
    emit changed();
}

void BanditModel::setTraining(bool on) {
    if (on && steps_ >= kHorizon) reset();  // finished: play starts over
    playing_ = on;
    const long request = ++request_;
    toTask([on, request](BanditTask& t) {
        t.setRequest(request);
        if (on) t.play();
        else t.pause();
    });
    emit changed();
}

void BanditModel::step() {
    playing_ = false;
    const long request = ++request_;
    toTask([request](BanditTask& t) {
        t.setRequest(request);
        t.stepOnce();
    });
    emit changed();
}

void BanditModel::reset() {
    lastError_.clear();
    playing_ = false;
    const long request = ++request_;
    showSteps(0);
    toTask([request](BanditTask& t) {
        t.setRequest(request);
        t.rewind();
    });
    emit changed();
}

void BanditModel::setRevealed(bool on) {
    if (on == revealed_) return;
    revealed_ = on;
    emit changed();
}

void BanditModel::receive(const BanditSnapshotPtr& snapshot) {
    if (!snapshot || snapshot->generation != generation_) return;
    if (snapshot->result) {
        result_ = snapshot->result;
        if (!result_->error.isEmpty()) lastError_ = result_->error;
        showSteps(0);
    }
    if (!result_) return;
    showSteps(snapshot->steps);
    if (snapshot->request == request_) playing_ = snapshot->playing;
    emit changed();
}

void BanditModel::showSteps(int steps) {
    const int available = result_ ? static_cast<int>(result_->curves[0].averageReward.size()) : 0;
    steps_ = std::clamp(steps, 0, available);
    for (int s = 0; s < kBanditStrategies; ++s) {
        const auto i = static_cast<std::size_t>(s);
        std::vector<double>& reward = reward_[i];
        std::vector<double>& optimal = optimal_[i];
        const auto n = static_cast<std::size_t>(steps_);
        if (reward.size() > n) reward.resize(n), optimal.resize(n);
        if (!result_) continue;
        const rl::BanditCurves& c = result_->curves[i];
        for (std::size_t t = reward.size(); t < n; ++t) {
            reward.push_back(c.averageReward[t]);
            optimal.push_back(100.0 * c.optimalFraction[t]);
        }
    }
}

const std::vector<double>& BanditModel::averageReward(int strategy) const {
    if (strategy < 0 || strategy >= kBanditStrategies) return emptyValues();
    return reward_[static_cast<std::size_t>(strategy)];
}

const std::vector<double>& BanditModel::optimalPercent(int strategy) const {
    if (strategy < 0 || strategy >= kBanditStrategies) return emptyValues();
    return optimal_[static_cast<std::size_t>(strategy)];
}

const std::vector<double>& BanditModel::means() const { return result_ ? result_->means : emptyValues(); }

std::vector<double> BanditModel::estimates(int strategy) const {
    if (!result_ || steps_ < 1 || strategy < 0 || strategy >= kBanditStrategies) return {};
    const rl::BanditRun& run = result_->firstRun[static_cast<std::size_t>(strategy)];
    const std::size_t arms = result_->means.size(), row = static_cast<std::size_t>(steps_ - 1);
    if (run.estimates.size() < (row + 1) * arms) return {};
    return {run.estimates.begin() + static_cast<std::ptrdiff_t>(row * arms),
            run.estimates.begin() + static_cast<std::ptrdiff_t>((row + 1) * arms)};
}

std::vector<long> BanditModel::pulls(int strategy) const {
    if (!result_ || steps_ < 1 || strategy < 0 || strategy >= kBanditStrategies) return {};
    const rl::BanditRun& run = result_->firstRun[static_cast<std::size_t>(strategy)];
    const std::size_t arms = result_->means.size(), row = static_cast<std::size_t>(steps_ - 1);
    if (run.pulls.size() < (row + 1) * arms) return {};
    return {run.pulls.begin() + static_cast<std::ptrdiff_t>(row * arms),
            run.pulls.begin() + static_cast<std::ptrdiff_t>((row + 1) * arms)};
}

int BanditModel::bestArm() const {
    const std::vector<double>& m = means();
    if (m.empty()) return -1;
    return static_cast<int>(std::max_element(m.begin(), m.end()) - m.begin());
}

}  // namespace ns
