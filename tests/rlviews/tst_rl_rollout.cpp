// The core additions the reinforcement-learning workspaces draw on: rolloutCartPole follows the
// environment's own steps and, with an agent's greedy action, lasts exactly as long as the
// agent's evaluate(1, seed) says; banditMeans are the q*(a) runBanditTestbed plays.
#include "rl/bandit.h"
#include "rl/cartpole.h"
#include "rl/dqn.h"
#include "rl/policy_gradient.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace ns::rl;

class TestRlRollout : public QObject {
    Q_OBJECT
private slots:
    void rolloutFollowsTheEquations();
    void rolloutIsTheAgentsEvaluation();
    void banditMeansAreThePlayedOnes();
    void shorterRunsArePrefixes();
    void aTracedRunIsTheTestbedsRun();
};

void TestRlRollout::rolloutFollowsTheEquations() {
    // Always push right: the pole falls back-left quickly; every state is advance() of the last.
    const CartPoleRollout r = rolloutCartPole(7, [](const CartPoleState&) { return 1; });
    QVERIFY(r.failed);
    QCOMPARE(r.steps, static_cast<int>(r.actions.size()));
    QCOMPARE(r.states.size(), r.actions.size() + 1);
    QVERIFY(r.steps > 3 && r.steps < 100);
    CartPole env(7);
    const CartPoleState first = env.reset();
    QCOMPARE(r.states.front().x, first.x);
    QCOMPARE(r.states.front().theta, first.theta);
    for (std::size_t t = 0; t < r.actions.size(); ++t) {
        const CartPoleState next = CartPole::advance(r.states[t], r.actions[t]);
        QCOMPARE(r.states[t + 1].x, next.x);
        QCOMPARE(r.states[t + 1].thetaDot, next.thetaDot);
    }
    const CartPoleState& last = r.states.back();
    QVERIFY(std::abs(last.x) > CartPole::kXLimit || std::abs(last.theta) > CartPole::kThetaLimit);
}

void TestRlRollout::rolloutIsTheAgentsEvaluation() {
    DqnOptions o;
    o.seed = 3;
    o.warmupSteps = 200;
    DqnAgent dqn(o);
    for (int e = 0; e < 15; ++e) dqn.runEpisode();
    PolicyGradientOptions p;
    p.seed = 3;
    PolicyGradientAgent pg(p);
    for (int e = 0; e < 30; ++e) pg.runEpisode();
    for (std::uint64_t seed : {11ull, 12ull, 13ull}) {
        const CartPoleRollout a = rolloutCartPole(seed, [&](const CartPoleState& s) { return dqn.greedyAction(s); });
        QCOMPARE(static_cast<double>(a.steps), dqn.evaluate(1, seed));
        for (std::size_t t = 0; t < a.actions.size(); ++t) QCOMPARE(a.actions[t], dqn.greedyAction(a.states[t]));
        const CartPoleRollout b = rolloutCartPole(seed, [&](const CartPoleState& s) { return pg.greedyAction(s); });
        QCOMPARE(static_cast<double>(b.steps), pg.evaluate(1, seed));
        for (std::size_t t = 0; t < b.actions.size(); ++t)
            QCOMPARE(b.actions[t], pg.probabilityRight(b.states[t]) > 0.5 ? 1 : 0);
        QCOMPARE(b.failed, b.steps < CartPole::kMaxSteps);
    }
}

