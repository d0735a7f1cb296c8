#include "engine/attention.h"

#include "base/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ns::engine {

namespace {

// A head's Q, K, V are column blocks of the [n, d_model] projections: strided views, so one
// kernel serves the single layer (contiguous) and every head of the multi-head one.
using Strided = Eigen::Map<RowMajorMatrix, 0, Eigen::OuterStride<>>;
using ConstStrided = Eigen::Map<const RowMajorMatrix, 0, Eigen::OuterStride<>>;
using In = Eigen::Ref<const RowMajorMatrix, 0, Eigen::OuterStride<>>;
using Out = Eigen::Ref<RowMajorMatrix, 0, Eigen::OuterStride<>>;

ConstStrided view(const double* data, Index rows, Index cols, Index stride) {
    return ConstStrided(data, rows, cols, Eigen::OuterStride<>(stride));
}
Strided view(double* data, Index rows, Index cols, Index stride) {
    return Strided(data, rows, cols, Eigen::OuterStride<>(stride));
}

// Keys query i may see: j < visibleKeys(i).
Index visibleKeys(bool causal, Index keyLength, Index i) { return causal ? std::min(i + 1, keyLength) : keyLength; }

// One sample (one head): eq. 80 stage by stage into the four [n, m] planes, then out = A V.
void attendForward(const In& Q, const In& K, const In& V, bool causal, Index keyLength, double* qk, double* scores,
                   double* masked, double* weights, Out out) {
    const Index n = Q.rows(), m = K.rows();
    MatrixMap QK(qk, n, m);
    QK.noalias() = Q * K.transpose();
    // ÷√d_k keeps the dot products' spread near 1 whatever d_k is, so softmax does not saturate.
    const double scale = 1.0 / std::sqrt(static_cast<double>(Q.cols()));
    MatrixMap S(scores, n, m), M(masked, n, m), A(weights, n, m);
    S = QK * scale;
    constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();
    for (Index i = 0; i < n; ++i) {
        const Index visible = visibleKeys(causal, keyLength, i);
        M.row(i).head(visible) = S.row(i).head(visible);
        M.row(i).tail(m - visible).setConstant(kMinusInfinity);
        // softmax over the visible keys, shifted by their maximum (exp(−∞) = 0 for the rest).
        const double top = S.row(i).head(visible).maxCoeff();
        A.row(i).head(visible) = (S.row(i).head(visible).array() - top).exp().matrix();
        A.row(i).head(visible) /= A.row(i).head(visible).sum();
        A.row(i).tail(m - visible).setZero();
    }
    out.noalias() = A * V;
}

// Backward of one sample (one head) given G = ∂L/∂out:
//   ∂L/∂A = G Vᵀ,  ∂L/∂V = Aᵀ G,
//   ∂L/∂S_ij = A_ij (∂L/∂A_ij − Σ_k A_ik ∂L/∂A_ik)   (softmax's Jacobian; 0 where A_ij = 0, masked)
//   ∂L/∂Q = (∂L/∂S / √d_k) K,  ∂L/∂K = (∂L/∂S / √d_k)ᵀ Q.
// `work` is [n, m] scratch.
void attendBackward(const In& Q, const In& K, const In& V, const double* weights, const In& G, RowMajorMatrix& work,
                    Out dQ, Out dK, Out dV) {
    const Index n = Q.rows(), m = K.rows();
    const ConstMatrixMap A(weights, n, m);
    work.resize(n, m);
    work.noalias() = G * V.transpose();
    dV.noalias() = A.transpose() * G;
    const double scale = 1.0 / std::sqrt(static_cast<double>(Q.cols()));
    for (Index i = 0; i < n; ++i) {
        const double dot = A.row(i).dot(work.row(i));
        work.row(i) = (A.row(i).array() * (work.row(i).array() - dot) * scale).matrix();
    }
    dQ.noalias() = work * K;
    dK.noalias() = work.transpose() * Q;
}

void resizeStages(LayerTrace& trace, const Shape& shape) {
    for (const char* name : {"qk", "scores", "masked_scores", "weights"}) trace.named[name].resize(shape);
}

}  // namespace

void AttentionMasking::check(Index batch, Index m) const {
    if (keyLengths.empty()) return;
    if (static_cast<Index>(keyLengths.size()) != batch)
        throw std::invalid_argument("attention padding mask: " + std::to_string(keyLengths.size()) +
                                    " key lengths for a batch of " + std::to_string(batch));
    for (std::size_t s = 0; s < keyLengths.size(); ++s)
        if (keyLengths[s] < 1 || keyLengths[s] > m)
            throw std::invalid_argument("attention padding mask: sample " + std::to_string(s) + " has key length " +
                                        std::to_string(keyLengths[s]) + ", expected 1 to " + std::to_string(m));
}

