// The same seed gives the same bits at 1 and 2 threads, for every layer family, with the
// threaded path really taken (batches large enough for several chunks on two threads).
#include "engine/models.h"
#include "engine/conv2d.h"
#include "engine/normalization.h"
#include "engine/pool2d.h"
#include "engine/activation_layer.h"
#include "engine/shape_layers.h"
#include "engine/dense.h"
#include "base/random.h"

#include <QTest>

#include <omp.h>

using namespace ns;
using namespace ns::engine;

namespace {

Tensor randomInput(const Shape& shape, std::uint64_t seed) {
    Tensor t(shape);
    Random r(seed);
    for (Index i = 0; i < t.size(); ++i) t[i] = r.uniform();
    return t;
}

// Trains `steps` SGD steps and returns every parameter, concatenated.
std::vector<double> train(Network network, const Tensor& x, const std::vector<int>& labels, int threads, int steps) {
    NetworkTrace trace;
    ClassificationLoss loss;
    RunContext context;
    context.threads = threads;
    context.seed = 99;
    for (int s = 0; s < steps; ++s) {
        context.seed = 99 + static_cast<std::uint64_t>(s);
        trainStep(network, trace, loss, x, labels, 0.05, context);
    }
    std::vector<double> all;
    network.forEachParameter([&](std::size_t, std::size_t, Tensor& p) { all.insert(all.end(), p.data(), p.data() + p.size()); });
    all.push_back(loss.loss);
    return all;
}

Network cnnWithEverything() {
    Network n({3, 12, 12});
    const int in = n.add(std::make_unique<Conv2d>(3, 4, 3, 3, 1, 1), {Network::kInput}, "conv");
    n.add(std::make_unique<BatchNorm>(4), {Network::kPrevious}, "bn");
    n.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu");
    const int f = n.add(std::make_unique<Conv2d>(4, 4, 3, 3, 1, 2, 2), {Network::kPrevious}, "dilated");
    n.add(std::make_unique<Add>(), {f, in}, "add");
    n.add(std::make_unique<Pool2d>(PoolKind::Average, 2, 2), {Network::kPrevious}, "avg");
    n.add(std::make_unique<Pool2d>(PoolKind::Max, 2, 2), {Network::kPrevious}, "max");
    n.add(std::make_unique<Flatten>(), {Network::kPrevious}, "flatten");
    n.add(std::make_unique<Dropout>(0.3), {Network::kPrevious}, "dropout");
    n.add(std::make_unique<Dense>(36, 5), {Network::kPrevious}, "fc");
    n.initialize(8);
    return n;
}

}  // namespace

class TestEngineDeterminism : public QObject {
    Q_OBJECT
private slots:
    void chunksDependOnTheBatchOnly();
    void twoThreadsAreReallyUsed();
    void lenetIsBitwiseIdentical();
    void everyLayerFamilyIsBitwiseIdentical();
    void deepResidualIsBitwiseIdentical();
};

void TestEngineDeterminism::chunksDependOnTheBatchOnly() {
    for (Index batch : {1, 2, 3, 7, 16, 32, 33, 100}) {
        const Index chunks = chunkCount(batch);
        QVERIFY(chunks >= 1 && chunks <= 8);
        QCOMPARE(chunkBegin(batch, 0), Index(0));
        QCOMPARE(chunkBegin(batch, chunks), batch);
        for (Index c = 0; c < chunks; ++c) QVERIFY(chunkBegin(batch, c + 1) > chunkBegin(batch, c));
    }
}

void TestEngineDeterminism::twoThreadsAreReallyUsed() {
    // forChunks on 2 threads runs chunks on two different OpenMP threads.
    std::vector<int> owner(8, -1);
    forChunks(32, 2, [&](Index, Index, Index chunk) { owner[static_cast<std::size_t>(chunk)] = omp_get_thread_num(); });
    QCOMPARE(owner.front(), 0);
    QCOMPARE(owner.back(), 1);
}

void TestEngineDeterminism::lenetIsBitwiseIdentical() {
    const Tensor x = randomInput({32, 1, 28, 28}, 5);
    std::vector<int> labels(32);
    for (int i = 0; i < 32; ++i) labels[static_cast<std::size_t>(i)] = (i * 7) % 10;
    Network net = lenet5();
    net.initialize(3);
    const auto one = train(net, x, labels, 1, 3);
    const auto two = train(net, x, labels, 2, 3);
    QCOMPARE(one.size(), std::size_t(61706 + 1));
    QVERIFY(one == two);
    QVERIFY(one != train(net, x, labels, 1, 2));  // training changed something
}

void TestEngineDeterminism::everyLayerFamilyIsBitwiseIdentical() {
    const Tensor x = randomInput({20, 3, 12, 12}, 6);
    std::vector<int> labels(20);
    for (int i = 0; i < 20; ++i) labels[static_cast<std::size_t>(i)] = i % 5;
    const Network net = cnnWithEverything();
    QVERIFY(train(net, x, labels, 1, 3) == train(net, x, labels, 2, 3));
}

void TestEngineDeterminism::deepResidualIsBitwiseIdentical() {
    for (bool residual : {false, true}) {
        DeepNetworkSpec spec;
        spec.features = 4, spec.width = 12, spec.blocks = 4, spec.residual = residual, spec.batchNorm = true;
        Network net = deepNetwork(spec);
        net.initialize(2);
        const Tensor x = randomInput({64, 4}, 7);
        std::vector<int> labels(64);
        for (int i = 0; i < 64; ++i) labels[static_cast<std::size_t>(i)] = i % 2;
        QVERIFY(train(net, x, labels, 1, 4) == train(net, x, labels, 2, 4));
    }
}

QTEST_GUILESS_MAIN(TestEngineDeterminism)
#include "tst_engine_determinism.moc"
