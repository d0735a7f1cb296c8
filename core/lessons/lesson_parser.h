#pragma once
// Reads a lesson file (lessons/FORMAT.md): YAML front matter and blocks parsed by yaml-cpp, the
// body split into steps and language blocks, every key and value checked against the format,
// every formula located. Problems come back as diagnostics that name the file, line and column,
// what was expected and what was found; a lesson with any problem is not returned.
#include "lessons/lesson.h"
#include "lessons/math_scan.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns::lessons {

struct Diagnostic {
    std::string file;
    Position position;    // line 0: the message is about the whole file
    std::string message;  // "expected …, found …"
    std::string format() const;  // "file:line:column: message"
};

struct LessonParse {
    std::optional<Lesson> lesson;    // set only when there are no diagnostics
    std::vector<Diagnostic> diagnostics;
    std::vector<MathSpan> formulas;  // every formula of the prose and the YAML texts
};

inline constexpr std::size_t kMaxLessonBytes = 1 << 20;  // 1 MiB

// `path` is only used in messages and for the file-name check (a lesson is named <id>.md).
LessonParse parseLesson(std::string_view text, const std::string& path);

struct ChapterParse {
    std::optional<Chapter> chapter;
    std::vector<Diagnostic> diagnostics;
};
ChapterParse parseChapter(std::string_view text, const std::string& path);

// The textbook network every scene refers to unless it names another (seed 001 §3).
const std::vector<int>& textbookSizes();
// How many values one step of the backprop stepper computes for a network of these sizes.
long stepperValueCount(const std::vector<int>& sizes);

}  // namespace ns::lessons
