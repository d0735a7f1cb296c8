#pragma once
// Training data: one sample per row of X, its target in the same row of Y.
#include "base/tensor.h"

#include <cstdint>

namespace ns {

struct Dataset {
    Matrix X;  // batch × features
    Matrix Y;  // batch × outputs
    Eigen::Index size() const { return X.rows(); }
};

// The textbook's experiment (seed 001 §3.2): x ~ N(0,1)⁴, y = 1 if Σx > 0 else 0.
Dataset makeSumSignDataset(Eigen::Index samples, int features, std::uint64_t seed);

}  // namespace ns
