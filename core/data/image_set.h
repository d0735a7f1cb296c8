#pragma once
// Labelled images as the CNN workspace trains on them: a tensor [n, 1, rows, cols] with pixel
// values in [0, 1] and one class index per image.
#include "engine/tensor.h"

#include <vector>

namespace ns::data {

struct ImageSet {
    engine::Tensor images;    // [n, 1, rows, cols], values in [0, 1]
    std::vector<int> labels;  // n class indices

    engine::Index size() const { return static_cast<engine::Index>(labels.size()); }
    // Images [first, first + count) and their labels, copied.
    ImageSet slice(engine::Index first, engine::Index count) const;
};

}  // namespace ns::data
