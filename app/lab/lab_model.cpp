#include "lab/lab_model.h"
#include "shell/frame_pacer.h"

#include "lab/lab_text.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

// One undoable edit of the lab: the settings and the data before and after. Consecutive edits
// with the same non-zero key (one slider being dragged) merge into one step.
class LabEdit : public QUndoCommand {
public:
    LabEdit(LabModel* model, const QString& text, int key, LabConfig before, LabConfig after,
            LabData beforeData, LabData afterData)
        : QUndoCommand(text), model_(model), key_(key), before_(std::move(before)),
          after_(std::move(after)), beforeData_(std::move(beforeData)), afterData_(std::move(afterData)) {}
    void undo() override { model_->applyData(beforeData_, before_); }
    void redo() override { model_->applyData(afterData_, after_); }
    int id() const override { return key_ == 0 ? -1 : key_; }
    bool mergeWith(const QUndoCommand* other) override {
        if (other->id() != id()) return false;
        const auto* edit = static_cast<const LabEdit*>(other);
        after_ = edit->after_;
        afterData_ = edit->afterData_;
        return true;
    }

private:
    LabModel* model_;
    int key_;
    LabConfig before_, after_;
    LabData beforeData_, afterData_;
};

enum MergeKey {
    kNoMerge = 0, kSamplesKey = 100, kNoiseKey, kTestKey, kGammaKey, kEtaKey, kBatchKey,
    kMomentumKey, kAdamKey, kScheduleKey, kLambdaKey, kDropoutKey, kPatienceKey, kBudgetKey,
    kUnitsKey = 200,  // + layer
};

Dataset datasetOf(const LabData& data, FeatureSet features, bool test) {
    const std::vector<Eigen::Index> rows = rowsOf(data, test);
    Matrix points(static_cast<Eigen::Index>(rows.size()), data.dimension());
    for (std::size_t i = 0; i < rows.size(); ++i) points.row(static_cast<Eigen::Index>(i)) = data.points.row(rows[i]);
    return {applyFeatures(points, features), targetsOf(data, rows)};
}

}  // namespace

LabSettings LabConfig::defaultTraining() {
    LabSettings s;
    s.loss.kind = LabLoss::Bce;
    s.optimizer.kind = OptimizerKind::MiniBatch;
    s.optimizer.batchSize = 10;
    s.schedule.eta = 0.03;
    s.regularization = {Penalty::None, 0.001};
    s.seed = 1;
    return s;
}

LabLoss defaultLoss(TaskKind task) {
    switch (task) {
        case TaskKind::Binary: return LabLoss::Bce;
        case TaskKind::Multiclass: return LabLoss::Ce;
        case TaskKind::Regression: return LabLoss::Mse;
    }
    return LabLoss::Bce;
}

bool lossFits(LabLoss loss, TaskKind task) {
    switch (loss) {
        case LabLoss::Mse:
        case LabLoss::Mae:
        case LabLoss::Huber: return true;
        case LabLoss::Bce: return task == TaskKind::Binary;
        case LabLoss::Ce: return task == TaskKind::Multiclass;
        case LabLoss::Focal: return task != TaskKind::Regression;
    }
    return false;
}

const std::vector<double>& LabModel::speedChoices() {
    static const std::vector<double> choices{1, 5, 20, 60, 200, 0};
    return choices;
}

const std::vector<Activation>& LabModel::hiddenActivations() {
    static const std::vector<Activation> all{Activation::Identity, Activation::Sigmoid,
                                             Activation::Tanh, Activation::Relu,
                                             Activation::LeakyRelu, Activation::Elu,
                                             Activation::Gelu};
    return all;
}

LabModel::LabModel(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this)) {
    qRegisterMetaType<LabSnapshotPtr>();
    worker_ = new LabWorker;
    connect(worker_, &LabWorker::progress, this, &LabModel::receive, Qt::QueuedConnection);
    framePacer_ = std::make_unique<FramePacer<Changes>>(
        this, [this](Changes c) { markDirty(c); },
        [this](Changes c) {
            dirty_ |= c;
            flush();
        });
    PacedWorker::shared().adopt(worker_);
    toWorker([rate = speedChoices()[static_cast<std::size_t>(speedIndex_)]](LabWorker& w) {
        w.setUnitsPerSecond(rate);
    });
    explorerShown_ = {Activation::Sigmoid, Activation::Tanh, Activation::Relu};
    data_ = generateDataset(config_.dataset);
    rebuild(false);
    refreshActivationCurves();
    lossCurves_ = ns::lossCurves(1, 0, 2);
}

LabModel::~LabModel() { PacedWorker::shared().release(worker_); }

template <typename Call>
void LabModel::toWorker(Call call) {
    QMetaObject::invokeMethod(worker_, [worker = worker_, call]() { call(*worker); },
                              Qt::QueuedConnection);
}

