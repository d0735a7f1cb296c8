#include "engine/recurrent.h"

#include "base/random.h"

#include <cmath>
#include <stdexcept>

namespace ns::engine {

namespace {

using Matrix = RowMajorMatrix;
using Strided = Eigen::Map<Matrix, 0, Eigen::OuterStride<>>;
using ConstStrided = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
using RowArray = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

int gateCount(CellKind kind) { return kind == CellKind::Rnn ? 1 : kind == CellKind::Lstm ? 4 : 3; }

// Sequences are independent, so a chunk runs its rows through every step; chunks of at least 16
// sequences keep each step's matrix product large enough to be efficient. Bounds depend on the
// batch only, so results are the same bits at any thread count.
Index sequenceChunks(Index batch) {
    if (batch <= 0) return 0;
    const Index bySize = (batch + 15) / 16;
    return bySize < 8 ? bySize : 8;
}
Index sequenceChunkBegin(Index batch, Index chunk) {
    const Index chunks = sequenceChunks(batch);
    const Index base = batch / chunks, extra = batch % chunks;
    return chunk * base + (chunk < extra ? chunk : extra);
}
template <typename Body>
void forSequenceChunks(Index batch, int threads, Body&& body) {
    const Index chunks = sequenceChunks(batch);
    if (threads <= 1 || chunks <= 1) {
        for (Index c = 0; c < chunks; ++c) body(sequenceChunkBegin(batch, c), sequenceChunkBegin(batch, c + 1), c);
        return;
    }
#pragma omp parallel for schedule(static) num_threads(threads)
    for (Index c = 0; c < chunks; ++c) body(sequenceChunkBegin(batch, c), sequenceChunkBegin(batch, c + 1), c);
}

// σ and tanh through Eigen's vectorised exp: the cells spend most of their time here, and
// std::exp / std::tanh go one value at a time. tanh(x) = 2σ(2x) − 1 stays finite for any x (σ of
// ±∞ is 1 or 0); its error is absolute (≈ 1e-16), not relative, near 0.
template <typename Block>
void sigmoidInPlace(Block&& b) {
    b = (1.0 + (-b.array()).exp()).inverse().matrix();
}
template <typename Block>
void tanhInPlace(Block&& b) {
    b = (2.0 * (1.0 + (-2.0 * b.array()).exp()).inverse() - 1.0).matrix();
}
template <typename Expression>
auto tanhOf(const Expression& e) {
    return 2.0 * (1.0 + (-2.0 * e.array()).exp()).inverse() - 1.0;
}

// Step t of a batch-major [N, T, w] tensor, rows begin… of the chunk, as an nb × w matrix.
Strided stepOf(Tensor& t, Index begin, Index nb, Index step) {
    const Index T = t.dim(1), w = t.dim(2);
    return Strided(t.data() + (begin * T + step) * w, nb, w, Eigen::OuterStride<>(T * w));
}
ConstStrided stepOf(const Tensor& t, Index begin, Index nb, Index step) {
    const Index T = t.dim(1), w = t.dim(2);
    return ConstStrided(t.data() + (begin * T + step) * w, nb, w, Eigen::OuterStride<>(T * w));
}

}  // namespace

const char* cellName(CellKind kind) {
    switch (kind) {
    case CellKind::Rnn: return "rnn";
    case CellKind::Lstm: return "lstm";
    case CellKind::Gru: return "gru";
    }
    return "?";
}

Recurrent::Recurrent(CellKind kind, Index inputSize, Index hiddenSize, bool withInitialState)
    : kind_(kind), inputSize_(inputSize), hiddenSize_(hiddenSize), withInitialState_(withInitialState) {
    if (inputSize < 1 || hiddenSize < 1)
        throw std::invalid_argument(std::string(cellName(kind)) + ": input and hidden sizes must be at least 1, found " +
                                    std::to_string(inputSize) + " and " + std::to_string(hiddenSize));
    const Index h = hiddenSize, hd = hiddenSize + inputSize;
    switch (kind) {
    case CellKind::Rnn:
        parameters_ = {{"W_h", Tensor({h, h})}, {"W_x", Tensor({h, inputSize})}, {"b_h", Tensor({h})}};
        break;
    case CellKind::Lstm:
        parameters_ = {{"W_f", Tensor({h, hd})}, {"W_i", Tensor({h, hd})}, {"W_C", Tensor({h, hd})},
                       {"W_o", Tensor({h, hd})}, {"b_f", Tensor({h})},     {"b_i", Tensor({h})},
                       {"b_C", Tensor({h})},     {"b_o", Tensor({h})}};
        break;
    case CellKind::Gru:
        parameters_ = {{"W_z", Tensor({h, hd})}, {"W_r", Tensor({h, hd})}, {"W", Tensor({h, hd})},
                       {"b_z", Tensor({h})},     {"b_r", Tensor({h})},     {"b", Tensor({h})}};
        break;
    }
}

std::string Recurrent::describe() const {
    static const char* names[] = {"RNN", "LSTM", "GRU"};
    return std::string(names[static_cast<int>(kind_)]) + " " + std::to_string(inputSize_) + "→" +
           std::to_string(hiddenSize_);
}

int Recurrent::arity() const { return withInitialState_ ? (kind_ == CellKind::Lstm ? 3 : 2) : 1; }

int Recurrent::parameterIndex(const std::string& name) const {
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        if (parameters_[i].name == name) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> Recurrent::gateNames() const {
    switch (kind_) {
    case CellKind::Rnn: return {};
    case CellKind::Lstm: return {"f", "i", "C_tilde", "o"};
    case CellKind::Gru: return {"z", "r", "h_tilde"};
    }
    return {};
}

Shape Recurrent::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& x = inputs.at(0);
    if (x.size() != 2 || x[1] != inputSize_ || x[0] < 1)
        throw std::invalid_argument(describe() + " expects a sequence [T, " + std::to_string(inputSize_) +
                                    "] per sample, found " + toString(x));
    for (std::size_t k = 1; k < inputs.size(); ++k)
        if (inputs[k] != Shape{hiddenSize_})
            throw std::invalid_argument(describe() + ": initial state " + (k == 1 ? "h0" : "c0") + " must be [" +
                                        std::to_string(hiddenSize_) + "], found " + toString(inputs[k]));
    return {x[0], hiddenSize_};
}

void Recurrent::initialize(std::uint64_t seed) {
    Random random(seed);
    const double bound = 1.0 / std::sqrt(static_cast<double>(hiddenSize_));
    for (Parameter& p : parameters_)
        for (Index i = 0; i < p.value.size(); ++i) p.value[i] = (2 * random.uniform() - 1) * bound;
    if (kind_ == CellKind::Lstm) parameters_[static_cast<std::size_t>(parameterIndex("b_f"))].value.fill(1.0);
}

// The textbook keeps one matrix per gate acting on [h_{t−1}, x_t]; the passes stack the gates'
// recurrent halves into Wh [G·h, h] and their input halves into Wx [G·h, d] so a step is one
// product, and a whole sequence's input part is one product before the loop.
namespace {
struct Packed {
    Matrix Wh, Wx;
    Eigen::RowVectorXd b;
};
Packed pack(const std::vector<Parameter>& p, CellKind kind, Index h, Index d) {
    const int G = gateCount(kind);
    Packed k{Matrix(G * h, h), Matrix(G * h, d), Eigen::RowVectorXd(G * h)};
    if (kind == CellKind::Rnn) {
        k.Wh = ConstMatrixMap(p[0].value.data(), h, h);
        k.Wx = ConstMatrixMap(p[1].value.data(), h, d);
        k.b = Eigen::Map<const Eigen::RowVectorXd>(p[2].value.data(), h);
        return k;
    }
    for (int g = 0; g < G; ++g) {
        const ConstMatrixMap W(p[static_cast<std::size_t>(g)].value.data(), h, h + d);
        k.Wh.middleRows(g * h, h) = W.leftCols(h);
        k.Wx.middleRows(g * h, h) = W.rightCols(d);
        k.b.segment(g * h, h) = Eigen::Map<const Eigen::RowVectorXd>(p[static_cast<std::size_t>(G + g)].value.data(), h);
    }
    return k;
}
}  // namespace

void Recurrent::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), T = x.dim(1), d = inputSize_, h = hiddenSize_;
    const int G = gateCount(kind_);
    const Packed k = pack(parameters_, kind_, h, d);
    trace.output.resize({N, T, h});
    std::vector<Tensor*> gates;
    for (const std::string& name : gateNames()) {
        Tensor& t = trace.named[name];
        t.resize({N, T, h});
        gates.push_back(&t);
    }
    Tensor* cell = nullptr;
    if (kind_ == CellKind::Lstm) (cell = &trace.named["C"])->resize({N, T, h});
    const Index chunks = sequenceChunks(N);
    trace.scratch.resize(static_cast<std::size_t>(2 * chunks));

    forSequenceChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        const Index nb = end - begin;
        Tensor& pre = trace.scratch[static_cast<std::size_t>(2 * chunk)];
        pre.resize({nb, T, G * h});
        // Every step's input part W_x x_t + b at once: [nb·T, d] × [d, G·h].
        MatrixMap(pre.data(), nb * T, G * h).noalias() = ConstMatrixMap(x.sample(begin), nb * T, d) * k.Wx.transpose();
        MatrixMap(pre.data(), nb * T, G * h).rowwise() += k.b;
        Matrix hPrev = inputs.size() > 1 ? Matrix(ConstMatrixMap(inputs[1]->sample(begin), nb, h)) : Matrix(Matrix::Zero(nb, h));
        Matrix cPrev = inputs.size() > 2 ? Matrix(ConstMatrixMap(inputs[2]->sample(begin), nb, h)) : Matrix(Matrix::Zero(nb, h));
        Matrix a(nb, G * h), rh(nb, h);
        for (Index t = 0; t < T; ++t) {
            Strided out = stepOf(trace.output, begin, nb, t);
            a = stepOf(pre, 0, nb, t);
            if (kind_ == CellKind::Gru) {
                // z and r see h_{t−1}; the candidate sees r_t ⊙ h_{t−1}.
                a.leftCols(2 * h).noalias() += hPrev * k.Wh.topRows(2 * h).transpose();
                sigmoidInPlace(a.leftCols(2 * h));
                rh = a.middleCols(h, h).cwiseProduct(hPrev);
                a.rightCols(h).noalias() += rh * k.Wh.bottomRows(h).transpose();
                tanhInPlace(a.rightCols(h));
                for (int g = 0; g < 3; ++g) stepOf(*gates[static_cast<std::size_t>(g)], begin, nb, t) = a.middleCols(g * h, h);
                hPrev = ((1.0 - a.leftCols(h).array()) * hPrev.array() + a.leftCols(h).array() * a.rightCols(h).array()).matrix();
            } else {
                a.noalias() += hPrev * k.Wh.transpose();
                if (kind_ == CellKind::Rnn) {
                    tanhInPlace(a);
                    hPrev = a;
                } else {
                    sigmoidInPlace(a.leftCols(2 * h));
                    tanhInPlace(a.middleCols(2 * h, h));
                    sigmoidInPlace(a.rightCols(h));
                    for (int g = 0; g < 4; ++g) stepOf(*gates[static_cast<std::size_t>(g)], begin, nb, t) = a.middleCols(g * h, h);
                    cPrev = a.leftCols(h).cwiseProduct(cPrev) + a.middleCols(h, h).cwiseProduct(a.middleCols(2 * h, h));
                    stepOf(*cell, begin, nb, t) = cPrev;
                    hPrev = (a.rightCols(h).array() * tanhOf(cPrev)).matrix();
                }
            }
            out = hPrev;
        }
    });
}

