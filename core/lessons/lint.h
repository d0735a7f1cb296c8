#pragma once
// The lesson linter behind `neuralscope-cli lint PATH…` and the build's formula step: parses
// every lesson and chapter.yaml it is given (folders are searched), checks what only a set of
// lessons can tell (unique ids and orders, prerequisites, chapter numbers), and typesets every
// formula with MathJax through Node.js when it is available, so a formula MathJax cannot
// typeset is an error with its file, line and column.
#include "lessons/lesson_parser.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns::lessons {

// One formula typeset by MathJax (resources/mathjax/render.cjs): an SVG that QtSvg can draw
// (no nested <svg>), its width and its extent above and below the baseline in em.
struct TypesetFormula {
    std::string tex;
    bool display = false;
    bool ok = false;
    std::string error;  // MathJax's message when !ok
    std::string svg;
    double width = 0;
    double ascent = 0;
    double descent = 0;
};

// The folder holding render.cjs and node_modules/mathjax-full (set up by the build); the
// environment variable NEURALSCOPE_MATHJAX_DIR overrides the built-in default.
std::string defaultMathJaxDir();
// Typesets the formulas (duplicates are typeset once). An empty optional, with the reason in
// `why`, when Node.js or MathJax is not available.
std::optional<std::vector<TypesetFormula>> typesetWithMathJax(const std::vector<MathSpan>& formulas,
                                                              const std::string& mathjaxDir, std::string& why);

// The formulas file the app embeds: {"version": 1, "formulas": [{tex, display, svg, width,
// ascent, descent}, …]}.
std::string formulasJson(const std::vector<TypesetFormula>& formulas);

struct LintOptions {
    std::string mathjaxDir;        // empty: defaultMathJaxDir()
    bool useMathJax = true;
    bool requireMathJax = false;   // fail (a diagnostic) when MathJax is not available
    std::string formulasOut;       // write every typeset formula here (formulasJson)
};

struct LintReport {
    std::vector<Diagnostic> diagnostics;  // sorted by file, line and column
    int lessons = 0;
    int chapters = 0;
    int formulas = 0;
    bool typeset = false;  // formulas were checked by MathJax, not only statically
    std::string note;      // why they were not, when they were not
};

LintReport lint(const std::vector<std::string>& paths, const LintOptions& options);

// `neuralscope-cli lint [--mathjax DIR] [--no-mathjax] [--require-mathjax] [--formulas-out FILE]
// PATH…`: diagnostics on `out`, a summary on `err`. Exit status 0 clean, 1 problems, 2 usage.
int lintCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ns::lessons