std::vector<int> LabModel::layerSizesFor(const LabConfig& config, const LabData& data) {
    std::vector<int> sizes{inputCount(config.features, data.dimension())};
    sizes.insert(sizes.end(), config.hidden.begin(), config.hidden.end());
    sizes.push_back(data.task == TaskKind::Multiclass ? data.classes : 1);
    return sizes;
}

std::vector<Activation> LabModel::layerActivationsFor(const LabConfig& config, const LabData& data) {
    std::vector<Activation> f = config.activations;
    switch (data.task) {
        case TaskKind::Binary: f.push_back(Activation::Sigmoid); break;
        case TaskKind::Multiclass: f.push_back(Activation::Softmax); break;
        case TaskKind::Regression: f.push_back(Activation::Identity); break;
    }
    return f;
}

QString LabModel::checkConfig(const LabConfig& c) {
    if (c.hidden.size() > static_cast<std::size_t>(kMaxHiddenLayers))
        return tr("at most %1 hidden layers").arg(kMaxHiddenLayers);
    if (c.activations.size() != c.hidden.size()) return tr("one activation per hidden layer");
    for (int units : c.hidden)
        if (units < 1 || units > kMaxUnits) return tr("a hidden layer has 1 to %1 neurons").arg(kMaxUnits);
    for (Activation f : c.activations)
        if (std::find(hiddenActivations().begin(), hiddenActivations().end(), f) == hiddenActivations().end())
            return tr("%1 is not a hidden-layer activation").arg(labtext::activation(f));
    if (c.features == 0 || c.features >= (1u << kFeatureCount)) return tr("choose at least one input feature");
    if (const std::string e = checkSettings(c.training); !e.empty()) return QString::fromStdString(e);
    return {};
}

// ---------------------------------------------------------------- rebuilding and training

void LabModel::rebuild(bool keepRun) {
    if (keepRun) archiveRun();
    train_ = datasetOf(data_, config_.features, false);
    test_ = datasetOf(data_, config_.features, true);
    initial_ = Mlp::initialized(layerSizes(), layerActivations(), Initialization::Xavier, config_.initSeed);
    network_ = trainedNetwork_ = initial_;
    workerGrid_.reset();
    batchNorm_ = LabBatchNorm::fresh(initial_, config_.training.batchNorm);
    batchMeans_.clear();
    batchVariances_.clear();
    history_.clear();
    epoch_ = 0;
    status_ = LabStatus::Ready;
    reason_ = DivergenceReason::None;
    optimizerState_ = {};
    stopping_ = EarlyStopping{config_.training.patience};
    playing_ = false;
    ++generation_;
    runConfig_ = config_;
    currentClass_ = std::clamp(currentClass_, 0, std::max(0, data_.classes - 1));
    positiveClass_ = std::clamp(positiveClass_, 0, std::max(0, data_.classes - 1));
    auto trainer = std::make_shared<LabTrainer>(initial_, train_, test_, config_.training,
                                                data_.task != TaskKind::Regression);
    sendGridRequest();
    toWorker([generation = generation_, trainer](LabWorker& w) { w.setTrainer(generation, trainer); });
    markDirty(NetworkChanged | HistoryChanged | StatusChanged | ConfigChanged | DataChanged | MetricsChanged);
}

void LabModel::archiveRun() {
    if (history_.empty()) return;
    runs_.push_back({nextRun_++, runConfig_, history_});
    if (runs_.size() > static_cast<std::size_t>(kMaxRuns)) runs_.erase(runs_.begin());
    markDirty(RunsChanged);
}

void LabModel::sendSettings() {
    toWorker([settings = config_.training](LabWorker& w) { w.setSettings(settings); });
}

void LabModel::play() {
    if (status_ != LabStatus::Ready) {
        markDirty(StatusChanged);  // the view repeats why training cannot go on
        return;
    }
    playing_ = true;
    markDirty(StatusChanged);
    toWorker([](LabWorker& w) { w.play(); });
}

void LabModel::pause() {
    playing_ = false;
    markDirty(StatusChanged);
    toWorker([](LabWorker& w) { w.pause(); });
}

void LabModel::togglePlay() { playing_ ? pause() : play(); }

void LabModel::stepEpoch() {
    if (playing_) pause();
    trainEpochs(1);
}

void LabModel::trainEpochs(long count) {
    toWorker([count](LabWorker& w) { w.runUnits(count); });
}

void LabModel::reset() {
    archiveRun();
    playing_ = false;
    history_.clear();
    epoch_ = 0;
    network_ = trainedNetwork_ = initial_;
    workerGrid_.reset();
    batchNorm_ = LabBatchNorm::fresh(initial_, config_.training.batchNorm);
    batchMeans_.clear();
    batchVariances_.clear();
    status_ = LabStatus::Ready;
    reason_ = DivergenceReason::None;
    optimizerState_ = {};
    stopping_ = EarlyStopping{config_.training.patience};
    ++generation_;
    runConfig_ = config_;
    toWorker([generation = generation_](LabWorker& w) { w.reset(generation); });
    markDirty(NetworkChanged | HistoryChanged | StatusChanged);
}

