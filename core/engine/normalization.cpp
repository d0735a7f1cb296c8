#include "engine/normalization.h"

#include "base/random.h"

#include <cmath>
#include <stdexcept>

namespace ns::engine {

namespace {
// [N, F] is F channels of 1 value per sample; [N, C, H, W] is C channels of H·W values.
struct ChannelLayout {
    Index batch, channels, spatial;
};
ChannelLayout layoutOf(const Tensor& x) {
    return {x.dim(0), x.dim(1), x.rank() > 2 ? x.sampleSize() / x.dim(1) : 1};
}
}  // namespace

BatchNorm::BatchNorm(Index features, double epsilon, double momentum)
    : features_(features), epsilon_(epsilon), momentum_(momentum) {
    if (features < 1) throw std::invalid_argument("BatchNorm: features must be at least 1");
    parameters_.push_back({"gamma", Tensor({features}, 1.0)});
    parameters_.push_back({"beta", Tensor({features})});
    runningMean_ = Tensor({features});
    runningVar_ = Tensor({features}, 1.0);
}

std::string BatchNorm::describe() const { return "BatchNorm (" + std::to_string(features_) + ")"; }

Shape BatchNorm::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if ((in.size() != 1 && in.size() != 3) || in[0] != features_)
        throw std::invalid_argument(describe() + " expects [" + std::to_string(features_) + "] or [" +
                                    std::to_string(features_) + ", H, W], found " + toString(in));
    return in;
}

void BatchNorm::initialize(std::uint64_t) {
    gamma().fill(1.0);
    beta().setZero();
    runningMean_.setZero();
    runningVar_.fill(1.0);
}

void BatchNorm::setRunningStatistics(const Tensor& mean, const Tensor& var) {
    if (mean.size() != features_ || var.size() != features_)
        throw std::invalid_argument("BatchNorm: running statistics need " + std::to_string(features_) + " values");
    runningMean_ = mean;
    runningVar_ = var;
}

void BatchNorm::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    const ChannelLayout L = layoutOf(x);
    trace.output.resize(x.shape());
    Tensor& mu = trace.named["mu"];
    Tensor& var = trace.named["var"];
    Tensor& xhat = trace.named["xhat"];
    mu.resize({L.channels});
    var.resize({L.channels});
    xhat.resize(x.shape());
    const bool train = context.mode == Mode::Train;
    const double count = static_cast<double>(L.batch * L.spatial);
    const double* g = gamma().data();
    const double* b = beta().data();
#pragma omp parallel for schedule(static) num_threads(context.threads) if (context.threads > 1)
    for (Index c = 0; c < L.channels; ++c) {
        double m = runningMean_[c], v = runningVar_[c];
        if (train) {  // eqs. 70–71, summed in a fixed order
            double sum = 0;
            for (Index n = 0; n < L.batch; ++n)
                for (Index s = 0; s < L.spatial; ++s) sum += x.sample(n)[c * L.spatial + s];
            m = sum / count;
            double squares = 0;
            for (Index n = 0; n < L.batch; ++n)
                for (Index s = 0; s < L.spatial; ++s) {
                    const double d = x.sample(n)[c * L.spatial + s] - m;
                    squares += d * d;
                }
            v = squares / count;
        }
        mu[c] = m;
        var[c] = v;
        const double inverse = 1.0 / std::sqrt(v + epsilon_);
        for (Index n = 0; n < L.batch; ++n)
            for (Index s = 0; s < L.spatial; ++s) {
                const Index at = n * L.channels * L.spatial + c * L.spatial + s;
                xhat[at] = (x[at] - m) * inverse;           // eq. 72
                trace.output[at] = g[c] * xhat[at] + b[c];  // eq. 73
            }
    }
    if (train)
        for (Index c = 0; c < L.channels; ++c) {
            runningMean_[c] = (1 - momentum_) * runningMean_[c] + momentum_ * mu[c];
            runningVar_[c] = (1 - momentum_) * runningVar_[c] + momentum_ * var[c];
        }
    trace.named["running_mean"] = runningMean_;
    trace.named["running_var"] = runningVar_;
}

