#include "lessons/lesson_session.h"

#include "cnn/cnn_model.h"
#include "cnn/residual_model.h"
#include "sequence/sequence_model.h"
#include "conv/convolution_model.h"

#include "lab/lab_model.h"
#include "lessons/field_workspaces.h"
#include "lessons/lesson_instruments.h"
#include "network/session_model.h"

#include <QMetaObject>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace ns {

using lessons::Condition;
using lessons::View;

namespace {

bool isTrainingView(View v) { return v == View::Network || v == View::Stepper || v == View::Graph; }

// The main window always trains the textbook's network; a scene may name it, not change it.
bool textbookNetwork(const lessons::NetworkScene& n) {
    return (!n.sizes || *n.sizes == lessons::textbookSizes()) &&
           (!n.activations ||
            *n.activations == std::vector<Activation>{Activation::Relu, Activation::Relu, Activation::Sigmoid}) &&
           (!n.loss || *n.loss == LabLoss::Bce) && (!n.init || *n.init == Initialization::He) &&
           (!n.seed || *n.seed == 43);
}

}  // namespace

LessonSession::LessonSession(SessionModel* model, PerceptronModel* perceptron, FunctionModel* functions,
                             LessonProgress* progress, QObject* parent)
    : QObject(parent), model_(model), perceptron_(perceptron), functions_(functions), progress_(progress) {
    connect(model_, &SessionModel::changed, this, &LessonSession::evaluate);
    connect(perceptron_, &PerceptronModel::changed, this, &LessonSession::evaluate);
    connect(functions_, &FunctionModel::changed, this, &LessonSession::evaluate);
    // A scene that trains first (epochs: N) finishes when the training has: the stepper then
    // takes the trained weights, and checks look at the new state, not the one before.
    connect(model_, &SessionModel::batchFinished, this, [this] {
        if (!pending_) return;
        const lessons::Scene scene = *pending_;
        pending_.reset();
        applyStepper(scene);
        emit sceneApplied();
        evaluate();
    });
}

QString LessonSession::lessonKey() const { return lesson_ ? QString::fromStdString(lesson_->id) : QString(); }

bool LessonSession::open(const LessonEntry& entry, int step) {
    if (!entry.ok()) return false;
    entry_ = entry;
    lesson_ = *entry.lesson;
    sceneStep_ = -1;
    int index = step;
    if (index < 0) {
        const QString last = progress_->lastLesson();
        const QString key = entry.external ? QStringLiteral("file:") + entry.path : lessonKey();
        if (last == key) index = lesson_->stepIndex(progress_->lastStep().toStdString());
    }
    enterStep(std::clamp(index, 0, stepCount() - 1), true);
    return true;
}

bool LessonSession::reopen(const LessonEntry& entry) {
    if (!entry.ok()) return false;
    const std::string stepId = lesson_ ? step().id : std::string();
    const int oldIndex = step_;
    entry_ = entry;
    lesson_ = *entry.lesson;
    int index = lesson_->stepIndex(stepId);
    if (index < 0) index = std::min(oldIndex, stepCount() - 1);
    sceneStep_ = -1;  // the scene may have been edited: apply it again
    enterStep(index, true);
    return true;
}

void LessonSession::close() {
    ++generation_;
    pending_.reset();
    lesson_.reset();
    notApplied_.clear();
    sceneStep_ = -1;
    if (host_) {
        host_->setControls({}, {});
        host_->setHighlights({});
        host_->showView(View::Network);
    }
    emit lessonClosed();
}

void LessonSession::goToStep(int index) {
    if (!lesson_ || index < 0 || index >= stepCount()) return;
    enterStep(index, true);
}

void LessonSession::next() { goToStep(step_ + 1); }
void LessonSession::previous() { goToStep(step_ - 1); }

void LessonSession::resetScene() {
    if (!lesson_) return;
    sceneStep_ = -1;
    enterStep(step_, true);
}

