#include "lessons/lesson_panel.h"

#include "lessons/field_workspaces.h"

#include "lessons/formula_book.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_session.h"
#include "lessons/lesson_text_view.h"
#include "lessons/math_scan.h"
#include "common/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>
#include <QTimer>
#include <QFontMetrics>
#include <QStyle>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <cstring>

namespace ns {

namespace {

constexpr double kBodyPoints = 13;
constexpr double kPresenterScale = 1.45;

QFrame* boxFrame(const QString& border, const QString& fill) {
    auto* frame = new QFrame;
    frame->setObjectName(QStringLiteral("box"));
    frame->setStyleSheet(QStringLiteral("QFrame#box { border: 2px solid %1; border-radius: 8px; background: %2; }")
                             .arg(border, fill));
    return frame;
}

// Plain text (a lesson title, a path) as Markdown: punctuation Markdown would take for syntax
// escaped, formulas ($…$) kept for typesetting.
std::string escapeMarkdown(const std::string& text) {
    const lessons::MathScan scan = lessons::scanMath(text, {1, 1});
    std::string out;
    std::size_t at = 0;
    auto plain = [&out](std::string_view part) {
        for (char c : part) {
            if (std::strchr("\\`*_{}[]<>()#+-.!|~&", c) != nullptr && c != 0) out += '\\';
            out += c;
        }
    };
    for (const lessons::MathSpan& span : scan.spans) {
        plain(std::string_view(text).substr(at, span.begin - at));
        out.append(text, span.begin, span.end - span.begin);
        at = span.end;
    }
    plain(std::string_view(text).substr(std::min(at, text.size())));
    return out;
}

LessonTextView* titleView(const QString& style) {
    auto* view = new LessonTextView;
    view->document()->setDocumentMargin(2);
    view->setFitToContent(true);
    view->viewport()->setAutoFillBackground(false);
    view->setStyleSheet(style);
    return view;
}

QString plainNumber(double v) {
    QString s = QString::number(v, 'g', 10);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

}  // namespace

LessonPanel::LessonPanel(LessonLibrary* library, LessonSession* session, LessonProgress* progress, FormulaBook* book,
                         QWidget* parent)
    : QWidget(parent), library_(library), session_(session), progress_(progress), book_(book) {
    browser_ = new QTreeWidget;
    browser_->setColumnCount(2);
    browser_->setHeaderHidden(true);
    browser_->setRootIsDecorated(true);
    browser_->header()->setStretchLastSection(false);
    browser_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    browser_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(browser_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant entry = item->data(0, Qt::UserRole);
        if (entry.isValid()) emit openRequested(entry.toInt());
    });
    connect(browser_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QVariant entry = item->data(0, Qt::UserRole);
        if (entry.isValid()) emit openRequested(entry.toInt());
    });

    // Titles are lesson text too: a formula in a step's heading is typeset there as well.
    lessonTitle_ = titleView(QStringLiteral("QTextBrowser { background: transparent; }"));
    lessonTitle_->setFormulaBook(book_);
    stepTitle_ = titleView(QStringLiteral("QTextBrowser { color: #555; background: transparent; }"));
    stepTitle_->setFormulaBook(book_);
    export_ = new QPushButton;
    connect(export_, &QPushButton::clicked, this, &LessonPanel::chooseExportFile);
    browserArea_ = new QWidget;
    auto* browserLayout = new QVBoxLayout(browserArea_);
    browserLayout->setContentsMargins(0, 0, 0, 0);
    browserLayout->addWidget(browser_, 1);
    auto* exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(export_);
    browserLayout->addLayout(exportRow);

    prose_ = new LessonTextView;
    prose_->setFormulaBook(book_);
    prose_->setFitToContent(true);
    notes_ = new QLabel;
    notes_->setWordWrap(true);
    notes_->setStyleSheet(QStringLiteral("QLabel { background: #fff1e0; color: #8a3b00; border: 1px solid #e07b00; "
                                         "border-radius: 6px; padding: 6px; }"));

    checkBox_ = boxFrame(QStringLiteral("#f5b400"), QStringLiteral("#fffaf0"));
    checkState_ = new QLabel;
    checkState_->setWordWrap(true);
    goals_ = new QLabel;
    goals_->setWordWrap(true);
    goals_->setTextFormat(Qt::RichText);
    hint_ = new LessonTextView;
    hint_->setFormulaBook(book_);
    hint_->setFitToContent(true);
    hint_->viewport()->setAutoFillBackground(false);
    auto* checkLayout = new QVBoxLayout(checkBox_);
    checkLayout->addWidget(checkState_);
    checkLayout->addWidget(goals_);
    checkLayout->addWidget(hint_);

