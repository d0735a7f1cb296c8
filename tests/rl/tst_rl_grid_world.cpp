// The grid world of the CLI's example, solved by hand (seed 001 §8.1), and the parser's messages.
//
//      col 0  col 1  col 2
//   0    S      .      .          γ = 0.9, step_reward = −0.04, entering G pays +1, X pays −1
//   1    .      #      G
//   2    .      .      X
//
// Without slip the optimal values follow from the goal outwards, one Bellman backup each:
//   V*(0,2) = +1                           (down into G)
//   V*(0,1) = −0.04 + 0.9·1       = 0.86    (right)
//   V*(0,0) = −0.04 + 0.9·0.86    = 0.734   (right; down gives −0.04 + 0.9·V*(1,0) = 0.51854)
//   V*(1,0) = −0.04 + 0.9·0.734   = 0.6206  (up)
//   V*(2,0) = −0.04 + 0.9·0.6206  = 0.51854 (up)
//   V*(2,1) = −0.04 + 0.9·0.51854 = 0.426686 (left: the long way round beats −1 in the pit)
// Sweeps from V_0 = 0: V_1 is −0.04 everywhere except (0,2) = 1 (entering G), because every other
// move pays the step reward and (2,1) avoids the pit; V_2(0,1) = −0.04 + 0.9·1 = 0.86, V_2(0,2) = 1
// and every other cell −0.04 + 0.9·(−0.04) = −0.076.
// With slip 0.2, sweep 1 at (0,2) "down": 0.8 → G (+1), 0.1 → (0,1) (−0.04), 0.1 → off the grid,
// stays (−0.04): 0.8 − 0.2·0.04 = 0.792; "right": 0.8 stays, 0.1 up stays, 0.1 down into G:
// 0.9·(−0.04) + 0.1 = 0.064.
// The policy "always up" keeps every cell stuck in row 0 (or against the wall) paying −0.04 for
// ever: V^π = −0.04 / (1 − 0.9) = −0.4 everywhere; Q^π((0,2), down) = +1, Q^π((2,1), right) = −1,
// Q^π((0,1), right) = −0.04 + 0.9·(−0.4) = −0.4.
#include "rl/grid_world.h"

#include <QTest>

#include <stdexcept>

using namespace ns::rl;

namespace {
GridWorld example(double slip = 0.0, double gamma = 0.9) {
    return GridWorld(GridWorldSpec{{"S..", ".#G", "..X"}, gamma, -0.04, slip});
}
}  // namespace

class TestRlGridWorld : public QObject {
    Q_OBJECT
private slots:
    void mdpOfTheExample();
    void slipGoesSideways();
    void valueIterationByHand();
    void sweepsByHand();
    void slipSweepByHand();
    void policyEvaluationByHand();
    void optimalPolicyEvaluatesToVStar();
    void sampledStepsFollowP();
    void badGridsNameTheProblem_data();
    void badGridsNameTheProblem();
};

void TestRlGridWorld::mdpOfTheExample() {
    const GridWorld w = example();
    QCOMPARE(w.rows(), 3);
    QCOMPARE(w.cols(), 3);
    QCOMPARE(w.start(), w.index(0, 0));
    QVERIFY(w.isWall(w.index(1, 1)));
    QVERIFY(w.isTerminal(w.index(1, 2)) && w.isTerminal(w.index(2, 2)));
    QVERIFY(w.transitions(w.index(1, 2), Up).empty());  // terminal: nothing happens
    // Into the wall: stays, pays the step reward.
    const auto& blocked = w.transitions(w.index(0, 1), Down);
    QCOMPARE(blocked.size(), std::size_t{1});
    QCOMPARE(blocked[0].next, w.index(0, 1));
    QCOMPARE(blocked[0].reward, -0.04);
    const auto& goal = w.transitions(w.index(0, 2), Down);
    QCOMPARE(goal[0].next, w.index(1, 2));
    QCOMPARE(goal[0].reward, 1.0);
    QCOMPARE(w.transitions(w.index(2, 1), Right)[0].reward, -1.0);
}

