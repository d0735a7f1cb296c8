// The backward pass against central finite differences: ∂L/∂W, ∂L/∂b and the per-sample
// δ⁽ˡ⁾ = ∂ℓᵢ/∂z⁽ˡ⁾ for every activation (softmax as output only) × every loss, at batch sizes 1,
// 7 and 45 (45 rows reach the core's 4-register blocks, single registers and leftover rows for
// any register width up to 8 doubles; 1 and 7 rows only the leftover path). The losses that are differentiated numerically come from tests/core/reference_math.h, a
// separate implementation of the textbook's formulas, so the core's gradients are checked against
// the definition of the loss, not against the core's own forward pass. Also the kinks: ReLU'(0) = 0
// and LeakyReLU'(0) = α (seed 001 eqs. 12, 14), element-wise and inside a network.
#include "base/activation.h"
#include "base/loss.h"
#include "mlp/mlp.h"
#include "reference_math.h"

#include <QStringList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

using namespace ns;
using reference::activationName;
using reference::lossName;
using reference::mismatch;

Q_DECLARE_METATYPE(ns::Activation)
Q_DECLARE_METATYPE(ns::Loss)

namespace {

constexpr double kStep = 1e-6;         // h of the central differences
constexpr double kKinkMargin = 1e-3;   // no z (or residual) this close to a kink: ≫ h·|a⁽ˡ⁻¹⁾|

const std::vector<Activation> kHidden = {Activation::Identity, Activation::Sigmoid,
                                         Activation::Tanh,     Activation::Relu,
                                         Activation::LeakyRelu, Activation::Elu,
                                         Activation::Gelu};
const std::vector<Loss> kLosses = {Loss::Mse, Loss::Mae, Loss::Huber, Loss::Bce, Loss::Ce};

// Tolerances of |analytic − numeric| ≤ rel·max(|analytic|, |numeric|) + abs, per operation; a case
// uses the loosest entry of the operations it contains. With h = 1e-6 the truncation error of a
// central difference is O(h²·f''') ≈ 1e-12 and the rounding error of L (a few ε·|L|, |L| < 10)
// divided by h stays below 1e-8, so smooth operations are held to 1e-6 relative, 2e-8 absolute.
// Piecewise-linear pieces are sampled away from their kinks, where central differences are exact,
// but mae and huber get a decade of slack: they are the non-smooth losses.
struct Tolerance {
    double rel;
    double abs;
};

Tolerance tolerance(Activation f) {
    switch (f) {
        case Activation::Identity:
        case Activation::Relu:
        case Activation::LeakyRelu: return {1e-6, 2e-8};  // linear pieces
        case Activation::Sigmoid:
        case Activation::Tanh:
        case Activation::Elu:
        case Activation::Gelu:
        case Activation::Softmax: return {1e-6, 2e-8};
    }
    return {0, 0};
}

Tolerance tolerance(Loss loss) {
    switch (loss) {
        case Loss::Mse:
        case Loss::Bce:
        case Loss::Ce: return {1e-6, 2e-8};
        case Loss::Mae:
        case Loss::Huber: return {1e-5, 1e-7};
    }
    return {0, 0};
}

Tolerance tolerance(const std::vector<Activation>& activations, Loss loss) {
    Tolerance t = tolerance(loss);
    for (Activation f : activations) {
        t.rel = std::max(t.rel, tolerance(f).rel);
        t.abs = std::max(t.abs, tolerance(f).abs);
    }
    return t;
}

bool hasKinkAtZero(Activation f) {
    return f == Activation::Relu || f == Activation::LeakyRelu || f == Activation::Elu;
}

bool outputsProbabilities(Activation f) {
    return f == Activation::Sigmoid || f == Activation::Softmax;
}

// FNV-1a of a row's name: a fixed seed per data row, the same on every platform.
std::uint64_t seedOf(const char* tag) {
    std::uint64_t h = 14695981039346656037ull;
    for (; *tag; ++tag) h = (h ^ static_cast<unsigned char>(*tag)) * 1099511628211ull;
    return h;
}

struct Case {
    Mlp net;
    Matrix X, Y;
};

enum class Targets { Auto, OneHot, ZeroOne };

// A random network and batch whose every z is at least kKinkMargin from the kinks of its
// activations and whose residuals stay that far from the kinks of mae (0) and huber (±δ).
// bce and ce take log(a): their outputs are kept inside [0.02, 0.98], away from the 1e-15 clip
// (beyond it the clipped loss is flat and no derivative formula applies).
Case sampleCase(const std::vector<int>& sizes, const std::vector<Activation>& activations,
                Loss loss, int batch, Targets targets, std::mt19937_64& rng) {
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const Activation out = activations.back();
    const int k = sizes.back();
    for (int attempt = 0; attempt < 100000; ++attempt) {
        Case c{Mlp(sizes, activations), Matrix(batch, sizes.front()), Matrix(batch, k)};
        for (std::size_t l = 0; l < c.net.layers().size(); ++l) {
            DenseLayer& layer = c.net.layer(l);
            const double scale = std::sqrt(2.0 / static_cast<double>(layer.fanIn()));
            for (Eigen::Index j = 0; j < layer.W.rows(); ++j) {
                for (Eigen::Index i = 0; i < layer.W.cols(); ++i) layer.W(j, i) = scale * normal(rng);
                layer.b(j) = 0.3 * normal(rng);
            }
        }
        if ((loss == Loss::Bce || loss == Loss::Ce) && !outputsProbabilities(out)) {
            // Shrink the last layer and centre it near 0.6 so that identity, tanh, relu, … also
            // produce values inside (0, 1), where a log loss of them is defined and smooth.
            DenseLayer& last = c.net.layer(c.net.layers().size() - 1);
            last.W *= 0.1;
            last.b.setConstant(out == Activation::Gelu ? 0.9 : 0.6);
        }
        for (Eigen::Index r = 0; r < batch; ++r)
            for (Eigen::Index i = 0; i < c.X.cols(); ++i) c.X(r, i) = normal(rng);
        c.Y.setZero();
        for (Eigen::Index r = 0; r < batch; ++r) {
            if (targets == Targets::OneHot) {
                c.Y(r, std::uniform_int_distribution<int>(0, k - 1)(rng)) = 1.0;
                continue;
            }
            for (Eigen::Index j = 0; j < k; ++j) {
                if (targets == Targets::ZeroOne) c.Y(r, j) = uniform(rng) < 0.5 ? 0.0 : 1.0;
                else if (loss == Loss::Bce || loss == Loss::Ce) c.Y(r, j) = uniform(rng);
                else c.Y(r, j) = 1.5 * normal(rng);  // wide enough that huber sees both branches
            }
        }

        const reference::Forward f = reference::forward(c.net, c.X);
        bool ok = true;
        for (std::size_t l = 0; l < f.z.size() && ok; ++l)
            if (hasKinkAtZero(activations[l]) && f.z[l].cwiseAbs().minCoeff() < kKinkMargin)
                ok = false;
        const Matrix residual = f.a.back() - c.Y;
        if (loss == Loss::Mae && residual.cwiseAbs().minCoeff() < kKinkMargin) ok = false;
        if (loss == Loss::Huber &&
            (residual.cwiseAbs().array() - reference::kHuberDelta).abs().minCoeff() < kKinkMargin)
            ok = false;
        if ((loss == Loss::Bce || loss == Loss::Ce) &&
            (f.a.back().minCoeff() < 0.02 || f.a.back().maxCoeff() > 0.98))
            ok = false;
        if (ok) return c;
    }
    qFatal("could not sample a case away from the kinks");
}

// ∂L/∂θ by central differences of the reference batch loss.
double numericParameterGradient(Mlp net, std::size_t l, bool bias, Eigen::Index j, Eigen::Index i,
                                Loss loss, const Matrix& X, const Matrix& Y) {
    double& theta = bias ? net.layer(l).b(j) : net.layer(l).W(j, i);
    const double original = theta;
    theta = original + kStep;
    const double up = reference::batchLoss(net, loss, X, Y);
    theta = original - kStep;
    const double down = reference::batchLoss(net, loss, X, Y);
    return (up - down) / (2.0 * kStep);
}

// ∂ℓᵣ/∂z⁽ˡ⁾ᵣⱼ by central differences, running the reference forward from layer l.
double numericDelta(const Mlp& net, std::size_t l, const Matrix& zRow, Eigen::Index j, Loss loss,
                    const Matrix& yRow) {
    Matrix up = zRow, down = zRow;
    up(0, j) += kStep;
    down(0, j) -= kStep;
    const double lUp = reference::perSampleLoss(loss, reference::outputFrom(net, l, up), yRow)(0);
    const double lDown =
        reference::perSampleLoss(loss, reference::outputFrom(net, l, down), yRow)(0);
    return (lUp - lDown) / (2.0 * kStep);
}

// Everything the core's trace says about a case that disagrees with the reference, as messages.
QStringList checkCase(const Case& c, Loss loss, const Tolerance& tol) {
    QStringList failures;
    auto note = [&](const QString& problem) {
        if (!problem.isEmpty()) failures << problem;
    };
    const Trace trace = c.net.forwardBackward(c.X, c.Y, loss);
    const reference::Forward f = reference::forward(c.net, c.X);
    const std::size_t L = c.net.layers().size();
    if (!trace.hasGradients || trace.layers.size() != L) {
        failures << QStringLiteral("trace has no gradients or %1 layers, expected %2")
                        .arg(trace.layers.size())
                        .arg(L);
        return failures;
    }

    // The forward pass and the loss, to rounding.
    const Vector ell = reference::perSampleLoss(loss, f.a.back(), c.Y);
    note(mismatch(trace.loss, ell.mean(), 1e-12, 1e-14, QStringLiteral("L")));
    for (Eigen::Index r = 0; r < ell.size(); ++r)
        note(mismatch(trace.perSampleLoss(r), ell(r), 1e-12, 1e-14,
                      QStringLiteral("loss of sample %1").arg(r)));
    for (std::size_t l = 0; l < L; ++l)
        for (Eigen::Index r = 0; r < c.X.rows(); ++r)
            for (Eigen::Index j = 0; j < f.z[l].cols(); ++j) {
                note(mismatch(trace.layers[l].z(r, j), f.z[l](r, j), 1e-12, 1e-13,
                              QStringLiteral("z%1[%2][%3]").arg(l + 1).arg(r).arg(j)));
                note(mismatch(trace.layers[l].a(r, j), f.a[l](r, j), 1e-12, 1e-13,
                              QStringLiteral("a%1[%2][%3]").arg(l + 1).arg(r).arg(j)));
            }

    // ∂L/∂W and ∂L/∂b of every parameter.
    for (std::size_t l = 0; l < L; ++l) {
        const DenseLayer& layer = c.net.layer(l);
        const LayerTrace& t = trace.layers[l];
        if (t.dW.rows() != layer.W.rows() || t.dW.cols() != layer.W.cols() ||
            t.db.size() != layer.b.size()) {
            failures << QStringLiteral("dW%1/db%1 have the wrong shape").arg(l + 1);
            continue;
        }
        for (Eigen::Index j = 0; j < layer.W.rows(); ++j) {
            for (Eigen::Index i = 0; i < layer.W.cols(); ++i)
                note(mismatch(t.dW(j, i),
                              numericParameterGradient(c.net, l, false, j, i, loss, c.X, c.Y),
                              tol.rel, tol.abs, QStringLiteral("dW%1[%2][%3]").arg(l + 1).arg(j).arg(i)));
            note(mismatch(t.db(j), numericParameterGradient(c.net, l, true, j, 0, loss, c.X, c.Y),
                          tol.rel, tol.abs, QStringLiteral("db%1[%2]").arg(l + 1).arg(j)));
        }
    }

    // δ⁽ˡ⁾ of every sample against ∂ℓᵢ/∂z⁽ˡ⁾.
    for (std::size_t l = 0; l < L; ++l)
        for (Eigen::Index r = 0; r < c.X.rows(); ++r) {
            const Matrix zRow = f.z[l].row(r);
            const Matrix yRow = c.Y.row(r);
            for (Eigen::Index j = 0; j < zRow.cols(); ++j)
                note(mismatch(trace.layers[l].delta(r, j), numericDelta(c.net, l, zRow, j, loss, yRow),
                              tol.rel, tol.abs,
                              QStringLiteral("delta%1[%2][%3]").arg(l + 1).arg(r).arg(j)));
        }

    // The same batch cut into ragged chunks of 3 rows on two threads sums to the same gradient
    // (to rounding: the rows of a small chunk take the core's scalar path, not its registers).
    if (c.X.rows() > 1) {
        Trace chunked;
        c.net.forwardBackward(c.X, c.Y, loss, chunked, ParallelOptions{2, 3, 0});
        note(mismatch(chunked.loss, trace.loss, 1e-12, 1e-14, QStringLiteral("chunked L")));
        for (std::size_t l = 0; l < L; ++l) {
            for (Eigen::Index j = 0; j < trace.layers[l].dW.rows(); ++j) {
                for (Eigen::Index i = 0; i < trace.layers[l].dW.cols(); ++i)
                    note(mismatch(chunked.layers[l].dW(j, i), trace.layers[l].dW(j, i), 1e-10,
                                  1e-13, QStringLiteral("chunked dW%1[%2][%3]").arg(l + 1).arg(j).arg(i)));
                note(mismatch(chunked.layers[l].db(j), trace.layers[l].db(j), 1e-10, 1e-13,
                              QStringLiteral("chunked db%1[%2]").arg(l + 1).arg(j)));
            }
            for (Eigen::Index r = 0; r < trace.layers[l].delta.rows(); ++r)
                for (Eigen::Index j = 0; j < trace.layers[l].delta.cols(); ++j)
                    note(mismatch(chunked.layers[l].delta(r, j), trace.layers[l].delta(r, j),
                                  1e-10, 1e-13,
                                  QStringLiteral("chunked delta%1[%2][%3]").arg(l + 1).arg(r).arg(j)));
        }
    }
    return failures;
}

QString summary(const QString& name, const QStringList& failures) {
    const QStringList shown = failures.mid(0, 8);
    return QStringLiteral("%1: %2 mismatch(es): %3%4")
        .arg(name)
        .arg(failures.size())
        .arg(shown.join(QStringLiteral("; ")))
        .arg(failures.size() > shown.size() ? QStringLiteral("; …") : QString());
}

}  // namespace

