// Bad input to neuralscope-cli (README, "Command line"): exit status 2, nothing on stdout, and ONE
// line on stderr that names the field, what was expected and what was found. Every case starts
// from a document the CLI accepts (checked first) and breaks one thing in it.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#ifndef NEURALSCOPE_CLI
#error "NEURALSCOPE_CLI must be the path of the neuralscope-cli binary"
#endif

namespace {

struct Result {
    int exitCode = -1;
    bool crashed = true;
    QByteArray out, err;
};

Result runCli(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(NEURALSCOPE_CLI), arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = "could not start " NEURALSCOPE_CLI;
        return result;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitCode();
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonArray numbers(std::initializer_list<double> values) {
    QJsonArray a;
    for (double v : values) a.append(v);
    return a;
}

// A 3-4-2 relu/sigmoid network, bce, three samples: valid in every field.
QJsonObject validDocument() {
    QJsonObject d;
    d["sizes"] = QJsonArray{3, 4, 2};
    d["activations"] = QJsonArray{"relu", "sigmoid"};
    d["loss"] = "bce";
    d["weights"] = QJsonArray{
        QJsonArray{numbers({0.1, 0.2, 0.3}), numbers({0.4, -0.5, 0.6}), numbers({0.7, 0.8, -0.9}),
                   numbers({1.0, 1.1, 1.2})},
        QJsonArray{numbers({0.1, 0.2, 0.3, 0.4}), numbers({-0.5, 0.6, 0.7, 0.8})},
    };
    d["biases"] = QJsonArray{numbers({0.0, 0.1, 0.2, 0.3}), numbers({0.5, -0.5})};
    d["inputs"] = QJsonArray{numbers({1, 2, 3}), numbers({0, -1, 0.5}), numbers({-2, 0.25, 1})};
    d["targets"] = QJsonArray{numbers({1, 0}), numbers({0, 1}), numbers({1, 1})};
    return d;
}

QByteArray compact(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
QByteArray validDocumentBytes() { return compact(validDocument()); }

// What a bad-input case should print: fragments that must all appear in the one stderr line.
struct Expectation {
    QString field, expected, found;
};

}  // namespace

class TestCliErrors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void validDocumentIsAccepted();
    void badInput_data();
    void badInput();

private:
    QString write(const QString& name, const QByteArray& content);
    QTemporaryDir dir_;
};

void TestCliErrors::initTestCase() {
    QVERIFY2(dir_.isValid(), "cannot create a temporary directory");
    QVERIFY2(QFile::exists(QStringLiteral(NEURALSCOPE_CLI)), "the neuralscope-cli binary is missing");
}

QString TestCliErrors::write(const QString& name, const QByteArray& content) {
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) return {};
    return path;
}

