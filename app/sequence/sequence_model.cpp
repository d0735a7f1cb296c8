#include "sequence_model.h"

#include <QStringList>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ns {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::array<engine::CellKind, kSequenceCells> kCells{engine::CellKind::Rnn, engine::CellKind::Lstm,
                                                               engine::CellKind::Gru};

const std::vector<double>& emptyValues() {
    static const std::vector<double> none;
    return none;
}

int argMax(const double* values, engine::Index count) {
    int best = 0;
    for (engine::Index k = 1; k < count; ++k)
        if (values[k] > values[best]) best = static_cast<int>(k);
    return best;
}

bool isOneHot(const double* values, engine::Index count) {
    double sum = 0;
    for (engine::Index k = 0; k < count; ++k) {
        if (values[k] != 0 && values[k] != 1) return false;
        sum += values[k];
    }
    return sum == 1;
}

QString number(double v) { return QString::number(v, 'f', 3); }

// Rows [T][units] of a [1, T, units] tensor.
std::vector<std::vector<double>> rows(const engine::Tensor& t) {
    std::vector<std::vector<double>> out;
    if (t.rank() != 3 || t.dim(0) < 1) return out;
    const engine::Index steps = t.dim(1), units = t.dim(2);
    out.resize(static_cast<std::size_t>(steps));
    for (engine::Index s = 0; s < steps; ++s)
        out[static_cast<std::size_t>(s)].assign(t.data() + s * units, t.data() + (s + 1) * units);
    return out;
}

QString symbolName(int index) { return QString(QChar(static_cast<char16_t>(u'A' + index))); }

}  // namespace

// ---- The settings command ----

class SequenceSettingsCommand : public QUndoCommand {
public:
    SequenceSettingsCommand(SequenceModel* model, SequenceSettings before, SequenceSettings after, const QString& text,
                            int mergeId)
        : QUndoCommand(text), model_(model), before_(std::move(before)), after_(std::move(after)), mergeId_(mergeId) {}
    void undo() override { model_->restore(before_); }
    void redo() override { model_->restore(after_); }
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override {
        if (other->id() != id() || id() < 0) return false;
        after_ = static_cast<const SequenceSettingsCommand*>(other)->after_;
        return true;
    }

private:
    SequenceModel* model_;
    SequenceSettings before_, after_;
    int mergeId_;
};

// ---- SequenceTask (worker thread) ----

void SequenceTask::setSpecs(int generation, long request, const std::array<sequence::TrainerSpec, kSequenceCells>& specs) {
    stopAll();
    generation_ = generation;
    request_ = request;
    for (int c = 0; c < kSequenceCells; ++c) {
        const auto i = static_cast<std::size_t>(c);
        trainers_[i].reset();
        pendingLoss_[i].clear();
        pendingAccuracy_[i].clear();
        finite_[i] = true;
        try {
            trainers_[i] = std::make_unique<sequence::SequenceTrainer>(specs[i]);
        } catch (const std::exception& error) {
            emit failed(QString::fromStdString(error.what()));
        }
    }
    sinceSample_.invalidate();
    restartPacing();
    publishNow();
    if (specs[0].task.kind == sequence::TaskKind::Characters) sampleNow();
}

void SequenceTask::setSampling(const std::string& prompt, double temperature) {
    prompt_ = prompt;
    temperature_ = temperature;
    if (trainers_[0] && trainers_[0]->spec().task.kind == sequence::TaskKind::Characters) sampleNow();
}

const sequence::SequenceTrainer* SequenceTask::trainer(int cell) const {
    if (cell < 0 || cell >= kSequenceCells) return nullptr;
    return trainers_[static_cast<std::size_t>(cell)].get();
}

bool SequenceTask::canPlay() const {
    return std::any_of(trainers_.begin(), trainers_.end(), [](const auto& t) { return t != nullptr; });
}

bool SequenceTask::trainOne() {
    if (!canPlay()) return false;
    for (std::size_t c = 0; c < trainers_.size(); ++c) {
        if (!trainers_[c]) continue;
        const sequence::StepStats stats = trainers_[c]->step();
        finite_[c] = stats.finite;
        pendingLoss_[c].push_back(stats.finite ? stats.loss : kNaN);
        pendingAccuracy_[c].push_back(stats.finite ? stats.accuracy : kNaN);
    }
    if (trainers_[0] && trainers_[0]->spec().task.kind == sequence::TaskKind::Characters &&
        (!sinceSample_.isValid() || sinceSample_.elapsed() >= kSampleIntervalMs))
        sampleNow();
    return true;
}

