#pragma once
// A fully connected layer (seed 001 §2.2, eqs. 42–44 before σ): z = x Wᵀ + bᵀ for a batch
// [N, fan_in], W of shape [units, fan_in] as the MLP stores it; on a sequence [N, T, fan_in] the
// same W at every position (y_t = W_y h_t + b_y, eq. 53; a Transformer's projections). The
// activation is its own layer.
#include "engine/layer.h"

namespace ns::engine {

class Dense : public Layer {
public:
    Dense(Index fanIn, Index units);
    std::string kind() const override { return "dense"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Dense>(*this); }
    void initialize(std::uint64_t seed) override;

    Index fanIn() const { return fanIn_; }
    Index units() const { return units_; }
    Tensor& W() { return parameters_[0].value; }
    const Tensor& W() const { return parameters_[0].value; }
    Tensor& b() { return parameters_[1].value; }
    const Tensor& b() const { return parameters_[1].value; }

private:
    Index fanIn_, units_;
};

}  // namespace ns::engine
