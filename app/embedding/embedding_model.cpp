#include "embedding_model.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

seq::SkipGramConfig configOf(const EmbeddingSettings& s) {
    seq::SkipGramConfig c;
    c.dimension = s.dimension;
    c.window = s.window;
    c.negatives = s.negatives;
    c.learningRate = s.learningRate;
    c.seed = EmbeddingModel::kSeed;
    return c;
}

}  // namespace

// ---- The settings command ----

class EmbeddingSettingsCommand : public QUndoCommand {
public:
    EmbeddingSettingsCommand(EmbeddingModel* model, EmbeddingSettings before, EmbeddingSettings after, const QString& text)
        : QUndoCommand(text), model_(model), before_(before), after_(after) {}
    void undo() override { model_->restore(before_); }
    void redo() override { model_->restore(after_); }

private:
    EmbeddingModel* model_;
    EmbeddingSettings before_, after_;
};

// ---- EmbeddingTask (worker thread) ----

void EmbeddingTask::setup(int generation, long request, const EmbeddingSettings& settings) {
    stopAll();
    generation_ = generation;
    request_ = request;
    pending_.clear();
    diverged_ = false;
    skipGram_ = std::make_unique<seq::SkipGram>(seq::builtinCorpus(settings.corpus), configOf(settings));
    restartPacing();
    publishNow();
}

bool EmbeddingTask::canPlay() const { return skipGram_ && !diverged_ && skipGram_->epochsDone() < kMaxEpochs; }

bool EmbeddingTask::trainOne() {
    if (!canPlay()) return false;
    const double loss = skipGram_->epoch();
    pending_.push_back(loss);
    diverged_ = !std::isfinite(loss);
    return !diverged_;
}

bool EmbeddingTask::hasNews() const {
    if (pending_.empty()) return false;
    return !sinceSnapshot_.isValid() || sinceSnapshot_.elapsed() >= kMinSnapshotIntervalMs;
}

void EmbeddingTask::emitSnapshot(bool /*batchDone*/) {
    sinceSnapshot_.start();
    auto snapshot = std::make_shared<EmbeddingSnapshot>();
    snapshot->generation = generation_;
    snapshot->request = request_;
    snapshot->newLosses.swap(pending_);
    pending_.clear();
    if (skipGram_) {
        snapshot->skipGram = std::make_shared<const seq::SkipGram>(*skipGram_);
        snapshot->finished = skipGram_->epochsDone() >= kMaxEpochs;
    }
    snapshot->diverged = diverged_;
    snapshot->playing = playing();
    emit progress(std::move(snapshot));
}

// ---- EmbeddingModel ----

QStringList EmbeddingModel::corpusNames() { return {QStringLiteral("en"), QStringLiteral("zh")}; }
QStringList EmbeddingModel::panelNames() {
    return {QStringLiteral("map"), QStringLiteral("neighbours"), QStringLiteral("analogy"), QStringLiteral("onehot")};
}

