#pragma once
// Learning-rate schedules of seed 002 ("学习率调度"), as functions of the epoch being trained
// (0 for the first):
//
//   constant       η(e) = η₀
//   step decay     η(e) = η₀ · decay^⌊e / s⌋        (seed 002: lr0 × decay^epoch, i.e. s = 1)
//   cosine         η(e) = η_min + ½ (η_max − η_min) (1 + cos(π e / T))
//   warmup+cosine  η(e) = η_max · e / w                                 for e < w
//                  η(e) = η_min + ½ (η_max − η_min) (1 + cos(π (e − w) / (T − w)))  otherwise
//
// η₀ = η_max is the learning rate the user sets. Past the end of the period T, cosine schedules
// stay at η_min (the formula would climb again).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

enum class ScheduleKind { Constant, StepDecay, Cosine, WarmupCosine };

struct LrSchedule {
    ScheduleKind kind = ScheduleKind::Constant;
    double eta = 0.03;        // η₀ = η_max
    double etaMin = 0.0;      // η_min of the cosine schedules
    double decay = 0.5;       // step decay factor
    long stepEpochs = 100;    // s: epochs per decay step
    long periodEpochs = 1000;  // T: epochs of the cosine period (warmup included)
    long warmupEpochs = 50;    // w

    double at(long epoch) const;
    bool operator==(const LrSchedule&) const = default;
};

// Empty when usable; otherwise what is wrong (η ≤ 0, decay ∉ (0, 1], T ≤ w, …).
std::string checkSchedule(const LrSchedule& schedule);

std::string_view name(ScheduleKind kind);  // "constant", "step", "cosine", "warmup_cosine"
std::optional<ScheduleKind> parseSchedule(std::string_view text);
const std::vector<ScheduleKind>& allSchedules();

}  // namespace ns
