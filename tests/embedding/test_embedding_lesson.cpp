// The shipped embeddings lesson driving the real EmbeddingModel through its Qt properties: every
// scene is applied in full (nothing refused), the model shows what the scene names, and the
// checks follow training and the student's word.
#include "embedding/embedding_model.h"
#include "lessons/lesson_instruments.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_parser.h"
#include "lessons/lesson_session.h"
#include "network/session_model.h"

#include "../common/sanitizer_slowdown.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ns;

namespace {

class Host : public SceneHost {
public:
    void showView(lessons::View view) override { shown = view; }
    void setControls(const std::vector<lessons::Control>&, const std::vector<lessons::Control>&) override {}
    void setHighlights(const std::vector<lessons::Highlight>&) override {}
    LabModel* openLab() override { return nullptr; }
    ConvolutionModel* openConvolution() override { return nullptr; }
    CnnModel* openCnn() override { return nullptr; }
    ResidualModel* openResidual() override { return nullptr; }
    QObject* openFieldWorkspace(const QString& id) override {
        return id == QLatin1String("embedding") ? &model : nullptr;
    }
    EmbeddingModel model;
    std::optional<lessons::View> shown;
};

}  // namespace

class TestEmbeddingLesson : public QObject {
    Q_OBJECT
private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        settings_ = std::make_unique<QSettings>(dir_->filePath(QStringLiteral("progress.ini")), QSettings::IniFormat);
        progress_ = std::make_unique<LessonProgress>(settings_.get());
        session_model_ = std::make_unique<SessionModel>();
        perceptron_ = std::make_unique<PerceptronModel>();
        functions_ = std::make_unique<FunctionModel>();
        host_ = std::make_unique<Host>();
        session_ = std::make_unique<LessonSession>(session_model_.get(), perceptron_.get(), functions_.get(), progress_.get());
        session_->setHost(host_.get());
        QFile file(QStringLiteral(":/lessons/ch04-sequences/embeddings.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const lessons::LessonParse parsed = lessons::parseLesson(text.toStdString(), "embeddings.md");
        QVERIFY(parsed.lesson);
        entry_.path = QStringLiteral("embeddings.md");
        entry_.lesson = parsed.lesson;
    }
    void cleanup() {
        session_.reset();
        host_.reset();
    }

    void everySceneIsAppliedInFull() {
        const auto& steps = entry_.lesson->steps;
        QVERIFY(steps.size() >= 3);
        for (int i = 0; i < static_cast<int>(steps.size()); ++i) {
            QVERIFY(session_->open(entry_, i));
            QCOMPARE(host_->shown, std::optional<lessons::View>(lessons::View::Embedding));
            QVERIFY2(session_->notApplied().isEmpty(), qPrintable(session_->notApplied().join(QStringLiteral(", "))));
            // Started afresh and paused: no check of the step holds yet.
            QCOMPARE(host_->model.epochs(), 0);
            QVERIFY(!host_->model.isPlaying());
            QVERIFY2(!session_->checkReached(), steps[static_cast<std::size_t>(i)].id.c_str());
        }
        // The last scene's fields.
        QCOMPARE(host_->model.corpusName(), QStringLiteral("zh"));
        QCOMPARE(host_->model.panelName(), QStringLiteral("neighbours"));
        QCOMPARE(host_->model.word(), QStringLiteral("猫"));
    }

    void theChecksFollowTrainingAndTheWord() {
        // The neighbours step: 30 epochs and the word tuesday.
        int step = -1;
        for (int i = 0; i < static_cast<int>(entry_.lesson->steps.size()); ++i)
            if (entry_.lesson->steps[static_cast<std::size_t>(i)].id == "neighbours") step = i;
        QVERIFY(step >= 0);
        QVERIFY(session_->open(entry_, step));
        EmbeddingModel& m = host_->model;
        QCOMPARE(m.word(), QStringLiteral("two"));
        QCOMPARE(m.panelName(), QStringLiteral("neighbours"));
        m.play();
        QTRY_VERIFY_WITH_TIMEOUT(m.epochs() >= 30, 60000 * test::kSanitizerSlowdown);
        m.pause();
        QVERIFY(!session_->checkReached());  // the word is still "two"
        QVERIFY(m.setWord(QStringLiteral("tuesday")));
        QTRY_VERIFY(session_->checkReached());
        // What the text promises: two's neighbours are numbers.
        QVERIFY(m.setWord(QStringLiteral("two")));
        const seq::SkipGram& sg = m.skipGram();
        const auto numbers = seq::builtinGroups(seq::CorpusLanguage::English)[2];
        int hits = 0;
        for (int k = 0; k < 3; ++k)
            hits += std::count(numbers.begin(), numbers.end(), sg.words()[m.neighbours()[k].word]) > 0;
        QVERIFY2(hits >= 2, qPrintable(QString::number(hits)));
    }

    void whatTheTextSaysHolds() {
        // The numbers the lesson's text names, with the model's seed and defaults.
        seq::SkipGram en(seq::builtinCorpus(seq::CorpusLanguage::English), {});
        QCOMPARE(int(en.words().size()), 74);  // "V = 74 words"
        double loss = 0;
        for (int e = 0; e < 40; ++e) loss = en.epoch();
        QVERIFY2(loss < 2.0, qPrintable(QString::number(loss)));  // the skipgram step's check
        for (int e = 40; e < 60; ++e) en.epoch();
        const auto answer = en.analogy(en.indexOf("king"), en.indexOf("man"), en.indexOf("woman"), 1);
        QCOMPARE(en.words()[answer[0].word], std::string("queen"));
        seq::SkipGram zh(seq::builtinCorpus(seq::CorpusLanguage::Chinese), {});
        for (int e = 0; e < 30; ++e) zh.epoch();
        const auto cat = zh.nearest(zh.indexOf("猫"), 5);
        std::vector<std::string> near;
        for (const auto& n : cat) near.push_back(zh.words()[n.word]);
        for (const char* w : {"马", "狗", "动物"})
            QVERIFY2(std::find(near.begin(), near.end(), std::string(w)) != near.end(), w);
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<LessonProgress> progress_;
    std::unique_ptr<SessionModel> session_model_;
    std::unique_ptr<PerceptronModel> perceptron_;
    std::unique_ptr<FunctionModel> functions_;
    std::unique_ptr<Host> host_;
    std::unique_ptr<LessonSession> session_;
    LessonEntry entry_;
};

QTEST_MAIN(TestEmbeddingLesson)
#include "test_embedding_lesson.moc"
