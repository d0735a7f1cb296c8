// `neuralscope-cli train --preset seed-4841` (README, "Command line"): the textbook's experiment
// from the command line. With --csv it prints a header `epoch,loss,accuracy`, one row per epoch
// and a last line `seconds=… loss=… acc=…`; without it only that last line.
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

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
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = "did not start or did not finish";
        return result;
    }
    result.exitCode = process.exitCode();
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

const QRegularExpression kSummary(
    QStringLiteral("^seconds=(\\d+\\.\\d+) loss=(\\d+\\.\\d+) acc=(\\d+\\.\\d+)$"));

struct Row {
    long epoch;
    double loss, accuracy;
};

// Splits a --csv run into its rows, or says what is wrong with the output.
QString parseCsv(const QByteArray& out, long epochs, std::vector<Row>& rows, double& summaryLoss,
                 double& summaryAccuracy) {
    if (!out.endsWith('\n')) return QStringLiteral("the output does not end with a newline");
    const QStringList lines = QString::fromUtf8(out).chopped(1).split('\n');
    if (lines.size() != epochs + 2)
        return QStringLiteral("%1 lines, expected %2 (header, %3 rows, summary)")
            .arg(lines.size())
            .arg(epochs + 2)
            .arg(epochs);
    if (lines.front() != QLatin1String("epoch,loss,accuracy"))
        return QStringLiteral("header \"%1\", expected \"epoch,loss,accuracy\"").arg(lines.front());
    for (long e = 1; e <= epochs; ++e) {
        const QStringList fields = lines[e].split(',');
        bool ok[3] = {false, false, false};
        if (fields.size() == 3)
            rows.push_back({fields[0].toLong(&ok[0]), fields[1].toDouble(&ok[1]), fields[2].toDouble(&ok[2])});
        if (fields.size() != 3 || !ok[0] || !ok[1] || !ok[2])
            return QStringLiteral("row %1 \"%2\" is not epoch,loss,accuracy").arg(e).arg(lines[e]);
    }
    const QRegularExpressionMatch m = kSummary.match(lines.back());
    if (!m.hasMatch())
        return QStringLiteral("last line \"%1\" is not seconds=… loss=… acc=…").arg(lines.back());
    summaryLoss = m.captured(2).toDouble();
    summaryAccuracy = m.captured(3).toDouble();
    return {};
}

}  // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

private slots:
    void csvHasHeaderRowsAndSummary();
    void summaryOnlyWithoutCsv();
    void summaryIsTheTrainedNetwork();
    void twoThreadsPrintTheSameRows();
};

