// A learning rate far too large makes gradient descent blow up. The trainer must notice, say so,
// keep the last finite weights and refuse to move until it is reset (trainer.h).
#include "mlp/dataset.h"
#include "mlp/mlp.h"
#include "mlp/trainer.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace ns;

namespace {

// y = x·(1, −2, 0.5) + 0.5: a linear target that an identity network fits exactly.
Dataset linearRegression() {
    std::mt19937_64 rng(2024);
    std::normal_distribution<double> normal;
    Dataset data{Matrix(64, 3), Matrix(64, 1)};
    for (Eigen::Index r = 0; r < 64; ++r) {
        for (Eigen::Index c = 0; c < 3; ++c) data.X(r, c) = normal(rng);
        data.Y(r, 0) = data.X(r, 0) - 2.0 * data.X(r, 1) + 0.5 * data.X(r, 2) + 0.5;
    }
    return data;
}

Trainer regressionTrainer(double eta) {
    TrainingOptions options;
    options.loss = Loss::Mse;
    options.learningRate = eta;
    return Trainer(Mlp::initialized({3, 4, 1}, {Activation::Identity, Activation::Identity},
                                    Initialization::He, 11),
                   linearRegression(), options);
}

bool bitwiseEqual(const Mlp& a, const Mlp& b) {
    if (a.sizes() != b.sizes()) return false;
    for (std::size_t l = 0; l < a.layers().size(); ++l) {
        const DenseLayer &x = a.layer(l), &y = b.layer(l);
        if (std::memcmp(x.W.data(), y.W.data(), sizeof(double) * static_cast<std::size_t>(x.W.size())) ||
            std::memcmp(x.b.data(), y.b.data(), sizeof(double) * static_cast<std::size_t>(x.b.size())))
            return false;
    }
    return true;
}

}  // namespace

class TestDivergence : public QObject {
    Q_OBJECT

private slots:
    void sensibleRateConverges();
    void hugeRateDivergesAndFreezes();
    void overflowingUpdateIsUndone();
};

// The control: the same problem at η = 0.05 trains without incident, so the divergence below is
// the learning rate's doing.
void TestDivergence::sensibleRateConverges() {
    Trainer trainer = regressionTrainer(0.05);
    const double first = trainer.step().loss;
    for (int e = 1; e < 300; ++e) trainer.step();
    QVERIFY2(trainer.status() == TrainingStatus::Ready,
             qPrintable("mse regression at eta 0.05 reported: " + QString::fromStdString(trainer.statusMessage())));
    QVERIFY2(trainer.statusMessage().empty(), "a trainer that did not diverge has a status message");
    const double last = trainer.step().loss;
    QVERIFY2(last < 1e-3 * first,
             qPrintable(QStringLiteral("mse regression at eta 0.05: loss %1 after 300 epochs, from %2")
                            .arg(last)
                            .arg(first)));
}