class TestGradients : public QObject {
    Q_OBJECT

private slots:
    void parameterAndDeltaGradients_data();
    void parameterAndDeltaGradients();
    void bceWithZeroOneLabelsOnOneOutput_data();
    void bceWithZeroOneLabelsOnOneOutput();
    void deepMixedNetwork();
    void reluDerivativeAtZeroIsZero();
    void leakyReluDerivativeAtZeroIsAlpha();
    void kinksInsideANetwork();
    void maeGradientAtZeroResidualIsZero();
    void huberGradientIsContinuousAtDelta();
};

void TestGradients::parameterAndDeltaGradients_data() {
    QTest::addColumn<Activation>("output");
    QTest::addColumn<Activation>("hidden1");
    QTest::addColumn<Activation>("hidden2");
    QTest::addColumn<Loss>("loss");
    QTest::addColumn<int>("batch");
    std::vector<Activation> outputs = kHidden;
    outputs.push_back(Activation::Softmax);
    int row = 0;
    for (Activation out : outputs)
        for (Loss loss : kLosses)
            for (int batch : {1, 7, 45}) {
                // The hidden pair walks through every element-wise activation in both positions.
                const Activation h1 = kHidden[static_cast<std::size_t>(row) % kHidden.size()];
                const Activation h2 = kHidden[static_cast<std::size_t>(row + 3) % kHidden.size()];
                ++row;
                const QString name = QStringLiteral("%1-%2-%3 %4 batch %5")
                                         .arg(activationName(h1), activationName(h2),
                                              activationName(out), lossName(loss))
                                         .arg(batch);
                QTest::newRow(qPrintable(name)) << out << h1 << h2 << loss << batch;
            }
}

