#include "lab/lr_schedule.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace ns {

namespace {

constexpr std::array<std::pair<ScheduleKind, std::string_view>, 4> kNames{{
    {ScheduleKind::Constant, "constant"},
    {ScheduleKind::StepDecay, "step"},
    {ScheduleKind::Cosine, "cosine"},
    {ScheduleKind::WarmupCosine, "warmup_cosine"},
}};

double cosineBetween(double etaMin, double etaMax, double progress, double period) {
    const double e = std::min(progress, period);  // after T: stay at η_min
    return etaMin + 0.5 * (etaMax - etaMin) * (1.0 + std::cos(std::numbers::pi * e / period));
}

}  // namespace

double LrSchedule::at(long epoch) const {
    const double e = static_cast<double>(std::max(0L, epoch));
    switch (kind) {
        case ScheduleKind::Constant: return eta;
        case ScheduleKind::StepDecay:
            return eta * std::pow(decay, std::floor(e / static_cast<double>(std::max(1L, stepEpochs))));
        case ScheduleKind::Cosine:
            return cosineBetween(etaMin, eta, e, static_cast<double>(std::max(1L, periodEpochs)));
        case ScheduleKind::WarmupCosine: {
            const double w = static_cast<double>(std::max(0L, warmupEpochs));
            if (e < w) return eta * e / w;
            const double rest = static_cast<double>(std::max(1L, periodEpochs - warmupEpochs));
            return cosineBetween(etaMin, eta, e - w, rest);
        }
    }
    return eta;
}

std::string checkSchedule(const LrSchedule& s) {
    if (!(s.eta > 0) || !std::isfinite(s.eta)) return "the learning rate must be a positive number";
    if (!(s.etaMin >= 0) || !std::isfinite(s.etaMin) || s.etaMin > s.eta)
        return "the minimum learning rate must be in [0, learning rate]";
    if (!(s.decay > 0 && s.decay <= 1)) return "the decay factor must be in (0, 1]";
    if (s.stepEpochs < 1) return "the decay step must be at least 1 epoch";
    if (s.periodEpochs < 1) return "the cosine period must be at least 1 epoch";
    if (s.warmupEpochs < 0 || s.warmupEpochs >= s.periodEpochs)
        return "the warmup must be shorter than the cosine period";
    return {};
}

std::string_view name(ScheduleKind kind) {
    for (const auto& [value, text] : kNames)
        if (value == kind) return text;
    return "?";
}

std::optional<ScheduleKind> parseSchedule(std::string_view text) {
    for (const auto& [value, known] : kNames)
        if (known == text) return value;
    return std::nullopt;
}

const std::vector<ScheduleKind>& allSchedules() {
    static const std::vector<ScheduleKind> all = [] {
        std::vector<ScheduleKind> v;
        for (const auto& entry : kNames) v.push_back(entry.first);
        return v;
    }();
    return all;
}

}  // namespace ns
