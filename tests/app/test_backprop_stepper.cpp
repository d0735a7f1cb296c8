// The backprop stepper as a student uses it: one full training step of the 4-8-4-1 network by
// clicking the highlighted neuron or edge, every number the inspector shows checked against a
// trace computed here with the core, the update against one core training step; back then
// next; an edit of a weight and its undo; keyboard use; the graph view; the worksheet export.
#include "shell/language.h"
#include "shell/main_window.h"
#include "network/network_view.h"
#include "network/neuron_graph_view.h"
#include "network/session_model.h"
#include "network/step_inspector.h"
#include "stepper/worksheet.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QDoubleSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ns;

namespace {

// The value of a computed quantity in an independently computed trace and updated network.
double expected(const ValueId& id, const Trace& trace, const Mlp& updated) {
    const auto l = static_cast<std::size_t>(std::max(1, id.layer) - 1);
    switch (id.quantity) {
        case Quantity::Z: return trace.layers[l].z(0, id.unit);
        case Quantity::A: return trace.layers[l].a(0, id.unit);
        case Quantity::Loss: return trace.loss;
        case Quantity::Delta: return trace.layers[l].delta(0, id.unit);
        case Quantity::WeightGrad: return trace.layers[l].dW(id.unit, id.input);
        case Quantity::BiasGrad: return trace.layers[l].db(id.unit);
        case Quantity::NewWeight: return updated.layer(l).W(id.unit, id.input);
        case Quantity::NewBias: return updated.layer(l).b(id.unit);
        default: return std::nan("");
    }
}

// "z₅⁽¹⁾ = −0.392552546" → −0.392552546
double parseShown(QString text) {
    text = text.section(QStringLiteral(" = "), -1);
    text.replace(QStringLiteral("−"), QStringLiteral("-"));
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? v : std::nan("");
}

}  // namespace