void LessonSession::enterStep(int index, bool applyScene) {
    step_ = index;
    const QString key = lessonKey();
    const QString id = QString::fromStdString(step().id);
    progress_->markVisited(key, id);
    progress_->setLast(entry_.external ? QStringLiteral("file:") + entry_.path : key, id);
    reachedNow_ = false;
    if (applyScene) {
        // The scene in effect is the step's own, or the latest one before it.
        int scene = -1;
        for (int i = index; i >= 0; --i)
            if (lesson_->steps[static_cast<std::size_t>(i)].scene) {
                scene = i;
                break;
            }
        if (step().scene || scene != sceneStep_) {
            sceneStep_ = scene;
            if (scene >= 0) {
                apply(*lesson_->steps[static_cast<std::size_t>(scene)].scene);
            } else {
                notApplied_.clear();
                if (host_) {
                    host_->setControls({}, {});
                    host_->setHighlights({});
                }
            }
        }
    }
    emit stepChanged();
    emit progressChanged();
    evaluate();
}

void LessonSession::apply(const lessons::Scene& scene) {
    ++generation_;
    pending_.reset();
    notApplied_.clear();
    if (scene.view && host_) host_->showView(*scene.view);
    if (scene.perceptron) perceptron_->start(*scene.perceptron);
    if (scene.functions) functions_->start(*scene.functions);

    if (scene.view == View::Lab) {
        // Everything goes to the training lab, through the intents of its own controls.
        LabModel* lab = host_ ? host_->openLab() : nullptr;
        if (lab && lab != lab_) {
            lab_ = lab;
            connect(lab, &LabModel::changed, this, &LessonSession::evaluate);
            connect(lab, &LabModel::batchFinished, this, &LessonSession::evaluate);
        }
        if (lab) applyLab(*lab, scene);
        else notApplied_ << QStringLiteral("view: lab");
        if (host_) {
            host_->setControls(scene.locked, scene.hidden);
            host_->setHighlights(scene.highlight);
        }
        emit sceneApplied();
        return;
    }
    if (scene.view && (*scene.view == View::Convolution || *scene.view == View::Cnn || *scene.view == View::Residual ||
                       *scene.view == View::Sequence || lessons::fieldWorkspace(*scene.view))) {
        model_->setStepperPlaying(false);
        if (model_->isPlaying()) model_->pause();
        if (lessons::fieldWorkspace(*scene.view)) applyFieldWorkspace(scene);
        else applyViews(scene);
        if (host_) {
            host_->setControls(scene.locked, scene.hidden);
            host_->setHighlights(scene.highlight);
        }
        emit sceneApplied();
        return;
    }
    const bool training = scene.view && isTrainingView(*scene.view);
    if (scene.view) {
        // Whatever the step shows, nothing keeps running from the step before.
        model_->setStepperPlaying(false);
        if (model_->isPlaying()) model_->pause();
        if (training) model_->setBackpropMode(false);
    }
    if (scene.learningRate) model_->setLearningRate(*scene.learningRate);
    if (scene.speed) {
        const auto& choices = SessionModel::speedChoices();
        const auto it = std::find(choices.begin(), choices.end(), static_cast<double>(*scene.speed));
        if (it != choices.end()) model_->setSpeedIndex(static_cast<int>(it - choices.begin()));
    }
    if (scene.sample) model_->setSelectedSample(*scene.sample - 1);

    if (scene.network && !textbookNetwork(*scene.network)) notApplied_ << QStringLiteral("network");

    if (host_) {
        host_->setControls(scene.locked, scene.hidden);
        host_->setHighlights(scene.highlight);
    }
    if (scene.epochs) {
        // Back to the initial weights, then train; the rest waits for batchFinished.
        pending_ = scene;
        model_->reset();
        model_->trainEpochs(*scene.epochs);
        return;
    }
    applyStepper(scene);
    emit sceneApplied();
}

void LessonSession::watch(ConvolutionModel* model) { attach(convolution_, model); }
void LessonSession::watch(CnnModel* model) { attach(cnn_, model); }
void LessonSession::watch(ResidualModel* model) { attach(residual_, model); }
void LessonSession::watch(SequenceModel* model) { attach(sequence_, model); }

