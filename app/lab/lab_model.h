#pragma once
// The training lab's one owner of state: the data, the input features, the architecture, the
// training settings, the network and its history, earlier runs kept for comparison, the metrics
// threshold and the explorers' parameters. Views observe it through changed() (batched, as in
// SessionModel) and ask for changes through intents; every edit of the lab (settings, data,
// points) is a QUndoCommand. Training runs in a LabWorker on its own thread. Everything shown is
// computed here with the core (grid evaluation, metrics, activation and loss curves); views only
// draw it.
#include "base/activation_curves.h"
#include "shell/frame_pacer.h"
#include "lab/csv_import.h"
#include "lab/grid.h"
#include "lab/lab_data.h"
#include "lab/lab_features.h"
#include "lab/lab_trainer.h"
#include "lab/lab_worker.h"
#include "lab/metrics_report.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTimer;
class QUndoStack;

namespace ns {

// Everything the user sets that defines a run.
struct LabConfig {
    DatasetSpec dataset{.kind = DatasetKind::Circle, .samples = 400, .noise = 0.1, .testFraction = 0.5, .seed = 1};
    FeatureSet features = kDefaultFeatures;
    std::vector<int> hidden{4, 2};  // units per hidden layer
    std::vector<Activation> activations{Activation::Tanh, Activation::Tanh};
    LabSettings training = defaultTraining();
    std::uint64_t initSeed = 1;

    static LabSettings defaultTraining();
    bool operator==(const LabConfig&) const = default;
};

// A finished (or interrupted) run kept for the compare overlay.
struct LabRun {
    int number = 0;
    LabConfig config;
    std::vector<LabEpoch> history;
};

class LabModel : public QObject {
    Q_OBJECT
public:
    enum Change {
        NetworkChanged = 1 << 0,   // weights: grid, metrics
        HistoryChanged = 1 << 1,
        StatusChanged = 1 << 2,    // playing, paused, diverged, stopped
        ConfigChanged = 1 << 3,    // any setting
        DataChanged = 1 << 4,      // points, split, task
        MetricsChanged = 1 << 5,   // threshold, split, class
        ExplorerChanged = 1 << 6,  // activation / loss explorer curves
        RunsChanged = 1 << 7,      // compare overlay
        ViewChanged = 1 << 8,      // discretize, current class
    };
    Q_DECLARE_FLAGS(Changes, Change)

    static constexpr int kMaxHiddenLayers = 6;
    static constexpr int kMaxUnits = 16;
    static constexpr int kMaxRuns = 8;
    static constexpr int kGridResolution = 100;
    static const std::vector<double>& speedChoices();  // epochs/s, 0 = as fast as possible
    static const std::vector<Activation>& hiddenActivations();

    explicit LabModel(QObject* parent = nullptr);
    ~LabModel() override;

    // ---- State ----
    const LabConfig& config() const { return config_; }
    const LabData& data() const { return data_; }
    const Dataset& trainSet() const { return train_; }  // features and targets the trainer uses
    const Dataset& testSet() const { return test_; }
    TaskKind task() const { return data_.task; }
    int classes() const { return data_.classes; }
    std::vector<int> layerSizes() const { return layerSizesFor(config_, data_); }  // inputs, hidden…, outputs
    std::vector<Activation> layerActivations() const { return layerActivationsFor(config_, data_); }
    static std::vector<int> layerSizesFor(const LabConfig& config, const LabData& data);
    static std::vector<Activation> layerActivationsFor(const LabConfig& config, const LabData& data);
    // The test-time network (BatchNorm's running averages folded in where it is on): what the
    // grid, the metrics and the network view show.
    const Mlp& network() const { return network_; }
    const Mlp& trainedNetwork() const { return trainedNetwork_; }  // the weights before folding
    const LabBatchNorm& batchNorm() const { return batchNorm_; }
    bool batchNormOn(int layer) const;  // hidden layer, 0-based
    // μ_B and σ²_B of the last update at a hidden layer, per unit (empty where BatchNorm is off
    // or nothing has been trained yet).
    Vector batchMean(int layer) const;
    Vector batchVariance(int layer) const;
    const Mlp& initialNetwork() const { return initial_; }
    const OptimizerState& optimizerState() const { return optimizerState_; }
    const EarlyStopping& stopping() const { return stopping_; }
    const std::vector<LabEpoch>& history() const { return history_; }
    int historyGeneration() const { return generation_; }
    long epoch() const { return epoch_; }
    LabStatus status() const { return status_; }
    DivergenceReason divergenceReason() const { return reason_; }
    double divergedLearningRate() const { return divergedLearningRate_; }
    QString statusMessage() const;  // why training stopped, in the UI language; empty if ready
    bool isPlaying() const { return playing_; }
    int speedIndex() const { return speedIndex_; }
    QUndoStack* undoStack() const { return undoStack_; }

