#pragma once
// A seeded generator whose sequence is fixed by this code alone, so a seed reproduces the
// same weights and data on every compiler and standard library (std::normal_distribution
// does not promise that).
#include <cmath>
#include <cstdint>
#include <numbers>

namespace ns {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t nextU64() {  // splitmix64
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in (0, 1): never 0, so log() in normal() is safe.
    double uniform() { return (static_cast<double>(nextU64() >> 11) + 0.5) * 0x1.0p-53; }

    double normal() {  // Box–Muller, both halves used
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        const double radius = std::sqrt(-2.0 * std::log(uniform()));
        const double angle = 2.0 * std::numbers::pi * uniform();
        spare_ = radius * std::sin(angle);
        hasSpare_ = true;
        return radius * std::cos(angle);
    }

private:
    std::uint64_t state_;
    double spare_ = 0;
    bool hasSpare_ = false;
};

}  // namespace ns