// ---------------------------------------------------------------------------------------------

ScaledDotProductAttention::ScaledDotProductAttention(AttentionMask mask) { masking_.mask = mask; }

std::string ScaledDotProductAttention::describe() const {
    return std::string("Scaled dot-product attention") + (masking_.mask == AttentionMask::Causal ? ", causal" : "");
}

Shape ScaledDotProductAttention::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.size() != 3) throw std::invalid_argument(describe() + " takes Q, K and V");
    const Shape &q = inputs[0], &k = inputs[1], &v = inputs[2];
    if (q.size() != 2 || k.size() != 2 || v.size() != 2)
        throw std::invalid_argument(describe() + " expects Q [n, d_k], K [m, d_k], V [m, d_v] per sample, found " +
                                    toString(q) + ", " + toString(k) + ", " + toString(v));
    if (q[1] != k[1])
        throw std::invalid_argument(describe() + ": Q and K need the same d_k, found " + std::to_string(q[1]) + " and " +
                                    std::to_string(k[1]));
    if (k[0] != v[0])
        throw std::invalid_argument(describe() + ": K and V need the same number of keys m, found " +
                                    std::to_string(k[0]) + " and " + std::to_string(v[0]));
    if (masking_.mask == AttentionMask::Causal && q[0] != k[0])
        throw std::invalid_argument(describe() + ": a causal mask needs as many queries as keys (n = m), found n = " +
                                    std::to_string(q[0]) + ", m = " + std::to_string(k[0]));
    return {q[0], v[1]};
}

void ScaledDotProductAttention::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor &q = *inputs[0], &k = *inputs[1], &v = *inputs[2];
    const Index N = q.dim(0);
    const Shape out = outputShape({{q.dim(1), q.dim(2)}, {k.dim(1), k.dim(2)}, {v.dim(1), v.dim(2)}});
    const Index n = out[0], dv = out[1], m = k.dim(1), d = q.dim(2);
    masking_.check(N, m);
    trace.output.resize({N, n, dv});
    resizeStages(trace, {N, n, m});
    const bool causal = masking_.mask == AttentionMask::Causal;
    // Looked up once: the threads below only write rows of tensors that already exist.
    Tensor &qk = trace.named["qk"], &scores = trace.named["scores"], &masked = trace.named["masked_scores"],
           &weights = trace.named["weights"];
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        for (Index s = begin; s < end; ++s)
            attendForward(view(q.sample(s), n, d, d), view(k.sample(s), m, d, d), view(v.sample(s), m, dv, dv), causal,
                          masking_.keyLength(s, m), qk.sample(s), scores.sample(s), masked.sample(s),
                          weights.sample(s), view(trace.output.sample(s), n, dv, dv));
    });
}

void ScaledDotProductAttention::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>&,
                                         const RunContext& context) {
    const Tensor &q = *inputs[0], &k = *inputs[1], &v = *inputs[2];
    const Index N = q.dim(0), n = q.dim(1), d = q.dim(2), m = k.dim(1), dv = v.dim(2);
    // All three are cheap next to the forward pass; the network reads the ones it asked for.
    trace.gradInputs.resize(3);
    trace.gradInputs[0].resize(q.shape());
    trace.gradInputs[1].resize(k.shape());
    trace.gradInputs[2].resize(v.shape());
    shapeParameterGradients(*this, trace);
    const Tensor& weights = trace.named.at("weights");
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        RowMajorMatrix work;
        for (Index s = begin; s < end; ++s)
            attendBackward(view(q.sample(s), n, d, d), view(k.sample(s), m, d, d), view(v.sample(s), m, dv, dv),
                           weights.sample(s), view(trace.gradOutput.sample(s), n, dv, dv), work,
                           view(trace.gradInputs[0].sample(s), n, d, d), view(trace.gradInputs[1].sample(s), m, d, d),
                           view(trace.gradInputs[2].sample(s), m, dv, dv));
    });
}

// ---------------------------------------------------------------------------------------------

