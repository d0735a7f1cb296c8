#include "engine_json.h"
#include "json_fields.h"
#include "attention_json.h"

#include "base/size_limits.h"

#include "base/random.h"
#include "engine/conv2d.h"
#include "engine/models.h"
#include "engine/pool2d.h"
#include "engine/recurrent.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace ns::cli {

namespace fields {

using engine::Index;
using engine::Shape;
using engine::Tensor;

// The largest request a verb accepts: every tensor it will hold, estimated before allocating.
constexpr Index kMaxDimension = 1 << 16;

std::string kindOf(const nlohmann::json& v) {
    if (v.is_array()) return "an array of " + std::to_string(v.size());
    if (v.is_number()) return "the number " + v.dump();
    if (v.is_string()) return "the string " + v.dump();
    if (v.is_null()) return "null";
    if (v.is_boolean()) return v.dump();
    return "an object";
}

// Reads a nested array of numbers of the given rank into a tensor; every row must be as long as
// the first. `expected` fixes sizes where known (−1: any).
Tensor readTensor(const nlohmann::json& value, const std::string& field, int rank, const std::vector<Index>& expected) {
    Shape shape;
    const nlohmann::json* level = &value;
    for (int axis = 0; axis < rank; ++axis) {
        if (!level->is_array() || level->empty())
            throw InputError(field + ": expected a non-empty " + std::to_string(rank) + "-level nested array of numbers, found " +
                             kindOf(*level) + " at depth " + std::to_string(axis + 1));
        shape.push_back(static_cast<Index>(level->size()));
        if (shape.back() > kMaxDimension)
            throw InputError(field + ": axis " + std::to_string(axis) + " has " + std::to_string(shape.back()) +
                             " entries, more than the limit of " + std::to_string(kMaxDimension));
        level = &(*level)[0];
    }
    for (std::size_t axis = 0; axis < expected.size() && axis < shape.size(); ++axis)
        if (expected[axis] >= 0 && shape[axis] != expected[axis])
            throw InputError(field + ": expected " + std::to_string(expected[axis]) + " entries on axis " +
                             std::to_string(axis) + ", found " + std::to_string(shape[axis]));
    Tensor t(shape);
    Index at = 0;
    // Depth-first walk checking every row against the shape.
    auto walk = [&](auto&& self, const nlohmann::json& node, int axis, const std::string& where) -> void {
        if (axis == rank) {
            if (!node.is_number())
                throw InputError(field + where + ": expected a number, found " + kindOf(node));
            const double v = node.get<double>();
            if (!std::isfinite(v)) throw InputError(field + where + ": expected a finite number, found " + node.dump());
            t[at++] = v;
            return;
        }
        if (!node.is_array() || static_cast<Index>(node.size()) != shape[static_cast<std::size_t>(axis)])
            throw InputError(field + where + ": expected an array of " + std::to_string(shape[static_cast<std::size_t>(axis)]) +
                             " (rows must all have the same length), found " + kindOf(node));
        for (std::size_t i = 0; i < node.size(); ++i) self(self, node[i], axis + 1, where + "[" + std::to_string(i) + "]");
    };
    walk(walk, value, 0, "");
    return t;
}

const nlohmann::json& required(const nlohmann::json& document, const char* field) {
    if (!document.is_object()) throw InputError("expected a JSON object at the top level, found " + kindOf(document));
    const auto it = document.find(field);
    if (it == document.end()) throw InputError(std::string(field) + ": required field is missing");
    return *it;
}

Index readInteger(const nlohmann::json& document, const char* field, Index low, Index high, Index fallback, bool needed) {
    const auto it = document.find(field);
    if (it == document.end()) {
        if (needed) throw InputError(std::string(field) + ": required field is missing");
        return fallback;
    }
    if (!it->is_number_integer() || it->get<long long>() < low || it->get<long long>() > high)
        throw InputError(std::string(field) + ": expected a whole number from " + std::to_string(low) + " to " +
                         std::to_string(high) + ", found " + it->dump());
    return static_cast<Index>(it->get<long long>());
}

void checkBudget(double bytes, const std::string& what) {
    if (const std::string problem = limits::budgetProblem(bytes, what); !problem.empty()) throw InputError(problem);
}

// A tensor of one sample as nested arrays, dropping the batch axis of size 1.
nlohmann::json toJson(const double* data, const Shape& shape, std::size_t axis) {
    nlohmann::json out = nlohmann::json::array();
    Index stride = 1;
    for (std::size_t a = axis + 1; a < shape.size(); ++a) stride *= shape[a];
    for (Index i = 0; i < shape[axis]; ++i) {
        if (axis + 1 == shape.size()) out.push_back(data[i]);
        else out.push_back(toJson(data + i * stride, shape, axis + 1));
    }
    return out;
}
nlohmann::json sampleJson(const Tensor& t) {
    Shape shape(t.shape().begin() + 1, t.shape().end());
    return toJson(t.data(), shape);
}

void requireFinite(const Tensor& t, const char* quantity) {
    for (Index i = 0; i < t.size(); ++i)
        if (!std::isfinite(t[i]))
            throw InputError(std::string(quantity) + ": overflowed to a non-finite value at element " + std::to_string(i) +
                             " (the inputs are finite but too large)");
}

Tensor withBatch(const Tensor& sample) {
    Shape shape = sample.shape();
    shape.insert(shape.begin(), 1);
    return sample.reshaped(shape);
}

}  // namespace fields

