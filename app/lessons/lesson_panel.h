#pragma once
// The lesson panel: the browser (chapters and lessons in order, with progress), then the open
// lesson's step — its text with typeset formulas, what the scene could not apply, the check
// with its hint, the quiz with grading and explanation — and previous / reset this scene /
// next. A lesson that does not parse shows its problems instead, as the linter prints them.
#include "lessons/lesson.h"

#include <QWidget>

#include <vector>

class QButtonGroup;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;
class QAbstractButton;

namespace ns {

class FormulaBook;
class LessonLibrary;
class LessonProgress;
class LessonSession;
class LessonTextView;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    LessonPanel(LessonLibrary* library, LessonSession* session, LessonProgress* progress, FormulaBook* book,
                QWidget* parent = nullptr);

    void setLanguage(lessons::Language language);
    lessons::Language language() const { return language_; }
    void setPresenter(bool on);  // larger text, browser hidden
    bool presenter() const { return presenter_; }
    void refreshBrowser();
    void showProblems(int entry);  // a lesson that does not parse: its problems
    void refreshStep();

    // For tests and the lesson mode.
    QTreeWidget* browser() const { return browser_; }
    LessonTextView* proseView() const { return prose_; }
    LessonTextView* hintView() const { return hint_; }
    LessonTextView* questionView() const { return question_; }
    LessonTextView* explanationView() const { return explanation_; }
    const std::vector<QAbstractButton*>& choiceButtons() const { return choiceButtons_; }
    QLineEdit* numberField() const { return number_; }
    QPushButton* answerButton() const { return answer_; }
    QPushButton* previousButton() const { return previous_; }
    QPushButton* nextButton() const { return next_; }
    QPushButton* resetButton() const { return reset_; }
    QLabel* checkLabel() const { return checkState_; }
    QLabel* goalsLabel() const { return goals_; }
    QLabel* feedbackLabel() const { return feedback_; }
    LessonTextView* lessonTitleView() const { return lessonTitle_; }
    LessonTextView* stepTitleView() const { return stepTitle_; }
    QLabel* quizTitleLabel() const { return quizTitle_; }
    QPushButton* showAnswerButton() const { return showAnswer_; }
    QPushButton* exportButton() const { return export_; }
    QScrollArea* scrollArea() const { return scroll_; }
    QFrame* quizBox() const { return quizBox_; }
    QFrame* checkBox() const { return checkBox_; }
    // Writes the progress through every lesson to path (CSV, or JSON for a .json path).
    bool exportProgress(const QString& path, QString* problem = nullptr) const;
    QLabel* notesLabel() const { return notes_; }
    QPlainTextEdit* problemsView() const { return problems_; }
    std::vector<LessonTextView*> textViews() const;

signals:
    void openRequested(int entry);
    void nextLessonRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void buildQuiz();
    void refreshGoals();
    QString goalText(const lessons::Condition& condition) const;
    QString convolutionGoal(const lessons::Condition& c) const;
    void submitAnswer();
    void showFeedback(lessons::Grade grade);
    void revealAnswer();
    void updateQuizTitle();
    void scrollToTask();
    void chooseExportFile();
    void applyFonts();
    const std::string& pick(const lessons::Text& text) const;

    LessonLibrary* library_;
    LessonSession* session_;
    LessonProgress* progress_;
    FormulaBook* book_;
    lessons::Language language_ = lessons::Language::English;
    bool presenter_ = false;
    int problemsEntry_ = -1;
    bool answeredRight_ = false;  // the answer on show

    QSplitter* splitter_;
    QTreeWidget* browser_;
    QWidget* browserArea_;
    QPushButton* export_;
    LessonTextView* lessonTitle_;
    LessonTextView* stepTitle_;
    QString shownStep_;  // the lesson and step shown, to keep the scroll position within a step
    QScrollArea* scroll_;
    LessonTextView* prose_;
    QLabel* notes_;
    QFrame* checkBox_;
    QLabel* checkState_;
    QLabel* goals_;  // one line per condition, ticked off live
    LessonTextView* hint_;
    QFrame* quizBox_;
    QLabel* quizTitle_;
    LessonTextView* question_;
    QWidget* choicesArea_;
    QButtonGroup* choiceGroup_;
    std::vector<QAbstractButton*> choiceButtons_;
    std::vector<LessonTextView*> choiceTexts_;
    QLineEdit* number_;
    QPushButton* answer_;
    QPushButton* retry_;
    QPushButton* showAnswer_;
    QLabel* feedback_;
    LessonTextView* explanation_;
    QPlainTextEdit* problems_;
    QPushButton* previous_;
    QPushButton* reset_;
    QPushButton* next_;
};

}  // namespace ns
