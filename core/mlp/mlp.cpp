#include "mlp/mlp.h"

#include "base/size_limits.h"
#include "base/random.h"

#include <bit>
#include <cmath>
#include <cstdint>
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
// Eigen names the register type and its fused multiply-add; the rest of the arithmetic uses the
// compiler's vector operators (GCC, Clang), which also give a branch-free element-wise select,
// where Eigen 3.4's Array::select is evaluated one coefficient at a time. Most kernels are
// templates on V, the register type or plain double, so one body also handles the rows left
// over after the last full register. No sum is ever reassociated between runs: results are
// reproducible at any thread count.
using Packet = Eigen::internal::packet_traits<double>::type;
constexpr Eigen::Index kLanes = sizeof(Packet) / sizeof(double);

template <typename V> V load(const double* p) { return Eigen::internal::ploadu<V>(p); }
template <typename V> void store(double* p, const V& v) { Eigen::internal::pstoreu(p, v); }
template <typename V> V splat(double v) { return Eigen::internal::pset1<V>(v); }
// The first n < kLanes values at p, the rest of the register zero.
inline Packet loadPadded(const double* p, Eigen::Index n) {
    double padded[kLanes] = {};
    for (Eigen::Index r = 0; r < n; ++r) padded[r] = p[r];
    return load<Packet>(padded);
}

// Calls f(std::integral_constant<int, n>{}) for n = 1 … 4: a runtime size picks a template.
template <typename F>
void withSize(Eigen::Index n, F&& f) {
    switch (n) {
        case 1: f(std::integral_constant<int, 1>{}); return;
        case 2: f(std::integral_constant<int, 2>{}); return;
        case 3: f(std::integral_constant<int, 3>{}); return;
        default: f(std::integral_constant<int, 4>{}); return;
    }
}

template <typename V> V relu(const V& z) { return z > V{} ? z : V{}; }

// The integer lanes of a register (or of one double), for taking doubles apart and building them.
typedef std::int64_t PacketBits __attribute__((vector_size(sizeof(Packet))));
template <typename V>
using BitsOf = std::conditional_t<std::is_same_v<V, double>, std::int64_t, PacketBits>;
template <typename To, typename From> To convert(const From& v) {
    if constexpr (std::is_arithmetic_v<From>) return static_cast<To>(v);
    else return __builtin_convertvector(v, To);
}

// σ(z) = 1 / (1 + e^−z), evaluated in that order as the textbook's code does: where σ saturates,
// 1 − σ keeps only the rounding of 1 + e^−z, and the loss of a confidently wrong sample depends
// on it. e^x (x = −z) is 2^n·e^r with n = round(x / ln 2), |r| ≤ ln2 / 2, and
// e^r = (q + p) / (q − p) by the Cephes rational approximation: the operations of Eigen's exp
// (within 1 ulp), hence its bits, but building 2^n from its bits instead of Eigen's general
// ldexp makes it twice as fast.
// Clamping x to ±708 keeps 2^n a normal double: σ is then 1 or below 1e-307 at the extremes,
// never NaN or inf for a z that is not NaN.
template <typename V> V logistic(const V& z) {
    using Eigen::internal::pmadd;
    const V low = splat<V>(-708.0), high = splat<V>(708.0), one = splat<V>(1.0);
    V x = V{} - z;
    x = x < low ? low : (x > high ? high : x);  // NaN stays NaN
    const V n = Eigen::internal::pfloor(pmadd(x, splat<V>(1.4426950408889634074), splat<V>(0.5)));
    V r = pmadd(n, splat<V>(-0.693145751953125), x);  // x − n·ln2 in two steps (Cody–Waite)
    r = pmadd(n, splat<V>(-1.42860682030941723212e-6), r);
    const V r2 = r * r;
    V p = pmadd(splat<V>(1.26177193074810590878e-4), r2, splat<V>(3.02994407707441961300e-2));
    p = pmadd(p, r2, splat<V>(9.99999999999999999910e-1)) * r;
    V q = pmadd(splat<V>(3.00198505138664455042e-6), r2, splat<V>(2.52448340349684104192e-3));
    q = pmadd(q, r2, splat<V>(2.27265548208155028766e-1));
    q = pmadd(q, r2, splat<V>(2.00000000000000000009e0));
    const V twoToN = std::bit_cast<V>((convert<BitsOf<V>>(n) + 1023) << 52);
    const V exp = twoToN * pmadd(splat<V>(2.0), p / (q - p), one);  // 2^n·e^r
    return one / (one + exp);
}

