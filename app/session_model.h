#pragma once
// The one owner of the app's state: the network being trained, its data, the training
// settings, the history of every epoch and the undo stack. Views observe it through changed()
// (batched: many updates in one event-loop turn become one signal) and ask for changes through
// its intent methods; undoable intents go through the QUndoStack.
#include "trainer.h"
#include "training_worker.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <vector>

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
    template <typename Call>
    void toWorker(Call call);

    Mlp network_;
    Dataset data_;
    Trace sampleTrace_;
    std::vector<EpochStats> history_;
    QUndoStack* undoStack_;
    QThread thread_;
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
};

}  // namespace ns

Q_DECLARE_OPERATORS_FOR_FLAGS(ns::SessionModel::Changes)
