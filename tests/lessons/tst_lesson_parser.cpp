// The lesson format as the app reads it: the complete example of lessons/FORMAT.md parsed into
// the model, quiz grading, formula scanning with exact positions, did-you-mean suggestions, and
// malformed input that must come back as diagnostics, never as a crash or an exception.
#include "stepper/backprop_steps.h"
#include "lessons/field_workspaces.h"
#include "lessons/lesson_parser.h"
#include "lessons/math_scan.h"
#include "lessons/text_util.h"

#include <QFile>
#include <QtTest>

#include <string>

using namespace ns;
using namespace ns::lessons;

namespace {

std::string formatExample() {
    QFile file(QStringLiteral(NEURALSCOPE_SOURCE_DIR "/lessons/FORMAT.md"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    const std::string text = file.readAll().toStdString();
    const auto begin = text.find("<!-- example:begin -->\n````markdown\n");
    const auto end = text.find("````\n<!-- example:end -->");
    if (begin == std::string::npos || end == std::string::npos) return {};
    const auto start = begin + std::string("<!-- example:begin -->\n````markdown\n").size();
    return text.substr(start, end - start);
}

std::string messages(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

}  // namespace

class TestLessonParser : public QObject {
    Q_OBJECT

private slots:
    void parsesTheFormatExampleIntoTheModel() {
        const std::string text = formatExample();
        QVERIFY2(!text.empty(), "FORMAT.md lost its example markers");
        const LessonParse parsed = parseLesson(text, "lessons/ch01/sigmoid-slope.md");
        QVERIFY2(parsed.lesson.has_value(), messages(parsed.diagnostics).c_str());
        const Lesson& lesson = *parsed.lesson;
        QCOMPARE(lesson.id, std::string("sigmoid-slope"));
        QCOMPARE(lesson.title.en, std::string("How steep is the sigmoid?"));
        QCOMPARE(lesson.title.zh, std::string("Sigmoid 有多陡？"));
        QVERIFY(lesson.summary.has_value());
        QCOMPARE(lesson.chapter, 1);
        QCOMPARE(lesson.order, 20);
        QCOMPARE(lesson.minutes, 15);
        QVERIFY(lesson.prerequisites.empty());
        QCOMPARE(lesson.steps.size(), std::size_t(2));
        QCOMPARE(lesson.quizCount(), 2);
        QCOMPARE(lesson.stepIndex("train"), 1);
        QCOMPARE(lesson.stepIndex("nope"), -1);

        const Step& slope = lesson.steps[0];
        QCOMPARE(slope.id, std::string("slope"));
        QCOMPARE(slope.title(Language::English), std::string("Where is the sigmoid steepest?"));
        QCOMPARE(slope.title(Language::Chinese), std::string("Sigmoid 在哪里最陡？"));
        QVERIFY(slope.prose(Language::Chinese).markdown.find("沿 $z$ 轴拖动探针") != std::string::npos);
        QVERIFY(slope.scene.has_value());
        QCOMPARE(*slope.scene->view, View::Functions);
        QCOMPARE(slope.scene->functions->activations, std::vector<Activation>{Activation::Sigmoid});
        QVERIFY(slope.scene->functions->losses.empty());
        QCOMPARE(*slope.scene->functions->derivative, true);
        QCOMPARE(*slope.scene->functions->probe, 3.0);
        QCOMPARE(slope.scene->locked, std::vector<Control>{Control::FunctionChoice});
        QCOMPARE(slope.scene->highlight.size(), std::size_t(1));
        QCOMPARE(slope.scene->highlight[0].kind, Highlight::Kind::Control);
        QCOMPARE(slope.scene->highlight[0].control, Control::FunctionProbe);
        QCOMPARE(slope.scene->keys, (std::vector<std::string>{"view", "functions", "controls", "highlight"}));
        QVERIFY(slope.check.has_value());
        QCOMPARE(slope.check->conditions.size(), std::size_t(1));
        QCOMPARE(slope.check->conditions[0].kind, Condition::Kind::ProbeAt);
        QCOMPARE(*slope.check->conditions[0].range.atLeast, -0.25);
        QCOMPARE(*slope.check->conditions[0].range.atMost, 0.25);
        QVERIFY(slope.check->conditions[0].range.contains(0.1));
        QVERIFY(!slope.check->conditions[0].range.contains(0.3));
        QCOMPARE(slope.check->hint.en, std::string("The slope is largest where $\\sigma(z) = 0.5$."));
        QVERIFY(slope.quiz->isNumeric());
        QCOMPARE(*slope.quiz->number, 0.25);
        QCOMPARE(slope.quiz->tolerance, 0.001);

        const Step& train = lesson.steps[1];
        QCOMPARE(*train.scene->view, View::Network);
        QCOMPARE(*train.scene->epochs, 0L);
        QCOMPARE(*train.scene->learningRate, 0.5);
        QCOMPARE(*train.scene->speed, 100);
        QCOMPARE(train.scene->highlight[0].kind, Highlight::Kind::Layer);
        QCOMPARE(train.scene->highlight[0].layer, 3);
        QCOMPARE(train.check->conditions[0].kind, Condition::Kind::LossBelow);
        QCOMPARE(train.check->conditions[0].value, 0.2);
        QVERIFY(!train.quiz->isNumeric());
        QCOMPARE(train.quiz->choices.size(), std::size_t(3));
        QCOMPARE(train.quiz->answers, (std::vector<int>{0, 1}));

        // Every formula of prose and YAML text is found, at its place in the file.
        QVERIFY(parsed.formulas.size() >= 20);
        bool foundDisplay = false;
        for (const MathSpan& f : parsed.formulas) {
            QVERIFY(f.position.line > 0 && f.position.column > 0);
            if (f.display && f.tex.rfind("\\sigma(z) = \\frac{1}{1 + e^{-z}}", 0) == 0) foundDisplay = true;
        }
        QVERIFY(foundDisplay);
    }

    // Chapter 3's views: every key lands in the scene and the checks, values as written.
    void readsTheConvolutionCnnAndResidualViews() {
        const std::string text = R"(---
id: ch3
title: {en: Convolution, zh: 卷积}
chapter: 3
order: 1
minutes: 10
---

# step: one
```scene
view: convolution
convolution:
  mode: conv
  input: digit_3
  input_size: 9
  kernel: sobel_x
  kernel_size: 3
  stride: 2
  padding: 1
  dilation: 2
  channels: 3
  cursor: [1, 2]
  playing: false
```
::: en
Text.
:::
::: zh
文字。
:::

```check
convolution:
  dilation: 3
  pool: {kind: avg, size: 3, stride: 1}
convolution_cursor_visited: all
hint: {en: Hint., zh: 提示。}
```

# step: two
```scene
view: cnn
cnn: {dataset: fashion_mnist, learning_rate: 0.02, batch_size: 64, training: true, input: 7, layer: pool2}
```
::: en
Text.
:::
::: zh
文字。
:::

```check
cnn: {layer: relu2}
cnn_step_at_least: 300
cnn_test_accuracy_at_least: 0.7
hint: {en: Hint., zh: 提示。}
```

# step: three
```scene
view: residual
residual: {activation: relu, blocks: 4, training: true}
```
::: en
Text.
:::
::: zh
文字。
:::

```check
residual_step_at_least: 20
hint: {en: Hint., zh: 提示。}
```
)";
        const LessonParse parsed = parseLesson(text, "ch3.md");
        QVERIFY2(parsed.lesson.has_value(), messages(parsed.diagnostics).c_str());
        const Lesson& lesson = *parsed.lesson;
        QCOMPARE(lesson.steps.size(), std::size_t(3));
        const Scene& conv = *lesson.steps[0].scene;
        QCOMPARE(*conv.view, View::Convolution);
        const ConvolutionScene& c = *conv.convolution;
        QCOMPARE(*c.mode, std::string("conv"));
        QCOMPARE(*c.input, std::string("digit_3"));
        QCOMPARE(*c.inputSize, 9);
        QCOMPARE(*c.kernel, std::string("sobel_x"));
        QCOMPARE(*c.kernelSize, 3);
        QCOMPARE(*c.stride, 2);
        QCOMPARE(*c.padding, 1);
        QCOMPARE(*c.dilation, 2);
        QCOMPARE(*c.channels, 3);
        QVERIFY(*c.cursor == std::make_pair(1, 2));
        QCOMPARE(*c.playing, false);
        QVERIFY(!c.pool && !c.layers);
        const std::vector<Condition>& first = lesson.steps[0].check->conditions;
        QCOMPARE(first.size(), std::size_t(2));
        QCOMPARE(first[0].kind, Condition::Kind::ConvolutionState);
        QCOMPARE(*first[0].convolution->dilation, 3);
        QVERIFY(*first[0].convolution->pool == (PoolScene{"avg", 3, 1}));
        QVERIFY(!first[0].convolution->mode);
        QCOMPARE(first[1].kind, Condition::Kind::ConvolutionVisitedAll);
        QCOMPARE(conditionView(first[1]), std::optional<View>(View::Convolution));

        const CnnScene& cnn = *lesson.steps[1].scene->cnn;
        QCOMPARE(*cnn.dataset, std::string("fashion_mnist"));
        QCOMPARE(*cnn.learningRate, 0.02);
        QCOMPARE(*cnn.batchSize, 64L);
        QCOMPARE(*cnn.training, true);
        QCOMPARE(*cnn.input, 7);
        QCOMPARE(*cnn.layer, std::string("pool2"));
        const std::vector<Condition>& second = lesson.steps[1].check->conditions;
        QCOMPARE(second[0].kind, Condition::Kind::CnnLayer);
        QCOMPARE(second[0].name, std::string("relu2"));
        QCOMPARE(second[1].kind, Condition::Kind::CnnStepAtLeast);
        QCOMPARE(second[1].value, 300.0);
        QCOMPARE(second[2].kind, Condition::Kind::CnnTestAccuracyAtLeast);
        QCOMPARE(second[2].value, 0.7);
        QCOMPARE(conditionView(second[2]), std::optional<View>(View::Cnn));

        const ResidualScene& residual = *lesson.steps[2].scene->residual;
        QCOMPARE(*residual.activation, Activation::Relu);
        QCOMPARE(*residual.blocks, 4);
        QCOMPARE(*residual.training, true);
        QCOMPARE(lesson.steps[2].check->conditions[0].kind, Condition::Kind::ResidualStepAtLeast);
    }

    // Workspaces described by field_workspaces.h: a scene sets fields by their kinds, a check
    // compares a field (equal, at least, at most, a range), and both need the workspace's view.
    void readsTheFieldWorkspaces() {
        const std::string text = R"(---
id: rl
title: {en: Grid world, zh: 网格世界}
chapter: 6
order: 1
minutes: 10
---

# step: one
```scene
view: gridworld
gridworld:
  slip: 0.2
  layout: cliff
  sweep: 3
  playing: false
```
::: en
Text.
:::
::: zh
文字。
:::
```check
gridworld_sweep_at_least: 10
gridworld_gamma: {at_least: 0.5, at_most: 0.8}
gridworld_mode: qlearning
gridworld_policy_matches: true
hint: {en: Try it., zh: 试一试。}
```

# step: two
```scene
view: embedding
embedding: {word: king, dimension: 8}
```
::: en
Text.
:::
::: zh
文字。
:::
```check
embedding_epochs_at_least: 20
embedding_word: queen
embedding_dimension: 16
hint: {en: Try it., zh: 试一试。}
```
)";
        const LessonParse parsed = parseLesson(text, "rl.md");
        QVERIFY2(parsed.lesson.has_value(), messages(parsed.diagnostics).c_str());
        const Lesson& lesson = *parsed.lesson;
        const Scene& scene = *lesson.steps[0].scene;
        QCOMPARE(scene.view, std::optional<View>(View::GridWorld));
        const FieldScene& grid = *scene.workspace;
        QCOMPARE(grid.id, std::string("gridworld"));
        QCOMPARE(grid.settings.size(), std::size_t(4));
        QCOMPARE(grid.find("slip")->number, 0.2);
        QCOMPARE(grid.find("layout")->text, std::string("cliff"));
        QCOMPARE(grid.find("sweep")->number, 3.0);
        QCOMPARE(grid.find("playing")->flag, false);
        QVERIFY(!grid.find("gamma"));

        const std::vector<Condition>& first = lesson.steps[0].check->conditions;
        QCOMPARE(first.size(), std::size_t(4));
        for (const Condition& c : first) {
            QCOMPARE(c.kind, Condition::Kind::WorkspaceField);
            QCOMPARE(c.workspace, std::string("gridworld"));
            QCOMPARE(conditionView(c), std::optional<View>(View::GridWorld));
        }
        QCOMPARE(first[0].field, std::string("sweep"));
        QCOMPARE(*first[0].range.atLeast, 10.0);
        QVERIFY(!first[0].range.atMost);
        QCOMPARE(*first[1].range.atLeast, 0.5);
        QCOMPARE(*first[1].range.atMost, 0.8);
        QCOMPARE(first[2].name, std::string("qlearning"));
        QCOMPARE(first[3].field, std::string("policy_matches"));
        QVERIFY(first[3].flag && first[3].name.empty() && !first[3].range.atLeast);

        const FieldScene& words = *lesson.steps[1].scene->workspace;
        QCOMPARE(words.find("word")->text, std::string("king"));
        QCOMPARE(words.find("dimension")->number, 8.0);
        const std::vector<Condition>& second = lesson.steps[1].check->conditions;
        QCOMPARE(second[0].field, std::string("epochs"));
        QCOMPARE(second[1].name, std::string("queen"));
        QCOMPARE(*second[2].range.atLeast, 16.0);  // a whole number: equal, as a one-point range
        QCOMPARE(*second[2].range.atMost, 16.0);
    }

    void windowsLineEndingsAndBomReadTheSame() {
        const std::string text = formatExample();
        std::string crlf = "\xEF\xBB\xBF";
        for (char c : text) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        const LessonParse unix = parseLesson(text, "sigmoid-slope.md");
        const LessonParse windows = parseLesson(crlf, "sigmoid-slope.md");
        QVERIFY2(windows.lesson.has_value(), messages(windows.diagnostics).c_str());
        QCOMPARE(windows.formulas.size(), unix.formulas.size());
        for (std::size_t i = 0; i < unix.formulas.size(); ++i)
            QCOMPARE(windows.formulas[i].position, unix.formulas[i].position);
        QCOMPARE(windows.lesson->steps[0].en.markdown, unix.lesson->steps[0].en.markdown);
    }

    void gradesNumericAnswers_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("grade");
        const int right = static_cast<int>(Grade::Right), wrong = static_cast<int>(Grade::Wrong),
                  invalid = static_cast<int>(Grade::Invalid);
        QTest::newRow("decimal") << "0.25" << right;
        QTest::newRow("within tolerance") << "0.2509" << right;
        QTest::newRow("outside tolerance") << "0.252" << wrong;
        QTest::newRow("fraction") << "1/4" << right;
        QTest::newRow("percent") << "25%" << right;
        QTest::newRow("decimal comma") << "0,25" << right;
        QTest::newRow("full-width digits") << QStringLiteral("０．２５") << right;
        QTest::newRow("spaces") << "  0.25 " << right;
        QTest::newRow("plus sign") << "+0.25" << right;
        QTest::newRow("minus sign") << QStringLiteral("−0.25") << wrong;
        QTest::newRow("words") << "a quarter" << invalid;
        QTest::newRow("empty") << "" << invalid;
        QTest::newRow("division by zero") << "1/0" << invalid;
        QTest::newRow("infinity") << "1e999" << invalid;
    }
    void gradesNumericAnswers() {
        QFETCH(QString, input);
        QFETCH(int, grade);
        Quiz quiz;
        quiz.number = 0.25;
        quiz.tolerance = 0.001;
        QCOMPARE(static_cast<int>(ns::lessons::grade(quiz, input.toStdString())), grade);
    }

