#include "lab/lab_network.h"

#include <stdexcept>

namespace ns {

void labForwardBackward(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                        const LossChoice& loss, DropoutPass& dropout, Trace& trace) {
    const std::size_t L = network.layers().size();
    const Eigen::Index m = X.rows();
    if (X.cols() != network.inputs() || Y.rows() != m || Y.cols() != network.outputs())
        throw std::invalid_argument("labForwardBackward: the batch does not fit the network");
    const bool dropping = !dropout.masks.empty();
    if (dropping && dropout.masks.size() + 1 != L)
        throw std::invalid_argument("labForwardBackward: one dropout mask per hidden layer");
    dropout.dropped.resize(dropping ? L - 1 : 0);
    trace.input = X;
    trace.target = Y;
    trace.layers.resize(L);

    // Forward (Algorithm 2): z⁽ˡ⁾ = h⁽ˡ⁻¹⁾ W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ, a⁽ˡ⁾ = σ(z⁽ˡ⁾), h̃⁽ˡ⁾ = a⁽ˡ⁾ ⊙ mask.
    auto inputOf = [&](std::size_t l) -> const Matrix& {
        if (l == 0) return trace.input;
        return dropping ? dropout.dropped[l - 1] : trace.layers[l - 1].a;
    };
    for (std::size_t l = 0; l < L; ++l) {
        const DenseLayer& layer = network.layer(l);
        LayerTrace& t = trace.layers[l];
        t.z.noalias() = inputOf(l) * layer.W.transpose();
        t.z.rowwise() += layer.b.transpose();
        t.a.resize(m, layer.units());
        activate(layer.activation, t.z, t.a);
        if (dropping && l + 1 < L) {
            const Matrix& mask = dropout.masks[l];
            if (mask.rows() != m || mask.cols() != layer.units())
                throw std::invalid_argument("labForwardBackward: a dropout mask has the wrong shape");
            dropout.dropped[l] = t.a.cwiseProduct(mask);
        }
    }

    // Loss and δ⁽ᴸ⁾.
    LayerTrace& out = trace.layers[L - 1];
    trace.perSampleLoss.resize(m);
    labPerSampleLoss(loss, out.a, Y, trace.perSampleLoss);
    const double inverseBatch = m == 0 ? 0.0 : 1.0 / static_cast<double>(m);
    trace.loss = trace.perSampleLoss.sum() * inverseBatch;
    trace.accuracy = accuracy(out.a, Y);
    out.delta.resize(m, out.a.cols());
    labOutputDelta(loss, network.layer(L - 1).activation, out.z, out.a, Y, out.delta);

    // Backward (Algorithm 3): ∂L/∂W⁽ˡ⁾ = (1/m) δ⁽ˡ⁾ᵀ h⁽ˡ⁻¹⁾, ∂L/∂b⁽ˡ⁾ = (1/m) Σᵢ δ⁽ˡ⁾ᵢ,
    // δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ ⊙ mask⁽ˡ⁻¹⁾) ⊙ σ'(z⁽ˡ⁻¹⁾): a dropped unit passes no gradient back,
    // a kept one passes it scaled by 1/(1 − p), as it scaled the forward value.
    for (std::size_t l = L; l-- > 0;) {
        LayerTrace& t = trace.layers[l];
        t.dW.noalias() = t.delta.transpose() * inputOf(l) * inverseBatch;
        t.db = t.delta.colwise().sum().transpose() * inverseBatch;
        if (l == 0) break;
        LayerTrace& below = trace.layers[l - 1];
        Matrix g = t.delta * network.layer(l).W;
        if (dropping) g.array() *= dropout.masks[l - 1].array();
        below.delta.resize(m, below.a.cols());
        multiplyByDerivative(network.layer(l - 1).activation, below.z, below.a, g, below.delta);
    }
    trace.hasGradients = true;
}

Evaluation evaluate(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                    const LossChoice& loss, Trace& trace) {
    Evaluation e;
    if (X.rows() == 0) return e;
    network.forward(X, trace);
    Vector perSample(X.rows());
    labPerSampleLoss(loss, trace.output(), Y, perSample);
    e.loss = perSample.mean();
    e.accuracy = accuracy(trace.output(), Y);
    return e;
}

}  // namespace ns
