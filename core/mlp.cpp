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

// The three products of a dense layer, written for thin layers. Rows are processed in blocks
// of kBlock samples held in kChains independent vector accumulators (Eigen fixed-size arrays):
// independent chains hide the multiply-add latency, and for layers of a few units this beats
// GEMM, whose packing costs more than the arithmetic. No sum is ever reassociated between
// runs, so results are reproducible at any thread count. Biases are added last, as in the
// textbook's X·Wᵀ + b.
constexpr Eigen::Index kLanes = 8;
constexpr Eigen::Index kChains = 4;
constexpr Eigen::Index kBlock = kLanes * kChains;
using Lanes = Eigen::Array<double, kLanes, 1>;
using LanesIn = Eigen::Map<const Lanes, Eigen::Unaligned>;
using LanesOut = Eigen::Map<Lanes, Eigen::Unaligned>;

// What happens to Σ_k w_k·column_k before it is stored: the bias, and for a ReLU layer the
// activation too, fused so the data is touched once.
struct Epilogue {
    double bias = 0;
    double* reluOut = nullptr;  // if set, also write max(out, 0) here (a = ReLU(z))
};

// out[i] = Σ_k coefficient(k) · column(k)[i] (+ epilogue) for every row i: the shared shape of
// z = prev Wᵀ + b and of upstream = δ W.
template <bool kRelu, typename Coefficient, typename Column>
void weightedColumnSum(Eigen::Index rows, Eigen::Index terms, Coefficient coefficient,
                       Column column, double* out, const Epilogue& epilogue) {
    auto finish = [&](Eigen::Index i, const Lanes& sum) {
        const Lanes value = sum + epilogue.bias;
        LanesOut(out + i) = value;
        if constexpr (kRelu) LanesOut(epilogue.reluOut + i) = value.max(0.0);
    };
    Eigen::Index i = 0;
    for (; i + kBlock <= rows; i += kBlock) {
        Lanes acc[kChains];
        for (Eigen::Index c = 0; c < kChains; ++c) acc[c].setZero();
        for (Eigen::Index k = 0; k < terms; ++k) {
            const double w = coefficient(k);
            const double* in = column(k) + i;
            for (Eigen::Index c = 0; c < kChains; ++c) acc[c] += w * LanesIn(in + c * kLanes);
        }
        for (Eigen::Index c = 0; c < kChains; ++c) finish(i + c * kLanes, acc[c]);
    }
    for (; i + kLanes <= rows; i += kLanes) {
        Lanes acc = Lanes::Zero();
        for (Eigen::Index k = 0; k < terms; ++k) acc += coefficient(k) * LanesIn(column(k) + i);
        finish(i, acc);
    }
    for (; i < rows; ++i) {
        double acc = 0;
        for (Eigen::Index k = 0; k < terms; ++k) acc += coefficient(k) * column(k)[i];
        const double value = acc + epilogue.bias;
        out[i] = value;
        if constexpr (kRelu) epilogue.reluOut[i] = value > 0 ? value : 0.0;
    }
}

// z = prev Wᵀ + 1 bᵀ (eqs. 42–44 before σ); with relu set, a = ReLU(z) in the same pass.
void denseForward(const ConstMatrixRef& prev, const Matrix& W, const Vector& b, MatrixRef z,
                  MatrixRef* relu) {
    for (Eigen::Index j = 0; j < W.rows(); ++j) {
        auto weight = [&](Eigen::Index k) { return W(j, k); };
        auto input = [&](Eigen::Index k) { return prev.col(k).data(); };
        if (relu)
            weightedColumnSum<true>(prev.rows(), W.cols(), weight, input, z.col(j).data(),
                                    Epilogue{b(j), relu->col(j).data()});
        else
            weightedColumnSum<false>(prev.rows(), W.cols(), weight, input, z.col(j).data(),
                                     Epilogue{b(j), nullptr});
    }
}

// upstream = δ W: the first half of δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾) ⊙ σ'(z⁽ˡ⁻¹⁾)
void denseBackwardInput(const ConstMatrixRef& delta, const Matrix& W, MatrixRef upstream) {
    for (Eigen::Index k = 0; k < W.cols(); ++k)
        weightedColumnSum<false>(
            delta.rows(), W.rows(), [&](Eigen::Index j) { return W(j, k); },
            [&](Eigen::Index j) { return delta.col(j).data(); }, upstream.col(k).data(),
            Epilogue{});
}

// Σᵢ x[i]·y[i] for up to kChains columns y at once, sharing each load of x; every column has
// its own lane accumulator, summed in a fixed order at the end.
void fixedOrderDots(const double* x, const double* const* y, Eigen::Index columns, Eigen::Index n,
                    double* result) {
    Lanes acc[kChains];
    for (Eigen::Index c = 0; c < columns; ++c) acc[c].setZero();
    Eigen::Index i = 0;
    for (; i + kLanes <= n; i += kLanes) {
        const Lanes xi = LanesIn(x + i);
        for (Eigen::Index c = 0; c < columns; ++c) acc[c] += xi * LanesIn(y[c] + i);
    }
    for (Eigen::Index c = 0; c < columns; ++c) {
        double sum = 0;
        for (Eigen::Index r = i; r < n; ++r) sum += x[r] * y[c][r];
        result[c] = sum + acc[c].sum();
    }
}

