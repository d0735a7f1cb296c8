#pragma once
// Mini-batch SGD of an image classifier (LeNet-5 in the CNN workspace) on an ImageSet, one
// batch per step, with the training order reshuffled from (seed, epoch) at every epoch, and its
// evaluation on a held-out set: the predictions, accuracy and confusion matrix come from Eval-mode
// forward passes of the engine, in chunks so memory stays bounded.
#include "data/image_set.h"
#include "engine/models.h"

#include <cstdint>
#include <vector>

namespace ns::cnn {

using engine::Index;

enum class CnnVariant { LeNet5, Small };  // Small: LeNet with 4 and 8 channels, 64 and 32 units

// The network of a variant for 1×28×28 inputs and 10 classes, initialised from the seed.
engine::Network makeCnn(CnnVariant variant, std::uint64_t seed);

struct ImageTrainerSettings {
    double learningRate = 0.05;
    Index batchSize = 32;
    int threads = 1;
    std::uint64_t seed = 1;
    bool operator==(const ImageTrainerSettings&) const = default;
};

struct ImageStep {
    long step = 0;       // steps so far, this one included
    long epoch = 0;      // completed epochs after this step
    Index images = 0;    // images in this batch
    double loss = 0;     // the batch's mean cross-entropy
    Index correct = 0;
    bool finite = true;  // false: the loss or a gradient was not finite; nothing was updated
};

class ImageTrainer {
public:
    ImageTrainer(engine::Network network, data::ImageSet train, ImageTrainerSettings settings);

    ImageStep step();
    void setSettings(const ImageTrainerSettings& settings);  // the order of the current epoch is kept
    const ImageTrainerSettings& settings() const { return settings_; }
    const engine::Network& network() const { return network_; }
    const data::ImageSet& trainSet() const { return train_; }
    long steps() const { return steps_; }
    long epoch() const { return epoch_; }
    Index imagesSeen() const { return imagesSeen_; }
    double epochProgress() const { return train_.size() ? double(cursor_) / double(train_.size()) : 0; }

private:
    void shuffle();

    engine::Network network_;
    data::ImageSet train_;
    ImageTrainerSettings settings_;
    std::vector<Index> order_;
    Index cursor_ = 0;
    long steps_ = 0, epoch_ = 0;
    Index imagesSeen_ = 0;
    engine::NetworkTrace trace_;
    engine::ClassificationLoss loss_;
    engine::Tensor batch_;
    std::vector<int> batchLabels_;
};

struct Evaluation {
    std::vector<int> predictions;    // arg-max class per image
    std::vector<double> confidence;  // softmax probability of the prediction
    std::vector<Index> confusion;    // classes × classes, row = true class, column = predicted
    int classes = 0;
    double accuracy = 0;
    double loss = 0;
    Index count(int truth, int predicted) const {
        return confusion[static_cast<std::size_t>(truth * classes + predicted)];
    }
};
// An evaluation done a chunk at a time, so a worker thread can interleave it with other requests.
class EvaluationRun {
public:
    EvaluationRun(const engine::Network& network, data::ImageSet set, int threads = 1);
    bool done() const { return next_ >= set_.size(); }
    void advance(Index chunk);  // Eval-mode forward pass of the next `chunk` images
    const Evaluation& result() const { return result_; }  // complete once done()
    const engine::Network& network() const { return network_; }

private:
    engine::Network network_;
    data::ImageSet set_;
    int threads_;
    Index next_ = 0, correct_ = 0;
    double lossSum_ = 0;
    engine::NetworkTrace trace_;
    engine::ClassificationLoss loss_;
    Evaluation result_;
};

// Eval-mode forward passes over the whole set, `chunk` images at a time.
Evaluation evaluate(const engine::Network& network, const data::ImageSet& set, int threads = 1, Index chunk = 250);

// The trace of one image (Eval mode): every node's output, as the feature-map view draws it.
engine::NetworkTrace traceImage(const engine::Network& network, const data::ImageSet& set, Index index);

}  // namespace ns::cnn