void LabModel::setSpeedIndex(int index) {
    index = std::clamp(index, 0, static_cast<int>(speedChoices().size()) - 1);
    if (index == speedIndex_) return;
    speedIndex_ = index;
    const double rate = speedChoices()[static_cast<std::size_t>(index)];
    toWorker([rate](LabWorker& w) { w.setUnitsPerSecond(rate); });
    markDirty(ConfigChanged);
}

void LabModel::receive(const LabSnapshotPtr& snapshot) {
    if (snapshot->generation != generation_) return;  // from a trainer since replaced or reset
    Changes changes = NetworkChanged | MetricsChanged;
    if (!snapshot->newEpochs.empty()) {
        history_.insert(history_.end(), snapshot->newEpochs.begin(), snapshot->newEpochs.end());
        runConfig_ = config_;
        changes |= HistoryChanged;
    }
    const LabTrainerState& s = snapshot->state;
    if (s.status != status_ || snapshot->playing != playing_) changes |= StatusChanged;
    trainedNetwork_ = s.network;
    batchNorm_ = s.batchNorm;
    network_ = s.testNetwork();
    batchMeans_ = s.batchMeans;
    batchVariances_ = s.batchVariances;
    optimizerState_ = s.optimizer;
    stopping_ = s.stopping;
    epoch_ = s.epoch;
    status_ = s.status;
    reason_ = s.reason;
    divergedLearningRate_ = s.divergedLearningRate;
    playing_ = snapshot->playing;
    workerGrid_ = snapshot->grid;
    framePacer_->offer(changes, snapshot->playing, snapshot->batchDone || (changes & StatusChanged));
    if (snapshot->batchDone) emit batchFinished();
}

QString LabModel::statusMessage() const {
    switch (status_) {
        case LabStatus::Ready: return {};
        case LabStatus::Diverged: {
            QString why;
            switch (reason_) {
                case DivergenceReason::NonFiniteLoss: why = tr("the loss is no longer a finite number"); break;
                case DivergenceReason::NonFiniteGradient: why = tr("a gradient is no longer a finite number"); break;
                case DivergenceReason::WeightsExploded: why = tr("a weight grew beyond 10⁶"); break;
                case DivergenceReason::None: break;
            }
            return tr("Training diverged in epoch %1 at learning rate %2: %3. The weights are those "
                      "of the last good epoch. Lower the learning rate and press Reset.")
                .arg(epoch_ + 1)
                .arg(labtext::number(divergedLearningRate_))
                .arg(why);
        }
        case LabStatus::EarlyStopped:
            return tr("Stopped early at epoch %1: the test loss has not improved for %2 epochs "
                      "(best %3 at epoch %4).")
                .arg(epoch_)
                .arg(stopping_.sinceBest)
                .arg(labtext::number(stopping_.best))
                .arg(stopping_.bestEpoch);
        case LabStatus::BudgetReached:
            return tr("Reached the budget of %1 epochs.").arg(config_.training.epochBudget);
    }
    return {};
}

// ---------------------------------------------------------------- batched notification

void LabModel::markDirty(Changes changes) {
    dirty_ |= changes;
    if (flushScheduled_) return;
    flushScheduled_ = true;
    QTimer::singleShot(0, this, &LabModel::flush);
}

void LabModel::flush() {
    flushScheduled_ = false;
    const Changes changes = dirty_;
    dirty_ = {};
    if (changes & (DataChanged | ConfigChanged)) {
        refreshDerived();
    } else if ((changes & NetworkChanged) && workerGrid_) {
        std::swap(grid_, *workerGrid_);  // evaluated on the training thread for this network_
        workerGrid_.reset();
        refreshMetrics();
    } else if (changes & NetworkChanged) {
        refreshDerived();
    } else if (changes & MetricsChanged) {
        refreshMetrics();
    }
    if (changes) emit changed(changes);
}

GridSpec LabModel::gridSpec() const {
    GridSpec spec;
    spec.nx = spec.ny = kGridResolution;
    if (config_.dataset.kind == DatasetKind::Imported && data_.size() > 0) {
        // Imported data has its own range: the plane around its first two coordinates.
        const int d = std::min(2, data_.dimension());
        const double x0 = data_.points.col(0).minCoeff(), x1 = data_.points.col(0).maxCoeff();
        const double y0 = d > 1 ? data_.points.col(1).minCoeff() : -1, y1 = d > 1 ? data_.points.col(1).maxCoeff() : 1;
        const double px = std::max(1e-6, 0.08 * (x1 - x0)), py = std::max(1e-6, 0.08 * (y1 - y0));
        spec.xMin = x0 - px;
        spec.xMax = x1 + px;
        spec.yMin = y0 - py;
        spec.yMax = y1 + py;
    }
    return spec;
}

