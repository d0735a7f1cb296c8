// Metrics of seed 001 §2.7 on hand-built cases (eqs. 32–41), and the activation explorer's curves
// (seed 001 §2.3, seed 004 §2).
#include "base/activation_curves.h"
#include "lab/metrics.h"
#include "base/random.h"

#include <QTest>

#include <cmath>

using namespace ns;

namespace {

bool close(double a, double b, double tolerance = 1e-15) { return std::abs(a - b) <= tolerance; }

// Eight samples, scores highest first; positives at 0.9, 0.8, 0.6 and 0.3.
const std::vector<double> kScores{0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1};
const std::vector<int> kLabels{1, 1, 0, 1, 0, 1, 0, 0};

}  // namespace

class TestLabMetrics : public QObject {
    Q_OBJECT

private slots:
    void ratiosFromAHandBuiltConfusionMatrix();
    void confusionAtThresholds();
    void undefinedRatiosAreNaN();
    void aucPerfectRandomInverted();
    void aucOfAHandCase();
    void aucOfRandomScoresIsAboutHalf();
    void rocRunsFromOriginToOne();
    void prCurveByHand();
    void multiclassConfusion();
    void regressionMetricsOfAKnownFit();
    void rSquaredOfMeanAndPerfectPredictions();
    void sigmoidDerivativePeaksAtAQuarter();
    void alphaChangesLeakyReluAndElu();
    void defaultAlphaEqualsTheCore();
    void gradientBoundOfDeepSigmoidNets();
};

// TP = 40, FP = 10, TN = 45, FN = 5:
//   accuracy = 85/100, precision = 40/50, recall = 40/45, F1 = 80/95, FPR = 10/55.
void TestLabMetrics::ratiosFromAHandBuiltConfusionMatrix() {
    const BinaryConfusion c{40, 10, 45, 5};
    QCOMPARE(accuracy(c), 0.85);
    QCOMPARE(precision(c), 0.8);
    QVERIFY(close(recall(c), 40.0 / 45.0));
    QVERIFY(close(f1(c), 80.0 / 95.0));
    // F1 is the harmonic mean of precision and recall (eq. 35, both forms).
    QVERIFY(close(f1(c), 2 * precision(c) * recall(c) / (precision(c) + recall(c))));
    QVERIFY(close(falsePositiveRate(c), 10.0 / 55.0));
}

// At 0.5 the top four are predicted positive: TP 3 (0.9, 0.8, 0.6), FP 1 (0.7), FN 1 (0.3),
// TN 3. At 0.6 the score 0.6 itself is not above the threshold: TP 2, FP 1, FN 2, TN 3.
void TestLabMetrics::confusionAtThresholds() {
    QCOMPARE(confusionAt(kScores, kLabels, 0.5), (BinaryConfusion{3, 1, 3, 1}));
    const BinaryConfusion c = confusionAt(kScores, kLabels, 0.5);
    QCOMPARE(precision(c), 0.75);
    QCOMPARE(recall(c), 0.75);
    QCOMPARE(f1(c), 0.75);
    QCOMPARE(accuracy(c), 0.75);
    QCOMPARE(confusionAt(kScores, kLabels, 0.6), (BinaryConfusion{2, 1, 3, 2}));
    QCOMPARE(confusionAt(kScores, kLabels, 1.0), (BinaryConfusion{0, 0, 4, 4}));
    QCOMPARE(confusionAt(kScores, kLabels, 0.0), (BinaryConfusion{4, 4, 0, 0}));
}

void TestLabMetrics::undefinedRatiosAreNaN() {
    const BinaryConfusion none = confusionAt(kScores, kLabels, 1.0);  // nothing predicted positive
    QVERIFY(std::isnan(precision(none)));
    QCOMPARE(recall(none), 0.0);
    QVERIFY(std::isnan(accuracy(BinaryConfusion{})));
}

