// The ViT workspace: every lesson field set through the Qt property system moves the view; the
// class-token attention drawn over the image equals an independent core run; MAE greys out exactly
// mask_ratio of the patches, in the image and in the token strip; Fashion-MNIST loads off the GUI
// thread (or says what is missing); and the workspace renders in English, Chinese and presenter mode.
#include "transformer/patch_image_view.h"
#include "transformer/vit_model.h"
#include "transformer/vit_workspace.h"

#include "../common/sanitizer_slowdown.h"
#include "data/shapes_dataset.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace ns;

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

bool settle(VitModel& model, long steps) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 120000 * test::kSanitizerSlowdown) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const transformer::VitInspection* v = model.inspection();
        if (!model.loading() && model.settled() && model.steps() == steps && v && v->grid == model.grid() &&
            model.evaluatedAtStep() == steps)
            return true;
        QTest::qWait(10);
    }
    return false;
}

data::ImageSet digits(int count, std::uint64_t seed) {
    data::ShapesSpec spec;
    spec.count = count;
    spec.seed = seed;
    return data::generateShapes(spec);
}

}  // namespace

class TestVitWorkspace : public QObject {
    Q_OBJECT
private slots:
    void propertiesDriveTheView();
    void attentionIsTheCores();
    void maeMasksTheRatio();
    void fashionMnist();
    void screenshots_data();
    void screenshots();
};

void TestVitWorkspace::propertiesDriveTheView() {
    VitModel model;
    VitWorkspace view(&model);
    QVERIFY(settle(model, 0));
    QVERIFY(model.setProperty("patch", 4));
    QVERIFY(model.setProperty("image", 12));
    QVERIFY(model.setProperty("panel", QStringLiteral("mae")));
    QVERIFY(model.setProperty("mask_ratio", 0.5));
    QVERIFY(model.setProperty("head", 3));
    QVERIFY(settle(model, 0));
    QApplication::processEvents();
    QCOMPARE(view.findChild<QComboBox*>(QStringLiteral("vitPatch"))->currentData().toInt(), 4);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("vitImage"))->value(), 12);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("vitHead"))->value(), 3);
    QCOMPARE(view.findChild<QDoubleSpinBox*>(QStringLiteral("vitMaskRatio"))->value(), 0.5);
    QCOMPARE(view.panels()->currentIndex(), 2);
    QCOMPARE(view.image()->overlay(), PatchImageView::Overlay::Mask);
    QCOMPARE(view.image()->grid(), 7);
    QCOMPARE(view.tokens()->tokenCount(), 50);
    QCOMPARE(model.property("patch").toInt(), 4);
    QCOMPARE(model.property("dataset").toString(), QStringLiteral("digits"));
    QVERIFY(model.setProperty("patch", 6));  // snapped
    QCOMPARE(model.patch(), 7);
    QVERIFY(model.setProperty("panel", QStringLiteral("attention")));
    QVERIFY(settle(model, 0));
    QApplication::processEvents();
    QCOMPARE(view.image()->overlay(), PatchImageView::Overlay::Attention);
    QVERIFY(view.headViews()[2]->isVisibleTo(&view));
    model.setUnitsPerSecond(0);
    QVERIFY(model.setProperty("training", true));
    QVERIFY(model.property("training").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(model.steps() >= 20, 60000 * test::kSanitizerSlowdown);
    QVERIFY(model.setProperty("training", false));
    QTRY_VERIFY_WITH_TIMEOUT(model.settled(), 20000);
    const long steps = model.steps();
    QVERIFY(settle(model, steps));
    QApplication::processEvents();
    QCOMPARE(model.property("steps").toInt(), static_cast<int>(steps));
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("Step %1").arg(steps)));
    QVERIFY(view.statusLabel()->text().contains(QString::number(model.property("accuracy").toDouble() * 100, 'f', 1)));
    QVERIFY(model.metaObject()->indexOfMethod("reset()") >= 0);
    QVERIFY(QMetaObject::invokeMethod(&model, "reset"));
    QVERIFY(settle(model, 0));
    QCOMPARE(model.property("steps").toInt(), 0);
    // Refusals leave the value and say why.
    QVERIFY(!model.setMaskRatio(1.5));
    QCOMPARE(model.maskRatio(), 0.5);
    QVERIFY(!model.setPanel(QStringLiteral("nope")));
    QVERIFY(!model.setHead(9));
    QVERIFY(!model.lastError().isEmpty());
}

