#pragma once
// The layer interface every network of the course is built from (dense, convolution, pooling,
// normalisation, and later recurrent cells and attention). A layer's forward pass writes its
// output and the textbook's named intermediates into a LayerTrace; its backward pass takes
// ∂L/∂output from that trace and writes ∂L/∂input and the parameter gradients into it too, so
// every number a view shows is a lookup in the trace.
//
// Threads: the batch is cut into chunks whose bounds depend only on the batch size (forChunks);
// each chunk's partial parameter gradients are summed in chunk order, so a seed gives the same
// bits at any thread count.
#include "engine/tensor.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns::engine {

enum class Mode { Train, Eval };

struct RunContext {
    Mode mode = Mode::Train;
    int threads = 1;
    std::uint64_t seed = 1;  // dropout masks: drawn from (seed, node, sample) only
    int node = 0;            // set by the network for the layer it runs
};

struct Parameter {
    std::string name;  // the textbook's: "W", "b", "kernel", "gamma", "beta"
    Tensor value;
};

struct LayerTrace {
    Tensor output;                         // the layer's result (z of a dense layer, a of an activation)
    std::map<std::string, Tensor> named;   // intermediates by textbook name: "mu", "var", "xhat", "argmax", "mask", …
    Tensor gradOutput;                     // ∂L/∂output (summed over every consumer)
    std::vector<Tensor> gradInputs;        // ∂L/∂input, one per input (empty when not asked for)
    std::vector<Tensor> gradParameters;    // ∂L/∂θ, aligned with Layer::parameters()
    std::vector<std::vector<Tensor>> chunkScratch;  // per-chunk partial sums, reused between steps
    std::vector<Tensor> scratch;           // working memory a layer keeps between forward and backward

    const Tensor* find(const std::string& name) const;
};

using Inputs = std::vector<const Tensor*>;

class Layer {
public:
    virtual ~Layer() = default;
    virtual std::string kind() const = 0;       // "conv2d", "max_pool2d", …
    virtual std::string describe() const = 0;   // "Conv2d 1→6, 5×5, padding 2", for views and errors
    virtual int arity() const { return 1; }
    // The output's per-sample shape (no batch axis) for these per-sample input shapes; throws
    // std::invalid_argument saying what does not fit.
    virtual Shape outputShape(const std::vector<Shape>& inputs) const = 0;

    virtual void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) = 0;
    // Reads trace.gradOutput; fills trace.gradParameters and, where wantInput[i], gradInputs[i].
    virtual void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                          const RunContext& context) = 0;

    std::vector<Parameter>& parameters() { return parameters_; }
    const std::vector<Parameter>& parameters() const { return parameters_; }
    Index parameterCount() const;
    virtual std::unique_ptr<Layer> clone() const = 0;
    // He initialisation (seed 001: W ~ N(0,1)·√(2/fan_in)), biases zero; layers without
    // weights do nothing.
    virtual void initialize(std::uint64_t /*seed*/) {}

protected:
    std::vector<Parameter> parameters_;
};

// Chunks of a batch of n samples: bounds depend on n only (never on the thread count).
Index chunkCount(Index batch);
Index chunkBegin(Index batch, Index chunk);

// Runs body(begin, end, chunk) for every chunk, on up to `threads` threads.
template <typename Body>
void forChunks(Index batch, int threads, Body&& body) {
    const Index chunks = chunkCount(batch);
    if (threads <= 1 || chunks <= 1) {
        for (Index c = 0; c < chunks; ++c) body(chunkBegin(batch, c), chunkBegin(batch, c + 1), c);
        return;
    }
#pragma omp parallel for schedule(static) num_threads(threads)
    for (Index c = 0; c < chunks; ++c) body(chunkBegin(batch, c), chunkBegin(batch, c + 1), c);
}

// Per-chunk zeroed buffers shaped like the layer's parameters, kept in trace.chunkScratch.
std::vector<std::vector<Tensor>>& chunkGradients(const Layer& layer, LayerTrace& trace, Index batch);
// trace.gradParameters = Σ over chunks in chunk order.
void reduceChunkGradients(LayerTrace& trace);

// Shapes trace.gradParameters like the layer's parameters.
void shapeParameterGradients(const Layer& layer, LayerTrace& trace);

}  // namespace ns::engine
