// SessionModel, backpropagation stepper: one training step of the selected sample unfolded into
// the core's BackpropSteps events, a cursor over them, the inspector's selection, the neuron
// graph's backward walk, and undoable edits of the step's inputs.
#include "network/session_model.h"

#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace ns {

namespace {

constexpr int kStepperEditCommand = 3;

// Remembers the step's inputs before and after an edit. Consecutive edits of the same field
// (typing into one spin box) merge into one undo step.
class StepperEditCommand : public QUndoCommand {
public:
    StepperEditCommand(SessionModel* model, long long field, const QString& text,
                       SessionModel::StepperInputs before, SessionModel::StepperInputs after)
        : QUndoCommand(text), model_(model), field_(field), before_(std::move(before)),
          after_(std::move(after)) {}
    void undo() override { model_->applyStepperInputs(before_); }
    void redo() override { model_->applyStepperInputs(after_); }
    int id() const override { return field_ < 0 ? -1 : kStepperEditCommand; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* edit = static_cast<const StepperEditCommand*>(other);
        if (field_ < 0 || edit->field_ != field_) return false;
        after_ = edit->after_;
        return true;
    }

private:
    SessionModel* model_;
    long long field_;  // which value was edited; −1: never merge
    SessionModel::StepperInputs before_;
    SessionModel::StepperInputs after_;
};

// A distinct number per editable value, for merging.
long long fieldOf(Quantity q, int layer, int j, int k) {
    return ((static_cast<long long>(q) * 40 + layer) * 4100 + j) * 4100 + k;
}

bool neuronOf(const ValueId& id, int& layer, int& unit) {
    switch (id.quantity) {
        case Quantity::Z:
        case Quantity::A:
        case Quantity::Delta:
        case Quantity::Bias:
        case Quantity::BiasGrad:
        case Quantity::NewBias:
        case Quantity::Weight:
        case Quantity::WeightGrad:
        case Quantity::NewWeight:
            if (id.layer < 1) return false;
            layer = id.layer;
            unit = id.unit;
            return true;
        default: return false;
    }
}

}  // namespace

const std::vector<double>& SessionModel::stepperSpeedChoices() {
    static const std::vector<double> choices{0.5, 1, 2, 5, 10, 25};
    return choices;
}

SessionModel::StepperInputs SessionModel::sessionInputs(int batch) const {
    StepperInputs inputs;
    inputs.network = network_;
    const auto m = std::clamp<Eigen::Index>(batch, 1, std::min<Eigen::Index>(kMaxStepBatch, data_.size()));
    const Eigen::Index first = std::min<Eigen::Index>(selectedSample_, data_.size() - m);
    inputs.x = data_.X.middleRows(first, m);
    inputs.y = data_.Y.middleRows(first, m);
    inputs.eta = learningRate_;
    return inputs;
}

void SessionModel::setBackpropMode(bool on) {
    if (on == backpropMode_) return;
    backpropMode_ = on;
    setStepperPlaying(false);
    if (on) {
        if (playing_) pause();
        stepperInputs_ = sessionInputs(1);
        stepPosition_ = 0;
        selection_.reset();
        graphLayer_ = static_cast<int>(network_.layers().size());
        graphUnit_ = 0;
        graphPosition_ = 0;
        recomputeStep();
    }
    markDirty(StepperChanged | StatusChanged);
}

void SessionModel::recomputeStep() {
    steps_ = BackpropSteps::build(stepperInputs_.network, stepperInputs_.x, stepperInputs_.y,
                                  Loss::Bce, stepperInputs_.eta);
    stepPosition_ = std::min(stepPosition_, steps_.size());
    rebuildGraph();
}

void SessionModel::rebuildGraph() {
    if (!NeuronGraph::supports(steps_.before(), graphLayer_)) {
        graph_.reset();
        return;
    }
    graph_ = NeuronGraph::build(steps_, graphLayer_, graphUnit_);
    graphPosition_ = std::min(graphPosition_, graph_->backwardOrder().size());
}

