// Attention (seed 001 §7, eqs. 80–83): hand-computed 2×2 and 3×3 cases, every mask, gradients
// against central differences, multi-head attention against single heads, and 1 vs 2 threads;
// then the Transformer's other pieces: LayerNorm, the positional encoding (eqs. 84–85), the
// feed-forward network (eq. 86) and encoder blocks, post- and pre-norm.
#include "engine/attention.h"
#include "engine/gradient_check.h"
#include "engine/dense.h"
#include "engine/optimizer.h"
#include "engine/transformer.h"
#include "transformer/toy_transformer.h"
#include "base/random.h"

#include <QTest>

#include <cmath>
#include <limits>
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

Tensor tensorOf(const Shape& shape, std::initializer_list<double> values) {
    Tensor t(shape);
    Index i = 0;
    for (double v : values) t[i++] = v;
    if (i != t.size()) qFatal("tensorOf: %lld values for %lld entries", static_cast<long long>(i), static_cast<long long>(t.size()));
    return t;
}

// Central differences of L = Σ r ⊙ out with respect to each of the layer's inputs, held to the
// layer's backward pass. Returns an empty string when every entry agrees.
QString checkInputGradients(Layer& layer, std::vector<Tensor> inputs, double h = 1e-6, double relative = 1e-6,
                            double absolute = 1e-8) {
    auto pointers = [&] {
        Inputs p;
        for (const Tensor& t : inputs) p.push_back(&t);
        return p;
    };
    LayerTrace trace;
    layer.forward(pointers(), trace, {});
    const Tensor r = randomTensor(trace.output.shape(), 41);
    trace.gradOutput = r;
    layer.backward(pointers(), trace, std::vector<bool>(inputs.size(), true), {});
    const std::vector<Tensor> analytic = trace.gradInputs;
    if (analytic.size() != inputs.size()) return "backward filled " + QString::number(analytic.size()) + " input gradients";
    auto loss = [&] {
        LayerTrace t;
        layer.forward(pointers(), t, {});
        return r.flat().dot(t.output.flat());
    };
    for (std::size_t k = 0; k < inputs.size(); ++k)
        for (Index i = 0; i < inputs[k].size(); ++i) {
            const double keep = inputs[k][i];
            inputs[k][i] = keep + h;
            const double plus = loss();
            inputs[k][i] = keep - h;
            const double minus = loss();
            inputs[k][i] = keep;
            const double numeric = (plus - minus) / (2 * h);
            const double a = analytic[k][i];
            if (std::abs(a - numeric) > relative * std::max(std::abs(a), std::abs(numeric)) + absolute)
                return QString("input %1 entry %2: analytic %3, numeric %4").arg(k).arg(i).arg(a, 0, 'g', 17).arg(numeric, 0, 'g', 17);
        }
    return {};
}

double softmaxEntry(std::initializer_list<double> row, std::size_t j) {
    double sum = 0;
    for (double v : row) sum += std::exp(v);
    return std::exp(*(row.begin() + j)) / sum;
}

}  // namespace

class TestEngineAttention : public QObject {
    Q_OBJECT
private slots:
    void handComputed2x2();
    void handComputed2x2Causal();
    void handComputed3x3();
    void uniformQueriesAverageTheVisibleValues();
    void maskedEntriesAreMinusInfinityAndWeightZero();
    void shapesAreChecked();
    void gradients_data();
    void gradients();
    void multiHeadGradients_data();
    void multiHeadGradients();
    void multiHeadEqualsItsHeads();
    void multiHeadIsDeterministicAcrossThreads();
    void layerNormNormalisesEachPosition();
    void positionalEncodingFollowsEqs84And85();
    void transformerGradients_data();
    void transformerGradients();
    void encoderBlockIsDeterministicAcrossThreads();
    void crossAttentionGradients_data();
    void crossAttentionGradients();
    void crossAttentionOnItselfIsSelfAttention();
    void patchEmbeddingCutsTheImageInOrder();
    void tinyTransformerLearnsReverse();
};