void TestLabMetrics::aucPerfectRandomInverted() {
    const std::vector<int> labels{0, 0, 0, 1, 1, 1};
    const std::vector<double> perfect{0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
    const std::vector<double> inverted{0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
    const std::vector<double> constant(6, 0.5);  // a coin: no ordering at all
    QCOMPARE(areaUnder(rocCurve(perfect, labels)), 1.0);
    QCOMPARE(areaUnder(rocCurve(inverted, labels)), 0.0);
    QCOMPARE(areaUnder(rocCurve(constant, labels)), 0.5);
    QVERIFY(rocCurve(perfect, std::vector<int>(6, 1)).empty());  // one class only: no ROC
    QVERIFY(std::isnan(areaUnder({})));
}

// AUC = P(a positive outscores a negative): of the 16 pairs, 0.9 and 0.8 beat all 4 negatives,
// 0.6 beats 3 (0.4, 0.2, 0.1), 0.3 beats 2: 13/16 = 0.8125.
void TestLabMetrics::aucOfAHandCase() {
    QCOMPARE(areaUnder(rocCurve(kScores, kLabels)), 0.8125);
}

void TestLabMetrics::aucOfRandomScoresIsAboutHalf() {
    Random random(5);
    std::vector<double> scores(20000);
    std::vector<int> labels(20000);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        scores[i] = random.uniform();
        labels[i] = random.uniform() < 0.5;
    }
    // σ(AUC) ≈ √(1/(12·n₊·n₋/(n₊+n₋))) ≈ 0.004 here; 0.02 is five of them.
    const double auc = areaUnder(rocCurve(scores, labels));
    QVERIFY2(std::abs(auc - 0.5) < 0.02, qPrintable(QString::number(auc)));
}

// Thresholds from above 0.9 down: (0,0), (0,¼), (0,½), (¼,½), (¼,¾), (½,¾), (½,1), (¾,1), (1,1).
void TestLabMetrics::rocRunsFromOriginToOne() {
    const std::vector<CurvePoint> roc = rocCurve(kScores, kLabels);
    QCOMPARE(roc.size(), std::size_t(9));
    const double expected[9][2] = {{0, 0}, {0, 0.25}, {0, 0.5}, {0.25, 0.5}, {0.25, 0.75},
                                   {0.5, 0.75}, {0.5, 1}, {0.75, 1}, {1, 1}};
    for (std::size_t i = 0; i < roc.size(); ++i) {
        QCOMPARE(roc[i].x, expected[i][0]);
        QCOMPARE(roc[i].y, expected[i][1]);
    }
    QCOMPARE(roc[3].threshold, 0.7);
}

// (recall, precision) after each score: 0.9 → (¼, 1), 0.8 → (½, 1), 0.7 → (½, ⅔),
// 0.6 → (¾, ¾), …, 0.1 → (1, ½).
void TestLabMetrics::prCurveByHand() {
    const std::vector<CurvePoint> pr = prCurve(kScores, kLabels);
    QCOMPARE(pr.size(), std::size_t(8));
    QCOMPARE(pr[0].x, 0.25);
    QCOMPARE(pr[0].y, 1.0);
    QCOMPARE(pr[2].x, 0.5);
    QVERIFY(close(pr[2].y, 2.0 / 3.0));
    QCOMPARE(pr[3].y, 0.75);
    QCOMPARE(pr[7].x, 1.0);
    QCOMPARE(pr[7].y, 0.5);
}

// actual (0,0,1,1,2,2,2), predicted (0,1,1,1,2,0,2):
//   [[1,1,0],[0,2,0],[1,0,2]]: accuracy 5/7; class 0: P ½ R ½; class 1: P ⅔ R 1 F1 0.8;
//   class 2: P 1 R ⅔.
void TestLabMetrics::multiclassConfusion() {
    const Eigen::MatrixXi m = confusionMatrix({0, 0, 1, 1, 2, 2, 2}, {0, 1, 1, 1, 2, 0, 2}, 3);
    Eigen::MatrixXi expected(3, 3);
    expected << 1, 1, 0, 0, 2, 0, 1, 0, 2;
    QVERIFY(m == expected);
    QVERIFY(close(accuracy(m), 5.0 / 7.0));
    QCOMPARE(classMetrics(m, 0).precision, 0.5);
    QCOMPARE(classMetrics(m, 0).recall, 0.5);
    QVERIFY(close(classMetrics(m, 1).precision, 2.0 / 3.0));
    QCOMPARE(classMetrics(m, 1).recall, 1.0);
    QVERIFY(close(classMetrics(m, 1).f1, 0.8));
    QCOMPARE(classMetrics(m, 2).precision, 1.0);
    QVERIFY(close(classMetrics(m, 2).recall, 2.0 / 3.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, confusionMatrix({3}, {0}, 3));
}

// y = (1, 2, 3, 4, 5), ŷ = (1.1, 1.9, 3.2, 3.8, 5): residuals (−0.1, 0.1, −0.2, 0.2, 0),
// SS_res = 0.1, ȳ = 3, SS_tot = 10: MSE 0.02, RMSE √0.02, MAE 0.12, R² = 1 − 0.1/10 = 0.99.
void TestLabMetrics::regressionMetricsOfAKnownFit() {
    const RegressionMetrics r = regressionMetrics({1, 2, 3, 4, 5}, {1.1, 1.9, 3.2, 3.8, 5});
    QVERIFY(close(r.mse, 0.02));
    QVERIFY(close(r.rmse, std::sqrt(0.02)));
    QVERIFY(close(r.mae, 0.12));
    QVERIFY(close(r.r2, 0.99));
}

void TestLabMetrics::rSquaredOfMeanAndPerfectPredictions() {
    QCOMPARE(regressionMetrics({1, 2, 3}, {2, 2, 2}).r2, 0.0);   // the mean explains nothing
    QCOMPARE(regressionMetrics({1, 2, 3}, {1, 2, 3}).r2, 1.0);
    QCOMPARE(regressionMetrics({1, 2, 3}, {3, 2, 1}).r2, -3.0);  // 1 − 8/2: worse than the mean
    QVERIFY(std::isnan(regressionMetrics({2, 2}, {1, 3}).r2));
}

// Eq. 8: σ'(z) = σ(z)(1 − σ(z)) peaks at z = 0 with σ(0) = ½, so σ'(0) = ¼ (seed 004 §2).
void TestLabMetrics::sigmoidDerivativePeaksAtAQuarter() {
    const ActivationCurve c = activationCurve(Activation::Sigmoid, 0, -6, 6, 401);
    QCOMPARE(c.maxDerivative, 0.25);
    QCOMPARE(c.argMaxDerivative, 0.0);
    QCOMPARE(c.value[200], 0.5);
    const ActivationCurve t = activationCurve(Activation::Tanh, 0, -6, 6, 401);
    QCOMPARE(t.maxDerivative, 1.0);  // eq. 10: 1 − tanh²(0)
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, activationCurve(Activation::Softmax, 0, -1, 1, 3));
}

// Eqs. 13–15 with α = 0.2: LeakyReLU(−2) = −0.4 with slope 0.2; ELU(−2) = 0.2(e⁻² − 1).
void TestLabMetrics::alphaChangesLeakyReluAndElu() {
    const ActivationCurve leaky = activationCurve(Activation::LeakyRelu, 0.2, -2, 2, 5);
    QCOMPARE(leaky.value[0], -0.4);
    QCOMPARE(leaky.derivative[0], 0.2);
    QCOMPARE(leaky.value[4], 2.0);
    QCOMPARE(leaky.derivative[4], 1.0);
    const ActivationCurve elu = activationCurve(Activation::Elu, 0.2, -2, 2, 5);
    QVERIFY(close(elu.value[0], 0.2 * (std::exp(-2.0) - 1)));
    QVERIFY(close(elu.derivative[0], 0.2 * std::exp(-2.0)));
}

void TestLabMetrics::defaultAlphaEqualsTheCore() {
    for (Activation f : {Activation::LeakyRelu, Activation::Elu, Activation::Relu, Activation::Gelu}) {
        const ActivationCurve c = activationCurve(f, defaultAlpha(f), -3, 3, 61);
        Matrix z = Eigen::Map<const Matrix>(c.z.data(), 61, 1), a(61, 1);
        activate(f, z, a);
        for (int i = 0; i < 61; ++i) {
            QVERIFY(close(c.value[std::size_t(i)], a(i, 0)));
            QVERIFY(close(c.derivative[std::size_t(i)], derivative(f, z(i, 0), a(i, 0))));
        }
    }
    QVERIFY(takesAlpha(Activation::Elu) && !takesAlpha(Activation::Tanh));
}

// 0.25¹⁰ = 1/1048576 ≈ 9.5·10⁻⁷: ten sigmoid layers shrink a gradient a million-fold at best.
void TestLabMetrics::gradientBoundOfDeepSigmoidNets() {
    QCOMPARE(gradientBound(0.25, 10), 1.0 / 1048576.0);
    QCOMPARE(gradientBound(1.0, 10), 1.0);
}

QTEST_APPLESS_MAIN(TestLabMetrics)
#include "tst_lab_metrics.moc"
