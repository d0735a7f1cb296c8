#include "transformer/vit.h"

#include "base/random.h"
#include "engine/dense.h"
#include "engine/transformer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace ns::transformer {

using engine::Index;
using engine::Network;
using engine::Tensor;

int nearestPatch(int p) {
    static const int sizes[] = {2, 4, 7, 14};
    int best = 7;
    for (int s : sizes)
        if (std::abs(s - p) < std::abs(best - p)) best = s;
    return best;
}

std::vector<bool> maeMask(int patches, double ratio, std::uint64_t seed) {
    std::vector<bool> mask(static_cast<std::size_t>(std::max(0, patches)), false);
    if (patches <= 0) return mask;
    if (!std::isfinite(ratio)) ratio = 0;
    const int hidden = static_cast<int>(std::lround(std::clamp(ratio, 0.0, 1.0) * patches));
    std::vector<int> order(static_cast<std::size_t>(patches));
    std::iota(order.begin(), order.end(), 0);
    Random random(seed);
    for (int i = patches - 1; i > 0; --i)  // Fisher–Yates
        std::swap(order[static_cast<std::size_t>(i)], order[random.nextU64() % static_cast<std::uint64_t>(i + 1)]);
    for (int k = 0; k < hidden; ++k) mask[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])] = true;
    return mask;
}

Vit::Vit(const VitSettings& settings, data::ImageSet train, data::ImageSet test)
    : settings_(settings), train_(std::move(train)), test_(std::move(test)) {
    settings_.patch = nearestPatch(settings_.patch);
    settings_.layers = std::clamp(settings_.layers, 1, 2);
    if (settings_.heads != 1 && settings_.heads != 2 && settings_.heads != 4) settings_.heads = 4;
    const Index side = VitSettings::kSide;
    for (const data::ImageSet* set : {&train_, &test_})
        if (set->size() == 0 || set->images.dim(2) != side || set->images.dim(3) != side)
            throw std::invalid_argument("the ViT reads 28 × 28 images");
    const Index D = settings_.dModel;
    network_ = Network({1, side, side});
    network_.add(std::make_unique<engine::PatchEmbedding>(1, side, side, settings_.patch, D), {Network::kInput}, "patches");
    network_.add(std::make_unique<engine::PositionEmbedding>(1 + patchCount(), D), {Network::kPrevious}, "positions");
    engine::EncoderBlockSpec block;
    block.dModel = D, block.heads = settings_.heads, block.dFF = settings_.dFF, block.preNorm = true;
    int last = Network::kPrevious;
    for (int l = 1; l <= settings_.layers; ++l) {
        block.prefix = "enc" + std::to_string(l);
        last = engine::addEncoderBlock(network_, last, block);
    }
    network_.add(std::make_unique<engine::LayerNorm>(D), {last}, "final_norm");
    network_.add(std::make_unique<engine::Dense>(D, 10), {Network::kPrevious}, "head");
    network_.initialize(settings_.seed);
    adam_.settings().eta = settings_.learningRate;
}

void Vit::setLearningRate(double eta) {
    if (!std::isfinite(eta) || eta <= 0) return;
    settings_.learningRate = eta;
    adam_.settings().eta = eta;
}

Tensor Vit::batchOf(const data::ImageSet& set, const std::vector<Index>& which) const {
    const Index side = VitSettings::kSide, pixels = side * side;
    Tensor x({static_cast<Index>(which.size()), 1, side, side});
    for (std::size_t k = 0; k < which.size(); ++k)
        std::copy_n(set.images.sample(which[k]), pixels, x.sample(static_cast<Index>(k)));
    return x;
}

Tensor Vit::classLogits(const Tensor& output) const {
    const Index N = output.dim(0), T = output.dim(1);
    Tensor z({N, 10});
    for (Index s = 0; s < N; ++s)
        for (Index k = 0; k < 10; ++k) z.at({s, k}) = output[(s * T) * 10 + k];
    return z;
}