void TestEngineAttention::handComputed2x2() {
    // Q = K = I₂, V = [[1, 2], [3, 4]], d_k = 2: QKᵀ = I, scores = I/√2, so query 0 weights key 0
    // by e^{1/√2} / (e^{1/√2} + 1) and key 1 by the rest; query 1 the mirror image.
    const Tensor q = tensorOf({1, 2, 2}, {1, 0, 0, 1}), k = q, v = tensorOf({1, 2, 2}, {1, 2, 3, 4});
    ScaledDotProductAttention layer;
    LayerTrace t;
    layer.forward({&q, &k, &v}, t, {});
    const double s = 1 / std::sqrt(2.0);
    const double a = std::exp(s) / (std::exp(s) + 1), b = 1 - a;
    const double qk[] = {1, 0, 0, 1}, scores[] = {s, 0, 0, s}, weights[] = {a, b, b, a};
    const double out[] = {a * 1 + b * 3, a * 2 + b * 4, b * 1 + a * 3, b * 2 + a * 4};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(t.named.at("qk")[i], qk[i]);
        QVERIFY(std::abs(t.named.at("scores")[i] - scores[i]) < 1e-15);
        QVERIFY(std::abs(t.named.at("masked_scores")[i] - scores[i]) < 1e-15);
        QVERIFY(std::abs(t.named.at("weights")[i] - weights[i]) < 1e-15);
        QVERIFY(std::abs(t.output[i] - out[i]) < 1e-14);
    }
    // Backward with G = ∂L/∂out = [[1, 0], [0, 0]]: only query 0 matters.
    //   ∂L/∂V = Aᵀ G = [[a, 0], [b, 0]];  ∂L/∂A row 0 = G₀ Vᵀ = [1, 3];
    //   ∂L/∂S row 0 = A₀ ⊙ ([1, 3] − (a·1 + b·3)) = [a(1 − a − 3b), b(3 − a − 3b)] = [−2ab, 2ab];
    //   ∂L/∂Q row 0 = (∂L/∂S₀ / √2) K = [−2ab, 2ab]/√2; ∂L/∂K = (∂L/∂S / √2)ᵀ Q: column 0 of Q.
    t.gradOutput = tensorOf({1, 2, 2}, {1, 0, 0, 0});
    layer.backward({&q, &k, &v}, t, {true, true, true}, {});
    const double g = 2 * a * b * s;
    const double dQ[] = {-g, g, 0, 0}, dK[] = {-g, 0, g, 0}, dV[] = {a, 0, b, 0};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(std::abs(t.gradInputs[0][i] - dQ[i]) < 1e-15);
        QVERIFY(std::abs(t.gradInputs[1][i] - dK[i]) < 1e-15);
        QVERIFY(std::abs(t.gradInputs[2][i] - dV[i]) < 1e-15);
    }
}

void TestEngineAttention::handComputed2x2Causal() {
    // The same request with the causal mask: query 0 sees key 0 only (weight 1, output V₀);
    // query 1 sees both, as before.
    const Tensor q = tensorOf({1, 2, 2}, {1, 0, 0, 1}), k = q, v = tensorOf({1, 2, 2}, {1, 2, 3, 4});
    ScaledDotProductAttention layer(AttentionMask::Causal);
    LayerTrace t;
    layer.forward({&q, &k, &v}, t, {});
    const double s = 1 / std::sqrt(2.0);
    const double a = std::exp(s) / (std::exp(s) + 1), b = 1 - a;
    QCOMPARE(t.named.at("weights")[0], 1.0);
    QCOMPARE(t.named.at("weights")[1], 0.0);
    QVERIFY(std::isinf(t.named.at("masked_scores")[1]) && t.named.at("masked_scores")[1] < 0);
    QVERIFY(std::abs(t.named.at("weights")[2] - b) < 1e-15);
    QVERIFY(std::abs(t.named.at("weights")[3] - a) < 1e-15);
    QCOMPARE(t.output[0], 1.0);
    QCOMPARE(t.output[1], 2.0);
    QVERIFY(std::abs(t.output[2] - (b * 1 + a * 3)) < 1e-14);
    // Query 0's output is V₀ whatever Q₀ or K: its gradient reaches V₀ only.
    t.gradOutput = tensorOf({1, 2, 2}, {1, 1, 0, 0});
    layer.backward({&q, &k, &v}, t, {true, true, true}, {});
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(t.gradInputs[0][i], 0.0);
        QCOMPARE(t.gradInputs[1][i], 0.0);
    }
    const double dV[] = {1, 1, 0, 0};
    for (int i = 0; i < 4; ++i) QCOMPARE(t.gradInputs[2][i], dV[i]);
}

void TestEngineAttention::handComputed3x3() {
    // d_k = 1, every query 1, keys 0, ln 2, ln 4: the scores are the keys, e^score = 1, 2, 4, so
    // every query weights the keys 1/7, 2/7, 4/7. V = diag(7, 14, 21): output = (7·1/7, 14·2/7,
    // 21·4/7) = (1, 4, 12) on every row.
    const Tensor q = tensorOf({1, 3, 1}, {1, 1, 1});
    const Tensor k = tensorOf({1, 3, 1}, {0, std::log(2.0), std::log(4.0)});
    const Tensor v = tensorOf({1, 3, 3}, {7, 0, 0, 0, 14, 0, 0, 0, 21});
    ScaledDotProductAttention layer;
    LayerTrace t;
    layer.forward({&q, &k, &v}, t, {});
    const double expected[] = {1.0 / 7, 2.0 / 7, 4.0 / 7};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            QVERIFY(std::abs(t.named.at("weights")[i * 3 + j] - expected[j]) < 1e-15);
            QVERIFY(std::abs(t.named.at("weights")[i * 3 + j] - softmaxEntry({0, std::log(2.0), std::log(4.0)}, j)) < 1e-15);
        }
    const double out[] = {1, 4, 12};
    for (int i = 0; i < 3; ++i)
        for (int c = 0; c < 3; ++c) QVERIFY(std::abs(t.output[i * 3 + c] - out[c]) < 1e-13);
    // Causal: query 0 sees key 0 (output row V₀ = 7, 0, 0), query 1 keys 0, 1 (weights 1/3, 2/3:
    // 7/3, 28/3, 0), query 2 all three.
    ScaledDotProductAttention causal(AttentionMask::Causal);
    causal.forward({&q, &k, &v}, t, {});
    const double causalOut[] = {7, 0, 0, 7.0 / 3, 28.0 / 3, 0, 1, 4, 12};
    for (int i = 0; i < 9; ++i) QVERIFY(std::abs(t.output[i] - causalOut[i]) < 1e-13);
}

