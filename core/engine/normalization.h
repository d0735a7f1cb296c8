#pragma once
// Batch normalisation (seed 001 §5.2, eqs. 70–73) and dropout (§5.3, eq. 74).
//
// BatchNorm over features ([N, F]: statistics per feature over the batch) or over channels
// ([N, C, H, W]: per channel over N, H and W). Training uses the batch's μ_B and σ²_B (biased,
// eq. 71) and updates the running averages r ← (1 − m) r + m·stat with m = 0.1; evaluation uses
// the running averages. The trace keeps "mu", "var", "xhat" and the running averages used.
#include "engine/layer.h"

namespace ns::engine {

class BatchNorm : public Layer {
public:
    explicit BatchNorm(Index features, double epsilon = 1e-5, double momentum = 0.1);
    std::string kind() const override { return "batch_norm"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<BatchNorm>(*this); }
    void initialize(std::uint64_t seed) override;

    Index features() const { return features_; }
    double epsilon() const { return epsilon_; }
    Tensor& gamma() { return parameters_[0].value; }
    Tensor& beta() { return parameters_[1].value; }
    const Tensor& runningMean() const { return runningMean_; }
    const Tensor& runningVar() const { return runningVar_; }
    void setRunningStatistics(const Tensor& mean, const Tensor& var);

private:
    Index features_;
    double epsilon_, momentum_;
    Tensor runningMean_, runningVar_;
};

// Inverted dropout: in training each value is kept with probability 1 − p and scaled by
// 1/(1 − p), so evaluation (every unit present) needs no rescaling. The mask of a sample depends
// only on (seed, node, sample index): any thread count draws the same masks.
class Dropout : public Layer {
public:
    explicit Dropout(double p);
    std::string kind() const override { return "dropout"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override { return inputs.at(0); }
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Dropout>(*this); }
    double p() const { return p_; }
    // Training with a mask drawn elsewhere (the training lab draws its masks from its own
    // seeded stream): output = x ⊙ mask; backward() then uses the same mask.
    void forwardWithMask(const Tensor& x, const Tensor& mask, LayerTrace& trace) const;

private:
    double p_;
};

}  // namespace ns::engine
