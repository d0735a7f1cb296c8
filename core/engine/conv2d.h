#pragma once
// 2-D convolution (seed 000 §2.1, seed 001 §4.2–4.3 eqs. 47–51): for every output channel c′ and
// position (i, j),
//   z[c′, i, j] = b[c′] + Σ_c Σ_u Σ_v K[c′, c, u, v] · x[c, i·s − p + u·d, j·s − p + v·d],
// with zero padding p, stride s and dilation d, and the output size
//   O = ⌊(I + 2p − d(k − 1) − 1) / s⌋ + 1.
// Parameters: k_h·k_w·C·C′ weights + C′ biases. Computed as im2col + GEMM per sample.
#include "engine/layer.h"

#include <optional>

namespace ns::engine {

struct ConvGeometry {
    Index inChannels = 1, height = 1, width = 1;
    Index outChannels = 1, kernelH = 3, kernelW = 3;
    Index stride = 1, padding = 0, dilation = 1;

    Index outHeight() const { return outputSize(height, kernelH, stride, padding, dilation); }
    Index outWidth() const { return outputSize(width, kernelW, stride, padding, dilation); }
    Index parameterCount() const { return kernelH * kernelW * inChannels * outChannels + outChannels; }
    // ⌊(I + 2p − d(k − 1) − 1)/s⌋ + 1; ≤ 0 when the window does not fit.
    static Index outputSize(Index input, Index kernel, Index stride, Index padding, Index dilation);
};

// Empty when the geometry is usable; otherwise what is wrong, with the formula and its numbers,
// e.g. "output height would be 0: ⌊(3 + 2·0 − 2·(5 − 1) − 1)/1⌋ + 1 = −5 …".
std::string checkConvGeometry(const ConvGeometry& g);

// One term of an output cell's sum, as the sliding-window view writes it out.
struct WindowTerm {
    Index channel, u, v;   // kernel cell K[c′, c, u, v]
    Index row, column;     // input cell it lands on (may be in the padding)
    bool padding;          // outside the input: x = 0
    double input, weight, product;
};
struct WindowSum {
    std::vector<WindowTerm> terms;  // in the order the sum runs: c, then u, then v
    double bias = 0;
    double value = 0;               // bias + Σ products, summed in that order
};
// The terms of z[outChannel, i, j] for one sample (input [C, H, W], kernel [C′, C, kh, kw]).
WindowSum convolutionWindow(const ConvGeometry& g, const double* input, const Tensor& kernel,
                            const Tensor& bias, Index outChannel, Index i, Index j);

class Conv2d : public Layer {
public:
    // Per-sample input [C, H, W]; parameters "kernel" [C′, C, kh, kw] and "b" [C′].
    Conv2d(Index inChannels, Index outChannels, Index kernelH, Index kernelW, Index stride = 1,
           Index padding = 0, Index dilation = 1);
    std::string kind() const override { return "conv2d"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Conv2d>(*this); }
    void initialize(std::uint64_t seed) override;

    // The geometry for an input of this height and width.
    ConvGeometry geometry(Index height, Index width) const;
    Tensor& kernel() { return parameters_[0].value; }
    const Tensor& kernel() const { return parameters_[0].value; }
    Tensor& bias() { return parameters_[1].value; }
    const Tensor& bias() const { return parameters_[1].value; }

private:
    Index inChannels_, outChannels_, kernelH_, kernelW_, stride_, padding_, dilation_;
};

}  // namespace ns::engine
