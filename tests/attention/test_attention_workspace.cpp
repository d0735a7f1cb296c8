// The attention workspace: every number the stage heatmap, the heads grid, the lines view, the
// positional-encoding panel and the formula show equals the trace of the core's forward pass
// (and an independent recomputation from the trace's Q, K, V); the masks and the temperature do
// what they say; every lesson field is a property the view follows; edits are undoable; and the
// workspace renders in English and Chinese, at presenter scale too.
#include "attention/attention_lines.h"
#include "attention/attention_model.h"
#include "attention/attention_workspace.h"
#include "attention/matrix_heatmap.h"
#include "engine/transformer.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>

using namespace ns;

namespace {

constexpr int n = AttentionModel::kLength;

const engine::Tensor& traced(const AttentionModel& m, int layer, const char* name) {
    return m.trace().nodes.at(static_cast<std::size_t>(m.attentionNode(layer))).named.at(name);
}
// Entry (i, j) of head h (1-based) of a [1, H, n, n] stage.
double stageAt(const AttentionModel& m, int layer, int head, const char* name, int i, int j) {
    return traced(m, layer, name)[(head - 1) * n * n + i * n + j];
}
double projAt(const AttentionModel& m, int layer, int head, const char* name, int i, int c) {
    return traced(m, layer, name)[i * AttentionModel::kDModel + (head - 1) * AttentionModel::kHeadDim + c];
}

void settle() { QTest::qWait(5); }  // the batched changed() signal

QString num(double v, int digits) {
    QString s = QString::number(v, 'f', digits);
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}

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

}  // namespace

class TestAttentionWorkspace : public QObject {
    Q_OBJECT
private slots:
    void tokenizesEnglishAtSpacesAndChinesePerCharacter();
    void stageMapIsTheTrace();
    void stagesFollowEquation80();
    void masksHideWhatTheySay();
    void temperatureScalesEveryScore();
    void formulaSubstitutesTheTracesNumbers();
    void headsGridAndLinesAreTheTrace();
    void positionsAreEquations84And85();
    void propertiesDriveTheView();
    void settingsAreUndoable();
    void clicksSelectTokens();
    void screenshots_data();
    void screenshots();
};

void TestAttentionWorkspace::tokenizesEnglishAtSpacesAndChinesePerCharacter() {
    QCOMPARE(AttentionModel::tokenize(QStringLiteral("  the cat  sat ")), (QStringList{"the", "cat", "sat"}));
    QCOMPARE(AttentionModel::tokenize(QStringLiteral("猫坐着。")), (QStringList{"猫", "坐", "着"}));
    QCOMPARE(AttentionModel::tokenize(QStringLiteral("我爱 NLP")), (QStringList{"我", "爱", "NLP"}));
    AttentionModel model;
    QCOMPARE(model.tokens().size(), n);
    QCOMPARE(model.realLength(), 10);
    QCOMPARE(model.tokens().at(10), AttentionModel::kPad);
    model.setExample(QStringLiteral("zh"));
    QCOMPARE(model.tokens().at(0), QStringLiteral("猫"));
    QCOMPARE(model.realLength(), 11);
    model.setText(QStringLiteral("one two three four five six seven eight nine ten eleven twelve thirteen"));
    QVERIFY(model.truncated());
    QCOMPARE(model.realLength(), n);
}

void TestAttentionWorkspace::stageMapIsTheTrace() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    const QList<QPair<QString, const char*>> stages{{"scores", "qk"}, {"scaled", "scores"}, {"masked", "masked_scores"},
                                                     {"weights", "weights"}};
    for (int layer = 1; layer <= 2; ++layer)
        for (int head = 1; head <= 4; ++head)
            for (const auto& [stage, name] : stages) {
                model.setLayer(layer);
                model.setHead(head);
                model.setStage(stage);
                settle();
                const MatrixHeatmap* map = view.stageMap();
                QCOMPARE(map->rows(), n);
                QCOMPARE(map->cols(), n);
                QCOMPARE(map->rowLabels(), model.tokens());
                for (int i = 0; i < n; ++i)
                    for (int j = 0; j < n; ++j)
                        QCOMPARE(map->value(i, j), stageAt(model, layer, head, name, i, j));
            }
    model.setStage(QStringLiteral("output"));
    settle();
    QCOMPARE(view.stageMap()->cols(), AttentionModel::kHeadDim);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < AttentionModel::kHeadDim; ++c)
            QCOMPARE(view.stageMap()->value(i, c), projAt(model, 2, 4, "heads", i, c));
}