void LessonSession::watchFieldWorkspace(const QString& id, QObject* model) {
    if (!model || fieldModels_.value(id) == model) return;
    fieldModels_.insert(id, model);
    // Declared by every such model (field_workspaces.h); a model without it is never watched.
    connect(model, SIGNAL(changed()), this, SLOT(fieldModelChanged()));
}

// A workspace of field_workspaces.h: paused and started afresh (its reset(), when it has one), then
// each field the scene gives set in the table's order, read back to see it took.
void LessonSession::applyFieldWorkspace(const lessons::Scene& scene) {
    const lessons::FieldWorkspace& spec = *lessons::fieldWorkspace(*scene.view);
    const QString id = QString::fromStdString(spec.id);
    QObject* m = host_ ? host_->openFieldWorkspace(id) : nullptr;
    if (!m) {
        notApplied_ << QStringLiteral("view: ") + id;
        return;
    }
    watchFieldWorkspace(id, m);
    applyingSequence_ = true;
    const lessons::FieldScene given = scene.workspace.value_or(lessons::FieldScene{});
    if (!spec.runFlag.empty()) m->setProperty(spec.runFlag.c_str(), false);
    if (m->metaObject()->indexOfMethod("reset()") >= 0) QMetaObject::invokeMethod(m, "reset");
    using Kind = lessons::WorkspaceField::Kind;
    for (const lessons::WorkspaceField& f : spec.fields) {
        const lessons::FieldSetting* s = given.find(f.name);
        if (!s) continue;
        QVariant value;
        switch (f.kind) {
            case Kind::Choice:
            case Kind::Word: value = QString::fromStdString(s->text); break;
            case Kind::Whole: value = static_cast<int>(s->number); break;
            case Kind::Number: value = s->number; break;
            case Kind::Flag: value = s->flag; break;
        }
        m->setProperty(f.name.c_str(), value);
        const QVariant now = m->property(f.name.c_str());
        const bool took = f.kind == Kind::Number ? std::abs(now.toDouble() - s->number) <= 1e-9 * (1 + std::abs(s->number))
                                                 : now == value;
        if (!took) notApplied_ << id + QLatin1Char('.') + QString::fromStdString(f.name);
    }
    applyingSequence_ = false;
}

template <typename Model>
Model* LessonSession::attach(QPointer<Model>& slot, Model* model) {
    if (model && model != slot) {
        slot = model;
        connect(model, &Model::changed, this, &LessonSession::evaluate);
    }
    return model;
}

