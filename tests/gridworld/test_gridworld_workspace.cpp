// The grid world workspace: the grid's numbers are the core's (the cell values are value
// iteration's sweeps[k].V, the Q triangles are the tabular learner's Q, the Bellman panel's numbers
// are actionValues of the sweep shown), learning runs on the shared worker thread and never on the
// GUI's, settings and cell edits are undo commands, every lesson property drives the view, and the
// workspace renders in English and Chinese and in presenter mode.
#include "gridworld/bellman_panel.h"
#include "gridworld/grid_view.h"
#include "gridworld/gridworld_model.h"
#include "gridworld/gridworld_workspace.h"

#include "../common/sanitizer_slowdown.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QThread>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>

using namespace ns;

namespace {

// Value iteration computed here, independently of the model, from the same settings.
rl::ValueIterationResult reference(const GridWorldModel& model) {
    rl::GridWorld world(model.worldSpec());
    rl::PlanningOptions options;
    options.tolerance = GridWorldModel::kTolerance;
    options.maxSweeps = GridWorldModel::kMaxSweeps;
    return rl::valueIteration(world, options);
}

void saveShot(QWidget& w, const QString& name) {
    const QPixmap shot = w.grab();
    QVERIFY(!shot.isNull());
    QImage image = shot.toImage();
    int ink = 0;  // not blank: some pixels are far from the background
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (qGray(image.pixel(x, y)) < 128) ++ink;
    QVERIFY2(ink > 200, qPrintable(name));
    if (!qEnvironmentVariableIsEmpty("NEURALSCOPE_SHOTS"))
        QVERIFY(shot.save(qEnvironmentVariable("NEURALSCOPE_SHOTS") + QLatin1Char('/') + name));
}

int firstDecision(const rl::GridWorld& w) {
    for (int s = 0; s < w.cellCount(); ++s)
        if (w.isDecision(s) && w.cell(s) != rl::Cell::Start) return s;
    return -1;
}

}  // namespace

class TestGridWorldWorkspace : public QObject {
    Q_OBJECT
private slots:
    void opensConvergedOnTheClassicWorld();
    void cellValuesAreTheSweeps();
    void settingsRecomputeAndKeepTheSweep();
    void bellmanPanelShowsActionValues();
    void qTrianglesAreTheLearnersQ();
    void learnsOffTheGuiThread();
    void policyMatchesValueIteration();
    void cellEditsAreUndoable();
    void undoButtonsFollowTheStack();
    void refusesBadSettings();
    void propertiesDriveTheView();
    void keysAndClicks();
    void fitsBesideTheLessonPanel();
    void screenshots_data();
    void screenshots();
};

void TestGridWorldWorkspace::opensConvergedOnTheClassicWorld() {
    GridWorldModel model;
    QCOMPARE(model.layout(), QStringLiteral("classic"));
    QCOMPARE(model.world().rows(), 3);
    QCOMPARE(model.world().cols(), 4);
    QVERIFY(model.planning().converged);
    QCOMPARE(model.sweep(), model.lastSweep());
    QVERIFY(model.lastSweep() > 3);
    QCOMPARE(model.shownSweep().V, reference(model).V);
    QCOMPARE(model.shownPolicy(), reference(model).policy);
}

