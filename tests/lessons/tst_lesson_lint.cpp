// `neuralscope-cli lint` as a teacher uses it: every deliberately broken file in broken/ (and
// the folder broken-set/) gives exactly the messages in its .expected file and exit status 1;
// the complete example of FORMAT.md lints clean; formulas are typeset by MathJax into SVG that
// QtSvg can draw; usage errors exit 2.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int status = -1;
    QString out;
    QString err;
};

Run lint(const QStringList& args, const QString& directory, const QProcessEnvironment& environment =
                                                                    QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(NEURALSCOPE_CLI), QStringList{QStringLiteral("lint")} + args);
    Run run;
    if (!process.waitForFinished(120000)) return run;
    run.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QString kTests = QStringLiteral(NEURALSCOPE_SOURCE_DIR "/tests/lessons");

// The complete example of FORMAT.md, written to dir as sigmoid-slope.md.
QString writeFormatExample(const QString& dir) {
    const QString format = readText(QStringLiteral(NEURALSCOPE_SOURCE_DIR "/lessons/FORMAT.md"));
    const QString begin = QStringLiteral("<!-- example:begin -->\n````markdown\n");
    const qsizetype start = format.indexOf(begin);
    const qsizetype end = format.indexOf(QStringLiteral("````\n<!-- example:end -->"));
    if (start < 0 || end < 0) return {};
    const QString path = dir + QStringLiteral("/sigmoid-slope.md");
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) return {};
    out.write(format.mid(start + begin.size(), end - start - begin.size()).toUtf8());
    return path;
}

}  // namespace