// The chapter-3 views, set up through their models' intents in the order the controls would be
// used, so the geometry is never impossible half-way.
void LessonSession::applyViews(const lessons::Scene& scene) {
    if (scene.convolution || *scene.view == View::Convolution) {
        ConvolutionModel* m = host_ ? attach(convolution_, host_->openConvolution()) : nullptr;
        if (!m) {
            notApplied_ << QStringLiteral("view: convolution");
        } else if (scene.convolution) {
            const lessons::ConvolutionScene& c = *scene.convolution;
            m->pause();
            auto text = [](const std::string& s) { return QString::fromStdString(s); };
            if (c.mode) m->setMode(text(*c.mode));
            if (c.channels) m->setChannels(*c.channels);
            if (c.inputSize) m->setInputSize(*c.inputSize);
            if (c.input) m->setInputPreset(text(*c.input));
            // Shrink first, grow after: each intermediate geometry stays possible.
            if (c.dilation && *c.dilation < m->dilation()) m->setDilation(*c.dilation);
            if (c.kernelSize) m->setKernelSize(*c.kernelSize);
            if (c.kernel) m->setKernelPreset(text(*c.kernel));
            if (c.padding) m->setPadding(*c.padding);
            if (c.dilation) m->setDilation(*c.dilation);
            if (c.stride) m->setStride(*c.stride);
            if (c.pool) m->setPool(text(c.pool->kind), c.pool->size, c.pool->stride);
            if (c.layers) m->setLayers(*c.layers);
            if (c.cursor && !m->setCursor(c.cursor->first, c.cursor->second)) notApplied_ << QStringLiteral("convolution.cursor");
            if (c.playing) m->setPlaying(*c.playing);
            if (!m->geometryProblem().isEmpty()) notApplied_ << QStringLiteral("convolution");
        }
    }
    if (scene.cnn || *scene.view == View::Cnn) {
        CnnModel* m = host_ ? attach(cnn_, host_->openCnn()) : nullptr;
        if (!m) {
            notApplied_ << QStringLiteral("view: cnn");
        } else if (scene.cnn) {
            const lessons::CnnScene& c = *scene.cnn;
            m->pause();
            if (c.learningRate && !m->setLearningRate(*c.learningRate)) notApplied_ << QStringLiteral("cnn.learning_rate");
            if (c.batchSize && !m->setBatchSize(static_cast<int>(*c.batchSize))) notApplied_ << QStringLiteral("cnn.batch_size");
            if (c.dataset) m->setDataset(QString::fromStdString(*c.dataset));  // a fresh run
            if (c.layer) m->selectLayer(QString::fromStdString(*c.layer));
            if (c.input && !m->selectInput(*c.input)) notApplied_ << QStringLiteral("cnn.input");
            if (c.training && *c.training) m->play();
        }
    }
    if (scene.residual || *scene.view == View::Residual) {
        ResidualModel* m = host_ ? attach(residual_, host_->openResidual()) : nullptr;
        if (!m) {
            notApplied_ << QStringLiteral("view: residual");
        } else if (scene.residual) {
            const lessons::ResidualScene& r = *scene.residual;
            m->pause();
            if (r.activation) { const std::string_view n = name(*r.activation); m->setActivation(QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()))); }
            if (r.blocks) m->setBlocks(*r.blocks);
            m->reset();  // a scene starts the experiment afresh
            if (r.training && *r.training) m->play();
        }
    }
    if (scene.sequence || *scene.view == View::Sequence) {
        SequenceModel* m = host_ ? attach(sequence_, host_->openSequence()) : nullptr;
        if (!m) {
            notApplied_ << QStringLiteral("view: sequence");
        } else if (scene.sequence) {
            const lessons::SequenceScene& q = *scene.sequence;
            // The model's changes while the scene is set up say nothing about the student's work
            // (the state before it may already meet the step's check).
            applyingSequence_ = true;
            m->pause();
            SequenceSettings next = m->settings();
            if (q.task) next.task = static_cast<sequence::TaskKind>(SequenceModel::taskNames().indexOf(QString::fromStdString(*q.task)));
            if (q.length) next.length = *q.length;
            if (q.cell) next.cell = SequenceModel::cellAt(static_cast<int>(SequenceModel::cellNames().indexOf(QString::fromStdString(*q.cell))));
            if (q.whScale) next.whScale = *q.whScale;
            if (q.clip) next.clip = *q.clip;
            m->apply(next, tr("Lesson scene"));
            m->reset();  // a scene starts the three cells afresh
            if (q.panel)
                m->setPanel(static_cast<SequenceModel::Panel>(SequenceModel::panelNames().indexOf(QString::fromStdString(*q.panel))));
            if (q.step) m->selectStep(*q.step - 1);
            if (q.revealed) {
                m->hideGradient();
                for (int k = 0; k < *q.revealed; ++k) m->revealBackward();
            } else {
                m->revealAll();
            }
            if (q.training && *q.training) m->play();
            applyingSequence_ = false;
        }
    }
}