void TestAttentionWorkspace::stagesFollowEquation80() {
    // Recomputed from the trace's own Q, K, V: Q Kᵀ, ÷√d_k = 2, softmax over the visible keys, α V.
    AttentionModel model;
    for (int layer = 1; layer <= 2; ++layer)
        for (int head = 1; head <= 4; ++head)
            for (int i = 0; i < n; ++i) {
                double sum = 0;
                for (int j = 0; j < n; ++j) {
                    double dot = 0;
                    for (int c = 0; c < 4; ++c) dot += projAt(model, layer, head, "Q", i, c) * projAt(model, layer, head, "K", j, c);
                    QVERIFY(std::abs(dot - stageAt(model, layer, head, "qk", i, j)) < 1e-12);
                    QVERIFY(std::abs(dot / 2 - stageAt(model, layer, head, "scores", i, j)) < 1e-12);
                    if (j < model.realLength()) sum += std::exp(dot / 2);
                }
                for (int j = 0; j < n; ++j) {
                    const double expected = j < model.realLength() ? std::exp(stageAt(model, layer, head, "scores", i, j)) / sum : 0;
                    QVERIFY(std::abs(expected - stageAt(model, layer, head, "weights", i, j)) < 1e-12);
                }
                for (int c = 0; c < 4; ++c) {
                    double o = 0;
                    for (int j = 0; j < n; ++j) o += stageAt(model, layer, head, "weights", i, j) * projAt(model, layer, head, "V", j, c);
                    QVERIFY(std::abs(o - model.stageMatrix(layer, head, QStringLiteral("output")).at(i, c)) < 1e-12);
                }
            }
}

void TestAttentionWorkspace::masksHideWhatTheySay() {
    AttentionModel model;
    const int real = model.realLength();
    QCOMPARE(model.mask(), QStringLiteral("padding"));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            QCOMPARE(std::isinf(stageAt(model, 1, 2, "masked_scores", i, j)), j >= real);
            if (j >= real) QCOMPARE(stageAt(model, 1, 2, "weights", i, j), 0.0);
        }
    model.setMask(QStringLiteral("causal"));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            QCOMPARE(std::isinf(stageAt(model, 2, 3, "masked_scores", i, j)), j > i);
            QCOMPARE(stageAt(model, 2, 3, "weights", i, j) == 0.0, j > i);
        }
    model.setMask(QStringLiteral("none"));
    double padWeight = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            QVERIFY(std::isfinite(stageAt(model, 1, 1, "masked_scores", i, j)));
            if (j >= real) padWeight += stageAt(model, 1, 1, "weights", i, j);
        }
    QVERIFY(padWeight > 0.01);  // without the mask the [PAD] keys take weight
    model.setMask(QStringLiteral("bogus"));
    QCOMPARE(model.mask(), QStringLiteral("none"));
}

void TestAttentionWorkspace::temperatureScalesEveryScore() {
    AttentionModel model;
    const AttentionMatrix before = model.stageMatrix(1, 1, QStringLiteral("scaled"));
    const double sharpness = model.meanRowMaximum(1, 1);
    model.setTemperature(4);
    QCOMPARE(model.temperature(), 4.0);
    const AttentionMatrix after = model.stageMatrix(1, 1, QStringLiteral("scaled"));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) QVERIFY(std::abs(after.at(i, j) - 4 * before.at(i, j)) < 1e-12);
    QVERIFY(model.meanRowMaximum(1, 1) > sharpness);
    // The saturation curve passes through the current point and grows with τ.
    for (int l = 1; l <= 2; ++l)
        QVERIFY(std::abs(model.meanRowMaximumAt(l, 3, 4) - model.meanRowMaximum(l, 3)) < 1e-12);
    QVERIFY(std::abs(model.meanRowMaximumAt(1, 1, 1) - sharpness) < 1e-12);  // layer 1's inputs do not depend on τ
    QVERIFY(model.meanRowMaximumAt(1, 1, 10) > model.meanRowMaximumAt(1, 1, 4));
    {
        AttentionWorkspace view(&model);
        const QCPGraph* now = view.saturationPlot()->graph(1);
        QCOMPARE(now->data()->size(), 1);
        QCOMPARE(now->data()->at(0)->key, 4.0);
        QCOMPARE(now->data()->at(0)->value, model.meanRowMaximum(1, 1));
    }
    model.setTemperature(0.1);
    QVERIFY(model.meanRowMaximum(1, 1) < 1.5 / model.realLength());  // nearly uniform
    model.setTemperature(50);
    QCOMPARE(model.temperature(), AttentionModel::kMaxTemperature);
    model.setTemperature(std::nan(""));
    QCOMPARE(model.temperature(), AttentionModel::kMaxTemperature);
}

