#pragma once
// The course's networks built from engine layers, and one classification training step
// (forward, softmax cross-entropy, backward, SGD: seed 001 §3.5 for any network).
#include "engine/network.h"

namespace ns::engine {

// LeNet-5 as `neuralscope-cli bench lenet5` and the CNN view train it (seed 003 §5, seed 000 §2.3):
// Conv2d(1→6, 5×5, padding 2), ReLU, MaxPool 2, Conv2d(6→16, 5×5), ReLU, MaxPool 2, Flatten,
// Dense 400→120, ReLU, 120→84, ReLU, 84→10; for 1×28×28 inputs. 61 706 parameters.
Network lenet5(Index classes = 10);

struct StepResult {
    double loss = 0;
    Index correct = 0;
    bool finite = true;  // loss and every gradient finite; otherwise no update was made
};
// One SGD step on a batch. On a non-finite loss or gradient the weights are left unchanged.
StepResult trainStep(Network& network, NetworkTrace& trace, ClassificationLoss& loss, const Tensor& x,
                     const std::vector<int>& labels, double eta, const RunContext& context);

}  // namespace ns::engine
