// The math behind the lessons' own views: the perceptron of Algorithm 1 (seed 001 §2.1) on the
// logic gates, the hand-built hidden layer for XOR, and the function plots' values and slopes,
// which come from the core's activations and the lab core's losses.
#include "lessons/function_curves.h"
#include "lessons/lesson_parser.h"
#include "lessons/perceptron.h"

#include <QDirIterator>
#include <QFile>
#include <QtTest>

#include <cmath>

using namespace ns;
using namespace ns::lessons;

class TestLessonInstruments : public QObject {
    Q_OBJECT

private slots:
    void truthTables() {
        const LogicData andGate = logicData(Gate::And);
        QCOMPARE(andGate.inputs, 2);
        QCOMPARE(andGate.y, (std::vector<int>{-1, -1, -1, 1}));
        QCOMPARE(logicData(Gate::Or).y, (std::vector<int>{-1, 1, 1, 1}));
        QCOMPARE(logicData(Gate::Nand).y, (std::vector<int>{1, 1, 1, -1}));
        QCOMPARE(logicData(Gate::Nor).y, (std::vector<int>{1, -1, -1, -1}));
        QCOMPARE(logicData(Gate::Xor).y, (std::vector<int>{-1, 1, 1, -1}));
        const LogicData notGate = logicData(Gate::Not);
        QCOMPARE(notGate.inputs, 1);
        QCOMPARE(notGate.y, (std::vector<int>{1, -1}));
    }

    void theFirstUpdateOfAlgorithmOne() {
        // w = 0, b = 0, η = 1 on AND: sample (0, 0) with y = −1 scores 0, and 0 ≤ 0 is a mistake.
        Perceptron p(Gate::And, 1.0);
        const PerceptronUpdate u = p.step();
        QCOMPARE(u.sample, 0);
        QCOMPARE(u.score, 0.0);
        QVERIFY(u.mistake);
        QCOMPARE(p.bias(), -1.0);
        QCOMPARE(p.weights(), (std::vector<double>{0, 0}));
        QCOMPARE(p.updates(), 1L);
        // (0, 1), y = −1: score −1, right; no update.
        const PerceptronUpdate second = p.step();
        QVERIFY(!second.mistake);
        QCOMPARE(p.updates(), 1L);
        QCOMPARE(p.nextSample(), 2);
        // (1, 0), y = −1: right; (1, 1), y = +1: score −1, a mistake: w ← (1, 1), b ← 0.
        p.step();
        const PerceptronUpdate fourth = p.step();
        QVERIFY(fourth.mistake);
        QCOMPARE(p.weights(), (std::vector<double>{1, 1}));
        QCOMPARE(p.bias(), 0.0);
        QCOMPARE(p.epochs(), 1L);
        QVERIFY(!p.converged());
        QCOMPARE(p.history().size(), std::size_t(4));
    }

    void linearlySeparableGatesConverge_data() {
        QTest::addColumn<int>("gate");
        QTest::newRow("and") << static_cast<int>(Gate::And);
        QTest::newRow("or") << static_cast<int>(Gate::Or);
        QTest::newRow("nand") << static_cast<int>(Gate::Nand);
        QTest::newRow("nor") << static_cast<int>(Gate::Nor);
        QTest::newRow("not") << static_cast<int>(Gate::Not);
    }
    void linearlySeparableGatesConverge() {
        QFETCH(int, gate);
        Perceptron p(static_cast<Gate>(gate), 1.0);
        QVERIFY(!p.classifiesAll());  // w = 0 says +1 everywhere, and every gate has a −1
        QVERIFY(p.run(100));
        QVERIFY(p.classifiesAll());
        QVERIFY(p.converged());
        QVERIFY(p.epochs() < 20);
    }

    void xorNeverConverges() {
        Perceptron p(Gate::Xor, 1.0);
        QVERIFY(!p.run(200));
        QCOMPARE(p.epochs(), 200L);
        QVERIFY(!p.classifiesAll());
        QVERIFY(p.updates() >= 200);  // at least one mistake in every pass
    }

    void theMpNeuronByHand() {
        Perceptron p(Gate::And);
        p.setWeights({1, 1}, -0.5);  // θ = 0.5: OR, not AND
        QVERIFY(!p.classifiesAll());
        p.setWeights({1, 1}, -1.5);  // θ = 1.5: AND
        QVERIFY(p.classifiesAll());
        Perceptron notGate(Gate::Not);
        notGate.setWeights({-1}, 0.5);
        QVERIFY(notGate.classifiesAll());
    }

    void xorWithAHiddenLayer() {
        HiddenNetwork net;
        const LogicData xorData = logicData(Gate::Xor);
        QVERIFY(net.classifiesAll(xorData));
        QCOMPARE(net.hidden(0, 1), (std::array<int, 2>{1, 1}));
        QCOMPARE(net.hidden(0, 0), (std::array<int, 2>{0, 1}));
        QCOMPARE(net.hidden(1, 1), (std::array<int, 2>{1, 0}));
        net.output = {1, 1, -0.5};  // OR of the hidden units: the lesson's starting point
        QVERIFY(!net.classifiesAll(xorData));
    }

