#pragma once
// A second, deliberately plain implementation of the textbook's formulas (seed 001 §2.3
// eqs. 7–16, §2.6 eqs. 22–26, §3.2 forward pass), used by the core tests as the yardstick the
// core is held against. It shares no code with core/*.cpp: it reads the weights out of an
// ns::Mlp and uses the enums and Eigen types, nothing else.
#include "base/activation.h"
#include "base/loss.h"
#include "mlp/mlp.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace reference {

using ns::Activation;
using ns::Loss;
using ns::Matrix;
using ns::Vector;

// The textbook's constants, written out again rather than taken from the core's headers.
inline constexpr double kLeakyAlpha = 0.01;  // eq. 13
inline constexpr double kEluAlpha = 1.0;     // eq. 15
inline constexpr double kHuberDelta = 1.0;   // eq. 24, δ = 1
inline constexpr double kClip = 1e-15;       // §3.2 compute_loss: np.clip(y_pred, ε, 1 − ε)

inline double elementwise(Activation f, double z) {
    switch (f) {
        case Activation::Identity: return z;
        case Activation::Sigmoid:  // eq. 7, evaluated so that exp never sees a positive argument
            return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
        case Activation::Tanh: return std::tanh(z);
        case Activation::Relu: return z > 0 ? z : 0.0;                        // eq. 11
        case Activation::LeakyRelu: return z > 0 ? z : kLeakyAlpha * z;       // eq. 13
        case Activation::Elu: return z > 0 ? z : kEluAlpha * std::expm1(z);  // eq. 15
        case Activation::Gelu: return 0.5 * z * (1.0 + std::erf(z / std::numbers::sqrt2));
        case Activation::Softmax: break;
    }
    throw std::logic_error("softmax is not element-wise");
}

inline Matrix activate(Activation f, const Matrix& z) {
    Matrix a(z.rows(), z.cols());
    for (Eigen::Index r = 0; r < z.rows(); ++r) {
        if (f == Activation::Softmax) {  // eq. 16, shifted by the row maximum
            const double top = z.row(r).maxCoeff();
            double sum = 0;
            for (Eigen::Index c = 0; c < z.cols(); ++c) sum += std::exp(z(r, c) - top);
            for (Eigen::Index c = 0; c < z.cols(); ++c) a(r, c) = std::exp(z(r, c) - top) / sum;
        } else {
            for (Eigen::Index c = 0; c < z.cols(); ++c) a(r, c) = elementwise(f, z(r, c));
        }
    }
    return a;
}

inline double clip(double p) { return std::min(std::max(p, kClip), 1.0 - kClip); }

// ℓᵢ: the mean over the k outputs for mse, mae, huber and bce (eqs. 22–25 per sample), the sum
// over classes for ce (eq. 26).
inline Vector perSampleLoss(Loss loss, const Matrix& a, const Matrix& y) {
    Vector out(a.rows());
    const double k = static_cast<double>(a.cols());
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
        double sum = 0;
        for (Eigen::Index c = 0; c < a.cols(); ++c) {
            const double e = y(r, c) - a(r, c);
            switch (loss) {
                case Loss::Mse: sum += e * e; break;
                case Loss::Mae: sum += std::abs(e); break;
                case Loss::Huber:
                    sum += std::abs(e) <= kHuberDelta
                               ? 0.5 * e * e
                               : kHuberDelta * std::abs(e) - 0.5 * kHuberDelta * kHuberDelta;
                    break;
                case Loss::Bce: {
                    const double p = clip(a(r, c));
                    sum += -(y(r, c) * std::log(p) + (1.0 - y(r, c)) * std::log(1.0 - p));
                    break;
                }
                case Loss::Ce: sum += -y(r, c) * std::log(clip(a(r, c))); break;
            }
        }
        out(r) = loss == Loss::Ce ? sum : sum / k;
    }
    return out;
}

// z⁽ˡ⁾ and a⁽ˡ⁾ of every layer: z = a⁽ˡ⁻¹⁾ Wᵀ + bᵀ, a = σ(z), one sample per row.
struct Forward {
    std::vector<Matrix> z, a;
};

inline Forward forward(const ns::Mlp& net, const Matrix& X) {
    Forward out;
    Matrix prev = X;
    for (const ns::DenseLayer& layer : net.layers()) {
        Matrix z(prev.rows(), layer.units());
        for (Eigen::Index i = 0; i < prev.rows(); ++i)
            for (Eigen::Index j = 0; j < layer.units(); ++j) {
                double s = layer.b(j);
                for (Eigen::Index k = 0; k < layer.fanIn(); ++k) s += prev(i, k) * layer.W(j, k);
                z(i, j) = s;
            }
        prev = activate(layer.activation, z);
        out.z.push_back(z);
        out.a.push_back(prev);
    }
    return out;
}

// The network's output when layer `from`'s pre-activation is replaced by zFrom (one row per
// sample): the tail of the forward pass, used to differentiate ℓᵢ with respect to z⁽ˡ⁾.
inline Matrix outputFrom(const ns::Mlp& net, std::size_t from, const Matrix& zFrom) {
    Matrix prev = activate(net.layer(from).activation, zFrom);
    for (std::size_t l = from + 1; l < net.layers().size(); ++l) {
        const ns::DenseLayer& layer = net.layer(l);
        Matrix z = prev * layer.W.transpose();
        z.rowwise() += layer.b.transpose();
        prev = activate(layer.activation, z);
    }
    return prev;
}

inline double batchLoss(const ns::Mlp& net, Loss loss, const Matrix& X, const Matrix& Y) {
    return perSampleLoss(loss, forward(net, X).a.back(), Y).mean();
}

// |actual − expected| ≤ rel·max(|actual|, |expected|) + abs, or a message saying by how much not.
inline QString mismatch(double actual, double expected, double rel, double abs,
                        const QString& what) {
    const double allowed = rel * std::max(std::abs(actual), std::abs(expected)) + abs;
    if (std::isfinite(actual) && std::abs(actual - expected) <= allowed) return {};
    return QStringLiteral("%1: got %2, expected %3 (difference %4, allowed %5)")
        .arg(what)
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17)
        .arg(std::abs(actual - expected), 0, 'g', 3)
        .arg(allowed, 0, 'g', 3);
}

inline QString activationName(Activation f) { return QString::fromLatin1(ns::name(f).data(), static_cast<qsizetype>(ns::name(f).size())); }
inline QString lossName(Loss l) { return QString::fromLatin1(ns::name(l).data(), static_cast<qsizetype>(ns::name(l).size())); }

}  // namespace reference
