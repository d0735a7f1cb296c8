#pragma once
// The tiny-Transformer workspace's model: a core ToyTransformer trained on the app's training
// thread (TransformerTask), seen through the snapshots it publishes — the loss and token-accuracy
// curves, the held-out accuracy, and the prediction and every head's attention map for the
// sequence the student typed. Settings are undo commands; the lesson fields are Qt properties.
#include "shell/batched_notifier.h"
#include "shell/paced_worker.h"
#include "transformer/toy_transformer.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace ns {

struct TransformerSnapshot {
    int generation = 0;
    bool playing = false, diverged = false;
    long steps = 0, request = 0;  // request: the last play/pause/step request the task had seen
    std::vector<transformer::ToyStep> newSteps;  // since the previous snapshot
    double heldOutAccuracy = -1;                  // −1 before the first evaluation
    long evaluatedAt = -1;
    std::vector<int> input;
    std::shared_ptr<const transformer::ToyPrediction> prediction;
};
using TransformerSnapshotPtr = std::shared_ptr<const TransformerSnapshot>;

class TransformerTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr long kEvaluateEvery = 25;
    void restart(int generation, const transformer::ToySettings& settings, const std::vector<int>& input);
    void setLearningRate(double eta);
    void setInput(const std::vector<int>& input);
    void setRequest(long request) { request_ = request; }

signals:
    void progress(ns::TransformerSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override { return model_ != nullptr && !diverged_; }
    bool hasNews() const override { return !pending_.empty() || news_; }
    void emitSnapshot(bool batchDone) override;

private:
    std::unique_ptr<transformer::ToyTransformer> model_;
    int generation_ = 0;
    bool diverged_ = false, news_ = false;
    std::vector<transformer::ToyStep> pending_;
    std::vector<int> input_;
    double heldOut_ = -1;
    long evaluatedAt_ = -1, request_ = 0;
};

class TransformerModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString task READ task WRITE setTask NOTIFY changed)
    Q_PROPERTY(int length READ length WRITE setLength NOTIFY changed)
    Q_PROPERTY(int layers READ layers WRITE setLayers NOTIFY changed)
    Q_PROPERTY(int heads READ heads WRITE setHeads NOTIFY changed)
    Q_PROPERTY(double learning_rate READ learningRate WRITE setLearningRate NOTIFY changed)
    Q_PROPERTY(QString input READ input WRITE setInput NOTIFY changed)
    Q_PROPERTY(int layer READ layer WRITE selectLayer NOTIFY changed)
    Q_PROPERTY(int head READ head WRITE selectHead NOTIFY changed)
    Q_PROPERTY(bool training READ isPlaying WRITE setTraining NOTIFY changed)
    Q_PROPERTY(int steps READ stepsShown NOTIFY changed)
    Q_PROPERTY(double accuracy READ accuracy NOTIFY changed)
    Q_PROPERTY(double loss READ loss NOTIFY changed)
public:
    static constexpr std::size_t kHistory = 20000;
    static constexpr double kMinRate = 1e-4, kMaxRate = 0.1;

    explicit TransformerModel(QObject* parent = nullptr);
    ~TransformerModel() override;

    static QStringList taskNames();  // copy, reverse, sort, characters

    // Intents (settings are undo commands; a new task, length, depth or head count starts a new run).
    bool setTask(const QString& task);
    bool setLength(int n);
    bool setLayers(int layers);
    bool setHeads(int heads);
    bool setLearningRate(double eta);
    bool setInput(const QString& typed);
    bool selectLayer(int layer);  // from 1
    bool selectHead(int head);    // from 1
    void setTraining(bool on);
    void play() { setTraining(true); }
    void pause() { setTraining(false); }
    void step();          // one training step
    void runSteps(long count);
    Q_INVOKABLE void reset();  // the same settings from the initial weights (a lesson scene calls it)
    void setUnitsPerSecond(double rate);

    const transformer::ToySettings& settings() const { return settings_; }
    QString task() const;
    int length() const { return settings_.length; }
    int layers() const { return settings_.layers; }
    int heads() const { return settings_.heads; }
    double learningRate() const { return settings_.learningRate; }
    QString input() const { return input_; }
    int layer() const { return layer_; }
    int head() const { return head_; }
    bool isPlaying() const { return playing_; }
    bool diverged() const { return snapshot_ && snapshot_->diverged; }
    long steps() const { return snapshot_ ? snapshot_->steps : 0; }
    int stepsShown() const { return static_cast<int>(steps()); }
    double accuracy() const;  // held-out token accuracy (0 before the first evaluation)
    long evaluatedAtStep() const { return snapshot_ ? snapshot_->evaluatedAt : -1; }
    double loss() const;      // the latest batch's (0 before any step)
    double batchAccuracy() const;
    const transformer::ToyPrediction* prediction() const;
    const std::vector<double>& lossHistory() const { return lossHistory_; }
    const std::vector<double>& accuracyHistory() const { return accuracyHistory_; }
    QString lastError() const { return error_; }
    // The training thread has answered the latest play, pause or step request and is idle.
    bool settled() const { return snapshot_ && snapshot_->request == request_ && !snapshot_->playing; }
    QUndoStack* undoStack() const { return undo_; }
    // The default input of a task and length (digits 1, 2, … or the start of the built-in text).
    static QString defaultInput(transformer::ToyTask task, int length);

    // Applies settings and input as one state (the undo commands call it).
    void apply(const transformer::ToySettings& settings, const QString& input);

signals:
    void changed();

private:
    bool edit(const QString& text, transformer::ToySettings settings, QString input);
    bool refuse(const QString& why);
    void restart();
    void receive(const TransformerSnapshotPtr& snapshot);
    void markChanged();

    TransformerTask* task_;
    QUndoStack* undo_;
    transformer::ToySettings settings_;
    QString input_, error_;
    int generation_ = 0, layer_ = 1, head_ = 1;
    long request_ = 0;
    bool playing_ = false;
    TransformerSnapshotPtr snapshot_;
    std::vector<double> lossHistory_, accuracyHistory_;
    BatchedNotifier notifier_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::TransformerSnapshotPtr)