void LabModel::sendGridRequest() {
    toWorker([request = LabGridRequest{gridSpec(), config_.features, data_.dimension()}](LabWorker& w) {
        w.setGrid(request);
    });
}

void LabModel::refreshDerived() {
    workerGrid_.reset();
    evaluateGrid(network_, config_.features, data_.dimension(), gridSpec(), grid_);
    refreshMetrics();
}

void LabModel::refreshMetrics() {
    const bool onTest = metricsOnTest();
    const Dataset& set = onTest ? test_ : train_;
    Trace& trace = onTest ? testTrace_ : trainTrace_;
    if (set.size() == 0 || set.X.cols() != network_.inputs()) {
        metrics_ = {};
        return;
    }
    network_.forward(set.X, trace);
    metrics_ = metricsReport(trace.output(), set.Y, data_.task, data_.classes, threshold_, positiveClass_);
}

void LabModel::refreshActivationCurves() {
    activationCurves_.clear();
    for (Activation f : explorerShown_)
        activationCurves_.push_back(activationCurve(f, takesAlpha(f) ? explorerAlpha_ : 0.0, -5, 5, 401));
    markDirty(ExplorerChanged);
}

// ---------------------------------------------------------------- undoable edits

void LabModel::setConfig(const LabConfig& requested, const QString& what, int mergeKey) {
    LabConfig c = requested;
    LabData data = data_;
    const bool generated = c.dataset.kind != DatasetKind::Imported;
    if (generated && (c.dataset != config_.dataset || config_.dataset.kind == DatasetKind::Imported)) {
        try {
            data = generateDataset(c.dataset);
        } catch (const std::invalid_argument&) {
            return;  // the controls never offer such values
        }
    } else if (!generated && c.dataset.testFraction != config_.dataset.testFraction) {
        splitTrainTest(data, c.dataset.testFraction, c.dataset.seed);
    }
    if (!lossFits(c.training.loss.kind, data.task)) c.training.loss.kind = defaultLoss(data.task);
    if (data.dimension() != 2) c.features = kDefaultFeatures;
    if (!checkConfig(c).isEmpty()) return;
    if (c == config_ && data == data_) return;
    undoStack_->push(new LabEdit(this, what, mergeKey, config_, c, data_, data));
}

void LabModel::applyData(const LabData& data, const LabConfig& config) {
    const bool structural = !(data == data_) || config.features != config_.features ||
                            config.hidden != config_.hidden || config.activations != config_.activations ||
                            config.initSeed != config_.initSeed;
    const bool training = !(config.training == config_.training);
    data_ = data;
    config_ = config;
    if (structural) {
        rebuild(true);
    } else {
        if (training) {
            sendSettings();
            if (config_.training.epochBudget != 0 || config_.training.patience != 0) markDirty(StatusChanged);
        }
        markDirty(ConfigChanged);
    }
}

void LabModel::applyConfig(const LabConfig& config) { applyData(data_, config); }

void LabModel::setDatasetKind(DatasetKind kind) {
    if (kind == DatasetKind::Imported) return;
    LabConfig c = config_;
    c.dataset.kind = kind;
    c.training.loss.kind = lossFits(c.training.loss.kind, taskOf(kind)) ? c.training.loss.kind : defaultLoss(taskOf(kind));
    setConfig(c, tr("Data set: %1").arg(labtext::dataset(kind)));
}

void LabModel::setSamples(int samples) {
    LabConfig c = config_;
    c.dataset.samples = std::clamp(samples, 10, 2000);
    setConfig(c, tr("Number of points"), kSamplesKey);
}

void LabModel::setNoise(double noise) {
    LabConfig c = config_;
    c.dataset.noise = std::clamp(noise, 0.0, 0.5);
    setConfig(c, tr("Noise"), kNoiseKey);
}

void LabModel::setTestFraction(double fraction) {
    LabConfig c = config_;
    c.dataset.testFraction = std::clamp(fraction, 0.0, 0.9);
    setConfig(c, tr("Test split"), kTestKey);
}

void LabModel::regenerate() {
    LabConfig c = config_;
    if (c.dataset.kind == DatasetKind::Imported) {
        ++c.dataset.seed;  // a new random split of the imported points
        LabData data = data_;
        splitTrainTest(data, c.dataset.testFraction, c.dataset.seed);
        undoStack_->push(new LabEdit(this, tr("New test split"), kNoMerge, config_, c, data_, data));
        return;
    }
    ++c.dataset.seed;
    setConfig(c, tr("Regenerate data"));
}

void LabModel::setFeature(Feature feature, bool on) {
    LabConfig c = config_;
    c.features = on ? (c.features | bit(feature)) : (c.features & ~bit(feature));
    setConfig(c, on ? tr("Add feature %1").arg(labtext::feature(feature))
                    : tr("Remove feature %1").arg(labtext::feature(feature)));
}

