#include "mlp/dataset.h"

#include "base/random.h"

namespace ns {

Dataset makeSumSignDataset(Eigen::Index samples, int features, std::uint64_t seed) {
    Dataset data{Matrix(samples, features), Matrix(samples, 1)};
    Random random(seed);
    for (Eigen::Index r = 0; r < samples; ++r) {
        for (int c = 0; c < features; ++c) data.X(r, c) = random.normal();
        data.Y(r, 0) = data.X.row(r).sum() > 0 ? 1.0 : 0.0;
    }
    return data;
}

}  // namespace ns