void TestEngineAttention::uniformQueriesAverageTheVisibleValues() {
    // Q = 0 makes every score 0, so the weights are uniform over the visible keys and each output
    // row is the mean of those values: all three (none), the first i + 1 (causal), the first
    // `length` (padding), and both masks at once.
    const Index n = 3;
    const Tensor q({2, n, 2});
    const Tensor k = randomTensor({2, n, 2}, 3), v = randomTensor({2, n, 2}, 4);
    auto meanOfFirst = [&](Index s, Index count, Index c) {
        double sum = 0;
        for (Index j = 0; j < count; ++j) sum += v.at({s, j, c});
        return sum / static_cast<double>(count);
    };
    for (bool causal : {false, true})
        for (bool padded : {false, true}) {
            ScaledDotProductAttention layer(causal ? AttentionMask::Causal : AttentionMask::None);
            if (padded) layer.masking().keyLengths = {2, 1};
            LayerTrace t;
            layer.forward({&q, &k, &v}, t, {});
            for (Index s = 0; s < 2; ++s)
                for (Index i = 0; i < n; ++i) {
                    const Index length = padded ? (s == 0 ? 2 : 1) : n;
                    const Index visible = causal ? std::min(i + 1, length) : length;
                    for (Index c = 0; c < 2; ++c)
                        QVERIFY2(std::abs(t.output.at({s, i, c}) - meanOfFirst(s, visible, c)) < 1e-15,
                                 qPrintable(QString("causal %1 padded %2 sample %3 row %4").arg(causal).arg(padded).arg(s).arg(i)));
                }
        }
}

void TestEngineAttention::maskedEntriesAreMinusInfinityAndWeightZero() {
    const Tensor q = randomTensor({2, 4, 3}, 5), k = randomTensor({2, 4, 3}, 6), v = randomTensor({2, 4, 2}, 7);
    ScaledDotProductAttention layer(AttentionMask::Causal);
    layer.masking().keyLengths = {4, 2};
    LayerTrace t;
    layer.forward({&q, &k, &v}, t, {});
    const Tensor &masked = t.named.at("masked_scores"), &weights = t.named.at("weights"), &scores = t.named.at("scores");
    for (Index s = 0; s < 2; ++s)
        for (Index i = 0; i < 4; ++i) {
            double rowSum = 0;
            for (Index j = 0; j < 4; ++j) {
                const bool hidden = j > i || j >= (s == 0 ? 4 : 2);
                if (hidden) {
                    QCOMPARE(masked.at({s, i, j}), -std::numeric_limits<double>::infinity());
                    QCOMPARE(weights.at({s, i, j}), 0.0);
                } else {
                    QCOMPARE(masked.at({s, i, j}), scores.at({s, i, j}));
                    QVERIFY(weights.at({s, i, j}) > 0);
                }
                rowSum += weights.at({s, i, j});
            }
            QVERIFY(std::abs(rowSum - 1) < 1e-15);
        }
    // A masked key's value never reaches the output: changing it changes nothing.
    Tensor v2 = v;
    v2.at({1, 3, 0}) += 100;
    LayerTrace t2;
    layer.forward({&q, &k, &v2}, t2, {});
    QVERIFY(t2.output == t.output);
}

void TestEngineAttention::shapesAreChecked() {
    ScaledDotProductAttention plain, causal(AttentionMask::Causal);
    QCOMPARE(plain.outputShape({{3, 4}, {5, 4}, {5, 2}}), (Shape{3, 2}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, plain.outputShape({{3, 4}, {5, 3}, {5, 2}}));  // d_k differs
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, plain.outputShape({{3, 4}, {5, 4}, {4, 2}}));  // m differs
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causal.outputShape({{3, 4}, {5, 4}, {5, 2}})); // causal, n ≠ m
    const Tensor q({2, 3, 4}), k({2, 3, 4}), v({2, 3, 2});
    LayerTrace t;
    plain.masking().keyLengths = {3};  // one length for two samples
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, plain.forward({&q, &k, &v}, t, {}));
    plain.masking().keyLengths = {3, 0};  // a sample with no key at all
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, plain.forward({&q, &k, &v}, t, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MultiHeadAttention(10, 3));
}

