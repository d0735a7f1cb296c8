#include "transformer/toy_transformer.h"

#include "base/random.h"
#include "engine/dense.h"
#include "engine/transformer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns::transformer {

using engine::Index;
using engine::Network;
using engine::Tensor;

const std::vector<std::string>& toyTaskNames() {
    static const std::vector<std::string> names{"copy", "reverse", "sort", "characters"};
    return names;
}

int toyTaskIndex(const std::string& name) {
    const auto& names = toyTaskNames();
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

Network toyNetwork(const ToyNetworkSpec& spec) {
    const Index D = spec.dModel;
    Network network({spec.length, spec.vocabulary});
    network.add(std::make_unique<engine::Dense>(spec.vocabulary, D), {Network::kInput}, "embed");
    if (spec.positions) network.add(std::make_unique<engine::PositionalEncoding>(), {Network::kPrevious}, "pe");
    engine::EncoderBlockSpec block;
    block.dModel = D, block.heads = spec.heads, block.dFF = spec.dFF, block.preNorm = true;
    block.mask = spec.causal ? engine::AttentionMask::Causal : engine::AttentionMask::None;
    int last = Network::kPrevious;
    for (int l = 1; l <= spec.layers; ++l) {
        block.prefix = "enc" + std::to_string(l);
        last = engine::addEncoderBlock(network, last, block);
    }
    network.add(std::make_unique<engine::LayerNorm>(D), {last}, "final_norm");
    network.add(std::make_unique<engine::Dense>(D, spec.vocabulary), {Network::kPrevious}, "logits");
    network.initialize(spec.seed);
    return network;
}

namespace {

ToySettings checked(ToySettings s) {
    s.length = std::clamp(s.length, ToySettings::kMinLength, ToySettings::kMaxLength);
    s.layers = std::clamp(s.layers, 1, ToySettings::kMaxLayers);
    if (s.heads != 1 && s.heads != 2 && s.heads != 4) s.heads = s.heads < 2 ? 1 : (s.heads < 4 ? 2 : 4);
    if (!std::isfinite(s.learningRate) || s.learningRate <= 0) s.learningRate = 3e-3;
    return s;
}

}  // namespace

std::string ToyTransformer::alphabet(ToyTask task) {
    return task == ToyTask::Characters ? std::string("abcdefghijklmnopqrstuvwxyz ") : std::string("0123456789");
}

const std::string& ToyTransformer::text() {
    static const std::string t =
        "attention lets every position look at every other position and take what it needs "
        "the queries ask the keys answer and the values are what is passed on "
        "a transformer stacks attention with a small feed forward network at every position "
        "with residual connections and layer normalisation around both "
        "position encodings tell the model where each token stands "
        "without them attention sees a bag of tokens and cannot tell first from last "
        "to reverse a sequence each position must find its mirror "
        "so the attention of a trained model turns into an anti diagonal "
        "a vision transformer cuts an image into patches and reads them as tokens "
        "a class token gathers what the patches say and names the image ";
    return t;
}

std::vector<int> ToyTransformer::target(ToyTask task, const std::vector<int>& input) {
    std::vector<int> out(input.size(), -1);
    const std::size_t n = input.size();
    switch (task) {
    case ToyTask::Copy: out = input; break;
    case ToyTask::Reverse:
        for (std::size_t i = 0; i < n; ++i) out[i] = input[n - 1 - i];
        break;
    case ToyTask::Sort:
        out = input;
        std::sort(out.begin(), out.end());
        break;
    case ToyTask::Characters: {
        const std::string& t = text();
        const std::string a = alphabet(task);
        std::string window;
        for (int k : input) window += (k >= 0 && k < static_cast<int>(a.size())) ? a[static_cast<std::size_t>(k)] : '?';
        const std::size_t at = t.find(window);
        if (at != std::string::npos && at + n < t.size())
            for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<int>(a.find(t[at + i + 1]));
        break;
    }
    }
    return out;
}

ToySequences ToyTransformer::sequences(ToyTask task, int length, int count, std::uint64_t seed) {
    const Index N = count, n = length, V = vocabulary(task);
    ToySequences s;
    s.x.resize({N, n, V});
    s.x.setZero();
    s.inputs.assign(static_cast<std::size_t>(N * n), 0);
    s.labels.assign(static_cast<std::size_t>(N * n), 0);
    Random random(seed);
    const std::string& t = text();
    const std::string a = alphabet(task);
    for (Index q = 0; q < N; ++q) {
        std::vector<int> input(static_cast<std::size_t>(n)), label;
        if (task == ToyTask::Characters) {
            const std::size_t start = random.nextU64() % (t.size() - static_cast<std::size_t>(n) - 1);
            label.resize(input.size());
            for (std::size_t i = 0; i < input.size(); ++i) {
                input[i] = static_cast<int>(a.find(t[start + i]));
                label[i] = static_cast<int>(a.find(t[start + i + 1]));
            }
        } else {
            for (int& d : input) d = static_cast<int>(random.nextU64() % 10);
            label = target(task, input);
        }
        for (Index i = 0; i < n; ++i) {
            const std::size_t k = static_cast<std::size_t>(q * n + i);
            s.inputs[k] = input[static_cast<std::size_t>(i)];
            s.labels[k] = label[static_cast<std::size_t>(i)];
            s.x.at({q, i, input[static_cast<std::size_t>(i)]}) = 1.0;
        }
    }
    return s;
}

std::vector<int> ToyTransformer::tokens(ToyTask task, const std::string& typed) {
    const std::string a = alphabet(task);
    std::vector<int> out;
    for (char c : typed) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        const std::size_t k = a.find(lower);
        if (k == std::string::npos) return {};
        out.push_back(static_cast<int>(k));
    }
    return out;
}

