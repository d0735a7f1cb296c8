#pragma once
// Inverted dropout (seed 001 §5.3, eq. 74): during training each hidden unit's output is set to
// 0 with probability p and otherwise divided by 1 − p, so its expected value is unchanged:
//   E[h̃] = p·0 + (1 − p)·h/(1 − p) = h.
// Because the scaling happens during training, the test-time network uses every unit as it is
// (seed 002: "测试时使用完整网络").
#include "base/random.h"
#include "base/tensor.h"

namespace ns {

inline constexpr double kMaxDropout = 0.9;

// Fills mask (rows × cols) with 0 (probability p) or 1/(1 − p), drawing one uniform number per
// entry, column by column. p = 0 gives all ones.
void dropoutMask(Eigen::Index rows, Eigen::Index cols, double p, Random& random, Matrix& mask);

}  // namespace ns