void LessonSession::applyLab(LabModel& lab, const lessons::Scene& scene) {
    if (scene.dataset) lab.setDatasetKind(*scene.dataset);
    if (scene.samples) lab.setSamples(static_cast<int>(*scene.samples));
    if (scene.noise) lab.setNoise(*scene.noise);
    if (scene.testFraction) lab.setTestFraction(*scene.testFraction);
    if (scene.network && scene.network->sizes && scene.network->activations) {
        // The hidden layers (the lab builds the input and output layers for its data), from
        // x₁, x₂ for 2-D data, and the initial-weight seed.
        LabConfig c = lab.config();
        const std::vector<int>& sizes = *scene.network->sizes;
        c.hidden.assign(sizes.begin() + 1, sizes.end() - 1);
        c.activations.assign(scene.network->activations->begin(), scene.network->activations->end() - 1);
        c.features = kDefaultFeatures;
        if (scene.network->seed) c.initSeed = *scene.network->seed;
        if (LabModel::checkConfig(c).isEmpty()) lab.setConfig(c, tr("Network of the lesson's scene"));
        if (lab.config().hidden != c.hidden) notApplied_ << QStringLiteral("network");
    } else if (scene.network && scene.network->seed) {
        LabConfig c = lab.config();
        c.initSeed = *scene.network->seed;
        lab.setConfig(c, tr("Initial weights of the lesson's scene"));
    }
    if (scene.network && scene.network->batchNorm) {
        const std::vector<bool>& switches = *scene.network->batchNorm;
        for (std::size_t layer = 0; layer < switches.size(); ++layer) {
            lab.setBatchNorm(static_cast<int>(layer), switches[layer]);
            if (lab.batchNormOn(static_cast<int>(layer)) != switches[layer])
                notApplied_ << QStringLiteral("network.batch_norm");
        }
    }
    if (scene.network && scene.network->loss) {
        lab.setLoss(*scene.network->loss);
        if (lab.config().training.loss.kind != *scene.network->loss) notApplied_ << QStringLiteral("network.loss");
    }
    if (scene.optimizer) lab.setOptimizer(*scene.optimizer);
    if (scene.batchSize) lab.setBatchSize(static_cast<int>(*scene.batchSize));
    if (scene.momentum) lab.setMomentum(*scene.momentum);
    if (scene.learningRate) lab.setLearningRate(*scene.learningRate);
    if (scene.schedule) lab.setSchedule(*scene.schedule);
    if (scene.regularization) {
        const lessons::RegularizationScene& r = *scene.regularization;
        if (r.penalty != Penalty::None) lab.setRegularization(r.penalty, r.lambda);
        if (r.dropout) lab.setDropout(*r.dropout);
        if (r.earlyStopping) lab.setPatience(static_cast<int>(*r.earlyStopping));
    }
    if (scene.threshold) lab.setThreshold(*scene.threshold);
    if (scene.speed) {
        const auto& choices = LabModel::speedChoices();
        const auto it = std::find(choices.begin(), choices.end(), static_cast<double>(*scene.speed));
        if (it != choices.end()) lab.setSpeedIndex(static_cast<int>(it - choices.begin()));
    }
    if (scene.epochs) {
        lab.pause();
        lab.reset();
        if (*scene.epochs > 0) lab.trainEpochs(*scene.epochs);
    }
}

void LessonSession::applyStepper(const lessons::Scene& scene) {
    if (!scene.view || (*scene.view != View::Stepper && *scene.view != View::Graph)) return;
    model_->setBackpropMode(true);
    const lessons::StepperScene stepper = scene.stepper.value_or(lessons::StepperScene{});
    if (stepper.batch) model_->setStepBatchSize(*stepper.batch);
    model_->stepToStart();
    if (stepper.position) {
        const Granularity keep = model_->granularity();
        model_->setGranularity(Granularity::Value);
        const auto target = static_cast<std::size_t>(placeTarget(*stepper.position));
        while (model_->stepPosition() < std::min(target, model_->steps().size())) model_->stepForward();
        model_->setGranularity(keep);
    }
    if (stepper.granularity) model_->setGranularity(*stepper.granularity);
    if (stepper.graphNeuron) {
        model_->setGraphNeuron(stepper.graphNeuron->first, stepper.graphNeuron->second - 1);
        model_->graphToStart();
        for (long i = 0; i < stepper.graphSteps.value_or(0); ++i) model_->graphForward();
    }
}