void Recurrent::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                         const RunContext& context) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), T = x.dim(1), d = inputSize_, h = hiddenSize_;
    const int G = gateCount(kind_);
    const Packed k = pack(parameters_, kind_, h, d);
    const auto want = [&](std::size_t i) { return i < wantInput.size() && wantInput[i]; };
    trace.gradInputs.resize(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (want(i)) trace.gradInputs[i].resize(inputs[i]->shape());
    shapeParameterGradients(*this, trace);
    Tensor& gradH = trace.named["grad_h"];
    gradH.resize({N, T, h});
    Tensor* gradC = nullptr;
    if (kind_ == CellKind::Lstm) (gradC = &trace.named["grad_C"])->resize({N, T, h});
    const Index chunks = sequenceChunks(N);
    trace.scratch.resize(static_cast<std::size_t>(2 * chunks));
    // Packed gradients per chunk: dWh, dWx, db, summed over chunks in chunk order below.
    std::vector<Matrix> dWh(static_cast<std::size_t>(chunks)), dWx(static_cast<std::size_t>(chunks));
    std::vector<Eigen::RowVectorXd> db(static_cast<std::size_t>(chunks));
    const Tensor& out = trace.output;
    const auto gate = [&](int g) -> const Tensor& { return trace.named.at(gateNames()[static_cast<std::size_t>(g)]); };

    forSequenceChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        const Index nb = end - begin;
        // dPre[n, t] = ∂L/∂(pre-activation of every gate at step t); hIn[n, t] = what multiplied
        // Wh at step t (h_{t−1}, and r_t ⊙ h_{t−1} for the GRU candidate).
        Tensor& dPre = trace.scratch[static_cast<std::size_t>(2 * chunk)];
        Tensor& hIn = trace.scratch[static_cast<std::size_t>(2 * chunk + 1)];
        dPre.resize({nb, T, G * h});
        hIn.resize({nb, T, (kind_ == CellKind::Gru ? 2 : 1) * h});
        const Matrix h0 = inputs.size() > 1 ? Matrix(ConstMatrixMap(inputs[1]->sample(begin), nb, h)) : Matrix(Matrix::Zero(nb, h));
        const Matrix c0 = inputs.size() > 2 ? Matrix(ConstMatrixMap(inputs[2]->sample(begin), nb, h)) : Matrix(Matrix::Zero(nb, h));
        Matrix dhNext = Matrix::Zero(nb, h), dcNext = Matrix::Zero(nb, h), dh(nb, h), prev(nb, h), g(nb, G * h);
        for (Index t = T - 1; t >= 0; --t) {
            prev = t > 0 ? Matrix(stepOf(out, begin, nb, t - 1)) : h0;
            dh = stepOf(trace.gradOutput, begin, nb, t) + dhNext;
            stepOf(gradH, begin, nb, t) = dh;
            Strided dp = stepOf(dPre, 0, nb, t);
            if (kind_ == CellKind::Rnn) {
                const auto ht = stepOf(out, begin, nb, t).array();
                dp = (dh.array() * (1.0 - ht * ht)).matrix();  // tanh′ = 1 − h_t²
                dhNext.noalias() = dp * k.Wh;
                stepOf(hIn, 0, nb, t) = prev;
            } else if (kind_ == CellKind::Lstm) {
                const auto f = stepOf(gate(0), begin, nb, t).array(), i = stepOf(gate(1), begin, nb, t).array(),
                           c = stepOf(gate(2), begin, nb, t).array(), o = stepOf(gate(3), begin, nb, t).array();
                const Matrix cPrev = t > 0 ? Matrix(stepOf(*trace.find("C"), begin, nb, t - 1)) : c0;
                const RowArray tc = tanhOf(stepOf(*trace.find("C"), begin, nb, t));
                const RowArray dC = dcNext.array() + dh.array() * o * (1.0 - tc * tc);  // eq. 59 back to C_t
                stepOf(*gradC, begin, nb, t) = dC.matrix();
                dp.middleCols(0, h) = (dC * cPrev.array() * f * (1.0 - f)).matrix();
                dp.middleCols(h, h) = (dC * c * i * (1.0 - i)).matrix();
                dp.middleCols(2 * h, h) = (dC * i * (1.0 - c * c)).matrix();
                dp.middleCols(3 * h, h) = (dh.array() * tc * o * (1.0 - o)).matrix();
                dcNext = (dC * f).matrix();
                dhNext.noalias() = dp * k.Wh;
                stepOf(hIn, 0, nb, t) = prev;
            } else {
                const auto z = stepOf(gate(0), begin, nb, t).array(), r = stepOf(gate(1), begin, nb, t).array(),
                           c = stepOf(gate(2), begin, nb, t).array();
                const RowArray dCand = dh.array() * z * (1.0 - c * c);
                dp.rightCols(h) = dCand.matrix();
                const Matrix dRh = dCand.matrix() * k.Wh.bottomRows(h);  // ∂L/∂(r_t ⊙ h_{t−1})
                dp.leftCols(h) = (dh.array() * (c - prev.array()) * z * (1.0 - z)).matrix();
                dp.middleCols(h, h) = (dRh.array() * prev.array() * r * (1.0 - r)).matrix();
                dhNext = (dh.array() * (1.0 - z) + dRh.array() * r).matrix();
                dhNext.noalias() += dp.leftCols(2 * h) * k.Wh.topRows(2 * h);
                Strided in = stepOf(hIn, 0, nb, t);
                in.leftCols(h) = prev;
                in.rightCols(h) = (r * prev.array()).matrix();
            }
        }
        const ConstMatrixMap P(dPre.data(), nb * T, G * h);
        const ConstMatrixMap X(x.sample(begin), nb * T, d);
        const ConstMatrixMap H(hIn.data(), nb * T, hIn.dim(2));
        auto& wh = dWh[static_cast<std::size_t>(chunk)];
        if (kind_ == CellKind::Gru) {
            wh.resize(G * h, h);
            wh.topRows(2 * h).noalias() = P.leftCols(2 * h).transpose() * H.leftCols(h);
            wh.bottomRows(h).noalias() = P.rightCols(h).transpose() * H.rightCols(h);
        } else {
            wh.noalias() = P.transpose() * H;
        }
        dWx[static_cast<std::size_t>(chunk)].noalias() = P.transpose() * X;
        db[static_cast<std::size_t>(chunk)] = P.colwise().sum();
        if (want(0)) MatrixMap(trace.gradInputs[0].sample(begin), nb * T, d).noalias() = P * k.Wx;
        if (want(1)) MatrixMap(trace.gradInputs[1].sample(begin), nb, h) = dhNext;
        if (want(2)) MatrixMap(trace.gradInputs[2].sample(begin), nb, h) = dcNext;
    });

    Matrix sumWh = Matrix::Zero(G * h, h), sumWx = Matrix::Zero(G * h, d);
    Eigen::RowVectorXd sumB = Eigen::RowVectorXd::Zero(G * h);
    for (Index c = 0; c < chunks; ++c) {
        sumWh += dWh[static_cast<std::size_t>(c)];
        sumWx += dWx[static_cast<std::size_t>(c)];
        sumB += db[static_cast<std::size_t>(c)];
    }
    auto& gp = trace.gradParameters;
    if (kind_ == CellKind::Rnn) {
        MatrixMap(gp[0].data(), h, h) = sumWh;
        MatrixMap(gp[1].data(), h, d) = sumWx;
        Eigen::Map<Eigen::RowVectorXd>(gp[2].data(), h) = sumB;
    } else {
        for (int g = 0; g < G; ++g) {
            MatrixMap W(gp[static_cast<std::size_t>(g)].data(), h, h + d);
            W.leftCols(h) = sumWh.middleRows(g * h, h);
            W.rightCols(d) = sumWx.middleRows(g * h, h);
            Eigen::Map<Eigen::RowVectorXd>(gp[static_cast<std::size_t>(G + g)].data(), h) = sumB.segment(g * h, h);
        }
    }
    Tensor& norms = trace.named["grad_norm"];
    norms.resize({T});
    for (Index t = 0; t < T; ++t) norms[t] = stepOf(gradH, 0, N, t).norm();
}

