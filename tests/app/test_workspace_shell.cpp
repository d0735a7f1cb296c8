// The one-window shell: every workspace reached by its key beside the lesson panel, keys that
// reach only the workspace shown, detach and attach, presenter fonts, the layout remembered,
// and the lesson keys kept away from spin boxes.
#include "lab/lab_model.h"
#include "lab/lab_window.h"
#include "lab/lab_workspace.h"
#include "lessons/lesson_mode.h"
#include "network/network_view.h"
#include "network/session_model.h"
#include "shell/language.h"
#include "shell/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

using namespace ns;

class TestWorkspaceShell : public QObject {
    Q_OBJECT

    QStringList menuTitles() const {
        QStringList titles;
        for (QAction* a : window_->menuBar()->actions()) titles << a->text();
        return titles;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void init() {
        languages_ = new LanguageSwitcher;
        languages_->apply(QStringLiteral("en"));
        model_ = new SessionModel;
        window_ = new MainWindow(model_, languages_);
        settings_ = new QSettings(dir_.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction())),
                                  QSettings::IniFormat);
        mode_ = new LessonMode(window_, model_, languages_, settings_);
        window_->resize(1920, 1080);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
    }

    void cleanup() {
        delete mode_;
        delete window_;
        delete model_;
        delete settings_;
        delete languages_;
    }

    // Ctrl+1…9 show each workspace's page and only it, with the lesson panel still beside it,
    // the window's title naming it and the network's menus only while the network is shown.
    void everyWorkspaceHasItsKey() {
        const std::vector<Workspace*>& all = window_->shell()->workspaces();
        QVERIFY(all.size() >= 8);
        QStringList ids;
        for (const Workspace* w : all) ids << w->id();
        for (const QString& id : {QStringLiteral("network"), QStringLiteral("backprop"), QStringLiteral("lab"),
                                  QStringLiteral("convolution"), QStringLiteral("cnn"), QStringLiteral("residual"), QStringLiteral("sequence"),
                                  QStringLiteral("perceptron"), QStringLiteral("functions")})
            QVERIFY2(ids.contains(id), qPrintable(id));
        for (int i = 0; i < std::min<int>(9, static_cast<int>(all.size())); ++i) {
            QTest::keyClick(window_, static_cast<Qt::Key>(Qt::Key_1 + i), Qt::ControlModifier);
            Workspace* w = all[static_cast<std::size_t>(i)];
            QCOMPARE(window_->shell()->current(), w);
            QVERIFY(w->page()->isVisible());
            QVERIFY(window_->shell()->switchAction(w->id())->isChecked());
            for (Workspace* other : all)
                if (other->page() != w->page()) QVERIFY2(!other->page()->isVisible(), qPrintable(other->id()));
            QVERIFY(mode_->lessonDock()->isVisible());
            QVERIFY(window_->windowTitle().contains(w->title()));
            const bool network = w->id() == QLatin1String("network") || w->id() == QLatin1String("backprop");
            QCOMPARE(menuTitles().contains(QStringLiteral("&Training")), network || w->id() == QLatin1String("lab"));
            QCOMPARE(menuTitles().contains(QStringLiteral("&Lab")), w->id() == QLatin1String("lab"));
        }
    }

    // F9 folds the lesson panel away and brings it back; the workspace takes the room.
    void theLessonPanelFolds() {
        QVERIFY(mode_->lessonDock()->isVisible());
        QWidget* page = window_->shell()->current()->page();
        const int width = page->width();
        QTest::keyClick(window_, Qt::Key_F9);
        QVERIFY(!mode_->lessonDock()->isVisible());
        QTRY_VERIFY(page->width() > width + 200);
        QTest::keyClick(window_, Qt::Key_F9);
        QVERIFY(mode_->lessonDock()->isVisible());
    }

    // Beside the lab at 1920 px the lesson panel gives up width so the lab shows whole (no
    // sideways scrolling), never below 440 px; back on the network it has its 600 px again.
    void theLessonPanelMakesRoomForAWidePage() {
        mode_->fitDocks();
        QTRY_COMPARE(mode_->lessonDock()->width(), 600);
        window_->shell()->activate(QStringLiteral("lab"));
        QTest::qWait(50);
        QWidget* page = window_->shell()->current()->page();
        auto* frame = qobject_cast<QScrollArea*>(page->parentWidget()->parentWidget());
        QVERIFY(frame);
        QTRY_VERIFY2(!frame->horizontalScrollBar()->isVisible(),
                     qPrintable(QStringLiteral("panel %1, page needs %2").arg(mode_->lessonDock()->width())
                                    .arg(page->minimumSizeHint().width())));
        QVERIFY(mode_->lessonDock()->width() >= 440);
        window_->shell()->activate(QStringLiteral("network"));
        QTRY_COMPARE(mode_->lessonDock()->width(), 600);
    }

    // Space plays the workspace shown: in the lab the lab trains, the network stays still.
    void keysReachOnlyTheWorkspaceShown() {
        window_->shell()->activate(QStringLiteral("lab"));
        auto* lab = qobject_cast<LabWorkspace*>(window_->shell()->current());
        QVERIFY(lab);
        lab->page()->setFocus();
        QTest::keyClick(window_, Qt::Key_Space);
        QVERIFY(lab->labModel()->isPlaying());
        QVERIFY(!model_->isPlaying());
        QTest::keyClick(window_, Qt::Key_Space);
        QVERIFY(!lab->labModel()->isPlaying());
        window_->shell()->activate(QStringLiteral("network"));
        window_->networkView()->setFocus();
        QTest::keyClick(window_, Qt::Key_Space);
        QVERIFY(model_->isPlaying());
        QVERIFY(!lab->labModel()->isPlaying());
        model_->togglePlay();
    }

    // Ctrl+B turns the stepper on and shows its workspace; the network's button turns it off.
    void theStepperKeySwitchesWorkspace() {
        QTest::keyClick(window_, Qt::Key_B, Qt::ControlModifier);
        QTRY_COMPARE(window_->shell()->current()->id(), QStringLiteral("backprop"));
        QVERIFY(model_->backpropMode());
        QVERIFY(window_->stepperBar()->isVisible());
        window_->shell()->switchAction(QStringLiteral("network"))->trigger();
        QVERIFY(!model_->backpropMode());
        QTest::qWait(20);
        QCOMPARE(window_->shell()->current()->id(), QStringLiteral("network"));
    }

    // A workspace floats into its own window (for the projector) and comes back when it closes.
    void detachAndAttach() {
        window_->shell()->activate(QStringLiteral("convolution"));
        QWidget* page = window_->shell()->current()->page();
        window_->shell()->detachAction()->trigger();
        QWidget* floating = window_->shell()->detachedWindow();
        QVERIFY(floating && floating->isVisible());
        QCOMPARE(page->window(), floating);
        QVERIFY(page->isVisible());
        // Switching away and back shows the placeholder, not an empty page.
        window_->shell()->activate(QStringLiteral("network"));
        window_->shell()->activate(QStringLiteral("convolution"));
        QVERIFY(page->window() == floating);
        floating->close();
        QTRY_VERIFY(!window_->shell()->detachedWindow());
        QCOMPARE(page->window(), window_);
        QVERIFY(page->isVisible());
    }

    // Presenter mode grows every font of the page once (a second call does not compound) and
    // gives the original size back.
    void presenterFontsGrowOnce() {
        window_->shell()->activate(QStringLiteral("network"));
        auto* toolbar = window_->networkPage()->toolBar();
        const double before = toolbar->font().pointSizeF();
        window_->shell()->setPresenterScale(1.5);
        window_->shell()->setPresenterScale(1.5);
        QCOMPARE(toolbar->font().pointSizeF(), before * 1.5);
        for (QLabel* label : window_->networkPage()->findChildren<QLabel*>())
            if (label->property("nsBaseFontSize").isValid())
                QCOMPARE(label->font().pointSizeF(), label->property("nsBaseFontSize").toDouble() * 1.5);
        // Grown, the settings go under the buttons rather than behind the toolbar's » menu.
        for (auto* box : {static_cast<QWidget*>(window_->networkPage()->settingsBar()->findChild<QDoubleSpinBox*>()),
                          static_cast<QWidget*>(window_->networkPage()->settingsBar()->findChild<QSpinBox*>())}) {
            QTRY_VERIFY(box->isVisible());
            const QRect inWindow(box->mapTo(window_, QPoint(0, 0)), box->size());
            QVERIFY2(window_->rect().contains(inWindow), qPrintable(box->metaObject()->className()));
        }
        window_->shell()->setPresenterScale(1.0);
        QCOMPARE(toolbar->font().pointSizeF(), before);
    }

    // The layout, the last workspace and each workspace's state come back in the next run.
    void theLastWorkspaceIsRemembered() {
        QSettings kept(dir_.filePath(QStringLiteral("layout.ini")), QSettings::IniFormat);
        kept.clear();
        window_->restoreSettings(&kept);
        window_->shell()->activate(QStringLiteral("lab"));
        auto* lab = qobject_cast<LabWorkspace*>(window_->shell()->current());
        lab->labWindow()->tabs()->setCurrentIndex(2);
        window_->shell()->activate(QStringLiteral("convolution"));
        window_->close();
        QCOMPARE(kept.value(QStringLiteral("workspaces/current")).toString(), QStringLiteral("convolution"));
        QVERIFY(!kept.value(QStringLiteral("window/state")).toByteArray().isEmpty());

        SessionModel model;
        MainWindow next(&model, languages_);
        QCOMPARE(next.shell()->current()->id(), QStringLiteral("network"));
        next.restoreSettings(&kept);
        QCOMPARE(next.shell()->current()->id(), QStringLiteral("convolution"));
        auto* nextLab = qobject_cast<LabWorkspace*>(next.shell()->find(QStringLiteral("lab")));
        QVERIFY(nextLab->labWindow());  // made to take its state back
        QCOMPARE(nextLab->labWindow()->tabs()->currentIndex(), 2);
    }

    // Page Down with the focus in the toolbar's η box goes to the next step (never lowering η),
    // and on a lesson's last step opens the next lesson.
    void pageKeysNeverReachASpinBox() {
        QVERIFY(mode_->start(QStringLiteral("perceptron"), QString(), true));
        const int last = mode_->session()->stepCount();
        QVERIFY(mode_->start(QStringLiteral("perceptron"), QString::number(last), true));
        QCOMPARE(mode_->session()->stepIndex(), last - 1);
        window_->shell()->activate(QStringLiteral("network"));
        auto* eta = window_->networkPage()->settingsBar()->findChild<QDoubleSpinBox*>();
        QVERIFY(eta && eta->isVisible());
        model_->setLearningRate(0.01);
        QTRY_COMPARE(eta->value(), 0.01);
        // η is what the step's scene set, or what it was: never the box stepped down by a key.
        double eta0 = 0.01;
        auto expectedEta = [&] {
            const lessons::Step& step = mode_->session()->step();
            if (step.scene && step.scene->learningRate) eta0 = *step.scene->learningRate;
            return eta0;
        };
        auto pageKey = [&](Qt::Key key) {
            window_->shell()->activate(QStringLiteral("network"));
            eta->setFocus();
            QVERIFY(eta->hasFocus());
            QTest::keyClick(eta, key);
        };
        pageKey(Qt::Key_PageDown);
        QTRY_COMPARE(mode_->session()->lessonKey(), QStringLiteral("activations"));
        QCOMPARE(mode_->session()->stepIndex(), 0);
        QCOMPARE(model_->learningRate(), expectedEta());
        pageKey(Qt::Key_PageDown);
        QTRY_COMPARE(mode_->session()->stepIndex(), 1);
        QCOMPARE(model_->learningRate(), expectedEta());
        pageKey(Qt::Key_PageUp);
        QTRY_COMPARE(mode_->session()->stepIndex(), 0);
        QCOMPARE(model_->learningRate(), expectedEta());
        // On the very last step of the course there is nowhere to go: the key still never
        // reaches the box.
        const LessonLibrary& library = mode_->library();
        int lastLesson = library.first();
        while (library.next(lastLesson) >= 0) lastLesson = library.next(lastLesson);
        QVERIFY(mode_->openEntry(lastLesson, library.entry(lastLesson).lesson->steps.size() - 1));
        QTRY_VERIFY(!mode_->session()->settling());
        expectedEta();
        const double before = model_->learningRate();
        pageKey(Qt::Key_PageDown);
        QCOMPARE(model_->learningRate(), before);
        QCOMPARE(eta->value(), before);
    }

private:
    QTemporaryDir dir_;
    LanguageSwitcher* languages_ = nullptr;
    SessionModel* model_ = nullptr;
    MainWindow* window_ = nullptr;
    QSettings* settings_ = nullptr;
    LessonMode* mode_ = nullptr;
};

QTEST_MAIN(TestWorkspaceShell)
#include "test_workspace_shell.moc"