long LessonSession::placeTarget(const lessons::StepperPlace& place) const {
    const BackpropSteps& steps = model_->steps();
    switch (place.kind) {
        case lessons::StepperPlace::Kind::Start: return 0;
        case lessons::StepperPlace::Kind::End: return static_cast<long>(steps.size());
        case lessons::StepperPlace::Kind::Count: return std::min(place.count, static_cast<long>(steps.size()));
        case lessons::StepperPlace::Kind::After: {
            long target = -1;
            for (const StepGroup& g : steps.groups())
                if (g.phase == place.phase && (place.phase == StepPhase::Loss || g.layer == place.layer))
                    target = std::max(target, static_cast<long>(g.last));
            return target < 0 ? static_cast<long>(steps.size()) : target;
        }
    }
    return 0;
}

bool LessonSession::holds(const Condition& c) const {
    switch (c.kind) {
        case Condition::Kind::LossBelow: return std::isfinite(model_->loss()) && model_->loss() < c.value;
        case Condition::Kind::AccuracyAtLeast:
            return std::isfinite(model_->accuracy()) && model_->accuracy() >= c.value;
        case Condition::Kind::EpochAtLeast: return static_cast<double>(model_->epoch()) >= c.value;
        case Condition::Kind::LearningRate: return c.range.contains(model_->learningRate());
        case Condition::Kind::Sample: return model_->selectedSample() + 1 == static_cast<int>(c.value);
        case Condition::Kind::Diverged: return model_->hasDiverged() == c.flag;
        case Condition::Kind::BackpropMode: return model_->backpropMode() == c.flag;
        case Condition::Kind::StepperReached:
            return model_->backpropMode() &&
                   static_cast<long>(model_->stepPosition()) >= std::max(1L, placeTarget(c.place));
        case Condition::Kind::GraphWalked: {
            const NeuronGraph* graph = model_->neuronGraph();
            const bool walked = model_->backpropMode() && graph && model_->graphPosition() >= graph->backwardOrder().size();
            return walked == c.flag;
        }
        case Condition::Kind::PerceptronCorrect: return perceptron_->correct() == c.flag;
        case Condition::Kind::PerceptronUpdatesAtLeast: return static_cast<double>(perceptron_->updates()) >= c.value;
        case Condition::Kind::PerceptronEpochsAtLeast: return static_cast<double>(perceptron_->epochs()) >= c.value;
        case Condition::Kind::PerceptronTask: return perceptron_->task() == c.gate;
        case Condition::Kind::ProbeAt: return c.range.contains(functions_->probe());
        case Condition::Kind::LabDiverged: return lab_ && (lab_->status() == LabStatus::Diverged) == c.flag;
        case Condition::Kind::LabLossBelow:
        case Condition::Kind::TestLossBelow:
        case Condition::Kind::TestAccuracyAtLeast:
        case Condition::Kind::LabEpochAtLeast:
        case Condition::Kind::Threshold: {
            const std::optional<double> now = current(c);
            if (!now || !std::isfinite(*now)) return false;
            if (c.kind == Condition::Kind::Threshold) return c.range.contains(*now);
            const bool below = c.kind == Condition::Kind::LabLossBelow || c.kind == Condition::Kind::TestLossBelow;
            return below ? *now < c.value : *now >= c.value;
        }
        case Condition::Kind::ConvolutionState: {
            if (!convolution_ || !c.convolution) return false;
            const lessons::ConvolutionScene& want = *c.convolution;
            const ConvolutionModel& m = *convolution_;
            auto text = [](const std::optional<std::string>& w, const QString& have) {
                return !w || QString::fromStdString(*w) == have;
            };
            auto whole = [](const std::optional<int>& w, int have) { return !w || *w == have; };
            return text(want.mode, m.mode()) && text(want.input, m.inputPreset()) && whole(want.inputSize, m.inputSize()) &&
                   text(want.kernel, m.kernelPreset()) && whole(want.kernelSize, m.kernelSize()) &&
                   whole(want.stride, m.stride()) && whole(want.padding, m.padding()) &&
                   whole(want.dilation, m.dilation()) && whole(want.channels, m.channels()) &&
                   whole(want.layers, m.layers()) && (!want.playing || *want.playing == m.playing()) &&
                   (!want.cursor || (want.cursor->first == m.cursorRow() && want.cursor->second == m.cursorCol())) &&
                   (!want.pool || (QString::fromStdString(want.pool->kind) == m.poolKind() &&
                                   want.pool->size == m.poolSize() && want.pool->stride == m.poolStride()));
        }
        case Condition::Kind::ConvolutionVisitedAll: return convolution_ && convolution_->visitedAll();
        case Condition::Kind::CnnLayer: return cnn_ && cnn_->selectedLayer() == QString::fromStdString(c.name);
        case Condition::Kind::SequenceSelectedStep: return sequence_ && sequence_->selectedStep() + 1 == static_cast<int>(c.value);
        case Condition::Kind::SequenceRevealedAtLeast: return sequence_ && sequence_->revealed() >= static_cast<int>(c.value);
        case Condition::Kind::SequenceWhScale: return sequence_ && c.range.contains(sequence_->settings().whScale);
        case Condition::Kind::SequenceClip: return sequence_ && sequence_->settings().clip == c.flag;
        case Condition::Kind::SequenceCell:
            return sequence_ && SequenceModel::cellNames().at(SequenceModel::cellIndex(sequence_->settings().cell)) ==
                                    QString::fromStdString(c.name);
        case Condition::Kind::CnnStepAtLeast:
        case Condition::Kind::CnnTestAccuracyAtLeast:
        case Condition::Kind::SequenceStepAtLeast:
        case Condition::Kind::ResidualStepAtLeast: {
            const std::optional<double> now = current(c);
            return now && std::isfinite(*now) && *now >= c.value;
        }
        case Condition::Kind::WorkspaceField: {
            const QObject* m = fieldModels_.value(QString::fromStdString(c.workspace));
            const QVariant v = m ? m->property(c.field.c_str()) : QVariant();
            if (!v.isValid()) return false;
            if (!c.name.empty()) return v.toString() == QString::fromStdString(c.name);
            if (c.range.atLeast || c.range.atMost) return std::isfinite(v.toDouble()) && c.range.contains(v.toDouble());
            return v.toBool() == c.flag;
        }
    }
    return false;
}

