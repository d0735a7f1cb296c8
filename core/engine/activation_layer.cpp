#include "engine/activation_layer.h"

#include "base/tensor.h"

namespace ns::engine {

std::string ActivationLayer::describe() const {
    static const char* names[] = {"Identity", "Sigmoid", "Tanh", "ReLU", "Leaky ReLU", "ELU", "GELU", "Softmax"};
    return names[static_cast<int>(f_)];
}

// Element-wise functions see the tensor as one column block of the core's own activation
// functions; softmax's last axis is one column of the row-major data seen column-major.
void ActivationLayer::forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) {
    const Tensor& z = *inputs[0];
    trace.output.resize(z.shape());
    if (f_ == Activation::Softmax) {
        const Index classes = z.shape().back(), rows = z.size() / classes;
        const Eigen::Map<const Matrix> zt(z.data(), classes, rows);  // column r = row r of z
        Eigen::Map<Matrix> at(trace.output.data(), classes, rows);
        for (Index r = 0; r < rows; ++r) {
            const double top = zt.col(r).maxCoeff();
            at.col(r) = (zt.col(r).array() - top).exp();
            at.col(r) /= at.col(r).sum();
        }
        return;
    }
    const Index N = z.dim(0), per = z.sampleSize();
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        const Eigen::Map<const Matrix> zb(z.sample(begin), (end - begin) * per, 1);
        Eigen::Map<Matrix> ab(trace.output.sample(begin), (end - begin) * per, 1);
        activate(f_, zb, ab);
    });
}

void ActivationLayer::backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                               const RunContext& context) {
    trace.gradInputs.resize(1);
    if (wantInput.empty() || !wantInput[0]) return;
    const Tensor& z = *inputs[0];
    Tensor& dz = trace.gradInputs[0];
    dz.resize(z.shape());
    if (f_ == Activation::Softmax) {
        const Index classes = z.shape().back(), rows = z.size() / classes;
        const Eigen::Map<const Matrix> a(trace.output.data(), classes, rows);
        const Eigen::Map<const Matrix> g(trace.gradOutput.data(), classes, rows);
        Eigen::Map<Matrix> d(dz.data(), classes, rows);
        for (Index r = 0; r < rows; ++r)  // δ_j = a_j (g_j − Σ_k a_k g_k)
            d.col(r) = a.col(r).cwiseProduct((g.col(r).array() - a.col(r).dot(g.col(r))).matrix());
        return;
    }
    const Index N = z.dim(0), per = z.sampleSize();
    forChunks(N, context.threads, [&](Index begin, Index end, Index) {
        const Index count = (end - begin) * per, offset = begin * per;
        const Eigen::Map<const Matrix> zb(z.data() + offset, count, 1), ab(trace.output.data() + offset, count, 1),
            gb(trace.gradOutput.data() + offset, count, 1);
        Eigen::Map<Matrix> db(dz.data() + offset, count, 1);
        multiplyByDerivative(f_, zb, ab, gb, db);
    });
}

}  // namespace ns::engine
