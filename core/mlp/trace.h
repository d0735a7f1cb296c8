#pragma once
// Everything one forward and backward pass computed, named as the textbook names it
// (seed 001 §2.4–2.5, Algorithms 2–3, and the code of §3.2). Views draw this; they never
// recompute it.
#include "base/tensor.h"

#include <vector>

namespace ns {

struct LayerTrace {
    Matrix z;      // z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ, batch × units (eqs. 42–44 before σ)
    Matrix a;      // a⁽ˡ⁾ = σ(z⁽ˡ⁾), batch × units
    Matrix delta;  // δ⁽ˡ⁾ = ∂ℓᵢ/∂z⁽ˡ⁾ per sample, batch × units: (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾) ⊙ σ'(z⁽ˡ⁾)
    Matrix dW;     // ∂L/∂W⁽ˡ⁾ = (1/m) δ⁽ˡ⁾ᵀ a⁽ˡ⁻¹⁾, units × fan-in (batch mean)
    Vector db;     // ∂L/∂b⁽ˡ⁾ = (1/m) Σᵢ δ⁽ˡ⁾ᵢ
    Vector batchMean;      // μ_B of W a + b per unit, when the lab's BatchNorm is on here (eq. 70)
    Vector batchVariance;  // σ²_B (eq. 71); both empty otherwise
};

// Per-chunk partial sums reused from one batch to the next, so training allocates nothing.
struct ChunkGradients {
    std::vector<Matrix> dW;     // Σ over the chunk's rows of δᵀ a⁽ˡ⁻¹⁾, not yet divided by m
    std::vector<RowVector> db;  // Σ over the chunk's rows of δ
    double lossSum = 0;
    long correct = 0;           // samples whose prediction matches the target
};

struct Trace {
    Matrix input;                 // a⁽⁰⁾ = X, batch × inputs
    Matrix target;                // y, batch × outputs (empty after a forward-only pass)
    std::vector<LayerTrace> layers;  // one per weight layer, l = 1 … L
    Vector perSampleLoss;         // ℓᵢ
    double loss = 0;              // L = mean ℓᵢ
    double accuracy = 0;          // fraction classified right (seed 001 §3.6: threshold 0.5)
    bool hasGradients = false;    // δ, dW, db are valid
    std::vector<ChunkGradients> scratch;  // working memory of the backward pass, not a result

    const Matrix& output() const { return layers.back().a; }
};

}  // namespace ns
