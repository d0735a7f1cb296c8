// CartPole's equations against one Euler step worked by hand, its limits and its seeded resets.
//
// From rest (x = ẋ = θ = θ̇ = 0) pushing right (F = +10):
//   temp = (10 + 0)/1.1                           = 9.090909…
//   θ̈   = (0 − 1·9.090909)/(0.5·(4/3 − 0.1/1.1)) = −9.090909/0.621212 = −14.634146…
//   ẍ   = 9.090909 − 0.05·(−14.634146)·1/1.1     = 9.756098…
// so after τ = 0.02: x = 0, ẋ = 0.1951220, θ = 0, θ̇ = −0.2926829 (the cart goes right, the pole
// starts falling left).
#include "rl/cartpole.h"

#include <QTest>

#include <cmath>

using namespace ns::rl;

class TestRlCartPole : public QObject {
    Q_OBJECT
private slots:
    void oneEulerStepByHand();
    void symmetry();
    void limitsEndTheEpisode();
    void capAtFiveHundred();
    void resetsAreSeeded();
};

void TestRlCartPole::oneEulerStepByHand() {
    const CartPoleState s = CartPole::advance({}, 1);
    QCOMPARE(s.x, 0.0);
    QCOMPARE(s.theta, 0.0);
    QVERIFY(std::abs(s.xDot - 0.02 * (10.0 / 1.1 + 0.05 * (10.0 / 1.1) / (0.5 * (4.0 / 3.0 - 0.1 / 1.1)) / 1.1)) < 1e-15);
    QVERIFY(std::abs(s.xDot - 0.1951220) < 1e-7);
    QVERIFY(std::abs(s.thetaDot - -0.2926829) < 1e-7);
    // A second step moves the positions with the first step's velocities (Euler).
    const CartPoleState t = CartPole::advance(s, 1);
    QVERIFY(std::abs(t.x - 0.02 * s.xDot) < 1e-15);
    QVERIFY(std::abs(t.theta - 0.02 * s.thetaDot) < 1e-15);
}

void TestRlCartPole::symmetry() {
    // Mirroring the state and the push mirrors the result.
    const CartPoleState s{0.3, -0.2, 0.05, 0.4};
    const CartPoleState a = CartPole::advance(s, 0), b = CartPole::advance({-0.3, 0.2, -0.05, -0.4}, 1);
    QVERIFY(std::abs(a.x + b.x) < 1e-15 && std::abs(a.xDot + b.xDot) < 1e-15);
    QVERIFY(std::abs(a.theta + b.theta) < 1e-15 && std::abs(a.thetaDot + b.thetaDot) < 1e-15);
}

void TestRlCartPole::limitsEndTheEpisode() {
    CartPole env(1);
    env.setState({0, 0, CartPole::kThetaLimit - 1e-4, 1.0});  // θ̇ carries it past 12° in one step
    CartPoleStep step = env.step(1);
    QVERIFY(step.failed);
    QCOMPARE(step.reward, 1.0);
    env.setState({2.399, 1.0, 0, 0});
    QVERIFY(env.step(1).failed);
    env.setState({0, 0, 0, 0});
    QVERIFY(!env.step(1).done());
}

void TestRlCartPole::capAtFiveHundred() {
    // A simple hand controller (push toward where the pole leans) keeps it up; the cap ends it.
    CartPole env(3);
    env.reset();
    int steps = 0;
    CartPoleStep step;
    do {
        const CartPoleState& s = env.state();
        step = env.step(s.theta + 0.5 * s.thetaDot > 0 ? 1 : 0);
        ++steps;
    } while (!step.done());
    QVERIFY(step.truncated);
    QVERIFY(!step.failed);
    QCOMPARE(steps, CartPole::kMaxSteps);
}

void TestRlCartPole::resetsAreSeeded() {
    CartPole a(5), b(5), c(6);
    for (int i = 0; i < 3; ++i) {
        const CartPoleState sa = a.reset(), sb = b.reset();
        QCOMPARE(sa.asArray(), sb.asArray());
        for (double v : sa.asArray()) QVERIFY(std::abs(v) <= 0.05);
    }
    QVERIFY(c.reset().asArray() != CartPole(5).reset().asArray());
}

QTEST_GUILESS_MAIN(TestRlCartPole)
#include "tst_rl_cartpole.moc"
