// Hand-computed values from the course notes: the output-size formula O = ⌊(I + 2p − d(k−1) − 1)/s⌋ + 1
// (seed 000 §2.1), parameter counts k_h·k_w·C·C′ + C′ (seed 001 §4.3), VGG's two 3×3 against
// one 5×5 (seed 004 part 4), convolutions with dilation 2 and with stride 2 and padding 1 worked
// by hand, pooling (seed 001 §4.4), and the messages for impossible combinations.
#include "engine/conv2d.h"
#include "engine/models.h"
#include "engine/pool2d.h"

#include <QTest>

using namespace ns::engine;

namespace {
// x[0, 0, r, c] = 1 + r·W + c: the numbers 1 … H·W row by row.
Tensor counting(Index H, Index W) {
    Tensor x({1, 1, H, W});
    for (Index i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i + 1);
    return x;
}
Tensor convolve(Conv2d& conv, const Tensor& x) {
    LayerTrace t;
    conv.forward({&x}, t, {});
    return t.output;
}
}  // namespace

class TestEngineTextbook : public QObject {
    Q_OBJECT
private slots:
    void outputSizeFormula_data();
    void outputSizeFormula();
    void parameterCounts();
    void dilationTwoByHand();
    void strideTwoPaddingOneByHand();
    void edgeKernelByHand();
    void poolingByHand();
    void impossibleCombinationsExplainThemselves();
    void windowTermsSumToTheOutput();
};

void TestEngineTextbook::outputSizeFormula_data() {
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<int>("output");
    QTest::newRow("28, 5, pad 2 (LeNet conv1)") << 28 << 5 << 1 << 2 << 1 << 28;
    QTest::newRow("14, 5 (LeNet conv2)") << 14 << 5 << 1 << 0 << 1 << 10;
    QTest::newRow("224, 11, s4, p2 (AlexNet)") << 224 << 11 << 4 << 2 << 1 << 55;
    QTest::newRow("7, 3, s2, p1") << 7 << 3 << 2 << 1 << 1 << 4;
    QTest::newRow("7, 3, d2") << 7 << 3 << 1 << 0 << 2 << 3;
    QTest::newRow("32, 3, s1, p1 (same)") << 32 << 3 << 1 << 1 << 1 << 32;
    QTest::newRow("5, 3, d2: one window") << 5 << 3 << 1 << 0 << 2 << 1;
    QTest::newRow("4, 5: does not fit") << 4 << 5 << 1 << 0 << 1 << 0;
}

void TestEngineTextbook::outputSizeFormula() {
    QFETCH(int, input);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(int, dilation);
    QFETCH(int, output);
    QCOMPARE(ConvGeometry::outputSize(input, kernel, stride, padding, dilation), Index(output));
}

void TestEngineTextbook::parameterCounts() {
    QCOMPARE(Conv2d(3, 64, 3, 3).parameterCount(), Index(3 * 3 * 3 * 64 + 64));  // 1792
    QCOMPARE(Conv2d(1, 6, 5, 5, 1, 2).parameterCount(), Index(156));
    // VGG: two stacked 3×3 layers see 5×5 with 2·9C² weights instead of 25C² (C = 64, no biases).
    const Index C = 64;
    const ConvGeometry three{C, 1, 1, C, 3, 3}, five{C, 1, 1, C, 5, 5};
    QCOMPARE(2 * (three.parameterCount() - C), Index(73728));
    QCOMPARE(five.parameterCount() - C, Index(102400));
    // LeNet-5 as the benchmark builds it: 156 + 2416 + 48120 + 10164 + 850.
    QCOMPARE(lenet5().parameterCount(), Index(61706));
    QCOMPARE(lenet5().outputShape(), Shape({10}));
}

void TestEngineTextbook::dilationTwoByHand() {
    // 5×5 input 1…25, 3×3 kernel of ones, dilation 2: the window reads rows and columns 0, 2, 4:
    // 1 + 3 + 5 + 11 + 13 + 15 + 21 + 23 + 25 = 117, plus the bias 0.5.
    Conv2d conv(1, 1, 3, 3, 1, 0, 2);
    conv.kernel().fill(1.0);
    conv.bias().fill(0.5);
    const Tensor y = convolve(conv, counting(5, 5));
    QCOMPARE(y.shape(), Shape({1, 1, 1, 1}));
    QCOMPARE(y[0], 117.5);
    // 7×7 with dilation 2 gives 3×3; the centre reads rows/columns 1, 3, 5:
    // Σ (1 + 7r + c) over r, c ∈ {1, 3, 5} = 9 + 7·27 + 27 = 225.
    const Tensor y7 = convolve(conv, counting(7, 7));
    QCOMPARE(y7.shape(), Shape({1, 1, 3, 3}));
    QCOMPARE(y7.at({0, 0, 1, 1}), 225.5);
}

void TestEngineTextbook::strideTwoPaddingOneByHand() {
    // 4×4 input 1…16, 3×3 ones, stride 2, padding 1: O = ⌊(4 + 2 − 2 − 1)/2⌋ + 1 = 2.
    //  (0,0): 1+2+5+6 = 14;  (0,1): 2+3+4+6+7+8 = 30;  (1,0): 5+6+9+10+13+14 = 57;  (1,1): 6+7+8+10+11+12+14+15+16 = 99.
    Conv2d conv(1, 1, 3, 3, 2, 1);
    conv.kernel().fill(1.0);
    const Tensor y = convolve(conv, counting(4, 4));
    QCOMPARE(y.shape(), Shape({1, 1, 2, 2}));
    QCOMPARE(y[0], 14.0);
    QCOMPARE(y[1], 30.0);
    QCOMPARE(y[2], 57.0);
    QCOMPARE(y[3], 99.0);
}

