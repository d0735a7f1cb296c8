#pragma once
// The one owner of the app's state: the network being trained, its data, the training
// settings, the history of every epoch and the undo stack. Views observe it through changed()
// (batched: many updates in one event-loop turn become one signal) and ask for changes through
// its intent methods; undoable intents go through the QUndoStack.
#include "stepper/backprop_steps.h"
#include "shell/frame_pacer.h"
#include "stepper/neuron_graph.h"
#include "mlp/trainer.h"
#include "network/training_worker.h"

#include <QObject>

#include <memory>
#include <QString>

#include <optional>
#include <vector>

class QTimer;
class QUndoStack;

namespace ns {

class SessionModel : public QObject {
    Q_OBJECT
public:
    enum Change {
        NetworkChanged = 1 << 0,   // weights (and so the sample trace) changed
        HistoryChanged = 1 << 1,   // epochs appended, or history restarted
        StatusChanged = 1 << 2,    // playing / paused / diverged
        SettingsChanged = 1 << 3,  // learning rate, speed
        SampleChanged = 1 << 4,    // the sample the views show
        StepperChanged = 1 << 5,   // backprop mode: position, selection, edits, graph walk
    };
    Q_DECLARE_FLAGS(Changes, Change)

    // Speeds offered to the user, in epochs per second; 0 means as fast as possible.
    static const std::vector<double>& speedChoices();

    explicit SessionModel(QObject* parent = nullptr);  // opens the textbook's 4-8-4-1 example
    ~SessionModel() override;

    const Mlp& network() const { return network_; }
    const Dataset& data() const { return data_; }
    const Trace& sampleTrace() const { return sampleTrace_; }  // forward pass of the sample
    int selectedSample() const { return selectedSample_; }
    long epoch() const { return epoch_; }
    double loss() const { return history_.empty() ? std::nan("") : history_.back().loss; }
    double accuracy() const { return history_.empty() ? std::nan("") : history_.back().accuracy; }
    const std::vector<EpochStats>& history() const { return history_; }
    int historyGeneration() const { return historyGeneration_; }  // +1 on every reset
    bool isPlaying() const { return playing_; }
    bool hasDiverged() const { return status_ == TrainingStatus::Diverged; }
    QString statusMessage() const { return statusMessage_; }
    double learningRate() const { return learningRate_; }
    int speedIndex() const { return speedIndex_; }
    QUndoStack* undoStack() const { return undoStack_; }

    // Intents.
    void play();
    void pause();
    void togglePlay();
    void stepEpoch();
    void trainEpochs(long count);  // as fast as possible; emits batchFinished when done
    void reset();                  // the same initial weights, epoch 0
    void setLearningRate(double eta);  // undoable
    void setSpeedIndex(int index);     // undoable
    void setSelectedSample(int index);

    // Applied by the undo commands; not for views.
    void applyLearningRate(double eta);
    void applySpeedIndex(int index);

    // ---- Backpropagation stepper (one training step, event by event) ----
    // What the step is computed from; edits change it through the undo stack.
    struct StepperInputs {
        Mlp network;
        Matrix x;  // batch × inputs
        Matrix y;  // batch × outputs
        double eta = 0.01;
    };
    // Stepper speeds offered while playing, in events per second.
    static const std::vector<double>& stepperSpeedChoices();

    bool backpropMode() const { return backpropMode_; }
    // Entering pauses training and takes the current weights, the selected sample and η.
    void setBackpropMode(bool on);
    const BackpropSteps& steps() const { return steps_; }
    const StepperInputs& stepperInputs() const { return stepperInputs_; }
    std::size_t stepPosition() const { return stepPosition_; }  // events [0, p) are computed
    // m samples from the selected one (the gradient is their mean, as in the textbook's code).
    int stepBatchSize() const { return static_cast<int>(stepperInputs_.x.rows()); }
    static constexpr int kMaxStepBatch = 16;
    Granularity granularity() const { return granularity_; }
    bool isStepperPlaying() const { return stepperPlaying_; }
    int stepperSpeedIndex() const { return stepperSpeedIndex_; }
    // The value the inspector shows: a computed event or a given value (x, y, W, b, η).
    std::optional<ValueId> selection() const { return selection_; }
    bool isComputed(const ValueId& id) const;  // given, or computed by an event before the cursor
    // The neuron whose computational graph is shown, and how far its backward walk has gone
    // (the first p nodes of backwardOrder() have their gradient shown).
    const NeuronGraph* neuronGraph() const { return graph_ ? &*graph_ : nullptr; }
    std::size_t graphPosition() const { return graphPosition_; }

    void stepForward();   // by the granularity
    void stepBackward();
    void stepToStart();
    void stepToEnd();
    void setGranularity(Granularity granularity);
    void setStepperPlaying(bool playing);
    void setStepperSpeedIndex(int index);
    void select(std::optional<ValueId> id);
    void setGraphNeuron(int layer, int unit);
    void graphForward();
    void graphBackward();
    void graphToStart();
    void graphToEnd();

    // Undoable edits of the step's inputs: the whole step recomputes at once.
    void editInput(int k, double value);
    void editTarget(int j, double value);
    void editWeight(int layer, int j, int k, double value);
    void editBias(int layer, int j, double value);
    void editStepLearningRate(double eta);
    void setStepBatchSize(int m);  // undoable; restarts the step from the session's samples
    void restartStepper();            // the session's current weights and sample again
    void continueWithUpdatedWeights();  // the next training step: W ← the updated weights
    // Applied by the undo commands; not for views.
    void applyStepperInputs(const StepperInputs& inputs);

    static constexpr double kMinLearningRate = 1e-5;
    static constexpr double kMaxLearningRate = 100.0;

signals:
    void changed(ns::SessionModel::Changes changes);
    void batchFinished();

private:
    void receive(const SnapshotPtr& snapshot);
    void markDirty(Changes changes);
    void flush();
    void refreshSampleTrace();
    void recomputeStep();
    void rebuildGraph();
    void pushStepperEdit(long long field, const QString& text, StepperInputs after);
    StepperInputs sessionInputs(int batch) const;
    template <typename Call>
    void toWorker(Call call);

    Mlp network_;
    Dataset data_;
    Trace sampleTrace_;
    std::vector<EpochStats> history_;
    QUndoStack* undoStack_;
    TrainingWorker* worker_ = nullptr;
    QString statusMessage_;
    TrainingStatus status_ = TrainingStatus::Ready;
    double learningRate_ = 0.01;
    int speedIndex_ = 3;
    int selectedSample_ = 0;
    int historyGeneration_ = 0;
    long epoch_ = 0;
    bool playing_ = false;
    Changes dirty_;
    bool flushScheduled_ = false;
    std::unique_ptr<FramePacer<Changes>> framePacer_;  // snapshots shown at most once per frame

    bool backpropMode_ = false;
    StepperInputs stepperInputs_;
    BackpropSteps steps_;
    std::size_t stepPosition_ = 0;
    Granularity granularity_ = Granularity::Value;
    bool stepperPlaying_ = false;
    int stepperSpeedIndex_ = 2;
    QTimer* stepperTimer_ = nullptr;
    std::optional<ValueId> selection_;
    std::optional<NeuronGraph> graph_;
    int graphLayer_ = 0;
    int graphUnit_ = 0;
    std::size_t graphPosition_ = 0;
};

}  // namespace ns

Q_DECLARE_OPERATORS_FOR_FLAGS(ns::SessionModel::Changes)
