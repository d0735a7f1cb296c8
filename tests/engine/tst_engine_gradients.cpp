// Every engine layer against central differences (gradient_check.h), each with its own
// tolerance, and the kinks that central differences cannot see: ReLU'(0) = 0 and max-pool ties
// sending the gradient to the first maximum.
#include "engine/activation_layer.h"
#include "engine/conv2d.h"
#include "engine/dense.h"
#include "engine/gradient_check.h"
#include "engine/models.h"
#include "engine/normalization.h"
#include "engine/pool2d.h"
#include "engine/shape_layers.h"
#include "base/random.h"

#include <QTest>

#include <functional>
#include <memory>

using namespace ns;
using namespace ns::engine;

namespace {

Tensor randomTensor(const Shape& shape, std::uint64_t seed, double scale = 1.0) {
    Tensor t(shape);
    Random random(seed);
    for (Index i = 0; i < t.size(); ++i) t[i] = random.normal() * scale;
    return t;
}

// Values whose pairwise gaps are at least `gap`, shuffled: no max-pool ties, and no ReLU input
// within h of its kink.
Tensor separatedTensor(const Shape& shape, std::uint64_t seed, double gap = 0.01) {
    Tensor t(shape);
    Random random(seed);
    for (Index i = 0; i < t.size(); ++i) t[i] = (static_cast<double>(i) - static_cast<double>(t.size()) / 2.0 + 0.5) * gap;
    for (Index i = t.size() - 1; i > 0; --i) std::swap(t[i], t[static_cast<Index>(random.nextU64() % static_cast<std::uint64_t>(i + 1))]);
    return t;
}

struct Case {
    std::function<Network()> build;
    Shape batchShape;
    Mode mode = Mode::Train;
    GradientTolerance tolerance;
    bool separated = false;  // inputs spaced apart (pooling, ReLU)
};

Network single(Shape in, std::unique_ptr<Layer> layer) {
    Network n(std::move(in));
    n.add(std::move(layer));
    n.initialize(5);
    return n;
}

}  // namespace

Q_DECLARE_METATYPE(Case)

class TestEngineGradients : public QObject {
    Q_OBJECT
private slots:
    void layers_data();
    void layers();
    void reluKinkHasZeroDerivative();
    void maxPoolTiesGoToTheFirstMaximum();
    void softmaxCrossEntropyGradient();
    void batchNormRunningStatisticsFollowTheBatch();
};

