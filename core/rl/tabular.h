#pragma once
// Tabular temporal-difference control on a grid world (seed 001 §8.1; the learned Q approximates
// Q*(s, a) as DQN's network does in eq. 88): Q-learning (off-policy,
// target r + γ max_a' Q(s', a')) and SARSA (on-policy, target r + γ Q(s', a') with a' the ε-greedy
// action actually taken next), both acting ε-greedily. Every random choice (ε, ties, slips, random
// starts) comes from one generator seeded by TabularOptions::seed, so a run replays exactly.
#include "base/random.h"
#include "rl/grid_world.h"

#include <cstdint>
#include <vector>

namespace ns::rl {

enum class TdMethod { QLearning, Sarsa };

struct TabularOptions {
    TdMethod method = TdMethod::QLearning;
    double alpha = 0.5;     // step size of Q ← Q + α (target − Q)
    double epsilon = 0.1;   // probability of a uniformly random action
    int maxSteps = 200;     // an episode that has not reached a terminal by then is cut off
    bool randomStarts = false;  // start each episode in a random decision state (exploring starts)
    std::uint64_t seed = 1;
};

// One episode as a view draws it: s_0, a_0, r_0, s_1, … (eq. 87's trajectory τ).
struct EpisodeRecord {
    std::vector<int> states;   // s_0 … s_T (the last is terminal unless the episode was cut off)
    std::vector<int> actions;  // a_0 … a_{T−1}
    std::vector<double> rewards;
    double discountedReturn = 0;  // Σ γ^t r_t (eq. 87)
    double totalReward = 0;       // Σ r_t
    int length = 0;               // T
    bool reachedTerminal = false;
};

// One TD update: Q(s, a) moved by α·δ with δ = target − Q(s, a) before the update.
struct TdUpdate {
    int state = 0, action = 0, next = 0;
    double reward = 0, target = 0, tdError = 0;
};

class TabularLearner {
public:
    TabularLearner(GridWorld world, TabularOptions options);

    // Runs one episode, updating Q after every step; appends its updates to `updates` when given.
    EpisodeRecord runEpisode(std::vector<TdUpdate>* updates = nullptr);
    // Runs `episodes` episodes and returns their records.
    std::vector<EpisodeRecord> train(int episodes);

    const QTable& Q() const { return Q_; }
    // Options may change between episodes (a schedule lowering α or ε, a view's slider).
    TabularOptions& options() { return options_; }
    std::vector<int> greedy() const { return greedyPolicy(world_, Q_); }
    const GridWorld& world() const { return world_; }
    int episodesRun() const { return episodes_; }

private:
    int chooseAction(int s);  // ε-greedy, ties among equal maxima broken at random

    GridWorld world_;
    TabularOptions options_;
    Random random_;
    QTable Q_;
    std::vector<int> decisionStates_;
    int episodes_ = 0;
};

}  // namespace ns::rl