    quizBox_ = boxFrame(QStringLiteral("#1f6fc5"), QStringLiteral("#f3f8fd"));
    quizTitle_ = new QLabel;
    question_ = new LessonTextView;
    question_->setFormulaBook(book_);
    question_->setFitToContent(true);
    choicesArea_ = new QWidget;
    new QVBoxLayout(choicesArea_);
    choicesArea_->layout()->setContentsMargins(0, 0, 0, 0);
    choiceGroup_ = new QButtonGroup(this);
    number_ = new QLineEdit;
    connect(number_, &QLineEdit::returnPressed, this, &LessonPanel::submitAnswer);
    answer_ = new QPushButton;
    connect(answer_, &QPushButton::clicked, this, &LessonPanel::submitAnswer);
    retry_ = new QPushButton;
    connect(retry_, &QPushButton::clicked, this, [this] { buildQuiz(); });
    showAnswer_ = new QPushButton;
    connect(showAnswer_, &QPushButton::clicked, this, &LessonPanel::revealAnswer);
    feedback_ = new QLabel;
    feedback_->setWordWrap(true);
    explanation_ = new LessonTextView;
    explanation_->setFormulaBook(book_);
    explanation_->setFitToContent(true);
    auto* answerRow = new QHBoxLayout;
    answerRow->addWidget(number_, 1);
    answerRow->addWidget(answer_);
    answerRow->addWidget(retry_);
    answerRow->addWidget(showAnswer_);
    auto* quizLayout = new QVBoxLayout(quizBox_);
    quizLayout->addWidget(quizTitle_);
    quizLayout->addWidget(question_);
    quizLayout->addWidget(choicesArea_);
    quizLayout->addLayout(answerRow);
    quizLayout->addWidget(feedback_);
    quizLayout->addWidget(explanation_);

    problems_ = new QPlainTextEdit;
    problems_->setReadOnly(true);
    problems_->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(prose_);
    contentLayout->addWidget(notes_);
    contentLayout->addWidget(checkBox_);
    contentLayout->addWidget(quizBox_);
    contentLayout->addWidget(problems_);
    contentLayout->addStretch(1);
    scroll_ = new QScrollArea;
    scroll_->setWidget(content);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    previous_ = new QPushButton;
    reset_ = new QPushButton;
    next_ = new QPushButton;
    connect(previous_, &QPushButton::clicked, session_, &LessonSession::previous);
    connect(reset_, &QPushButton::clicked, session_, &LessonSession::resetScene);
    connect(next_, &QPushButton::clicked, this, [this] {
        if (session_->isOpen() && session_->stepIndex() + 1 < session_->stepCount()) session_->next();
        else emit nextLessonRequested();
    });
    auto* nav = new QHBoxLayout;
    nav->addWidget(previous_);
    nav->addWidget(reset_);
    nav->addStretch(1);
    nav->addWidget(next_);

    auto* stepArea = new QWidget;
    auto* stepLayout = new QVBoxLayout(stepArea);
    stepLayout->setContentsMargins(4, 4, 4, 4);
    stepLayout->addWidget(lessonTitle_);
    stepLayout->addWidget(stepTitle_);
    stepLayout->addWidget(scroll_, 1);
    stepLayout->addLayout(nav);

    splitter_ = new QSplitter(Qt::Vertical);
    splitter_->addWidget(browserArea_);
    splitter_->addWidget(stepArea);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 4);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({210, 700});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);

    connect(session_, &LessonSession::stepChanged, this, &LessonPanel::refreshStep);
    connect(session_, &LessonSession::sceneApplied, this, &LessonPanel::refreshStep);
    connect(session_, &LessonSession::lessonClosed, this, &LessonPanel::refreshStep);
    connect(session_, &LessonSession::checkChanged, this, &LessonPanel::refreshStep);
    // A task just done: bring what comes next (the quiz, else the ticked-off check) into view.
    connect(session_, &LessonSession::checkChanged, this, [this](bool reached) {
        if (reached) QTimer::singleShot(0, this, &LessonPanel::scrollToTask);
    });
    connect(session_, &LessonSession::conditionsChanged, this, &LessonPanel::refreshGoals);
    connect(session_, &LessonSession::progressChanged, this, &LessonPanel::refreshBrowser);

    applyFonts();
    retranslate();
}

const std::string& LessonPanel::pick(const lessons::Text& text) const { return text.in(language_); }