VitStep Vit::step() {
    Random random(7000 + static_cast<std::uint64_t>(steps_));
    std::vector<Index> which(static_cast<std::size_t>(settings_.batch));
    std::vector<int> labels;
    for (Index& i : which) {
        i = static_cast<Index>(random.nextU64() % static_cast<std::uint64_t>(train_.size()));
        labels.push_back(train_.labels[static_cast<std::size_t>(i)]);
    }
    const Tensor x = batchOf(train_, which);
    const engine::RunContext context;
    network_.forward(x, trace_, context);
    engine::ClassificationLoss loss;
    engine::softmaxCrossEntropy(classLogits(trace_.output()), labels, loss);
    VitStep out;
    out.loss = loss.loss;
    out.accuracy = static_cast<double>(loss.correct) / static_cast<double>(which.size());
    out.finite = std::isfinite(loss.loss);
    if (out.finite) {
        const Index N = x.dim(0), T = 1 + patchCount();
        Tensor grad({N, T, 10});  // only the class token's logits are read
        for (Index s = 0; s < N; ++s)
            for (Index k = 0; k < 10; ++k) grad[(s * T) * 10 + k] = loss.gradLogits.at({s, k});
        network_.backward(trace_, grad, context);
        adam_.step(network_, trace_);
        out.finite = network_.allFinite();
    }
    out.step = ++steps_;
    return out;
}

double Vit::testAccuracy(int count) {
    const Index total = count <= 0 ? test_.size() : std::min<Index>(count, test_.size());
    Index correct = 0;
    engine::RunContext eval;
    eval.mode = engine::Mode::Eval;
    for (Index first = 0; first < total; first += 100) {
        std::vector<Index> which;
        std::vector<int> labels;
        for (Index i = first; i < std::min(total, first + 100); ++i) {
            which.push_back(i);
            labels.push_back(test_.labels[static_cast<std::size_t>(i)]);
        }
        engine::NetworkTrace t;
        network_.forward(batchOf(test_, which), t, eval);
        engine::ClassificationLoss l;
        engine::softmaxCrossEntropy(classLogits(t.output()), labels, l);
        correct += l.correct;
    }
    return total ? static_cast<double>(correct) / static_cast<double>(total) : 0;
}

VitInspection Vit::inspect(int testImage) {
    VitInspection v;
    v.grid = grid();
    const Index index = std::clamp<Index>(testImage, 0, test_.size() - 1);
    engine::NetworkTrace t;
    engine::RunContext eval;
    eval.mode = engine::Mode::Eval;
    network_.forward(batchOf(test_, {index}), t, eval);
    const Tensor z = classLogits(t.output());
    double top = z[0], sum = 0;
    for (Index k = 0; k < 10; ++k) top = std::max(top, z[k]);
    for (Index k = 0; k < 10; ++k) sum += std::exp(z[k] - top);
    for (Index k = 0; k < 10; ++k) {
        v.probabilities.push_back(std::exp(z[k] - top) / sum);
        if (v.predicted < 0 || z[k] > z[v.predicted]) v.predicted = static_cast<int>(k);
    }
    const Index P = patchCount();
    for (int l = 1; l <= settings_.layers; ++l) {
        const int node = network_.find("enc" + std::to_string(l) + "_attention");
        const Tensor& w = t.nodes.at(static_cast<std::size_t>(node)).named.at("weights");  // [1, h, 1+P, 1+P]
        std::vector<std::vector<double>> heads;
        std::vector<double> self;
        for (Index h = 0; h < w.dim(1); ++h) {
            std::vector<double> row;
            for (Index j = 1; j <= P; ++j) row.push_back(w.at({0, h, 0, j}));
            heads.push_back(std::move(row));
            self.push_back(w.at({0, h, 0, 0}));
        }
        v.classAttention.push_back(std::move(heads));
        v.classSelf.push_back(std::move(self));
    }
    return v;
}

}  // namespace ns::transformer
