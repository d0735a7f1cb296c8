#include "network/training_worker.h"

#include <QTimer>

namespace ns {

namespace {
constexpr int kPublishIntervalMs = 15;  // ≥ 60 snapshots/s: smooth at any training speed
constexpr int kSliceMs = 12;            // work per tick, so queued requests are seen quickly
}  // namespace

TrainingWorker::TrainingWorker(Trainer trainer) : trainer_(std::move(trainer)) {
    timer_ = new QTimer(this);
    timer_->setInterval(0);
    connect(timer_, &QTimer::timeout, this, &TrainingWorker::tick);
    sincePublish_.start();
}

void TrainingWorker::play() {
    if (trainer_.status() == TrainingStatus::Diverged) {
        publish(true);
        return;
    }
    playing_ = true;
    epochsSincePlay_ = 0;
    sincePlay_.start();
    timer_->start();
    publish(true);
}

void TrainingWorker::pause() {
    playing_ = false;
    batchRemaining_ = 0;
    timer_->stop();
    publish(true);
}

void TrainingWorker::runEpochs(long count) {
    batchRemaining_ = count;
    if (count <= 0) {
        batchDonePending_ = true;
        publish(true);
        return;
    }
    timer_->start();
}

void TrainingWorker::reset() {
    trainer_.reset();
    pending_.clear();
    resetPending_ = true;
    epochsSincePlay_ = 0;
    sincePlay_.start();
    publish(true);
}

void TrainingWorker::setLearningRate(double eta) { trainer_.setLearningRate(eta); }

void TrainingWorker::setEpochsPerSecond(double rate) {
    epochsPerSecond_ = rate;
    epochsSincePlay_ = 0;
    sincePlay_.start();
}

bool TrainingWorker::trainOne() {
    const EpochStats stats = trainer_.step();
    if (trainer_.status() == TrainingStatus::Diverged) {
        playing_ = false;
        if (batchRemaining_ > 0) batchDonePending_ = true;
        batchRemaining_ = 0;
        return false;
    }
    pending_.push_back(stats);
    return true;
}

void TrainingWorker::tick() {
    QElapsedTimer slice;
    slice.start();
    if (batchRemaining_ > 0) {
        while (batchRemaining_ > 0 && slice.elapsed() < kSliceMs) {
            --batchRemaining_;
            if (!trainOne()) break;
            if (batchRemaining_ == 0) batchDonePending_ = true;
        }
    } else if (playing_) {
        // Paced: as many epochs as the chosen rate says are due; unpaced: fill the slice.
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
    if (!busy) {
        timer_->stop();
    } else if (epochsPerSecond_ > 0 && batchRemaining_ == 0) {
        timer_->setInterval(4);  // paced: sleep between epochs instead of spinning
    } else {
        timer_->setInterval(0);
    }
}

void TrainingWorker::publish(bool force) {
    if (!force && sincePublish_.elapsed() < kPublishIntervalMs) return;
    if (!force && pending_.empty()) return;
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->network = trainer_.network();
    snapshot->newStats.swap(pending_);
    snapshot->epoch = trainer_.epoch();
    snapshot->status = trainer_.status();
    snapshot->message = trainer_.statusMessage();
    snapshot->playing = playing_;
    snapshot->wasReset = resetPending_;
    snapshot->batchDone = batchDonePending_;
    resetPending_ = false;
    batchDonePending_ = false;
    sincePublish_.restart();
    emit progress(std::move(snapshot));
}

}  // namespace ns