std::vector<LessonTextView*> LessonPanel::textViews() const {
    std::vector<LessonTextView*> views{prose_, hint_, question_, explanation_};
    views.insert(views.end(), choiceTexts_.begin(), choiceTexts_.end());
    return views;
}

void LessonPanel::setLanguage(lessons::Language language) {
    if (language == language_) return;
    language_ = language;
    refreshBrowser();
    refreshStep();
}

void LessonPanel::setPresenter(bool on) {
    presenter_ = on;
    browserArea_->setVisible(!on);
    applyFonts();
}

void LessonPanel::applyFonts() {
    const double scale = presenter_ ? kPresenterScale : 1.0;
    QFont title = theme::uiFont(17 * scale);
    title.setBold(true);
    lessonTitle_->setTextPointSize(17 * scale);
    stepTitle_->setTextPointSize(13.5 * scale);
    export_->setFont(theme::uiFont(12.5));
    browser_->setFont(theme::uiFont(12.5));
    const QFont body = theme::uiFont(kBodyPoints * scale);
    for (QWidget* w : std::initializer_list<QWidget*>{notes_, checkState_, goals_, quizTitle_, number_, answer_, retry_, showAnswer_,
                                                      feedback_, previous_, reset_, next_, problems_})
        w->setFont(body);
    // A choice's box level with the first line of its text (below the text view's margin).
    // Its box grows with the text, for the back of the room.
    const int indicator = std::max(style()->pixelMetric(QStyle::PM_IndicatorHeight),
                                   static_cast<int>(QFontMetrics(body).height() * 0.75));
    const int top = static_cast<int>(prose_->document()->documentMargin()) +
                    std::max(0, (QFontMetrics(body).height() - indicator) / 2);
    for (QAbstractButton* b : choiceButtons_) {
        b->setFont(body);
        const char* kind = qobject_cast<QCheckBox*>(b) ? "QCheckBox" : "QRadioButton";
        b->setStyleSheet(QStringLiteral("%1 { margin-top: %2px; } %1::indicator { width: %3px; height: %3px; }")
                             .arg(QLatin1String(kind)).arg(top).arg(indicator));
    }
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPointSizeF(11 * scale);
    problems_->setFont(mono);
    for (LessonTextView* v : textViews()) v->setTextPointSize(kBodyPoints * scale);
    for (QPushButton* b : {previous_, reset_, next_, answer_, retry_, showAnswer_}) b->setMinimumHeight(static_cast<int>(36 * scale));
}

void LessonPanel::refreshBrowser() {
    const QVariant current = browser_->currentItem() ? browser_->currentItem()->data(0, Qt::UserRole) : QVariant();
    browser_->clear();
    QFont bold = browser_->font();
    bold.setBold(true);
    auto addLesson = [&](QTreeWidgetItem* parent, int index) {
        const LessonEntry& e = library_->entry(index);
        auto* item = new QTreeWidgetItem(parent);
        item->setData(0, Qt::UserRole, index);
        if (!e.ok()) {
            item->setText(0, tr("⚠ %1 — does not open").arg(QFileInfo(e.path).fileName()));
            item->setToolTip(0, e.problems().join(QLatin1Char('\n')));
            item->setForeground(0, theme::highlightUsed());
            return;
        }
        const lessons::Lesson& l = *e.lesson;
        const int done = progress_->stepsDone(l), total = static_cast<int>(l.steps.size());
        const int answered = progress_->quizzesAnswered(l), quizzes = l.quizCount();
        item->setText(0, (done == total ? QStringLiteral("✓ ") : QString()) +
                             QStringLiteral("%1. %2").arg(l.order).arg(QString::fromStdString(pick(l.title))));
        item->setText(1, tr("%1/%2 steps · %3/%4 quizzes").arg(done).arg(total).arg(answered).arg(quizzes));
        item->setToolTip(0, l.summary ? QString::fromStdString(pick(*l.summary)) : QString());
        if (session_->isOpen() && session_->entry().path == e.path) item->setFont(0, bold);
        if (current.isValid() && current.toInt() == index) browser_->setCurrentItem(item);
    };
    for (const ChapterEntry& c : library_->chapters()) {
        auto* chapter = new QTreeWidgetItem(browser_);
        chapter->setText(0, c.number > 0 ? tr("Chapter %1 · %2").arg(c.number).arg(QString::fromStdString(pick(c.title)))
                                         : tr("Lessons that do not open"));
        chapter->setFont(0, bold);
        chapter->setFirstColumnSpanned(true);
        for (int i : c.lessons) addLesson(chapter, i);
        chapter->setExpanded(true);
    }
    const std::vector<int> external = library_->externalEntries();
    if (!external.empty()) {
        auto* own = new QTreeWidgetItem(browser_);
        own->setText(0, tr("Opened from disk"));
        own->setFont(0, bold);
        own->setFirstColumnSpanned(true);
        for (int i : external) addLesson(own, i);
        own->setExpanded(true);
    }
}

