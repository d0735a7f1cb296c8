#pragma once
// The course's networks built from engine layers, and one classification training step
// (forward, softmax cross-entropy, backward, SGD: seed 001 §3.5 for any network).
#include "base/activation.h"
#include "engine/network.h"

namespace ns::engine {

// LeNet-5 as `neuralscope-cli bench lenet5` and the CNN view train it (seed 003 §5, seed 000 §2.3):
// Conv2d(1→6, 5×5, padding 2), ReLU, MaxPool 2, Conv2d(6→16, 5×5), ReLU, MaxPool 2, Flatten,
// Dense 400→120, ReLU, 120→84, ReLU, 84→10; for 1×28×28 inputs. 61 706 parameters.
Network lenet5(Index classes = 10);

// The residual experiment (seed 000 §2.4, seed 001 §5.4): the same deep dense network with and
// without skip connections, with and without BatchNorm. `blocks` blocks of two dense layers of
// `width` units each (2·blocks + 2 dense layers in all):
//   plain:    x → Dense → (BN) → σ → Dense → (BN) → σ
//   residual: x → F(x) + x, F = Dense → (BN) → σ → Dense → (BN)   (the textbook's ResidualBlock,
//             nothing after the add so the skip path stays an identity)
// Input [features] → Dense(features→width) → σ → blocks → Dense(width→classes).
struct DeepNetworkSpec {
    Index features = 2, width = 16, classes = 2;
    int blocks = 9;
    bool residual = false;
    bool batchNorm = false;
    Activation activation = Activation::Sigmoid;
};
Network deepNetwork(const DeepNetworkSpec& spec);
// The nodes of `network` that hold weights (dense and conv layers), in order: the per-layer
// gradient-norm plot draws ‖∂L/∂W‖ for each of them.
std::vector<int> weightNodes(const Network& network);
// ‖∂L/∂W‖₂ (Frobenius) of each weight node after a backward pass.
std::vector<double> weightGradientNorms(const Network& network, const NetworkTrace& trace);

struct StepResult {
    double loss = 0;
    Index correct = 0;
    bool finite = true;  // loss and every gradient finite and no weight would pass kExplodingWeight;
                         // otherwise no update was made
};
// A weight that an update would carry past this magnitude counts as diverged: a softmax
// cross-entropy stays finite long after the weights have run away.
inline constexpr double kExplodingWeight = 1e6;
// One SGD step on a batch. On a non-finite loss or gradient, or an update that would carry a weight
// past kExplodingWeight, the weights are left unchanged.
StepResult trainStep(Network& network, NetworkTrace& trace, ClassificationLoss& loss, const Tensor& x,
                     const std::vector<int>& labels, double eta, const RunContext& context);

}  // namespace ns::engine
