// The tiny-Transformer workspace: every lesson field set through the Qt property system moves
// the view; the prediction and every head's map the view draws equal an independent core run of
// the same steps; training runs on the worker thread; bad values are refused with a message;
// settings are undoable; and the workspace renders in English, Chinese and presenter mode.
#include "transformer/attention_heatmap.h"
#include "transformer/transformer_model.h"
#include "transformer/transformer_workspace.h"

#include "../common/sanitizer_slowdown.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>

using namespace ns;
using transformer::ToyTransformer;

namespace {

void saveShot(QWidget& w, const QString& name) {
    const QPixmap shot = w.grab();
    QVERIFY(!shot.isNull());
    const QImage image = shot.toImage();
    int ink = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (qGray(image.pixel(x, y)) < 128) ++ink;
    QVERIFY2(ink > 200, qPrintable(name));
    if (!qEnvironmentVariableIsEmpty("NEURALSCOPE_SHOTS"))
        QVERIFY(shot.save(qEnvironmentVariable("NEURALSCOPE_SHOTS") + QLatin1Char('/') + name));
}

// Waits until the model has published the state after `steps` steps (paused, prediction there).
bool settle(TransformerModel& model, long steps) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 120000 * test::kSanitizerSlowdown) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (model.settled() && model.steps() == steps && model.prediction() && model.evaluatedAtStep() == steps &&
            model.prediction()->length == model.length())
            return true;
        QTest::qWait(10);
    }
    return false;
}

}  // namespace

class TestTransformerWorkspace : public QObject {
    Q_OBJECT
private slots:
    void propertiesDriveTheView();
    void viewShowsTheCoresNumbers();
    void learnsReverseLive();
    void refusesBadValues();
    void settingsAreUndoable();
    void screenshots_data();
    void screenshots();
};

void TestTransformerWorkspace::propertiesDriveTheView() {
    TransformerModel model;
    TransformerWorkspace view(&model);
    QSignalSpy changed(&model, &TransformerModel::changed);
    QVERIFY(model.setProperty("task", QStringLiteral("sort")));
    QVERIFY(model.setProperty("length", 5));
    QVERIFY(model.setProperty("layers", 1));
    QVERIFY(model.setProperty("heads", 2));
    QVERIFY(model.setProperty("learning_rate", 0.005));
    QVERIFY(model.setProperty("input", QStringLiteral("90210")));
    QVERIFY(model.setProperty("layer", 1));
    QVERIFY(model.setProperty("head", 2));
    QVERIFY(settle(model, 0));
    QVERIFY(changed.count() > 0);
    QCOMPARE(view.findChild<QComboBox*>(QStringLiteral("transformerTask"))->currentIndex(), 2);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("transformerLength"))->value(), 5);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("transformerLayers"))->value(), 1);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("transformerHeads"))->value(), 2);
    QCOMPARE(view.findChild<QDoubleSpinBox*>(QStringLiteral("transformerRate"))->value(), 0.005);
    QCOMPARE(view.inputEdit()->text(), QStringLiteral("90210"));
    QCOMPARE(model.property("task").toString(), QStringLiteral("sort"));
    QCOMPARE(model.property("input").toString(), QStringLiteral("90210"));
    QCOMPARE(view.maps().size(), std::size_t(1));
    QCOMPARE(view.maps()[0].size(), std::size_t(2));
    QVERIFY(view.maps()[0][1]->selected());
    QVERIFY(!view.maps()[0][0]->selected());
    QCOMPARE(view.maps()[0][0]->labels(), (QStringList{"9", "0", "2", "1", "0"}));
    QCOMPARE(view.selectedMap()->weights(), view.maps()[0][1]->weights());
    QVERIFY(view.predictionLabel()->text().contains(QStringLiteral("00129")));  // expected: sorted
    // Training on and off through the property; the read-only fields report what the view shows.
    model.setUnitsPerSecond(0);
    QVERIFY(model.setProperty("training", true));
    QVERIFY(model.property("training").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 30, 60000 * test::kSanitizerSlowdown);
    QVERIFY(model.setProperty("training", false));
    QTRY_VERIFY_WITH_TIMEOUT(model.settled(), 20000);
    const long steps = model.steps();
    QVERIFY(settle(model, steps));
    QCOMPARE(model.property("steps").toInt(), static_cast<int>(steps));
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("Step %1").arg(steps)));
    QVERIFY(view.statusLabel()->text().contains(QString::number(model.property("accuracy").toDouble() * 100, 'f', 1)));
    QVERIFY(view.statusLabel()->text().contains(QString::number(model.property("loss").toDouble(), 'f', 4)));
    QVERIFY(model.property("loss").toDouble() > 0);
    // A lesson scene starts the workspace afresh through reset(), found by name.
    QVERIFY(model.metaObject()->indexOfMethod("reset()") >= 0);
    QVERIFY(QMetaObject::invokeMethod(&model, "reset"));
    QVERIFY(settle(model, 0));
    QCOMPARE(model.property("steps").toInt(), 0);
}

