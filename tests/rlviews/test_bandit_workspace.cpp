// The bandit workspace: its curves and bars are the core's (runBanditTestbed and banditMeans run
// here with the same options), the curves grow on the shared worker thread while the GUI thread
// stays free, the lesson properties drive the controls, settings are undo commands, and the
// workspace renders in English and Chinese.
#include "rl/bandit_model.h"
#include "rl/bandit_workspace.h"

#include "../common/sanitizer_slowdown.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

using namespace ns;

namespace {

rl::BanditOptions coreOptions(int arms, double epsilon, double c, rl::BanditStrategy strategy) {
    rl::BanditOptions o;
    o.arms = arms;
    o.steps = 1000;
    o.runs = 2000;
    o.epsilon = epsilon;
    o.ucbC = c;
    o.strategy = strategy;
    o.seed = 1;
    return o;
}

void waitComputed(const BanditModel& model) {
    QTRY_VERIFY_WITH_TIMEOUT(!model.isComputing(), 30000 * test::kSanitizerSlowdown);
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

class TestBanditWorkspace : public QObject {
    Q_OBJECT
private slots:
    void curvesAreTheCores();
    void meansAreTheCores();
    void playsOffTheGuiThread();
    void propertiesDriveTheView();
    void settingsAreUndoable();
    void screenshots_data();
    void screenshots();
};

void TestBanditWorkspace::curvesAreTheCores() {
    BanditModel model;
    BanditWorkspace view(&model);
    waitComputed(model);
    for (int i = 0; i < 5; ++i) model.step();
    QTRY_COMPARE_WITH_TIMEOUT(model.steps(), 5, 5000);
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 150, 20000 * test::kSanitizerSlowdown);
    model.pause();
    QTRY_VERIFY(!model.isPlaying());
    QTest::qWait(200);
    const int steps = model.steps();
    const rl::BanditStrategy kinds[] = {rl::BanditStrategy::Greedy, rl::BanditStrategy::EpsilonGreedy, rl::BanditStrategy::Ucb};
    for (int s = 0; s < 3; ++s) {
        const rl::BanditCurves core = rl::runBanditTestbed(coreOptions(10, 0.1, 2.0, kinds[s]));
        QCOMPARE(static_cast<int>(model.averageReward(s).size()), steps);
        QCPGraph* reward = view.rewardPlot()->graph(s);
        QCPGraph* optimal = view.optimalPlot()->graph(s);
        QCOMPARE(reward->dataCount(), steps);
        for (int t = 0; t < steps; ++t) {
            QCOMPARE(model.averageReward(s)[static_cast<std::size_t>(t)], core.averageReward[static_cast<std::size_t>(t)]);
            QCOMPARE(model.optimalPercent(s)[static_cast<std::size_t>(t)], 100 * core.optimalFraction[static_cast<std::size_t>(t)]);
            QCOMPARE(reward->data()->at(t)->key, t + 1.0);
            QCOMPARE(reward->data()->at(t)->value, core.averageReward[static_cast<std::size_t>(t)]);
            QCOMPARE(optimal->data()->at(t)->value, 100 * core.optimalFraction[static_cast<std::size_t>(t)]);
        }
    }
    // The dots: each agent's Q(a) on the first bandit after `steps` steps, the core's trace of that run.
    for (int s = 0; s < 3; ++s) {
        const rl::BanditRun run = rl::traceBanditRun(coreOptions(10, 0.1, 2.0, kinds[s]), 0);
        QCPGraph* dots = view.estimateGraph(s);
        QCOMPARE(dots->dataCount(), 10);
        for (int a = 0; a < 10; ++a) {
            const double q = run.estimates[static_cast<std::size_t>((steps - 1) * 10 + a)];
            QCOMPARE(dots->data()->at(a)->value, q);
            QCOMPARE(model.estimates(s)[static_cast<std::size_t>(a)], q);
            QCOMPARE(model.pulls(s)[static_cast<std::size_t>(a)], run.pulls[static_cast<std::size_t>((steps - 1) * 10 + a)]);
        }
    }
    // Exploration pays: by step 150 ε-greedy and UCB pull the best arm more often than greedy.
    QVERIFY(model.optimalPercent(1).back() > model.optimalPercent(0).back());
    QVERIFY(model.optimalPercent(2).back() > model.optimalPercent(0).back());
    QVERIFY(view.statusLabel()->text().contains(QString::number(steps)));
    model.reset();
    QTRY_COMPARE(model.steps(), 0);
    QTRY_COMPARE(view.rewardPlot()->graph(0)->dataCount(), 0);
}

void TestBanditWorkspace::meansAreTheCores() {
    BanditModel model;
    BanditWorkspace view(&model);
    QVERIFY(model.setArms(7));
    waitComputed(model);
    const std::vector<double> core = rl::banditMeans(coreOptions(7, 0.1, 2.0, rl::BanditStrategy::Greedy), 0);
    QVERIFY(model.means() == core);
    QCOMPARE(view.meansBars()->dataCount(), 0);  // hidden until revealed
    model.setRevealed(true);
    const int best = static_cast<int>(std::max_element(core.begin(), core.end()) - core.begin());
    QCOMPARE(model.bestArm(), best);
    // The grey bars hold every arm but the best, which has its own (green) bar.
    QCOMPARE(view.meansBars()->dataCount(), 6);
    for (int i = 0; i < view.meansBars()->dataCount(); ++i) {
        const auto bar = view.meansBars()->data()->at(i);
        const int arm = static_cast<int>(bar->key) - 1;
        QVERIFY(arm != best);
        QCOMPARE(bar->value, core[static_cast<std::size_t>(arm)]);
    }
}

void TestBanditWorkspace::playsOffTheGuiThread() {
    BanditModel model;
    BanditWorkspace view(&model);
    QSignalSpy changed(&model, &BanditModel::changed);
    QVERIFY(PacedWorker::shared().workerThread() != QThread::currentThread());
    model.play();
    QVERIFY(model.isPlaying());
    // The event loop keeps running (the GUI is free) while the steps grow.
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 50, 30000 * test::kSanitizerSlowdown);
    const int seen = model.steps();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() > seen, 5000);
    QVERIFY(changed.count() >= 3);
    model.pause();
    QTRY_VERIFY(!model.isPlaying());
    QTest::qWait(300);
    const int steps = model.steps();
    QTest::qWait(300);
    QCOMPARE(model.steps(), steps);
}

