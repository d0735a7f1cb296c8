// Walking the lessons as a class sees them, in presenter mode at 1920 × 1080 and at normal size:
// the XOR panel's boxes, table and status line stay inside the view; display formulas keep the
// text's size and fit the panel (broken into lines, never cut off); a formula in a step's title
// is typeset; a met check brings the quiz into view; the quiz header shows the latest outcome
// and the explanation waits for a right answer, "Show answer" or what the lesson's `explain`
// says; goals name the M-P neuron and the multilayer perceptron; progress exports as CSV and
// JSON.
#include "lessons/formula_book.h"
#include "lessons/lesson_instruments.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_mode.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_session.h"
#include "lessons/lesson_text_view.h"
#include "lessons/math_scan.h"
#include "lessons/perceptron_view.h"
#include "network/session_model.h"
#include "shell/language.h"
#include "shell/main_window.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QVBoxLayout>
#include <QtTest>

using namespace ns;

namespace {

// The formula images of a text view's document: their sizes, in order.
std::vector<QSizeF> imageSizes(LessonTextView* view) {
    std::vector<QSizeF> sizes;
    for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat()) sizes.emplace_back(f.toImageFormat().width(), f.toImageFormat().height());
        }
    return sizes;
}

QRect inView(QWidget* w, QWidget* view) { return QRect(w->mapTo(view, QPoint(0, 0)), w->size()); }

}  // namespace

