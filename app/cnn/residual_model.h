#pragma once
// The residual experiment's model (seed 000 §2.4): four 20-layer networks — plain, plain +
// BatchNorm, residual, residual + BatchNorm — trained side by side on the app's training thread
// (a ResidualTask on PacedWorker), one gradient-descent step of all four per unit, paced so a
// class sees the curves move. The GUI thread only keeps the latest immutable snapshot: each
// variant's per-layer gradient norms, its loss history (bounded) and its accuracy.
#include "cnn/residual_experiment.h"
#include "shell/paced_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace ns {

struct ResidualSnapshot {
    int generation = 0;  // which experiment produced it (stale ones are dropped)
    long request = 0;    // the last queued call the task had handled
    long steps = 0;
    std::array<std::vector<double>, cnn::kResidualVariants> gradientNorms;
    std::array<std::vector<double>, cnn::kResidualVariants> newLosses;  // since the previous snapshot
    std::array<double, cnn::kResidualVariants> accuracy{};
    std::array<bool, cnn::kResidualVariants> finite{};
    bool playing = false;
};
using ResidualSnapshotPtr = std::shared_ptr<const ResidualSnapshot>;

// Lives on the worker thread; called only through PacedWorker::post.
class ResidualTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr int kMinSnapshotIntervalMs = 50;  // at most 20 snapshots/s while training

    ResidualTask() = default;
    // A new experiment (pauses); `request` tags the snapshots that follow.
    void setSpec(int generation, long request, const cnn::ResidualSpec& spec);
    void setRequest(long request) { request_ = request; }

signals:
    void progress(ns::ResidualSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override;
    bool hasNews() const override;
    void emitSnapshot(bool batchDone) override;

private:
    std::unique_ptr<cnn::ResidualExperiment> experiment_;
    std::array<std::vector<double>, cnn::kResidualVariants> pending_;
    QElapsedTimer sinceSnapshot_;
    int generation_ = 0;
    long request_ = 0;
};

class ResidualModel : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinBlocks = 3;
    static constexpr int kMaxBlocks = 12;
    static constexpr std::size_t kMaxLossHistory = 2000;
    static constexpr double kStepsPerSecond = 30;

    explicit ResidualModel(QObject* parent = nullptr);  // spec defaults: sigmoid, 9 blocks
    ~ResidualModel() override;                          // releases its task from the worker

    static QStringList activationNames();  // "sigmoid", "tanh", "relu"

    void setActivation(const QString& name);  // a new run
    void setBlocks(int blocks);               // kMinBlocks..kMaxBlocks: a new run
    void setTraining(bool on);
    void play() { setTraining(true); }
    void pause() { setTraining(false); }
    void reset();

    QString activation() const;
    int blocks() const { return spec_.blocks; }
    int layers() const { return 2 * spec_.blocks + 2; }
    bool isPlaying() const { return playing_; }
    long steps() const { return steps_; }
    // The latest snapshot, per variant (0 plain, 1 plain_bn, 2 residual, 3 residual_bn).
    const std::vector<double>& gradientNorms(int variant) const;  // input side first
    const std::vector<double>& lossHistory(int variant) const;    // one per step, the last kMaxLossHistory
    double accuracy(int variant) const;                           // NaN before the first step
    bool isFinite(int variant) const;                             // false once diverged
    QString lastError() const { return lastError_; }

signals:
    void changed();

private:
    void restart();  // a new experiment from spec_, on the worker
    void receive(const ns::ResidualSnapshotPtr& snapshot);
    template <typename Call>
    void toTask(Call call);
    static std::size_t index(int variant);

    cnn::ResidualSpec spec_;
    ResidualTask* task_ = nullptr;
    int generation_ = 0;
    long request_ = 0;
    long steps_ = 0;
    bool playing_ = false;
    std::array<std::vector<double>, cnn::kResidualVariants> norms_;
    std::array<std::vector<double>, cnn::kResidualVariants> losses_;
    std::array<double, cnn::kResidualVariants> accuracy_{};
    std::array<bool, cnn::kResidualVariants> finite_{};
    QString lastError_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::ResidualSnapshotPtr)
