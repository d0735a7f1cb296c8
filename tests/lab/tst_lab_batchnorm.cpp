// BatchNorm in the training lab (seed 001 §5.2, eqs. 70–73): the lab's pass with a normalised
// hidden layer has the gradients of central differences for W, b, γ and β; it records the
// batch's μ_B and σ²_B and moves the running averages by the momentum; the test-time network
// with the running averages folded into W and b equals the engine's BatchNorm in Eval mode;
// and the trainer learns with it, reproducibly, restoring γ, β and the statistics.
#include "engine/activation_layer.h"
#include "engine/dense.h"
#include "engine/normalization.h"
#include "lab/lab_network.h"
#include "lab/lab_trainer.h"
#include "mlp/parameters.h"
#include "base/random.h"

#include <QTest>

#include <cmath>

using namespace ns;

namespace {

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
    Random random(seed);
    Matrix m(rows, cols);
    for (double& v : m.reshaped()) v = random.normal();
    return m;
}

Dataset circleData(int n, std::uint64_t seed) {
    Random random(seed);
    Dataset d{Matrix(n, 2), Matrix(n, 1)};
    for (int r = 0; r < n; ++r) {
        d.X(r, 0) = 2 * random.uniform() - 1;
        d.X(r, 1) = 2 * random.uniform() - 1;
        d.Y(r, 0) = d.X.row(r).squaredNorm() < 0.45 ? 1.0 : 0.0;
    }
    return d;
}

// θ = weights of the Mlp, then γ and β of the normalised layers (the trainer's order).
Vector thetaOf(const Mlp& net, const LabBatchNorm& bn) {
    Vector t = flattenParameters(net);
    for (std::size_t l = 0; l < bn.gamma.size(); ++l) {
        if (!bn.enabled[l]) continue;
        const Eigen::Index at = t.size(), u = bn.gamma[l].size();
        t.conservativeResize(at + 2 * u);
        t.segment(at, u) = bn.gamma[l];
        t.segment(at + u, u) = bn.beta[l];
    }
    return t;
}

void setTheta(const Vector& t, Mlp& net, LabBatchNorm& bn) {
    const Eigen::Index base = flattenParameters(net).size();
    unflattenParameters(t.head(base), net);
    Eigen::Index at = base;
    for (std::size_t l = 0; l < bn.gamma.size(); ++l) {
        if (!bn.enabled[l]) continue;
        const Eigen::Index u = bn.gamma[l].size();
        bn.gamma[l] = t.segment(at, u);
        bn.beta[l] = t.segment(at + u, u);
        at += 2 * u;
    }
}

}  // namespace

class TestLabBatchNorm : public QObject {
    Q_OBJECT
private slots:
    void gradientsMatchCentralDifferences_data();
    void gradientsMatchCentralDifferences();
    void batchStatisticsAndRunningAverages();
    void foldedNetworkEqualsEvalModeBatchNorm();
    void trainerLearnsReproduciblyWithBatchNorm();
    void switchingBatchNormKeepsWeightsAndRestarts();
};

void TestLabBatchNorm::gradientsMatchCentralDifferences_data() {
    QTest::addColumn<int>("lossKind");
    QTest::addColumn<QString>("activation");
    QTest::newRow("bce, tanh") << int(LabLoss::Bce) << "tanh";
    QTest::newRow("mse, sigmoid") << int(LabLoss::Mse) << "sigmoid";
    QTest::newRow("bce, relu") << int(LabLoss::Bce) << "relu";
}