class TestLessonWalk : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    LanguageSwitcher* languages_ = nullptr;
    SessionModel* model_ = nullptr;
    MainWindow* window_ = nullptr;
    QSettings* settings_ = nullptr;
    LessonMode* mode_ = nullptr;

    LessonSession* session() const { return mode_->session(); }
    LessonPanel* panel() const { return mode_->panel(); }

    bool open(const QString& id, const QString& step) {
        if (!mode_->start(id, step, true)) return false;
        for (int i = 0; i < 400 && session()->settling(); ++i) QTest::qWait(50);
        window_->refreshNow();
        QTest::qWait(20);
        return !session()->settling();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        QVERIFY2(FormulaBook::shared().size() > 200, "the built-in formulas are embedded");
    }

    void init() {
        languages_ = new LanguageSwitcher;
        languages_->apply(QStringLiteral("en"));
        model_ = new SessionModel;
        window_ = new MainWindow(model_, languages_);
        settings_ = new QSettings(dir_.filePath(QStringLiteral("walk-%1.ini").arg(QTest::currentTestFunction())),
                                  QSettings::IniFormat);
        settings_->clear();
        mode_ = new LessonMode(window_, model_, languages_, settings_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
    }

    void cleanup() {
        delete mode_;
        delete window_;
        delete model_;
        delete settings_;
        delete languages_;
    }

    // ---- 1. The XOR panel within its width ----

    void theXorPanelLaysOutInsideTheView_data() {
        QTest::addColumn<double>("scale");
        QTest::addColumn<QSize>("size");
        QTest::newRow("presenter 1920x1080") << 1.45 << QSize(1188, 940);
        QTest::newRow("presenter, narrower") << 1.45 << QSize(900, 800);
        QTest::newRow("presenter, 880 wide") << 1.45 << QSize(880, 900);
        // A screen whose fonts are 25 % larger (120 dpi): the same room, larger text.
        QTest::newRow("presenter at 120 dpi") << 1.45 * 1.25 << QSize(1188, 970);
        QTest::newRow("presenter at 120 dpi, panel wider") << 1.45 * 1.25 << QSize(1000, 970);
        QTest::newRow("presenter, tall dock") << 1.45 << QSize(640, 1000);
        QTest::newRow("normal") << 1.0 << QSize(1000, 760);
        QTest::newRow("normal, small") << 1.0 << QSize(700, 560);
    }

    void theXorPanelLaysOutInsideTheView() {
        QFETCH(double, scale);
        QFETCH(QSize, size);
        // The view in a room of the given size, as a dock gives it: it must lay out inside, not
        // take more room than there is.
        QWidget room;
        room.setFixedSize(size);
        auto* roomLayout = new QVBoxLayout(&room);
        roomLayout->setContentsMargins(0, 0, 0, 0);
        auto* viewPointer = new PerceptronView;
        roomLayout->addWidget(viewPointer);
        PerceptronView& view = *viewPointer;
        PerceptronView::State state;
        state.data = lessons::logicData(lessons::Gate::Xor);
        state.mode = lessons::PerceptronMode::Hidden;
        state.hidden.hidden1 = {1, 1, -0.5};
        state.hidden.hidden2 = {-1, -1, 1.5};
        state.hidden.output = {1, 1, -0.5};
        view.setState(state);
        view.setScale(scale);
        room.show();
        QVERIFY(QTest::qWaitForWindowExposed(&room));
        QTest::qWait(20);
        QCOMPARE(view.size(), size);
        const QRect bounds = view.rect();
        QCOMPARE(view.weightBoxes().size(), std::size_t(9));
        for (std::size_t i = 0; i < view.weightBoxes().size(); ++i) {
            QDoubleSpinBox* box = view.weightBoxes()[i];
            QVERIFY2(box->isVisible(), qPrintable(QStringLiteral("box %1 shown").arg(i)));
            const QRect r = inView(box, &view);
            QVERIFY2(bounds.contains(r), qPrintable(QStringLiteral("box %1 at (%2, %3, %4 × %5) in %6 × %7")
                                                        .arg(i).arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())
                                                        .arg(bounds.width()).arg(bounds.height())));
            // The box shows its whole value ("-0.50"), not a cut one.
            QVERIFY2(box->width() >= box->sizeHint().width(),
                     qPrintable(QStringLiteral("box %1: %2 < %3").arg(i).arg(box->width()).arg(box->sizeHint().width())));
        }
        // The truth table: its label inside, and wide enough for every column (the output and
        // the tick are the last ones).
        QLabel* table = view.tableLabel();
        QVERIFY(bounds.contains(inView(table, &view)));
        QVERIFY2(table->width() >= table->sizeHint().width(),
                 qPrintable(QStringLiteral("table %1 < %2").arg(table->width()).arg(table->sizeHint().width())));
        QLabel* status = view.statusLabel();
        QVERIFY(bounds.contains(inView(status, &view)));
        QVERIFY(status->width() >= status->minimumSizeHint().width());
    }

    void theXorStepsShowTheOutputBiasInPresenterMode() {
        mode_->setPresenter(true, true);
        for (const QString& step : {QStringLiteral("xor-hidden"), QStringLiteral("how-big")}) {
            QVERIFY(open(QStringLiteral("multilayer-perceptron"), step));
            window_->resize(1920, 1080);  // the screen: the window may not grow past it
            QTest::qWait(50);
            QCOMPARE(window_->width(), 1920);
            PerceptronView* view = window_->findChild<PerceptronView*>();
            QVERIFY(view);
            if (!view->isVisible()) continue;  // the step shows another view
            QDoubleSpinBox* bias = view->weightBoxes().back();  // the output unit's b
            const QRect r(bias->mapTo(window_, QPoint(0, 0)), bias->size());
            QVERIFY2(window_->rect().contains(r), qPrintable(step));
            QVERIFY2(QRect(view->mapTo(window_, QPoint(0, 0)), view->size()).contains(r), qPrintable(step));
        }
    }

    // ---- 2. Display formulas: the text's size, the panel's width ----

    void displayFormulasScaleWithTheTextAndFitThePanel() {
        LessonTextView view;
        view.setFormulaBook(&FormulaBook::shared());
        view.setFitToContent(true);
        view.resize(900, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const std::string markdown =
            "Text.\n\n$$\n\\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)\n$$\n";
        view.setTextPointSize(13);
        view.setLessonMarkdown(markdown);
        QCOMPARE(view.formulaImageCount(), 1);
        const double normal = imageSizes(&view).at(0).height();
        view.setTextPointSize(13 * 1.45);  // presenter mode
        QCOMPARE(view.formulaImageCount(), 1);
        const double presenter = imageSizes(&view).at(0).height();
        QVERIFY2(presenter > 1.3 * normal, qPrintable(QStringLiteral("%1 vs %2").arg(presenter).arg(normal)));
        // As tall as the text at least: a fraction is taller than a line of text, not a third of it.
        QVERIFY2(presenter > QFontMetrics(view.font()).height(), qPrintable(QString::number(presenter)));
    }

    void wideDisplayFormulasAreBrokenIntoLinesNotClipped_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("broken");  // the panel is too narrow for a formula even drawn smaller
        for (const char* lang : {"en", "zh"}) {
            // At a narrow panel the stepper lessons' wide formulas break; at 720 px the MLP's fits.
            QTest::newRow(qPrintable(QStringLiteral("backpropagation/forward/%1").arg(QLatin1String(lang))))
                << "backpropagation" << "forward" << lang << true;
            QTest::newRow(qPrintable(QStringLiteral("backpropagation/backward/%1").arg(QLatin1String(lang))))
                << "backpropagation" << "backward" << lang << true;
            QTest::newRow(qPrintable(QStringLiteral("multilayer-perceptron/layers/%1").arg(QLatin1String(lang))))
                << "multilayer-perceptron" << "layers" << lang << false;
        }
    }

    void wideDisplayFormulasAreBrokenIntoLinesNotClipped() {
        QFETCH(QString, lesson);
        QFETCH(QString, step);
        QFETCH(QString, language);
        QFETCH(bool, broken);
        panel()->setLanguage(language == QLatin1String("zh") ? lessons::Language::Chinese : lessons::Language::English);
        mode_->setPresenter(true, true);
        QVERIFY(open(lesson, step));
        QTest::qWait(50);
        // The panel as narrow as a teacher may drag it where a formula must break, else its own
        // readable width.
        if (broken) window_->resizeDocks({mode_->lessonDock()}, {440}, Qt::Horizontal);
        QTest::qWait(50);
        window_->refreshNow();
        LessonTextView* prose = panel()->proseView();
        QCOMPARE(prose->texFallbackCount(), 0);
        const double width = prose->viewport()->width() - 2 * prose->document()->documentMargin();
        const auto sizes = imageSizes(prose);
        QVERIFY(!sizes.empty());
        for (const QSizeF& s : sizes)
            QVERIFY2(s.width() <= width, qPrintable(QStringLiteral("%1 > %2").arg(s.width()).arg(width)));
        QVERIFY(!prose->overflows());
        // The wide one ("…, l = 1, …, L") is drawn as several lines where it does not fit: more
        // images than formulas.
        const auto spans = lessons::scanMath(prose->lessonMarkdown(), {1, 1}).spans;
        QVERIFY2((prose->formulaImageCount() > static_cast<int>(spans.size())) == broken,
                 qPrintable(QStringLiteral("%1 images, %2 formulas").arg(prose->formulaImageCount()).arg(spans.size())));
    }

    // Every step of chapters 1 and 2, in presenter mode and not, in both languages: every
    // formula typeset (titles too) and none wider than the panel.
    void everyStepOfChapters1And2FitsThePanel_data() {
        QTest::addColumn<bool>("presenter");
        QTest::newRow("presenter") << true;
        QTest::newRow("normal") << false;
    }

    void everyStepOfChapters1And2FitsThePanel() {
        QFETCH(bool, presenter);
        window_->resize(1920, 1080);
        if (presenter) mode_->setPresenter(true, true);
        LessonLibrary library;
        library.loadShipped();
        QStringList problems;
        for (const ChapterEntry& c : library.chapters()) {
            if (c.number > 2) continue;
            for (int i : c.lessons) {
                const LessonEntry& e = library.entry(i);
                for (const auto language : {lessons::Language::English, lessons::Language::Chinese}) {
                    panel()->setLanguage(language);
                    for (const lessons::Step& st : e.lesson->steps) {
                        const QString where = e.id() + QLatin1Char('/') + QString::fromStdString(st.id) +
                                              (language == lessons::Language::Chinese ? QStringLiteral(" zh") : QStringLiteral(" en"));
                        if (!open(e.id(), QString::fromStdString(st.id))) {
                            problems << where + QStringLiteral(": does not open");
                            continue;
                        }
                        for (LessonTextView* v : {panel()->proseView(), panel()->stepTitleView(), panel()->lessonTitleView()}) {
                            if (v->texFallbackCount() > 0) problems << where + QStringLiteral(": TeX shown as source");
                            if (v->overflows()) problems << where + QStringLiteral(": a formula wider than the panel");
                            const double width = v->viewport()->width();
                            for (const QSizeF& size : imageSizes(v))
                                if (size.width() > width) problems << where + QStringLiteral(": a formula cut off");
                        }
                    }
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // ---- 3. Formulas in titles ----

    void stepTitlesTypesetTheirFormulas() {
        for (const auto language : {lessons::Language::English, lessons::Language::Chinese}) {
            panel()->setLanguage(language);
            QVERIFY(open(QStringLiteral("vanishing-and-overfitting"), QStringLiteral("see-it")));
            LessonTextView* title = panel()->stepTitleView();
            QVERIFY(title->formulaImageCount() >= 1);
            QCOMPARE(title->texFallbackCount(), 0);
            QVERIFY2(!title->toPlainText().contains(QLatin1Char('$')), qPrintable(title->toPlainText()));
            QVERIFY(!title->toPlainText().contains(QStringLiteral("\\delta")));
        }
    }

    // ---- 4. The quiz into view; punctuation after a formula ----

    void aMetCheckBringsTheQuizIntoView() {
        mode_->setPresenter(true, true);
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("learning-rule")));
        QTest::qWait(50);
        QScrollArea* scroll = panel()->scrollArea();
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);  // the step is taller than the panel
        QCOMPARE(scroll->verticalScrollBar()->value(), 0);
        const auto quizShown = [&] {
            const QRect r(panel()->quizBox()->mapTo(scroll->viewport(), QPoint(0, 0)), panel()->quizBox()->size());
            return scroll->viewport()->rect().intersects(r) && r.top() >= 0;
        };
        QVERIFY(!quizShown());
        mode_->perceptron()->run();  // AND is learned: the check is met
        QTRY_VERIFY(session()->checkReached());
        QTRY_VERIFY(quizShown());
    }

    void punctuationStaysWithItsFormula() {
        LessonTextView view;
        view.setFormulaBook(&FormulaBook::shared());
        view.setLessonMarkdown("one $z$, two $b = -\\theta$.");
        const QString text = view.toPlainText();
        // The word joiner (U+2060) sits between each formula and the punctuation after it.
        QCOMPARE(text.count(QChar(0x2060)), 2);
        QVERIFY(text.contains(QString(QChar::ObjectReplacementCharacter) + QChar(0x2060) + QLatin1Char(',')));
        QVERIFY(text.contains(QString(QChar::ObjectReplacementCharacter) + QChar(0x2060) + QLatin1Char('.')));
        view.setLessonMarkdown("从 $x$ 开始。");
        QCOMPARE(view.toPlainText().count(QChar(0x2060)), 0);  // a space, not punctuation, follows
        view.setLessonMarkdown("从 $x$，开始。");
        QCOMPARE(view.toPlainText().count(QChar(0x2060)), 1);
    }

    // ---- 5. Quiz: the latest outcome; the explanation held back ----

    void theQuizShowsTheLatestOutcomeAndHoldsTheExplanation() {
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("gates")));
        panel()->choiceButtons()[1]->click();  // wrong
        QTest::mouseClick(panel()->answerButton(), Qt::LeftButton);
        QVERIFY(panel()->feedbackLabel()->text().contains(QStringLiteral("Not quite")));
        QVERIFY(!panel()->explanationView()->isVisibleTo(panel()));
        QVERIFY(panel()->showAnswerButton()->isVisibleTo(panel()));
        QVERIFY(panel()->quizTitleLabel()->text().contains(QStringLiteral("wrong")));
        // Try again, right this time.
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("gates")));
        QVERIFY(panel()->quizTitleLabel()->text().contains(QStringLiteral("wrong")));
        panel()->choiceButtons()[0]->click();
        QTest::mouseClick(panel()->answerButton(), Qt::LeftButton);
        QVERIFY(panel()->feedbackLabel()->text().contains(QStringLiteral("Right")));
        QVERIFY(panel()->explanationView()->isVisibleTo(panel()));
        QVERIFY2(panel()->quizTitleLabel()->text().contains(QStringLiteral("right")), qPrintable(panel()->quizTitleLabel()->text()));
        QVERIFY(!panel()->quizTitleLabel()->text().contains(QStringLiteral("wrong")));
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("gates")));
        QVERIFY(panel()->quizTitleLabel()->text().contains(QStringLiteral("right")));
        // Progress still counts the first answer.
        QCOMPARE(session()->quizAnswered(), std::optional<bool>(false));
        QCOMPARE(session()->quizLatest(), std::optional<bool>(true));

        // A wrong numeric answer keeps the number until "Show answer".
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("learning-rule")));
        QTest::keyClicks(panel()->numberField(), QStringLiteral("3"));
        QTest::keyClick(panel()->numberField(), Qt::Key_Return);
        QVERIFY(!panel()->feedbackLabel()->text().contains(QStringLiteral("The answer is")));
        QVERIFY(!panel()->explanationView()->isVisibleTo(panel()));
        QTest::mouseClick(panel()->showAnswerButton(), Qt::LeftButton);
        QVERIFY(panel()->feedbackLabel()->text().contains(QStringLiteral("The answer is")));
        QVERIFY(panel()->explanationView()->isVisibleTo(panel()));
    }

    void explainKeyHoldsTheExplanationBack() {
        const QString path = dir_.filePath(QStringLiteral("held-back.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(R"(---
id: held-back
title:
  en: Held back
  zh: 暂不解释
chapter: 9
order: 1
minutes: 5
---

# step: after-correct
::: en
One.
:::

::: zh
一。
:::

```quiz
question:
  en: One plus one?
  zh: 一加一？
answer: 2
explain: after_correct
explanation:
  en: Counting.
  zh: 数数。
```

# step: on-request
::: en
Two.
:::

::: zh
二。
:::

```quiz
question:
  en: Two plus two?
  zh: 二加二？
answer: 4
explain: on_request
explanation:
  en: Counting again.
  zh: 再数数。
```
)");
        file.close();
        QVERIFY(open(path, QStringLiteral("after-correct")));
        QCOMPARE(session()->step().quiz->explain, lessons::Explain::AfterCorrect);
        QTest::keyClicks(panel()->numberField(), QStringLiteral("3"));
        QTest::keyClick(panel()->numberField(), Qt::Key_Return);
        QVERIFY(panel()->feedbackLabel()->text().contains(QStringLiteral("Not quite")));
        QVERIFY(!panel()->showAnswerButton()->isVisibleTo(panel()));  // no way round it
        QVERIFY(!panel()->explanationView()->isVisibleTo(panel()));
        QVERIFY(!panel()->feedbackLabel()->text().contains(QStringLiteral("The answer is")));
        QVERIFY(open(path, QStringLiteral("after-correct")));
        QTest::keyClicks(panel()->numberField(), QStringLiteral("2"));
        QTest::keyClick(panel()->numberField(), Qt::Key_Return);
        QVERIFY(panel()->explanationView()->isVisibleTo(panel()));

        QVERIFY(open(path, QStringLiteral("on-request")));
        QCOMPARE(session()->step().quiz->explain, lessons::Explain::OnRequest);
        QTest::keyClicks(panel()->numberField(), QStringLiteral("4"));
        QTest::keyClick(panel()->numberField(), Qt::Key_Return);
        QVERIFY(panel()->feedbackLabel()->text().contains(QStringLiteral("Right")));
        QVERIFY(!panel()->explanationView()->isVisibleTo(panel()));
        QVERIFY(panel()->showAnswerButton()->isVisibleTo(panel()));
        QTest::mouseClick(panel()->showAnswerButton(), Qt::LeftButton);
        QVERIFY(panel()->explanationView()->isVisibleTo(panel()));
        QVERIFY(panel()->explanationView()->toPlainText().contains(QStringLiteral("Counting again")));
    }

    // ---- 6. The textbook's names in the goals ----

    void goalsNameTheNeuronAndTheMultilayerPerceptron() {
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("mp-neuron")));
        QVERIFY2(panel()->goalsLabel()->text().contains(QStringLiteral("M-P neuron")), qPrintable(panel()->goalsLabel()->text()));
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("learning-rule")));
        QVERIFY(panel()->goalsLabel()->text().contains(QStringLiteral("The perceptron classifies")));
        QVERIFY(open(QStringLiteral("multilayer-perceptron"), QStringLiteral("xor-hidden")));
        QVERIFY2(panel()->goalsLabel()->text().contains(QStringLiteral("multilayer perceptron")),
                 qPrintable(panel()->goalsLabel()->text()));
        QVERIFY(!panel()->goalsLabel()->text().contains(QStringLiteral("The perceptron")));
    }

    // ---- 7. Progress for a class ----

    void progressExportsAsCsvAndJson() {
        LessonLibrary library;
        library.loadShipped(QStringLiteral(NEURALSCOPE_SOURCE_DIR "/lessons"));
        QSettings settings(dir_.filePath(QStringLiteral("export.ini")), QSettings::IniFormat);
        settings.clear();
        LessonProgress progress(&settings);
        const QString p = QStringLiteral("perceptron");
        progress.markVisited(p, QStringLiteral("mp-neuron"));
        progress.markReached(p, QStringLiteral("mp-neuron"));
        progress.markVisited(p, QStringLiteral("gates"));
        progress.recordAnswer(p, QStringLiteral("gates"), false);
        progress.recordAnswer(p, QStringLiteral("gates"), true);
        progress.markVisited(p, QStringLiteral("learning-rule"));
        progress.recordAnswer(p, QStringLiteral("learning-rule"), true);

        const QString csvPath = dir_.filePath(QStringLiteral("class.csv"));
        QString problem;
        QVERIFY2(progress.exportTo(csvPath, library, &problem), qPrintable(problem));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.at(0), QStringLiteral("chapter,lesson,lesson_title,step_number,step,visited,check_met,quiz_answered,"
                                             "correct,correct_latest"));
        int steps = 0;
        for (const ChapterEntry& c : library.chapters())
            for (int i : c.lessons) steps += static_cast<int>(library.entry(i).lesson->steps.size());
        QCOMPARE(lines.size(), steps + 1);
        // The first lesson in course order: step 1 has a check and no quiz, step 2 both.
        QCOMPARE(lines.at(1), QStringLiteral("1,perceptron,The M-P neuron and the perceptron,1,mp-neuron,yes,yes,,,"));
        QCOMPARE(lines.at(2), QStringLiteral("1,perceptron,The M-P neuron and the perceptron,2,gates,yes,no,yes,no,yes"));
        QCOMPARE(lines.at(3), QStringLiteral("1,perceptron,The M-P neuron and the perceptron,3,learning-rule,yes,no,yes,yes,yes"));
        QVERIFY(lines.at(4).startsWith(QStringLiteral("1,perceptron,The M-P neuron and the perceptron,4,geometry,no,")));
        // A lesson not started: nothing visited, nothing answered.
        const auto mlp = std::find_if(lines.begin(), lines.end(), [](const QString& l) {
            return l.contains(QStringLiteral(",multilayer-perceptron,")) && l.contains(QStringLiteral(",layers,"));
        });
        QVERIFY(mlp != lines.end());
        QVERIFY2(mlp->endsWith(QStringLiteral(",layers,no,,no,,")), qPrintable(*mlp));

        const QString jsonPath = dir_.filePath(QStringLiteral("class.json"));
        QVERIFY(progress.exportTo(jsonPath, library, &problem));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("neuralscope-progress"));
        const QJsonArray lessonsArray = root.value(QStringLiteral("lessons")).toArray();
        qsizetype lessonCount = 0;  // every lesson of every chapter
        for (const auto& chapter : library.chapters()) lessonCount += static_cast<qsizetype>(chapter.lessons.size());
        QCOMPARE(lessonsArray.size(), lessonCount);
        QVERIFY(lessonCount >= 20);
        const QJsonObject first = lessonsArray.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("lesson")).toString(), p);
        const QJsonArray steps0 = first.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps0.size(), 5);
        const QJsonObject mp = steps0.at(0).toObject(), gates = steps0.at(1).toObject();
        QCOMPARE(mp.value(QStringLiteral("visited")).toBool(), true);
        QCOMPARE(mp.value(QStringLiteral("check_met")).toBool(), true);
        QVERIFY(mp.value(QStringLiteral("quiz_answered")).isNull());
        QCOMPARE(gates.value(QStringLiteral("check_met")).toBool(true), false);
        QCOMPARE(gates.value(QStringLiteral("quiz_answered")).toBool(), true);
        QCOMPARE(gates.value(QStringLiteral("correct")).toBool(true), false);
        QCOMPARE(gates.value(QStringLiteral("correct_latest")).toBool(), true);
        const QJsonObject geometry = steps0.at(3).toObject();
        QCOMPARE(geometry.value(QStringLiteral("visited")).toBool(true), false);
    }

    void thePanelExportsTheProgressItKeeps() {
        QVERIFY(open(QStringLiteral("perceptron"), QStringLiteral("gates")));
        panel()->choiceButtons()[0]->click();
        QTest::mouseClick(panel()->answerButton(), Qt::LeftButton);
        QVERIFY(panel()->exportButton());
        QVERIFY(!panel()->exportButton()->text().isEmpty());
        const QString path = dir_.filePath(QStringLiteral("panel.csv"));
        QVERIFY(panel()->exportProgress(path));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY2(text.contains(QStringLiteral(",2,gates,yes,no,yes,yes,yes\r\n")), qPrintable(text.left(400)));
        QVERIFY(!panel()->exportProgress(dir_.filePath(QStringLiteral("no/such/folder/x.csv"))));
    }
};

QTEST_MAIN(TestLessonWalk)
#include "test_lesson_walk.moc"
