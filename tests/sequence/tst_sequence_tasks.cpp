// The toy sequence tasks of chapter 4 and the trainer on them: the batches are what their names
// say; the gradient through time vanishes in the plain RNN and is held by the LSTM; the LSTM
// learns the adding problem where the plain RNN stays at the mean's error (exercise 11.2-3);
// clipping caps an exploding gradient; the character model learns and samples reproducibly.
#include "sequence/sequence_tasks.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace ns;
using namespace ns::engine;
using namespace ns::sequence;

namespace {

TrainerSpec addingSpec(CellKind cell) {
    TrainerSpec spec;
    spec.cell = cell;
    spec.task.kind = TaskKind::Adding;
    spec.task.length = 60;
    spec.seed = 1;
    return spec;
}

}  // namespace

class TestSequenceTasks : public QObject {
    Q_OBJECT

private slots:
    void batchesAreWhatTheTaskSays() {
        TaskSpec remember{TaskKind::RememberFirst, 12, 5};
        const SequenceBatch a = makeBatch(remember, 16, 7), b = makeBatch(remember, 16, 7), c = makeBatch(remember, 16, 8);
        QVERIFY(a.x == b.x && a.labels == b.labels);
        QVERIFY(!(a.x == c.x));
        QCOMPARE(a.x.shape(), (Shape{16, 12, 5}));
        for (Index n = 0; n < 16; ++n) {
            QCOMPARE(a.x.at({n, 0, a.labels[static_cast<std::size_t>(n)]}), 1.0);
            for (Index t = 0; t < 12; ++t) {
                double sum = 0;
                for (Index k = 0; k < 5; ++k) sum += a.x.at({n, t, k});
                QCOMPARE(sum, 1.0);  // one-hot
            }
        }
        const SequenceBatch add = makeBatch({TaskKind::Adding, 20, 4}, 10, 3);
        for (Index n = 0; n < 10; ++n) {
            double sum = 0;
            int markers = 0, firstHalf = 0;
            for (Index t = 0; t < 20; ++t)
                if (add.x.at({n, t, 1}) == 1) sum += add.x.at({n, t, 0}), ++markers, firstHalf += t < 10;
            QCOMPARE(markers, 2);
            QCOMPARE(firstHalf, 1);
            QCOMPARE(add.targets[n], sum);
        }
        const SequenceBatch sine = makeBatch({TaskKind::Sine, 15, 4}, 3, 1);
        for (Index t = 0; t + 1 < 15; ++t) QCOMPARE(sine.targets.at({2, t, 0}), sine.x.at({2, t + 1, 0}));
        const SequenceBatch text = makeBatch({TaskKind::Characters, 10, 4}, 2, 5);
        const Index K = static_cast<Index>(characterAlphabet().size());
        QCOMPARE(text.labels.size(), std::size_t(20));
        for (Index t = 0; t + 1 < 10; ++t) QCOMPARE(text.x.at({1, t + 1, text.labels[static_cast<std::size_t>(10 + t)]}), 1.0);
        QVERIFY(K > 40);  // Latin letters and punctuation plus the Chinese characters
        QVERIFY(std::find(characterAlphabet().begin(), characterAlphabet().end(), std::string("梯")) != characterAlphabet().end());
    }

