#pragma once
// The optimizers of seed 001 §5.1 (eqs. 60–69) and seed 002, each written as its textbook
// writes it, acting on the flattened parameters θ (parameters.h).
//
//   batch GD   θ ← θ − η ∇θL, the gradient over the whole training set        (eq. 60)
//   SGD        the same update from one sample                                (eq. 61)
//   mini-batch the same update from the mean gradient of B samples            (eq. 62)
//   Momentum   v_t = β v_{t−1} + (1−β) ∇θL,  θ ← θ − η v_t                    (eqs. 63–64)
//              or seed 002's form: v = β v − η ∇L(w),  w ← w + v
//   Adam       m_t = β₁ m_{t−1} + (1−β₁) g,  v_t = β₂ v_{t−1} + (1−β₂) g²      (eqs. 65–66)
//              m̂_t = m_t / (1−β₁ᵗ),  v̂_t = v_t / (1−β₂ᵗ)                      (eqs. 67–68)
//              θ ← θ − η m̂_t / (√v̂_t + ε)                                     (eq. 69)
//
// Momentum and Adam take their gradients from mini-batches of the configured size (the whole
// set when the size is at least the number of samples).
#include "base/tensor.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

enum class OptimizerKind { BatchGd, Sgd, MiniBatch, Momentum, Adam };
enum class MomentumForm {
    Average,   // seed 001 eqs. 63–64: v is an average of gradients, θ ← θ − η v
    Velocity,  // seed 002: v = βv − η∇L, w ← w + v
};

struct OptimizerConfig {
    OptimizerKind kind = OptimizerKind::BatchGd;
    int batchSize = 32;  // B of mini-batch, Momentum and Adam
    double beta = 0.9;   // Momentum β
    MomentumForm momentumForm = MomentumForm::Average;
    double beta1 = 0.9;     // Adam β₁ (eq. 65)
    double beta2 = 0.999;   // Adam β₂ (eq. 66)
    double epsilon = 1e-8;  // Adam ε (eq. 69)

    bool operator==(const OptimizerConfig&) const = default;
};

// Samples per update for `samples` training samples: all for batch GD, 1 for SGD, otherwise
// min(B, samples); never less than 1.
Eigen::Index samplesPerUpdate(const OptimizerConfig& config, Eigen::Index samples);

// Empty when the settings are usable; otherwise what is wrong (β ∉ [0, 1), ε ≤ 0, B < 1).
std::string checkOptimizer(const OptimizerConfig& config);

// What an optimizer carries from one update to the next.
struct OptimizerState {
    Vector m;    // Momentum: v; Adam: m (first moment)
    Vector v;    // Adam: v (second moment)
    long t = 0;  // updates taken (Adam's bias correction uses it)

    bool operator==(const OptimizerState& other) const {
        return t == other.t && m.size() == other.m.size() && v.size() == other.v.size() &&
               m == other.m && v == other.v;
    }
};

class Optimizer {
public:
    explicit Optimizer(OptimizerConfig config = {}) : config_(config) {}

    // One update of θ from the gradient g at learning rate η.
    void step(Vector& theta, const Vector& gradient, double eta);
    void reset() { state_ = {}; }

    const OptimizerConfig& config() const { return config_; }
    // Changing the method keeps the state when it stays meaningful (same kind), else clears it.
    void setConfig(const OptimizerConfig& config);
    const OptimizerState& state() const { return state_; }
    void setState(OptimizerState state) { state_ = std::move(state); }

private:
    OptimizerConfig config_;
    OptimizerState state_;
};

std::string_view name(OptimizerKind kind);  // "batch_gd", "sgd", "mini_batch", "momentum", "adam"
std::optional<OptimizerKind> parseOptimizer(std::string_view text);
const std::vector<OptimizerKind>& allOptimizers();

}  // namespace ns
