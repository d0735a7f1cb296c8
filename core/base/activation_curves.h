#pragma once
// Each activation and its derivative over a range of z, for the activation explorer (seed 001
// §2.3, eqs. 7–15; seed 004 §2: the sigmoid's derivative is at most 0.25, so a product of n of
// them is at most 0.25ⁿ and the gradient of a deep sigmoid network vanishes). Leaky ReLU and ELU
// take the α of eqs. 13–15 as a parameter here; the other activations are the core's own
// activate() and derivative().
#include "base/activation.h"

#include <vector>

namespace ns {

struct ActivationCurve {
    std::vector<double> z, value, derivative;
    double maxDerivative = 0;     // the largest σ'(z) over the samples
    double argMaxDerivative = 0;  // where it is
};

// count ≥ 2 samples of z from zMin to zMax inclusive. Softmax is not element-wise: refused
// (std::invalid_argument).
ActivationCurve activationCurve(Activation f, double alpha, double zMin, double zMax, int count);

// The textbook default α: 0.01 for Leaky ReLU (eq. 13), 1 for ELU (eq. 15), 0 for the others.
double defaultAlpha(Activation f);
bool takesAlpha(Activation f);

// The bound seed 004 §2 derives: the largest σ' raised to the network's depth, e.g. 0.25¹⁰.
double gradientBound(double maxDerivative, int layers);

}  // namespace ns