void TestDivergence::hugeRateDivergesAndFreezes() {
    const double eta = 1e6;
    Trainer trainer = regressionTrainer(eta);
    Mlp beforeLastStep;
    long epochBefore = 0;
    for (int e = 0; e < 1000 && trainer.status() == TrainingStatus::Ready; ++e) {
        beforeLastStep = trainer.network();
        epochBefore = trainer.epoch();
        trainer.step();
    }
    QVERIFY2(trainer.status() == TrainingStatus::Diverged,
             qPrintable(QStringLiteral("mse regression at eta 1e6: still Ready after %1 epochs, loss %2")
                            .arg(trainer.epoch())
                            .arg(trainer.lastTrace().loss)));
    const QString message = QString::fromStdString(trainer.statusMessage());
    QVERIFY2(message.contains(QLatin1String("diverged")) && message.contains(QLatin1String("learning rate")),
             qPrintable("mse regression at eta 1e6: the status message should say it diverged and "
                        "name the learning rate, found \"" + message + "\""));
    QVERIFY2(trainer.network().allFinite(), "mse regression at eta 1e6: the weights are not finite");
    QVERIFY2(bitwiseEqual(trainer.network(), beforeLastStep),
             "mse regression at eta 1e6: the weights are not the last finite ones before the failing epoch");
    QVERIFY2(trainer.epoch() == epochBefore,
             qPrintable(QStringLiteral("mse regression at eta 1e6: the failing epoch was counted (%1, before it %2)")
                            .arg(trainer.epoch())
                            .arg(epochBefore)));
    QVERIFY2(trainer.epoch() >= 1, "mse regression at eta 1e6: diverged before any update was made");

    // Further steps change nothing.
    const Mlp frozen = trainer.network();
    const long frozenEpoch = trainer.epoch();
    for (int i = 0; i < 5; ++i) {
        trainer.step();
        QVERIFY2(trainer.status() == TrainingStatus::Diverged,
                 qPrintable(QStringLiteral("mse regression at eta 1e6: step %1 after divergence left the Diverged state").arg(i + 1)));
        QVERIFY2(bitwiseEqual(trainer.network(), frozen),
                 qPrintable(QStringLiteral("mse regression at eta 1e6: step %1 after divergence changed the weights").arg(i + 1)));
        QVERIFY2(trainer.epoch() == frozenEpoch,
                 qPrintable(QStringLiteral("mse regression at eta 1e6: step %1 after divergence advanced the epoch").arg(i + 1)));
    }

    // Not even with a sensible rate: the header asks for a reset first.
    trainer.setLearningRate(0.01);
    trainer.step();
    QVERIFY2(trainer.status() == TrainingStatus::Diverged && bitwiseEqual(trainer.network(), frozen),
             "mse regression at eta 1e6: lowering the rate without reset() moved the diverged trainer");

    // reset() brings back the initial network and clears the state.
    trainer.reset();
    QVERIFY2(trainer.status() == TrainingStatus::Ready && trainer.statusMessage().empty() && trainer.epoch() == 0,
             "after reset(): expected status Ready, no message, epoch 0");
    QVERIFY2(bitwiseEqual(trainer.network(), trainer.initialNetwork()),
             "after reset(): the network is not the initial one");
}

// η = 1e308: the first update itself overflows (W − η·∂L/∂W = ±inf although the gradient is
// finite). The trainer must put the weights back, not keep the infinities.
void TestDivergence::overflowingUpdateIsUndone() {
    Trainer trainer = regressionTrainer(1e308);
    const EpochStats first = trainer.step();
    QVERIFY2(std::isfinite(first.loss), "eta 1e308: the loss before the first update should be finite");
    QVERIFY2(trainer.status() == TrainingStatus::Diverged,
             "eta 1e308: an update to infinite weights was accepted");
    const QString message = QString::fromStdString(trainer.statusMessage());
    QVERIFY2(message.contains(QLatin1String("diverged")) && message.contains(QLatin1String("learning rate")),
             qPrintable("eta 1e308: the status message should say it diverged and name the learning "
                        "rate, found \"" + message + "\""));
    QVERIFY2(trainer.network().allFinite(), "eta 1e308: the weights are not finite");
    QVERIFY2(bitwiseEqual(trainer.network(), trainer.initialNetwork()),
             "eta 1e308: the weights are not the initial ones the failing update started from");
    QVERIFY2(trainer.epoch() == 0, qPrintable(QStringLiteral("eta 1e308: epoch %1 after a rejected update, expected 0").arg(trainer.epoch())));

    // Here the frozen weights have a finite loss, so only the Diverged state keeps them frozen.
    trainer.setLearningRate(0.01);
    trainer.step();
    QVERIFY2(trainer.status() == TrainingStatus::Diverged && trainer.epoch() == 0 &&
                 bitwiseEqual(trainer.network(), trainer.initialNetwork()),
             "eta 1e308: lowering the rate without reset() moved the diverged trainer");
    trainer.reset();
    trainer.step();
    QVERIFY2(trainer.status() == TrainingStatus::Ready && trainer.epoch() == 1 &&
                 !bitwiseEqual(trainer.network(), trainer.initialNetwork()),
             "eta 0.01 after reset(): the trainer did not take a step");
}

QTEST_GUILESS_MAIN(TestDivergence)
#include "tst_divergence.moc"