    void gradesExactAnswersWithoutTolerance() {
        Quiz quiz;
        quiz.number = 81;
        QCOMPARE(grade(quiz, "81"), Grade::Right);
        QCOMPARE(grade(quiz, "81.0"), Grade::Right);
        QCOMPARE(grade(quiz, "80"), Grade::Wrong);
        QCOMPARE(grade(quiz, "81.001"), Grade::Wrong);
        quiz.number = 0.3;  // typed exactly as the author wrote it, whatever binary rounding does
        QCOMPARE(grade(quiz, "0.3"), Grade::Right);
        QCOMPARE(grade(quiz, std::vector<int>{0}), Grade::Invalid);  // not a multiple-choice quiz
    }

    void gradesChoices() {
        Quiz single;
        single.choices.resize(3);
        single.answers = {1};
        QCOMPARE(grade(single, std::vector<int>{1}), Grade::Right);
        QCOMPARE(grade(single, std::vector<int>{0}), Grade::Wrong);
        QCOMPARE(grade(single, std::vector<int>{}), Grade::Invalid);
        QCOMPARE(grade(single, std::vector<int>{3}), Grade::Invalid);
        QCOMPARE(grade(single, "2"), Grade::Invalid);  // not a numeric quiz

        Quiz several;
        several.choices.resize(4);
        several.answers = {0, 2};
        QCOMPARE(grade(several, std::vector<int>{2, 0}), Grade::Right);
        QCOMPARE(grade(several, std::vector<int>{0, 2, 2}), Grade::Right);
        QCOMPARE(grade(several, std::vector<int>{0}), Grade::Wrong);
        QCOMPARE(grade(several, std::vector<int>{0, 1, 2}), Grade::Wrong);
    }