EmbeddingModel::EmbeddingModel(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {
    qRegisterMetaType<EmbeddingSnapshotPtr>();
    task_ = new EmbeddingTask;
    connect(task_, &EmbeddingTask::progress, this, &EmbeddingModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    toTask([](EmbeddingTask& t) { t.setUnitsPerSecond(kEpochsPerSecond); });
    // The corpus of the interface's language: Chinese words for a Chinese class.
    if (tr("en", "the corpus the workspace opens with: en or zh") == QLatin1String("zh"))
        settings_.corpus = seq::CorpusLanguage::Chinese;
    defaultWords();
    restart();
}

EmbeddingModel::~EmbeddingModel() { PacedWorker::shared().release(task_); }

template <typename Call>
void EmbeddingModel::toTask(Call call) {
    PacedWorker::post<EmbeddingTask>(task_, std::function<void(EmbeddingTask&)>(std::move(call)));
}

void EmbeddingModel::notify() {
    notifier_.schedule(this, [this] { emit changed(); });
}

bool EmbeddingModel::refuse(const QString& message) {
    lastError_ = message;
    notify();
    return false;
}

QString EmbeddingModel::corpusName() const { return corpusNames().at(static_cast<int>(settings_.corpus)); }
QString EmbeddingModel::panelName() const { return panelNames().at(static_cast<int>(panel_)); }

bool EmbeddingModel::setCorpus(const QString& name) {
    const int index = corpusNames().indexOf(name.trimmed().toLower());
    if (index < 0) return refuse(tr("Unknown corpus “%1”: choose en or zh.").arg(name));
    EmbeddingSettings next = settings_;
    next.corpus = static_cast<seq::CorpusLanguage>(index);
    apply(next, tr("Corpus"));
    return true;
}

namespace {
// Clamps into [lo, hi]; the note says what was done when it had to.
template <typename T>
T clampNoted(T value, T lo, T hi, QString* note, const QString& what) {
    if (value >= lo && value <= hi) return value;
    const T clamped = std::clamp(value, lo, hi);
    *note = EmbeddingModel::tr("%1 %2 is outside %3 to %4; %5 is used.").arg(what).arg(value).arg(lo).arg(hi).arg(clamped);
    return clamped;
}
}  // namespace

bool EmbeddingModel::setDimension(int dimension) {
    QString note;
    EmbeddingSettings next = settings_;
    next.dimension = clampNoted(dimension, kMinDimension, kMaxDimension, &note, tr("The dimension"));
    apply(next, tr("Dimension"));
    lastError_ = note;
    return true;
}

bool EmbeddingModel::setWindow(int window) {
    QString note;
    EmbeddingSettings next = settings_;
    next.window = clampNoted(window, kMinWindow, kMaxWindow, &note, tr("The window"));
    apply(next, tr("Window"));
    lastError_ = note;
    return true;
}

bool EmbeddingModel::setNegatives(int negatives) {
    QString note;
    EmbeddingSettings next = settings_;
    next.negatives = clampNoted(negatives, kMinNegatives, kMaxNegatives, &note, tr("The number of negatives"));
    apply(next, tr("Negatives"));
    lastError_ = note;
    return true;
}

bool EmbeddingModel::setLearningRate(double rate) {
    if (!std::isfinite(rate)) return refuse(tr("The learning rate must be a number from %1 to %2.").arg(kMinLearningRate).arg(kMaxLearningRate));
    QString note;
    EmbeddingSettings next = settings_;
    next.learningRate = clampNoted(rate, kMinLearningRate, kMaxLearningRate, &note, tr("The learning rate"));
    apply(next, tr("Learning rate"));
    lastError_ = note;
    return true;
}

void EmbeddingModel::apply(const EmbeddingSettings& settings, const QString& text) {
    if (settings == settings_) return;
    undo_->push(new EmbeddingSettingsCommand(this, settings_, settings, text));
}

void EmbeddingModel::restore(const EmbeddingSettings& settings) {
    const bool corpusChanged = settings.corpus != settings_.corpus;
    settings_ = settings;
    lastError_.clear();
    if (corpusChanged) defaultWords();
    restart();
    emit settingsChanged();
}

void EmbeddingModel::defaultWords() {
    const bool en = settings_.corpus == seq::CorpusLanguage::English;
    word_ = en ? QStringLiteral("king") : QStringLiteral("国王");
    compareWord_ = en ? QStringLiteral("queen") : QStringLiteral("王后");
    analogy_ = en ? std::array<QString, 3>{QStringLiteral("king"), QStringLiteral("man"), QStringLiteral("woman")}
                  : std::array<QString, 3>{QStringLiteral("国王"), QStringLiteral("男人"), QStringLiteral("女人")};
    wordNotice_.clear();
}

void EmbeddingModel::setTraining(bool on) {
    playing_ = on && !finished_ && !diverged_;
    const long request = ++request_;
    toTask([on, request](EmbeddingTask& t) {
        t.setRequest(request);
        if (on) t.play();
        else t.pause();
    });
    notify();
}

void EmbeddingModel::step() {
    playing_ = false;
    const long request = ++request_;
    toTask([request](EmbeddingTask& t) {
        t.setRequest(request);
        t.runUnits(1);
    });
    notify();
}

void EmbeddingModel::reset() {
    lastError_.clear();
    restart();
}

void EmbeddingModel::restart() {
    const int generation = ++generation_;
    const long request = ++request_;
    playing_ = false;
    finished_ = false;
    diverged_ = false;
    losses_.clear();
    // The GUI's own copy of the untrained state, the same as the worker's (the same seed).
    skipGram_ = std::make_shared<const seq::SkipGram>(seq::builtinCorpus(settings_.corpus), configOf(settings_));
    groups_.assign(skipGram_->words().size(), -1);
    const auto groups = seq::builtinGroups(settings_.corpus);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const std::string& w : groups[g]) {
            const int i = skipGram_->indexOf(w);
            if (i >= 0) groups_[static_cast<std::size_t>(i)] = static_cast<int>(g);
        }
    derive();
    toTask([generation, request, s = settings_](EmbeddingTask& task) { task.setup(generation, request, s); });
    notify();
}

void EmbeddingModel::receive(const EmbeddingSnapshotPtr& snapshot) {
    if (!snapshot || snapshot->generation != generation_) return;
    losses_.insert(losses_.end(), snapshot->newLosses.begin(), snapshot->newLosses.end());
    if (losses_.size() > kMaxHistory)
        losses_.erase(losses_.begin(), losses_.end() - static_cast<std::ptrdiff_t>(kMaxHistory));
    if (snapshot->skipGram) skipGram_ = snapshot->skipGram;
    finished_ = snapshot->finished;
    diverged_ = snapshot->diverged;
    if (snapshot->request == request_) playing_ = snapshot->playing;
    derive();
    notify();
}

int EmbeddingModel::epochs() const { return skipGram_ ? skipGram_->epochsDone() : 0; }
double EmbeddingModel::loss() const { return losses_.empty() ? 0.0 : losses_.back(); }

QStringList EmbeddingModel::vocabulary() const {
    QStringList out;
    for (const std::string& w : skipGram_->words()) out << fromStd(w);
    return out;
}

int EmbeddingModel::indexOf(const QString& word) const {
    const QString w = word.trimmed();
    if (w.isEmpty()) return -1;
    const int exact = skipGram_->indexOf(w.toStdString());
    return exact >= 0 ? exact : skipGram_->indexOf(w.toLower().toStdString());
}

int EmbeddingModel::groupOf(int word) const {
    return word >= 0 && word < static_cast<int>(groups_.size()) ? groups_[static_cast<std::size_t>(word)] : -1;
}

bool EmbeddingModel::setWord(const QString& word) {
    const int i = indexOf(word);
    if (i < 0) {
        wordNotice_ = tr("“%1” is not in the vocabulary of this corpus (%2 words); the query stays “%3”.")
                          .arg(word.trimmed())
                          .arg(skipGram_->words().size())
                          .arg(word_);
        notify();
        return false;
    }
    wordNotice_.clear();
    const QString w = fromStd(skipGram_->words()[static_cast<std::size_t>(i)]);
    if (w != word_) {
        word_ = w;
        derive();
    }
    notify();
    return true;
}

bool EmbeddingModel::setCompareWord(const QString& word) {
    const int i = indexOf(word);
    if (i < 0) {
        wordNotice_ = tr("“%1” is not in the vocabulary of this corpus (%2 words).").arg(word.trimmed()).arg(skipGram_->words().size());
        notify();
        return false;
    }
    wordNotice_.clear();
    compareWord_ = fromStd(skipGram_->words()[static_cast<std::size_t>(i)]);
    notify();
    return true;
}

bool EmbeddingModel::setAnalogy(const QString& a, const QString& b, const QString& c) {
    std::array<QString, 3> next;
    const std::array<QString, 3> in{a, b, c};
    for (std::size_t k = 0; k < 3; ++k) {
        const int i = indexOf(in[k]);
        if (i < 0) {
            wordNotice_ = tr("“%1” is not in the vocabulary of this corpus (%2 words).").arg(in[k].trimmed()).arg(skipGram_->words().size());
            notify();
            return false;
        }
        next[k] = fromStd(skipGram_->words()[static_cast<std::size_t>(i)]);
    }
    wordNotice_.clear();
    analogy_ = next;
    derive();
    notify();
    return true;
}

bool EmbeddingModel::setPanelName(const QString& name) {
    const int index = panelNames().indexOf(name.trimmed().toLower());
    if (index < 0) return refuse(tr("Unknown panel “%1”: choose map, neighbours, analogy or onehot.").arg(name));
    setPanel(static_cast<Panel>(index));
    return true;
}

void EmbeddingModel::setPanel(Panel panel) {
    if (panel == panel_) return;
    panel_ = panel;
    notify();
}

std::vector<double> EmbeddingModel::oneHot(int word) const {
    std::vector<double> v(skipGram_->words().size(), 0.0);
    if (word >= 0 && word < static_cast<int>(v.size())) v[static_cast<std::size_t>(word)] = 1.0;
    return v;
}

std::vector<double> EmbeddingModel::dense(int word) const {
    const Eigen::MatrixXd& v = skipGram_->input();
    if (word < 0 || word >= v.rows()) return {};
    std::vector<double> out(static_cast<std::size_t>(v.cols()));
    for (Eigen::Index k = 0; k < v.cols(); ++k) out[static_cast<std::size_t>(k)] = v(word, k);
    return out;
}

double EmbeddingModel::denseCosine() const {
    const int a = indexOf(word_), b = indexOf(compareWord_);
    return a >= 0 && b >= 0 ? skipGram_->cosine(a, b) : 0.0;
}

double EmbeddingModel::oneHotCosine() const {
    // e_a · e_b / (‖e_a‖ ‖e_b‖) = [a = b]: distinct words are always orthogonal.
    const int a = indexOf(word_), b = indexOf(compareWord_);
    return a >= 0 && a == b ? 1.0 : 0.0;
}

std::vector<EmbeddingBar> EmbeddingModel::neighbourBars() const {
    std::vector<EmbeddingBar> out;
    for (const seq::Neighbour& n : neighbours_)
        out.push_back({fromStd(skipGram_->words()[static_cast<std::size_t>(n.word)]), n.cosine, groupOf(n.word)});
    return out;
}

std::vector<EmbeddingBar> EmbeddingModel::analogyBars() const {
    std::vector<EmbeddingBar> out;
    for (const seq::Neighbour& n : answers_)
        out.push_back({fromStd(skipGram_->words()[static_cast<std::size_t>(n.word)]), n.cosine, groupOf(n.word)});
    return out;
}

void EmbeddingModel::derive() {
    const seq::SkipGram& sg = *skipGram_;
    coordinates_ = sg.pca2();
    const int V = static_cast<int>(sg.words().size());
    const int q = indexOf(word_);
    neighbours_ = q >= 0 ? sg.nearest(q, kNeighbours) : std::vector<seq::Neighbour>{};
    std::array<int, 3> abc{};
    for (std::size_t k = 0; k < 3; ++k) abc[k] = indexOf(analogy_[k]);
    const bool analogyOk = abc[0] >= 0 && abc[1] >= 0 && abc[2] >= 0;
    answers_ = analogyOk ? sg.analogy(abc[0], abc[1], abc[2], kAnalogyAnswers) : std::vector<seq::Neighbour>{};

    EmbeddingMapPicture base;
    for (int w = 0; w < V; ++w) {
        base.words.push_back(fromStd(sg.words()[static_cast<std::size_t>(w)]));
        base.points.emplace_back(coordinates_(w, 0), coordinates_(w, 1));
        base.groups.push_back(groupOf(w));
    }
    map_ = base;
    map_.query = q;
    for (const seq::Neighbour& n : neighbours_) map_.neighbours.push_back(n.word);
    if (q >= 0)
        for (int w = 0; w < V; ++w) map_.cosines.push_back(sg.cosine(q, w));

    analogyMap_ = base;
    if (analogyOk) {
        auto at = [this](int w) { return QPointF(coordinates_(w, 0), coordinates_(w, 1)); };
        analogyMap_.marked = {abc[0], abc[1], abc[2]};
        // In the projection, a − b + c lands at p(a) − p(b) + p(c) (PCA is linear): the arrow
        // b → a moved to start at c.
        const QPointF shift = at(abc[0]) - at(abc[1]);
        analogyMap_.arrows.push_back({at(abc[1]), at(abc[0]), QString(), false});
        analogyMap_.arrows.push_back({at(abc[2]), at(abc[2]) + shift, QString(), true});
        analogyMap_.target = at(abc[2]) + shift;
        analogyMap_.hasTarget = true;
        if (!answers_.empty()) {
            analogyMap_.query = answers_.front().word;
            for (int w = 0; w < V; ++w) analogyMap_.cosines.push_back(sg.cosine(answers_.front().word, w));
        }
    }
}

}  // namespace ns