std::string ToyTransformer::spell(ToyTask task, const std::vector<int>& tokens) {
    const std::string a = alphabet(task);
    std::string out;
    for (int k : tokens) out += (k >= 0 && k < static_cast<int>(a.size())) ? a[static_cast<std::size_t>(k)] : '?';
    return out;
}

ToyTransformer::ToyTransformer(const ToySettings& settings) : settings_(checked(settings)) {
    ToyNetworkSpec spec;
    spec.length = settings_.length, spec.vocabulary = vocabulary(settings_.task), spec.layers = settings_.layers;
    spec.heads = settings_.heads, spec.dModel = settings_.dModel, spec.dFF = settings_.dFF;
    spec.causal = settings_.task == ToyTask::Characters;
    spec.seed = settings_.seed;
    network_ = toyNetwork(spec);
    adam_.settings().eta = settings_.learningRate;
    heldOut_ = sequences(settings_.task, settings_.length, kHeldOut, 999);
}

void ToyTransformer::setLearningRate(double eta) {
    if (!std::isfinite(eta) || eta <= 0) return;
    settings_.learningRate = eta;
    adam_.settings().eta = eta;
}

ToyStep ToyTransformer::step() {
    const Index B = settings_.batch, n = settings_.length, V = vocabulary(settings_.task);
    const ToySequences batch = sequences(settings_.task, settings_.length, settings_.batch, 1000 + static_cast<std::uint64_t>(steps_));
    const engine::RunContext context;
    network_.forward(batch.x, trace_, context);
    engine::ClassificationLoss loss;
    engine::softmaxCrossEntropy(trace_.output().reshaped({B * n, V}), batch.labels, loss);
    ToyStep out;
    out.loss = loss.loss;
    out.accuracy = static_cast<double>(loss.correct) / static_cast<double>(B * n);
    out.finite = std::isfinite(loss.loss);
    if (out.finite) {
        network_.backward(trace_, loss.gradLogits.reshaped({B, n, V}), context);
        adam_.step(network_, trace_);
        out.finite = network_.allFinite();
    }
    out.step = ++steps_;
    return out;
}

double ToyTransformer::accuracyOf(const ToySequences& s) {
    engine::NetworkTrace t;
    engine::RunContext eval;
    eval.mode = engine::Mode::Eval;
    network_.forward(s.x, t, eval);
    engine::ClassificationLoss l;
    const Index tokens = static_cast<Index>(s.labels.size());
    engine::softmaxCrossEntropy(t.output().reshaped({tokens, vocabulary(settings_.task)}), s.labels, l);
    return static_cast<double>(l.correct) / static_cast<double>(tokens);
}

double ToyTransformer::heldOutAccuracy() { return accuracyOf(heldOut_); }

ToyPrediction ToyTransformer::predict(const std::vector<int>& input) {
    const Index n = settings_.length, V = vocabulary(settings_.task);
    if (static_cast<Index>(input.size()) != n)
        throw std::invalid_argument("the input must have " + std::to_string(n) + " tokens");
    Tensor x({1, n, V});
    for (Index i = 0; i < n; ++i) {
        const int k = input[static_cast<std::size_t>(i)];
        if (k < 0 || k >= V) throw std::invalid_argument("token out of range");
        x.at({0, i, k}) = 1.0;
    }
    engine::NetworkTrace t;
    engine::RunContext eval;
    eval.mode = engine::Mode::Eval;
    network_.forward(x, t, eval);
    ToyPrediction p;
    p.length = static_cast<int>(n);
    p.input = input;
    p.expected = target(settings_.task, input);
    const Tensor& logits = t.output();
    for (Index i = 0; i < n; ++i) {
        int best = 0;
        double top = logits.at({0, i, 0}), sum = 0;
        for (Index k = 1; k < V; ++k)
            if (logits.at({0, i, k}) > top) top = logits.at({0, i, k}), best = static_cast<int>(k);
        for (Index k = 0; k < V; ++k) sum += std::exp(logits.at({0, i, k}) - top);
        p.output.push_back(best);
        p.confidence.push_back(1.0 / sum);
    }
    for (int l = 1; l <= settings_.layers; ++l) {
        const int node = network_.find("enc" + std::to_string(l) + "_attention");
        const Tensor& w = t.nodes.at(static_cast<std::size_t>(node)).named.at("weights");  // [1, h, n, n]
        std::vector<std::vector<double>> heads;
        for (Index h = 0; h < w.dim(1); ++h) {
            std::vector<double> m(static_cast<std::size_t>(n * n));
            for (Index i = 0; i < n; ++i)
                for (Index j = 0; j < n; ++j) m[static_cast<std::size_t>(i * n + j)] = w.at({0, h, i, j});
            heads.push_back(std::move(m));
        }
        p.attention.push_back(std::move(heads));
    }
    return p;
}

}  // namespace ns::transformer
