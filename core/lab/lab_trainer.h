#pragma once
// The training lab's trainer: an epoch is a pass over the shuffled training set in updates of
// the optimizer's batch size (seed 001 §5.1), each update a labForwardBackward (dropout, any lab
// loss) plus the L1/L2 penalty's gradient, then one optimizer step at the schedule's learning
// rate. After the epoch both sets are evaluated with every unit present. Early stopping watches
// the test split's loss (the lab's validation set); a fixed epoch budget ends the run.
//
// Everything random (shuffling, dropout masks) is drawn from the settings' seed and the epoch
// number only, so the same settings and initial weights reproduce a run exactly, and a run
// restored from a saved state continues exactly as the original would have.
#include "mlp/dataset.h"
#include "lab/dropout.h"
#include "lab/early_stopping.h"
#include "lab/lab_loss.h"
#include "lab/lab_network.h"
#include "lab/lr_schedule.h"
#include "mlp/mlp.h"
#include "lab/optimizer.h"
#include "lab/regularization.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns {

struct LabSettings {
    LossChoice loss;
    OptimizerConfig optimizer;
    LrSchedule schedule;
    Regularization regularization;
    double dropout = 0;     // p of the hidden layers, [0, 0.9]
    int patience = 0;       // early stopping: epochs without a lower test loss; 0 = off
    long epochBudget = 0;   // stop after this many epochs; 0 = no budget
    std::uint64_t seed = 1;  // shuffling and dropout masks
    std::vector<bool> batchNorm;  // per hidden layer: BatchNorm between W a + b and σ (missing = off)

    bool operator==(const LabSettings&) const = default;
};

// Empty when usable; otherwise the first thing that is wrong.
std::string checkSettings(const LabSettings& settings);

struct LabEpoch {
    long epoch = 0;             // epochs completed, this one included
    double trainLoss = 0;       // data loss L on the training set after the epoch's updates
    double testLoss = 0;        // the same on the test set (NaN when it is empty)
    double trainAccuracy = 0;   // NaN for regression
    double testAccuracy = 0;
    double learningRate = 0;    // η this epoch was trained with
    double penalty = 0;         // λΣw² or λΣ|w| after the epoch

    bool operator==(const LabEpoch&) const = default;
};

enum class LabStatus { Ready, Diverged, EarlyStopped, BudgetReached };
enum class DivergenceReason { None, NonFiniteLoss, NonFiniteGradient, WeightsExploded };

// A parameter larger than this in magnitude counts as diverged (the loss of a sigmoid output is
// clipped, so it can stay finite while the weights run away).
inline constexpr double kExplodedWeight = 1e6;

struct LabTrainerState {
    Mlp network;  // the trained weights (before any BatchNorm folding)
    OptimizerState optimizer;
    EarlyStopping stopping;
    long epoch = 0;
    LabStatus status = LabStatus::Ready;
    DivergenceReason reason = DivergenceReason::None;
    double divergedLearningRate = 0;
    LabBatchNorm batchNorm;  // γ, β and running averages of the normalised layers
    // μ_B and σ²_B of the epoch's last update per hidden layer (empty where BatchNorm is off).
    std::vector<Vector> batchMeans, batchVariances;

    // The test-time network: the running averages folded into W and b (the network itself when
    // BatchNorm is off). The grid, the metrics and the evaluations use this one.
    Mlp testNetwork() const { return batchNorm.any() ? foldBatchNorm(network, batchNorm) : network; }
};

class LabTrainer {
public:
    // classification: accuracy is reported (otherwise NaN).
    LabTrainer(Mlp initial, Dataset train, Dataset test, LabSettings settings, bool classification);

    // One epoch. Does nothing once the status is not Ready. On divergence the epoch's updates are
    // undone (the weights and optimizer state stay those of the last finished epoch).
    LabEpoch step();

    void reset();  // the initial weights, epoch 0, fresh optimizer and early-stopping state
    // New settings take effect from the next epoch; the weights stay. A larger epoch budget or
    // a changed patience lets a stopped run continue.
    void setSettings(const LabSettings& settings);
    void restore(const LabTrainerState& state);
    LabTrainerState state() const;

    const Mlp& network() const { return network_; }
    const LabBatchNorm& batchNorm() const { return batchNorm_; }
    // The batch's μ_B and σ²_B at hidden layer `layer` (0-based) in the epoch's last update;
    // empty when BatchNorm is off there or no epoch has run.
    const Vector& lastBatchMean(std::size_t layer) const;
    const Vector& lastBatchVariance(std::size_t layer) const;
    const Mlp& initialNetwork() const { return initial_; }
    const Dataset& train() const { return train_; }
    const Dataset& test() const { return test_; }
    const LabSettings& settings() const { return settings_; }
    const OptimizerState& optimizerState() const { return optimizer_.state(); }
    const EarlyStopping& stopping() const { return stopping_; }
    long epoch() const { return epoch_; }
    LabStatus status() const { return status_; }
    DivergenceReason divergenceReason() const { return reason_; }
    double divergedLearningRate() const { return divergedLearningRate_; }

private:
    void diverge(DivergenceReason reason, double eta, const Mlp& before, const OptimizerState& state);
    void gather(const std::vector<Eigen::Index>& order, Eigen::Index from, Eigen::Index count);

    Mlp initial_;
    Mlp network_;
    Dataset train_;
    Dataset test_;
    LabSettings settings_;
    bool classification_;
    Optimizer optimizer_;
    EarlyStopping stopping_;
    long epoch_ = 0;
    LabStatus status_ = LabStatus::Ready;
    DivergenceReason reason_ = DivergenceReason::None;
    double divergedLearningRate_ = 0;
    LabBatchNorm batchNorm_;
    LabBatchNormGradients batchNormGradients_;
    Trace trace_;
    Trace evalTrace_;
    DropoutPass dropout_;
    Matrix batchX_, batchY_;
};

std::string_view name(LabStatus status);  // "ready", "diverged", "early_stopped", "budget_reached"
std::optional<LabStatus> parseLabStatus(std::string_view text);

}  // namespace ns
