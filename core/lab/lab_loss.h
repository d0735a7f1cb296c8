#pragma once
// The training lab's losses: the core's five (seed 001 §2.6, eqs. 22–26, loss.h) and focal loss
// (eq. 27),
//   ℓ = −α_t (1 − p_t)^γ log p_t,
// where p_t is the predicted probability of the true class: p for y = 1 and 1 − p for y = 0
// with one sigmoid output, Σ_c y_c ŷ_c with a softmax output. α_t is the balancing factor: α
// for the positive class and 1 − α for the negative one (one output), α for every class
// (softmax); a negative α means α_t = 1. At γ = 0 and α_t = 1, focal loss is cross-entropy.
#include "base/activation.h"
#include "base/loss.h"
#include "base/tensor.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ns {

enum class LabLoss { Mse, Mae, Huber, Bce, Ce, Focal };

struct LossChoice {
    LabLoss kind = LabLoss::Bce;
    double focalGamma = 2.0;   // γ ≥ 0, the focusing parameter
    double focalAlpha = -1.0;  // α ∈ [0, 1]; negative: α_t = 1 (no balancing)

    bool operator==(const LossChoice&) const = default;
};

// The core's loss of the same name, none for focal.
std::optional<Loss> coreLoss(LabLoss kind);

// ℓᵢ for each row (see loss.h for the five core losses).
void labPerSampleLoss(const LossChoice& loss, const ConstMatrixRef& a, const ConstMatrixRef& y,
                      Eigen::Ref<Vector> perSample);
// δ⁽ᴸ⁾ = ∂ℓᵢ/∂z⁽ᴸ⁾ per row. Focal loss needs a sigmoid (one output) or softmax output; any
// other throws std::invalid_argument. For focal loss with a sigmoid output,
//   δ = α_t s [γ p_t (1 − p_t)^γ log p_t − (1 − p_t)^{γ+1}],  s = +1 for y = 1, −1 for y = 0;
// with softmax, δ_j = α_t [γ p_t (1 − p_t)^{γ−1} log p_t − (1 − p_t)^γ] (y_j − ŷ_j).
void labOutputDelta(const LossChoice& loss, Activation output, const ConstMatrixRef& z,
                    const ConstMatrixRef& a, const ConstMatrixRef& y, MatrixRef delta);

// ℓ(ŷ) of one output for a fixed target y, at each prediction in `predictions` (the curves of
// seed 001 §2.6's figures); uses the same functions as training.
std::vector<double> lossCurve(const LossChoice& loss, double target,
                              const std::vector<double>& predictions);

// The loss explorer's curves: MSE, MAE and Huber against ŷ ∈ [y − 3, y + 3] for a regression
// target y; binary cross-entropy, focal loss at γ and MSE against ŷ ∈ (0, 1) for a class target.
struct LossCurves {
    double regressionTarget = 0;
    std::vector<double> residualAxis;
    std::vector<std::vector<double>> regression;  // MSE, MAE, Huber
    int classTarget = 1;
    double gamma = 2;
    std::vector<double> probabilityAxis;
    std::vector<double> bce, focal, mseOnProbability;
};
LossCurves lossCurves(int classTarget, double regressionTarget, double gamma);

std::string_view name(LabLoss kind);  // "mse", "mae", "huber", "bce", "ce", "focal"
std::optional<LabLoss> parseLabLoss(std::string_view text);
const std::vector<LabLoss>& allLabLosses();

}  // namespace ns
