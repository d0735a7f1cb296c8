#pragma once
// A tiny Vision Transformer (seed 004 part 5): a 28 × 28 image cut into p × p patches, each
// flattened and projected to a token (PatchEmbedding), a learnt class token in front, learnt
// position embeddings added, pre-norm encoder blocks, a final LayerNorm and a Dense to ten class
// logits read at the class token only. And MAE's masking: a seeded choice of round(r · P) of the
// P patches hidden from the encoder.
#include "data/image_set.h"
#include "engine/network.h"
#include "engine/optimizer.h"

#include <cstdint>
#include <vector>

namespace ns::transformer {

struct VitSettings {
    int patch = 7;        // a divisor of 28: 2, 4, 7 or 14
    int layers = 1;
    int heads = 4;        // 1, 2 or 4
    int dModel = 32;
    int dFF = 64;
    int batch = 32;
    double learningRate = 3e-3;
    std::uint64_t seed = 5;
    static constexpr int kSide = 28;
};

// The patch size nearest to p that cuts 28 into whole patches (2, 4, 7, 14).
int nearestPatch(int p);

struct VitStep {
    long step = 0;
    double loss = 0, accuracy = 0;  // the batch's
    bool finite = true;
};

struct VitInspection {
    int grid = 0;                 // patches per side (28 / p)
    int predicted = -1;
    std::vector<double> probabilities;  // 10
    // classAttention[layer][head]: the class token's weights over the grid² patches (row-major
    // patch order, the class token's weight on itself left out), and classSelf[layer][head] that one.
    std::vector<std::vector<std::vector<double>>> classAttention;
    std::vector<std::vector<double>> classSelf;
};

// Which of the `patches` patches MAE hides at `ratio`: exactly round(ratio · patches) of them,
// chosen by a seeded shuffle (true: masked).
std::vector<bool> maeMask(int patches, double ratio, std::uint64_t seed);

class Vit {
public:
    Vit(const VitSettings& settings, data::ImageSet train, data::ImageSet test);

    const VitSettings& settings() const { return settings_; }
    void setLearningRate(double eta);
    int grid() const { return VitSettings::kSide / settings_.patch; }
    int patchCount() const { return grid() * grid(); }

    VitStep step();  // one Adam step on a seeded batch of training images
    long steps() const { return steps_; }
    // Accuracy on the first `count` test images (all when ≤ 0).
    double testAccuracy(int count = 0);
    VitInspection inspect(int testImage);
    const data::ImageSet& test() const { return test_; }
    const engine::Network& network() const { return network_; }

private:
    engine::Tensor batchOf(const data::ImageSet& set, const std::vector<engine::Index>& which) const;
    engine::Tensor classLogits(const engine::Tensor& output) const;  // [N, 1+P, 10] → [N, 10]

    VitSettings settings_;
    data::ImageSet train_, test_;
    engine::Network network_;
    engine::Adam adam_;
    engine::NetworkTrace trace_;
    long steps_ = 0;
};

}  // namespace ns::transformer