void TestEngineGradients::layers_data() {
    QTest::addColumn<Case>("c");
    const GradientTolerance smooth{1e-6, 1e-8};
    const GradientTolerance linear{1e-7, 1e-9};  // piecewise-linear pieces: central differences are exact up to rounding
    QTest::newRow("dense") << Case{[] { return single({5}, std::make_unique<Dense>(5, 4)); }, {7, 5}, Mode::Train, linear};
    for (Activation f : {Activation::Sigmoid, Activation::Tanh, Activation::Elu, Activation::Gelu, Activation::Softmax})
        QTest::newRow(std::string(name(f)).c_str())
            << Case{[f] { return single({6}, std::make_unique<ActivationLayer>(f)); }, {4, 6}, Mode::Train, smooth};
    for (Activation f : {Activation::Relu, Activation::LeakyRelu})
        QTest::newRow(std::string(name(f)).c_str())
            << Case{[f] { return single({2, 3, 3}, std::make_unique<ActivationLayer>(f)); }, {3, 2, 3, 3}, Mode::Train, linear, true};
    QTest::newRow("conv 3x3") << Case{[] { return single({2, 6, 5}, std::make_unique<Conv2d>(2, 3, 3, 3)); }, {2, 2, 6, 5}, Mode::Train, linear};
    QTest::newRow("conv dilation 2") << Case{[] { return single({1, 8, 8}, std::make_unique<Conv2d>(1, 2, 3, 3, 1, 0, 2)); }, {2, 1, 8, 8}, Mode::Train, linear};
    QTest::newRow("conv stride 2 padding 1") << Case{[] { return single({3, 7, 6}, std::make_unique<Conv2d>(3, 2, 3, 3, 2, 1)); }, {3, 3, 7, 6}, Mode::Train, linear};
    QTest::newRow("conv 2x4 stride 3 padding 2 dilation 2") << Case{[] { return single({2, 9, 10}, std::make_unique<Conv2d>(2, 2, 2, 4, 3, 2, 2)); }, {2, 2, 9, 10}, Mode::Train, linear};
    QTest::newRow("conv 1x1") << Case{[] { return single({3, 4, 4}, std::make_unique<Conv2d>(3, 2, 1, 1)); }, {2, 3, 4, 4}, Mode::Train, linear};
    QTest::newRow("max pool 2") << Case{[] { return single({2, 6, 6}, std::make_unique<Pool2d>(PoolKind::Max, 2, 2)); }, {2, 2, 6, 6}, Mode::Train, linear, true};
    QTest::newRow("max pool 3 stride 2") << Case{[] { return single({1, 7, 7}, std::make_unique<Pool2d>(PoolKind::Max, 3, 2)); }, {2, 1, 7, 7}, Mode::Train, linear, true};
    QTest::newRow("avg pool 2 stride 1") << Case{[] { return single({2, 5, 5}, std::make_unique<Pool2d>(PoolKind::Average, 2, 1)); }, {2, 2, 5, 5}, Mode::Train, linear};
    QTest::newRow("flatten") << Case{[] { return single({2, 3, 3}, std::make_unique<Flatten>()); }, {2, 2, 3, 3}, Mode::Train, linear};
    QTest::newRow("batch norm 1d train") << Case{[] { return single({5}, std::make_unique<BatchNorm>(5)); }, {6, 5}, Mode::Train, {1e-5, 1e-7}};
    QTest::newRow("batch norm 1d eval") << Case{[] { return single({5}, std::make_unique<BatchNorm>(5)); }, {6, 5}, Mode::Eval, linear};
    QTest::newRow("batch norm 2d train") << Case{[] { return single({3, 4, 4}, std::make_unique<BatchNorm>(3)); }, {2, 3, 4, 4}, Mode::Train, {1e-5, 1e-7}};
    QTest::newRow("batch norm 2d eval") << Case{[] { return single({3, 4, 4}, std::make_unique<BatchNorm>(3)); }, {2, 3, 4, 4}, Mode::Eval, linear};
    QTest::newRow("dropout train") << Case{[] { return single({10}, std::make_unique<Dropout>(0.4)); }, {5, 10}, Mode::Train, linear};
    QTest::newRow("residual with projection") << Case{[] {
        // y = F(x) + P(x): F = conv 3×3 stride 2 → BN → tanh → conv 3×3; P = conv 1×1 stride 2.
        Network n({2, 6, 6});
        n.add(std::make_unique<Conv2d>(2, 3, 3, 3, 2, 1), {Network::kInput}, "f_conv1");
        n.add(std::make_unique<BatchNorm>(3), {Network::kPrevious}, "f_bn");
        n.add(std::make_unique<ActivationLayer>(Activation::Tanh), {Network::kPrevious}, "f_tanh");
        const int f = n.add(std::make_unique<Conv2d>(3, 3, 3, 3, 1, 1), {Network::kPrevious}, "f_conv2");
        const int p = n.add(std::make_unique<Conv2d>(2, 3, 1, 1, 2, 0), {Network::kInput}, "projection");
        n.add(std::make_unique<Add>(), {f, p}, "add");
        n.initialize(3);
        return n;
    }, {3, 2, 6, 6}, Mode::Train, {1e-5, 1e-7}};
    QTest::newRow("residual identity skip, deep, BN") << Case{[] {
        DeepNetworkSpec spec;
        spec.features = 3, spec.width = 5, spec.blocks = 2, spec.residual = true, spec.batchNorm = true;
        spec.activation = Activation::Tanh;
        Network n = deepNetwork(spec);
        n.initialize(9);
        return n;
    }, {6, 3}, Mode::Train, {1e-5, 1e-7}};
    QTest::newRow("lenet5 (eval, smooth)") << Case{[] {
        Network n = lenet5();
        n.initialize(4);
        return n;
    }, {1, 1, 28, 28}, Mode::Eval, {1e-5, 1e-7}};
}

void TestEngineGradients::layers() {
    QFETCH(Case, c);
    Network network = c.build();
    const Tensor x = c.separated ? separatedTensor(c.batchShape, 17) : randomTensor(c.batchShape, 17);
    RunContext context;
    context.mode = c.mode;
    context.seed = 23;
    const GradientCheck check = checkGradients(network, x, context, 1e-6, c.tolerance, 29, 300);
    QVERIFY2(check.entriesChecked > 0, "nothing was checked");
    QVERIFY2(check.passed, check.worst.c_str());
}

