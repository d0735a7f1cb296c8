#include "lessons/math_scan.h"

#include "lessons/text_util.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace ns::lessons {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isAsciiPunctuation(char c) {
    return std::ispunct(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}

class Scanner {
public:
    Scanner(std::string_view text, Position origin, bool exact)
        : text_(text), origin_(origin), exact_(exact) {}

    MathScan run() {
        std::size_t lineStart = 0;
        while (lineStart < text_.size()) {
            std::size_t lineEnd = text_.find('\n', lineStart);
            if (lineEnd == std::string_view::npos) lineEnd = text_.size();
            const std::string_view line = text_.substr(lineStart, lineEnd - lineStart);
            if (fence_) {
                if (closesCodeFence(*fence_, line)) fence_.reset();
            } else if (!(fence_ = codeFenceOpening(line))) {
                lineEnd = scanLine(lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return std::move(result_);
    }

private:
    Position positionOf(std::size_t offset) const {
        if (!exact_) return origin_;
        int line = origin_.line;
        std::size_t lastBreak = std::string_view::npos;
        for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++line;
                lastBreak = i;
            }
        }
        if (lastBreak == std::string_view::npos)
            return {line, origin_.column + characterCount(text_, offset)};
        const std::string_view rest = text_.substr(lastBreak + 1);
        return {line, 1 + characterCount(rest, offset - lastBreak - 1)};
    }

    void problem(std::size_t offset, std::string message) {
        result_.problems.push_back({positionOf(offset), std::move(message)});
    }

    // The end of the paragraph that contains offset: the next blank line or the end.
    std::size_t paragraphEnd(std::size_t offset) const {
        std::size_t lineStart = text_.find('\n', offset);
        while (lineStart != std::string_view::npos) {
            std::size_t next = text_.find('\n', lineStart + 1);
            const std::size_t end = next == std::string_view::npos ? text_.size() : next;
            if (trim(text_.substr(lineStart + 1, end - lineStart - 1)).empty()) return lineStart;
            if (next == std::string_view::npos) return text_.size();
            lineStart = next;
        }
        return text_.size();
    }

    // Scans one line (display formulas may continue on the following lines); returns the
    // offset of the end of the last line it consumed.
    std::size_t scanLine(std::size_t start, std::size_t end) {
        std::size_t i = start;
        while (i < end) {
            const char c = text_[i];
            if (c == '\\' && i + 1 < end && isAsciiPunctuation(text_[i + 1])) {
                i += 2;
            } else if (c == '`') {
                std::size_t run = i;
                while (run < end && text_[run] == '`') ++run;
                const std::size_t length = run - i;
                // A code span closes at the next run of exactly as many backticks in the paragraph.
                const std::size_t limit = paragraphEnd(i);
                std::size_t search = run;
                std::size_t close = std::string_view::npos;
                while (search < limit) {
                    if (text_[search] == '`') {
                        std::size_t r = search;
                        while (r < limit && text_[r] == '`') ++r;
                        if (r - search == length) {
                            close = r;
                            break;
                        }
                        search = r;
                    } else {
                        ++search;
                    }
                }
                if (close == std::string_view::npos) {
                    i = run;
                } else {
                    if (close > end) end = lineEndAt(close);
                    i = close;
                }
            } else if (c == '$' && i + 1 < end && text_[i + 1] == '$') {
                // A display formula ends the line (text after it is reported by display()).
                return std::max(display(i, start, end), end);
            } else if (c == '$') {
                i = inlineFormula(i, end);
            } else {
                ++i;
            }
        }
        return end;
    }

    std::size_t lineEndAt(std::size_t offset) const {
        const std::size_t e = text_.find('\n', offset);
        return e == std::string_view::npos ? text_.size() : e;
    }

    // $…$ on one line. Returns where scanning continues.
    std::size_t inlineFormula(std::size_t open, std::size_t end) {
        if (open + 1 >= end || isSpace(text_[open + 1])) {
            problem(open, std::string("expected a formula right after '$' (write \\$ for a dollar sign), found ") +
                              (open + 1 >= end ? "the end of the line" : "a space"));
            // Skip what was probably meant as the formula, up to its closing '$', so one slip
            // gives one message.
            for (std::size_t i = open + 1; i < end; ++i) {
                if (text_[i] == '\\') ++i;
                else if (text_[i] == '$') return i + 1;
            }
            return end;
        }
        std::size_t i = open + 1;
        while (i < end) {
            const char c = text_[i];
            if (c == '\\' && i + 1 < end) {
                i += 2;
                continue;
            }
            if (c == '$' && !isSpace(text_[i - 1]) &&
                !(i + 1 < end && std::isdigit(static_cast<unsigned char>(text_[i + 1])))) {
                MathSpan span;
                span.begin = open;
                span.end = i + 1;
                span.tex = std::string(trim(text_.substr(open + 1, i - open - 1)));
                span.position = positionOf(open);
                result_.spans.push_back(std::move(span));
                return i + 1;
            }
            ++i;
        }
        problem(open, "expected a closing '$' on the same line for the formula that starts here "
                      "(write \\$ for a dollar sign), found the end of the line");
        return end;
    }

    // $$…$$: the delimiters start and end lines of their own; may span lines of one paragraph.
    // Returns the end offset of the last line consumed.
    std::size_t display(std::size_t open, std::size_t lineStart, std::size_t lineEnd) {
        if (!trim(text_.substr(lineStart, open - lineStart)).empty()) {
            problem(open, "expected '$$' at the start of a line (a display formula stands on lines "
                          "of its own), found text before it");
            return lineEnd;
        }
        const std::size_t limit = paragraphEnd(open);
        std::size_t i = open + 2;
        while (i + 1 < limit) {
            if (text_[i] == '\\') {
                i += 2;
                continue;
            }
            if (text_[i] == '$' && text_[i + 1] == '$') break;
            ++i;
        }
        if (i + 1 >= limit) {
            problem(open, "expected a closing '$$' before the end of the paragraph, found none");
            return limit;
        }
        const std::size_t close = i;
        const std::size_t after = close + 2;
        const std::size_t end = lineEndAt(after);
        MathSpan span;
        span.begin = open;
        span.end = after;
        span.display = true;
        span.tex = std::string(trim(text_.substr(open + 2, close - open - 2)));
        span.position = positionOf(open);
        if (!trim(text_.substr(after, end - after)).empty()) {
            problem(after, "expected the end of the line after the closing '$$', found " +
                               quoted(trim(text_.substr(after, end - after))));
        } else if (span.tex.empty()) {
            problem(open, "expected a formula between '$$' and '$$', found nothing");
        } else {
            result_.spans.push_back(std::move(span));
        }
        return end;
    }

    std::string_view text_;
    Position origin_;
    bool exact_;
    std::optional<CodeFence> fence_;
    MathScan result_;
};

}  // namespace