using namespace fields;

nlohmann::json runConvRequest(const nlohmann::json& request) {
    const Tensor input = readTensor(required(request, "input"), "input", 3);
    const Index C = input.dim(0), H = input.dim(1), W = input.dim(2);
    const Tensor kernel = readTensor(required(request, "kernel"), "kernel", 4, {-1, C});
    const Index Co = kernel.dim(0);
    const Tensor bias = readTensor(required(request, "bias"), "bias", 1, {Co});
    const Index stride = readInteger(request, "stride", 1, kMaxDimension, 1, false);
    const Index padding = readInteger(request, "padding", 0, kMaxDimension, 0, false);
    const Index dilation = readInteger(request, "dilation", 1, kMaxDimension, 1, false);
    const engine::ConvGeometry g{C, H, W, Co, kernel.dim(2), kernel.dim(3), stride, padding, dilation};
    if (const std::string error = engine::checkConvGeometry(g); !error.empty())
        throw InputError("stride/padding/dilation: " + error);
    const double P = static_cast<double>(g.outHeight()) * static_cast<double>(g.outWidth());
    checkBudget(8.0 * (3.0 * C * H * W + kernel.size() + 3.0 * Co * P + 2.0 * C * g.kernelH * g.kernelW * P),
                "this convolution");
    engine::Conv2d conv(C, Co, g.kernelH, g.kernelW, stride, padding, dilation);
    conv.kernel() = kernel;
    conv.bias() = bias;
    const Tensor x = withBatch(input);
    engine::LayerTrace trace;
    const engine::RunContext context;
    conv.forward({&x}, trace, context);
    requireFinite(trace.output, "output");
    nlohmann::json out;
    out["output"] = sampleJson(trace.output);
    out["params"] = g.parameterCount();
    if (const auto it = request.find("grad_output"); it != request.end()) {
        const Tensor grad = readTensor(*it, "grad_output", 3, {Co, g.outHeight(), g.outWidth()});
        trace.gradOutput = withBatch(grad);
        conv.backward({&x}, trace, {true}, context);
        requireFinite(trace.gradInputs[0], "grad_input");
        requireFinite(trace.gradParameters[0], "grad_kernel");
        requireFinite(trace.gradParameters[1], "grad_bias");
        out["grad_input"] = sampleJson(trace.gradInputs[0]);
        out["grad_kernel"] = toJson(trace.gradParameters[0].data(), trace.gradParameters[0].shape());
        out["grad_bias"] = toJson(trace.gradParameters[1].data(), trace.gradParameters[1].shape());
    }
    return out;
}

nlohmann::json runPoolRequest(const nlohmann::json& request) {
    const Tensor input = readTensor(required(request, "input"), "input", 3);
    const nlohmann::json& kindField = required(request, "kind");
    if (!kindField.is_string() || (kindField != "max" && kindField != "avg"))
        throw InputError("kind: expected \"max\" or \"avg\", found " + kindField.dump());
    const Index size = readInteger(request, "size", 1, kMaxDimension, 2, true);
    const Index stride = readInteger(request, "stride", 1, kMaxDimension, size, false);
    const engine::PoolGeometry g{input.dim(0), input.dim(1), input.dim(2), size, stride};
    if (const std::string error = engine::checkPoolGeometry(g); !error.empty()) throw InputError("size/stride: " + error);
    checkBudget(8.0 * (3.0 * input.size() + 3.0 * g.channels * g.outHeight() * g.outWidth()), "this pooling");
    engine::Pool2d pool(kindField == "max" ? engine::PoolKind::Max : engine::PoolKind::Average, size, stride);
    const Tensor x = withBatch(input);
    engine::LayerTrace trace;
    const engine::RunContext context;
    pool.forward({&x}, trace, context);
    nlohmann::json out;
    out["output"] = sampleJson(trace.output);
    if (const auto it = request.find("grad_output"); it != request.end()) {
        trace.gradOutput = withBatch(readTensor(*it, "grad_output", 3, {g.channels, g.outHeight(), g.outWidth()}));
        pool.backward({&x}, trace, {true}, context);
        requireFinite(trace.gradInputs[0], "grad_input");
        out["grad_input"] = sampleJson(trace.gradInputs[0]);
    }
    return out;
}

