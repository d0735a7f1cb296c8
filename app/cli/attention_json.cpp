#include "attention_json.h"

#include "json_fields.h"
#include "engine/attention.h"
#include "engine/network.h"
#include "base/random.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace ns::cli {

using engine::Index;
using engine::Tensor;
using namespace fields;

nlohmann::json runAttentionRequest(const nlohmann::json& request) {
    const Tensor q = readTensor(required(request, "Q"), "Q", 2);
    const Index n = q.dim(0), d = q.dim(1);
    const Tensor k = readTensor(required(request, "K"), "K", 2, {-1, d});
    const Index m = k.dim(0);
    const Tensor v = readTensor(required(request, "V"), "V", 2, {m});
    const Index dv = v.dim(1);
    engine::AttentionMask mask = engine::AttentionMask::None;
    if (const auto it = request.find("mask"); it != request.end()) {
        if (!it->is_string() || (*it != "none" && *it != "causal"))
            throw InputError("mask: expected \"none\" or \"causal\", found " + it->dump());
        if (*it == "causal") {
            if (n != m)
                throw InputError("mask: \"causal\" needs as many queries as keys (n = m), found n = " +
                                 std::to_string(n) + " rows of Q and m = " + std::to_string(m) + " rows of K");
            mask = engine::AttentionMask::Causal;
        }
    }
    // What the layer holds: Q, K, V and their gradients twice (input and answer), four [n, m]
    // planes plus the backward's scratch, the output and ∂L/∂output; the JSON answer as much again.
    const double nm = static_cast<double>(n) * static_cast<double>(m);
    const double values = 2.0 * (3.0 * q.size() + 3.0 * k.size() + 3.0 * v.size() + 6.0 * nm + 3.0 * n * dv);
    checkBudget(8.0 * values, "this attention");
    engine::ScaledDotProductAttention attention(mask);
    const Tensor Q = withBatch(q), K = withBatch(k), V = withBatch(v);
    engine::LayerTrace trace;
    const engine::RunContext context;
    attention.forward({&Q, &K, &V}, trace, context);
    requireFinite(trace.named.at("scores"), "scores");
    requireFinite(trace.output, "output");
    nlohmann::json out;
    out["scores"] = sampleJson(trace.named.at("scores"));
    out["weights"] = sampleJson(trace.named.at("weights"));
    out["output"] = sampleJson(trace.output);
    if (const auto it = request.find("grad_output"); it != request.end()) {
        trace.gradOutput = withBatch(readTensor(*it, "grad_output", 2, {n, dv}));
        attention.backward({&Q, &K, &V}, trace, {true, true, true}, context);
        const char* names[] = {"grad_Q", "grad_K", "grad_V"};
        for (int i = 0; i < 3; ++i) {
            requireFinite(trace.gradInputs[static_cast<std::size_t>(i)], names[i]);
            out[names[i]] = sampleJson(trace.gradInputs[static_cast<std::size_t>(i)]);
        }
    }
    return out;
}

int runMhaBench(long steps, long threads, std::ostream& out) {
    constexpr Index kBatch = 8, kSequence = 64, kModel = 64, kHeads = 4;
    engine::Network network({kSequence, kModel});
    network.add(std::make_unique<engine::MultiHeadAttention>(kModel, kHeads));
    network.initialize(7);
    Random random(11);
    Tensor x({kBatch, kSequence, kModel});
    for (Index i = 0; i < x.size(); ++i) x[i] = random.normal();
    const Tensor ones(x.shape(), 1.0);  // ∂(Σ output)/∂output
    engine::NetworkTrace trace;
    engine::RunContext context;
    context.threads = static_cast<int>(threads);
    auto step = [&] {
        network.forward(x, trace, context);
        network.backward(trace, ones, context);
    };
    step();  // warm-up: every buffer allocated
    const auto start = std::chrono::steady_clock::now();
    for (long s = 0; s < steps; ++s) step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double outputSum = trace.output().flat().sum();
    char line[200];
    std::snprintf(line, sizeof line, "case=mha batch=%ld sequence=%ld d_model=%ld heads=%ld steps=%ld threads=%ld parameters=%ld\n",
                  static_cast<long>(kBatch), static_cast<long>(kSequence), static_cast<long>(kModel),
                  static_cast<long>(kHeads), steps, threads, static_cast<long>(network.parameterCount()));
    out << line;
    std::snprintf(line, sizeof line, "seconds_per_step=%.9f output_sum=%.9f\n", seconds / static_cast<double>(steps),
                  outputSum);
    out << line;
    return std::isfinite(outputSum) ? 0 : 1;
}

}  // namespace ns::cli
