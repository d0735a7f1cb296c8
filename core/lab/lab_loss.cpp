#include "lab/lab_loss.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace ns {

namespace {

constexpr std::array<std::pair<LabLoss, std::string_view>, 6> kNames{{
    {LabLoss::Mse, "mse"}, {LabLoss::Mae, "mae"}, {LabLoss::Huber, "huber"},
    {LabLoss::Bce, "bce"}, {LabLoss::Ce, "ce"},   {LabLoss::Focal, "focal"},
}};

double clip(double p) { return std::clamp(p, kProbabilityClip, 1.0 - kProbabilityClip); }

// p_t and α_t of one row.
struct TrueClass {
    double p;      // p_t, clipped away from 0 and 1 before any log or power
    double alpha;  // α_t
    double sign;   // one output: +1 for y = 1, −1 for y = 0
};

TrueClass trueClass(const LossChoice& loss, const ConstMatrixRef& a, const ConstMatrixRef& y,
                    Eigen::Index r) {
    const bool balanced = loss.focalAlpha >= 0;
    if (a.cols() == 1) {
        const double target = y(r, 0);
        const double p = target * a(r, 0) + (1.0 - target) * (1.0 - a(r, 0));
        const double alpha =
            balanced ? target * loss.focalAlpha + (1.0 - target) * (1.0 - loss.focalAlpha) : 1.0;
        return {clip(p), alpha, target >= 0.5 ? 1.0 : -1.0};
    }
    return {clip(a.row(r).dot(y.row(r))), balanced ? loss.focalAlpha : 1.0, 1.0};
}

}  // namespace

std::optional<Loss> coreLoss(LabLoss kind) {
    switch (kind) {
        case LabLoss::Mse: return Loss::Mse;
        case LabLoss::Mae: return Loss::Mae;
        case LabLoss::Huber: return Loss::Huber;
        case LabLoss::Bce: return Loss::Bce;
        case LabLoss::Ce: return Loss::Ce;
        case LabLoss::Focal: break;
    }
    return std::nullopt;
}

void labPerSampleLoss(const LossChoice& loss, const ConstMatrixRef& a, const ConstMatrixRef& y,
                      Eigen::Ref<Vector> perSample) {
    if (const auto core = coreLoss(loss.kind)) {
        perSampleLoss(*core, a, y, perSample);
        return;
    }
    const double gamma = loss.focalGamma;
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
        const TrueClass t = trueClass(loss, a, y, r);
        perSample(r) = -t.alpha * std::pow(1.0 - t.p, gamma) * std::log(t.p);  // eq. 27
    }
}

void labOutputDelta(const LossChoice& loss, Activation output, const ConstMatrixRef& z,
                    const ConstMatrixRef& a, const ConstMatrixRef& y, MatrixRef delta) {
    if (const auto core = coreLoss(loss.kind)) {
        outputDelta(*core, output, z, a, y, delta);
        return;
    }
    const double gamma = loss.focalGamma;
    if (output == Activation::Sigmoid && a.cols() == 1) {
        for (Eigen::Index r = 0; r < a.rows(); ++r) {
            const TrueClass t = trueClass(loss, a, y, r);
            const double q = 1.0 - t.p;
            delta(r, 0) = t.alpha * t.sign *
                          (gamma * t.p * std::pow(q, gamma) * std::log(t.p) - std::pow(q, gamma + 1.0));
        }
        return;
    }
    if (output == Activation::Softmax) {
        for (Eigen::Index r = 0; r < a.rows(); ++r) {
            const TrueClass t = trueClass(loss, a, y, r);
            const double q = 1.0 - t.p;
            const double factor =
                t.alpha * (gamma * t.p * std::pow(q, gamma - 1.0) * std::log(t.p) - std::pow(q, gamma));
            delta.row(r) = factor * (y.row(r) - a.row(r));
        }
        return;
    }
    throw std::invalid_argument("focal loss needs a sigmoid output (one unit) or a softmax output");
}

std::vector<double> lossCurve(const LossChoice& loss, double target,
                              const std::vector<double>& predictions) {
    const auto n = static_cast<Eigen::Index>(predictions.size());
    Matrix a(n, 1), y = Matrix::Constant(n, 1, target);
    for (Eigen::Index i = 0; i < n; ++i) a(i, 0) = predictions[static_cast<std::size_t>(i)];
    Vector l(n);
    labPerSampleLoss(loss, a, y, l);
    return {l.data(), l.data() + n};
}

LossCurves lossCurves(int classTarget, double regressionTarget, double gamma) {
    LossCurves c;
    c.regressionTarget = regressionTarget;
    c.classTarget = classTarget;
    c.gamma = gamma;
    for (int i = 0; i <= 300; ++i) c.residualAxis.push_back(regressionTarget - 3 + 6.0 * i / 300);
    for (LabLoss l : {LabLoss::Mse, LabLoss::Mae, LabLoss::Huber})
        c.regression.push_back(lossCurve({.kind = l}, regressionTarget, c.residualAxis));
    for (int i = 1; i < 1000; ++i) c.probabilityAxis.push_back(i / 1000.0);
    const double y = classTarget;
    c.bce = lossCurve({.kind = LabLoss::Bce}, y, c.probabilityAxis);
    c.focal = lossCurve({.kind = LabLoss::Focal, .focalGamma = gamma}, y, c.probabilityAxis);
    c.mseOnProbability = lossCurve({.kind = LabLoss::Mse}, y, c.probabilityAxis);
    return c;
}

std::string_view name(LabLoss kind) {
    for (const auto& [value, text] : kNames)
        if (value == kind) return text;
    return "?";
}

std::optional<LabLoss> parseLabLoss(std::string_view text) {
    for (const auto& [value, known] : kNames)
        if (known == text) return value;
    return std::nullopt;
}

const std::vector<LabLoss>& allLabLosses() {
    static const std::vector<LabLoss> all = [] {
        std::vector<LabLoss> v;
        for (const auto& entry : kNames) v.push_back(entry.first);
        return v;
    }();
    return all;
}

}  // namespace ns
