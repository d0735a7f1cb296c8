#include "network/session_model.h"
#include "shell/frame_pacer.h"

#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

// The textbook's complete example (seed 001 §3): 1000 samples x ~ N(0,1)⁴, y = [Σx > 0],
// a 4-8-4-1 network with He initialisation, binary cross-entropy, gradient descent at η = 0.01.
constexpr std::uint64_t kDataSeed = 42;
constexpr std::uint64_t kInitSeed = 43;

enum CommandId { kLearningRateCommand = 1, kSpeedCommand };

// Undo commands remember the value before and after; consecutive edits of one spin box merge
// into one step.
class SetValueCommand : public QUndoCommand {
public:
    using Apply = std::function<void(double)>;
    SetValueCommand(int id, const QString& text, double before, double after, Apply apply)
        : QUndoCommand(text), id_(id), before_(before), after_(after), apply_(std::move(apply)) {}
    void undo() override { apply_(before_); }
    void redo() override { apply_(after_); }
    int id() const override { return id_; }
    bool mergeWith(const QUndoCommand* other) override {
        if (other->id() != id_) return false;
        after_ = static_cast<const SetValueCommand*>(other)->after_;
        return true;
    }

private:
    int id_;
    double before_;
    double after_;
    Apply apply_;
};

}  // namespace

const std::vector<double>& SessionModel::speedChoices() {
    static const std::vector<double> choices{1, 5, 20, 100, 500, 0};
    return choices;
}

SessionModel::SessionModel(QObject* parent)
    : QObject(parent), undoStack_(new QUndoStack(this)) {
    qRegisterMetaType<SnapshotPtr>();
    data_ = makeSumSignDataset(1000, 4, kDataSeed);
    network_ = Mlp::initialized({4, 8, 4, 1}, {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                                Initialization::He, kInitSeed);
    TrainingOptions options;
    options.loss = Loss::Bce;
    options.learningRate = learningRate_;
    worker_ = new TrainingWorker(Trainer(network_, data_, options));
    connect(worker_, &TrainingWorker::progress, this, &SessionModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(worker_);
    toWorker([rate = speedChoices()[static_cast<std::size_t>(speedIndex_)]](TrainingWorker& w) {
        w.setUnitsPerSecond(rate);
    });
    refreshSampleTrace();
    framePacer_ = std::make_unique<FramePacer<Changes>>(
        this, [this](Changes c) { markDirty(c); },
        [this](Changes c) {
            dirty_ |= c;
            flush();
        });
}

SessionModel::~SessionModel() { PacedWorker::shared().release(worker_); }

template <typename Call>
void SessionModel::toWorker(Call call) {
    QMetaObject::invokeMethod(worker_, [worker = worker_, call]() { call(*worker); },
                              Qt::QueuedConnection);
}

void SessionModel::play() {
    if (hasDiverged()) {
        markDirty(StatusChanged);  // the view repeats the divergence message
        return;
    }
    playing_ = true;
    markDirty(StatusChanged);
    toWorker([](TrainingWorker& w) { w.play(); });
}

void SessionModel::pause() {
    playing_ = false;
    markDirty(StatusChanged);
    toWorker([](TrainingWorker& w) { w.pause(); });
}

void SessionModel::togglePlay() { playing_ ? pause() : play(); }

void SessionModel::stepEpoch() {
    if (playing_) pause();
    trainEpochs(1);
}

void SessionModel::trainEpochs(long count) {
    toWorker([count](TrainingWorker& w) { w.runUnits(count); });
}

void SessionModel::reset() {
    playing_ = false;
    toWorker([](TrainingWorker& w) {
        w.pause();
        w.reset();
    });
}

void SessionModel::setLearningRate(double eta) {
    eta = std::clamp(eta, kMinLearningRate, kMaxLearningRate);
    if (eta == learningRate_) return;
    undoStack_->push(new SetValueCommand(kLearningRateCommand, tr("Change learning rate"),
                                         learningRate_, eta,
                                         [this](double v) { applyLearningRate(v); }));
}

void SessionModel::applyLearningRate(double eta) {
    learningRate_ = eta;
    toWorker([eta](TrainingWorker& w) { w.setLearningRate(eta); });
    markDirty(SettingsChanged);
}

void SessionModel::setSpeedIndex(int index) {
    index = std::clamp(index, 0, static_cast<int>(speedChoices().size()) - 1);
    if (index == speedIndex_) return;
    undoStack_->push(new SetValueCommand(kSpeedCommand, tr("Change speed"), speedIndex_, index,
                                         [this](double v) { applySpeedIndex(static_cast<int>(v)); }));
}

void SessionModel::applySpeedIndex(int index) {
    speedIndex_ = index;
    const double rate = speedChoices()[static_cast<std::size_t>(index)];
    toWorker([rate](TrainingWorker& w) { w.setUnitsPerSecond(rate); });
    markDirty(SettingsChanged);
}

void SessionModel::setSelectedSample(int index) {
    index = std::clamp(index, 0, static_cast<int>(data_.size()) - 1);
    if (index == selectedSample_) return;
    selectedSample_ = index;
    refreshSampleTrace();
    if (backpropMode_) {  // a new sample is a new step: its x and y, from the start
        setStepperPlaying(false);
        const StepperInputs samples = sessionInputs(stepBatchSize());
        stepperInputs_.x = samples.x;
        stepperInputs_.y = samples.y;
        stepPosition_ = 0;
        selection_.reset();
        recomputeStep();
        markDirty(StepperChanged);
    }
    markDirty(SampleChanged);
}

void SessionModel::refreshSampleTrace() {
    network_.forward(data_.X.middleRows(selectedSample_, 1), sampleTrace_);
}

void SessionModel::receive(const SnapshotPtr& snapshot) {
    Changes changes = NetworkChanged;
    if (snapshot->wasReset) {
        history_.clear();
        ++historyGeneration_;
        changes |= HistoryChanged;
    }
    if (!snapshot->newStats.empty()) {
        history_.insert(history_.end(), snapshot->newStats.begin(), snapshot->newStats.end());
        changes |= HistoryChanged;
    }
    network_ = snapshot->network;
    epoch_ = snapshot->epoch;
    const bool diverged = snapshot->status == TrainingStatus::Diverged;
    if (diverged != hasDiverged() || snapshot->playing != playing_) changes |= StatusChanged;
    status_ = snapshot->status;
    statusMessage_ = QString::fromStdString(snapshot->message);
    playing_ = snapshot->playing;
    refreshSampleTrace();
    framePacer_->offer(changes, snapshot->playing, snapshot->batchDone || (changes & StatusChanged));
    if (snapshot->batchDone) emit batchFinished();
}

void SessionModel::markDirty(Changes changes) {
    dirty_ |= changes;
    if (flushScheduled_) return;
    flushScheduled_ = true;
    QTimer::singleShot(0, this, &SessionModel::flush);
}

void SessionModel::flush() {
    flushScheduled_ = false;
    const Changes changes = dirty_;
    dirty_ = {};
    if (changes) emit changed(changes);
}

}  // namespace ns
