#pragma once
// A network is an ordered list of layer nodes, each reading the network input or earlier
// nodes: a chain for LeNet, with Add nodes (and projections on the skip path) for residual
// blocks. forward() fills a NetworkTrace with every node's output and intermediates; backward()
// sends ∂L/∂output back through the same nodes in reverse, summing where paths join.
#include "engine/layer.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns::engine {

struct Node {
    std::string name;              // "conv1", "relu1", …: what views and the CLI call it
    std::unique_ptr<Layer> layer;
    std::vector<int> inputs;       // node indices; Network::kInput is the network's input
    Shape outputShape;             // per sample
};

struct NetworkTrace {
    Tensor input;
    std::vector<LayerTrace> nodes;  // one per node, in node order
    Tensor gradInput;               // ∂L/∂x, when backward() was asked for it
    const Tensor& output() const { return nodes.back().output; }
};

class Network {
public:
    static constexpr int kInput = -1;
    static constexpr int kPrevious = -2;

    explicit Network(Shape inputShape = {});
    Network(const Network& other);
    Network& operator=(const Network& other);
    Network(Network&&) noexcept = default;
    Network& operator=(Network&&) noexcept = default;

    // Appends a node reading `inputs` (default: the node before, or the input for the first)
    // and returns its index. Throws std::invalid_argument naming the node when shapes do not fit.
    int add(std::unique_ptr<Layer> layer, std::vector<int> inputs = {kPrevious}, std::string name = {});
    template <typename L, typename... Args>
    int emplace(Args&&... args) {
        return add(std::make_unique<L>(std::forward<Args>(args)...));
    }

    const Shape& inputShape() const { return inputShape_; }
    Shape outputShape() const { return nodes_.empty() ? inputShape_ : nodes_.back().outputShape; }
    std::size_t size() const { return nodes_.size(); }
    const Node& node(std::size_t i) const { return nodes_.at(i); }
    Node& node(std::size_t i) { return nodes_.at(i); }
    int find(const std::string& name) const;  // −1 when absent

    Index parameterCount() const;
    // Every layer initialised from (seed, node index).
    void initialize(std::uint64_t seed);

    void forward(const Tensor& x, NetworkTrace& trace, const RunContext& context);
    // gradOutput is ∂L/∂(last node's output). Fills every node's gradOutput and gradParameters.
    void backward(NetworkTrace& trace, const Tensor& gradOutput, const RunContext& context,
                  bool wantInputGradient = false);

    // θ ← θ − η ∂L/∂θ with the gradients of the trace's last backward pass.
    void sgdStep(const NetworkTrace& trace, double eta);
    // Calls f(node, parameter index, value) for every parameter, in node order.
    void forEachParameter(const std::function<void(std::size_t, std::size_t, Tensor&)>& f);
    bool allFinite() const;

private:
    Shape inputShape_;
    std::vector<Node> nodes_;
    std::vector<int> consumers_;  // how many nodes read each node
};

// Softmax + cross-entropy on logits [N, K] with class labels (seed 001 §2.6, eq. 26):
// p = softmax(z), ℓᵢ = −log p_{yᵢ}, L = mean ℓᵢ, ∂L/∂z = (p − onehot(y)) / N.
struct ClassificationLoss {
    double loss = 0;
    Index correct = 0;   // arg-max equals the label (first maximum on ties)
    Tensor probabilities;
    Tensor gradLogits;
};
void softmaxCrossEntropy(const Tensor& logits, const std::vector<int>& labels, ClassificationLoss& result);

}  // namespace ns::engine