void TestGridWorldWorkspace::cellValuesAreTheSweeps() {
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    view.resize(1280, 800);
    const rl::ValueIterationResult ref = reference(model);
    QCOMPARE(static_cast<int>(ref.sweeps.size()) - 1, model.lastSweep());
    for (int k : {0, 1, 3, model.lastSweep()}) {
        model.setSweep(k);
        QCoreApplication::processEvents();
        const GridPicture pic = view.grid()->picture();
        QCOMPARE(pic.values, ref.sweeps[static_cast<std::size_t>(k)].V);
        QCOMPARE(pic.policy, ref.sweeps[static_cast<std::size_t>(k)].policy);
        for (int s = 0; s < model.world().cellCount(); ++s) {
            if (!model.world().isDecision(s)) continue;
            const QStringList texts = view.grid()->cellTexts(s);
            QVERIFY(!texts.isEmpty());
            QCOMPARE(texts.first(), GridView::number(ref.sweeps[static_cast<std::size_t>(k)].V[static_cast<std::size_t>(s)]));
        }
        QVERIFY2(view.sweepLabel()->text().contains(QStringLiteral("k = %1").arg(k)), qPrintable(view.sweepLabel()->text()));
    }
    // The sweep counter shows Δ of the sweep shown.
    model.setSweep(2);
    QCoreApplication::processEvents();
    QVERIFY(view.sweepLabel()->text().contains(QString::number(ref.sweeps[2].delta, 'g', 3)));
    // Clamped at both ends.
    model.setSweep(-3);
    QCOMPARE(model.sweep(), 0);
    model.setSweep(100000);
    QCOMPARE(model.sweep(), model.lastSweep());
}

void TestGridWorldWorkspace::settingsRecomputeAndKeepTheSweep() {
    GridWorldModel model;
    model.setSweep(3);
    QVERIFY(model.setGamma(0.5));
    QCOMPARE(model.sweep(), 3);
    QCOMPARE(model.shownSweep().V, reference(model).sweeps[3].V);
    QVERIFY(model.setStepReward(-0.5));
    QVERIFY(model.setSlip(0.2));
    QCOMPARE(model.world().slip(), 0.2);
    QCOMPARE(model.sweep(), std::min(3, model.lastSweep()));
    QCOMPARE(model.shownSweep().V, reference(model).sweeps[static_cast<std::size_t>(model.sweep())].V);
    // A world that converges in fewer sweeps clamps the index.
    model.setSweep(model.lastSweep());
    const int before = model.sweep();
    QVERIFY(model.setGamma(0.0));
    QVERIFY(model.lastSweep() < before);
    QCOMPARE(model.sweep(), model.lastSweep());
    // γ changes the converged values: with γ = 0 only the next reward counts (0.8 · 1 for the
    // intended move into the goal, 0.1 · (−0.5) for each slip along the row).
    const rl::GridWorld& w = model.world();
    const int beside = w.index(0, 2);  // left of the goal
    QCOMPARE(model.planning().V[static_cast<std::size_t>(beside)], 0.8 * 1.0 + 0.2 * -0.5);
    QVERIFY(model.setSlip(0.0));
    QCOMPARE(model.planning().V[static_cast<std::size_t>(beside)], 1.0);
}

void TestGridWorldWorkspace::bellmanPanelShowsActionValues() {
    GridWorldModel model;
    QVERIFY(model.setSlip(0.2));
    GridWorldWorkspace view(&model);
    const int s = model.world().index(0, 2);
    model.select(s);
    model.setSweep(2);
    QCoreApplication::processEvents();
    const Backup b = model.backup();
    QCOMPARE(b.state, s);
    const rl::ValueIterationResult ref = reference(model);
    rl::GridWorld world(model.worldSpec());
    const rl::QTable Q = rl::actionValues(world, ref.sweeps[2].V);
    const QString text = view.bellman()->plainText();
    for (int a = 0; a < rl::kActions; ++a) {
        QCOMPARE(b.actions[static_cast<std::size_t>(a)].q, Q[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)]);
        QVERIFY2(text.contains(BellmanPanel::number(Q[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)])), qPrintable(text));
        // Every term's V_k(s′) is the sweep's.
        for (const BackupTerm& t : b.actions[static_cast<std::size_t>(a)].terms)
            QCOMPARE(t.value, ref.sweeps[2].V[static_cast<std::size_t>(t.next)]);
    }
    // The max is V_{k+1}(s), the next sweep's value.
    QCOMPARE(b.value, ref.sweeps[3].V[static_cast<std::size_t>(s)]);
    QVERIFY(text.contains(QStringLiteral("V3(s) = max = ") + BellmanPanel::number(b.value)));
    QVERIFY(text.contains(BellmanPanel::number(0.8)));  // P of the intended move with slip 0.2
    // A wall has no backup.
    model.select(model.world().index(1, 1));
    QCOMPARE(model.backup().state, -1);
}

