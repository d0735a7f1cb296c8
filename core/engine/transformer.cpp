#include "engine/transformer.h"

#include "engine/activation_layer.h"
#include "engine/dense.h"
#include "engine/shape_layers.h"
#include "base/random.h"

#include <cmath>
#include <stdexcept>

namespace ns::engine {

LayerNorm::LayerNorm(Index features, double epsilon) : features_(features), epsilon_(epsilon) {
    if (features < 1) throw std::invalid_argument("LayerNorm: needs at least one feature, found " + std::to_string(features));
    if (!(epsilon > 0)) throw std::invalid_argument("LayerNorm: epsilon must be positive");
    parameters_.push_back({"gamma", Tensor({features}, 1.0)});
    parameters_.push_back({"beta", Tensor({features})});
}

std::string LayerNorm::describe() const { return "LayerNorm over " + std::to_string(features_) + " features"; }

Shape LayerNorm::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.empty() || in.back() != features_)
        throw std::invalid_argument(describe() + " expects " + std::to_string(features_) +
                                    " features on the last axis, found " + toString(in));
    return in;
}

void LayerNorm::initialize(std::uint64_t) {
    gamma().fill(1.0);
    beta().setZero();
}

void LayerNorm::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    outputShape({Shape(x.shape().begin() + 1, x.shape().end())});
    const Index N = x.dim(0), D = features_, rowsPerSample = x.sampleSize() / D;
    Shape statShape(x.shape().begin(), x.shape().end() - 1);
    trace.output.resize(x.shape());
    trace.named["mu"].resize(statShape);
    trace.named["var"].resize(statShape);
    trace.named["xhat"].resize(x.shape());
    Tensor &mu = trace.named["mu"], &var = trace.named["var"], &xhat = trace.named["xhat"];
    const Eigen::Map<const Eigen::RowVectorXd> g(gamma().data(), D), b(beta().data(), D);
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        const Index r0 = begin * rowsPerSample, rows = (end - begin) * rowsPerSample;
        const ConstMatrixMap X(x.data() + r0 * D, rows, D);
        MatrixMap H(xhat.data() + r0 * D, rows, D), Y(trace.output.data() + r0 * D, rows, D);
        for (Index r = 0; r < rows; ++r) {
            const double m = X.row(r).mean();
            const double v = (X.row(r).array() - m).square().mean();
            mu[r0 + r] = m, var[r0 + r] = v;
            H.row(r) = (X.row(r).array() - m) / std::sqrt(v + epsilon_);
            Y.row(r) = (H.row(r).array() * g.array() + b.array()).matrix();
        }
    });
}

// With x̂ = (x − μ)/σ and ĝ = ∂L/∂x̂ = γ ⊙ ∂L/∂y, per row of D features:
//   ∂L/∂x = (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂)) / σ,   ∂L/∂γ = Σ ∂L/∂y ⊙ x̂,   ∂L/∂β = Σ ∂L/∂y.
void LayerNorm::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                         const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), D = features_, rowsPerSample = x.sampleSize() / D;
    const bool wantX = !wantInput.empty() && wantInput[0];
    trace.gradInputs.resize(1);
    if (wantX) trace.gradInputs[0].resize(x.shape());
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, N);
    const Tensor &var = trace.named.at("var"), &xhat = trace.named.at("xhat");
    const Eigen::Map<const Eigen::RowVectorXd> g(gamma().data(), D);
    forChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        const Index r0 = begin * rowsPerSample, rows = (end - begin) * rowsPerSample;
        const ConstMatrixMap G(trace.gradOutput.data() + r0 * D, rows, D), H(xhat.data() + r0 * D, rows, D);
        Eigen::Map<Eigen::RowVectorXd>(partial[chunk][0].data(), D) = (G.array() * H.array()).colwise().sum().matrix();
        Eigen::Map<Eigen::RowVectorXd>(partial[chunk][1].data(), D) = G.colwise().sum();
        if (!wantX) return;
        MatrixMap dX(trace.gradInputs[0].data() + r0 * D, rows, D);
        for (Index r = 0; r < rows; ++r) {
            const Eigen::RowVectorXd gh = (G.row(r).array() * g.array()).matrix();
            const double meanG = gh.mean(), meanGH = gh.dot(H.row(r)) / static_cast<double>(D);
            dX.row(r) = ((gh.array() - meanG - H.row(r).array() * meanGH) / std::sqrt(var[r0 + r] + epsilon_)).matrix();
        }
    });
    reduceChunkGradients(trace);
}

