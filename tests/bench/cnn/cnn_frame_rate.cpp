// The CNN workspace training LeNet-5 on Fashion-MNIST at full speed on the app's training thread
// while the GUI thread repaints the whole workspace as often as it can (headless): prints the
// training rate in images/s, the frames/s and the longest GUI-thread gap. Measured, not asserted.
#include "cnn/cnn_model.h"
#include "cnn/cnn_workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
    ns::CnnModel model;
    ns::CnnWorkspace workspace(&model);
    workspace.resize(1600, 1000);
    workspace.show();
    model.setDataset(QStringLiteral("fashion_mnist"));
    QElapsedTimer load;
    load.start();
    while ((model.loading() || model.dataset() != QLatin1String("fashion_mnist")) && model.lastError().isEmpty() &&
           load.elapsed() < 60000)
        app.processEvents(QEventLoop::AllEvents, 50);
    if (!model.lastError().isEmpty()) {
        std::fprintf(stderr, "cnn_frame_rate: %s\n", qPrintable(model.lastError()));
        return 2;
    }
    std::printf("Fashion-MNIST loaded in %.1f s\n", load.elapsed() / 1000.0);
    model.play();
    while (model.steps() < 5) app.processEvents(QEventLoop::AllEvents, 10);
    const long startSteps = model.steps();
    QElapsedTimer clock, gap;
    clock.start();
    gap.start();
    long frames = 0;
    qint64 longest = 0;
    while (clock.elapsed() < seconds * 1000) {
        app.processEvents();
        workspace.repaint();  // a whole frame, painted now
        ++frames;
        longest = std::max(longest, gap.restart());
    }
    const double elapsed = clock.elapsed() / 1000.0;
    const long steps = model.steps() - startSteps;
    model.pause();
    std::printf("training: %ld steps of %d images in %.1f s = %.0f images/s (model's own rate %.0f)\n", steps,
                model.batchSize(), elapsed, steps * model.batchSize() / elapsed, model.imagesPerSecond());
    std::printf("view: %.1f frames/s, longest GUI-thread gap %lld ms, test accuracy %.3f\n", frames / elapsed,
                static_cast<long long>(longest), model.testAccuracy());
    return 0;
}
