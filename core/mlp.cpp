#include "mlp.h"

#include "size_limits.h"
#include "random.h"

#include <cmath>
#include <stdexcept>
#include <type_traits>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace ns {

namespace {

template <typename M>
void resizeIfNeeded(M& m, Eigen::Index rows, Eigen::Index cols) {
    if (m.rows() != rows || m.cols() != cols) m.resize(rows, cols);
}

void resizeTrace(const std::vector<DenseLayer>& layers, Eigen::Index batch, Trace& trace) {
    trace.layers.resize(layers.size());
    for (std::size_t l = 0; l < layers.size(); ++l) {
        LayerTrace& t = trace.layers[l];
        resizeIfNeeded(t.z, batch, layers[l].units());
        resizeIfNeeded(t.a, batch, layers[l].units());
    }
}

// The hot loops below are written for thin layers (a few units, a batch of hundreds of rows):
// one sample per row, column-major, so a column of a layer is contiguous and a SIMD register
// holds consecutive samples. For such shapes GEMM's packing costs more than the arithmetic.
//
// They work on one register of doubles at a time (8 with AVX-512, 4 with AVX2, 2 with SSE2).
// Eigen names the register type and provides exp and log for it; the arithmetic uses the
// compiler's vector operators (GCC, Clang), which also give a branch-free element-wise select,
// where Eigen 3.4's Array::select is evaluated one coefficient at a time. Every kernel is a
// template on V, the register type or plain double, so one body also handles the rows left
// over after the last full register. No sum is ever reassociated between runs: results are
// reproducible at any thread count.
using Packet = Eigen::internal::packet_traits<double>::type;
constexpr Eigen::Index kLanes = sizeof(Packet) / sizeof(double);
template <typename V> constexpr Eigen::Index kWidth = sizeof(V) / sizeof(double);

template <typename V> V load(const double* p) { return Eigen::internal::ploadu<V>(p); }
template <typename V> void store(double* p, const V& v) { Eigen::internal::pstoreu(p, v); }
template <typename V> V splat(double v) { return Eigen::internal::pset1<V>(v); }

// Calls step(i, V{}) for every register of rows starting at i, then for each leftover row with
// V = double; step reads its register type from the second argument.
template <typename Step>
void forEachRow(Eigen::Index rows, Step&& step) {
    Eigen::Index i = 0;
    for (; i + kLanes <= rows; i += kLanes) step(i, Packet{});
    for (; i < rows; ++i) step(i, 0.0);
}

// sum[c] = Σ_k weight(k) · column(k)[i + c·width], k in order from 0: the shared shape of
// z = prev Wᵀ + b and of upstream = δ W. Several registers share each broadcast weight.
template <typename V, int kCount, typename Weight, typename Column>
void weightedSums(Eigen::Index terms, const Weight& weight, const Column& column, Eigen::Index i,
                  V (&sum)[kCount]) {
    for (V& s : sum) s = V{};
    for (Eigen::Index k = 0; k < terms; ++k) {
        const V w = splat<V>(weight(k));
        const double* in = column(k) + i;
        for (int c = 0; c < kCount; ++c) sum[c] += w * load<V>(in + c * kWidth<V>);
    }
}

// finish(i, sum) for every row i, with sum as above: four registers at a time, then one, then
// single rows.
template <typename Weight, typename Column, typename Finish>
void forEachWeightedSum(Eigen::Index rows, Eigen::Index terms, const Weight& weight,
                        const Column& column, Finish&& finish) {
    constexpr int kBlock = 4;
    Eigen::Index i = 0;
    for (; i + kBlock * kLanes <= rows; i += kBlock * kLanes) {
        Packet sum[kBlock];
        weightedSums(terms, weight, column, i, sum);
        for (int c = 0; c < kBlock; ++c) finish(i + c * kLanes, sum[c]);
    }
    forEachRow(rows - i, [&](Eigen::Index r, auto type) {
        decltype(type) sum[1];
        weightedSums(terms, weight, column, i + r, sum);
        finish(i + r, sum[0]);
    });
}

template <typename V> V relu(const V& z) { return z > V{} ? z : V{}; }
// 1 / (1 + e^−z): Eigen's vector exp saturates instead of overflowing, std::exp overflows to
// inf and 1/inf is exactly 0, so this is never NaN for a finite z.
template <typename V> V logistic(const V& z) {
    return splat<V>(1.0) / (splat<V>(1.0) + Eigen::internal::pexp(V{} - z));
}

// The activations whose σ is applied while z is still in a register.
enum class Fused { None, Identity, Relu, Sigmoid };

// z = prev Wᵀ + 1 bᵀ (eqs. 42–44 before σ), the bias added last as in the textbook's
// X·Wᵀ + b, and a = σ(z) in the same pass unless kF is None, so the data is touched once. The
// activation is a template argument so the per-register epilogue has no branch.
template <Fused kF>
void denseForwardAs(const ConstMatrixRef& prev, const DenseLayer& layer, MatrixRef z,
                    MatrixRef a) {
    for (Eigen::Index j = 0; j < layer.units(); ++j) {
        const double bias = layer.b(j);
        double* zj = z.col(j).data();
        double* aj = a.col(j).data();
        forEachWeightedSum(
            prev.rows(), layer.fanIn(), [&](Eigen::Index k) { return layer.W(j, k); },
            [&](Eigen::Index k) { return prev.col(k).data(); },
            [&](Eigen::Index i, auto sum) {
                using V = decltype(sum);
                const V value = sum + splat<V>(bias);
                store(zj + i, value);
                if constexpr (kF == Fused::Identity) store(aj + i, value);
                if constexpr (kF == Fused::Relu) store(aj + i, relu(value));
                if constexpr (kF == Fused::Sigmoid) store(aj + i, logistic(value));
            });
    }
}

// Fills z, and a for identity, ReLU and sigmoid. Returns whether a was written; for the other
// activations the caller applies σ.
bool denseForward(const ConstMatrixRef& prev, const DenseLayer& layer, MatrixRef z, MatrixRef a) {
    switch (layer.activation) {
        case Activation::Identity: denseForwardAs<Fused::Identity>(prev, layer, z, a); return true;
        case Activation::Relu: denseForwardAs<Fused::Relu>(prev, layer, z, a); return true;
        case Activation::Sigmoid: denseForwardAs<Fused::Sigmoid>(prev, layer, z, a); return true;
        default: denseForwardAs<Fused::None>(prev, layer, z, a); return false;
    }
}

// δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾) ⊙ σ'(z⁽ˡ⁻¹⁾), the chain rule one layer back. For ReLU below, σ' is a
// select fused into the sum (exactly 0 where z ≤ 0, as eq. 12 has it at the kink); otherwise
// the caller multiplies by σ' afterwards. Returns whether σ' was applied.
bool denseBackwardInput(const ConstMatrixRef& delta, const Matrix& W, Activation below,
                        const ConstMatrixRef& belowZ, MatrixRef belowDelta) {
    const bool relu = below == Activation::Relu;
    for (Eigen::Index k = 0; k < W.cols(); ++k) {
        const double* zk = belowZ.col(k).data();
        double* out = belowDelta.col(k).data();
        forEachWeightedSum(
            delta.rows(), W.rows(), [&](Eigen::Index j) { return W(j, k); },
            [&](Eigen::Index j) { return delta.col(j).data(); },
            [&](Eigen::Index i, auto sum) {
                using V = decltype(sum);
                store(out + i, relu ? (load<V>(zk + i) > V{} ? sum : V{}) : sum);
            });
    }
    return relu;
}

// Σᵢ x[i] over n values: four register accumulators, then the leftover rows, combined in a
// fixed order.
double fixedOrderSum(const double* x, Eigen::Index n) {
    Packet acc[4] = {};
    Eigen::Index i = 0;
    for (; i + 4 * kLanes <= n; i += 4 * kLanes)
        for (int c = 0; c < 4; ++c) acc[c] += load<Packet>(x + i + c * kLanes);
    double sum = 0;
    for (; i < n; ++i) sum += x[i];
    for (const Packet& a : acc) sum += Eigen::internal::predux(a);
    return sum;
}

// One tile of the weight gradient over this chunk's rows: dW(j, k) = Σᵢ δᵢⱼ·prevᵢₖ for kJ
// units from j0 and kK inputs from k0, and with kBias also db(j) = Σᵢ δᵢⱼ (sums, not yet
// means). Each pair has its own register accumulator fed the rows in order (a kJ × kK tile
// shares every load, and its independent chains hide the add latency); the leftover rows go
// to scalar accumulators, and both are combined in a fixed order at the end.
template <bool kBias, int kJ, int kK, typename V>
void accumulateTile(const double* const (&delta)[kJ], const double* const (&prev)[kK],
                    Eigen::Index i, V (&sum)[kJ][kK], V (&biasSum)[kJ]) {
    V x[kK];
    for (int k = 0; k < kK; ++k) x[k] = load<V>(prev[k] + i);
    for (int j = 0; j < kJ; ++j) {
        const V d = load<V>(delta[j] + i);
        for (int k = 0; k < kK; ++k) sum[j][k] += d * x[k];
        if constexpr (kBias) biasSum[j] += d;
    }
}

template <int kJ, int kK, bool kBias>
void gradientTile(const ConstMatrixRef& delta, Eigen::Index j0, const ConstMatrixRef& prev,
                  Eigen::Index k0, Matrix& dW, RowVector& db) {
    const double* d[kJ];
    const double* x[kK];
    for (int j = 0; j < kJ; ++j) d[j] = delta.col(j0 + j).data();
    for (int k = 0; k < kK; ++k) x[k] = prev.col(k0 + k).data();
    Packet sum[kJ][kK] = {}, biasSum[kJ] = {};
    double tail[kJ][kK] = {}, biasTail[kJ] = {};
    Eigen::Index i = 0;
    for (; i + kLanes <= delta.rows(); i += kLanes) accumulateTile<kBias>(d, x, i, sum, biasSum);
    for (; i < delta.rows(); ++i) accumulateTile<kBias>(d, x, i, tail, biasTail);
    for (int j = 0; j < kJ; ++j) {
        for (int k = 0; k < kK; ++k)
            dW(j0 + j, k0 + k) = Eigen::internal::predux(sum[j][k]) + tail[j][k];
        if constexpr (kBias) db(j0 + j) = Eigen::internal::predux(biasSum[j]) + biasTail[j];
    }
}

// dW = δᵀ prev and db = Σ δ over this chunk's rows, in tiles of 4 × 4 (1-wide at the edges).
void denseBackwardWeights(const ConstMatrixRef& delta, const ConstMatrixRef& prev, Matrix& dW,
                          RowVector& db) {
    constexpr int kTile = 4;
    const Eigen::Index units = delta.cols(), fanIn = prev.cols();
    resizeIfNeeded(dW, units, fanIn);
    db.resize(units);
    auto row = [&]<int kJ>(Eigen::Index j0) {
        Eigen::Index k0 = 0;
        for (; k0 + kTile <= fanIn; k0 += kTile)
            k0 == 0 ? gradientTile<kJ, kTile, true>(delta, j0, prev, k0, dW, db)
                    : gradientTile<kJ, kTile, false>(delta, j0, prev, k0, dW, db);
        for (; k0 < fanIn; ++k0)
            k0 == 0 ? gradientTile<kJ, 1, true>(delta, j0, prev, k0, dW, db)
                    : gradientTile<kJ, 1, false>(delta, j0, prev, k0, dW, db);
    };
    Eigen::Index j0 = 0;
    for (; j0 + kTile <= units; j0 += kTile) row.template operator()<kTile>(j0);
    for (; j0 < units; ++j0) row.template operator()<1>(j0);
}

// Whether every target is exactly 0 or 1, which the one-logarithm form of eq. 25 needs.
bool allBinary(const double* y, Eigen::Index n) {
    Packet other = {};
    double otherTail = 0;
    auto count = [](auto t, auto& total) {
        using V = decltype(t);
        total += (t == V{}) | (t == splat<V>(1.0)) ? V{} : splat<V>(1.0);
    };
    Eigen::Index i = 0;
    for (; i + kLanes <= n; i += kLanes) count(load<Packet>(y + i), other);
    for (; i < n; ++i) count(y[i], otherTail);
    return Eigen::internal::predux(other) + otherTail == 0;
}

// The textbook's output pairing in one pass: sigmoid, binary cross-entropy, one output and 0/1
// targets. ℓᵢ = −log(clip(ŷᵢ)) or −log(clip(1 − ŷᵢ)) (eq. 25: one term is exactly zero),
// δᵢ = ŷᵢ − yᵢ (the closed form of Algorithm 3), and the running Σℓ and count of samples
// classified right (threshold 0.5, seed 001 §3.6), as perSampleLoss, outputDelta and
// countCorrect compute them.
template <typename V>
void sigmoidBinaryCrossEntropyStep(const double* a, const double* y, double* loss, double* delta,
                                   Eigen::Index i, V& lossSum, V& correct) {
    const V one = splat<V>(1.0), half = splat<V>(0.5);
    const V low = splat<V>(kProbabilityClip), high = splat<V>(1.0 - kProbabilityClip);
    const V p = load<V>(a + i), t = load<V>(y + i);
    const V clipped = p < low ? low : (p > high ? high : p);  // NaN stays NaN
    const V l = V{} - Eigen::internal::plog(t * clipped + (one - t) * (one - clipped));
    store(loss + i, l);
    store(delta + i, p - t);
    lossSum += l;
    correct += (p > half) == (t > half) ? one : V{};
}

struct OutputSums {
    double loss = 0;
    long correct = 0;
};

OutputSums sigmoidBinaryCrossEntropy(const double* a, const double* y, double* loss,
                                     double* delta, Eigen::Index rows) {
    Packet lossSum = {}, correct = {};
    double lossTail = 0, correctTail = 0;
    Eigen::Index i = 0;
    for (; i + kLanes <= rows; i += kLanes)
        sigmoidBinaryCrossEntropyStep(a, y, loss, delta, i, lossSum, correct);
    for (; i < rows; ++i)
        sigmoidBinaryCrossEntropyStep(a, y, loss, delta, i, lossTail, correctTail);
    return {Eigen::internal::predux(lossSum) + lossTail,
            static_cast<long>(Eigen::internal::predux(correct) + correctTail)};
}

}  // namespace

