// The sequences workspace: the views' numbers are the trace's (the equation panel's gate values
// and h_t, the unrolled picture, the BPTT norms), training runs on the shared worker thread and
// never on the GUI's, settings are undo commands, and the workspace renders in English and Chinese.
#include "sequence/equation_panel.h"
#include "sequence/gate_heatmap.h"
#include "sequence/sequence_model.h"
#include "sequence/sequence_workspace.h"
#include "sequence/unrolled_view.h"

#include "../common/sanitizer_slowdown.h"

#include <QApplication>
#include <QLabel>
#include <QTabWidget>
#include <QThread>
#include <QTranslator>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>

using namespace ns;

namespace {

double traced(const SequenceModel& model, int cell, const std::string& key, int step, int unit) {
    const engine::LayerTrace& layer = model.trace(cell).nodes.at(0);
    const engine::Tensor* t = key == "h" ? &layer.output : layer.find(key);
    if (!t) return std::nan("");
    return t->at({0, step, unit});
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

}  // namespace

class TestSequenceWorkspace : public QObject {
    Q_OBJECT
private slots:
    void equationsShowTheTracesNumbers();
    void pictureIsTheTrace();
    void bpttVanishesInTheRnnAndScaleExplodes();
    void clippingScalesTheGradient();
    void trainsOffTheGuiThread();
    void settingsAreUndoable();
    void undoButtonsFollowTheStack();
    void refusesBadSettings();
    void clicksSelectSteps();
    void screenshots_data();
    void screenshots();
};

void TestSequenceWorkspace::equationsShowTheTracesNumbers() {
    SequenceModel model;
    model.setCell(QStringLiteral("lstm"));
    model.selectStep(4);
    model.selectUnit(2);
    EquationPanel panel;
    panel.setPicture(model.shownPicture());
    const QString text = panel.plainText();
    for (const char* key : {"f", "i", "C_tilde", "o", "C", "h"}) {
        const double v = traced(model, 1, key, 4, 2);
        QVERIFY(std::isfinite(v));
        QVERIFY2(text.contains(EquationPanel::number(v)), qPrintable(QStringLiteral("%1 %2\n%3").arg(key).arg(v).arg(text)));
    }
    // C_{t−1} of the substitution is the trace's C at step 4 (index 3).
    QVERIFY(text.contains(EquationPanel::number(traced(model, 1, "C", 3, 2)).remove(QLatin1Char('-'))));
    QVERIFY(text.contains(QStringLiteral("t = 5")));

    model.setCell(QStringLiteral("gru"));
    panel.setPicture(model.shownPicture());
    const QString gru = panel.plainText();
    for (const char* key : {"z", "r", "h_tilde", "h"})
        QVERIFY2(gru.contains(EquationPanel::number(traced(model, 2, key, 4, 2))), key);
    QVERIFY(!gru.contains(QStringLiteral("f") + QChar(0x209C)));  // no LSTM gate in the GRU's equations

    model.setCell(QStringLiteral("rnn"));
    panel.setPicture(model.shownPicture());
    QVERIFY(panel.plainText().contains(EquationPanel::number(traced(model, 0, "h", 4, 2))));
}

void TestSequenceWorkspace::pictureIsTheTrace() {
    SequenceModel model;
    const SequencePicture& pic = model.picture(1);
    QCOMPARE(pic.steps, 20);
    QCOMPARE(pic.units, 16);
    QStringList keys;
    for (const SequenceGate& g : pic.gates) keys << g.key;
    QCOMPARE(keys, (QStringList{QStringLiteral("f"), QStringLiteral("i"), QStringLiteral("C_tilde"), QStringLiteral("o")}));
    for (int t : {0, 7, 19})
        for (int u : {0, 15}) {
            QCOMPARE(pic.h[t][u], traced(model, 1, "h", t, u));
            QCOMPARE(pic.c[t][u], traced(model, 1, "C", t, u));
            QCOMPARE(pic.gate(QStringLiteral("f"))->values[t][u], traced(model, 1, "f", t, u));
            QCOMPARE(pic.gradH[t][u], traced(model, 1, "grad_h", t, u));
        }
    const engine::Tensor* norms = model.trace(1).nodes.at(0).find("grad_norm");
    QVERIFY(norms);
    QCOMPARE(static_cast<int>(pic.gradNorm.size()), 20);
    for (int t = 0; t < 20; ++t) QCOMPARE(pic.gradNorm[t], (*norms)[t]);
    GateHeatmap heatmap;
    heatmap.setPicture(pic);
    QCOMPARE(heatmap.rowKeys(), (QStringList{QStringLiteral("f"), QStringLiteral("i"), QStringLiteral("C_tilde"),
                                             QStringLiteral("o"), QStringLiteral("C"), QStringLiteral("h")}));
}

void TestSequenceWorkspace::bpttVanishesInTheRnnAndScaleExplodes() {
    SequenceModel model;
    model.setLength(40);
    const auto& rnn = model.gradNorm(0);
    const auto& lstm = model.gradNorm(1);
    QCOMPARE(rnn.size(), std::size_t(40));
    const double rnnRatio = rnn.front() / rnn.back();
    const double lstmRatio = lstm.front() / lstm.back();
    qInfo("T = 40: ‖∂L/∂h_1‖/‖∂L/∂h_T‖ RNN %.3g, LSTM %.3g", rnnRatio, lstmRatio);
    QVERIFY(rnnRatio < 1e-4);         // vanishes in the plain RNN
    QVERIFY(lstmRatio > 100 * rnnRatio);  // held far better by the LSTM
    model.setWhScale(4.0);
    const double exploded = model.gradNorm(0).front() / model.gradNorm(0).back();
    qInfo("W_h × 4: RNN ratio %.3g", exploded);
    QVERIFY(exploded > 1.0);  // grows as it flows back
}

void TestSequenceWorkspace::clippingScalesTheGradient() {
    SequenceModel model;
    model.setWhScale(4.0);
    QCOMPARE(model.clipFactor(0), 1.0);
    const double norm = model.parameterGradientNorm(0);
    QVERIFY(norm > SequenceModel::kClipNorm);
    model.setClip(true);
    QCOMPARE(model.clipFactor(0), SequenceModel::kClipNorm / norm);
    SequenceWorkspace view(&model);
    view.resize(1400, 900);
    view.panels()->setCurrentIndex(1);
    QCOMPARE(model.panel(), SequenceModel::Panel::Bptt);
    // The plot draws the clipped norms.
    QCPGraph* rnn = view.bpttPlot()->graph(0);
    QCOMPARE(rnn->dataCount(), 20);
    QCOMPARE(rnn->data()->at(19)->value, model.gradNorm(0).back() * model.clipFactor(0));
}

void TestSequenceWorkspace::trainsOffTheGuiThread() {
    SequenceModel model;
    SequenceWorkspace view(&model);
    QSignalSpy changed(&model, &SequenceModel::changed);
    const QThread* gui = QThread::currentThread();
    model.play();
    QVERIFY(model.isPlaying());
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 10, 30000 * test::kSanitizerSlowdown);
    // The GUI thread stayed free: the event loop ran while the worker trained.
    QVERIFY(changed.count() >= 2);
    QVERIFY(PacedWorker::shared().workerThread() != gui);
    for (int c = 0; c < 3; ++c) QCOMPARE(static_cast<long>(model.lossHistory(c).size()), model.steps());
    model.pause();
    QTest::qWait(300 * test::kSanitizerSlowdown);
    const long steps = model.steps();
    QTest::qWait(400);
    QCOMPARE(model.steps(), steps);
    QVERIFY(view.lossPlot()->graph(0)->dataCount() > 0);
    // Trained weights are traced: the picture changed from the initial one.
    SequenceModel fresh;
    QVERIFY(fresh.picture(1).h[5][0] != model.picture(1).h[5][0]);
    model.reset();
    QCOMPARE(model.steps(), 0L);
    QCOMPARE(model.picture(1).h[5][0], fresh.picture(1).h[5][0]);
}

