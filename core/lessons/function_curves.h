#pragma once
// What the lessons' function plots draw: activations σ(z) with σ'(z) over z ∈ [−6, 6] (the
// core's activationCurve, textbook α for Leaky ReLU and ELU), and losses ℓ(ŷ, y) with ∂ℓ/∂ŷ
// against the prediction for a fixed target — over [y − 3, y + 3] for mse, mae and huber,
// over (0, 1) for bce and focal (γ = 2, α_t = 1) — from the lab core's lossCurve and
// labOutputDelta, the functions training uses.
#include "lessons/lesson.h"

#include <string>
#include <vector>

namespace ns::lessons {

struct Curve {
    std::string name;             // "sigmoid", "mse", …
    std::vector<double> x;
    std::vector<double> value;
    std::vector<double> slope;    // σ'(z), or ∂ℓ/∂ŷ
};

struct FunctionPlot {
    bool losses = false;          // x is the prediction ŷ, not z
    double target = 0;            // losses: the target y
    double xMin = -6, xMax = 6;
    std::vector<Curve> curves;
};

inline constexpr double kFocalGamma = 2.0;

// The curves for a scene's `functions` (count samples each).
FunctionPlot functionPlot(const FunctionsScene& scene, int count = 481);

// One curve's value and slope at exactly x (the probe's readout).
struct PointValue {
    double value = 0;
    double slope = 0;
};
PointValue evaluateActivation(Activation f, double z);
PointValue evaluateLoss(const std::string& loss, double prediction, double target);

// The x range a probe may move in for this plot (inside the open interval for probabilities).
double clampProbe(const FunctionPlot& plot, double x);

}  // namespace ns::lessons
