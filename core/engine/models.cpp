#include "engine/models.h"

#include "engine/activation_layer.h"
#include "engine/conv2d.h"
#include "engine/dense.h"
#include "engine/pool2d.h"
#include "engine/shape_layers.h"

#include <cmath>

namespace ns::engine {

Network lenet5(Index classes) {
    Network net({1, 28, 28});
    net.add(std::make_unique<Conv2d>(1, 6, 5, 5, 1, 2), {Network::kPrevious}, "conv1");
    net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu1");
    net.add(std::make_unique<Pool2d>(PoolKind::Max, 2, 2), {Network::kPrevious}, "pool1");
    net.add(std::make_unique<Conv2d>(6, 16, 5, 5), {Network::kPrevious}, "conv2");
    net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu2");
    net.add(std::make_unique<Pool2d>(PoolKind::Max, 2, 2), {Network::kPrevious}, "pool2");
    net.add(std::make_unique<Flatten>(), {Network::kPrevious}, "flatten");
    net.add(std::make_unique<Dense>(400, 120), {Network::kPrevious}, "fc1");
    net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu3");
    net.add(std::make_unique<Dense>(120, 84), {Network::kPrevious}, "fc2");
    net.add(std::make_unique<ActivationLayer>(Activation::Relu), {Network::kPrevious}, "relu4");
    net.add(std::make_unique<Dense>(84, classes), {Network::kPrevious}, "fc3");
    return net;
}

StepResult trainStep(Network& network, NetworkTrace& trace, ClassificationLoss& loss, const Tensor& x,
                     const std::vector<int>& labels, double eta, const RunContext& context) {
    network.forward(x, trace, context);
    softmaxCrossEntropy(trace.output(), labels, loss);
    StepResult result{loss.loss, loss.correct, std::isfinite(loss.loss)};
    if (!result.finite) return result;
    network.backward(trace, loss.gradLogits, context);
    for (const LayerTrace& t : trace.nodes)
        for (const Tensor& g : t.gradParameters)
            if (!g.allFinite()) {
                result.finite = false;
                return result;
            }
    network.sgdStep(trace, eta);
    return result;
}

}  // namespace ns::engine
