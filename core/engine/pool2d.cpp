#include "engine/pool2d.h"

#include <stdexcept>

namespace ns::engine {

std::string checkPoolGeometry(const PoolGeometry& g) {
    if (g.size < 1) return "pool size must be at least 1, found " + std::to_string(g.size);
    if (g.stride < 1) return "pool stride must be at least 1, found " + std::to_string(g.stride);
    if (g.channels < 1 || g.height < 1 || g.width < 1) return "the input must have at least one channel, row and column";
    auto check = [&](const char* axis, Index input) -> std::string {
        if (input >= g.size) return "";
        return std::string("output ") + axis + " would be empty: O = ⌊(I − k)/s⌋ + 1 needs I ≥ k, found I = " +
               std::to_string(input) + ", k = " + std::to_string(g.size);
    };
    if (auto e = check("height", g.height); !e.empty()) return e;
    return check("width", g.width);
}

Pool2d::Pool2d(PoolKind kind, Index size, Index stride) : kind_(kind), size_(size), stride_(stride) {
    if (size < 1 || stride < 1)
        throw std::invalid_argument("pooling: size and stride must be at least 1, found " + std::to_string(size) +
                                    " and " + std::to_string(stride));
}

std::string Pool2d::describe() const {
    return std::string(kind_ == PoolKind::Max ? "MaxPool" : "AvgPool") + " " + std::to_string(size_) + "×" +
           std::to_string(size_) + (stride_ != size_ ? ", stride " + std::to_string(stride_) : "");
}

Shape Pool2d::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.size() != 3) throw std::invalid_argument(describe() + " expects [C, H, W], found " + toString(in));
    const PoolGeometry g{in[0], in[1], in[2], size_, stride_};
    const std::string error = checkPoolGeometry(g);
    if (!error.empty()) throw std::invalid_argument(describe() + ": " + error);
    return {in[0], g.outHeight(), g.outWidth()};
}

void Pool2d::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), C = x.dim(1), H = x.dim(2), W = x.dim(3);
    const PoolGeometry g{C, H, W, size_, stride_};
    const Index Ho = g.outHeight(), Wo = g.outWidth();
    trace.output.resize({N, C, Ho, Wo});
    Tensor* argmax = nullptr;
    if (kind_ == PoolKind::Max) {
        argmax = &trace.named["argmax"];
        argmax->resize({N, C, Ho, Wo});
    }
    const double area = static_cast<double>(size_ * size_);
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        for (Index n = begin; n < end; ++n)
            for (Index c = 0; c < C; ++c) {
                const double* in = x.sample(n) + c * H * W;
                double* out = trace.output.sample(n) + c * Ho * Wo;
                double* arg = argmax ? argmax->sample(n) + c * Ho * Wo : nullptr;
                for (Index i = 0; i < Ho; ++i)
                    for (Index j = 0; j < Wo; ++j) {
                        const Index y0 = i * stride_, x0 = j * stride_;
                        if (arg) {
                            Index best = y0 * W + x0;
                            for (Index u = 0; u < size_; ++u)
                                for (Index v = 0; v < size_; ++v) {
                                    const Index at = (y0 + u) * W + x0 + v;
                                    if (in[at] > in[best]) best = at;  // strict: ties keep the first
                                }
                            out[i * Wo + j] = in[best];
                            arg[i * Wo + j] = static_cast<double>(best);
                        } else {
                            double sum = 0;
                            for (Index u = 0; u < size_; ++u)
                                for (Index v = 0; v < size_; ++v) sum += in[(y0 + u) * W + x0 + v];
                            out[i * Wo + j] = sum / area;
                        }
                    }
            }
    });
}

void Pool2d::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                      const RunContext& context) {
    trace.gradInputs.resize(1);
    if (wantInput.empty() || !wantInput[0]) return;
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), C = x.dim(1), H = x.dim(2), W = x.dim(3);
    const Index Ho = trace.output.dim(2), Wo = trace.output.dim(3);
    Tensor& dx = trace.gradInputs[0];
    dx.resize(x.shape());
    dx.setZero();
    const Tensor* argmax = kind_ == PoolKind::Max ? &trace.named.at("argmax") : nullptr;
    const double area = static_cast<double>(size_ * size_);
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        for (Index n = begin; n < end; ++n)
            for (Index c = 0; c < C; ++c) {
                double* d = dx.sample(n) + c * H * W;
                const double* g = trace.gradOutput.sample(n) + c * Ho * Wo;
                for (Index i = 0; i < Ho; ++i)
                    for (Index j = 0; j < Wo; ++j) {
                        if (argmax) {
                            d[static_cast<Index>(argmax->sample(n)[c * Ho * Wo + i * Wo + j])] += g[i * Wo + j];
                            continue;
                        }
                        const double share = g[i * Wo + j] / area;
                        for (Index u = 0; u < size_; ++u)
                            for (Index v = 0; v < size_; ++v) d[(i * stride_ + u) * W + j * stride_ + v] += share;
                    }
            }
    });
}

}  // namespace ns::engine
