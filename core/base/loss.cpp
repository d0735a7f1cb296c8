#include "base/loss.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace ns {

namespace {

constexpr std::array<std::pair<Loss, std::string_view>, 5> kNames{{
    {Loss::Mse, "mse"}, {Loss::Mae, "mae"}, {Loss::Huber, "huber"}, {Loss::Bce, "bce"},
    {Loss::Ce, "ce"},
}};

double clipProbability(double p) {
    return std::clamp(p, kProbabilityClip, 1.0 - kProbabilityClip);
}

double sign(double v) { return (v > 0) - (v < 0); }

// ∂ℓ/∂a for one row-block, the generic half of the chain rule at the output.
void lossGradient(Loss loss, const ConstMatrixRef& a, const ConstMatrixRef& y, MatrixRef g) {
    const double k = static_cast<double>(a.cols());
    switch (loss) {
        case Loss::Mse: g = 2.0 * (a - y) / k; return;
        case Loss::Mae: g = (a - y).unaryExpr([](double r) { return sign(r); }) / k; return;
        case Loss::Huber:
            g = (a - y).unaryExpr([](double r) {
                return std::abs(r) <= kHuberDelta ? r : kHuberDelta * sign(r);
            }) / k;
            return;
        case Loss::Bce:
            for (Eigen::Index c = 0; c < a.cols(); ++c)
                for (Eigen::Index r = 0; r < a.rows(); ++r) {
                    const double p = clipProbability(a(r, c));
                    g(r, c) = (p - y(r, c)) / (p * (1.0 - p)) / k;
                }
            return;
        case Loss::Ce:
            for (Eigen::Index c = 0; c < a.cols(); ++c)
                for (Eigen::Index r = 0; r < a.rows(); ++r)
                    g(r, c) = -y(r, c) / clipProbability(a(r, c));
            return;
    }
}

}  // namespace

void perSampleLoss(Loss loss, const ConstMatrixRef& a, const ConstMatrixRef& y,
                   Eigen::Ref<Vector> perSample) {
    const double k = static_cast<double>(a.cols());
    if (loss == Loss::Bce && a.cols() == 1 && ((y.array() == 0.0) || (y.array() == 1.0)).all()) {
        // eq. 25 with 0/1 labels, the hot path of every binary classifier: one of the two terms
        // is exactly zero, so one logarithm per sample gives the identical value.
        const auto p = a.array().max(kProbabilityClip).min(1.0 - kProbabilityClip);
        // y·p + (1−y)·(1−p) is exactly p or 1−p for y ∈ {0, 1}, and stays vectorised.
        perSample = -(y.array() * p + (1.0 - y.array()) * (1.0 - p)).log().matrix();
        return;
    }
    if (loss == Loss::Bce) {  // eq. 25, vectorised
        const auto p = a.array().max(kProbabilityClip).min(1.0 - kProbabilityClip);
        perSample = -(y.array() * p.log() + (1.0 - y.array()) * (1.0 - p).log())
                         .matrix()
                         .rowwise()
                         .sum() /
                    k;
        return;
    }
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
        double sum = 0;
        for (Eigen::Index c = 0; c < a.cols(); ++c) {
            const double residual = a(r, c) - y(r, c);
            switch (loss) {
                case Loss::Mse: sum += residual * residual; break;                   // eq. 22
                case Loss::Mae: sum += std::abs(residual); break;                    // eq. 23
                case Loss::Huber: {                                                  // eq. 24
                    const double e = std::abs(residual);
                    sum += e <= kHuberDelta ? 0.5 * e * e
                                            : kHuberDelta * e - 0.5 * kHuberDelta * kHuberDelta;
                    break;
                }
                case Loss::Bce: {                                                    // eq. 25
                    const double p = clipProbability(a(r, c));
                    sum -= y(r, c) * std::log(p) + (1.0 - y(r, c)) * std::log(1.0 - p);
                    break;
                }
                case Loss::Ce: sum -= y(r, c) * std::log(clipProbability(a(r, c))); break;  // eq. 26
            }
        }
        perSample(r) = loss == Loss::Ce ? sum : sum / k;
    }
}

void outputDelta(Loss loss, Activation outputActivation, const ConstMatrixRef& z,
                 const ConstMatrixRef& a, const ConstMatrixRef& y, MatrixRef delta) {
    if (loss == Loss::Bce && outputActivation == Activation::Sigmoid) {
        delta = (a - y) / static_cast<double>(a.cols());  // textbook: dz3 = y_pred − y
        return;
    }
    if (loss == Loss::Ce && outputActivation == Activation::Softmax) {
        // a·Σy − y is exact for any target; with one-hot targets it is the familiar a − y.
        delta = (a.array().colwise() * y.rowwise().sum().array()).matrix() - y;
        return;
    }
    Matrix g(a.rows(), a.cols());
    lossGradient(loss, a, y, g);
    multiplyByDerivative(outputActivation, z, a, g, delta);
}

long countCorrect(const ConstMatrixRef& prediction, const ConstMatrixRef& target) {
    long correct = 0;
    if (prediction.cols() == 1) {  // branch-free so it vectorises
        const double* p = prediction.col(0).data();
        const double* y = target.col(0).data();
        for (Eigen::Index r = 0; r < prediction.rows(); ++r) correct += (p[r] > 0.5) == (y[r] > 0.5);
        return correct;
    }
    for (Eigen::Index r = 0; r < prediction.rows(); ++r) {
        Eigen::Index predicted = 0, actual = 0;
        prediction.row(r).maxCoeff(&predicted);
        target.row(r).maxCoeff(&actual);
        correct += predicted == actual;
    }
    return correct;
}

double accuracy(const ConstMatrixRef& prediction, const ConstMatrixRef& target) {
    if (prediction.rows() == 0) return 0;
    return static_cast<double>(countCorrect(prediction, target)) /
           static_cast<double>(prediction.rows());
}

std::string_view name(Loss loss) {
    for (const auto& [value, text] : kNames)
        if (value == loss) return text;
    return "?";
}

std::optional<Loss> parseLoss(std::string_view text) {
    for (const auto& [value, known] : kNames)
        if (known == text) return value;
    return std::nullopt;
}

const std::vector<Loss>& allLosses() {
    static const std::vector<Loss> all = [] {
        std::vector<Loss> v;
        for (const auto& entry : kNames) v.push_back(entry.first);
        return v;
    }();
    return all;
}

}  // namespace ns
