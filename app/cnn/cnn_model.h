#pragma once
// The CNN workspace's model: LeNet-5 trained on the app's training thread (CnnTask), seen through
// the snapshots it publishes — the curves, the latest evaluation (accuracy, confusion matrix,
// misclassified images), the learnt first-layer filters, and the feature maps of one chosen test
// image, which come from the engine's trace of that image (cnn::traceImage).
#include "cnn/cnn_task.h"

#include "shell/batched_notifier.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <deque>

namespace ns {

class CnnModel : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kHistory = 20000;  // curve points kept

    explicit CnnModel(QObject* parent = nullptr);
    ~CnnModel() override;

    static const QStringList& datasets();  // builtin, shapes, fashion_mnist
    static QStringList classNames(const QString& dataset);

    // Intents.
    bool setDataset(const QString& dataset);  // starts a fresh run on it (loaded off the GUI thread)
    bool openIdx(const QString& images, const QString& labels);
    bool setLearningRate(double eta);         // 1e-5 … 10
    bool setBatchSize(int batch);             // 1 … 512
    void play();
    void pause();
    void setTraining(bool on);
    void reset();
    bool selectInput(int index);              // a test image, from 0
    bool selectLayer(const QString& name);    // a LeNet-5 node: conv1, relu1, pool1, …
    void setFashionRoot(const QString& dir);  // where Fashion-MNIST is looked for (tests)
    void setUnitsPerSecond(double rate);      // ≤ 0: as fast as possible

    QString dataset() const { return dataset_; }
    bool loading() const { return loading_; }
    double learningRate() const { return settings_.learningRate; }
    int batchSize() const { return static_cast<int>(settings_.batchSize); }
    bool isPlaying() const { return snapshot_ && snapshot_->playing; }
    bool diverged() const { return snapshot_ && snapshot_->diverged; }
    long steps() const { return snapshot_ ? snapshot_->steps : 0; }
    long epoch() const { return snapshot_ ? snapshot_->epoch : 0; }
    double epochProgress() const { return snapshot_ ? snapshot_->epochProgress : 0; }
    double imagesPerSecond() const { return snapshot_ ? snapshot_->imagesPerSecond : 0; }
    double testAccuracy() const;  // NaN before the first evaluation
    long evaluatedAtStep() const { return snapshot_ ? snapshot_->evaluatedAtStep : -1; }
    const std::deque<CnnPoint>& history() const { return history_; }
    std::vector<CnnPoint> takeNewPoints();  // for live plots: the points since the last call
    const cnn::Evaluation* evaluation() const;
    const data::ImageSet* testSet() const { return snapshot_ && snapshot_->test ? snapshot_->test.get() : nullptr; }
    const engine::Network* network() const { return snapshot_ ? snapshot_->network.get() : nullptr; }
    int selectedInput() const { return input_; }
    QString selectedLayer() const { return layer_; }
    QStringList layerNames() const;
    // The selected image's forward pass (Eval mode): every node's output.
    const engine::NetworkTrace& trace() const { return trace_; }
    const engine::Tensor* selectedMaps() const;  // the selected layer's output [1, …]
    QString lastError() const { return error_; }

signals:
    void changed();

private:
    void receive(const CnnSnapshotPtr& snapshot);
    void retrace();
    void markChanged();
    bool refuse(const QString& why);

    CnnTask* task_;
    int generation_ = 0;
    QString dataset_ = QStringLiteral("builtin"), layer_ = QStringLiteral("conv1"), error_, fashionRoot_;
    cnn::ImageTrainerSettings settings_;
    CnnSnapshotPtr snapshot_;
    std::deque<CnnPoint> history_;
    std::vector<CnnPoint> fresh_;
    int input_ = 0;
    bool loading_ = true;
    BatchedNotifier notifier_;
    engine::NetworkTrace trace_;
    const engine::Network* tracedNetwork_ = nullptr;
    int tracedInput_ = -1;
};

}  // namespace ns
