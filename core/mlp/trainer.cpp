#include "mlp/trainer.h"

#include <cmath>
#include <sstream>

namespace ns {

Trainer::Trainer(Mlp initial, Dataset data, TrainingOptions options)
    : initial_(std::move(initial)), network_(initial_), data_(std::move(data)),
      options_(options) {
    // The trace keeps its own copy of the batch; passing it back in avoids a copy per epoch.
    trace_.input = data_.X;
    trace_.target = data_.Y;
}

EpochStats Trainer::step() {
    EpochStats stats;
    stats.epoch = epoch_;
    if (status_ == TrainingStatus::Diverged) {
        stats.loss = trace_.loss;
        return stats;
    }
    network_.forwardBackward(trace_.input, trace_.target, options_.loss, trace_, options_.parallel);
    stats.loss = trace_.loss;
    stats.accuracy = trace_.accuracy;

    // Plain loops: Eigen's allFinite sets up an expression per matrix, which on a few dozen
    // numbers costs more than the test itself, every epoch.
    bool gradientsFinite = true;
    for (const LayerTrace& t : trace_.layers) {
        for (Eigen::Index i = 0; i < t.dW.size(); ++i) gradientsFinite &= std::isfinite(t.dW.data()[i]);
        for (Eigen::Index i = 0; i < t.db.size(); ++i) gradientsFinite &= std::isfinite(t.db.data()[i]);
    }
    if (!std::isfinite(trace_.loss) || !gradientsFinite) {
        status_ = TrainingStatus::Diverged;
        std::ostringstream message;
        message << "training diverged at epoch " << epoch_ + 1 << " (loss " << trace_.loss
                << ", learning rate " << options_.learningRate
                << "): lower the learning rate and reset";
        statusMessage_ = message.str();
        return stats;
    }
    previous_ = network_;  // same shapes every epoch: a copy, no allocation
    network_.applyGradients(trace_, options_.learningRate);
    if (!network_.allFinite()) {
        network_ = previous_;
        status_ = TrainingStatus::Diverged;
        statusMessage_ = "training diverged at epoch " + std::to_string(epoch_ + 1) +
                         ": the weights overflowed; lower the learning rate and reset";
        return stats;
    }
    stats.epoch = ++epoch_;
    return stats;
}

void Trainer::reset() {
    network_ = initial_;
    epoch_ = 0;
    status_ = TrainingStatus::Ready;
    statusMessage_.clear();
}

}  // namespace ns
