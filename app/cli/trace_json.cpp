#include "trace_json.h"

#include "base/size_limits.h"

#include <cmath>
#include <sstream>

namespace ns::cli {

namespace {

using nlohmann::json;

std::string describe(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "the string " + value.dump();
        case json::value_t::array: return "a list of " + std::to_string(value.size());
        case json::value_t::object: return "an object";
        default: return "the number " + value.dump();
    }
}

[[noreturn]] void fail(const std::string& field, const std::string& expected, const json& found) {
    throw InputError(field + ": expected " + expected + ", found " + describe(found));
}

const json& require(const json& document, const char* field) {
    const auto it = document.find(field);
    if (it == document.end()) throw InputError(std::string(field) + ": required field is missing");
    return *it;
}

double number(const json& value, const std::string& field) {
    if (!value.is_number()) fail(field, "a number", value);
    const double v = value.get<double>();
    if (!std::isfinite(v)) fail(field, "a finite number", value);
    return v;
}

Matrix matrix(const json& value, const std::string& field, Eigen::Index rows, Eigen::Index cols,
              const std::string& shape) {
    if (!value.is_array() || static_cast<Eigen::Index>(value.size()) != rows)
        fail(field, shape, value);
    Matrix m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r) {
        const json& row = value[static_cast<std::size_t>(r)];
        const std::string rowField = field + "[" + std::to_string(r) + "]";
        if (!row.is_array() || static_cast<Eigen::Index>(row.size()) != cols)
            fail(rowField, "a list of " + std::to_string(cols) + " numbers", row);
        for (Eigen::Index c = 0; c < cols; ++c)
            m(r, c) = number(row[static_cast<std::size_t>(c)], rowField + "[" + std::to_string(c) + "]");
    }
    return m;
}

// Bytes a trace of `batch` samples needs: z, a, δ per sample and unit (and as much again for
// the passes' temporaries), the network three times (W, ∂W, the update), and the JSON output —
// about 48 bytes per number between its tree and its text.
double traceBytes(const std::vector<int>& sizes, std::size_t batch) {
    double units = 0, parameters = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        units += sizes[l];
        parameters += static_cast<double>(sizes[l]) * (sizes[l - 1] + 1);
    }
    const double traced = 3.0 * static_cast<double>(batch) * units;
    const double numbers = 2 * traced + static_cast<double>(batch) * (sizes.front() + sizes.back()) + 3 * parameters;
    return 8 * numbers + 48 * (traced + parameters);
}

void checkTargets(const Matrix& targets, Loss loss) {
    for (Eigen::Index r = 0; r < targets.rows(); ++r) {
        const std::string row = "targets[" + std::to_string(r) + "]";
        if (loss == Loss::Bce) {
            for (Eigen::Index c = 0; c < targets.cols(); ++c)
                if (targets(r, c) < 0 || targets(r, c) > 1)
                    fail(row + "[" + std::to_string(c) + "]", "a number from 0 to 1 for bce (a probability)",
                         json(targets(r, c)));
        } else if (loss == Loss::Ce) {
            int ones = 0;
            bool binary = true;
            for (Eigen::Index c = 0; c < targets.cols(); ++c) {
                ones += targets(r, c) == 1;
                binary = binary && (targets(r, c) == 0 || targets(r, c) == 1);
            }
            if (!binary || ones != 1) {
                json found = json::array();
                for (Eigen::Index c = 0; c < targets.cols(); ++c) found.push_back(targets(r, c));
                throw InputError(row + ": expected a one-hot row for ce (one 1 among " + std::to_string(targets.cols()) +
                                 " classes, the rest 0), found " + found.dump());
            }
        }
    }
}

