// SessionModel in backprop mode: the cursor over the core's events, the selection, the neuron
// graph's walk, and undoable edits that recompute the whole step.
#include "network/session_model.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <set>

using namespace ns;

namespace {

std::vector<double> valuesOf(const BackpropSteps& steps) {
    std::vector<double> values;
    for (const StepEvent& e : steps.events()) values.push_back(e.value);
    return values;
}

}  // namespace

class TestStepperModel : public QObject {
    Q_OBJECT

private slots:
    void entersWithTheSessionWeightsAndSample() {
        SessionModel model;
        model.setSelectedSample(12);
        model.setLearningRate(0.5);
        QVERIFY(!model.backpropMode());
        model.setBackpropMode(true);
        QVERIFY(model.backpropMode());
        QVERIFY(model.steps().before() == model.network());
        QVERIFY(model.stepperInputs().x == model.data().X.middleRows(12, 1));
        QCOMPARE(model.steps().eta(), 0.5);
        QCOMPARE(model.steps().size(), std::size_t(202));
        QCOMPARE(model.stepPosition(), std::size_t(0));
        QVERIFY(!model.selection());
        // The graph starts at the output neuron.
        QVERIFY(model.neuronGraph());
        QCOMPARE(model.neuronGraph()->layer(), 3);
        // Nothing but givens is computed yet.
        QVERIFY(!model.isComputed({Quantity::Z, 1, 0, 0}));
        QVERIFY(model.isComputed({Quantity::Weight, 1, 0, 0}));
    }

    void nextAndBackMoveTheCursorAndTheSelection() {
        SessionModel model;
        model.setBackpropMode(true);
        QSignalSpy spy(&model, &SessionModel::changed);
        model.stepForward();
        QCOMPARE(model.stepPosition(), std::size_t(1));
        QCOMPARE(model.selection().value(), (ValueId{Quantity::Z, 1, 0, 0}));
        QVERIFY(model.isComputed({Quantity::Z, 1, 0, 0}));
        model.stepForward();
        QCOMPARE(model.selection().value(), (ValueId{Quantity::A, 1, 0, 0}));
        QTRY_VERIFY(spy.count() >= 1);
        QVERIFY(spy.last().at(0).value<SessionModel::Changes>() & SessionModel::StepperChanged);
        // Back then next: the same position and selection.
        model.stepBackward();
        QCOMPARE(model.stepPosition(), std::size_t(1));
        QCOMPARE(model.selection().value(), (ValueId{Quantity::Z, 1, 0, 0}));
        model.stepForward();
        QCOMPARE(model.stepPosition(), std::size_t(2));
        QCOMPARE(model.selection().value(), (ValueId{Quantity::A, 1, 0, 0}));
        // Layer granularity: the rest of layer 1's forward group, then all of layer 2's.
        model.setGranularity(Granularity::Layer);
        model.stepForward();
        QCOMPARE(model.stepPosition(), std::size_t(16));
        model.stepForward();
        QCOMPARE(model.stepPosition(), std::size_t(24));
        model.stepBackward();
        QCOMPARE(model.stepPosition(), std::size_t(16));
        model.stepToEnd();
        QCOMPARE(model.stepPosition(), model.steps().size());
        model.stepForward();  // past the end: stays
        QCOMPARE(model.stepPosition(), model.steps().size());
        model.stepToStart();
        QCOMPARE(model.stepPosition(), std::size_t(0));
        QVERIFY(!model.selection());
    }

    // An edited weight changes the values downstream of it (by the events' `uses`) and no
    // other; undo restores every number.
    void editedWeightRecomputesAndUndoRestores() {
        SessionModel model;
        model.setBackpropMode(true);
        model.stepToEnd();
        const BackpropSteps& steps = model.steps();
        // An output weight W⁽³⁾₁ₖ whose input a⁽²⁾ₖ is active, so the forward pass feels it.
        int k = 0;
        while (steps.valueOf({Quantity::A, 2, k, 0}) <= 0) ++k;
        const ValueId edited{Quantity::Weight, 3, 0, k};
        const std::vector<double> before = valuesOf(steps);
        const std::size_t position = model.stepPosition();
        const double w = steps.valueOf(edited);

        std::set<ValueId> downstream{edited};
        for (const StepEvent& e : steps.events())
            for (const ValueId& used : e.uses)
                if (downstream.count(used)) downstream.insert(e.id);

        model.editWeight(3, 0, k, w + 0.75);
        QCOMPARE(model.steps().valueOf(edited), w + 0.75);
        QCOMPARE(model.stepPosition(), position);  // the cursor stays
        const std::vector<double> after = valuesOf(model.steps());
        int changed = 0;
        for (std::size_t i = 0; i < after.size(); ++i) {
            const ValueId id = model.steps().events()[i].id;
            if (!downstream.count(id)) QCOMPARE(after[i], before[i]);
            else changed += after[i] != before[i];
        }
        for (const ValueId& id : {ValueId{Quantity::Z, 3, 0, 0}, ValueId{Quantity::A, 3, 0, 0},
                                  ValueId{Quantity::Loss, 3, 0, 0}, ValueId{Quantity::Delta, 3, 0, 0},
                                  ValueId{Quantity::WeightGrad, 3, 0, k},
                                  ValueId{Quantity::NewWeight, 3, 0, k}}) {
            const std::size_t i = *model.steps().eventOf(id);
            QVERIFY2(after[i] != before[i], model.steps().events()[i].unicode.symbolic.c_str());
        }
        QVERIFY(changed > 20);
        QCOMPARE(model.undoStack()->count(), 1);
        model.undoStack()->undo();
        QVERIFY(valuesOf(model.steps()) == before);
        QCOMPARE(model.steps().valueOf(edited), w);
        model.undoStack()->redo();
        QVERIFY(valuesOf(model.steps()) == after);
    }

