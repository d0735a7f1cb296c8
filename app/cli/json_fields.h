#pragma once
// Readers and writers shared by the engine verbs' JSON requests (engine_json.cpp, attention_json.cpp),
// so every verb reports a bad field the same way: an InputError whose message starts with the field.
#include "trace_json.h"
#include "engine/tensor.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace ns::cli::fields {

// A nested array of numbers of the given rank as a tensor; every row as long as the first, every
// number finite. `expected` fixes sizes where known (−1: any).
engine::Tensor readTensor(const nlohmann::json& value, const std::string& field, int rank,
                          const std::vector<engine::Index>& expected = {});
// The field of a JSON object, or an InputError saying it is missing.
const nlohmann::json& required(const nlohmann::json& document, const char* field);
// InputError with ns::limits::budgetProblem's message when `bytes` exceeds the request budget.
void checkBudget(double bytes, const std::string& what);
// Nested arrays from `axis` on; sampleJson drops the batch axis of size 1.
nlohmann::json toJson(const double* data, const engine::Shape& shape, std::size_t axis = 0);
nlohmann::json sampleJson(const engine::Tensor& t);
// InputError naming `quantity` when an entry overflowed.
void requireFinite(const engine::Tensor& t, const char* quantity);
// The sample with a batch axis of 1 in front.
engine::Tensor withBatch(const engine::Tensor& sample);

}  // namespace ns::cli::fields