void TestGridWorldWorkspace::qTrianglesAreTheLearnersQ() {
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    view.resize(1400, 900);
    model.setMode(QStringLiteral("qlearning"));
    model.stepEpisode(7);
    QTRY_COMPARE_WITH_TIMEOUT(model.episodes(), 7, 20000 * test::kSanitizerSlowdown);
    QTRY_VERIFY(!model.isPlaying());
    QCoreApplication::processEvents();
    // An independent learner with the same options and seed, seven episodes.
    rl::TabularLearner learner(rl::GridWorld(model.worldSpec()), model.learnerOptions());
    const auto episodes = learner.train(7);
    QCOMPARE(model.learnedQ(), learner.Q());
    const GridPicture pic = view.grid()->picture();
    QCOMPARE(pic.show, GridPicture::Show::QValues);
    QCOMPARE(pic.q, learner.Q());
    QCOMPARE(model.returnHistory().size(), std::size_t(7));
    for (std::size_t e = 0; e < 7; ++e) QCOMPARE(model.returnHistory()[e], episodes[e].discountedReturn);
    QCOMPARE(model.lastEpisode()->states, episodes.back().states);
    QCOMPARE(view.returnPlot()->graph(0)->dataCount(), 7);
    // Arrows are the learner's greedy actions where it prefers one.
    const std::vector<int> greedy = learner.greedy();
    for (int s = 0; s < model.world().cellCount(); ++s)
        if (pic.policy[static_cast<std::size_t>(s)] >= 0) QCOMPARE(pic.policy[static_cast<std::size_t>(s)], greedy[static_cast<std::size_t>(s)]);
    // The numbers in the triangles when the cells are big enough.
    if (view.grid()->showsQNumbers()) {
        const int s = model.world().start();
        const QStringList texts = view.grid()->cellTexts(s);
        QVERIFY(texts.size() >= 4);
        for (int a = 0; a < rl::kActions; ++a)
            QCOMPARE(texts[a], GridView::number(learner.Q()[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)]));
    }
    // The comparison panel: learned Q beside Q*.
    model.select(model.world().start());
    QCoreApplication::processEvents();
    const QString text = view.bellman()->plainText();
    for (int a = 0; a < rl::kActions; ++a) {
        const auto i = static_cast<std::size_t>(model.world().start());
        QVERIFY2(text.contains(BellmanPanel::number(learner.Q()[i][static_cast<std::size_t>(a)])), qPrintable(text));
        QVERIFY(text.contains(BellmanPanel::number(model.planning().Q[i][static_cast<std::size_t>(a)])));
    }
    // The agent is drawn on its last episode's path.
    QTRY_COMPARE(view.grid()->picture().agent, episodes.back().states.back());
    // Reset: Q = 0, no episodes.
    model.reset();
    QTRY_COMPARE(model.episodes(), 0);
    for (const auto& q : model.learnedQ()) QCOMPARE(q, (std::array<double, 4>{0, 0, 0, 0}));
}