void TestAttentionWorkspace::formulaSubstitutesTheTracesNumbers() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    model.setLayer(2);
    model.setHead(3);
    view.selectCell(2, 5);
    settle();
    const QString text = view.formula()->text();
    const double qk = stageAt(model, 2, 3, "qk", 2, 5), s = stageAt(model, 2, 3, "scores", 2, 5),
                 a = stageAt(model, 2, 3, "weights", 2, 5);
    QVERIFY2(text.contains(num(qk, 3)), qPrintable(text));
    QVERIFY2(text.contains(num(s, 3)), qPrintable(text));
    QVERIFY2(text.contains(num(a, 4)), qPrintable(text));
    QVERIFY2(text.contains(num(projAt(model, 2, 3, "Q", 2, 0), 2)), qPrintable(text));
    double sum = 0;
    for (int j = 0; j < model.realLength(); ++j) sum += std::exp(stageAt(model, 2, 3, "scores", 2, j));
    QVERIFY2(text.contains(num(sum, 3)), qPrintable(text));
    // A [PAD] key: the formula says it is masked.
    view.selectCell(0, n - 1);
    settle();
    QVERIFY(view.formula()->text().contains(QStringLiteral("−∞")));
    // The output stage: the weighted sum of the values.
    model.setStage(QStringLiteral("output"));
    view.selectCell(1, 2);
    settle();
    QVERIFY(view.formula()->text().contains(num(model.stageMatrix(2, 3, QStringLiteral("output")).at(1, 2), 3)));
}

void TestAttentionWorkspace::headsGridAndLinesAreTheTrace() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    model.setLayer(2);
    model.setHead(2);
    model.setMask(QStringLiteral("causal"));
    settle();
    for (int h = 0; h < 4; ++h)
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) QCOMPARE(view.headMap(h)->value(i, j), stageAt(model, 2, h + 1, "weights", i, j));
    model.setToken(4);
    settle();
    QCOMPARE(view.lines()->selected(), 3);
    const auto lines = view.lines()->lines();
    QVERIFY(!lines.empty());
    double total = 0;
    for (const auto& l : lines) {
        QCOMPARE(l.query, 3);
        QVERIFY(l.key <= 3);  // causal: nothing after the query
        QCOMPARE(l.weight, stageAt(model, 2, 2, "weights", 3, l.key));
        total += l.weight;
    }
    QVERIFY(total > 0.9 && total <= 1 + 1e-12);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) QCOMPARE(view.linesMatrix()->value(i, j), stageAt(model, 2, 2, "weights", i, j));
}

void TestAttentionWorkspace::positionsAreEquations84And85() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    const engine::Tensor pe = engine::sinusoidalEncoding(n, AttentionModel::kDModel);
    for (int p = 0; p < n; ++p)
        for (int d = 0; d < AttentionModel::kDModel; ++d) {
            const double expected = d % 2 == 0 ? std::sin(p / std::pow(10000.0, (d - d % 2) / 16.0))
                                               : std::cos(p / std::pow(10000.0, (d - d % 2) / 16.0));
            QVERIFY(std::abs(view.peMap()->value(p, d) - expected) < 1e-12);
            QCOMPARE(view.peMap()->value(p, d), pe[p * 16 + d]);
        }
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            double dot = 0;
            for (int d = 0; d < 16; ++d) dot += pe[a * 16 + d] * pe[b * 16 + d];
            QVERIFY(std::abs(view.dotMap()->value(a, b) - dot) < 1e-12);
        }
    // The dot product depends on the distance only: PE_p·PE_{p+2} is the same for every p.
    for (int p = 1; p + 2 < n; ++p) QVERIFY(std::abs(view.dotMap()->value(p, p + 2) - view.dotMap()->value(0, 2)) < 1e-9);
    // The curves pass through the table's entries at whole positions.
    QCPGraph* dim1 = view.peCurves()->graph(1);
    QVERIFY(std::abs(dim1->data()->at(60)->value - pe[3 * 16 + 1]) < 1e-12);
}

