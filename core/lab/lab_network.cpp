#include "lab/lab_network.h"

#include "engine/activation_layer.h"
#include "engine/dense.h"
#include "engine/normalization.h"

#include <algorithm>
#include <memory>
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

bool LabBatchNorm::any() const { return std::find(enabled.begin(), enabled.end(), true) != enabled.end(); }

LabBatchNorm LabBatchNorm::fresh(const Mlp& network, std::vector<bool> on) {
    LabBatchNorm bn;
    const std::size_t hidden = network.layers().size() - 1;
    on.resize(hidden, false);
    bn.enabled = std::move(on);
    for (std::size_t l = 0; l < hidden; ++l) {
        const Eigen::Index units = bn.enabled[l] ? network.layer(l).units() : 0;
        bn.gamma.push_back(Vector::Ones(units));
        bn.beta.push_back(Vector::Zero(units));
        bn.runningMean.push_back(Vector::Zero(units));
        bn.runningVar.push_back(Vector::Ones(units));
    }
    return bn;
}

std::size_t LabBatchNorm::parameterCount() const {
    std::size_t count = 0;
    for (const Vector& g : gamma) count += 2 * static_cast<std::size_t>(g.size());
    return count;
}

Mlp foldBatchNorm(const Mlp& network, const LabBatchNorm& bn) {
    Mlp folded = network;
    for (std::size_t l = 0; l < bn.enabled.size() && l + 1 < network.layers().size(); ++l) {
        if (!bn.enabled[l]) continue;
        DenseLayer& layer = folded.layer(l);
        const Vector s = bn.gamma[l].array() / (bn.runningVar[l].array() + LabBatchNorm::kEpsilon).sqrt();
        layer.W = s.asDiagonal() * layer.W;
        layer.b = s.cwiseProduct(layer.b - bn.runningMean[l]) + bn.beta[l];
    }
    return folded;
}

void labForwardBackward(const Mlp& network, const ConstMatrixRef& X, const ConstMatrixRef& Y,
                        const LossChoice& loss, DropoutPass& dropout, Trace& trace, LabBatchNorm* batchNorm,
                        LabBatchNormGradients* batchNormGradients) {
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
    std::vector<engine::LayerTrace> denseTrace(L), activationTrace(L), dropTrace(L), normTrace(L);
    // BatchNorm layers where switched on, holding the lab's γ, β and running averages.
    std::vector<std::unique_ptr<engine::BatchNorm>> norm(L);
    if (batchNorm)
        for (std::size_t l = 0; l + 1 < L && l < batchNorm->enabled.size(); ++l) {
            if (!batchNorm->enabled[l]) continue;
            const Eigen::Index units = network.layer(l).units();
            if (batchNorm->gamma[l].size() != units)
                throw std::invalid_argument("labForwardBackward: BatchNorm of layer " + std::to_string(l + 1) +
                                            " does not match its units");
            norm[l] = std::make_unique<engine::BatchNorm>(units, LabBatchNorm::kEpsilon, LabBatchNorm::kMomentum);
            norm[l]->gamma().flat() = batchNorm->gamma[l];
            norm[l]->beta().flat() = batchNorm->beta[l];
            engine::Tensor mean({units}), var({units});
            mean.flat() = batchNorm->runningMean[l];
            var.flat() = batchNorm->runningVar[l];
            norm[l]->setRunningStatistics(mean, var);
        }
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
        const engine::Tensor* z = &denseTrace[l].output;
        trace.layers[l].batchMean.resize(0);
        trace.layers[l].batchVariance.resize(0);
        if (norm[l]) {
            norm[l]->forward({z}, normTrace[l], context);
            z = &normTrace[l].output;
            trace.layers[l].batchMean = normTrace[l].named.at("mu").flat();
            trace.layers[l].batchVariance = normTrace[l].named.at("var").flat();
            batchNorm->runningMean[l] = norm[l]->runningMean().flat();
            batchNorm->runningVar[l] = norm[l]->runningVar().flat();
        }
        activation[l].forward({z}, activationTrace[l], context);
        toMatrix(*z, trace.layers[l].z);
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
        const engine::Tensor& z = norm[l - 1] ? normTrace[l - 1].output : denseTrace[l - 1].output;
        activation[l - 1].backward({&z}, activationTrace[l - 1], {true}, context);
        toMatrix(activationTrace[l - 1].gradInputs[0], trace.layers[l - 1].delta);  // δ = ∂ℓ/∂z, z the input of σ
        if (norm[l - 1]) {
            normTrace[l - 1].gradOutput = std::move(activationTrace[l - 1].gradInputs[0]);
            norm[l - 1]->backward({&denseTrace[l - 1].output}, normTrace[l - 1], {true}, context);
            if (batchNormGradients) {
                batchNormGradients->gamma.resize(L - 1);
                batchNormGradients->beta.resize(L - 1);
                batchNormGradients->gamma[l - 1] = normTrace[l - 1].gradParameters[0].flat() * inverseBatch;
                batchNormGradients->beta[l - 1] = normTrace[l - 1].gradParameters[1].flat() * inverseBatch;
            }
            denseTrace[l - 1].gradOutput = std::move(normTrace[l - 1].gradInputs[0]);
        } else {
            denseTrace[l - 1].gradOutput = std::move(activationTrace[l - 1].gradInputs[0]);
        }
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
