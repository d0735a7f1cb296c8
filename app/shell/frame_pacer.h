#pragma once
// While training plays, snapshots arrive faster than a screen refreshes: the first one after a
// pause is shown at once, the rest on a 60 Hz-like frame clock, the newest changes per tick.
// Shared by the models that show training snapshots (SessionModel, LabModel).
#include "shell/paced_worker.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace ns {

template <class Changes>
class FramePacer {
public:
    // `show(changes)` marks changes for the model's batched notification; `flush(changes)`
    // shows them at once (a frame tick).
    FramePacer(QObject* owner, std::function<void(Changes)> show, std::function<void(Changes)> flush)
        : clock_(new QTimer(owner)), show_(std::move(show)), flush_(std::move(flush)) {
        clock_->setTimerType(Qt::PreciseTimer);
        clock_->setInterval(PacedWorker::kFrameIntervalMs);
        QObject::connect(clock_, &QTimer::timeout, owner, [this] { tick(); });
    }

    // A snapshot's changes: held for the next tick while playing with a frame running, unless
    // `now` (a finished batch, a status change) asks for them at once.
    void offer(Changes changes, bool playing, bool now) {
        if (playing && !now && clock_->isActive()) {
            held_ |= changes;
            return;
        }
        show_(changes | held_);
        held_ = {};
        if (playing) clock_->start();
        else clock_->stop();
    }

private:
    void tick() {
        if (!held_) {  // no snapshot within a whole frame: training is slow or stopped
            clock_->stop();
            return;
        }
        const Changes changes = held_;
        held_ = {};
        flush_(changes);
    }

    QTimer* clock_;
    std::function<void(Changes)> show_, flush_;
    Changes held_;
};

}  // namespace ns