std::string numberText(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

json rows(const Matrix& m) {
    json out = json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        json row = json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(m(r, c));
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

TraceRequest parseTraceRequest(const json& document) {
    if (!document.is_object()) fail("document", "a JSON object", document);

    const json& sizesJson = require(document, "sizes");
    if (!sizesJson.is_array()) fail("sizes", "a list of layer sizes", sizesJson);
    std::vector<int> sizes;
    for (std::size_t i = 0; i < sizesJson.size(); ++i) {
        const json& s = sizesJson[i];
        const std::string field = "sizes[" + std::to_string(i) + "]";
        if (!s.is_number_integer()) fail(field, "a whole number of units", s);
        const auto units = s.get<long long>();
        if (units < 1 || units > static_cast<long long>(limits::kMaxUnitsPerLayer))
            fail(field, "1 to " + std::to_string(limits::kMaxUnitsPerLayer) + " units", s);
        sizes.push_back(static_cast<int>(units));
    }
    if (sizes.size() < 2 || sizes.size() - 1 > limits::kMaxWeightLayers)
        fail("sizes", "2 to " + std::to_string(limits::kMaxWeightLayers + 1) + " layer sizes",
             sizesJson);
    const std::size_t layerCount = sizes.size() - 1;

    const json& activationsJson = require(document, "activations");
    if (!activationsJson.is_array() || activationsJson.size() != layerCount)
        fail("activations", "a list of " + std::to_string(layerCount) + " names", activationsJson);
    std::vector<Activation> activations;
    for (std::size_t l = 0; l < layerCount; ++l) {
        const json& a = activationsJson[l];
        const std::string field = "activations[" + std::to_string(l) + "]";
        const auto parsed = a.is_string() ? parseActivation(a.get<std::string>()) : std::nullopt;
        if (!parsed)
            fail(field,
                 "one of identity, sigmoid, tanh, relu, leaky_relu, elu, gelu, softmax", a);
        if (*parsed == Activation::Softmax && l + 1 != layerCount)
            fail(field, "softmax only on the output layer", a);
        activations.push_back(*parsed);
    }
    if (const std::string problem = Mlp::checkArchitecture(sizes, activations); !problem.empty())
        throw InputError(problem);

    const json& lossJson = require(document, "loss");
    const auto loss = lossJson.is_string() ? parseLoss(lossJson.get<std::string>()) : std::nullopt;
    if (!loss) fail("loss", "one of mse, mae, huber, bce, ce", lossJson);

    // The weights' shapes are checked before the network is allocated: a few bytes naming a
    // 16-million-parameter network must not cost its memory before they are refused.
    const json& weights = require(document, "weights");
    const json& biases = require(document, "biases");
    if (!weights.is_array() || weights.size() != layerCount)
        fail("weights", "a list of " + std::to_string(layerCount) + " matrices", weights);
    if (!biases.is_array() || biases.size() != layerCount)
        fail("biases", "a list of " + std::to_string(layerCount) + " vectors", biases);
    for (std::size_t l = 0; l < layerCount; ++l)
        if (!weights[l].is_array() || weights[l].size() != static_cast<std::size_t>(sizes[l + 1]))
            fail("weights[" + std::to_string(l) + "]",
                 "a list of " + std::to_string(sizes[l + 1]) + " rows of " + std::to_string(sizes[l]) + " numbers",
                 weights[l]);
    TraceRequest request{Mlp(sizes, activations), *loss, {}, {}};
    for (std::size_t l = 0; l < layerCount; ++l) {
        DenseLayer& layer = request.network.layer(l);
        const std::string field = "weights[" + std::to_string(l) + "]";
        layer.W = matrix(weights[l], field, sizes[l + 1], sizes[l],
                         "a list of " + std::to_string(sizes[l + 1]) + " rows of " +
                             std::to_string(sizes[l]) + " numbers");
        const json& b = biases[l];
        const std::string biasField = "biases[" + std::to_string(l) + "]";
        if (!b.is_array() || b.size() != static_cast<std::size_t>(sizes[l + 1]))
            fail(biasField, "a list of " + std::to_string(sizes[l + 1]) + " numbers", b);
        for (int j = 0; j < sizes[l + 1]; ++j)
            layer.b(j) = number(b[static_cast<std::size_t>(j)],
                                biasField + "[" + std::to_string(j) + "]");
    }

    const json& inputs = require(document, "inputs");
    if (!inputs.is_array() || inputs.empty() || inputs.size() > limits::kMaxBatch)
        fail("inputs", "a list of 1 to " + std::to_string(limits::kMaxBatch) + " samples", inputs);
    const auto batch = static_cast<Eigen::Index>(inputs.size());
    if (const std::string problem = limits::budgetProblem(
            traceBytes(sizes, inputs.size()),
            "inputs: tracing " + std::to_string(inputs.size()) + " samples through this network (with its JSON output)");
        !problem.empty())
        throw InputError(problem + "; send fewer samples or a smaller network");
    request.inputs = matrix(inputs, "inputs", batch, sizes.front(),
                            "a list of samples of " + std::to_string(sizes.front()) + " numbers");
    request.targets = matrix(require(document, "targets"), "targets", batch, sizes.back(),
                             std::to_string(batch) + " targets (one per input) of " +
                                 std::to_string(sizes.back()) + " numbers");
    checkTargets(request.targets, request.loss);
    return request;
}

void checkFinite(const Trace& trace) {
    auto scan = [](const Matrix& m, const std::string& name) {
        for (Eigen::Index r = 0; r < m.rows(); ++r)
            for (Eigen::Index c = 0; c < m.cols(); ++c)
                if (!std::isfinite(m(r, c)))
                    throw InputError(name + "[" + std::to_string(r) + "][" + std::to_string(c) + "] overflowed to " +
                                     numberText(m(r, c)) +
                                     " (finite inputs, but too large for float64 arithmetic); scale the inputs or weights down");
    };
    // In the order the passes compute them, so the message names where the overflow began.
    for (std::size_t l = 0; l < trace.layers.size(); ++l) {
        scan(trace.layers[l].z, "layers[" + std::to_string(l) + "].z");
        scan(trace.layers[l].a, "layers[" + std::to_string(l) + "].a");
    }
    if (!std::isfinite(trace.loss))
        throw InputError("loss overflowed to " + numberText(trace.loss) +
                         " (finite inputs, but too large for float64 arithmetic); scale the inputs or weights down");
    for (std::size_t l = trace.layers.size(); l-- > 0;) {
        scan(trace.layers[l].delta, "layers[" + std::to_string(l) + "].delta");
        scan(trace.layers[l].dW, "layers[" + std::to_string(l) + "].dW");
        scan(Matrix(trace.layers[l].db.transpose()), "layers[" + std::to_string(l) + "].db");
    }
}

std::size_t worksheetValueCount(const Mlp& network) {
    // z and a per neuron, the loss, then δ, ∂W and ∂b per layer, and the updated W and b.
    std::size_t units = 0, parameters = 0;
    for (const DenseLayer& layer : network.layers()) {
        units += static_cast<std::size_t>(layer.W.rows());
        parameters += static_cast<std::size_t>(layer.W.size() + layer.b.size());
    }
    return 3 * units + 1 + 2 * parameters;
}

void checkWorksheetSize(const Mlp& network, std::size_t batch) {
    const std::size_t values = worksheetValueCount(network);
    if (values > limits::kMaxWorksheetValues)
        throw InputError("sizes: expected a network whose training step has at most " +
                         std::to_string(limits::kMaxWorksheetValues) + " values to print, found one with " +
                         std::to_string(values));
    // Each value keeps its per-sample numbers and its formula substituted with them, in three
    // notations: about 100 bytes per value and sample.
    if (const std::string problem = limits::budgetProblem(
            100.0 * static_cast<double>(values) * static_cast<double>(batch),
            "inputs: a worksheet of " + std::to_string(values) + " values over " + std::to_string(batch) + " samples");
        !problem.empty())
        throw InputError(problem + "; send fewer samples or a smaller network");
}

double checkLearningRate(double value, const std::string& field, const std::string& found) {
    if (!(value >= limits::kMinLearningRate && value <= limits::kMaxLearningRate))
        throw InputError(field + ": expected a number from 1e-12 to 1e6, found " + found);
    return value;
}

nlohmann::json traceToJson(const Trace& trace) {
    json layers = json::array();
    for (const LayerTrace& t : trace.layers) {
        json db = json::array();
        for (Eigen::Index j = 0; j < t.db.size(); ++j) db.push_back(t.db(j));
        layers.push_back({{"z", rows(t.z)},
                          {"a", rows(t.a)},
                          {"delta", rows(t.delta)},
                          {"dW", rows(t.dW)},
                          {"db", std::move(db)}});
    }
    return {{"loss", trace.loss}, {"layers", std::move(layers)}};
}

}  // namespace ns::cli
