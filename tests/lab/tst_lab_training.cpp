// The lab's forward/backward pass (dropout, focal loss) and its trainer: the pass equals the
// core's Mlp::forwardBackward where both apply, its gradients equal central differences where
// only it applies, focal loss has the values of eq. 27 worked by hand, and the trainer's epochs
// are reproducible, stop when told to and pause on divergence.
#include "mlp/dataset.h"
#include "lab/dropout.h"
#include "lab/lab_loss.h"
#include "lab/lab_network.h"
#include "lab/lab_data.h"
#include "lab/lab_features.h"
#include "lab/lab_trainer.h"
#include "mlp/parameters.h"
#include "base/random.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ns;

namespace {

Mlp randomNet(std::vector<int> sizes, std::vector<Activation> activations, std::uint64_t seed) {
    Mlp net = Mlp::initialized(std::move(sizes), std::move(activations), Initialization::Xavier, seed);
    Random random(seed + 100);
    for (std::size_t l = 0; l < net.layers().size(); ++l)
        for (double& b : net.layer(l).b.reshaped()) b = 0.3 * random.normal();
    return net;
}

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
    Random random(seed);
    Matrix m(rows, cols);
    for (double& v : m.reshaped()) v = random.normal();
    return m;
}

Matrix oneHot(Eigen::Index rows, int classes, std::uint64_t seed) {
    Random random(seed);
    Matrix y = Matrix::Zero(rows, classes);
    for (Eigen::Index r = 0; r < rows; ++r) y(r, static_cast<Eigen::Index>(random.nextU64() % classes)) = 1;
    return y;
}

Matrix binary(Eigen::Index rows, std::uint64_t seed) {
    Random random(seed);
    Matrix y(rows, 1);
    for (Eigen::Index r = 0; r < rows; ++r) y(r, 0) = random.uniform() < 0.5 ? 0.0 : 1.0;
    return y;
}

// Largest |analytic − numeric| / max(1, |numeric|) over every parameter, central differences.
double gradientError(const Mlp& net, const Matrix& X, const Matrix& Y, const LossChoice& loss,
                     const std::vector<Matrix>& masks) {
    DropoutPass pass{masks, {}};
    Trace trace;
    labForwardBackward(net, X, Y, loss, pass, trace);
    const Vector analytic = flattenGradients(trace);
    const Vector theta = flattenParameters(net);
    double worst = 0;
    for (Eigen::Index i = 0; i < theta.size(); ++i) {
        const double h = 1e-6;
        auto lossAt = [&](double delta) {
            Mlp shifted = net;
            Vector t = theta;
            t(i) += delta;
            unflattenParameters(t, shifted);
            DropoutPass p{masks, {}};
            Trace tr;
            labForwardBackward(shifted, X, Y, loss, p, tr);
            return tr.loss;
        };
        const double numeric = (lossAt(h) - lossAt(-h)) / (2 * h);
        worst = std::max(worst, std::abs(analytic(i) - numeric) / std::max(1.0, std::abs(numeric)));
    }
    return worst;
}

Dataset xorData(int n, std::uint64_t seed) {
    Random random(seed);
    Dataset d{Matrix(n, 2), Matrix(n, 1)};
    for (int r = 0; r < n; ++r) {
        d.X(r, 0) = 2 * random.uniform() - 1;
        d.X(r, 1) = 2 * random.uniform() - 1;
        d.Y(r, 0) = d.X(r, 0) * d.X(r, 1) > 0 ? 1.0 : 0.0;
    }
    return d;
}

}  // namespace

