#include "transformer/transformer_model.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace ns {

using transformer::ToySettings;
using transformer::ToyTask;
using transformer::ToyTransformer;

// ---- The task on the training thread ----

void TransformerTask::restart(int generation, const ToySettings& settings, const std::vector<int>& input) {
    stopAll();
    generation_ = generation;
    model_ = std::make_unique<ToyTransformer>(settings);
    diverged_ = false;
    pending_.clear();
    input_ = input;
    heldOut_ = model_->heldOutAccuracy();
    evaluatedAt_ = 0;
    news_ = true;
    publishNow();
}

void TransformerTask::setLearningRate(double eta) {
    if (model_) model_->setLearningRate(eta);
}

void TransformerTask::setInput(const std::vector<int>& input) {
    input_ = input;
    news_ = true;
    publishNow();
}

bool TransformerTask::trainOne() {
    const transformer::ToyStep step = model_->step();
    pending_.push_back(step);
    if (!step.finite) {
        diverged_ = true;
        news_ = true;
        return false;
    }
    if (model_->steps() % kEvaluateEvery == 0) {
        heldOut_ = model_->heldOutAccuracy();
        evaluatedAt_ = model_->steps();
    }
    return true;
}

void TransformerTask::emitSnapshot(bool) {
    auto s = std::make_shared<TransformerSnapshot>();
    s->generation = generation_;
    s->playing = playing();
    s->diverged = diverged_;
    s->request = request_;
    if (model_) {
        if (!playing() && evaluatedAt_ != model_->steps()) {  // paused: the weights as they are now
            heldOut_ = model_->heldOutAccuracy();
            evaluatedAt_ = model_->steps();
        }
        s->steps = model_->steps();
        if (static_cast<int>(input_.size()) == model_->settings().length)
            s->prediction = std::make_shared<const transformer::ToyPrediction>(model_->predict(input_));
    }
    s->heldOutAccuracy = heldOut_;
    s->evaluatedAt = evaluatedAt_;
    s->input = input_;
    s->newSteps.swap(pending_);
    news_ = false;
    emit progress(std::move(s));
}

// ---- Undo ----

namespace {

class SettingsCommand : public QUndoCommand {
public:
    SettingsCommand(TransformerModel* model, const QString& text, ToySettings before, QString beforeInput,
                    ToySettings after, QString afterInput)
        : QUndoCommand(text), model_(model), before_(before), after_(after), beforeInput_(std::move(beforeInput)),
          afterInput_(std::move(afterInput)) {}
    void undo() override { model_->apply(before_, beforeInput_); }
    void redo() override { model_->apply(after_, afterInput_); }

private:
    TransformerModel* model_;
    ToySettings before_, after_;
    QString beforeInput_, afterInput_;
};

bool sameRun(const ToySettings& a, const ToySettings& b) {
    return a.task == b.task && a.length == b.length && a.layers == b.layers && a.heads == b.heads;
}

}  // namespace

// ---- The model ----

