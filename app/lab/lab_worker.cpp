#include "lab/lab_worker.h"

namespace ns {

void LabWorker::setTrainer(int generation, std::shared_ptr<LabTrainer> trainer) {
    trainer_ = std::move(trainer);
    generation_ = generation;
    stopAll();
    pending_.clear();
    publishNow();
}

void LabWorker::reset(int generation) {
    if (!trainer_) return;
    trainer_->reset();
    generation_ = generation;
    stopAll();
    pending_.clear();
    restartPacing();
    publishNow();
}

void LabWorker::setSettings(const LabSettings& settings) {
    if (!trainer_) return;
    trainer_->setSettings(settings);
    publishNow();
}

void LabWorker::setGrid(const LabGridRequest& request) { grid_ = request; }

bool LabWorker::trainOne() {
    const LabEpoch stats = trainer_->step();
    if (trainer_->status() != LabStatus::Ready) {
        // Diverged, stopped early or out of budget: pause; keep the epoch if it finished.
        if (trainer_->status() != LabStatus::Diverged) pending_.push_back(stats);
        return false;
    }
    pending_.push_back(stats);
    return true;
}

void LabWorker::emitSnapshot(bool batchDone) {
    if (!trainer_) return;
    auto snapshot = std::make_shared<LabSnapshot>();
    snapshot->generation = generation_;
    snapshot->state = trainer_->state();
    snapshot->newEpochs.swap(pending_);
    snapshot->playing = playing();
    snapshot->batchDone = batchDone;
    if (grid_) {
        snapshot->grid = std::make_shared<GridEvaluation>();
        evaluateGrid(snapshot->state.testNetwork(), grid_->features, grid_->dimension, grid_->spec, *snapshot->grid);
    }
    emit progress(std::move(snapshot));
}

}  // namespace ns