void TestVitWorkspace::attentionIsTheCores() {
    VitModel model;
    VitWorkspace view(&model);
    model.setUnitsPerSecond(0);
    QVERIFY(settle(model, 0));
    model.setImage(5);
    model.runSteps(30);
    QVERIFY(settle(model, 30));
    QApplication::processEvents();
    // The same data, settings and steps in the core alone.
    transformer::Vit core(transformer::VitSettings{}, [] {
        data::ShapesSpec spec;
        spec.count = 4000;
        spec.seed = 11;
        return data::generateShapes(spec);
    }(), digits(VitTask::kTestImages, 12));
    for (int k = 0; k < 30; ++k) core.step();
    const transformer::VitInspection v = core.inspect(5);
    QCOMPARE(view.image()->attention(), v.classAttention.back()[0]);
    for (int h = 0; h < 4; ++h) QCOMPARE(view.headViews()[static_cast<std::size_t>(h)]->attention(), v.classAttention.back()[static_cast<std::size_t>(h)]);
    QCOMPARE(model.accuracy(), core.testAccuracy());
    QVERIFY(view.predictionLabel()->text().contains(QString::number(v.probabilities[static_cast<std::size_t>(v.predicted)], 'f', 2)));
}

void TestVitWorkspace::maeMasksTheRatio() {
    VitModel model;
    VitWorkspace view(&model);
    QVERIFY(settle(model, 0));
    model.setProperty("panel", QStringLiteral("mae"));
    model.setProperty("mask_ratio", 0.75);
    QVERIFY(settle(model, 0));
    QApplication::processEvents();
    const std::vector<bool> shown = view.image()->mask();
    QCOMPARE(shown.size(), std::size_t(16));
    QCOMPARE(static_cast<int>(std::count(shown.begin(), shown.end(), true)), 12);
    QCOMPARE(shown, transformer::maeMask(16, 0.75, 1000 + 0));
    QCOMPARE(view.tokens()->visibleCount(), 1 + 4);  // [CLS] and the 4 visible patches
    QVERIFY(view.image()->title().contains(QStringLiteral("12")));
}

void TestVitWorkspace::fashionMnist() {
    VitModel model;
    VitWorkspace view(&model);
    QTemporaryDir empty;
    model.setFashionRoot(empty.path());
    QVERIFY(settle(model, 0));
    model.setProperty("dataset", QStringLiteral("fashion_mnist"));
    QTRY_VERIFY_WITH_TIMEOUT(model.lastError().contains(QStringLiteral("dataset-fashion-mnist")), 20000);
    QCOMPARE(model.dataset(), QStringLiteral("digits"));
    if (!QFileInfo::exists(QStringLiteral("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")))
        QSKIP("Fashion-MNIST is not installed");
    model.setFashionRoot(QStringLiteral("/usr/share/datasets/fashion-mnist"));
    QVERIFY(model.setProperty("dataset", QStringLiteral("fashion_mnist")));
    QVERIFY(settle(model, 0));
    QTRY_COMPARE(model.dataset(), QStringLiteral("fashion_mnist"));
    QCOMPARE(model.testCount(), VitTask::kTestImages);
    QApplication::processEvents();
    QVERIFY(view.predictionLabel()->text().contains(VitModel::classNames(QStringLiteral("fashion_mnist")).at(model.label())));
}

void TestVitWorkspace::screenshots_data() {
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("presenter");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")}) {
        QTest::newRow(qPrintable("attention-" + language)) << QStringLiteral("attention") << language << false;
        QTest::newRow(qPrintable("mae-" + language)) << QStringLiteral("mae") << language << false;
    }
    QTest::newRow("attention-presenter") << QStringLiteral("attention") << QStringLiteral("en") << true;
}

void TestVitWorkspace::screenshots() {
    QFETCH(QString, panel);
    QFETCH(QString, language);
    QFETCH(bool, presenter);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/transformer_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    VitModel model;
    model.setUnitsPerSecond(0);
    QVERIFY(settle(model, 0));
    model.setImage(3);
    model.setPanel(panel);
    model.runSteps(200);
    QVERIFY(settle(model, 200));
    VitWorkspace view(&model);
    if (presenter) view.setPresenterScale(1.5);
    view.resize(presenter ? QSize(1920, 1080) : QSize(1280, 800));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    saveShot(view, QStringLiteral("shell-vit-%1-%2%3.png").arg(panel, language, presenter ? QStringLiteral("-presenter") : QString()));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestVitWorkspace)
#include "test_vit_workspace.moc"
