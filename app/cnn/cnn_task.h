#pragma once
// LeNet-5 training as a task of the app's training thread: one unit is one mini-batch of the
// ImageTrainer; every kEvaluateEvery steps (and whenever it pauses) the held-out images are
// evaluated a chunk at a time between batches, so the curves and the confusion matrix follow the
// training without stalling it. Loading a data set (Fashion-MNIST is 60 000 images) happens here too,
// never on the GUI thread.
#include "cnn/image_trainer.h"
#include "shell/paced_worker.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ns {

struct CnnPoint {
    long step = 0;
    double loss = 0, accuracy = 0;  // the batch's
};

struct CnnSnapshot {
    int generation = 0;
    QString dataset, error;           // error: loading failed (the previous set stays)
    bool loading = false, playing = false, diverged = false;
    long steps = 0, epoch = 0;
    double epochProgress = 0, imagesPerSecond = 0;
    std::vector<CnnPoint> newPoints;  // since the previous snapshot
    std::shared_ptr<const engine::Network> network;
    std::shared_ptr<const data::ImageSet> test;
    std::optional<cnn::Evaluation> evaluation;  // the latest complete one
    long evaluatedAtStep = -1;
};
using CnnSnapshotPtr = std::shared_ptr<const CnnSnapshot>;

class CnnTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr long kEvaluateEvery = 50;
    static constexpr engine::Index kTestImages = 1000;

    // Call through PacedWorker::post. root: where the Fashion-MNIST files are looked for.
    void load(int generation, const QString& dataset, const QString& root);
    void loadFiles(int generation, const QString& images, const QString& labels);
    void setSettings(const cnn::ImageTrainerSettings& settings);
    void reset(int generation);

signals:
    void progress(ns::CnnSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override { return trainer_ != nullptr && !diverged_; }
    bool hasIdleWork() const override { return evaluation_ != nullptr; }
    void idleStep() override;
    bool hasNews() const override { return !pending_.empty() || news_; }
    void emitSnapshot(bool batchDone) override;

private:
    void install(int generation, const QString& dataset, data::ImageSet train, data::ImageSet test);
    void fail(int generation, const QString& error);
    void startEvaluation();

    std::unique_ptr<cnn::ImageTrainer> trainer_;
    std::shared_ptr<const data::ImageSet> test_;
    std::unique_ptr<cnn::EvaluationRun> evaluation_;
    std::optional<cnn::Evaluation> latest_;
    long evaluatedAt_ = -1, evaluationStep_ = -1;
    cnn::ImageTrainerSettings settings_;
    QString dataset_, error_, loadingDataset_;
    int generation_ = 0;
    bool diverged_ = false, news_ = false;
    std::vector<CnnPoint> pending_;
    double imagesPerSecond_ = 0;
    std::int64_t rateStartNs_ = 0;
    engine::Index rateImages_ = 0;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::CnnSnapshotPtr)