// log x within 1 ulp for the positive normal x the loss takes (probabilities clipped to
// [1e-15, 1 − 1e-15]); NaN stays NaN. The Cephes approximation Eigen's log uses, without the
// general frexp and the cases for 0, negatives, inf and subnormals, which cost it three times
// as much: x = m·2^e with m in [√½, √2), log(1 + f) = f − f²/2 + f³·P(f)/Q(f) for f = m − 1.
template <typename V> V logPositive(const V& x) {
    using Eigen::internal::pmadd;
    const BitsOf<V> bits = std::bit_cast<BitsOf<V>>(x);
    V e = convert<V>((bits >> 52) - 1022);
    const V m = std::bit_cast<V>((bits & 0x000FFFFFFFFFFFFF) | 0x3FE0000000000000);  // [½, 1)
    const auto low = m < splat<V>(0.70710678118654752440);
    e = low ? e - splat<V>(1.0) : e;
    const V f = (low ? m + m : m) - splat<V>(1.0);  // exact
    const V f2 = f * f, f3 = f2 * f;
    V y = pmadd(splat<V>(1.01875663804580931796e-4), f, splat<V>(4.97494994976747001425e-1));
    V y1 = pmadd(splat<V>(1.44989225341610930846e1), f, splat<V>(1.79368678507819816313e1));
    y = pmadd(y, f, splat<V>(4.70579119878881725854e0));
    y1 = pmadd(y1, f, splat<V>(7.70838733755885391666e0));
    const V P = pmadd(y, f3, y1);
    y = f + splat<V>(1.12873587189167450590e1);
    y1 = pmadd(splat<V>(8.29875266912776603211e1), f, splat<V>(7.11544750618563894466e1));
    y = pmadd(y, f, splat<V>(4.52279145837532221105e1));
    y1 = pmadd(y1, f, splat<V>(2.31251620126765340583e1));
    const V Q = pmadd(y, f3, y1);
    const V logM = f + pmadd(splat<V>(-0.5), f2, f3 * P / Q);
    const V result = pmadd(e, splat<V>(0.693147180559945309417), logM);
    return x == x ? result : x;
}

// What happens to each finished sum of a tile: in the forward pass z = sum + b is stored and,
// for the activations fused here, a = σ(z) while z is still in a register; in the backward pass
// the sum is δ⁽ˡ⁻¹⁾, masked by the ReLU derivative or stored as it is. Partial: a sum whose
// remaining terms come in the next tile.
enum class Epilogue {
    Partial, Forward, ForwardIdentity, ForwardRelu, ForwardSigmoid, Backward, BackwardRelu
};

// Equally spaced columns, column c at data + c·stride: a column-major matrix or rows of one.
template <typename T>
struct Columns {
    T* data = nullptr;
    Eigen::Index stride = 0;
    template <typename M>
    static Columns of(M&& m) { return {m.data(), m.outerStride()}; }
    T* operator()(Eigen::Index c) const { return data + c * stride; }
    Columns from(Eigen::Index c) const { return {data + c * stride, stride}; }
};

// What one layer's sums out_u = Σ_k c(u, k) · in_k read and write.
struct DenseSums {
    Columns<const double> in;    // the terms: a⁽ˡ⁻¹⁾ forward, δ⁽ˡ⁾ backward
    const double* c;             // c(u, k) = c[u·outputStride + k·termStride], from W
    Eigen::Index outputStride, termStride;
    Columns<double> out;         // z forward, δ⁽ˡ⁻¹⁾ backward; partial sums wait here
    Columns<double> a;           // forward: a = σ(z)
    Columns<const double> z;     // backward: z⁽ˡ⁻¹⁾ for the ReLU derivative
    const double* bias;          // forward: b
};