void TestGradients::parameterAndDeltaGradients() {
    QFETCH(Activation, output);
    QFETCH(Activation, hidden1);
    QFETCH(Activation, hidden2);
    QFETCH(Loss, loss);
    QFETCH(int, batch);
    const std::vector<Activation> activations{hidden1, hidden2, output};
    // One fixed seed per row: a failing case is reproduced by running its row alone.
    std::mt19937_64 rng(seedOf(QTest::currentDataTag()));
    // ce with a softmax head: one-hot targets at batch 1, soft (unnormalised) ones otherwise.
    const Targets targets =
        loss == Loss::Ce && output == Activation::Softmax && batch == 1 ? Targets::OneHot : Targets::Auto;
    const Case c = sampleCase({3, 5, 4, 2}, activations, loss, batch, targets, rng);
    const QStringList failures = checkCase(c, loss, tolerance(activations, loss));
    QVERIFY2(failures.isEmpty(), qPrintable(summary(QTest::currentDataTag(), failures)));
}

// One output with labels exactly 0 and 1: the shape of every binary classifier (§3), which the
// core's bce evaluates through a special single-logarithm path.
void TestGradients::bceWithZeroOneLabelsOnOneOutput_data() {
    QTest::addColumn<Activation>("output");
    QTest::addColumn<int>("batch");
    for (Activation out : {Activation::Sigmoid, Activation::Identity, Activation::Tanh,
                           Activation::Relu, Activation::Gelu})
        for (int batch : {1, 7, 45})
            QTest::newRow(qPrintable(QStringLiteral("relu-relu-%1 bce 0/1 labels batch %2")
                                         .arg(activationName(out))
                                         .arg(batch)))
                << out << batch;
}