void TestCliTrain::csvHasHeaderRowsAndSummary() {
    const Result r = runCli({"train", "--preset", "seed-4841", "--epochs", "50", "--csv"});
    QVERIFY2(!r.crashed && r.exitCode == 0,
             qPrintable(QStringLiteral("train --epochs 50 --csv: exit %1, stderr \"%2\"").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(r.err.isEmpty(), qPrintable("train --epochs 50 --csv: stderr \"" + QString::fromUtf8(r.err) + "\""));
    std::vector<Row> rows;
    double loss = 0, acc = 0;
    const QString problem = parseCsv(r.out, 50, rows, loss, acc);
    QVERIFY2(problem.isEmpty(), qPrintable("train --epochs 50 --csv: " + problem));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        QVERIFY2(row.epoch == static_cast<long>(i) + 1,
                 qPrintable(QStringLiteral("train --csv row %1: epoch %2").arg(i + 1).arg(row.epoch)));
        QVERIFY2(std::isfinite(row.loss) && row.loss > 0 && row.accuracy >= 0 && row.accuracy <= 1,
                 qPrintable(QStringLiteral("train --csv row %1: loss %2, accuracy %3").arg(i + 1).arg(row.loss).arg(row.accuracy)));
        if (i > 0)
            QVERIFY2(row.loss <= rows[i - 1].loss,
                     qPrintable(QStringLiteral("train --csv: loss rose from %1 to %2 at epoch %3")
                                    .arg(rows[i - 1].loss)
                                    .arg(row.loss)
                                    .arg(i + 1)));
    }
    QVERIFY2(loss < rows.front().loss && acc >= 0 && acc <= 1,
             qPrintable(QStringLiteral("train --csv summary: loss %1 (first epoch %2), acc %3").arg(loss).arg(rows.front().loss).arg(acc)));
}

void TestCliTrain::summaryOnlyWithoutCsv() {
    const Result r = runCli({"train", "--preset", "seed-4841", "--epochs", "5"});
    QVERIFY2(!r.crashed && r.exitCode == 0 && r.err.isEmpty(),
             qPrintable(QStringLiteral("train --epochs 5: exit %1, stderr \"%2\"").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.endsWith('\n') && out.count('\n') == 1 && kSummary.match(out.trimmed()).hasMatch(),
             qPrintable("train --epochs 5 without --csv: expected only the summary line, found \"" + out + "\""));
}

// The summary reports the network after the last update: its loss is what the next epoch starts
// from, i.e. row 31 of a 31-epoch run when 30 epochs were trained.
void TestCliTrain::summaryIsTheTrainedNetwork() {
    const Result r30 = runCli({"train", "--preset", "seed-4841", "--epochs", "30", "--csv"});
    const Result r31 = runCli({"train", "--preset", "seed-4841", "--epochs", "31", "--csv"});
    std::vector<Row> rows30, rows31;
    double loss30 = 0, acc30 = 0, loss31 = 0, acc31 = 0;
    QString problem = parseCsv(r30.out, 30, rows30, loss30, acc30);
    QVERIFY2(r30.exitCode == 0 && problem.isEmpty(), qPrintable("train --epochs 30 --csv: " + problem));
    problem = parseCsv(r31.out, 31, rows31, loss31, acc31);
    QVERIFY2(r31.exitCode == 0 && problem.isEmpty(), qPrintable("train --epochs 31 --csv: " + problem));
    // The rows print 6 significant digits, the summary 6 decimals and 4 for the accuracy.
    QVERIFY2(std::abs(loss30 - rows31.back().loss) <= 2e-6,
             qPrintable(QStringLiteral("after 30 epochs the summary says loss=%1 but epoch 31 starts from %2")
                            .arg(loss30, 0, 'f', 6)
                            .arg(rows31.back().loss, 0, 'g', 6)));
    QVERIFY2(std::abs(acc30 - rows31.back().accuracy) <= 1e-4,
             qPrintable(QStringLiteral("after 30 epochs the summary says acc=%1 but epoch 31 starts from %2")
                            .arg(acc30, 0, 'f', 4)
                            .arg(rows31.back().accuracy)));
    for (std::size_t i = 0; i < rows30.size(); ++i)
        QVERIFY2(rows30[i].loss == rows31[i].loss && rows30[i].accuracy == rows31[i].accuracy,
                 qPrintable(QStringLiteral("epoch %1 differs between a 30- and a 31-epoch run").arg(i + 1)));
}

// 1000 samples are four 256-row chunks: the rows are the same whatever the thread count.
void TestCliTrain::twoThreadsPrintTheSameRows() {
    const Result one = runCli({"train", "--preset", "seed-4841", "--epochs", "40", "--csv", "--threads", "1"});
    const Result two = runCli({"train", "--preset", "seed-4841", "--epochs", "40", "--csv", "--threads", "2"});
    QVERIFY2(one.exitCode == 0 && two.exitCode == 0,
             qPrintable(QStringLiteral("train --threads 1/2: exit %1 and %2").arg(one.exitCode).arg(two.exitCode)));
    auto withoutSeconds = [](const QByteArray& out) {
        QString text = QString::fromUtf8(out);
        return text.replace(QRegularExpression(QStringLiteral("seconds=\\S+ ")), QString());
    };
    const QString a = withoutSeconds(one.out), b = withoutSeconds(two.out);
    QVERIFY2(!a.isEmpty() && a == b,
             qPrintable("train --csv prints different rows at 1 and 2 threads:\n" + a.right(200) + "\nvs\n" + b.right(200)));
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