// The control: without it, a case below could pass because the base document was already bad.
void TestCliErrors::validDocumentIsAccepted() {
    const QString path = write("valid.json", compact(validDocument()));
    const Result r = runCli({"trace", path});
    QVERIFY2(!r.crashed && r.exitCode == 0,
             qPrintable(QStringLiteral("valid document: exit %1, stderr \"%2\"").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(r.err.isEmpty(), qPrintable("valid document: stderr \"" + QString::fromUtf8(r.err) + "\""));
    QJsonParseError error;
    const QJsonDocument out = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError && out.isObject(),
             qPrintable("valid document: stdout is not a JSON object: " + error.errorString()));
    QVERIFY2(out.object().value("loss").isDouble(), "valid document: no numeric \"loss\" in the output");
    QVERIFY2(out.object().value("layers").toArray().size() == 2, "valid document: expected 2 layers in the output");
}

void TestCliErrors::badInput_data() {
    QTest::addColumn<QStringList>("arguments");  // FILE is replaced by the written file's path
    QTest::addColumn<QByteArray>("content");     // the file to write, if any
    QTest::addColumn<QStringList>("mentions");   // FILE is replaced by the path, DIR by the directory

    auto traceCase = [](const char* name, const QByteArray& content, const QStringList& mentions) {
        QTest::newRow(name) << QStringList{"trace", "FILE"} << content << mentions;
    };
    auto modified = [](auto change) {
        QJsonObject d = validDocument();
        change(d);
        return compact(d);
    };

    QTest::newRow("unreadable file (it does not exist)")
        << QStringList{"trace", "DIR/does-not-exist.json"} << QByteArray()
        << QStringList{"DIR/does-not-exist.json", "expected", "No such file or directory"};
    QTest::newRow("unreadable file (a directory)")
        << QStringList{"trace", "DIR"} << QByteArray() << QStringList{"DIR", "expected", "directory"};

    // Line 3 is ` "activations": ["relu" "sigmoid"]}`: the second string starts at column 25 and
    // its last character, where the parser stops, is column 33; a ',' or ']' was expected.
    traceCase("malformed JSON (missing comma)",
              "{\"sizes\": [3, 4, 2],\n \"loss\": \"bce\",\n \"activations\": [\"relu\" \"sigmoid\"]}",
              {"FILE", "malformed JSON", "line 3, column 33", "expected ']'", "string literal"});
    traceCase("malformed JSON (empty file)", "", {"FILE", "malformed JSON", "line 1, column 1", "expected"});
    traceCase("malformed JSON (number out of range)",
              modified([](QJsonObject& d) { d["loss"] = QJsonValue("LOSS"); }).replace("\"LOSS\"", "1e999"),
              {"FILE", "1e999", "expected"});

    traceCase("wrong shape of weights[1] (3 rows, not 2)", modified([](QJsonObject& d) {
                  QJsonArray w = d["weights"].toArray();
                  w[1] = QJsonArray{numbers({1, 2, 3, 4}), numbers({1, 2, 3, 4}), numbers({1, 2, 3, 4})};
                  d["weights"] = w;
              }),
              {"FILE", "weights[1]", "expected a list of 2 rows of 4 numbers", "found a list of 3"});
    traceCase("wrong shape of weights[1] (rows of 3, not 4)", modified([](QJsonObject& d) {
                  QJsonArray w = d["weights"].toArray();
                  w[1] = QJsonArray{numbers({1, 2, 3}), numbers({1, 2, 3})};
                  d["weights"] = w;
              }),
              {"FILE", "weights[1][0]", "expected a list of 4 numbers", "found a list of 3"});
    traceCase("unknown activation", modified([](QJsonObject& d) { d["activations"] = QJsonArray{"relu", "relu6"}; }),
              {"FILE", "activations[1]", "expected one of identity, sigmoid", "\"relu6\""});
    traceCase("softmax on a hidden layer",
              modified([](QJsonObject& d) { d["activations"] = QJsonArray{"softmax", "sigmoid"}; }),
              {"FILE", "activations[0]", "softmax only on the output layer", "\"softmax\""});
    traceCase("unknown loss", modified([](QJsonObject& d) { d["loss"] = "hinge"; }),
              {"FILE", "loss", "expected one of mse, mae, huber, bce, ce", "\"hinge\""});
    traceCase("size over the documented limit (5000 > 4096 units)",
              modified([](QJsonObject& d) { d["sizes"] = QJsonArray{3, 5000, 2}; }),
              {"FILE", "sizes[1]", "expected 1 to 4096 units", "5000"});
    traceCase("sizes over the parameter limit",
              modified([](QJsonObject& d) { d["sizes"] = QJsonArray{4096, 4096, 4096}; }),
              {"FILE", "sizes", "20000000 parameters", "found 33562624"});
    traceCase("targets with the wrong count (2 for 3 inputs)", modified([](QJsonObject& d) {
                  d["targets"] = QJsonArray{numbers({1, 0}), numbers({0, 1})};
              }),
              {"FILE", "targets", "expected 3 targets", "found a list of 2"});
    traceCase("non-number in inputs", modified([](QJsonObject& d) {
                  QJsonArray in = d["inputs"].toArray();
                  in[1] = QJsonArray{0, -1, "x"};
                  d["inputs"] = in;
              }),
              {"FILE", "inputs[1][2]", "expected a number", "\"x\""});
    traceCase("boolean in inputs", modified([](QJsonObject& d) {
                  QJsonArray in = d["inputs"].toArray();
                  in[0] = QJsonArray{true, 2, 3};
                  d["inputs"] = in;
              }),
              {"FILE", "inputs[0][0]", "expected a number", "a boolean"});
    traceCase("missing targets", modified([](QJsonObject& d) { d.remove("targets"); }),
              {"FILE", "targets", "required", "missing"});

    // Ranges: targets in the loss's range, learning rates with one set of bounds and words.
    auto worksheetCase = [](const char* name, const QByteArray& content, const QStringList& extra,
                            const QStringList& mentions) {
        QTest::newRow(name) << (QStringList{"worksheet", "FILE"} + extra) << content << mentions;
    };
    traceCase("bce target above 1", modified([](QJsonObject& d) {
                  d["targets"] = QJsonArray{numbers({2, 0}), numbers({0, 1}), numbers({1, 1})};
              }),
              {"FILE", "targets[0][0]", "expected a number from 0 to 1 for bce", "2"});
    traceCase("bce target below 0", modified([](QJsonObject& d) {
                  d["targets"] = QJsonArray{numbers({1, 0}), numbers({0, -3}), numbers({1, 1})};
              }),
              {"FILE", "targets[1][1]", "expected a number from 0 to 1 for bce", "-3"});
    traceCase("ce target that is not one-hot (a class number)", modified([](QJsonObject& d) {
                  d["loss"] = "ce";
                  d["activations"] = QJsonArray{"relu", "softmax"};
                  d["targets"] = QJsonArray{numbers({1, 0}), numbers({0, 1}), numbers({5, 0})};
              }),
              {"FILE", "targets[2]", "expected a one-hot row for ce", "[5.0,0.0]"});
    traceCase("finite inputs that overflow", modified([](QJsonObject& d) {
                  QJsonArray in = d["inputs"].toArray();
                  in[0] = numbers({1e308, 1e308, 1e308});
                  d["inputs"] = in;
              }),
              {"FILE", "layers[0].z[0][", "overflowed to inf", "scale the inputs or weights down"});
    worksheetCase("worksheet on finite inputs that overflow", modified([](QJsonObject& d) {
                      QJsonArray in = d["inputs"].toArray();
                      in[0] = numbers({1e308, 1e308, 1e308});
                      d["inputs"] = in;
                  }),
                  {}, {"FILE", "layers[0].z[0][", "overflowed to inf"});
    worksheetCase("worksheet whose update overflows (huge activations, η = 1e6)", modified([](QJsonObject& d) {
                      d["weights"] = QJsonArray{
                          QJsonArray{numbers({5e302, 5e302, 5e302}), numbers({5e302, 5e302, 5e302}),
                                     numbers({5e302, 5e302, 5e302}), numbers({5e302, 5e302, 5e302})},
                          QJsonArray{numbers({1e-310, 1e-310, 1e-310, 1e-310}), numbers({1e-310, 1e-310, 1e-310, 1e-310})},
                      };
                      d["learning_rate"] = 1e6;
                  }),
                  {}, {"FILE", "overflowed to", "in the update", "lower the learning rate"});
    worksheetCase("learning_rate above the bound", modified([](QJsonObject& d) { d["learning_rate"] = 1e7; }), {},
                  {"FILE", "learning_rate", "expected a number from 1e-12 to 1e6", "10000000"});
    worksheetCase("--lr in hex", validDocumentBytes(), {"--lr", "0x10"},
                  {"--lr", "expected a number from 1e-12 to 1e6", "\"0x10\""});
    worksheetCase("--lr below the bound (denormal)", validDocumentBytes(), {"--lr", "1e-320"},
                  {"--lr", "expected a number from 1e-12 to 1e6", "\"1e-320\""});
    worksheetCase("--lr with a leading space", validDocumentBytes(), {"--lr", " 0.1"},
                  {"--lr", "expected a number from 1e-12 to 1e6", "\" 0.1\""});
    QTest::newRow("train --lr above the bound")
        << QStringList{"train", "--preset", "seed-4841", "--lr", "2e6"} << QByteArray()
        << QStringList{"--lr", "expected a number from 1e-12 to 1e6", "\"2e6\""};
    QTest::newRow("train --epochs with a leading space")
        << QStringList{"train", "--preset", "seed-4841", "--epochs", " 5"} << QByteArray()
        << QStringList{"--epochs", "expected a whole number from 1 to", "\" 5\""};

    // The memory a request needs is estimated from its sizes before anything is allocated.
    auto wide = [](int samples) {
        QJsonObject d;
        d["sizes"] = QJsonArray{1, 4096, 1};
        d["activations"] = QJsonArray{"relu", "sigmoid"};
        d["loss"] = "bce";
        QJsonArray w0, w1row, b0, inputs, targets;
        for (int i = 0; i < 4096; ++i) {
            w0.append(QJsonArray{0.01});
            w1row.append(0.01);
            b0.append(0.0);
        }
        for (int i = 0; i < samples; ++i) {
            inputs.append(QJsonArray{0.5});
            targets.append(QJsonArray{1.0});
        }
        d["weights"] = QJsonArray{w0, QJsonArray{w1row}};
        d["biases"] = QJsonArray{b0, QJsonArray{0.0}};
        d["inputs"] = inputs;
        d["targets"] = targets;
        return compact(d);
    };
    traceCase("trace over the memory budget (4096 units, 20000 samples)", wide(20000),
              {"FILE", "inputs", "20000 samples", "would need about", "more than the limit of 2048 MiB"});
    worksheetCase("worksheet over the memory budget (4096 units, 1000 samples)", wide(1000), {},
                  {"FILE", "inputs", "a worksheet of", "1000 samples", "more than the limit of 2048 MiB"});
    {
        QByteArray padded = validDocumentBytes();
        padded.chop(1);  // the closing brace
        padded += ",\"padding\":\"" + QByteArray(65 << 20, 'x') + "\"}";
        traceCase("request file over the size cap (65 MiB)", padded,
                  {"FILE", "expected a JSON request of at most 64 MiB", "found 65 MiB"});
    }

    QTest::newRow("unknown train option")
        << QStringList{"train", "--preset", "seed-4841", "--learning-rate", "0.1"} << QByteArray()
        << QStringList{"--learning-rate", "unknown option", "expected --preset, --epochs"};
    QTest::newRow("bad --epochs (not a number)")
        << QStringList{"train", "--preset", "seed-4841", "--epochs", "abc"} << QByteArray()
        << QStringList{"--epochs", "expected a whole number from 1 to", "\"abc\""};
    QTest::newRow("bad --epochs (zero)")
        << QStringList{"train", "--preset", "seed-4841", "--epochs", "0"} << QByteArray()
        << QStringList{"--epochs", "expected a whole number from 1 to", "\"0\""};
    QTest::newRow("bad --epochs (fraction)")
        << QStringList{"train", "--preset", "seed-4841", "--epochs", "2.5"} << QByteArray()
        << QStringList{"--epochs", "expected a whole number", "\"2.5\""};
    QTest::newRow("bad --epochs (too large)")
        << QStringList{"train", "--preset", "seed-4841", "--epochs", "99999999999999999999"} << QByteArray()
        << QStringList{"--epochs", "expected a whole number from 1 to 10000000", "\"99999999999999999999\""};
    QTest::newRow("bad --epochs (no value)")
        << QStringList{"train", "--preset", "seed-4841", "--epochs"} << QByteArray()
        << QStringList{"--epochs", "expected a value"};
    QTest::newRow("unknown preset")
        << QStringList{"train", "--preset", "seed-9999"} << QByteArray()
        << QStringList{"--preset", "expected seed-4841", "\"seed-9999\""};
}

void TestCliErrors::badInput() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, mentions);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const QString dirPath = QDir(dir_.path()).absolutePath();
    QString file;
    if (arguments.contains("FILE")) {
        file = write(QString(name).replace(QRegularExpression("[^A-Za-z0-9]+"), "_") + ".json", content);
        QVERIFY2(!file.isEmpty(), qPrintable(name + ": cannot write the input file"));
    }
    for (QString& a : arguments) {
        a.replace("FILE", file);
        a.replace("DIR", dirPath);
    }
    const Result r = runCli(arguments);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(!r.crashed, qPrintable(name + ": the CLI crashed; stderr \"" + err + "\""));
    QVERIFY2(r.exitCode == 2,
             qPrintable(QStringLiteral("%1: exit status %2, expected 2; stderr \"%3\"").arg(name).arg(r.exitCode).arg(err)));
    QVERIFY2(r.out.isEmpty(), qPrintable(name + ": printed on stdout: \"" + QString::fromUtf8(r.out) + "\""));
    QVERIFY2(err.endsWith('\n') && err.count('\n') == 1,
             qPrintable(QStringLiteral("%1: expected one line on stderr, found %2: \"%3\"").arg(name).arg(err.count('\n')).arg(err)));
    QVERIFY2(err.startsWith("neuralscope-cli: "), qPrintable(name + ": the message does not start with the program name: \"" + err + "\""));
    for (QString m : mentions) {
        m.replace("FILE", file);
        m.replace("DIR", dirPath);
        QVERIFY2(err.contains(m), qPrintable(name + ": the message \"" + err.trimmed() + "\" does not mention \"" + m + "\""));
    }
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
