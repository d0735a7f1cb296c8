#pragma once
// The JSON contract of `neuralscope-cli rl FILE.json` (README, "Command line"): value iteration on a
// grid world given as rows of characters.
//   in:  {"grid": ["S..", ".#G", "..X"], "gamma": 0.9, "step_reward": -0.04, "slip": 0.0,
//         "max_sweeps": 10000 (optional)}
//   out: {"V": [rows][cols] (null for walls), "policy": [rows][cols] ("up"|"down"|"left"|"right",
//         null for walls and terminals), "sweeps": k, "converged": true|false}
#include "trace_json.h"

#include <nlohmann/json.hpp>

namespace ns::cli {

// Throws InputError naming the field (or the grid's row and column) on bad input.
nlohmann::json runRlRequest(const nlohmann::json& request);

}  // namespace ns::cli
