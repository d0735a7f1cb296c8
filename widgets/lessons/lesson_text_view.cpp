#include "lessons/lesson_text_view.h"

#include "lessons/formula_book.h"
#include "lessons/math_scan.h"
#include "lessons/text_util.h"
#include "common/theme.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QFontMetrics>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace ns {

namespace {

constexpr const char* kScheme = "ns-formula:";
constexpr double kMathXHeight = 0.442;  // em, MathJax's TeX fonts
// A display formula wider than the text is drawn smaller, down to this share of its size at the
// text's size; below that it is broken into lines (at \qquad) or the text scrolls sideways.
constexpr double kMinDisplayScale = 0.7;
constexpr double kMinStackedScale = 0.55;  // one of the stacked lines, or the formula that scrolls
const char* const kWordJoiner = "\u2060";   // no line break between a formula and its punctuation

// Punctuation that must not start a line after an inline formula (ASCII and Chinese).
bool closingPunctuationAt(const std::string& text, std::size_t at) {
    if (at >= text.size()) return false;
    if (std::strchr(",.;:!?)]%", text[at]) != nullptr && text[at] != 0) return true;
    static const char* const chinese[] = {"，", "。", "；", "：", "！", "？", "、", "）", "」", "』", "】", "”", "’", "…"};
    for (const char* c : chinese)
        if (text.compare(at, std::strlen(c), c) == 0) return true;
    return false;
}

// TeX shown as code when it has no typeset image: a code span whose backtick fence is longer
// than any run of backticks inside.
std::string texAsCode(const std::string& tex) {
    std::size_t longest = 0, run = 0;
    for (char c : tex) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string flat = tex;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    const std::string fence(longest + 1, '`');
    std::string code = fence;
    code += ' ';
    code += flat;
    code += ' ';
    code += fence;
    return code;
}

// The whitespace that starts the line containing offset, when only whitespace precedes offset.
std::string indentBefore(const std::string& text, std::size_t offset) {
    std::size_t start = offset;
    while (start > 0 && text[start - 1] != '\n') --start;
    const std::string prefix = text.substr(start, offset - start);
    return prefix.find_first_not_of(" \t") == std::string::npos ? prefix : std::string();
}

}  // namespace

LessonTextView::LessonTextView(QWidget* parent) : QTextBrowser(parent) {
    setOpenExternalLinks(true);
    setReadOnly(true);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(8);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            [this] { fitHeight(); });
}

void LessonTextView::setLessonMarkdown(const std::string& markdown) {
    markdown_ = markdown;
    render();
}

void LessonTextView::setTextPointSize(double points) {
    if (points == points_) return;
    points_ = points;
    render();
}

void LessonTextView::setFitToContent(bool on) {
    fit_ = on;
    setVerticalScrollBarPolicy(on ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, on ? QSizePolicy::Fixed : QSizePolicy::Expanding);
    fitHeight();
}

void LessonTextView::fitHeight() {
    if (!fit_) return;
    const int height = static_cast<int>(std::ceil(document()->size().height())) + 2 * frameWidth() +
                       (overflow_ ? horizontalScrollBar()->sizeHint().height() : 0);
    if (height != this->height() || minimumHeight() != height) setFixedHeight(std::max(height, 8));
    updateGeometry();
}

QSize LessonTextView::sizeHint() const {
    if (!fit_) return QTextBrowser::sizeHint();
    return {QTextBrowser::sizeHint().width(), static_cast<int>(std::ceil(document()->size().height())) + 2 * frameWidth() +
                                                  (overflow_ ? horizontalScrollBar()->sizeHint().height() : 0)};
}

QSize LessonTextView::minimumSizeHint() const {
    if (!fit_) return QTextBrowser::minimumSizeHint();
    return {120, sizeHint().height()};
}

