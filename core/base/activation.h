#pragma once
// Activation functions of the textbook (seed 001 §2.3, eqs. 7–16).
#include "base/tensor.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ns {

enum class Activation { Identity, Sigmoid, Tanh, Relu, LeakyRelu, Elu, Gelu, Softmax };

inline constexpr double kLeakyReluAlpha = 0.01;  // eq. 13
inline constexpr double kEluAlpha = 1.0;         // eq. 15

// a = σ(z) for a batch × units block. Softmax works row-wise (one sample per row).
void activate(Activation f, const ConstMatrixRef& z, MatrixRef a);

// σ'(z) element-wise; a = σ(z) is passed because several derivatives are cheapest from it.
// Softmax has no element-wise derivative: see softmaxBackward.
double derivative(Activation f, double z, double a);

// delta = g ⊙ σ'(z) for a block, the step that turns ∂ℓ/∂a into ∂ℓ/∂z (eq. of Algorithm 3).
// For softmax this is the Jacobian product δ_j = a_j (g_j − Σ_k a_k g_k), row by row.
// delta may be the same storage as g (the backward pass updates in place).
void multiplyByDerivative(Activation f, const ConstMatrixRef& z, const ConstMatrixRef& a,
                          const ConstMatrixRef& g, MatrixRef delta);

double sigmoid(double z);  // never NaN or inf, for any finite or infinite z

std::string_view name(Activation f);  // "relu", "leaky_relu", …
std::optional<Activation> parseActivation(std::string_view text);
const std::vector<Activation>& allActivations();

}  // namespace ns
