#pragma once
// A built-in image set, generated from a seed, for tests and for machines without Fashion-MNIST:
// 28×28 grey images of the digits 0–9 drawn as pen strokes, or of ten simple shapes, each with a
// random shift, scale, slant, stroke thickness and pixel noise. The same spec gives the same
// images on every machine (ns::Random, no std distributions).
#include "data/image_set.h"

#include <cstdint>

namespace ns::data {

enum class ShapesKind { Digits, Shapes };

struct ShapesSpec {
    ShapesKind kind = ShapesKind::Digits;
    engine::Index count = 1000;
    std::uint64_t seed = 1;
    double noise = 0.08;  // standard deviation of the added pixel noise
    static constexpr engine::Index kSide = 28;
    static constexpr engine::Index kMaxCount = 100000;
};

// Labels cycle through the ten classes in a seeded order (each class count/10 ± 1 times).
// Throws std::invalid_argument for a count outside 1 … kMaxCount or a negative noise.
ImageSet generateShapes(const ShapesSpec& spec);

}  // namespace ns::data
