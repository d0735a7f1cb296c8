// The main window as a student uses it: keys, buttons, the live curve, language switching.
#include "shell/language.h"
#include "shell/main_window.h"
#include "network/network_view.h"
#include "network/session_model.h"
#include "network/training_curve.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace ns;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void init() {
        languages_ = new LanguageSwitcher;
        languages_->apply(QStringLiteral("en"));
        model_ = new SessionModel;
        window_ = new MainWindow(model_, languages_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
    }

    void cleanup() {
        delete window_;
        delete model_;
        delete languages_;
    }

    void stepAdvancesEpochAndAddsCurvePoint() {
        QCOMPARE(model_->epoch(), 0L);
        QCOMPARE(window_->trainingCurve()->pointCount(), 0);
        window_->stepAction()->trigger();
        QTRY_COMPARE(model_->epoch(), 1L);
        QTRY_COMPARE(window_->trainingCurve()->pointCount(), 1);
        window_->stepAction()->trigger();
        QTRY_COMPARE(model_->epoch(), 2L);
        QTRY_COMPARE(window_->trainingCurve()->pointCount(), 2);
        // The curve shows the loss the core computed for that epoch.
        QCOMPARE(window_->trainingCurve()->lastLoss(), model_->history().back().loss);
    }

    void arrowKeyStepsAndSpaceToggles() {
        window_->networkView()->setFocus();
        QTest::keyClick(window_->networkView(), Qt::Key_Right);
        QTRY_COMPARE(model_->epoch(), 1L);
        QTest::keyClick(window_->networkView(), Qt::Key_Space);
        QTRY_VERIFY(model_->isPlaying());
        QTest::keyClick(window_->networkView(), Qt::Key_Space);
        QTRY_VERIFY(!model_->isPlaying());
    }

    void playingRunsOffTheGuiThreadAndRedraws() {
        model_->setSpeedIndex(static_cast<int>(SessionModel::speedChoices().size()) - 1);  // max
        const long framesBefore = window_->networkView()->framesPainted();
        QElapsedTimer clock;
        window_->playAction()->trigger();
        QTRY_VERIFY(model_->isPlaying());
        clock.start();
        // The event loop keeps turning while training runs on its own thread.
        long longestGapMs = 0;
        QElapsedTimer gap;
        gap.start();
        while (clock.elapsed() < 1500) {
            QTest::qWait(5);
            longestGapMs = std::max<long>(longestGapMs, gap.restart());
        }
        window_->playAction()->trigger();
        // Frame rate is measured by tests/bench/gui (not asserted here); redrawing must happen.
        QVERIFY(window_->networkView()->framesPainted() - framesBefore > 5);
        QVERIFY2(longestGapMs < 1000,
                 qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(longestGapMs)));
        QTRY_VERIFY(!model_->isPlaying());
        QVERIFY2(model_->epoch() > 3, qPrintable(QString::number(model_->epoch())));
        // The plot keeps a bounded history: the newest points, never more than its limit.
        QTRY_COMPARE(static_cast<std::size_t>(window_->trainingCurve()->pointCount()),
                     std::min<std::size_t>(model_->history().size(), TrainingCurve::kMaxPoints));
        // Training lowers the loss.
        QVERIFY(model_->history().back().loss < model_->history().front().loss);
    }

    void resetReturnsToTheSameInitialWeights() {
        const Mlp initial = model_->network();
        model_->trainEpochs(25);
        QTRY_COMPARE(model_->epoch(), 25L);
        QVERIFY(!(model_->network() == initial));
        window_->resetAction()->trigger();
        QTRY_COMPARE(model_->epoch(), 0L);
        QTRY_COMPARE(window_->trainingCurve()->pointCount(), 0);
        QVERIFY(model_->network() == initial);
    }

    void screenshotIsNotBlank() {
        model_->trainEpochs(30);
        QTRY_COMPARE(model_->epoch(), 30L);
        window_->refreshNow();
        const QImage image = window_->grab().toImage();
        QVERIFY(image.width() > 800 && image.height() > 500);
        QSet<QRgb> colours;
        long nonWhite = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QRgb pixel = image.pixel(x, y);
                colours.insert(pixel);
                nonWhite += qGray(pixel) < 240;
            }
        QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
        const double share = double(nonWhite) / ((image.width() / 3) * (image.height() / 3));
        QVERIFY2(share > 0.05, qPrintable(QString::number(share)));
    }

    void switchesToSimplifiedChinese() {
        QVERIFY(languages_->apply(QStringLiteral("zh_CN")));
        QTRY_VERIFY2(window_->windowTitle().contains(QStringLiteral("网络")), qPrintable(window_->windowTitle()));
        QVERIFY(window_->stepAction()->text().contains(QStringLiteral("单步")));
        // The side bar and the shell's own text follow the language too.
        QCOMPARE(window_->shell()->switchAction(QStringLiteral("lab"))->text(), QStringLiteral("训练实验室"));
        QCOMPARE(window_->shell()->switchAction(QStringLiteral("backprop"))->text(), QStringLiteral("反向传播单步演示"));
        QVERIFY(window_->shell()->detachAction()->text().contains(QStringLiteral("窗口")));
        QVERIFY(languages_->apply(QStringLiteral("en")));
        QTRY_VERIFY(window_->windowTitle().contains(QStringLiteral("Network")));
        QCOMPARE(window_->shell()->switchAction(QStringLiteral("lab"))->text(), QStringLiteral("Training lab"));
    }

private:
    LanguageSwitcher* languages_ = nullptr;
    SessionModel* model_ = nullptr;
    MainWindow* window_ = nullptr;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
