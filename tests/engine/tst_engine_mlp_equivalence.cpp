// The 4-8-4-1 fast path (Mlp, hand-vectorised for thin layers) is a specialisation of the
// engine: on the seed network (seed 001 §3.2) every z, a, δ, ∂W and ∂b it computes equals the
// engine's Dense and activation layers to 1e-12, and the training lab (which runs on the
// engine) follows the same trajectory as the fast-path Trainer.
#include "engine/activation_layer.h"
#include "engine/dense.h"
#include "engine/network.h"
#include "lab/lab_network.h"
#include "mlp/dataset.h"
#include "mlp/mlp.h"
#include "mlp/trainer.h"

#include <QTest>

using namespace ns;

namespace {

constexpr double kTolerance = 1e-12;

double maxRelative(const Matrix& a, const Matrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
    return ((a - b).cwiseAbs().array() / (1.0 + b.cwiseAbs().array())).maxCoeff();
}

Mlp seedNetwork() {
    return Mlp::initialized({4, 8, 4, 1}, {Activation::Relu, Activation::Relu, Activation::Sigmoid}, Initialization::He, 43);
}

}  // namespace

class TestEngineMlpEquivalence : public QObject {
    Q_OBJECT
private slots:
    void seedNetworkHas81Parameters();
    void fastPathEqualsEngine();
    void forwardOnlyEqualsEngineNetwork();
    void trainingTrajectoriesAgree();
};

void TestEngineMlpEquivalence::seedNetworkHas81Parameters() {
    // 4·8 + 8 + 8·4 + 4 + 4·1 + 1 = 81, in the MLP and as engine layers.
    QCOMPARE(seedNetwork().parameterCount(), std::size_t(81));
    engine::Network net({4});
    net.add(std::make_unique<engine::Dense>(4, 8));
    net.add(std::make_unique<engine::Dense>(8, 4));
    net.add(std::make_unique<engine::Dense>(4, 1));
    QCOMPARE(net.parameterCount(), engine::Index(81));
}

void TestEngineMlpEquivalence::fastPathEqualsEngine() {
    const Mlp net = seedNetwork();
    const Dataset data = makeSumSignDataset(1000, 4, 42);
    const Trace fast = net.forwardBackward(data.X, data.Y, Loss::Bce);
    DropoutPass none;
    Trace engineTrace;
    labForwardBackward(net, data.X, data.Y, {.kind = LabLoss::Bce}, none, engineTrace);
    QVERIFY(std::abs(fast.loss - engineTrace.loss) <= kTolerance * std::max(1.0, fast.loss));
    QCOMPARE(fast.accuracy, engineTrace.accuracy);
    for (std::size_t l = 0; l < 3; ++l) {
        const LayerTrace& a = fast.layers[l];
        const LayerTrace& b = engineTrace.layers[l];
        QVERIFY2(maxRelative(a.z, b.z) <= kTolerance, qPrintable(QStringLiteral("z of layer %1").arg(l + 1)));
        QVERIFY2(maxRelative(a.a, b.a) <= kTolerance, qPrintable(QStringLiteral("a of layer %1").arg(l + 1)));
        QVERIFY2(maxRelative(a.delta, b.delta) <= kTolerance, qPrintable(QStringLiteral("δ of layer %1").arg(l + 1)));
        QVERIFY2(maxRelative(a.dW, b.dW) <= kTolerance, qPrintable(QStringLiteral("∂W of layer %1").arg(l + 1)));
        QVERIFY2(maxRelative(a.db, b.db) <= kTolerance, qPrintable(QStringLiteral("∂b of layer %1").arg(l + 1)));
    }
}

void TestEngineMlpEquivalence::forwardOnlyEqualsEngineNetwork() {
    // The same weights in an engine Network (Dense, ReLU, Dense, ReLU, Dense, sigmoid).
    const Mlp mlp = seedNetwork();
    engine::Network net({4});
    for (std::size_t l = 0; l < 3; ++l) {
        auto dense = std::make_unique<engine::Dense>(mlp.layer(l).fanIn(), mlp.layer(l).units());
        dense->W().matrix() = mlp.layer(l).W;
        dense->b().flat() = mlp.layer(l).b;
        net.add(std::move(dense));
        net.add(std::make_unique<engine::ActivationLayer>(mlp.layer(l).activation));
    }
    const Dataset data = makeSumSignDataset(300, 4, 9);
    engine::Tensor x({300, 4});
    x.matrix() = data.X;
    engine::NetworkTrace trace;
    net.forward(x, trace, {});
    const Trace fast = mlp.forward(data.X);
    QVERIFY(maxRelative(fast.output(), Matrix(trace.output().matrix())) <= kTolerance);
}

void TestEngineMlpEquivalence::trainingTrajectoriesAgree() {
    // 200 epochs of full-batch GD, η = 0.01: the fast-path Trainer and the engine-composed lab
    // pass stay within 1e-12 of each other at every epoch.
    const Dataset data = makeSumSignDataset(1000, 4, 42);
    TrainingOptions options;
    options.loss = Loss::Bce;
    Trainer trainer(seedNetwork(), data, options);
    Mlp engineNet = seedNetwork();
    DropoutPass none;
    Trace trace;
    for (int epoch = 0; epoch < 200; ++epoch) {
        const EpochStats stats = trainer.step();
        labForwardBackward(engineNet, data.X, data.Y, {.kind = LabLoss::Bce}, none, trace);
        QVERIFY2(std::abs(stats.loss - trace.loss) <= kTolerance, qPrintable(QStringLiteral("epoch %1").arg(epoch)));
        engineNet.applyGradients(trace, 0.01);
    }
    for (std::size_t l = 0; l < 3; ++l)
        QVERIFY(maxRelative(trainer.network().layer(l).W, engineNet.layer(l).W) <= kTolerance);
}

QTEST_GUILESS_MAIN(TestEngineMlpEquivalence)
#include "tst_engine_mlp_equivalence.moc"
