#include "sequence/sequence_tasks.h"

#include "base/random.h"
#include "engine/dense.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <stdexcept>

namespace ns::sequence {

using engine::Index;
using engine::Shape;
using engine::Tensor;

namespace {

constexpr Index kMaxLength = 1000;
constexpr Index kMaxHidden = 1024;
constexpr Index kMaxBatch = 4096;
constexpr Index kMaxSymbols = 64;

// Short sentences, Chinese and English, with enough repetition for a small model to pick up
// words and punctuation in a few hundred steps.
const std::string kText =
    "the network learns from data. the gradient flows back through time. "
    "a recurrent network remembers what it has seen. the forget gate decides what to keep. "
    "the cell state carries memory from step to step. the student watches the network learn. "
    "神经网络从数据中学习。梯度沿着时间反向传播。循环神经网络记住它看到的内容。"
    "遗忘门决定保留什么。细胞状态把记忆一步一步传下去。学生看着网络学习。"
    "the network learns. 网络在学习。the gradient flows. 梯度在流动。";

std::vector<std::string> splitUtf8(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

struct Alphabet {
    std::vector<std::string> symbols;
    std::map<std::string, int> index;
    std::vector<int> text;  // kText as alphabet indices
};

const Alphabet& alphabet() {
    static const Alphabet a = [] {
        Alphabet result;
        const std::vector<std::string> chars = splitUtf8(kText);
        result.symbols = chars;
        std::sort(result.symbols.begin(), result.symbols.end());
        result.symbols.erase(std::unique(result.symbols.begin(), result.symbols.end()), result.symbols.end());
        for (std::size_t i = 0; i < result.symbols.size(); ++i) result.index[result.symbols[i]] = static_cast<int>(i);
        for (const std::string& c : chars) result.text.push_back(result.index[c]);
        return result;
    }();
    return a;
}

void checkTask(const TaskSpec& task) {
    if (task.length < 2 || task.length > kMaxLength)
        throw std::invalid_argument("sequence length must be 2…" + std::to_string(kMaxLength) + ", found " +
                                    std::to_string(task.length));
    if (task.kind == TaskKind::RememberFirst && (task.symbols < 2 || task.symbols > kMaxSymbols))
        throw std::invalid_argument("symbols must be 2…" + std::to_string(kMaxSymbols) + ", found " +
                                    std::to_string(task.symbols));
    if (task.kind == TaskKind::Characters && task.length >= static_cast<Index>(alphabet().text.size()))
        throw std::invalid_argument("the character window must be shorter than the text (" +
                                    std::to_string(alphabet().text.size()) + " characters), found " +
                                    std::to_string(task.length));
}

// Mean squared error over every element; ∂L/∂y = 2 (y − t) / count.
double meanSquaredError(const Tensor& y, const Tensor& target, Tensor& grad) {
    grad.resize(y.shape());
    const double count = static_cast<double>(y.size());
    double sum = 0;
    for (Index i = 0; i < y.size(); ++i) {
        const double e = y[i] - target[i];
        sum += e * e;
        grad[i] = 2 * e / count;
    }
    return sum / count;
}

// The same layers and weights for sequences of another length (a recurrent network's weights
// do not depend on T; the engine's networks fix their input shape).
engine::Network withLength(const engine::Network& network, Index T) {
    Shape shape = network.inputShape();
    shape[0] = T;
    engine::Network sized(shape);
    for (std::size_t i = 0; i < network.size(); ++i)
        sized.add(network.node(i).layer->clone(), network.node(i).inputs, network.node(i).name);
    return sized;
}

}  // namespace

const char* taskName(TaskKind kind) {
    switch (kind) {
    case TaskKind::RememberFirst: return "remember_first";
    case TaskKind::Adding: return "adding";
    case TaskKind::Sine: return "sine";
    case TaskKind::Characters: return "characters";
    }
    return "?";
}

const std::string& characterText() { return kText; }
const std::vector<std::string>& characterAlphabet() { return alphabet().symbols; }

Index inputSize(const TaskSpec& task) {
    switch (task.kind) {
    case TaskKind::RememberFirst: return task.symbols;
    case TaskKind::Adding: return 2;
    case TaskKind::Sine: return 1;
    case TaskKind::Characters: return static_cast<Index>(alphabet().symbols.size());
    }
    return 1;
}

Index outputSize(const TaskSpec& task) {
    switch (task.kind) {
    case TaskKind::RememberFirst: return task.symbols;
    case TaskKind::Characters: return static_cast<Index>(alphabet().symbols.size());
    default: return 1;
    }
}

bool isClassification(const TaskSpec& task) {
    return task.kind == TaskKind::RememberFirst || task.kind == TaskKind::Characters;
}

SequenceBatch makeBatch(const TaskSpec& task, Index batch, std::uint64_t seed) {
    checkTask(task);
    if (batch < 1 || batch > kMaxBatch)
        throw std::invalid_argument("batch must be 1…" + std::to_string(kMaxBatch) + ", found " + std::to_string(batch));
    const Index T = task.length, d = inputSize(task);
    Random random(seed * 0x9E3779B97F4A7C15ull + 17);
    SequenceBatch b;
    b.x = Tensor({batch, T, d});
    const auto pick = [&](Index n) { return static_cast<Index>(random.nextU64() % static_cast<std::uint64_t>(n)); };
    switch (task.kind) {
    case TaskKind::RememberFirst:
        for (Index n = 0; n < batch; ++n) {
            for (Index t = 0; t < T; ++t) b.x.at({n, t, pick(d)}) = 1;
            Index first = 0;
            while (b.x.at({n, 0, first}) == 0) ++first;
            b.labels.push_back(static_cast<int>(first));
        }
        break;
    case TaskKind::Adding:
        b.targets = Tensor({batch, 1});
        for (Index n = 0; n < batch; ++n) {
            for (Index t = 0; t < T; ++t) b.x.at({n, t, 0}) = random.uniform();
            const Index a = pick(T / 2), c = T / 2 + pick(T - T / 2);  // one marker in each half
            b.x.at({n, a, 1}) = b.x.at({n, c, 1}) = 1;
            b.targets[n] = b.x.at({n, a, 0}) + b.x.at({n, c, 0});
        }
        break;
    case TaskKind::Sine:
        b.targets = Tensor({batch, T, 1});
        for (Index n = 0; n < batch; ++n) {
            const double phase = 2 * std::numbers::pi * random.uniform(), omega = 0.25 + 0.25 * random.uniform();
            for (Index t = 0; t < T; ++t) {
                b.x.at({n, t, 0}) = std::sin(omega * static_cast<double>(t) + phase);
                b.targets.at({n, t, 0}) = std::sin(omega * static_cast<double>(t + 1) + phase);
            }
        }
        break;
    case TaskKind::Characters: {
        const std::vector<int>& text = alphabet().text;
        const Index span = static_cast<Index>(text.size()) - T;
        for (Index n = 0; n < batch; ++n) {
            const Index start = pick(span);
            for (Index t = 0; t < T; ++t) {
                b.x.at({n, t, text[static_cast<std::size_t>(start + t)]}) = 1;
                b.labels.push_back(text[static_cast<std::size_t>(start + t + 1)]);
            }
        }
        break;
    }
    }
    return b;
}

SequenceTrainer::SequenceTrainer(TrainerSpec spec) : spec_(spec), adam_({spec.eta}) {
    checkTask(spec.task);
    if (spec.hidden < 1 || spec.hidden > kMaxHidden)
        throw std::invalid_argument("hidden size must be 1…" + std::to_string(kMaxHidden) + ", found " +
                                    std::to_string(spec.hidden));
    if (spec.batch < 1 || spec.batch > kMaxBatch)
        throw std::invalid_argument("batch must be 1…" + std::to_string(kMaxBatch) + ", found " + std::to_string(spec.batch));
    if (!(spec.eta > 0 && spec.eta <= 1)) throw std::invalid_argument("learning rate must be in (0, 1], found " + std::to_string(spec.eta));
    const Index d = inputSize(spec.task), h = spec.hidden;
    network_ = engine::Network({spec.task.length, d});
    network_.add(std::make_unique<engine::Recurrent>(spec.cell, d, h), {engine::Network::kInput}, "recurrent");
    const bool perStep = spec.task.kind == TaskKind::Sine || spec.task.kind == TaskKind::Characters;
    if (!perStep) network_.add(std::make_unique<engine::LastStep>(), {engine::Network::kPrevious}, "last");
    network_.add(std::make_unique<engine::Dense>(h, outputSize(spec.task)), {engine::Network::kPrevious}, "readout");
    network_.initialize(spec.seed);
}

StepStats SequenceTrainer::run(const SequenceBatch& batch, engine::NetworkTrace& trace, engine::Mode mode, bool backward) {
    engine::RunContext context;
    context.mode = mode;
    context.threads = 1;
    network_.forward(batch.x, trace, context);
    StepStats stats;
    stats.step = steps_;
    stats.accuracy = std::numeric_limits<double>::quiet_NaN();
    Tensor grad;
    const Tensor& y = trace.output();
    if (isClassification(spec_.task)) {
        const Index K = outputSize(spec_.task);
        engine::ClassificationLoss loss;
        engine::softmaxCrossEntropy(y.reshaped({y.size() / K, K}), batch.labels, loss);
        stats.loss = loss.loss;
        stats.accuracy = static_cast<double>(loss.correct) / static_cast<double>(batch.labels.size());
        grad = loss.gradLogits.reshaped(y.shape());
    } else {
        stats.loss = meanSquaredError(y, batch.targets, grad);
    }
    stats.finite = std::isfinite(stats.loss);
    if (backward && stats.finite) {
        network_.backward(trace, grad, context);
        stats.gradientNorm = engine::gradientNorm(trace);
        stats.finite = std::isfinite(stats.gradientNorm);
        const Tensor* norms = trace.nodes[0].find("grad_norm");
        if (norms) stats.gradNormPerStep.assign(norms->data(), norms->data() + norms->size());
    }
    return stats;
}

StepStats SequenceTrainer::step() {
    const SequenceBatch batch = makeBatch(spec_.task, spec_.batch, spec_.seed * 1000003ull + static_cast<std::uint64_t>(steps_));
    StepStats stats = run(batch, trace_, engine::Mode::Train, true);
    if (stats.finite) {
        engine::clipGradientNorm(trace_, spec_.clipNorm);
        adam_.step(network_, trace_);
    }
    ++steps_;
    stats.step = steps_;
    return stats;
}

StepStats SequenceTrainer::evaluate(int batches) {
    StepStats total;
    total.step = steps_;
    double accuracy = 0;
    engine::NetworkTrace trace;
    for (int k = 0; k < batches; ++k) {
        // Held-out seeds: the top bit keeps them apart from every training batch's.
        const SequenceBatch batch = makeBatch(spec_.task, spec_.batch, (1ull << 63) + spec_.seed * 7919ull + static_cast<std::uint64_t>(k));
        const StepStats s = run(batch, trace, engine::Mode::Eval, false);
        total.loss += s.loss / batches;
        accuracy += s.accuracy / batches;
        total.finite = total.finite && s.finite;
    }
    total.accuracy = isClassification(spec_.task) ? accuracy : std::numeric_limits<double>::quiet_NaN();
    return total;
}

StepStats SequenceTrainer::traceBatch(const SequenceBatch& batch, engine::NetworkTrace& trace) {
    return run(batch, trace, engine::Mode::Eval, true);
}

void SequenceTrainer::traceOne(const Tensor& x, engine::NetworkTrace& trace, bool withBackward) {
    engine::RunContext context;
    context.mode = engine::Mode::Eval;
    if (x.rank() != 3 || x.dim(2) != inputSize(spec_.task) || x.dim(1) < 1)
        throw std::invalid_argument("traceOne expects [N, T, " + std::to_string(inputSize(spec_.task)) + "], found " +
                                    engine::toString(x.shape()));
    engine::Network sized = withLength(network_, x.dim(1));
    sized.forward(x, trace, context);
    if (!withBackward) return;
    Tensor grad(trace.output().shape());
    const Index per = grad.sampleSize(), last = grad.dim(grad.rank() - 1);
    for (Index n = 0; n < grad.dim(0); ++n)
        for (Index k = per - last; k < per; ++k) grad.sample(n)[k] = 1;
    sized.backward(trace, grad, context);
}

std::string SequenceTrainer::sample(const std::string& prompt, int length, double temperature, std::uint64_t seed) {
    if (spec_.task.kind != TaskKind::Characters) throw std::invalid_argument("sampling needs the characters task");
    if (length < 0 || length > 2000) throw std::invalid_argument("sample length must be 0…2000, found " + std::to_string(length));
    const Alphabet& a = alphabet();
    std::vector<int> ids;
    for (const std::string& c : splitUtf8(prompt)) {
        const auto it = a.index.find(c);
        if (it != a.index.end()) ids.push_back(it->second);
    }
    if (ids.empty()) ids.push_back(a.text.front());
    const Index K = static_cast<Index>(a.symbols.size());
    // The recurrence runs over a window of recent characters (the network was trained on
    // windows of the task's length); each new character reruns that window.
    const Index window = std::max<Index>(spec_.task.length, 32);
    Random random(seed);
    std::string out;
    engine::NetworkTrace trace;
    engine::RunContext context;
    context.mode = engine::Mode::Eval;
    std::map<Index, engine::Network> byLength;
    for (int k = 0; k < length; ++k) {
        const Index T = std::min<Index>(window, static_cast<Index>(ids.size()));
        auto sized = byLength.find(T);
        if (sized == byLength.end()) sized = byLength.emplace(T, withLength(network_, T)).first;
        Tensor x({1, T, K});
        for (Index t = 0; t < T; ++t) x.at({0, t, ids[ids.size() - static_cast<std::size_t>(T - t)]}) = 1;
        sized->second.forward(x, trace, context);
        const double* logits = trace.output().data() + (T - 1) * K;
        int next = 0;
        if (temperature <= 0) {
            next = static_cast<int>(std::max_element(logits, logits + K) - logits);
        } else {
            const double top = *std::max_element(logits, logits + K);
            std::vector<double> p(static_cast<std::size_t>(K));
            double sum = 0;
            for (Index j = 0; j < K; ++j) sum += (p[static_cast<std::size_t>(j)] = std::exp((logits[j] - top) / temperature));
            double u = random.uniform() * sum;
            next = static_cast<int>(K - 1);
            for (Index j = 0; j < K; ++j)
                if ((u -= p[static_cast<std::size_t>(j)]) <= 0) {
                    next = static_cast<int>(j);
                    break;
                }
        }
        ids.push_back(next);
        out += a.symbols[static_cast<std::size_t>(next)];
    }
    return out;
}

}  // namespace ns::sequence
