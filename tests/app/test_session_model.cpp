// The app-side model: undoable settings, the selected sample's trace, batched notifications.
#include "network/session_model.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace ns;

class TestSessionModel : public QObject {
    Q_OBJECT

private slots:
    void opensTheTextbookNetwork() {
        SessionModel model;
        QCOMPARE(model.network().sizes(), (std::vector<int>{4, 8, 4, 1}));
        QCOMPARE(model.network().parameterCount(), std::size_t{81});
        QCOMPARE(model.data().size(), Eigen::Index{1000});
        QCOMPARE(model.learningRate(), 0.01);
    }

    void learningRateIsUndoable() {
        SessionModel model;
        model.setLearningRate(0.1);
        QCOMPARE(model.learningRate(), 0.1);
        model.setLearningRate(0.2);  // merges with the previous edit
        QCOMPARE(model.undoStack()->count(), 1);
        model.undoStack()->undo();
        QCOMPARE(model.learningRate(), 0.01);
        model.undoStack()->redo();
        QCOMPARE(model.learningRate(), 0.2);
        model.setLearningRate(1e9);  // clamped to the documented maximum
        QCOMPARE(model.learningRate(), SessionModel::kMaxLearningRate);
    }

    void selectedSampleTraceComesFromTheCore() {
        SessionModel model;
        model.setSelectedSample(7);
        const Trace& trace = model.sampleTrace();
        QCOMPARE(trace.input.rows(), Eigen::Index{1});
        QVERIFY(trace.input.row(0) == model.data().X.row(7));
        const Trace expected = model.network().forward(model.data().X.middleRows(7, 1));
        QCOMPARE(trace.output()(0, 0), expected.output()(0, 0));
        model.setSelectedSample(5000);  // clamped to the last sample
        QCOMPARE(model.selectedSample(), 999);
    }

    void notificationsAreBatched() {
        SessionModel model;
        QSignalSpy spy(&model, &SessionModel::changed);
        model.setLearningRate(0.05);
        model.setSpeedIndex(1);
        model.setSelectedSample(3);
        QCOMPARE(spy.count(), 0);  // nothing until the event loop turns
        QTRY_COMPARE(spy.count(), 1);
        const auto changes = spy.at(0).at(0).value<SessionModel::Changes>();
        QVERIFY(changes & SessionModel::SettingsChanged);
        QVERIFY(changes & SessionModel::SampleChanged);
    }

    void trainingEpochsMatchesTheCore() {
        SessionModel model;
        const Mlp initial = model.network();
        QSignalSpy done(&model, &SessionModel::batchFinished);
        model.trainEpochs(10);
        QTRY_COMPARE(done.count(), 1);
        QTRY_COMPARE(model.epoch(), 10L);
        // The same ten epochs run directly on the core give bitwise the same weights.
        TrainingOptions options;
        Trainer trainer(initial, model.data(), options);
        for (int e = 0; e < 10; ++e) trainer.step();
        QVERIFY(trainer.network() == model.network());
        QCOMPARE(model.history().size(), std::size_t{10});
        QCOMPARE(model.history().back().loss, trainer.lastTrace().loss);
    }
};

QTEST_MAIN(TestSessionModel)
#include "test_session_model.moc"