Mlp::Mlp(std::vector<int> sizes, std::vector<Activation> activations)
    : sizes_(std::move(sizes)) {
    if (const std::string problem = checkArchitecture(sizes_, activations); !problem.empty())
        throw std::invalid_argument(problem);
    for (std::size_t l = 0; l + 1 < sizes_.size(); ++l)
        layers_.push_back({Matrix::Zero(sizes_[l + 1], sizes_[l]), Vector::Zero(sizes_[l + 1]),
                           activations[l]});
}

std::string Mlp::checkArchitecture(const std::vector<int>& sizes,
                                   const std::vector<Activation>& activations) {
    if (sizes.size() < 2) return "sizes: expected at least 2 layer sizes (inputs and outputs)";
    if (sizes.size() - 1 > limits::kMaxWeightLayers)
        return "sizes: at most " + std::to_string(limits::kMaxWeightLayers) +
               " weight layers are supported, found " + std::to_string(sizes.size() - 1);
    std::size_t parameters = 0;
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        if (sizes[l] < 1 || static_cast<std::size_t>(sizes[l]) > limits::kMaxUnitsPerLayer)
            return "sizes[" + std::to_string(l) + "]: expected 1 to " +
                   std::to_string(limits::kMaxUnitsPerLayer) + " units, found " +
                   std::to_string(sizes[l]);
        if (l > 0) parameters += static_cast<std::size_t>(sizes[l]) * (sizes[l - 1] + 1);
    }
    if (parameters > limits::kMaxParameters)
        return "sizes: at most " + std::to_string(limits::kMaxParameters) +
               " parameters are supported, found " + std::to_string(parameters);
    if (activations.size() != sizes.size() - 1)
        return "activations: expected " + std::to_string(sizes.size() - 1) +
               " entries (one per weight layer), found " + std::to_string(activations.size());
    for (std::size_t l = 0; l + 1 < activations.size(); ++l)
        if (activations[l] == Activation::Softmax)
            return "activations[" + std::to_string(l) +
                   "]: softmax is only allowed on the output layer";
    return {};
}