MultiHeadAttention::MultiHeadAttention(Index dModel, Index heads, AttentionMask mask, AttentionSource source)
    : dModel_(dModel), heads_(heads), source_(source) {
    if (dModel < 1 || heads < 1 || dModel % heads != 0)
        throw std::invalid_argument("MultiHeadAttention: d_model must be a positive multiple of the number of heads, found " +
                                    std::to_string(dModel) + " and " + std::to_string(heads));
    masking_.mask = mask;
    for (const char* name : {"W_Q", "W_K", "W_V", "W_O"}) parameters_.push_back({name, Tensor({dModel, dModel})});
}

std::string MultiHeadAttention::describe() const {
    return std::string(source_ == AttentionSource::Cross ? "Multi-head cross-attention" : "Multi-head attention") +
           " d_model " + std::to_string(dModel_) + ", " + std::to_string(heads_) + " heads" +
           (masking_.mask == AttentionMask::Causal ? ", causal" : "");
}

Shape MultiHeadAttention::outputShape(const std::vector<Shape>& inputs) const {
    if (static_cast<int>(inputs.size()) != arity())
        throw std::invalid_argument(describe() + " takes " + std::to_string(arity()) + " inputs");
    for (const Shape& in : inputs)
        if (in.size() != 2 || in[1] != dModel_)
            throw std::invalid_argument(describe() + " expects a sequence [n, " + std::to_string(dModel_) +
                                        "] per sample, found " + toString(in));
    if (masking_.mask == AttentionMask::Causal && inputs.back()[0] != inputs[0][0])
        throw std::invalid_argument(describe() + ": a causal mask needs as many queries as keys (n = m), found n = " +
                                    std::to_string(inputs[0][0]) + ", m = " + std::to_string(inputs.back()[0]));
    return inputs[0];
}

void MultiHeadAttention::initialize(std::uint64_t seed) {
    Random random(seed);
    const double scale = 1.0 / std::sqrt(static_cast<double>(dModel_));
    for (Parameter& p : parameters_)
        for (Index i = 0; i < p.value.size(); ++i) p.value[i] = random.normal() * scale;
}

void MultiHeadAttention::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Tensor& y = source_ == AttentionSource::Cross ? *inputs[1] : x;  // the keys' and values' sequence
    outputShape(source_ == AttentionSource::Cross ? std::vector<Shape>{{x.dim(1), x.dim(2)}, {y.dim(1), y.dim(2)}}
                                                  : std::vector<Shape>{{x.dim(1), x.dim(2)}});
    const Index N = x.dim(0), n = x.dim(1), m = y.dim(1), D = dModel_, H = heads_, dk = headDim();
    if (y.dim(0) != N) throw std::invalid_argument(describe() + ": the two inputs' batches differ");
    masking_.check(N, m);
    trace.output.resize(x.shape());
    trace.named["Q"].resize(x.shape());
    trace.named["heads"].resize(x.shape());
    trace.named["K"].resize(y.shape());
    trace.named["V"].resize(y.shape());
    resizeStages(trace, {N, H, n, m});
    Tensor &Q = trace.named["Q"], &K = trace.named["K"], &V = trace.named["V"], &heads = trace.named["heads"];
    Tensor &qk = trace.named["qk"], &scores = trace.named["scores"], &masked = trace.named["masked_scores"],
           &weights = trace.named["weights"];
    const ConstMatrixMap WQ(W_Q().data(), D, D), WK(W_K().data(), D, D), WV(W_V().data(), D, D), WO(W_O().data(), D, D);
    const bool causal = masking_.mask == AttentionMask::Causal;
    const Index plane = n * m;
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        const Index rows = (end - begin) * n, keyRows = (end - begin) * m;
        // One GEMM per projection for the whole chunk: X W_Q, Y W_K, Y W_V (eq. 81).
        const ConstMatrixMap X(x.sample(begin), rows, D), Y(y.sample(begin), keyRows, D);
        MatrixMap(Q.sample(begin), rows, D).noalias() = X * WQ;
        MatrixMap(K.sample(begin), keyRows, D).noalias() = Y * WK;
        MatrixMap(V.sample(begin), keyRows, D).noalias() = Y * WV;
        for (Index s = begin; s < end; ++s)
            for (Index h = 0; h < H; ++h) {
                const Index at = h * plane;  // head h's [n, m] plane of sample s
                attendForward(view(Q.sample(s) + h * dk, n, dk, D), view(K.sample(s) + h * dk, m, dk, D),
                              view(V.sample(s) + h * dk, m, dk, D), causal, masking_.keyLength(s, m),
                              qk.sample(s) + at, scores.sample(s) + at, masked.sample(s) + at, weights.sample(s) + at,
                              view(heads.sample(s) + h * dk, n, dk, D));
            }
        MatrixMap(trace.output.sample(begin), rows, D).noalias() = ConstMatrixMap(heads.sample(begin), rows, D) * WO;
    });
}

