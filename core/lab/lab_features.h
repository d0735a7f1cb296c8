#pragma once
// Input features for 2-D data, Playground's seven: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂, each
// switched on or off. Data of any other dimension goes into the network as it is.
#include "base/tensor.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ns {

enum class Feature { X1, X2, X1Squared, X2Squared, X1X2, SinX1, SinX2 };
inline constexpr int kFeatureCount = 7;

using FeatureSet = std::uint32_t;  // bit i set: Feature i is an input
inline constexpr FeatureSet kDefaultFeatures = 0b11;  // x₁, x₂

constexpr FeatureSet bit(Feature f) { return FeatureSet{1} << static_cast<int>(f); }
constexpr bool has(FeatureSet set, Feature f) { return (set & bit(f)) != 0; }

// The network's input width for data of `dimension` columns.
int inputCount(FeatureSet set, int dimension);
// The features of every row, in Feature order, for 2-D points; other dimensions unchanged.
Matrix applyFeatures(const ConstMatrixRef& points, FeatureSet set);
double featureValue(Feature f, double x1, double x2);

std::string_view name(Feature f);  // "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"
std::optional<Feature> parseFeature(std::string_view text);
const std::vector<Feature>& allFeatures();

}  // namespace ns