constexpr int kTile = 4;

// Every store of the layer kernels lands in a line the previous batch left in L2 (the trace of
// a few hundred rows outgrows L1), and the store waits for the line to come back. Asking for it
// two lines ahead hides that: about 8% of an epoch of seed-4841; further ahead helps less.
inline void prefetchForWrite(const double* rowOfColumn) {
    __builtin_prefetch(rowOfColumn + 2 * 64 / sizeof(double), 1);
}

// One register of rows (V = Packet) or one row (V = double) of a tile of n ≤ 4 outputs × kK
// terms. Every column register is loaded once for all outputs. pmadd is an explicit fused
// multiply-add, so the rounding does not depend on how the compiler contracts a·b + c.
template <Epilogue kE, bool kContinue, int kU, int kK, typename V>
void tileStep(Eigen::Index i, int n, const double* const (&in)[kK], const V (&c)[kU][kK],
              double* const (&out)[kU], double* const (&a)[kU], const double* const (&z)[kU],
              const V (&bias)[kU]) {
    V x[kK];
    for (int k = 0; k < kK; ++k) x[k] = load<V>(in[k] + i);
    for (int u = 0; u < kU && u < n; ++u) {
        if constexpr (!std::is_same_v<V, double>) {
            prefetchForWrite(out[u] + i);
            if constexpr (kE == Epilogue::ForwardIdentity || kE == Epilogue::ForwardRelu ||
                          kE == Epilogue::ForwardSigmoid)
                prefetchForWrite(a[u] + i);
        }
        V sum = kContinue ? load<V>(out[u] + i) : V{};
        for (int k = 0; k < kK; ++k) sum = Eigen::internal::pmadd(c[u][k], x[k], sum);  // k in order
        if constexpr (kE == Epilogue::Partial || kE == Epilogue::Backward) {
            store(out[u] + i, sum);
        } else if constexpr (kE == Epilogue::BackwardRelu) {
            store(out[u] + i, load<V>(z[u] + i) > V{} ? sum : V{});  // eq. 12: 0 at the kink
        } else {
            const V value = sum + bias[u];  // bias last, as in the textbook's X·Wᵀ + b
            store(out[u] + i, value);
            if constexpr (kE == Epilogue::ForwardIdentity) store(a[u] + i, value);
            if constexpr (kE == Epilogue::ForwardRelu) store(a[u] + i, relu(value));
            if constexpr (kE == Epilogue::ForwardSigmoid) store(a[u] + i, logistic(value));
        }
    }
}

// A tile of n ≤ 4 outputs × kK terms for every row, its coefficients held in registers. The
// pointers and coefficients are gathered into locals straight from the matrices: stores through
// Eigen's packet type may alias any memory, so values read through a pointer would be reloaded
// after every store.
template <Epilogue kE, bool kContinue, int kU, int kK>
void denseTile(Eigen::Index rows, int n, const DenseSums& s) {
    const double* in[kK];
    Packet c[kU][kK], bias[kU];
    double cTail[kU][kK], biasTail[kU];
    double* out[kU];
    double* a[kU];
    const double* z[kU];
    for (int k = 0; k < kK; ++k) in[k] = s.in(k);
    for (int u = 0; u < kU; ++u) {
        const int v = std::min(u, n - 1);  // unused slots repeat a real output, never read
        out[u] = s.out(v);
        a[u] = s.a(v);
        z[u] = s.z(v);
        bias[u] = splat<Packet>(biasTail[u] = s.bias ? s.bias[v] : 0.0);
        for (int k = 0; k < kK; ++k)
            c[u][k] = splat<Packet>(cTail[u][k] = s.c[v * s.outputStride + k * s.termStride]);
    }
    Eigen::Index i = 0;
    for (; i + kLanes <= rows; i += kLanes) tileStep<kE, kContinue>(i, n, in, c, out, a, z, bias);
    for (; i < rows; ++i) tileStep<kE, kContinue>(i, n, in, cTail, out, a, z, biasTail);
}

