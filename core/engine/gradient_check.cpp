#include "engine/gradient_check.h"

#include "base/random.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ns::engine {

namespace {

double weightedSum(Network& network, const Tensor& x, const Tensor& r, const RunContext& context, NetworkTrace& trace) {
    network.forward(x, trace, context);
    const Tensor& y = trace.output();
    double sum = 0;
    for (Index i = 0; i < y.size(); ++i) sum += r[i] * y[i];
    return sum;
}

// Compares one tensor's analytic gradient with central differences of L in `value`.
void compare(Tensor& value, const Tensor& analytic, const std::string& label, Network& network, const Tensor& xForLoss,
             const Tensor& r, const RunContext& context, double h, GradientTolerance tol, Index maxEntries,
             GradientCheck& result, bool perturbInput, Tensor* input) {
    NetworkTrace scratch;
    const Index n = value.size();
    const Index step = std::max<Index>(1, n / std::max<Index>(1, maxEntries));
    for (Index i = 0; i < n; i += step) {
        const double saved = value[i];
        value[i] = saved + h;
        const double plus = weightedSum(network, perturbInput ? *input : xForLoss, r, context, scratch);
        value[i] = saved - h;
        const double minus = weightedSum(network, perturbInput ? *input : xForLoss, r, context, scratch);
        value[i] = saved;
        const double numeric = (plus - minus) / (2 * h);
        const double a = analytic[i];
        const double excess = std::abs(a - numeric) - (tol.relative * std::max(std::abs(a), std::abs(numeric)) + tol.absolute);
        ++result.entriesChecked;
        if (excess > result.worstExcess || (!std::isfinite(excess))) {
            result.worstExcess = std::isfinite(excess) ? excess : INFINITY;
            std::ostringstream text;
            text.precision(10);
            text << label << "[" << i << "]: analytic " << a << ", numeric " << numeric;
            result.worst = text.str();
        }
        if (!(excess <= 0)) result.passed = false;
    }
}

}  // namespace

GradientCheck checkGradients(Network& network, const Tensor& x, const RunContext& context, double h,
                             GradientTolerance tolerance, std::uint64_t seed, Index maxEntries) {
    NetworkTrace trace;
    network.forward(x, trace, context);
    Tensor r(trace.output().shape());
    Random random(seed);
    for (Index i = 0; i < r.size(); ++i) r[i] = random.normal();
    network.backward(trace, r, context, true);

    GradientCheck result;
    Tensor input = x;
    compare(input, trace.gradInput, "input", network, x, r, context, h, tolerance, maxEntries, result, true, &input);
    for (std::size_t node = 0; node < network.size(); ++node) {
        auto& params = network.node(node).layer->parameters();
        for (std::size_t p = 0; p < params.size(); ++p) {
            const std::string label = "node " + std::to_string(node + 1) + " (" + network.node(node).name + ") " + params[p].name;
            compare(params[p].value, trace.nodes[node].gradParameters.at(p), label, network, x, r, context, h, tolerance,
                    maxEntries, result, false, nullptr);
        }
    }
    return result;
}

}  // namespace ns::engine
