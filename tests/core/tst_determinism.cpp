// Reproducibility: training gives bitwise identical weights at any thread count (the chunked,
// fixed-order reduction of ParallelOptions), a seed fixes the initial weights and the data, and
// the initial weights have the textbook's He scale (seed 001 §3.2: randn · √(2/fan_in)).
#include "mlp/dataset.h"
#include "mlp/mlp.h"
#include "mlp/trainer.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

using namespace ns;

Q_DECLARE_METATYPE(ns::Loss)
Q_DECLARE_METATYPE(std::vector<int>)
Q_DECLARE_METATYPE(std::vector<ns::Activation>)

namespace {

bool sameBits(const double* a, const double* b, Eigen::Index n) {
    return std::memcmp(a, b, static_cast<std::size_t>(n) * sizeof(double)) == 0;
}

// The first parameter whose bits differ, or an empty string.
QString firstBitDifference(const Mlp& a, const Mlp& b) {
    if (a.sizes() != b.sizes()) return QStringLiteral("the layer sizes differ");
    for (std::size_t l = 0; l < a.layers().size(); ++l) {
        const DenseLayer &x = a.layer(l), &y = b.layer(l);
        for (Eigen::Index j = 0; j < x.W.rows(); ++j) {
            for (Eigen::Index i = 0; i < x.W.cols(); ++i)
                if (!sameBits(&x.W(j, i), &y.W(j, i), 1))
                    return QStringLiteral("W%1[%2][%3]: %4 vs %5")
                        .arg(l + 1)
                        .arg(j)
                        .arg(i)
                        .arg(x.W(j, i), 0, 'g', 17)
                        .arg(y.W(j, i), 0, 'g', 17);
            if (!sameBits(&x.b(j), &y.b(j), 1))
                return QStringLiteral("b%1[%2]: %3 vs %4")
                    .arg(l + 1)
                    .arg(j)
                    .arg(x.b(j), 0, 'g', 17)
                    .arg(y.b(j), 0, 'g', 17);
        }
    }
    return {};
}

struct Run {
    Mlp network;
    std::vector<double> losses;
};

Run train(const std::vector<int>& sizes, const std::vector<Activation>& activations, Loss loss,
          Eigen::Index batch, int threads, Eigen::Index chunkRows, long epochs) {
    Dataset data = makeSumSignDataset(batch, 4, 7);
    if (sizes.back() == 2) {  // two classes, one-hot: (1 − y, y)
        Matrix Y(data.size(), 2);
        Y.col(0) = 1.0 - data.Y.col(0).array();
        Y.col(1) = data.Y.col(0);
        data.Y = Y;
    }
    TrainingOptions options;
    options.loss = loss;
    options.learningRate = 0.05;
    options.parallel.threads = threads;
    options.parallel.chunkRows = chunkRows;
    options.parallel.minRowsPerThread = 0;  // take the threaded path even for these small batches
    Trainer trainer(Mlp::initialized(sizes, activations, Initialization::He, 8), std::move(data), options);
    Run run;
    for (long e = 0; e < epochs; ++e) run.losses.push_back(trainer.step().loss);
    run.network = trainer.network();
    return run;
}

}  // namespace

class TestDeterminism : public QObject {
    Q_OBJECT

private slots:
    void sameWeightsAtAnyThreadCount_data();
    void sameWeightsAtAnyThreadCount();
    void sameSeedSameInitialWeights();
    void differentSeedDifferentInitialWeights();
    void heAndXavierScales();
    void datasetIsSeeded();
};