void TestEngineAttention::gradients_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("m");
    QTest::addColumn<bool>("causal");
    QTest::addColumn<QList<int>>("lengths");
    QTest::newRow("cross n3 m4") << 3 << 4 << false << QList<int>{};
    QTest::newRow("cross padded") << 3 << 4 << false << QList<int>{4, 2, 1};
    QTest::newRow("causal") << 4 << 4 << true << QList<int>{};
    QTest::newRow("causal padded") << 4 << 4 << true << QList<int>{3, 4, 1};
}

void TestEngineAttention::gradients() {
    QFETCH(int, n);
    QFETCH(int, m);
    QFETCH(bool, causal);
    QFETCH(QList<int>, lengths);
    ScaledDotProductAttention layer(causal ? AttentionMask::Causal : AttentionMask::None);
    for (int l : lengths) layer.masking().keyLengths.push_back(l);
    const QString problem = checkInputGradients(
        layer, {randomTensor({3, n, 2}, 11), randomTensor({3, m, 2}, 12), randomTensor({3, m, 3}, 13)});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestEngineAttention::multiHeadGradients_data() {
    QTest::addColumn<int>("heads");
    QTest::addColumn<bool>("causal");
    QTest::addColumn<QList<int>>("lengths");
    QTest::newRow("1 head") << 1 << false << QList<int>{};
    QTest::newRow("2 heads") << 2 << false << QList<int>{};
    QTest::newRow("3 heads causal") << 3 << true << QList<int>{};
    QTest::newRow("2 heads padded") << 2 << false << QList<int>{4, 2, 3};
    QTest::newRow("2 heads causal padded") << 2 << true << QList<int>{1, 3, 4};
}

void TestEngineAttention::multiHeadGradients() {
    QFETCH(int, heads);
    QFETCH(bool, causal);
    QFETCH(QList<int>, lengths);
    Network network({4, 6});
    auto layer = std::make_unique<MultiHeadAttention>(6, heads, causal ? AttentionMask::Causal : AttentionMask::None);
    for (int l : lengths) layer->masking().keyLengths.push_back(l);
    network.add(std::move(layer));
    network.initialize(5);
    const GradientCheck check = checkGradients(network, randomTensor({3, 4, 6}, 17), {}, 1e-6, {1e-6, 1e-8}, 29, 300);
    QVERIFY2(check.entriesChecked > 0, "nothing was checked");
    QVERIFY2(check.passed, check.worst.c_str());
}

void TestEngineAttention::multiHeadEqualsItsHeads() {
    // Eqs. 82–83 spelt out: each head is the single layer on X W_i^Q, X W_i^K, X W_i^V (column
    // blocks), the heads side by side times W_O give the multi-head output.
    const Index N = 2, n = 5, D = 6, H = 3, dk = 2;
    MultiHeadAttention mha(D, H, AttentionMask::Causal);
    mha.initialize(3);
    const Tensor x = randomTensor({N, n, D}, 8);
    LayerTrace t;
    mha.forward({&x}, t, {});
    ScaledDotProductAttention single(AttentionMask::Causal);
    Tensor concat({N, n, D});
    for (Index h = 0; h < H; ++h) {
        Tensor q({N, n, dk}), k({N, n, dk}), v({N, n, dk});
        for (Index s = 0; s < N; ++s)
            for (Index i = 0; i < n; ++i)
                for (Index c = 0; c < dk; ++c) {
                    double sq = 0, sk = 0, sv = 0;
                    for (Index e = 0; e < D; ++e) {
                        sq += x.at({s, i, e}) * mha.W_Q().at({e, h * dk + c});
                        sk += x.at({s, i, e}) * mha.W_K().at({e, h * dk + c});
                        sv += x.at({s, i, e}) * mha.W_V().at({e, h * dk + c});
                    }
                    q.at({s, i, c}) = sq, k.at({s, i, c}) = sk, v.at({s, i, c}) = sv;
                }
        LayerTrace ht;
        single.forward({&q, &k, &v}, ht, {});
        for (Index s = 0; s < N; ++s)
            for (Index i = 0; i < n; ++i) {
                for (Index j = 0; j < n; ++j)
                    QVERIFY(std::abs(t.named.at("weights").at({s, h, i, j}) - ht.named.at("weights").at({s, i, j})) < 1e-13);
                for (Index c = 0; c < dk; ++c) concat.at({s, i, h * dk + c}) = ht.output.at({s, i, c});
            }
    }
    for (Index s = 0; s < N; ++s)
        for (Index i = 0; i < n; ++i)
            for (Index c = 0; c < D; ++c) {
                double sum = 0;
                for (Index e = 0; e < D; ++e) sum += concat.at({s, i, e}) * mha.W_O().at({e, c});
                QVERIFY(std::abs(t.output.at({s, i, c}) - sum) < 1e-12);
                QVERIFY(std::abs(t.named.at("heads").at({s, i, c}) - concat.at({s, i, c})) < 1e-13);
            }
}

void TestEngineAttention::multiHeadIsDeterministicAcrossThreads() {
    // A batch of 16 is 8 chunks: two threads really split it. Forward, every stage, ∂L/∂X and
    // ∂L/∂θ must be the same bits.
    Network network({12, 8});
    auto layer = std::make_unique<MultiHeadAttention>(8, 2, AttentionMask::Causal);
    layer->masking().keyLengths = {12, 3, 7, 12, 1, 5, 9, 12, 2, 12, 4, 6, 8, 10, 11, 12};
    network.add(std::move(layer));
    network.initialize(9);
    const Tensor x = randomTensor({16, 12, 8}, 10);
    const Tensor g = randomTensor({16, 12, 8}, 11);
    NetworkTrace one, two;
    RunContext c1, c2;
    c1.threads = 1, c2.threads = 2;
    network.forward(x, one, c1);
    network.backward(one, g, c1, true);
    network.forward(x, two, c2);
    network.backward(two, g, c2, true);
    QVERIFY(one.output() == two.output());
    for (const auto& [name, tensor] : one.nodes[0].named) QVERIFY2(tensor == two.nodes[0].named.at(name), name.c_str());
    QVERIFY(one.gradInput == two.gradInput);
    QCOMPARE(one.nodes[0].gradParameters.size(), std::size_t{4});
    for (std::size_t p = 0; p < 4; ++p) QVERIFY(one.nodes[0].gradParameters[p] == two.nodes[0].gradParameters[p]);
    QVERIFY(one.gradInput.flat().norm() > 0);
}

void TestEngineAttention::layerNormNormalisesEachPosition() {
    // Row (1, 2, 3, 6): μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5, x̂ = (x − 3)/√(3.5 + ε); with γ = 2,
    // β = 1 the output is 2x̂ + 1. Each position of a sequence is normalised on its own.
    LayerNorm norm(4);
    norm.gamma().fill(2.0);
    norm.beta().fill(1.0);
    const Tensor x = tensorOf({1, 2, 4}, {1, 2, 3, 6, -1, -1, -1, -1});
    LayerTrace t;
    norm.forward({&x}, t, {});
    QCOMPARE(t.named.at("mu").shape(), (Shape{1, 2}));
    QCOMPARE(t.named.at("mu")[0], 3.0);
    QCOMPARE(t.named.at("var")[0], 3.5);
    QCOMPARE(t.named.at("var")[1], 0.0);
    const double sigma = std::sqrt(3.5 + 1e-5);
    const double row[] = {1, 2, 3, 6};
    for (int k = 0; k < 4; ++k) QVERIFY(std::abs(t.output[k] - (2 * (row[k] - 3) / sigma + 1)) < 1e-14);
    for (int k = 4; k < 8; ++k) QCOMPARE(t.output[k], 1.0);  // a constant row becomes β
}

void TestEngineAttention::positionalEncodingFollowsEqs84And85() {
    const Index n = 50, d = 16;
    const Tensor pe = sinusoidalEncoding(n, d);
    for (Index c = 0; c < d; ++c) QCOMPARE(pe.at({0, c}), c % 2 == 0 ? 0.0 : 1.0);  // sin 0, cos 0
    for (Index pos = 0; pos < n; ++pos) {
        QCOMPARE(pe.at({pos, 0}), std::sin(static_cast<double>(pos)));  // i = 0: frequency 1
        QCOMPARE(pe.at({pos, 1}), std::cos(static_cast<double>(pos)));
        // 2i = 6: pos / 10000^{6/16}
        QVERIFY(std::abs(pe.at({pos, 7}) - std::cos(static_cast<double>(pos) / std::pow(10000.0, 6.0 / 16))) < 1e-15);
        for (Index i = 0; i < d / 2; ++i)  // sin² + cos² = 1 for each frequency
            QVERIFY(std::abs(pe.at({pos, 2 * i}) * pe.at({pos, 2 * i}) + pe.at({pos, 2 * i + 1}) * pe.at({pos, 2 * i + 1}) - 1) < 1e-15);
    }
    // PE(p)·PE(p + k) = Σ_i cos(k ω_i) depends on the offset k only: attention can read relative
    // positions from it.
    auto dot = [&](Index a, Index b) {
        double sum = 0;
        for (Index c = 0; c < d; ++c) sum += pe.at({a, c}) * pe.at({b, c});
        return sum;
    };
    for (Index k : {1, 3, 10})
        for (Index p = 0; p + k < n; ++p) QVERIFY(std::abs(dot(p, p + k) - dot(0, k)) < 1e-12);
    // The layer adds it to every sample.
    PositionalEncoding layer;
    const Tensor x = randomTensor({2, n, d}, 4);
    LayerTrace t;
    layer.forward({&x}, t, {});
    for (Index s = 0; s < 2; ++s)
        for (Index i = 0; i < n * d; ++i) QCOMPARE(t.output[s * n * d + i], x[s * n * d + i] + pe[i]);
    QVERIFY(t.named.at("pe") == pe);
}

void TestEngineAttention::transformerGradients_data() {
    QTest::addColumn<QString>("what");
    for (const char* what : {"layer norm", "layer norm sequence", "positional encoding", "feed-forward",
                             "encoder post-norm", "encoder pre-norm", "encoder causal padded", "two encoder blocks",
                             "decoder post-norm", "decoder pre-norm, padded memory", "position embedding",
                             "patch embedding", "vit block"})
        QTest::newRow(what) << QString(what);
}

void TestEngineAttention::transformerGradients() {
    QFETCH(QString, what);
    Shape batch = {3, 5, 6};
    Network network({5, 6});
    if (what == "layer norm") {
        network = Network({6});
        network.add(std::make_unique<LayerNorm>(6));
        batch = {4, 6};
    } else if (what == "layer norm sequence") {
        network.add(std::make_unique<LayerNorm>(6));
    } else if (what == "positional encoding") {
        network.add(std::make_unique<PositionalEncoding>());
    } else if (what == "position embedding") {
        network.add(std::make_unique<PositionEmbedding>(7, 6));  // longer than the sequence: rows 5, 6 unused
    } else if (what == "patch embedding" || what == "vit block") {
        // 2 channels of 6×4 cut into 2×2 patches: 6 patches + the class token, 6 features.
        network = Network({2, 6, 4});
        network.add(std::make_unique<PatchEmbedding>(2, 6, 4, 2, 6));
        batch = {3, 2, 6, 4};
        if (what == "vit block") {
            network.add(std::make_unique<PositionEmbedding>(7, 6));
            EncoderBlockSpec spec;
            spec.dModel = 6, spec.heads = 2, spec.dFF = 8, spec.preNorm = true;
            addEncoderBlock(network, Network::kPrevious, spec);
        }
    } else if (what == "feed-forward") {
        addFeedForward(network, Network::kInput, 6, 10, "ffn");
    } else if (what.startsWith("decoder")) {
        // A tiny encoder-decoder on one sequence: the encoder block's output is the decoder's memory.
        EncoderBlockSpec spec;
        spec.dModel = 6, spec.heads = 2, spec.dFF = 8;
        spec.preNorm = what.contains("pre-norm");
        const int memory = addEncoderBlock(network, Network::kInput, spec);
        spec.prefix = "dec";
        addDecoderBlock(network, Network::kInput, memory, spec);
        if (what.contains("padded")) {
            const int cross = network.find("dec_cross_attention");
            QVERIFY(cross >= 0);
            static_cast<MultiHeadAttention&>(*network.node(static_cast<std::size_t>(cross)).layer).masking().keyLengths = {5, 2, 3};
        }
    } else {
        EncoderBlockSpec spec;
        spec.dModel = 6, spec.heads = 2, spec.dFF = 8;
        spec.preNorm = what == "encoder pre-norm";
        if (what == "encoder causal padded") spec.mask = AttentionMask::Causal;
        const int first = addEncoderBlock(network, Network::kInput, spec);
        if (what == "two encoder blocks") {
            spec.prefix = "enc2";
            addEncoderBlock(network, first, spec);
        }
        if (what == "encoder causal padded")
            static_cast<MultiHeadAttention&>(*network.node(0).layer).masking().keyLengths = {5, 2, 4};
    }
    network.initialize(5);
    // γ, β away from 1, 0 so their gradients are checked at a general point.
    network.forEachParameter([&](std::size_t node, std::size_t, Tensor& p) {
        if (network.node(node).layer->kind() == "layer_norm") {
            const Tensor r = randomTensor(p.shape(), 70 + node, 0.3);
            p.flat() += r.flat();
        }
    });
    // ReLU kinks: inputs whose pre-activations come within h of 0 would spoil a central
    // difference; with these seeds none does (a failure names the entry).
    const GradientCheck check = checkGradients(network, randomTensor(batch, 17), {}, 1e-6, {1e-5, 1e-8}, 29, 300);
    QVERIFY2(check.entriesChecked > 0, "nothing was checked");
    QVERIFY2(check.passed, check.worst.c_str());
}

void TestEngineAttention::encoderBlockIsDeterministicAcrossThreads() {
    Network network({10, 8});
    EncoderBlockSpec spec;
    spec.dModel = 8, spec.heads = 2, spec.dFF = 16;
    network.add(std::make_unique<PositionalEncoding>(), {Network::kInput}, "pe");
    addEncoderBlock(network, Network::kPrevious, spec);
    network.initialize(3);
    const Tensor x = randomTensor({16, 10, 8}, 12), g = randomTensor({16, 10, 8}, 13);
    NetworkTrace one, two;
    RunContext c1, c2;
    c1.threads = 1, c2.threads = 2;
    network.forward(x, one, c1);
    network.backward(one, g, c1, true);
    network.forward(x, two, c2);
    network.backward(two, g, c2, true);
    QVERIFY(one.output() == two.output());
    QVERIFY(one.gradInput == two.gradInput);
    for (std::size_t node = 0; node < network.size(); ++node) {
        QVERIFY(one.nodes[node].output == two.nodes[node].output);
        for (std::size_t p = 0; p < one.nodes[node].gradParameters.size(); ++p)
            QVERIFY2(one.nodes[node].gradParameters[p] == two.nodes[node].gradParameters[p], network.node(node).name.c_str());
    }
}

void TestEngineAttention::crossAttentionGradients_data() {
    QTest::addColumn<QList<int>>("lengths");
    QTest::newRow("n3 m5") << QList<int>{};
    QTest::newRow("n3 m5 padded") << QList<int>{5, 1, 3};
}

void TestEngineAttention::crossAttentionGradients() {
    // Queries from a 3-position sequence, keys and values from a 5-position memory: ∂L/∂X and
    // ∂L/∂Y against central differences (the parameters are checked in the decoder's network).
    QFETCH(QList<int>, lengths);
    MultiHeadAttention layer(6, 3, AttentionMask::None, AttentionSource::Cross);
    layer.initialize(4);
    for (int l : lengths) layer.masking().keyLengths.push_back(l);
    QCOMPARE(layer.arity(), 2);
    QCOMPARE(layer.outputShape({{3, 6}, {5, 6}}), (Shape{3, 6}));
    const QString problem = checkInputGradients(layer, {randomTensor({3, 3, 6}, 21), randomTensor({3, 5, 6}, 22)});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    LayerTrace t;
    const Tensor x = randomTensor({3, 3, 6}, 21), y = randomTensor({3, 5, 6}, 22);
    layer.forward({&x, &y}, t, {});
    QCOMPARE(t.named.at("weights").shape(), (Shape{3, 3, 3, 5}));
    QCOMPARE(t.named.at("K").shape(), (Shape{3, 5, 6}));
    MultiHeadAttention causal(6, 3, AttentionMask::Causal, AttentionSource::Cross);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causal.outputShape({{3, 6}, {5, 6}}));
}

