// The CartPole workspace: the plotted returns are the episode records of core agents built and
// trained here independently, the watched episode is the core's greedy rollout for the same seed
// and weights, training runs on the shared worker thread while the GUI thread stays free, the
// lesson properties drive the view, and the workspace renders in English and Chinese.
#include "rl/cartpole_model.h"
#include "rl/cartpole_view.h"
#include "rl/cartpole_workspace.h"

#include "../common/sanitizer_slowdown.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <QTranslator>
#include <QtTest>
#include <qcustomplot.h>

#include <numeric>

using namespace ns;

namespace {

// The core agent of each kind, built from the options the textbook's comparison needs.
std::vector<double> coreReturns(int agent, long episodes) {
    std::vector<double> out;
    if (agent <= 2) {
        rl::DqnOptions o;  // defaults, seed 1
        o.seed = 1;
        o.useReplay = agent != 1;
        o.useTargetNetwork = agent != 2;
        rl::DqnAgent a(o);
        for (long e = 0; e < episodes; ++e) out.push_back(a.runEpisode().totalReward);
    } else {
        rl::PolicyGradientOptions o;
        o.seed = 1;
        if (agent == 4) {
            o.method = rl::PolicyGradientMethod::ActorCritic;
            o.learningRate = 1e-3;
            o.criticLearningRate = 5e-3;
        }
        rl::PolicyGradientAgent a(o);
        for (long e = 0; e < episodes; ++e) out.push_back(a.runEpisode().totalReward);
    }
    return out;
}

void trainAtLeast(CartPoleModel& model, long episodes) {
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.episodes(4) >= episodes, 60000 * test::kSanitizerSlowdown);
    model.pause();
    QTRY_VERIFY(!model.isPlaying());
    QTest::qWait(300);
}

void saveShot(QWidget& w, const QString& name) {
    const QPixmap shot = w.grab();
    QVERIFY(!shot.isNull());
    QImage image = shot.toImage();
    int ink = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (qGray(image.pixel(x, y)) < 128) ++ink;
    QVERIFY2(ink > 200, qPrintable(name));
    if (!qEnvironmentVariableIsEmpty("NEURALSCOPE_SHOTS"))
        // 256 colours keep the documentation's pictures small; the views use far fewer.
        QVERIFY(image.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither)
                    .save(qEnvironmentVariable("NEURALSCOPE_SHOTS") + QLatin1Char('/') + name));
}

}  // namespace

class TestCartPoleWorkspace : public QObject {
    Q_OBJECT
private slots:
    void plottedReturnsAreTheAgentsRecords();
    void watchedEpisodeIsTheCoresRollout();
    void propertiesDriveTheView();
    void targetNetworkBalancesWhereOnlineTargetsDoNot();
    void screenshots_data();
    void screenshots();
};

void TestCartPoleWorkspace::plottedReturnsAreTheAgentsRecords() {
    CartPoleModel model;
    CartPoleWorkspace view(&model);
    QVERIFY(PacedWorker::shared().workerThread() != QThread::currentThread());
    QSignalSpy changed(&model, &CartPoleModel::changed);
    trainAtLeast(model, 12);
    QVERIFY(changed.count() >= 3);  // the GUI's event loop ran while the worker trained
    const long trained = model.episodes(0);
    QTest::qWait(300);
    QCOMPARE(model.episodes(0), trained);  // paused means paused
    for (int a = 0; a < kCartPoleAgents; ++a) {
        const long n = model.episodes(a);
        QVERIFY(n >= 12);
        const std::vector<double> core = coreReturns(a, n);
        QVERIFY(model.returns(a) == core);
        QCPGraph* g = view.returnGraph(a);
        QCOMPARE(g->dataCount(), static_cast<int>(n));
        for (int e = 0; e < g->dataCount(); ++e) {
            QCOMPARE(g->data()->at(e)->key, e + 1.0);
            QCOMPARE(g->data()->at(e)->value, core[static_cast<std::size_t>(e)]);
        }
        // The moving average and average_return: the mean of the last 20 returns.
        const std::size_t w = std::min<std::size_t>(20, core.size());
        const double mean = std::accumulate(core.end() - static_cast<std::ptrdiff_t>(w), core.end(), 0.0) / static_cast<double>(w);
        QCOMPARE(model.averageReturn(a), mean);
        QCOMPARE(view.averageGraph(a)->data()->at(view.averageGraph(a)->dataCount() - 1)->value, mean);
    }
    model.selectAgent(CartPoleModel::Reinforce);
    QCOMPARE(model.property("episodes").toInt(), static_cast<int>(model.episodes(3)));
    QCOMPARE(model.property("average_return").toDouble(), model.averageReturn(3));
    QVERIFY(QMetaObject::invokeMethod(&model, "reset"));  // as a lesson scene starts afresh
    QCOMPARE(model.property("episodes").toInt(), 0);
    QCOMPARE(model.property("average_return").toDouble(), 0.0);
    QTRY_COMPARE(view.returnGraph(0)->dataCount(), 0);
}

