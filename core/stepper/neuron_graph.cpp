#include "stepper/neuron_graph.h"

#include "base/activation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns {

namespace {

// ∂ℓ/∂aⱼ for one output of one sample: the derivative of eqs. 22–26 (ℓ averaged over the n
// outputs, except cross-entropy which sums over classes), probabilities clipped as the loss is.
double lossDerivative(Loss loss, double a, double y, int outputs) {
    const double n = outputs;
    const double residual = a - y;
    switch (loss) {
        case Loss::Mse: return 2.0 * residual / n;
        case Loss::Mae: return ((residual > 0) - (residual < 0)) / n;
        case Loss::Huber: return std::clamp(residual, -kHuberDelta, kHuberDelta) / n;
        case Loss::Bce: {
            const double p = std::clamp(a, kProbabilityClip, 1.0 - kProbabilityClip);
            return (p - y) / (p * (1.0 - p)) / n;
        }
        case Loss::Ce: return -y / std::clamp(a, kProbabilityClip, 1.0 - kProbabilityClip);
    }
    return 0;
}

std::string activationLabel(Activation f, bool latex) {
    switch (f) {
        case Activation::Identity: return latex ? "\\mathrm{id}" : "id";
        case Activation::Sigmoid: return latex ? "\\sigma" : "σ";
        case Activation::Tanh: return latex ? "\\tanh" : "tanh";
        case Activation::Relu: return latex ? "\\mathrm{ReLU}" : "ReLU";
        case Activation::LeakyRelu: return latex ? "\\mathrm{LeakyReLU}" : "LeakyReLU";
        case Activation::Elu: return latex ? "\\mathrm{ELU}" : "ELU";
        case Activation::Gelu: return latex ? "\\mathrm{GELU}" : "GELU";
        case Activation::Softmax: return "softmax";
    }
    return "?";
}

}  // namespace

bool NeuronGraph::supports(const Mlp& network, int layer) {
    return layer >= 1 && layer <= static_cast<int>(network.layers().size()) &&
           network.layer(static_cast<std::size_t>(layer - 1)).activation != Activation::Softmax;
}

int NeuronGraph::add(GraphNode node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
}

