// The CNN workspace's model on the app's training thread: it trains (loss falls, the test
// accuracy beats chance), the GUI thread keeps running meanwhile, the feature maps shown are the
// engine's trace of the chosen image, bad requests are refused with a reason, and a missing
// Fashion-MNIST says which file and which package. Screenshots go to $NEURALSCOPE_SHOTS.
#include "cnn/cnn_model.h"
#include "cnn/cnn_workspace.h"
#include "cnn/confusion_view.h"
#include "cnn/image_grid_view.h"
#include "shell/language.h"
#include "shell/paced_worker.h"

#include "../common/render_check.h"
#include "../common/sanitizer_slowdown.h"
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace ns;

class TestCnnWorkspace : public QObject {
    Q_OBJECT

private slots:
    void trainsOffTheGuiThread() {
        CnnModel model;
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.network() != nullptr, 20000 * test::kSanitizerSlowdown);
        QVERIFY(std::isnan(model.testAccuracy()) || model.evaluatedAtStep() == 0);
        // A GUI-thread timer keeps firing while the model trains.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] { ++ticks; });
        tick.start(10);
        QElapsedTimer clock;
        clock.start();
        model.play();
        QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 150, 60000 * test::kSanitizerSlowdown);
        model.pause();
        const double seconds = clock.elapsed() / 1000.0;
        QVERIFY2(ticks > seconds * 30, qPrintable(QStringLiteral("%1 ticks in %2 s").arg(ticks).arg(seconds)));
        QTRY_VERIFY_WITH_TIMEOUT(model.evaluatedAtStep() == model.steps(), 20000 * test::kSanitizerSlowdown);
        const auto& history = model.history();
        QVERIFY(history.size() >= 150);
        double early = 0, late = 0;
        for (int i = 0; i < 20; ++i) {
            early += history[static_cast<std::size_t>(i)].loss;
            late += history[history.size() - 1 - static_cast<std::size_t>(i)].loss;
        }
        QVERIFY2(late < 0.7 * early, qPrintable(QStringLiteral("loss %1 → %2").arg(early / 20).arg(late / 20)));
        QVERIFY2(model.testAccuracy() > 0.3, qPrintable(QString::number(model.testAccuracy())));  // chance: 0.1
        long total = 0;
        for (engine::Index v : model.evaluation()->confusion) total += static_cast<long>(v);
        QCOMPARE(total, static_cast<long>(model.testSet()->size()));
        qInfo("trained %ld steps in %.1f s, test accuracy %.3f", model.steps(), seconds, model.testAccuracy());
    }

    void featureMapsAreTheEnginesTrace() {
        CnnModel model;
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.network() != nullptr, 20000 * test::kSanitizerSlowdown);
        QVERIFY(model.selectInput(5));
        QVERIFY(model.selectLayer(QStringLiteral("relu2")));
        const engine::NetworkTrace expected = cnn::traceImage(*model.network(), *model.testSet(), 5);
        const engine::Tensor* shown = model.selectedMaps();
        QVERIFY(shown != nullptr);
        QCOMPARE(shown->shape(), (engine::Shape{1, 16, 10, 10}));
        const engine::Tensor& relu2 = expected.nodes[4].output;
        for (engine::Index i = 0; i < relu2.size(); ++i) QCOMPARE(shown->data()[i], relu2.data()[i]);
        CnnWorkspace workspace(&model);
        QCoreApplication::processEvents();
        QTRY_COMPARE(workspace.featureMaps()->images().size(), qsizetype(16));
        const GridImage& first = workspace.featureMaps()->images().front();
        QCOMPARE(first.rows, 10);
        for (int k = 0; k < 100; ++k) QCOMPARE(first.values[k], relu2.data()[k]);
        QCOMPARE(workspace.filters()->images().size(), qsizetype(6));
    }

    void refusesWhatItCannotDo() {
        CnnModel model;
        QVERIFY(!model.selectLayer(QStringLiteral("conv9")));
        QVERIFY(model.lastError().contains(QStringLiteral("conv1")));
        QVERIFY(!model.setLearningRate(50));
        QVERIFY(!model.setBatchSize(0));
        QVERIFY(!model.setDataset(QStringLiteral("cifar")));
        QCOMPARE(model.dataset(), QStringLiteral("builtin"));
    }

    void missingFashionMnistNamesTheFileAndPackage() {
        QTemporaryDir empty;
        CnnModel model;
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 20000 * test::kSanitizerSlowdown);
        model.setFashionRoot(empty.path());
        QVERIFY(model.setDataset(QStringLiteral("fashion_mnist")));
        QTRY_VERIFY_WITH_TIMEOUT(!model.lastError().isEmpty(), 20000 * test::kSanitizerSlowdown);
        QVERIFY(model.lastError().contains(QStringLiteral("dataset-fashion-mnist")));
        QVERIFY(model.lastError().contains(empty.path()));
        QCOMPARE(model.dataset(), QStringLiteral("builtin"));  // the previous set stays
        QVERIFY(model.network() != nullptr);
    }

    void screenshots() {
        LanguageSwitcher languages;
        CnnModel model;
        CnnWorkspace workspace(&model);
        workspace.resize(1600, 1000);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.network() != nullptr, 20000 * test::kSanitizerSlowdown);
        model.play();
        QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 120, 60000 * test::kSanitizerSlowdown);
        model.pause();
        QTRY_VERIFY_WITH_TIMEOUT(model.evaluatedAtStep() == model.steps(), 20000 * test::kSanitizerSlowdown);
        model.selectLayer(QStringLiteral("relu1"));
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(languages.apply(lang));
            QCoreApplication::processEvents();
            QTest::qWait(100);
            const QImage image = workspace.grab().toImage();
            QVERIFY(distinctColours(image) > 60);
            const QByteArray dir = qgetenv("NEURALSCOPE_SHOTS");
            if (!dir.isEmpty())
                QVERIFY(image.save(QString::fromLocal8Bit(dir) + QStringLiteral("/cnn-training-%1.png")
                                                                   .arg(lang == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh"))));
        }
        languages.apply(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestCnnWorkspace)
#include "test_cnn_workspace.moc"
