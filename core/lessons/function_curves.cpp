#include "lessons/function_curves.h"

#include "base/activation_curves.h"
#include "lab/lab_loss.h"

#include <algorithm>
#include <stdexcept>

namespace ns::lessons {

namespace {

LossChoice choiceOf(const std::string& loss) {
    const auto kind = parseLabLoss(loss);
    if (!kind || *kind == LabLoss::Ce) throw std::invalid_argument("not a plottable loss: " + loss);
    LossChoice choice;
    choice.kind = *kind;
    choice.focalGamma = kFocalGamma;
    choice.focalAlpha = -1;  // α_t = 1
    return choice;
}

bool onProbabilities(const std::vector<std::string>& losses) {
    return std::any_of(losses.begin(), losses.end(),
                       [](const std::string& l) { return l == "bce" || l == "focal"; });
}

}  // namespace

PointValue evaluateActivation(Activation f, double z) {
    const ActivationCurve c = activationCurve(f, defaultAlpha(f), z, z + 1.0, 2);
    return {c.value[0], c.derivative[0]};
}

PointValue evaluateLoss(const std::string& loss, double prediction, double target) {
    const LossChoice choice = choiceOf(loss);
    PointValue p;
    p.value = lossCurve(choice, target, {prediction}).front();
    Matrix a = Matrix::Constant(1, 1, prediction), y = Matrix::Constant(1, 1, target), delta(1, 1);
    if (choice.kind == LabLoss::Focal) {
        // Focal loss is defined on a sigmoid output: δ = ∂ℓ/∂z, and ∂ℓ/∂ŷ = δ / σ'(z) with
        // σ'(z) = ŷ(1 − ŷ).
        const Matrix z = Matrix::Constant(1, 1, std::log(prediction / (1 - prediction)));
        labOutputDelta(choice, Activation::Sigmoid, z, a, y, delta);
        p.slope = delta(0, 0) / (prediction * (1 - prediction));
    } else {
        labOutputDelta(choice, Activation::Identity, a, a, y, delta);  // identity: δ = ∂ℓ/∂ŷ
        p.slope = delta(0, 0);
    }
    return p;
}

FunctionPlot functionPlot(const FunctionsScene& scene, int count) {
    FunctionPlot plot;
    if (!scene.losses.empty()) {
        plot.losses = true;
        plot.target = scene.target.value_or(onProbabilities(scene.losses) ? 1.0 : 0.0);
        if (onProbabilities(scene.losses)) {
            plot.xMin = 0.001;
            plot.xMax = 0.999;
        } else {
            plot.xMin = plot.target - 3;
            plot.xMax = plot.target + 3;
        }
        for (const std::string& loss : scene.losses) {
            Curve c;
            c.name = loss;
            for (int i = 0; i < count; ++i) {
                const double x = plot.xMin + (plot.xMax - plot.xMin) * i / (count - 1);
                const PointValue v = evaluateLoss(loss, x, plot.target);
                c.x.push_back(x);
                c.value.push_back(v.value);
                c.slope.push_back(v.slope);
            }
            plot.curves.push_back(std::move(c));
        }
        return plot;
    }
    for (Activation f : scene.activations) {
        const ActivationCurve a = activationCurve(f, defaultAlpha(f), plot.xMin, plot.xMax, count);
        plot.curves.push_back({std::string(name(f)), a.z, a.value, a.derivative});
    }
    return plot;
}

double clampProbe(const FunctionPlot& plot, double x) { return std::clamp(x, plot.xMin, plot.xMax); }

}  // namespace ns::lessons
