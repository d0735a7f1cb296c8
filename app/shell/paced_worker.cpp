#include "shell/paced_worker.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace ns {

namespace {
PacedWorker* sharedWorker = nullptr;
constexpr int kPacedIntervalMs = 4;  // paced tasks only: sleep between ticks instead of spinning
}  // namespace

// ---- PacedTask (worker thread) ----

void PacedTask::play() {
    if (!canPlay()) {
        playing_ = false;
        publish(true);
        return;
    }
    playing_ = true;
    restartPacing();
    wake();
    publish(true);
}

void PacedTask::pause() {
    playing_ = false;
    batchRemaining_ = 0;
    publish(true);
}

void PacedTask::runUnits(long count) {
    batchRemaining_ = std::max(0L, count);
    if (batchRemaining_ == 0 || !canPlay()) {
        batchRemaining_ = 0;
        batchDonePending_ = true;
        publish(true);
        return;
    }
    wake();
}

void PacedTask::setUnitsPerSecond(double rate) {
    unitsPerSecond_ = rate;
    restartPacing();
}

void PacedTask::stopAll() {
    playing_ = false;
    batchRemaining_ = 0;
}

void PacedTask::restartPacing() {
    unitsSincePlay_ = 0;
    sincePlay_.start();
}

void PacedTask::wake() {
    if (worker_) worker_->wake();
}

bool PacedTask::runOne() {
    if (trainOne()) return true;
    playing_ = false;
    if (batchRemaining_ > 0) batchDonePending_ = true;
    batchRemaining_ = 0;
    return false;
}

bool PacedTask::work(int budgetMs) {
    QElapsedTimer slice;
    slice.start();
    if (batchRemaining_ > 0) {
        while (batchRemaining_ > 0 && slice.elapsed() < budgetMs) {
            --batchRemaining_;
            if (!runOne()) break;
            if (batchRemaining_ == 0) batchDonePending_ = true;
            else publish(false);  // a snapshot as soon as one is due, not only at the slice's end
        }
    } else if (playing_) {
        // Paced: as many units as the chosen rate says are due; unpaced: fill the slice.
        const bool unpaced = unitsPerSecond_ <= 0;
        if (!sincePlay_.isValid()) restartPacing();
        const double due = unpaced ? 0 : unitsPerSecond_ * static_cast<double>(sincePlay_.elapsed()) / 1000.0;
        while (playing_ && slice.elapsed() < budgetMs && (unpaced || static_cast<double>(unitsSincePlay_) < due)) {
            ++unitsSincePlay_;
            if (!runOne()) break;
            publish(false);
        }
    } else {
        while (hasIdleWork() && slice.elapsed() < budgetMs) idleStep();
    }
    const bool training = playing_ || batchRemaining_ > 0;
    publish(!training || batchDonePending_);
    return busy();
}

void PacedTask::publish(bool force) {
    if (!sincePublish_.isValid()) sincePublish_.start();
    if (!force && sincePublish_.elapsed() < PacedWorker::kPublishIntervalMs) return;
    if (!force && !hasNews()) return;
    const bool batchDone = batchDonePending_;
    batchDonePending_ = false;
    sincePublish_.restart();
    emitSnapshot(batchDone);
}

// ---- PacedWorker ----

PacedWorker& PacedWorker::shared() {
    if (!sharedWorker) {
        sharedWorker = new PacedWorker;
        // Before the application object goes: every task deleted on its thread, the thread joined.
        qAddPostRoutine([] {
            if (!sharedWorker) return;
            sharedWorker->stop();
            delete sharedWorker;
            sharedWorker = nullptr;
        });
    }
    return *sharedWorker;
}

PacedWorker::PacedWorker() {
    thread_.setObjectName(QStringLiteral("training"));
    context_ = new QObject;
    timer_ = new QTimer(context_);
    timer_->setInterval(0);
    connect(timer_, &QTimer::timeout, context_, [this] { tick(); });
    context_->moveToThread(&thread_);
    thread_.start();
}

PacedWorker::~PacedWorker() { stop(); }

void PacedWorker::stop() {
    if (!thread_.isRunning()) return;
    QMetaObject::invokeMethod(
        context_,
        [this] {
            timer_->stop();
            for (const QPointer<PacedTask>& task : tasks_) delete task.data();
            tasks_.clear();
            delete timer_;
            timer_ = nullptr;
        },
        Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
    delete context_;
    context_ = nullptr;
}

void PacedWorker::adopt(PacedTask* task) {
    task->setParent(nullptr);
    task->moveToThread(&thread_);
    QMetaObject::invokeMethod(
        context_,
        [this, task] {
            task->worker_ = this;
            tasks_.emplace_back(task);
        },
        Qt::QueuedConnection);
}

void PacedWorker::release(PacedTask* task) {
    if (!task) return;
    if (!thread_.isRunning()) {
        delete task;
        return;
    }
    QMetaObject::invokeMethod(
        context_,
        [this, task] {
            tasks_.erase(std::remove(tasks_.begin(), tasks_.end(), QPointer<PacedTask>(task)), tasks_.end());
            delete task;
        },
        Qt::BlockingQueuedConnection);
}

void PacedWorker::wake() {
    if (timer_ && !timer_->isActive()) {
        timer_->setInterval(0);
        timer_->start();
    }
}

void PacedWorker::tick() {
    tasks_.erase(std::remove(tasks_.begin(), tasks_.end(), QPointer<PacedTask>()), tasks_.end());
    std::vector<PacedTask*> busy;
    for (std::size_t k = 0; k < tasks_.size(); ++k) {
        PacedTask* task = tasks_[(next_ + k) % tasks_.size()].data();
        if (task->busy()) busy.push_back(task);
    }
    if (busy.empty()) {
        timer_->stop();
        return;
    }
    // The slice is shared: with two tasks training each gets half, and whoever went first last
    // time goes second this time.
    const int budget = std::max(2, kSliceMs / static_cast<int>(busy.size()));
    bool spin = false;
    bool any = false;
    for (PacedTask* task : busy) {
        if (!task->work(budget)) continue;
        any = true;
        if (task->batchRemaining_ > 0 || task->unitsPerSecond_ <= 0 || !task->playing_) spin = true;
    }
    next_ = tasks_.empty() ? 0 : (next_ + 1) % tasks_.size();
    if (!any) timer_->stop();
    else timer_->setInterval(spin ? 0 : kPacedIntervalMs);
}

}  // namespace ns