void TestGridWorldWorkspace::learnsOffTheGuiThread() {
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    QSignalSpy changed(&model, &GridWorldModel::changed);
    const QThread* gui = QThread::currentThread();
    model.setFast(true);
    model.play();
    QVERIFY(model.isPlaying());
    QCOMPARE(model.mode(), GridWorldModel::Mode::QLearning);
    QTRY_VERIFY_WITH_TIMEOUT(model.episodes() >= 200, 30000 * test::kSanitizerSlowdown);
    QVERIFY(changed.count() >= 2);
    QVERIFY(PacedWorker::shared().workerThread() != gui);
    model.pause();
    QTest::qWait(300 * test::kSanitizerSlowdown);
    const int episodes = model.episodes();
    QTest::qWait(300);
    QCOMPARE(model.episodes(), episodes);
    QCOMPARE(static_cast<int>(model.returnHistory().size()), std::min(episodes, static_cast<int>(GridWorldModel::kMaxHistory)));
    // ε and α change without starting again.
    QVERIFY(model.setEpsilon(0.3));
    QVERIFY(model.setAlpha(0.2));
    QTest::qWait(100);
    QCOMPARE(model.episodes(), episodes);
    // A new γ starts learning again (a new world).
    QVERIFY(model.setGamma(0.8));
    QTRY_COMPARE(model.episodes(), 0);
    QVERIFY(!model.isPlaying());
    // While playing, a new setting starts afresh and plays on.
    model.play();
    QTRY_VERIFY(model.episodes() >= 20);
    QVERIFY(model.setStepReward(-0.1));
    QCOMPARE(model.episodes(), 0);
    QVERIFY(model.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(model.episodes() >= 20, 20000 * test::kSanitizerSlowdown);
    QVERIFY(model.isPlaying());
    model.pause();
}

void TestGridWorldWorkspace::policyMatchesValueIteration() {
    // Seeded: on the default layout, playing at the default pace, the greedy policy equals value
    // iteration's within a bounded time, and `policy_matches` says so.
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    QVERIFY(!model.property("policy_matches").toBool());
    QVERIFY(model.setProperty("playing", true));
    QTRY_VERIFY_WITH_TIMEOUT(model.property("policy_matches").toBool(), 60000 * test::kSanitizerSlowdown);
    QVERIFY(model.property("episodes").toInt() > 0);
    QCOMPARE(model.mismatchedStates(), 0);
    QCoreApplication::processEvents();
    QVERIFY2(view.matchLabel()->text().contains(QStringLiteral("✓")), qPrintable(view.matchLabel()->text()));
    // Independently: every learned greedy action is optimal under value iteration's Q*.
    const rl::ValueIterationResult ref = reference(model);
    const std::vector<int> learned = model.learnedPolicy();
    for (int s = 0; s < model.world().cellCount(); ++s) {
        if (!model.world().isDecision(s)) continue;
        const auto& q = ref.Q[static_cast<std::size_t>(s)];
        const double best = *std::max_element(q.begin(), q.end());
        QVERIFY(q[static_cast<std::size_t>(learned[static_cast<std::size_t>(s)])] >= best - 1e-9);
    }
    model.pause();
}

void TestGridWorldWorkspace::cellEditsAreUndoable() {
    GridWorldModel model;
    const int s = firstDecision(model.world());
    QVERIFY(s >= 0);
    QVERIFY(model.cycleCell(s));  // . → #
    QVERIFY(model.world().isWall(s));
    QVERIFY(model.edited());
    QCOMPARE(model.shownSweep().V, reference(model).sweeps[static_cast<std::size_t>(model.sweep())].V);
    QVERIFY(model.setCell(s, 'S'));  // the start moves
    QCOMPARE(model.world().start(), s);
    QVERIFY(!model.setCell(s, '#'));  // the start cannot be overwritten
    QVERIFY(model.lastError().contains(QStringLiteral("start")));
    QCOMPARE(model.undoStack()->count(), 2);
    model.undoStack()->undo();
    QVERIFY(model.world().isWall(s));
    model.undoStack()->undo();
    QVERIFY(!model.edited());
    QCOMPARE(model.world().cell(s), rl::Cell::Empty);
    // Choosing the layout again restores it; another layout is another grid.
    QVERIFY(model.cycleCell(s));
    QVERIFY(model.setLayout(QStringLiteral("classic")));
    QVERIFY(!model.edited());
    QVERIFY(model.setLayout(QStringLiteral("maze")));
    QCOMPARE(model.world().rows(), 5);
    QCOMPARE(model.shownSweep().V, reference(model).sweeps[static_cast<std::size_t>(model.sweep())].V);
    // Slider drags merge into one command.
    const int count = model.undoStack()->count();
    QVERIFY(model.setGamma(0.8));
    QVERIFY(model.setGamma(0.7));
    QCOMPARE(model.undoStack()->count(), count + 1);
    model.undoStack()->undo();
    QCOMPARE(model.gamma(), 0.9);
}

void TestGridWorldWorkspace::undoButtonsFollowTheStack() {
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    auto* undo = view.findChild<QPushButton*>(QStringLiteral("gridworldUndo"));
    auto* redo = view.findChild<QPushButton*>(QStringLiteral("gridworldRedo"));
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());
    QVERIFY(model.setStepReward(-0.2));
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->toolTip().contains(model.undoStack()->undoText()), qPrintable(undo->toolTip()));
    undo->click();
    QCOMPARE(model.stepReward(), -0.04);
    QVERIFY(redo->isEnabled());
    redo->click();
    QCOMPARE(model.stepReward(), -0.2);
}

