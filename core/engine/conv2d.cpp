#include "engine/conv2d.h"

#include "base/random.h"

#include <cmath>
#include <stdexcept>

namespace ns::engine {

namespace {

Index floorDiv(Index a, Index b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// cols[(c·kh + u)·kw + v, i·Wo + j] = x[c, i·s − p + u·d, j·s − p + v·d] (0 in the padding).
// Rows are rowStride apart: a chunk's samples sit side by side in one matrix, so one GEMM
// serves the whole chunk.
void im2col(const ConvGeometry& g, const double* x, double* cols, Index rowStride) {
    const Index Ho = g.outHeight(), Wo = g.outWidth(), P = rowStride;
    for (Index c = 0; c < g.inChannels; ++c)
        for (Index u = 0; u < g.kernelH; ++u)
            for (Index v = 0; v < g.kernelW; ++v) {
                double* row = cols + ((c * g.kernelH + u) * g.kernelW + v) * P;
                const double* channel = x + c * g.height * g.width;
                for (Index i = 0; i < Ho; ++i) {
                    const Index y = i * g.stride - g.padding + u * g.dilation;
                    double* out = row + i * Wo;
                    if (y < 0 || y >= g.height) {
                        for (Index j = 0; j < Wo; ++j) out[j] = 0;
                        continue;
                    }
                    const double* line = channel + y * g.width;
                    const Index x0 = v * g.dilation - g.padding;
                    for (Index j = 0; j < Wo; ++j) {
                        const Index xx = j * g.stride + x0;
                        out[j] = (xx >= 0 && xx < g.width) ? line[xx] : 0.0;
                    }
                }
            }
}

// The adjoint of im2col: dx[c, y, x] += dcols[…] for every window position that read it.
void col2im(const ConvGeometry& g, const double* dcols, double* dx, Index rowStride) {
    const Index Ho = g.outHeight(), Wo = g.outWidth(), P = rowStride;
    for (Index c = 0; c < g.inChannels; ++c)
        for (Index u = 0; u < g.kernelH; ++u)
            for (Index v = 0; v < g.kernelW; ++v) {
                const double* row = dcols + ((c * g.kernelH + u) * g.kernelW + v) * P;
                double* channel = dx + c * g.height * g.width;
                for (Index i = 0; i < Ho; ++i) {
                    const Index y = i * g.stride - g.padding + u * g.dilation;
                    if (y < 0 || y >= g.height) continue;
                    double* line = channel + y * g.width;
                    const double* in = row + i * Wo;
                    const Index x0 = v * g.dilation - g.padding;
                    for (Index j = 0; j < Wo; ++j) {
                        const Index xx = j * g.stride + x0;
                        if (xx >= 0 && xx < g.width) line[xx] += in[j];
                    }
                }
            }
}

}  // namespace

Index ConvGeometry::outputSize(Index input, Index kernel, Index stride, Index padding, Index dilation) {
    return floorDiv(input + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
}

std::string checkConvGeometry(const ConvGeometry& g) {
    auto positive = [](Index v, const char* name) -> std::string {
        return v >= 1 ? "" : std::string(name) + " must be at least 1, found " + std::to_string(v);
    };
    for (const std::string& e : {positive(g.inChannels, "input channels"), positive(g.height, "input height"),
                                 positive(g.width, "input width"), positive(g.outChannels, "output channels"),
                                 positive(g.kernelH, "kernel height"), positive(g.kernelW, "kernel width"),
                                 positive(g.stride, "stride"), positive(g.dilation, "dilation")})
        if (!e.empty()) return e;
    if (g.padding < 0) return "padding must be at least 0, found " + std::to_string(g.padding);
    auto check = [&](const char* axis, Index input, Index kernel) -> std::string {
        const Index out = ConvGeometry::outputSize(input, kernel, g.stride, g.padding, g.dilation);
        if (out >= 1) return "";
        return std::string("output ") + axis + " would be " + std::to_string(out) + ": O = ⌊(I + 2p − d(k − 1) − 1)/s⌋ + 1 = ⌊(" +
               std::to_string(input) + " + 2·" + std::to_string(g.padding) + " − " + std::to_string(g.dilation) + "·(" +
               std::to_string(kernel) + " − 1) − 1)/" + std::to_string(g.stride) + "⌋ + 1 = " + std::to_string(out) +
               "; the dilated kernel spans " + std::to_string(g.dilation * (kernel - 1) + 1) + " cells but the padded input has " +
               std::to_string(input + 2 * g.padding);
    };
    if (auto e = check("height", g.height, g.kernelH); !e.empty()) return e;
    return check("width", g.width, g.kernelW);
}

WindowSum convolutionWindow(const ConvGeometry& g, const double* input, const Tensor& kernel,
                            const Tensor& bias, Index outChannel, Index i, Index j) {
    WindowSum sum;
    sum.bias = bias[outChannel];
    double total = 0;
    for (Index c = 0; c < g.inChannels; ++c)
        for (Index u = 0; u < g.kernelH; ++u)
            for (Index v = 0; v < g.kernelW; ++v) {
                WindowTerm t{c, u, v, i * g.stride - g.padding + u * g.dilation,
                             j * g.stride - g.padding + v * g.dilation, false, 0, 0, 0};
                t.padding = t.row < 0 || t.row >= g.height || t.column < 0 || t.column >= g.width;
                t.input = t.padding ? 0.0 : input[(c * g.height + t.row) * g.width + t.column];
                t.weight = kernel[((outChannel * g.inChannels + c) * g.kernelH + u) * g.kernelW + v];
                t.product = t.input * t.weight;
                total += t.product;
                sum.terms.push_back(t);
            }
    sum.value = total + sum.bias;
    return sum;
}

Conv2d::Conv2d(Index inChannels, Index outChannels, Index kernelH, Index kernelW, Index stride, Index padding,
               Index dilation)
    : inChannels_(inChannels), outChannels_(outChannels), kernelH_(kernelH), kernelW_(kernelW), stride_(stride),
      padding_(padding), dilation_(dilation) {
    const std::string error = checkConvGeometry(geometry(kernelH_ * dilation_ + 2 * padding_ + 1, kernelW_ * dilation_ + 2 * padding_ + 1));
    if (!error.empty()) throw std::invalid_argument("Conv2d: " + error);
    parameters_.push_back({"kernel", Tensor({outChannels, inChannels, kernelH, kernelW})});
    parameters_.push_back({"b", Tensor({outChannels})});
}

std::string Conv2d::describe() const {
    std::string text = "Conv2d " + std::to_string(inChannels_) + "→" + std::to_string(outChannels_) + ", " +
                       std::to_string(kernelH_) + "×" + std::to_string(kernelW_);
    if (stride_ != 1) text += ", stride " + std::to_string(stride_);
    if (padding_ != 0) text += ", padding " + std::to_string(padding_);
    if (dilation_ != 1) text += ", dilation " + std::to_string(dilation_);
    return text;
}

ConvGeometry Conv2d::geometry(Index height, Index width) const {
    return {inChannels_, height, width, outChannels_, kernelH_, kernelW_, stride_, padding_, dilation_};
}

Shape Conv2d::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.size() != 3 || in[0] != inChannels_)
        throw std::invalid_argument(describe() + " expects an input of shape [" + std::to_string(inChannels_) +
                                    ", H, W], found " + toString(in));
    const ConvGeometry g = geometry(in[1], in[2]);
    const std::string error = checkConvGeometry(g);
    if (!error.empty()) throw std::invalid_argument(describe() + ": " + error);
    return {outChannels_, g.outHeight(), g.outWidth()};
}

void Conv2d::initialize(std::uint64_t seed) {
    Random random(seed);
    const double scale = std::sqrt(2.0 / static_cast<double>(inChannels_ * kernelH_ * kernelW_));
    Tensor& K = kernel();
    for (Index i = 0; i < K.size(); ++i) K[i] = random.normal() * scale;
    bias().setZero();
}

void Conv2d::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0);
    const ConvGeometry g = geometry(x.dim(2), x.dim(3));
    const Index P = g.outHeight() * g.outWidth(), depth = inChannels_ * kernelH_ * kernelW_;
    trace.output.resize({N, outChannels_, g.outHeight(), g.outWidth()});
    // The unfolded windows are kept for the backward pass (∂K needs them).
    trace.scratch.resize(1);
    Tensor& cols = trace.scratch[0];
    cols.resize({N, depth, P});
    const ConstMatrixMap K(kernel().data(), outChannels_, depth);
    const Eigen::Map<const Eigen::VectorXd> b(bias().data(), outChannels_);
    // Chunk c's windows form one depth × (n·P) matrix starting at its first sample's slot.
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        const Index width = (end - begin) * P;
        double* chunkCols = cols.sample(begin);
        for (Index n = begin; n < end; ++n) im2col(g, x.sample(n), chunkCols + (n - begin) * P, width);
        RowMajorMatrix z(outChannels_, width);
        z.noalias() = K * ConstMatrixMap(chunkCols, depth, width);
        for (Index n = begin; n < end; ++n)
            MatrixMap(trace.output.sample(n), outChannels_, P) = z.middleCols((n - begin) * P, P).colwise() + b;
    });
}