bool SequenceTask::hasNews() const {
    if (pendingLoss_[0].empty() && pendingLoss_[1].empty() && pendingLoss_[2].empty()) return false;
    return !sinceSnapshot_.isValid() || sinceSnapshot_.elapsed() >= kMinSnapshotIntervalMs;
}

void SequenceTask::emitSnapshot(bool /*batchDone*/) {
    sinceSnapshot_.start();
    auto snapshot = std::make_shared<SequenceSnapshot>();
    snapshot->generation = generation_;
    snapshot->request = request_;
    for (std::size_t c = 0; c < trainers_.size(); ++c) {
        snapshot->newLosses[c].swap(pendingLoss_[c]);
        snapshot->newAccuracies[c].swap(pendingAccuracy_[c]);
        pendingLoss_[c].clear();
        pendingAccuracy_[c].clear();
        snapshot->finite[c] = finite_[c];
        if (trainers_[c]) {
            snapshot->networks[c] = std::make_shared<const engine::Network>(trainers_[c]->network());
            snapshot->steps = std::max(snapshot->steps, trainers_[c]->steps());
        }
    }
    snapshot->playing = playing();
    emit progress(std::move(snapshot));
}

void SequenceTask::sampleNow() {
    sinceSample_.start();
    auto out = std::make_shared<SequenceSamples>();
    out->generation = generation_;
    for (std::size_t c = 0; c < trainers_.size(); ++c) {
        if (!trainers_[c]) continue;
        out->steps = std::max(out->steps, trainers_[c]->steps());
        try {
            const auto seed = static_cast<std::uint64_t>(trainers_[c]->steps()) + 1;
            out->greedy[c] = trainers_[c]->sample(prompt_, kSampleLength, 0.0, seed);
            out->sampled[c] = trainers_[c]->sample(prompt_, kSampleLength, temperature_, seed);
        } catch (const std::exception& error) {
            emit failed(QString::fromStdString(error.what()));
            return;
        }
    }
    emit samples(std::move(out));
}

// ---- SequenceModel (GUI thread) ----

QStringList SequenceModel::taskNames() {
    return {QStringLiteral("remember_first"), QStringLiteral("adding"), QStringLiteral("sine"),
            QStringLiteral("characters")};
}
QStringList SequenceModel::cellNames() { return {QStringLiteral("rnn"), QStringLiteral("lstm"), QStringLiteral("gru")}; }
QStringList SequenceModel::panelNames() {
    return {QStringLiteral("unrolled"), QStringLiteral("bptt"), QStringLiteral("training")};
}
int SequenceModel::cellIndex(engine::CellKind cell) {
    switch (cell) {
        case engine::CellKind::Rnn: return 0;
        case engine::CellKind::Lstm: return 1;
        case engine::CellKind::Gru: return 2;
    }
    return 1;
}
engine::CellKind SequenceModel::cellAt(int index) { return kCells[static_cast<std::size_t>(std::clamp(index, 0, 2))]; }

