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

// BatchNorm on the lab's hidden layers (seed 001 §5.2, eqs. 70–73), between W a + b and σ:
// one switch per hidden layer. Training normalises with the batch's μ_B and σ²_B and moves the
// running averages (momentum 0.1); the test-time network folds the running averages into W and
// b (foldBatchNorm), so the grid, the metrics and the views evaluate an ordinary Mlp.
struct LabBatchNorm {
    std::vector<bool> enabled;           // per hidden layer l = 0 … L−2
    std::vector<Vector> gamma, beta;     // learnt scale and shift (1 and 0 at the start)
    std::vector<Vector> runningMean, runningVar;
    static constexpr double kEpsilon = 1e-5;
    static constexpr double kMomentum = 0.1;

    bool any() const;
    // Fresh statistics for `network`'s hidden layers, switched on where `enabled` says.
    static LabBatchNorm fresh(const Mlp& network, std::vector<bool> enabled);
    std::size_t parameterCount() const;  // γ and β of the enabled layers
    bool operator==(const LabBatchNorm&) const = default;
};

// ∂L/∂γ and ∂L/∂β of the enabled layers (empty for layers switched off).
struct LabBatchNormGradients {
    std::vector<Vector> gamma, beta;
};

// Fills trace: z (after BatchNorm where it is on, the input of σ), a (= σ(z), before dropout),
// δ, ∂L/∂W, ∂L/∂b (batch means), the batch's μ_B and σ²_B of normalised layers, ℓᵢ, L and
// accuracy. With batchNorm given, its running averages are updated (a training pass).
void labForwardBackward(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                        const LossChoice& loss, DropoutPass& dropout, Trace& trace,
                        LabBatchNorm* batchNorm = nullptr, LabBatchNormGradients* batchNormGradients = nullptr);

// The test-time network: each normalised layer's W and b with the running averages folded in,
// W′ = diag(s) W, b′ = s ⊙ (b − μ) + β with s = γ / √(σ² + ε).
Mlp foldBatchNorm(const Mlp& network, const LabBatchNorm& batchNorm);

struct Evaluation {
    double loss = 0;      // L, the batch mean of ℓᵢ (no dropout: the test-time network)
    double accuracy = 0;  // threshold 0.5 (one output) or arg-max, as loss.h counts it
};
// Forward only, every unit present; trace is working memory (its output() is the prediction).
Evaluation evaluate(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                    const LossChoice& loss, Trace& trace);

}  // namespace ns
