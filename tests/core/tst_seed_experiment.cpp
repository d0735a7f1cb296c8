// The textbook's experiment (seed 001 §3.2), set up exactly as `neuralscope-cli train --preset
// seed-4841` does with its default seed: 1000 samples x ~ N(0,1)⁴ labelled y = [Σx > 0], a
// 4-8-4-1 ReLU/ReLU/sigmoid network with He initialisation, binary cross-entropy and full-batch
// gradient descent at η = 0.01 for 1000 epochs. The textbook expects the loss to fall and the
// classifier to learn the rule.
#include "mlp/dataset.h"
#include "base/loss.h"
#include "mlp/mlp.h"
#include "mlp/trainer.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace ns;

namespace {

constexpr std::uint64_t kSeed = 42;  // the CLI's default --seed
constexpr long kEpochs = 1000;

Trainer seedExperiment() {
    Dataset data = makeSumSignDataset(1000, 4, kSeed);
    Mlp network = Mlp::initialized({4, 8, 4, 1},
                                   {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                                   Initialization::He, kSeed + 1);
    TrainingOptions options;
    options.loss = Loss::Bce;
    options.learningRate = 0.01;
    return Trainer(std::move(network), std::move(data), options);
}

}  // namespace

class TestSeedExperiment : public QObject {
    Q_OBJECT

private slots:
    void datasetFollowsTheSumSignRule();
    void reachesNinetyPercentAndTheLossFalls();
};

void TestSeedExperiment::datasetFollowsTheSumSignRule() {
    const Dataset data = makeSumSignDataset(1000, 4, kSeed);
    QCOMPARE(data.size(), Eigen::Index(1000));
    QCOMPARE(data.X.cols(), Eigen::Index(4));
    QCOMPARE(data.Y.cols(), Eigen::Index(1));
    long positives = 0;
    for (Eigen::Index r = 0; r < data.size(); ++r) {
        const double label = data.X.row(r).sum() > 0 ? 1.0 : 0.0;
        QVERIFY2(data.Y(r, 0) == label,
                 qPrintable(QStringLiteral("seed-4841 data row %1: label %2, but the sum of x is %3")
                                .arg(r)
                                .arg(data.Y(r, 0))
                                .arg(data.X.row(r).sum())));
        positives += label > 0;
    }
    // Σx of four N(0,1) draws is N(0,4): about half the labels are 1 (±5σ of a binomial).
    QVERIFY2(positives > 420 && positives < 580,
             qPrintable(QStringLiteral("seed-4841 data: %1 positive labels of 1000").arg(positives)));
    // x ~ N(0, 1): sample mean and variance of 4000 draws.
    const double mean = data.X.mean();
    const double variance = (data.X.array() - mean).square().mean();
    QVERIFY2(std::abs(mean) < 0.1 && std::abs(variance - 1.0) < 0.15,
             qPrintable(QStringLiteral("seed-4841 data: x has mean %1 and variance %2, expected N(0, 1)")
                            .arg(mean)
                            .arg(variance)));
}

void TestSeedExperiment::reachesNinetyPercentAndTheLossFalls() {
    Trainer trainer = seedExperiment();
    std::vector<EpochStats> history;
    for (long e = 0; e < kEpochs; ++e) {
        history.push_back(trainer.step());
        QVERIFY2(trainer.status() == TrainingStatus::Ready,
                 qPrintable(QStringLiteral("seed-4841: training stopped at epoch %1: %2")
                                .arg(e + 1)
                                .arg(QString::fromStdString(trainer.statusMessage()))));
        QVERIFY2(history.back().epoch == e + 1,
                 qPrintable(QStringLiteral("seed-4841: step %1 reported epoch %2").arg(e + 1).arg(history.back().epoch)));
    }
    QCOMPARE(trainer.epoch(), kEpochs);

    const Trace final = trainer.network().forwardBackward(trainer.data().X, trainer.data().Y, Loss::Bce);
    const double finalAccuracy = accuracy(final.output(), trainer.data().Y);
    QVERIFY2(finalAccuracy >= 0.9,
             qPrintable(QStringLiteral("seed-4841 after %1 epochs: train accuracy %2, expected at least 0.9")
                            .arg(kEpochs)
                            .arg(finalAccuracy)));
    QVERIFY2(history.front().accuracy < finalAccuracy,
             qPrintable(QStringLiteral("seed-4841: accuracy %1 before training is not below the final %2")
                            .arg(history.front().accuracy)
                            .arg(finalAccuracy)));
    QVERIFY2(std::abs(final.accuracy - finalAccuracy) < 1e-12,
             qPrintable(QStringLiteral("seed-4841: trace accuracy %1 differs from accuracy() %2")
                            .arg(final.accuracy)
                            .arg(finalAccuracy)));

    // The loss falls: overall by more than half, through the quarter marks, and (full-batch
    // gradient descent with a small step) never rising from one epoch to the next.
    const double first = history.front().loss;
    QVERIFY2(std::isfinite(first) && final.loss < 0.5 * first,
             qPrintable(QStringLiteral("seed-4841: loss went from %1 to %2, expected less than half")
                            .arg(first)
                            .arg(final.loss)));
    const double marks[] = {history[0].loss, history[249].loss, history[499].loss, history[999].loss,
                            final.loss};
    for (int i = 1; i < 5; ++i)
        QVERIFY2(marks[i] < marks[i - 1],
                 qPrintable(QStringLiteral("seed-4841: loss at quarter mark %1 (%2) is not below the "
                                           "previous mark (%3)")
                                .arg(i)
                                .arg(marks[i], 0, 'g', 17)
                                .arg(marks[i - 1], 0, 'g', 17)));
    for (std::size_t e = 1; e < history.size(); ++e)
        QVERIFY2(history[e].loss <= history[e - 1].loss + 1e-12,
                 qPrintable(QStringLiteral("seed-4841: loss rose from %1 to %2 at epoch %3")
                                .arg(history[e - 1].loss, 0, 'g', 17)
                                .arg(history[e].loss, 0, 'g', 17)
                                .arg(e + 1)));
}

QTEST_GUILESS_MAIN(TestSeedExperiment)
#include "tst_seed_experiment.moc"
