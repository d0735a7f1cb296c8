#pragma once
// Full-batch gradient descent, one epoch at a time (seed 001 §3.5): forward, loss, backward,
// update. The trainer owns a copy of the network; callers read snapshots of it between epochs.
#include "mlp/dataset.h"
#include "mlp/mlp.h"

#include <string>

namespace ns {

struct EpochStats {
    long epoch = 0;         // epochs completed, counting this one
    double loss = 0;        // L before this epoch's update (as the textbook records it)
    double accuracy = 0;    // fraction of samples classified right, before the update
};

enum class TrainingStatus { Ready, Diverged };

struct TrainingOptions {
    Loss loss = Loss::Bce;
    double learningRate = 0.01;  // η
    ParallelOptions parallel;
};

class Trainer {
public:
    Trainer(Mlp initial, Dataset data, TrainingOptions options);

    // One epoch. When the loss or a gradient stops being finite the update is skipped, the
    // weights stay at their last finite values and status() becomes Diverged.
    EpochStats step();

    void reset();  // back to the initial weights, epoch 0
    void setLearningRate(double eta) { options_.learningRate = eta; }
    void setThreads(int threads) { options_.parallel.threads = threads; }

    const Mlp& network() const { return network_; }
    const Mlp& initialNetwork() const { return initial_; }
    const Dataset& data() const { return data_; }
    const TrainingOptions& options() const { return options_; }
    const Trace& lastTrace() const { return trace_; }
    long epoch() const { return epoch_; }
    TrainingStatus status() const { return status_; }
    const std::string& statusMessage() const { return statusMessage_; }

private:
    Mlp initial_;
    Mlp network_;
    Mlp previous_;  // the weights before the last update, restored if it overflowed
    Dataset data_;
    TrainingOptions options_;
    Trace trace_;
    long epoch_ = 0;
    TrainingStatus status_ = TrainingStatus::Ready;
    std::string statusMessage_;
};


}  // namespace ns
