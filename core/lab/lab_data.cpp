#include "lab/lab_data.h"

#include "mlp/dataset.h"
#include "base/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace ns {

namespace {

constexpr std::array<std::pair<DatasetKind, std::string_view>, 11> kNames{{
    {DatasetKind::Circle, "circle"},
    {DatasetKind::Xor, "xor"},
    {DatasetKind::Gaussians, "gaussians"},
    {DatasetKind::Spiral, "spiral"},
    {DatasetKind::Moons, "moons"},
    {DatasetKind::Blobs3, "blobs3"},
    {DatasetKind::Spiral3, "spiral3"},
    {DatasetKind::RegressionPlane, "regression_plane"},
    {DatasetKind::RegressionGaussian, "regression_gaussian"},
    {DatasetKind::SumSign4, "sum_sign4"},
    {DatasetKind::Imported, "imported"},
}};

constexpr double kPi = std::numbers::pi;

struct Generator {
    Random random;
    double noise;
    double uniform(double low, double high) { return low + (high - low) * random.uniform(); }
};

// Each set as Playground draws it, in [−6, 6]²; noise moves points (or, for regression, the
// value) by an amount proportional to the noise level.
void circle(Generator& g, int n, Matrix& X, Vector& y) {
    const double radius = 5.0;
    for (int i = 0; i < n; ++i) {
        const bool inside = i < n / 2;
        const double r = inside ? g.uniform(0, 0.5 * radius) : g.uniform(0.7 * radius, radius);
        const double angle = g.uniform(0, 2 * kPi);
        X(i, 0) = r * std::sin(angle) + g.uniform(-radius, radius) * g.noise;
        X(i, 1) = r * std::cos(angle) + g.uniform(-radius, radius) * g.noise;
        y(i) = inside ? 1 : 0;
    }
}

void xorSet(Generator& g, int n, Matrix& X, Vector& y) {
    const double padding = 0.3;
    for (int i = 0; i < n; ++i) {
        double a = g.uniform(-5, 5), b = g.uniform(-5, 5);
        a += a > 0 ? padding : -padding;  // keep points off the axes, as Playground does
        b += b > 0 ? padding : -padding;
        y(i) = a * b >= 0 ? 1 : 0;
        X(i, 0) = a + g.uniform(-5, 5) * g.noise;
        X(i, 1) = b + g.uniform(-5, 5) * g.noise;
    }
}

void gaussians(Generator& g, int n, Matrix& X, Vector& y) {
    const double spread = 0.5 + 7.0 * g.noise;  // σ from 0.5 (noise 0) to 4 (noise 0.5)
    for (int i = 0; i < n; ++i) {
        const bool positive = i < n / 2;
        const double c = positive ? 2.0 : -2.0;
        X(i, 0) = c + spread * g.random.normal();
        X(i, 1) = c + spread * g.random.normal();
        y(i) = positive ? 1 : 0;
    }
}

void spiral(Generator& g, int n, int classes, Matrix& X, Vector& y) {
    const int perClass = n / classes;
    for (int i = 0; i < n; ++i) {
        const int c = std::min(i / std::max(1, perClass), classes - 1);
        const int k = i - c * perClass;
        const double t = static_cast<double>(k) / std::max(1, perClass);
        const double r = 5.0 * t;
        const double angle = 1.75 * t * 2 * kPi + 2 * kPi * c / classes;
        X(i, 0) = r * std::sin(angle) + g.uniform(-1, 1) * g.noise * 2;
        X(i, 1) = r * std::cos(angle) + g.uniform(-1, 1) * g.noise * 2;
        y(i) = classes == 2 ? (c == 0 ? 1 : 0) : c;
    }
}

void moons(Generator& g, int n, Matrix& X, Vector& y) {
    for (int i = 0; i < n; ++i) {
        const bool upper = i < n / 2;
        const double t = g.uniform(0, kPi);
        double a = upper ? std::cos(t) : 1 - std::cos(t);
        double b = upper ? std::sin(t) : 0.5 - std::sin(t);
        // From scikit-learn's [−1, 2] × [−0.5, 1] to about [−6, 6] × [−3, 3].
        X(i, 0) = (a - 0.5) * 4 + 2.5 * g.noise * g.random.normal();
        X(i, 1) = (b - 0.25) * 4 + 2.5 * g.noise * g.random.normal();
        y(i) = upper ? 1 : 0;
    }
}

void blobs3(Generator& g, int n, Matrix& X, Vector& y) {
    const double spread = 0.6 + 5.0 * g.noise;
    for (int i = 0; i < n; ++i) {
        const int c = i % 3;
        const double angle = kPi / 2 + 2 * kPi * c / 3;
        X(i, 0) = 3.5 * std::cos(angle) + spread * g.random.normal();
        X(i, 1) = 3.5 * std::sin(angle) + spread * g.random.normal();
        y(i) = c;
    }
}

void regressionPlane(Generator& g, int n, Matrix& X, Vector& y) {
    for (int i = 0; i < n; ++i) {
        X(i, 0) = g.uniform(-kDomain, kDomain);
        X(i, 1) = g.uniform(-kDomain, kDomain);
        y(i) = (X(i, 0) + X(i, 1)) / (2 * kDomain) + g.noise * g.random.normal();
    }
}

void regressionGaussian(Generator& g, int n, Matrix& X, Vector& y) {
    // Two bumps of opposite sign: f = exp(−|x − a|²/8) − exp(−|x − b|²/8).
    const double a[2] = {-2.5, 2.5}, b[2] = {2.5, -2.5};
    for (int i = 0; i < n; ++i) {
        const double u = g.uniform(-kDomain, kDomain), v = g.uniform(-kDomain, kDomain);
        const double da = (u - a[0]) * (u - a[0]) + (v - a[1]) * (v - a[1]);
        const double db = (u - b[0]) * (u - b[0]) + (v - b[1]) * (v - b[1]);
        X(i, 0) = u;
        X(i, 1) = v;
        y(i) = std::exp(-da / 8) - std::exp(-db / 8) + g.noise * g.random.normal();
    }
}

}  // namespace

