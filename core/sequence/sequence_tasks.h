#pragma once
// Toy sequence tasks of chapter 4 and a trainer for one recurrent network on them: the same
// task, seed and budget for RNN, LSTM and GRU, so their curves compare (exercise 11.2-3).
//
//   remember_first  T one-hot symbols of k; at the last step name the first one (long range:
//                   everything between is noise)
//   adding          T pairs (value in [0,1), marker); the sum of the two marked values
//   sine            a sine wave with a random phase; predict the next value at every step
//   characters      a built-in Chinese + English text, one-hot characters; predict the next
//                   character at every step; sample continuations greedily or with temperature
//
// Network: x [N, T, d] → Recurrent(cell, d, hidden) → (LastStep for the first two) →
// Dense(hidden, outputs). Classification uses softmax cross-entropy (per step for characters),
// regression the mean squared error. Trained with Adam and gradient clipping by norm.
#include "engine/network.h"
#include "engine/optimizer.h"
#include "engine/recurrent.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns::sequence {

enum class TaskKind { RememberFirst, Adding, Sine, Characters };
const char* taskName(TaskKind kind);  // "remember_first", "adding", "sine", "characters"

struct TaskSpec {
    TaskKind kind = TaskKind::RememberFirst;
    engine::Index length = 20;   // T (characters: the training window)
    engine::Index symbols = 4;   // k of remember_first
};

struct SequenceBatch {
    engine::Tensor x;              // [N, T, d]
    std::vector<int> labels;       // classification: one per sample, or N·T for characters
    engine::Tensor targets;        // regression: [N, 1] (adding) or [N, T, 1] (sine)
};

engine::Index inputSize(const TaskSpec& task);   // d
engine::Index outputSize(const TaskSpec& task);  // classes, or 1 for regression
bool isClassification(const TaskSpec& task);
// A seeded batch; the same (task, batch, seed) gives the same numbers.
SequenceBatch makeBatch(const TaskSpec& task, engine::Index batch, std::uint64_t seed);

// The built-in text of the characters task and its alphabet (UTF-8, one entry per character).
const std::string& characterText();
const std::vector<std::string>& characterAlphabet();

struct TrainerSpec {
    engine::CellKind cell = engine::CellKind::Lstm;
    TaskSpec task;
    engine::Index hidden = 32;
    engine::Index batch = 32;
    double eta = 0.01;        // Adam
    double clipNorm = 5.0;    // ≤ 0: no clipping
    std::uint64_t seed = 1;
};

struct StepStats {
    long step = 0;
    double loss = 0;
    double accuracy = 0;               // classification tasks; NaN for regression
    double gradientNorm = 0;           // ‖∂L/∂θ‖ before clipping
    std::vector<double> gradNormPerStep;  // ‖∂L/∂h_t‖, t = 1…T (the recurrent layer's grad_norm)
    bool finite = true;
};

class SequenceTrainer {
public:
    explicit SequenceTrainer(TrainerSpec spec);  // throws std::invalid_argument naming a bad setting
    // One Adam step on the next seeded batch. A non-finite loss or gradient skips the update.
    StepStats step();
    // Loss and accuracy on `batches` held-out seeded batches (Eval mode, no update).
    StepStats evaluate(int batches = 4);
    // One sequence through the network, traced (for the unrolled view): x [1, T, d]. With
    // backward, ∂L/∂(output) = 1 at the last step's outputs, so the trace shows that final
    // prediction's gradient flowing back through time.
    void traceOne(const engine::Tensor& x, engine::NetworkTrace& trace, bool withBackward);
    // A batch with its labels through the network and back from the task's loss (no update):
    // the loss, accuracy and per-step gradient norms of exactly what the trace holds.
    StepStats traceBatch(const SequenceBatch& batch, engine::NetworkTrace& trace);

    // characters only: `length` characters after `prompt` (characters outside the alphabet are
    // skipped; an empty prompt starts from the text's first character); temperature ≤ 0 is greedy.
    std::string sample(const std::string& prompt, int length, double temperature, std::uint64_t seed);

    const TrainerSpec& spec() const { return spec_; }
    long steps() const { return steps_; }
    engine::Network& network() { return network_; }
    const engine::Network& network() const { return network_; }
    int recurrentNode() const { return 0; }

private:
    StepStats run(const SequenceBatch& batch, engine::NetworkTrace& trace, engine::Mode mode, bool backward);

    TrainerSpec spec_;
    engine::Network network_;
    engine::Adam adam_;
    engine::NetworkTrace trace_;
    long steps_ = 0;
};

}  // namespace ns::sequence
