#pragma once
// Change notification batched the way every model here does it: any number of edits in one turn
// of the event loop give one signal (a dirty flag and a 0 ms single-shot timer).
#include <QObject>
#include <QTimer>

namespace ns {

class BatchedNotifier {
public:
    // Calls `notify` once, soon, on `owner`'s thread, however often this is called before then.
    template <typename Notify>
    void schedule(QObject* owner, Notify notify) {
        if (pending_) return;
        pending_ = true;
        QTimer::singleShot(0, owner, [this, notify] {
            pending_ = false;
            notify();
        });
    }

private:
    bool pending_ = false;
};

}  // namespace ns
