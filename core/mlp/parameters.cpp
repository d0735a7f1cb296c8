#include "mlp/parameters.h"

#include <stdexcept>

namespace ns {

Vector flattenParameters(const Mlp& network) {
    Vector theta(static_cast<Eigen::Index>(network.parameterCount()));
    Eigen::Index at = 0;
    for (const DenseLayer& layer : network.layers()) {
        theta.segment(at, layer.W.size()) = layer.W.reshaped();
        at += layer.W.size();
        theta.segment(at, layer.b.size()) = layer.b;
        at += layer.b.size();
    }
    return theta;
}

void unflattenParameters(const Vector& theta, Mlp& network) {
    if (theta.size() != static_cast<Eigen::Index>(network.parameterCount()))
        throw std::invalid_argument("unflattenParameters: " + std::to_string(theta.size()) +
                                    " values for a network of " +
                                    std::to_string(network.parameterCount()) + " parameters");
    Eigen::Index at = 0;
    for (std::size_t l = 0; l < network.layers().size(); ++l) {
        DenseLayer& layer = network.layer(l);
        layer.W.reshaped() = theta.segment(at, layer.W.size());
        at += layer.W.size();
        layer.b = theta.segment(at, layer.b.size());
        at += layer.b.size();
    }
}

Vector flattenGradients(const Trace& trace) {
    Eigen::Index count = 0;
    for (const LayerTrace& t : trace.layers) count += t.dW.size() + t.db.size();
    Vector gradient(count);
    Eigen::Index at = 0;
    for (const LayerTrace& t : trace.layers) {
        gradient.segment(at, t.dW.size()) = t.dW.reshaped();
        at += t.dW.size();
        gradient.segment(at, t.db.size()) = t.db;
        at += t.db.size();
    }
    return gradient;
}

std::vector<bool> weightMask(const Mlp& network) {
    std::vector<bool> mask;
    mask.reserve(network.parameterCount());
    for (const DenseLayer& layer : network.layers()) {
        mask.insert(mask.end(), static_cast<std::size_t>(layer.W.size()), true);
        mask.insert(mask.end(), static_cast<std::size_t>(layer.b.size()), false);
    }
    return mask;
}

}  // namespace ns
