#pragma once
// One training step unfolded into the events a student clicks through, in the textbook's order
// (seed 001 Algorithms 2–3 and §2.5, the code of §3.2, seed 004 §1.4):
//   forward   z⁽ˡ⁾ⱼ = Σₖ W⁽ˡ⁾ⱼₖ a⁽ˡ⁻¹⁾ₖ + b⁽ˡ⁾ⱼ, then a⁽ˡ⁾ⱼ = σ(z⁽ˡ⁾ⱼ), layer by layer;
//   loss      L;
//   backward  δ⁽ᴸ⁾, then for l = L … 1: δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾ ⊙ σ'(z⁽ˡ⁾),
//             ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ (a⁽ˡ⁻¹⁾)ᵀ, ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾ (batch means for m > 1);
//   update    W ← W − η ∂L/∂W, b ← b − η ∂L/∂b.
// Every event's number is looked up in the Trace that Mlp::forwardBackward produced and in the
// network after Mlp::applyGradients — the code path that trains. Nothing is recomputed here
// except σ'(z), evaluated with the core's own activation derivative for the formula text.
#include "base/loss.h"
#include "mlp/mlp.h"
#include "mlp/trace.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace ns {

enum class StepPhase { Forward, Loss, Backward, Update };

// Which number of a training step. Layers are numbered as in the textbook: 1 … L for weight
// layers, 0 for the input. unit (j) and input (k) are 0-based here and shown 1-based.
enum class Quantity {
    Input,         // xₖ = a⁽⁰⁾ₖ (given)
    Target,        // yⱼ (given)
    Weight,        // W⁽ˡ⁾ⱼₖ before the update (given)
    Bias,          // b⁽ˡ⁾ⱼ before the update (given)
    LearningRate,  // η (given)
    Z,             // z⁽ˡ⁾ⱼ
    A,             // a⁽ˡ⁾ⱼ
    Loss,          // L (ℓᵢ per sample)
    Delta,         // δ⁽ˡ⁾ⱼ = ∂ℓᵢ/∂z⁽ˡ⁾ⱼ
    WeightGrad,    // ∂L/∂W⁽ˡ⁾ⱼₖ
    BiasGrad,      // ∂L/∂b⁽ˡ⁾ⱼ
    NewWeight,     // W⁽ˡ⁾ⱼₖ after W ← W − η ∂L/∂W
    NewBias,       // b⁽ˡ⁾ⱼ after b ← b − η ∂L/∂b
};

struct ValueId {
    Quantity quantity = Quantity::Z;
    int layer = 0;
    int unit = 0;
    int input = 0;

    auto key() const { return std::tuple(static_cast<int>(quantity), layer, unit, input); }
    bool operator==(const ValueId& other) const { return key() == other.key(); }
    bool operator<(const ValueId& other) const { return key() < other.key(); }
};

bool isGiven(Quantity q);       // inputs, targets, weights, biases, η: not computed by a step
bool isPerSample(Quantity q);   // z, a, δ, ℓ: one value per sample of the batch

enum class Notation { Unicode, Html, Latex };

// The symbol of a value: z₂⁽¹⁾, W⁽³⁾₁₂, ∂L/∂b₁⁽²⁾, … in the chosen notation.
std::string symbol(const ValueId& id, Notation notation);
// A number as formulas print it: `digits` significant digits, a true minus sign (Unicode,
// HTML), ×10ⁿ instead of e-notation, never "−0".
std::string formatNumber(double v, Notation notation, int digits = 4);
// A plain-ASCII name for CSV files: z^(1)_2, W^(3)_1,2, dL/db^(2)_1, …
std::string asciiSymbol(const ValueId& id);

// A formula as printed: "lhs = symbolic" and, per sample (one entry for batch-level values),
// "= numbers substituted = value". Numbers carry 4 significant digits (more for updates, so the
// change shows).
struct Formula {
    std::string symbolic;
    std::vector<std::string> substituted;
};

struct StepEvent {
    StepPhase phase = StepPhase::Forward;
    ValueId id;                   // the value this step computes
    std::vector<double> samples;  // per-sample values (z, a, δ, ℓ); empty for batch-level values
    double value = 0;             // the number: the batch value (L, ∂L/∂W, …), or the first
                                  // sample's value of a per-sample quantity
    std::vector<ValueId> uses;    // the earlier values its formula reads, in formula order
    std::size_t group = 0;        // index into BackpropSteps::groups()
    Formula unicode;
    Formula html;
    Formula latex;
};

// Layer granularity: the events of one layer and one phase (z and a of layer l; δ⁽ˡ⁾; the
// gradients of layer l; the update of layer l; the loss).
struct StepGroup {
    StepPhase phase = StepPhase::Forward;
    Quantity quantity = Quantity::Z;  // Z (z and a), Loss, Delta, WeightGrad (∂W and ∂b),
                                      // NewWeight (W and b)
    int layer = 0;
    std::size_t first = 0;  // events [first, last)
    std::size_t last = 0;
};

enum class Granularity { Value, Layer };

class BackpropSteps {
public:
    BackpropSteps() = default;

    // One training step of network on the batch (X, Y): forwardBackward, then applyGradients
    // with eta. Throws std::invalid_argument for mismatched shapes (as forwardBackward does).
    static BackpropSteps build(const Mlp& network, const ConstMatrixRef& X,
                               const ConstMatrixRef& Y, Loss loss, double eta);

    const std::vector<StepEvent>& events() const { return events_; }
    const std::vector<StepGroup>& groups() const { return groups_; }
    std::size_t size() const { return events_.size(); }
    bool empty() const { return events_.empty(); }

    const Mlp& before() const { return before_; }
    const Mlp& after() const { return after_; }  // the weights after the update
    const Trace& trace() const { return trace_; }
    Loss loss() const { return loss_; }
    double eta() const { return eta_; }
    int batchSize() const { return static_cast<int>(trace_.input.rows()); }
    int layerCount() const { return static_cast<int>(before_.layers().size()); }

    // The step that computes id, if any (given values have none).
    std::optional<std::size_t> eventOf(const ValueId& id) const;
    // Any value of the step, given or computed, for one sample (per-sample quantities) or the
    // batch (the rest): a lookup in the trace and the two networks.
    double valueOf(const ValueId& id, int sample = 0) const;

    // Cursor arithmetic: position p means events [0, p) are computed. next/previous move by one
    // event or to the next/previous boundary of a group.
    std::size_t next(std::size_t position, Granularity granularity) const;
    std::size_t previous(std::size_t position, Granularity granularity) const;

private:
    void addEvent(StepEvent event);
    void openGroup(StepPhase phase, Quantity quantity, int layer);
    void buildForward();
    void buildLoss();
    void buildBackward();
    void buildUpdate();

    Mlp before_;
    Mlp after_;
    Trace trace_;
    Loss loss_ = Loss::Bce;
    double eta_ = 0;
    std::vector<StepEvent> events_;
    std::vector<StepGroup> groups_;
    std::map<ValueId, std::size_t> index_;
};

}  // namespace ns