void TestTransformerWorkspace::viewShowsTheCoresNumbers() {
    TransformerModel model;  // reverse, n = 6, two layers of four heads
    TransformerWorkspace view(&model);
    model.setUnitsPerSecond(0);
    QVERIFY(settle(model, 0));
    model.runSteps(80);
    QVERIFY(settle(model, 80));
    QApplication::processEvents();
    ToyTransformer core(transformer::ToySettings{});
    for (int k = 0; k < 80; ++k) core.step();
    const std::vector<int> input = ToyTransformer::tokens(transformer::ToyTask::Reverse, model.input().toStdString());
    const transformer::ToyPrediction p = core.predict(input);
    QCOMPARE(view.maps().size(), std::size_t(2));
    for (std::size_t l = 0; l < 2; ++l)
        for (std::size_t h = 0; h < 4; ++h) QCOMPARE(view.maps()[l][h]->weights(), p.attention[l][h]);
    QVERIFY(view.predictionLabel()->text().contains(QStringLiteral("Expected")));
    QCOMPARE(model.prediction()->output, p.output);
    QCOMPARE(model.accuracy(), core.heldOutAccuracy());
    QCOMPARE(model.lossHistory().size(), std::size_t(80));
}

void TestTransformerWorkspace::learnsReverseLive() {
    // Played in the workspace (on the worker thread, the GUI thread free), reverse reaches 95 %.
    TransformerModel model;
    TransformerWorkspace view(&model);
    model.setUnitsPerSecond(0);
    const Qt::HANDLE gui = QThread::currentThreadId();
    model.play();
    QElapsedTimer t;
    t.start();
    int turns = 0;
    while (model.accuracy() < 0.95 && t.elapsed() < 180000 * test::kSanitizerSlowdown) {
        QTest::qWait(20);
        ++turns;
    }
    model.pause();
    QVERIFY(QThread::currentThreadId() == gui);
    QVERIFY2(model.accuracy() >= 0.95, qPrintable(QString("%1 after %2 steps").arg(model.accuracy()).arg(model.steps())));
    QVERIFY(turns > 5);  // the event loop kept turning while it trained
    qInfo("reverse in the workspace: %.1f %% after %ld steps", 100 * model.accuracy(), model.steps());
}

void TestTransformerWorkspace::refusesBadValues() {
    TransformerModel model;
    TransformerWorkspace view(&model);
    QVERIFY(settle(model, 0));
    model.setProperty("length", 99);
    QCOMPARE(model.length(), 6);
    QVERIFY(model.lastError().contains(QStringLiteral("3–16")));
    model.setProperty("input", QStringLiteral("12a456"));
    QCOMPARE(model.input(), QStringLiteral("314159"));
    QVERIFY(!model.lastError().isEmpty());
    model.setProperty("input", QStringLiteral("123"));
    QVERIFY(model.lastError().contains(QStringLiteral("6")));
    model.setProperty("heads", 3);
    QCOMPARE(model.heads(), 4);
    model.setProperty("learning_rate", 5.0);
    QCOMPARE(model.learningRate(), 3e-3);
    model.setProperty("task", QStringLiteral("poetry"));
    QCOMPARE(model.task(), QStringLiteral("reverse"));
    model.setProperty("head", 7);
    QCOMPARE(model.head(), 1);
}

void TestTransformerWorkspace::settingsAreUndoable() {
    TransformerModel model;
    TransformerWorkspace view(&model);
    QVERIFY(model.setTask(QStringLiteral("copy")));
    QVERIFY(model.setLength(4));
    QCOMPARE(model.input(), QStringLiteral("3141"));
    model.undoStack()->undo();
    QCOMPARE(model.length(), 6);
    QCOMPARE(model.input(), QStringLiteral("314159"));
    model.undoStack()->undo();
    QCOMPARE(model.task(), QStringLiteral("reverse"));
    model.undoStack()->redo();
    QCOMPARE(model.task(), QStringLiteral("copy"));
    QVERIFY(settle(model, 0));
    QCOMPARE(view.findChild<QComboBox*>(QStringLiteral("transformerTask"))->currentIndex(), 0);
}

void TestTransformerWorkspace::screenshots_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("presenter");
    QTest::newRow("en") << QStringLiteral("en") << false;
    QTest::newRow("zh") << QStringLiteral("zh") << false;
    QTest::newRow("en-presenter") << QStringLiteral("en") << true;
}

void TestTransformerWorkspace::screenshots() {
    QFETCH(QString, language);
    QFETCH(bool, presenter);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/transformer_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    TransformerModel model;
    model.setUnitsPerSecond(0);
    QVERIFY(settle(model, 0));
    model.runSteps(600);  // reverse learnt: the maps have turned into anti-diagonals
    QVERIFY(settle(model, 600));
    TransformerWorkspace view(&model);
    if (presenter) view.setPresenterScale(1.5);
    view.resize(presenter ? QSize(1920, 1080) : QSize(1280, 800));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    if (language == QLatin1String("zh"))
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("transformerStep"))->text() != QStringLiteral("S&tep"));
    saveShot(view, QStringLiteral("shell-transformer-reverse-%1%2.png").arg(language, presenter ? QStringLiteral("-presenter") : QString()));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTransformerWorkspace)
#include "test_transformer_workspace.moc"
