#include "rl/policy_gradient.h"

#include "base/activation.h"
#include "engine/activation_layer.h"
#include "engine/dense.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns::rl {

namespace {
using engine::Index;
using engine::Tensor;

constexpr double kScale[4] = {1 / 2.4, 1 / 3.0, 1 / 0.21, 1 / 3.0};  // inputs to about [−1, 1]

engine::Network mlp(int hidden, int outputs, std::uint64_t seed) {
    engine::Network net({4});
    net.emplace<engine::Dense>(4, hidden);
    net.emplace<engine::ActivationLayer>(Activation::Relu);
    net.emplace<engine::Dense>(hidden, outputs);
    net.initialize(seed);
    return net;
}

void writeState(const CartPoleState& s, double* row) {
    const auto a = s.asArray();
    for (std::size_t i = 0; i < 4; ++i) row[i] = a[i] * kScale[i];
}

// π(right) from the two logits, computed stably.
double softmaxRight(const double* logits) { return 1.0 / (1.0 + std::exp(logits[0] - logits[1])); }

// Adam ascends J by descending −J: the gradient handed to backward is ∂(−J)/∂output.
void descend(engine::Network& net, engine::NetworkTrace& trace, const Tensor& x, const Tensor& grad, engine::Adam& adam) {
    net.forward(x, trace, {engine::Mode::Train});
    net.backward(trace, grad, {engine::Mode::Train});
    adam.step(net, trace);
}
}  // namespace

PolicyGradientAgent::PolicyGradientAgent(PolicyGradientOptions options)
    : options_(options), random_(options.seed), env_(options.seed * 2 + 1),
      actor_(mlp(options.hidden, 2, options.seed)), critic_(mlp(options.hidden, 1, options.seed + 7)),
      actorAdam_(engine::AdamSettings{options.learningRate, 0.9, 0.999, 1e-8}),
      criticAdam_(engine::AdamSettings{options.criticLearningRate, 0.9, 0.999, 1e-8}) {
    if (options_.hidden < 1 || !(options_.gamma >= 0 && options_.gamma <= 1))
        throw std::invalid_argument("PolicyGradientOptions: expected hidden ≥ 1 and γ in [0, 1]");
}

double PolicyGradientAgent::probabilityRight(const CartPoleState& s) const {
    Tensor x({1, 4});
    writeState(s, x.data());
    // forward() leaves the weights alone; the trace is scratch memory reused between calls.
    const_cast<engine::Network&>(actor_).forward(x, actTrace_, {engine::Mode::Eval});
    return softmaxRight(actTrace_.output().data());
}

double PolicyGradientAgent::evaluate(int episodes, std::uint64_t seed) const {
    CartPole env(seed);
    double total = 0;
    for (int e = 0; e < episodes; ++e) {
        env.reset();
        CartPoleStep step;
        do step = env.step(probabilityRight(env.state()) > 0.5 ? 1 : 0);
        while (!step.done());
        total += env.steps();
    }
    return total / std::max(1, episodes);
}

PolicyEpisode PolicyGradientAgent::runEpisode() {
    PolicyEpisode episode;
    env_.reset();
    std::vector<CartPoleState> states;
    std::vector<int> actions;
    std::vector<double> rewards;
    double weightSum = 0;
    CartPoleStep step;
    do {
        const CartPoleState s = env_.state();
        const double pRight = probabilityRight(s);
        const int a = random_.uniform() < pRight ? 1 : 0;
        step = env_.step(a);
        states.push_back(s), actions.push_back(a), rewards.push_back(step.reward);
        if (options_.method == PolicyGradientMethod::ActorCritic) {
            Tensor x({1, 4}), xn({1, 4});
            writeState(s, x.data());
            writeState(step.state, xn.data());
            critic_.forward(xn, criticTrace_, {engine::Mode::Eval});
            const double vNext = step.failed ? 0.0 : criticTrace_.output()[0];
            critic_.forward(x, criticTrace_, {engine::Mode::Train});
            const double v = criticTrace_.output()[0];
            // eq. 91: A_t = Q(s_t, a_t) − V(s_t), Q by its one-step sample r_t + γ V(s_{t+1}).
            const double advantage = step.reward + options_.gamma * vNext - v;
            weightSum += advantage;
            // Critic: ½(V − y)² with y fixed, ∂/∂V = V − y = −A_t.
            Tensor gv({1, 1}, -advantage);
            critic_.backward(criticTrace_, gv, {engine::Mode::Train});
            criticAdam_.step(critic_, criticTrace_);
            // Actor, eq. 90: ∂(−log π(a|s) A_t)/∂logits = (π − onehot(a)) A_t.
            Tensor g({1, 2});
            g[0] = ((1.0 - pRight) - (a == 0 ? 1.0 : 0.0)) * advantage;
            g[1] = (pRight - (a == 1 ? 1.0 : 0.0)) * advantage;
            descend(actor_, trainTrace_, x, g, actorAdam_);
        }
        ++episode.length;
        episode.totalReward += step.reward;
    } while (!step.done());

    if (options_.method == PolicyGradientMethod::Reinforce) {
        // eq. 89 over the whole episode in one batch: R_t backwards, then standardised.
        const std::size_t T = states.size();
        std::vector<double> R(T);
        double running = 0;
        for (std::size_t t = T; t-- > 0;) R[t] = running = rewards[t] + options_.gamma * running;
        double mean = 0, var = 0;
        for (double r : R) mean += r;
        mean /= static_cast<double>(T);
        for (double r : R) var += (r - mean) * (r - mean);
        const double sd = std::sqrt(var / static_cast<double>(T)) + 1e-8;
        weightSum = mean * static_cast<double>(T);
        Tensor x({static_cast<Index>(T), 4}), g({static_cast<Index>(T), 2});
        actor_.forward([&] {
            for (std::size_t t = 0; t < T; ++t) writeState(states[t], x.sample(static_cast<Index>(t)));
            return x;
        }(), trainTrace_, {engine::Mode::Train});
        for (std::size_t t = 0; t < T; ++t) {
            const double p = softmaxRight(trainTrace_.output().sample(static_cast<Index>(t)));
            const double w = (R[t] - mean) / sd / static_cast<double>(T);
            g.sample(static_cast<Index>(t))[0] = ((1.0 - p) - (actions[t] == 0 ? 1.0 : 0.0)) * w;
            g.sample(static_cast<Index>(t))[1] = (p - (actions[t] == 1 ? 1.0 : 0.0)) * w;
        }
        actor_.backward(trainTrace_, g, {engine::Mode::Train});
        actorAdam_.step(actor_, trainTrace_);
    }
    episode.meanWeight = weightSum / std::max(1, episode.length);
    episodes_.push_back(episode);
    return episode;
}

}  // namespace ns::rl