void TestLabBatchNorm::gradientsMatchCentralDifferences() {
    QFETCH(int, lossKind);
    QFETCH(QString, activation);
    const Activation f = activation == "tanh" ? Activation::Tanh : activation == "relu" ? Activation::Relu : Activation::Sigmoid;
    const Mlp net = Mlp::initialized({3, 5, 4, 1}, {f, f, Activation::Sigmoid}, Initialization::Xavier, 7);
    LabBatchNorm bn = LabBatchNorm::fresh(net, {true, true});
    Random random(3);
    for (std::size_t l = 0; l < 2; ++l) {  // γ and β away from 1 and 0, so every term counts
        for (double& g : bn.gamma[l].reshaped()) g = 1 + 0.3 * random.normal();
        for (double& b : bn.beta[l].reshaped()) b = 0.2 * random.normal();
    }
    const Matrix X = randomMatrix(12, 3, 11);
    Matrix Y(12, 1);
    for (Eigen::Index r = 0; r < 12; ++r) Y(r, 0) = X(r, 0) + X(r, 1) > 0 ? 1.0 : 0.0;
    const LossChoice loss{.kind = static_cast<LabLoss>(lossKind)};

    DropoutPass none;
    Trace trace;
    LabBatchNorm stats = bn;
    LabBatchNormGradients grads;
    labForwardBackward(net, X, Y, loss, none, trace, &stats, &grads);
    Vector analytic = flattenGradients(trace);
    {
        const Eigen::Index base = analytic.size();
        analytic.conservativeResize(base + static_cast<Eigen::Index>(bn.parameterCount()));
        Eigen::Index at = base;
        for (std::size_t l = 0; l < 2; ++l) {
            const Eigen::Index u = bn.gamma[l].size();
            analytic.segment(at, u) = grads.gamma[l];
            analytic.segment(at + u, u) = grads.beta[l];
            at += 2 * u;
        }
    }
    const Vector theta = thetaOf(net, bn);
    QCOMPARE(theta.size(), analytic.size());
    QCOMPARE(theta.size(), Eigen::Index(flattenParameters(net).size() + 2 * (5 + 4)));
    double worst = 0;
    for (Eigen::Index i = 0; i < theta.size(); ++i) {
        auto lossAt = [&](double delta) {
            Mlp shifted = net;
            LabBatchNorm b = bn;
            Vector t = theta;
            t(i) += delta;
            setTheta(t, shifted, b);
            DropoutPass p;
            Trace tr;
            labForwardBackward(shifted, X, Y, loss, p, tr, &b, nullptr);
            return tr.loss;
        };
        const double h = 1e-6;
        const double numeric = (lossAt(h) - lossAt(-h)) / (2 * h);
        worst = std::max(worst, std::abs(analytic(i) - numeric) / std::max(1.0, std::abs(numeric)));
    }
    // Central differences of a smooth loss: O(h²) truncation plus rounding ~1e-10 / h. ReLU's kink
    // is not hit with these seeds (a hit would show as an error near 1, far above the bound).
    QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
}

