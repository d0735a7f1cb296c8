#include "cnn/image_trainer.h"

#include "base/random.h"
#include "engine/activation_layer.h"
#include "engine/conv2d.h"
#include "engine/dense.h"
#include "engine/pool2d.h"
#include "engine/shape_layers.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns::cnn {

using engine::Network;
using engine::Tensor;

Network makeCnn(CnnVariant variant, std::uint64_t seed) {
    Network net = engine::lenet5(10);
    if (variant == CnnVariant::Small) {
        using namespace engine;
        net = Network({1, 28, 28});
        net.add(std::make_unique<Conv2d>(1, 4, 5, 5, 1, 2), {Network::kPrevious}, "conv1");
        net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu1");
        net.add(std::make_unique<Pool2d>(PoolKind::Max, 2, 2), {Network::kPrevious}, "pool1");
        net.add(std::make_unique<Conv2d>(4, 8, 5, 5), {Network::kPrevious}, "conv2");
        net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu2");
        net.add(std::make_unique<Pool2d>(PoolKind::Max, 2, 2), {Network::kPrevious}, "pool2");
        net.add(std::make_unique<Flatten>(), {Network::kPrevious}, "flatten");
        net.add(std::make_unique<Dense>(200, 64), {Network::kPrevious}, "fc1");
        net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu3");
        net.add(std::make_unique<Dense>(64, 32), {Network::kPrevious}, "fc2");
        net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu4");
        net.add(std::make_unique<Dense>(32, 10), {Network::kPrevious}, "fc3");
    }
    net.initialize(seed);
    return net;
}

ImageTrainer::ImageTrainer(Network network, data::ImageSet train, ImageTrainerSettings settings)
    : network_(std::move(network)), train_(std::move(train)), settings_(settings) {
    if (train_.size() == 0) throw std::invalid_argument("the training set is empty");
    if (settings_.batchSize < 1) throw std::invalid_argument("the batch size must be at least 1");
    shuffle();
}

void ImageTrainer::setSettings(const ImageTrainerSettings& settings) {
    if (settings.batchSize < 1) throw std::invalid_argument("the batch size must be at least 1");
    settings_ = settings;
}

void ImageTrainer::shuffle() {
    order_.resize(static_cast<std::size_t>(train_.size()));
    for (Index i = 0; i < train_.size(); ++i) order_[static_cast<std::size_t>(i)] = i;
    Random rng(settings_.seed * 0x2545F4914F6CDD1Dull + static_cast<std::uint64_t>(epoch_) + 1);
    for (std::size_t k = order_.size(); k > 1; --k) std::swap(order_[k - 1], order_[rng.nextU64() % k]);
    cursor_ = 0;
}

ImageStep ImageTrainer::step() {
    const Index n = std::min(settings_.batchSize, train_.size() - cursor_);
    engine::Shape shape = train_.images.shape();
    shape[0] = n;
    batch_.resize(shape);
    batchLabels_.resize(static_cast<std::size_t>(n));
    const Index per = train_.images.sampleSize();
    for (Index i = 0; i < n; ++i) {
        const Index row = order_[static_cast<std::size_t>(cursor_ + i)];
        std::copy(train_.images.sample(row), train_.images.sample(row) + per, batch_.sample(i));
        batchLabels_[static_cast<std::size_t>(i)] = train_.labels[static_cast<std::size_t>(row)];
    }
    engine::RunContext context;
    context.mode = engine::Mode::Train;
    context.threads = settings_.threads;
    context.seed = settings_.seed + static_cast<std::uint64_t>(steps_);
    const engine::StepResult r =
        engine::trainStep(network_, trace_, loss_, batch_, batchLabels_, settings_.learningRate, context);
    ImageStep out;
    out.images = n;
    out.loss = r.loss;
    out.correct = r.correct;
    out.finite = r.finite;
    if (r.finite) {
        ++steps_;
        imagesSeen_ += n;
        cursor_ += n;
        if (cursor_ >= train_.size()) {
            ++epoch_;
            shuffle();
        }
    }
    out.step = steps_;
    out.epoch = epoch_;
    return out;
}

EvaluationRun::EvaluationRun(const Network& network, data::ImageSet set, int threads)
    : network_(network), set_(std::move(set)), threads_(threads) {
    Evaluation& e = result_;
    e.classes = static_cast<int>(network_.outputShape().at(0));
    e.confusion.assign(static_cast<std::size_t>(e.classes * e.classes), 0);
    e.predictions.resize(static_cast<std::size_t>(set_.size()));
    e.confidence.resize(static_cast<std::size_t>(set_.size()));
}

void EvaluationRun::advance(Index chunk) {
    if (done()) return;
    Evaluation& e = result_;
    engine::RunContext context;
    context.mode = engine::Mode::Eval;
    context.threads = threads_;
    const Index first = next_;
    const data::ImageSet part = set_.slice(first, chunk);
    network_.forward(part.images, trace_, context);
    engine::softmaxCrossEntropy(trace_.output(), part.labels, loss_);
    lossSum_ += loss_.loss * double(part.size());
    for (Index i = 0; i < part.size(); ++i) {
        const double* p = loss_.probabilities.sample(i);
        const int best = static_cast<int>(std::max_element(p, p + e.classes) - p);
        const int truth = part.labels[static_cast<std::size_t>(i)];
        e.predictions[static_cast<std::size_t>(first + i)] = best;
        e.confidence[static_cast<std::size_t>(first + i)] = p[best];
        if (truth >= 0 && truth < e.classes) ++e.confusion[static_cast<std::size_t>(truth * e.classes + best)];
        correct_ += best == truth;
    }
    next_ += part.size();
    e.accuracy = double(correct_) / double(next_);
    e.loss = lossSum_ / double(next_);
}

Evaluation evaluate(const Network& network, const data::ImageSet& set, int threads, Index chunk) {
    EvaluationRun run(network, set, threads);
    while (!run.done()) run.advance(chunk);
    return run.result();
}

engine::NetworkTrace traceImage(const Network& network, const data::ImageSet& set, Index index) {
    if (index < 0 || index >= set.size())
        throw std::out_of_range("image " + std::to_string(index) + " is not in a set of " + std::to_string(set.size()));
    Network net = network;
    engine::NetworkTrace trace;
    engine::RunContext context;
    context.mode = engine::Mode::Eval;
    net.forward(set.slice(index, 1).images, trace, context);
    return trace;
}

}  // namespace ns::cnn