bool SessionModel::isComputed(const ValueId& id) const {
    if (isGiven(id.quantity)) return true;
    const auto at = steps_.eventOf(id);
    return at && *at < stepPosition_;
}

void SessionModel::stepForward() {
    if (!backpropMode_ || stepPosition_ >= steps_.size()) {
        setStepperPlaying(false);
        return;
    }
    stepPosition_ = steps_.next(stepPosition_, granularity_);
    selection_ = steps_.events()[stepPosition_ - 1].id;
    markDirty(StepperChanged);
    if (stepPosition_ >= steps_.size()) setStepperPlaying(false);
}

void SessionModel::stepBackward() {
    if (!backpropMode_ || stepPosition_ == 0) return;
    stepPosition_ = steps_.previous(stepPosition_, granularity_);
    if (stepPosition_ > 0) selection_ = steps_.events()[stepPosition_ - 1].id;
    else selection_.reset();
    markDirty(StepperChanged);
}

void SessionModel::stepToStart() {
    if (!backpropMode_) return;
    setStepperPlaying(false);
    stepPosition_ = 0;
    selection_.reset();
    markDirty(StepperChanged);
}

void SessionModel::stepToEnd() {
    if (!backpropMode_) return;
    setStepperPlaying(false);
    stepPosition_ = steps_.size();
    if (stepPosition_ > 0) selection_ = steps_.events().back().id;
    markDirty(StepperChanged);
}

void SessionModel::setGranularity(Granularity granularity) {
    if (granularity == granularity_) return;
    granularity_ = granularity;
    markDirty(StepperChanged);
}

void SessionModel::setStepperPlaying(bool playing) {
    playing = playing && backpropMode_ && stepPosition_ < steps_.size();
    if (!stepperTimer_) {
        stepperTimer_ = new QTimer(this);
        connect(stepperTimer_, &QTimer::timeout, this, &SessionModel::stepForward);
    }
    if (playing) {
        const double rate = stepperSpeedChoices()[static_cast<std::size_t>(stepperSpeedIndex_)];
        stepperTimer_->start(static_cast<int>(1000.0 / rate));
    } else {
        stepperTimer_->stop();
    }
    if (playing != stepperPlaying_) {
        stepperPlaying_ = playing;
        markDirty(StepperChanged);
    }
}

void SessionModel::setStepperSpeedIndex(int index) {
    index = std::clamp(index, 0, static_cast<int>(stepperSpeedChoices().size()) - 1);
    if (index == stepperSpeedIndex_) return;
    stepperSpeedIndex_ = index;
    if (stepperPlaying_) setStepperPlaying(true);  // restart the timer at the new rate
    markDirty(StepperChanged);
}

void SessionModel::select(std::optional<ValueId> id) {
    selection_ = id;
    int layer = 0, unit = 0;
    if (id && neuronOf(*id, layer, unit) && NeuronGraph::supports(steps_.before(), layer))
        setGraphNeuron(layer, unit);
    markDirty(StepperChanged);
}

void SessionModel::setGraphNeuron(int layer, int unit) {
    if (layer == graphLayer_ && unit == graphUnit_ && graph_) return;
    graphLayer_ = layer;
    graphUnit_ = unit;
    graphPosition_ = 0;
    rebuildGraph();
    markDirty(StepperChanged);
}

void SessionModel::graphForward() {
    if (!graph_ || graphPosition_ >= graph_->backwardOrder().size()) return;
    ++graphPosition_;
    markDirty(StepperChanged);
}

void SessionModel::graphBackward() {
    if (!graph_ || graphPosition_ == 0) return;
    --graphPosition_;
    markDirty(StepperChanged);
}

void SessionModel::graphToStart() {
    graphPosition_ = 0;
    markDirty(StepperChanged);
}

void SessionModel::graphToEnd() {
    if (graph_) graphPosition_ = graph_->backwardOrder().size();
    markDirty(StepperChanged);
}

void SessionModel::pushStepperEdit(long long field, const QString& text, StepperInputs after) {
    undoStack_->push(new StepperEditCommand(this, field, text, stepperInputs_, std::move(after)));
}

