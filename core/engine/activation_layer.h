#pragma once
// An activation as its own layer (seed 001 §2.3): a = σ(z) element-wise with the core's own
// functions (base/activation.h), so the engine and the MLP share one implementation. Softmax
// acts on the last axis.
#include "base/activation.h"
#include "engine/layer.h"

namespace ns::engine {

class ActivationLayer : public Layer {
public:
    explicit ActivationLayer(Activation f) : f_(f) {}
    std::string kind() const override { return std::string(name(f_)); }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override { return inputs.at(0); }
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<ActivationLayer>(*this); }
    Activation function() const { return f_; }

private:
    Activation f_;
};

}  // namespace ns::engine
