#pragma once
// `neuralscope-cli attention FILE.json` (README, "Command line"): scaled dot-product attention
// (seed 001 eq. 80) on one sample, float64 in and out, printed at full precision.
//   request  {"Q": [n][d], "K": [m][d], "V": [m][dv], "mask": "none" | "causal" (default none),
//             "grad_output": [n][dv] (optional)}
//   answer   {"scores": [n][m] (QKᵀ/√d), "weights": [n][m], "output": [n][dv]}
//            plus "grad_Q", "grad_K", "grad_V" when grad_output is given.
#include <nlohmann/json.hpp>

#include <ostream>

namespace ns::cli {

// Throws InputError naming the field on bad input (causal with n ≠ m names "mask").
nlohmann::json runAttentionRequest(const nlohmann::json& request);

// `bench mha`: multi-head self-attention, d_model 64, 4 heads, batch 8, sequence 64; one step is
// the forward pass (every head's weights kept in the trace) and the backward pass of the output's
// sum to every parameter. One warm-up step, then `steps` timed; last line `seconds_per_step=…`.
int runMhaBench(long steps, long threads, std::ostream& out);

}  // namespace ns::cli