void TestGradients::bceWithZeroOneLabelsOnOneOutput() {
    QFETCH(Activation, output);
    QFETCH(int, batch);
    std::mt19937_64 rng(seedOf(QTest::currentDataTag()));
    const std::vector<Activation> activations{Activation::Relu, Activation::Relu, output};
    const Case c = sampleCase({4, 8, 4, 1}, activations, Loss::Bce, batch, Targets::ZeroOne, rng);
    const QStringList failures = checkCase(c, Loss::Bce, tolerance(activations, Loss::Bce));
    QVERIFY2(failures.isEmpty(), qPrintable(summary(QTest::currentDataTag(), failures)));
}

// Four weight layers of different widths: the chain rule over more than one hidden step.
void TestGradients::deepMixedNetwork() {
    std::mt19937_64 rng(4841);
    const std::vector<Activation> activations{Activation::Elu, Activation::Gelu,
                                              Activation::LeakyRelu, Activation::Softmax};
    for (Loss loss : {Loss::Ce, Loss::Mse, Loss::Huber}) {
        const Case c = sampleCase({4, 6, 6, 5, 3}, activations, loss, 7, Targets::Auto, rng);
        const QStringList failures = checkCase(c, loss, tolerance(activations, loss));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(summary(QStringLiteral("elu-gelu-leaky_relu-softmax %1 batch 7")
                                        .arg(lossName(loss)),
                                    failures)));
    }
}

