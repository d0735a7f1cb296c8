// Learning from experience: tabular Q-learning and SARSA on grid worlds (against the value
// iteration of rl/grid_world.h) and the k-armed bandit's strategies. Every run is seeded; the
// assertions are about what the algorithms must do, not about numbers copied from a run.
#include "rl/bandit.h"
#include "rl/tabular.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace ns::rl;

namespace {
// Russell & Norvig's 4×3 world (start bottom left, goal top right, pit under it).
GridWorld fourByThree(double slip) { return GridWorld(GridWorldSpec{{"...G", ".#.X", "S..."}, 0.9, -0.04, slip}); }

// Cells where value iteration's best action beats every other by more than `margin` — there the
// greedy policy is unique and a learned policy must agree with it.
std::vector<int> clearDecisions(const GridWorld& w, const ValueIterationResult& vi, double margin) {
    std::vector<int> cells;
    for (int s = 0; s < w.cellCount(); ++s) {
        if (!w.isDecision(s)) continue;
        const auto& q = vi.Q[static_cast<std::size_t>(s)];
        const int best = vi.policy[static_cast<std::size_t>(s)];
        bool clear = true;
        for (int a = 0; a < kActions; ++a)
            if (a != best && q[static_cast<std::size_t>(a)] > q[static_cast<std::size_t>(best)] - margin) clear = false;
        if (clear) cells.push_back(s);
    }
    return cells;
}

double tailMean(const std::vector<double>& v, std::size_t n) {
    return std::accumulate(v.end() - static_cast<long>(n), v.end(), 0.0) / static_cast<double>(n);
}
}  // namespace

class TestRlLearning : public QObject {
    Q_OBJECT
private slots:
    void qLearningFindsTheValueIterationPolicy();
    void qLearningWithSlipAgreesWhereItMatters();
    void sarsaReachesTheGoal();
    void tdUpdatesAreRecorded();
    void runsReplayFromTheirSeed();
    void banditExplorationPaysOff();
    void banditIsReproducibleAndFair();
};

void TestRlLearning::qLearningFindsTheValueIterationPolicy() {
    // Deterministic moves: Q-learning with constant α converges to Q* itself, so after enough
    // episodes (bounded here) both the policy and the values must match value iteration.
    const GridWorld w = fourByThree(0.0);
    const ValueIterationResult vi = valueIteration(w);
    TabularOptions o;
    o.alpha = 0.5, o.epsilon = 0.3, o.randomStarts = true, o.seed = 7, o.maxSteps = 100;
    TabularLearner learner(w, o);
    learner.train(3000);
    const std::vector<int> greedy = learner.greedy();
    const std::vector<int> cells = clearDecisions(w, vi, 1e-6);
    QVERIFY(cells.size() >= 8);  // all 9 decision cells have a unique best action but one
    for (int s : cells)
        QVERIFY2(greedy[static_cast<std::size_t>(s)] == vi.policy[static_cast<std::size_t>(s)],
                 qPrintable(QString("cell (%1,%2): learned %3, value iteration %4")
                                .arg(w.row(s)).arg(w.col(s)).arg(actionName(greedy[static_cast<std::size_t>(s)]))
                                .arg(actionName(vi.policy[static_cast<std::size_t>(s)]))));
    for (int s : cells) {
        const double q = learner.Q()[static_cast<std::size_t>(s)][static_cast<std::size_t>(vi.policy[static_cast<std::size_t>(s)])];
        QVERIFY2(std::abs(q - vi.V[static_cast<std::size_t>(s)]) < 1e-3,
                 qPrintable(QString("Q = %1, V* = %2").arg(q).arg(vi.V[static_cast<std::size_t>(s)])));
    }
}

void TestRlLearning::qLearningWithSlipAgreesWhereItMatters() {
    // With slip the samples are noisy, so a constant α only hovers around Q*: α is lowered in
    // stages (a Robbins–Monro schedule in miniature), and the policy must agree wherever value
    // iteration's choice is clear by a margin (0.02) larger than the remaining noise.
    const GridWorld w = fourByThree(0.2);
    const ValueIterationResult vi = valueIteration(w);
    TabularOptions o;
    o.alpha = 0.1, o.epsilon = 0.3, o.randomStarts = true, o.seed = 11, o.maxSteps = 100;
    TabularLearner learner(w, o);
    for (double alpha : {0.1, 0.03, 0.01, 0.003}) {
        learner.options().alpha = alpha;
        learner.train(5000);
    }
    const std::vector<int> greedy = learner.greedy();
    const std::vector<int> cells = clearDecisions(w, vi, 0.02);
    QVERIFY(cells.size() >= 5);
    for (int s : cells)
        QVERIFY2(greedy[static_cast<std::size_t>(s)] == vi.policy[static_cast<std::size_t>(s)],
                 qPrintable(QString("cell (%1,%2): learned %3, value iteration %4")
                                .arg(w.row(s)).arg(w.col(s)).arg(actionName(greedy[static_cast<std::size_t>(s)]))
                                .arg(actionName(vi.policy[static_cast<std::size_t>(s)]))));
}