Embedding::Embedding(Index vocabulary, Index dimension) : vocabulary_(vocabulary), dimension_(dimension) {
    if (vocabulary < 1 || dimension < 1)
        throw std::invalid_argument("Embedding: vocabulary and dimension must be at least 1, found " +
                                    std::to_string(vocabulary) + " and " + std::to_string(dimension));
    parameters_.push_back({"E", Tensor({vocabulary, dimension})});
}

std::string Embedding::describe() const {
    return "Embedding " + std::to_string(vocabulary_) + " words → " + std::to_string(dimension_);
}

Shape Embedding::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& ids = inputs.at(0);
    if (ids.size() != 1 || ids[0] < 1)
        throw std::invalid_argument(describe() + " expects token ids [T] per sample, found " + toString(ids));
    return {ids[0], dimension_};
}

void Embedding::initialize(std::uint64_t seed) {
    Random random(seed);
    Tensor& E = parameters_[0].value;
    for (Index i = 0; i < E.size(); ++i) E[i] = random.normal();
}

void Embedding::forward(const Inputs& inputs, LayerTrace& trace, const RunContext&) {
    const Tensor& ids = *inputs[0];
    const Index N = ids.dim(0), T = ids.dim(1), e = dimension_;
    const Tensor& E = parameters_[0].value;
    trace.output.resize({N, T, e});
    for (Index i = 0; i < N * T; ++i) {
        const double id = ids[i];
        if (!(id >= 0 && id < static_cast<double>(vocabulary_)) || id != std::floor(id))
            throw std::invalid_argument(describe() + ": token " + std::to_string(i % T) + " of sample " +
                                        std::to_string(i / T) + " is " + std::to_string(id) + ", not an id 0…" +
                                        std::to_string(vocabulary_ - 1));
        std::copy_n(E.data() + static_cast<Index>(id) * e, e, trace.output.data() + i * e);
    }
}