// seed 001 eq. 12: ReLU'(x) = 0 for x ≤ 0, so at the kink itself the derivative is 0.
void TestGradients::reluDerivativeAtZeroIsZero() {
    QVERIFY2(ns::derivative(Activation::Relu, 0.0, 0.0) == 0.0, "relu'(0) should be 0 (eq. 12)");
    QVERIFY2(ns::derivative(Activation::Relu, -0.0, 0.0) == 0.0, "relu'(-0) should be 0 (eq. 12)");
    QVERIFY2(ns::derivative(Activation::Relu, 1e-300, 1e-300) == 1.0, "relu'(1e-300) should be 1");
    // The block form used by the backward pass.
    Matrix z(1, 4);
    z << 0.0, -0.0, 1e-300, -1e-300;
    Matrix a(1, 4);
    ns::activate(Activation::Relu, z, a);
    const Matrix g = Matrix::Constant(1, 4, 3.0);
    Matrix delta(1, 4);
    ns::multiplyByDerivative(Activation::Relu, z, a, g, delta);
    const double expected[4] = {0.0, 0.0, 3.0, 0.0};
    for (int j = 0; j < 4; ++j)
        QVERIFY2(delta(0, j) == expected[j],
                 qPrintable(QStringLiteral("relu block derivative at z=%1: got %2, expected %3")
                                .arg(z(0, j))
                                .arg(delta(0, j))
                                .arg(expected[j])));
}