    const GridEvaluation& grid() const { return grid_; }
    const MetricsReport& metrics() const { return metrics_; }
    const std::vector<LabRun>& runs() const { return runs_; }
    bool compareRuns() const { return compareRuns_; }
    QString runLabel(const LabRun& run) const;  // "Run 2: Adam → SGD, η 0.03"
    bool discretize() const { return discretize_; }
    int currentClass() const { return currentClass_; }

    double explorerAlpha() const { return explorerAlpha_; }
    const std::vector<Activation>& explorerActivations() const { return explorerShown_; }
    const std::vector<ActivationCurve>& activationCurves() const { return activationCurves_; }
    int explorerDepth() const { return explorerDepth_; }
    std::vector<double> gradientBounds() const;  // (max σ')^depth per shown activation
    double valueScale() const;  // regression: the largest |target|, for colour scales
    QStringList inputNames() const;  // x₁, x₁², … or x₁ … x_d
    const LossCurves& lossCurves() const { return lossCurves_; }
    bool metricsOnTest() const { return metricsOnTest_ && test_.size() > 0; }
    double threshold() const { return threshold_; }
    int positiveClass() const { return positiveClass_; }

    // ---- Intents: undoable edits of the lab ----
    void setConfig(const LabConfig& config, const QString& what, int mergeKey = 0);
    void setDatasetKind(DatasetKind kind);
    void setSamples(int samples);
    void setNoise(double noise);
    void setTestFraction(double fraction);
    void regenerate();  // the same set drawn from the next seed
    void setFeature(Feature feature, bool on);
    void addLayer();
    void removeLayer();
    void setUnits(int layer, int units);
    void setActivation(int layer, Activation f);
    void setLoss(LabLoss loss);
    void setFocalGamma(double gamma);
    void setOptimizer(OptimizerKind kind);
    void setLearningRate(double eta);
    void setBatchSize(int batch);
    void setMomentum(double beta);
    void setMomentumForm(MomentumForm form);  // seed 001 eqs. 63–64 or seed 002's form
    void setAdam(double beta1, double beta2, double epsilon);
    void setSchedule(const LrSchedule& schedule);  // η stays as set
    void setRegularization(Penalty kind, double lambda);
    void setDropout(double p);
    void setBatchNorm(int layer, bool on);  // hidden layer, 0-based (undoable)
    void setPatience(int epochs);
    void setEpochBudget(long epochs);
    void newWeights();  // reset to freshly drawn initial weights (the next init seed)
    // Click on the plot: add a point of the current class (other = the other class) at (x, y);
    // remove = the nearest point within `tolerance`. Only for 2-D data; false otherwise.
    bool editPoint(double x, double y, bool other, bool remove, double tolerance);
    // Replaces the data with a CSV file. On failure returns false, sets *error to
    // "file:line: what was wrong" and changes nothing.
    bool importCsv(const QString& path, QString* error);
    // Applied by the undo commands; not for views.
    void applyConfig(const LabConfig& config);
    void applyData(const LabData& data, const LabConfig& config);

    // ---- Intents: training (not undoable, as in the main window) ----
    void play();
    void pause();
    void togglePlay();
    void stepEpoch();
    void trainEpochs(long count);  // as fast as possible; emits batchFinished
    void reset();                  // the same initial weights, epoch 0; the run is kept
    void setSpeedIndex(int index);