long LessonSession::stepperValueCount() const { return static_cast<long>(model_->steps().size()); }

std::optional<double> LessonSession::current(const Condition& c) const {
    const bool trained = lab_ && !lab_->history().empty();
    switch (c.kind) {
        case Condition::Kind::LossBelow: return model_->loss();
        case Condition::Kind::AccuracyAtLeast: return model_->accuracy();
        case Condition::Kind::EpochAtLeast: return static_cast<double>(model_->epoch());
        case Condition::Kind::LearningRate: return model_->learningRate();
        case Condition::Kind::Sample: return model_->selectedSample() + 1;
        case Condition::Kind::PerceptronUpdatesAtLeast: return static_cast<double>(perceptron_->updates());
        case Condition::Kind::PerceptronEpochsAtLeast: return static_cast<double>(perceptron_->epochs());
        case Condition::Kind::ProbeAt: return functions_->probe();
        case Condition::Kind::StepperReached:
            return model_->backpropMode() ? std::optional<double>(static_cast<double>(model_->stepPosition()))
                                          : std::nullopt;
        case Condition::Kind::LabLossBelow:
            return trained ? std::optional<double>(lab_->history().back().trainLoss) : std::nullopt;
        case Condition::Kind::TestLossBelow:
            return trained ? std::optional<double>(lab_->history().back().testLoss) : std::nullopt;
        case Condition::Kind::TestAccuracyAtLeast:
            return trained ? std::optional<double>(lab_->history().back().testAccuracy) : std::nullopt;
        case Condition::Kind::LabEpochAtLeast:
            return lab_ ? std::optional<double>(static_cast<double>(lab_->epoch())) : std::nullopt;
        case Condition::Kind::Threshold: return lab_ ? std::optional<double>(lab_->threshold()) : std::nullopt;
        case Condition::Kind::CnnStepAtLeast:
            return cnn_ ? std::optional<double>(static_cast<double>(cnn_->steps())) : std::nullopt;
        case Condition::Kind::CnnTestAccuracyAtLeast:
            return cnn_ && std::isfinite(cnn_->testAccuracy()) ? std::optional<double>(cnn_->testAccuracy()) : std::nullopt;
        case Condition::Kind::ResidualStepAtLeast:
            return residual_ ? std::optional<double>(static_cast<double>(residual_->steps())) : std::nullopt;
        case Condition::Kind::SequenceStepAtLeast:
            return sequence_ ? std::optional<double>(static_cast<double>(sequence_->steps())) : std::nullopt;
        case Condition::Kind::SequenceSelectedStep:
            return sequence_ ? std::optional<double>(sequence_->selectedStep() + 1) : std::nullopt;
        case Condition::Kind::SequenceRevealedAtLeast:
            return sequence_ ? std::optional<double>(sequence_->revealed()) : std::nullopt;
        case Condition::Kind::SequenceWhScale:
            return sequence_ ? std::optional<double>(sequence_->settings().whScale) : std::nullopt;
        case Condition::Kind::WorkspaceField: {
            if (c.range.atLeast || c.range.atMost) {
                const QObject* m = fieldModels_.value(QString::fromStdString(c.workspace));
                const QVariant v = m ? m->property(c.field.c_str()) : QVariant();
                if (v.isValid()) return v.toDouble();
            }
            return std::nullopt;
        }
        default: return std::nullopt;
    }
}

