// Values the textbook states or that follow from its formulas by hand (seed 001 §2.3 activations,
// §2.6 losses, §3 the 4-8-4-1 network), and the numerical stability the textbook asks for
// (§3.2 clips z before exp and p before log).
#include "base/activation.h"
#include "base/loss.h"
#include "mlp/mlp.h"
#include "reference_math.h"

#include <QTest>

#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>

using namespace ns;
using reference::mismatch;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

QString str(double v) { return QString::number(v, 'g', 17); }

Matrix row(std::initializer_list<double> values) {
    Matrix m(1, static_cast<Eigen::Index>(values.size()));
    Eigen::Index c = 0;
    for (double v : values) m(0, c++) = v;
    return m;
}

}  // namespace

class TestTextbook : public QObject {
    Q_OBJECT

private slots:
    void network4841Has81Parameters();
    void activationValues();
    void sigmoidDerivativePeaksAtQuarter();
    void sigmoidIsFiniteAtAnyInput();
    void elementwiseActivationsFiniteAtExtremes();
    void softmaxRowsSumToOneAtLargeLogits();
    void lossValues();
    void bceIsFiniteAtSaturatedOutputs();
    void saturatedNetworkHasFiniteGradients();
    void handComputedMseNet();
    void handComputedSigmoidBceNet();
    void accuracyThresholdIsStrictlyAboveHalf();
};

// §3.1 / Figure: (4×8 + 8) + (8×4 + 4) + (4×1 + 1) = 40 + 36 + 5 = 81, with W⁽ˡ⁾ ∈ R^{out×in}
// (eqs. 42–44).
void TestTextbook::network4841Has81Parameters() {
    const Mlp net({4, 8, 4, 1}, {Activation::Relu, Activation::Relu, Activation::Sigmoid});
    QVERIFY2(net.parameterCount() == 81,
             qPrintable(QStringLiteral("4-8-4-1 parameter count: got %1, expected 81")
                            .arg(net.parameterCount())));
    const int shapes[3][2] = {{8, 4}, {4, 8}, {1, 4}};
    QCOMPARE(net.layers().size(), std::size_t(3));
    for (int l = 0; l < 3; ++l) {
        const DenseLayer& layer = net.layer(static_cast<std::size_t>(l));
        QVERIFY2(layer.W.rows() == shapes[l][0] && layer.W.cols() == shapes[l][1] &&
                     layer.b.size() == shapes[l][0],
                 qPrintable(QStringLiteral("4-8-4-1 layer %1: W is %2x%3 and b has %4, expected "
                                           "W %5x%6 (eqs. 42-44)")
                                .arg(l + 1)
                                .arg(layer.W.rows())
                                .arg(layer.W.cols())
                                .arg(layer.b.size())
                                .arg(shapes[l][0])
                                .arg(shapes[l][1])));
    }
    QCOMPARE(net.inputs(), 4);
    QCOMPARE(net.outputs(), 1);
    // A second shape, to rule out a constant: 3-5-2 has (3·5+5) + (5·2+2) = 32.
    QCOMPARE(Mlp({3, 5, 2}, {Activation::Tanh, Activation::Identity}).parameterCount(),
             std::size_t(32));
}

