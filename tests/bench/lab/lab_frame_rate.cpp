// The training lab's live frame rate at projector size (1920×1080): a 2-6-6-1 tanh network trains
// on 500 points of the circle set as fast as the core allows on the training thread, while the
// GUI thread shows every snapshot (decision boundary, network drawing, curves, metrics). Prints
// one frame's parts measured alone, then the decision boundary's frames actually painted per
// second (median, slowest second), the longest GUI-thread gap (1 ms heartbeat) and the GUI
// thread's CPU time per frame. Measured here, never asserted in a test. Argument: seconds (6).
#include "../common/frame_meter.h"

#include "lab/decision_boundary_view.h"
#include "lab/grid.h"
#include "lab/lab_model.h"
#include "lab/lab_window.h"
#include "shell/language.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <qcustomplot.h>

#include "lab/lab_curves.h"
#include "lab/lab_network_view.h"
#include "lab/metrics_panel.h"

#include <algorithm>
#include <vector>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 6.0;
    ns::LanguageSwitcher languages;
    languages.apply(QStringLiteral("en"));
    ns::LabModel model;
    ns::LabConfig config = model.config();
    config.dataset = {.kind = ns::DatasetKind::Circle, .samples = 500, .noise = 0.1, .testFraction = 0.0, .seed = 1};
    config.hidden = {6, 6};
    config.activations = {ns::Activation::Tanh, ns::Activation::Tanh};
    model.setConfig(config, QStringLiteral("benchmark"));
    ns::LabWindow window(&model);
    window.resize(ns::bench::kProjectorWidth, ns::bench::kProjectorHeight);
    window.show();
    model.setSpeedIndex(static_cast<int>(ns::LabModel::speedChoices().size()) - 1);  // as fast as possible

    // One frame's work on the GUI thread, measured alone: evaluate the grid, fill the heatmap, replot.
    {
        ns::GridEvaluation grid;
        ns::GridSpec spec;
        constexpr int kFrames = 200;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < kFrames; ++i) ns::evaluateGrid(model.network(), model.config().features, 2, spec, grid);
        const double evaluateMs = t.nsecsElapsed() / 1e6 / kFrames;
        t.restart();
        for (int i = 0; i < kFrames; ++i) {
            window.boundaryView()->setSurface(grid, model.task(), model.classes(), false, 0.5, 1.0);
            window.boundaryView()->replotNow();
        }
        const double drawMs = t.nsecsElapsed() / 1e6 / kFrames;
        t.restart();
        for (int i = 0; i < kFrames; ++i) {
            window.networkView()->setNetwork(model.network(), grid, model.task(), model.classes(), model.inputNames(), 1.0);
            window.networkView()->repaint();
        }
        const double networkMs = t.nsecsElapsed() / 1e6 / kFrames;
        t.restart();
        for (int i = 0; i < kFrames; ++i) {
            window.metricsPanel()->setReport(model.metrics(), false, false, 2);
            window.metricsPanel()->replotNow();
        }
        const double metricsMs = t.nsecsElapsed() / 1e6 / kFrames;
        std::vector<ns::LabEpoch> history(3000, ns::LabEpoch{});
        for (std::size_t i = 0; i < history.size(); ++i) history[i] = {long(i + 1), 0.5, 0.4, 0.8, 0.7, 0.03, 0};
        t.restart();
        for (int i = 0; i < kFrames; ++i) {
            window.curves()->setHistory(history, 1000 + i, true);
            window.curves()->replotNow();
        }
        const double curvesMs = t.nsecsElapsed() / 1e6 / kFrames;
        std::printf("one frame alone: grid 100x100 evaluation %.2f ms, heatmap full replot %.2f ms, network drawing "
                    "%.2f ms, metrics %.2f ms, curves (3000 epochs) %.2f ms\n",
                    evaluateMs, drawMs, networkMs, metricsMs, curvesMs);
    }

    long snapshots = 0;
    QObject::connect(&model, &ns::LabModel::changed, [&](ns::LabModel::Changes c) {
        if (c & ns::LabModel::NetworkChanged) ++snapshots;
    });
    ns::bench::FrameMeter meter(window.boundaryView()->plot());
    meter.watchPaint(window.networkView(), QStringLiteral("network drawing"));
    meter.watchPaint(window.curves()->plot(), QStringLiteral("loss curves"));
    meter.watchReplots(window.boundaryView()->plot(), QStringLiteral("boundary (full)"));
    meter.watchReplots(window.curves()->plot(), QStringLiteral("loss curves"));
    QElapsedTimer warmup;
    warmup.start();
    while (warmup.elapsed() < 300) app.processEvents();
    window.playAction()->trigger();
    warmup.restart();
    while (warmup.elapsed() < 500) app.processEvents();
    snapshots = 0;
    const long epochsBefore = model.epoch();
    meter.run(seconds);
    window.playAction()->trigger();
    std::printf("lab window %dx%d, decision boundary %dx%d\n", window.width(), window.height(),
                window.boundaryView()->width(), window.boundaryView()->height());
    meter.report("decision boundary");
    std::printf("  %.1f network snapshots/s shown\n", snapshots / seconds);
    std::printf("training: %.0f epochs/s of the 2-6-6-1 net on %ld points (mini-batch %d); %d threads available\n",
                (model.epoch() - epochsBefore) / seconds, static_cast<long>(model.trainSet().size()),
                model.config().training.optimizer.batchSize, QThread::idealThreadCount());
    return 0;
}