void BatchNorm::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                         const RunContext& context) {
    const Tensor& x = *inputs[0];
    const ChannelLayout L = layoutOf(x);
    const Tensor& var = trace.named.at("var");
    const Tensor& xhat = trace.named.at("xhat");
    const Tensor& dy = trace.gradOutput;
    shapeParameterGradients(*this, trace);
    trace.gradInputs.resize(1);
    const bool wantX = !wantInput.empty() && wantInput[0];
    if (wantX) trace.gradInputs[0].resize(x.shape());
    const bool train = context.mode == Mode::Train;
    const double count = static_cast<double>(L.batch * L.spatial);
    const double* g = gamma().data();
#pragma omp parallel for schedule(static) num_threads(context.threads) if (context.threads > 1)
    for (Index c = 0; c < L.channels; ++c) {
        double sumDy = 0, sumDyXhat = 0;
        for (Index n = 0; n < L.batch; ++n)
            for (Index s = 0; s < L.spatial; ++s) {
                const Index at = n * L.channels * L.spatial + c * L.spatial + s;
                sumDy += dy[at];
                sumDyXhat += dy[at] * xhat[at];
            }
        trace.gradParameters[0][c] = sumDyXhat;  // ∂L/∂γ = Σ ∂L/∂y · x̂
        trace.gradParameters[1][c] = sumDy;      // ∂L/∂β = Σ ∂L/∂y
        if (!wantX) continue;
        const double inverse = 1.0 / std::sqrt(var[c] + epsilon_);
        for (Index n = 0; n < L.batch; ++n)
            for (Index s = 0; s < L.spatial; ++s) {
                const Index at = n * L.channels * L.spatial + c * L.spatial + s;
                // Training: μ_B and σ²_B depend on x too, which gives the two mean terms.
                trace.gradInputs[0][at] =
                    train ? g[c] * inverse * (dy[at] - sumDy / count - xhat[at] * sumDyXhat / count)
                          : g[c] * inverse * dy[at];
            }
    }
}

Dropout::Dropout(double p) : p_(p) {
    if (!(p >= 0 && p < 1)) throw std::invalid_argument("Dropout: p must be in [0, 1), found " + std::to_string(p));
}

std::string Dropout::describe() const {
    return "Dropout (p = " + std::to_string(p_).substr(0, 4) + ")";
}

void Dropout::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    trace.output.resize(x.shape());
    Tensor& mask = trace.named["mask"];
    mask.resize(x.shape());
    if (context.mode == Mode::Eval || p_ == 0) {
        mask.fill(1.0);
        trace.output.flat() = x.flat();
        return;
    }
    const double keep = 1.0 / (1.0 - p_);
    const Index N = x.dim(0), per = x.sampleSize();
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        for (Index n = begin; n < end; ++n) {
            Random random(context.seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(context.node) * 1000003ull +
                          static_cast<std::uint64_t>(n));
            double* m = mask.sample(n);
            for (Index i = 0; i < per; ++i) m[i] = random.uniform() < p_ ? 0.0 : keep;
        }
    });
    trace.output.flat() = x.flat().cwiseProduct(mask.flat());
}

void Dropout::forwardWithMask(const Tensor& x, const Tensor& mask, LayerTrace& trace) const {
    if (mask.shape() != x.shape())
        throw std::invalid_argument("Dropout: the mask " + toString(mask.shape()) + " does not match the input " +
                                    toString(x.shape()));
    trace.named["mask"] = mask;
    trace.output.resize(x.shape());
    trace.output.flat() = x.flat().cwiseProduct(mask.flat());
}

void Dropout::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                       const RunContext&) {
    trace.gradInputs.resize(1);
    if (wantInput.empty() || !wantInput[0]) return;
    trace.gradInputs[0].resize(inputs[0]->shape());
    trace.gradInputs[0].flat() = trace.gradOutput.flat().cwiseProduct(trace.named.at("mask").flat());
}

}  // namespace ns::engine
