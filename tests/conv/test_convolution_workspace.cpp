// The convolution workspace as a student uses it: the model's intents and their bounds, undo,
// the geometry formula (checked against the textbook's by hand), and the canvas's products and
// sums held equal to the engine's Conv2d / Pool2d output at every window position. Screenshots
// go to $NEURALSCOPE_SHOTS when set (and are checked for content either way).
#include "conv/conv_canvas.h"
#include "conv/convolution_model.h"
#include "conv/convolution_workspace.h"
#include "engine/conv2d.h"
#include "engine/pool2d.h"
#include "shell/language.h"

#include "../common/render_check.h"
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace ns;

namespace {

// The engine's output for the model's current input and kernel, computed here independently of
// the model's own forward pass.
engine::Tensor engineConv(const ConvolutionModel& m) {
    const engine::Tensor& x = m.inputTensor();
    const engine::Tensor& k = m.kernelTensor();
    engine::Conv2d layer(x.dim(1), k.dim(0), k.dim(2), k.dim(3), m.stride(), m.padding(), m.dilation());
    layer.kernel() = k;
    layer.bias() = m.biasTensor();
    engine::LayerTrace trace;
    layer.forward({&x}, trace, engine::RunContext{engine::Mode::Eval});
    return trace.output;
}

}  // namespace

class TestConvolutionWorkspace : public QObject {
    Q_OBJECT

private slots:
    void intentsRefuseWhatTheControlsCannotDo() {
        ConvolutionModel m;
        QVERIFY(!m.setInputSize(2));
        QVERIFY(m.lastError().contains(QStringLiteral("3–28")));
        QVERIFY(!m.setKernelSize(8));
        QVERIFY(!m.setStride(0));
        QVERIFY(!m.setPadding(4));
        QVERIFY(!m.setDilation(5));
        QVERIFY(!m.setChannels(2));
        QVERIFY(!m.setMode(QStringLiteral("slide")));
        QVERIFY(!m.setKernelPreset(QStringLiteral("emboss")));
        QVERIFY(!m.setPool(QStringLiteral("median"), 2, 2));
        QVERIFY(!m.setCursor(99, 0));
        QCOMPARE(m.inputSize(), 12);
        QCOMPARE(m.kernelSize(), 3);
        QVERIFY(m.setDilation(2));
        QCOMPARE(m.dilation(), 2);
    }

