// libFuzzer target for the lesson parser: any bytes must come back as a lesson or as
// diagnostics ("expected …, found …" with a position inside the file), never as a crash, a
// hang, an exception or undefined behaviour (built with AddressSanitizer and UBSan).
//   bash setup.sh test runs it for a bounded time (tests/lessons/CMakeLists.txt); by hand:
//   build/release/tests/lessons/fuzz_lesson_parser -dict=tests/lessons/fuzz/lesson.dict \
//       -max_total_time=600 CORPUS_DIR lessons tests/lessons/broken
#include "lessons/lesson_parser.h"
#include "lessons/math_scan.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ns::lessons::LessonParse parsed = ns::lessons::parseLesson(text, "fuzz.md");
    // Exactly one of: a lesson, or at least one problem.
    if (parsed.lesson.has_value() != parsed.diagnostics.empty()) __builtin_trap();
    // Lines end at LF, CR or CRLF.
    const long lines = 2 + static_cast<long>(std::count(text.begin(), text.end(), '\n') +
                                             std::count(text.begin(), text.end(), '\r'));
    for (const ns::lessons::Diagnostic& d : parsed.diagnostics) {
        if (d.message.rfind("expected ", 0) != 0) __builtin_trap();
        if (d.position.line < 0 || d.position.line > lines || d.position.column < 0) __builtin_trap();
    }
    if (parsed.lesson) {
        for (const ns::lessons::Step& step : parsed.lesson->steps) {
            // The app scans the same prose again when it renders it: that must hold up too.
            for (const auto* prose : {&step.en, &step.zh}) {
                const ns::lessons::MathScan scan = ns::lessons::scanMath(prose->markdown, {prose->firstLine, 1});
                for (const ns::lessons::MathSpan& span : scan.spans)
                    if (span.begin >= span.end || span.end > prose->markdown.size()) __builtin_trap();
            }
        }
    }
    const ns::lessons::ChapterParse chapter = ns::lessons::parseChapter(text, "chapter.yaml");
    if (chapter.chapter.has_value() != chapter.diagnostics.empty()) __builtin_trap();
    return 0;
}
