#include "base/activation.h"

#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace ns {

namespace {

constexpr std::array<std::pair<Activation, std::string_view>, 8> kNames{{
    {Activation::Identity, "identity"},
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::LeakyRelu, "leaky_relu"},
    {Activation::Elu, "elu"},
    {Activation::Gelu, "gelu"},
    {Activation::Softmax, "softmax"},
}};

double standardNormalCdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }
double standardNormalPdf(double z) {
    return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
}

}  // namespace

double sigmoid(double z) {
    // Two branches so exp never overflows: the textbook clips z to ±500 for the same reason.
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
}

void activate(Activation f, const ConstMatrixRef& z, MatrixRef a) {
    switch (f) {
        case Activation::Identity: a = z; return;
        case Activation::Relu:
            for (Eigen::Index c = 0; c < z.cols(); ++c) {
                const double* zc = z.col(c).data();
                double* ac = a.col(c).data();
                for (Eigen::Index r = 0; r < z.rows(); ++r) ac[r] = zc[r] > 0 ? zc[r] : 0.0;
            }
            return;
        case Activation::Tanh: a = z.array().tanh(); return;
        case Activation::Sigmoid:
            // exp(−z) may overflow to +inf for z ≪ 0, and 1/(1+inf) is exactly 0: never NaN.
            a = (1.0 + (-z.array()).exp()).inverse().matrix();
            return;
        case Activation::LeakyRelu:
            a = z.unaryExpr([](double v) { return v > 0 ? v : kLeakyReluAlpha * v; });
            return;
        case Activation::Elu:
            a = z.unaryExpr([](double v) { return v > 0 ? v : kEluAlpha * std::expm1(v); });
            return;
        case Activation::Gelu:
            a = z.unaryExpr([](double v) { return v * standardNormalCdf(v); });
            return;
        case Activation::Softmax:
            for (Eigen::Index r = 0; r < z.rows(); ++r) {
                // Subtracting the row maximum keeps exp ≤ 1: no overflow for large logits.
                const double maxLogit = z.row(r).maxCoeff();
                a.row(r) = (z.row(r).array() - maxLogit).exp();
                a.row(r) /= a.row(r).sum();
            }
            return;
    }
}

double derivative(Activation f, double z, double a) {
    switch (f) {
        case Activation::Identity: return 1.0;
        case Activation::Sigmoid: return a * (1.0 - a);               // eq. 8
        case Activation::Tanh: return 1.0 - a * a;                     // eq. 10
        case Activation::Relu: return z > 0 ? 1.0 : 0.0;               // eq. 12: 0 at the kink
        case Activation::LeakyRelu: return z > 0 ? 1.0 : kLeakyReluAlpha;  // eq. 14
        case Activation::Elu: return z > 0 ? 1.0 : kEluAlpha * std::exp(z);
        case Activation::Gelu: return standardNormalCdf(z) + z * standardNormalPdf(z);
        case Activation::Softmax: break;
    }
    return 1.0;  // softmax is handled by multiplyByDerivative
}

void multiplyByDerivative(Activation f, const ConstMatrixRef& z, const ConstMatrixRef& a,
                          const ConstMatrixRef& g, MatrixRef delta) {
    switch (f) {
        case Activation::Identity: delta = g; return;
        case Activation::Relu:  // delta may alias g: element-wise, so in place is safe
            for (Eigen::Index c = 0; c < z.cols(); ++c) {
                const double* zc = z.col(c).data();
                const double* gc = g.col(c).data();
                double* dc = delta.col(c).data();
                for (Eigen::Index r = 0; r < z.rows(); ++r) dc[r] = zc[r] > 0 ? gc[r] : 0.0;
            }
            return;
        case Activation::Sigmoid:
            delta = g.array() * a.array() * (1.0 - a.array());
            return;
        case Activation::Tanh:
            delta = g.array() * (1.0 - a.array().square());
            return;
        case Activation::Softmax:
            for (Eigen::Index r = 0; r < a.rows(); ++r) {
                const double weighted = a.row(r).dot(g.row(r));
                delta.row(r) = a.row(r).array() * (g.row(r).array() - weighted);
            }
            return;
        case Activation::LeakyRelu:
        case Activation::Elu:
        case Activation::Gelu:
            for (Eigen::Index c = 0; c < z.cols(); ++c)
                for (Eigen::Index r = 0; r < z.rows(); ++r)
                    delta(r, c) = g(r, c) * derivative(f, z(r, c), a(r, c));
            return;
    }
}

std::string_view name(Activation f) {
    for (const auto& [value, text] : kNames)
        if (value == f) return text;
    return "?";
}

std::optional<Activation> parseActivation(std::string_view text) {
    for (const auto& [value, known] : kNames)
        if (known == text) return value;
    return std::nullopt;
}

const std::vector<Activation>& allActivations() {
    static const std::vector<Activation> all = [] {
        std::vector<Activation> v;
        for (const auto& entry : kNames) v.push_back(entry.first);
        return v;
    }();
    return all;
}

}  // namespace ns