void TestAttentionWorkspace::propertiesDriveTheView() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    auto* example = view.findChild<QComboBox*>(QStringLiteral("attentionExample"));
    auto* mask = view.findChild<QComboBox*>(QStringLiteral("attentionMask"));
    auto* slider = view.findChild<QSlider*>(QStringLiteral("attentionTemperature"));
    auto* layer = view.findChild<QSpinBox*>(QStringLiteral("attentionLayer"));
    auto* head = view.findChild<QSpinBox*>(QStringLiteral("attentionHead"));
    auto* text = view.findChild<QLineEdit*>(QStringLiteral("attentionText"));
    QVERIFY(example && mask && slider && layer && head && text);
    QSignalSpy changed(&model, &AttentionModel::changed);

    QVERIFY(model.setProperty("example", QStringLiteral("zh")));
    settle();
    QCOMPARE(example->currentData().toString(), QStringLiteral("zh"));
    QCOMPARE(view.stageMap()->rowLabels().at(0), QStringLiteral("猫"));
    QVERIFY(!changed.isEmpty());
    QVERIFY(model.setProperty("text", QStringLiteral("我 爱 你")));
    settle();
    QCOMPARE(model.property("text").toString(), QStringLiteral("我 爱 你"));
    QCOMPARE(text->text(), QStringLiteral("我 爱 你"));
    QCOMPARE(view.stageMap()->rowLabels().mid(0, 4), (QStringList{"我", "爱", "你", AttentionModel::kPad}));
    const QStringList panels{"stages", "heads", "lines", "positions"};
    for (int p = 0; p < 4; ++p) {
        QVERIFY(model.setProperty("panel", panels[p]));
        settle();
        QCOMPARE(view.panels()->currentIndex(), p);
        QCOMPARE(model.property("panel").toString(), panels[p]);
    }
    view.panels()->setCurrentIndex(1);  // and the tab sets the field
    QCOMPARE(model.panel(), QStringLiteral("heads"));
    for (const QString& stage : AttentionModel::stages()) {
        QVERIFY(model.setProperty("stage", stage));
        settle();
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("attentionStage_") + stage)->isChecked());
        QVERIFY(view.stageMap()->title().contains(QStringLiteral("head")));
    }
    QVERIFY(model.setProperty("mask", QStringLiteral("causal")));
    settle();
    QCOMPARE(mask->currentData().toString(), QStringLiteral("causal"));
    QVERIFY(model.setProperty("temperature", 4.0));
    settle();
    QCOMPARE(model.property("temperature").toDouble(), 4.0);
    QCOMPARE(slider->value(), 160);  // log₁₀ 4 = 0.602
    QVERIFY(model.setProperty("layer", 2));
    QVERIFY(model.setProperty("head", 3));
    settle();
    QCOMPARE(layer->value(), 2);
    QCOMPARE(head->value(), 3);
    QVERIFY(view.stageMap()->title().contains(QStringLiteral("2")));
    model.setProperty("layer", 4);  // clamped to the network's two layers
    model.setProperty("head", 8);
    QCOMPARE(model.property("layer").toInt(), 2);
    QCOMPARE(model.property("head").toInt(), 4);
    QVERIFY(model.setProperty("token", 2));
    settle();
    QCOMPARE(model.property("token").toInt(), 2);
    QCOMPARE(view.lines()->selected(), 1);
    QVERIFY(view.formula()->text().contains(QStringLiteral("爱")));
    model.setProperty("token", 99);
    QCOMPARE(model.token(), n);
    // Typing: Space, N and B are the stage keys, but in the sentence box they are text.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    text->setFocus();
    text->clear();
    const QString stageBefore = model.stage();
    QTest::keyClicks(text, QStringLiteral("nb a"));
    QCOMPARE(text->text(), QStringLiteral("nb a"));
    QCOMPARE(model.stage(), stageBefore);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(model.text(), QStringLiteral("nb a"));
    settle();
    QCOMPARE(view.stageMap()->rowLabels().mid(0, 2), (QStringList{"nb", "a"}));
    // reset() (what a scene calls first) brings back the defaults.
    QVERIFY(QMetaObject::invokeMethod(&model, "reset"));
    settle();
    QCOMPARE(model.example(), QStringLiteral("en"));
    QCOMPARE(model.mask(), QStringLiteral("padding"));
    QCOMPARE(model.token(), 0);
    QCOMPARE(view.panels()->currentIndex(), 0);
    // The controls set the fields.
    head->setValue(2);
    QCOMPARE(model.head(), 2);
    mask->setCurrentIndex(1);
    emit mask->activated(1);
    QCOMPARE(model.mask(), QStringLiteral("causal"));
    slider->setValue(200);
    QCOMPARE(model.temperature(), 10.0);
}

