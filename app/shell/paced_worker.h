#pragma once
// The one training thread of the app. Every model that trains (the main window's network, the
// training lab, the CNN workspace, the residual experiment) hands it a PacedTask; the worker
// time-slices among the tasks that are busy, so two windows training at once share the thread
// fairly and a pause, a reset or a new setting is seen within one slice.
//
// A PacedTask owns the pacing every trainer needs — play / pause, "n units as fast as possible",
// units per second, snapshots published at a bounded rate — and leaves to its subclass what a
// unit is (an epoch of the 4-8-4-1 net, a mini-batch of the CNN) and what a snapshot holds.
// Tasks live on the worker's thread: the GUI calls them only through queued invocations
// (PacedWorker::post) and receives immutable snapshots through queued signals.
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <vector>

class QTimer;

namespace ns {

class PacedWorker;

class PacedTask : public QObject {
    Q_OBJECT
public:
    // Worker-thread calls (through PacedWorker::post).
    void play();
    void pause();
    void runUnits(long count);             // as fast as possible, then pause and report batchDone
    void setUnitsPerSecond(double rate);   // ≤ 0: as fast as the core allows
    // After a change made from a queued call (reset, new settings): publish at once.
    void publishNow() { publish(true); }

    bool playing() const { return playing_; }
    bool busy() const { return playing_ || batchRemaining_ > 0 || hasIdleWork(); }
    double unitsPerSecond() const { return unitsPerSecond_; }

protected:
    // One unit of training. false: the task stopped (diverged, finished); playing stops.
    virtual bool trainOne() = 0;
    // Whether play() may start (false, e.g., once diverged); play() then only publishes.
    virtual bool canPlay() const { return true; }
    // Work to do while not training (e.g. evaluating the paused weights), one piece at a time.
    virtual bool hasIdleWork() const { return false; }
    virtual void idleStep() {}
    // Something new to publish (units finished since the last snapshot).
    virtual bool hasNews() const = 0;
    // Emits the subclass's snapshot; `batchDone` reports a finished runUnits request.
    virtual void emitSnapshot(bool batchDone) = 0;

    // For subclasses' queued setters: stop playing and any batch (reset, new trainer).
    void stopAll();
    // Starts the pacing clock again (after a reset or a new rate).
    void restartPacing();
    // Asks the worker for time (idle work appeared).
    void wake();

private:
    friend class PacedWorker;
    // Runs the units due within `budgetMs`; returns whether the task is still busy.
    bool work(int budgetMs);
    void publish(bool force);
    bool runOne();

    PacedWorker* worker_ = nullptr;
    QElapsedTimer sincePublish_;
    QElapsedTimer sincePlay_;
    double unitsPerSecond_ = 60;
    long unitsSincePlay_ = 0;
    long batchRemaining_ = 0;
    bool playing_ = false;
    bool batchDonePending_ = false;
};

class PacedWorker : public QObject {
    Q_OBJECT
public:
    // A snapshot is published as soon as this much time has passed since the previous one (checked
    // after every unit, not only at the end of a slice), so a task training at full speed sends
    // about 80 per second and the views, which draw on a 60 Hz frame clock, always have a new one.
    static constexpr int kPublishIntervalMs = 12;
    // The models' frame clock while training plays: at most one change notification (one frame of
    // every view) per this many milliseconds, each with the newest snapshot.
    static constexpr int kFrameIntervalMs = 15;
    static constexpr int kSliceMs = 12;            // work per tick, so queued requests are seen quickly

    // The app's training thread (started on first use, stopped when the application object goes).
    static PacedWorker& shared();

    // Moves `task` to the worker's thread and takes ownership.
    void adopt(PacedTask* task);
    // Deletes `task` on the worker's thread and returns once it is gone (no unit runs after).
    void release(PacedTask* task);
    // Runs `call` on the worker's thread, after every call posted before it.
    template <typename Task>
    static void post(Task* task, std::function<void(Task&)> call) {
        QMetaObject::invokeMethod(
            task, [task, call = std::move(call)]() { call(*task); }, Qt::QueuedConnection);
    }

    QThread* workerThread() { return &thread_; }

private:
    friend class PacedTask;
    PacedWorker();
    ~PacedWorker() override;
    void wake();  // worker thread
    void tick();  // worker thread
    void stop();

    QThread thread_;
    QObject* context_ = nullptr;  // lives on the worker thread: queued calls and the timer run there
    QTimer* timer_ = nullptr;     // a child of context_
    std::vector<QPointer<PacedTask>> tasks_;  // worker thread only
    std::size_t next_ = 0;  // round robin: who goes first in the next tick
};

}  // namespace ns