// ---------------------------------------------------------------------------------------------

Tensor sinusoidalEncoding(Index positions, Index d) {
    Tensor pe({positions, d});
    for (Index pos = 0; pos < positions; ++pos)
        for (Index c = 0; c < d; ++c) {
            const Index i2 = c - c % 2;  // 2i of eqs. 84–85: columns 2i and 2i + 1 share a frequency
            const double angle = static_cast<double>(pos) /
                                 std::pow(10000.0, static_cast<double>(i2) / static_cast<double>(d));
            pe.at({pos, c}) = c % 2 == 0 ? std::sin(angle) : std::cos(angle);
        }
    return pe;
}

Shape PositionalEncoding::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.size() != 2)
        throw std::invalid_argument(describe() + " expects a sequence [n, d] per sample, found " + toString(in));
    return in;
}

void PositionalEncoding::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    outputShape({Shape(x.shape().begin() + 1, x.shape().end())});
    Tensor& pe = trace.named["pe"];
    if (pe.shape() != Shape{x.dim(1), x.dim(2)}) pe = sinusoidalEncoding(x.dim(1), x.dim(2));
    trace.output.resize(x.shape());
    forChunks(x.dim(0), context.threads, [&](Index begin, Index end, Index) {
        for (Index s = begin; s < end; ++s)
            Eigen::Map<Eigen::VectorXd>(trace.output.sample(s), pe.size()) =
                Eigen::Map<const Eigen::VectorXd>(x.sample(s), pe.size()) + pe.flat();
    });
}

void PositionalEncoding::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                                  const RunContext&) {
    trace.gradInputs.resize(1);
    if (!wantInput.empty() && wantInput[0]) trace.gradInputs[0] = trace.gradOutput;  // ∂(x + PE)/∂x = I
    (void)inputs;
}

// ---------------------------------------------------------------------------------------------

PositionEmbedding::PositionEmbedding(Index maxLength, Index d) : maxLength_(maxLength), d_(d) {
    if (maxLength < 1 || d < 1)
        throw std::invalid_argument("PositionEmbedding: needs at least one position and one feature");
    parameters_.push_back({"P", Tensor({maxLength, d})});
}

std::string PositionEmbedding::describe() const {
    return "Learnt position embedding, up to " + std::to_string(maxLength_) + " positions of " + std::to_string(d_);
}

Shape PositionEmbedding::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.size() != 2 || in[1] != d_ || in[0] > maxLength_)
        throw std::invalid_argument(describe() + " expects a sequence [n ≤ " + std::to_string(maxLength_) + ", " +
                                    std::to_string(d_) + "] per sample, found " + toString(in));
    return in;
}

void PositionEmbedding::initialize(std::uint64_t seed) {
    Random random(seed);
    for (Index i = 0; i < P().size(); ++i) P()[i] = random.normal() * 0.02;
}

void PositionEmbedding::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    outputShape({{x.dim(1), x.dim(2)}});
    const Index per = x.sampleSize();  // n · d: the first n rows of P
    trace.output.resize(x.shape());
    forChunks(x.dim(0), context.threads, [&](Index begin, Index end, Index) {
        for (Index s = begin; s < end; ++s)
            Eigen::Map<Eigen::VectorXd>(trace.output.sample(s), per) =
                Eigen::Map<const Eigen::VectorXd>(x.sample(s), per) + Eigen::Map<const Eigen::VectorXd>(P().data(), per);
    });
}

void PositionEmbedding::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                                 const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index per = x.sampleSize();
    trace.gradInputs.resize(1);
    if (!wantInput.empty() && wantInput[0]) trace.gradInputs[0] = trace.gradOutput;
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, x.dim(0));
    // ∂L/∂P[pos] = Σ over samples of ∂L/∂y[pos]; positions beyond n get 0.
    forChunks(x.dim(0), context.threads, [&](Index begin, Index end, Index chunk) {
        Eigen::Map<Eigen::VectorXd> dP(partial[chunk][0].data(), per);
        for (Index s = begin; s < end; ++s) dP += Eigen::Map<const Eigen::VectorXd>(trace.gradOutput.sample(s), per);
    });
    reduceChunkGradients(trace);
}

