#include "engine/layer.h"

namespace ns::engine {

const Tensor* LayerTrace::find(const std::string& name) const {
    if (name == "output") return &output;
    const auto it = named.find(name);
    return it == named.end() ? nullptr : &it->second;
}

Index Layer::parameterCount() const {
    Index count = 0;
    for (const Parameter& p : parameters_) count += p.value.size();
    return count;
}

// Up to 8 chunks of at least 2 samples: enough for two threads to balance, few enough that the
// partial sums cost nothing next to the work.
Index chunkCount(Index batch) {
    if (batch <= 0) return 0;
    const Index byMinimum = (batch + 1) / 2;
    return byMinimum < 8 ? byMinimum : 8;
}

Index chunkBegin(Index batch, Index chunk) {
    const Index chunks = chunkCount(batch);
    if (chunks == 0) return 0;
    const Index base = batch / chunks;
    const Index extra = batch % chunks;
    return chunk * base + (chunk < extra ? chunk : extra);
}

void shapeParameterGradients(const Layer& layer, LayerTrace& trace) {
    const auto& params = layer.parameters();
    trace.gradParameters.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) trace.gradParameters[i].resize(params[i].value.shape());
}

std::vector<std::vector<Tensor>>& chunkGradients(const Layer& layer, LayerTrace& trace, Index batch) {
    const auto& params = layer.parameters();
    trace.chunkScratch.resize(static_cast<std::size_t>(chunkCount(batch)));
    for (auto& chunk : trace.chunkScratch) {
        chunk.resize(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            chunk[i].resize(params[i].value.shape());
            chunk[i].setZero();
        }
    }
    return trace.chunkScratch;
}

void reduceChunkGradients(LayerTrace& trace) {
    for (std::size_t i = 0; i < trace.gradParameters.size(); ++i) {
        Tensor& sum = trace.gradParameters[i];
        sum.setZero();
        for (const auto& chunk : trace.chunkScratch) sum.flat() += chunk[i].flat();
    }
}

}  // namespace ns::engine
