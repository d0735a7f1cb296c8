#pragma once
// One forward and backward pass of an Mlp with the lab's extras: inverted dropout on the hidden
// layers (seed 001 §5.3) and the lab's losses (lab_loss.h, focal loss included). The layers are
// composed exactly as in Algorithms 2–3 from the core's own activation and loss functions; with
// no dropout and a core loss the result equals Mlp::forwardBackward (tests/lab holds them
// together).
#include "lab/lab_loss.h"
#include "mlp/mlp.h"
#include "mlp/trace.h"

#include <vector>

namespace ns {

struct DropoutPass {
    // masks[l] for hidden layer l (0 … L−2): batch × units of 0 or 1/(1 − p). Empty: no dropout.
    std::vector<Matrix> masks;
    // h̃⁽ˡ⁾ = a⁽ˡ⁾ ⊙ mask⁽ˡ⁾, what layer l+1 reads when masks[l] is set.
    std::vector<Matrix> dropped;
};

// Fills trace: z, a (= σ(z), before dropout), δ, ∂L/∂W, ∂L/∂b (batch means), ℓᵢ, L and accuracy.
void labForwardBackward(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                        const LossChoice& loss, DropoutPass& dropout, Trace& trace);

struct Evaluation {
    double loss = 0;      // L, the batch mean of ℓᵢ (no dropout: the test-time network)
    double accuracy = 0;  // threshold 0.5 (one output) or arg-max, as loss.h counts it
};
// Forward only, every unit present; trace is working memory (its output() is the prediction).
Evaluation evaluate(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                    const LossChoice& loss, Trace& trace);

}  // namespace ns