    void chineseLineBreaksJoinWithoutASpace_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("joined");
        QTest::newRow("between characters") << QStringLiteral("藏起来的\n垃圾邮件") << QStringLiteral("藏起来的垃圾邮件");
        QTest::newRow("punctuation, indented") << QStringLiteral("比如，\n  疾病筛查") << QStringLiteral("比如，疾病筛查");
        QTest::newRow("quotes around") << QStringLiteral("按“播放”\n观察") << QStringLiteral("按“播放”观察");
        QTest::newRow("Latin after") << QStringLiteral("FP 和\nTN。") << QStringLiteral("FP 和\nTN。");
        QTest::newRow("Latin before") << QStringLiteral("the sum\n中文") << QStringLiteral("the sum\n中文");
        QTest::newRow("English only") << QStringLiteral("one line\nand the next") << QStringLiteral("one line\nand the next");
        QTest::newRow("paragraph break") << QStringLiteral("第一段。\n\n第二段") << QStringLiteral("第一段。\n\n第二段");
        QTest::newRow("hard break") << QStringLiteral("第一行  \n第二行") << QStringLiteral("第一行  \n第二行");
        QTest::newRow("list item") << QStringLiteral("说明：\n- 第一项") << QStringLiteral("说明：\n- 第一项");
        QTest::newRow("fenced code") << QStringLiteral("```\n代码\n代码\n```\n正文\n正文")
                                     << QStringLiteral("```\n代码\n代码\n```\n正文正文");
        QTest::newRow("dashes alone") << QStringLiteral("a —\n“b”") << QStringLiteral("a —\n“b”");
    }
    void chineseLineBreaksJoinWithoutASpace() {
        QFETCH(QString, markdown);
        QFETCH(QString, joined);
        QCOMPARE(QString::fromStdString(lessons::joinCjkLineBreaks(markdown.toStdString())), joined);
    }

    void findsBoldThatCannotClose() {
        using lessons::unclosableStrong;
        QCOMPARE(unclosableStrong("按**播放**。然后").size(), std::size_t(0));
        QCOMPARE(unclosableStrong("**按播放。**然后"), std::vector<std::size_t>{std::string("**按播放。").size()});
        QCOMPARE(unclosableStrong("**Play.**Then").size(), std::size_t(1));
        QCOMPARE(unclosableStrong("**Play.** Then").size(), std::size_t(0));  // a space after: closes
        QCOMPARE(unclosableStrong("完成。**下一步**继续").size(), std::size_t(0));  // an opening after 。 is fine
        QCOMPARE(unclosableStrong("`**a。**b` and $a**b$").size(), std::size_t(0));  // code and formulas
        QCOMPARE(unclosableStrong("```\n**a。**b\n```").size(), std::size_t(0));
        QCOMPARE(unclosableStrong("**a。\n\n**b").size(), std::size_t(0));  // unpaired: no guess
    }

    void suggestsTheClosestName() {
        const std::vector<std::string> keys{"view", "learning_rate", "epochs", "sample", "speed"};
        QCOMPARE(closestMatch("learnig_rate", keys), std::string("learning_rate"));
        QCOMPARE(closestMatch("LEARNING-RATE", keys), std::string("learning_rate"));
        QCOMPARE(closestMatch("learn", keys), std::string("learning_rate"));
        QCOMPARE(closestMatch("epoch", keys), std::string("epochs"));
        QCOMPARE(closestMatch("veiw", keys), std::string("view"));  // transposition
        QCOMPARE(closestMatch("dataset", keys), std::string());
        QCOMPARE(closestMatch("", keys), std::string());
        QCOMPARE(listOr({"a", "b", "c"}), std::string("a, b or c"));
        QCOMPARE(quoted("abcdef", 3), std::string("'abc…'"));
        QCOMPARE(quoted("中文字", 2), std::string("'中文…'"));
    }

    void findsFormulasAtTheirPlace() {
        // Line 10 of a file, starting in column 1; columns count characters, not bytes.
        const std::string text = "中文 $x_1$ and `$not$` and \\$5.\n"
                                 "```\n$in a fence$\n```\n"
                                 "$$\n\\sum_i w_i x_i\n$$\n"
                                 "last $a$$b$ line";
        const MathScan scan = scanMath(text, {10, 1});
        QVERIFY2(scan.problems.empty(), scan.problems.empty() ? "" : scan.problems[0].message.c_str());
        QCOMPARE(scan.spans.size(), std::size_t(4));
        QCOMPARE(scan.spans[0].tex, std::string("x_1"));
        QCOMPARE(scan.spans[0].position, (Position{10, 4}));
        QCOMPARE(text.substr(scan.spans[0].begin, scan.spans[0].end - scan.spans[0].begin), std::string("$x_1$"));
        QVERIFY(scan.spans[1].display);
        QCOMPARE(scan.spans[1].tex, std::string("\\sum_i w_i x_i"));
        QCOMPARE(scan.spans[1].position, (Position{14, 1}));
        QCOMPARE(scan.spans[2].tex, std::string("a"));
        QCOMPARE(scan.spans[3].tex, std::string("b"));
        QCOMPARE(scan.spans[3].position, (Position{17, 9}));

        // Text from a YAML value that does not map onto the file: every position is the value's.
        const MathScan inexact = scanMath("one $x$\ntwo $y", {3, 7}, false);
        QCOMPARE(inexact.spans.size(), std::size_t(1));
        QCOMPARE(inexact.spans[0].position, (Position{3, 7}));
        QCOMPARE(inexact.problems.size(), std::size_t(1));
        QCOMPARE(inexact.problems[0].position, (Position{3, 7}));
    }

    void checksFormulasWithoutMathJax() {
        auto problems = [](const std::string& tex) {
            MathSpan span;
            span.tex = tex;
            span.position = {5, 2};
            std::string out;
            for (const MathProblem& p : checkFormula(span)) out += p.message + "\n";
            return out;
        };
        QCOMPARE(problems("\\frac{1}{2}"), std::string());
        QCOMPARE(problems("\\{ a \\}"), std::string());
        QVERIFY(problems("\\frac{1}{2").find("1 '{' not closed") != std::string::npos);
        QVERIFY(problems("a}").find("a '}' with no '{'") != std::string::npos);
        QVERIFY(problems("\\bm{x}").find("did you mean \\boldsymbol?") != std::string::npos);
        QVERIFY(problems("x \\tag{2}").find("\\tag") != std::string::npos);
        QVERIFY(problems("\\newcommand{\\R}{\\mathbb{R}}").find("macro definitions") != std::string::npos);
        QCOMPARE(problems("\\bmatrix"), std::string());  // a longer name is another macro
    }

    void checksUtf8() {
        QVERIFY(!invalidUtf8("plain ASCII, 中文, 𝑥").has_value());
        QCOMPARE(invalidUtf8("ab\xC0\xAF"), std::optional<std::size_t>(2));  // overlong '/'
        QCOMPARE(invalidUtf8("\xED\xA0\x80"), std::optional<std::size_t>(0));  // UTF-16 surrogate
        QCOMPARE(invalidUtf8("x\xE4\xB8"), std::optional<std::size_t>(1));      // cut short
        QCOMPARE(characterCount("中文ab", 6), 2);
        QCOMPARE(characterCount("中文ab", 100), 4);
    }

    void stepperPlacesCountTheCoresEvents_data() {
        QTest::addColumn<std::vector<int>>("sizes");
        QTest::newRow("textbook 4-8-4-1") << std::vector<int>{4, 8, 4, 1};
        QTest::newRow("2-3-1") << std::vector<int>{2, 3, 1};
        QTest::newRow("3-5-2-2") << std::vector<int>{3, 5, 2, 2};
    }
    void stepperPlacesCountTheCoresEvents() {
        QFETCH(std::vector<int>, sizes);
        std::vector<Activation> activations(sizes.size() - 2, Activation::Tanh);
        activations.push_back(Activation::Sigmoid);
        const Mlp network = Mlp::initialized(sizes, activations, Initialization::He, 7);
        const Matrix x = Matrix::Constant(1, sizes.front(), 0.5);
        const Matrix y = Matrix::Constant(1, sizes.back(), 1.0);
        const BackpropSteps steps = BackpropSteps::build(network, x, y, Loss::Bce, 0.1);
        QCOMPARE(stepperValueCount(sizes), static_cast<long>(steps.size()));
        QCOMPARE(stepperValueCount(textbookSizes()), 202L);
    }

    void malformedInputIsReportedNeverThrown_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only dashes") << QByteArray("---\n---\n");
        QTest::newRow("deep nesting") << QByteArray("---\nid: x\ntitle: ") + QByteArray(20000, '[') + "\n---\n";
        QTest::newRow("deep scene") << QByteArray("---\nid: deep\ntitle: {en: a, zh: b}\nchapter: 1\norder: 1\nminutes: 1\n"
                                                  "---\n# step: a\n```scene\nview: ") +
                                           QByteArray(5000, '{') + "\n```\n";
        QTest::newRow("binary") << QByteArray("---\n\x01\x02\x03\xff\n---\n", 12);
        QTest::newRow("NUL byte") << QByteArray("---\nid: a\0\n---\n", 14);
        QTest::newRow("tabs") << QByteArray("---\nid:\tx\n\ttitle: y\n---\n");
        QTest::newRow("anchors") << QByteArray("---\nid: &a x\ntitle: *a\nchapter: *b\n---\n");
        QTest::newRow("map keys") << QByteArray("---\n? [a, b]\n: c\n{x: 1}: 2\n---\n");
        QTest::newRow("scene scalars everywhere")
            << QByteArray("---\nid: s\ntitle: {en: a, zh: b}\nchapter: 1\norder: 1\nminutes: 1\n---\n# step: a\n"
                          "```scene\nview: [1]\nnetwork: 3\nstepper: x\nperceptron: [1]\nfunctions: {show: 3}\n"
                          "controls: 4\nhighlight: {neuron: 1}\nschedule: {kind: [1]}\n```\n"
                          "```check\nstepper_reached: {after: [1]}\nlearning_rate: 3\nhint: 1\n```\n"
                          "```quiz\nquestion: []\nchoices: {a: 1}\nanswer: {b: 2}\nexplanation: [x]\n```\n");
    }
    void malformedInputIsReportedNeverThrown() {
        QFETCH(QByteArray, text);
        LessonParse parsed;
        try {
            parsed = parseLesson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), "x.md");
        } catch (...) {
            QFAIL("parseLesson threw");
        }
        QVERIFY(!parsed.lesson.has_value());
        QVERIFY(!parsed.diagnostics.empty());
        for (const Diagnostic& d : parsed.diagnostics) {
            QVERIFY2(d.message.rfind("expected ", 0) == 0, d.message.c_str());
            QVERIFY(d.message.find(", found") != std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(TestLessonParser)
#include "tst_lesson_parser.moc"
