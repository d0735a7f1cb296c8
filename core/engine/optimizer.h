#pragma once
// Updates for an engine Network from the gradients of its last backward pass (NetworkTrace):
// plain gradient descent lives on Network (sgdStep); Adam (seed 001 eqs. 65–69) and gradient
// clipping by global norm live here, shared by the recurrent, attention and RL trainers.
#include "engine/network.h"

#include <vector>

namespace ns::engine {

// ‖g‖₂ over every parameter gradient of the trace (all nodes together).
double gradientNorm(const NetworkTrace& trace);

// When ‖g‖₂ > maxNorm, scales every gradient by maxNorm / ‖g‖₂ (the direction is kept).
// Returns the norm before clipping; maxNorm ≤ 0 clips nothing.
double clipGradientNorm(NetworkTrace& trace, double maxNorm);

struct AdamSettings {
    double eta = 1e-3;
    double beta1 = 0.9;     // eq. 65
    double beta2 = 0.999;   // eq. 66
    double epsilon = 1e-8;  // eq. 69
};

// m_t = β₁ m + (1−β₁) g, v_t = β₂ v + (1−β₂) g², θ ← θ − η m̂_t / (√v̂_t + ε) with the bias
// corrections m̂ = m / (1−β₁ᵗ), v̂ = v / (1−β₂ᵗ). Its moments follow the network's parameters in
// node order; a network of another shape resets them.
class Adam {
public:
    explicit Adam(AdamSettings settings = {}) : settings_(settings) {}
    void step(Network& network, const NetworkTrace& trace);
    void reset() { m_.clear(), v_.clear(), t_ = 0; }
    long steps() const { return t_; }
    AdamSettings& settings() { return settings_; }

private:
    AdamSettings settings_;
    std::vector<Tensor> m_, v_;
    long t_ = 0;
};

}  // namespace ns::engine