void TestDeterminism::sameWeightsAtAnyThreadCount_data() {
    QTest::addColumn<std::vector<int>>("sizes");
    QTest::addColumn<std::vector<Activation>>("activations");
    QTest::addColumn<Loss>("loss");
    QTest::addColumn<qlonglong>("batch");
    QTest::addColumn<qlonglong>("chunkRows");
    const std::vector<int> seed4841{4, 8, 4, 1};
    const std::vector<Activation> seedActivations{Activation::Relu, Activation::Relu, Activation::Sigmoid};
    // 1000 rows in chunks of 96: ten full chunks and a ragged last one of 40 rows.
    QTest::newRow("4-8-4-1 bce, 1000 rows in chunks of 96 (last 40)")
        << seed4841 << seedActivations << Loss::Bce << qlonglong(1000) << qlonglong(96);
    // The default 256: three full chunks and 232 rows.
    QTest::newRow("4-8-4-1 bce, 1000 rows in default chunks of 256 (last 232)")
        << seed4841 << seedActivations << Loss::Bce << qlonglong(1000)
        << qlonglong(ParallelOptions{}.chunkRows);
    // Chunks whose rows fall into every tail of the core's vector loops (8-row lanes, 32-row
    // blocks), and the other activations and losses. Fewer rows: these activations are slower.
    QTest::newRow("4-8-6-2 tanh-elu-softmax ce, 400 rows in chunks of 77 (last 15)")
        << std::vector<int>{4, 8, 6, 2}
        << std::vector<Activation>{Activation::Tanh, Activation::Elu, Activation::Softmax} << Loss::Ce
        << qlonglong(400) << qlonglong(77);
    QTest::newRow("4-6-5-1 gelu-leaky_relu-identity mse, 400 rows in chunks of 33 (last 4)")
        << std::vector<int>{4, 6, 5, 1}
        << std::vector<Activation>{Activation::Gelu, Activation::LeakyRelu, Activation::Identity}
        << Loss::Mse << qlonglong(400) << qlonglong(33);
}

void TestDeterminism::sameWeightsAtAnyThreadCount() {
    QFETCH(std::vector<int>, sizes);
    QFETCH(std::vector<Activation>, activations);
    QFETCH(Loss, loss);
    QFETCH(qlonglong, batch);
    QFETCH(qlonglong, chunkRows);
    const long epochs = 200;
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    QVERIFY2(batch > 2 * chunkRows && batch % chunkRows != 0,
             qPrintable(name + ": the batch should span several chunks, the last one ragged"));
    const Run one = train(sizes, activations, loss, batch, 1, chunkRows, epochs);
    QVERIFY2(one.network.allFinite(), qPrintable(name + ": weights are not finite after training"));
    QVERIFY2(one.losses.back() < one.losses.front(),
             qPrintable(name + ": the loss did not fall, so the runs compare nothing useful"));
    for (int threads : {2}) {
        const Run many = train(sizes, activations, loss, batch, threads, chunkRows, epochs);
        const QString difference = firstBitDifference(one.network, many.network);
        QVERIFY2(difference.isEmpty(),
                 qPrintable(QStringLiteral("%1: after %2 epochs, 1 thread vs %3 threads: %4")
                                .arg(name)
                                .arg(epochs)
                                .arg(threads)
                                .arg(difference)));
        QVERIFY2(one.network == many.network,
                 qPrintable(QStringLiteral("%1: Mlp::operator== says 1 and %2 threads differ").arg(name).arg(threads)));
        QVERIFY2(sameBits(one.losses.data(), many.losses.data(), static_cast<Eigen::Index>(epochs)),
                 qPrintable(QStringLiteral("%1: the loss history differs between 1 and %2 threads").arg(name).arg(threads)));
    }
}

void TestDeterminism::sameSeedSameInitialWeights() {
    const std::vector<int> sizes{4, 8, 4, 1};
    const std::vector<Activation> acts{Activation::Relu, Activation::Relu, Activation::Sigmoid};
    for (Initialization init : {Initialization::He, Initialization::Xavier}) {
        const Mlp a = Mlp::initialized(sizes, acts, init, 43);
        const Mlp b = Mlp::initialized(sizes, acts, init, 43);
        const QString difference = firstBitDifference(a, b);
        QVERIFY2(difference.isEmpty(), qPrintable("seed 43 twice gives different weights: " + difference));
        QVERIFY2(a == b, "seed 43 twice: Mlp::operator== says the networks differ");
        for (const DenseLayer& layer : a.layers()) {
            QVERIFY2(layer.b.isZero(0.0), "initial biases should be exactly zero");
            QVERIFY2(layer.W.allFinite() && !layer.W.isZero(0.0), "initial weights should be finite and not all zero");
        }
    }
}

