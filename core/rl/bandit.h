#pragma once
// The k-armed bandit testbed (exploration vs exploitation, seed 001 §8.1 with a single state): arm
// a pays r ~ N(q*(a), 1) with q*(a) ~ N(0, 1) drawn per run. Strategies: greedy and ε-greedy on
// sample averages Q(a) = (Σ rewards of a) / N(a), and UCB, a = argmax Q(a) + c √(ln t / N(a)) with
// untried arms first. Each run's bandit comes from (seed, run) alone, so every strategy with the
// same seed faces the same bandits and the curves compare strategies, not luck.
#include <cstdint>
#include <vector>

namespace ns::rl {

enum class BanditStrategy { Greedy, EpsilonGreedy, Ucb };

struct BanditOptions {
    int arms = 10;
    int steps = 1000;
    int runs = 2000;
    BanditStrategy strategy = BanditStrategy::EpsilonGreedy;
    double epsilon = 0.1;
    double ucbC = 2.0;
    std::uint64_t seed = 1;
};

// Per step t, averaged over the runs: the reward and the fraction of runs that pulled the best arm.
struct BanditCurves {
    std::vector<double> averageReward;
    std::vector<double> optimalFraction;
};

// Throws std::invalid_argument for arms < 1, steps < 1, runs < 1, ε outside [0, 1] or c < 0.
BanditCurves runBanditTestbed(const BanditOptions& options);

// One run as its agent lived it (the same pulls and rewards runBanditTestbed averages): per step t
// the arm pulled, the reward, and after the step's update the estimates Q(a) and counts N(a)
// (row t of `estimates` and `pulls`, `arms` values each).
struct BanditRun {
    std::vector<double> means;  // q*(a)
    int bestArm = 0;
    std::vector<int> actions;
    std::vector<double> rewards;
    std::vector<double> estimates;  // [steps][arms]
    std::vector<long> pulls;        // [steps][arms]
};
// Throws as runBanditTestbed does, or for run < 0.
BanditRun traceBanditRun(const BanditOptions& options, int run);

// q*(a) of run `run`'s bandit, the hidden means runBanditTestbed draws for that run (the same for
// every strategy). Throws std::invalid_argument for arms outside 1 to 100000 or run < 0.
std::vector<double> banditMeans(const BanditOptions& options, int run);

}  // namespace ns::rl