void TestGridWorldWorkspace::refusesBadSettings() {
    GridWorldModel model;
    const GridSettings before = model.settings();
    QVERIFY(!model.setGamma(1.5));
    QVERIFY(model.lastError().contains(QStringLiteral("1.5")));
    QVERIFY(!model.setStepReward(5));
    QVERIFY(!model.setSlip(-0.1));
    QVERIFY(!model.setLayout(QStringLiteral("labyrinth")));
    QVERIFY(!model.setAlgorithm(QStringLiteral("dqn")));
    QVERIFY(!model.setEpsilon(2));
    QVERIFY(!model.setAlpha(0));
    QVERIFY(!model.setMode(QStringLiteral("policy")));
    QVERIFY(!model.setCell(999, '#'));
    QVERIFY(!model.setCell(0, 'Z'));
    QCOMPARE(model.settings(), before);
    QCOMPARE(model.undoStack()->count(), 0);
    // Properties clamp what they are given.
    model.setProperty("gamma", 3.0);
    QCOMPARE(model.gamma(), 1.0);
    model.setProperty("alpha", 0.0);
    QCOMPARE(model.alpha(), GridWorldModel::kMinAlpha);
    model.setProperty("step_reward", -9.0);
    QCOMPARE(model.stepReward(), GridWorldModel::kMinStepReward);
}