void TestRlGridWorld::slipGoesSideways() {
    const GridWorld w = example(0.2);
    // From (2,1) "up" hits the wall (stays, 0.8); slips go left to (2,0) and right into the pit.
    const auto& t = w.transitions(w.index(2, 1), Up);
    QCOMPARE(t.size(), std::size_t{3});
    double total = 0;
    for (const Transition& x : t) {
        total += x.probability;
        if (x.next == w.index(2, 1)) QCOMPARE(x.probability, 0.8);
        else if (x.next == w.index(2, 0)) QCOMPARE(x.probability, 0.1);
        else if (x.next == w.index(2, 2)) QCOMPARE(x.reward, -1.0);
        else QFAIL("a slip never goes backwards");
    }
    QCOMPARE(total, 1.0);
    // From (0,0) "left": blocked (0.8) and the slip up is blocked too (0.1): merged into one 0.9.
    const auto& merged = w.transitions(w.index(0, 0), Left);
    QCOMPARE(merged.size(), std::size_t{2});
    QCOMPARE(merged[0].next, w.index(0, 0));
    QVERIFY(std::abs(merged[0].probability - 0.9) < 1e-15);
}

void TestRlGridWorld::valueIterationByHand() {
    const GridWorld w = example();
    const ValueIterationResult r = valueIteration(w);
    QVERIFY(r.converged);
    const double expected[3][3] = {{0.734, 0.86, 1.0}, {0.6206, 0.0, 0.0}, {0.51854, 0.426686, 0.0}};
    for (int row = 0; row < 3; ++row)
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(r.V[static_cast<std::size_t>(w.index(row, c))] - expected[row][c]) < 1e-9,
                     qPrintable(QString("V(%1,%2) = %3").arg(row).arg(c).arg(r.V[static_cast<std::size_t>(w.index(row, c))])));
    const int policy[3][3] = {{Right, Right, Down}, {Up, -1, -1}, {Up, Left, -1}};
    for (int row = 0; row < 3; ++row)
        for (int c = 0; c < 3; ++c) QCOMPARE(r.policy[static_cast<std::size_t>(w.index(row, c))], policy[row][c]);
    // Q* and V* agree: V*(s) = max_a Q*(s, a).
    QVERIFY(std::abs(r.Q[static_cast<std::size_t>(w.index(0, 0))][Down] - 0.51854) < 1e-9);
    QCOMPARE(static_cast<int>(r.sweeps.size()), r.sweepCount + 1);
}

void TestRlGridWorld::sweepsByHand() {
    const GridWorld w = example();
    const ValueIterationResult r = valueIteration(w);
    QVERIFY(r.sweeps.size() > 3);
    for (double v : r.sweeps[0].V) QCOMPARE(v, 0.0);
    auto at = [&](int k, int row, int c) { return r.sweeps[static_cast<std::size_t>(k)].V[static_cast<std::size_t>(w.index(row, c))]; };
    QCOMPARE(at(1, 0, 2), 1.0);
    QCOMPARE(at(1, 0, 0), -0.04);
    QCOMPARE(at(1, 2, 1), -0.04);
    QCOMPARE(r.sweeps[1].delta, 1.0);
    QVERIFY(std::abs(at(2, 0, 1) - 0.86) < 1e-15);
    QVERIFY(std::abs(at(2, 0, 0) - -0.076) < 1e-15);
    QVERIFY(std::abs(at(2, 2, 0) - -0.076) < 1e-15);
    // The deltas shrink to the tolerance and the last sweep is the result.
    QVERIFY(r.sweeps.back().delta <= 1e-10);
    QCOMPARE(r.sweeps.back().V, r.V);
    // Sweep 1's policy already points down into the goal from (0,2).
    QCOMPARE(r.sweeps[1].policy[static_cast<std::size_t>(w.index(0, 2))], static_cast<int>(Down));
}

void TestRlGridWorld::slipSweepByHand() {
    const GridWorld w = example(0.2);
    PlanningOptions once;
    once.maxSweeps = 1;
    const ValueIterationResult r = valueIteration(w, once);
    QVERIFY(!r.converged);
    QVERIFY(std::abs(r.V[static_cast<std::size_t>(w.index(0, 2))] - 0.792) < 1e-15);
    // "right" from V_0 = 0 is the 0.064 of the header; its backup from V_1 is
    // 0.9·(−0.04 + 0.9·0.792) + 0.1·1 (the 0.9 that stays in (0,2), the 0.1 into G).
    const QTable q0 = actionValues(w, std::vector<double>(static_cast<std::size_t>(w.cellCount()), 0.0));
    QVERIFY(std::abs(q0[static_cast<std::size_t>(w.index(0, 2))][Right] - 0.064) < 1e-15);
    QVERIFY(std::abs(r.Q[static_cast<std::size_t>(w.index(0, 2))][Right] - (0.9 * (-0.04 + 0.9 * 0.792) + 0.1)) < 1e-15);
    QCOMPARE(r.V[static_cast<std::size_t>(w.index(2, 1))], -0.04);
}