void TestEngineAttention::crossAttentionOnItselfIsSelfAttention() {
    // Y = X: the same numbers as self-attention, and ∂L/∂X + ∂L/∂Y is self-attention's ∂L/∂X.
    MultiHeadAttention self(8, 2, AttentionMask::Causal), cross(8, 2, AttentionMask::Causal, AttentionSource::Cross);
    self.initialize(6);
    cross.initialize(6);
    const Tensor x = randomTensor({4, 7, 8}, 30), g = randomTensor({4, 7, 8}, 31);
    LayerTrace ts, tc;
    self.forward({&x}, ts, {});
    cross.forward({&x, &x}, tc, {});
    QVERIFY(ts.output == tc.output);
    QVERIFY(ts.named.at("weights") == tc.named.at("weights"));
    ts.gradOutput = g, tc.gradOutput = g;
    self.backward({&x}, ts, {true}, {});
    cross.backward({&x, &x}, tc, {true, true}, {});
    const Eigen::VectorXd sum = tc.gradInputs[0].flat() + tc.gradInputs[1].flat();
    QVERIFY((sum - ts.gradInputs[0].flat()).cwiseAbs().maxCoeff() < 1e-12);
    for (std::size_t p = 0; p < 4; ++p) QVERIFY(ts.gradParameters[p] == tc.gradParameters[p]);
}