NeuronGraph NeuronGraph::build(const BackpropSteps& steps, int layer, int unit, int sample) {
    const Mlp& net = steps.before();
    if (!supports(net, layer))
        throw std::invalid_argument("neuron graph: layer " + std::to_string(layer) +
                                    " has no element-wise activation");
    const DenseLayer& dense = net.layer(static_cast<std::size_t>(layer - 1));
    if (unit < 0 || unit >= dense.units())
        throw std::invalid_argument("neuron graph: no unit " + std::to_string(unit));
    const Activation f = dense.activation;
    const int L = steps.layerCount();

    NeuronGraph g;
    g.layer_ = layer;
    g.unit_ = unit;
    g.sample_ = sample;
    g.batchSize_ = steps.batchSize();
    g.output_ = layer == L;
    // ∂node/∂parent for each node's parents, inverted into children lists at the end.
    std::vector<std::vector<double>> partials;
    auto node = [&](GraphNode n, std::vector<double> d) {
        partials.push_back(std::move(d));
        return g.add(std::move(n));
    };
    auto labelled = [](GraphNode n, const ValueId& id) {
        n.label = symbol(id, Notation::Unicode);
        n.latexLabel = symbol(id, Notation::Latex);
        return n;
    };

    // Forward, in topological order (Algorithm 1 lines 1–4).
    std::vector<int> productsIn;
    for (int k = 0; k < dense.fanIn(); ++k) {
        const ValueId xId = layer == 1 ? ValueId{Quantity::Input, 0, k, 0}
                                       : ValueId{Quantity::A, layer - 1, k, 0};
        const ValueId wId{Quantity::Weight, layer, unit, k};
        GraphNode x = labelled({}, xId);
        x.kind = GraphNode::Kind::Input;
        x.term = k;
        x.value = steps.valueOf(xId, sample);
        const int xi = node(std::move(x), {});
        GraphNode w = labelled({}, wId);
        w.kind = GraphNode::Kind::Weight;
        w.term = k;
        w.value = steps.valueOf(wId);
        const int wi = node(std::move(w), {});
        GraphNode times;
        times.kind = GraphNode::Kind::Multiply;
        times.term = k;
        times.parents = {xi, wi};
        times.value = g.nodes_[static_cast<std::size_t>(xi)].value * g.nodes_[static_cast<std::size_t>(wi)].value;
        times.label = "×";
        times.latexLabel = "\\times";
        // ∂(x·w)/∂x = w, ∂(x·w)/∂w = x
        const int ti = node(std::move(times), {g.nodes_[static_cast<std::size_t>(wi)].value,
                                               g.nodes_[static_cast<std::size_t>(xi)].value});
        g.inputs_.push_back(xi);
        g.weights_.push_back(wi);
        g.products_.push_back(ti);
        productsIn.push_back(ti);
    }
    GraphNode b = labelled({}, ValueId{Quantity::Bias, layer, unit, 0});
    b.kind = GraphNode::Kind::Bias;
    b.value = steps.valueOf(ValueId{Quantity::Bias, layer, unit, 0});
    g.bias_ = node(std::move(b), {});

    GraphNode sum;
    sum.kind = GraphNode::Kind::Add;
    sum.parents = productsIn;
    sum.parents.push_back(g.bias_);
    double z = 0;
    for (int p : productsIn) z += g.nodes_[static_cast<std::size_t>(p)].value;
    z += g.nodes_[static_cast<std::size_t>(g.bias_)].value;
    sum.value = z;
    sum.label = "+";
    sum.latexLabel = "+";
    g.add_ = node(std::move(sum), std::vector<double>(productsIn.size() + 1, 1.0));

    GraphNode act;
    act.kind = GraphNode::Kind::Activation;
    act.parents = {g.add_};
    Matrix zm(1, 1), am(1, 1);
    zm(0, 0) = z;
    activate(f, zm, am);
    act.value = am(0, 0);
    act.label = activationLabel(f, false);
    act.latexLabel = activationLabel(f, true);
    g.activation_ = node(std::move(act), {derivative(f, z, am(0, 0))});

    GraphNode loss;
    loss.kind = GraphNode::Kind::Loss;
    loss.parents = {g.activation_};
    loss.value = steps.valueOf(ValueId{Quantity::Loss, L, 0, 0}, sample);
    loss.label = "L";
    loss.latexLabel = "L";
    double upstream = 0;  // ∂L/∂a of this neuron
    if (g.output_) {
        const ValueId yId{Quantity::Target, 0, unit, 0};
        GraphNode y = labelled({}, yId);
        y.kind = GraphNode::Kind::Target;
        y.value = steps.valueOf(yId, sample);
        y.differentiable = false;
        g.target_ = node(std::move(y), {});
        loss.parents.push_back(g.target_);
        upstream = lossDerivative(steps.loss(), g.nodes_[static_cast<std::size_t>(g.activation_)].value,
                                  g.nodes_[static_cast<std::size_t>(g.target_)].value, net.outputs());
    } else {
        // The layers above, summarised by the trace: ∂L/∂a⁽ˡ⁾ⱼ = Σₖ W⁽ˡ⁺¹⁾ₖⱼ δ⁽ˡ⁺¹⁾ₖ (eq. 18).
        const DenseLayer& above = net.layer(static_cast<std::size_t>(layer));
        for (int k = 0; k < above.units(); ++k)
            upstream += above.W(k, unit) *
                        steps.valueOf(ValueId{Quantity::Delta, layer + 1, k, 0}, sample);
    }
    std::vector<double> lossPartials{upstream};
    if (g.output_) lossPartials.push_back(0.0);  // y is a constant: no gradient flows to it
    node(std::move(loss), lossPartials);

    // Children lists and local derivatives ∂child/∂node.
    for (std::size_t c = 0; c < g.nodes_.size(); ++c)
        for (std::size_t p = 0; p < g.nodes_[c].parents.size(); ++p) {
            GraphNode& parent = g.nodes_[static_cast<std::size_t>(g.nodes_[c].parents[p])];
            if (!parent.differentiable) continue;
            parent.children.push_back(static_cast<int>(c));
            parent.localDerivatives.push_back(partials[c][p]);
        }

    // Backward (Algorithm 1 lines 5–9): ∂L/∂L = 1, then v̄ᵢ = Σ_children v̄ⱼ ∂vⱼ/∂vᵢ in reverse
    // topological order (creation order is topological).
    for (int i = 0; i < static_cast<int>(g.nodes_.size()); ++i) g.forward_.push_back(i);
    for (int i = static_cast<int>(g.nodes_.size()) - 1; i >= 0; --i) {
        GraphNode& n = g.nodes_[static_cast<std::size_t>(i)];
        if (!n.differentiable) continue;
        if (i == g.lossNode()) {
            n.gradient = 1.0;
        } else {
            double total = 0;
            for (std::size_t c = 0; c < n.children.size(); ++c)
                total += g.nodes_[static_cast<std::size_t>(n.children[c])].gradient * n.localDerivatives[c];
            n.gradient = total;
        }
        g.backward_.push_back(i);
    }
    return g;
}

}  // namespace ns