    // An opened image: a real one becomes the input; one over the file-size cap is refused
    // unread, naming the limit, and a file that is no image names the reader's reason; the input
    // stays as it was in both.
    void openedImagesWithinLimits() {
        ConvolutionModel m;
        ConvolutionWorkspace w(&m);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QImage picture(40, 40, QImage::Format_RGB32);
        picture.fill(Qt::white);
        for (int i = 0; i < 40; ++i) picture.setPixel(i, i, qRgb(0, 0, 0));
        const QString good = dir.filePath(QStringLiteral("diagonal.png"));
        QVERIFY(picture.save(good));
        QVERIFY(w.openImageFile(good));
        const std::vector<double> before(m.inputTensor().data(), m.inputTensor().data() + m.inputTensor().size());

        const QString huge = dir.filePath(QStringLiteral("poster.png"));
        {
            QFile f(huge);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize((qint64{32} << 20) + 1));  // sparse: one byte over the cap
        }
        QVERIFY(!w.openImageFile(huge));
        QVERIFY2(w.errorText().contains(QStringLiteral("limit of 32 MiB")), qPrintable(w.errorText()));
        const QString junk = dir.filePath(QStringLiteral("junk.png"));
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a picture");
        }
        QVERIFY(!w.openImageFile(junk));
        QVERIFY(w.errorText().contains(QStringLiteral("junk.png")));
        const std::vector<double> after(m.inputTensor().data(), m.inputTensor().data() + m.inputTensor().size());
        QCOMPARE(after, before);
    }

    void outputSizeFollowsTheTextbookFormula() {
        ConvolutionModel m;
        // O = ⌊(I + 2p − d(k − 1) − 1)/s⌋ + 1 by hand: I = 9, k = 3, d = 2, p = 0, s = 1 → ⌊4/1⌋ + 1 = 5.
        m.setInputSize(9);
        m.setKernelSize(3);
        m.setDilation(2);
        QCOMPARE(m.outputRows(), 5);
        // I = 7, k = 3, p = 1, s = 2, d = 1 → ⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4.
        m.setDilation(1);
        m.setInputSize(7);
        m.setPadding(1);
        m.setStride(2);
        QCOMPARE(m.outputRows(), 4);
        QVERIFY(m.outputSizeFormula().endsWith(QStringLiteral("= 4")));
        // d = 4, k = 5 on a 5 × 5 input without padding: 1 + 4·4 = 17 cells wide, impossible.
        m.setPadding(0);
        m.setStride(1);
        m.setInputSize(5);
        m.setKernelSize(5);
        m.setDilation(4);
        QVERIFY(!m.geometryProblem().isEmpty());
        QVERIFY2(m.geometryProblem().contains(QStringLiteral("5")), qPrintable(m.geometryProblem()));
        QVERIFY(!m.setCursor(0, 0));
        m.play();
        QVERIFY(!m.playing());
        // Parameters k·k·C·C′ + C′: 5·5·3·2 + 2 = 152.
        m.setDilation(1);
        m.setChannels(3);
        m.setOutputChannels(2);
        QCOMPARE(m.parameterCount(), 152L);
    }

    void kernelEditsAreUndoable() {
        ConvolutionModel m;
        m.setKernelPreset(QStringLiteral("sobel_x"));
        const double before = m.kernelTensor().at({0, 0, 1, 2});
        QCOMPARE(before, 2.0);
        QVERIFY(m.setKernelCell(0, 0, 1, 2, 7.5));
        QCOMPARE(m.kernelTensor().at({0, 0, 1, 2}), 7.5);
        m.undoStack()->undo();
        QCOMPARE(m.kernelTensor().at({0, 0, 1, 2}), before);
        m.undoStack()->redo();
        QCOMPARE(m.kernelTensor().at({0, 0, 1, 2}), 7.5);
        QVERIFY(!m.setKernelCell(0, 0, 3, 0, 1));
    }

    void visitingEveryCellIsTracked() {
        ConvolutionModel m;
        m.setInputSize(6);
        QCOMPARE(m.outputRows(), 4);
        QVERIFY(!m.visitedAll());
        for (int i = 0; i < 15; ++i) m.step();
        QVERIFY(m.visitedAll());
        m.setStride(2);  // a new grid: visit again
        QVERIFY(!m.visitedAll());
    }

    void canvasSumsEqualTheEngineAtEveryPosition_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("padding");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("dilation");
        QTest::newRow("grey 3×3") << 1 << 0 << 1 << 1;
        QTest::newRow("dilation 2") << 1 << 0 << 1 << 2;
        QTest::newRow("stride 2 padding 1") << 1 << 1 << 2 << 1;
        QTest::newRow("rgb padding 2 dilation 2") << 3 << 2 << 1 << 2;
    }
    void canvasSumsEqualTheEngineAtEveryPosition() {
        QFETCH(int, channels);
        QFETCH(int, padding);
        QFETCH(int, stride);
        QFETCH(int, dilation);
        ConvolutionModel m;
        ConvolutionWorkspace w(&m);
        m.setInputSize(10);
        m.setKernelPreset(QStringLiteral("sobel_x"));
        m.setChannels(channels);
        m.setPadding(padding);
        m.setStride(stride);
        m.setDilation(dilation);
        QVERIFY(m.geometryProblem().isEmpty());
        const engine::Tensor expected = engineConv(m);
        int positions = 0;
        for (int i = 0; i < m.outputRows(); ++i)
            for (int j = 0; j < m.outputCols(); ++j) {
                QVERIFY(m.setCursor(i, j));
                QCoreApplication::processEvents();
                const ConvPicture& pic = w.canvas()->picture();
                QCOMPARE(pic.cursorRow, i);
                QCOMPARE(pic.terms.size(), qsizetype(channels * 9));
                double sum = pic.bias;
                for (const ConvTerm& t : pic.terms) {
                    QCOMPARE(t.product, t.input * t.weight);
                    sum += t.product;
                }
                QVERIFY(std::abs(sum - expected.at({0, 0, i, j})) <= 1e-12);
                QVERIFY(std::abs(pic.value - expected.at({0, 0, i, j})) <= 1e-12);
                QVERIFY(w.sumText().contains(QStringLiteral("z[%1, %2]").arg(i).arg(j)));
                ++positions;
            }
        QCOMPARE(positions, m.outputRows() * m.outputCols());
        QVERIFY(m.visitedAll());
    }

    void poolWindowEqualsTheEngine() {
        ConvolutionModel m;
        ConvolutionWorkspace w(&m);
        m.setMode(QStringLiteral("pool"));
        m.setInputSize(12);
        for (const QString& kind : {QStringLiteral("max"), QStringLiteral("avg")}) {
            m.setPool(kind, 3, 2);
            engine::Pool2d layer(kind == QLatin1String("max") ? engine::PoolKind::Max : engine::PoolKind::Average, 3, 2);
            engine::LayerTrace trace;
            layer.forward({&m.inputTensor()}, trace, engine::RunContext{engine::Mode::Eval});
            QCOMPARE(m.outputRows(), 5);  // ⌊(12 − 3)/2⌋ + 1
            for (int i = 0; i < 5; ++i)
                for (int j = 0; j < 5; ++j) {
                    m.setCursor(i, j);
                    QCoreApplication::processEvents();
                    const ConvPicture& pic = w.canvas()->picture();
                    QCOMPARE(pic.value, trace.output.at({0, 0, i, j}));
                    if (kind == QLatin1String("max")) {
                        QVERIFY(pic.chosen >= 0);
                        QCOMPARE(pic.terms[pic.chosen].input, pic.value);
                        for (int t = 0; t < pic.chosen; ++t) QVERIFY(pic.terms[t].input < pic.value);  // the first max
                    } else {
                        double sum = 0;
                        for (const ConvTerm& t : pic.terms) sum += t.input;
                        QVERIFY(std::abs(sum / 9 - pic.value) <= 1e-12);
                    }
                }
        }
    }

    void clickingAnOutputCellMovesTheWindow() {
        ConvolutionModel m;
        ConvolutionWorkspace w(&m);
        w.resize(1500, 950);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCoreApplication::processEvents();
        const QRectF cell = w.canvas()->outputCellRect(3, 4);
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, cell.center().toPoint());
        QCOMPARE(m.cursorRow(), 3);
        QCOMPARE(m.cursorCol(), 4);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(m.cursorCol(), 5);
    }

    void screenshotsOfEveryMode() {
        LanguageSwitcher languages;
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(languages.apply(lang));
            ConvolutionModel m;
            ConvolutionWorkspace w(&m);
            w.resize(1600, 1000);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            const QString suffix = lang == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh");
            auto shot = [&](const QString& name) {
                QCoreApplication::processEvents();
                const QImage image = w.grab().toImage();
                QVERIFY2(distinctColours(image) > 30, qPrintable(name));
                const QByteArray dir = qgetenv("NEURALSCOPE_SHOTS");
                if (!dir.isEmpty())
                    QVERIFY(image.save(QString::fromLocal8Bit(dir) + QStringLiteral("/conv-%1-%2.png").arg(name, suffix)));
            };
            m.setInputPreset(QStringLiteral("digit_3"));
            m.setKernelPreset(QStringLiteral("sobel_x"));
            m.setDilation(2);
            for (int i = 0; i < 20; ++i) m.step();
            shot(QStringLiteral("conv"));
            m.setMode(QStringLiteral("pool"));
            for (int i = 0; i < 9; ++i) m.step();
            shot(QStringLiteral("pool"));
            m.setMode(QStringLiteral("receptive"));
            m.setLayers(2);
            for (int i = 0; i < 12; ++i) m.step();
            shot(QStringLiteral("receptive"));
            m.setMode(QStringLiteral("pointwise"));
            m.setInputPreset(QStringLiteral("circle"));
            m.setOutputChannels(2);
            for (int i = 0; i < 30; ++i) m.step();
            shot(QStringLiteral("pointwise"));
        }
        languages.apply(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestConvolutionWorkspace)
#include "test_convolution_workspace.moc"