void SessionModel::editInput(int k, double value) {
    if (!backpropMode_ || k < 0 || k >= stepperInputs_.x.cols() || stepperInputs_.x(0, k) == value)
        return;
    StepperInputs after = stepperInputs_;
    after.x(0, k) = value;
    pushStepperEdit(fieldOf(Quantity::Input, 0, 0, k), tr("Change input x%1").arg(k + 1), after);
}

void SessionModel::editTarget(int j, double value) {
    if (!backpropMode_ || j < 0 || j >= stepperInputs_.y.cols() || stepperInputs_.y(0, j) == value)
        return;
    StepperInputs after = stepperInputs_;
    after.y(0, j) = value;
    pushStepperEdit(fieldOf(Quantity::Target, 0, j, 0), tr("Change target y%1").arg(j + 1), after);
}

void SessionModel::editWeight(int layer, int j, int k, double value) {
    if (!backpropMode_ || layer < 1 || layer > static_cast<int>(stepperInputs_.network.layers().size()))
        return;
    const Matrix& W = stepperInputs_.network.layer(static_cast<std::size_t>(layer - 1)).W;
    if (j < 0 || j >= W.rows() || k < 0 || k >= W.cols() || W(j, k) == value) return;
    StepperInputs after = stepperInputs_;
    after.network.layer(static_cast<std::size_t>(layer - 1)).W(j, k) = value;
    pushStepperEdit(fieldOf(Quantity::Weight, layer, j, k), tr("Change a weight"), after);
}

void SessionModel::editBias(int layer, int j, double value) {
    if (!backpropMode_ || layer < 1 || layer > static_cast<int>(stepperInputs_.network.layers().size()))
        return;
    const Vector& b = stepperInputs_.network.layer(static_cast<std::size_t>(layer - 1)).b;
    if (j < 0 || j >= b.size() || b(j) == value) return;
    StepperInputs after = stepperInputs_;
    after.network.layer(static_cast<std::size_t>(layer - 1)).b(j) = value;
    pushStepperEdit(fieldOf(Quantity::Bias, layer, j, 0), tr("Change a bias"), after);
}

void SessionModel::editStepLearningRate(double eta) {
    eta = std::clamp(eta, kMinLearningRate, kMaxLearningRate);
    if (!backpropMode_ || eta == stepperInputs_.eta) return;
    StepperInputs after = stepperInputs_;
    after.eta = eta;
    pushStepperEdit(fieldOf(Quantity::LearningRate, 0, 0, 0), tr("Change the step's learning rate"),
                    after);
}

void SessionModel::setStepBatchSize(int m) {
    m = std::clamp(m, 1, kMaxStepBatch);
    if (!backpropMode_ || m == stepBatchSize()) return;
    setStepperPlaying(false);
    StepperInputs after = sessionInputs(m);
    after.network = stepperInputs_.network;  // keep edited weights and η
    after.eta = stepperInputs_.eta;
    stepPosition_ = 0;
    selection_.reset();
    pushStepperEdit(-1, tr("Change the batch size"), after);
    markDirty(StepperChanged);
}

void SessionModel::restartStepper() {
    if (!backpropMode_) return;
    setStepperPlaying(false);
    stepPosition_ = 0;
    selection_.reset();
    pushStepperEdit(-1, tr("Restart the step"), sessionInputs(stepBatchSize()));
    markDirty(StepperChanged);
}

void SessionModel::continueWithUpdatedWeights() {
    if (!backpropMode_) return;
    setStepperPlaying(false);
    StepperInputs after = stepperInputs_;
    after.network = steps_.after();
    stepPosition_ = 0;
    selection_.reset();
    pushStepperEdit(-1, tr("Next training step"), after);
    markDirty(StepperChanged);
}

void SessionModel::applyStepperInputs(const StepperInputs& inputs) {
    stepperInputs_ = inputs;
    if (!backpropMode_) return;  // applied when the mode is entered again
    recomputeStep();
    markDirty(StepperChanged);
}

}  // namespace ns
