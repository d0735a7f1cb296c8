#pragma once
// Recurrent cells unrolled over a whole sequence, with backpropagation through time (seed 001
// §4.6, eqs. 52 and 54–59; seed 002's GRU). Input x [N, T, d], output h [N, T, h] (every step's
// hidden state); optional extra inputs h₀ [N, h] (and C₀ [N, h] for the LSTM), zero otherwise.
//
//   rnn   h_t = tanh(W_h h_{t−1} + W_x x_t + b_h)                                    (eq. 52)
//   lstm  f_t = σ(W_f[h_{t−1}, x_t] + b_f), i_t = σ(W_i[…] + b_i), C̃_t = tanh(W_C[…] + b_C),
//         C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t, o_t = σ(W_o[…] + b_o), h_t = o_t ⊙ tanh(C_t)   (54–59)
//   gru   z_t = σ(W_z[h_{t−1}, x_t] + b_z), r_t = σ(W_r[h_{t−1}, x_t] + b_r),
//         h̃_t = tanh(W[r_t ⊙ h_{t−1}, x_t] + b), h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
//
// Parameters carry the textbook's names and shapes: W_h [h][h], W_x [h][d], b_h [h] (rnn); W_f,
// W_i, W_C, W_o [h][h+d], b_f, b_i, b_C, b_o (lstm); W_z, W_r, W [h][h+d], b_z, b_r, b (gru), the
// concatenation [h_{t−1}, x_t] with h_{t−1} first.
//
// Trace (named, each [N, T, h] unless said): lstm "f", "i", "C_tilde", "o", "C" (cell state C_t);
// gru "z", "r", "h_tilde"; after backward, "grad_h" (∂L/∂h_t: what reaches h_t from the output
// and from step t+1 together), "grad_C" (lstm, ∂L/∂C_t) and "grad_norm" [T] (‖∂L/∂h_t‖₂ over the
// batch: the vanishing or exploding gradient through time).
#include "engine/layer.h"

namespace ns::engine {

enum class CellKind { Rnn, Lstm, Gru };
const char* cellName(CellKind kind);  // "rnn", "lstm", "gru"

class Recurrent : public Layer {
public:
    // withInitialState: the layer reads h₀ (and C₀) as extra inputs instead of zeros.
    Recurrent(CellKind kind, Index inputSize, Index hiddenSize, bool withInitialState = false);
    std::string kind() const override { return cellName(kind_); }
    std::string describe() const override;  // "LSTM 32→64"
    int arity() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Recurrent>(*this); }
    // Uniform in ±1/√h as PyTorch does; the LSTM's forget-gate bias starts at 1 (it remembers
    // until it learns to forget).
    void initialize(std::uint64_t seed) override;

    CellKind cell() const { return kind_; }
    Index inputSize() const { return inputSize_; }
    Index hiddenSize() const { return hiddenSize_; }
    // Index of the parameter with this textbook name, −1 when the cell has none.
    int parameterIndex(const std::string& name) const;
    // The gate names of the cell in the order they are computed ("f","i","C_tilde","o" / "z","r","h_tilde").
    std::vector<std::string> gateNames() const;

private:
    CellKind kind_;
    Index inputSize_, hiddenSize_;
    bool withInitialState_;
};

// Token ids [N, T] (integers stored as doubles) → their rows of E [vocabulary][dimension],
// [N, T, dimension]. ∂L/∂E adds up every position's gradient; the ids get none.
class Embedding : public Layer {
public:
    Embedding(Index vocabulary, Index dimension);
    std::string kind() const override { return "embedding"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Embedding>(*this); }
    void initialize(std::uint64_t seed) override;  // N(0, 1), as word2vec and PyTorch start

    Index vocabulary() const { return vocabulary_; }
    Index dimension() const { return dimension_; }

private:
    Index vocabulary_, dimension_;
};

// [N, T, h] → [N, h], the last step: a sequence classified by its final hidden state.
class LastStep : public Layer {
public:
    std::string kind() const override { return "last_step"; }
    std::string describe() const override { return "Last step"; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<LastStep>(*this); }
};

}  // namespace ns::engine
