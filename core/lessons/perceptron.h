#pragma once
// The perceptron of seed 001 §2.1 on the truth tables of logic gates: ŷ = sign(wᵀx + b) with
// sign(0) = +1 (eq. 1), labels y ∈ {−1, +1} (a gate's 1 is +1, its 0 is −1), and Algorithm 1,
// the error-driven learning rule
//     if y (wᵀx + b) ≤ 0:  w ← w + η y x,  b ← b + η y,
// applied to the samples in order, pass after pass, until a pass makes no mistake. Also the
// M-P neuron of seed 004 (a threshold unit with hand-set weights) and a hand-built network of
// two hidden threshold units and an output unit, which computes XOR.
#include "lessons/lesson.h"

#include <array>
#include <vector>

namespace ns::lessons {

struct LogicData {
    Gate gate = Gate::And;
    int inputs = 2;                          // 1 for NOT
    std::vector<std::array<double, 2>> x;    // truth-table order: (0,0), (0,1), (1,0), (1,1)
    std::vector<int> y;                      // +1 or −1
};
LogicData logicData(Gate gate);
std::string_view name(Gate gate);

// One visit of the rule to a sample.
struct PerceptronUpdate {
    int sample = 0;
    double score = 0;       // wᵀx + b before the update
    bool mistake = false;   // y · score ≤ 0
    std::vector<double> weightsBefore, weightsAfter;
    double biasBefore = 0, biasAfter = 0;
};

class Perceptron {
public:
    explicit Perceptron(Gate gate = Gate::And, double eta = 1, std::vector<double> weights = {}, double bias = 0);

    const LogicData& data() const { return data_; }
    const std::vector<double>& weights() const { return w_; }
    double bias() const { return b_; }
    double eta() const { return eta_; }
    void setEta(double eta) { eta_ = eta; }  // for the updates to come
    void setWeights(std::vector<double> weights, double bias);  // by hand (the M-P neuron)

    double score(int sample) const;       // wᵀx + b
    int predict(int sample) const;        // sign, with sign(0) = +1
    bool classifiesAll() const;

    // Algorithm 1, one sample: the next one in order (wrapping to the next pass).
    PerceptronUpdate step();
    // The rest of the current pass (a whole pass when at its start).
    std::vector<PerceptronUpdate> epoch();
    // Passes until one makes no mistake, at most maxEpochs; true if it converged.
    bool run(int maxEpochs);

    int nextSample() const { return cursor_; }
    long updates() const { return updates_; }       // weight changes made by the rule
    long epochs() const { return epochs_; }          // complete passes
    long mistakesThisPass() const { return passMistakes_; }
    bool converged() const { return converged_; }    // the last complete pass had no mistake
    const std::vector<PerceptronUpdate>& history() const { return history_; }

private:
    LogicData data_;
    double eta_;
    std::vector<double> w_;
    double b_;
    int cursor_ = 0;
    long updates_ = 0;
    long epochs_ = 0;
    long passMistakes_ = 0;
    bool converged_ = false;
    std::vector<PerceptronUpdate> history_;
};

// A threshold unit y = step(w₁x₁ + w₂x₂ + b) with step(s) = 1 for s ≥ 0, else 0, and a network
// of two of them feeding a third (the hidden-layer solution of XOR).
int fire(const ThresholdUnit& unit, double x1, double x2);

struct HiddenNetwork {
    ThresholdUnit hidden1{1, 1, -0.5};    // OR
    ThresholdUnit hidden2{-1, -1, 1.5};   // NAND
    ThresholdUnit output{1, 1, -1.5};     // AND of the two: XOR

    std::array<int, 2> hidden(double x1, double x2) const;
    int output01(double x1, double x2) const;
    // Every point of the gate's truth table right (outputs 1 ↔ label +1).
    bool classifiesAll(const LogicData& data) const;
};

}  // namespace ns::lessons