void Conv2d::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                      const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0);
    const ConvGeometry g = geometry(x.dim(2), x.dim(3));
    const Index P = g.outHeight() * g.outWidth(), depth = inChannels_ * kernelH_ * kernelW_;
    const Tensor& cols = trace.scratch.at(0);
    const bool wantX = !wantInput.empty() && wantInput[0];
    trace.gradInputs.resize(1);
    if (wantX) {
        trace.gradInputs[0].resize(x.shape());
        trace.gradInputs[0].setZero();
    }
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, N);
    const ConstMatrixMap K(kernel().data(), outChannels_, depth);
    forChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        const Index width = (end - begin) * P;
        RowMajorMatrix dz(outChannels_, width);
        for (Index n = begin; n < end; ++n)
            dz.middleCols((n - begin) * P, P) = ConstMatrixMap(trace.gradOutput.sample(n), outChannels_, P);
        const ConstMatrixMap chunkCols(cols.sample(begin), depth, width);
        MatrixMap(partial[chunk][0].data(), outChannels_, depth).noalias() = dz * chunkCols.transpose();
        Eigen::Map<Eigen::VectorXd>(partial[chunk][1].data(), outChannels_) = dz.rowwise().sum();
        if (wantX) {
            const RowMajorMatrix dcols = K.transpose() * dz;
            for (Index n = begin; n < end; ++n)
                col2im(g, dcols.data() + (n - begin) * P, trace.gradInputs[0].sample(n), width);
        }
    });
    reduceChunkGradients(trace);
}

}  // namespace ns::engine
