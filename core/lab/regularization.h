#pragma once
// L1 / L2 regularization of seed 002 ("正则化技术") and seed 004 §2: a penalty on the weights W
// (not the biases) added to the data loss,
//   L2: L = L_original + λ Σ w²     ∂/∂w = 2λw
//   L1: L = L_original + λ Σ |w|    ∂/∂w = λ sign(w)   (0 at w = 0)
#include "mlp/mlp.h"
#include "mlp/trace.h"

#include <optional>
#include <string_view>

namespace ns {

enum class Penalty { None, L1, L2 };

struct Regularization {
    Penalty kind = Penalty::None;
    double lambda = 0.001;  // λ

    bool operator==(const Regularization&) const = default;
};

// λ Σ w² or λ Σ |w| over every weight of the network; 0 for None.
double penalty(const Regularization& regularization, const Mlp& network);
// Adds the penalty's gradient to the trace's ∂L/∂W (the biases' gradients are unchanged).
void addPenaltyGradient(const Regularization& regularization, const Mlp& network, Trace& trace);

std::string_view name(Penalty kind);  // "none", "l1", "l2"
std::optional<Penalty> parsePenalty(std::string_view text);

}  // namespace ns
