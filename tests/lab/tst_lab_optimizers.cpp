// Optimizers, learning-rate schedules, L1/L2 penalties, dropout and early stopping against values
// worked out by hand from the textbook's formulas (seed 001 §5.1 eqs. 60–69, §5.3 eq. 74; seed
// 002's optimizer, schedule and regularization formulas; seed 004 §2 early stopping).
#include "lab/dropout.h"
#include "lab/early_stopping.h"
#include "lab/lr_schedule.h"
#include "lab/optimizer.h"
#include "mlp/parameters.h"
#include "base/random.h"
#include "lab/regularization.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace ns;

namespace {

Vector vec(std::initializer_list<double> values) {
    Vector v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double x : values) v(i++) = x;
    return v;
}

// |a − b| within a few ulps of the larger magnitude: the hand values are exact decimals.
bool close(double a, double b, double tolerance = 1e-15) {
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

#define EXPECT_CLOSE(actual, expected)                                                             \
    QVERIFY2(close((actual), (expected)),                                                          \
             qPrintable(QStringLiteral("%1 = %2, expected %3")                                     \
                            .arg(QStringLiteral(#actual))                                          \
                            .arg((actual), 0, 'g', 17)                                             \
                            .arg((expected), 0, 'g', 17)))

}  // namespace

class TestLabOptimizers : public QObject {
    Q_OBJECT

private slots:
    void gradientDescentVariantsTakeOnePlainStep();
    void samplesPerUpdateFollowsTheMethod();
    void momentumOneStepAsSeed001Writes();
    void momentumVelocityFormAsSeed002Writes();
    void adamTwoStepsWithBiasCorrection();
    void adamFirstStepMovesByEtaWhateverTheGradientScale();
    void badOptimizerSettingsAreNamed();
    void changingMethodClearsState();
    void constantSchedule();
    void stepDecayAtChosenEpochs();
    void cosineAtChosenEpochs();
    void warmupCosineAtChosenEpochs();
    void badSchedulesAreNamed();
    void flattenRoundTripsInTextbookOrder();
    void l2PenaltyAndGradient();
    void l1PenaltyAndGradient();
    void dropoutKeepsTheExpectation();
    void dropoutValuesAreZeroOrScaled();
    void dropoutZeroKeepsEverything();
    void earlyStoppingAfterPatience();
    void earlyStoppingOffNeverStops();
};

// Eqs. 60–62: all three apply θ ← θ − η g; they differ only in which samples g comes from.
void TestLabOptimizers::gradientDescentVariantsTakeOnePlainStep() {
    for (OptimizerKind kind : {OptimizerKind::BatchGd, OptimizerKind::Sgd, OptimizerKind::MiniBatch}) {
        Optimizer optimizer({.kind = kind});
        Vector theta = vec({1.0, -0.5});
        optimizer.step(theta, vec({0.5, -2.0}), 0.1);
        EXPECT_CLOSE(theta(0), 0.95);   // 1 − 0.1·0.5
        EXPECT_CLOSE(theta(1), -0.3);   // −0.5 − 0.1·(−2)
        QCOMPARE(optimizer.state().t, 1L);
    }
}

void TestLabOptimizers::samplesPerUpdateFollowsTheMethod() {
    QCOMPARE(samplesPerUpdate({.kind = OptimizerKind::BatchGd, .batchSize = 8}, 500), Eigen::Index(500));
    QCOMPARE(samplesPerUpdate({.kind = OptimizerKind::Sgd, .batchSize = 8}, 500), Eigen::Index(1));
    QCOMPARE(samplesPerUpdate({.kind = OptimizerKind::MiniBatch, .batchSize = 8}, 500), Eigen::Index(8));
    QCOMPARE(samplesPerUpdate({.kind = OptimizerKind::Adam, .batchSize = 64}, 20), Eigen::Index(20));
    QCOMPARE(samplesPerUpdate({.kind = OptimizerKind::Momentum, .batchSize = 16}, 100), Eigen::Index(16));
}

// Eqs. 63–64 with β = 0.9, η = 0.1, v₀ = 0, g = (0.5, −2):
//   v₁ = 0.9·0 + 0.1·g = (0.05, −0.2),      θ₁ = (1, −0.5) − 0.1·v₁ = (0.995, −0.48)
// and a second step with the same g: v₂ = 0.9·v₁ + 0.1·g = (0.095, −0.38), θ₂ = (0.9855, −0.442).
void TestLabOptimizers::momentumOneStepAsSeed001Writes() {
    Optimizer optimizer({.kind = OptimizerKind::Momentum, .beta = 0.9});
    Vector theta = vec({1.0, -0.5});
    const Vector g = vec({0.5, -2.0});
    optimizer.step(theta, g, 0.1);
    EXPECT_CLOSE(optimizer.state().m(0), 0.05);
    EXPECT_CLOSE(optimizer.state().m(1), -0.2);
    EXPECT_CLOSE(theta(0), 0.995);
    EXPECT_CLOSE(theta(1), -0.48);
    optimizer.step(theta, g, 0.1);
    EXPECT_CLOSE(optimizer.state().m(0), 0.095);
    EXPECT_CLOSE(optimizer.state().m(1), -0.38);
    EXPECT_CLOSE(theta(0), 0.9855);
    EXPECT_CLOSE(theta(1), -0.442);
}

// Seed 002: v = βv − η∇L, w = w + v. With the same numbers: v₁ = −0.1·g = (−0.05, 0.2),
// w₁ = (0.95, −0.3); v₂ = 0.9·v₁ − 0.1·g = (−0.095, 0.38), w₂ = (0.855, 0.08).
void TestLabOptimizers::momentumVelocityFormAsSeed002Writes() {
    Optimizer optimizer(
        {.kind = OptimizerKind::Momentum, .beta = 0.9, .momentumForm = MomentumForm::Velocity});
    Vector theta = vec({1.0, -0.5});
    const Vector g = vec({0.5, -2.0});
    optimizer.step(theta, g, 0.1);
    EXPECT_CLOSE(theta(0), 0.95);
    EXPECT_CLOSE(theta(1), -0.3);
    optimizer.step(theta, g, 0.1);
    EXPECT_CLOSE(optimizer.state().m(0), -0.095);
    EXPECT_CLOSE(theta(0), 0.855);
    EXPECT_CLOSE(theta(1), 0.08);
}

// Eqs. 65–69 with β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸, η = 0.1, θ₀ = (1, −0.5).
// Step 1, g₁ = (0.5, −2):
//   m₁ = 0.1·g₁ = (0.05, −0.2)            v₁ = 0.001·g₁² = (0.00025, 0.004)
//   m̂₁ = m₁/(1 − 0.9) = (0.5, −2)         v̂₁ = v₁/(1 − 0.999) = (0.25, 4)
//   θ₁ = θ₀ − 0.1·m̂₁/(√v̂₁ + ε) = (1 − 0.05/0.50000001, −0.5 + 0.2/2.00000001)
//      = (0.90000000199999996, −0.40000000049999999)
// Step 2, g₂ = (−0.2, 1):
//   m₂ = 0.9·m₁ + 0.1·g₂ = (0.025, −0.08)  v₂ = 0.999·v₁ + 0.001·g₂² = (0.00028975, 0.004996)
//   m̂₂ = m₂/(1 − 0.81) = (0.025/0.19, −0.08/0.19)
//   v̂₂ = v₂/(1 − 0.998001) = (0.00028975/0.001999, 0.004996/0.001999)
//   θ₂ = θ₁ − 0.1·m̂₂/(√v̂₂ + ε) = (0.86543941811651059, −0.37336629670243136)
void TestLabOptimizers::adamTwoStepsWithBiasCorrection() {
    Optimizer optimizer({.kind = OptimizerKind::Adam, .beta1 = 0.9, .beta2 = 0.999, .epsilon = 1e-8});
    Vector theta = vec({1.0, -0.5});
    optimizer.step(theta, vec({0.5, -2.0}), 0.1);
    EXPECT_CLOSE(optimizer.state().m(0), 0.05);
    EXPECT_CLOSE(optimizer.state().m(1), -0.2);
    EXPECT_CLOSE(optimizer.state().v(0), 0.00025);
    EXPECT_CLOSE(optimizer.state().v(1), 0.004);
    EXPECT_CLOSE(theta(0), 0.90000000199999996);
    EXPECT_CLOSE(theta(1), -0.40000000049999999);
    optimizer.step(theta, vec({-0.2, 1.0}), 0.1);
    QCOMPARE(optimizer.state().t, 2L);
    EXPECT_CLOSE(optimizer.state().m(0), 0.025);
    EXPECT_CLOSE(optimizer.state().m(1), -0.08);
    EXPECT_CLOSE(optimizer.state().v(0), 0.00028975);
    EXPECT_CLOSE(optimizer.state().v(1), 0.004996);
    EXPECT_CLOSE(theta(0), 0.86543941811651059);
    EXPECT_CLOSE(theta(1), -0.37336629670243136);
}

// With bias correction the first step is m̂₁/√v̂₁ = g/|g| = ±1 (up to ε): every parameter moves
// by η whatever its gradient's size. Without it, it would move by η·0.1/√0.001 ≈ 3.16η.
void TestLabOptimizers::adamFirstStepMovesByEtaWhateverTheGradientScale() {
    Optimizer optimizer({.kind = OptimizerKind::Adam});
    Vector theta = vec({0.0, 0.0, 0.0});
    optimizer.step(theta, vec({1e-3, -50.0, 7.0}), 0.01);
    // |Δθ| = η·|g|/(|g| + ε): 1e-5 short of η for |g| = 10⁻³, 1e-9 short for |g| ≥ 7.
    QVERIFY(std::abs(theta(0) + 0.01) < 2e-7);
    QVERIFY(std::abs(theta(1) - 0.01) < 1e-10);
    QVERIFY(std::abs(theta(2) + 0.01) < 1e-10);
}

void TestLabOptimizers::badOptimizerSettingsAreNamed() {
    QVERIFY(checkOptimizer({}).empty());
    QVERIFY(QString::fromStdString(checkOptimizer({.batchSize = 0})).contains("batch size"));
    QVERIFY(QString::fromStdString(checkOptimizer({.beta = 1.0})).contains("momentum beta"));
    QVERIFY(QString::fromStdString(checkOptimizer({.beta2 = -0.1})).contains("beta2"));
    QVERIFY(QString::fromStdString(checkOptimizer({.epsilon = 0})).contains("epsilon"));
}

void TestLabOptimizers::changingMethodClearsState() {
    Optimizer optimizer({.kind = OptimizerKind::Adam});
    Vector theta = vec({1.0});
    optimizer.step(theta, vec({1.0}), 0.1);
    OptimizerConfig sameKind = optimizer.config();
    sameKind.beta1 = 0.8;
    optimizer.setConfig(sameKind);
    QCOMPARE(optimizer.state().t, 1L);  // a new β₁ keeps the moments
    optimizer.setConfig({.kind = OptimizerKind::Momentum});
    QCOMPARE(optimizer.state().t, 0L);
    QCOMPARE(optimizer.state().m.size(), Eigen::Index(0));
}

void TestLabOptimizers::constantSchedule() {
    const LrSchedule s{.kind = ScheduleKind::Constant, .eta = 0.03};
    EXPECT_CLOSE(s.at(0), 0.03);
    EXPECT_CLOSE(s.at(12345), 0.03);
}

// η₀ = 0.1, decay 0.5 every 10 epochs: 0.1 for epochs 0–9, 0.05 for 10–19, 0.025 at 25.
// Seed 002 as written (decay^epoch, s = 1) with decay 0.9: η(3) = 0.1·0.9³ = 0.0729.
void TestLabOptimizers::stepDecayAtChosenEpochs() {
    const LrSchedule s{.kind = ScheduleKind::StepDecay, .eta = 0.1, .decay = 0.5, .stepEpochs = 10};
    EXPECT_CLOSE(s.at(0), 0.1);
    EXPECT_CLOSE(s.at(9), 0.1);
    EXPECT_CLOSE(s.at(10), 0.05);
    EXPECT_CLOSE(s.at(25), 0.025);
    const LrSchedule everyEpoch{.kind = ScheduleKind::StepDecay, .eta = 0.1, .decay = 0.9, .stepEpochs = 1};
    EXPECT_CLOSE(everyEpoch.at(3), 0.0729);
}

// η_max = 0.1, η_min = 0.001, T = 100:
//   η(0) = 0.1, η(50) = 0.001 + 0.0495·(1 + cos(π/2)) = 0.0505, η(100) = 0.001,
//   η(25) = 0.001 + 0.0495·(1 + √2/2) = 0.085501785668734…, and after T it stays at η_min.
void TestLabOptimizers::cosineAtChosenEpochs() {
    const LrSchedule s{.kind = ScheduleKind::Cosine, .eta = 0.1, .etaMin = 0.001, .periodEpochs = 100};
    EXPECT_CLOSE(s.at(0), 0.1);
    QVERIFY(close(s.at(50), 0.0505, 1e-14));
    EXPECT_CLOSE(s.at(100), 0.001);
    QVERIFY(close(s.at(25), 0.001 + 0.0495 * (1 + std::numbers::sqrt2 / 2), 1e-15));
    QVERIFY(close(s.at(25), 0.0855017856687341, 1e-13));
    EXPECT_CLOSE(s.at(150), 0.001);
}

// Warmup w = 10 to η_max = 0.1, then cosine to η_min = 0.001 over T − w = 100 epochs:
//   η(0) = 0 (as seed 002 writes it: lr_max·epoch/warmup), η(5) = 0.05, η(10) = 0.1,
//   η(60) = 0.0505, η(110) = 0.001.
void TestLabOptimizers::warmupCosineAtChosenEpochs() {
    const LrSchedule s{.kind = ScheduleKind::WarmupCosine, .eta = 0.1, .etaMin = 0.001,
                       .periodEpochs = 110, .warmupEpochs = 10};
    EXPECT_CLOSE(s.at(0), 0.0);
    EXPECT_CLOSE(s.at(5), 0.05);
    EXPECT_CLOSE(s.at(10), 0.1);
    QVERIFY(close(s.at(60), 0.0505, 1e-14));
    EXPECT_CLOSE(s.at(110), 0.001);
}

void TestLabOptimizers::badSchedulesAreNamed() {
    QVERIFY(checkSchedule({}).empty());
    QVERIFY(!checkSchedule({.eta = 0}).empty());
    QVERIFY(!checkSchedule({.decay = 1.5}).empty());
    QVERIFY(QString::fromStdString(checkSchedule({.periodEpochs = 10, .warmupEpochs = 10})).contains("warmup"));
}

void TestLabOptimizers::flattenRoundTripsInTextbookOrder() {
    Mlp net({2, 3, 1}, {Activation::Tanh, Activation::Sigmoid});
    net.layer(0).W << 1, 2, 3, 4, 5, 6;  // rows are units: W(0,·) = (1, 2)
    net.layer(0).b << 7, 8, 9;
    net.layer(1).W << 10, 11, 12;
    net.layer(1).b << 13;
    const Vector theta = flattenParameters(net);
    QCOMPARE(theta.size(), Eigen::Index(13));
    // W⁽¹⁾ column by column (1, 3, 5, 2, 4, 6), then b⁽¹⁾, W⁽²⁾, b⁽²⁾.
    const double expected[] = {1, 3, 5, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13};
    for (int i = 0; i < 13; ++i) QCOMPARE(theta(i), expected[i]);
    const std::vector<bool> mask = weightMask(net);
    QCOMPARE(std::count(mask.begin(), mask.end(), true), 9L);
    QVERIFY(mask[0] && !mask[6] && mask[9] && !mask[12]);
    Mlp copy({2, 3, 1}, {Activation::Tanh, Activation::Sigmoid});
    unflattenParameters(theta, copy);
    QVERIFY(copy == net);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, unflattenParameters(Vector::Zero(3), copy));
}

// W⁽¹⁾ = [[1, −2], [0.5, 0]], W⁽²⁾ = [[3, −1]], biases 5 (never penalised), λ = 0.1:
//   L2: λΣw² = 0.1·(1 + 4 + 0.25 + 0 + 9 + 1) = 1.525;  ∂/∂w = 2λw = 0.2·w
void TestLabOptimizers::l2PenaltyAndGradient() {
    Mlp net({2, 2, 1}, {Activation::Tanh, Activation::Identity});
    net.layer(0).W << 1, -2, 0.5, 0;
    net.layer(0).b << 5, 5;
    net.layer(1).W << 3, -1;
    net.layer(1).b << 5;
    const Regularization l2{Penalty::L2, 0.1};
    EXPECT_CLOSE(penalty(l2, net), 1.525);
    Trace trace = net.forwardBackward(Matrix::Zero(1, 2), Matrix::Zero(1, 1), Loss::Mse);
    const Matrix dW0 = trace.layers[0].dW, dW1 = trace.layers[1].dW;
    const Vector db0 = trace.layers[0].db;
    addPenaltyGradient(l2, net, trace);
    EXPECT_CLOSE(trace.layers[0].dW(0, 1) - dW0(0, 1), -0.4);  // 2·0.1·(−2)
    EXPECT_CLOSE(trace.layers[1].dW(0, 0) - dW1(0, 0), 0.6);   // 2·0.1·3
    QVERIFY(trace.layers[0].db == db0);
    QCOMPARE(penalty({Penalty::None, 0.1}, net), 0.0);
}

//   L1: λΣ|w| = 0.1·(1 + 2 + 0.5 + 0 + 3 + 1) = 0.75;  ∂/∂w = λ sign(w), 0 at w = 0
void TestLabOptimizers::l1PenaltyAndGradient() {
    Mlp net({2, 2, 1}, {Activation::Tanh, Activation::Identity});
    net.layer(0).W << 1, -2, 0.5, 0;
    net.layer(1).W << 3, -1;
    const Regularization l1{Penalty::L1, 0.1};
    EXPECT_CLOSE(penalty(l1, net), 0.75);
    Trace trace = net.forwardBackward(Matrix::Zero(1, 2), Matrix::Zero(1, 1), Loss::Mse);
    const Matrix before = trace.layers[0].dW;
    addPenaltyGradient(l1, net, trace);
    const Matrix added = trace.layers[0].dW - before;
    EXPECT_CLOSE(added(0, 0), 0.1);
    EXPECT_CLOSE(added(0, 1), -0.1);
    EXPECT_CLOSE(added(1, 0), 0.1);
    EXPECT_CLOSE(added(1, 1), 0.0);
}

// Eq. 74: E[h̃] = p·0 + (1 − p)·h/(1 − p) = h. Over a million masked copies of h = 3 the mean is
// h within 5 standard errors (σ(h̃) = h·√(p/(1 − p)), so 5σ/√n = 0.015 for p = 0.5).
void TestLabOptimizers::dropoutKeepsTheExpectation() {
    for (double p : {0.2, 0.5, 0.8}) {
        Random random(2024);
        Matrix mask;
        const Eigen::Index n = 1000, units = 1000;
        dropoutMask(n, units, p, random, mask);
        const double h = 3.0;
        const double mean = (h * mask.array()).mean();
        const double standardError = h * std::sqrt(p / (1 - p)) / std::sqrt(double(n * units));
        QVERIFY2(std::abs(mean - h) < 5 * standardError,
                 qPrintable(QStringLiteral("p = %1: mean of the masked values %2, expected %3 ± %4")
                                .arg(p).arg(mean, 0, 'g', 10).arg(h).arg(5 * standardError)));
        const double dropped = (mask.array() == 0.0).cast<double>().mean();
        QVERIFY(std::abs(dropped - p) < 0.003);
    }
}

void TestLabOptimizers::dropoutValuesAreZeroOrScaled() {
    Random random(7);
    Matrix mask;
    dropoutMask(50, 6, 0.25, random, mask);
    for (double v : mask.reshaped()) QVERIFY(v == 0.0 || v == 1.0 / 0.75);
    // The same seed draws the same mask.
    Random again(7);
    Matrix mask2;
    dropoutMask(50, 6, 0.25, again, mask2);
    QVERIFY(mask == mask2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dropoutMask(1, 1, 0.95, random, mask));
}

void TestLabOptimizers::dropoutZeroKeepsEverything() {
    Random random(1);
    Matrix mask;
    dropoutMask(10, 4, 0.0, random, mask);
    QVERIFY(mask == Matrix::Ones(10, 4));
}

// Validation losses by epoch 1…8: 1.0, 0.8, 0.85, 0.9, 0.79, 0.8, 0.81, 0.82. Patience 3: the
// best is 0.79 at epoch 5, and epoch 8 is the third without improvement, so training stops there.
void TestLabOptimizers::earlyStoppingAfterPatience() {
    EarlyStopping stopping{3};
    const double losses[] = {1.0, 0.8, 0.85, 0.9, 0.79, 0.8, 0.81, 0.82};
    long stoppedAt = 0;
    for (long e = 1; e <= 8 && stoppedAt == 0; ++e)
        if (stopping.observe(e, losses[e - 1])) stoppedAt = e;
    QCOMPARE(stoppedAt, 8L);
    QCOMPARE(stopping.bestEpoch, 5L);
    QCOMPARE(stopping.best, 0.79);
}

void TestLabOptimizers::earlyStoppingOffNeverStops() {
    EarlyStopping stopping{0};
    for (long e = 1; e <= 100; ++e) QVERIFY(!stopping.observe(e, double(e)));
    QCOMPARE(stopping.bestEpoch, 1L);
    QCOMPARE(stopping.sinceBest, 99);
}

QTEST_APPLESS_MAIN(TestLabOptimizers)
#include "tst_lab_optimizers.moc"
