// The residual experiment: after a seeded number of steps the plain sigmoid net's first layer
// gets a gradient at least ten times smaller than its last layer's (vanishing gradients), while
// the residual net's ratio stays much closer to 1. Runs are reproducible.
#include "cnn/residual_experiment.h"

#include <QTest>

using namespace ns;
using cnn::ResidualVariant;

class TestResidualExperiment : public QObject {
    Q_OBJECT

private slots:
    void fourNetsOfTheSameDepth();
    void plainSigmoidGradientsVanishResidualOnesDoNot();
    void sameSeedSameRun();
};

namespace {
double firstOverLast(const cnn::ResidualRun& run) {
    return run.gradientNorms.front() / run.gradientNorms.back();
}
}  // namespace

void TestResidualExperiment::fourNetsOfTheSameDepth() {
    cnn::ResidualExperiment e({});
    for (const cnn::ResidualRun& run : e.runs()) {
        QCOMPARE(run.layerNames.size(), std::size_t(20));
        QCOMPARE(run.layerNames.front(), std::string("fc_in"));
        QCOMPARE(run.layerNames.back(), std::string("fc_out"));
    }
    QCOMPARE(e.inputs().shape(), (engine::Shape{400, 2}));
    QVERIFY(e.run(ResidualVariant::Residual).network.find("add1") >= 0);
    QVERIFY(e.run(ResidualVariant::Plain).network.find("add1") < 0);
    QVERIFY(e.run(ResidualVariant::PlainBatchNorm).network.find("bn1a") >= 0);
}

void TestResidualExperiment::plainSigmoidGradientsVanishResidualOnesDoNot() {
    // The first step's gradients are the textbook picture: in the plain sigmoid net each layer
    // multiplies ∂L/∂a by σ′ ≤ 1/4 and a weight matrix, so ‖∂L/∂W‖ shrinks by orders of magnitude
    // towards the input; the skip connections and BatchNorm keep it within about one.
    cnn::ResidualExperiment e({.activation = Activation::Sigmoid, .seed = 1});
    e.step();
    const double plain = firstOverLast(e.run(ResidualVariant::Plain));
    const double residual = firstOverLast(e.run(ResidualVariant::Residual));
    const double plainBn = firstOverLast(e.run(ResidualVariant::PlainBatchNorm));
    const double residualBn = firstOverLast(e.run(ResidualVariant::ResidualBatchNorm));
    qInfo("‖∂L/∂W₁‖ / ‖∂L/∂W₂₀‖ at the first step: plain %.3g, plain+BN %.3g, residual %.3g, residual+BN %.3g",
          plain, plainBn, residual, residualBn);
    QVERIFY2(plain < 1e-6, qPrintable(QString::number(plain)));
    QVERIFY2(residual > 1e-2, qPrintable(QString::number(residual)));
    QVERIFY2(plainBn > 1e-2, qPrintable(QString::number(plainBn)));
    QVERIFY2(residualBn > 1e-2, qPrintable(QString::number(residualBn)));
    // Trained on: the plain net's first layer still receives next to nothing and it stays at the
    // chance loss ln 2, while the residual net is learning.
    for (int i = 1; i < 50; ++i) e.step();
    const cnn::ResidualRun& plainRun = e.run(ResidualVariant::Plain);
    const cnn::ResidualRun& residualRun = e.run(ResidualVariant::Residual);
    QVERIFY(plainRun.gradientNorms.front() < 1e-6 * residualRun.gradientNorms.front());
    QVERIFY2(residualRun.loss < plainRun.loss - 0.01,
             qPrintable(QString("residual %1, plain %2").arg(residualRun.loss).arg(plainRun.loss)));
    for (const cnn::ResidualRun& run : e.runs()) QVERIFY(run.finite);
}

void TestResidualExperiment::sameSeedSameRun() {
    cnn::ResidualExperiment a({.blocks = 3, .seed = 4}), b({.blocks = 3, .seed = 4});
    for (int i = 0; i < 5; ++i) {
        a.step();
        b.step();
    }
    QCOMPARE(a.steps(), 5L);
    for (int v = 0; v < cnn::kResidualVariants; ++v) {
        QCOMPARE(a.runs()[std::size_t(v)].loss, b.runs()[std::size_t(v)].loss);
        QCOMPARE(a.runs()[std::size_t(v)].gradientNorms, b.runs()[std::size_t(v)].gradientNorms);
    }
}

QTEST_GUILESS_MAIN(TestResidualExperiment)
#include "tst_residual_experiment.moc"