void LabModel::addLayer() {
    if (config_.hidden.size() >= static_cast<std::size_t>(kMaxHiddenLayers)) return;
    LabConfig c = config_;
    c.hidden.push_back(c.hidden.empty() ? 4 : c.hidden.back());
    c.activations.push_back(c.activations.empty() ? Activation::Tanh : c.activations.back());
    setConfig(c, tr("Add a hidden layer"));
}

void LabModel::removeLayer() {
    if (config_.hidden.empty()) return;
    LabConfig c = config_;
    c.hidden.pop_back();
    c.activations.pop_back();
    setConfig(c, tr("Remove a hidden layer"));
}

void LabModel::setUnits(int layer, int units) {
    if (layer < 0 || layer >= static_cast<int>(config_.hidden.size())) return;
    LabConfig c = config_;
    c.hidden[static_cast<std::size_t>(layer)] = std::clamp(units, 1, kMaxUnits);
    setConfig(c, tr("Neurons in hidden layer %1").arg(layer + 1), kUnitsKey + layer);
}

void LabModel::setActivation(int layer, Activation f) {
    if (layer < 0 || layer >= static_cast<int>(config_.hidden.size())) return;
    LabConfig c = config_;
    c.activations[static_cast<std::size_t>(layer)] = f;
    setConfig(c, tr("Activation of hidden layer %1: %2").arg(layer + 1).arg(labtext::activation(f)));
}

void LabModel::setLoss(LabLoss loss) {
    if (!lossFits(loss, data_.task)) return;
    LabConfig c = config_;
    c.training.loss.kind = loss;
    setConfig(c, tr("Loss: %1").arg(labtext::loss(loss)));
}

void LabModel::setFocalGamma(double gamma) {
    LabConfig c = config_;
    c.training.loss.focalGamma = std::clamp(gamma, 0.0, 10.0);
    setConfig(c, tr("Focal γ"), kGammaKey);
}

void LabModel::setOptimizer(OptimizerKind kind) {
    LabConfig c = config_;
    c.training.optimizer.kind = kind;
    setConfig(c, tr("Optimizer: %1").arg(labtext::optimizer(kind)));
}

void LabModel::setLearningRate(double eta) {
    LabConfig c = config_;
    c.training.schedule.eta = std::clamp(eta, 1e-5, 100.0);
    c.training.schedule.etaMin = std::min(c.training.schedule.etaMin, c.training.schedule.eta);
    setConfig(c, tr("Learning rate"), kEtaKey);
}

void LabModel::setBatchSize(int batch) {
    LabConfig c = config_;
    c.training.optimizer.batchSize = std::clamp(batch, 1, kMaxSamples);
    setConfig(c, tr("Batch size"), kBatchKey);
}

void LabModel::setMomentum(double beta) {
    LabConfig c = config_;
    c.training.optimizer.beta = std::clamp(beta, 0.0, 0.999);
    setConfig(c, tr("Momentum β"), kMomentumKey);
}

void LabModel::setMomentumForm(MomentumForm form) {
    LabConfig c = config_;
    c.training.optimizer.momentumForm = form;
    setConfig(c, tr("Momentum form"));
}

void LabModel::setAdam(double beta1, double beta2, double epsilon) {
    LabConfig c = config_;
    c.training.optimizer.beta1 = std::clamp(beta1, 0.0, 0.999);
    c.training.optimizer.beta2 = std::clamp(beta2, 0.0, 0.99999);
    c.training.optimizer.epsilon = std::clamp(epsilon, 1e-12, 1.0);
    setConfig(c, tr("Adam β₁, β₂, ε"), kAdamKey);
}

void LabModel::setSchedule(const LrSchedule& schedule) {
    LabConfig c = config_;
    LrSchedule s = schedule;
    s.eta = c.training.schedule.eta;
    s.etaMin = std::clamp(s.etaMin, 0.0, s.eta);
    s.periodEpochs = std::max(1L, s.periodEpochs);
    s.warmupEpochs = std::clamp(s.warmupEpochs, 0L, s.periodEpochs - 1);
    c.training.schedule = s;
    setConfig(c, tr("Learning-rate schedule: %1").arg(labtext::schedule(s.kind)),
              s.kind == config_.training.schedule.kind ? kScheduleKey : kNoMerge);
}

void LabModel::setRegularization(Penalty kind, double lambda) {
    LabConfig c = config_;
    c.training.regularization = {kind, std::clamp(lambda, 0.0, 10.0)};
    setConfig(c, tr("Regularization: %1").arg(labtext::penalty(kind)),
              kind == config_.training.regularization.kind ? kLambdaKey : kNoMerge);
}

void LabModel::setDropout(double p) {
    LabConfig c = config_;
    c.training.dropout = std::clamp(p, 0.0, kMaxDropout);
    setConfig(c, tr("Dropout p"), kDropoutKey);
}

