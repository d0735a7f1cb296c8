#include "lab/regularization.h"

#include <stdexcept>

namespace ns {

double penalty(const Regularization& r, const Mlp& network) {
    double sum = 0;
    for (const DenseLayer& layer : network.layers()) {
        switch (r.kind) {
            case Penalty::None: break;
            case Penalty::L1: sum += layer.W.cwiseAbs().sum(); break;
            case Penalty::L2: sum += layer.W.squaredNorm(); break;
        }
    }
    return r.kind == Penalty::None ? 0.0 : r.lambda * sum;
}

void addPenaltyGradient(const Regularization& r, const Mlp& network, Trace& trace) {
    if (r.kind == Penalty::None) return;
    if (trace.layers.size() != network.layers().size())
        throw std::logic_error("addPenaltyGradient: the trace is not of this network");
    for (std::size_t l = 0; l < network.layers().size(); ++l) {
        const Matrix& W = network.layer(l).W;
        Matrix& dW = trace.layers[l].dW;
        if (r.kind == Penalty::L2) dW += (2.0 * r.lambda) * W;
        else dW += r.lambda * W.unaryExpr([](double w) { return double((w > 0) - (w < 0)); });
    }
}

std::string_view name(Penalty kind) {
    switch (kind) {
        case Penalty::None: return "none";
        case Penalty::L1: return "l1";
        case Penalty::L2: return "l2";
    }
    return "?";
}

std::optional<Penalty> parsePenalty(std::string_view text) {
    for (Penalty p : {Penalty::None, Penalty::L1, Penalty::L2})
        if (name(p) == text) return p;
    return std::nullopt;
}

}  // namespace ns