// Single points of eqs. 7–16, each worked out from the formula.
void TestTextbook::activationValues() {
    struct Point {
        Activation f;
        double z;
        double a;       // σ(z)
        double slope;   // σ'(z)
    };
    const double e = std::numbers::e;
    const Point points[] = {
        {Activation::Identity, -3.5, -3.5, 1.0},
        {Activation::Sigmoid, 0.0, 0.5, 0.25},                                    // eqs. 7, 8
        {Activation::Sigmoid, std::log(3.0), 0.75, 0.1875},                      // 1/(1+1/3)
        {Activation::Tanh, 0.0, 0.0, 1.0},                                        // eqs. 9, 10
        {Activation::Tanh, std::atanh(0.5), 0.5, 0.75},
        {Activation::Relu, 2.5, 2.5, 1.0},                                        // eqs. 11, 12
        {Activation::Relu, -2.5, 0.0, 0.0},
        {Activation::LeakyRelu, -2.0, -0.02, 0.01},                               // eqs. 13, 14
        {Activation::LeakyRelu, 3.0, 3.0, 1.0},
        {Activation::Elu, -1.0, 1.0 / e - 1.0, 1.0 / e},                          // eq. 15, α = 1
        {Activation::Elu, 2.0, 2.0, 1.0},
        {Activation::Gelu, 0.0, 0.0, 0.5},                                        // z·Φ(z)
        {Activation::Gelu, 1.0, 0.5 * (1.0 + std::erf(1.0 / std::sqrt(2.0))),
         0.5 * (1.0 + std::erf(1.0 / std::sqrt(2.0))) + std::exp(-0.5) / std::sqrt(2.0 * std::numbers::pi)},
    };
    for (const Point& p : points) {
        const QString name = QStringLiteral("%1 at z=%2").arg(reference::activationName(p.f), str(p.z));
        Matrix a(1, 1);
        activate(p.f, row({p.z}), a);
        const QString valueProblem = mismatch(a(0, 0), p.a, 2e-15, 1e-16, name + ": value");
        QVERIFY2(valueProblem.isEmpty(), qPrintable(valueProblem));
        const QString slopeProblem =
            mismatch(derivative(p.f, p.z, a(0, 0)), p.slope, 2e-15, 1e-16, name + ": derivative");
        QVERIFY2(slopeProblem.isEmpty(), qPrintable(slopeProblem));
    }
}

// eq. 8: σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4, with equality only at z = 0 (the reason deep sigmoid nets
// suffer from vanishing gradients, §2.3).
void TestTextbook::sigmoidDerivativePeaksAtQuarter() {
    Matrix a(1, 1);
    activate(Activation::Sigmoid, row({0.0}), a);
    QVERIFY2(a(0, 0) == 0.5, qPrintable("sigmoid(0): got " + str(a(0, 0)) + ", expected 0.5"));
    QVERIFY2(derivative(Activation::Sigmoid, 0.0, a(0, 0)) == 0.25,
             "sigmoid'(0): expected exactly 0.25");
    // A grid from −10 to 10, through the block path the backward pass uses.
    const int n = 2001;
    Matrix z(1, n), s(1, n), d(1, n);
    for (int i = 0; i < n; ++i) z(0, i) = -10.0 + 0.01 * i;
    z(0, 1000) = 0.0;  // exactly, whatever 0.01·1000 rounds to
    activate(Activation::Sigmoid, z, s);
    multiplyByDerivative(Activation::Sigmoid, z, s, Matrix::Ones(1, n), d);
    Eigen::Index peak = 0;
    const double top = d.row(0).maxCoeff(&peak);
    QVERIFY2(top == 0.25 && peak == 1000,
             qPrintable(QStringLiteral("max of sigmoid' on [-10, 10]: got %1 at z=%2, expected 0.25 at 0")
                            .arg(str(top), str(z(0, peak)))));
    for (int i = 0; i < n; ++i)
        if (i != 1000)
            QVERIFY2(d(0, i) < 0.25,
                     qPrintable("sigmoid'(" + str(z(0, i)) + ") = " + str(d(0, i)) + " is not below 0.25"));
    // And it is the derivative: central difference at 0.
    Matrix up(1, 1), down(1, 1);
    activate(Activation::Sigmoid, row({1e-5}), up);
    activate(Activation::Sigmoid, row({-1e-5}), down);
    const QString fd = mismatch((up(0, 0) - down(0, 0)) / 2e-5, 0.25, 1e-9, 0, "sigmoid'(0) by finite differences");
    QVERIFY2(fd.isEmpty(), qPrintable(fd));
}

