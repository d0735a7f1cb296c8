#pragma once
// Lesson text: Markdown rendered by QTextDocument, with every $…$ and $$…$$ formula replaced by
// its typeset image (FormulaBook) — inline formulas on the text's baseline, display formulas
// centred on lines of their own — or, when a formula has not been typeset, by its TeX source
// in code font. Used for the step text, hints, questions, choices and explanations.
#include <QTextBrowser>

#include <string>

namespace ns {

class FormulaBook;

class LessonTextView : public QTextBrowser {
    Q_OBJECT
public:
    explicit LessonTextView(QWidget* parent = nullptr);

    void setFormulaBook(FormulaBook* book) { book_ = book; }
    // The text; formulas are located with the lesson format's own rules (math_scan.h).
    void setLessonMarkdown(const std::string& markdown);
    const std::string& lessonMarkdown() const { return markdown_; }
    // Font size of the body text in points; headings scale with it. Re-renders formulas.
    void setTextPointSize(double points);
    double textPointSize() const { return points_; }
    // The widget's height follows its text (no vertical scroll bar).
    void setFitToContent(bool on);

    int formulaImageCount() const { return images_; }   // formulas drawn typeset
    int texFallbackCount() const { return fallbacks_; }  // formulas shown as TeX source
    // A display formula is wider than the text even drawn smaller: the text scrolls sideways.
    bool overflows() const { return overflow_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void clicked();  // a press anywhere on the text (used to select quiz choices)

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();
    void fitHeight();

    FormulaBook* book_ = nullptr;
    std::string markdown_;
    double points_ = 13;
    bool fit_ = false;
    int images_ = 0;
    int fallbacks_ = 0;
    double widestDisplay_ = 0;  // the widest display formula at full size, in pixels
    int renderedWidth_ = 0;     // the width formulas were fitted to
    bool renderQueued_ = false;
    bool overflow_ = false;
};

}  // namespace ns