void LessonSession::evaluate() {
    if (!lesson_ || pending_ || applyingSequence_) return;
    const lessons::Step& s = step();
    if (!s.check) return;
    emit conditionsChanged();
    const QString key = lessonKey(), id = QString::fromStdString(s.id);
    if (!progress_->reached(key, id)) {
        for (const Condition& c : s.check->conditions)
            if (!holds(c)) return;
        progress_->markReached(key, id);
        emit progressChanged();
    }
    if (!reachedNow_) {
        reachedNow_ = true;
        emit checkChanged(true);
    }
}

bool LessonSession::checkReached() const {
    return lesson_ && step().check && progress_->reached(lessonKey(), QString::fromStdString(step().id));
}

lessons::Grade LessonSession::answer(const std::vector<int>& choices) {
    if (!lesson_ || !step().quiz) return lessons::Grade::Invalid;
    const lessons::Grade g = lessons::grade(*step().quiz, choices);
    if (g != lessons::Grade::Invalid) {
        progress_->recordAnswer(lessonKey(), QString::fromStdString(step().id), g == lessons::Grade::Right);
        emit progressChanged();
    }
    return g;
}

lessons::Grade LessonSession::answer(const QString& number) {
    if (!lesson_ || !step().quiz) return lessons::Grade::Invalid;
    const lessons::Grade g = lessons::grade(*step().quiz, number.toStdString());
    if (g != lessons::Grade::Invalid) {
        progress_->recordAnswer(lessonKey(), QString::fromStdString(step().id), g == lessons::Grade::Right);
        emit progressChanged();
    }
    return g;
}

std::optional<bool> LessonSession::quizAnswered() const {
    if (!lesson_ || !step().quiz) return std::nullopt;
    return progress_->answer(lessonKey(), QString::fromStdString(step().id));
}

std::optional<bool> LessonSession::quizLatest() const {
    if (!lesson_ || !step().quiz) return std::nullopt;
    return progress_->latestAnswer(lessonKey(), QString::fromStdString(step().id));
}

}  // namespace ns