MathScan scanMath(std::string_view markdown, Position origin, bool exact) {
    return Scanner(markdown, origin, exact).run();
}

std::vector<MathProblem> checkFormula(const MathSpan& span) {
    std::vector<MathProblem> problems;
    const std::string& tex = span.tex;
    int depth = 0;
    bool strayClose = false;
    for (std::size_t i = 0; i < tex.size(); ++i) {
        const char c = tex[i];
        if (c == '\\' && i + 1 < tex.size()) {
            if (std::isalpha(static_cast<unsigned char>(tex[i + 1]))) {
                std::size_t j = i + 1;
                while (j < tex.size() && std::isalpha(static_cast<unsigned char>(tex[j]))) ++j;
                const std::string macro = tex.substr(i, j - i);
                static const std::map<std::string, std::string> unsupported{
                    {"\\bm", "expected a MathJax macro, found \\bm (did you mean \\boldsymbol?)"},
                    {"\\tag", "expected a formula without an equation number, found \\tag (number "
                              "equations in the text instead)"},
                    {"\\label", "expected a formula without a label, found \\label (refer to "
                                "equations in the text instead)"},
                    {"\\eqref", "expected a formula without equation references, found \\eqref"},
                    {"\\ref", "expected a formula without equation references, found \\ref"},
                    {"\\newcommand", "expected a formula without macro definitions, found \\newcommand "
                                     "(write the macro out)"},
                    {"\\renewcommand", "expected a formula without macro definitions, found "
                                       "\\renewcommand (write the macro out)"},
                    {"\\def", "expected a formula without macro definitions, found \\def (write "
                              "the macro out)"},
                    {"\\require", "expected a formula without \\require, found it (lessons use a "
                                  "fixed set of MathJax packages)"},
                };
                if (const auto it = unsupported.find(macro); it != unsupported.end())
                    problems.push_back({span.position, it->second});
                i = j - 1;
            } else {
                ++i;  // \{ \} \\ \$ …
            }
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth == 0) strayClose = true;
            else --depth;
        }
    }
    if (strayClose)
        problems.push_back({span.position, "expected every '}' to close a '{', found a '}' with no '{' "
                                           "before it (write \\} for a brace)"});
    if (depth > 0)
        problems.push_back({span.position, "expected a '}' for every '{', found " + std::to_string(depth) +
                                               " '{' not closed"});
    return problems;
}

std::vector<std::string> displayLines(std::string_view tex) {
    std::vector<std::string> lines;
    int depth = 0;  // braces, \left…\right and \begin…\end together
    std::size_t start = 0;
    auto isLetter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i < tex.size(); ++i) {
        const char c = tex[i];
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            --depth;
        } else if (c == '\\' && i + 1 < tex.size()) {
            std::size_t j = i + 1;
            if (!isLetter(tex[j])) {
                ++i;  // \{, \}, \\, \, …: one character
                continue;
            }
            while (j < tex.size() && isLetter(tex[j])) ++j;
            const std::string_view name = tex.substr(i + 1, j - i - 1);
            if (name == "left" || name == "begin") ++depth;
            else if (name == "right" || name == "end") --depth;
            else if (name == "qquad" && depth == 0) {
                const std::string_view part = trim(tex.substr(start, i - start));
                if (!part.empty()) lines.emplace_back(part);
                start = j;
            }
            i = j - 1;
        }
        if (depth < 0) return {};
    }
    if (depth != 0 || lines.empty()) return {};
    const std::string_view last = trim(tex.substr(start));
    if (!last.empty()) lines.emplace_back(last);
    if (lines.size() < 2) return {};
    return lines;
}

std::vector<MathSpan> withDisplayLines(const std::vector<MathSpan>& formulas) {
    std::vector<MathSpan> out;
    for (const MathSpan& f : formulas) {
        out.push_back(f);
        if (!f.display) continue;
        for (std::string& line : displayLines(f.tex)) {
            MathSpan piece = f;
            piece.tex = std::move(line);
            out.push_back(std::move(piece));
        }
    }
    return out;
}

}  // namespace ns::lessons
