#include "lessons/lesson_library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <map>

namespace ns {

QString LessonEntry::id() const {
    return lesson ? QString::fromStdString(lesson->id) : QFileInfo(path).completeBaseName();
}

QStringList LessonEntry::problems() const {
    QStringList lines;
    for (const lessons::Diagnostic& d : diagnostics) lines << QString::fromStdString(d.format());
    return lines;
}

LessonEntry LessonLibrary::read(const QString& path, bool external) {
    LessonEntry entry;
    entry.path = path;
    entry.external = external;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        entry.diagnostics.push_back({path.toStdString(), {}, "expected a readable lesson file, found none that opens (" +
                                                                 file.errorString().toStdString() + ")"});
        return entry;
    }
    const QByteArray bytes = file.read(static_cast<qint64>(lessons::kMaxLessonBytes) + 1);
    lessons::LessonParse parsed =
        lessons::parseLesson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path.toStdString());
    entry.lesson = std::move(parsed.lesson);
    entry.diagnostics = std::move(parsed.diagnostics);
    entry.formulas = std::move(parsed.formulas);
    return entry;
}

void LessonLibrary::loadShipped(const QString& root) {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [](const LessonEntry& e) { return !e.external; }),
                   entries_.end());
    chapters_.clear();
    QStringList lessonFiles, chapterFiles;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = QFileInfo(path).fileName();
        if (name == QLatin1String("chapter.yaml")) chapterFiles << path;
        else if (name.endsWith(QLatin1String(".md")) && name != QLatin1String("README.md") && name != QLatin1String("FORMAT.md"))
            lessonFiles << path;
    }
    lessonFiles.sort();
    chapterFiles.sort();
    for (const QString& path : chapterFiles) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QByteArray bytes = file.readAll();
        const lessons::ChapterParse parsed =
            lessons::parseChapter(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path.toStdString());
        if (!parsed.chapter) continue;
        ChapterEntry chapter;
        chapter.number = parsed.chapter->number;
        chapter.title = parsed.chapter->title;
        chapters_.push_back(chapter);
    }
    for (const QString& path : lessonFiles) entries_.push_back(read(path, false));
    rebuildIndex();
}

void LessonLibrary::rebuildIndex() {
    std::map<int, ChapterEntry> byNumber;
    for (ChapterEntry& c : chapters_) {
        c.lessons.clear();
        byNumber[c.number] = c;
    }
    for (int i = 0; i < size(); ++i) {
        const LessonEntry& e = entries_[static_cast<std::size_t>(i)];
        if (e.external) continue;
        ChapterEntry& c = byNumber[e.chapter()];  // a malformed lesson goes to chapter 0
        c.number = e.chapter();
        c.lessons.push_back(i);
    }
    chapters_.clear();
    for (auto& [number, chapter] : byNumber) {
        std::stable_sort(chapter.lessons.begin(), chapter.lessons.end(), [this](int a, int b) {
            return entries_[static_cast<std::size_t>(a)].order() < entries_[static_cast<std::size_t>(b)].order();
        });
        if (!chapter.lessons.empty()) chapters_.push_back(chapter);
    }
}

int LessonLibrary::addFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const int existing = indexOfPath(absolute);
    if (existing >= 0) {
        reload(existing);
        return existing;
    }
    entries_.push_back(read(absolute, true));
    return size() - 1;
}

bool LessonLibrary::reload(int index) {
    if (index < 0 || index >= size()) return false;
    LessonEntry& e = entries_[static_cast<std::size_t>(index)];
    e = read(e.path, e.external);
    rebuildIndex();
    return e.ok() || !e.diagnostics.empty();
}

std::vector<int> LessonLibrary::externalEntries() const {
    std::vector<int> out;
    for (int i = 0; i < size(); ++i)
        if (entries_[static_cast<std::size_t>(i)].external) out.push_back(i);
    return out;
}

int LessonLibrary::indexOfId(const QString& id) const {
    for (int i = 0; i < size(); ++i)
        if (entries_[static_cast<std::size_t>(i)].ok() && entries_[static_cast<std::size_t>(i)].id() == id) return i;
    return -1;
}