void TestAttentionWorkspace::settingsAreUndoable() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    auto* undo = view.findChild<QPushButton*>(QStringLiteral("attentionUndo"));
    QVERIFY(undo && !undo->isEnabled());
    model.setMask(QStringLiteral("causal"));
    model.setTemperature(2);
    model.setTemperature(3);  // merged with the one before
    model.setText(QStringLiteral("hello world"));
    model.setHead(3);         // where the student looks: not an edit
    QCOMPARE(model.undoStack()->count(), 3);
    QVERIFY(undo->isEnabled());
    undo->click();
    QCOMPARE(model.tokens().at(0), QStringLiteral("the"));
    model.undoStack()->undo();
    QCOMPARE(model.temperature(), 1.0);
    model.undoStack()->undo();
    QCOMPARE(model.mask(), QStringLiteral("padding"));
    QCOMPARE(model.head(), 3);
    model.undoStack()->redo();
    QCOMPARE(model.mask(), QStringLiteral("causal"));
    QVERIFY(std::isinf(stageAt(model, 1, 1, "masked_scores", 0, 1)));
}

void TestAttentionWorkspace::clicksSelectTokens() {
    AttentionModel model;
    AttentionWorkspace view(&model);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    settle();
    const QRectF cell = view.stageMap()->cellRect(3, 6);
    QTest::mouseClick(view.stageMap(), Qt::LeftButton, {}, cell.center().toPoint());
    settle();
    QCOMPARE(model.token(), 4);
    QCOMPARE(view.selectedColumn(), 6);
    QVERIFY(view.stageMap()->numbersShown());
    QVERIFY(view.stageMap()->toolTipAt(3, 6).contains(QString::number(stageAt(model, 1, 1, "weights", 3, 6), 'g', 6)));
    model.setPanel(QStringLiteral("lines"));
    settle();
    QTest::mouseClick(view.lines(), Qt::LeftButton, {}, (view.lines()->queryAnchor(1) - QPointF(20, 0)).toPoint());
    settle();
    QCOMPARE(model.token(), 2);
    model.setPanel(QStringLiteral("heads"));
    settle();
    QTest::mouseClick(view.headMap(2), Qt::LeftButton, {}, view.headMap(2)->cellRect(5, 1).center().toPoint());
    settle();
    QCOMPARE(model.head(), 3);
    QCOMPARE(model.token(), 6);
}

void TestAttentionWorkspace::screenshots_data() {
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("presenter");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")})
        for (const QString& panel : {QStringLiteral("stages"), QStringLiteral("heads"), QStringLiteral("lines"),
                                    QStringLiteral("positions")})
            QTest::newRow(qPrintable(panel + QLatin1Char('-') + language)) << panel << language << false;
    QTest::newRow("stages-presenter-zh") << QStringLiteral("stages") << QStringLiteral("zh") << true;
}

void TestAttentionWorkspace::screenshots() {
    QFETCH(QString, panel);
    QFETCH(QString, language);
    QFETCH(bool, presenter);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/attention_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    AttentionModel model;
    if (language == QLatin1String("zh")) model.setExample(QStringLiteral("zh"));
    model.setPanel(panel);
    model.setToken(3);
    AttentionWorkspace view(&model);
    view.resize(presenter ? 1920 : 1280, presenter ? 1080 : 800);
    if (presenter) view.setPresenterScale(1.5);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    if (language == QLatin1String("zh")) QVERIFY(view.panels()->tabText(0) != QStringLiteral("Stages"));
    saveShot(view, QStringLiteral("shell-attention-%1%2-%3.png").arg(panel, presenter ? QStringLiteral("-presenter") : QString(), language));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestAttentionWorkspace)
#include "test_attention_workspace.moc"