// seed 001 eq. 14: LeakyReLU'(x) = α = 0.01 for x ≤ 0, the kink included.
void TestGradients::leakyReluDerivativeAtZeroIsAlpha() {
    QVERIFY2(ns::derivative(Activation::LeakyRelu, 0.0, 0.0) == reference::kLeakyAlpha,
             "leaky_relu'(0) should be alpha = 0.01 (eq. 14)");
    QVERIFY2(ns::derivative(Activation::LeakyRelu, -0.0, 0.0) == reference::kLeakyAlpha,
             "leaky_relu'(-0) should be alpha = 0.01 (eq. 14)");
    QVERIFY2(ns::derivative(Activation::LeakyRelu, 1e-300, 1e-300) == 1.0,
             "leaky_relu'(1e-300) should be 1");
    Matrix z(1, 4);
    z << 0.0, -0.0, 1e-300, -2.0;
    Matrix a(1, 4);
    ns::activate(Activation::LeakyRelu, z, a);
    const Matrix g = Matrix::Constant(1, 4, 3.0);
    Matrix delta(1, 4);
    ns::multiplyByDerivative(Activation::LeakyRelu, z, a, g, delta);
    const double expected[4] = {3.0 * reference::kLeakyAlpha, 3.0 * reference::kLeakyAlpha, 3.0,
                                3.0 * reference::kLeakyAlpha};
    for (int j = 0; j < 4; ++j)
        QVERIFY2(delta(0, j) == expected[j],
                 qPrintable(QStringLiteral("leaky_relu block derivative at z=%1: got %2, expected %3")
                                .arg(z(0, j))
                                .arg(delta(0, j))
                                .arg(expected[j])));
}

// A 2-2-1 net whose second hidden unit sits exactly on the kink (z = 0), so the conventions of
// eqs. 12 and 14 decide its δ. By hand, x = (1, 2):
//   W1 = [[0.5, −0.25], [1, −0.5]], b1 = (0.5, 0) → z1 = (0.5 − 0.5 + 0.5, 1 − 1 + 0) = (0.5, 0)
//   a1 = (0.5, 0) for both relu and leaky_relu (0.01·0 = 0)
//   W2 = [[2, 3]], b2 = (−1) → z2 = 1 + 0 − 1 = 0, a2 = sigmoid(0) = 0.5; y = 1, bce:
//   L = −ln 0.5 = ln 2; δ2 = a2 − y = −0.5; δ2·W2 = (−1, −1.5)
//   relu:  δ1 = (−1·1, −1.5·0) = (−1, 0);       dW1 = δ1ᵀx = [[−1, −2], [0, 0]]
//   leaky: δ1 = (−1, −1.5·0.01) = (−1, −0.015); dW1 = [[−1, −2], [−0.015, −0.03]]
void TestGradients::kinksInsideANetwork() {
    for (Activation hidden : {Activation::Relu, Activation::LeakyRelu}) {
        const QString name = activationName(hidden);
        Mlp net({2, 2, 1}, {hidden, Activation::Sigmoid});
        net.layer(0).W << 0.5, -0.25, 1.0, -0.5;
        net.layer(0).b << 0.5, 0.0;
        net.layer(1).W << 2.0, 3.0;
        net.layer(1).b << -1.0;
        Matrix X(1, 2), Y(1, 1);
        X << 1.0, 2.0;
        Y << 1.0;
        const Trace t = net.forwardBackward(X, Y, Loss::Bce);
        QVERIFY2(t.layers[0].z(0, 1) == 0.0, qPrintable(name + ": z1[1] should be exactly 0"));
        QVERIFY2(t.layers[0].a(0, 1) == 0.0, qPrintable(name + ": a1[1] should be exactly 0"));
        QVERIFY2(std::abs(t.loss - std::log(2.0)) <= 1e-15, qPrintable(name + ": L should be ln 2"));
        QVERIFY2(t.layers[1].delta(0, 0) == -0.5, qPrintable(name + ": delta2 should be -0.5"));
        const double slope = hidden == Activation::Relu ? 0.0 : reference::kLeakyAlpha;
        const double expectedDelta[2] = {-1.0, -1.5 * slope};
        const double expectedDW[2][2] = {{-1.0, -2.0}, {-1.5 * slope, -3.0 * slope}};
        for (int j = 0; j < 2; ++j) {
            QVERIFY2(std::abs(t.layers[0].delta(0, j) - expectedDelta[j]) <= 1e-17,
                     qPrintable(QStringLiteral("%1: delta1[%2] got %3, expected %4")
                                    .arg(name)
                                    .arg(j)
                                    .arg(t.layers[0].delta(0, j))
                                    .arg(expectedDelta[j])));
            for (int i = 0; i < 2; ++i)
                QVERIFY2(std::abs(t.layers[0].dW(j, i) - expectedDW[j][i]) <= 1e-17,
                         qPrintable(QStringLiteral("%1: dW1[%2][%3] got %4, expected %5")
                                        .arg(name)
                                        .arg(j)
                                        .arg(i)
                                        .arg(t.layers[0].dW(j, i))
                                        .arg(expectedDW[j][i])));
        }
    }
}

