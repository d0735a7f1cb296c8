#include "lab/dropout.h"

#include <stdexcept>

namespace ns {

void dropoutMask(Eigen::Index rows, Eigen::Index cols, double p, Random& random, Matrix& mask) {
    if (!(p >= 0 && p <= kMaxDropout)) throw std::invalid_argument("dropout p must be in [0, 0.9]");
    mask.resize(rows, cols);
    const double kept = 1.0 / (1.0 - p);  // eq. 74: h / (1 − p)
    for (Eigen::Index c = 0; c < cols; ++c)
        for (Eigen::Index r = 0; r < rows; ++r) mask(r, c) = random.uniform() < p ? 0.0 : kept;
}

}  // namespace ns
