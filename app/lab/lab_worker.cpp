#include "lab/lab_worker.h"

#include <QTimer>

namespace ns {

namespace {
constexpr int kPublishIntervalMs = 15;  // ≥ 60 snapshots/s
constexpr int kSliceMs = 12;            // work per tick, so queued requests are seen quickly
}  // namespace

void LabWorker::ensureTimer() {
    if (timer_) return;
    timer_ = new QTimer(this);
    timer_->setInterval(0);
    connect(timer_, &QTimer::timeout, this, &LabWorker::tick);
    sincePublish_.start();
}

void LabWorker::setTrainer(int generation, std::shared_ptr<LabTrainer> trainer) {
    ensureTimer();
    trainer_ = std::move(trainer);
    generation_ = generation;
    playing_ = false;
    batchRemaining_ = 0;
    pending_.clear();
    timer_->stop();
    publish(true);
}

void LabWorker::play() {
    ensureTimer();
    if (!trainer_ || trainer_->status() != LabStatus::Ready) {
        playing_ = false;
        publish(true);
        return;
    }
    playing_ = true;
    epochsSincePlay_ = 0;
    sincePlay_.start();
    timer_->start();
    publish(true);
}

void LabWorker::pause() {
    ensureTimer();
    playing_ = false;
    batchRemaining_ = 0;
    timer_->stop();
    publish(true);
}

void LabWorker::runEpochs(long count) {
    ensureTimer();
    batchRemaining_ = count;
    if (count <= 0 || !trainer_) {
        batchRemaining_ = 0;
        batchDonePending_ = true;
        publish(true);
        return;
    }
    timer_->start();
}

void LabWorker::reset(int generation) {
    ensureTimer();
    if (!trainer_) return;
    trainer_->reset();
    generation_ = generation;
    playing_ = false;
    batchRemaining_ = 0;
    timer_->stop();
    pending_.clear();
    epochsSincePlay_ = 0;
    sincePlay_.start();
    publish(true);
}

void LabWorker::setSettings(const LabSettings& settings) {
    ensureTimer();
    if (!trainer_) return;
    trainer_->setSettings(settings);
    publish(true);
}

void LabWorker::setEpochsPerSecond(double rate) {
    epochsPerSecond_ = rate;
    epochsSincePlay_ = 0;
    sincePlay_.start();
}

bool LabWorker::trainOne() {
    const LabEpoch stats = trainer_->step();
    if (trainer_->status() != LabStatus::Ready) {
        // Diverged, stopped early or out of budget: pause; keep the epoch if it finished.
        if (trainer_->status() != LabStatus::Diverged) pending_.push_back(stats);
        playing_ = false;
        if (batchRemaining_ > 0) batchDonePending_ = true;
        batchRemaining_ = 0;
        return false;
    }
    pending_.push_back(stats);
    return true;
}

void LabWorker::tick() {
    if (!trainer_) {
        timer_->stop();
        return;
    }
    QElapsedTimer slice;
    slice.start();
    if (batchRemaining_ > 0) {
        while (batchRemaining_ > 0 && slice.elapsed() < kSliceMs) {
            --batchRemaining_;
            if (!trainOne()) break;
            if (batchRemaining_ == 0) batchDonePending_ = true;
        }
    } else if (playing_) {
        const bool unpaced = epochsPerSecond_ <= 0;
        const double due = unpaced ? 0 : epochsPerSecond_ * sincePlay_.elapsed() / 1000.0;
        while (playing_ && slice.elapsed() < kSliceMs &&
               (unpaced || static_cast<double>(epochsSincePlay_) < due)) {
            ++epochsSincePlay_;
            if (!trainOne()) break;
        }
    }
    const bool busy = playing_ || batchRemaining_ > 0;
    publish(!busy || batchDonePending_);
    if (!busy) timer_->stop();
    else timer_->setInterval(epochsPerSecond_ > 0 && batchRemaining_ == 0 ? 4 : 0);
}

void LabWorker::publish(bool force) {
    if (!trainer_) return;
    if (!force && sincePublish_.elapsed() < kPublishIntervalMs) return;
    if (!force && pending_.empty()) return;
    auto snapshot = std::make_shared<LabSnapshot>();
    snapshot->generation = generation_;
    snapshot->state = trainer_->state();
    snapshot->newEpochs.swap(pending_);
    snapshot->playing = playing_;
    snapshot->batchDone = batchDonePending_;
    batchDonePending_ = false;
    sincePublish_.restart();
    emit progress(std::move(snapshot));
}

}  // namespace ns
