#pragma once
// A tiny Transformer encoder trained on toy sequence tasks (seed 001 §7): token embedding (a Dense
// on one-hot tokens), sinusoidal positional encoding (eqs. 84–85), pre-norm encoder blocks
// (multi-head self-attention, residual, LayerNorm, feed-forward eq. 86), a final LayerNorm and
// a Dense to one logit per token at every position. Tasks:
//   copy        n digits in, the same digits out
//   reverse     n digits in, the digits backwards out (attention becomes an anti-diagonal)
//   sort        n digits in, the digits in ascending order out
//   characters  n characters of a built-in text in, the next character at every position out
//               (causal self-attention: position i sees positions ≤ i only)
// Everything is seeded: the same settings give the same batches, weights and curves.
#include "engine/network.h"
#include "engine/optimizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns::transformer {

enum class ToyTask { Copy, Reverse, Sort, Characters };

const std::vector<std::string>& toyTaskNames();  // copy, reverse, sort, characters
// −1 when unknown.
int toyTaskIndex(const std::string& name);

struct ToySettings {
    ToyTask task = ToyTask::Reverse;
    int length = 6;       // n, 3 … 16
    int layers = 2;       // 1 … 2
    int heads = 4;        // 1, 2 or 4 (d_model / heads must be whole)
    double learningRate = 3e-3;  // Adam's η
    int dModel = 32;
    int dFF = 64;
    int batch = 32;
    std::uint64_t seed = 2;  // the weights'; batches follow the step count
    static constexpr int kMinLength = 3, kMaxLength = 16, kMaxLayers = 2, kMaxHeads = 4;
};

// The network of a toy Transformer: V tokens in and out, n positions. positions = false leaves
// the positional encoding out (attention is then blind to order); causal masks every block's
// self-attention. Encoder block i (from 1) has the prefix "enc<i>", so its attention node is
// "enc<i>_attention".
struct ToyNetworkSpec {
    int length = 6, vocabulary = 10, layers = 2, heads = 4, dModel = 32, dFF = 64;
    bool positions = true, causal = false;
    std::uint64_t seed = 2;
};
engine::Network toyNetwork(const ToyNetworkSpec& spec);

struct ToySequences {
    engine::Tensor x;         // one-hot [N, n, V]
    std::vector<int> inputs;  // N·n tokens
    std::vector<int> labels;  // N·n target tokens
};

struct ToyStep {
    long step = 0;
    double loss = 0, accuracy = 0;  // the batch's (token accuracy)
    bool finite = true;
};

struct ToyPrediction {
    std::vector<int> input, output, expected;  // n tokens each
    std::vector<double> confidence;            // the predicted token's probability per position
    // attention[layer][head]: the n × n weights (row i: how query i spreads over keys j), row-major.
    std::vector<std::vector<std::vector<double>>> attention;
    int length = 0;
};

class ToyTransformer {
public:
    static constexpr int kHeldOut = 256;

    explicit ToyTransformer(const ToySettings& settings);

    const ToySettings& settings() const { return settings_; }
    void setLearningRate(double eta);

    // The task's tokens: "0123456789" for the digit tasks, lower-case letters and space for text.
    static std::string alphabet(ToyTask task);
    static int vocabulary(ToyTask task) { return static_cast<int>(alphabet(task).size()); }
    // The target of an input for the digit tasks; for characters the next character of the
    // built-in text after each position where the window is found in it, else −1.
    static std::vector<int> target(ToyTask task, const std::vector<int>& input);
    static const std::string& text();  // the characters task's built-in text
    // N sequences drawn from `seed` (the training batch of step s uses seed 1000 + s; held-out 999).
    static ToySequences sequences(ToyTask task, int length, int count, std::uint64_t seed);
    // Tokens of a typed string (digits or letters); empty when a character is not in the alphabet.
    static std::vector<int> tokens(ToyTask task, const std::string& typed);
    static std::string spell(ToyTask task, const std::vector<int>& tokens);

    ToyStep step();  // one Adam step on a fresh batch
    long steps() const { return steps_; }
    double heldOutAccuracy();  // token accuracy on kHeldOut held-out sequences
    ToyPrediction predict(const std::vector<int>& input);  // input of `length` tokens
    const engine::Network& network() const { return network_; }

private:
    double accuracyOf(const ToySequences& s);

    ToySettings settings_;
    engine::Network network_;
    engine::Adam adam_;
    engine::NetworkTrace trace_;
    ToySequences heldOut_;
    long steps_ = 0;
};

}  // namespace ns::transformer
