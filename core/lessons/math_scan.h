#pragma once
// Finding the formulas in lesson text: $…$ inline, $$…$$ display (on lines of their own),
// outside `code` spans and fenced code blocks, with \$ for a literal dollar sign. The app
// replaces each span with its typeset image before handing the Markdown to QTextDocument; the
// linter checks each formula statically here and with MathJax (lint.h).
#include "lessons/lesson.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ns::lessons {

struct MathSpan {
    std::size_t begin = 0;  // byte offset of the opening delimiter in the scanned text
    std::size_t end = 0;    // one past the closing delimiter
    std::string tex;        // the formula, trimmed
    bool display = false;
    Position position;      // of the opening delimiter in the file
};

struct MathProblem {
    Position position;
    std::string message;  // "expected …, found …"
};

struct MathScan {
    std::vector<MathSpan> spans;
    std::vector<MathProblem> problems;
};

// Scans Markdown whose first character is at `origin` in the file. With exact = false (text of
// a quoted or multi-line YAML value, whose characters do not map one to one onto the file)
// every position is `origin`.
MathScan scanMath(std::string_view markdown, Position origin, bool exact = true);

// What MathJax would reject or lay out badly and can be told without it: unbalanced braces,
// equation numbers (\tag, \label), macro definitions, and macros MathJax lacks (\bm).
std::vector<MathProblem> checkFormula(const MathSpan& span);

// The lines a displayed formula too wide for the text may be broken into: its parts between
// \qquad at the top level (outside braces, \left…\right and environments), each trimmed.
// Empty when the formula has no such place. The build typesets these lines too, so that the app
// can stack them instead of shrinking the formula below legibility.
std::vector<std::string> displayLines(std::string_view tex);
// The formulas with, after each display formula that has them, its displayLines() as display
// formulas of their own (at the same position).
std::vector<MathSpan> withDisplayLines(const std::vector<MathSpan>& formulas);

}  // namespace ns::lessons