void TestEngineAttention::patchEmbeddingCutsTheImageInOrder() {
    // A 1×4×4 image of 0 … 15 in 2×2 patches: patch 0 = (0, 1, 4, 5), patch 1 = (2, 3, 6, 7),
    // patch 2 = (8, 9, 12, 13), patch 3 = (10, 11, 14, 15). With W = [1 1 1 1] (d_model 1), b = 0.5,
    // the outputs are the patch sums + 0.5, behind the class token.
    PatchEmbedding embed(1, 4, 4, 2, 1);
    embed.W().fill(1.0);
    embed.b().fill(0.5);
    embed.classToken().fill(-3.0);
    Tensor x({1, 1, 4, 4});
    for (Index i = 0; i < 16; ++i) x[i] = static_cast<double>(i);
    LayerTrace t;
    embed.forward({&x}, t, {});
    QCOMPARE(t.output.shape(), (Shape{1, 5, 1}));
    const double expected[] = {-3.0, 0 + 1 + 4 + 5 + 0.5, 2 + 3 + 6 + 7 + 0.5, 8 + 9 + 12 + 13 + 0.5, 10 + 11 + 14 + 15 + 0.5};
    for (int i = 0; i < 5; ++i) QCOMPARE(t.output[i], expected[i]);
    const double patch2[] = {8, 9, 12, 13};
    for (int i = 0; i < 4; ++i) QCOMPARE(t.named.at("patches").at({0, 2, i}), patch2[i]);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PatchEmbedding(1, 5, 4, 2, 3));  // 5 rows: not whole patches
}