void TestGridWorldWorkspace::propertiesDriveTheView() {
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    view.resize(1280, 800);
    auto* layout = view.findChild<QComboBox*>(QStringLiteral("gridworldLayout"));
    auto* mode = view.findChild<QComboBox*>(QStringLiteral("gridworldMode"));
    auto* gamma = view.findChild<QDoubleSpinBox*>(QStringLiteral("gridworldGamma"));
    auto* reward = view.findChild<QDoubleSpinBox*>(QStringLiteral("gridworldReward"));
    auto* slip = view.findChild<QDoubleSpinBox*>(QStringLiteral("gridworldSlip"));
    auto* algorithm = view.findChild<QComboBox*>(QStringLiteral("gridworldAlgorithm"));
    auto* epsilon = view.findChild<QDoubleSpinBox*>(QStringLiteral("gridworldEpsilon"));
    auto* alpha = view.findChild<QDoubleSpinBox*>(QStringLiteral("gridworldAlpha"));
    auto* play = view.findChild<QPushButton*>(QStringLiteral("gridworldPlay"));
    QVERIFY(layout && mode && gamma && reward && slip && algorithm && epsilon && alpha && play);
    QSignalSpy changed(&model, &GridWorldModel::changed);

    QVERIFY(model.setProperty("layout", QStringLiteral("cliff")));
    QVERIFY(model.setProperty("gamma", 0.75));
    QVERIFY(model.setProperty("step_reward", -0.1));
    QVERIFY(model.setProperty("slip", 0.1));
    QVERIFY(model.setProperty("mode", QStringLiteral("values")));
    QVERIFY(model.setProperty("sweep", 4));
    QTRY_VERIFY(changed.count() > 0);
    QCoreApplication::processEvents();
    QCOMPARE(model.property("layout").toString(), QStringLiteral("cliff"));
    QCOMPARE(layout->currentData().toString(), QStringLiteral("cliff"));
    QCOMPARE(view.grid()->picture().cols, 8);
    QCOMPARE(model.property("gamma").toDouble(), 0.75);
    QCOMPARE(gamma->value(), 0.75);
    QCOMPARE(reward->value(), -0.1);
    QCOMPARE(slip->value(), 0.1);
    QCOMPARE(model.property("sweep").toInt(), 4);
    QVERIFY(view.sweepLabel()->text().contains(QStringLiteral("k = 4")));
    QCOMPARE(view.grid()->picture().values, reference(model).sweeps[4].V);
    model.setProperty("sweep", 1000);  // clamped to the last sweep recorded
    QCOMPARE(model.property("sweep").toInt(), model.lastSweep());

    QVERIFY(model.setProperty("mode", QStringLiteral("qlearning")));
    QVERIFY(model.setProperty("algorithm", QStringLiteral("sarsa")));
    QVERIFY(model.setProperty("epsilon", 0.25));
    QVERIFY(model.setProperty("alpha", 0.3));
    QCoreApplication::processEvents();
    QCOMPARE(mode->currentData().toString(), QStringLiteral("qlearning"));
    QCOMPARE(view.grid()->picture().show, GridPicture::Show::QValues);
    QCOMPARE(algorithm->currentData().toString(), QStringLiteral("sarsa"));
    QCOMPARE(model.property("algorithm").toString(), QStringLiteral("sarsa"));
    QCOMPARE(model.learnerOptions().method, rl::TdMethod::Sarsa);
    QCOMPARE(epsilon->value(), 0.25);
    QCOMPARE(alpha->value(), 0.3);
    QCOMPARE(model.property("epsilon").toDouble(), 0.25);
    QCOMPARE(model.property("alpha").toDouble(), 0.3);

    QVERIFY(model.setProperty("playing", true));
    QCoreApplication::processEvents();
    QCOMPARE(play->text().remove(QLatin1Char('&')), QStringLiteral("Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(model.property("episodes").toInt() >= 3, 20000 * test::kSanitizerSlowdown);
    QTRY_VERIFY(view.findChild<QLabel*>(QStringLiteral("gridworldEpisodes"))->text().contains(
        QString::number(model.property("episodes").toInt())));
    QVERIFY(model.setProperty("playing", false));
    QCOMPARE(model.property("playing").toBool(), false);
    QCoreApplication::processEvents();
    QCOMPARE(play->text().remove(QLatin1Char('&')), QStringLiteral("Play"));
    // The read-only ones cannot be set.
    QVERIFY(!model.setProperty("episodes", 5));
    QVERIFY(!model.setProperty("policy_matches", true));
    QCOMPARE(model.property("policy_matches").toBool(), model.policyMatches());
    // Controls send the same intents.
    gamma->setValue(0.6);
    QCOMPARE(model.gamma(), 0.6);
}

void TestGridWorldWorkspace::keysAndClicks() {
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.setSweep(0);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(model.sweep(), 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(model.sweep(), model.lastSweep());
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(model.sweep(), model.lastSweep() - 1);
    // A click selects a cell for the Bellman panel.
    const int s = model.world().index(2, 1);
    QTest::mouseClick(view.grid(), Qt::LeftButton, {}, view.grid()->cellRect(s).center());
    QCOMPARE(model.selected(), s);
    QCoreApplication::processEvents();
    QVERIFY(view.bellman()->plainText().contains(QStringLiteral("row 3, column 2")));
    // In edit mode a click changes the cell.
    QTest::keyClick(&view, Qt::Key_E);
    QVERIFY(view.findChild<QCheckBox*>(QStringLiteral("gridworldEdit"))->isChecked());
    QTest::mouseClick(view.grid(), Qt::LeftButton, {}, view.grid()->cellRect(s).center());
    QVERIFY(model.world().isWall(s));
    // Space plays and pauses.
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(model.isPlaying());
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(!model.isPlaying());
}

void TestGridWorldWorkspace::fitsBesideTheLessonPanel() {
    // Beside the lesson panel the page is narrow: the side goes under the grid and the tool rows
    // stack, so the page can shrink to the room it gets instead of scrolling sideways.
    GridWorldModel model;
    model.setMode(QStringLiteral("qlearning"));
    GridWorldWorkspace view(&model);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* splitter = view.findChild<QSplitter*>();
    QVERIFY(splitter);
    QCOMPARE(splitter->orientation(), Qt::Horizontal);
    view.resize(860, 800);
    QTRY_COMPARE(splitter->orientation(), Qt::Vertical);
    QCoreApplication::processEvents();
    QVERIFY2(view.minimumSizeHint().width() <= 860, qPrintable(QString::number(view.minimumSizeHint().width())));
    QVERIFY(view.grid()->width() > 600);
    QVERIFY(view.returnPlot()->isVisible());
    view.resize(1280, 800);
    QTRY_COMPARE(splitter->orientation(), Qt::Horizontal);
}

void TestGridWorldWorkspace::screenshots_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("presenter");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")}) {
        QTest::newRow(qPrintable(QStringLiteral("values-") + language)) << QStringLiteral("values") << language << false;
        QTest::newRow(qPrintable(QStringLiteral("qlearning-") + language)) << QStringLiteral("qlearning") << language << false;
    }
    QTest::newRow("edit-maze-en") << QStringLiteral("edit") << QStringLiteral("en") << false;
    QTest::newRow("values-presenter") << QStringLiteral("values") << QStringLiteral("en") << true;
    QTest::newRow("qlearning-presenter-zh") << QStringLiteral("qlearning") << QStringLiteral("zh") << true;
}

void TestGridWorldWorkspace::screenshots() {
    QFETCH(QString, mode);
    QFETCH(QString, language);
    QFETCH(bool, presenter);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/gridworld_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    GridWorldModel model;
    GridWorldWorkspace view(&model);
    if (presenter) {
        view.resize(1920, 1080);
        view.setPresenterScale(1.6);
        QFont f = view.font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        view.setFont(f);
    } else {
        view.resize(1280, 800);
    }
    if (mode == QLatin1String("edit")) {  // the maze, edited: a second goal at the end of its dead end
        QVERIFY(model.setLayout(QStringLiteral("maze")));
        QVERIFY(model.setCell(model.world().index(0, 5), 'G'));
        QCOMPARE(model.world().cell(model.world().index(0, 5)), rl::Cell::Goal);
        view.findChild<QCheckBox*>(QStringLiteral("gridworldEdit"))->setChecked(true);
        model.setSweep(6);
        model.select(model.world().index(1, 3));
    } else if (mode == QLatin1String("values")) {
        QVERIFY(model.setSlip(0.2));
        model.setSweep(4);
        model.select(model.world().index(0, 2));
    } else {
        model.setMode(QStringLiteral("qlearning"));
        model.setFast(true);
        model.stepEpisode(60);
        QTRY_COMPARE_WITH_TIMEOUT(model.episodes(), 60, 30000 * test::kSanitizerSlowdown);
        model.select(model.world().start());
    }
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(300);
    if (language == QLatin1String("zh"))
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("gridworldReset"))->text() != QStringLiteral("&Reset"));
    saveShot(view, QStringLiteral("shell-gridworld-%1%2-%3.png").arg(mode, presenter ? QStringLiteral("-presenter") : QString(), language));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestGridWorldWorkspace)
#include "test_gridworld_workspace.moc"