void TestCartPoleWorkspace::watchedEpisodeIsTheCoresRollout() {
    CartPoleModel model;
    CartPoleWorkspace view(&model);
    trainAtLeast(model, 15);
    for (const QString& name : {QStringLiteral("reinforce"), QStringLiteral("dqn")}) {
        QVERIFY(model.setProperty("agent", name));
        const int agent = model.agent();
        model.setSpeed(CartPoleModel::kMaxSpeed);
        QVERIFY(model.setProperty("watching", true));
        QVERIFY(model.isWatching());
        QTRY_VERIFY_WITH_TIMEOUT(model.watch() != nullptr, 10000);
        const CartPoleWatch& w = *model.watch();
        QCOMPARE(w.agent, agent);
        QCOMPARE(w.trainedEpisodes, model.episodes(agent));
        QCOMPARE(w.seed, CartPoleModel::kWatchSeed + static_cast<std::uint64_t>(model.watches()));
        // The same agent trained as many episodes here, then its greedy episode from that seed.
        rl::CartPoleRollout core;
        if (agent == CartPoleModel::Dqn) {
            rl::DqnAgent a(CartPoleModel::dqnOptions(agent));
            for (long e = 0; e < w.trainedEpisodes; ++e) a.runEpisode();
            core = rl::rolloutCartPole(w.seed, [&](const rl::CartPoleState& s) { return a.greedyAction(s); });
        } else {
            rl::PolicyGradientAgent a(CartPoleModel::policyOptions(agent));
            for (long e = 0; e < w.trainedEpisodes; ++e) a.runEpisode();
            core = rl::rolloutCartPole(w.seed, [&](const rl::CartPoleState& s) { return a.greedyAction(s); });
        }
        QCOMPARE(w.rollout.steps, core.steps);
        QCOMPARE(w.rollout.actions, core.actions);
        for (std::size_t t = 0; t < core.states.size(); ++t) {
            QCOMPARE(w.rollout.states[t].x, core.states[t].x);
            QCOMPARE(w.rollout.states[t].theta, core.states[t].theta);
        }
        // The animation plays it to its end and the view draws the frame shown.
        QTRY_VERIFY_WITH_TIMEOUT(!model.isWatching(), 20000);
        QCOMPARE(model.property("watching").toBool(), false);
        QCOMPARE(model.frameIndex(), core.steps);
        QCOMPARE(view.cartPole()->frame().state.theta, core.states.back().theta);
        QCOMPARE(view.cartPole()->frame().step, core.steps);
        QCOMPARE(view.cartPole()->frame().failed, core.failed);
        QVERIFY(view.cartPole()->statusText().contains(QString::number(core.steps)));
    }
}

