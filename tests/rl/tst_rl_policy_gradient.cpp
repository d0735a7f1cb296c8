// REINFORCE (eq. 89) and one-step actor-critic (eqs. 90–91) on CartPole, seeded and bounded:
// each must learn (late episodes far longer than the first ones, which last about 20 steps at
// random) and reach a greedy policy that balances for ≥ 195 steps on average.
#include "rl/policy_gradient.h"

#include <QTest>

using namespace ns::rl;

namespace {
double meanLength(const std::vector<PolicyEpisode>& e, std::size_t from, std::size_t to) {
    double sum = 0;
    for (std::size_t i = from; i < to; ++i) sum += e[i].length;
    return sum / static_cast<double>(to - from);
}
}  // namespace

class TestRlPolicyGradient : public QObject {
    Q_OBJECT
private slots:
    void reinforceLearnsToBalance();
    void actorCriticLearnsToBalance();
    void replaysFromItsSeed();
};

void TestRlPolicyGradient::reinforceLearnsToBalance() {
    PolicyGradientOptions o;
    o.method = PolicyGradientMethod::Reinforce;
    o.learningRate = 1e-2;
    o.seed = 1;
    PolicyGradientAgent agent(o);
    for (int e = 0; e < 300; ++e) agent.runEpisode();
    const double first = meanLength(agent.episodes(), 0, 20), late = meanLength(agent.episodes(), 200, 300);
    const double greedy = agent.evaluate(20, 99);
    qInfo("REINFORCE: first 20 episodes %.1f steps, episodes 201-300 %.1f, greedy %.1f", first, late, greedy);
    QVERIFY(late > 3 * first);
    QVERIFY2(greedy >= 195, qPrintable(QString("greedy average %1").arg(greedy)));
    // R_t of an episode of T unit rewards averages Σ_t (1 − γ^{T−t})/(1 − γ) / T > 0.
    QVERIFY(agent.episodes().front().meanWeight > 0);
}

void TestRlPolicyGradient::actorCriticLearnsToBalance() {
    // One-step updates are noisy: training stops at the first checkpoint (every 50 episodes, 10
    // greedy episodes each) scoring ≥ 450, well clear of the 195 line, and that policy must then
    // balance on 20 other episodes.
    PolicyGradientOptions o;
    o.method = PolicyGradientMethod::ActorCritic;
    o.learningRate = 1e-3;
    o.criticLearningRate = 5e-3;
    o.seed = 1;
    PolicyGradientAgent agent(o);
    double best = 0;
    for (int e = 1; e <= 600 && best < 450; ++e) {
        agent.runEpisode();
        if (e % 50 == 0) best = std::max(best, agent.evaluate(10, 500 + static_cast<std::uint64_t>(e)));
    }
    const std::size_t n = agent.episodes().size();
    const double first = meanLength(agent.episodes(), 0, 20), late = meanLength(agent.episodes(), n - 50, n);
    const double confirm = agent.evaluate(20, 4242);
    qInfo("actor-critic: %zu episodes, first 20 %.1f steps, last 50 %.1f, best checkpoint %.1f, confirmed %.1f", n,
          first, late, best, confirm);
    QVERIFY(late > 3 * first);
    QVERIFY(best >= 450);
    QVERIFY2(confirm >= 195, qPrintable(QString("greedy average %1").arg(confirm)));
}

void TestRlPolicyGradient::replaysFromItsSeed() {
    PolicyGradientOptions o;
    o.method = PolicyGradientMethod::ActorCritic;
    o.seed = 3;
    PolicyGradientAgent a(o), b(o);
    for (int e = 0; e < 20; ++e) {
        const PolicyEpisode x = a.runEpisode(), y = b.runEpisode();
        QCOMPARE(x.length, y.length);
        QCOMPARE(x.meanWeight, y.meanWeight);
    }
    QCOMPARE(a.probabilityRight({0.1, 0, 0.05, 0}), b.probabilityRight({0.1, 0, 0.05, 0}));
}

QTEST_GUILESS_MAIN(TestRlPolicyGradient)
#include "tst_rl_policy_gradient.moc"
