// The app's one training thread: tasks run on it (not on the GUI thread), share it when two
// train at once, keep their pace, finish batches exactly, and stop for good when released.
#include "shell/paced_worker.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace ns;

namespace {

class CountingTask : public PacedTask {
    Q_OBJECT
public:
    explicit CountingTask(long stopAfter = -1) : stopAfter_(stopAfter) {}
    std::atomic<long> units{0};
    std::atomic<bool> ranOnWorker{true};
    QThread* expectedThread = nullptr;

signals:
    void snapshot(long units, bool playing, bool batchDone);

protected:
    bool trainOne() override {
        if (QThread::currentThread() != expectedThread) ranOnWorker = false;
        QThread::usleep(200);  // a unit of real work
        ++units;
        ++news_;
        return stopAfter_ < 0 || units < stopAfter_;
    }
    bool hasNews() const override { return news_ > 0; }
    void emitSnapshot(bool batchDone) override {
        news_ = 0;
        emit snapshot(units.load(), playing(), batchDone);
    }

private:
    long stopAfter_;
    long news_ = 0;
};

}  // namespace

class TestPacedWorker : public QObject {
    Q_OBJECT
private slots:
    void twoTasksShareTheThread();
    void batchesAreExact();
    void pacedTaskKeepsItsRate();
    void stoppingTaskPausesItself();
};

void TestPacedWorker::twoTasksShareTheThread() {
    PacedWorker& worker = PacedWorker::shared();
    auto* a = new CountingTask;
    auto* b = new CountingTask;
    a->expectedThread = b->expectedThread = worker.workerThread();
    worker.adopt(a);
    worker.adopt(b);
    for (CountingTask* t : {a, b}) {
        PacedWorker::post<CountingTask>(t, [](CountingTask& task) {
            task.setUnitsPerSecond(0);
            task.play();
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(a->units > 200 && b->units > 200, 5000);
    QVERIFY(a->ranOnWorker);
    QVERIFY(b->ranOnWorker);
    // Fair shares: neither starves the other.
    const double ratio = double(a->units) / double(b->units);
    QVERIFY2(ratio > 0.5 && ratio < 2.0, qPrintable(QString::number(ratio)));
    worker.release(a);
    const long bBefore = b->units;
    QTRY_VERIFY_WITH_TIMEOUT(b->units > bBefore + 100, 5000);  // b goes on alone
    worker.release(b);
}

void TestPacedWorker::batchesAreExact() {
    PacedWorker& worker = PacedWorker::shared();
    auto* task = new CountingTask;
    task->expectedThread = worker.workerThread();
    QSignalSpy spy(task, &CountingTask::snapshot);
    worker.adopt(task);
    PacedWorker::post<CountingTask>(task, [](CountingTask& t) { t.runUnits(137); });
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && spy.last().at(2).toBool(), 5000);
    QCOMPARE(spy.last().at(0).toLongLong(), 137LL);
    QCOMPARE(spy.last().at(1).toBool(), false);
    QTest::qWait(50);
    QCOMPARE(task->units.load(), 137L);  // nothing after the batch
    worker.release(task);
}

void TestPacedWorker::pacedTaskKeepsItsRate() {
    PacedWorker& worker = PacedWorker::shared();
    auto* task = new CountingTask;
    task->expectedThread = worker.workerThread();
    worker.adopt(task);
    PacedWorker::post<CountingTask>(task, [](CountingTask& t) {
        t.setUnitsPerSecond(50);
        t.play();
    });
    QTest::qWait(1000);
    const long units = task->units;
    worker.release(task);
    // 50 units/s for a second; generous bounds for a loaded machine, far from unpaced (thousands).
    QVERIFY2(units >= 25 && units <= 70, qPrintable(QString::number(units)));
}

void TestPacedWorker::stoppingTaskPausesItself() {
    PacedWorker& worker = PacedWorker::shared();
    auto* task = new CountingTask(40);
    task->expectedThread = worker.workerThread();
    QSignalSpy spy(task, &CountingTask::snapshot);
    worker.adopt(task);
    PacedWorker::post<CountingTask>(task, [](CountingTask& t) {
        t.setUnitsPerSecond(0);
        t.play();
    });
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && !spy.last().at(1).toBool() && spy.last().at(0).toLongLong() == 40, 5000);
    QTest::qWait(50);
    QCOMPARE(task->units.load(), 40L);
    worker.release(task);
}

QTEST_MAIN(TestPacedWorker)
#include "test_paced_worker.moc"
