// The CNN workspace at projector size (1920×1080) training LeNet-5 on Fashion-MNIST at full speed
// on the app's training thread (headless): the curves' frames actually painted per second (median,
// slowest second), the longest GUI-thread gap (1 ms heartbeat), the GUI thread's CPU time per
// frame and each view's paint cost, and the training rate in images/s. Measured, not asserted.
// Argument: seconds to measure (default 10).
#include "../common/frame_meter.h"

#include "cnn/cnn_model.h"
#include "cnn/confusion_view.h"
#include "cnn/image_grid_view.h"
#include "cnn/cnn_workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
    ns::CnnModel model;
    ns::CnnWorkspace workspace(&model);
    workspace.resize(ns::bench::kProjectorWidth, ns::bench::kProjectorHeight);
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
    ns::bench::FrameMeter meter(workspace.curves());
    meter.watchReplots(workspace.curves(), QStringLiteral("curves"));
    meter.watchPaint(workspace.featureMaps(), QStringLiteral("feature maps"));
    meter.watchPaint(workspace.filters(), QStringLiteral("filters"));
    meter.watchPaint(workspace.testImages(), QStringLiteral("test images"));
    meter.watchPaint(workspace.confusion(), QStringLiteral("confusion"));
    meter.watchPaint(workspace.misclassified(), QStringLiteral("misclassified"));
    const long startSteps = model.steps();
    meter.run(seconds);
    const long steps = model.steps() - startSteps;
    model.pause();
    std::printf("workspace %dx%d, curves %dx%d\n", workspace.width(), workspace.height(), workspace.curves()->width(),
                workspace.curves()->height());
    meter.report("CNN workspace (curves)");
    std::printf("training: %ld steps of %d images in %.1f s = %.0f images/s (model's own rate %.0f), test accuracy %.3f\n",
                steps, model.batchSize(), seconds, steps * model.batchSize() / seconds, model.imagesPerSecond(),
                model.testAccuracy());
    return 0;
}
