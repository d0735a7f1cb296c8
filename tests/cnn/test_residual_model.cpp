// The residual experiment's model and workspace: training paced on the shared worker thread,
// pause, the vanishing gradient of the plain sigmoid net against the residual one, settings
// that start a new run or are refused, and a screenshot of the workspace.
#include "cnn/residual_model.h"
#include "cnn/residual_workspace.h"

#include "../common/sanitizer_slowdown.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QSpinBox>
#include <QTranslator>
#include <QtTest>

using namespace ns;

class TestResidualModel : public QObject {
    Q_OBJECT
private slots:
    void defaults();
    void playsAndPauses();
    void plainSigmoidGradientVanishes();
    void newActivationResets();
    void refusesBadSettings();
    void workspaceScreenshot();
    void workspaceInChinese();
};

void TestResidualModel::defaults() {
    ResidualModel model;
    QCOMPARE(model.activation(), QStringLiteral("sigmoid"));
    QCOMPARE(model.blocks(), 9);
    QCOMPARE(model.steps(), 0L);
    QVERIFY(!model.isPlaying());
    QVERIFY(model.lastError().isEmpty());
    QVERIFY(model.gradientNorms(-1).empty());
    QVERIFY(model.lossHistory(4).empty());
}

void TestResidualModel::playsAndPauses() {
    ResidualModel model;
    model.play();
    QVERIFY(model.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 5, 20000 * test::kSanitizerSlowdown);
    for (int v = 0; v < 4; ++v) {
        QCOMPARE(model.gradientNorms(v).size(), std::size_t(20));
        QVERIFY(!model.lossHistory(v).empty());
        QCOMPARE(static_cast<long>(model.lossHistory(v).size()), model.steps());
    }
    model.pause();
    QVERIFY(!model.isPlaying());
    // A step already running when the pause arrives still finishes (slower under sanitizers).
    QTest::qWait(300 * test::kSanitizerSlowdown);
    const long steps = model.steps();
    QTest::qWait(500);
    QCOMPARE(model.steps(), steps);
    QVERIFY(!model.isPlaying());
}

void TestResidualModel::plainSigmoidGradientVanishes() {
    ResidualModel model;
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 1, 20000 * test::kSanitizerSlowdown);
    model.pause();
    const auto& plain = model.gradientNorms(0);
    const auto& residual = model.gradientNorms(2);
    QVERIFY(!plain.empty() && !residual.empty());
    QVERIFY2(plain[0] < 1e-4 * residual[0],
             qPrintable(QStringLiteral("%1 vs %2").arg(plain[0]).arg(residual[0])));
}

void TestResidualModel::newActivationResets() {
    ResidualModel model;
    QSignalSpy changed(&model, &ResidualModel::changed);
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 3, 20000 * test::kSanitizerSlowdown);
    model.setActivation(QStringLiteral("relu"));
    QCOMPARE(model.steps(), 0L);
    QCOMPARE(model.activation(), QStringLiteral("relu"));
    QVERIFY(!model.isPlaying());
    QVERIFY(model.lossHistory(0).empty());
    QVERIFY(model.lastError().isEmpty());
    QVERIFY(changed.count() > 0);
    // Nothing from the old run arrives after the reset.
    QTest::qWait(300);
    QCOMPARE(model.steps(), 0L);
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 2, 20000 * test::kSanitizerSlowdown);
    model.pause();
}

void TestResidualModel::refusesBadSettings() {
    ResidualModel model;
    model.setActivation(QStringLiteral("swish"));
    QVERIFY(!model.lastError().isEmpty());
    QCOMPARE(model.activation(), QStringLiteral("sigmoid"));
    model.setBlocks(2);
    QVERIFY(!model.lastError().isEmpty());
    QCOMPARE(model.blocks(), 9);
    model.setBlocks(13);
    QCOMPARE(model.blocks(), 9);
    model.setBlocks(4);
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(model.blocks(), 4);
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 1, 20000 * test::kSanitizerSlowdown);
    model.pause();
    QCOMPARE(model.gradientNorms(0).size(), std::size_t(2 * 4 + 2));
}

void TestResidualModel::workspaceScreenshot() {
    ResidualModel model;
    ResidualWorkspace workspace(&model);
    workspace.resize(1600, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    auto* play = workspace.findChild<QPushButton*>(QStringLiteral("residualPlay"));
    auto* activation = workspace.findChild<QComboBox*>(QStringLiteral("residualActivation"));
    auto* blocks = workspace.findChild<QSpinBox*>(QStringLiteral("residualBlocks"));
    QVERIFY(play && activation && blocks);
    QCOMPARE(activation->currentData().toString(), QStringLiteral("sigmoid"));
    QCOMPARE(blocks->value(), 9);
    play->click();
    QVERIFY(model.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 20, 20000 * test::kSanitizerSlowdown);
    play->click();
    QVERIFY(!model.isPlaying());
    QTest::qWait(200);
    QApplication::processEvents();
    const QPixmap shot = workspace.grab();
    QCOMPARE(shot.size(), QSize(1600, 900));
    // Written to $NEURALSCOPE_SHOTS when set; never into the source tree.
    if (!qEnvironmentVariableIsEmpty("NEURALSCOPE_SHOTS"))
        QVERIFY(shot.save(qEnvironmentVariable("NEURALSCOPE_SHOTS") + QStringLiteral("/residual-en.png")));
}

void TestResidualModel::workspaceInChinese() {
    ResidualModel model;
    ResidualWorkspace workspace(&model);
    workspace.resize(1600, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    auto* play = workspace.findChild<QPushButton*>(QStringLiteral("residualPlay"));
    QVERIFY(play);
    QCOMPARE(play->text(), QStringLiteral("Play"));
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/residual_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QApplication::processEvents();
    QCOMPARE(play->text(), QStringLiteral("播放"));
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 20, 20000 * test::kSanitizerSlowdown);
    model.pause();
    QTRY_COMPARE(play->text(), QStringLiteral("播放"));
    QTest::qWait(200);
    const QPixmap shot = workspace.grab();
    // Written to $NEURALSCOPE_SHOTS when set; never into the source tree.
    if (!qEnvironmentVariableIsEmpty("NEURALSCOPE_SHOTS"))
        QVERIFY(shot.save(qEnvironmentVariable("NEURALSCOPE_SHOTS") + QStringLiteral("/residual-zh.png")));
    QCoreApplication::removeTranslator(&translator);
    QApplication::processEvents();
    QCOMPARE(play->text(), QStringLiteral("Play"));
}

QTEST_MAIN(TestResidualModel)
#include "test_residual_model.moc"