void LessonPanel::showProblems(int entry) {
    problemsEntry_ = entry;
    refreshStep();
}

void LessonPanel::refreshStep() {
    const bool open = session_->isOpen();
    const bool problems = !open && problemsEntry_ >= 0 && problemsEntry_ < library_->size() &&
                          !library_->entry(problemsEntry_).ok();
    problems_->setVisible(problems);
    for (QWidget* w : std::initializer_list<QWidget*>{notes_, checkBox_, quizBox_}) w->setVisible(false);
    previous_->setEnabled(open && session_->stepIndex() > 0);
    reset_->setEnabled(open && session_->sceneStep() >= 0);
    next_->setEnabled(open);
    next_->setText(tr("Next ▶"));
    if (problems) {
        const LessonEntry& e = library_->entry(problemsEntry_);
        lessonTitle_->setLessonMarkdown("**" + escapeMarkdown(tr("This lesson does not open").toStdString()) + "**");
        stepTitle_->setLessonMarkdown(escapeMarkdown(e.path.toStdString()));
        prose_->setLessonMarkdown(tr("The file has problems. Fix them and press **F5** to read it again; "
                                     "`neuralscope-cli lint` prints the same list.")
                                      .toStdString());
        problems_->setPlainText(e.problems().join(QLatin1Char('\n')));
        return;
    }
    if (!open) {
        lessonTitle_->setLessonMarkdown("**" + escapeMarkdown(tr("Lessons").toStdString()) + "**");
        stepTitle_->setLessonMarkdown(std::string());
        prose_->setLessonMarkdown(tr("Choose a lesson above.").toStdString());
        return;
    }
    if (session_->isOpen()) problemsEntry_ = -1;
    const lessons::Lesson& lesson = session_->lesson();
    const lessons::Step& step = session_->step();
    lessonTitle_->setLessonMarkdown("**" + escapeMarkdown(pick(lesson.title)) + "**");
    // The step's heading is Markdown already (with its formulas).
    const std::string title = step.title(language_);
    stepTitle_->setLessonMarkdown(
        escapeMarkdown(tr("Step %1 of %2").arg(session_->stepIndex() + 1).arg(session_->stepCount()).toStdString()) +
        (title.empty() ? std::string() : " · " + title));
    prose_->setLessonMarkdown(step.prose(language_).markdown);

    QStringList notes;
    if (session_->settling()) notes << tr("Preparing the scene: training to its starting point…");
    if (!session_->notApplied().isEmpty())
        notes << tr("This scene also sets %1 for the training lab, which this window does not have; "
                    "everything else in the scene is applied.")
                     .arg(session_->notApplied().join(QStringLiteral(", ")));
    notes_->setText(notes.join(QStringLiteral("<br>")));
    notes_->setVisible(!notes.isEmpty());

    if (step.check) {
        checkBox_->setVisible(true);
        const bool reached = session_->checkReached();
        checkState_->setText(reached ? QStringLiteral("<b style='color:#1b7837'>✔ %1</b>").arg(tr("Task done."))
                                     : QStringLiteral("<b>%1</b>").arg(tr("To finish this step:")));
        refreshGoals();
        hint_->setVisible(!reached);
        if (!reached) hint_->setLessonMarkdown("**" + tr("Hint:").toStdString() + "** " + pick(step.check->hint));
    }
    if (step.quiz) {
        quizBox_->setVisible(true);
        buildQuiz();
    }
    const bool last = session_->stepIndex() + 1 >= session_->stepCount();
    const bool more = last && library_->next(library_->indexOfPath(session_->entry().path)) >= 0 && !session_->entry().external;
    next_->setText(!last ? tr("Next ▶") : more ? tr("Next lesson ▶") : tr("Finished ✔"));
    next_->setEnabled(!last || more);
    // A new step starts at its top; the same step refreshed (a check ticked off) stays put.
    const QString shown = session_->lessonKey() + QLatin1Char('#') + QString::fromStdString(step.id);
    if (shown != shownStep_) scroll_->verticalScrollBar()->setValue(0);
    shownStep_ = shown;
    applyFonts();
}