void TestEngineTextbook::edgeKernelByHand() {
    // A vertical edge: columns 0–1 are 0, columns 2–3 are 1. Sobel x [−1 0 1; −2 0 2; −1 0 1]
    // answers 4 where its window straddles the edge and 0 on flat ground.
    Conv2d conv(1, 1, 3, 3);
    const double sobel[] = {-1, 0, 1, -2, 0, 2, -1, 0, 1};
    for (int i = 0; i < 9; ++i) conv.kernel()[i] = sobel[i];
    Tensor x({1, 1, 3, 5});
    for (Index r = 0; r < 3; ++r)
        for (Index c = 0; c < 5; ++c) x.at({0, 0, r, c}) = c >= 2 ? 1.0 : 0.0;
    const Tensor y = convolve(conv, x);
    QCOMPARE(y.shape(), Shape({1, 1, 1, 3}));
    QCOMPARE(y[0], 4.0);
    QCOMPARE(y[1], 4.0);
    QCOMPARE(y[2], 0.0);
}

void TestEngineTextbook::poolingByHand() {
    // [[1, 3, 2, 4], [5, 7, 6, 8], [9, 2, 1, 3], [4, 6, 5, 7]] (seed 001 §4.4's 4×4 example shape).
    Tensor x({1, 1, 4, 4});
    const double v[] = {1, 3, 2, 4, 5, 7, 6, 8, 9, 2, 1, 3, 4, 6, 5, 7};
    for (int i = 0; i < 16; ++i) x[i] = v[i];
    Pool2d maxPool(PoolKind::Max, 2, 2), avgPool(PoolKind::Average, 2, 2);
    LayerTrace tm, ta;
    maxPool.forward({&x}, tm, {});
    avgPool.forward({&x}, ta, {});
    const double expectedMax[] = {7, 8, 9, 7}, expectedAvg[] = {4, 5, 5.25, 4};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(tm.output[i], expectedMax[i]);
        QCOMPARE(ta.output[i], expectedAvg[i]);
    }
    QCOMPARE(tm.named.at("argmax")[2], 8.0);  // 9 sits at (2, 0) = flat index 8
    QCOMPARE(maxPool.outputShape({{1, 5, 5}}), Shape({1, 2, 2}));  // ⌊(5 − 2)/2⌋ + 1
}

void TestEngineTextbook::impossibleCombinationsExplainThemselves() {
    const std::string error = checkConvGeometry({1, 3, 3, 1, 5, 5, 1, 0, 1});
    QVERIFY2(error.find("⌊(3 + 2·0 − 1·(5 − 1) − 1)/1⌋ + 1 = -1") != std::string::npos, error.c_str());
    QVERIFY(error.find("output height") != std::string::npos);
    const ConvGeometry fits{1, 8, 8, 1, 3, 3, 2, 1, 2}, strideZero{1, 8, 8, 1, 3, 3, 0, 1, 1},
        negativePadding{1, 8, 8, 1, 3, 3, 1, -1, 1};
    QVERIFY(checkConvGeometry(fits).empty());
    QVERIFY(!checkConvGeometry(strideZero).empty());
    QVERIFY(!checkConvGeometry(negativePadding).empty());
    const PoolGeometry tooSmall{1, 3, 3, 4, 1};
    QVERIFY(checkPoolGeometry(tooSmall).find("I = 3, k = 4") != std::string::npos);
    Network n({1, 4, 4});
    try {
        n.add(std::make_unique<Conv2d>(1, 2, 5, 5));
        QFAIL("a 5×5 kernel on a 4×4 input was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(std::string(e.what()).find("layer 1") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, n.add(std::make_unique<Conv2d>(3, 2, 3, 3)));  // C mismatch
}

void TestEngineTextbook::windowTermsSumToTheOutput() {
    // The sliding-window view writes out convolutionWindow's terms: their sum is the layer's output.
    Conv2d conv(2, 3, 3, 3, 2, 1, 2);
    conv.initialize(3);
    conv.bias()[1] = 0.25;
    Tensor x({1, 2, 9, 8});
    for (Index i = 0; i < x.size(); ++i) x[i] = std::sin(static_cast<double>(i));
    const Tensor y = convolve(conv, x);
    const ConvGeometry g = conv.geometry(9, 8);
    int paddingTerms = 0;
    for (Index co = 0; co < 3; ++co)
        for (Index i = 0; i < g.outHeight(); ++i)
            for (Index j = 0; j < g.outWidth(); ++j) {
                const WindowSum s = convolutionWindow(g, x.sample(0), conv.kernel(), conv.bias(), co, i, j);
                QCOMPARE(static_cast<Index>(s.terms.size()), Index(2 * 9));
                QVERIFY(std::abs(s.value - y.at({0, co, i, j})) < 1e-12);
                for (const WindowTerm& t : s.terms) paddingTerms += t.padding;
            }
    QVERIFY(paddingTerms > 0);  // padding 1 with dilation 2 reaches outside the input
}

QTEST_GUILESS_MAIN(TestEngineTextbook)
#include "tst_engine_textbook.moc"
