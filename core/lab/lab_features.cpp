#include "lab/lab_features.h"

#include <bit>
#include <cmath>

namespace ns {

double featureValue(Feature f, double x1, double x2) {
    switch (f) {
        case Feature::X1: return x1;
        case Feature::X2: return x2;
        case Feature::X1Squared: return x1 * x1;
        case Feature::X2Squared: return x2 * x2;
        case Feature::X1X2: return x1 * x2;
        case Feature::SinX1: return std::sin(x1);
        case Feature::SinX2: return std::sin(x2);
    }
    return 0;
}

int inputCount(FeatureSet set, int dimension) {
    return dimension == 2 ? std::popcount(set & ((1u << kFeatureCount) - 1)) : dimension;
}

Matrix applyFeatures(const ConstMatrixRef& points, FeatureSet set) {
    if (points.cols() != 2) return points;
    Matrix out(points.rows(), inputCount(set, 2));
    Eigen::Index c = 0;
    for (Feature f : allFeatures()) {
        if (!has(set, f)) continue;
        for (Eigen::Index r = 0; r < points.rows(); ++r) out(r, c) = featureValue(f, points(r, 0), points(r, 1));
        ++c;
    }
    return out;
}

std::string_view name(Feature f) {
    switch (f) {
        case Feature::X1: return "x1";
        case Feature::X2: return "x2";
        case Feature::X1Squared: return "x1^2";
        case Feature::X2Squared: return "x2^2";
        case Feature::X1X2: return "x1*x2";
        case Feature::SinX1: return "sin(x1)";
        case Feature::SinX2: return "sin(x2)";
    }
    return "?";
}

std::optional<Feature> parseFeature(std::string_view text) {
    for (Feature f : allFeatures())
        if (name(f) == text) return f;
    return std::nullopt;
}

const std::vector<Feature>& allFeatures() {
    static const std::vector<Feature> all{Feature::X1, Feature::X2, Feature::X1Squared,
                                          Feature::X2Squared, Feature::X1X2, Feature::SinX1,
                                          Feature::SinX2};
    return all;
}

}  // namespace ns
