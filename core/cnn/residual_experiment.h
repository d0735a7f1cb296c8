#pragma once
// The residual experiment (seed 000 §2.4, seed 001 §5.4): four networks of the same depth —
// plain, plain + BatchNorm, residual, residual + BatchNorm (engine::deepNetwork) — trained side
// by side with full-batch gradient descent on the same seeded data (the lab's two-class spiral,
// coordinates scaled to about [−1, 1]), each from the same seed. After every step each run keeps
// its loss, accuracy and the per-layer gradient norms ‖∂L/∂W‖ of that step (weightGradientNorms),
// so the vanishing gradients of the plain sigmoid net are visible layer by layer.
#include "base/activation.h"
#include "engine/models.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns::cnn {

struct ResidualSpec {
    int blocks = 9;  // 2·blocks + 2 = 20 dense layers
    engine::Index width = 16;
    Activation activation = Activation::Sigmoid;
    int samples = 400;
    double noise = 0.1;
    double learningRate = 0.1;
    std::uint64_t seed = 1;
    bool operator==(const ResidualSpec&) const = default;
};

enum class ResidualVariant { Plain, PlainBatchNorm, Residual, ResidualBatchNorm };
inline constexpr int kResidualVariants = 4;
engine::DeepNetworkSpec residualNetworkSpec(const ResidualSpec& spec, ResidualVariant variant);
std::string variantKey(ResidualVariant variant);  // "plain", "plain_bn", "residual", "residual_bn"

struct ResidualRun {
    ResidualVariant variant{};
    engine::Network network;
    std::vector<std::string> layerNames;  // the weight nodes' names, input side first
    std::vector<double> gradientNorms;    // ‖∂L/∂W‖ per weight node at the last step
    double loss = 0, accuracy = 0;        // of the last step (before its update)
    bool finite = true;
};

class ResidualExperiment {
public:
    explicit ResidualExperiment(const ResidualSpec& spec);
    // One gradient-descent step of every run that is still finite.
    void step();
    long steps() const { return steps_; }
    const ResidualSpec& spec() const { return spec_; }
    const std::array<ResidualRun, kResidualVariants>& runs() const { return runs_; }
    const ResidualRun& run(ResidualVariant v) const { return runs_[static_cast<std::size_t>(v)]; }
    const engine::Tensor& inputs() const { return x_; }
    const std::vector<int>& labels() const { return y_; }

private:
    ResidualSpec spec_;
    engine::Tensor x_;
    std::vector<int> y_;
    std::array<ResidualRun, kResidualVariants> runs_;
    std::array<engine::NetworkTrace, kResidualVariants> traces_;
    engine::ClassificationLoss loss_;
    long steps_ = 0;
};

}  // namespace ns::cnn