void LessonPanel::scrollToTask() {
    if (!session_->isOpen()) return;
    QWidget* target = session_->step().quiz && quizBox_->isVisible() ? quizBox_
                      : checkBox_->isVisible()                       ? checkBox_
                                                                     : nullptr;
    if (!target) return;
    // Once the layout has the widgets' final heights.
    scroll_->widget()->layout()->activate();
    scroll_->ensureWidgetVisible(target, 0, 8);
}

bool LessonPanel::exportProgress(const QString& path, QString* problem) const {
    return progress_->exportTo(path, *library_, problem);
}

void LessonPanel::chooseExportFile() {
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export progress"), QStringLiteral("progress.csv"),
                                                      tr("CSV table (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty()) return;
    QString target = path;
    if (!target.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) &&
        !target.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        target += filter.contains(QLatin1String("json")) ? QStringLiteral(".json") : QStringLiteral(".csv");
    QString problem;
    if (!exportProgress(target, &problem))
        QMessageBox::warning(this, tr("Export progress"), tr("Could not write %1: %2").arg(target, problem));
}

namespace {

QString shortNumber(double v) {
    if (!std::isfinite(v)) return QStringLiteral("—");
    QString s = QString::number(v, 'g', 4);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

QString percent(double fraction) {
    if (!std::isfinite(fraction)) return QStringLiteral("—");
    return QString::number(100 * fraction, 'f', 1) + QStringLiteral(" %");
}

}  // namespace

QString LessonPanel::goalText(const lessons::Condition& c) const {
    using Kind = lessons::Condition::Kind;
    auto rangeText = [](const lessons::Range& r) {
        if (r.atLeast && r.atMost) return tr("between %1 and %2").arg(shortNumber(*r.atLeast), shortNumber(*r.atMost));
        if (r.atLeast) return tr("at least %1").arg(shortNumber(*r.atLeast));
        return tr("at most %1").arg(shortNumber(r.atMost.value_or(0)));
    };
    auto gateName = [](lessons::Gate g) {
        switch (g) {
            case lessons::Gate::And: return QStringLiteral("AND");
            case lessons::Gate::Or: return QStringLiteral("OR");
            case lessons::Gate::Nand: return QStringLiteral("NAND");
            case lessons::Gate::Nor: return QStringLiteral("NOR");
            case lessons::Gate::Not: return QStringLiteral("NOT");
            case lessons::Gate::Xor: return QStringLiteral("XOR");
        }
        return QString();
    };
    switch (c.kind) {
        case Kind::LossBelow: return tr("Training loss L below %1").arg(shortNumber(c.value));
        case Kind::AccuracyAtLeast: return tr("Training accuracy at least %1").arg(percent(c.value));
        case Kind::EpochAtLeast: return tr("At least %1 epochs trained").arg(c.value);
        case Kind::LearningRate: return tr("Learning rate η %1").arg(rangeText(c.range));
        case Kind::Sample: return tr("Sample # set to %1").arg(c.value);
        case Kind::Diverged: return c.flag ? tr("Training has diverged") : tr("Training has not diverged");
        case Kind::BackpropMode: return c.flag ? tr("The backprop stepper is open") : tr("The backprop stepper is closed");
        case Kind::StepperReached: {
            const lessons::StepperPlace& p = c.place;
            switch (p.kind) {
                case lessons::StepperPlace::Kind::Start: return tr("The backprop stepper is open");
                case lessons::StepperPlace::Kind::End: return tr("The stepper has computed the whole training step");
                case lessons::StepperPlace::Kind::Count: return tr("The stepper has computed %1 values").arg(p.count);
                case lessons::StepperPlace::Kind::After:
                    switch (p.phase) {
                        case StepPhase::Forward: return tr("The stepper has computed the forward pass of layer %1").arg(p.layer);
                        case StepPhase::Loss: return tr("The stepper has computed the loss");
                        case StepPhase::Backward: return tr("The stepper has computed the backward pass of layer %1").arg(p.layer);
                        case StepPhase::Update: return tr("The stepper has updated layer %1").arg(p.layer);
                    }
            }
            return QString();
        }
        case Kind::GraphWalked: return tr("The computational graph's backward walk is complete");
        case Kind::PerceptronCorrect: {
            // Named as the textbook does: the M-P neuron set by hand, the perceptron that learns,
            // the multilayer perceptron with a hidden layer (XOR).
            lessons::PerceptronMode mode = lessons::PerceptronMode::Learn;
            const int scene = session_->sceneStep();
            if (session_->isOpen() && scene >= 0) {
                const lessons::Step& s = session_->lesson().steps.at(static_cast<std::size_t>(scene));
                if (s.scene && s.scene->perceptron && s.scene->perceptron->mode) mode = *s.scene->perceptron->mode;
            }
            switch (mode) {
                case lessons::PerceptronMode::Manual:
                    return c.flag ? tr("The M-P neuron classifies every point correctly")
                                  : tr("The M-P neuron gets at least one point wrong");
                case lessons::PerceptronMode::Hidden:
                    return c.flag ? tr("The multilayer perceptron (one hidden layer) classifies every point correctly")
                                  : tr("The multilayer perceptron (one hidden layer) gets at least one point wrong");
                case lessons::PerceptronMode::Learn: break;
            }
            return c.flag ? tr("The perceptron classifies every point correctly")
                          : tr("The perceptron gets at least one point wrong");
        }
        case Kind::PerceptronUpdatesAtLeast: return tr("The learning rule has changed the weights at least %1 times").arg(c.value);
        case Kind::PerceptronEpochsAtLeast: return tr("At least %1 passes over the data").arg(c.value);
        case Kind::PerceptronTask: return tr("The perceptron shows the %1 task").arg(gateName(c.gate));
        case Kind::ProbeAt: return tr("The probe %1").arg(rangeText(c.range));
        case Kind::LabLossBelow: return tr("Lab: training loss below %1").arg(shortNumber(c.value));
        case Kind::TestLossBelow: return tr("Lab: test loss below %1").arg(shortNumber(c.value));
        case Kind::TestAccuracyAtLeast: return tr("Lab: test accuracy at least %1").arg(percent(c.value));
        case Kind::LabEpochAtLeast: return tr("Lab: at least %1 epochs trained").arg(c.value);
        case Kind::LabDiverged: return c.flag ? tr("Lab: training has diverged") : tr("Lab: training has not diverged");
        case Kind::Threshold: return tr("Lab: decision threshold %1").arg(rangeText(c.range));
        case Kind::ConvolutionState: return convolutionGoal(c);
        case Kind::ConvolutionVisitedAll: return tr("The window has visited every output cell");
        case Kind::CnnLayer: return tr("The feature maps of layer %1 are shown").arg(QString::fromStdString(c.name));
        case Kind::CnnStepAtLeast: return tr("CNN: at least %1 training steps").arg(c.value);
        case Kind::CnnTestAccuracyAtLeast: return tr("CNN: test accuracy at least %1").arg(percent(c.value));
        case Kind::ResidualStepAtLeast: return tr("Residual experiment: at least %1 steps").arg(c.value);
        case Kind::SequenceStepAtLeast: return tr("Sequences: at least %1 training steps").arg(c.value);
        case Kind::SequenceSelectedStep: return tr("Sequences: time step %1 is selected").arg(c.value);
        case Kind::SequenceRevealedAtLeast: return tr("BPTT: the gradient has flowed back at least %1 steps").arg(c.value);
        case Kind::SequenceWhScale: return tr("BPTT: W_h scale %1").arg(rangeText(c.range));
        case Kind::SequenceClip: return c.flag ? tr("BPTT: clipping is on") : tr("BPTT: clipping is off");
        case Kind::SequenceCell: return tr("Sequences: the %1 cell is drawn").arg(QString::fromStdString(c.name).toUpper());
        case Kind::WorkspaceField: {
            // "Grid world: value-iteration sweep shown at least 5", in the lesson's language.
            const lessons::FieldWorkspace* spec = lessons::fieldWorkspace(c.workspace);
            const lessons::WorkspaceField* f = spec ? spec->field(c.field) : nullptr;
            if (!f) return QString::fromStdString(c.key);
            const bool zh = language_ == lessons::Language::Chinese;
            const QString title = QString::fromStdString(zh ? spec->zh : spec->en);
            const QString field = QString::fromStdString(zh ? f->zh : f->en);
            if (!c.name.empty()) return tr("%1: %2 is %3").arg(title, field, QString::fromStdString(c.name));
            if (c.range.atLeast || c.range.atMost) {
                if (c.range.atLeast && c.range.atMost && *c.range.atLeast == *c.range.atMost)
                    return tr("%1: %2 is %3").arg(title, field, shortNumber(*c.range.atLeast));
                return tr("%1: %2 %3").arg(title, field, rangeText(c.range));
            }
            return c.flag ? tr("%1: %2").arg(title, field) : tr("%1: %2 is off").arg(title, field);
        }
    }
    return QString();
}

QString LessonPanel::convolutionGoal(const lessons::Condition& c) const {
    QStringList parts;
    if (!c.convolution) return QString();
    const lessons::ConvolutionScene& s = *c.convolution;
    auto text = [](const std::optional<std::string>& v) { return QString::fromStdString(v.value_or(std::string())); };
    if (s.mode) parts << tr("mode %1").arg(text(s.mode));
    if (s.input) parts << tr("input %1").arg(text(s.input));
    if (s.inputSize) parts << tr("input size %1").arg(*s.inputSize);
    if (s.kernel) parts << tr("kernel %1").arg(text(s.kernel));
    if (s.kernelSize) parts << tr("kernel size %1").arg(*s.kernelSize);
    if (s.stride) parts << tr("stride %1").arg(*s.stride);
    if (s.padding) parts << tr("padding %1").arg(*s.padding);
    if (s.dilation) parts << tr("dilation %1").arg(*s.dilation);
    if (s.channels) parts << tr("%1 input channels").arg(*s.channels);
    if (s.layers) parts << tr("%1 stacked layers").arg(*s.layers);
    if (s.pool) parts << tr("%1-pooling %2×%2, stride %3").arg(QString::fromStdString(s.pool->kind)).arg(s.pool->size).arg(s.pool->stride);
    if (s.cursor) parts << tr("window at output cell (%1, %2)").arg(s.cursor->first).arg(s.cursor->second);
    if (s.playing) parts << (*s.playing ? tr("playing") : tr("paused"));
    return tr("Convolution view: %1").arg(parts.join(QStringLiteral(", ")));
}

void LessonPanel::refreshGoals() {
    if (!session_->isOpen() || !session_->step().check) {
        goals_->clear();
        return;
    }
    using Kind = lessons::Condition::Kind;
    const bool done = session_->checkReached();
    QStringList lines;
    for (const lessons::Condition& c : session_->step().check->conditions) {
        const bool holds = session_->holds(c);
        QString line = goalText(c).toHtmlEscaped();
        const std::optional<double> now = session_->current(c);
        if (!holds && now) {
            const bool fraction = c.kind == Kind::AccuracyAtLeast || c.kind == Kind::TestAccuracyAtLeast ||
                                  c.kind == Kind::CnnTestAccuracyAtLeast;
            QString value = fraction ? percent(*now) : shortNumber(*now);
            if (c.kind == Kind::StepperReached) value = tr("%1 of %2 values").arg(*now).arg(session_->stepperValueCount());
            line += QStringLiteral(" <span style='color:#666'>(%1)</span>").arg(tr("now %1").arg(value));
        }
        lines << (holds || done ? QStringLiteral("<span style='color:#1b7837'>✔ %1</span>").arg(line)
                                : QStringLiteral("○ %1").arg(line));
    }
    const QString text = lines.join(QStringLiteral("<br>"));
    if (goals_->text() != text) goals_->setText(text);
}

void LessonPanel::buildQuiz() {
    for (QAbstractButton* b : choiceButtons_) {
        choiceGroup_->removeButton(b);
    }
    QLayoutItem* item = nullptr;
    while ((item = choicesArea_->layout()->takeAt(0)) != nullptr) {
        if (item->widget()) item->widget()->deleteLater();
        delete item;
    }
    choiceButtons_.clear();
    choiceTexts_.clear();
    feedback_->clear();
    explanation_->setVisible(false);
    retry_->setVisible(false);
    showAnswer_->setVisible(false);
    answer_->setEnabled(true);
    if (!session_->isOpen() || !session_->step().quiz) return;
    const lessons::Quiz& quiz = *session_->step().quiz;
    question_->setLessonMarkdown(pick(quiz.question));
    const bool several = quiz.answers.size() > 1;
    choiceGroup_->setExclusive(!several);
    for (std::size_t i = 0; i < quiz.choices.size(); ++i) {
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        QAbstractButton* button = several ? static_cast<QAbstractButton*>(new QCheckBox) : new QRadioButton;
        auto* text = new LessonTextView;
        text->setFormulaBook(book_);
        text->setFitToContent(true);
        text->setLessonMarkdown(pick(quiz.choices[i]));
        text->viewport()->setAutoFillBackground(false);
        connect(text, &LessonTextView::clicked, button, [button] { button->click(); });
        rowLayout->addWidget(button, 0, Qt::AlignTop);
        rowLayout->addWidget(text, 1);
        choiceGroup_->addButton(button, static_cast<int>(i));
        choiceButtons_.push_back(button);
        choiceTexts_.push_back(text);
        choicesArea_->layout()->addWidget(row);
    }
    choicesArea_->setVisible(!quiz.isNumeric());
    number_->setVisible(quiz.isNumeric());
    number_->clear();
    number_->setEnabled(true);
    updateQuizTitle();
    applyFonts();
}

void LessonPanel::updateQuizTitle() {
    if (!session_->isOpen() || !session_->step().quiz) return;
    const bool several = session_->step().quiz->answers.size() > 1;
    // The latest outcome: wrong, then right reads "right".
    const auto latest = session_->quizLatest();
    quizTitle_->setText(QStringLiteral("<b>%1</b>%2%3")
                            .arg(tr("Quiz"),
                                 several ? QStringLiteral(" — ") + tr("select all that apply") : QString(),
                                 latest ? QStringLiteral(" <span style='color:#555'>(%1)</span>")
                                              .arg(*latest ? tr("answered before: right") : tr("answered before: wrong"))
                                        : QString()));
}

void LessonPanel::submitAnswer() {
    if (!session_->isOpen() || !session_->step().quiz) return;
    const lessons::Quiz& quiz = *session_->step().quiz;
    lessons::Grade grade;
    if (quiz.isNumeric()) {
        grade = session_->answer(number_->text());
    } else {
        std::vector<int> selected;
        for (std::size_t i = 0; i < choiceButtons_.size(); ++i)
            if (choiceButtons_[i]->isChecked()) selected.push_back(static_cast<int>(i));
        grade = session_->answer(selected);
    }
    showFeedback(grade);
}

void LessonPanel::showFeedback(lessons::Grade grade) {
    const lessons::Quiz& quiz = *session_->step().quiz;
    if (grade == lessons::Grade::Invalid) {
        feedback_->setText(quiz.isNumeric() ? tr("Type a number, such as 0.25, 1/4 or 25%.") : tr("Choose an answer first."));
        return;
    }
    const bool right = grade == lessons::Grade::Right;
    answeredRight_ = right;
    feedback_->setText(right ? QStringLiteral("<b style='color:#1b7837'>✔ %1</b>").arg(tr("Right."))
                             : QStringLiteral("<b style='color:#d62728'>✘ %1</b>").arg(tr("Not quite.")));
    answer_->setEnabled(false);
    number_->setEnabled(false);
    retry_->setVisible(true);
    updateQuizTitle();
    // The explanation gives the answer away: it follows a right answer (unless the lesson keeps
    // it for "Show answer"); after a wrong one the student may try again or ask for it (unless
    // the lesson shows it only to those who got it right).
    using lessons::Explain;
    if (right && quiz.explain != Explain::OnRequest) {
        revealAnswer();
        return;
    }
    showAnswer_->setText(right ? tr("Show explanation") : tr("Show answer"));
    showAnswer_->setVisible(right || quiz.explain != Explain::AfterCorrect);
}

void LessonPanel::revealAnswer() {
    if (!session_->isOpen() || !session_->step().quiz) return;
    const lessons::Quiz& quiz = *session_->step().quiz;
    // Mark the right choices (or give the number), and show why.
    if (quiz.isNumeric() && !answeredRight_)
        feedback_->setText(feedback_->text() + QLatin1Char(' ') + tr("The answer is %1.").arg(plainNumber(*quiz.number)));
    for (int i : quiz.answers)
        if (i >= 0 && i < static_cast<int>(choiceTexts_.size()))
            choiceTexts_[static_cast<std::size_t>(i)]->setStyleSheet(
                QStringLiteral("QTextBrowser { border-left: 5px solid #1b7837; }"));
    explanation_->setLessonMarkdown(pick(quiz.explanation));
    explanation_->setVisible(true);
    showAnswer_->setVisible(false);
    QTimer::singleShot(0, this, [this] {
        scroll_->widget()->layout()->activate();
        scroll_->ensureWidgetVisible(explanation_, 0, 8);
    });
}

void LessonPanel::retranslate() {
    previous_->setText(tr("◀ Previous"));
    previous_->setToolTip(tr("The step before (Page Up)"));
    reset_->setText(tr("Reset this scene"));
    reset_->setToolTip(tr("Set the views up again as this step starts"));
    next_->setToolTip(tr("The next step (Page Down)"));
    answer_->setText(tr("Check answer"));
    retry_->setText(tr("Try again"));
    export_->setText(tr("Export progress…"));
    export_->setToolTip(tr("Write every lesson's steps — visited, check met, quiz answered, correct — "
                           "to a CSV or JSON file, e.g. for a class"));
    number_->setPlaceholderText(tr("Your answer, e.g. 0.25 or 1/4"));
    refreshBrowser();
    refreshStep();
}

void LessonPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace ns