class TestBackpropStepper : public QObject {
    Q_OBJECT

private slots:
    void init() {
        languages_ = new LanguageSwitcher;
        languages_->apply(QStringLiteral("en"));
        model_ = new SessionModel;
        window_ = new MainWindow(model_, languages_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
        window_->backpropAction()->trigger();
        QVERIFY(model_->backpropMode());
        window_->refreshNow();
        QVERIFY(window_->stepperBar()->isVisible());
        QVERIFY(window_->networkView()->inBackpropMode());
    }

    void cleanup() {
        delete window_;
        delete model_;
        delete languages_;
    }

    // The main test: click through forward, loss, backward and update of the textbook
    // network on sample 1, and compare every number the inspector shows with the core.
    void clickThroughOneTrainingStep() {
        NetworkView* view = window_->networkView();
        StepInspector* inspector = window_->inspector();
        const Mlp network = model_->network();
        const Matrix x = model_->data().X.topRows(1), y = model_->data().Y.topRows(1);
        const Trace trace = network.forwardBackward(x, y, Loss::Bce);
        TrainingOptions options;
        options.loss = Loss::Bce;
        options.learningRate = model_->learningRate();
        Trainer trainer(network, Dataset{x, y}, options);
        trainer.step();

        const std::size_t total = model_->steps().size();
        QCOMPARE(total, std::size_t(202));
        int edgeClicks = 0, neuronClicks = 0, lossClicks = 0;
        for (std::size_t i = 0; i < total; ++i) {
            QCOMPARE(model_->stepPosition(), i);
            const ValueId next = model_->steps().events()[i].id;
            // Before its step the value is blank: the inspector cannot show it.
            QVERIFY(!model_->isComputed(next));
            const QPoint at = view->pointOf(next).toPoint();
            QVERIFY2(view->rect().contains(at), qPrintable(QString::number(i)));
            QTest::mouseClick(view, Qt::LeftButton, {}, at);
            window_->refreshNow();
            QCOMPARE(model_->stepPosition(), i + 1);
            QVERIFY(inspector->shownId().has_value());
            QCOMPARE(*inspector->shownId(), next);
            const double want = expected(next, trace, trainer.network());
            QVERIFY2(inspector->shownValue() == want,
                     qPrintable(QStringLiteral("step %1 (%2): inspector %3, core %4")
                                    .arg(i + 1)
                                    .arg(inspector->valueText())
                                    .arg(inspector->shownValue(), 0, 'g', 17)
                                    .arg(want, 0, 'g', 17)));
            // The text on screen says the same number (10 significant digits).
            const double shown = parseShown(inspector->valueText());
            QVERIFY2(std::abs(shown - want) <= 1e-9 * std::max(1.0, std::abs(want)),
                     qPrintable(inspector->valueText()));
            QVERIFY(!inspector->symbolicText().isEmpty());
            QVERIFY(inspector->substitutedText().startsWith(QStringLiteral("=")));
            switch (next.quantity) {
                case Quantity::WeightGrad:
                case Quantity::NewWeight: ++edgeClicks; break;
                case Quantity::Loss: ++lossClicks; break;
                default: ++neuronClicks; break;
            }
        }
        QCOMPARE(edgeClicks, 2 * 68);
        QCOMPARE(lossClicks, 1);
        QCOMPARE(neuronClicks, 26 + 13 + 2 * 13);
        // The weights after the update are one core training step.
        QVERIFY(model_->steps().after() == trainer.network());
        QVERIFY(!window_->stepperNextAction()->isEnabled());

        // Any number on the screen can be clicked again and shows where it came from.
        const ValueId delta{Quantity::Delta, 2, 1, 0};
        QTest::mouseClick(view, Qt::LeftButton, {}, view->pointOf({Quantity::A, 2, 1, 0}).toPoint());
        window_->refreshNow();
        QVERIFY(inspector->shownId().has_value());
        QCOMPARE(inspector->shownId()->layer, 2);
        QCOMPARE(inspector->shownId()->unit, 1);
        model_->select(delta);
        window_->refreshNow();
        QCOMPARE(inspector->shownValue(), trace.layers[1].delta(0, 1));
        QVERIFY(inspector->symbolicText().startsWith(QStringLiteral("δ")));
        QVERIFY(inspector->symbolicText().contains(QStringLiteral("ReLU′(z")));
    }

    // Back then next returns to the same state (position, selection, every text shown).
    void backThenNextReturnsToTheSameState() {
        NetworkView* view = window_->networkView();
        StepInspector* inspector = window_->inspector();
        view->setFocus();
        for (int i = 0; i < 40; ++i) QTest::keyClick(window_, Qt::Key_Right);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), std::size_t(40));
        const QStringList before{inspector->headingText(), inspector->symbolicText(),
                                 inspector->substitutedText(), inspector->valueText()};
        const QImage diagram = view->grab().toImage();
        QTest::keyClick(window_, Qt::Key_Left);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), std::size_t(39));
        QVERIFY(inspector->valueText() != before[3]);
        QTest::keyClick(window_, Qt::Key_Right);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), std::size_t(40));
        const QStringList after{inspector->headingText(), inspector->symbolicText(),
                                inspector->substitutedText(), inspector->valueText()};
        QCOMPARE(after, before);
        QVERIFY(view->grab().toImage() == diagram);

        // The same by layer: one layer back, one layer forward.
        window_->granularityBox()->setFocus();
        QTest::keyClick(window_->granularityBox(), Qt::Key_Down);
        window_->refreshNow();
        QCOMPARE(model_->granularity(), Granularity::Layer);
        view->setFocus();
        QTest::keyClick(window_, Qt::Key_Right);  // to the end of the current group
        window_->refreshNow();
        const std::size_t boundary = model_->stepPosition();
        QTest::keyClick(window_, Qt::Key_Left);
        QTest::keyClick(window_, Qt::Key_Right);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), boundary);
    }

    // Editing a weight in the inspector changes every value downstream of it; Ctrl+Z restores.
    void editedWeightChangesDownstreamAndUndoRestores() {
        NetworkView* view = window_->networkView();
        StepInspector* inspector = window_->inspector();
        QTest::keyClick(window_, Qt::Key_End);
        window_->refreshNow();
        const BackpropSteps original = model_->steps();
        int k = 0;  // an output weight whose input is active
        while (original.valueOf({Quantity::A, 2, k, 0}) <= 0) ++k;
        QTest::mouseClick(view, Qt::LeftButton, {}, view->pointOf({Quantity::WeightGrad, 3, 0, k}).toPoint());
        window_->refreshNow();
        QCOMPARE(*inspector->shownId(), (ValueId{Quantity::NewWeight, 3, 0, k}));
        QVERIFY(inspector->weightBox()->isEnabled());
        const double w = original.valueOf({Quantity::Weight, 3, 0, k});
        QCOMPARE(inspector->weightBox()->value(), std::round(w * 1e4) / 1e4);

        inspector->weightBox()->setFocus();
        inspector->weightBox()->setValue(w + 0.5);
        window_->refreshNow();
        const double typed = std::round((w + 0.5) * 1e4) / 1e4;  // the box has 4 decimals
        const BackpropSteps& edited = model_->steps();
        QCOMPARE(edited.valueOf({Quantity::Weight, 3, 0, k}), typed);
        // Every value computed from the weight, directly or through others, moved.
        const Mlp changed = edited.before();
        const Trace trace = changed.forwardBackward(original.trace().input, original.trace().target, Loss::Bce);
        for (const ValueId& id : {ValueId{Quantity::Z, 3, 0, 0}, ValueId{Quantity::A, 3, 0, 0},
                                  ValueId{Quantity::Loss, 3, 0, 0}, ValueId{Quantity::Delta, 3, 0, 0}}) {
            model_->select(id);
            window_->refreshNow();
            QCOMPARE(inspector->shownValue(), expected(id, trace, changed));
            QVERIFY(inspector->shownValue() != original.valueOf(id, 0) ||
                    id.quantity == Quantity::Loss);
        }
        QVERIFY(edited.trace().loss != original.trace().loss);
        for (int j = 0; j < 4; ++j)  // δ⁽²⁾ and every gradient of layers 1–2 follow δ⁽³⁾
            if (original.valueOf({Quantity::Delta, 2, j, 0}) != 0)
                QVERIFY(edited.valueOf({Quantity::Delta, 2, j, 0}) != original.valueOf({Quantity::Delta, 2, j, 0}));

        QTest::keyClick(window_, Qt::Key_Z, Qt::ControlModifier);
        window_->refreshNow();
        QCOMPARE(model_->steps().valueOf({Quantity::Weight, 3, 0, k}), w);
        for (const StepEvent& e : model_->steps().events())
            QCOMPARE(e.value, original.events()[&e - model_->steps().events().data()].value);
        model_->select(ValueId{Quantity::Loss, 3, 0, 0});
        window_->refreshNow();
        QCOMPARE(inspector->shownValue(), original.trace().loss);
        QTest::keyClick(window_, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);  // redo
        window_->refreshNow();
        QCOMPARE(model_->steps().valueOf({Quantity::Weight, 3, 0, k}), typed);
    }

    void keyboardOnly() {
        NetworkView* view = window_->networkView();
        view->setFocus();
        QTest::keyClick(window_, Qt::Key_Right);
        QTest::keyClick(window_, Qt::Key_Right);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), std::size_t(2));
        QTest::keyClick(view, Qt::Key_Return);  // Enter opens the inspector
        window_->refreshNow();
        QCOMPARE(window_->stepperTabs()->currentWidget(), static_cast<QWidget*>(window_->inspector()));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->inspector()->inputBox(0)));
        // Typing a new input and Enter recomputes the whole step.
        QDoubleSpinBox* x1 = window_->inspector()->inputBox(0);
        x1->selectAll();
        QTest::keyClicks(x1, QStringLiteral("2.5"));
        QTest::keyClick(x1, Qt::Key_Return);
        window_->refreshNow();
        QCOMPARE(model_->steps().trace().input(0, 0), 2.5);
        view->setFocus();
        QTest::keyClick(window_, Qt::Key_End);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), model_->steps().size());
        QTest::keyClick(window_, Qt::Key_Home);
        window_->refreshNow();
        QCOMPARE(model_->stepPosition(), std::size_t(0));
        // Tab reaches the stepper's buttons.
        bool reachedButton = false;
        for (int i = 0; i < 12 && !reachedButton; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            reachedButton = qobject_cast<QToolButton*>(QApplication::focusWidget()) != nullptr;
        }
        QVERIFY(reachedButton);
    }

    // The graph view walks one neuron's graph backwards; its gradients are the core's.
    void graphViewWalksBackwards() {
        model_->stepToEnd();
        model_->select(ValueId{Quantity::Delta, 3, 0, 0});
        window_->stepperTabs()->setCurrentWidget(window_->graphView());
        window_->refreshNow();
        const Trace trace = model_->network().forwardBackward(model_->data().X.topRows(1),
                                                              model_->data().Y.topRows(1), Loss::Bce);
        const NeuronGraph* graph = model_->neuronGraph();
        QVERIFY(graph);
        QVERIFY(graph->isOutput());
        auto* next = window_->graphView()->findChildren<QToolButton*>().at(2);
        QCOMPARE(next->text(), QStringLiteral("Next node ▶"));
        QTest::mouseClick(next, Qt::LeftButton);
        window_->refreshNow();
        QVERIFY(window_->graphView()->captionText().contains(QStringLiteral("∂L/∂L = 1")));
        // Walk until the last weight's node: its gradient is ∂L/∂W⁽³⁾₁₄ of the trace.
        const int target = graph->weightNode(3);
        while (graph->backwardOrder()[model_->graphPosition() - 1] != target) {
            QTest::mouseClick(next, Qt::LeftButton);
            window_->refreshNow();
        }
        const QString caption = window_->graphView()->captionText();
        QVERIFY2(caption.endsWith(QString::fromStdString(formatNumber(trace.layers[2].dW(0, 3), Notation::Unicode))),
                 qPrintable(caption));
    }

    // A mini-batch of 3 samples: the diagram and inspector show sample 1's z, a and δ, the loss
    // and the gradients are batch means, and the update is one core training step on the batch.
    void miniBatchStepIsTheBatchMean() {
        NetworkView* view = window_->networkView();
        StepInspector* inspector = window_->inspector();
        QSpinBox* batch = window_->batchBox();
        batch->setFocus();
        batch->selectAll();
        QTest::keyClicks(batch, QStringLiteral("3"));
        QTest::keyClick(batch, Qt::Key_Return);
        window_->refreshNow();
        QCOMPARE(model_->stepBatchSize(), 3);
        QVERIFY(window_->networkView()->inBackpropMode());
        const Mlp network = model_->network();
        const Matrix x = model_->data().X.topRows(3), y = model_->data().Y.topRows(3);
        const Trace trace = network.forwardBackward(x, y, Loss::Bce);
        TrainingOptions options;
        options.loss = Loss::Bce;
        options.learningRate = model_->learningRate();
        Trainer trainer(network, Dataset{x, y}, options);
        trainer.step();
        for (std::size_t i = 0; i < model_->steps().size(); ++i) {
            const ValueId next = model_->steps().events()[i].id;
            QTest::mouseClick(view, Qt::LeftButton, {}, view->pointOf(next).toPoint());
            window_->refreshNow();
            QCOMPARE(model_->stepPosition(), i + 1);
            QCOMPARE(inspector->shownValue(), expected(next, trace, trainer.network()));
            if (next.quantity == Quantity::Z || next.quantity == Quantity::Delta)
                QCOMPARE(inspector->substitutedText().count(QStringLiteral("sample ")), 3);
        }
        QVERIFY(model_->steps().after() == trainer.network());
        QTest::keyClick(window_, Qt::Key_Z, Qt::ControlModifier);  // undo the batch size
        window_->refreshNow();
        QCOMPARE(model_->stepBatchSize(), 1);
        QCOMPARE(batch->value(), 1);
    }

    void worksheetExportWritesMarkdownAndCsv() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        model_->stepToEnd();
        const QString path = dir.filePath(QStringLiteral("class-demo.md"));
        QVERIFY(window_->exportWorksheet(path));
        QFile md(path), csv(dir.filePath(QStringLiteral("class-demo.csv")));
        QVERIFY(md.open(QIODevice::ReadOnly));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(md.readAll()), QString::fromStdString(worksheetMarkdown(model_->steps(), WorksheetLanguage::English)));
        QCOMPARE(QString::fromUtf8(csv.readAll()), QString::fromStdString(worksheetCsv(model_->steps())));
    }

    void leavingRestoresTheTrainingView() {
        window_->backpropAction()->trigger();
        window_->refreshNow();
        QVERIFY(!model_->backpropMode());
        QVERIFY(!window_->networkView()->inBackpropMode());
        QVERIFY(!window_->stepperBar()->isVisible());
        QVERIFY(window_->stepAction()->isEnabled());
        window_->stepAction()->trigger();
        QTRY_COMPARE(model_->epoch(), 1L);
    }

private:
    LanguageSwitcher* languages_ = nullptr;
    SessionModel* model_ = nullptr;
    MainWindow* window_ = nullptr;
};

QTEST_MAIN(TestBackpropStepper)
#include "test_backprop_stepper.moc"