// ---------------------------------------------------------------------------------------------

PatchEmbedding::PatchEmbedding(Index channels, Index height, Index width, Index patch, Index dModel)
    : channels_(channels), height_(height), width_(width), patch_(patch), dModel_(dModel) {
    if (channels < 1 || patch < 1 || dModel < 1 || height < patch || width < patch || height % patch != 0 ||
        width % patch != 0)
        throw std::invalid_argument("PatchEmbedding: a " + std::to_string(height) + "×" + std::to_string(width) +
                                    " image does not cut into whole " + std::to_string(patch) + "×" +
                                    std::to_string(patch) + " patches");
    parameters_.push_back({"W", Tensor({dModel, channels * patch * patch})});
    parameters_.push_back({"b", Tensor({dModel})});
    parameters_.push_back({"class_token", Tensor({dModel})});
}

std::string PatchEmbedding::describe() const {
    return "Patch embedding " + std::to_string(patch_) + "×" + std::to_string(patch_) + " → " + std::to_string(dModel_) +
           ", class token";
}

Shape PatchEmbedding::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in != Shape{channels_, height_, width_})
        throw std::invalid_argument(describe() + " expects images " + toString({channels_, height_, width_}) +
                                    ", found " + toString(in));
    return {1 + patchCount(), dModel_};
}

void PatchEmbedding::initialize(std::uint64_t seed) {
    Random random(seed);
    const double scale = 1.0 / std::sqrt(static_cast<double>(W().dim(1)));
    for (Index i = 0; i < W().size(); ++i) W()[i] = random.normal() * scale;
    b().setZero();
    for (Index i = 0; i < classToken().size(); ++i) classToken()[i] = random.normal() * 0.02;
}

void PatchEmbedding::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    outputShape({Shape(x.shape().begin() + 1, x.shape().end())});
    const Index N = x.dim(0), P = patchCount(), F = W().dim(1), columns = width_ / patch_, p = patch_;
    trace.output.resize({N, 1 + P, dModel_});
    Tensor& patches = trace.named["patches"];
    patches.resize({N, P, F});
    const ConstMatrixMap Wm(W().data(), dModel_, F);
    const Eigen::Map<const Eigen::RowVectorXd> bias(b().data(), dModel_), cls(classToken().data(), dModel_);
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        for (Index s = begin; s < end; ++s) {
            double* row = patches.sample(s);
            for (Index k = 0; k < P; ++k)
                for (Index c = 0; c < channels_; ++c)
                    for (Index u = 0; u < p; ++u)
                        for (Index v = 0; v < p; ++v)
                            *row++ = x.at({s, c, (k / columns) * p + u, (k % columns) * p + v});
            MatrixMap z(trace.output.sample(s), 1 + P, dModel_);
            z.row(0) = cls;
            z.bottomRows(P).noalias() = ConstMatrixMap(patches.sample(s), P, F) * Wm.transpose();
            z.bottomRows(P).rowwise() += bias;
        }
    });
}

void PatchEmbedding::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                              const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), P = patchCount(), F = W().dim(1), columns = width_ / patch_, p = patch_;
    const bool wantX = !wantInput.empty() && wantInput[0];
    trace.gradInputs.resize(1);
    if (wantX) trace.gradInputs[0].resize(x.shape());
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, N);
    const Tensor& patches = trace.named.at("patches");
    const ConstMatrixMap Wm(W().data(), dModel_, F);
    forChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        MatrixMap dW(partial[chunk][0].data(), dModel_, F);
        Eigen::Map<Eigen::RowVectorXd> db(partial[chunk][1].data(), dModel_), dcls(partial[chunk][2].data(), dModel_);
        RowMajorMatrix dPatches;
        for (Index s = begin; s < end; ++s) {
            const ConstMatrixMap g(trace.gradOutput.sample(s), 1 + P, dModel_);
            dcls += g.row(0);
            dW.noalias() += g.bottomRows(P).transpose() * ConstMatrixMap(patches.sample(s), P, F);
            db += g.bottomRows(P).colwise().sum();
            if (!wantX) continue;
            dPatches.noalias() = g.bottomRows(P) * Wm;  // patches do not overlap: each pixel gets one entry
            const double* row = dPatches.data();
            for (Index k = 0; k < P; ++k)
                for (Index c = 0; c < channels_; ++c)
                    for (Index u = 0; u < p; ++u)
                        for (Index v = 0; v < p; ++v)
                            trace.gradInputs[0].at({s, c, (k / columns) * p + u, (k % columns) * p + v}) = *row++;
        }
    });
    reduceChunkGradients(trace);
}

