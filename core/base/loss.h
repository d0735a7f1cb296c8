#pragma once
// Loss functions of the textbook (seed 001 §2.6, eqs. 22–26). A per-sample loss ℓᵢ is the mean
// over outputs for mse/mae/huber/bce and the sum over classes for ce; L is the batch mean of ℓᵢ.
#include "base/activation.h"
#include "base/tensor.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ns {

enum class Loss { Mse, Mae, Huber, Bce, Ce };

inline constexpr double kHuberDelta = 1.0;      // eq. 24 with δ = 1
inline constexpr double kProbabilityClip = 1e-15;  // the textbook's epsilon before log

// ℓᵢ for each row of a (prediction) against y (target); written into perSample (rows × 1).
void perSampleLoss(Loss loss, const ConstMatrixRef& a, const ConstMatrixRef& y,
                   Eigen::Ref<Vector> perSample);

// δ⁽ᴸ⁾ = ∂ℓᵢ/∂z⁽ᴸ⁾ for each row. Sigmoid+BCE and softmax+CE use the textbook's closed forms
// (δ = ŷ − y); every other pairing is ∂ℓ/∂a multiplied through σ'.
void outputDelta(Loss loss, Activation outputActivation, const ConstMatrixRef& z,
                 const ConstMatrixRef& a, const ConstMatrixRef& y, MatrixRef delta);

// Rows where the prediction matches the target: threshold 0.5 for one output (seed 001 §3.6),
// arg-max for several.
long countCorrect(const ConstMatrixRef& prediction, const ConstMatrixRef& target);
double accuracy(const ConstMatrixRef& prediction, const ConstMatrixRef& target);

std::string_view name(Loss loss);
std::optional<Loss> parseLoss(std::string_view text);
const std::vector<Loss>& allLosses();

}  // namespace ns
