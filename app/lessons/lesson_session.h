#pragma once
// One open lesson: which step the student is on, the scene in effect (applied through the same
// SessionModel intents a student's clicks produce, and through the lesson instruments), the
// step's check (watched on every change, ticked off the moment it holds), its quiz (graded),
// and the progress kept in LessonProgress. What a scene asks of the window — which view, which
// controls are locked or hidden, what is highlighted — goes to a SceneHost.
#include "lessons/lesson.h"
#include "lessons/lesson_library.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>
#include <vector>

namespace ns {

class CnnModel;
class ConvolutionModel;
class FunctionModel;
class LabModel;
class ResidualModel;
class SequenceModel;
class PerceptronModel;
class SessionModel;

class SceneHost {
public:
    virtual ~SceneHost() = default;
    virtual void showView(lessons::View view) = 0;
    virtual void setControls(const std::vector<lessons::Control>& locked,
                             const std::vector<lessons::Control>& hidden) = 0;
    virtual void setHighlights(const std::vector<lessons::Highlight>& highlights) = 0;
    // Shows the training lab and returns its model (null when the window has no lab).
    virtual LabModel* openLab() = 0;
    // The chapter-3 views' models, created on first use (null when the window has none).
    virtual ConvolutionModel* openConvolution() = 0;
    virtual CnnModel* openCnn() = 0;
    virtual ResidualModel* openResidual() = 0;
    // The sequences workspace's model (chapter 4), created on first use.
    virtual SequenceModel* openSequence() { return nullptr; }
    // The model of a workspace described in lessons/field_workspaces.h (by its id), created on first
    // use; null when the window has no such workspace.
    virtual QObject* openFieldWorkspace(const QString& id) {
        (void)id;
        return nullptr;
    }
};

class LessonSession : public QObject {
    Q_OBJECT
public:
    LessonSession(SessionModel* model, PerceptronModel* perceptron, FunctionModel* functions,
                  LessonProgress* progress, QObject* parent = nullptr);

    void setHost(SceneHost* host) { host_ = host; }
    // The chapter-3 models the session watches (also when a student opens the view by hand).
    void watch(ConvolutionModel* model);
    void watch(CnnModel* model);
    void watch(ResidualModel* model);
    void watch(SequenceModel* model);
    // A workspace of field_workspaces.h: its fields are the model's Qt properties, and its
    // changed() signal says when to look at them again.
    void watchFieldWorkspace(const QString& id, QObject* model);

    // Opens a lesson at a step (by index; −1: where the student left it, else the first).
    bool open(const LessonEntry& entry, int step = -1);
    // The same lesson read again: stays on the step with the same id (or the nearest index).
    bool reopen(const LessonEntry& entry);
    void close();
    bool isOpen() const { return lesson_.has_value(); }
    const lessons::Lesson& lesson() const { return *lesson_; }
    QString lessonKey() const;  // the id, or "file:" + path for a lesson from disk
    const LessonEntry& entry() const { return entry_; }
    int stepIndex() const { return step_; }
    const lessons::Step& step() const { return lesson_->steps.at(static_cast<std::size_t>(step_)); }
    int stepCount() const { return lesson_ ? static_cast<int>(lesson_->steps.size()) : 0; }

    void goToStep(int index);
    void next();
    void previous();
    void resetScene();  // applies the scene in effect again
    int sceneStep() const { return sceneStep_; }  // the step whose scene is in effect, −1 if none
    // Scene keys the app could not apply, of the scene in effect (lab settings the lab refused).
    const QStringList& notApplied() const { return notApplied_; }
    bool settling() const { return pending_.has_value(); }  // waiting for training to finish

    // The step's check: reached now or before (progress), and whether each condition holds.
    bool checkReached() const;
    bool holds(const lessons::Condition& condition) const;
    // What a condition looks at, now (for "now 0.31" next to the goal); none for flags.
    std::optional<double> current(const lessons::Condition& condition) const;
    long stepperValueCount() const;  // values in one training step of the stepper

    // Quizzes: graded and recorded (the first answer counts for progress).
    lessons::Grade answer(const std::vector<int>& choices);
    lessons::Grade answer(const QString& number);
    std::optional<bool> quizAnswered() const;
    std::optional<bool> quizLatest() const;  // the latest answer's outcome

signals:
    void stepChanged();
    void checkChanged(bool reached);
    void conditionsChanged();  // something a condition of the step's check looks at may have changed
    void sceneApplied();
    void progressChanged();
    void lessonClosed();

private:
    void enterStep(int index, bool applyScene);
    void apply(const lessons::Scene& scene);
    void applyStepper(const lessons::Scene& scene);
    void applyLab(LabModel& lab, const lessons::Scene& scene);
    void applyViews(const lessons::Scene& scene);
    void applyFieldWorkspace(const lessons::Scene& scene);
    template <typename Model>
    Model* attach(QPointer<Model>& slot, Model* model);
    void evaluate();
    Q_SLOT void fieldModelChanged() { evaluate(); }
    long placeTarget(const lessons::StepperPlace& place) const;

    SessionModel* model_;
    PerceptronModel* perceptron_;
    FunctionModel* functions_;
    LessonProgress* progress_;
    SceneHost* host_ = nullptr;
    QPointer<LabModel> lab_;  // the training lab, once a scene has opened it
    QPointer<ConvolutionModel> convolution_;
    QPointer<CnnModel> cnn_;
    QPointer<ResidualModel> residual_;
    QPointer<SequenceModel> sequence_;
    QHash<QString, QPointer<QObject>> fieldModels_;
    bool applyingSequence_ = false;  // a scene is setting the sequences model up (or a field workspace)
    LessonEntry entry_;
    std::optional<lessons::Lesson> lesson_;
    int step_ = 0;
    int sceneStep_ = -1;
    QStringList notApplied_;
    std::optional<lessons::Scene> pending_;  // a stepper scene waiting for its training
    int generation_ = 0;
    bool reachedNow_ = false;
};

}  // namespace ns
