#include "lab/optimizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

namespace ns {

namespace {

constexpr std::array<std::pair<OptimizerKind, std::string_view>, 5> kNames{{
    {OptimizerKind::BatchGd, "batch_gd"},
    {OptimizerKind::Sgd, "sgd"},
    {OptimizerKind::MiniBatch, "mini_batch"},
    {OptimizerKind::Momentum, "momentum"},
    {OptimizerKind::Adam, "adam"},
}};

}  // namespace

Eigen::Index samplesPerUpdate(const OptimizerConfig& config, Eigen::Index samples) {
    if (samples < 1) return 1;
    switch (config.kind) {
        case OptimizerKind::BatchGd: return samples;
        case OptimizerKind::Sgd: return 1;
        default: return std::clamp<Eigen::Index>(config.batchSize, 1, samples);
    }
}

std::string checkOptimizer(const OptimizerConfig& config) {
    auto inUnit = [](double b) { return std::isfinite(b) && b >= 0 && b < 1; };
    if (config.batchSize < 1)
        return "batch size must be at least 1, found " + std::to_string(config.batchSize);
    if (!inUnit(config.beta)) return "momentum beta must be in [0, 1)";
    if (!inUnit(config.beta1)) return "Adam beta1 must be in [0, 1)";
    if (!inUnit(config.beta2)) return "Adam beta2 must be in [0, 1)";
    if (!(config.epsilon > 0) || !std::isfinite(config.epsilon))
        return "Adam epsilon must be a positive number";
    return {};
}

void Optimizer::setConfig(const OptimizerConfig& config) {
    const bool sameMethod = config.kind == config_.kind &&
                            (config.kind != OptimizerKind::Momentum ||
                             config.momentumForm == config_.momentumForm);
    config_ = config;
    if (!sameMethod) state_ = {};
}

void Optimizer::step(Vector& theta, const Vector& g, double eta) {
    auto ensure = [&](Vector& s) {
        if (s.size() != theta.size()) s = Vector::Zero(theta.size());
    };
    ++state_.t;
    switch (config_.kind) {
        case OptimizerKind::BatchGd:
        case OptimizerKind::Sgd:
        case OptimizerKind::MiniBatch:
            theta -= eta * g;  // eqs. 60–62
            return;
        case OptimizerKind::Momentum: {
            ensure(state_.m);
            const double beta = config_.beta;
            if (config_.momentumForm == MomentumForm::Average) {
                state_.m = beta * state_.m + (1.0 - beta) * g;  // eq. 63
                theta -= eta * state_.m;                        // eq. 64
            } else {
                state_.m = beta * state_.m - eta * g;  // seed 002: v = βv − η∇L(w)
                theta += state_.m;                     //           w = w + v
            }
            return;
        }
        case OptimizerKind::Adam: {
            ensure(state_.m);
            ensure(state_.v);
            const double b1 = config_.beta1, b2 = config_.beta2;
            const double t = static_cast<double>(state_.t);
            state_.m = b1 * state_.m + (1.0 - b1) * g;                            // eq. 65
            state_.v = b2 * state_.v + (1.0 - b2) * g.cwiseProduct(g);            // eq. 66
            const double correction1 = 1.0 - std::pow(b1, t);                     // eq. 67
            const double correction2 = 1.0 - std::pow(b2, t);                     // eq. 68
            for (Eigen::Index i = 0; i < theta.size(); ++i) {
                const double mHat = state_.m(i) / correction1;
                const double vHat = state_.v(i) / correction2;
                theta(i) -= eta / (std::sqrt(vHat) + config_.epsilon) * mHat;     // eq. 69
            }
            return;
        }
    }
}

std::string_view name(OptimizerKind kind) {
    for (const auto& [value, text] : kNames)
        if (value == kind) return text;
    return "?";
}

std::optional<OptimizerKind> parseOptimizer(std::string_view text) {
    for (const auto& [value, known] : kNames)
        if (known == text) return value;
    return std::nullopt;
}

const std::vector<OptimizerKind>& allOptimizers() {
    static const std::vector<OptimizerKind> all = [] {
        std::vector<OptimizerKind> v;
        for (const auto& entry : kNames) v.push_back(entry.first);
        return v;
    }();
    return all;
}

}  // namespace ns