    void refusesBadSettings() {
        TrainerSpec spec;
        spec.task.length = 1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequenceTrainer{spec});
        spec.task.length = 5000;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequenceTrainer{spec});
        spec = {};
        spec.hidden = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequenceTrainer{spec});
        spec = {};
        spec.eta = -1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequenceTrainer{spec});
        try {
            makeBatch({TaskKind::RememberFirst, 10, 1}, 4, 1);
            QFAIL("one symbol accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).find("symbols must be 2") != std::string::npos);
        }
    }

    // At initialisation, on 60 steps: the plain RNN's ∂L/∂h₁ is a tiny fraction of ∂L/∂h₆₀;
    // the LSTM keeps far more of it (eq. 57: C_t = f_t ⊙ C_{t−1} + …, f near 1).
    void gradientVanishesInTheRnnNotTheLstm() {
        double ratio[2];
        int k = 0;
        for (CellKind cell : {CellKind::Rnn, CellKind::Lstm}) {
            SequenceTrainer trainer(addingSpec(cell));
            NetworkTrace trace;
            const StepStats stats = trainer.traceBatch(makeBatch(trainer.spec().task, 32, 99), trace);
            QCOMPARE(stats.gradNormPerStep.size(), std::size_t(60));
            ratio[k++] = stats.gradNormPerStep.front() / stats.gradNormPerStep.back();
            QCOMPARE(stats.gradNormPerStep.back(), trace.nodes[0].find("grad_norm")->at({59}));
        }
        QVERIFY2(ratio[0] < 1e-4, qPrintable(QString::number(ratio[0])));
        QVERIFY2(ratio[1] > 100 * ratio[0], qPrintable(QStringLiteral("%1 vs %2").arg(ratio[1]).arg(ratio[0])));
    }

    // Exercise 11.2-3 on the adding problem: same seed, batches and 500 Adam steps.
    void lstmLearnsTheAddingProblemTheRnnDoesNot() {
        double loss[3];
        int k = 0;
        for (CellKind cell : {CellKind::Rnn, CellKind::Lstm, CellKind::Gru}) {
            SequenceTrainer trainer(addingSpec(cell));
            for (int s = 0; s < 500; ++s) QVERIFY(trainer.step().finite);
            loss[k++] = trainer.evaluate(8).loss;
        }
        // Predicting the mean sum (1) gives 1/6: the RNN is still about there.
        QVERIFY2(loss[0] > 0.1, qPrintable(QString::number(loss[0])));
        QVERIFY2(loss[1] < 0.03 && loss[1] < loss[0] / 5, qPrintable(QString::number(loss[1])));
        QVERIFY2(loss[2] < 0.03, qPrintable(QString::number(loss[2])));
    }

    // W_h scaled up makes ∂L/∂h_t grow backwards through time; clipping caps the update's norm.
    void explodingGradientIsClipped() {
        TrainerSpec spec = addingSpec(CellKind::Rnn);
        spec.task.length = 30;
        SequenceTrainer trainer(spec);
        auto& recurrent = dynamic_cast<Recurrent&>(*trainer.network().node(0).layer);
        recurrent.parameters()[static_cast<std::size_t>(recurrent.parameterIndex("W_h"))].value.flat() *= 6.0;
        NetworkTrace trace;
        const StepStats stats = trainer.traceBatch(makeBatch(spec.task, 32, 4), trace);
        QVERIFY2(stats.gradNormPerStep.front() > 10 * stats.gradNormPerStep.back(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(stats.gradNormPerStep.front()).arg(stats.gradNormPerStep.back())));
        const double before = clipGradientNorm(trace, 1.0);
        QCOMPARE(before, stats.gradientNorm);
        QVERIFY(before > 1.0);
        QVERIFY(std::abs(gradientNorm(trace) - 1.0) < 1e-12);
    }

    void characterModelLearnsAndSamples() {
        TrainerSpec spec;
        spec.cell = CellKind::Gru;
        spec.task = {TaskKind::Characters, 32, 4};
        spec.hidden = 48;
        SequenceTrainer trainer(spec);
        const double start = trainer.evaluate(2).loss;
        QVERIFY(std::abs(start - std::log(static_cast<double>(characterAlphabet().size()))) < 1.0);  // ≈ uniform
        for (int s = 0; s < 150; ++s) trainer.step();
        const StepStats after = trainer.evaluate(2);
        QVERIFY2(after.loss < start / 2, qPrintable(QStringLiteral("%1 → %2").arg(start).arg(after.loss)));
        const std::string greedy = trainer.sample("the ", 40, 0, 1);
        QCOMPARE(trainer.sample("the ", 40, 0, 2), greedy);  // greedy ignores the seed
        const std::set<std::string> letters(characterAlphabet().begin(), characterAlphabet().end());
        QVERIFY(greedy.size() >= 40);
        const std::string warm = trainer.sample("梯度", 40, 1.5, 3);
        QCOMPARE(trainer.sample("梯度", 40, 1.5, 3), warm);
        QVERIFY(trainer.sample("梯度", 40, 1.5, 4) != warm);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.sample("x", -1, 0, 1));
    }

    void tracesSequencesOfAnyLength() {
        TrainerSpec spec;
        spec.cell = CellKind::Lstm;
        spec.task = {TaskKind::RememberFirst, 20, 4};
        SequenceTrainer trainer(spec);
        const SequenceBatch batch = makeBatch({TaskKind::RememberFirst, 7, 4}, 1, 2);
        NetworkTrace trace;
        trainer.traceOne(batch.x, trace, true);
        QCOMPARE(trace.nodes[0].find("C")->shape(), (Shape{1, 7, 32}));
        QCOMPARE(trace.nodes[0].find("grad_norm")->size(), Index(7));
        QVERIFY(trace.nodes[0].find("grad_norm")->at({6}) > 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.traceOne(Tensor({1, 7, 3}), trace, false));
    }
};

QTEST_APPLESS_MAIN(TestSequenceTasks)
#include "tst_sequence_tasks.moc"
