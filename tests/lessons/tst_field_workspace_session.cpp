// A lesson driving a workspace of field_workspaces.h through its model's Qt properties: the
// scene pauses the model, starts it afresh, sets each field it gives (and reports the ones the
// model would not take), and the check follows the model's changed() signal.
#include "lessons/field_workspaces.h"
#include "lessons/lesson_instruments.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_parser.h"
#include "lessons/lesson_session.h"
#include "network/session_model.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace ns;

namespace {

// The bandit's fields as a model would have them; arms above 10 are refused (kept as they were).
class FakeBandit : public QObject {
    Q_OBJECT
    Q_PROPERTY(int arms READ arms WRITE setArms)
    Q_PROPERTY(double epsilon READ epsilon WRITE setEpsilon)
    Q_PROPERTY(double ucb_c READ ucbC WRITE setUcbC)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying)
    Q_PROPERTY(int steps READ steps)
public:
    int arms() const { return arms_; }
    void setArms(int a) {
        if (a <= 10) arms_ = a;
    }
    double epsilon() const { return epsilon_; }
    void setEpsilon(double e) { epsilon_ = e; }
    double ucbC() const { return ucbC_; }
    void setUcbC(double c) { ucbC_ = c; }
    bool playing() const { return playing_; }
    void setPlaying(bool p) {
        playing_ = p;
        playingLog.push_back(p);
    }
    int steps() const { return steps_; }
    void advance(int n) {
        steps_ += n;
        emit changed();
    }
    Q_INVOKABLE void reset() {
        steps_ = 0;
        ++resets;
    }

    int resets = 0;
    std::vector<bool> playingLog;

signals:
    void changed();

private:
    int arms_ = 3, steps_ = 0;
    double epsilon_ = 0.1, ucbC_ = 2;
    bool playing_ = true;
};

class FakeHost : public SceneHost {
public:
    void showView(lessons::View view) override { shown = view; }
    void setControls(const std::vector<lessons::Control>&, const std::vector<lessons::Control>&) override {}
    void setHighlights(const std::vector<lessons::Highlight>&) override {}
    LabModel* openLab() override { return nullptr; }
    ConvolutionModel* openConvolution() override { return nullptr; }
    CnnModel* openCnn() override { return nullptr; }
    ResidualModel* openResidual() override { return nullptr; }
    QObject* openFieldWorkspace(const QString& id) override {
        opened << id;
        return id == QLatin1String("bandit") ? &bandit : nullptr;
    }

    FakeBandit bandit;
    QStringList opened;
    std::optional<lessons::View> shown;
};

const char* kLesson = R"(---
id: bandit-walk
title: {en: Bandit, zh: 老虎机}
chapter: 6
order: 4
minutes: 5
---

# step: run
```scene
view: bandit
bandit: {arms: 5, epsilon: 0.25, playing: true}
```
::: en
Text.
:::
::: zh
文字。
:::
```check
bandit_steps_at_least: 300
bandit_epsilon: {at_most: 0.3}
hint: {en: Try it., zh: 试一试。}
```

# step: too-many
```scene
view: bandit
bandit: {arms: 20, ucb_c: 1.5}
```
::: en
Text.
:::
::: zh
文字。
:::
```check
bandit_ucb_c_at_least: 3
hint: {en: Try it., zh: 试一试。}
```

# step: elsewhere
```scene
view: cartpole
```
::: en
Text.
:::
::: zh
文字。
:::
)";

}  // namespace