bool LabModel::batchNormOn(int layer) const {
    const auto& on = config_.training.batchNorm;
    return layer >= 0 && static_cast<std::size_t>(layer) < on.size() && on[static_cast<std::size_t>(layer)];
}

Vector LabModel::batchMean(int layer) const {
    return layer >= 0 && static_cast<std::size_t>(layer) < batchMeans_.size() ? batchMeans_[static_cast<std::size_t>(layer)]
                                                                               : Vector();
}

Vector LabModel::batchVariance(int layer) const {
    return layer >= 0 && static_cast<std::size_t>(layer) < batchVariances_.size()
               ? batchVariances_[static_cast<std::size_t>(layer)]
               : Vector();
}

void LabModel::setBatchNorm(int layer, bool on) {
    if (layer < 0 || layer >= static_cast<int>(config_.hidden.size()) || batchNormOn(layer) == on) return;
    LabConfig c = config_;
    c.training.batchNorm.resize(config_.hidden.size(), false);
    c.training.batchNorm[static_cast<std::size_t>(layer)] = on;
    setConfig(c, on ? tr("BatchNorm on in hidden layer %1").arg(layer + 1)
                    : tr("BatchNorm off in hidden layer %1").arg(layer + 1));
}

void LabModel::setPatience(int epochs) {
    LabConfig c = config_;
    c.training.patience = std::clamp(epochs, 0, 100000);
    setConfig(c, tr("Early-stopping patience"), kPatienceKey);
}

void LabModel::setEpochBudget(long epochs) {
    LabConfig c = config_;
    c.training.epochBudget = std::clamp(epochs, 0L, 1000000L);
    setConfig(c, tr("Epoch budget"), kBudgetKey);
}

void LabModel::newWeights() {
    LabConfig c = config_;
    ++c.initSeed;
    setConfig(c, tr("New initial weights"));
}

bool LabModel::editPoint(double x, double y, bool other, bool remove, double tolerance) {
    if (data_.dimension() != 2 || !std::isfinite(x) || !std::isfinite(y)) return false;
    LabData data = data_;
    LabConfig c = config_;
    if (remove) {
        Eigen::Index nearest = -1;
        double best = tolerance * tolerance;
        for (Eigen::Index i = 0; i < data.size(); ++i) {
            const double dx = data.points(i, 0) - x, dy = data.points(i, 1) - y;
            if (dx * dx + dy * dy <= best) {
                best = dx * dx + dy * dy;
                nearest = i;
            }
        }
        if (nearest < 0 || data.size() <= 2) return false;
        const Eigen::Index n = data.size();
        Matrix points(n - 1, 2);
        Vector labels(n - 1);
        points << data.points.topRows(nearest), data.points.bottomRows(n - nearest - 1);
        labels << data.labels.head(nearest), data.labels.tail(n - nearest - 1);
        data.points = std::move(points);
        data.labels = std::move(labels);
        data.isTest.erase(data.isTest.begin() + nearest);
    } else {
        double label;
        if (data.task == TaskKind::Regression) label = other ? -1.0 : 1.0;
        else if (data.task == TaskKind::Binary) label = other ? 1 - currentClass_ : currentClass_;
        else label = other ? (currentClass_ + 1) % data.classes : currentClass_;
        const Eigen::Index n = data.size();
        data.points.conservativeResize(n + 1, 2);
        data.points(n, 0) = x;
        data.points(n, 1) = y;
        data.labels.conservativeResize(n + 1);
        data.labels(n) = label;
        data.isTest.push_back(0);
    }
    c.dataset.samples = static_cast<int>(data.size());
    undoStack_->push(new LabEdit(this, remove ? tr("Remove a point") : tr("Add a point"), kNoMerge,
                                 config_, c, data_, data));
    return true;
}

bool LabModel::importCsv(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("%1: cannot be read (%2)").arg(path, file.errorString());
        return false;
    }
    if (file.size() > 64 * 1024 * 1024) {
        if (error) *error = tr("%1: larger than 64 MB").arg(path);
        return false;
    }
    const QByteArray bytes = file.readAll();
    CsvImport imported = parseCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                  config_.dataset.testFraction, config_.dataset.seed);
    if (!imported.ok()) {
        if (error) {
            const QString file = QFileInfo(path).fileName();
            *error = imported.error.line > 0
                         ? tr("%1:%2: %3").arg(file).arg(imported.error.line).arg(labtext::csvProblem(imported.error))
                         : tr("%1: %2").arg(file, labtext::csvProblem(imported.error));
        }
        return false;
    }
    LabConfig c = config_;
    c.dataset.kind = DatasetKind::Imported;
    c.dataset.samples = static_cast<int>(imported.data.size());
    if (!lossFits(c.training.loss.kind, imported.data.task)) c.training.loss.kind = defaultLoss(imported.data.task);
    if (imported.data.dimension() != 2) c.features = kDefaultFeatures;
    undoStack_->push(new LabEdit(this, tr("Import %1").arg(QFileInfo(path).fileName()), kNoMerge, config_,
                                 c, data_, std::move(imported.data)));
    return true;
}