// |r| has no derivative at r = 0; the subgradient 0 (NumPy's sign(0) = 0, as in the reference)
// is the convention, so an exactly fitted output receives no push. Three outputs: ∂ℓ/∂a = sign(r)/3.
void TestGradients::maeGradientAtZeroResidualIsZero() {
    Matrix z(1, 3), y(1, 3), delta(1, 3);
    z << 0.5, 2.0, -1.0;
    y << 0.5, 1.0, 0.0;
    ns::outputDelta(Loss::Mae, Activation::Identity, z, z, y, delta);
    const double expected[3] = {0.0, 1.0 / 3.0, -1.0 / 3.0};
    for (int j = 0; j < 3; ++j)
        QVERIFY2(std::abs(delta(0, j) - expected[j]) <= 1e-16,
                 qPrintable(QStringLiteral("mae delta at residual %1: got %2, expected %3")
                                .arg(z(0, j) - y(0, j))
                                .arg(delta(0, j))
                                .arg(expected[j])));
}

// eq. 24 with δ = 1: both branches have slope ±1 at |r| = 1, so ∂ℓ/∂a = r/k there, and just past
// it the slope stays ±1/k (linear branch) while just inside it is r/k (quadratic branch).
void TestGradients::huberGradientIsContinuousAtDelta() {
    Matrix z(1, 4), y = Matrix::Zero(1, 4), delta(1, 4);
    z << 1.0, -1.0, 3.0, 0.25;
    ns::outputDelta(Loss::Huber, Activation::Identity, z, z, y, delta);
    const double expected[4] = {0.25, -0.25, 0.25, 0.0625};
    for (int j = 0; j < 4; ++j)
        QVERIFY2(delta(0, j) == expected[j],
                 qPrintable(QStringLiteral("huber delta at residual %1: got %2, expected %3")
                                .arg(z(0, j))
                                .arg(delta(0, j))
                                .arg(expected[j])));
    Vector ell(1);
    ns::perSampleLoss(Loss::Huber, z, y, ell);
    // (0.5 + 0.5 + (3 − 0.5) + 0.5·0.0625) / 4 = 3.53125 / 4
    QVERIFY2(ell(0) == 3.53125 / 4.0,
             qPrintable(QStringLiteral("huber loss at residuals 1, -1, 3, 0.25: got %1, expected %2")
                            .arg(ell(0), 0, 'g', 17)
                            .arg(3.53125 / 4.0)));
}

QTEST_GUILESS_MAIN(TestGradients)
#include "tst_gradients.moc"