void MultiHeadAttention::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                                  const RunContext& context) {
    const bool cross = source_ == AttentionSource::Cross;
    const Tensor& x = *inputs[0];
    const Tensor& y = cross ? *inputs[1] : x;
    const Index N = x.dim(0), n = x.dim(1), m = y.dim(1), D = dModel_, H = heads_, dk = headDim();
    const bool wantX = !wantInput.empty() && wantInput[0];
    const bool wantY = cross && wantInput.size() > 1 && wantInput[1];
    trace.gradInputs.resize(cross ? 2 : 1);
    if (wantX) trace.gradInputs[0].resize(x.shape());
    if (wantY) trace.gradInputs[1].resize(y.shape());
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, N);
    // ∂L/∂heads, ∂L/∂Q, ∂L/∂K, ∂L/∂V: each chunk writes only its own rows.
    trace.scratch.resize(4);
    trace.scratch[0].resize(x.shape());
    trace.scratch[1].resize(x.shape());
    trace.scratch[2].resize(y.shape());
    trace.scratch[3].resize(y.shape());
    Tensor &dHeads = trace.scratch[0], &dQ = trace.scratch[1], &dK = trace.scratch[2], &dV = trace.scratch[3];
    const Tensor &Q = trace.named.at("Q"), &K = trace.named.at("K"), &V = trace.named.at("V"),
                 &heads = trace.named.at("heads"), &weights = trace.named.at("weights");
    const ConstMatrixMap WQ(W_Q().data(), D, D), WK(W_K().data(), D, D), WV(W_V().data(), D, D), WO(W_O().data(), D, D);
    const Index plane = n * m;
    forChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        const Index rows = (end - begin) * n, keyRows = (end - begin) * m;
        const ConstMatrixMap X(x.sample(begin), rows, D), Y(y.sample(begin), keyRows, D);
        const ConstMatrixMap G(trace.gradOutput.sample(begin), rows, D);
        // out = heads W_O: ∂L/∂W_O = headsᵀ G, ∂L/∂heads = G W_Oᵀ.
        MatrixMap(partial[chunk][3].data(), D, D).noalias() = ConstMatrixMap(heads.sample(begin), rows, D).transpose() * G;
        MatrixMap(dHeads.sample(begin), rows, D).noalias() = G * WO.transpose();
        RowMajorMatrix work;
        for (Index s = begin; s < end; ++s)
            for (Index h = 0; h < H; ++h)
                attendBackward(view(Q.sample(s) + h * dk, n, dk, D), view(K.sample(s) + h * dk, m, dk, D),
                               view(V.sample(s) + h * dk, m, dk, D), weights.sample(s) + h * plane,
                               view(static_cast<const double*>(dHeads.sample(s)) + h * dk, n, dk, D), work,
                               view(dQ.sample(s) + h * dk, n, dk, D), view(dK.sample(s) + h * dk, m, dk, D),
                               view(dV.sample(s) + h * dk, m, dk, D));
        const ConstMatrixMap gQ(dQ.sample(begin), rows, D), gK(dK.sample(begin), keyRows, D),
            gV(dV.sample(begin), keyRows, D);
        // Q = X W_Q: ∂L/∂W_Q = Xᵀ ∂L/∂Q; likewise K, V from Y.
        MatrixMap(partial[chunk][0].data(), D, D).noalias() = X.transpose() * gQ;
        MatrixMap(partial[chunk][1].data(), D, D).noalias() = Y.transpose() * gK;
        MatrixMap(partial[chunk][2].data(), D, D).noalias() = Y.transpose() * gV;
        if (wantX) {
            MatrixMap dX(trace.gradInputs[0].sample(begin), rows, D);
            dX.noalias() = gQ * WQ.transpose();
            if (!cross) {  // X feeds all three projections: its gradient is their sum
                dX.noalias() += gK * WK.transpose();
                dX.noalias() += gV * WV.transpose();
            }
        }
        if (wantY) {
            MatrixMap dY(trace.gradInputs[1].sample(begin), keyRows, D);
            dY.noalias() = gK * WK.transpose();
            dY.noalias() += gV * WV.transpose();
        }
    });
    reduceChunkGradients(trace);
}

}  // namespace ns::engine