// The sums of a dense layer for every row, out_u = Σ_k c(u, k) · in_k, k in order from 0: the
// shape shared by z = a⁽ˡ⁻¹⁾ Wᵀ + b and by δ⁽ˡ⁾ W. Tiles of 4 outputs × 4 terms keep their
// coefficients in registers and load each register of a column once for 4 outputs: for layers
// this thin, loads limit more than multiply-adds.
template <Epilogue kE>
void denseSums(Eigen::Index rows, Eigen::Index outputs, Eigen::Index terms, const DenseSums& s) {
    for (Eigen::Index u0 = 0; u0 < outputs; u0 += kTile) {
        const int n = static_cast<int>(std::min<Eigen::Index>(kTile, outputs - u0));
        for (Eigen::Index k0 = 0; k0 < terms; k0 += kTile) {
            DenseSums t = s;
            t.in = s.in.from(k0);
            t.c = s.c + u0 * s.outputStride + k0 * s.termStride;
            t.out = s.out.from(u0);
            t.a = s.a.from(u0);
            t.z = s.z.from(u0);
            t.bias = s.bias ? s.bias + u0 : nullptr;
            const bool first = k0 == 0, last = k0 + kTile >= terms;
            auto tile = [&](auto kU) {
                withSize(std::min<Eigen::Index>(kTile, terms - k0), [&](auto kK) {
                    if (first && last) denseTile<kE, false, kU, kK>(rows, n, t);
                    else if (last) denseTile<kE, true, kU, kK>(rows, n, t);
                    else if (first) denseTile<Epilogue::Partial, false, kU, kTile>(rows, n, t);
                    else denseTile<Epilogue::Partial, true, kU, kTile>(rows, n, t);
                });
            };
            // A single output gets its own narrow tile: a wide one would keep its unused
            // coefficient registers and transcendental constants competing for registers.
            if (n == 1) tile(std::integral_constant<int, 1>{});
            else tile(std::integral_constant<int, kTile>{});
        }
    }
}

// z = a⁽ˡ⁻¹⁾ W⁽ˡ⁾ᵀ + 1 b⁽ˡ⁾ᵀ (eqs. 42–44 before σ), and a = σ(z) in the same pass (kE).
template <Epilogue kE>
void denseForwardAs(const ConstMatrixRef& prev, const DenseLayer& layer, MatrixRef z,
                    MatrixRef a) {
    denseSums<kE>(prev.rows(), layer.units(), layer.fanIn(),
                  {Columns<const double>::of(prev), layer.W.data(), 1, layer.W.rows(),
                   Columns<double>::of(z), Columns<double>::of(a), {}, layer.b.data()});
}

// Fills z, and a for identity, ReLU and sigmoid. Returns whether a was written; for the other
// activations the caller applies σ.
bool denseForward(const ConstMatrixRef& prev, const DenseLayer& layer, MatrixRef z, MatrixRef a) {
    switch (layer.activation) {
        case Activation::Identity: denseForwardAs<Epilogue::ForwardIdentity>(prev, layer, z, a); return true;
        case Activation::Relu: denseForwardAs<Epilogue::ForwardRelu>(prev, layer, z, a); return true;
        case Activation::Sigmoid: denseForwardAs<Epilogue::ForwardSigmoid>(prev, layer, z, a); return true;
        default: denseForwardAs<Epilogue::Forward>(prev, layer, z, a); return false;
    }
}

// δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾) ⊙ σ'(z⁽ˡ⁻¹⁾), the chain rule one layer back. For ReLU below, σ' is a
// select fused into the sum; otherwise the caller multiplies by σ' afterwards. Returns whether
// σ' was applied.
bool denseBackwardInput(const ConstMatrixRef& delta, const Matrix& W, Activation below,
                        const ConstMatrixRef& belowZ, MatrixRef belowDelta) {
    const DenseSums s{Columns<const double>::of(delta), W.data(), W.rows(), 1,
                      Columns<double>::of(belowDelta), {}, Columns<const double>::of(belowZ),
                      nullptr};
    if (below == Activation::Relu) {
        denseSums<Epilogue::BackwardRelu>(delta.rows(), W.cols(), W.rows(), s);
        return true;
    }
    denseSums<Epilogue::Backward>(delta.rows(), W.cols(), W.rows(), s);
    return false;
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
// shares every load, and its independent chains hide the latency); the registers are summed in
// a fixed order at the end. Rows left over after the last full register are copied into
// zero-padded registers (0·0 adds nothing), so no scalar path keeps the accumulators in memory.
template <int kJ, int kK, bool kBias>
void gradientTile(const ConstMatrixRef& delta, Eigen::Index j0, const ConstMatrixRef& prev,
                  Eigen::Index k0, Matrix& dW, RowVector& db) {
    const double* d[kJ];
    const double* x[kK];
    for (int j = 0; j < kJ; ++j) d[j] = delta.col(j0 + j).data();
    for (int k = 0; k < kK; ++k) x[k] = prev.col(k0 + k).data();
    Packet sum[kJ][kK], biasSum[kJ];
    for (int j = 0; j < kJ; ++j) {
        biasSum[j] = Packet{};
        for (int k = 0; k < kK; ++k) sum[j][k] = Packet{};
    }
    auto accumulate = [&](const Packet (&dj)[kJ], const Packet (&xk)[kK]) {
        for (int j = 0; j < kJ; ++j) {
            for (int k = 0; k < kK; ++k) sum[j][k] = Eigen::internal::pmadd(dj[j], xk[k], sum[j][k]);
            if constexpr (kBias) biasSum[j] += dj[j];
        }
    };
    const Eigen::Index rows = delta.rows();
    Eigen::Index i = 0;
    for (; i + kLanes <= rows; i += kLanes) {
        Packet dj[kJ], xk[kK];
        for (int j = 0; j < kJ; ++j) dj[j] = load<Packet>(d[j] + i);
        for (int k = 0; k < kK; ++k) xk[k] = load<Packet>(x[k] + i);
        accumulate(dj, xk);
    }
    if (i < rows) {
        Packet dj[kJ], xk[kK];
        for (int j = 0; j < kJ; ++j) dj[j] = loadPadded(d[j] + i, rows - i);
        for (int k = 0; k < kK; ++k) xk[k] = loadPadded(x[k] + i, rows - i);
        accumulate(dj, xk);
    }
    for (int j = 0; j < kJ; ++j) {
        for (int k = 0; k < kK; ++k) dW(j0 + j, k0 + k) = Eigen::internal::predux(sum[j][k]);
        if constexpr (kBias) db(j0 + j) = Eigen::internal::predux(biasSum[j]);
    }
}

// dW = δᵀ prev and db = Σ δ over this chunk's rows, in tiles of 4 × 4 (1-wide at the edges).
void denseBackwardWeights(const ConstMatrixRef& delta, const ConstMatrixRef& prev, Matrix& dW,
                          RowVector& db) {
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
    const V l = V{} - logPositive(t * clipped + (one - t) * (one - clipped));
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

    // Each chunk runs its rows through the whole network and back, writing only its own rows of
    // the trace and its own partial sums.
    auto runChunk = [&](Eigen::Index chunk) {
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
        if (!target) return;

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
    };
    // One parallel region per batch. Without threads to share, no region at all: even a
    // one-thread region costs a team setup per batch.
    if (parallel.threads > 1 && chunks > 1 && m >= parallel.minRowsPerThread * parallel.threads) {
#pragma omp parallel for schedule(static) num_threads(parallel.threads)
        for (Eigen::Index chunk = 0; chunk < chunks; ++chunk) runChunk(chunk);
    } else {
        for (Eigen::Index chunk = 0; chunk < chunks; ++chunk) runChunk(chunk);
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
    trace.accuracy = m == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(m);
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
    // A plain loop: Eigen's allFinite sets up an expression per matrix, which on a few dozen
    // numbers costs more than the test, and the trainer asks after every update.
    bool finite = true;
    for (const DenseLayer& layer : layers_) {
        for (Eigen::Index i = 0; i < layer.W.size(); ++i) finite &= std::isfinite(layer.W.data()[i]);
        for (Eigen::Index i = 0; i < layer.b.size(); ++i) finite &= std::isfinite(layer.b.data()[i]);
    }
    return finite;
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