void TestRlLearning::sarsaReachesTheGoal() {
    const GridWorld w = fourByThree(0.0);
    TabularOptions o;
    o.method = TdMethod::Sarsa;
    o.alpha = 0.5, o.epsilon = 0.1, o.seed = 3;
    TabularLearner learner(w, o);
    const std::vector<EpisodeRecord> episodes = learner.train(500);
    // Following its greedy policy from S reaches G (not the pit) by the shortest route, 5 moves.
    const std::vector<int> greedy = learner.greedy();
    int s = w.start(), steps = 0;
    while (!w.isTerminal(s) && steps < w.cellCount()) s = w.step(s, greedy[static_cast<std::size_t>(s)], 0.5).next, ++steps;
    QCOMPARE(w.cell(s), Cell::Goal);
    QCOMPARE(steps, 5);
    // Learning shows in the record: late episodes are shorter than the first ones.
    QVERIFY(episodes.front().length > episodes.back().length || episodes.front().length > 5);
    double late = 0;
    for (std::size_t i = episodes.size() - 100; i < episodes.size(); ++i) late += episodes[i].length;
    QVERIFY(late / 100 < 8);
}

void TestRlLearning::tdUpdatesAreRecorded() {
    const GridWorld w = fourByThree(0.0);
    TabularOptions o;
    o.seed = 5;
    TabularLearner learner(w, o);
    std::vector<TdUpdate> updates;
    const EpisodeRecord e = learner.runEpisode(&updates);
    QCOMPARE(static_cast<int>(updates.size()), e.length);
    QCOMPARE(e.states.size(), e.actions.size() + 1);
    QCOMPARE(e.states.front(), w.start());
    // The first update of an untrained table: Q = 0, target = r (+ γ·0), δ = r, new Q = α r.
    QCOMPARE(updates[0].tdError, updates[0].reward);
    QCOMPARE(updates[0].target, updates[0].reward);
    // Eq. 87's return of the recorded rewards.
    double g = 0, discount = 1;
    for (double r : e.rewards) g += discount * r, discount *= w.gamma();
    QCOMPARE(e.discountedReturn, g);
}

void TestRlLearning::runsReplayFromTheirSeed() {
    const GridWorld w = fourByThree(0.2);
    TabularOptions o;
    o.seed = 42;
    TabularLearner a(w, o), b(w, o);
    a.train(200), b.train(200);
    QCOMPARE(a.Q(), b.Q());
    o.seed = 43;
    TabularLearner c(w, o);
    c.train(200);
    QVERIFY(c.Q() != a.Q());
}

void TestRlLearning::banditExplorationPaysOff() {
    // The 10-armed testbed: greedy locks onto the first arm that looked good, ε-greedy keeps
    // sampling and finds the best arm more often, UCB explores where it is unsure.
    BanditOptions o;
    o.runs = 1000, o.steps = 1000, o.seed = 2;
    o.strategy = BanditStrategy::Greedy;
    const BanditCurves greedy = runBanditTestbed(o);
    o.strategy = BanditStrategy::EpsilonGreedy;
    o.epsilon = 0.1;
    const BanditCurves epsilon = runBanditTestbed(o);
    o.strategy = BanditStrategy::Ucb;
    const BanditCurves ucb = runBanditTestbed(o);
    QCOMPARE(greedy.averageReward.size(), std::size_t{1000});
    const double gOpt = tailMean(greedy.optimalFraction, 200), eOpt = tailMean(epsilon.optimalFraction, 200);
    QVERIFY2(eOpt > gOpt + 0.2, qPrintable(QString("optimal: ε-greedy %1, greedy %2").arg(eOpt).arg(gOpt)));
    QVERIFY(tailMean(epsilon.averageReward, 200) > tailMean(greedy.averageReward, 200));
    QVERIFY(tailMean(ucb.averageReward, 200) > tailMean(greedy.averageReward, 200));
    // At the first step nothing is known: every strategy is at chance, about 1 run in 10.
    QVERIFY(std::abs(ucb.optimalFraction[0] - 0.1) < 0.05);
    // ε-greedy with ε = 0.1 can be optimal at most 1 − ε + ε/k = 91 % of the time, in expectation.
    QVERIFY(eOpt < 0.93);
}

void TestRlLearning::banditIsReproducibleAndFair() {
    BanditOptions o;
    o.runs = 50, o.steps = 100, o.seed = 9;
    const BanditCurves a = runBanditTestbed(o), b = runBanditTestbed(o);
    QCOMPARE(a.averageReward, b.averageReward);
    // One arm: always optimal, and the average reward is just its mean plus noise.
    o.arms = 1;
    const BanditCurves one = runBanditTestbed(o);
    for (double f : one.optimalFraction) QCOMPARE(f, 1.0);
    bool threw = false;
    try {
        o.epsilon = 1.5;
        runBanditTestbed(o);
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    QVERIFY(threw);
}

QTEST_GUILESS_MAIN(TestRlLearning)
#include "tst_rl_learning.moc"