Eigen::Index LabData::testCount() const {
    return std::count(isTest.begin(), isTest.end(), std::uint8_t{1});
}

bool LabData::operator==(const LabData& o) const {
    return points.rows() == o.points.rows() && points.cols() == o.points.cols() &&
           points == o.points && labels.size() == o.labels.size() && labels == o.labels &&
           isTest == o.isTest && task == o.task && classes == o.classes &&
           classValues == o.classValues;
}

TaskKind taskOf(DatasetKind kind) {
    switch (kind) {
        case DatasetKind::Blobs3:
        case DatasetKind::Spiral3: return TaskKind::Multiclass;
        case DatasetKind::RegressionPlane:
        case DatasetKind::RegressionGaussian: return TaskKind::Regression;
        default: return TaskKind::Binary;
    }
}

int classesOf(DatasetKind kind) {
    switch (taskOf(kind)) {
        case TaskKind::Binary: return 2;
        case TaskKind::Multiclass: return 3;
        case TaskKind::Regression: return 0;
    }
    return 2;
}

int dimensionOf(DatasetKind kind) { return kind == DatasetKind::SumSign4 ? 4 : 2; }

LabData generateDataset(const DatasetSpec& spec) {
    if (spec.kind == DatasetKind::Imported)
        throw std::invalid_argument("an imported data set cannot be generated");
    if (spec.samples < 2 || spec.samples > kMaxSamples)
        throw std::invalid_argument("samples must be from 2 to " + std::to_string(kMaxSamples));
    if (!(spec.noise >= 0 && spec.noise <= 0.5)) throw std::invalid_argument("noise must be in [0, 0.5]");
    if (!(spec.testFraction >= 0 && spec.testFraction <= 0.9))
        throw std::invalid_argument("the test fraction must be in [0, 0.9]");
    const int n = spec.samples;
    LabData data;
    data.task = taskOf(spec.kind);
    data.classes = classesOf(spec.kind);
    data.points.resize(n, dimensionOf(spec.kind));
    data.labels.resize(n);
    Generator g{Random(spec.seed), spec.noise};
    switch (spec.kind) {
        case DatasetKind::Circle: circle(g, n, data.points, data.labels); break;
        case DatasetKind::Xor: xorSet(g, n, data.points, data.labels); break;
        case DatasetKind::Gaussians: gaussians(g, n, data.points, data.labels); break;
        case DatasetKind::Spiral: spiral(g, n, 2, data.points, data.labels); break;
        case DatasetKind::Moons: moons(g, n, data.points, data.labels); break;
        case DatasetKind::Blobs3: blobs3(g, n, data.points, data.labels); break;
        case DatasetKind::Spiral3: spiral(g, n, 3, data.points, data.labels); break;
        case DatasetKind::RegressionPlane: regressionPlane(g, n, data.points, data.labels); break;
        case DatasetKind::RegressionGaussian: regressionGaussian(g, n, data.points, data.labels); break;
        case DatasetKind::SumSign4: {
            // The textbook's task (seed 001 §3.2); noise blurs the inputs after labelling.
            const Dataset d = makeSumSignDataset(n, 4, spec.seed);
            data.points = d.X;
            data.labels = d.Y.col(0);
            for (double& v : data.points.reshaped()) v += 2 * spec.noise * g.random.normal();
            break;
        }
        case DatasetKind::Imported: break;
    }
    splitTrainTest(data, spec.testFraction, spec.seed ^ 0x5EEDull);
    return data;
}

