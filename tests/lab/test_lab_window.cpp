// The training lab window as a student uses it: keys, controls, clicks on the plot, the threshold
// slider, the divergence banner, exporting every plot, and screenshots of every view (written to
// $NEURALSCOPE_LAB_SHOTS when set, and checked for content either way).
#include "lab/activation_explorer.h"
#include "lab/decision_boundary_view.h"
#include "lab/lab_curves.h"
#include "lab/lab_network_view.h"
#include "lab/lab_window.h"
#include "shell/language.h"
#include "lab/loss_explorer.h"
#include "shell/main_window.h"
#include "network/network_view.h"
#include "network/session_model.h"
#include "lab/metrics_panel.h"

#include "../common/render_check.h"
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <QMenuBar>
#include <qcustomplot.h>

#include <set>

using namespace ns;

namespace {

void train(LabModel& model, long epochs) {
    QSignalSpy done(&model, &LabModel::batchFinished);
    model.trainEpochs(epochs);
    QVERIFY(done.wait(60000));
    QCoreApplication::processEvents();
}

}  // namespace

class TestLabWindow : public QObject {
    Q_OBJECT

private slots:
    void init() {
        languages_ = new LanguageSwitcher;
        languages_->apply(QStringLiteral("en"));
        model_ = new LabModel;
        window_ = new LabWindow(model_);
        window_->resize(1680, 1020);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
    }
    void cleanup() {
        delete window_;
        delete model_;
        delete languages_;
    }