SequenceModel::SequenceModel(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {
    qRegisterMetaType<SequenceSnapshotPtr>();
    qRegisterMetaType<SequenceSamplesPtr>();
    finite_.fill(true);
    task_ = new SequenceTask;
    connect(task_, &SequenceTask::progress, this, &SequenceModel::receive, Qt::QueuedConnection);
    connect(task_, &SequenceTask::samples, this, &SequenceModel::receiveSamples, Qt::QueuedConnection);
    connect(
        task_, &SequenceTask::failed, this,
        [this](const QString& message) {
            lastError_ = message;
            emit changed();
        },
        Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    toTask([](SequenceTask& t) { t.setUnitsPerSecond(kStepsPerSecond); });
    restart();
}

SequenceModel::~SequenceModel() { PacedWorker::shared().release(task_); }

template <typename Call>
void SequenceModel::toTask(Call call) {
    PacedWorker::post<SequenceTask>(task_, std::function<void(SequenceTask&)>(std::move(call)));
}

sequence::TaskSpec SequenceModel::taskSpec() const {
    sequence::TaskSpec spec;
    spec.kind = settings_.task;
    spec.length = settings_.length;
    spec.symbols = 4;
    return spec;
}

std::array<sequence::TrainerSpec, kSequenceCells> SequenceModel::specs() const {
    std::array<sequence::TrainerSpec, kSequenceCells> out;
    for (int c = 0; c < kSequenceCells; ++c) {
        sequence::TrainerSpec& s = out[static_cast<std::size_t>(c)];
        s.cell = cellAt(c);
        s.task = taskSpec();
        s.hidden = settings_.task == sequence::TaskKind::Characters ? 32 : 16;
        s.batch = 32;
        s.eta = settings_.task == sequence::TaskKind::Characters ? 0.005 : 0.01;
        s.clipNorm = 5.0;
        s.seed = kSeed;
    }
    return out;
}

bool SequenceModel::refuse(const QString& message) {
    lastError_ = message;
    emit changed();
    return false;
}

bool SequenceModel::setTask(const QString& name) {
    const int index = taskNames().indexOf(name.trimmed().toLower());
    if (index < 0)
        return refuse(tr("Unknown task “%1”: choose remember_first, adding, sine or characters.").arg(name));
    SequenceSettings next = settings_;
    next.task = static_cast<sequence::TaskKind>(index);
    if (next.task == sequence::TaskKind::Characters && settings_.task != next.task) next.length = std::max(next.length, 30);
    apply(next, tr("Task"));
    return true;
}

bool SequenceModel::setLength(int length) {
    if (length < kMinLength || length > kMaxLength)
        return refuse(tr("A sequence of %1 steps is outside the range %2 to %3.").arg(length).arg(kMinLength).arg(kMaxLength));
    SequenceSettings next = settings_;
    next.length = length;
    apply(next, tr("Sequence length"));
    return true;
}

bool SequenceModel::setCell(const QString& name) {
    const int index = cellNames().indexOf(name.trimmed().toLower());
    if (index < 0) return refuse(tr("Unknown cell “%1”: choose rnn, lstm or gru.").arg(name));
    SequenceSettings next = settings_;
    next.cell = cellAt(index);
    apply(next, tr("Cell"));
    return true;
}

bool SequenceModel::setWhScale(double scale) {
    if (!(scale >= kMinWhScale && scale <= kMaxWhScale))
        return refuse(tr("A W_h scale of %1 is outside the range %2 to %3.").arg(scale).arg(kMinWhScale).arg(kMaxWhScale));
    SequenceSettings next = settings_;
    next.whScale = scale;
    if (next == settings_) return true;
    undo_->push(new SequenceSettingsCommand(this, settings_, next, tr("W_h scale"), 1));
    return true;
}

void SequenceModel::setClip(bool on) {
    SequenceSettings next = settings_;
    next.clip = on;
    apply(next, on ? tr("Clipping on") : tr("Clipping off"));
}

bool SequenceModel::setTemperature(double temperature) {
    if (!(temperature >= kMinTemperature && temperature <= kMaxTemperature))
        return refuse(tr("A temperature of %1 is outside the range %2 to %3.")
                          .arg(temperature)
                          .arg(kMinTemperature)
                          .arg(kMaxTemperature));
    SequenceSettings next = settings_;
    next.temperature = temperature;
    if (next == settings_) return true;
    undo_->push(new SequenceSettingsCommand(this, settings_, next, tr("Temperature"), 2));
    return true;
}

void SequenceModel::setPrompt(const QString& prompt) {
    SequenceSettings next = settings_;
    next.prompt = prompt;
    if (next == settings_) return;
    undo_->push(new SequenceSettingsCommand(this, settings_, next, tr("Prompt"), 3));
}

void SequenceModel::apply(const SequenceSettings& settings, const QString& text) {
    if (settings == settings_) return;
    undo_->push(new SequenceSettingsCommand(this, settings_, settings, text, -1));
}

void SequenceModel::restore(const SequenceSettings& settings) {
    const SequenceSettings before = settings_;
    settings_ = settings;
    lastError_.clear();
    if (before.task != settings.task || before.length != settings.length) {
        restart();
    } else {
        if (before.prompt != settings.prompt || before.temperature != settings.temperature)
            toTask([prompt = settings.prompt.toStdString(), t = settings.temperature](SequenceTask& task) {
                task.setSampling(prompt, t);
            });
        if (before.whScale != settings.whScale || before.clip != settings.clip || before.cell != settings.cell) retrace();
    }
    emit settingsChanged();
    emit changed();
}

void SequenceModel::setTraining(bool on) {
    playing_ = on;
    const long request = ++request_;
    toTask([on, request](SequenceTask& t) {
        t.setRequest(request);
        if (on) t.play();
        else t.pause();
    });
    emit changed();
}

void SequenceModel::step() {
    playing_ = false;
    const long request = ++request_;
    toTask([request](SequenceTask& t) {
        t.setRequest(request);
        t.runUnits(1);
    });
    emit changed();
}

void SequenceModel::reset() {
    lastError_.clear();
    restart();
}

void SequenceModel::restart() {
    const int generation = ++generation_;
    const long request = ++request_;
    playing_ = false;
    steps_ = 0;
    for (auto& l : losses_) l.clear();
    for (auto& a : accuracies_) a.clear();
    for (auto& g : greedy_) g.clear();
    for (auto& s : sampled_) s.clear();
    finite_.fill(true);
    rebuildProbes();
    selectedStep_ = std::clamp(selectedStep_, 0, settings_.length - 1);
    retrace();
    toTask([generation, request, specs = specs(), prompt = settings_.prompt.toStdString(),
            t = settings_.temperature](SequenceTask& task) {
        task.setSampling(prompt, t);
        task.setSpecs(generation, request, specs);
    });
    emit changed();
}

void SequenceModel::rebuildProbes() {
    const auto all = specs();
    for (int c = 0; c < kSequenceCells; ++c) {
        const auto i = static_cast<std::size_t>(c);
        probes_[i].reset();
        weights_[i].reset();
        try {
            probes_[i] = std::make_unique<sequence::SequenceTrainer>(all[i]);
            weights_[i] = std::make_shared<const engine::Network>(probes_[i]->network());
        } catch (const std::exception& error) {
            lastError_ = QString::fromStdString(error.what());
        }
    }
    traced_ = sequence::makeBatch(taskSpec(), 1, kTraceSeed);
}

void SequenceModel::retrace() {
    const sequence::TaskSpec task = taskSpec();
    const engine::Index inputs = sequence::inputSize(task);
    for (int c = 0; c < kSequenceCells; ++c) {
        const auto i = static_cast<std::size_t>(c);
        SequencePicture& pic = pictures_[i];
        pic = SequencePicture{};
        thetaNorm_[i] = 0;
        if (!probes_[i] || !weights_[i]) continue;
        engine::Network& net = probes_[i]->network();
        net = *weights_[i];
        // The W_h scale: the recurrent weights (those acting on h_{t−1}) of the traced copy.
        auto* cell = dynamic_cast<engine::Recurrent*>(net.node(static_cast<std::size_t>(probes_[i]->recurrentNode())).layer.get());
        if (!cell) continue;
        const engine::Index hidden = cell->hiddenSize();
        if (settings_.whScale != 1.0) {
            auto& params = cell->parameters();
            if (cell->cell() == engine::CellKind::Rnn) {
                const int w = cell->parameterIndex("W_h");
                if (w >= 0) params[static_cast<std::size_t>(w)].value.flat() *= settings_.whScale;
            } else {
                const std::vector<std::string> names = cell->cell() == engine::CellKind::Lstm
                                                           ? std::vector<std::string>{"W_f", "W_i", "W_C", "W_o"}
                                                           : std::vector<std::string>{"W_z", "W_r", "W"};
                for (const std::string& name : names) {
                    const int w = cell->parameterIndex(name);
                    if (w < 0) continue;
                    engine::Tensor& m = params[static_cast<std::size_t>(w)].value;  // [h][h+d], h_{t−1} first
                    auto matrix = m.matrix();
                    matrix.leftCols(hidden) *= settings_.whScale;
                }
            }
        }
        engine::NetworkTrace& trace = traces_[i];
        try {
            // The task's own loss on this one sequence, and BPTT through the core's backward: the
            // picture shows exactly what a training step would compute, not an app-side copy of it.
            const sequence::StepStats stats = probes_[i]->traceBatch(traced_, trace);
            thetaNorm_[i] = stats.gradientNorm;
            const engine::Tensor& y = trace.output();
            if (sequence::isClassification(task)) {
                const engine::Index classes = y.shape().back();
                const engine::Index rowsCount = y.size() / classes;
                const std::vector<int>& labels = traced_.labels;
                const engine::Index at = std::min<engine::Index>(selectedStep_, rowsCount - 1);
                if (task.kind == sequence::TaskKind::Characters) {
                    const auto& alphabet = sequence::characterAlphabet();
                    auto name = [&alphabet](int k) {
                        return k >= 0 && k < static_cast<int>(alphabet.size()) ? QString::fromStdString(alphabet[static_cast<std::size_t>(k)]) : QString();
                    };
                    if (at >= 0 && at < static_cast<engine::Index>(labels.size())) {
                        pic.target = name(labels[static_cast<std::size_t>(at)]);
                        pic.prediction = name(argMax(y.data() + at * classes, classes));
                    }
                } else if (!labels.empty()) {
                    pic.target = symbolName(labels.front());
                    pic.prediction = symbolName(argMax(y.data(), classes));
                }
            } else if (traced_.targets.size() == y.size()) {
                const engine::Index at = y.size() == 1 ? 0 : std::min<engine::Index>(selectedStep_, y.size() - 1);
                pic.target = number(traced_.targets[at]);
                pic.prediction = number(y[at]);
            }
        } catch (const std::exception& error) {
            lastError_ = QString::fromStdString(error.what());
            continue;
        }
        // The picture: every number a copy of the recurrent layer's trace.
        const engine::LayerTrace& layer = trace.nodes.at(static_cast<std::size_t>(probes_[i]->recurrentNode()));
        pic.cell = static_cast<SequencePicture::Cell>(c);
        pic.h = rows(layer.output);
        pic.steps = static_cast<int>(pic.h.size());
        pic.units = static_cast<int>(hidden);
        pic.selectedStep = std::clamp(selectedStep_, 0, std::max(0, pic.steps - 1));
        pic.selectedUnit = std::clamp(selectedUnit_, 0, std::max(0, pic.units - 1));
        for (const std::string& key : cell->gateNames()) {
            if (const engine::Tensor* t = layer.find(key)) {
                SequenceGate g;
                g.key = QString::fromStdString(key);
                g.sigmoid = key != "C_tilde" && key != "h_tilde";
                g.values = rows(*t);
                pic.gates.push_back(std::move(g));
            }
        }
        if (const engine::Tensor* t = layer.find("C")) pic.c = rows(*t);
        if (const engine::Tensor* t = layer.find("grad_h")) pic.gradH = rows(*t);
        if (const engine::Tensor* t = layer.find("grad_C")) pic.gradC = rows(*t);
        if (const engine::Tensor* t = layer.find("grad_norm")) pic.gradNorm.assign(t->data(), t->data() + t->size());
        pic.x = rows(traced_.x);
        for (const auto& xt : pic.x) {
            const double* v = xt.data();
            const auto d = static_cast<engine::Index>(xt.size());
            if (task.kind == sequence::TaskKind::Characters && isOneHot(v, d)) {
                const auto& alphabet = sequence::characterAlphabet();
                const int k = argMax(v, d);
                QString s = k < static_cast<int>(alphabet.size()) ? QString::fromStdString(alphabet[static_cast<std::size_t>(k)]) : QString();
                if (s == QStringLiteral(" ")) s = QStringLiteral("␣");
                if (s == QStringLiteral("\n")) s = QStringLiteral("↵");
                pic.inputs << s;
            } else if (task.kind == sequence::TaskKind::RememberFirst && isOneHot(v, d)) {
                pic.inputs << symbolName(argMax(v, d));
            } else if (task.kind == sequence::TaskKind::Adding && d >= 2) {
                pic.inputs << (v[1] > 0.5 ? QStringLiteral("%1★").arg(QString::number(v[0], 'f', 2)) : QString::number(v[0], 'f', 2));
            } else if (d >= 1) {
                pic.inputs << QString::number(v[0], 'f', 2);
            } else {
                pic.inputs << QString();
            }
        }
        (void)inputs;
    }
}

void SequenceModel::receive(const SequenceSnapshotPtr& snapshot) {
    if (!snapshot || snapshot->generation != generation_) return;
    steps_ = snapshot->steps;
    for (std::size_t c = 0; c < losses_.size(); ++c) {
        auto append = [](std::vector<double>& history, const std::vector<double>& values) {
            history.insert(history.end(), values.begin(), values.end());
            if (history.size() > kMaxHistory)
                history.erase(history.begin(), history.end() - static_cast<std::ptrdiff_t>(kMaxHistory));
        };
        append(losses_[c], snapshot->newLosses[c]);
        append(accuracies_[c], snapshot->newAccuracies[c]);
        finite_[c] = snapshot->finite[c];
        if (snapshot->networks[c]) weights_[c] = snapshot->networks[c];
    }
    if (snapshot->request == request_) playing_ = snapshot->playing;
    retrace();
    emit changed();
}

void SequenceModel::receiveSamples(const SequenceSamplesPtr& samples) {
    if (!samples || samples->generation != generation_) return;
    greedy_ = samples->greedy;
    sampled_ = samples->sampled;
    emit changed();
}

void SequenceModel::selectStep(int step) {
    const int clamped = std::clamp(step, 0, std::max(0, settings_.length - 1));
    if (clamped == selectedStep_) return;
    selectedStep_ = clamped;
    retrace();  // the target and prediction shown are the step's
    emit changed();
}

void SequenceModel::selectUnit(int unit) {
    const int units = pictures_[1].units > 0 ? pictures_[1].units : 16;
    const int clamped = std::clamp(unit, 0, units - 1);
    if (clamped == selectedUnit_) return;
    selectedUnit_ = clamped;
    for (auto& pic : pictures_) pic.selectedUnit = std::clamp(clamped, 0, std::max(0, pic.units - 1));
    emit changed();
}

void SequenceModel::setPanel(Panel panel) {
    if (panel == panel_) return;
    panel_ = panel;
    emit changed();
}

void SequenceModel::revealBackward() {
    if (revealed() >= settings_.length) return;
    revealed_ = revealed() + 1;
    emit changed();
}

void SequenceModel::revealAll() {
    revealed_ = kMaxLength;
    emit changed();
}

void SequenceModel::hideGradient() {
    revealed_ = 0;
    emit changed();
}

const std::vector<double>& SequenceModel::lossHistory(int cell) const {
    if (cell < 0 || cell >= kSequenceCells) return emptyValues();
    return losses_[static_cast<std::size_t>(cell)];
}

const std::vector<double>& SequenceModel::accuracyHistory(int cell) const {
    if (cell < 0 || cell >= kSequenceCells) return emptyValues();
    return accuracies_[static_cast<std::size_t>(cell)];
}

double SequenceModel::lastLoss(int cell) const {
    const auto& h = lossHistory(cell);
    return h.empty() ? kNaN : h.back();
}

double SequenceModel::lastAccuracy(int cell) const {
    const auto& h = accuracyHistory(cell);
    return h.empty() ? kNaN : h.back();
}

bool SequenceModel::isFinite(int cell) const {
    return cell >= 0 && cell < kSequenceCells && finite_[static_cast<std::size_t>(cell)];
}

QString SequenceModel::greedySample(int cell) const {
    if (cell < 0 || cell >= kSequenceCells) return {};
    return QString::fromStdString(greedy_[static_cast<std::size_t>(cell)]);
}

QString SequenceModel::temperatureSample(int cell) const {
    if (cell < 0 || cell >= kSequenceCells) return {};
    return QString::fromStdString(sampled_[static_cast<std::size_t>(cell)]);
}

const engine::NetworkTrace& SequenceModel::trace(int cell) const {
    return traces_[static_cast<std::size_t>(std::clamp(cell, 0, kSequenceCells - 1))];
}

const SequencePicture& SequenceModel::picture(int cell) const {
    return pictures_[static_cast<std::size_t>(std::clamp(cell, 0, kSequenceCells - 1))];
}

const std::vector<double>& SequenceModel::gradNorm(int cell) const { return picture(cell).gradNorm; }

double SequenceModel::parameterGradientNorm(int cell) const {
    return thetaNorm_[static_cast<std::size_t>(std::clamp(cell, 0, kSequenceCells - 1))];
}

double SequenceModel::clipFactor(int cell) const {
    const double norm = parameterGradientNorm(cell);
    if (!settings_.clip || !(norm > kClipNorm)) return 1.0;
    return kClipNorm / norm;
}

}  // namespace ns
