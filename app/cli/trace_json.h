#pragma once
// The JSON contract of `neuralscope-cli trace` (README, "Command line"): a network, a batch and
// its targets in; the full trace out.
#include "base/loss.h"
#include "mlp/mlp.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace ns::cli {

// Bad input, with a message that names the field, what was expected and what was found.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct TraceRequest {
    Mlp network;
    Loss loss = Loss::Bce;
    Matrix inputs;
    Matrix targets;
};

TraceRequest parseTraceRequest(const nlohmann::json& document);
nlohmann::json traceToJson(const Trace& trace);

}  // namespace ns::cli