class TestLabTraining : public QObject {
    Q_OBJECT

private slots:
    void passEqualsCoreWithoutDropout_data();
    void passEqualsCoreWithoutDropout();
    void focalLossValuesByHand();
    void focalWithGammaZeroIsCrossEntropy();
    void focalGradientsMatchCentralDifferences();
    void dropoutGradientsMatchCentralDifferences();
    void dropoutZeroesTheDroppedUnitsGradient();
    void focalNeedsAProbabilityOutput();
    void lossCurveUsesTrainingFunctions();
    void batchGdEpochIsOneTextbookStep();
    void sgdTakesOneUpdatePerSample();
    void runsAreReproducibleAndRestoreContinuesExactly();
    void resetReturnsToInitialWeights();
    void hugeLearningRateDivergesAndKeepsLastWeights();
    void epochBudgetStopsAndCanBeRaised();
    void earlyStoppingWhenTestLossRises();
    void hiddenLayerSolvesXorWhereNoneCannot();
    void spiralNeedsFeaturesOrDepth();
    void badSettingsAreNamed();
};

void TestLabTraining::passEqualsCoreWithoutDropout_data() {
    QTest::addColumn<int>("lossIndex");
    QTest::addColumn<int>("activationIndex");
    for (LabLoss loss : {LabLoss::Mse, LabLoss::Mae, LabLoss::Huber, LabLoss::Bce, LabLoss::Ce})
        for (Activation f : {Activation::Tanh, Activation::Relu, Activation::Sigmoid, Activation::Elu})
            QTest::addRow("%s/%s", name(loss).data(), name(f).data())
                << static_cast<int>(loss) << static_cast<int>(f);
}

// With no dropout and a core loss the lab's pass must agree with the core's own pass.
void TestLabTraining::passEqualsCoreWithoutDropout() {
    QFETCH(int, lossIndex);
    QFETCH(int, activationIndex);
    const auto loss = static_cast<LabLoss>(lossIndex);
    const auto f = static_cast<Activation>(activationIndex);
    const bool ce = loss == LabLoss::Ce;
    const Activation out = ce ? Activation::Softmax : (loss == LabLoss::Bce ? Activation::Sigmoid : Activation::Identity);
    const int outputs = ce ? 3 : 1;
    const Mlp net = randomNet({3, 5, 4, outputs}, {f, f, out}, 11);
    const Matrix X = randomMatrix(37, 3, 12);
    const Matrix Y = ce ? oneHot(37, 3, 13) : (loss == LabLoss::Bce ? binary(37, 13) : randomMatrix(37, 1, 13));
    const Trace core = net.forwardBackward(X, Y, *coreLoss(loss));
    DropoutPass none;
    Trace lab;
    labForwardBackward(net, X, Y, {.kind = loss}, none, lab);
    QVERIFY2(std::abs(core.loss - lab.loss) <= 1e-13 * std::max(1.0, core.loss),
             qPrintable(QStringLiteral("loss %1 vs core %2").arg(lab.loss, 0, 'g', 17).arg(core.loss, 0, 'g', 17)));
    QCOMPARE(lab.accuracy, core.accuracy);
    for (std::size_t l = 0; l < 3; ++l) {
        QVERIFY((core.layers[l].a - lab.layers[l].a).cwiseAbs().maxCoeff() < 1e-13);
        QVERIFY((core.layers[l].dW - lab.layers[l].dW).cwiseAbs().maxCoeff() < 1e-13);
        QVERIFY((core.layers[l].db - lab.layers[l].db).cwiseAbs().maxCoeff() < 1e-13);
    }
}

