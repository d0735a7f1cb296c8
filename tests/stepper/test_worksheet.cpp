// The worksheet export in the core: the CSV holds every given and computed value of the step at
// full precision, the Markdown has an exercise line and a solution for every event, in English
// and Simplified Chinese. (The CLI's output for a fixed net is compared with hand-computed files
// by compare_worksheet.py.)
#include "stepper/backprop_steps.h"
#include "mlp/dataset.h"
#include "stepper/worksheet.h"

#include <QStringList>
#include <QTest>

#include <cstdlib>

using namespace ns;

namespace {

BackpropSteps textbookStep(int m) {
    const Dataset data = makeSumSignDataset(10, 4, 42);
    const Mlp net = Mlp::initialized({4, 8, 4, 1},
                                     {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                                     Initialization::He, 43);
    return BackpropSteps::build(net, data.X.topRows(m), data.Y.topRows(m), Loss::Bce, 0.01);
}

}  // namespace

class TestWorksheet : public QObject {
    Q_OBJECT

private slots:
    void csvHoldsEveryValueAtFullPrecision() {
        for (int m : {1, 2}) {
            const BackpropSteps steps = textbookStep(m);
            const QStringList lines =
                QString::fromStdString(worksheetCsv(steps)).split('\n', Qt::SkipEmptyParts);
            QCOMPARE(lines.front(), QStringLiteral("step,phase,quantity,symbol,layer,unit,input,sample,value"));
            // given: x (m × 4), y (m × 1), 81 parameters, η; computed: z, a, δ, ℓ per sample,
            // the rest once, plus L for a batch.
            long perSample = 0, batch = 0;
            for (const StepEvent& e : steps.events()) (e.samples.empty() ? batch : perSample) += 1;
            const long expectedRows = m * 4 + m + 81 + 1 + perSample * m + batch + (m > 1 ? 1 : 0);
            QCOMPARE(lines.size() - 1, expectedRows);
            int checked = 0;
            for (const QString& line : lines.mid(1)) {
                const QString step = line.section(',', 0, 0);
                const QString value = line.section(',', -1);
                const QString sample = line.section(',', -2, -2);
                if (step == QLatin1String("0")) continue;
                const StepEvent& e = steps.events()[static_cast<std::size_t>(step.toInt() - 1)];
                const double expected =
                    sample.isEmpty() ? e.value : e.samples[static_cast<std::size_t>(sample.toInt() - 1)];
                // %.17g reads back as the same double.
                QCOMPARE(std::strtod(value.toLatin1().constData(), nullptr), expected);
                ++checked;
            }
            QCOMPARE(checked, static_cast<int>(perSample * m + batch + (m > 1 ? 1 : 0)));
        }
    }

    void markdownHasAnExerciseAndASolutionForEveryEvent() {
        const BackpropSteps steps = textbookStep(2);
        const std::string md = worksheetMarkdown(steps, WorksheetLanguage::English);
        const QString text = QString::fromStdString(md);
        QCOMPARE(text.count(QStringLiteral("=$ \\_\\_\\_\\_\\_\\_\\_\\_")), static_cast<int>(steps.size()));
        for (const StepEvent& e : steps.events()) {
            const std::string symbolic = "$" + e.latex.symbolic;
            const auto first = md.find(symbolic);
            QVERIFY2(first != std::string::npos, e.latex.symbolic.c_str());
            QVERIFY(md.find(symbolic, first + 1) != std::string::npos);  // exercise and solution
            for (const std::string& line : e.latex.substituted)
                QVERIFY2(md.find("$" + line + "$") != std::string::npos, line.c_str());
        }
        QVERIFY(text.contains(QStringLiteral("Inputs (one sample per row): $X = \\begin{pmatrix}")));
        QVERIFY(text.contains(QStringLiteral("sample 2: $= ")));
        QVERIFY(text.contains(QStringLiteral("Batch: 2 samples (gradients are batch means)")));
        QVERIFY(text.indexOf(QStringLiteral("## Exercise")) < text.indexOf(QStringLiteral("## Solution")));
    }

    void chineseWorksheet() {
        const BackpropSteps steps = textbookStep(1);
        const QString text =
            QString::fromStdString(worksheetMarkdown(steps, WorksheetLanguage::SimplifiedChinese));
        QVERIFY(text.startsWith(QStringLiteral("# 练习：4-8-4-1 网络的一步训练")));
        for (const char* heading : {"## 已知", "## 练习", "## 答案", "### 前向传播，第 3 层", "### 损失",
                                    "### 反向传播：第 2 层的 $\\delta^{(2)}$",
                                    "### 反向传播：第 1 层的梯度", "### 参数更新，第 3 层"})
            QVERIFY2(text.contains(QString::fromUtf8(heading)), heading);
        QVERIFY(!text.contains(QStringLiteral("Forward pass")));
    }
};

QTEST_APPLESS_MAIN(TestWorksheet)
#include "test_worksheet.moc"
