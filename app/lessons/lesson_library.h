#pragma once
// The lessons the browser lists: the shipped ones (embedded in the app, under :/lessons) and
// files opened from disk. A lesson that does not parse stays in the list with its problems, so
// it never blocks the others; the panel shows its problems as the linter prints them. Progress
// through the lessons is kept in QSettings between runs.
#include "lessons/lesson_parser.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ns {

struct LessonEntry {
    QString path;           // ":/lessons/ch01-neurons/perceptron.md", or a file on disk
    bool external = false;  // opened from disk (--lesson, File ▸ Open lesson)
    std::optional<lessons::Lesson> lesson;
    std::vector<lessons::Diagnostic> diagnostics;
    std::vector<lessons::MathSpan> formulas;

    bool ok() const { return lesson.has_value(); }
    QString id() const;  // the lesson's id, or the file's base name when it does not parse
    int chapter() const { return lesson ? lesson->chapter : 0; }
    int order() const { return lesson ? lesson->order : 0; }
    QStringList problems() const;  // "file:line:column: message" lines
};

struct ChapterEntry {
    int number = 0;
    lessons::Text title;
    std::vector<int> lessons;  // entry indices, in order
};

class LessonLibrary {
public:
    static constexpr const char* kShippedRoot = ":/lessons";

    // Every chapter.yaml and lesson under root (the shipped lessons, or a folder in tests).
    void loadShipped(const QString& root = QString::fromLatin1(kShippedRoot));
    // A lesson file from disk; a file already in the library is read again. Returns its index.
    int addFile(const QString& path);
    // Reads an entry's file again (F5). Returns false when the file cannot be read.
    bool reload(int index);

    const std::vector<LessonEntry>& entries() const { return entries_; }
    const LessonEntry& entry(int index) const { return entries_.at(static_cast<std::size_t>(index)); }
    int size() const { return static_cast<int>(entries_.size()); }
    // Shipped chapters in order, each with its lessons in order; lessons from disk are not in them.
    const std::vector<ChapterEntry>& chapters() const { return chapters_; }
    std::vector<int> externalEntries() const;
    int indexOfId(const QString& id) const;  // -1 if none
    int indexOfPath(const QString& path) const;
    int first() const;            // the first shipped lesson, -1 if none
    int next(int index) const;    // the next shipped lesson in the course, -1 after the last

private:
    static LessonEntry read(const QString& path, bool external);
    void rebuildIndex();

    std::vector<LessonEntry> entries_;
    std::vector<ChapterEntry> chapters_;
};

// Progress through the lessons, by lesson and step id: steps visited, checks reached, quizzes
// answered, and where the student was. Stored in QSettings (or the given settings, for tests).
class LessonProgress {
public:
    explicit LessonProgress(QSettings* settings = nullptr);

    void markVisited(const QString& lesson, const QString& step);
    bool visited(const QString& lesson, const QString& step) const;
    void markReached(const QString& lesson, const QString& step);
    bool reached(const QString& lesson, const QString& step) const;
    void recordAnswer(const QString& lesson, const QString& step, bool right);
    std::optional<bool> answer(const QString& lesson, const QString& step) const;  // the first answer
    std::optional<bool> latestAnswer(const QString& lesson, const QString& step) const;  // the latest one

    // A step is done when it was visited and its check, if any, was reached.
    int stepsDone(const lessons::Lesson& lesson) const;
    int quizzesAnswered(const lessons::Lesson& lesson) const;
    int quizzesRight(const lessons::Lesson& lesson) const;
    void forget(const QString& lesson);

    // A class's progress, one row per lesson and step of the library's lessons (shipped ones in
    // course order, then those from disk): visited, check met (empty/null without a check),
    // quiz answered, correct (the first answer, which progress counts) and correct at the
    // latest answer (empty/null without a quiz or an answer).
    QString exportCsv(const LessonLibrary& library) const;
    QByteArray exportJson(const LessonLibrary& library) const;
    // Writes exportCsv() or, for a path ending in .json, exportJson(). False when it cannot.
    bool exportTo(const QString& path, const LessonLibrary& library, QString* problem = nullptr) const;

    void setLast(const QString& lessonKey, const QString& step);  // key: an id, or "file:" + path
    QString lastLesson() const;
    QString lastStep() const;

private:
    QSettings& settings() const;
    QStringList list(const QString& lesson, const char* what) const;

    QSettings* settings_;
    mutable std::optional<QSettings> own_;
};

}  // namespace ns
