#include "residual_model.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns {

// ---- ResidualTask (worker thread) ----

void ResidualTask::setSpec(int generation, long request, const cnn::ResidualSpec& spec) {
    stopAll();
    experiment_ = std::make_unique<cnn::ResidualExperiment>(spec);
    generation_ = generation;
    request_ = request;
    for (auto& losses : pending_) losses.clear();
    restartPacing();
    publishNow();
}

bool ResidualTask::canPlay() const {
    if (!experiment_) return false;
    return std::any_of(experiment_->runs().begin(), experiment_->runs().end(),
                       [](const cnn::ResidualRun& run) { return run.finite; });
}

bool ResidualTask::trainOne() {
    if (!experiment_) return false;
    experiment_->step();
    for (std::size_t v = 0; v < pending_.size(); ++v) {
        const cnn::ResidualRun& run = experiment_->runs()[v];
        pending_[v].push_back(run.finite ? run.loss : std::numeric_limits<double>::quiet_NaN());
    }
    return canPlay();
}

bool ResidualTask::hasNews() const {
    if (pending_.front().empty()) return false;
    return !sinceSnapshot_.isValid() || sinceSnapshot_.elapsed() >= kMinSnapshotIntervalMs;
}

void ResidualTask::emitSnapshot(bool /*batchDone*/) {
    if (!experiment_) return;
    sinceSnapshot_.start();
    auto snapshot = std::make_shared<ResidualSnapshot>();
    snapshot->generation = generation_;
    snapshot->request = request_;
    snapshot->steps = experiment_->steps();
    for (std::size_t v = 0; v < pending_.size(); ++v) {
        const cnn::ResidualRun& run = experiment_->runs()[v];
        snapshot->gradientNorms[v] = run.gradientNorms;
        snapshot->newLosses[v].swap(pending_[v]);
        pending_[v].clear();
        snapshot->accuracy[v] = experiment_->steps() > 0 ? run.accuracy : std::numeric_limits<double>::quiet_NaN();
        snapshot->finite[v] = run.finite;
    }
    snapshot->playing = playing();
    emit progress(std::move(snapshot));
}

// ---- ResidualModel (GUI thread) ----

namespace {
const std::vector<double>& emptyValues() {
    static const std::vector<double> none;
    return none;
}
}  // namespace

QStringList ResidualModel::activationNames() {
    return {QStringLiteral("sigmoid"), QStringLiteral("tanh"), QStringLiteral("relu")};
}

ResidualModel::ResidualModel(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ResidualSnapshotPtr>();
    accuracy_.fill(std::numeric_limits<double>::quiet_NaN());
    finite_.fill(true);
    task_ = new ResidualTask;
    connect(task_, &ResidualTask::progress, this, &ResidualModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    toTask([](ResidualTask& t) { t.setUnitsPerSecond(kStepsPerSecond); });
    restart();
}

ResidualModel::~ResidualModel() { PacedWorker::shared().release(task_); }

template <typename Call>
void ResidualModel::toTask(Call call) {
    PacedWorker::post<ResidualTask>(task_, std::function<void(ResidualTask&)>(std::move(call)));
}

std::size_t ResidualModel::index(int variant) {
    return static_cast<std::size_t>(std::clamp(variant, 0, cnn::kResidualVariants - 1));
}

QString ResidualModel::activation() const {
    return QString::fromUtf8(std::string(ns::name(spec_.activation)));
}

void ResidualModel::setActivation(const QString& name) {
    const QString key = name.trimmed().toLower();
    const auto parsed = parseActivation(key.toStdString());
    if (!activationNames().contains(key) || !parsed) {
        lastError_ = tr("Unknown activation “%1”: choose sigmoid, tanh or ReLU.").arg(name);
        emit changed();
        return;
    }
    lastError_.clear();
    spec_.activation = *parsed;
    restart();
}

void ResidualModel::setBlocks(int blocks) {
    if (blocks < kMinBlocks || blocks > kMaxBlocks) {
        lastError_ = tr("%1 residual blocks is outside the range %2 to %3.").arg(blocks).arg(kMinBlocks).arg(kMaxBlocks);
        emit changed();
        return;
    }
    lastError_.clear();
    spec_.blocks = blocks;
    restart();
}

void ResidualModel::setTraining(bool on) {
    playing_ = on;
    const long request = ++request_;
    toTask([on, request](ResidualTask& t) {
        t.setRequest(request);
        if (on) t.play();
        else t.pause();
    });
    emit changed();
}

void ResidualModel::reset() {
    lastError_.clear();
    restart();
}

void ResidualModel::restart() {
    const int generation = ++generation_;
    const long request = ++request_;
    playing_ = false;
    steps_ = 0;
    for (auto& n : norms_) n.clear();
    for (auto& l : losses_) l.clear();
    accuracy_.fill(std::numeric_limits<double>::quiet_NaN());
    finite_.fill(true);
    toTask([generation, request, spec = spec_](ResidualTask& t) { t.setSpec(generation, request, spec); });
    emit changed();
}

void ResidualModel::receive(const ResidualSnapshotPtr& snapshot) {
    if (!snapshot || snapshot->generation != generation_) return;
    steps_ = snapshot->steps;
    for (std::size_t v = 0; v < norms_.size(); ++v) {
        norms_[v] = snapshot->gradientNorms[v];
        std::vector<double>& history = losses_[v];
        history.insert(history.end(), snapshot->newLosses[v].begin(), snapshot->newLosses[v].end());
        if (history.size() > kMaxLossHistory)
            history.erase(history.begin(), history.end() - static_cast<std::ptrdiff_t>(kMaxLossHistory));
        accuracy_[v] = snapshot->accuracy[v];
        finite_[v] = snapshot->finite[v];
    }
    // A snapshot sent before the latest play/pause request reached the task says nothing
    // about whether it plays now.
    if (snapshot->request == request_) playing_ = snapshot->playing;
    emit changed();
}

const std::vector<double>& ResidualModel::gradientNorms(int variant) const {
    if (variant < 0 || variant >= cnn::kResidualVariants) return emptyValues();
    return norms_[index(variant)];
}

const std::vector<double>& ResidualModel::lossHistory(int variant) const {
    if (variant < 0 || variant >= cnn::kResidualVariants) return emptyValues();
    return losses_[index(variant)];
}

double ResidualModel::accuracy(int variant) const {
    if (variant < 0 || variant >= cnn::kResidualVariants) return std::numeric_limits<double>::quiet_NaN();
    return accuracy_[index(variant)];
}

bool ResidualModel::isFinite(int variant) const {
    if (variant < 0 || variant >= cnn::kResidualVariants) return false;
    return finite_[index(variant)];
}

}  // namespace ns