class TestFieldWorkspaceSession : public QObject {
    Q_OBJECT

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        settings_ = std::make_unique<QSettings>(dir_->filePath(QStringLiteral("progress.ini")), QSettings::IniFormat);
        progress_ = std::make_unique<LessonProgress>(settings_.get());
        model_ = std::make_unique<SessionModel>();
        perceptron_ = std::make_unique<PerceptronModel>();
        functions_ = std::make_unique<FunctionModel>();
        host_ = std::make_unique<FakeHost>();
        session_ = std::make_unique<LessonSession>(model_.get(), perceptron_.get(), functions_.get(), progress_.get());
        session_->setHost(host_.get());
        const lessons::LessonParse parsed = lessons::parseLesson(kLesson, "bandit-walk.md");
        QVERIFY(parsed.lesson);
        entry_.path = QStringLiteral("bandit-walk.md");
        entry_.lesson = parsed.lesson;
    }
    void cleanup() {
        session_.reset();
        host_.reset();
    }

    void aSceneSetsTheFieldsItGivesAfterAFreshStart() {
        QVERIFY(session_->open(entry_, 0));
        FakeBandit& b = host_->bandit;
        QCOMPARE(host_->shown, std::optional<lessons::View>(lessons::View::Bandit));
        QCOMPARE(host_->opened, QStringList{QStringLiteral("bandit")});
        QCOMPARE(b.resets, 1);
        QCOMPARE(b.arms(), 5);
        QCOMPARE(b.epsilon(), 0.25);
        QCOMPARE(b.ucbC(), 2.0);  // not given: left as the student had it
        // Paused first (the run flag), then started because the scene says so.
        QCOMPARE(b.playingLog, (std::vector<bool>{false, true}));
        QVERIFY2(session_->notApplied().isEmpty(), qPrintable(session_->notApplied().join(", ")));
    }

    void theCheckFollowsTheModel() {
        QVERIFY(session_->open(entry_, 0));
        FakeBandit& b = host_->bandit;
        QVERIFY(!session_->checkReached());
        const lessons::Condition& steps = session_->step().check->conditions[0];
        QCOMPARE(session_->current(steps), std::optional<double>(0.0));
        b.advance(299);
        QVERIFY(!session_->checkReached());
        QCOMPARE(session_->current(steps), std::optional<double>(299.0));
        QSignalSpy reached(session_.get(), &LessonSession::checkChanged);
        b.advance(1);
        QVERIFY(session_->checkReached());
        QCOMPARE(reached.count(), 1);
    }

    void aBoundOnASettableField() {
        QVERIFY(session_->open(entry_, 1));
        FakeBandit& b = host_->bandit;
        const lessons::Condition& c = session_->step().check->conditions[0];
        QVERIFY(!session_->holds(c));
        b.setUcbC(3.0);
        QVERIFY(session_->holds(c));
        b.setUcbC(2.99);
        QVERIFY(!session_->holds(c));
    }

    void aValueTheModelRefusesIsReported() {
        QVERIFY(session_->open(entry_, 1));
        QCOMPARE(host_->bandit.arms(), 3);
        QCOMPARE(host_->bandit.ucbC(), 1.5);
        QCOMPARE(session_->notApplied(), QStringList{QStringLiteral("bandit.arms")});
        QVERIFY(!host_->bandit.playing());  // paused: this scene does not ask for play
    }

    void aWorkspaceTheWindowLacksIsReported() {
        QVERIFY(session_->open(entry_, 2));
        QCOMPARE(session_->notApplied(), QStringList{QStringLiteral("view: cartpole")});
    }

    void everyFieldWorkspaceIsTableComplete() {
        // Each entry names a view of its own, a run flag among its fields, and only read-only
        // fields driven by a settable flag.
        std::set<lessons::View> views;
        for (const lessons::FieldWorkspace& spec : lessons::fieldWorkspaces()) {
            QVERIFY2(views.insert(spec.view).second, spec.id.c_str());
            QCOMPARE(lessons::fieldWorkspace(spec.view), &spec);
            const lessons::WorkspaceField* run = spec.field(spec.runFlag);
            QVERIFY2(run && run->settable && run->kind == lessons::WorkspaceField::Kind::Flag, spec.id.c_str());
            for (const lessons::WorkspaceField& f : spec.fields) {
                QVERIFY2(!f.en.empty() && !f.zh.empty(), f.name.c_str());
                if (f.settable) continue;
                const lessons::WorkspaceField* driver = spec.field(f.drivenBy);
                QVERIFY2(driver && driver->settable && driver->kind == lessons::WorkspaceField::Kind::Flag,
                         (spec.id + "." + f.name).c_str());
            }
        }
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<LessonProgress> progress_;
    std::unique_ptr<SessionModel> model_;
    std::unique_ptr<PerceptronModel> perceptron_;
    std::unique_ptr<FunctionModel> functions_;
    std::unique_ptr<FakeHost> host_;
    std::unique_ptr<LessonSession> session_;
    LessonEntry entry_;
};

QTEST_MAIN(TestFieldWorkspaceSession)
#include "tst_field_workspace_session.moc"
