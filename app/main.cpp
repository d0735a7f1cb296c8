// neuralscope: the desktop app. See README for the command line.
#include "language.h"
#include "main_window.h"
#include "session_model.h"
#include "size_limits.h"
#include "theme.h"
#include "training_curve.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NeuralScope"));
    QApplication::setApplicationName(QStringLiteral("NeuralScope"));
    QApplication::setApplicationVersion(QStringLiteral("0.1"));
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
    parser.addOptions({screenshot, epochs, language});
    parser.process(app);

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
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QObject::connect(&model, &ns::SessionModel::batchFinished, &window, [&] {
            // Let the model's batched notification reach the views, then grab.
            QTimer::singleShot(0, &window, [&] {
                window.refreshNow();
                const bool saved = window.grab().save(path, "PNG");
                if (!saved)
                    std::fprintf(stderr, "neuralscope: --screenshot: could not write \"%s\"\n",
                                 qPrintable(path));
                QApplication::exit(saved ? 0 : 1);
            });
        });
        model.trainEpochs(epochCount);
    }
    return QApplication::exec();
}
