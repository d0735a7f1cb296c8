#pragma once
// Sizes the core refuses, so that a typo in a lesson or a JSON file gets a message instead of
// exhausting memory. Documented in the README.
#include <cstddef>

namespace ns::limits {

inline constexpr std::size_t kMaxWeightLayers = 32;
inline constexpr std::size_t kMaxUnitsPerLayer = 4096;
inline constexpr std::size_t kMaxParameters = 20'000'000;
inline constexpr std::size_t kMaxBatch = 1'000'000;
inline constexpr int kMaxThreads = 64;
inline constexpr long kMaxEpochs = 10'000'000;

}  // namespace ns::limits
