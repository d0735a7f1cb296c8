#pragma once
// The ViT workspace's model: a core Vit trained on the app's training thread (VitTask) on the
// built-in digits or Fashion-MNIST (loaded there, never on the GUI thread), seen through its
// snapshots — the curves, the test accuracy, and for the chosen test image its patches, the class
// token's attention over them per head, and MAE's mask of mask_ratio of the patches.
#include "shell/batched_notifier.h"
#include "shell/paced_worker.h"
#include "transformer/vit.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace ns {

struct VitSnapshot {
    int generation = 0;
    QString dataset, error;
    bool loading = false, playing = false, diverged = false;
    long steps = 0, request = 0;
    std::vector<transformer::VitStep> newSteps;
    double testAccuracy = -1;
    long evaluatedAt = -1;
    int image = 0, label = -1, testCount = 0, patch = 7;
    std::vector<double> pixels;  // the chosen test image, 28 × 28
    std::shared_ptr<const transformer::VitInspection> inspection;
};
using VitSnapshotPtr = std::shared_ptr<const VitSnapshot>;

class VitTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr long kEvaluateEvery = 100;
    static constexpr int kTestImages = 500;
    void load(int generation, const QString& dataset, const QString& root, const transformer::VitSettings& settings);
    void restart(int generation, const transformer::VitSettings& settings);
    void setImage(int image);
    void setRequest(long request) { request_ = request; }

signals:
    void progress(ns::VitSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override { return vit_ != nullptr && !diverged_; }
    bool hasNews() const override { return !pending_.empty() || news_; }
    void emitSnapshot(bool batchDone) override;

private:
    void fail(int generation, const QString& error);
    std::unique_ptr<transformer::Vit> vit_;
    data::ImageSet train_, test_;
    QString dataset_, error_;
    int generation_ = 0, image_ = 0;
    bool diverged_ = false, news_ = false, loading_ = false;
    std::vector<transformer::VitStep> pending_;
    double accuracy_ = -1;
    long evaluatedAt_ = -1, request_ = 0;
};

class VitModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString dataset READ dataset WRITE setDataset NOTIFY changed)
    Q_PROPERTY(int image READ image WRITE setImage NOTIFY changed)
    Q_PROPERTY(int patch READ patch WRITE setPatch NOTIFY changed)
    Q_PROPERTY(QString panel READ panel WRITE setPanel NOTIFY changed)
    Q_PROPERTY(double mask_ratio READ maskRatio WRITE setMaskRatio NOTIFY changed)
    Q_PROPERTY(int head READ head WRITE setHead NOTIFY changed)
    Q_PROPERTY(bool training READ isPlaying WRITE setTraining NOTIFY changed)
    Q_PROPERTY(int steps READ stepsShown NOTIFY changed)
    Q_PROPERTY(double accuracy READ accuracy NOTIFY changed)
public:
    static constexpr std::size_t kHistory = 20000;
    static constexpr double kMaxMaskRatio = 0.95;

    explicit VitModel(QObject* parent = nullptr);
    ~VitModel() override;

    static QStringList datasets();  // digits, fashion_mnist
    static QStringList panels();    // patches, attention, mae
    static QStringList classNames(const QString& dataset);

    bool setDataset(const QString& dataset);
    bool setImage(int image);
    bool setPatch(int patch);  // snapped to 2, 4, 7 or 14 (a new run)
    bool setPanel(const QString& panel);
    bool setMaskRatio(double ratio);
    bool setHead(int head);  // from 1
    void setTraining(bool on);
    void step();
    void runSteps(long count);
    Q_INVOKABLE void reset();  // the same settings from the initial weights (a lesson scene calls it)
    void setFashionRoot(const QString& dir) { fashionRoot_ = dir; }
    void setUnitsPerSecond(double rate);

    QString dataset() const { return dataset_; }
    int image() const { return image_; }
    int patch() const { return settings_.patch; }
    int grid() const { return transformer::VitSettings::kSide / settings_.patch; }
    QString panel() const { return panel_; }
    double maskRatio() const { return maskRatio_; }
    int head() const { return head_; }
    int heads() const { return settings_.heads; }
    bool isPlaying() const { return playing_; }
    bool loading() const { return loading_; }
    long steps() const { return snapshot_ ? snapshot_->steps : 0; }
    int stepsShown() const { return static_cast<int>(steps()); }
    double accuracy() const { return snapshot_ && snapshot_->testAccuracy >= 0 ? snapshot_->testAccuracy : 0; }
    long evaluatedAtStep() const { return snapshot_ ? snapshot_->evaluatedAt : -1; }
    int testCount() const { return snapshot_ ? snapshot_->testCount : 0; }
    int label() const { return snapshot_ ? snapshot_->label : -1; }
    const std::vector<double>* pixels() const;  // the shown image (null until loaded)
    const transformer::VitInspection* inspection() const;
    // MAE: which patches are hidden (seeded by the image), exactly round(mask_ratio · patches).
    std::vector<bool> mask() const;
    const std::vector<double>& lossHistory() const { return lossHistory_; }
    const std::vector<double>& accuracyHistory() const { return accuracyHistory_; }
    QString lastError() const { return error_; }
    // The training thread has answered the latest play, pause or step request and is idle.
    bool settled() const { return snapshot_ && snapshot_->request == request_ && !snapshot_->playing; }

signals:
    void changed();

private:
    bool refuse(const QString& why);
    void load();
    void restart();
    void receive(const VitSnapshotPtr& snapshot);
    void markChanged();

    VitTask* task_;
    transformer::VitSettings settings_;
    QString dataset_ = QStringLiteral("digits"), panel_ = QStringLiteral("attention"), error_, fashionRoot_;
    int image_ = 0, head_ = 1, generation_ = 0;
    long request_ = 0;
    double maskRatio_ = 0.75;
    bool playing_ = false, loading_ = true;
    VitSnapshotPtr snapshot_;
    std::vector<double> lossHistory_, accuracyHistory_;
    BatchedNotifier notifier_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::VitSnapshotPtr)