namespace {

// `reverse`: n random digits in, the same digits backwards out, one-hot [N, n, 10].
void reverseBatch(Index N, Index n, std::uint64_t seed, Tensor& x, std::vector<int>& labels) {
    Random random(seed);
    x.resize({N, n, 10});
    x.setZero();
    labels.assign(static_cast<std::size_t>(N * n), 0);
    for (Index s = 0; s < N; ++s) {
        std::vector<int> digits(static_cast<std::size_t>(n));
        for (int& d : digits) d = static_cast<int>(random.nextU64() % 10);
        for (Index i = 0; i < n; ++i) {
            x.at({s, i, digits[static_cast<std::size_t>(i)]}) = 1.0;
            labels[static_cast<std::size_t>(s * n + i)] = digits[static_cast<std::size_t>(n - 1 - i)];
        }
    }
}

}  // namespace

namespace {

// The toy Transformer of core/transformer: token embedding (a Dense on one-hot digits),
// sinusoidal positions (eqs. 84–85) when asked, two pre-norm encoder blocks, a final LayerNorm
// and a Dense to 10 logits at every position.
Network reverser(Index n, bool positions) {
    transformer::ToyNetworkSpec spec;
    spec.length = static_cast<int>(n), spec.vocabulary = 10, spec.layers = 2, spec.heads = 4;
    spec.dModel = 32, spec.dFF = 64, spec.positions = positions, spec.seed = 2;
    return transformer::toyNetwork(spec);
}

// Token accuracy on `x`.
double tokenAccuracy(Network& network, const Tensor& x, const std::vector<int>& labels) {
    NetworkTrace t;
    RunContext eval;
    eval.mode = Mode::Eval;
    network.forward(x, t, eval);
    ClassificationLoss l;
    const Index tokens = static_cast<Index>(labels.size());
    softmaxCrossEntropy(t.output().reshaped({tokens, 10}), labels, l);
    return static_cast<double>(l.correct) / static_cast<double>(tokens);
}

// Adam on fresh seeded batches of 32 until the held-out accuracy (checked every 50 steps) reaches
// `goal` or `budget` steps are spent; returns the last accuracy and sets `steps`.
double trainReverse(Network& network, Index n, long budget, double goal, long& steps) {
    Tensor heldOut, x;
    std::vector<int> heldOutLabels, labels;
    reverseBatch(256, n, 999, heldOut, heldOutLabels);
    Adam adam({3e-3});
    NetworkTrace trace;
    ClassificationLoss loss;
    const RunContext context;
    double reached = 0;
    for (steps = 0; steps < budget;) {
        reverseBatch(32, n, 1000 + static_cast<std::uint64_t>(steps), x, labels);
        network.forward(x, trace, context);
        softmaxCrossEntropy(trace.output().reshaped({32 * n, 10}), labels, loss);
        network.backward(trace, loss.gradLogits.reshaped({32, n, 10}), context);
        adam.step(network, trace);
        if (++steps % 50 == 0 && (reached = tokenAccuracy(network, heldOut, heldOutLabels)) >= goal) break;
    }
    return reached;
}

}  // namespace

void TestEngineAttention::tinyTransformerLearnsReverse() {
    // Reversing needs every position to find its mirror, which only attention over the positional
    // encoding can do: the seeded run must reach ≥ 95 % token accuracy on held-out sequences within
    // the step budget, and the same network without the encoding (attention is then blind to order)
    // must stay below 50 % after as many steps (it can only guess from the digits present).
    const Index n = 6;
    Network network = reverser(n, true);
    long steps = 0;
    const double reached = trainReverse(network, n, 2000, 0.95, steps);
    qInfo("reverse: %.1f %% token accuracy after %ld steps", 100 * reached, steps);
    QVERIFY2(reached >= 0.95, qPrintable(QString("%1 % after %2 steps").arg(100 * reached).arg(steps)));

    Network blind = reverser(n, false);
    long blindSteps = 0;
    const double blindReached = trainReverse(blind, n, steps, 2.0, blindSteps);  // goal 2: never stops early
    qInfo("without positions: %.1f %% after %ld steps", 100 * blindReached, blindSteps);
    QCOMPARE(blindSteps, steps);
    QVERIFY(blindReached < 0.5);
}

QTEST_GUILESS_MAIN(TestEngineAttention)
#include "tst_engine_attention.moc"
