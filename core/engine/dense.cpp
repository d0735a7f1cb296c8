#include "engine/dense.h"

#include "base/random.h"

#include <cmath>
#include <stdexcept>

namespace ns::engine {

Dense::Dense(Index fanIn, Index units) : fanIn_(fanIn), units_(units) {
    if (fanIn < 1 || units < 1)
        throw std::invalid_argument("Dense: fan-in and units must be at least 1, found " + std::to_string(fanIn) +
                                    " and " + std::to_string(units));
    parameters_.push_back({"W", Tensor({units, fanIn})});
    parameters_.push_back({"b", Tensor({units})});
}

std::string Dense::describe() const { return "Dense " + std::to_string(fanIn_) + "→" + std::to_string(units_); }

Shape Dense::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    // [fan_in] per sample, or [T, fan_in]: the same weights at every position of a sequence.
    if (in.empty() || in.size() > 2 || in.back() != fanIn_)
        throw std::invalid_argument(describe() + " expects " + std::to_string(fanIn_) +
                                    " features per sample (or per position of a sequence), found " + toString(in) +
                                    (in.size() > 1 ? " (add a Flatten layer first)" : ""));
    Shape out = in;
    out.back() = units_;
    return out;
}

void Dense::initialize(std::uint64_t seed) {
    Random random(seed);
    const double scale = std::sqrt(2.0 / static_cast<double>(fanIn_));
    for (Index i = 0; i < W().size(); ++i) W()[i] = random.normal() * scale;
    b().setZero();
}

void Dense::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0);
    const Index P = x.sampleSize() / fanIn_;  // positions per sample (1 without a sequence axis)
    Shape out = x.shape();
    out.back() = units_;
    trace.output.resize(out);
    const ConstMatrixMap Wm(W().data(), units_, fanIn_);
    const Eigen::Map<const Eigen::RowVectorXd> bias(b().data(), units_);
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        const ConstMatrixMap X(x.sample(begin), (end - begin) * P, fanIn_);
        MatrixMap z(trace.output.sample(begin), (end - begin) * P, units_);
        z.noalias() = X * Wm.transpose();
        z.rowwise() += bias;
    });
}

void Dense::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                     const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0);
    const bool wantX = !wantInput.empty() && wantInput[0];
    trace.gradInputs.resize(1);
    if (wantX) trace.gradInputs[0].resize(x.shape());
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, N);
    const ConstMatrixMap Wm(W().data(), units_, fanIn_);
    const Index P = x.sampleSize() / fanIn_;
    forChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        const ConstMatrixMap X(x.sample(begin), (end - begin) * P, fanIn_);
        const ConstMatrixMap delta(trace.gradOutput.sample(begin), (end - begin) * P, units_);
        MatrixMap(partial[chunk][0].data(), units_, fanIn_).noalias() = delta.transpose() * X;  // Σ δᵀ a⁽ˡ⁻¹⁾
        Eigen::Map<Eigen::RowVectorXd>(partial[chunk][1].data(), units_) = delta.colwise().sum();
        if (wantX) MatrixMap(trace.gradInputs[0].sample(begin), (end - begin) * P, fanIn_).noalias() = delta * Wm;
    });
    reduceChunkGradients(trace);
}

}  // namespace ns::engine