// Eq. 27 with one sigmoid output, γ = 2:
//   y = 1, p = 0.9: p_t = 0.9, ℓ = −(0.1)²·log 0.9 = 0.0010536051565782630
//   y = 0, p = 0.9: p_t = 0.1, ℓ = −(0.9)²·log 0.1 = 1.8650939253251770
//   with α = 0.25 the first is weighted by α_t = 0.25, the second by 1 − α = 0.75.
// Softmax, γ = 2, ŷ = (0.7, 0.2, 0.1), y = class 0: ℓ = −(0.3)²·log 0.7 = 0.09·0.35667494393873… = 0.032100744954486
void TestLabTraining::focalLossValuesByHand() {
    Matrix a(2, 1), y(2, 1);
    a << 0.9, 0.9;
    y << 1, 0;
    Vector l(2);
    labPerSampleLoss({.kind = LabLoss::Focal, .focalGamma = 2}, a, y, l);
    QVERIFY(std::abs(l(0) - 0.0010536051565782630) < 1e-17);
    QVERIFY(std::abs(l(1) - 1.8650939253251770) < 1e-15);
    labPerSampleLoss({.kind = LabLoss::Focal, .focalGamma = 2, .focalAlpha = 0.25}, a, y, l);
    QVERIFY(std::abs(l(0) - 0.25 * 0.0010536051565782630) < 1e-17);
    QVERIFY(std::abs(l(1) - 0.75 * 1.8650939253251770) < 1e-15);
    Matrix s(1, 3), t(1, 3);
    s << 0.7, 0.2, 0.1;
    t << 1, 0, 0;
    Vector ls(1);
    labPerSampleLoss({.kind = LabLoss::Focal, .focalGamma = 2}, s, t, ls);
    QVERIFY(std::abs(ls(0) - 0.09 * -std::log(0.7)) < 1e-16);
    QVERIFY(std::abs(ls(0) - 0.032100744954486) < 1e-15);
}

// (1 − p_t)⁰ = 1 and α_t = 1: focal loss is BCE (one output) or CE (softmax), value and gradient.
void TestLabTraining::focalWithGammaZeroIsCrossEntropy() {
    for (int outputs : {1, 4}) {
        const Activation out = outputs == 1 ? Activation::Sigmoid : Activation::Softmax;
        const Mlp net = randomNet({2, 6, outputs}, {Activation::Tanh, out}, 21);
        const Matrix X = randomMatrix(25, 2, 22);
        const Matrix Y = outputs == 1 ? binary(25, 23) : oneHot(25, outputs, 23);
        DropoutPass none;
        Trace focal, ce;
        labForwardBackward(net, X, Y, {.kind = LabLoss::Focal, .focalGamma = 0}, none, focal);
        labForwardBackward(net, X, Y, {.kind = outputs == 1 ? LabLoss::Bce : LabLoss::Ce}, none, ce);
        QVERIFY(std::abs(focal.loss - ce.loss) < 1e-14);
        for (std::size_t l = 0; l < 2; ++l)
            QVERIFY((focal.layers[l].dW - ce.layers[l].dW).cwiseAbs().maxCoeff() < 1e-14);
    }
}

void TestLabTraining::focalGradientsMatchCentralDifferences() {
    for (double gamma : {0.5, 2.0, 3.0}) {
        for (double alpha : {-1.0, 0.25}) {
            const Mlp binaryNet = randomNet({2, 5, 1}, {Activation::Tanh, Activation::Sigmoid}, 31);
            const double e1 = gradientError(binaryNet, randomMatrix(15, 2, 32), binary(15, 33),
                                            {.kind = LabLoss::Focal, .focalGamma = gamma, .focalAlpha = alpha}, {});
            QVERIFY2(e1 < 1e-7, qPrintable(QStringLiteral("sigmoid, γ %1 α %2: error %3").arg(gamma).arg(alpha).arg(e1)));
            const Mlp multiNet = randomNet({2, 5, 3}, {Activation::Elu, Activation::Softmax}, 34);
            const double e2 = gradientError(multiNet, randomMatrix(15, 2, 35), oneHot(15, 3, 36),
                                            {.kind = LabLoss::Focal, .focalGamma = gamma, .focalAlpha = alpha}, {});
            QVERIFY2(e2 < 1e-7, qPrintable(QStringLiteral("softmax, γ %1 α %2: error %3").arg(gamma).arg(alpha).arg(e2)));
        }
    }
}