// ---------------------------------------------------------------- views

void LabModel::setThreshold(double threshold) {
    threshold = std::clamp(threshold, 0.0, 1.0);
    if (threshold == threshold_) return;
    threshold_ = threshold;
    markDirty(MetricsChanged | ViewChanged);
}

void LabModel::setMetricsOnTest(bool test) {
    if (test == metricsOnTest_) return;
    metricsOnTest_ = test;
    markDirty(MetricsChanged);
}

void LabModel::setPositiveClass(int cls) {
    cls = std::clamp(cls, 0, std::max(0, data_.classes - 1));
    if (cls == positiveClass_) return;
    positiveClass_ = cls;
    markDirty(MetricsChanged);
}

void LabModel::setDiscretize(bool on) {
    if (on == discretize_) return;
    discretize_ = on;
    markDirty(ViewChanged);
}

void LabModel::setCurrentClass(int cls) {
    cls = std::clamp(cls, 0, std::max(0, data_.classes - 1));
    if (cls == currentClass_) return;
    currentClass_ = cls;
    markDirty(ViewChanged);
}

void LabModel::setCompareRuns(bool on) {
    if (on == compareRuns_) return;
    compareRuns_ = on;
    markDirty(RunsChanged);
}

void LabModel::clearRuns() {
    runs_.clear();
    markDirty(RunsChanged);
}

QString LabModel::runLabel(const LabRun& run) const {
    const LabConfig& a = run.config;
    const LabConfig& b = config_;
    QStringList parts;
    if (a.dataset.kind != b.dataset.kind) parts << labtext::dataset(a.dataset.kind);
    if (a.dataset.noise != b.dataset.noise) parts << tr("noise %1").arg(labtext::number(a.dataset.noise));
    if (a.dataset.samples != b.dataset.samples) parts << tr("%1 points").arg(a.dataset.samples);
    if (a.dataset.testFraction != b.dataset.testFraction || a.dataset.seed != b.dataset.seed)
        parts << tr("other data");
    if (a.features != b.features) {
        QStringList f;
        for (Feature feature : allFeatures())
            if (has(a.features, feature)) f << labtext::feature(feature);
        parts << tr("features %1").arg(f.join(QStringLiteral(" ")));
    }
    if (a.hidden != b.hidden || a.activations != b.activations) {
        QStringList layers;
        for (std::size_t l = 0; l < a.hidden.size(); ++l)
            layers << QStringLiteral("%1 %2").arg(a.hidden[l]).arg(labtext::activation(a.activations[l]));
        parts << (layers.isEmpty() ? tr("no hidden layer") : tr("hidden %1").arg(layers.join(QStringLiteral(", "))));
    }
    const LabSettings& s = a.training;
    const LabSettings& t = b.training;
    if (s.loss != t.loss)
        parts << (s.loss.kind == LabLoss::Focal ? tr("focal γ %1").arg(labtext::number(s.loss.focalGamma))
                                                : labtext::loss(s.loss.kind));
    if (s.optimizer != t.optimizer) {
        QString o = labtext::optimizer(s.optimizer.kind);
        if (s.optimizer.kind != OptimizerKind::BatchGd && s.optimizer.kind != OptimizerKind::Sgd &&
            s.optimizer.batchSize != t.optimizer.batchSize)
            o += tr(" batch %1").arg(s.optimizer.batchSize);
        if (s.optimizer.kind == OptimizerKind::Momentum && s.optimizer.beta != t.optimizer.beta)
            o += QStringLiteral(" β %1").arg(labtext::number(s.optimizer.beta));
        parts << o;
    }
    if (s.schedule.eta != t.schedule.eta) parts << QStringLiteral("η %1").arg(labtext::number(s.schedule.eta));
    if (s.schedule.kind != t.schedule.kind) parts << labtext::schedule(s.schedule.kind);
    if (s.regularization != t.regularization)
        parts << (s.regularization.kind == Penalty::None
                      ? tr("no regularization")
                      : QStringLiteral("%1 λ %2").arg(labtext::penalty(s.regularization.kind),
                                                      labtext::number(s.regularization.lambda)));
    if (s.dropout != t.dropout) parts << tr("dropout %1").arg(labtext::number(s.dropout));
    if (a.initSeed != b.initSeed) parts << tr("other initial weights");
    const QString what = parts.isEmpty() ? tr("same settings") : parts.join(QStringLiteral(", "));
    return tr("Run %1: %2").arg(run.number).arg(what);
}

void LabModel::setExplorerAlpha(double alpha) {
    alpha = std::clamp(alpha, 0.0, 2.0);
    if (alpha == explorerAlpha_) return;
    explorerAlpha_ = alpha;
    refreshActivationCurves();
}

