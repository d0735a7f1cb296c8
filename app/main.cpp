// neuralscope: the desktop app. See README for the command line.
#include "shell/guarded_application.h"
#include "shell/language.h"
#include "lessons/lesson_mode.h"
#include "shell/main_window.h"
#include "network/session_model.h"
#include "network/step_inspector.h"
#include "base/size_limits.h"
#include "common/theme.h"
#include "network/training_curve.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    ns::GuardedApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NeuralScope"));
    QApplication::setApplicationName(QStringLiteral("NeuralScope"));
    QApplication::setApplicationVersion(QStringLiteral("0.1"));
    // Desktops match the window to its menu entry and icon by this id (Wayland app id).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.neuralscope.NeuralScope"));
    QApplication::setFont(ns::theme::uiFont(12));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("See a neural network learn."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Train, save the main window to FILE (PNG) and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption epochs(QStringLiteral("epochs"),
                                    QStringLiteral("Epochs to train before the screenshot (default 0)."),
                                    QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QStringLiteral("Interface language: system, en or zh_CN."),
                                      QStringLiteral("LANG"));
    const QCommandLineOption backprop(
        QStringLiteral("backprop"),
        QStringLiteral("Open the backprop stepper (after --epochs of training) and compute its first N "
                       "values."),
        QStringLiteral("N"));
    const QCommandLineOption graphSteps(
        QStringLiteral("graph-steps"),
        QStringLiteral("With --backprop: show the computational graph, its backward walk M nodes in."),
        QStringLiteral("M"));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    QStringLiteral("The training sample to show (1 to 1000)."),
                                    QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QStringLiteral("With --backprop: a mini-batch of M samples (1 to 16)."),
                                   QStringLiteral("M"), QStringLiteral("1"));
    const QCommandLineOption lesson(QStringLiteral("lesson"),
                                    QStringLiteral("Open a lesson: a lesson file, or the id of a lesson of the app."),
                                    QStringLiteral("FILE|ID"));
    const QCommandLineOption lessonStep(QStringLiteral("lesson-step"),
                                        QStringLiteral("With --lesson: start at this step (its id or number)."),
                                        QStringLiteral("STEP"));
    const QCommandLineOption presenter(QStringLiteral("presenter"), QStringLiteral("Start in presenter mode (F11)."));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QStringLiteral("Show workspace ID (network, backprop, lab, convolution, cnn, "
                                                      "residual, perceptron, functions)."),
                                       QStringLiteral("ID"));
    parser.addOptions({screenshot, epochs, language, backprop, graphSteps, sample, batch, lesson, lessonStep, presenter,
                       workspace});
    parser.process(app);

    auto wholeOption = [&](const QCommandLineOption& option, long low, long high, long& value) {
        bool ok = false;
        value = parser.value(option).toLong(&ok);
        if (ok && value >= low && value <= high) return true;
        std::fprintf(stderr, "neuralscope: --%s: expected a whole number from %ld to %ld, found \"%s\"\n",
                     qPrintable(option.names().constFirst()), low, high, qPrintable(parser.value(option)));
        return false;
    };
    long backpropValues = 0, graphNodes = 0, sampleNumber = 1, batchSize = 1;
    if (parser.isSet(backprop) && !wholeOption(backprop, 0, 1000000, backpropValues)) return 2;
    if (parser.isSet(graphSteps) && !wholeOption(graphSteps, 0, 100000, graphNodes)) return 2;
    if (!wholeOption(sample, 1, 1000, sampleNumber)) return 2;
    if (!wholeOption(batch, 1, ns::SessionModel::kMaxStepBatch, batchSize)) return 2;

    bool epochsOk = false;
    const long epochCount = parser.value(epochs).toLong(&epochsOk);
    if (!epochsOk || epochCount < 0 || epochCount > ns::limits::kMaxEpochs) {
        std::fprintf(stderr, "neuralscope: --epochs: expected a whole number from 0 to %ld, found \"%s\"\n",
                     ns::limits::kMaxEpochs, qPrintable(parser.value(epochs)));
        return 2;
    }
    const QString lang = parser.isSet(language) ? parser.value(language) : ns::LanguageSwitcher::saved();
    if (lang != QLatin1String("system") && lang != QLatin1String("en") && lang != QLatin1String("zh_CN")) {
        std::fprintf(stderr, "neuralscope: --lang: expected system, en or zh_CN, found \"%s\"\n",
                     qPrintable(lang));
        return 2;
    }

    ns::LanguageSwitcher languages;
    languages.apply(lang);
    ns::SessionModel model;
    ns::MainWindow window(&model, &languages);
    ns::LessonMode lessons(&window, &model, &languages);
    // The layout and the last workspace of the previous run (never for the docs' pictures,
    // which must not depend on who ran the app before).
    QSettings settings;
    if (!parser.isSet(screenshot)) window.restoreSettings(&settings);
    window.show();
    model.setSelectedSample(static_cast<int>(sampleNumber) - 1);
    // Lessons: the one named, else (unless the command line asks for a view of its own) the
    // lesson the student was in, or the first.
    if (!lessons.start(parser.value(lesson), parser.value(lessonStep),
                       parser.isSet(lesson) || !(parser.isSet(epochs) || parser.isSet(backprop)))) {
        std::fprintf(stderr, "neuralscope: %s\n", qPrintable(lessons.error()));
        return 2;
    }
    if (parser.isSet(screenshot) && parser.isSet(lesson)) {  // the docs' pictures
        window.resize(1920, 1080);
        lessons.fitDocks();
    }
    if (parser.isSet(workspace) && !window.shell()->activate(parser.value(workspace))) {
        QStringList ids;
        for (const ns::Workspace* w : window.shell()->workspaces()) ids << w->id();
        std::fprintf(stderr, "neuralscope: --workspace: expected one of %s, found \"%s\"\n",
                     qPrintable(ids.join(QStringLiteral(", "))), qPrintable(parser.value(workspace)));
        return 2;
    }
    if (parser.isSet(presenter)) lessons.setPresenter(true, parser.isSet(screenshot));
    // The stepper starts from the weights after --epochs of training.
    auto openStepper = [&] {
        if (!parser.isSet(backprop)) return;
        model.setBackpropMode(true);
        model.setStepBatchSize(static_cast<int>(batchSize));
        for (long i = 0; i < backpropValues; ++i) model.stepForward();
        if (parser.isSet(graphSteps)) {
            for (long i = 0; i < graphNodes; ++i) model.graphForward();
            window.stepperTabs()->setCurrentIndex(1);
        }
    };

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QObject::connect(&model, &ns::SessionModel::batchFinished, &window, [&] {
            openStepper();
            // Let the model's batched notification reach the views, and the lesson text its
            // second layout pass (fitted heights follow the final widths), then grab.
            QTimer::singleShot(parser.isSet(lesson) || !(parser.isSet(epochs) || parser.isSet(backprop)) ? 300 : 0, &window, [&] {
                window.refreshNow();
                const bool saved = window.grab().save(path, "PNG");
                if (!saved)
                    std::fprintf(stderr, "neuralscope: --screenshot: could not write \"%s\"\n",
                                 qPrintable(path));
                QApplication::exit(saved ? 0 : 1);
            });
        });
        model.trainEpochs(epochCount);
    } else if (epochCount > 0) {
        QObject::connect(&model, &ns::SessionModel::batchFinished, &window, openStepper);
        model.trainEpochs(epochCount);
    } else {
        openStepper();
    }
    return QApplication::exec();
}