// With the masks held fixed the loss is a smooth function of the weights again, so the pass's
// gradient (masked forward and backward) must equal central differences.
void TestLabTraining::dropoutGradientsMatchCentralDifferences() {
    const Mlp net = randomNet({2, 6, 5, 1}, {Activation::Tanh, Activation::Sigmoid, Activation::Sigmoid}, 41);
    const Matrix X = randomMatrix(20, 2, 42);
    const Matrix Y = binary(20, 43);
    Random random(44);
    std::vector<Matrix> masks(2);
    dropoutMask(20, 6, 0.5, random, masks[0]);
    dropoutMask(20, 5, 0.3, random, masks[1]);
    QVERIFY((masks[0].array() == 0).any());  // the test means something only if units drop
    const double e = gradientError(net, X, Y, {.kind = LabLoss::Bce}, masks);
    QVERIFY2(e < 1e-7, qPrintable(QStringLiteral("error %1").arg(e)));
}

// A unit dropped for every sample passes no gradient: its incoming weights get ∂L/∂W = 0.
void TestLabTraining::dropoutZeroesTheDroppedUnitsGradient() {
    const Mlp net = randomNet({2, 4, 1}, {Activation::Tanh, Activation::Sigmoid}, 51);
    const Matrix X = randomMatrix(10, 2, 52);
    Matrix mask = Matrix::Constant(10, 4, 2.0);  // p = 0.5: kept units ×2
    mask.col(2).setZero();
    DropoutPass pass{{mask}, {}};
    Trace trace;
    labForwardBackward(net, X, binary(10, 53), {.kind = LabLoss::Bce}, pass, trace);
    QCOMPARE(trace.layers[0].dW.row(2).cwiseAbs().maxCoeff(), 0.0);
    QCOMPARE(trace.layers[0].db(2), 0.0);
    QVERIFY(trace.layers[0].dW.row(1).cwiseAbs().maxCoeff() > 0);
    QCOMPARE(trace.layers[1].dW(0, 2), 0.0);  // the dropped unit's h̃ is 0
    // The kept units carry 2·a: the next layer reads the scaled values (eq. 74).
    QVERIFY((pass.dropped[0].col(0) - 2.0 * trace.layers[0].a.col(0)).cwiseAbs().maxCoeff() < 1e-15);
}

void TestLabTraining::focalNeedsAProbabilityOutput() {
    const Mlp net = randomNet({2, 3, 1}, {Activation::Tanh, Activation::Identity}, 61);
    DropoutPass none;
    Trace trace;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             labForwardBackward(net, randomMatrix(4, 2, 1), binary(4, 2),
                                                {.kind = LabLoss::Focal}, none, trace));
}

// Seed 001 §2.6's figures: MSE at ŷ = 3 for y = 0 is 9, MAE 3, Huber (δ = 1) 3 − 0.5 = 2.5;
// BCE at ŷ = 0.5 for y = 1 is log 2.
void TestLabTraining::lossCurveUsesTrainingFunctions() {
    const std::vector<double> at{3.0, -0.5};
    QCOMPARE(lossCurve({.kind = LabLoss::Mse}, 0, at), (std::vector<double>{9.0, 0.25}));
    QCOMPARE(lossCurve({.kind = LabLoss::Mae}, 0, at), (std::vector<double>{3.0, 0.5}));
    QCOMPARE(lossCurve({.kind = LabLoss::Huber}, 0, at), (std::vector<double>{2.5, 0.125}));
    QVERIFY(std::abs(lossCurve({.kind = LabLoss::Bce}, 1, {0.5})[0] - std::log(2.0)) < 1e-15);
    const double focal = lossCurve({.kind = LabLoss::Focal, .focalGamma = 2}, 1, {0.9})[0];
    QVERIFY(std::abs(focal - 0.0010536051565782630) < 1e-17);
}

