#pragma once
// CartPole (Barto, Sutton & Anderson 1983): a pole hinged on a cart that a force of ±10 N pushes
// left or right. The classic equations of motion, integrated with one Euler step of τ = 0.02 s:
//   θ̈ = (g sin θ − cos θ · (F + m_p l θ̇² sin θ)/(m_c + m_p)) / (l (4/3 − m_p cos²θ/(m_c + m_p)))
//   ẍ = (F + m_p l θ̇² sin θ)/(m_c + m_p) − m_p l θ̈ cos θ/(m_c + m_p)
// with g = 9.8, m_c = 1.0, m_p = 0.1, l = 0.5 (half the pole's length). Reward +1 for every step,
// the failing one included; the episode ends when |θ| > 12° or |x| > 2.4, or after 500 steps.
// As an MDP (seed 001 §8.1): S = (x, ẋ, θ, θ̇), A = {push left, push right}, P deterministic
// given the state, R = 1 per step; γ is the learner's choice. Resets draw each state variable
// uniformly from [−0.05, 0.05] with the environment's own seeded generator.
#include "base/random.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace ns::rl {

struct CartPoleState {
    double x = 0, xDot = 0, theta = 0, thetaDot = 0;
    std::array<double, 4> asArray() const { return {x, xDot, theta, thetaDot}; }
};

struct CartPoleStep {
    CartPoleState state;
    double reward = 0;
    bool failed = false;     // the pole fell or the cart left the track
    bool truncated = false;  // the 500-step cap
    bool done() const { return failed || truncated; }
};

class CartPole {
public:
    static constexpr double kGravity = 9.8, kCartMass = 1.0, kPoleMass = 0.1, kHalfLength = 0.5;
    static constexpr double kForce = 10.0, kTau = 0.02;
    static constexpr double kThetaLimit = 12.0 * 3.14159265358979323846 / 180.0, kXLimit = 2.4;
    static constexpr int kMaxSteps = 500;
    static constexpr int kActions = 2;  // 0: push left, 1: push right

    explicit CartPole(std::uint64_t seed) : random_(seed) {}

    const CartPoleState& reset();
    void setState(const CartPoleState& state, int stepsTaken = 0) { state_ = state, steps_ = stepsTaken; }
    // One Euler step of τ with force −F (action 0) or +F (action 1).
    CartPoleStep step(int action);
    const CartPoleState& state() const { return state_; }
    int steps() const { return steps_; }

    // The equations alone, for tests and views: the state after one step from `s`.
    static CartPoleState advance(const CartPoleState& s, int action);

private:
    Random random_;
    CartPoleState state_;
    int steps_ = 0;
};

// One episode of a fixed policy from the first reset of a CartPole seeded by `seed` (as the agents'
// evaluate(1, seed) runs it): states[0] is the reset state, states[t + 1] the state after
// actions[t]; steps = actions.size(); failed as the last step reported it.
struct CartPoleRollout {
    std::vector<CartPoleState> states;
    std::vector<int> actions;
    int steps = 0;
    bool failed = false;
};
CartPoleRollout rolloutCartPole(std::uint64_t seed, const std::function<int(const CartPoleState&)>& policy);

}  // namespace ns::rl
