#pragma once
// The main window's training: a Trainer run as a task of the app's training thread
// (PacedWorker), so the window never waits for the math. The GUI talks to it only through queued
// calls and receives immutable snapshots, never a pointer into the loop. A unit is one epoch.
#include "mlp/trainer.h"
#include "shell/paced_worker.h"

#include <memory>
#include <string>
#include <vector>

namespace ns {

struct TrainingSnapshot {
    Mlp network;                      // the weights after the newest epoch
    std::vector<EpochStats> newStats;  // epochs finished since the previous snapshot
    long epoch = 0;
    TrainingStatus status = TrainingStatus::Ready;
    std::string message;  // why training stopped, when it diverged
    bool playing = false;
    bool wasReset = false;   // history starts again from epoch 0
    bool batchDone = false;  // a trainEpochs(n) request has finished
};
using SnapshotPtr = std::shared_ptr<const TrainingSnapshot>;

class TrainingWorker : public PacedTask {
    Q_OBJECT
public:
    explicit TrainingWorker(Trainer trainer);

    // Call these through PacedWorker::post from the GUI thread (play, pause, runUnits and
    // setUnitsPerSecond come from PacedTask).
    void reset();
    void setLearningRate(double eta);

signals:
    void progress(ns::SnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override { return trainer_.status() != TrainingStatus::Diverged; }
    bool hasNews() const override { return !pending_.empty(); }
    void emitSnapshot(bool batchDone) override;

private:
    Trainer trainer_;
    std::vector<EpochStats> pending_;
    bool resetPending_ = false;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::SnapshotPtr)