void TestCartPoleWorkspace::propertiesDriveTheView() {
    CartPoleModel model;
    CartPoleWorkspace view(&model);
    auto* agent = view.findChild<QComboBox*>(QStringLiteral("cartpoleAgent"));
    auto* play = view.findChild<QPushButton*>(QStringLiteral("cartpolePlay"));
    auto* watch = view.findChild<QPushButton*>(QStringLiteral("cartpoleWatch"));
    QVERIFY(agent && play && watch);
    const QStringList names = CartPoleModel::agentNames();
    for (int a = 0; a < names.size(); ++a) {
        QVERIFY(model.setProperty("agent", names[a]));
        QCOMPARE(model.property("agent").toString(), names[a]);
        QCOMPARE(agent->currentIndex(), a);
        QCOMPARE(agent->currentData().toString(), names[a]);
    }
    model.setProperty("agent", QStringLiteral("sarsa"));
    QCOMPARE(model.property("agent").toString(), QStringLiteral("actor_critic"));
    QVERIFY(model.lastError().contains(QStringLiteral("sarsa")));
    QVERIFY(model.setProperty("agent", QStringLiteral("dqn_no_target")));
    QVERIFY(model.setProperty("playing", true));
    QVERIFY(play->text().contains(QStringLiteral("Pause")));
    QTRY_VERIFY_WITH_TIMEOUT(model.property("episodes").toInt() >= 5, 60000 * test::kSanitizerSlowdown);
    QVERIFY(model.setProperty("playing", false));
    QTRY_VERIFY(!model.isPlaying());
    QVERIFY(play->text().contains(QStringLiteral("Play")));
    QTest::qWait(300);
    const int episodes = model.property("episodes").toInt();
    QCOMPARE(episodes, static_cast<int>(model.episodes(CartPoleModel::DqnNoTarget)));
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("episodes %1,").arg(episodes)));
    QVERIFY(!model.setProperty("episodes", 3));
    QVERIFY(!model.setProperty("average_return", 3.0));
    QVERIFY(model.setProperty("watching", true));
    QVERIFY(watch->text().contains(QStringLiteral("Stop")));
    QVERIFY(model.setProperty("watching", false));
    QVERIFY(!model.isWatching());
    QVERIFY(watch->text().contains(QStringLiteral("Watch")));
}

void TestCartPoleWorkspace::targetNetworkBalancesWhereOnlineTargetsDoNot() {
    // The promise, and the lessons' checks: within a minute or two of training, DQN with
    // replay and a target network reaches a mean return of 150 (the dqn lesson's check), while
    // the same DQN with online targets (θ⁻ = θ) is still near the start. Every agent's episodes
    // depend on its seed alone, so this holds on any machine, only sooner or later.
    CartPoleModel model;
    QVERIFY(model.setProperty("agent", QStringLiteral("dqn")));
    QVERIFY(model.setProperty("playing", true));
    QTRY_VERIFY_WITH_TIMEOUT(model.property("average_return").toDouble() >= 150, 240000 * test::kSanitizerSlowdown);
    model.pause();
    qInfo("DQN mean %.1f after %ld episodes; without target network %.1f, without replay %.1f; REINFORCE %.1f, "
          "actor-critic %.1f",
          model.averageReturn(0), model.episodes(0), model.averageReturn(2), model.averageReturn(1), model.averageReturn(3),
          model.averageReturn(4));
    QVERIFY(model.averageReturn(CartPoleModel::DqnNoTarget) < 50);
    QVERIFY(model.averageReturn(CartPoleModel::DqnNoTarget) < model.averageReturn(CartPoleModel::Dqn) / 3);
}

void TestCartPoleWorkspace::screenshots_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<double>("scale");
    QTest::newRow("en") << QStringLiteral("en") << 1.0;
    QTest::newRow("zh") << QStringLiteral("zh") << 1.0;
    QTest::newRow("presenter") << QStringLiteral("en") << 1.6;
}

void TestCartPoleWorkspace::screenshots() {
    QFETCH(QString, language);
    QFETCH(double, scale);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/rl_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    CartPoleModel model;
    CartPoleWorkspace view(&model);
    trainAtLeast(model, 260);  // DQN with replay and a target network has learnt by then, the others not
    model.selectAgent(CartPoleModel::Dqn);
    model.setSpeed(CartPoleModel::kMaxSpeed);
    model.setWatching(true);
    QTRY_VERIFY_WITH_TIMEOUT(model.watch() != nullptr, 10000);
    const int stop = std::min(90, model.watch()->rollout.steps - 1);
    QTRY_VERIFY_WITH_TIMEOUT(model.frameIndex() >= stop, 10000);
    model.setWatching(false);
    const bool presenter = scale > 1;
    view.resize(presenter ? 1920 : 1280, presenter ? 1080 : 800);
    view.setPresenterScale(scale);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    const QString what = presenter ? QStringLiteral("presenter") : QStringLiteral("training");
    saveShot(view, QStringLiteral("shell-cartpole-%1-%2.png").arg(what, language));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestCartPoleWorkspace)
#include "test_cartpole_workspace.moc"
