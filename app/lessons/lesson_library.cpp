#include "lessons/lesson_library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

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
    settings().setValue(QStringLiteral("lessons/progress/%1/latest/%2").arg(lesson, step),
                        right ? QStringLiteral("right") : QStringLiteral("wrong"));
    const QString key = QStringLiteral("lessons/progress/%1/quiz/%2").arg(lesson, step);
    if (settings().contains(key)) return;  // the first answer counts
    settings().setValue(key, right ? QStringLiteral("right") : QStringLiteral("wrong"));
}

std::optional<bool> LessonProgress::answer(const QString& lesson, const QString& step) const {
    const QVariant v = settings().value(QStringLiteral("lessons/progress/%1/quiz/%2").arg(lesson, step));
    if (!v.isValid()) return std::nullopt;
    return v.toString() == QLatin1String("right");
}

std::optional<bool> LessonProgress::latestAnswer(const QString& lesson, const QString& step) const {
    const QVariant v = settings().value(QStringLiteral("lessons/progress/%1/latest/%2").arg(lesson, step));
    if (!v.isValid()) return answer(lesson, step);  // answered before the latest was kept
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

namespace {

struct ExportRow {
    int chapter = 0;
    QString lesson, title, step;
    int stepNumber = 0;
    bool visited = false;
    std::optional<bool> checkMet;   // none: the step has no check
    bool hasQuiz = false;
    std::optional<bool> correct;    // the first answer; none: no quiz or not answered
    std::optional<bool> latest;     // the latest answer
};

// The shipped lessons in course order, then the lessons from disk.
std::vector<ExportRow> exportRows(const LessonProgress& progress, const LessonLibrary& library) {
    std::vector<int> order;
    for (const ChapterEntry& c : library.chapters()) order.insert(order.end(), c.lessons.begin(), c.lessons.end());
    for (int i : library.externalEntries()) order.push_back(i);
    std::vector<ExportRow> rows;
    for (int index : order) {
        const LessonEntry& e = library.entry(index);
        if (!e.ok()) continue;
        const lessons::Lesson& l = *e.lesson;
        const QString key = e.external ? QStringLiteral("file:") + e.path : QString::fromStdString(l.id);
        for (std::size_t k = 0; k < l.steps.size(); ++k) {
            const lessons::Step& s = l.steps[k];
            const QString step = QString::fromStdString(s.id);
            ExportRow r;
            r.chapter = l.chapter;
            r.lesson = e.external ? e.path : QString::fromStdString(l.id);
            r.title = QString::fromStdString(l.title.en);
            r.step = step;
            r.stepNumber = static_cast<int>(k) + 1;
            r.visited = progress.visited(key, step);
            if (s.check) r.checkMet = progress.reached(key, step);
            r.hasQuiz = s.quiz.has_value();
            if (s.quiz) {
                r.correct = progress.answer(key, step);
                r.latest = progress.latestAnswer(key, step);
            }
            rows.push_back(r);
        }
    }
    return rows;
}

// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString yesNo(bool v) { return v ? QStringLiteral("yes") : QStringLiteral("no"); }
QString yesNo(const std::optional<bool>& v) { return v ? yesNo(*v) : QString(); }

QJsonValue jsonFlag(const std::optional<bool>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }

}  // namespace

QString LessonProgress::exportCsv(const LessonLibrary& library) const {
    QString out = QStringLiteral("chapter,lesson,lesson_title,step_number,step,visited,check_met,quiz_answered,correct,"
                                 "correct_latest\r\n");
    for (const ExportRow& r : exportRows(*this, library)) {
        const QStringList fields{QString::number(r.chapter),
                                 csvField(r.lesson),
                                 csvField(r.title),
                                 QString::number(r.stepNumber),
                                 csvField(r.step),
                                 yesNo(r.visited),
                                 yesNo(r.checkMet),
                                 r.hasQuiz ? yesNo(r.correct.has_value()) : QString(),
                                 yesNo(r.correct),
                                 yesNo(r.latest)};
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

QByteArray LessonProgress::exportJson(const LessonLibrary& library) const {
    QJsonArray lessonsArray;
    QJsonObject current;
    QJsonArray steps;
    auto flush = [&] {
        if (current.isEmpty()) return;
        current.insert(QStringLiteral("steps"), steps);
        lessonsArray.append(current);
        current = QJsonObject();
        steps = QJsonArray();
    };
    for (const ExportRow& r : exportRows(*this, library)) {
        if (current.value(QStringLiteral("lesson")).toString() != r.lesson || current.isEmpty()) {
            flush();
            current.insert(QStringLiteral("lesson"), r.lesson);
            current.insert(QStringLiteral("title"), r.title);
            current.insert(QStringLiteral("chapter"), r.chapter);
        }
        QJsonObject step{{QStringLiteral("step"), r.step},
                         {QStringLiteral("number"), r.stepNumber},
                         {QStringLiteral("visited"), r.visited},
                         {QStringLiteral("check_met"), jsonFlag(r.checkMet)},
                         {QStringLiteral("quiz_answered"), r.hasQuiz ? QJsonValue(r.correct.has_value())
                                                                     : QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("correct"), jsonFlag(r.correct)},
                         {QStringLiteral("correct_latest"), jsonFlag(r.latest)}};
        steps.append(step);
    }
    flush();
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("neuralscope-progress")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("lessons"), lessonsArray}})
        .toJson(QJsonDocument::Indented);
}

bool LessonProgress::exportTo(const QString& path, const LessonLibrary& library, QString* problem) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (problem) *problem = file.errorString();
        return false;
    }
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    file.write(json ? exportJson(library) : exportCsv(library).toUtf8());
    if (!file.commit()) {
        if (problem) *problem = file.errorString();
        return false;
    }
    return true;
}

void LessonProgress::setLast(const QString& lessonKey, const QString& step) {
    settings().setValue(QStringLiteral("lessons/last/lesson"), lessonKey);
    settings().setValue(QStringLiteral("lessons/last/step"), step);
}

QString LessonProgress::lastLesson() const { return settings().value(QStringLiteral("lessons/last/lesson")).toString(); }
QString LessonProgress::lastStep() const { return settings().value(QStringLiteral("lessons/last/step")).toString(); }

}  // namespace ns