double fixedOrderSum(const double* x, Eigen::Index n) {
    Lanes acc[kChains];
    for (Eigen::Index c = 0; c < kChains; ++c) acc[c].setZero();
    Eigen::Index i = 0;
    for (; i + kBlock <= n; i += kBlock)
        for (Eigen::Index c = 0; c < kChains; ++c) acc[c] += LanesIn(x + i + c * kLanes);
    double sum = 0;
    for (; i < n; ++i) sum += x[i];
    for (Eigen::Index c = 0; c < kChains; ++c) sum += acc[c].sum();
    return sum;
}

// dW = δᵀ prev and db = Σ δ over this chunk's rows (sums, not yet means).
void denseBackwardWeights(const ConstMatrixRef& delta, const ConstMatrixRef& prev, Matrix& dW,
                          RowVector& db) {
    const Eigen::Index rows = delta.rows(), fanIn = prev.cols();
    dW.resize(delta.cols(), fanIn);
    db.resize(delta.cols());
    for (Eigen::Index j = 0; j < delta.cols(); ++j) {
        const double* d = delta.col(j).data();
        db(j) = fixedOrderSum(d, rows);
        for (Eigen::Index k0 = 0; k0 < fanIn; k0 += kChains) {
            const Eigen::Index columns = std::min(kChains, fanIn - k0);
            const double* in[kChains];
            double dots[kChains];
            for (Eigen::Index c = 0; c < columns; ++c) in[c] = prev.col(k0 + c).data();
            fixedOrderDots(d, in, columns, rows, dots);
            for (Eigen::Index c = 0; c < columns; ++c) dW(j, k0 + c) = dots[c];
        }
    }
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
            MatrixRef a = t.a.middleRows(r0, rows);
            const bool relu = layer.activation == Activation::Relu;
            denseForward(l == 0 ? rowsOf(input) : rowsOf(trace.layers[l - 1].a), layer.W, layer.b,
                         t.z.middleRows(r0, rows), relu ? &a : nullptr);
            if (!relu) activate(layer.activation, rowsOf(t.z), a);
        }
        if (!target) continue;

        ChunkGradients& g = trace.scratch[static_cast<std::size_t>(chunk)];
        LayerTrace& out = trace.layers[L - 1];
        auto lossRows = trace.perSampleLoss.segment(r0, rows);
        perSampleLoss(loss, rowsOf(out.a), rowsOf(*target), lossRows);
        g.lossSum = fixedOrderSum(lossRows.data(), rows);
        g.correct = countCorrect(rowsOf(out.a), rowsOf(*target));
        outputDelta(loss, layers_[L - 1].activation, rowsOf(out.z), rowsOf(out.a), rowsOf(*target),
                    out.delta.middleRows(r0, rows));
        for (std::size_t l = L; l-- > 0;) {
            const ConstMatrixRef delta = rowsOf(trace.layers[l].delta);
            denseBackwardWeights(delta, l == 0 ? rowsOf(input) : rowsOf(trace.layers[l - 1].a),
                                 g.dW[l], g.db[l]);
            if (l == 0) break;
            // δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾) ⊙ σ'(z⁽ˡ⁻¹⁾): the chain rule one layer back, in place.
            LayerTrace& below = trace.layers[l - 1];
            auto belowDelta = below.delta.middleRows(r0, rows);
            denseBackwardInput(delta, layers_[l].W, belowDelta);
            multiplyByDerivative(layers_[l - 1].activation, rowsOf(below.z), rowsOf(below.a),
                                 belowDelta, belowDelta);
        }
    }
    if (!Y) return;

    // Deterministic reduction: chunk order, whatever thread computed each chunk.
    const double inverseBatch = m == 0 ? 0.0 : 1.0 / static_cast<double>(m);
    double lossSum = 0;
    for (std::size_t l = 0; l < L; ++l) {
        LayerTrace& t = trace.layers[l];
        t.dW.setZero(layers_[l].units(), layers_[l].fanIn());
        t.db.setZero(layers_[l].units());
        for (std::size_t c = 0; c < static_cast<std::size_t>(chunks); ++c) {
            t.dW += trace.scratch[c].dW[l];
            t.db += trace.scratch[c].db[l].transpose();
        }
        t.dW *= inverseBatch;
        t.db *= inverseBatch;
    }
    long correct = 0;
    for (std::size_t c = 0; c < static_cast<std::size_t>(chunks); ++c) {
        lossSum += trace.scratch[c].lossSum;
        correct += trace.scratch[c].correct;
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
