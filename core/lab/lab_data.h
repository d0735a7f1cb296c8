#pragma once
// The training lab's data: TensorFlow Playground's 2-D sets, the 3-class and regression sets,
// and the textbook's 4-feature task (seed 001 §3.2), each generated from an explicit seed, with
// noise and a train/test split. Points keep their raw coordinates; lab_features.h maps them to the
// network's inputs.
#include "base/tensor.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ns {

enum class TaskKind { Binary, Multiclass, Regression };

enum class DatasetKind {
    Circle, Xor, Gaussians, Spiral, Moons,  // two classes, 2-D
    Blobs3, Spiral3,                        // three classes, 2-D
    RegressionPlane, RegressionGaussian,    // a value per point, 2-D
    SumSign4,                               // the textbook's y = [Σx > 0], 4-D
    Imported,                               // from a CSV file
};

inline constexpr double kDomain = 6.0;  // the 2-D sets lie in about [−6, 6]²
inline constexpr int kMaxSamples = 100000;
inline constexpr int kMaxClasses = 8;
inline constexpr int kMaxDimension = 64;

struct LabData {
    Matrix points;                     // n × d raw coordinates
    Vector labels;                     // class index 0 … C−1, or the regression target
    std::vector<std::uint8_t> isTest;  // 1 for the test split
    TaskKind task = TaskKind::Binary;
    int classes = 2;                   // 0 for regression
    std::vector<double> classValues;   // the label each class had in an imported file

    Eigen::Index size() const { return points.rows(); }
    int dimension() const { return static_cast<int>(points.cols()); }
    Eigen::Index testCount() const;
    bool operator==(const LabData& other) const;
};

struct DatasetSpec {
    DatasetKind kind = DatasetKind::Circle;
    int samples = 400;
    double noise = 0.0;          // 0 … 0.5, each set's own scale (Playground's 0–50 %)
    double testFraction = 0.5;   // 0 … 0.9
    std::uint64_t seed = 1;

    bool operator==(const DatasetSpec&) const = default;
};

TaskKind taskOf(DatasetKind kind);
int classesOf(DatasetKind kind);    // 2, 3, or 0 for regression
int dimensionOf(DatasetKind kind);  // 2, or 4 for SumSign4

// Generates spec.samples points; the same spec always gives the same data. Throws
// std::invalid_argument for Imported or out-of-range values.
LabData generateDataset(const DatasetSpec& spec);

// Marks round(n·fraction) points as test, chosen by a seeded shuffle; the rest are training.
void splitTrainTest(LabData& data, double testFraction, std::uint64_t seed);

// Targets for the given rows: one column of 0/1 (binary), one-hot (multiclass) or the value
// (regression).
Matrix targetsOf(const LabData& data, const std::vector<Eigen::Index>& rows);
std::vector<Eigen::Index> rowsOf(const LabData& data, bool test);

std::string_view name(DatasetKind kind);  // "circle", "xor", …
std::optional<DatasetKind> parseDataset(std::string_view text);
const std::vector<DatasetKind>& allDatasets();  // without Imported
std::string_view name(TaskKind task);
std::optional<TaskKind> parseTask(std::string_view text);

}  // namespace ns