void TestLabBatchNorm::batchStatisticsAndRunningAverages() {
    const Mlp net = Mlp::initialized({2, 3, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 2);
    LabBatchNorm bn = LabBatchNorm::fresh(net, {true});
    const Matrix X = randomMatrix(8, 2, 5);
    const Matrix Y = Matrix::Ones(8, 1);
    DropoutPass none;
    Trace trace;
    labForwardBackward(net, X, Y, {.kind = LabLoss::Bce}, none, trace, &bn, nullptr);
    // μ_B and σ²_B (biased, eq. 71) of W x + b over the batch, by hand.
    const Matrix pre = (X * net.layer(0).W.transpose()).rowwise() + net.layer(0).b.transpose();
    const Vector mu = pre.colwise().mean().transpose();
    const Vector var = (pre.rowwise() - mu.transpose()).array().square().colwise().mean().transpose();
    QVERIFY((trace.layers[0].batchMean - mu).cwiseAbs().maxCoeff() < 1e-12);
    QVERIFY((trace.layers[0].batchVariance - var).cwiseAbs().maxCoeff() < 1e-12);
    // z, the input of σ, is normalised: mean 0 and variance σ²/(σ² + ε) per unit (γ = 1, β = 0).
    const Matrix& z = trace.layers[0].z;
    QVERIFY(z.colwise().mean().cwiseAbs().maxCoeff() < 1e-12);
    // Running averages: (1 − m)·(0, 1) + m·(μ_B, σ²_B) — whether σ² is stored biased or not is
    // the engine's choice; the lab follows it, so compare against the engine's own layer.
    engine::BatchNorm reference(3, LabBatchNorm::kEpsilon, LabBatchNorm::kMomentum);
    engine::Tensor input({8, 3});
    input.matrix() = pre;
    engine::LayerTrace t;
    reference.forward({&input}, t, engine::RunContext{});
    QVERIFY((bn.runningMean[0] - reference.runningMean().flat()).cwiseAbs().maxCoeff() < 1e-15);
    QVERIFY((bn.runningVar[0] - reference.runningVar().flat()).cwiseAbs().maxCoeff() < 1e-15);
    QVERIFY((bn.runningMean[0] - 0.1 * mu).cwiseAbs().maxCoeff() < 1e-15);
    // Off: no statistics recorded.
    LabBatchNorm off = LabBatchNorm::fresh(net, {false});
    labForwardBackward(net, X, Y, {.kind = LabLoss::Bce}, none, trace, &off, nullptr);
    QCOMPARE(trace.layers[0].batchMean.size(), Eigen::Index(0));
    QCOMPARE(off.parameterCount(), std::size_t(0));
}

void TestLabBatchNorm::foldedNetworkEqualsEvalModeBatchNorm() {
    const Mlp net = Mlp::initialized({2, 4, 1}, {Activation::Relu, Activation::Sigmoid}, Initialization::He, 9);
    LabBatchNorm bn = LabBatchNorm::fresh(net, {true});
    bn.gamma[0] << 1.5, 0.5, -1.0, 2.0;
    bn.beta[0] << 0.1, -0.2, 0.3, 0.0;
    bn.runningMean[0] << 0.2, -0.1, 0.4, 1.0;
    bn.runningVar[0] << 0.5, 2.0, 1.0, 0.25;
    const Mlp folded = foldBatchNorm(net, bn);
    const Matrix X = randomMatrix(6, 2, 4);
    // The engine: Dense → BatchNorm (Eval: running averages) → ReLU → Dense → σ.
    engine::Dense d1(2, 4), d2(4, 1);
    d1.W().matrix() = net.layer(0).W;
    d1.b().flat() = net.layer(0).b;
    d2.W().matrix() = net.layer(1).W;
    d2.b().flat() = net.layer(1).b;
    engine::BatchNorm norm(4, LabBatchNorm::kEpsilon, LabBatchNorm::kMomentum);
    norm.gamma().flat() = bn.gamma[0];
    norm.beta().flat() = bn.beta[0];
    engine::Tensor mean({4}), var({4});
    mean.flat() = bn.runningMean[0];
    var.flat() = bn.runningVar[0];
    norm.setRunningStatistics(mean, var);
    engine::ActivationLayer relu(Activation::Relu), sigmoid(Activation::Sigmoid);
    engine::RunContext eval;
    eval.mode = engine::Mode::Eval;
    engine::Tensor x({6, 2});
    x.matrix() = X;
    engine::LayerTrace t1, t2, t3, t4, t5;
    d1.forward({&x}, t1, eval);
    norm.forward({&t1.output}, t2, eval);
    relu.forward({&t2.output}, t3, eval);
    d2.forward({&t3.output}, t4, eval);
    sigmoid.forward({&t4.output}, t5, eval);
    Trace trace;
    folded.forward(X, trace);
    QVERIFY((trace.output() - t5.output.matrix()).cwiseAbs().maxCoeff() < 1e-13);
    QCOMPARE(folded.layer(1).W, net.layer(1).W);  // the output layer is never normalised
}

void TestLabBatchNorm::trainerLearnsReproduciblyWithBatchNorm() {
    const Dataset train = circleData(200, 1), test = circleData(100, 2);
    const Mlp net = Mlp::initialized({2, 8, 8, 1}, {Activation::Tanh, Activation::Tanh, Activation::Sigmoid},
                                     Initialization::Xavier, 3);
    LabSettings settings;
    settings.loss = {.kind = LabLoss::Bce};
    settings.optimizer = {.kind = OptimizerKind::MiniBatch, .batchSize = 20};
    settings.schedule.eta = 0.5;
    settings.batchNorm = {true, false};
    LabTrainer a(net, train, test, settings, true), b(net, train, test, settings, true);
    LabEpoch first{}, last{};
    for (int e = 0; e < 60; ++e) {
        last = a.step();
        if (e == 0) first = last;
        b.step();
    }
    QCOMPARE(a.status(), LabStatus::Ready);
    QVERIFY2(last.trainLoss < 0.5 * first.trainLoss, qPrintable(QString("%1 → %2").arg(first.trainLoss).arg(last.trainLoss)));
    QVERIFY(last.testAccuracy > 0.85);
    QCOMPARE(a.network(), b.network());
    QCOMPARE(a.batchNorm(), b.batchNorm());
    const LabTrainerState s = a.state();
    QCOMPARE(s.batchMeans.size(), std::size_t(2));
    QCOMPARE(s.batchMeans[0].size(), Eigen::Index(8));
    QCOMPARE(s.batchMeans[1].size(), Eigen::Index(0));  // layer 2 is not normalised
    QVERIFY(s.batchVariances[0].minCoeff() > 0);
    QVERIFY(!(s.batchNorm.gamma[0] == Vector::Ones(8)));  // γ learnt
    // The reported losses are those of the folded test-time network.
    Trace trace;
    const Evaluation e = evaluate(s.testNetwork(), train.X, train.Y, settings.loss, trace);
    QVERIFY(std::abs(e.loss - last.trainLoss) < 1e-12);
    // Restored into a new trainer, the run continues exactly.
    LabTrainer c(net, train, test, settings, true);
    c.restore(s);
    const LabEpoch next = a.step();
    QCOMPARE(c.step().trainLoss, next.trainLoss);
    QCOMPARE(c.batchNorm(), a.batchNorm());
}

void TestLabBatchNorm::switchingBatchNormKeepsWeightsAndRestarts() {
    const Dataset train = circleData(100, 4);
    const Mlp net = Mlp::initialized({2, 6, 1}, {Activation::Relu, Activation::Sigmoid}, Initialization::He, 5);
    LabSettings settings;
    settings.loss = {.kind = LabLoss::Bce};
    settings.optimizer = {.kind = OptimizerKind::Adam, .batchSize = 25};
    settings.schedule.eta = 0.01;
    LabTrainer trainer(net, train, {}, settings, true);
    for (int e = 0; e < 5; ++e) trainer.step();
    const Mlp before = trainer.network();
    QCOMPARE(trainer.optimizerState().m.size(), Eigen::Index(before.parameterCount()));
    settings.batchNorm = {true};
    trainer.setSettings(settings);
    QCOMPARE(trainer.network(), before);
    QVERIFY(trainer.batchNorm().any());
    QCOMPARE(trainer.batchNorm().gamma[0], Vector::Ones(6));
    trainer.step();
    QCOMPARE(trainer.status(), LabStatus::Ready);
    // Adam's moments now cover γ and β too.
    QCOMPARE(trainer.optimizerState().m.size(), Eigen::Index(before.parameterCount() + 12));
    trainer.reset();
    QCOMPARE(trainer.network(), net);
    QCOMPARE(trainer.batchNorm().runningMean[0], Vector::Zero(6));
}

QTEST_GUILESS_MAIN(TestLabBatchNorm)
#include "tst_lab_batchnorm.moc"
