#include "engine/network.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace ns::engine {

Network::Network(Shape inputShape) : inputShape_(std::move(inputShape)) {}

Network::Network(const Network& other) : inputShape_(other.inputShape_), consumers_(other.consumers_) {
    nodes_.reserve(other.nodes_.size());
    for (const Node& n : other.nodes_) nodes_.push_back({n.name, n.layer->clone(), n.inputs, n.outputShape});
}

Network& Network::operator=(const Network& other) {
    if (this != &other) *this = Network(other);
    return *this;
}

int Network::add(std::unique_ptr<Layer> layer, std::vector<int> inputs, std::string name) {
    const int index = static_cast<int>(nodes_.size());
    for (int& in : inputs)
        if (in == kPrevious) in = index - 1;  // the first node's "previous" is the input (−1)
    if (static_cast<int>(inputs.size()) != layer->arity())
        throw std::invalid_argument(layer->describe() + " takes " + std::to_string(layer->arity()) + " inputs, given " +
                                    std::to_string(inputs.size()));
    std::vector<Shape> shapes;
    for (int in : inputs) {
        if (in < kInput || in >= index)
            throw std::invalid_argument(layer->describe() + " reads node " + std::to_string(in) +
                                        ", which is not an earlier node");
        shapes.push_back(in == kInput ? inputShape_ : nodes_[static_cast<std::size_t>(in)].outputShape);
    }
    if (name.empty()) name = layer->kind() + std::to_string(index + 1);
    Shape out;
    try {
        out = layer->outputShape(shapes);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("layer " + std::to_string(index + 1) + " (" + name + "): " + e.what());
    }
    for (int in : inputs)
        if (in >= 0) ++consumers_[static_cast<std::size_t>(in)];
    consumers_.push_back(0);
    nodes_.push_back({std::move(name), std::move(layer), std::move(inputs), std::move(out)});
    return index;
}

int Network::find(const std::string& name) const {
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].name == name) return static_cast<int>(i);
    return -1;
}

Index Network::parameterCount() const {
    Index count = 0;
    for (const Node& n : nodes_) count += n.layer->parameterCount();
    return count;
}

void Network::initialize(std::uint64_t seed) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) nodes_[i].layer->initialize(seed * 1000003ull + i);
}

void Network::forward(const Tensor& x, NetworkTrace& trace, const RunContext& context) {
    Shape expected = inputShape_;
    expected.insert(expected.begin(), x.rank() > 0 ? x.dim(0) : 0);
    if (x.shape() != expected)
        throw std::invalid_argument("the network expects input of shape [N, " + toString(inputShape_).substr(1) +
                                    ", found " + toString(x.shape()));
    trace.input = x;
    trace.nodes.resize(nodes_.size());
    RunContext local = context;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        Inputs in;
        for (int k : nodes_[i].inputs) in.push_back(k == kInput ? &trace.input : &trace.nodes[static_cast<std::size_t>(k)].output);
        local.node = static_cast<int>(i);
        nodes_[i].layer->forward(in, trace.nodes[i], local);
    }
}

void Network::backward(NetworkTrace& trace, const Tensor& gradOutput, const RunContext& context,
                       bool wantInputGradient) {
    if (trace.nodes.size() != nodes_.size()) throw std::logic_error("backward() before forward()");
    // Nodes read once receive their consumer's gradient by swap; only the others accumulate.
    for (std::size_t i = 0; i + 1 < nodes_.size(); ++i) {
        trace.nodes[i].gradOutput.resize(trace.nodes[i].output.shape());
        if (consumers_[i] != 1) trace.nodes[i].gradOutput.setZero();
    }
    trace.nodes.back().gradOutput = gradOutput;
    if (wantInputGradient) {
        trace.gradInput.resize(trace.input.shape());
        trace.gradInput.setZero();
    }
    RunContext local = context;
    for (std::size_t i = nodes_.size(); i-- > 0;) {
        const Node& node = nodes_[i];
        Inputs in;
        std::vector<bool> want;
        for (int k : node.inputs) {
            in.push_back(k == kInput ? &trace.input : &trace.nodes[static_cast<std::size_t>(k)].output);
            want.push_back(k != kInput || wantInputGradient);
        }
        local.node = static_cast<int>(i);
        LayerTrace& t = trace.nodes[i];
        node.layer->backward(in, t, want, local);
        for (std::size_t j = 0; j < node.inputs.size(); ++j) {
            if (!want[j]) continue;
            const int k = node.inputs[j];
            Tensor& target = k == kInput ? trace.gradInput : trace.nodes[static_cast<std::size_t>(k)].gradOutput;
            // A node read once takes the gradient as it is (no copy); where paths join, they add.
            if (k != kInput && consumers_[static_cast<std::size_t>(k)] == 1)
                std::swap(target, t.gradInputs[j]);
            else
                target.flat() += t.gradInputs[j].flat();
        }
    }
}

void Network::sgdStep(const NetworkTrace& trace, double eta) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        auto& params = nodes_[i].layer->parameters();
        for (std::size_t p = 0; p < params.size(); ++p)
            params[p].value.flat() -= eta * trace.nodes[i].gradParameters.at(p).flat();
    }
}

void Network::forEachParameter(const std::function<void(std::size_t, std::size_t, Tensor&)>& f) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        auto& params = nodes_[i].layer->parameters();
        for (std::size_t p = 0; p < params.size(); ++p) f(i, p, params[p].value);
    }
}

bool Network::allFinite() const {
    for (const Node& n : nodes_)
        for (const Parameter& p : n.layer->parameters())
            if (!p.value.allFinite()) return false;
    return true;
}

void softmaxCrossEntropy(const Tensor& logits, const std::vector<int>& labels, ClassificationLoss& result) {
    if (logits.rank() != 2) throw std::invalid_argument("softmax cross-entropy expects logits [N, K], found " + toString(logits.shape()));
    const Index N = logits.dim(0), K = logits.dim(1);
    if (static_cast<Index>(labels.size()) != N)
        throw std::invalid_argument("softmax cross-entropy: " + std::to_string(labels.size()) + " labels for " +
                                    std::to_string(N) + " samples");
    result.probabilities.resize(logits.shape());
    result.gradLogits.resize(logits.shape());
    double total = 0;
    result.correct = 0;
    for (Index n = 0; n < N; ++n) {
        const int y = labels[static_cast<std::size_t>(n)];
        if (y < 0 || y >= K)
            throw std::invalid_argument("softmax cross-entropy: label " + std::to_string(y) + " of sample " +
                                        std::to_string(n) + " is not a class 0…" + std::to_string(K - 1));
        const double* z = logits.sample(n);
        double* p = result.probabilities.sample(n);
        double* g = result.gradLogits.sample(n);
        Index best = 0;
        double top = z[0];
        for (Index k = 1; k < K; ++k)
            if (z[k] > top) top = z[k], best = k;
        double sum = 0;
        for (Index k = 0; k < K; ++k) sum += (p[k] = std::exp(z[k] - top));
        for (Index k = 0; k < K; ++k) p[k] /= sum;
        total += -(z[y] - top - std::log(sum));  // −log p_y without forming log(p)
        for (Index k = 0; k < K; ++k) g[k] = (p[k] - (k == y ? 1.0 : 0.0)) / static_cast<double>(N);
        result.correct += best == y;
    }
    result.loss = total / static_cast<double>(N);
}

}  // namespace ns::engine