void TestRlGridWorld::policyEvaluationByHand() {
    const GridWorld w = example();
    const std::vector<int> up(static_cast<std::size_t>(w.cellCount()), Up);
    const PolicyEvaluationResult r = evaluatePolicy(w, up);
    QVERIFY(r.converged);
    for (int s = 0; s < w.cellCount(); ++s)
        if (w.isDecision(s)) QVERIFY(std::abs(r.V[static_cast<std::size_t>(s)] - -0.4) < 1e-9);
    QVERIFY(std::abs(r.Q[static_cast<std::size_t>(w.index(0, 2))][Down] - 1.0) < 1e-12);
    QVERIFY(std::abs(r.Q[static_cast<std::size_t>(w.index(2, 1))][Right] - -1.0) < 1e-12);
    QVERIFY(std::abs(r.Q[static_cast<std::size_t>(w.index(0, 1))][Right] - -0.4) < 1e-9);
}

void TestRlGridWorld::optimalPolicyEvaluatesToVStar() {
    // With slip the values are no longer a hand calculation, but V^{π*} = V* must still hold, and no
    // other single action improves on π* anywhere (the policy improvement theorem's fixed point).
    const GridWorld w = example(0.2, 0.95);
    const ValueIterationResult star = valueIteration(w);
    const PolicyEvaluationResult pe = evaluatePolicy(w, star.policy);
    for (int s = 0; s < w.cellCount(); ++s) {
        QVERIFY(std::abs(pe.V[static_cast<std::size_t>(s)] - star.V[static_cast<std::size_t>(s)]) < 1e-8);
        if (!w.isDecision(s)) continue;
        for (int a = 0; a < kActions; ++a)
            QVERIFY(pe.Q[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] <= star.V[static_cast<std::size_t>(s)] + 1e-8);
    }
    // Slipping only delays the agent (or drops it into the pit), so V*(start) falls below the
    // no-slip value at the same γ.
    const ValueIterationResult plain = valueIteration(example(0.0, 0.95));
    QVERIFY(star.V[static_cast<std::size_t>(w.index(0, 0))] < plain.V[static_cast<std::size_t>(w.index(0, 0))]);
}

void TestRlGridWorld::sampledStepsFollowP() {
    const GridWorld w = example(0.2);
    const int s = w.index(2, 1);
    QCOMPARE(w.step(s, Up, 0.5).next, s);               // within the 0.8 of "stays"
    QCOMPARE(w.step(s, Up, 0.85).next, w.index(2, 0));  // the left slip
    const StepResult pit = w.step(s, Up, 0.95);         // the right slip, into X
    QCOMPARE(pit.next, w.index(2, 2));
    QVERIFY(pit.done);
    QCOMPARE(pit.reward, -1.0);
}

void TestRlGridWorld::badGridsNameTheProblem_data() {
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<double>("slip");
    QTest::addColumn<QString>("message");
    QTest::newRow("no start") << QStringList{"...", "..G"} << 0.9 << 0.0 << "no start 'S'";
    QTest::newRow("two starts") << QStringList{"S..", "..S"} << 0.9 << 0.0
                                << "two starts 'S', at row 0, column 0 (from 0) and at row 1, column 2";
    QTest::newRow("unknown") << QStringList{"S..", ".Z."} << 0.9 << 0.0
                             << "unknown character 'Z' at row 1, column 1 (from 0)";
    QTest::newRow("ragged") << QStringList{"S..", "..", "..."} << 0.9 << 0.0 << "ragged rows: row 1 has 2 cells, row 0 has 3";
    QTest::newRow("empty row") << QStringList{"S..", ""} << 0.9 << 0.0 << "row 1 is empty";
    QTest::newRow("no rows") << QStringList{} << 0.9 << 0.0 << "at least one row";
    QTest::newRow("gamma > 1") << QStringList{"S.G"} << 1.5 << 0.0 << "gamma: expected a number from 0 to 1";
    QTest::newRow("gamma < 0") << QStringList{"S.G"} << -0.1 << 0.0 << "gamma: expected a number from 0 to 1";
    QTest::newRow("slip > 1") << QStringList{"S.G"} << 0.9 << 1.2 << "slip: expected a number from 0 to 1";
}

void TestRlGridWorld::badGridsNameTheProblem() {
    QFETCH(QStringList, rows);
    QFETCH(double, gamma);
    QFETCH(double, slip);
    QFETCH(QString, message);
    GridWorldSpec spec;
    for (const QString& r : rows) spec.rows.push_back(r.toStdString());
    spec.gamma = gamma, spec.slip = slip;
    try {
        GridWorld w(spec);
        QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString(error.what()).contains(message), error.what());
    }
}

QTEST_GUILESS_MAIN(TestRlGridWorld)
#include "tst_rl_grid_world.moc"