void LabModel::setExplorerActivation(Activation f, bool shown) {
    if (f == Activation::Softmax) return;
    const auto isShown = [&](Activation g) {
        return std::find(explorerShown_.begin(), explorerShown_.end(), g) != explorerShown_.end();
    };
    if (shown == isShown(f)) return;
    std::vector<Activation> next;
    for (Activation g : hiddenActivations())  // a fixed order, so each keeps its colour
        if (g == f ? shown : isShown(g)) next.push_back(g);
    explorerShown_ = std::move(next);
    refreshActivationCurves();
}

std::vector<double> LabModel::gradientBounds() const {
    std::vector<double> bounds;
    for (const ActivationCurve& c : activationCurves_) bounds.push_back(gradientBound(c.maxDerivative, explorerDepth_));
    return bounds;
}

double LabModel::valueScale() const {
    if (data_.task != TaskKind::Regression || data_.size() == 0) return 1;
    return std::max(1e-9, data_.labels.cwiseAbs().maxCoeff());
}

QStringList LabModel::inputNames() const {
    QStringList names;
    if (data_.dimension() == 2) {
        for (Feature f : allFeatures())
            if (has(config_.features, f)) names << labtext::feature(f);
    } else {
        for (int c = 0; c < data_.dimension(); ++c) names << QStringLiteral("x%1").arg(c + 1);
    }
    return names;
}

void LabModel::setExplorerDepth(int layers) {
    layers = std::clamp(layers, 1, 50);
    if (layers == explorerDepth_) return;
    explorerDepth_ = layers;
    markDirty(ExplorerChanged);
}

void LabModel::setLossTarget(int classTarget, double regressionTarget) {
    classTarget = classTarget ? 1 : 0;
    regressionTarget = std::clamp(regressionTarget, -5.0, 5.0);
    if (classTarget == lossCurves_.classTarget && regressionTarget == lossCurves_.regressionTarget) return;
    lossCurves_ = ns::lossCurves(classTarget, regressionTarget, lossCurves_.gamma);
    markDirty(ExplorerChanged);
}

void LabModel::setLossGamma(double gamma) {
    gamma = std::clamp(gamma, 0.0, 10.0);
    if (gamma == lossCurves_.gamma) return;
    lossCurves_ = ns::lossCurves(lossCurves_.classTarget, lossCurves_.regressionTarget, gamma);
    markDirty(ExplorerChanged);
}

// ---------------------------------------------------------------- saving and loading

LabModel::Saved LabModel::snapshot() const {
    Saved s;
    s.config = config_;
    s.data = data_;
    s.initial = initial_;
    s.state = {trainedNetwork_, optimizerState_, stopping_, epoch_, status_, reason_, divergedLearningRate_,
               batchNorm_, batchMeans_, batchVariances_};
    s.history = history_;
    s.runs = runs_;
    s.nextRun = nextRun_;
    s.threshold = threshold_;
    return s;
}

void LabModel::restore(Saved s) {
    playing_ = false;
    config_ = std::move(s.config);
    data_ = std::move(s.data);
    train_ = datasetOf(data_, config_.features, false);
    test_ = datasetOf(data_, config_.features, true);
    initial_ = std::move(s.initial);
    trainedNetwork_ = s.state.network;
    if (s.state.batchNorm.enabled.empty()) s.state.batchNorm = LabBatchNorm::fresh(trainedNetwork_, config_.training.batchNorm);
    batchNorm_ = s.state.batchNorm;
    network_ = s.state.testNetwork();
    workerGrid_.reset();
    batchMeans_ = s.state.batchMeans;
    batchVariances_ = s.state.batchVariances;
    optimizerState_ = s.state.optimizer;
    stopping_ = s.state.stopping;
    epoch_ = s.state.epoch;
    status_ = s.state.status;
    reason_ = s.state.reason;
    divergedLearningRate_ = s.state.divergedLearningRate;
    history_ = std::move(s.history);
    runs_ = std::move(s.runs);
    nextRun_ = s.nextRun;
    threshold_ = s.threshold;
    runConfig_ = config_;
    currentClass_ = std::clamp(currentClass_, 0, std::max(0, data_.classes - 1));
    positiveClass_ = std::clamp(positiveClass_, 0, std::max(0, data_.classes - 1));
    ++generation_;
    auto trainer = std::make_shared<LabTrainer>(initial_, train_, test_, config_.training,
                                                data_.task != TaskKind::Regression);
    trainer->restore(s.state);
    sendGridRequest();
    toWorker([generation = generation_, trainer](LabWorker& w) { w.setTrainer(generation, trainer); });
    undoStack_->clear();
    markDirty(NetworkChanged | HistoryChanged | StatusChanged | ConfigChanged | DataChanged |
              MetricsChanged | RunsChanged | ViewChanged);
}

}  // namespace ns