    void keysPlayStepResetUndo() {
        window_->networkView()->setFocus();
        QTest::keyClick(window_->networkView(), Qt::Key_Right);
        QTRY_COMPARE(model_->epoch(), 1L);
        QTRY_COMPARE(window_->curves()->pointCount(), 1);
        QCOMPARE(window_->curves()->lastTrainLoss(), model_->history().back().trainLoss);
        QTest::keyClick(window_->networkView(), Qt::Key_Space);
        QTRY_VERIFY(model_->isPlaying());
        QTRY_VERIFY(model_->epoch() > 5);
        QTest::keyClick(window_->networkView(), Qt::Key_Space);
        QTRY_VERIFY(!model_->isPlaying());
        QTest::keyClick(window_->networkView(), Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE(model_->epoch(), 0L);
        QCOMPARE(model_->runs().size(), std::size_t(1));
        window_->refreshNow();
        QCOMPARE(window_->curves()->overlayCount(), 1);  // the run just reset, for comparison
        model_->setLearningRate(0.3);
        QTest::keyClick(window_->networkView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model_->config().training.schedule.eta, 0.03);
        QTest::keyClick(window_->networkView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(model_->config().training.schedule.eta, 0.3);
    }

    // Adam's ε reads as 1e-08 (never "0.0000000100", cut off), takes typed scientific values and
    // steps a decade at a time.
    void adamEpsilonReadsScientific() {
        QDoubleSpinBox* epsilon = nullptr;
        for (auto* box : window_->findChildren<QDoubleSpinBox*>())
            if (box->toolTip().contains(QStringLiteral("eq. 69"))) epsilon = box;
        QVERIFY(epsilon);
        QCOMPARE(epsilon->text(), QStringLiteral("1e-08"));
        epsilon->stepBy(1);
        QCOMPARE(epsilon->value(), 1e-7);
        QTRY_COMPARE(model_->config().training.optimizer.epsilon, 1e-7);
        epsilon->selectAll();
        QTest::keyClicks(epsilon, QStringLiteral("2.5e-9"));
        QTest::keyClick(epsilon, Qt::Key_Return);
        QCOMPARE(epsilon->value(), 2.5e-9);
        QCOMPARE(epsilon->text(), QStringLiteral("2.5e-09"));
    }

    // The main window shows the lab as its workspace from View ▸ Training lab… (Ctrl+L) or
    // the side bar (Ctrl+3): one lab, a page beside the lesson, never a window of its own.
    void mainWindowOpensTheLab() {
        SessionModel session;
        MainWindow main(&session, languages_);
        main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&main));
        auto* open = main.findChild<QAction*>(QStringLiteral("trainingLab"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(open->text(), QStringLiteral("Training lab…"));
        QVERIFY(!main.findChild<LabWindow*>());  // made on first use
        open->trigger();
        auto* lab = main.findChild<LabWindow*>();
        QVERIFY(lab && lab->isVisible() && !lab->isWindow());
        QCOMPARE(main.shell()->current()->id(), QStringLiteral("lab"));
        QVERIFY(!main.networkView()->isVisible());
        main.shell()->activate(QStringLiteral("network"));
        QVERIFY(!lab->isVisible() && main.networkView()->isVisible());
        main.shell()->switchAction(QStringLiteral("lab"))->trigger();
        QVERIFY(lab->isVisible());
        QCOMPARE(main.findChildren<LabWindow*>().size(), 1);
        // Its menus are the main window's while it is shown, and only then.
        auto menuTitles = [&main] {
            QStringList titles;
            for (QAction* a : main.menuBar()->actions()) titles << a->text();
            return titles;
        };
        QVERIFY(menuTitles().contains(QStringLiteral("&Lab")));
        main.shell()->activate(QStringLiteral("network"));
        QVERIFY(!menuTitles().contains(QStringLiteral("&Lab")));
        open->trigger();
        languages_->apply(QStringLiteral("zh_CN"));
        QTRY_COMPARE(open->text(), QStringLiteral("训练实验室…"));
        languages_->apply(QStringLiteral("en"));
        QTRY_COMPARE(open->text(), QStringLiteral("Training lab…"));
    }

    void controlsAreIntents() {
        QComboBox* optimizer = window_->optimizerBox();
        optimizer->setCurrentIndex(optimizer->findData(static_cast<int>(OptimizerKind::Adam)));
        emit optimizer->activated(optimizer->currentIndex());
        QCOMPARE(model_->config().training.optimizer.kind, OptimizerKind::Adam);
        window_->learningRateBox()->setValue(0.1);
        QCOMPARE(model_->config().training.schedule.eta, 0.1);
        window_->featureBox(Feature::X1Squared)->setChecked(true);
        QCOMPARE(model_->layerSizes().front(), 3);
        window_->refreshNow();
        QCOMPARE(window_->networkView()->nodeCount(), 3 + 4 + 2 + 1);
        QComboBox* dataset = window_->datasetBox();
        dataset->setCurrentIndex(dataset->findData(static_cast<int>(DatasetKind::Blobs3)));
        emit dataset->activated(dataset->currentIndex());
        QCOMPARE(model_->task(), TaskKind::Multiclass);
        window_->refreshNow();
        // Only the losses that fit three classes can be chosen.
        auto* items = qobject_cast<QStandardItemModel*>(window_->lossBox()->model());
        QVERIFY(!items->item(window_->lossBox()->findData(static_cast<int>(LabLoss::Bce)))->isEnabled());
        QVERIFY(items->item(window_->lossBox()->findData(static_cast<int>(LabLoss::Ce)))->isEnabled());
        window_->undoAction()->trigger();
        QCOMPARE(model_->task(), TaskKind::Binary);
    }

    void clickingThePlotEditsPoints() {
        window_->refreshNow();
        QCustomPlot* plot = window_->boundaryView()->plot();
        const Eigen::Index n = model_->data().size();
        const QPoint at(plot->xAxis->coordToPixel(2.0), plot->yAxis->coordToPixel(-1.0));
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(model_->data().size(), n + 1);
        QCOMPARE(model_->data().labels(n), double(model_->currentClass()));
        QVERIFY(std::abs(model_->data().points(n, 0) - 2.0) < 0.1);
        QTest::mouseClick(plot, Qt::LeftButton, Qt::ShiftModifier, at + QPoint(40, 0));
        QCOMPARE(model_->data().labels(n + 1), double(1 - model_->currentClass()));
        QTest::mouseClick(plot, Qt::LeftButton, Qt::ControlModifier, at);
        QCOMPARE(model_->data().size(), n + 1);
        window_->refreshNow();
        QCOMPARE(window_->boundaryView()->pointGraphCount(), static_cast<int>(n + 1));
    }

    void thresholdSliderMovesTheMetrics() {
        train(*model_, 30);
        window_->refreshNow();
        const BinaryConfusion atHalf = model_->metrics().binary;
        window_->metricsPanel()->thresholdSlider()->setValue(95);
        QCoreApplication::processEvents();
        window_->refreshNow();
        QCOMPARE(model_->threshold(), 0.95);
        QVERIFY(model_->metrics().binary.tp + model_->metrics().binary.fp < atHalf.tp + atHalf.fp);
        QVERIFY(window_->metricsPanel()->summaryText().contains(QString::number(model_->metrics().recall, 'f', 3)));
    }

    void divergenceShowsABanner() {
        model_->setDatasetKind(DatasetKind::RegressionPlane);
        model_->setOptimizer(OptimizerKind::BatchGd);
        model_->setLearningRate(50);
        window_->playAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(model_->status(), LabStatus::Diverged, 20000);
        window_->refreshNow();
        QVERIFY(window_->banner()->isVisible());
        QVERIFY(window_->banner()->text().contains(QStringLiteral("Lower the learning rate")));
        saveShot(QStringLiteral("lab-diverged"));
    }

    void everyPlotExports() {
        train(*model_, 20);
        window_->refreshNow();
        QTemporaryDir dir;
        QString error;
        QVERIFY2(window_->exportAllPlots(dir.path(), &error), qPrintable(error));
        for (const char* name : {"decision-boundary", "loss-curves", "roc", "precision-recall", "activations",
                                 "regression-losses", "classification-losses"}) {
            const QString base = dir.filePath(QString::fromLatin1(name));
            QImage png(base + QStringLiteral(".png"));
            QVERIFY2(!png.isNull() && distinctColours(png, 7) > 3, name);
            QFile pdf(base + QStringLiteral(".pdf")), svg(base + QStringLiteral(".svg")), csv(base + QStringLiteral(".csv"));
            QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-");
            QVERIFY(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("<svg"));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            QVERIFY(csv.readLine().contains(','));
            QVERIFY(csv.readLine().size() > 2);
        }
        QFile curves(dir.filePath(QStringLiteral("loss-curves.csv")));
        QVERIFY(curves.open(QIODevice::ReadOnly));
        QCOMPARE(curves.readAll().count('\n'), 21);  // header and 20 epochs
        QVERIFY(!window_->exportAllPlots(dir.filePath(QStringLiteral("no/such/folder")), &error));
    }

    // Every view rendered headless: each must have real content. With NEURALSCOPE_LAB_SHOTS set
    // the pictures are written there (docs/ holds them).
    // Playground's spiral: x₁, x₂ alone struggle; with x₁x₂ and sin features the same network
    // learns it. The first run stays on the plot for comparison.
    void shotSpiralWithComparedRuns() {
        model_->setDatasetKind(DatasetKind::Spiral);
        model_->addLayer();
        model_->setUnits(0, 8);
        model_->setUnits(1, 6);
        model_->setUnits(2, 4);
        model_->setOptimizer(OptimizerKind::Adam);
        model_->setLearningRate(0.01);
        train(*model_, 250);
        model_->setFeature(Feature::X1X2, true);
        model_->setFeature(Feature::SinX1, true);
        model_->setFeature(Feature::SinX2, true);
        train(*model_, 250);
        window_->refreshNow();
        QCOMPARE(window_->curves()->overlayCount(), 1);
        QVERIFY(model_->runLabel(model_->runs()[0]).contains(QStringLiteral("features x₁ x₂")));
        saveShot(QStringLiteral("lab-spiral"));
    }

    void shotMulticlassAndRegression() {
        model_->setDatasetKind(DatasetKind::Spiral3);
        model_->setUnits(0, 12);
        model_->setUnits(1, 12);
        model_->setFeature(Feature::X1X2, true);
        model_->setFeature(Feature::SinX1, true);
        model_->setFeature(Feature::SinX2, true);
        model_->setOptimizer(OptimizerKind::Adam);
        model_->setLearningRate(0.01);
        train(*model_, 300);
        saveShot(QStringLiteral("lab-multiclass"));
        model_->setDatasetKind(DatasetKind::RegressionGaussian);
        model_->clearRuns();  // the 3-class run's cross-entropy is not comparable with MSE
        train(*model_, 200);
        saveShot(QStringLiteral("lab-regression"));
    }

    void shotExplorers() {
        window_->tabs()->setCurrentIndex(1);
        model_->setExplorerActivation(Activation::LeakyRelu, true);
        model_->setExplorerAlpha(0.2);
        saveShot(QStringLiteral("lab-activations"));
        window_->tabs()->setCurrentIndex(2);
        saveShot(QStringLiteral("lab-losses"));
    }

    void shotChinese() {
        languages_->apply(QStringLiteral("zh_CN"));
        QTRY_COMPARE(window_->windowTitle(), QStringLiteral("NeuralScope — 训练实验室"));
        model_->setDatasetKind(DatasetKind::Xor);
        model_->removeLayer();
        train(*model_, 40);
        model_->setFeature(Feature::X1X2, true);  // one feature that makes XOR linear
        train(*model_, 40);
        saveShot(QStringLiteral("lab-xor-zh"));
        window_->tabs()->setCurrentIndex(1);
        saveShot(QStringLiteral("lab-activations-zh"));
        window_->tabs()->setCurrentIndex(2);
        saveShot(QStringLiteral("lab-losses-zh"));
        languages_->apply(QStringLiteral("en"));
        QTRY_COMPARE(window_->windowTitle(), QStringLiteral("NeuralScope — Training lab"));
    }

    void batchNormSwitchAndStatistics() {
        auto* box = window_->findChild<QCheckBox*>(QStringLiteral("batchNorm1"));
        QVERIFY(box);
        auto* stats = window_->findChild<QLabel*>(QStringLiteral("batchNormStats"));
        QVERIFY(stats);
        QVERIFY(!stats->isVisibleTo(window_));
        box->click();
        QVERIFY(model_->batchNormOn(0));
        train(*model_, 20);
        window_->refreshNow();
        QVERIFY(stats->isVisibleTo(window_));
        QVERIFY2(stats->text().contains(QStringLiteral("μ = (")), qPrintable(stats->text()));
        // The numbers shown are the model's, two decimals each.
        QVERIFY(stats->text().contains(QString::number(model_->batchMean(0)(0), 'f', 2)));
        saveShot(QStringLiteral("lab-batchnorm-en"));
        languages_->apply(QStringLiteral("zh_CN"));
        window_->refreshNow();
        saveShot(QStringLiteral("lab-batchnorm-zh"));
        languages_->apply(QStringLiteral("en"));
        box->click();
        QVERIFY(!model_->batchNormOn(0));
        window_->refreshNow();
        QVERIFY(!stats->isVisibleTo(window_));
    }

private:
    void saveShot(const QString& name) {
        window_->refreshNow();
        const QImage image = window_->grab().toImage();
        QVERIFY2(distinctColours(image, 7) > 40, qPrintable(name));
        const QByteArray dir = qgetenv("NEURALSCOPE_LAB_SHOTS");
        if (!dir.isEmpty()) QVERIFY(image.save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    LanguageSwitcher* languages_ = nullptr;
    LabModel* model_ = nullptr;
    LabWindow* window_ = nullptr;
};

QTEST_MAIN(TestLabWindow)
#include "test_lab_window.moc"
