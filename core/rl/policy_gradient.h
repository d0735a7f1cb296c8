#pragma once
// Policy-gradient agents on CartPole (seed 001 §8.2). The policy π_θ(a|s) is a softmax over the
// logits of an engine network (4 → hidden → ReLU → 2).
//  - REINFORCE (eq. 89): after each episode, ∇J ≈ Σ_t ∇ log π_θ(a_t|s_t) R_t with the return
//    R_t = Σ_{k≥t} γ^{k−t} r_k; the returns of an episode are standardised (a baseline that
//    lowers the variance without biasing the direction).
//  - One-step actor-critic (eqs. 90–91): a critic V_w(s) (4 → hidden → ReLU → 1) and the advantage
//    A_t = Q(s_t, a_t) − V(s_t) estimated by the TD error r_t + γ V(s_{t+1}) − V(s_t) (Q by its
//    one-step sample); actor and critic are updated after every step.
// ∂(−log π(a|s))/∂logits = π(·|s) − onehot(a), so the gradient fed to the network is that times
// the weight R_t or A_t. Adam (eqs. 65–69) ascends J. Every draw comes from `seed`.
#include "base/random.h"
#include "engine/network.h"
#include "engine/optimizer.h"
#include "rl/cartpole.h"

#include <cstdint>
#include <vector>

namespace ns::rl {

enum class PolicyGradientMethod { Reinforce, ActorCritic };

struct PolicyGradientOptions {
    PolicyGradientMethod method = PolicyGradientMethod::Reinforce;
    int hidden = 32;
    double gamma = 0.99;
    double learningRate = 1e-2;        // the actor's
    double criticLearningRate = 1e-2;  // actor-critic only
    std::uint64_t seed = 1;
};

struct PolicyEpisode {
    int length = 0;
    double totalReward = 0;
    double meanWeight = 0;  // mean R_t (REINFORCE, before standardising) or mean A_t (actor-critic)
};

class PolicyGradientAgent {
public:
    explicit PolicyGradientAgent(PolicyGradientOptions options);
    PolicyEpisode runEpisode();  // samples a ~ π_θ(·|s) and learns
    // π_θ(right | s)
    double probabilityRight(const CartPoleState& s) const;
    // The most probable action (right when π_θ(right | s) > ½), as evaluate() acts.
    int greedyAction(const CartPoleState& s) const { return probabilityRight(s) > 0.5 ? 1 : 0; }
    // Mean length of greedy (most probable action) episodes from resets seeded by `seed`.
    double evaluate(int episodes, std::uint64_t seed) const;
    const std::vector<PolicyEpisode>& episodes() const { return episodes_; }

private:
    PolicyGradientOptions options_;
    Random random_;
    CartPole env_;
    engine::Network actor_, critic_;
    engine::Adam actorAdam_, criticAdam_;
    std::vector<PolicyEpisode> episodes_;
    mutable engine::NetworkTrace actTrace_;
    engine::NetworkTrace trainTrace_, criticTrace_;
};

}  // namespace ns::rl
