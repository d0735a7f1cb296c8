#pragma once
// The embeddings workspace's model (seed 001 §6, seed 002 "word2vec"). A SkipGram with negative
// sampling trains on a small built-in corpus (English or Chinese) on the app's training thread
// (an EmbeddingTask on PacedWorker; one unit = one epoch over every (centre, context) pair). The
// GUI thread keeps the latest immutable copy of the SkipGram, and every number the views show —
// the map's PCA coordinates, the nearest neighbours, the analogy's answers, the one-hot vs dense
// comparison — is that copy's own (pca2, nearest, analogy, cosine, comparison).
//
// The training settings (corpus, dimension, window, negatives, learning rate) are undo commands;
// each restarts training from the seed. Play/pause, step, reset, the query word, the analogy's
// words and the panel are not undoable.
#include "embedding/embedding_picture.h"
#include "sequence/skipgram.h"
#include "shell/batched_notifier.h"
#include "shell/paced_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

class QUndoStack;

namespace ns {

struct EmbeddingSettings {
    seq::CorpusLanguage corpus = seq::CorpusLanguage::English;
    int dimension = 16;
    int window = 2;
    int negatives = 5;
    double learningRate = 0.05;
    bool operator==(const EmbeddingSettings&) const = default;
};

struct EmbeddingSnapshot {
    int generation = 0;
    long request = 0;
    std::vector<double> newLosses;  // the mean loss of each epoch since the previous snapshot
    std::shared_ptr<const seq::SkipGram> skipGram;  // a copy of the trained state
    bool playing = false;
    bool finished = false;  // stopped at kMaxEpochs
    bool diverged = false;  // the loss stopped being finite (too large a learning rate)
};
using EmbeddingSnapshotPtr = std::shared_ptr<const EmbeddingSnapshot>;

// Lives on the worker thread; called only through PacedWorker::post.
class EmbeddingTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr int kMinSnapshotIntervalMs = 60;  // the map is redrawn at most this often
    static constexpr int kMaxEpochs = 2000;

    void setup(int generation, long request, const EmbeddingSettings& settings);
    void setRequest(long request) { request_ = request; }

signals:
    void progress(ns::EmbeddingSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override;
    bool hasNews() const override;
    void emitSnapshot(bool batchDone) override;

private:
    std::unique_ptr<seq::SkipGram> skipGram_;
    std::vector<double> pending_;
    bool diverged_ = false;
    QElapsedTimer sinceSnapshot_;
    int generation_ = 0;
    long request_ = 0;
};

class EmbeddingModel : public QObject {
    Q_OBJECT
    // The lesson contract: settable fields (the same intents as the toolbar's controls) …
    Q_PROPERTY(QString corpus READ corpusName WRITE setCorpus NOTIFY changed)
    Q_PROPERTY(int dimension READ dimension WRITE setDimension NOTIFY changed)
    Q_PROPERTY(int window READ window WRITE setWindow NOTIFY changed)
    Q_PROPERTY(int negatives READ negatives WRITE setNegatives NOTIFY changed)
    Q_PROPERTY(double learning_rate READ learningRate WRITE setLearningRate NOTIFY changed)
    Q_PROPERTY(bool training READ isPlaying WRITE setTraining NOTIFY changed)
    Q_PROPERTY(QString panel READ panelName WRITE setPanelName NOTIFY changed)
    Q_PROPERTY(QString word READ word WRITE setWord NOTIFY changed)
    // … and read-only ones.
    Q_PROPERTY(int epochs READ epochs NOTIFY changed)
    Q_PROPERTY(double loss READ loss NOTIFY changed)

public:
    static constexpr int kMinDimension = 2, kMaxDimension = 64;
    static constexpr int kMinWindow = 1, kMaxWindow = 5;
    static constexpr int kMinNegatives = 1, kMaxNegatives = 15;
    static constexpr double kMinLearningRate = 0.001, kMaxLearningRate = 1.0;
    static constexpr int kNeighbours = 8;      // k of the neighbours panel and the map's highlight
    static constexpr int kAnalogyAnswers = 5;
    static constexpr std::size_t kMaxHistory = 3000;
    static constexpr double kEpochsPerSecond = 10;
    static constexpr std::uint64_t kSeed = 1;
    enum class Panel { Map, Neighbours, Analogy, OneHot };

    explicit EmbeddingModel(QObject* parent = nullptr);
    ~EmbeddingModel() override;

    static QStringList corpusNames();  // en zh
    static QStringList panelNames();   // map neighbours analogy onehot

