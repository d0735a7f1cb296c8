#pragma once
// Deep Q-network on CartPole (seed 001 §8.2): Q(s, a; θ) ≈ Q*(s, a) (eq. 88) by the engine's
// Dense/ReLU layers (4 → hidden → hidden → 2), trained with Adam (eqs. 65–69) on the Huber loss
// of the TD error y − Q(s, a; θ), y = r + γ max_a' Q(s', a'; θ⁻). The two key techniques of §8.2
// can each be turned off to show why they are there:
//  - experience replay: transitions (s, a, r, s', done) go into a ring buffer and each update
//    uses a random mini-batch of them (off: the update uses only the newest transition);
//  - target network: θ⁻ is a copy of θ refreshed every targetUpdateSteps steps (off: θ⁻ = θ).
// Every random choice (resets, ε, mini-batches, initial weights) comes from `seed`.
#include "base/random.h"
#include "engine/network.h"
#include "engine/optimizer.h"
#include "rl/cartpole.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ns::rl {

struct DqnOptions {
    int hidden = 64;
    double gamma = 0.99;
    double learningRate = 1e-3;
    int batchSize = 64;
    int replayCapacity = 50000;
    int warmupSteps = 1000;     // random actions, no updates, until the buffer holds this many
    double epsilonStart = 1.0, epsilonEnd = 0.05;
    int epsilonDecaySteps = 10000;  // linear from start to end over this many steps
    int targetUpdateSteps = 500;
    bool useReplay = true;
    bool useTargetNetwork = true;
    std::uint64_t seed = 1;
};

// One training episode as a view plots it.
struct DqnEpisode {
    int length = 0;
    double totalReward = 0;
    double epsilon = 0;    // at the episode's end
    double meanLoss = 0;   // mean Huber loss of the episode's updates (0 during warm-up)
    int updates = 0;
};

class DqnAgent {
public:
    explicit DqnAgent(DqnOptions options);

    DqnEpisode runEpisode();  // one ε-greedy training episode
    // Mean length of `episodes` greedy episodes from resets of a CartPole seeded by `seed`.
    double evaluate(int episodes, std::uint64_t seed) const;
    int greedyAction(const CartPoleState& s) const;
    std::array<double, 2> qValues(const CartPoleState& s) const;

    const engine::Network& network() const { return online_; }
    void setNetwork(const engine::Network& network) { online_ = network; }
    long steps() const { return steps_; }
    double epsilon() const;
    const std::vector<DqnEpisode>& episodes() const { return episodes_; }

private:
    struct Transition {
        std::array<double, 4> state, next;
        int action;
        double reward;
        bool terminal;  // failed: no bootstrap (a 500-step cut-off still bootstraps)
    };
    double update();  // one gradient step; returns the batch's mean loss

    DqnOptions options_;
    Random random_;
    CartPole env_;
    engine::Network online_, target_;
    engine::Adam adam_;
    std::vector<Transition> replay_;
    std::size_t replayNext_ = 0;
    long steps_ = 0;
    std::vector<DqnEpisode> episodes_;
    mutable engine::NetworkTrace actTrace_;
    engine::NetworkTrace trainTrace_, targetTrace_;
};

}  // namespace ns::rl
