#pragma once
// The Transformer's other pieces (seed 001 §7): layer normalisation, the sinusoidal positional
// encoding (eqs. 84–85), the position-wise feed-forward network (eq. 86) and the encoder block that
// joins them to multi-head self-attention with residual connections.
#include "engine/attention.h"
#include "engine/network.h"

#include <string>

namespace ns::engine {

// Layer normalisation over the last axis (d features), the same at every position:
//   μ = mean_k x_k,  σ² = mean_k (x_k − μ)²,  x̂ = (x − μ)/√(σ² + ε),  y = γ ⊙ x̂ + β.
// Unlike BatchNorm it never looks across samples, so training and evaluation are the same.
// Trace: "mu", "var" (the input's shape without its last axis), "xhat" (the input's shape).
class LayerNorm : public Layer {
public:
    explicit LayerNorm(Index features, double epsilon = 1e-5);
    std::string kind() const override { return "layer_norm"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<LayerNorm>(*this); }
    // γ = 1, β = 0: the block starts as a plain normalisation.
    void initialize(std::uint64_t seed) override;

    Index features() const { return features_; }
    double epsilon() const { return epsilon_; }
    Tensor& gamma() { return parameters_[0].value; }
    Tensor& beta() { return parameters_[1].value; }

private:
    Index features_;
    double epsilon_;
};

// PE[pos, 2i] = sin(pos / 10000^{2i/d}),  PE[pos, 2i+1] = cos(pos / 10000^{2i/d})  (eqs. 84–85),
// for positions 0 … n − 1 and d columns.
Tensor sinusoidalEncoding(Index positions, Index d);

// Adds the sinusoidal encoding to a sequence [N, n, d]: y = x + PE. No parameters; the trace keeps
// "pe" [n, d].
class PositionalEncoding : public Layer {
public:
    std::string kind() const override { return "positional_encoding"; }
    std::string describe() const override { return "Sinusoidal positional encoding"; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<PositionalEncoding>(*this); }
};

// Learnt position embeddings (BERT, ViT): y = x + P[0 … n − 1] with a parameter "P"
// [maxLength, d] trained like any weight; sequences up to maxLength positions.
class PositionEmbedding : public Layer {
public:
    PositionEmbedding(Index maxLength, Index d);
    std::string kind() const override { return "position_embedding"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<PositionEmbedding>(*this); }
    // N(0, 0.02²): small next to the token embeddings they are added to.
    void initialize(std::uint64_t seed) override;
    Tensor& P() { return parameters_[0].value; }

private:
    Index maxLength_, d_;
};

// ViT's patch embedding (seed 004 part 5): an image [C, H, W] cut into non-overlapping p × p
// patches in row-major order, each flattened (channel, row, column) and projected linearly,
// z_k = W x_k + b, with a learnt class token in front: output [1 + (H/p)(W/p), d_model].
// Parameters "W" [d_model, C·p·p], "b" [d_model], "class_token" [d_model]. Trace: "patches"
// [N, (H/p)(W/p), C·p·p], the flattened patches the projection reads.
class PatchEmbedding : public Layer {
public:
    PatchEmbedding(Index channels, Index height, Index width, Index patch, Index dModel);
    std::string kind() const override { return "patch_embedding"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<PatchEmbedding>(*this); }
    // W ~ N(0, 1/(C·p·p)) (linear), b = 0, class token N(0, 0.02²).
    void initialize(std::uint64_t seed) override;
    Index patchCount() const { return (height_ / patch_) * (width_ / patch_); }
    Tensor& W() { return parameters_[0].value; }
    Tensor& b() { return parameters_[1].value; }
    Tensor& classToken() { return parameters_[2].value; }

private:
    Index channels_, height_, width_, patch_, dModel_;
};

// FFN(x) = max(0, x W₁ + b₁) W₂ + b₂ at every position (eq. 86): Dense d→d_ff, ReLU, Dense d_ff→d,
// appended to `network` reading node `input`; returns the last node. Nodes are named
// PREFIX_ffn1, PREFIX_relu, PREFIX_ffn2.
int addFeedForward(Network& network, int input, Index dModel, Index dFF, const std::string& prefix);

struct EncoderBlockSpec {
    Index dModel = 64;
    Index heads = 4;
    Index dFF = 256;
    // Post-norm, as the textbook draws the block: y = LN(x + MHA(x)), out = LN(y + FFN(y)).
    // Pre-norm: y = x + MHA(LN(x)), out = y + FFN(LN(y)) (trains more easily when deep).
    bool preNorm = false;
    AttentionMask mask = AttentionMask::None;  // causal: a decoder-only (GPT-style) block
    std::string prefix = "enc";
};

// Appends one encoder block reading node `input` ([n, d_model] per sample); returns its last node.
// Nodes: PREFIX_attention, PREFIX_add1, PREFIX_norm1, the FFN's, PREFIX_add2, PREFIX_norm2.
int addEncoderBlock(Network& network, int input, const EncoderBlockSpec& spec);

// Appends one decoder block reading the target sequence `input` [n, d_model] and the encoder's
// output `memory` [m, d_model]; returns its last node. Its self-attention is always causal (masked
// self-attention: position i sees the targets up to i), then cross-attention with the queries from
// the decoder and the keys and values from the memory, then the FFN, each with its residual and
// LayerNorm (post- or pre-norm as spec.preNorm; spec.mask is not used). Nodes: PREFIX_self_attention,
// PREFIX_add1, PREFIX_norm1, PREFIX_cross_attention, PREFIX_add2, PREFIX_norm2, the FFN's,
// PREFIX_add3, PREFIX_norm3.
int addDecoderBlock(Network& network, int input, int memory, const EncoderBlockSpec& spec);

}  // namespace ns::engine