nlohmann::json runRnnRequest(const nlohmann::json& request) {
    const nlohmann::json& cellField = required(request, "cell");
    engine::CellKind cell;
    if (cellField == "rnn") cell = engine::CellKind::Rnn;
    else if (cellField == "lstm") cell = engine::CellKind::Lstm;
    else if (cellField == "gru") cell = engine::CellKind::Gru;
    else throw InputError("cell: expected \"rnn\", \"lstm\" or \"gru\", found " + cellField.dump());
    const bool lstm = cell == engine::CellKind::Lstm;
    const Tensor x = readTensor(required(request, "x"), "x", 2);
    const Index T = x.dim(0), d = x.dim(1);
    const Tensor h0 = readTensor(required(request, "h0"), "h0", 1);
    const Index h = h0.dim(0);
    if (lstm && request.find("c0") == request.end()) throw InputError("c0: required field is missing (the lstm cell's C_0)");
    if (!lstm && request.find("c0") != request.end())
        throw InputError("c0: only the lstm cell has a cell state; remove c0 for " + cellField.dump());
    const Tensor c0 = lstm ? readTensor(request["c0"], "c0", 1, {h}) : Tensor();
    const int gates = cell == engine::CellKind::Rnn ? 1 : lstm ? 4 : 3;
    // x, h, every gate, C and their gradients, the packed weights and the per-step scratch.
    checkBudget(8.0 * (3.0 * T * d + (2.0 * gates + 6.0) * T * h + 4.0 * gates * h * (h + d) + 4.0 * gates * T * h),
                "this sequence");

    engine::Recurrent layer(cell, d, h, true);
    const nlohmann::json& weights = required(request, "weights");
    if (!weights.is_object()) throw InputError("weights: expected an object of named matrices, found " + kindOf(weights));
    std::string names;
    for (const engine::Parameter& p : layer.parameters()) names += (names.empty() ? "" : ", ") + p.name;
    for (auto it = weights.begin(); it != weights.end(); ++it)
        if (layer.parameterIndex(it.key()) < 0)
            throw InputError("weights." + it.key() + ": not a weight of the " + cellField.get<std::string>() +
                             " cell (expected " + names + ")");
    for (engine::Parameter& p : layer.parameters()) {
        const auto it = weights.find(p.name);
        if (it == weights.end())
            throw InputError("weights." + p.name + ": required weight is missing (the " + cellField.get<std::string>() +
                             " cell has " + names + ")");
        p.value = readTensor(*it, "weights." + p.name, p.value.rank(), p.value.shape());
    }
    const Tensor xb = withBatch(x), h0b = withBatch(h0), c0b = lstm ? withBatch(c0) : Tensor();
    engine::Inputs inputs{&xb, &h0b};
    if (lstm) inputs.push_back(&c0b);
    engine::LayerTrace trace;
    const engine::RunContext context;
    layer.forward(inputs, trace, context);
    requireFinite(trace.output, "h");
    nlohmann::json out;
    out["h"] = sampleJson(trace.output);
    if (lstm) out["c"] = sampleJson(*trace.find("C"));
    if (cell != engine::CellKind::Rnn) {
        nlohmann::json gatesJson = nlohmann::json::object();
        for (const std::string& name : layer.gateNames()) gatesJson[name] = sampleJson(*trace.find(name));
        out["gates"] = gatesJson;
    }
    if (const auto it = request.find("grad_h"); it != request.end()) {
        trace.gradOutput = withBatch(readTensor(*it, "grad_h", 2, {T, h}));
        layer.backward(inputs, trace, std::vector<bool>(inputs.size(), true), context);
        requireFinite(trace.gradInputs[0], "grad_x");
        out["grad_x"] = sampleJson(trace.gradInputs[0]);
        out["grad_h0"] = sampleJson(trace.gradInputs[1]);
        if (lstm) out["grad_c0"] = sampleJson(trace.gradInputs[2]);
        nlohmann::json grads = nlohmann::json::object();
        for (std::size_t p = 0; p < layer.parameters().size(); ++p) {
            requireFinite(trace.gradParameters[p], "grad_weights");
            grads[layer.parameters()[p].name] = toJson(trace.gradParameters[p].data(), trace.gradParameters[p].shape());
        }
        out["grad_weights"] = grads;
    }
    return out;
}

