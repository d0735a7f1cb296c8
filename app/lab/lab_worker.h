#pragma once
// Runs the training lab's LabTrainer on its own thread, as TrainingWorker does for the main
// window: the GUI talks to it through queued calls only and receives immutable snapshots.
#include "lab/lab_trainer.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <vector>

class QTimer;

namespace ns {

struct LabSnapshot {
    int generation = 0;                // which trainer produced it (stale ones are dropped)
    LabTrainerState state;             // weights, optimizer and early-stopping state, status
    std::vector<LabEpoch> newEpochs;   // epochs finished since the previous snapshot
    bool playing = false;
    bool batchDone = false;   // a runEpochs(n) request has finished
};
using LabSnapshotPtr = std::shared_ptr<const LabSnapshot>;

class LabWorker : public QObject {
    Q_OBJECT
public:
    LabWorker() = default;

    // Call these through QMetaObject::invokeMethod (queued) from the GUI thread.
    void setTrainer(int generation, std::shared_ptr<LabTrainer> trainer);  // pauses
    void play();
    void pause();
    void runEpochs(long count);
    void reset(int generation);  // the initial weights again; a new generation of snapshots
    void setSettings(const LabSettings& settings);
    void setEpochsPerSecond(double rate);  // ≤ 0: as fast as the core allows

signals:
    void progress(ns::LabSnapshotPtr snapshot);

private:
    void tick();
    void publish(bool force);
    bool trainOne();
    void ensureTimer();

    std::shared_ptr<LabTrainer> trainer_;
    int generation_ = 0;
    QTimer* timer_ = nullptr;
    QElapsedTimer sincePublish_;
    QElapsedTimer sincePlay_;
    std::vector<LabEpoch> pending_;
    double epochsPerSecond_ = 60;
    long epochsSincePlay_ = 0;
    long batchRemaining_ = 0;
    bool playing_ = false;
    bool batchDonePending_ = false;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::LabSnapshotPtr)
