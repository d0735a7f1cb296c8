#pragma once
// Scaled dot-product attention and multi-head self-attention (seed 001 §7, eqs. 80–83).
//
//   Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V                                    (80)
//   head_i = Attention(X W_i^Q, X W_i^K, X W_i^V),  MultiHead = Concat(head_1..h) W^O  (81–83)
//
// Both record the textbook's stages in the trace so the views can draw each one:
//   "qk"            Q Kᵀ                                    [N, n, m]  ([N, heads, n, m] per head)
//   "scores"        Q Kᵀ / √d_k                             likewise
//   "masked_scores" the scores with masked entries −∞     likewise
//   "weights"       softmax over the keys (each row sums to 1, masked entries exactly 0)
// and the output softmax(…) V. Masks: causal (query i sees keys j ≤ i, the decoder's masked
// self-attention) and padding (keys at or beyond a sample's length are never attended to); both
// may apply at once. A masked entry gets weight 0 and gradient 0.
#include "engine/layer.h"

#include <vector>

namespace ns::engine {

enum class AttentionMask { None, Causal };

// Which keys each query may see. keyLengths empty: every key; else keyLengths[s] ≥ 1 valid keys
// for sample s of the batch (padding beyond). Set per batch, since the lengths are the batch's.
struct AttentionMasking {
    AttentionMask mask = AttentionMask::None;
    std::vector<Index> keyLengths;
    // Throws std::invalid_argument when the lengths do not fit a batch of `batch` samples with
    // m keys each.
    void check(Index batch, Index m) const;
    Index keyLength(Index sample, Index m) const {
        return keyLengths.empty() ? m : keyLengths[static_cast<std::size_t>(sample)];
    }
};

// Inputs Q [N, n, d_k], K [N, m, d_k], V [N, m, d_v] (cross-attention when they come from
// different nodes; self-attention when all three read the same one) → output [N, n, d_v].
// No parameters: the projections are Dense layers before it, or MultiHeadAttention.
class ScaledDotProductAttention : public Layer {
public:
    explicit ScaledDotProductAttention(AttentionMask mask = AttentionMask::None);
    std::string kind() const override { return "attention"; }
    std::string describe() const override;
    int arity() const override { return 3; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<ScaledDotProductAttention>(*this); }

    AttentionMasking& masking() { return masking_; }
    const AttentionMasking& masking() const { return masking_; }

private:
    AttentionMasking masking_;
};

// Which sequences a multi-head layer reads: Self, one input X (Q, K and V all from X); Cross, two
// inputs, the queries' sequence X [N, n, d_model] and the memory Y [N, m, d_model] the keys and
// values come from (the decoder's attention over the encoder's output).
enum class AttentionSource { Self, Cross };

// Multi-head attention, heads of d_k = d_model / heads. Parameters "W_Q", "W_K", "W_V"
// [d_model, d_model] (head i uses columns i·d_k … (i+1)·d_k − 1: W_i^Q of eq. 83 side by side) and
// "W_O" [d_model, d_model] (eq. 82), no biases, as the textbook writes it: Q = X W_Q, K = Y W_K,
// V = Y W_V (Y = X for self-attention). Trace: the projections "Q" [N, n, d_model], "K", "V"
// [N, m, d_model], the concatenated heads "heads" [N, n, d_model], and per head "qk", "scores",
// "masked_scores", "weights" [N, heads, n, m]. Padding lengths count the keys (Y's positions).
class MultiHeadAttention : public Layer {
public:
    MultiHeadAttention(Index dModel, Index heads, AttentionMask mask = AttentionMask::None,
                       AttentionSource source = AttentionSource::Self);
    std::string kind() const override { return "multi_head_attention"; }
    std::string describe() const override;
    int arity() const override { return source_ == AttentionSource::Cross ? 2 : 1; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<MultiHeadAttention>(*this); }
    // Xavier/Glorot-style N(0, 1/d_model) for all four matrices: the projections are linear, so
    // He's factor 2 (for ReLU) does not apply.
    void initialize(std::uint64_t seed) override;

    Index dModel() const { return dModel_; }
    Index heads() const { return heads_; }
    Index headDim() const { return dModel_ / heads_; }
    AttentionSource source() const { return source_; }
    AttentionMasking& masking() { return masking_; }
    const AttentionMasking& masking() const { return masking_; }
    Tensor& W_Q() { return parameters_[0].value; }
    Tensor& W_K() { return parameters_[1].value; }
    Tensor& W_V() { return parameters_[2].value; }
    Tensor& W_O() { return parameters_[3].value; }

private:
    Index dModel_, heads_;
    AttentionMasking masking_;
    AttentionSource source_;
};

}  // namespace ns::engine
