#pragma once
// Runs a Trainer on its own thread, so the window never waits for the math. The GUI talks to
// it only through queued calls and receives immutable snapshots, never a pointer into the loop.
#include "mlp/trainer.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <string>
#include <vector>

class QTimer;

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

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(Trainer trainer);

    // Call these through QMetaObject::invokeMethod (queued) from the GUI thread.
    void play();
    void pause();
    void runEpochs(long count);  // as fast as possible, then pause and report batchDone
    void reset();
    void setLearningRate(double eta);
    void setEpochsPerSecond(double rate);  // ≤ 0: as fast as the core allows

signals:
    void progress(ns::SnapshotPtr snapshot);

private:
    void tick();
    void publish(bool force);
    bool trainOne();

    Trainer trainer_;
    QTimer* timer_ = nullptr;
    QElapsedTimer sincePublish_;
    QElapsedTimer sincePlay_;
    std::vector<EpochStats> pending_;
    double epochsPerSecond_ = 100;
    long epochsSincePlay_ = 0;
    long batchRemaining_ = 0;
    bool playing_ = false;
    bool resetPending_ = false;
    bool batchDonePending_ = false;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::SnapshotPtr)