// Batch GD with a constant η: one epoch is the core's own step, W ← W − η ∂L/∂W (eq. 60).
void TestLabTraining::batchGdEpochIsOneTextbookStep() {
    const Dataset data = makeSumSignDataset(64, 4, 5);
    const Mlp net = Mlp::initialized({4, 8, 4, 1}, {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                                     Initialization::He, 6);
    LabSettings settings;
    settings.schedule.eta = 0.05;
    LabTrainer trainer(net, data, {}, settings, true);
    const LabEpoch stats = trainer.step();
    Mlp expected = net;
    expected.applyGradients(net.forwardBackward(data.X, data.Y, Loss::Bce), 0.05);
    QVERIFY((flattenParameters(trainer.network()) - flattenParameters(expected)).cwiseAbs().maxCoeff() < 1e-14);
    QCOMPARE(stats.epoch, 1L);
    QCOMPARE(stats.learningRate, 0.05);
    Trace after;
    const Evaluation e = evaluate(trainer.network(), data.X, data.Y, {.kind = LabLoss::Bce}, after);
    QCOMPARE(stats.trainLoss, e.loss);
    QVERIFY(std::isnan(stats.testLoss));  // no test split
}

// SGD (eq. 61) updates once per sample: with η small, n updates move the weights about as far as
// one full-batch update of n·η, and certainly not as little as one update of η.
void TestLabTraining::sgdTakesOneUpdatePerSample() {
    const Dataset data = makeSumSignDataset(40, 4, 7);
    const Mlp net = Mlp::initialized({4, 3, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 8);
    LabSettings sgd;
    sgd.optimizer.kind = OptimizerKind::Sgd;
    sgd.schedule.eta = 1e-4;
    LabTrainer trainer(net, data, {}, sgd, true);
    trainer.step();
    const Vector moved = flattenParameters(trainer.network()) - flattenParameters(net);
    const Vector fullStep = -1e-4 * 40 * flattenGradients(net.forwardBackward(data.X, data.Y, Loss::Bce));
    QVERIFY2((moved - fullStep).norm() < 0.01 * fullStep.norm(),
             qPrintable(QStringLiteral("SGD moved %1, 40 small steps ≈ %2").arg(moved.norm()).arg(fullStep.norm())));
}

void TestLabTraining::runsAreReproducibleAndRestoreContinuesExactly() {
    const Dataset train = makeSumSignDataset(100, 4, 9), test = makeSumSignDataset(50, 4, 10);
    const Mlp net = Mlp::initialized({4, 6, 1}, {Activation::Relu, Activation::Sigmoid}, Initialization::He, 11);
    LabSettings s;
    s.optimizer = {.kind = OptimizerKind::Adam, .batchSize = 16};
    s.schedule = {.kind = ScheduleKind::Cosine, .eta = 0.01, .periodEpochs = 40};
    s.dropout = 0.2;
    s.regularization = {Penalty::L2, 1e-3};
    s.seed = 99;
    LabTrainer a(net, train, test, s, true), b(net, train, test, s, true);
    std::vector<LabEpoch> ha, hb;
    for (int e = 0; e < 10; ++e) {
        ha.push_back(a.step());
        hb.push_back(b.step());
    }
    QVERIFY(ha == hb);
    QVERIFY(a.network() == b.network());
    // A third trainer restored from a's state at epoch 10 continues exactly as a does.
    LabTrainer c(net, train, test, s, true);
    c.restore(a.state());
    for (int e = 0; e < 5; ++e) QVERIFY(a.step() == c.step());
    QVERIFY(a.network() == c.network());
    QVERIFY(a.optimizerState() == c.optimizerState());
    // A different seed shuffles and drops differently.
    s.seed = 100;
    LabTrainer d(net, train, test, s, true);
    d.step();
    QVERIFY(!(d.network() == LabTrainer(net, train, test, a.settings(), true).network()));
}

void TestLabTraining::resetReturnsToInitialWeights() {
    const Dataset data = makeSumSignDataset(30, 4, 12);
    const Mlp net = Mlp::initialized({4, 3, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 13);
    LabSettings s;
    s.optimizer.kind = OptimizerKind::Momentum;
    LabTrainer trainer(net, data, data, s, true);
    const LabEpoch first = trainer.step();
    trainer.step();
    trainer.reset();
    QVERIFY(trainer.network() == net);
    QCOMPARE(trainer.epoch(), 0L);
    QCOMPARE(trainer.optimizerState().t, 0L);
    QVERIFY(trainer.step() == first);  // the same initial weights give the same run
}

// A learning rate far too large for regression with MSE: the weights run away within a few
// epochs; the trainer pauses, names the reason and keeps the last finite weights.
void TestLabTraining::hugeLearningRateDivergesAndKeepsLastWeights() {
    Random random(14);
    Dataset data{Matrix(50, 2), Matrix(50, 1)};
    for (int r = 0; r < 50; ++r) {
        data.X(r, 0) = 6 * random.normal();
        data.X(r, 1) = 6 * random.normal();
        data.Y(r, 0) = data.X(r, 0) + data.X(r, 1);
    }
    const Mlp net = Mlp::initialized({2, 4, 1}, {Activation::Relu, Activation::Identity}, Initialization::He, 15);
    LabSettings s;
    s.loss.kind = LabLoss::Mse;
    s.schedule.eta = 3.0;
    LabTrainer trainer(net, data, {}, s, false);
    Mlp lastGood = net;
    int epochs = 0;
    while (trainer.status() == LabStatus::Ready && epochs < 100) {
        lastGood = trainer.network();
        trainer.step();
        ++epochs;
    }
    QCOMPARE(trainer.status(), LabStatus::Diverged);
    QVERIFY(epochs < 20);
    QVERIFY(trainer.divergenceReason() != DivergenceReason::None);
    QCOMPARE(trainer.divergedLearningRate(), 3.0);
    QVERIFY(trainer.network() == lastGood);
    QVERIFY(trainer.network().allFinite());
    const long epoch = trainer.epoch();
    trainer.step();  // paused: nothing happens
    QCOMPARE(trainer.epoch(), epoch);
}

void TestLabTraining::epochBudgetStopsAndCanBeRaised() {
    const Dataset data = makeSumSignDataset(30, 4, 16);
    const Mlp net = Mlp::initialized({4, 3, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 17);
    LabSettings s;
    s.epochBudget = 5;
    LabTrainer trainer(net, data, {}, s, true);
    for (int i = 0; i < 8; ++i) trainer.step();
    QCOMPARE(trainer.epoch(), 5L);
    QCOMPARE(trainer.status(), LabStatus::BudgetReached);
    s.epochBudget = 7;
    trainer.setSettings(s);
    QCOMPARE(trainer.status(), LabStatus::Ready);
    for (int i = 0; i < 8; ++i) trainer.step();
    QCOMPARE(trainer.epoch(), 7L);
}

// The test split has every label flipped: as the network learns the training set, the test
// loss can only rise, so early stopping with patience 3 stops 3 epochs after the first one.
void TestLabTraining::earlyStoppingWhenTestLossRises() {
    const Dataset train = makeSumSignDataset(80, 4, 18);
    Dataset flipped = train;
    flipped.Y = (1.0 - train.Y.array()).matrix();
    const Mlp net = Mlp::initialized({4, 6, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 19);
    LabSettings s;
    s.schedule.eta = 0.5;
    s.patience = 3;
    LabTrainer trainer(net, train, flipped, s, true);
    std::vector<LabEpoch> history;
    while (trainer.status() == LabStatus::Ready && history.size() < 100) history.push_back(trainer.step());
    QCOMPARE(trainer.status(), LabStatus::EarlyStopped);
    QCOMPARE(trainer.stopping().bestEpoch, 1L);
    QCOMPARE(trainer.epoch(), 4L);
    QVERIFY(history[3].testLoss > history[0].testLoss);
}

// Playground's first lesson: XOR is not linearly separable. Without a hidden layer the best
// line gets at most about three quarters right; one hidden layer of four tanh units solves it.
void TestLabTraining::hiddenLayerSolvesXorWhereNoneCannot() {
    const Dataset data = xorData(200, 20);
    LabSettings s;
    s.optimizer = {.kind = OptimizerKind::Adam, .batchSize = 20};
    s.schedule.eta = 0.03;
    LabTrainer linear(Mlp::initialized({2, 1}, {Activation::Sigmoid}, Initialization::Xavier, 21), data, {}, s, true);
    LabTrainer hidden(Mlp::initialized({2, 4, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 21),
                      data, {}, s, true);
    LabEpoch l, h;
    for (int e = 0; e < 300; ++e) {
        l = linear.step();
        h = hidden.step();
    }
    QVERIFY2(l.trainAccuracy < 0.8, qPrintable(QStringLiteral("linear: %1").arg(l.trainAccuracy)));
    QVERIFY2(h.trainAccuracy > 0.95, qPrintable(QStringLiteral("hidden: %1").arg(h.trainAccuracy)));
}

// Playground's spiral: a small tanh network on x₁, x₂ alone stays far from it, while a network
// given x₁x₂, sin x₁ and sin x₂, or a deeper and wider ReLU network, fits the training points.
void TestLabTraining::spiralNeedsFeaturesOrDepth() {
    const LabData spiral = generateDataset({.kind = DatasetKind::Spiral, .samples = 200, .noise = 0, .testFraction = 0});
    const Dataset raw{spiral.points, targetsOf(spiral, rowsOf(spiral, false))};
    const FeatureSet rich = bit(Feature::X1) | bit(Feature::X2) | bit(Feature::X1X2) | bit(Feature::SinX1) | bit(Feature::SinX2);
    const Dataset featured{applyFeatures(spiral.points, rich), raw.Y};
    LabSettings s;
    s.optimizer = {.kind = OptimizerKind::Adam, .batchSize = 10};
    s.schedule.eta = 0.01;
    auto accuracyAfter = [&](const Dataset& data, std::vector<int> hidden, Activation act) {
        std::vector<int> sizes{static_cast<int>(data.X.cols())};
        sizes.insert(sizes.end(), hidden.begin(), hidden.end());
        sizes.push_back(1);
        std::vector<Activation> f(hidden.size(), act);
        f.push_back(Activation::Sigmoid);
        LabTrainer trainer(Mlp::initialized(sizes, f, Initialization::Xavier, 3), data, {}, s, true);
        LabEpoch e;
        for (int i = 0; i < 400; ++i) e = trainer.step();
        return e.trainAccuracy;
    };
    const double small = accuracyAfter(raw, {4, 2}, Activation::Tanh);
    const double withFeatures = accuracyAfter(featured, {8, 6}, Activation::Tanh);
    const double deeper = accuracyAfter(raw, {16, 16, 16}, Activation::Relu);
    QVERIFY2(small < 0.8, qPrintable(QStringLiteral("2-4-2-1 on x1, x2: %1").arg(small)));
    QVERIFY2(withFeatures > 0.95, qPrintable(QStringLiteral("with features: %1").arg(withFeatures)));
    QVERIFY2(deeper > 0.95, qPrintable(QStringLiteral("16-16-16 ReLU on x1, x2: %1").arg(deeper)));
}

void TestLabTraining::badSettingsAreNamed() {
    LabSettings s;
    QVERIFY(checkSettings(s).empty());
    s.dropout = 0.95;
    QVERIFY(QString::fromStdString(checkSettings(s)).contains("dropout"));
    s.dropout = 0;
    s.loss.focalGamma = -1;
    QVERIFY(QString::fromStdString(checkSettings(s)).contains("gamma"));
    s.loss.focalGamma = 2;
    s.optimizer.batchSize = 0;
    QVERIFY(QString::fromStdString(checkSettings(s)).contains("batch size"));
}

QTEST_APPLESS_MAIN(TestLabTraining)
#include "tst_lab_training.moc"