int LessonLibrary::indexOfPath(const QString& path) const {
    for (int i = 0; i < size(); ++i)
        if (entries_[static_cast<std::size_t>(i)].path == path) return i;
    return -1;
}

int LessonLibrary::first() const {
    for (const ChapterEntry& c : chapters_)
        for (int i : c.lessons)
            if (entries_[static_cast<std::size_t>(i)].ok()) return i;
    return -1;
}

int LessonLibrary::next(int index) const {
    bool found = false;
    for (const ChapterEntry& c : chapters_)
        for (int i : c.lessons) {
            if (found && entries_[static_cast<std::size_t>(i)].ok()) return i;
            if (i == index) found = true;
        }
    return -1;
}

// ---------------------------------------------------------------------------------------------

LessonProgress::LessonProgress(QSettings* settings) : settings_(settings) {}

QSettings& LessonProgress::settings() const {
    if (settings_) return *settings_;
    if (!own_) own_.emplace();
    return *own_;
}

QStringList LessonProgress::list(const QString& lesson, const char* what) const {
    return settings().value(QStringLiteral("lessons/progress/%1/%2").arg(lesson, QLatin1String(what))).toStringList();
}

void LessonProgress::markVisited(const QString& lesson, const QString& step) {
    QStringList steps = list(lesson, "visited");
    if (steps.contains(step)) return;
    steps << step;
    settings().setValue(QStringLiteral("lessons/progress/%1/visited").arg(lesson), steps);
}

bool LessonProgress::visited(const QString& lesson, const QString& step) const {
    return list(lesson, "visited").contains(step);
}

void LessonProgress::markReached(const QString& lesson, const QString& step) {
    QStringList steps = list(lesson, "reached");
    if (steps.contains(step)) return;
    steps << step;
    settings().setValue(QStringLiteral("lessons/progress/%1/reached").arg(lesson), steps);
}

bool LessonProgress::reached(const QString& lesson, const QString& step) const {
    return list(lesson, "reached").contains(step);
}

void LessonProgress::recordAnswer(const QString& lesson, const QString& step, bool right) {
    const QString key = QStringLiteral("lessons/progress/%1/quiz/%2").arg(lesson, step);
    if (settings().contains(key)) return;  // the first answer counts
    settings().setValue(key, right ? QStringLiteral("right") : QStringLiteral("wrong"));
}

std::optional<bool> LessonProgress::answer(const QString& lesson, const QString& step) const {
    const QVariant v = settings().value(QStringLiteral("lessons/progress/%1/quiz/%2").arg(lesson, step));
    if (!v.isValid()) return std::nullopt;
    return v.toString() == QLatin1String("right");
}

int LessonProgress::stepsDone(const lessons::Lesson& lesson) const {
    const QString id = QString::fromStdString(lesson.id);
    const QStringList seen = list(id, "visited"), hit = list(id, "reached");
    int done = 0;
    for (const lessons::Step& s : lesson.steps) {
        const QString step = QString::fromStdString(s.id);
        if (seen.contains(step) && (!s.check || hit.contains(step))) ++done;
    }
    return done;
}

int LessonProgress::quizzesAnswered(const lessons::Lesson& lesson) const {
    int n = 0;
    for (const lessons::Step& s : lesson.steps)
        if (s.quiz && answer(QString::fromStdString(lesson.id), QString::fromStdString(s.id))) ++n;
    return n;
}

int LessonProgress::quizzesRight(const lessons::Lesson& lesson) const {
    int n = 0;
    for (const lessons::Step& s : lesson.steps)
        if (s.quiz && answer(QString::fromStdString(lesson.id), QString::fromStdString(s.id)).value_or(false)) ++n;
    return n;
}

void LessonProgress::forget(const QString& lesson) {
    settings().remove(QStringLiteral("lessons/progress/%1").arg(lesson));
}

void LessonProgress::setLast(const QString& lessonKey, const QString& step) {
    settings().setValue(QStringLiteral("lessons/last/lesson"), lessonKey);
    settings().setValue(QStringLiteral("lessons/last/step"), step);
}

QString LessonProgress::lastLesson() const { return settings().value(QStringLiteral("lessons/last/lesson")).toString(); }
QString LessonProgress::lastStep() const { return settings().value(QStringLiteral("lessons/last/step")).toString(); }

}  // namespace ns
