#include "lab/lab_network.h"

#include "engine/activation_layer.h"
#include "engine/dense.h"
#include "engine/normalization.h"

#include <stdexcept>

namespace ns {

namespace {

using engine::Tensor;

// The engine works on row-major tensors [batch, units]; the lab's Trace keeps column-major
// matrices. These copies are the only extra work over composing the math by hand.
void toTensor(const ConstMatrixRef& m, Tensor& t) {
    t.resize({m.rows(), m.cols()});
    t.matrix() = m;
}
void toMatrix(const Tensor& t, Matrix& m) { m = t.matrix(); }

}  // namespace

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

    // The network as engine layers: Dense → σ (→ dropout) per layer (Algorithm 2), each with
    // its own trace; the output layer's σ is applied by the loss below, as labOutputDelta
    // needs z and a together.
    std::vector<engine::Dense> dense;
    std::vector<engine::ActivationLayer> activation;
    dense.reserve(L);
    activation.reserve(L);
    std::vector<engine::LayerTrace> denseTrace(L), activationTrace(L), dropTrace(L);
    engine::Dropout dropLayer(0.0);
    const engine::RunContext context;
    Tensor input;
    toTensor(X, input);
    const Tensor* h = &input;
    for (std::size_t l = 0; l < L; ++l) {
        const DenseLayer& layer = network.layer(l);
        dense.emplace_back(layer.fanIn(), layer.units());
        dense[l].W().matrix() = layer.W;
        dense[l].b().flat() = layer.b;
        activation.emplace_back(layer.activation);
        dense[l].forward({h}, denseTrace[l], context);
        activation[l].forward({&denseTrace[l].output}, activationTrace[l], context);
        toMatrix(denseTrace[l].output, trace.layers[l].z);
        toMatrix(activationTrace[l].output, trace.layers[l].a);
        h = &activationTrace[l].output;
        if (dropping && l + 1 < L) {
            const Matrix& mask = dropout.masks[l];
            if (mask.rows() != m || mask.cols() != layer.units())
                throw std::invalid_argument("labForwardBackward: a dropout mask has the wrong shape");
            Tensor maskTensor;
            toTensor(mask, maskTensor);
            dropLayer.forwardWithMask(*h, maskTensor, dropTrace[l]);
            toMatrix(dropTrace[l].output, dropout.dropped[l]);  // h̃⁽ˡ⁾ = a⁽ˡ⁾ ⊙ mask
            h = &dropTrace[l].output;
        }
    }

    // Loss and δ⁽ᴸ⁾ = ∂ℓᵢ/∂z⁽ᴸ⁾ (the lab's losses, focal included).
    LayerTrace& out = trace.layers[L - 1];
    trace.perSampleLoss.resize(m);
    labPerSampleLoss(loss, out.a, Y, trace.perSampleLoss);
    const double inverseBatch = m == 0 ? 0.0 : 1.0 / static_cast<double>(m);
    trace.loss = trace.perSampleLoss.sum() * inverseBatch;
    trace.accuracy = accuracy(out.a, Y);
    out.delta.resize(m, out.a.cols());
    labOutputDelta(loss, network.layer(L - 1).activation, out.z, out.a, Y, out.delta);

    // Backward (Algorithm 3) through the same engine layers with per-sample δ: the engine's
    // parameter gradients are sums over the batch, divided by m here (∂L/∂W = (1/m) Σ δᵀ h).
    toTensor(out.delta, denseTrace[L - 1].gradOutput);
    for (std::size_t l = L; l-- > 0;) {
        const Tensor* below = l == 0 ? &input : (dropping ? &dropTrace[l - 1].output : &activationTrace[l - 1].output);
        dense[l].backward({below}, denseTrace[l], {l > 0}, context);
        LayerTrace& t = trace.layers[l];
        t.dW = denseTrace[l].gradParameters[0].matrix() * inverseBatch;
        t.db = denseTrace[l].gradParameters[1].flat() * inverseBatch;
        if (l == 0) break;
        engine::LayerTrace* upstream = &denseTrace[l];
        if (dropping) {  // a dropped unit passes no gradient back; a kept one scaled by 1/(1 − p)
            dropTrace[l - 1].gradOutput = std::move(upstream->gradInputs[0]);
            dropLayer.backward({&activationTrace[l - 1].output}, dropTrace[l - 1], {true}, context);
            upstream = &dropTrace[l - 1];
        }
        activationTrace[l - 1].gradOutput = std::move(upstream->gradInputs[0]);
        activation[l - 1].backward({&denseTrace[l - 1].output}, activationTrace[l - 1], {true}, context);
        denseTrace[l - 1].gradOutput = std::move(activationTrace[l - 1].gradInputs[0]);
        toMatrix(denseTrace[l - 1].gradOutput, trace.layers[l - 1].delta);
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
