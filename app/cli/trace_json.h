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

// Checks every field (shapes, names, finite numbers, targets in the loss's range) and the memory
// the trace and its output will need, before allocating them.
TraceRequest parseTraceRequest(const nlohmann::json& document);
nlohmann::json traceToJson(const Trace& trace);

// Throws an InputError naming the first quantity of `trace`, in the order it was computed, that
// overflowed to inf or NaN (finite inputs can still overflow: 1e308 · 10).
void checkFinite(const Trace& trace);
// The values one training step of the request unfolds into (the stepper's events), and the
// refusal when a printable worksheet would be larger than limits::kMaxWorksheetValues or than
// the memory budget for `batch` samples.
std::size_t worksheetValueCount(const Mlp& network);
void checkWorksheetSize(const Mlp& network, std::size_t batch);
// A learning rate from JSON or a flag: limits::kMinLearningRate … kMaxLearningRate, same words.
double checkLearningRate(double value, const std::string& field, const std::string& found);

}  // namespace ns::cli
