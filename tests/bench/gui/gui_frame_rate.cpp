// The main window at projector size (1920×1080) while the textbook network trains as fast as the
// core allows: frames of the network view actually painted per second (median and slowest
// second), the longest GUI-thread gap (1 ms heartbeat), and what one frame costs the GUI thread
// (its CPU time per frame, the network view's paint and the loss curve's replot). Measured, never
// asserted. Argument: seconds to measure (default 6).
#include "../common/frame_meter.h"

#include "network/network_view.h"
#include "network/session_model.h"
#include "network/training_curve.h"
#include "shell/language.h"
#include "shell/main_window.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <qcustomplot.h>

#include <vector>

#include <cmath>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 6.0;
    ns::LanguageSwitcher languages;
    languages.apply(QStringLiteral("en"));
    ns::SessionModel model;
    ns::MainWindow window(&model, &languages);
    window.resize(ns::bench::kProjectorWidth, ns::bench::kProjectorHeight);
    window.show();
    model.setSpeedIndex(static_cast<int>(ns::SessionModel::speedChoices().size()) - 1);  // as fast as possible

    // One frame's parts alone, on the GUI thread's CPU clock: the network view painted, the loss
    // curve with its full bounded history replotted.
    {
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 300) app.processEvents();
        constexpr int kFrames = 100;
        double cpu = ns::bench::threadCpuMs();
        for (int i = 0; i < kFrames; ++i) window.networkView()->repaint();
        const double viewMs = (ns::bench::threadCpuMs() - cpu) / kFrames;
        std::vector<ns::EpochStats> history;
        for (int i = 0; i < ns::TrainingCurve::kMaxPoints; ++i)
            history.push_back({i + 1L, 0.7 * std::exp(-i / 3000.0) + 0.01 * std::sin(i), 0.5 + 0.5 * (1 - std::exp(-i / 2000.0))});
        window.trainingCurve()->append(history, 0);
        cpu = ns::bench::threadCpuMs();
        for (int i = 0; i < kFrames; ++i) window.trainingCurve()->replotNow();
        const double curveMs = (ns::bench::threadCpuMs() - cpu) / kFrames;
        window.trainingCurve()->clear();
        std::printf("one frame alone (GUI-thread CPU): network view paint %.2f ms, loss curve replot with %d "
                    "points %.2f ms\n",
                    viewMs, ns::TrainingCurve::kMaxPoints, curveMs);
    }

    ns::bench::FrameMeter meter(window.networkView());
    meter.watchPaint(window.trainingCurve()->plot(), QStringLiteral("loss curve"));
    meter.watchReplots(window.trainingCurve()->plot(), QStringLiteral("loss curve"));

    QElapsedTimer warmup;
    warmup.start();
    while (warmup.elapsed() < 300) app.processEvents();
    window.playAction()->trigger();
    warmup.restart();
    while (warmup.elapsed() < 500) app.processEvents();  // the first snapshots, fonts, layouts
    const long epochsBefore = model.epoch();
    meter.run(seconds);
    const long epochs = model.epoch() - epochsBefore;
    window.playAction()->trigger();

    std::printf("main window %dx%d, network view %dx%d, loss curve %dx%d\n", window.width(), window.height(),
                window.networkView()->width(), window.networkView()->height(), window.trainingCurve()->width(),
                window.trainingCurve()->height());
    meter.report("network view");
    std::printf("training: %.0f epochs/s of the 4-8-4-1 net on 1000 samples; %d points on the curve\n",
                epochs / seconds, window.trainingCurve()->pointCount());
    return 0;
}