// §3.2 clips z to ±500 before exp; the core promises sigmoid is never NaN or inf for any z.
void TestTextbook::sigmoidIsFiniteAtAnyInput() {
    const Matrix z = row({-kInf, -1e308, -1000.0, -40.0, 0.0, 40.0, 1000.0, 1e308, kInf});
    Matrix a(1, z.cols()), d(1, z.cols());
    activate(Activation::Sigmoid, z, a);
    multiplyByDerivative(Activation::Sigmoid, z, a, Matrix::Ones(1, z.cols()), d);
    for (Eigen::Index i = 0; i < z.cols(); ++i) {
        QVERIFY2(std::isfinite(a(0, i)) && a(0, i) >= 0.0 && a(0, i) <= 1.0,
                 qPrintable("sigmoid(" + str(z(0, i)) + ") = " + str(a(0, i)) + ": expected a finite value in [0, 1]"));
        QVERIFY2(std::isfinite(d(0, i)), qPrintable("sigmoid'(" + str(z(0, i)) + ") is not finite"));
        QVERIFY2(std::isfinite(ns::sigmoid(z(0, i))),
                 qPrintable("ns::sigmoid(" + str(z(0, i)) + ") is not finite"));
        if (i > 0) QVERIFY2(a(0, i) >= a(0, i - 1), qPrintable("sigmoid is not monotone at " + str(z(0, i))));
    }
    // σ(1000) rounds to 1; σ(−1000) ≈ e⁻¹⁰⁰⁰ underflows, and the textbook's clip at −500 would
    // give e⁻⁵⁰⁰ ≈ 7e-218: anything that small is right.
    QVERIFY2(a(0, 6) == 1.0 && a(0, 2) <= 1e-200,
             qPrintable("sigmoid(±1000): got " + str(a(0, 6)) + " and " + str(a(0, 2)) + ", expected 1 and about 0"));
    QVERIFY2(ns::sigmoid(1000.0) == 1.0 && ns::sigmoid(-1000.0) <= 1e-200,
             "ns::sigmoid(±1000): expected 1 and about 0");
    // Far in the tail the value is still accurate, not merely finite: σ(−40) = e⁻⁴⁰/(1 + e⁻⁴⁰).
    const double tail = std::exp(-40.0) / (1.0 + std::exp(-40.0));
    QString problem = mismatch(a(0, 3), tail, 1e-13, 0, "sigmoid(-40)");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = mismatch(ns::sigmoid(-40.0), tail, 1e-13, 0, "ns::sigmoid(-40)");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTextbook::elementwiseActivationsFiniteAtExtremes() {
    const Matrix z = row({-1e308, -1000.0, -40.0, -0.0, 0.0, 40.0, 1000.0, 1e308});
    for (Activation f : {Activation::Identity, Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                         Activation::LeakyRelu, Activation::Elu, Activation::Gelu}) {
        Matrix a(1, z.cols()), d(1, z.cols());
        activate(f, z, a);
        multiplyByDerivative(f, z, a, Matrix::Ones(1, z.cols()), d);
        for (Eigen::Index i = 0; i < z.cols(); ++i)
            QVERIFY2(std::isfinite(a(0, i)) && std::isfinite(d(0, i)) &&
                         std::isfinite(derivative(f, z(0, i), a(0, i))),
                     qPrintable(QStringLiteral("%1 at z=%2: value %3, derivative %4; expected both finite")
                                    .arg(reference::activationName(f), str(z(0, i)), str(a(0, i)), str(d(0, i)))));
    }
}

// eq. 16 row by row: rows sum to 1 and logits of ±1000 neither overflow nor give NaN.
void TestTextbook::softmaxRowsSumToOneAtLargeLogits() {
    Matrix z(6, 3);
    z << 1000, 999, 0,      //
        -1000, 0, 1000,     //
        1, 2, 3,            //
        0, 0, 0,            //
        -1000, -1000, -1000,  //
        1e308, -1e308, 0;
    Matrix a(6, 3);
    activate(Activation::Softmax, z, a);
    const double e = std::numbers::e;
    const double expected[6][3] = {
        {1.0 / (1.0 + 1.0 / e), (1.0 / e) / (1.0 + 1.0 / e), 0.0},
        {0.0, 0.0, 1.0},
        {1.0 / (e * e) / (1.0 / (e * e) + 1.0 / e + 1.0), (1.0 / e) / (1.0 / (e * e) + 1.0 / e + 1.0),
         1.0 / (1.0 / (e * e) + 1.0 / e + 1.0)},
        {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0},
        {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0},
        {1.0, 0.0, 0.0},
    };
    for (Eigen::Index r = 0; r < z.rows(); ++r) {
        const QString name = QStringLiteral("softmax row %1 (%2, %3, %4)")
                                 .arg(r)
                                 .arg(str(z(r, 0)), str(z(r, 1)), str(z(r, 2)));
        QVERIFY2(a.row(r).allFinite(), qPrintable(name + ": not finite"));
        const QString sum = mismatch(a.row(r).sum(), 1.0, 0, 4e-16, name + ": sum");
        QVERIFY2(sum.isEmpty(), qPrintable(sum));
        for (Eigen::Index c = 0; c < 3; ++c) {
            const QString v = mismatch(a(r, c), expected[r][c], 1e-14, 1e-300,
                                       name + QStringLiteral(": entry %1").arg(c));
            QVERIFY2(v.isEmpty(), qPrintable(v));
        }
    }
}

// Per-sample losses of eqs. 22–26 on small cases worked by hand; ℓᵢ is the mean over outputs
// except for ce, which sums over classes (eq. 26).
void TestTextbook::lossValues() {
    struct Case {
        Loss loss;
        Matrix a, y;
        double expected;
        const char* working;
    };
    const double ln075 = std::log(0.75);
    const Case cases[] = {
        {Loss::Mse, row({0.5, 3.0}), row({0.0, 0.0}), 4.625, "(0.25 + 9) / 2"},
        {Loss::Mae, row({0.5, -3.0}), row({0.0, 0.0}), 1.75, "(0.5 + 3) / 2"},
        {Loss::Huber, row({0.5, 3.0}), row({0.0, 0.0}), 1.3125, "(0.5*0.25 + (3 - 0.5)) / 2"},
        {Loss::Bce, row({0.25, 0.75}), row({0.0, 1.0}), -ln075, "-(ln 0.75 + ln 0.75) / 2"},
        {Loss::Bce, row({0.75}), row({1.0}), -ln075, "-ln 0.75, one output, label 1"},
        {Loss::Bce, row({0.75}), row({0.0}), -std::log(0.25), "-ln 0.25, one output, label 0"},
        {Loss::Bce, row({0.75}), row({0.5}), -0.5 * (ln075 + std::log(0.25)), "soft label 0.5"},
        {Loss::Ce, row({0.25, 0.75}), row({0.0, 1.0}), -ln075, "-ln 0.75, summed, not averaged"},
        {Loss::Ce, row({0.2, 0.3, 0.5}), row({0.5, 0.0, 0.5}),
         -0.5 * (std::log(0.2) + std::log(0.5)), "soft target"},
    };
    for (const Case& c : cases) {
        Vector ell(1);
        perSampleLoss(c.loss, c.a, c.y, ell);
        const QString problem = mismatch(ell(0), c.expected, 1e-15, 0,
                                         reference::lossName(c.loss) + " " + c.working);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

// §3.2: compute_loss clips ŷ to [ε, 1 − ε] with ε = 1e-15, so a confidently wrong output costs
// about −ln 1e-15 = 15 ln 10 ≈ 34.54, never inf.
void TestTextbook::bceIsFiniteAtSaturatedOutputs() {
    const double wrong = 15.0 * std::log(10.0);
    Matrix a(4, 1), y(4, 1);
    a << 1.0, 0.0, 1.0, 0.0;
    y << 0.0, 1.0, 1.0, 0.0;
    Vector ell(4);
    perSampleLoss(Loss::Bce, a, y, ell);
    const Vector ref = reference::perSampleLoss(Loss::Bce, a, y);
    const double expected[4] = {wrong, wrong, 0.0, 0.0};
    for (int r = 0; r < 4; ++r) {
        const QString name = QStringLiteral("bce at output %1, label %2").arg(a(r, 0)).arg(y(r, 0));
        QVERIFY2(std::isfinite(ell(r)), qPrintable(name + ": not finite"));
        // 1 − (1 − 1e-15) is not exactly 1e-15 in binary: 1e-4 of slack against the ideal value,
        // and the clipped formula itself to rounding.
        QString problem = mismatch(ell(r), expected[r], 1e-4, 1e-14, name);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = mismatch(ell(r), ref(r), 1e-13, 1e-15, name + " (clipped formula)");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // Several outputs and soft labels take the general path.
    Matrix a2(2, 2), y2(2, 2);
    a2 << 1.0, 0.0, 0.0, 1.0;
    y2 << 0.0, 1.0, 0.5, 0.5;
    Vector ell2(2);
    perSampleLoss(Loss::Bce, a2, y2, ell2);
    const Vector ref2 = reference::perSampleLoss(Loss::Bce, a2, y2);
    for (int r = 0; r < 2; ++r) {
        const QString problem = mismatch(ell2(r), ref2(r), 1e-13, 0,
                                         QStringLiteral("bce on two saturated outputs, row %1").arg(r));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QString problem = mismatch(ell2(0), wrong, 1e-4, 0, "bce of (1, 0) against (0, 1)");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // ce: a class predicted with probability 0 costs the same clipped amount.
    Vector ce(1);
    perSampleLoss(Loss::Ce, row({1.0, 0.0}), row({0.0, 1.0}), ce);
    problem = mismatch(ce(0), wrong, 1e-12, 0, "ce of (1, 0) against (0, 1)");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// A network driven to z = ±1000 at its sigmoid/softmax output: the loss and every gradient stay
// finite, and the fused δ = ŷ − y of §3.2 (dz3 = y_pred − y) is exact there.
void TestTextbook::saturatedNetworkHasFiniteGradients() {
    Mlp net({1, 1}, {Activation::Sigmoid});
    net.layer(0).W << 1000.0;
    Matrix X(2, 1), Y(2, 1);
    X << 1.0, -1.0;
    Y << 0.0, 1.0;
    const Trace t = net.forwardBackward(X, Y, Loss::Bce);
    QVERIFY2(std::isfinite(t.loss), qPrintable("sigmoid+bce at z=±1000: loss " + str(t.loss)));
    QString problem = mismatch(t.loss, 15.0 * std::log(10.0), 1e-4, 0, "sigmoid+bce at z=±1000: loss");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(t.layers[0].delta(0, 0) == 1.0 && t.layers[0].delta(1, 0) == -1.0,
             qPrintable("sigmoid+bce at z=±1000: delta (" + str(t.layers[0].delta(0, 0)) + ", " +
                        str(t.layers[0].delta(1, 0)) + "), expected (1, -1)"));
    QVERIFY2(t.layers[0].dW(0, 0) == 1.0, qPrintable("sigmoid+bce at z=±1000: dW " + str(t.layers[0].dW(0, 0)) + ", expected (1·1 + (−1)·(−1))/2 = 1"));

    Mlp soft({2, 3}, {Activation::Softmax});
    soft.layer(0).W << 1000, 0, 0, 1000, -1000, 0;
    Matrix Xs(1, 2), Ys(1, 3);
    Xs << 1.0, -1.0;  // z = (1000, −1000, −1000)
    Ys << 0.0, 0.0, 1.0;
    const Trace ts = soft.forwardBackward(Xs, Ys, Loss::Ce);
    QVERIFY2(std::isfinite(ts.loss) && ts.layers[0].dW.allFinite() && ts.layers[0].delta.allFinite(),
             qPrintable("softmax+ce at logits (1000, -1000, -1000): loss " + str(ts.loss) + " or gradients not finite"));
    problem = mismatch(ts.loss, 15.0 * std::log(10.0), 1e-12, 0, "softmax+ce at logits ±1000: loss");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The textbook network on inputs a thousand times too large.
    Mlp big = Mlp::initialized({4, 8, 4, 1}, {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                               Initialization::He, 7);
    Matrix Xb = Matrix::Constant(3, 4, 1000.0);
    Xb.row(1) *= -1.0;
    Xb(2, 0) = -3000.0;
    Matrix Yb(3, 1);
    Yb << 0.0, 1.0, 1.0;
    const Trace tb = big.forwardBackward(Xb, Yb, Loss::Bce);
    bool finite = std::isfinite(tb.loss);
    for (const LayerTrace& l : tb.layers) finite = finite && l.dW.allFinite() && l.db.allFinite();
    QVERIFY2(finite, qPrintable("4-8-4-1 at inputs ±1000: loss " + str(tb.loss) + " or a gradient is not finite"));
}

// A 2-2-1 net, ReLU hidden, identity output, mse, two samples, all numbers exact in binary.
//   W1 = [[0.5, −0.25], [0.25, 0.5]], b1 = (0.5, −1); W2 = [[1, −2]], b2 = (0.25)
// sample 1: x = (1, 2), y = 1
//   z1 = (0.5 − 0.5 + 0.5, 0.25 + 1 − 1) = (0.5, 0.25); a1 = (0.5, 0.25)
//   z2 = 0.5 − 0.5 + 0.25 = 0.25; ℓ = (0.25 − 1)² = 0.5625
//   δ2 = 2(a − y)/1 = −1.5; δ2·W2 = (−1.5, 3); δ1 = (−1.5, 3) (both z1 > 0)
// sample 2: x = (0, 1), y = 0
//   z1 = (−0.25 + 0.5, 0.5 − 1) = (0.25, −0.5); a1 = (0.25, 0)
//   z2 = 0.25 − 0 + 0.25 = 0.5; ℓ = 0.25
//   δ2 = 2·0.5 = 1; δ2·W2 = (1, −2); δ1 = (1, 0) (relu'(−0.5) = 0)
// L = (0.5625 + 0.25)/2 = 0.40625
// dW2 = ((−1.5)(0.5, 0.25) + 1·(0.25, 0))/2 = (−0.5, −0.375)/2 = (−0.25, −0.1875); db2 = −0.25
// dW1 = ([[−1.5, −3], [3, 6]] + [[0, 1], [0, 0]])/2 = [[−0.75, −1], [1.5, 3]]
// db1 = ((−1.5, 3) + (1, 0))/2 = (−0.25, 1.5)
// One step with η = 0.5: W2 ← (1, −2) − 0.5·(−0.25, −0.1875) = (1.125, −1.90625), b2 ← 0.375
void TestTextbook::handComputedMseNet() {
    Mlp net({2, 2, 1}, {Activation::Relu, Activation::Identity});
    net.layer(0).W << 0.5, -0.25, 0.25, 0.5;
    net.layer(0).b << 0.5, -1.0;
    net.layer(1).W << 1.0, -2.0;
    net.layer(1).b << 0.25;
    Matrix X(2, 2), Y(2, 1);
    X << 1, 2, 0, 1;
    Y << 1, 0;
    const Trace t = net.forwardBackward(X, Y, Loss::Mse);

    auto expectMatrix = [](const Matrix& got, const Matrix& want, const QString& what) {
        if (got.rows() != want.rows() || got.cols() != want.cols())
            return QStringLiteral("%1: shape %2x%3, expected %4x%5")
                .arg(what)
                .arg(got.rows())
                .arg(got.cols())
                .arg(want.rows())
                .arg(want.cols());
        for (Eigen::Index r = 0; r < want.rows(); ++r)
            for (Eigen::Index c = 0; c < want.cols(); ++c)
                if (got(r, c) != want(r, c))
                    return QStringLiteral("%1[%2][%3]: got %4, expected %5")
                        .arg(what)
                        .arg(r)
                        .arg(c)
                        .arg(str(got(r, c)), str(want(r, c)));
        return QString();
    };
    Matrix z1(2, 2), a1(2, 2), z2(2, 1), d2(2, 1), d1(2, 2), dW1(2, 2), dW2(1, 2), db1(2, 1), db2(1, 1),
        ell(2, 1);
    z1 << 0.5, 0.25, 0.25, -0.5;
    a1 << 0.5, 0.25, 0.25, 0.0;
    z2 << 0.25, 0.5;
    ell << 0.5625, 0.25;
    d2 << -1.5, 1.0;
    d1 << -1.5, 3.0, 1.0, 0.0;
    dW2 << -0.25, -0.1875;
    db2 << -0.25;
    dW1 << -0.75, -1.0, 1.5, 3.0;
    db1 << -0.25, 1.5;
    const std::pair<Matrix, Matrix> checks[] = {
        {t.layers[0].z, z1}, {t.layers[0].a, a1}, {t.layers[1].z, z2}, {t.layers[1].a, z2},
        {t.perSampleLoss, ell}, {t.layers[1].delta, d2}, {t.layers[0].delta, d1},
        {t.layers[1].dW, dW2}, {t.layers[1].db, db2}, {t.layers[0].dW, dW1}, {t.layers[0].db, db1},
    };
    const char* names[] = {"z1", "a1", "z2", "a2", "loss per sample", "delta2", "delta1",
                           "dW2", "db2", "dW1", "db1"};
    for (std::size_t i = 0; i < std::size(checks); ++i) {
        const QString problem = expectMatrix(checks[i].first, checks[i].second,
                                             QStringLiteral("2-2-1 mse net: ") + names[i]);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QVERIFY2(t.loss == 0.40625, qPrintable("2-2-1 mse net: L = " + str(t.loss) + ", expected 0.40625"));

    net.applyGradients(t, 0.5);
    QVERIFY2(net.layer(1).W(0, 0) == 1.125 && net.layer(1).W(0, 1) == -1.90625 && net.layer(1).b(0) == 0.375,
             qPrintable("2-2-1 mse net after one step of 0.5: W2 = (" + str(net.layer(1).W(0, 0)) + ", " +
                        str(net.layer(1).W(0, 1)) + "), b2 = " + str(net.layer(1).b(0)) +
                        ", expected (1.125, -1.90625), 0.375"));
    // W1 ← W1 − 0.5·dW1 = [[0.875, 0.25], [−0.5, −1]]
    Matrix W1(2, 2);
    W1 << 0.875, 0.25, -0.5, -1.0;
    const QString w1 = expectMatrix(net.layer(0).W, W1, "2-2-1 mse net after one step of 0.5: W1");
    QVERIFY2(w1.isEmpty(), qPrintable(w1));
}

// The textbook's own pairing (§3.2): ReLU hidden, sigmoid output, bce, dz3 = y_pred − y.
//   x = (1, 2); W1 = [[0.5, −0.25], [0.25, 0.5]], b1 = (0.5, −1) → z1 = a1 = (0.5, 0.25)
//   W2 = [[1, 2]], b2 = (−1) → z2 = 0.5 + 0.5 − 1 = 0, ŷ = 0.5; y = 1
//   L = −ln 0.5 = ln 2; δ2 = 0.5 − 1 = −0.5; dW2 = −0.5·(0.5, 0.25) = (−0.25, −0.125); db2 = −0.5
//   δ1 = −0.5·(1, 2) = (−0.5, −1); dW1 = δ1ᵀx = [[−0.5, −1], [−1, −2]]; db1 = (−0.5, −1)
void TestTextbook::handComputedSigmoidBceNet() {
    Mlp net({2, 2, 1}, {Activation::Relu, Activation::Sigmoid});
    net.layer(0).W << 0.5, -0.25, 0.25, 0.5;
    net.layer(0).b << 0.5, -1.0;
    net.layer(1).W << 1.0, 2.0;
    net.layer(1).b << -1.0;
    Matrix X(1, 2), Y(1, 1);
    X << 1.0, 2.0;
    Y << 1.0;
    const Trace t = net.forwardBackward(X, Y, Loss::Bce);
    QVERIFY2(t.layers[1].z(0, 0) == 0.0 && t.output()(0, 0) == 0.5,
             qPrintable("2-2-1 bce net: z2 = " + str(t.layers[1].z(0, 0)) + ", yhat = " + str(t.output()(0, 0)) +
                        ", expected 0 and 0.5"));
    const QString loss = mismatch(t.loss, std::log(2.0), 1e-15, 0, "2-2-1 bce net: L");
    QVERIFY2(loss.isEmpty(), qPrintable(loss));
    const double expected[] = {-0.5, -0.25, -0.125, -0.5, -1.0, -0.5, -1.0, -1.0, -2.0, -0.5, -1.0};
    const double got[] = {t.layers[1].delta(0, 0), t.layers[1].dW(0, 0), t.layers[1].dW(0, 1),
                          t.layers[1].db(0),       t.layers[0].delta(0, 1), t.layers[0].dW(0, 0),
                          t.layers[0].dW(0, 1),    t.layers[0].dW(1, 0),    t.layers[0].dW(1, 1),
                          t.layers[0].db(0),       t.layers[0].db(1)};
    const char* names[] = {"delta2", "dW2[0][0]", "dW2[0][1]", "db2", "delta1[1]", "dW1[0][0]",
                           "dW1[0][1]", "dW1[1][0]", "dW1[1][1]", "db1[0]", "db1[1]"};
    for (std::size_t i = 0; i < std::size(expected); ++i)
        QVERIFY2(got[i] == expected[i],
                 qPrintable(QStringLiteral("2-2-1 bce net: %1 = %2, expected %3")
                                .arg(names[i], str(got[i]), str(expected[i]))));
    // ŷ = 0.5 is class 0 (§3.6, ŷ > 0.5 is class 1), and the label is 1.
    QVERIFY2(t.accuracy == 0.0, qPrintable("2-2-1 bce net: accuracy " + str(t.accuracy) + " with yhat = 0.5 and y = 1, expected 0"));
}

// §3.6: class 1 if ŷ > 0.5, otherwise 0 (so exactly 0.5 is class 0); arg-max for several outputs.
void TestTextbook::accuracyThresholdIsStrictlyAboveHalf() {
    Matrix p(4, 1), y(4, 1);
    p << 0.6, 0.4, 0.5, 0.2;
    y << 1.0, 0.0, 1.0, 1.0;
    QVERIFY2(countCorrect(p, y) == 2,
             qPrintable(QStringLiteral("threshold 0.5 on (0.6, 0.4, 0.5, 0.2) vs (1, 0, 1, 1): %1 correct, "
                                       "expected 2 (0.5 is class 0)")
                            .arg(countCorrect(p, y))));
    QVERIFY2(accuracy(p, y) == 0.5, qPrintable("accuracy: got " + str(accuracy(p, y)) + ", expected 0.5"));
    Matrix p3(3, 3), y3(3, 3);
    p3 << 0.2, 0.7, 0.1, 0.5, 0.3, 0.2, 0.1, 0.1, 0.8;
    y3 << 0, 1, 0, 0, 1, 0, 0, 0, 1;
    QVERIFY2(countCorrect(p3, y3) == 2,
             qPrintable(QStringLiteral("arg-max accuracy on three classes: %1 correct, expected 2").arg(countCorrect(p3, y3))));

    // The same rule inside a training pass, sigmoid + bce with 0/1 labels, over 40 rows (whole
    // SIMD registers): ŷ = σ(x) with x = (i − 20)/4, every label 1. Only x > 0 (i = 21 … 39)
    // is classified 1, so 19 of 40 are right; the row with x = 0 has ŷ = 0.5 exactly.
    Mlp net({1, 1}, {Activation::Sigmoid});
    net.layer(0).W << 1.0;
    Matrix X(40, 1), Y = Matrix::Ones(40, 1);
    for (int i = 0; i < 40; ++i) X(i, 0) = (i - 20) / 4.0;
    const Trace t = net.forwardBackward(X, Y, Loss::Bce);
    QVERIFY2(t.output()(20, 0) == 0.5, qPrintable("sigmoid(0) in a 40-row pass: " + str(t.output()(20, 0))));
    QVERIFY2(std::abs(t.accuracy - 19.0 / 40.0) < 1e-15,
             qPrintable("40-row sigmoid+bce pass: accuracy " + str(t.accuracy) + ", expected 19/40 (0.5 is class 0)"));
    // And with labels 0 the complement: 21 of 40.
    const Trace t0 = net.forwardBackward(X, Matrix::Zero(40, 1), Loss::Bce);
    QVERIFY2(std::abs(t0.accuracy - 21.0 / 40.0) < 1e-15,
             qPrintable("40-row sigmoid+bce pass, labels 0: accuracy " + str(t0.accuracy) + ", expected 21/40"));
}

QTEST_GUILESS_MAIN(TestTextbook)
#include "tst_textbook.moc"
