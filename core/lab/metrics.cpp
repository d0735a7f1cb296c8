#include "lab/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace ns {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) {
    return denominator == 0 ? kNaN : numerator / denominator;
}

void checkSizes(std::size_t a, std::size_t b) {
    if (a != b) throw std::invalid_argument("metrics: scores and labels differ in length");
}

// Indices sorted by score, highest first.
std::vector<std::size_t> byScore(const std::vector<double>& scores) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    return order;
}

}  // namespace

BinaryConfusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels,
                            double threshold) {
    checkSizes(scores.size(), labels.size());
    BinaryConfusion c;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool predicted = scores[i] > threshold;
        const bool actual = labels[i] == 1;
        if (predicted && actual) ++c.tp;
        else if (predicted) ++c.fp;
        else if (actual) ++c.fn;
        else ++c.tn;
    }
    return c;
}

double accuracy(const BinaryConfusion& c) { return ratio(c.tp + c.tn, c.total()); }
double precision(const BinaryConfusion& c) { return ratio(c.tp, c.tp + c.fp); }
double recall(const BinaryConfusion& c) { return ratio(c.tp, c.tp + c.fn); }
double f1(const BinaryConfusion& c) { return ratio(2.0 * c.tp, 2.0 * c.tp + c.fp + c.fn); }
double falsePositiveRate(const BinaryConfusion& c) { return ratio(c.fp, c.fp + c.tn); }

std::vector<CurvePoint> rocCurve(const std::vector<double>& scores, const std::vector<int>& labels) {
    checkSizes(scores.size(), labels.size());
    const long positives = std::count(labels.begin(), labels.end(), 1);
    const long negatives = static_cast<long>(labels.size()) - positives;
    if (positives == 0 || negatives == 0) return {};
    const std::vector<std::size_t> order = byScore(scores);
    std::vector<CurvePoint> curve{{0, 0, std::numeric_limits<double>::infinity()}};
    long tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size();) {
        const double score = scores[order[i]];
        for (; i < order.size() && scores[order[i]] == score; ++i) (labels[order[i]] == 1 ? tp : fp)++;
        curve.push_back({static_cast<double>(fp) / negatives, static_cast<double>(tp) / positives, score});
    }
    return curve;
}

double areaUnder(const std::vector<CurvePoint>& curve) {
    if (curve.size() < 2) return kNaN;
    double area = 0;
    for (std::size_t i = 1; i < curve.size(); ++i)
        area += (curve[i].x - curve[i - 1].x) * (curve[i].y + curve[i - 1].y) / 2;
    return area;
}

std::vector<CurvePoint> prCurve(const std::vector<double>& scores, const std::vector<int>& labels) {
    checkSizes(scores.size(), labels.size());
    const long positives = std::count(labels.begin(), labels.end(), 1);
    if (positives == 0) return {};
    const std::vector<std::size_t> order = byScore(scores);
    std::vector<CurvePoint> curve;
    long tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size();) {
        const double score = scores[order[i]];
        for (; i < order.size() && scores[order[i]] == score; ++i) (labels[order[i]] == 1 ? tp : fp)++;
        curve.push_back({static_cast<double>(tp) / positives, static_cast<double>(tp) / (tp + fp), score});
    }
    return curve;
}

Eigen::MatrixXi confusionMatrix(const std::vector<int>& actual, const std::vector<int>& predicted,
                                int classes) {
    checkSizes(actual.size(), predicted.size());
    Eigen::MatrixXi m = Eigen::MatrixXi::Zero(classes, classes);
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
            throw std::invalid_argument("confusionMatrix: a class index out of range");
        ++m(actual[i], predicted[i]);
    }
    return m;
}

ClassMetrics classMetrics(const Eigen::MatrixXi& m, int cls) {
    const double tp = m(cls, cls);
    const double predicted = m.col(cls).sum(), actual = m.row(cls).sum();
    const double fp = predicted - tp, fn = actual - tp;
    return {ratio(tp, predicted), ratio(tp, actual), ratio(2 * tp, 2 * tp + fp + fn)};
}

double accuracy(const Eigen::MatrixXi& m) { return ratio(m.trace(), m.sum()); }

RegressionMetrics regressionMetrics(const std::vector<double>& y, const std::vector<double>& yHat) {
    checkSizes(y.size(), yHat.size());
    RegressionMetrics r;
    if (y.empty()) return {kNaN, kNaN, kNaN, kNaN};
    const double n = static_cast<double>(y.size());
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double ssRes = 0, ssTot = 0, absSum = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double e = y[i] - yHat[i];
        ssRes += e * e;
        absSum += std::abs(e);
        ssTot += (y[i] - mean) * (y[i] - mean);
    }
    r.mse = ssRes / n;
    r.rmse = std::sqrt(r.mse);
    r.mae = absSum / n;
    r.r2 = ssTot == 0 ? kNaN : 1.0 - ssRes / ssTot;
    return r;
}

}  // namespace ns