    void activationValuesAndSlopes() {
        const PointValue s0 = evaluateActivation(Activation::Sigmoid, 0);
        QCOMPARE(s0.value, 0.5);
        QCOMPARE(s0.slope, 0.25);
        const PointValue s4 = evaluateActivation(Activation::Sigmoid, 4);
        QVERIFY(std::abs(s4.slope - 0.0176627) < 1e-6);  // the activations lesson's quiz
        QCOMPARE(evaluateActivation(Activation::Relu, -2).slope, 0.0);
        QCOMPARE(evaluateActivation(Activation::LeakyRelu, -2).slope, 0.01);
        QVERIFY(std::abs(evaluateActivation(Activation::Elu, -2).slope - std::exp(-2.0)) < 1e-12);
        QVERIFY(std::abs(evaluateActivation(Activation::Gelu, -2).slope - (-0.0852318)) < 1e-6);

        FunctionsScene scene;
        scene.activations = {Activation::Sigmoid, Activation::Tanh};
        const FunctionPlot plot = functionPlot(scene, 121);
        QVERIFY(!plot.losses);
        QCOMPARE(plot.curves.size(), std::size_t(2));
        QCOMPARE(plot.curves[0].name, std::string("sigmoid"));
        QCOMPARE(plot.curves[0].x.size(), std::size_t(121));
        const double peak = *std::max_element(plot.curves[0].slope.begin(), plot.curves[0].slope.end());
        QCOMPARE(peak, 0.25);  // z = 0 is a sample of [−6, 6] with 121 points
        QCOMPARE(clampProbe(plot, 9.0), 6.0);
    }

    void lossValuesAndSlopes() {
        const PointValue mse = evaluateLoss("mse", 3, 0);
        QCOMPARE(mse.value, 9.0);  // the loss-functions lesson's quiz
        QCOMPARE(mse.slope, 6.0);
        QCOMPARE(evaluateLoss("mae", 3, 0).slope, 1.0);
        QCOMPARE(evaluateLoss("huber", 3, 0).value, 2.5);
        QCOMPARE(evaluateLoss("huber", 0.5, 0).value, 0.125);
        const PointValue bce = evaluateLoss("bce", 0.1, 1);
        QVERIFY(std::abs(bce.value - std::log(10.0)) < 1e-12);
        QVERIFY(std::abs(bce.slope - (-10.0)) < 1e-9);
        const PointValue focal = evaluateLoss("focal", 0.9, 1);
        QVERIFY(std::abs(focal.value - 0.01 * -std::log(0.9)) < 1e-12);
        // The slope converted from ∂ℓ/∂z agrees with the change of the value itself.
        const double h = 1e-6;
        const double numeric = (evaluateLoss("focal", 0.9 + h, 1).value - evaluateLoss("focal", 0.9 - h, 1).value) / (2 * h);
        QVERIFY2(std::abs(focal.slope - numeric) < 1e-6, qPrintable(QString::number(focal.slope - numeric)));

        FunctionsScene scene;
        scene.losses = {"bce", "focal"};
        const FunctionPlot plot = functionPlot(scene);
        QVERIFY(plot.losses);
        QCOMPARE(plot.target, 1.0);
        QVERIFY(plot.xMin > 0 && plot.xMax < 1);
        FunctionsScene regression;
        regression.losses = {"mse"};
        regression.target = 1;
        const FunctionPlot r = functionPlot(regression);
        QCOMPARE(r.xMin, -2.0);
        QCOMPARE(r.xMax, 4.0);
    }

    void shippedPerceptronChecksNeedTheStudent() {
        // A check the scene already satisfies would tick itself off: every shipped perceptron
        // step that asks for a correct classifier starts from a wrong one.
        int checked = 0;
        QDirIterator it(QStringLiteral(NEURALSCOPE_SOURCE_DIR "/lessons"), {QStringLiteral("*.md")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.fileName().endsWith(QLatin1String("FORMAT.md")) || file.fileName().endsWith(QLatin1String("README.md")))
                continue;
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            const LessonParse parsed = parseLesson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                                   file.fileName().toStdString());
            QVERIFY(parsed.lesson);
            for (const Step& step : parsed.lesson->steps) {
                if (!step.scene || !step.scene->perceptron || !step.check) continue;
                const PerceptronScene& s = *step.scene->perceptron;
                const Gate gate = s.task.value_or(Gate::And);
                bool correct = false;
                if (s.mode == PerceptronMode::Hidden) {
                    HiddenNetwork net;
                    if (s.hidden1) net.hidden1 = *s.hidden1;
                    if (s.hidden2) net.hidden2 = *s.hidden2;
                    if (s.output) net.output = *s.output;
                    correct = net.classifiesAll(logicData(gate));
                } else {
                    Perceptron p(gate, s.eta.value_or(1), s.weights.value_or(std::vector<double>{}), s.bias.value_or(0));
                    correct = p.classifiesAll();
                }
                for (const Condition& c : step.check->conditions)
                    if (c.kind == Condition::Kind::PerceptronCorrect) {
                        QVERIFY2(!correct, qPrintable(QString::fromStdString(parsed.lesson->id + "/" + step.id)));
                        ++checked;
                    }
            }
        }
        QVERIFY(checked >= 5);
    }
};

QTEST_APPLESS_MAIN(TestLessonInstruments)
#include "tst_lesson_instruments.moc"
