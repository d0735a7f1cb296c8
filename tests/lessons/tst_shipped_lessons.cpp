// The lessons that ship with the app: chapters 1–2 of the course notes as nine lessons in the
// order of the curriculum, each with at least three steps, a scene the app applies now, a quiz,
// and real text in both languages (English blocks without Chinese, Chinese blocks with it).
#include "lessons/lesson_parser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QtTest>

#include <map>
#include <set>

using namespace ns::lessons;

namespace {

bool hasChinese(const std::string& text) {
    const QString s = QString::fromStdString(text);
    for (const QChar c : s)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
    return false;
}

struct Shipped {
    std::vector<Lesson> lessons;
    std::map<int, Chapter> chapters;
    QStringList problems;
};

Shipped loadShipped() {
    Shipped shipped;
    QDirIterator it(QStringLiteral(NEURALSCOPE_SOURCE_DIR "/lessons"), QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) files << it.next();
    files.sort();
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            shipped.problems << path + QStringLiteral(": unreadable");
            continue;
        }
        const QByteArray bytes = file.readAll();
        const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const QString name = QFileInfo(path).fileName();
        if (name == QLatin1String("chapter.yaml")) {
            ChapterParse parsed = parseChapter(text, path.toStdString());
            for (const Diagnostic& d : parsed.diagnostics) shipped.problems << QString::fromStdString(d.format());
            if (parsed.chapter) shipped.chapters[parsed.chapter->number] = *parsed.chapter;
        } else if (name.endsWith(QLatin1String(".md")) && name != QLatin1String("README.md") &&
                   name != QLatin1String("FORMAT.md")) {
            LessonParse parsed = parseLesson(text, path.toStdString());
            for (const Diagnostic& d : parsed.diagnostics) shipped.problems << QString::fromStdString(d.format());
            if (parsed.lesson) shipped.lessons.push_back(*parsed.lesson);
        }
    }
    std::sort(shipped.lessons.begin(), shipped.lessons.end(), [](const Lesson& a, const Lesson& b) {
        return std::pair(a.chapter, a.order) < std::pair(b.chapter, b.order);
    });
    return shipped;
}

}  // namespace

class TestShippedLessons : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        shipped_ = loadShipped();
        QVERIFY2(shipped_.problems.isEmpty(), qPrintable(shipped_.problems.join(QLatin1Char('\n'))));
    }

    void theShippedLessonsInCurriculumOrder() {
        std::vector<std::string> ids;
        for (const Lesson& l : shipped_.lessons) ids.push_back(l.id);
        const std::vector<std::string> expected{"perceptron",    "activations",   "multilayer-perceptron",
                                                "backpropagation", "loss-functions", "metrics",
                                                "complete-example", "optimizers",  "vanishing-and-overfitting",
                                                "conv-operation", "output-size",  "pooling",
                                                "cnn-training",   "architectures", "batch-norm",
                                                "rnn",            "bptt",          "lstm",
                                                "gru",            "comparison",    "embeddings",
                                                "attention-basics", "scaled-dot-product", "masks",
                                                "multi-head",     "positional-encoding", "transformer-block",
                                                "encoder-decoder", "vit-mae",
                                                "rl-basics",      "mdp-returns",   "value-iteration",
                                                "exploration",    "q-learning",    "dqn",
                                                "policy-gradient"};
        QCOMPARE(ids, expected);
        QCOMPARE(shipped_.chapters.size(), std::size_t(6));
        for (const Lesson& l : shipped_.lessons) {
            QVERIFY(l.chapter >= 1 && l.chapter <= 6);
            QVERIFY(shipped_.chapters.count(l.chapter));
            // The folder's chapter.yaml names the lesson's chapter.
            const QString folder = QFileInfo(QString::fromStdString(l.path)).dir().path();
            QCOMPARE(QFileInfo(QString::fromStdString(shipped_.chapters[l.chapter].path)).dir().path(), folder);
        }
    }

    void everyLessonHasStepsAnInteractiveSceneAndAQuiz() {
        for (const Lesson& l : shipped_.lessons) {
            const QByteArray id = QByteArray::fromStdString(l.id);
            QVERIFY2(l.steps.size() >= 3, id.constData());
            QVERIFY2(l.quizCount() >= 1, id.constData());
            QVERIFY2(l.minutes >= 10 && l.minutes <= 60, id.constData());
            int live = 0;
            for (const Step& s : l.steps)
                if (s.scene && s.scene->view && *s.scene->view != View::Lab) ++live;
            QVERIFY2(live >= 1, id.constData());
            int checks = 0;
            for (const Step& s : l.steps) checks += s.check ? 1 : 0;
            QVERIFY2(checks >= 1, id.constData());
        }
    }

    void textIsWrittenInBothLanguages() {
        for (const Lesson& l : shipped_.lessons) {
            QVERIFY(hasChinese(l.title.zh) && !hasChinese(l.title.en));
            QVERIFY(l.summary && hasChinese(l.summary->zh) && !hasChinese(l.summary->en));
            for (const Step& s : l.steps) {
                const QByteArray where = QByteArray::fromStdString(l.id + "/" + s.id);
                QVERIFY2(hasChinese(s.zh.markdown), where.constData());
                QVERIFY2(!hasChinese(s.en.markdown), where.constData());
                QVERIFY2(!s.title(Language::English).empty() && !s.title(Language::Chinese).empty(), where.constData());
                if (s.check) {
                    QVERIFY2(hasChinese(s.check->hint.zh) && !hasChinese(s.check->hint.en), where.constData());
                }
                if (s.quiz) {
                    QVERIFY2(hasChinese(s.quiz->question.zh) && !hasChinese(s.quiz->question.en), where.constData());
                    QVERIFY2(hasChinese(s.quiz->explanation.zh) && !hasChinese(s.quiz->explanation.en),
                             where.constData());
                    for (const Text& c : s.quiz->choices) QVERIFY2(!hasChinese(c.en), where.constData());
                }
            }
        }
    }

    void prerequisitesComeEarlier() {
        std::set<std::string> seen;
        for (const Lesson& l : shipped_.lessons) {
            for (const std::string& p : l.prerequisites)
                QVERIFY2(seen.count(p), qPrintable(QString::fromStdString(l.id + " needs " + p)));
            seen.insert(l.id);
        }
    }

    void quizzesHaveGradableAnswers() {
        for (const Lesson& l : shipped_.lessons)
            for (const Step& s : l.steps) {
                if (!s.quiz) continue;
                if (s.quiz->isNumeric()) {
                    // The author's own answer, typed as a student would, is right.
                    char text[64];
                    std::snprintf(text, sizeof text, "%.12g", *s.quiz->number);
                    QCOMPARE(grade(*s.quiz, text), Grade::Right);
                } else {
                    QCOMPARE(grade(*s.quiz, s.quiz->answers), Grade::Right);
                    std::vector<int> wrong{static_cast<int>(s.quiz->choices.size()) - 1};
                    if (s.quiz->answers == wrong) wrong = {0};
                    QCOMPARE(grade(*s.quiz, wrong), Grade::Wrong);
                }
            }
    }

private:
    Shipped shipped_;
};

QTEST_APPLESS_MAIN(TestShippedLessons)
#include "tst_shipped_lessons.moc"
