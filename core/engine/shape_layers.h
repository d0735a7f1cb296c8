#pragma once
// Layers that move numbers without arithmetic on them: Flatten ([C, H, W] → [C·H·W], the step
// between the convolutional and dense parts of a CNN, seed 003 §5) and Add (the residual
// y = F(x) + x of seed 000 §2.4; a projection on the skip path is its own layer node).
#include "engine/layer.h"

namespace ns::engine {

class Flatten : public Layer {
public:
    std::string kind() const override { return "flatten"; }
    std::string describe() const override { return "Flatten"; }
    Shape outputShape(const std::vector<Shape>& inputs) const override { return {elementCount(inputs.at(0))}; }
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Flatten>(*this); }
};

class Add : public Layer {
public:
    std::string kind() const override { return "add"; }
    std::string describe() const override { return "Add (F(x) + x)"; }
    int arity() const override { return 2; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Add>(*this); }
};

}  // namespace ns::engine