    void inputTargetAndLearningRateEditsAreUndoable() {
        SessionModel model;
        model.setBackpropMode(true);
        const double x0 = model.stepperInputs().x(0, 0);
        const double y = model.stepperInputs().y(0, 0);
        model.editInput(0, 1.5);
        model.editInput(0, 2.5);  // merges with the previous edit of x₁
        QCOMPARE(model.undoStack()->count(), 1);
        QCOMPARE(model.steps().trace().input(0, 0), 2.5);
        model.editTarget(0, 1.0 - y);
        QCOMPARE(model.steps().trace().target(0, 0), 1.0 - y);
        model.editStepLearningRate(0.3);
        QCOMPARE(model.steps().eta(), 0.3);
        QCOMPARE(model.undoStack()->count(), 3);
        model.undoStack()->undo();
        model.undoStack()->undo();
        model.undoStack()->undo();
        QCOMPARE(model.steps().trace().input(0, 0), x0);
        QCOMPARE(model.steps().trace().target(0, 0), y);
        QCOMPARE(model.steps().eta(), model.learningRate());
        // The session's own learning rate is a separate setting.
        QCOMPARE(model.learningRate(), 0.01);
    }

    void continueTakesTheNextTrainingStep() {
        SessionModel model;
        model.setBackpropMode(true);
        model.stepToEnd();
        const Mlp updated = model.steps().after();
        const double loss = model.steps().trace().loss;
        model.continueWithUpdatedWeights();
        QVERIFY(model.steps().before() == updated);
        QCOMPARE(model.stepPosition(), std::size_t(0));
        // Gradient descent on this one sample with η = 0.01 lowers its loss.
        QVERIFY(model.steps().trace().loss < loss);
        model.undoStack()->undo();
        QVERIFY(model.steps().after() == updated);
        model.editBias(1, 3, 0.5);
        model.restartStepper();
        QVERIFY(model.steps().before() == model.network());
    }

    void graphFollowsTheSelectionAndWalksBackwards() {
        SessionModel model;
        model.setBackpropMode(true);
        model.select(ValueId{Quantity::Delta, 2, 3, 0});
        QVERIFY(model.neuronGraph());
        QCOMPARE(model.neuronGraph()->layer(), 2);
        QCOMPARE(model.neuronGraph()->unit(), 3);
        QCOMPARE(model.graphPosition(), std::size_t(0));
        model.graphForward();
        model.graphForward();
        QCOMPARE(model.graphPosition(), std::size_t(2));
        model.graphBackward();
        QCOMPARE(model.graphPosition(), std::size_t(1));
        model.graphToEnd();
        QCOMPARE(model.graphPosition(), model.neuronGraph()->backwardOrder().size());
        model.graphForward();
        QCOMPARE(model.graphPosition(), model.neuronGraph()->backwardOrder().size());
        model.select(ValueId{Quantity::WeightGrad, 1, 6, 2});  // an edge into neuron 7 of layer 1
        QCOMPARE(model.neuronGraph()->layer(), 1);
        QCOMPARE(model.neuronGraph()->unit(), 6);
        QCOMPARE(model.graphPosition(), std::size_t(0));
    }

    void playRunsToTheEnd() {
        SessionModel model;
        model.setBackpropMode(true);
        model.setGranularity(Granularity::Layer);
        model.setStepperSpeedIndex(static_cast<int>(SessionModel::stepperSpeedChoices().size()) - 1);
        model.setStepperPlaying(true);
        QVERIFY(model.isStepperPlaying());
        QTRY_COMPARE_WITH_TIMEOUT(model.stepPosition(), model.steps().size(), 5000);
        QTRY_VERIFY(!model.isStepperPlaying());
    }
};

QTEST_MAIN(TestStepperModel)
#include "test_stepper_model.moc"