void TestBanditWorkspace::propertiesDriveTheView() {
    BanditModel model;
    BanditWorkspace view(&model);
    auto* arms = view.findChild<QSpinBox*>(QStringLiteral("banditArms"));
    auto* epsilon = view.findChild<QDoubleSpinBox*>(QStringLiteral("banditEpsilon"));
    auto* ucb = view.findChild<QDoubleSpinBox*>(QStringLiteral("banditUcbC"));
    auto* play = view.findChild<QPushButton*>(QStringLiteral("banditPlay"));
    QVERIFY(arms && epsilon && ucb && play);

    QVERIFY(model.setProperty("arms", 5));
    QCOMPARE(model.property("arms").toInt(), 5);
    QCOMPARE(arms->value(), 5);
    QVERIFY(model.setProperty("epsilon", 0.25));
    QCOMPARE(model.property("epsilon").toDouble(), 0.25);
    QCOMPARE(epsilon->value(), 0.25);
    QVERIFY(model.setProperty("ucb_c", 1.5));
    QCOMPARE(model.property("ucb_c").toDouble(), 1.5);
    QCOMPARE(ucb->value(), 1.5);
    QCOMPARE(model.undoStack()->count(), 3);
    // Out of range: arms refused with a message, numbers clamped.
    model.setProperty("arms", 50);
    QCOMPARE(model.arms(), 5);
    QVERIFY(model.lastError().contains(QStringLiteral("50")));
    model.setProperty("epsilon", 3.0);
    QCOMPARE(model.epsilon(), 1.0);
    model.setProperty("ucb_c", -1.0);
    QCOMPARE(model.ucbC(), 0.0);

    waitComputed(model);
    QVERIFY(model.setProperty("playing", true));
    QCOMPARE(model.property("playing").toBool(), true);
    QVERIFY(play->text().contains(QStringLiteral("Pause")));
    QTRY_VERIFY_WITH_TIMEOUT(model.property("steps").toInt() >= 30, 20000 * test::kSanitizerSlowdown);
    model.setProperty("playing", false);
    QTRY_VERIFY(!model.isPlaying());
    QVERIFY(play->text().contains(QStringLiteral("Play")));
    QTest::qWait(200);
    const int steps = model.property("steps").toInt();
    QCOMPARE(steps, model.steps());
    QCOMPARE(view.rewardPlot()->graph(0)->dataCount(), steps);
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("Step %1 of").arg(steps)));
    // "steps" is read-only.
    QVERIFY(!model.setProperty("steps", 3));
    QCOMPARE(model.steps(), steps);
    // A lesson scene starts afresh through the invokable reset().
    QVERIFY(QMetaObject::invokeMethod(&model, "reset"));
    QCOMPARE(model.property("steps").toInt(), 0);
    QTRY_COMPARE(view.rewardPlot()->graph(0)->dataCount(), 0);
    model.step();
    QTRY_COMPARE(model.steps(), 1);
    // A new setting starts the experiment again.
    model.setProperty("epsilon", 0.05);
    QCOMPARE(model.property("steps").toInt(), 0);
}

void TestBanditWorkspace::settingsAreUndoable() {
    BanditModel model;
    QVERIFY(model.setEpsilon(0.2));
    QVERIFY(model.setEpsilon(0.3));  // consecutive edits merge
    QVERIFY(model.setUcbC(1.0));
    QCOMPARE(model.undoStack()->count(), 2);
    model.undoStack()->undo();
    QCOMPARE(model.ucbC(), 2.0);
    model.undoStack()->undo();
    QCOMPARE(model.epsilon(), 0.1);
    model.undoStack()->redo();
    QCOMPARE(model.epsilon(), 0.3);
    QVERIFY(!model.setArms(1));
    QCOMPARE(model.arms(), 10);
}

void TestBanditWorkspace::screenshots_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<double>("scale");
    QTest::newRow("en") << QStringLiteral("en") << 1.0;
    QTest::newRow("zh") << QStringLiteral("zh") << 1.0;
    QTest::newRow("presenter") << QStringLiteral("en") << 1.6;
}

void TestBanditWorkspace::screenshots() {
    QFETCH(QString, language);
    QFETCH(double, scale);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/rl_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    BanditModel model;
    BanditWorkspace view(&model);
    waitComputed(model);
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 400, 30000 * test::kSanitizerSlowdown);
    model.pause();
    QTRY_VERIFY(!model.isPlaying());
    model.setRevealed(true);
    const bool presenter = scale > 1;
    view.resize(presenter ? 1920 : 1280, presenter ? 1080 : 800);
    view.setPresenterScale(scale);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    const QString what = presenter ? QStringLiteral("presenter") : QStringLiteral("curves");
    saveShot(view, QStringLiteral("shell-bandit-%1-%2.png").arg(what, language));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestBanditWorkspace)
#include "test_bandit_workspace.moc"