void TestDeterminism::differentSeedDifferentInitialWeights() {
    const std::vector<int> sizes{4, 8, 4, 1};
    const std::vector<Activation> acts{Activation::Relu, Activation::Relu, Activation::Sigmoid};
    const Mlp a = Mlp::initialized(sizes, acts, Initialization::He, 43);
    const Mlp b = Mlp::initialized(sizes, acts, Initialization::He, 44);
    QVERIFY2(!(a == b), "seeds 43 and 44 give equal networks");
    for (std::size_t l = 0; l < a.layers().size(); ++l) {
        const Eigen::Index equal = (a.layer(l).W.array() == b.layer(l).W.array()).count();
        QVERIFY2(equal == 0, qPrintable(QStringLiteral("seeds 43 and 44: %1 of the %2 entries of W%3 are equal")
                                            .arg(equal)
                                            .arg(a.layer(l).W.size())
                                            .arg(l + 1)));
    }
}

// He: N(0, 1)·√(2/fan_in); Xavier: N(0, 1)·√(2/(fan_in + fan_out)). 262144 draws estimate the
// standard deviation to about 0.14%, so 3% is far outside chance and far inside any wrong formula.
void TestDeterminism::heAndXavierScales() {
    struct Expectation {
        Initialization init;
        const char* name;
        double sigma;
    };
    const Expectation cases[] = {
        {Initialization::He, "He", std::sqrt(2.0 / 512.0)},
        {Initialization::Xavier, "Xavier", std::sqrt(2.0 / (512.0 + 512.0))},
    };
    for (const Expectation& c : cases) {
        const Mlp net = Mlp::initialized({512, 512, 1}, {Activation::Relu, Activation::Sigmoid}, c.init, 1);
        const Matrix& W = net.layer(0).W;
        const double mean = W.mean();
        const double sd = std::sqrt((W.array() - mean).square().mean());
        QVERIFY2(std::abs(sd / c.sigma - 1.0) < 0.03,
                 qPrintable(QStringLiteral("%1 init of a 512→512 layer: standard deviation %2, expected %3")
                                .arg(c.name)
                                .arg(sd)
                                .arg(c.sigma)));
        QVERIFY2(std::abs(mean) < 5.0 * c.sigma / std::sqrt(static_cast<double>(W.size())),
                 qPrintable(QStringLiteral("%1 init of a 512→512 layer: mean %2, expected about 0").arg(c.name).arg(mean)));
        // The one-unit output layer: fan_in 512, fan_out 1.
        const double outSigma = c.init == Initialization::He ? std::sqrt(2.0 / 512.0) : std::sqrt(2.0 / 513.0);
        const Matrix& W2 = net.layer(1).W;
        const double sd2 = std::sqrt(W2.array().square().mean());
        QVERIFY2(std::abs(sd2 / outSigma - 1.0) < 0.2,
                 qPrintable(QStringLiteral("%1 init of a 512→1 layer: root mean square %2, expected %3")
                                .arg(c.name)
                                .arg(sd2)
                                .arg(outSigma)));
    }
}

void TestDeterminism::datasetIsSeeded() {
    const Dataset a = makeSumSignDataset(300, 4, 9), b = makeSumSignDataset(300, 4, 9);
    const Dataset c = makeSumSignDataset(300, 4, 10);
    QVERIFY2(sameBits(a.X.data(), b.X.data(), a.X.size()) && sameBits(a.Y.data(), b.Y.data(), a.Y.size()),
             "makeSumSignDataset with seed 9 twice gives different data");
    QVERIFY2((a.X.array() != c.X.array()).count() == a.X.size(),
             "makeSumSignDataset with seeds 9 and 10 share inputs");
}

QTEST_GUILESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