namespace {
long benchOption(const std::string& option, const std::string& text, long low, long high) {
    std::size_t used = 0;
    long value = 0;
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    try {
        if (digits) value = std::stol(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (!digits || used != text.size() || value < low || value > high)
        throw InputError(option + ": expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                         ", found \"" + text + "\"");
    return value;
}

// The LSTM case: input 32, hidden 64, a batch of 32 sequences of 50 steps; forward, then
// backward of Σ h_t (∂L/∂h_t = 1) to the weights, as torch's `lstm(x)[0].sum().backward()`.
int benchLstm(long steps, long threads, std::ostream& out) {
    constexpr Index kBatch = 32, kSteps = 50, kInput = 32, kHidden = 64;
    engine::Recurrent lstm(engine::CellKind::Lstm, kInput, kHidden);
    lstm.initialize(7);
    Random random(11);
    Tensor x({kBatch, kSteps, kInput});
    for (Index i = 0; i < x.size(); ++i) x[i] = random.normal();
    engine::LayerTrace trace;
    engine::RunContext context;
    context.threads = static_cast<int>(threads);
    const auto step = [&] {
        lstm.forward({&x}, trace, context);
        trace.gradOutput.resize(trace.output.shape());
        trace.gradOutput.fill(1.0);
        lstm.backward({&x}, trace, {false}, context);
    };
    step();  // warm-up
    const auto start = std::chrono::steady_clock::now();
    for (long s = 0; s < steps; ++s) step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[200];
    std::snprintf(line, sizeof line, "case=lstm batch=%ld length=%ld input=%ld hidden=%ld steps=%ld threads=%ld parameters=%ld\n",
                  static_cast<long>(kBatch), static_cast<long>(kSteps), static_cast<long>(kInput), static_cast<long>(kHidden),
                  steps, threads, static_cast<long>(lstm.parameterCount()));
    out << line;
    std::snprintf(line, sizeof line, "seconds_per_step=%.9f sum_h=%.9f\n", seconds / static_cast<double>(steps),
                  trace.output.flat().sum());
    out << line;
    return trace.output.allFinite() ? 0 : 1;
}
}  // namespace

int runBench(const std::vector<std::string>& args, std::ostream& out) {
    if (args.empty()) throw InputError("bench: expected a case name (lenet5, lstm or mha)");
    const std::string name = args[0];
    long steps = 20, threads = 1;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& option = args[i];
        if (i + 1 >= args.size()) throw InputError(option + ": expected a value after it");
        if (option == "--steps") steps = benchOption(option, args[++i], 1, 100000);
        else if (option == "--threads") threads = benchOption(option, args[++i], 1, 64);
        else throw InputError(option + ": unknown option for bench (expected --steps or --threads)");
    }
    if (name == "lstm") return benchLstm(steps, threads, out);
    if (name == "mha") return runMhaBench(steps, threads, out);
    if (name != "lenet5") throw InputError("bench: unknown case \"" + name + "\" (expected lenet5, lstm or mha)");

    // The fixed case: a batch of 32 random 1×28×28 inputs, 10 classes, SGD η = 0.01.
    constexpr Index kBatch = 32;
    engine::Network network = engine::lenet5();
    network.initialize(7);
    Random random(11);
    Tensor x({kBatch, 1, 28, 28});
    for (Index i = 0; i < x.size(); ++i) x[i] = random.uniform();
    std::vector<int> labels(kBatch);
    for (int& y : labels) y = static_cast<int>(random.nextU64() % 10);
    engine::NetworkTrace trace;
    engine::ClassificationLoss loss;
    engine::RunContext context;
    context.threads = static_cast<int>(threads);
    engine::StepResult result = engine::trainStep(network, trace, loss, x, labels, 0.01, context);  // warm-up
    const auto start = std::chrono::steady_clock::now();
    for (long s = 0; s < steps; ++s) result = engine::trainStep(network, trace, loss, x, labels, 0.01, context);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[160];
    std::snprintf(line, sizeof line, "case=lenet5 batch=%ld steps=%ld threads=%ld parameters=%ld\n", static_cast<long>(kBatch),
                  steps, threads, static_cast<long>(network.parameterCount()));
    out << line;
    std::snprintf(line, sizeof line, "seconds_per_step=%.9f loss=%.9f\n", seconds / static_cast<double>(steps), result.loss);
    out << line;
    return result.finite ? 0 : 1;
}

}  // namespace ns::cli
