#pragma once
// The JSON contracts of the layer-engine verbs (README, "Command line"): `conv`, `pool`, `rnn` and
// `bench NAME`. Numbers are float64 in and out, printed at full precision.
#include "trace_json.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace ns::cli {

// Each returns the output document; throws InputError naming the field on bad input.
nlohmann::json runConvRequest(const nlohmann::json& request);
nlohmann::json runPoolRequest(const nlohmann::json& request);
// `rnn`: one sequence through an RNN, LSTM or GRU cell with the textbook's weight names, and
// backpropagation through time when grad_h is given.
nlohmann::json runRnnRequest(const nlohmann::json& request);
// `bench NAME [--steps N] [--threads T]`: prints progress and a last line `seconds_per_step=…`.
int runBench(const std::vector<std::string>& args, std::ostream& out);

}  // namespace ns::cli
