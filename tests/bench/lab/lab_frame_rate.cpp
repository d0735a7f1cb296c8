// The training lab's live frame rate: a 2-6-6-1 tanh network trains on 500 points of the circle
// set as fast as the core allows on its worker thread, while the GUI thread re-evaluates the
// network on the 100×100 grid and redraws the decision boundary (and the rest of the lab window)
// for every snapshot. Prints frames per second, epochs per second and the longest wait of the GUI
// thread. Speed is measured here, never asserted in a test.
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

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    ns::LanguageSwitcher languages;
    languages.apply(QStringLiteral("en"));
    ns::LabModel model;
    ns::LabConfig config = model.config();
    config.dataset = {.kind = ns::DatasetKind::Circle, .samples = 500, .noise = 0.1, .testFraction = 0.0, .seed = 1};
    config.hidden = {6, 6};
    config.activations = {ns::Activation::Tanh, ns::Activation::Tanh};
    model.setConfig(config, QStringLiteral("benchmark"));
    ns::LabWindow window(&model);
    window.resize(1680, 1020);
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
    QElapsedTimer warmup;
    warmup.start();
    while (warmup.elapsed() < 300) app.processEvents();
    snapshots = 0;
    const long paintsBefore = window.boundaryView()->framesPainted();
    const long epochsBefore = model.epoch();
    constexpr double kSeconds = 5.0;
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
    std::printf("decision boundary: %.1f frames/s redrawn, %.1f grid evaluations/s (target >= 30)\n",
                (window.boundaryView()->framesPainted() - paintsBefore) / seconds, snapshots / seconds);
    std::printf("training:          %.0f epochs/s of the 2-6-6-1 net on %ld points (mini-batch %d)\n",
                (model.epoch() - epochsBefore) / seconds, static_cast<long>(model.trainSet().size()),
                model.config().training.optimizer.batchSize);
    std::printf("GUI thread:        longest gap between event-loop turns %ld ms; %d threads available\n", longestGap,
                QThread::idealThreadCount());
    return 0;
}