TransformerModel::TransformerModel(QObject* parent) : QObject(parent), task_(new TransformerTask), undo_(new QUndoStack(this)) {
    qRegisterMetaType<TransformerSnapshotPtr>();
    connect(task_, &TransformerTask::progress, this, &TransformerModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    setUnitsPerSecond(40);  // slow enough to watch the maps change; tests ask for full speed
    input_ = defaultInput(settings_.task, settings_.length);
    restart();
}

TransformerModel::~TransformerModel() { PacedWorker::shared().release(task_); }

QStringList TransformerModel::taskNames() {
    QStringList names;
    for (const std::string& n : transformer::toyTaskNames()) names << QString::fromStdString(n);
    return names;
}

QString TransformerModel::task() const { return taskNames().at(static_cast<int>(settings_.task)); }

QString TransformerModel::defaultInput(ToyTask task, int length) {
    if (task == ToyTask::Characters) return QString::fromStdString(ToyTransformer::text().substr(0, static_cast<std::size_t>(length)));
    static const QString digits = QStringLiteral("3141592653589793");  // varied digits, repeats included
    return digits.left(length);
}

bool TransformerModel::refuse(const QString& why) {
    error_ = why;
    markChanged();
    return false;
}

bool TransformerModel::edit(const QString& text, ToySettings settings, QString input) {
    error_.clear();
    if (sameRun(settings, settings_) && settings.learningRate == settings_.learningRate && input == input_) {
        markChanged();
        return true;
    }
    undo_->push(new SettingsCommand(this, text, settings_, input_, settings, std::move(input)));
    return true;
}

void TransformerModel::apply(const ToySettings& settings, const QString& input) {
    const bool newRun = !sameRun(settings, settings_);
    const bool newInput = input != input_;
    const double eta = settings.learningRate;
    settings_ = settings;
    input_ = input;
    layer_ = std::min(layer_, settings_.layers);
    head_ = std::min(head_, settings_.heads);
    if (newRun) {
        restart();
        return;
    }
    PacedWorker::post<TransformerTask>(task_, [eta](TransformerTask& t) { t.setLearningRate(eta); });
    if (newInput) {
        const std::vector<int> tokens = ToyTransformer::tokens(settings_.task, input_.toStdString());
        PacedWorker::post<TransformerTask>(task_, [tokens](TransformerTask& t) { t.setInput(tokens); });
    }
    markChanged();
}

bool TransformerModel::setTask(const QString& task) {
    const int index = taskNames().indexOf(task);
    if (index < 0) return refuse(tr("Unknown task '%1': expected one of %2").arg(task, taskNames().join(QStringLiteral(", "))));
    ToySettings s = settings_;
    s.task = static_cast<ToyTask>(index);
    if (s.task == settings_.task) return edit(tr("task"), s, input_);
    return edit(tr("task: %1").arg(task), s, defaultInput(s.task, s.length));
}

bool TransformerModel::setLength(int n) {
    if (n < ToySettings::kMinLength || n > ToySettings::kMaxLength)
        return refuse(tr("The length must lie in %1–%2").arg(ToySettings::kMinLength).arg(ToySettings::kMaxLength));
    ToySettings s = settings_;
    s.length = n;
    if (n == settings_.length) return edit(tr("length"), s, input_);
    return edit(tr("length %1").arg(n), s, defaultInput(s.task, n));
}

bool TransformerModel::setLayers(int layers) {
    if (layers < 1 || layers > ToySettings::kMaxLayers) return refuse(tr("The Transformer here has 1 or 2 layers"));
    ToySettings s = settings_;
    s.layers = layers;
    return edit(tr("%n layer(s)", nullptr, layers), s, input_);
}

bool TransformerModel::setHeads(int heads) {
    if (heads != 1 && heads != 2 && heads != 4) return refuse(tr("The head count must be 1, 2 or 4 (d_model = 32 is split among them)"));
    ToySettings s = settings_;
    s.heads = heads;
    return edit(tr("%n head(s)", nullptr, heads), s, input_);
}

bool TransformerModel::setLearningRate(double eta) {
    if (!std::isfinite(eta) || eta < kMinRate || eta > kMaxRate) return refuse(tr("The learning rate must lie in 0.0001–0.1"));
    ToySettings s = settings_;
    s.learningRate = eta;
    return edit(tr("learning rate %1").arg(eta), s, input_);
}

bool TransformerModel::setInput(const QString& typed) {
    const QString text = settings_.task == ToyTask::Characters ? typed.toLower() : typed.trimmed();
    if (text.size() != settings_.length)
        return refuse(settings_.task == ToyTask::Characters
                          ? tr("Type exactly %1 characters (letters and spaces); '%2' has %3").arg(settings_.length).arg(typed).arg(text.size())
                          : tr("Type exactly %1 digits; '%2' has %3").arg(settings_.length).arg(typed).arg(text.size()));
    if (ToyTransformer::tokens(settings_.task, text.toStdString()).empty())
        return refuse(settings_.task == ToyTask::Characters ? tr("Only the letters a–z and spaces can be typed for this task")
                                                            : tr("Only the digits 0–9 can be typed for this task"));
    return edit(tr("input %1").arg(text), settings_, text);
}

bool TransformerModel::selectLayer(int layer) {
    if (layer < 1 || layer > settings_.layers) return refuse(tr("Layer %1 does not exist (1–%2)").arg(layer).arg(settings_.layers));
    layer_ = layer;
    error_.clear();
    markChanged();
    return true;
}

bool TransformerModel::selectHead(int head) {
    if (head < 1 || head > settings_.heads) return refuse(tr("Head %1 does not exist (1–%2)").arg(head).arg(settings_.heads));
    head_ = head;
    error_.clear();
    markChanged();
    return true;
}

void TransformerModel::setTraining(bool on) {
    if (on && diverged()) {
        refuse(tr("Training diverged: lower the learning rate and press Reset"));
        return;
    }
    playing_ = on;
    const long request = ++request_;
    PacedWorker::post<TransformerTask>(task_, [on, request](TransformerTask& t) {
        t.setRequest(request);
        on ? t.play() : t.pause();
    });
    markChanged();
}

void TransformerModel::step() { runSteps(1); }

void TransformerModel::runSteps(long count) {
    playing_ = false;
    const long request = ++request_;
    PacedWorker::post<TransformerTask>(task_, [count, request](TransformerTask& t) {
        t.setRequest(request);
        t.runUnits(count);
    });
    markChanged();
}

void TransformerModel::setUnitsPerSecond(double rate) {
    PacedWorker::post<PacedTask>(task_, [rate](PacedTask& t) { t.setUnitsPerSecond(rate); });
}

void TransformerModel::reset() {
    error_.clear();
    restart();
}

void TransformerModel::restart() {
    playing_ = false;
    const int generation = ++generation_;
    lossHistory_.clear();
    accuracyHistory_.clear();
    snapshot_.reset();
    const ToySettings s = settings_;
    const std::vector<int> tokens = ToyTransformer::tokens(s.task, input_.toStdString());
    const long request = ++request_;
    PacedWorker::post<TransformerTask>(task_, [generation, s, tokens, request](TransformerTask& t) {
        t.setRequest(request);
        t.restart(generation, s, tokens);
    });
    markChanged();
}

double TransformerModel::accuracy() const {
    return snapshot_ && snapshot_->heldOutAccuracy >= 0 ? snapshot_->heldOutAccuracy : 0;
}

double TransformerModel::loss() const { return lossHistory_.empty() ? 0 : lossHistory_.back(); }
double TransformerModel::batchAccuracy() const { return accuracyHistory_.empty() ? 0 : accuracyHistory_.back(); }

const transformer::ToyPrediction* TransformerModel::prediction() const {
    return snapshot_ && snapshot_->prediction ? snapshot_->prediction.get() : nullptr;
}

void TransformerModel::receive(const TransformerSnapshotPtr& snapshot) {
    if (snapshot->generation != generation_) return;  // from a run the student has left
    for (const transformer::ToyStep& s : snapshot->newSteps) {
        lossHistory_.push_back(s.loss);
        accuracyHistory_.push_back(s.accuracy);
    }
    if (lossHistory_.size() > kHistory) {
        const auto drop = static_cast<long>(lossHistory_.size() - kHistory);
        lossHistory_.erase(lossHistory_.begin(), lossHistory_.begin() + drop);
        accuracyHistory_.erase(accuracyHistory_.begin(), accuracyHistory_.begin() + drop);
    }
    snapshot_ = snapshot;
    if (snapshot->request == request_) playing_ = snapshot->playing;
    if (snapshot->diverged && error_.isEmpty()) error_ = tr("Training diverged: lower the learning rate and press Reset");
    markChanged();
}

void TransformerModel::markChanged() {
    notifier_.schedule(this, [this] { emit changed(); });
}

}  // namespace ns