class TestLessonLint : public QObject {
    Q_OBJECT

private slots:
    void brokenFilesGiveTheExpectedMessages_data() {
        QTest::addColumn<QString>("file");
        const QDir broken(kTests + QStringLiteral("/broken"));
        const QStringList files = broken.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 15);
        for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
    }
    void brokenFilesGiveTheExpectedMessages() {
        QFETCH(QString, file);
        const QString dir = kTests + QStringLiteral("/broken");
        const QString expected = readText(dir + QLatin1Char('/') + QFileInfo(file).completeBaseName() +
                                          QStringLiteral(".expected"));
        QVERIFY2(!expected.isEmpty(), "every broken file needs a non-empty .expected file");
        const Run run = lint({file}, dir);
        QCOMPARE(run.out, expected);
        QCOMPARE(run.status, 1);
        QVERIFY(run.err.contains(QStringLiteral("problem")));
    }

    void aFolderIsCheckedAsASet() {
        const Run run = lint({QStringLiteral("broken-set")}, kTests);
        QCOMPARE(run.out, readText(kTests + QStringLiteral("/broken-set.expected")));
        QCOMPARE(run.status, 1);
    }

    void theFormatExampleLintsClean() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeFormatExample(dir.path());
        QVERIFY2(!path.isEmpty(), "FORMAT.md lost its example markers");
        const Run run = lint({QStringLiteral("--require-mathjax"), path}, dir.path());
        QCOMPARE(run.out, QString());
        QCOMPARE(run.status, 0);
        QVERIFY2(run.err.contains(QStringLiteral("1 lesson,")) && run.err.contains(QStringLiteral("typeset by MathJax")) &&
                     run.err.contains(QStringLiteral("no problems")),
                 qPrintable(run.err));
    }

    void formulasBecomeSvgThatQtSvgCanDraw() {
        QTemporaryDir dir;
        const QString path = writeFormatExample(dir.path());
        const QString json = dir.filePath(QStringLiteral("formulas.json"));
        const Run run = lint({QStringLiteral("--formulas-out"), json, path}, dir.path());
        QCOMPARE(run.status, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        const QJsonArray formulas = root.value(QStringLiteral("formulas")).toArray();
        QVERIFY(formulas.size() >= 12);  // distinct formulas of the example (duplicates typeset once)
        bool display = false, inline_ = false;
        for (const QJsonValue& value : formulas) {
            const QJsonObject f = value.toObject();
            const QString svg = f.value(QStringLiteral("svg")).toString();
            QVERIFY(svg.startsWith(QStringLiteral("<svg")));
            QCOMPARE(svg.count(QStringLiteral("<svg")), 1);  // QtSvg ignores nested <svg>
            QVERIFY(!svg.contains(QStringLiteral("merror")));
            QVERIFY(!svg.contains(QStringLiteral("ex\"")));  // sizes are plain numbers
            QVERIFY(f.value(QStringLiteral("width")).toDouble() > 0);
            QVERIFY(f.value(QStringLiteral("ascent")).toDouble() > 0);
            QVERIFY(f.value(QStringLiteral("descent")).toDouble() >= 0);
            (f.value(QStringLiteral("display")).toBool() ? display : inline_) = true;
        }
        QVERIFY(display && inline_);
    }

    void nestedSvgIsFlattened() {
        // A stretchy arrow is built from pieces MathJax places with nested <svg> elements.
        QTemporaryDir dir;
        QFile lesson(dir.filePath(QStringLiteral("arrows.md")));
        QVERIFY(lesson.open(QIODevice::WriteOnly));
        lesson.write("---\nid: arrows\ntitle: {en: A, zh: A}\nchapter: 1\norder: 1\nminutes: 1\n---\n"
                     "# step: a\n::: en\n$x \\xrightarrow{\\text{forward}} \\hat y$ and $\\overbrace{a+b}^{n}$\n:::\n"
                     "::: zh\n$\\text{中文}$\n:::\n");
        lesson.close();
        const QString json = dir.filePath(QStringLiteral("formulas.json"));
        const Run run = lint({QStringLiteral("--formulas-out"), json, lesson.fileName()}, dir.path());
        QCOMPARE(run.status, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray formulas = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("formulas")).toArray();
        QCOMPARE(formulas.size(), 3);
        for (const QJsonValue& value : formulas) {
            const QString svg = value.toObject().value(QStringLiteral("svg")).toString();
            QCOMPARE(svg.count(QStringLiteral("<svg")), 1);
        }
        const QString arrow = formulas[0].toObject().value(QStringLiteral("svg")).toString();
        QVERIFY(arrow.contains(QStringLiteral("<g data-")) && arrow.contains(QStringLiteral("scale(")));
        const QString chinese = formulas[2].toObject().value(QStringLiteral("svg")).toString();
        QVERIFY(chinese.contains(QStringLiteral("font-family=\"Noto Sans CJK SC\"")));
    }

    void withoutMathJaxOnlyStaticChecksRun() {
        const QString dir = kTests + QStringLiteral("/broken");
        const Run run = lint({QStringLiteral("--no-mathjax"), QStringLiteral("formulas.md")}, dir);
        QCOMPARE(run.status, 1);
        QVERIFY(run.out.contains(QStringLiteral("did you mean \\boldsymbol?")));  // static
        QVERIFY(!run.out.contains(QStringLiteral("Undefined control sequence")));  // needs MathJax
        QVERIFY(run.err.contains(QStringLiteral("checked without MathJax")));

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NEURALSCOPE_MATHJAX_DIR"), QStringLiteral("/nonexistent"));
        const Run required = lint({QStringLiteral("--require-mathjax"), QStringLiteral("formulas.md")}, dir, environment);
        QCOMPARE(required.status, 1);
        QVERIFY(required.out.contains(QStringLiteral("mathjax: expected MathJax to typeset the formulas, found that "
                                                     "MathJax is not installed in /nonexistent")));
    }

    void usageAndMissingFiles() {
        const Run none = lint({}, kTests);
        QCOMPARE(none.status, 2);
        QVERIFY(none.err.contains(QStringLiteral("expected one or more lesson files or folders")));
        const Run option = lint({QStringLiteral("--fast"), QStringLiteral("x.md")}, kTests);
        QCOMPARE(option.status, 2);
        QVERIFY(option.err.contains(QStringLiteral("--fast: unknown option for lint")));
        const Run value = lint({QStringLiteral("--mathjax")}, kTests);
        QCOMPARE(value.status, 2);
        const Run missing = lint({QStringLiteral("no-such-lesson.md")}, kTests);
        QCOMPARE(missing.status, 1);
        QCOMPARE(missing.out, QStringLiteral("no-such-lesson.md: expected a lesson file or a folder of lessons, "
                                             "found nothing at this path\n"));
    }
};

QTEST_GUILESS_MAIN(TestLessonLint)
#include "tst_lesson_lint.moc"
