#include "rl/dqn.h"

#include "base/activation.h"
#include "engine/activation_layer.h"
#include "engine/dense.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns::rl {

namespace {
using engine::Tensor;

// Inputs scaled to about [−1, 1] (the track, typical speeds, the 12° limit), so no feature
// dominates the first layer's He-initialised weights.
constexpr std::array<double, 4> kScale = {1 / 2.4, 1 / 3.0, 1 / 0.21, 1 / 3.0};

engine::Network makeQNetwork(int hidden, std::uint64_t seed) {
    engine::Network net({4});
    net.emplace<engine::Dense>(4, hidden);
    net.emplace<engine::ActivationLayer>(Activation::Relu);
    net.emplace<engine::Dense>(hidden, hidden);
    net.emplace<engine::ActivationLayer>(Activation::Relu);
    net.emplace<engine::Dense>(hidden, 2);
    net.initialize(seed);
    return net;
}

void writeState(const std::array<double, 4>& s, double* row) {
    for (std::size_t i = 0; i < 4; ++i) row[i] = s[i] * kScale[i];
}
}  // namespace

DqnAgent::DqnAgent(DqnOptions options)
    : options_(options), random_(options.seed), env_(options.seed * 2 + 1),
      online_(makeQNetwork(options.hidden, options.seed)), target_(online_),
      adam_(engine::AdamSettings{options.learningRate, 0.9, 0.999, 1e-8}) {
    if (options_.hidden < 1 || options_.batchSize < 1 || options_.replayCapacity < options_.batchSize ||
        options_.targetUpdateSteps < 1 || !(options_.gamma >= 0 && options_.gamma <= 1))
        throw std::invalid_argument("DqnOptions: expected hidden, batchSize, targetUpdateSteps ≥ 1, replayCapacity ≥ "
                                    "batchSize and γ in [0, 1]");
}

double DqnAgent::epsilon() const {
    const double f = std::min(1.0, static_cast<double>(steps_) / std::max(1, options_.epsilonDecaySteps));
    return options_.epsilonStart + f * (options_.epsilonEnd - options_.epsilonStart);
}

std::array<double, 2> DqnAgent::qValues(const CartPoleState& s) const {
    Tensor x({1, 4});
    writeState(s.asArray(), x.data());
    // forward() does not change the weights; the trace is scratch memory reused between calls.
    const_cast<engine::Network&>(online_).forward(x, actTrace_, {engine::Mode::Eval});
    return {actTrace_.output()[0], actTrace_.output()[1]};
}

int DqnAgent::greedyAction(const CartPoleState& s) const {
    const auto q = qValues(s);
    return q[1] > q[0] ? 1 : 0;
}

double DqnAgent::evaluate(int episodes, std::uint64_t seed) const {
    CartPole env(seed);
    double total = 0;
    for (int e = 0; e < episodes; ++e) {
        env.reset();
        CartPoleStep step;
        do step = env.step(greedyAction(env.state()));
        while (!step.done());
        total += env.steps();
    }
    return total / std::max(1, episodes);
}

double DqnAgent::update() {
    const bool replay = options_.useReplay;
    const std::size_t n = replay ? static_cast<std::size_t>(options_.batchSize) : 1;
    Tensor x({static_cast<engine::Index>(n), 4}), next({static_cast<engine::Index>(n), 4});
    std::vector<const Transition*> batch(n);
    for (std::size_t i = 0; i < n; ++i) {
        // With replay: uniform over the buffer (decorrelated samples); without: the newest one.
        const std::size_t newest = (replayNext_ + replay_.size() - 1) % replay_.size();
        const std::size_t k = replay ? std::min(replay_.size() - 1, static_cast<std::size_t>(random_.uniform() * static_cast<double>(replay_.size())))
                                     : newest;
        batch[i] = &replay_[k];
        writeState(batch[i]->state, x.sample(static_cast<engine::Index>(i)));
        writeState(batch[i]->next, next.sample(static_cast<engine::Index>(i)));
    }
    // y = r + γ max_a' Q(s', a'; θ⁻), with θ⁻ = θ when the target network is off.
    engine::Network& bootstrapNet = options_.useTargetNetwork ? target_ : online_;
    bootstrapNet.forward(next, targetTrace_, {engine::Mode::Eval});
    online_.forward(x, trainTrace_, {engine::Mode::Train});
    const Tensor& q = trainTrace_.output();
    Tensor grad({static_cast<engine::Index>(n), 2});
    double loss = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const engine::Index row = static_cast<engine::Index>(i);
        const double* qn = targetTrace_.output().sample(row);
        const double y = batch[i]->reward + (batch[i]->terminal ? 0.0 : options_.gamma * std::max(qn[0], qn[1]));
        const double d = q.sample(row)[batch[i]->action] - y;
        // Huber: ½d² inside |d| ≤ 1, linear outside, so a wild early target cannot blow up θ.
        loss += std::abs(d) <= 1 ? 0.5 * d * d : std::abs(d) - 0.5;
        grad.sample(row)[batch[i]->action] = std::clamp(d, -1.0, 1.0) / static_cast<double>(n);
    }
    online_.backward(trainTrace_, grad, {engine::Mode::Train});
    adam_.step(online_, trainTrace_);
    return loss / static_cast<double>(n);
}

DqnEpisode DqnAgent::runEpisode() {
    DqnEpisode episode;
    env_.reset();
    double lossSum = 0;
    CartPoleStep step;
    do {
        const CartPoleState s = env_.state();
        const bool explore = steps_ < options_.warmupSteps || random_.uniform() < epsilon();
        const int a = explore ? (random_.uniform() < 0.5 ? 0 : 1) : greedyAction(s);
        step = env_.step(a);
        Transition t{s.asArray(), step.state.asArray(), a, step.reward, step.failed};
        if (replay_.size() < static_cast<std::size_t>(options_.replayCapacity)) replay_.push_back(t);
        else replay_[replayNext_] = t;
        replayNext_ = (replayNext_ + 1) % static_cast<std::size_t>(options_.replayCapacity);
        ++steps_;
        if (steps_ >= options_.warmupSteps) {
            lossSum += update();
            ++episode.updates;
        }
        if (options_.useTargetNetwork && steps_ % options_.targetUpdateSteps == 0) target_ = online_;
        episode.totalReward += step.reward;
        ++episode.length;
    } while (!step.done());
    episode.epsilon = epsilon();
    episode.meanLoss = episode.updates ? lossSum / episode.updates : 0.0;
    episodes_.push_back(episode);
    return episode;
}

}  // namespace ns::rl