void splitTrainTest(LabData& data, double testFraction, std::uint64_t seed) {
    const auto n = static_cast<std::size_t>(data.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    Random random(seed);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[random.nextU64() % i]);
    const auto tests = static_cast<std::size_t>(std::lround(static_cast<double>(n) * testFraction));
    data.isTest.assign(n, 0);
    for (std::size_t i = 0; i < tests && i < n; ++i) data.isTest[order[i]] = 1;
}

Matrix targetsOf(const LabData& data, const std::vector<Eigen::Index>& rows) {
    const auto m = static_cast<Eigen::Index>(rows.size());
    if (data.task == TaskKind::Multiclass) {
        Matrix y = Matrix::Zero(m, data.classes);
        for (Eigen::Index i = 0; i < m; ++i)
            y(i, static_cast<Eigen::Index>(data.labels(rows[static_cast<std::size_t>(i)]))) = 1;
        return y;
    }
    Matrix y(m, 1);
    for (Eigen::Index i = 0; i < m; ++i) y(i, 0) = data.labels(rows[static_cast<std::size_t>(i)]);
    return y;
}

std::vector<Eigen::Index> rowsOf(const LabData& data, bool test) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < data.size(); ++i)
        if ((data.isTest[static_cast<std::size_t>(i)] != 0) == test) rows.push_back(i);
    return rows;
}

std::string_view name(DatasetKind kind) {
    for (const auto& [value, text] : kNames)
        if (value == kind) return text;
    return "?";
}

std::optional<DatasetKind> parseDataset(std::string_view text) {
    for (const auto& [value, known] : kNames)
        if (known == text) return value;
    return std::nullopt;
}

const std::vector<DatasetKind>& allDatasets() {
    static const std::vector<DatasetKind> all = [] {
        std::vector<DatasetKind> v;
        for (const auto& entry : kNames)
            if (entry.first != DatasetKind::Imported) v.push_back(entry.first);
        return v;
    }();
    return all;
}

std::string_view name(TaskKind task) {
    switch (task) {
        case TaskKind::Binary: return "binary";
        case TaskKind::Multiclass: return "multiclass";
        case TaskKind::Regression: return "regression";
    }
    return "?";
}

std::optional<TaskKind> parseTask(std::string_view text) {
    for (TaskKind t : {TaskKind::Binary, TaskKind::Multiclass, TaskKind::Regression})
        if (name(t) == text) return t;
    return std::nullopt;
}

}  // namespace ns
