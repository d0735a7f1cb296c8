#include "rl/bandit.h"

#include "base/random.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns::rl {

namespace {
// Seeds of independent streams for (seed, run, stream): splitmix of a mixed value.
std::uint64_t streamSeed(std::uint64_t seed, int run, int stream) {
    Random mix(seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(run) * 4 + static_cast<std::uint64_t>(stream));
    return mix.nextU64();
}
int below(Random& random, int n) { return std::min(n - 1, static_cast<int>(random.uniform() * n)); }
}  // namespace

std::vector<double> banditMeans(const BanditOptions& o, int run) {
    if (o.arms < 1 || o.arms > 100000) throw std::invalid_argument("arms: expected 1 to 100000");
    if (run < 0) throw std::invalid_argument("run: expected 0 or more");
    Random bandit(streamSeed(o.seed, run, 0));  // as runBanditTestbed draws them
    std::vector<double> means(static_cast<std::size_t>(o.arms));
    for (double& m : means) m = bandit.normal();
    return means;
}

namespace {

void validate(const BanditOptions& o) {
    if (o.arms < 1 || o.arms > 100000) throw std::invalid_argument("arms: expected 1 to 100000");
    if (o.steps < 1 || o.runs < 1 || static_cast<double>(o.steps) * o.runs > 1e9)
        throw std::invalid_argument("steps, runs: expected at least 1 each and at most 1e9 pulls in all");
    if (!(o.epsilon >= 0.0 && o.epsilon <= 1.0)) throw std::invalid_argument("epsilon: expected a number from 0 to 1");
    if (!(o.ucbC >= 0.0)) throw std::invalid_argument("ucbC: expected a number ≥ 0");
}

// Scratch of one run, reused from run to run.
struct RunState {
    std::vector<double> means, estimate, bonus;
    std::vector<long> pulls;
};

// Plays run `run` of strategy o.strategy; calls step(t, arm, reward, best, state) after each update.
template <typename OnStep>
void playRun(const BanditOptions& o, int run, RunState& st, OnStep step) {
    const std::size_t arms = static_cast<std::size_t>(o.arms);
    st.means.resize(arms), st.estimate.assign(arms, 0.0), st.bonus.resize(arms), st.pulls.assign(arms, 0L);
    Random bandit(streamSeed(o.seed, run, 0));  // q*: the same for every strategy
    Random agent(streamSeed(o.seed, run, 1 + static_cast<int>(o.strategy)));
    for (double& m : st.means) m = bandit.normal();
    const std::size_t best = static_cast<std::size_t>(std::max_element(st.means.begin(), st.means.end()) - st.means.begin());
    for (int t = 0; t < o.steps; ++t) {
        int a = -1;
        if (o.strategy == BanditStrategy::EpsilonGreedy && agent.uniform() < o.epsilon) {
            a = below(agent, o.arms);
        } else {
            // Greedy value: Q(a), plus UCB's bonus; an untried arm is infinitely uncertain.
            for (std::size_t i = 0; i < arms; ++i) {
                st.bonus[i] = st.estimate[i];
                if (o.strategy == BanditStrategy::Ucb)
                    st.bonus[i] = st.pulls[i] == 0 ? INFINITY
                                                   : st.estimate[i] + o.ucbC * std::sqrt(std::log(t + 1.0) / static_cast<double>(st.pulls[i]));
            }
            const double top = *std::max_element(st.bonus.begin(), st.bonus.end());
            int ties = 0;
            for (double b : st.bonus) ties += b == top;
            int pick = ties == 1 ? 0 : below(agent, ties);  // random among exact ties
            for (std::size_t i = 0; i < arms; ++i)
                if (st.bonus[i] == top && pick-- == 0) {
                    a = static_cast<int>(i);
                    break;
                }
        }
        const std::size_t ai = static_cast<std::size_t>(a);
        const double reward = st.means[ai] + bandit.normal();  // the environment's noise, not the agent's
        ++st.pulls[ai];
        st.estimate[ai] += (reward - st.estimate[ai]) / static_cast<double>(st.pulls[ai]);  // incremental mean
        step(t, ai, reward, best);
    }
}

}  // namespace

BanditCurves runBanditTestbed(const BanditOptions& o) {
    validate(o);
    BanditCurves curves;
    curves.averageReward.assign(static_cast<std::size_t>(o.steps), 0.0);
    curves.optimalFraction.assign(static_cast<std::size_t>(o.steps), 0.0);
    RunState st;
    for (int run = 0; run < o.runs; ++run)
        playRun(o, run, st, [&](int t, std::size_t a, double reward, std::size_t best) {
            curves.averageReward[static_cast<std::size_t>(t)] += reward;
            curves.optimalFraction[static_cast<std::size_t>(t)] += a == best ? 1.0 : 0.0;
        });
    for (double& r : curves.averageReward) r /= o.runs;
    for (double& f : curves.optimalFraction) f /= o.runs;
    return curves;
}

BanditRun traceBanditRun(const BanditOptions& o, int run) {
    validate(o);
    if (run < 0) throw std::invalid_argument("run: expected 0 or more");
    BanditRun out;
    RunState st;
    const std::size_t steps = static_cast<std::size_t>(o.steps), arms = static_cast<std::size_t>(o.arms);
    out.actions.reserve(steps), out.rewards.reserve(steps);
    out.estimates.reserve(steps * arms), out.pulls.reserve(steps * arms);
    playRun(o, run, st, [&](int, std::size_t a, double reward, std::size_t best) {
        out.actions.push_back(static_cast<int>(a));
        out.rewards.push_back(reward);
        out.estimates.insert(out.estimates.end(), st.estimate.begin(), st.estimate.end());
        out.pulls.insert(out.pulls.end(), st.pulls.begin(), st.pulls.end());
        out.bestArm = static_cast<int>(best);
    });
    out.means = st.means;
    return out;
}

}  // namespace ns::rl
