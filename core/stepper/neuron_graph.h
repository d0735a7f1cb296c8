#pragma once
// The computational graph of one neuron and its loss (micrograd style), evaluated with the
// textbook's Algorithm 1 (seed 000 §1.2): nodes in topological order compute their values, then
// from ∂L/∂L = 1 every node in reverse order accumulates v̄ᵢ = Σⱼ v̄ⱼ ∂vⱼ/∂vᵢ over its children j
// (the chain rule, Theorem 1.2.1).
//
//   xₖ ─┐
//       ×ₖ ─┐
//   wₖ ─┘   + ── z ── σ ── a ── L        (output neuron: L = ℓ(a, y) with the target y;
//   b ──────┘                             hidden neuron: L through the layers above, whose
//                                         derivative ∂L/∂a = Σₖ W⁽ˡ⁺¹⁾ₖⱼ δ⁽ˡ⁺¹⁾ₖ comes from
//                                         the trace)
// The inputs (xₖ = a⁽ˡ⁻¹⁾ₖ, wₖ = W⁽ˡ⁾ⱼₖ, b, y) are read from the step's trace and network; the
// gradients it produces equal the trace's δ, ∂L/∂W and ∂L/∂b (checked by the tests).
#include "stepper/backprop_steps.h"

#include <string>
#include <vector>

namespace ns {

struct GraphNode {
    enum class Kind { Input, Weight, Bias, Target, Multiply, Add, Activation, Loss };
    Kind kind = Kind::Input;
    int term = -1;              // k for xₖ, wₖ and ×ₖ
    std::vector<int> parents;   // the nodes this one is computed from
    double value = 0;
    // Backward pass: for every child c (a node that has this one as a parent), ∂c/∂this; the
    // accumulated gradient v̄ = Σ v̄_c ∂c/∂this. The loss node has gradient 1 and no children.
    std::vector<int> children;
    std::vector<double> localDerivatives;  // one per child, same order
    double gradient = 0;
    bool differentiable = true;  // false for the target y (not a parameter or activation)
    std::string label;           // Unicode: x₁, w₁, ×, +, b, ReLU, L, y
    std::string latexLabel;
};

class NeuronGraph {
public:
    NeuronGraph() = default;
    // The graph of neuron `unit` (0-based) of layer `layer` (1 … L) for one sample of the step.
    // Throws std::invalid_argument for a softmax layer (not an element-wise σ).
    static NeuronGraph build(const BackpropSteps& steps, int layer, int unit, int sample = 0);
    static bool supports(const Mlp& network, int layer);

    int layer() const { return layer_; }
    int sample() const { return sample_; }          // which sample of the batch (0-based)
    int batchSize() const { return batchSize_; }
    int unit() const { return unit_; }
    bool isOutput() const { return output_; }
    const std::vector<GraphNode>& nodes() const { return nodes_; }
    const GraphNode& node(int i) const { return nodes_.at(static_cast<std::size_t>(i)); }
    int lossNode() const { return static_cast<int>(nodes_.size()) - 1; }
    int addNode() const { return add_; }
    int activationNode() const { return activation_; }
    int biasNode() const { return bias_; }
    int inputNode(int k) const { return inputs_.at(static_cast<std::size_t>(k)); }
    int weightNode(int k) const { return weights_.at(static_cast<std::size_t>(k)); }
    int productNode(int k) const { return products_.at(static_cast<std::size_t>(k)); }
    int targetNode() const { return target_; }  // −1 for a hidden neuron
    int terms() const { return static_cast<int>(inputs_.size()); }

    // Algorithm 1's order: topological for values, its reverse for gradients (only the nodes
    // that take part in the backward pass: the target y is a constant).
    const std::vector<int>& forwardOrder() const { return forward_; }
    const std::vector<int>& backwardOrder() const { return backward_; }

private:
    int add(GraphNode node);

    int layer_ = 0;
    int unit_ = 0;
    int sample_ = 0;
    int batchSize_ = 1;
    bool output_ = false;
    std::vector<GraphNode> nodes_;
    std::vector<int> inputs_, weights_, products_;
    int bias_ = -1, add_ = -1, activation_ = -1, target_ = -1;
    std::vector<int> forward_, backward_;
};

}  // namespace ns
