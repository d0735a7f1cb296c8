#pragma once
// Sizes the core refuses, so that a typo in a lesson or a JSON file gets a message instead of
// exhausting memory. Documented in the README.
#include <cstddef>
#include <string>

namespace ns::limits {

inline constexpr std::size_t kMaxWeightLayers = 32;
inline constexpr std::size_t kMaxUnitsPerLayer = 4096;
inline constexpr std::size_t kMaxParameters = 20'000'000;
inline constexpr std::size_t kMaxBatch = 1'000'000;
inline constexpr int kMaxThreads = 64;
inline constexpr long kMaxEpochs = 10'000'000;

// One request (a CLI verb, a file the app opens) may need at most this much memory, estimated
// from its sizes before anything is allocated.
inline constexpr double kMemoryBudgetBytes = 2.0 * 1024 * 1024 * 1024;
// A JSON request is read whole; larger files are refused before reading.
inline constexpr std::size_t kMaxRequestFileBytes = std::size_t{64} << 20;
// A printable worksheet: more values than this is no longer something to work through on paper.
inline constexpr std::size_t kMaxWorksheetValues = 100'000;
// Learning rates, the same for JSON fields and command-line flags.
inline constexpr double kMinLearningRate = 1e-12;
inline constexpr double kMaxLearningRate = 1e6;

// Empty when `bytes` fits the budget, else "<what> would need about N MiB, more than the limit of
// 2048 MiB".
inline std::string budgetProblem(double bytes, const std::string& what) {
    if (bytes <= kMemoryBudgetBytes) return {};
    auto mib = [](double b) { return std::to_string(static_cast<long long>(b / (1024 * 1024))); };
    return what + " would need about " + mib(bytes) + " MiB, more than the limit of " + mib(kMemoryBudgetBytes) +
           " MiB";
}

}  // namespace ns::limits
