#pragma once
// Evaluation metrics of seed 001 §2.7: for classification the confusion matrix, accuracy,
// precision, recall, F1 (eqs. 32–35), the ROC curve (FPR, TPR; eqs. 36–37) with its AUC and the
// precision–recall curve; for regression MSE, RMSE, MAE and R² (eqs. 38–41).
//
// A score s is predicted positive when s > threshold, the rule the core's accuracy uses at 0.5
// (loss.h). A ratio whose denominator is zero (no predicted positives, say) is NaN: undefined,
// shown as such, never silently 0.
#include "base/tensor.h"

#include <vector>

namespace ns {

struct BinaryConfusion {
    long tp = 0, fp = 0, tn = 0, fn = 0;
    long total() const { return tp + fp + tn + fn; }
    bool operator==(const BinaryConfusion&) const = default;
};

// labels: 1 positive, 0 negative.
BinaryConfusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels,
                            double threshold);

double accuracy(const BinaryConfusion& c);   // (TP + TN) / total        eq. 32
double precision(const BinaryConfusion& c);  // TP / (TP + FP)           eq. 33
double recall(const BinaryConfusion& c);     // TP / (TP + FN) = TPR     eqs. 34, 37
double f1(const BinaryConfusion& c);         // 2TP / (2TP + FP + FN)    eq. 35
double falsePositiveRate(const BinaryConfusion& c);  // FP / (FP + TN)   eq. 36

struct CurvePoint {
    double x = 0, y = 0;
    double threshold = 0;  // the point holds for thresholds just below this score
};

// ROC: (FPR, TPR) as the threshold sweeps from above the highest score down past the lowest,
// one point per distinct score (tied scores move together, a diagonal step). From (0, 0) to
// (1, 1). Empty when either class is missing.
std::vector<CurvePoint> rocCurve(const std::vector<double>& scores, const std::vector<int>& labels);
// The area under a curve by the trapezoid rule (for ROC: the probability that a random positive
// scores above a random negative, ties counting half). NaN for fewer than two points.
double areaUnder(const std::vector<CurvePoint>& curve);
// Precision–recall: (recall, precision) per distinct score from the highest down. Empty when
// there are no positives.
std::vector<CurvePoint> prCurve(const std::vector<double>& scores, const std::vector<int>& labels);

// classes × classes counts, row = actual class, column = predicted class.
Eigen::MatrixXi confusionMatrix(const std::vector<int>& actual, const std::vector<int>& predicted,
                                int classes);
struct ClassMetrics {
    double precision = 0, recall = 0, f1 = 0;  // one class against the rest
};
ClassMetrics classMetrics(const Eigen::MatrixXi& confusion, int cls);
double accuracy(const Eigen::MatrixXi& confusion);

struct RegressionMetrics {
    double mse = 0;   // (1/n) Σ (yᵢ − ŷᵢ)²            eq. 38
    double rmse = 0;  // √MSE                          eq. 39
    double mae = 0;   // (1/n) Σ |yᵢ − ŷᵢ|             eq. 40
    double r2 = 0;    // 1 − SS_res / SS_tot           eq. 41 (NaN when all yᵢ are equal)
};
RegressionMetrics regressionMetrics(const std::vector<double>& actual,
                                    const std::vector<double>& predicted);

}  // namespace ns
