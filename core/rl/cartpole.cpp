#include "rl/cartpole.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns::rl {

const CartPoleState& CartPole::reset() {
    auto draw = [&] { return -0.05 + 0.1 * random_.uniform(); };
    state_.x = draw(), state_.xDot = draw(), state_.theta = draw(), state_.thetaDot = draw();
    steps_ = 0;
    return state_;
}

CartPoleState CartPole::advance(const CartPoleState& s, int action) {
    if (action != 0 && action != 1) throw std::invalid_argument("CartPole: expected action 0 or 1, found " + std::to_string(action));
    const double force = action == 1 ? kForce : -kForce;
    const double totalMass = kCartMass + kPoleMass, poleMassLength = kPoleMass * kHalfLength;
    const double cosT = std::cos(s.theta), sinT = std::sin(s.theta);
    const double temp = (force + poleMassLength * s.thetaDot * s.thetaDot * sinT) / totalMass;
    const double thetaAcc =
        (kGravity * sinT - cosT * temp) / (kHalfLength * (4.0 / 3.0 - kPoleMass * cosT * cosT / totalMass));
    const double xAcc = temp - poleMassLength * thetaAcc * cosT / totalMass;
    // Explicit Euler: positions move with the old velocities, velocities with the new accelerations.
    return {s.x + kTau * s.xDot, s.xDot + kTau * xAcc, s.theta + kTau * s.thetaDot, s.thetaDot + kTau * thetaAcc};
}

CartPoleStep CartPole::step(int action) {
    state_ = advance(state_, action);
    ++steps_;
    CartPoleStep out;
    out.state = state_;
    out.reward = 1.0;
    out.failed = std::abs(state_.x) > kXLimit || std::abs(state_.theta) > kThetaLimit;
    out.truncated = !out.failed && steps_ >= kMaxSteps;
    return out;
}

CartPoleRollout rolloutCartPole(std::uint64_t seed, const std::function<int(const CartPoleState&)>& policy) {
    CartPole env(seed);
    CartPoleRollout out;
    out.states.push_back(env.reset());
    CartPoleStep step;
    do {
        const int a = policy(env.state());
        step = env.step(a);
        out.actions.push_back(a);
        out.states.push_back(step.state);
    } while (!step.done());
    out.steps = static_cast<int>(out.actions.size());
    out.failed = step.failed;
    return out;
}

}  // namespace ns::rl