void LessonTextView::render() {
    images_ = 0;
    fallbacks_ = 0;
    QTextDocument* doc = document();
    const QFont base = theme::uiFont(points_);
    doc->setDefaultFont(base);
    setFont(base);
    // The width display formulas must fit in (the margins, and room for a list's indent).
    const double available = std::max(120.0, viewport()->width() - 2 * doc->documentMargin() - 48);
    const double baseEm = base.pointSizeF() * logicalDpiY() / 72.0;
    const double baseX = QFontMetrics(base, this).xHeight();
    const double baseEmPixels = std::clamp(baseX / kMathXHeight, baseEm, 1.35 * baseEm);
    const QColor ink = theme::ink();
    const qreal dpr = devicePixelRatioF();
    widestDisplay_ = 0;

    // 1. Replace every formula by an image reference (or its TeX as code). The image needs alt
    //    text: Qt's Markdown importer inserts an image only when its alt text arrives.
    struct Formula {
        std::string tex;
        bool display;
    };
    std::vector<Formula> formulas;
    const lessons::MathScan scan = lessons::scanMath(markdown_, {1, 1});
    std::string text;
    std::size_t at = 0;
    for (const lessons::MathSpan& span : scan.spans) {
        text.append(markdown_, at, span.begin - at);
        at = span.end;
        auto image = [&](const std::string& tex, bool display) {
            std::string piece = "![formula](";
            piece += kScheme;
            piece += std::to_string(formulas.size());
            piece += ')';
            formulas.push_back({tex, display});
            return piece;
        };
        if (!span.display) {
            if (book_ && book_->has(span.tex, false)) {
                text += image(span.tex, false);
            } else {
                text += texAsCode(span.tex);
                ++fallbacks_;
            }
            // "$x$," stays together: the comma never starts a line of its own.
            if (closingPunctuationAt(markdown_, span.end)) text += kWordJoiner;
            continue;
        }
        // A display formula becomes a paragraph of its own at the indentation of its line (so
        // it stays inside a list item) — or, when it is too wide even drawn smaller and the
        // book has its lines, one paragraph per line.
        std::vector<std::string> pieces;
        if (book_ && book_->has(span.tex, true)) {
            const auto whole = book_->picture(span.tex, true, baseEmPixels, baseX, ink, dpr);
            const std::vector<std::string> lines = lessons::displayLines(span.tex);
            const bool stack = whole && whole->size.width() * kMinDisplayScale > available && !lines.empty() &&
                               std::all_of(lines.begin(), lines.end(),
                                           [this](const std::string& l) { return book_->has(l, true); });
            if (stack) {
                widestDisplay_ = std::max(widestDisplay_, whole->size.width());
                for (const std::string& line : lines) pieces.push_back(image(line, true));
            } else {
                pieces.push_back(image(span.tex, true));
            }
        } else {
            pieces.push_back(texAsCode(span.tex));
            ++fallbacks_;
        }
        const std::string indent = indentBefore(markdown_, span.begin);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            text += k == 0 ? "\n" : "\n\n";
            text += indent;
            text += pieces[k];
            text += '\n';
        }
    }
    text.append(markdown_, at, std::string::npos);

    text = lessons::joinCjkLineBreaks(text);

    // 2. Markdown → document. Resources must be added after setMarkdown(), which clears them.
    // Raw HTML stays text (lessons are Markdown only, and "<" in prose means less-than).
    doc->setMarkdown(QString::fromStdString(text), QTextDocument::MarkdownFeatures(
                                                       QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));

    // Qt gives the text after an image in a heading the body's format: the heading's again.
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() <= 0) continue;
        std::optional<QTextCharFormat> heading;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat()) continue;
            if (!heading || f.font().pointSizeF() > heading->font().pointSizeF()) heading = f;
        }
        if (!heading) continue;
        QTextCharFormat font;
        font.setFont(heading->font());
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat()) continue;
            QTextCursor c(doc);
            c.setPosition(fragment.position());
            c.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            QTextCharFormat keep = font;
            keep.setFontItalic(fragment.charFormat().fontItalic());
            c.mergeCharFormat(keep);
        }
    }

    // 3. Each formula image: drawn at the size of the text around it (headings are larger; the
    //    image's own format does not carry the heading's size), inline ones on the baseline.
    struct Place {
        int position;
        int index;
        QFont font;
        bool alone;  // the only thing in its block
    };
    std::vector<Place> places;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        QFont blockFont = base;
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (!it.fragment().charFormat().isImageFormat()) {
                blockFont = it.fragment().charFormat().font();
                break;
            }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat()) continue;
            const QString name = format.toImageFormat().name();
            if (!name.startsWith(QLatin1String(kScheme))) continue;
            const int index = name.mid(static_cast<int>(std::strlen(kScheme))).toInt();
            if (index < 0 || index >= static_cast<int>(formulas.size())) continue;
            for (int k = 0; k < fragment.length(); ++k)
                places.push_back({fragment.position() + k, index, blockFont, block.text().trimmed().size() == 1});
        }
    }
    renderedWidth_ = viewport()->width();
    overflow_ = false;
    QTextCursor cursor(doc);
    for (const Place& place : places) {
        const Formula& f = formulas[static_cast<std::size_t>(place.index)];
        const double textEm = place.font.pointSizeF() > 0 ? place.font.pointSizeF() * logicalDpiY() / 72.0
                                                          : place.font.pixelSize();
        const double xHeight = QFontMetrics(place.font, this).xHeight();
        // As MathJax does in a browser: the math's x-height (0.442 em in its TeX fonts) matches
        // the text's, within reason.
        double emPixels = std::clamp(xHeight / kMathXHeight, textEm, 1.35 * textEm);
        auto picture = book_->picture(f.tex, f.display, emPixels, xHeight, ink, dpr);
        if (!picture) continue;
        if (f.display) {
            widestDisplay_ = std::max(widestDisplay_, picture->size.width());
            // Smaller rather than cut off; what cannot shrink far enough scrolls sideways.
            if (picture->size.width() > available) {
                // (A formula that could be broken into lines fits at kMinDisplayScale, else it was.)
                emPixels *= std::max(kMinStackedScale, available / picture->size.width());
                picture = book_->picture(f.tex, f.display, emPixels, xHeight, ink, dpr);
                if (!picture) continue;
                if (picture->size.width() > available + 1) overflow_ = true;
            }
        }
        const QString name = QLatin1String(kScheme) + QString::number(place.index);
        doc->addResource(QTextDocument::ImageResource, QUrl(name), picture->image);
        QTextImageFormat image;
        image.setName(name);
        image.setWidth(picture->size.width());
        image.setHeight(picture->size.height());
        image.setFont(place.font);
        image.setToolTip(QString::fromStdString(f.tex));
        if (!f.display) image.setVerticalAlignment(QTextCharFormat::AlignMiddle);
        cursor.setPosition(place.position);
        cursor.setPosition(place.position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(image);
        if (f.display && place.alone) {
            QTextBlockFormat centred = cursor.blockFormat();
            centred.setAlignment(Qt::AlignHCenter);
            centred.setTopMargin(4);
            centred.setBottomMargin(4);
            cursor.setBlockFormat(centred);
        }
        ++images_;
    }
    // Never cut off silently: a formula that does not fit makes the text scroll sideways.
    setHorizontalScrollBarPolicy(overflow_ ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    fitHeight();
}

void LessonTextView::mousePressEvent(QMouseEvent* event) {
    emit clicked();
    QTextBrowser::mousePressEvent(event);
}

void LessonTextView::resizeEvent(QResizeEvent* event) {
    QTextBrowser::resizeEvent(event);
    // Fit the display formulas again when the width changes where it matters.
    const double margins = 2 * document()->documentMargin() + 48;
    const bool mattered = widestDisplay_ > renderedWidth_ - margins || widestDisplay_ > viewport()->width() - margins;
    if (book_ && mattered && std::abs(viewport()->width() - renderedWidth_) > 8 && !renderQueued_) {
        renderQueued_ = true;
        QTimer::singleShot(0, this, [this] {
            renderQueued_ = false;
            render();
        });
    }
}

void LessonTextView::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitHeight();
}

}  // namespace ns
