// Measures how often the network view and the loss curve are redrawn while the textbook
// network trains as fast as the core allows, and how long the GUI thread ever waits.
#include "shell/language.h"
#include "shell/main_window.h"
#include "network/network_view.h"
#include "network/session_model.h"
#include "network/training_curve.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    ns::LanguageSwitcher languages;
    languages.apply(QStringLiteral("en"));
    ns::SessionModel model;
    ns::MainWindow window(&model, &languages);
    window.show();
    long replots = 0;
    QObject::connect(window.trainingCurve()->plot(), &QCustomPlot::afterReplot, [&] { ++replots; });
    model.setSpeedIndex(static_cast<int>(ns::SessionModel::speedChoices().size()) - 1);

    constexpr double kSeconds = 3.0;
    QElapsedTimer warmup;
    warmup.start();
    while (warmup.elapsed() < 300) app.processEvents();
    const long framesBefore = window.networkView()->framesPainted();
    window.playAction()->trigger();
    QElapsedTimer clock, gap;
    clock.start();
    gap.start();
    long longestGap = 0;
    while (clock.elapsed() < kSeconds * 1000) {
        app.processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
        longestGap = std::max<long>(longestGap, gap.restart());
    }
    window.playAction()->trigger();
    const double seconds = clock.elapsed() / 1000.0;
    const double viewFps = (window.networkView()->framesPainted() - framesBefore) / seconds;
    std::printf("network view: %.1f frames/s (target >= 30)\n", viewFps);
    std::printf("loss curve:   %.1f replots/s (target >= 30)\n", replots / seconds);
    std::printf("training:     %.0f epochs/s of the 4-8-4-1 net on 1000 samples\n",
                model.epoch() / seconds);
    std::printf("GUI thread:   longest gap between event-loop turns %ld ms\n", longestGap);
    return 0;
}
