#pragma once
// The training lab's LabTrainer as a task of the app's training thread (PacedWorker), as
// TrainingWorker is for the main window: the GUI talks to it through queued calls only and
// receives immutable snapshots. A unit is one epoch.
#include "lab/grid.h"
#include "lab/lab_features.h"
#include "lab/lab_trainer.h"
#include "shell/paced_worker.h"

#include <memory>
#include <optional>
#include <vector>

namespace ns {

struct LabSnapshot {
    int generation = 0;                // which trainer produced it (stale ones are dropped)
    LabTrainerState state;             // weights, optimizer and early-stopping state, status
    std::vector<LabEpoch> newEpochs;   // epochs finished since the previous snapshot
    bool playing = false;
    bool batchDone = false;   // a runUnits(n) request has finished
    // The test-time network evaluated over the plane, done here so the GUI thread only swaps it
    // in; null before the first grid request. Only the receiving GUI thread touches it.
    std::shared_ptr<GridEvaluation> grid;
};

// What the decision boundary's grid covers (LabModel's spec for the current data and features).
struct LabGridRequest {
    GridSpec spec;
    FeatureSet features = kDefaultFeatures;
    int dimension = 2;
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
    // Every snapshot from now on carries the grid evaluation for this request.
    void setGrid(const LabGridRequest& request);

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
    std::optional<LabGridRequest> grid_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::LabSnapshotPtr)
