#include "base/activation_curves.h"

#include <cmath>
#include <stdexcept>

namespace ns {

double defaultAlpha(Activation f) {
    if (f == Activation::LeakyRelu) return kLeakyReluAlpha;
    if (f == Activation::Elu) return kEluAlpha;
    return 0;
}

bool takesAlpha(Activation f) { return f == Activation::LeakyRelu || f == Activation::Elu; }

ActivationCurve activationCurve(Activation f, double alpha, double zMin, double zMax, int count) {
    if (f == Activation::Softmax) throw std::invalid_argument("softmax is not an element-wise activation");
    if (count < 2 || !(zMax > zMin)) throw std::invalid_argument("activationCurve: an empty range");
    ActivationCurve curve;
    curve.z.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        curve.z[static_cast<std::size_t>(i)] = zMin + (zMax - zMin) * i / (count - 1);
    Matrix z = Eigen::Map<const Matrix>(curve.z.data(), count, 1);
    Matrix a(count, 1);
    activate(f, z, a);
    curve.value.resize(curve.z.size());
    curve.derivative.resize(curve.z.size());
    for (std::size_t i = 0; i < curve.z.size(); ++i) {
        const double zi = curve.z[i];
        double value = a(static_cast<Eigen::Index>(i), 0);
        double slope = derivative(f, zi, value);
        if (f == Activation::LeakyRelu) {  // eqs. 13–14 with the chosen α
            value = zi > 0 ? zi : alpha * zi;
            slope = zi > 0 ? 1.0 : alpha;
        } else if (f == Activation::Elu) {  // eq. 15 and its derivative α eᶻ for z ≤ 0
            value = zi > 0 ? zi : alpha * std::expm1(zi);
            slope = zi > 0 ? 1.0 : alpha * std::exp(zi);
        }
        curve.value[i] = value;
        curve.derivative[i] = slope;
        if (i == 0 || slope > curve.maxDerivative) {
            curve.maxDerivative = slope;
            curve.argMaxDerivative = zi;
        }
    }
    return curve;
}

double gradientBound(double maxDerivative, int layers) { return std::pow(maxDerivative, layers); }

}  // namespace ns