    // Undoable training settings, each restarting from the seed. Out-of-range numbers are clamped
    // into range; false (and lastError) for a value no control offers (an unknown corpus, NaN).
    bool setCorpus(const QString& name);
    bool setDimension(int dimension);
    bool setWindow(int window);
    bool setNegatives(int negatives);
    bool setLearningRate(double rate);
    void apply(const EmbeddingSettings& settings, const QString& text);  // one undo command

    // Training.
    void setTraining(bool on);
    void play() { setTraining(true); }
    void pause() { setTraining(false); }
    void step();   // one epoch (pauses)
    Q_INVOKABLE void reset();  // the same initial vectors again (a lesson scene calls it too)

    // View state. An unknown word is ignored (the word stays) and wordNotice() says why.
    bool setWord(const QString& word);
    bool setCompareWord(const QString& word);  // the one-hot panel's second word
    bool setAnalogy(const QString& a, const QString& b, const QString& c);
    bool setPanelName(const QString& name);
    void setPanel(Panel panel);

    const EmbeddingSettings& settings() const { return settings_; }
    QString corpusName() const;
    int dimension() const { return settings_.dimension; }
    int window() const { return settings_.window; }
    int negatives() const { return settings_.negatives; }
    double learningRate() const { return settings_.learningRate; }
    bool isPlaying() const { return playing_; }
    bool finished() const { return finished_; }
    bool diverged() const { return diverged_; }
    Panel panel() const { return panel_; }
    QString panelName() const;
    QString word() const { return word_; }
    QString compareWord() const { return compareWord_; }
    std::array<QString, 3> analogyWords() const { return analogy_; }
    QString wordNotice() const { return wordNotice_; }
    int epochs() const;
    double loss() const;  // the mean loss of the latest epoch, 0 before training
    const std::vector<double>& lossHistory() const { return losses_; }
    QString lastError() const { return lastError_; }
    QUndoStack* undoStack() const { return undo_; }

    // The trained state the views show, and what they draw from it.
    const seq::SkipGram& skipGram() const { return *skipGram_; }
    QStringList vocabulary() const;
    int indexOf(const QString& word) const;
    int wordIndex() const { return indexOf(word_); }
    const Eigen::MatrixXd& coordinates() const { return coordinates_; }  // pca2()
    const std::vector<seq::Neighbour>& neighbours() const { return neighbours_; }  // nearest(word, k)
    const std::vector<seq::Neighbour>& analogyAnswers() const { return answers_; }  // analogy(a, b, c, k)
    seq::OneHotComparison comparison() const { return skipGram_->comparison(); }
    std::vector<double> oneHot(int word) const;  // V long, one 1
    std::vector<double> dense(int word) const;   // the input vector v_w
    double denseCosine() const;   // of word and compareWord
    double oneHotCosine() const;  // of their one-hot vectors: 0 unless the same word
    const EmbeddingMapPicture& mapPicture() const { return map_; }
    const EmbeddingMapPicture& analogyPicture() const { return analogyMap_; }
    std::vector<EmbeddingBar> neighbourBars() const;
    std::vector<EmbeddingBar> analogyBars() const;
    int groupOf(int word) const;  // index into builtinGroups of the corpus, −1 for other words

signals:
    void changed();
    void settingsChanged();

private:
    friend class EmbeddingSettingsCommand;
    void restore(const EmbeddingSettings& settings);
    void restart();
    void derive();  // coordinates, neighbours, answers and pictures from skipGram_
    void receive(const ns::EmbeddingSnapshotPtr& snapshot);
    void defaultWords();  // the corpus's own query, compare and analogy words when the old ones are absent
    void notify();
    template <typename Call>
    void toTask(Call call);
    bool refuse(const QString& message);

    EmbeddingSettings settings_;
    QUndoStack* undo_;
    EmbeddingTask* task_ = nullptr;
    BatchedNotifier notifier_;
    std::shared_ptr<const seq::SkipGram> skipGram_;
    int generation_ = 0;
    long request_ = 0;
    bool playing_ = false;
    bool finished_ = false;
    bool diverged_ = false;
    Panel panel_ = Panel::Map;
    QString word_, compareWord_, wordNotice_;
    std::array<QString, 3> analogy_;
    std::vector<double> losses_;
    long epochsSeen_ = 0;
    std::vector<int> groups_;
    Eigen::MatrixXd coordinates_;
    std::vector<seq::Neighbour> neighbours_, answers_;
    EmbeddingMapPicture map_, analogyMap_;
    QString lastError_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::EmbeddingSnapshotPtr)
