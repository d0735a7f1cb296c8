#include "network/training_worker.h"

namespace ns {

TrainingWorker::TrainingWorker(Trainer trainer) : trainer_(std::move(trainer)) { setUnitsPerSecond(100); }

void TrainingWorker::reset() {
    trainer_.reset();
    pending_.clear();
    resetPending_ = true;
    restartPacing();
    publishNow();
}

void TrainingWorker::setLearningRate(double eta) { trainer_.setLearningRate(eta); }

bool TrainingWorker::trainOne() {
    const EpochStats stats = trainer_.step();
    if (trainer_.status() == TrainingStatus::Diverged) return false;
    pending_.push_back(stats);
    return true;
}

void TrainingWorker::emitSnapshot(bool batchDone) {
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->network = trainer_.network();
    snapshot->newStats.swap(pending_);
    snapshot->epoch = trainer_.epoch();
    snapshot->status = trainer_.status();
    snapshot->message = trainer_.statusMessage();
    snapshot->playing = playing();
    snapshot->wasReset = resetPending_;
    snapshot->batchDone = batchDone;
    resetPending_ = false;
    emit progress(std::move(snapshot));
}

}  // namespace ns
