#include "engine/shape_layers.h"

#include <stdexcept>

namespace ns::engine {

void Flatten::forward(const Inputs& inputs, LayerTrace& trace, const RunContext&) {
    const Tensor& x = *inputs[0];
    trace.output.resize({x.dim(0), x.sampleSize()});
    trace.output.flat() = x.flat();
}

void Flatten::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                       const RunContext&) {
    trace.gradInputs.resize(1);
    if (wantInput.empty() || !wantInput[0]) return;
    trace.gradInputs[0].resize(inputs[0]->shape());
    trace.gradInputs[0].flat() = trace.gradOutput.flat();
}

Shape Add::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.size() != 2 || inputs[0] != inputs[1])
        throw std::invalid_argument("Add: F(x) and the skip path must have the same shape, found " +
                                    toString(inputs.at(0)) + " and " + toString(inputs.at(1)) +
                                    " (use a projection on the skip path)");
    return inputs[0];
}

void Add::forward(const Inputs& inputs, LayerTrace& trace, const RunContext&) {
    trace.output.resize(inputs[0]->shape());
    trace.output.flat() = inputs[0]->flat() + inputs[1]->flat();
}

void Add::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                   const RunContext&) {
    trace.gradInputs.resize(2);
    for (std::size_t i = 0; i < 2; ++i)
        if (wantInput.at(i)) {
            trace.gradInputs[i].resize(inputs[i]->shape());
            trace.gradInputs[i].flat() = trace.gradOutput.flat();
        }
}

}  // namespace ns::engine