    // ---- Intents: views ----
    void setThreshold(double threshold);
    void setMetricsOnTest(bool test);
    void setPositiveClass(int cls);  // multiclass: the class the ROC and PR curves are for
    void setDiscretize(bool on);
    void setCurrentClass(int cls);
    void setCompareRuns(bool on);
    void clearRuns();
    void setExplorerAlpha(double alpha);
    void setExplorerActivation(Activation f, bool shown);
    void setExplorerDepth(int layers);
    void setLossTarget(int classTarget, double regressionTarget);
    void setLossGamma(double gamma);

    // ---- Files ----
    bool save(const QString& path, QString* error) const;  // JSON, atomically (QSaveFile)
    bool load(const QString& path, QString* error);        // all or nothing

    // A complete copy of the lab for saving and loading.
    struct Saved {
        LabConfig config;
        LabData data;
        Mlp initial;
        LabTrainerState state;
        std::vector<LabEpoch> history;
        std::vector<LabRun> runs;
        int nextRun = 1;
        double threshold = 0.5;
    };
    Saved snapshot() const;
    void restore(Saved saved);  // not undoable: loading clears the undo stack
    // The reading half of load(): the bytes of a save file (`shown` names it in messages) checked
    // field by field into `saved`; false with the message in `error` otherwise. Files of more
    // than kMaxSaveFileBytes are refused before they are read or parsed.
    static constexpr qint64 kMaxSaveFileBytes = qint64(256) << 20;
    static bool readSaved(const QByteArray& bytes, const QString& shown, Saved* saved, QString* error);

    static QString checkConfig(const LabConfig& config);  // empty when usable

signals:
    void changed(ns::LabModel::Changes changes);
    void batchFinished();

private:
    void receive(const LabSnapshotPtr& snapshot);
    void markDirty(Changes changes);
    void flush();
    GridSpec gridSpec() const;
    void sendGridRequest();
    void rebuild(bool keepRun);  // new data sets and trainer from config_ and data_
    void archiveRun();
    void refreshDerived();
    void refreshMetrics();
    void refreshActivationCurves();
    void sendSettings();
    template <typename Call>
    void toWorker(Call call);

    LabConfig config_;
    LabConfig runConfig_;  // the settings the current run's epochs were trained with
    LabData data_;
    Dataset train_, test_;
    Mlp initial_, network_, trainedNetwork_;
    LabBatchNorm batchNorm_;
    std::vector<Vector> batchMeans_, batchVariances_;
    OptimizerState optimizerState_;
    EarlyStopping stopping_;
    std::vector<LabEpoch> history_;
    long epoch_ = 0;
    LabStatus status_ = LabStatus::Ready;
    DivergenceReason reason_ = DivergenceReason::None;
    double divergedLearningRate_ = 0;
    bool playing_ = false;
    int generation_ = 0;
    int speedIndex_ = 3;
    QUndoStack* undoStack_;
    LabWorker* worker_ = nullptr;
    Changes dirty_;
    bool flushScheduled_ = false;

    GridEvaluation grid_;
    // The newest snapshot's grid (evaluated on the training thread for network_), swapped into
    // grid_ on the next flush; null when network_ changed otherwise and the grid is computed here.
    std::shared_ptr<GridEvaluation> workerGrid_;
    std::unique_ptr<FramePacer<Changes>> framePacer_;  // snapshots shown at most once per frame
    Trace trainTrace_, testTrace_;
    MetricsReport metrics_;
    double threshold_ = 0.5;
    bool metricsOnTest_ = true;
    int positiveClass_ = 1;
    std::vector<LabRun> runs_;
    int nextRun_ = 1;
    bool compareRuns_ = true;
    bool discretize_ = false;
    int currentClass_ = 1;

    double explorerAlpha_ = 0.1;
    std::vector<Activation> explorerShown_;
    std::vector<ActivationCurve> activationCurves_;
    int explorerDepth_ = 10;
    LossCurves lossCurves_;
};

// The loss a task trains with by default, and whether a loss fits a task (BCE and focal need one
// sigmoid output, CE a softmax, regression MSE, MAE or Huber).
LabLoss defaultLoss(TaskKind task);
bool lossFits(LabLoss loss, TaskKind task);

}  // namespace ns

Q_DECLARE_OPERATORS_FOR_FLAGS(ns::LabModel::Changes)
