#pragma once
// A multilayer perceptron of any layer sizes (seed 001 §2.2, §3). Layer l maps a⁽ˡ⁻¹⁾ to
// a⁽ˡ⁾ = σ(a⁽ˡ⁻¹⁾ W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ); every intermediate lands in a Trace.
#include "base/activation.h"
#include "base/loss.h"
#include "base/tensor.h"
#include "mlp/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns {

struct DenseLayer {
    Matrix W;  // W⁽ˡ⁾, units × fan-in
    Vector b;  // b⁽ˡ⁾, units
    Activation activation = Activation::Identity;

    Eigen::Index fanIn() const { return W.cols(); }
    Eigen::Index units() const { return W.rows(); }
};

enum class Initialization { He, Xavier };

// How a batch is cut for threads. Chunk boundaries depend only on the batch size, never on the
// thread count, and partial gradients are summed in chunk order: the same seed gives bitwise
// identical results at any number of threads.
struct ParallelOptions {
    int threads = 1;
    Eigen::Index chunkRows = 256;
    // Below this many rows per thread the batch runs on one thread: synchronising the threads
    // costs more than the work (measured: 1000 rows are slower on two threads, and far slower
    // when another process holds a core). Results do not depend on it.
    Eigen::Index minRowsPerThread = 1024;
};

class Mlp {
public:
    Mlp() = default;
    // Zero weights and biases; throws std::invalid_argument on a bad architecture.
    Mlp(std::vector<int> sizes, std::vector<Activation> activations);

    // He: W ~ N(0,1)·√(2/fan_in) as in the textbook; Xavier: N(0,1)·√(2/(fan_in+fan_out)).
    // Biases start at zero.
    static Mlp initialized(std::vector<int> sizes, std::vector<Activation> activations,
                           Initialization init, std::uint64_t seed);

    // Empty string when the architecture is valid; otherwise what is wrong, naming the limit.
    static std::string checkArchitecture(const std::vector<int>& sizes,
                                         const std::vector<Activation>& activations);

    const std::vector<int>& sizes() const { return sizes_; }
    const std::vector<DenseLayer>& layers() const { return layers_; }
    DenseLayer& layer(std::size_t l) { return layers_.at(l); }
    const DenseLayer& layer(std::size_t l) const { return layers_.at(l); }
    std::size_t parameterCount() const;
    int inputs() const { return sizes_.front(); }
    int outputs() const { return sizes_.back(); }

    // Forward only: z and a of every layer. Reuses trace's storage when the shapes match.
    void forward(const ConstMatrixRef& X, Trace& trace, ParallelOptions parallel = {}) const;
    Trace forward(const ConstMatrixRef& X) const;

    // Forward, loss and backward in one pass: fills z, a, ℓ, L, δ, ∂W and ∂b.
    void forwardBackward(const ConstMatrixRef& X, const ConstMatrixRef& Y, Loss loss,
                         Trace& trace, ParallelOptions parallel = {}) const;
    Trace forwardBackward(const ConstMatrixRef& X, const ConstMatrixRef& Y, Loss loss) const;

    // Gradient descent: W ← W − η ∂L/∂W, b ← b − η ∂L/∂b (seed 001 §3.5 step 4).
    void applyGradients(const Trace& trace, double eta);

    bool allFinite() const;
    bool operator==(const Mlp& other) const;

private:
    void runBatch(const ConstMatrixRef& X, const ConstMatrixRef* Y, Loss loss, Trace& trace,
                  ParallelOptions parallel) const;

    std::vector<int> sizes_;
    std::vector<DenseLayer> layers_;
};

}  // namespace ns
