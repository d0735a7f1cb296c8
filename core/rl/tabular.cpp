#include "rl/tabular.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns::rl {

namespace {
int below(Random& random, int n) {  // uniform in {0, …, n−1}
    return std::min(n - 1, static_cast<int>(random.uniform() * n));
}
}  // namespace

TabularLearner::TabularLearner(GridWorld world, TabularOptions options)
    : world_(std::move(world)), options_(options), random_(options.seed),
      Q_(static_cast<std::size_t>(world_.cellCount()), {0.0, 0.0, 0.0, 0.0}) {
    if (!(options_.alpha > 0.0 && options_.alpha <= 1.0))
        throw std::invalid_argument("alpha: expected a number in (0, 1], found " + std::to_string(options_.alpha));
    if (!(options_.epsilon >= 0.0 && options_.epsilon <= 1.0))
        throw std::invalid_argument("epsilon: expected a number from 0 to 1, found " + std::to_string(options_.epsilon));
    if (options_.maxSteps < 1) throw std::invalid_argument("maxSteps: expected at least 1");
    for (int s = 0; s < world_.cellCount(); ++s)
        if (world_.isDecision(s)) decisionStates_.push_back(s);
}

int TabularLearner::chooseAction(int s) {
    if (random_.uniform() < options_.epsilon) return below(random_, kActions);
    const auto& q = Q_[static_cast<std::size_t>(s)];
    const double best = *std::max_element(q.begin(), q.end());
    // Random among exact ties: with Q = 0 at the start, "first maximum" would always walk up.
    int ties[kActions], count = 0;
    for (int a = 0; a < kActions; ++a)
        if (q[static_cast<std::size_t>(a)] == best) ties[count++] = a;
    return count == 1 ? ties[0] : ties[below(random_, count)];
}

EpisodeRecord TabularLearner::runEpisode(std::vector<TdUpdate>* updates) {
    EpisodeRecord episode;
    int s = options_.randomStarts && !decisionStates_.empty()
                ? decisionStates_[static_cast<std::size_t>(below(random_, static_cast<int>(decisionStates_.size())))]
                : world_.start();
    episode.states.push_back(s);
    const double gamma = world_.gamma();
    double discount = 1.0;
    int a = chooseAction(s);
    for (int t = 0; t < options_.maxSteps; ++t) {
        const StepResult step = world_.step(s, a, random_.uniform());
        // The next action is drawn before the update (SARSA needs it; Q-learning takes it too, so
        // both methods consume the generator in the same order).
        const int nextAction = step.done ? -1 : chooseAction(step.next);
        double bootstrap = 0;  // a terminal state has no future: V = 0
        if (!step.done) {
            const auto& qn = Q_[static_cast<std::size_t>(step.next)];
            bootstrap = options_.method == TdMethod::QLearning ? *std::max_element(qn.begin(), qn.end())
                                                               : qn[static_cast<std::size_t>(nextAction)];
        }
        double& q = Q_[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)];
        const double target = step.reward + gamma * bootstrap;
        const double delta = target - q;
        q += options_.alpha * delta;
        if (updates) updates->push_back({s, a, step.next, step.reward, target, delta});

        episode.actions.push_back(a);
        episode.rewards.push_back(step.reward);
        episode.states.push_back(step.next);
        episode.discountedReturn += discount * step.reward;
        episode.totalReward += step.reward;
        discount *= gamma;
        ++episode.length;
        if (step.done) {
            episode.reachedTerminal = true;
            break;
        }
        s = step.next;
        a = nextAction;
    }
    ++episodes_;
    return episode;
}

std::vector<EpisodeRecord> TabularLearner::train(int episodes) {
    std::vector<EpisodeRecord> records;
    records.reserve(static_cast<std::size_t>(std::max(episodes, 0)));
    for (int e = 0; e < episodes; ++e) records.push_back(runEpisode());
    return records;
}

}  // namespace ns::rl
