#pragma once
// The training lab's LabTrainer as a task of the app's training thread (PacedWorker), as
// TrainingWorker is for the main window: the GUI talks to it through queued calls only and
// receives immutable snapshots. A unit is one epoch.
#include "lab/lab_trainer.h"
#include "shell/paced_worker.h"

#include <memory>
#include <vector>

namespace ns {

struct LabSnapshot {
    int generation = 0;                // which trainer produced it (stale ones are dropped)
    LabTrainerState state;             // weights, optimizer and early-stopping state, status
    std::vector<LabEpoch> newEpochs;   // epochs finished since the previous snapshot
    bool playing = false;
    bool batchDone = false;   // a runUnits(n) request has finished
};
using LabSnapshotPtr = std::shared_ptr<const LabSnapshot>;

class LabWorker : public PacedTask {
    Q_OBJECT
public:
    LabWorker() = default;

    // Call these through PacedWorker::post from the GUI thread (play, pause, runUnits and
    // setUnitsPerSecond come from PacedTask).
    void setTrainer(int generation, std::shared_ptr<LabTrainer> trainer);  // pauses
    void reset(int generation);  // the initial weights again; a new generation of snapshots
    void setSettings(const LabSettings& settings);

signals:
    void progress(ns::LabSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override { return trainer_ && trainer_->status() == LabStatus::Ready; }
    bool hasNews() const override { return !pending_.empty(); }
    void emitSnapshot(bool batchDone) override;

private:
    std::shared_ptr<LabTrainer> trainer_;
    int generation_ = 0;
    std::vector<LabEpoch> pending_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::LabSnapshotPtr)