void TestRlRollout::banditMeansAreThePlayedOnes() {
    // Pulling uniformly at random (ε = 1) for many steps of one run averages the run's means.
    for (std::uint64_t seed : {1ull, 2ull, 3ull}) {
        BanditOptions o;
        o.arms = 3;
        o.runs = 1;
        o.steps = 20000;
        o.epsilon = 1.0;
        o.seed = seed;
        const BanditCurves c = runBanditTestbed(o);
        const std::vector<double> means = banditMeans(o, 0);
        QCOMPARE(static_cast<int>(means.size()), 3);
        const double played = std::accumulate(c.averageReward.begin(), c.averageReward.end(), 0.0) / o.steps;
        const double expected = std::accumulate(means.begin(), means.end(), 0.0) / 3;
        QVERIFY2(std::abs(played - expected) < 0.04, qPrintable(QStringLiteral("%1 vs %2").arg(played).arg(expected)));
        // UCB settles on the best of these means: the best arm is the one it pulls at the end.
        o.strategy = BanditStrategy::Ucb;
        o.steps = 5000;
        const BanditCurves u = runBanditTestbed(o);
        const double lateOptimal = std::accumulate(u.optimalFraction.end() - 500, u.optimalFraction.end(), 0.0) / 500;
        const double best = *std::max_element(means.begin(), means.end());
        const double lateReward = std::accumulate(u.averageReward.end() - 500, u.averageReward.end(), 0.0) / 500;
        if (lateOptimal > 0.9) QVERIFY2(std::abs(lateReward - best) < 0.25, qPrintable(QString::number(lateReward - best)));
    }
    // Another run has another bandit; the same run the same one.
    BanditOptions o;
    QVERIFY(banditMeans(o, 0) == banditMeans(o, 0));
    QVERIFY(banditMeans(o, 0) != banditMeans(o, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, banditMeans(o, -1));
}

void TestRlRollout::shorterRunsArePrefixes() {
    // The workspace reveals a long run step by step: a run cut short must be its prefix.
    for (BanditStrategy s : {BanditStrategy::Greedy, BanditStrategy::EpsilonGreedy, BanditStrategy::Ucb}) {
        BanditOptions o;
        o.runs = 50;
        o.steps = 300;
        o.strategy = s;
        const BanditCurves full = runBanditTestbed(o);
        o.steps = 120;
        const BanditCurves cut = runBanditTestbed(o);
        for (int t = 0; t < 120; ++t) {
            QCOMPARE(cut.averageReward[static_cast<std::size_t>(t)], full.averageReward[static_cast<std::size_t>(t)]);
            QCOMPARE(cut.optimalFraction[static_cast<std::size_t>(t)], full.optimalFraction[static_cast<std::size_t>(t)]);
        }
    }
}

void TestRlRollout::aTracedRunIsTheTestbedsRun() {
    // With one run the testbed's curves are that run's rewards and hits; the trace's estimates are
    // the sample averages of the rewards it lists and its counts the pulls it lists.
    for (BanditStrategy s : {BanditStrategy::Greedy, BanditStrategy::EpsilonGreedy, BanditStrategy::Ucb}) {
        BanditOptions o;
        o.arms = 6;
        o.runs = 1;
        o.steps = 400;
        o.strategy = s;
        o.seed = 9;
        const BanditCurves c = runBanditTestbed(o);
        const BanditRun r = traceBanditRun(o, 0);
        QVERIFY(r.means == banditMeans(o, 0));
        QCOMPARE(r.bestArm, static_cast<int>(std::max_element(r.means.begin(), r.means.end()) - r.means.begin()));
        QCOMPARE(static_cast<int>(r.actions.size()), o.steps);
        QCOMPARE(r.estimates.size(), static_cast<std::size_t>(o.steps * o.arms));
        std::vector<double> sum(6, 0.0);
        std::vector<long> n(6, 0);
        for (std::size_t t = 0; t < r.actions.size(); ++t) {
            QCOMPARE(c.averageReward[t], r.rewards[t]);
            QCOMPARE(c.optimalFraction[t], r.actions[t] == r.bestArm ? 1.0 : 0.0);
            const auto a = static_cast<std::size_t>(r.actions[t]);
            sum[a] += r.rewards[t];
            ++n[a];
            for (std::size_t k = 0; k < 6; ++k) {
                QCOMPARE(r.pulls[t * 6 + k], n[k]);
                const double q = n[k] ? sum[k] / static_cast<double>(n[k]) : 0.0;
                QVERIFY(std::abs(r.estimates[t * 6 + k] - q) < 1e-12);
            }
        }
        // Run 3 of a many-run testbed is the same run traced on its own.
        o.runs = 5;
        const BanditRun third = traceBanditRun(o, 3);
        o.runs = 1;
        QVERIFY(third.means == banditMeans(o, 3));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, traceBanditRun(BanditOptions{}, -1));
}

QTEST_APPLESS_MAIN(TestRlRollout)
#include "tst_rl_rollout.moc"