// ---------------------------------------------------------------------------------------------

int addFeedForward(Network& network, int input, Index dModel, Index dFF, const std::string& prefix) {
    network.add(std::make_unique<Dense>(dModel, dFF), {input}, prefix + "_ffn1");
    network.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, prefix + "_relu");
    return network.add(std::make_unique<Dense>(dFF, dModel), {Network::kPrevious}, prefix + "_ffn2");
}

int addEncoderBlock(Network& network, int input, const EncoderBlockSpec& spec) {
    const std::string& p = spec.prefix;
    auto attention = [&](int from) {
        return network.add(std::make_unique<MultiHeadAttention>(spec.dModel, spec.heads, spec.mask), {from},
                           p + "_attention");
    };
    auto norm = [&](int from, const char* name) {
        return network.add(std::make_unique<LayerNorm>(spec.dModel), {from}, p + name);
    };
    if (spec.preNorm) {
        // y = x + MHA(LN(x)); out = y + FFN(LN(y)): the residual path never passes a normalisation.
        const int a = attention(norm(input, "_norm1"));
        const int y = network.add(std::make_unique<Add>(), {a, input}, p + "_add1");
        const int f = addFeedForward(network, norm(y, "_norm2"), spec.dModel, spec.dFF, p);
        return network.add(std::make_unique<Add>(), {f, y}, p + "_add2");
    }
    // y = LN(x + MHA(x)); out = LN(y + FFN(y)).
    const int a = attention(input);
    const int y = norm(network.add(std::make_unique<Add>(), {a, input}, p + "_add1"), "_norm1");
    const int f = addFeedForward(network, y, spec.dModel, spec.dFF, p);
    return norm(network.add(std::make_unique<Add>(), {f, y}, p + "_add2"), "_norm2");
}

int addDecoderBlock(Network& network, int input, int memory, const EncoderBlockSpec& spec) {
    const std::string& p = spec.prefix;
    auto selfAttention = [&](int from) {
        return network.add(std::make_unique<MultiHeadAttention>(spec.dModel, spec.heads, AttentionMask::Causal),
                           {from}, p + "_self_attention");
    };
    auto crossAttention = [&](int from) {
        return network.add(std::make_unique<MultiHeadAttention>(spec.dModel, spec.heads, AttentionMask::None,
                                                                AttentionSource::Cross),
                           {from, memory}, p + "_cross_attention");
    };
    auto norm = [&](int from, const char* name) {
        return network.add(std::make_unique<LayerNorm>(spec.dModel), {from}, p + name);
    };
    auto add = [&](int a, int b, const char* name) { return network.add(std::make_unique<Add>(), {a, b}, p + name); };
    if (spec.preNorm) {
        const int y1 = add(selfAttention(norm(input, "_norm1")), input, "_add1");
        const int y2 = add(crossAttention(norm(y1, "_norm2")), y1, "_add2");
        return add(addFeedForward(network, norm(y2, "_norm3"), spec.dModel, spec.dFF, p), y2, "_add3");
    }
    const int y1 = norm(add(selfAttention(input), input, "_add1"), "_norm1");
    const int y2 = norm(add(crossAttention(y1), y1, "_add2"), "_norm2");
    return norm(add(addFeedForward(network, y2, spec.dModel, spec.dFF, p), y2, "_add3"), "_norm3");
}

}  // namespace ns::engine