Mlp Mlp::initialized(std::vector<int> sizes, std::vector<Activation> activations,
                     Initialization init, std::uint64_t seed) {
    Mlp net(std::move(sizes), std::move(activations));
    Random random(seed);
    for (DenseLayer& layer : net.layers_) {
        const double fanIn = static_cast<double>(layer.fanIn());
        const double fanOut = static_cast<double>(layer.units());
        const double scale = init == Initialization::He ? std::sqrt(2.0 / fanIn)
                                                        : std::sqrt(2.0 / (fanIn + fanOut));
        // Row by row, like NumPy's randn(units, fan_in) fills a C-ordered array.
        for (Eigen::Index r = 0; r < layer.W.rows(); ++r)
            for (Eigen::Index c = 0; c < layer.W.cols(); ++c) layer.W(r, c) = random.normal() * scale;
    }
    return net;
}

std::size_t Mlp::parameterCount() const {
    std::size_t count = 0;
    for (const DenseLayer& layer : layers_) count += layer.W.size() + layer.b.size();
    return count;
}

void Mlp::forward(const ConstMatrixRef& X, Trace& trace, ParallelOptions parallel) const {
    runBatch(X, nullptr, Loss::Mse, trace, parallel);
}

Trace Mlp::forward(const ConstMatrixRef& X) const {
    Trace trace;
    forward(X, trace);
    return trace;
}