void TestSequenceWorkspace::settingsAreUndoable() {
    SequenceModel model;
    QVERIFY(model.setLength(30));
    QVERIFY(model.setCell(QStringLiteral("gru")));
    QVERIFY(model.setWhScale(2.0));
    QVERIFY(model.setWhScale(2.5));  // a slider drag merges
    QCOMPARE(model.undoStack()->count(), 3);
    model.undoStack()->undo();
    QCOMPARE(model.settings().whScale, 1.0);
    model.undoStack()->undo();
    QCOMPARE(model.settings().cell, engine::CellKind::Lstm);
    model.undoStack()->undo();
    QCOMPARE(model.settings().length, 20);
    QCOMPARE(model.picture(1).steps, 20);
    model.undoStack()->redo();
    QCOMPARE(model.picture(1).steps, 30);
}

void TestSequenceWorkspace::undoButtonsFollowTheStack() {
    SequenceModel model;
    SequenceWorkspace view(&model);
    auto* undo = view.findChild<QPushButton*>(QStringLiteral("sequenceUndo"));
    auto* redo = view.findChild<QPushButton*>(QStringLiteral("sequenceRedo"));
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());
    QVERIFY(!redo->isEnabled());
    QVERIFY(model.setLength(30));
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->toolTip().contains(model.undoStack()->undoText()), qPrintable(undo->toolTip()));
    undo->click();
    QCOMPARE(model.settings().length, 20);
    QVERIFY(!undo->isEnabled());
    QVERIFY(redo->isEnabled());
    redo->click();
    QCOMPARE(model.settings().length, 30);
}

