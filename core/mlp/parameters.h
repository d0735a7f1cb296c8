#pragma once
// A network's parameters as one vector θ, the form seed 001 §5.1 writes every optimizer in
// (θ_{t+1} = θ_t − η ∇θ L). Order: for each layer l = 1 … L, W⁽ˡ⁾ column by column, then b⁽ˡ⁾.
#include "mlp/mlp.h"
#include "mlp/trace.h"

namespace ns {

Vector flattenParameters(const Mlp& network);
// Writes θ back into the network's W and b; throws std::invalid_argument on a size mismatch.
void unflattenParameters(const Vector& theta, Mlp& network);
// ∇θ L from a trace's ∂L/∂W and ∂L/∂b, in the same order.
Vector flattenGradients(const Trace& trace);
// True for the entries of θ that are weights (W), false for biases: regularization (λΣw²,
// λΣ|w|) covers weights only.
std::vector<bool> weightMask(const Mlp& network);

}  // namespace ns