void Mlp::forwardBackward(const ConstMatrixRef& X, const ConstMatrixRef& Y, Loss loss,
                          Trace& trace, ParallelOptions parallel) const {
    runBatch(X, &Y, loss, trace, parallel);
}

Trace Mlp::forwardBackward(const ConstMatrixRef& X, const ConstMatrixRef& Y, Loss loss) const {
    Trace trace;
    forwardBackward(X, Y, loss, trace);
    return trace;
}

void Mlp::runBatch(const ConstMatrixRef& X, const ConstMatrixRef* Y, Loss loss, Trace& trace,
                   ParallelOptions parallel) const {
    if (X.cols() != inputs())
        throw std::invalid_argument("inputs: expected " + std::to_string(inputs()) +
                                    " columns, found " + std::to_string(X.cols()));
    if (Y && (Y->rows() != X.rows() || Y->cols() != outputs()))
        throw std::invalid_argument("targets: expected " + std::to_string(X.rows()) + " × " +
                                    std::to_string(outputs()) + ", found " +
                                    std::to_string(Y->rows()) + " × " + std::to_string(Y->cols()));
    const Eigen::Index m = X.rows();
    const std::size_t L = layers_.size();
    // The trainer passes the trace's own input and target back in: no copy then.
    if (X.data() != trace.input.data()) trace.input = X;
    resizeTrace(layers_, m, trace);
    trace.hasGradients = Y != nullptr;
    if (Y) {
        if (Y->data() != trace.target.data()) trace.target = *Y;
        resizeIfNeeded(trace.perSampleLoss, m, 1);
        for (std::size_t l = 0; l < L; ++l) resizeIfNeeded(trace.layers[l].delta, m, layers_[l].units());
    } else {
        trace.target.resize(0, 0);
        for (LayerTrace& t : trace.layers) {
            t.delta.resize(0, 0);
            t.dW.resize(0, 0);
            t.db.resize(0);
        }
    }

    const Eigen::Index chunkRows = std::max<Eigen::Index>(1, parallel.chunkRows);
    const Eigen::Index chunks = m == 0 ? 0 : (m + chunkRows - 1) / chunkRows;
    if (Y) {
        trace.scratch.resize(static_cast<std::size_t>(chunks));
        for (ChunkGradients& g : trace.scratch) {
            g.dW.resize(L);
            g.db.resize(L);
        }
    }
    const Matrix& input = trace.input;
    const Matrix* target = Y ? &trace.target : nullptr;
    const bool sigmoidBce = loss == Loss::Bce && layers_.back().activation == Activation::Sigmoid &&
                            outputs() == 1;

    // One parallel region per batch: each chunk runs its rows through the whole network and
    // back, writing only its own rows of the trace and its own partial sums.
#pragma omp parallel for schedule(static) num_threads(std::max(1, parallel.threads)) if (chunks > 1 && parallel.threads > 1)
    for (Eigen::Index chunk = 0; chunk < chunks; ++chunk) {
        const Eigen::Index r0 = chunk * chunkRows;
        const Eigen::Index rows = std::min(chunkRows, m - r0);
        auto rowsOf = [&](const Matrix& full) { return ConstMatrixRef(full.middleRows(r0, rows)); };
        for (std::size_t l = 0; l < L; ++l) {
            const DenseLayer& layer = layers_[l];
            LayerTrace& t = trace.layers[l];
            if (!denseForward(l == 0 ? rowsOf(input) : rowsOf(trace.layers[l - 1].a), layer,
                              t.z.middleRows(r0, rows), t.a.middleRows(r0, rows)))
                activate(layer.activation, rowsOf(t.z), t.a.middleRows(r0, rows));
        }
        if (!target) continue;

        ChunkGradients& g = trace.scratch[static_cast<std::size_t>(chunk)];
        LayerTrace& out = trace.layers[L - 1];
        auto lossRows = trace.perSampleLoss.segment(r0, rows);
        const double* y = target->col(0).data() + r0;
        if (sigmoidBce && allBinary(y, rows)) {
            const OutputSums sums = sigmoidBinaryCrossEntropy(
                out.a.col(0).data() + r0, y, lossRows.data(), out.delta.col(0).data() + r0, rows);
            g.lossSum = sums.loss;
            g.correct = sums.correct;
        } else {
            perSampleLoss(loss, rowsOf(out.a), rowsOf(*target), lossRows);
            g.lossSum = fixedOrderSum(lossRows.data(), rows);
            g.correct = countCorrect(rowsOf(out.a), rowsOf(*target));
            outputDelta(loss, layers_[L - 1].activation, rowsOf(out.z), rowsOf(out.a),
                        rowsOf(*target), out.delta.middleRows(r0, rows));
        }
        for (std::size_t l = L; l-- > 0;) {
            const ConstMatrixRef delta = rowsOf(trace.layers[l].delta);
            denseBackwardWeights(delta, l == 0 ? rowsOf(input) : rowsOf(trace.layers[l - 1].a),
                                 g.dW[l], g.db[l]);
            if (l == 0) break;
            LayerTrace& below = trace.layers[l - 1];
            const Activation f = layers_[l - 1].activation;
            if (!denseBackwardInput(delta, layers_[l].W, f, rowsOf(below.z),
                                    below.delta.middleRows(r0, rows)))
                multiplyByDerivative(f, rowsOf(below.z), rowsOf(below.a), rowsOf(below.delta),
                                     below.delta.middleRows(r0, rows));
        }
    }
    if (!Y) return;

    // Deterministic reduction: chunk order, whatever thread computed each chunk. Plain loops:
    // these matrices hold a few dozen numbers, where Eigen's per-expression setup dominates.
    const double inverseBatch = m == 0 ? 0.0 : 1.0 / static_cast<double>(m);
    for (std::size_t l = 0; l < L; ++l) {
        LayerTrace& t = trace.layers[l];
        resizeIfNeeded(t.dW, layers_[l].units(), layers_[l].fanIn());
        resizeIfNeeded(t.db, layers_[l].units(), 1);
        auto reduce = [&](double* result, Eigen::Index n, auto part) {
            for (Eigen::Index e = 0; e < n; ++e) {
                double sum = 0;
                for (const ChunkGradients& g : trace.scratch) sum += part(g)[e];
                result[e] = sum * inverseBatch;
            }
        };
        reduce(t.dW.data(), t.dW.size(), [&](const ChunkGradients& g) { return g.dW[l].data(); });
        reduce(t.db.data(), t.db.size(), [&](const ChunkGradients& g) { return g.db[l].data(); });
    }
    double lossSum = 0;
    long correct = 0;
    for (const ChunkGradients& g : trace.scratch) {
        lossSum += g.lossSum;
        correct += g.correct;
    }
    trace.loss = lossSum * inverseBatch;
    trace.accuracy = static_cast<double>(correct) * inverseBatch;
}

void Mlp::applyGradients(const Trace& trace, double eta) {
    if (!trace.hasGradients || trace.layers.size() != layers_.size())
        throw std::logic_error("applyGradients: the trace holds no gradients for this network");
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        layers_[l].W.noalias() -= eta * trace.layers[l].dW;
        layers_[l].b.noalias() -= eta * trace.layers[l].db;
    }
}

bool Mlp::allFinite() const {
    for (const DenseLayer& layer : layers_)
        if (!layer.W.allFinite() || !layer.b.allFinite()) return false;
    return true;
}

bool Mlp::operator==(const Mlp& other) const {
    if (sizes_ != other.sizes_) return false;
    for (std::size_t l = 0; l < layers_.size(); ++l)
        if (layers_[l].activation != other.layers_[l].activation ||
            layers_[l].W != other.layers_[l].W || layers_[l].b != other.layers_[l].b)
            return false;
    return true;
}

}  // namespace ns