void TestSequenceWorkspace::refusesBadSettings() {
    SequenceModel model;
    QVERIFY(!model.setLength(1));
    QVERIFY(model.lastError().contains(QStringLiteral("1")));
    QVERIFY(!model.setTask(QStringLiteral("poetry")));
    QVERIFY(!model.setCell(QStringLiteral("transformer")));
    QVERIFY(!model.setWhScale(100));
    QCOMPARE(model.settings(), SequenceSettings{});
    QCOMPARE(model.undoStack()->count(), 0);
}

void TestSequenceWorkspace::clicksSelectSteps() {
    SequenceModel model;
    SequenceWorkspace view(&model);
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    UnrolledView* unrolled = view.unrolled();
    const QRect third = unrolled->stepRect(2);
    QVERIFY(third.isValid());
    QTest::mouseClick(unrolled, Qt::LeftButton, {}, third.center());
    QCOMPARE(model.selectedStep(), 2);
    QVERIFY(view.equations()->plainText().contains(QStringLiteral("t = 3")));
    QTest::keyClick(&view, Qt::Key_BracketRight);
    QCOMPARE(model.selectedStep(), 3);
    model.hideGradient();
    QTest::keyClick(&view, Qt::Key_B);
    QCOMPARE(model.revealed(), 1);
}

void TestSequenceWorkspace::screenshots_data() {
    QTest::addColumn<int>("panel");
    QTest::addColumn<QString>("language");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")}) {
        QTest::newRow(qPrintable(QStringLiteral("unrolled-") + language)) << 0 << language;
        QTest::newRow(qPrintable(QStringLiteral("bptt-") + language)) << 1 << language;
        QTest::newRow(qPrintable(QStringLiteral("training-") + language)) << 2 << language;
    }
}

void TestSequenceWorkspace::screenshots() {
    QFETCH(int, panel);
    QFETCH(QString, language);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/sequence_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    SequenceModel model;
    if (panel == 1) model.setLength(40);
    if (panel == 2) {
        model.setTask(QStringLiteral("characters"));
        model.play();
        QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 150, 120000 * test::kSanitizerSlowdown);
        model.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!model.greedySample(1).isEmpty(), 20000);
    } else {
        if (panel == 0) {  // trained a little, so the gates have found their roles
            model.play();
            QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 200, 120000 * test::kSanitizerSlowdown);
            model.pause();
            QTest::qWait(300);
        }
        model.selectStep(6);
        model.selectUnit(3);
    }
    SequenceWorkspace view(&model);
    view.resize(1600, 1000);
    model.setPanel(static_cast<SequenceModel::Panel>(panel));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    if (language == QLatin1String("zh")) QVERIFY(view.panels()->tabText(1) != QStringLiteral("Backpropagation through time"));
    const QStringList names{QStringLiteral("unrolled"), QStringLiteral("bptt"), QStringLiteral("training")};
    saveShot(view, QStringLiteral("shell-sequence-%1-%2.png").arg(names[panel], language));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestSequenceWorkspace)
#include "test_sequence_workspace.moc"