void TestEngineGradients::reluKinkHasZeroDerivative() {
    // seed 001 eq. 12: ReLU'(0) is taken as 0; Leaky ReLU'(0) as α (eq. 14).
    for (Activation f : {Activation::Relu, Activation::LeakyRelu}) {
        ActivationLayer layer(f);
        Tensor z({1, 3});
        z[0] = -1, z[1] = 0, z[2] = 1;
        LayerTrace t;
        layer.forward({&z}, t, {});
        t.gradOutput = Tensor({1, 3}, 1.0);
        layer.backward({&z}, t, {true}, {});
        const double atKink = f == Activation::Relu ? 0.0 : kLeakyReluAlpha;
        QCOMPARE(t.gradInputs[0][1], atKink);
        QCOMPARE(t.gradInputs[0][2], 1.0);
        QCOMPARE(t.gradInputs[0][0], f == Activation::Relu ? 0.0 : kLeakyReluAlpha);
    }
}

void TestEngineGradients::maxPoolTiesGoToTheFirstMaximum() {
    // One 2×2 window holding 5, 5 / 5, 1: the gradient goes to the first 5 (row 0, column 0).
    Pool2d pool(PoolKind::Max, 2, 2);
    Tensor x({1, 1, 2, 4});
    const double values[] = {5, 5, 1, 7, 5, 1, 7, 7};
    for (int i = 0; i < 8; ++i) x[i] = values[i];
    LayerTrace t;
    pool.forward({&x}, t, {});
    QCOMPARE(t.output[0], 5.0);
    QCOMPARE(t.output[1], 7.0);
    QCOMPARE(t.named.at("argmax")[0], 0.0);
    QCOMPARE(t.named.at("argmax")[1], 3.0);  // 7 at (0, 3) comes before the 7s of row 1
    t.gradOutput = Tensor({1, 1, 1, 2});
    t.gradOutput[0] = 2, t.gradOutput[1] = 3;
    pool.backward({&x}, t, {true}, {});
    const double expected[] = {2, 0, 0, 3, 0, 0, 0, 0};
    for (int i = 0; i < 8; ++i) QCOMPARE(t.gradInputs[0][i], expected[i]);
}

void TestEngineGradients::softmaxCrossEntropyGradient() {
    const Tensor logits = randomTensor({5, 4}, 3);
    const std::vector<int> labels = {0, 3, 1, 1, 2};
    ClassificationLoss base;
    softmaxCrossEntropy(logits, labels, base);
    const double h = 1e-6;
    for (Index i = 0; i < logits.size(); ++i) {
        Tensor plus = logits, minus = logits;
        plus[i] += h;
        minus[i] -= h;
        ClassificationLoss lp, lm;
        softmaxCrossEntropy(plus, labels, lp);
        softmaxCrossEntropy(minus, labels, lm);
        const double numeric = (lp.loss - lm.loss) / (2 * h);
        QVERIFY2(std::abs(numeric - base.gradLogits[i]) < 1e-8, qPrintable(QString::number(i)));
    }
    // ℓ = −log p_y by hand for uniform logits: log 4.
    ClassificationLoss uniform;
    softmaxCrossEntropy(Tensor({1, 4}), {2}, uniform);
    QVERIFY(std::abs(uniform.loss - std::log(4.0)) < 1e-15);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxCrossEntropy(logits, {0, 1, 2, 3, 4}, base));
}

void TestEngineGradients::batchNormRunningStatisticsFollowTheBatch() {
    // Feature 0 takes 1, 3 (μ = 2, σ² = 1); feature 1 takes 0, 0 (μ = 0, σ² = 0).
    BatchNorm bn(2);
    Tensor x({2, 2});
    x[0] = 1, x[1] = 0, x[2] = 3, x[3] = 0;
    LayerTrace t;
    bn.forward({&x}, t, {});
    QCOMPARE(t.named.at("mu")[0], 2.0);
    QCOMPARE(t.named.at("var")[0], 1.0);
    QCOMPARE(t.named.at("var")[1], 0.0);
    QVERIFY(std::abs(t.output[0] - (-1.0 / std::sqrt(1 + 1e-5))) < 1e-15);  // x̂ = (1 − 2)/√(1 + ε)
    QVERIFY(std::abs(bn.runningMean()[0] - 0.2) < 1e-15);                    // 0.9·0 + 0.1·2
    QVERIFY(std::abs(bn.runningVar()[0] - 1.0) < 1e-15);                     // 0.9·1 + 0.1·1
    QVERIFY(std::abs(bn.runningVar()[1] - 0.9) < 1e-15);
    RunContext eval;
    eval.mode = Mode::Eval;
    bn.forward({&x}, t, eval);  // test time: the running averages, not the batch's
    QVERIFY(std::abs(t.output[0] - (1 - 0.2) / std::sqrt(1 + 1e-5)) < 1e-15);
}

QTEST_GUILESS_MAIN(TestEngineGradients)
#include "tst_engine_gradients.moc"
