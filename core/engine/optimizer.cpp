#include "engine/optimizer.h"

#include <cmath>

namespace ns::engine {

double gradientNorm(const NetworkTrace& trace) {
    double sum = 0;
    for (const LayerTrace& node : trace.nodes)
        for (const Tensor& g : node.gradParameters) sum += g.flat().squaredNorm();
    return std::sqrt(sum);
}

double clipGradientNorm(NetworkTrace& trace, double maxNorm) {
    const double norm = gradientNorm(trace);
    if (maxNorm > 0 && norm > maxNorm && std::isfinite(norm)) {
        const double scale = maxNorm / norm;
        for (LayerTrace& node : trace.nodes)
            for (Tensor& g : node.gradParameters) g.flat() *= scale;
    }
    return norm;
}

void Adam::step(Network& network, const NetworkTrace& trace) {
    std::size_t count = 0;
    network.forEachParameter([&](std::size_t, std::size_t, Tensor&) { ++count; });
    bool fits = m_.size() == count;
    std::size_t k = 0;
    if (fits)
        network.forEachParameter([&](std::size_t, std::size_t, Tensor& value) {
            fits = fits && m_[k++].shape() == value.shape();
        });
    if (!fits) {
        m_.clear(), v_.clear(), t_ = 0;
        network.forEachParameter([&](std::size_t, std::size_t, Tensor& value) {
            m_.emplace_back(value.shape());
            v_.emplace_back(value.shape());
        });
    }
    ++t_;
    const AdamSettings& s = settings_;
    const double correction1 = 1 - std::pow(s.beta1, static_cast<double>(t_));
    const double correction2 = 1 - std::pow(s.beta2, static_cast<double>(t_));
    k = 0;
    network.forEachParameter([&](std::size_t node, std::size_t p, Tensor& value) {
        const auto g = trace.nodes[node].gradParameters.at(p).flat();
        auto m = m_[k].flat();
        auto v = v_[k].flat();
        m = s.beta1 * m + (1 - s.beta1) * g;
        v = s.beta2 * v + (1 - s.beta2) * g.cwiseAbs2();
        value.flat().array() -= s.eta * (m.array() / correction1) / ((v.array() / correction2).sqrt() + s.epsilon);
        ++k;
    });
}

}  // namespace ns::engine
