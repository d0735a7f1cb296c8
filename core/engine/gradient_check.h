#pragma once
// Central-difference gradient checks for any network (one layer is a one-node network), the
// check every engine layer passes in tests/engine with its own tolerance. The scalar checked is
// L = Σ r ⊙ f(x) for a fixed random r, so ∂L/∂output = r reaches every output element.
#include "engine/network.h"

#include <cstdint>
#include <string>

namespace ns::engine {

struct GradientTolerance {
    double relative = 1e-6;
    double absolute = 1e-8;
};

struct GradientCheck {
    bool passed = true;
    double worstExcess = 0;  // max over entries of |analytic − numeric| − (rel·max(|a|, |n|) + abs)
    std::string worst;       // "node 2 (conv1) kernel[5]: analytic 0.31, numeric 0.29" or "input[3]: …"
    long entriesChecked = 0;
};

// Checks ∂L/∂x and ∂L/∂θ of every parameter (each entry, or `maxEntries` spread evenly over
// each tensor) with step h. The network's parameters are restored afterwards.
GradientCheck checkGradients(Network& network, const Tensor& x, const RunContext& context, double h,
                             GradientTolerance tolerance, std::uint64_t seed = 1, Index maxEntries = 400);

}  // namespace ns::engine