void Embedding::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                         const RunContext& context) {
    const Tensor& ids = *inputs[0];
    const Index N = ids.dim(0), T = ids.dim(1), e = dimension_;
    trace.gradInputs.resize(1);
    if (!wantInput.empty() && wantInput[0]) {
        trace.gradInputs[0].resize(ids.shape());
        trace.gradInputs[0].setZero();  // ids are discrete: nothing flows to them
    }
    shapeParameterGradients(*this, trace);
    auto& partial = chunkGradients(*this, trace, N);
    forChunks(N, context.threads, [&](Index begin, Index end, Index chunk) {
        double* dE = partial[static_cast<std::size_t>(chunk)][0].data();
        for (Index i = begin * T; i < end * T; ++i) {
            const Index row = static_cast<Index>(ids[i]);
            for (Index j = 0; j < e; ++j) dE[row * e + j] += trace.gradOutput[i * e + j];
        }
    });
    reduceChunkGradients(trace);
}

Shape LastStep::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.size() != 2) throw std::invalid_argument("Last step expects a sequence [T, h] per sample, found " + toString(in));
    return {in[1]};
}

void LastStep::forward(const Inputs& inputs, LayerTrace& trace, const RunContext&) {
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), T = x.dim(1), h = x.dim(2);
    trace.output.resize({N, h});
    for (Index n = 0; n < N; ++n) std::copy_n(x.data() + (n * T + T - 1) * h, h, trace.output.sample(n));
}

void LastStep::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                        const RunContext&) {
    trace.gradInputs.resize(1);
    if (wantInput.empty() || !wantInput[0]) return;
    const Tensor& x = *inputs[0];
    const Index N = x.dim(0), T = x.dim(1), h = x.dim(2);
    Tensor& g = trace.gradInputs[0];
    g.resize(x.shape());
    g.setZero();
    for (Index n = 0; n < N; ++n) std::copy_n(trace.gradOutput.sample(n), h, g.data() + (n * T + T - 1) * h);
}

}  // namespace ns::engine
