#include "data/shapes_dataset.h"

#include "base/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns::data {

using engine::Index;

namespace {

struct Point {
    double x, y;  // in the unit box: x right, y down, both 0 … 1
};
using Stroke = std::vector<Point>;  // a polyline
using Glyph = std::vector<Stroke>;

Stroke arc(double cx, double cy, double rx, double ry, double from, double to, int steps = 16) {
    Stroke s;
    for (int i = 0; i <= steps; ++i) {
        const double t = (from + (to - from) * i / steps) * std::numbers::pi / 180.0;
        s.push_back({cx + rx * std::cos(t), cy + ry * std::sin(t)});
    }
    return s;
}

const std::array<Glyph, 10>& digits() {
    static const std::array<Glyph, 10> g{{
        {arc(0.5, 0.5, 0.28, 0.4, 0, 360, 24)},
        {{{0.35, 0.25}, {0.55, 0.1}, {0.55, 0.9}}, {{0.35, 0.9}, {0.75, 0.9}}},
        {{arc(0.5, 0.32, 0.25, 0.22, 190, 370)}, {{0.75, 0.32}, {0.25, 0.9}, {0.78, 0.9}}},
        {arc(0.48, 0.3, 0.24, 0.2, 200, 450), arc(0.48, 0.7, 0.27, 0.2, 270, 520)},
        {{{0.62, 0.9}, {0.62, 0.1}, {0.22, 0.65}, {0.8, 0.65}}},
        {{{0.75, 0.1}, {0.3, 0.1}, {0.27, 0.45}}, arc(0.5, 0.64, 0.27, 0.26, 225, 500)},
        {{{0.65, 0.1}, {0.3, 0.5}}, arc(0.5, 0.66, 0.24, 0.24, 0, 360, 20)},
        {{{0.22, 0.1}, {0.78, 0.1}, {0.4, 0.9}}},
        {arc(0.5, 0.3, 0.22, 0.2, 0, 360, 20), arc(0.5, 0.7, 0.26, 0.2, 0, 360, 20)},
        {arc(0.5, 0.34, 0.24, 0.24, 0, 360, 20), {{0.74, 0.34}, {0.6, 0.9}}},
    }};
    return g;
}

Stroke polygon(int corners, double radius, double rotationDeg) {
    Stroke s;
    for (int i = 0; i <= corners; ++i) {
        const double t = (rotationDeg + 360.0 * i / corners) * std::numbers::pi / 180.0;
        s.push_back({0.5 + radius * std::cos(t), 0.5 + radius * std::sin(t)});
    }
    return s;
}

const std::array<Glyph, 10>& shapes() {
    static const std::array<Glyph, 10> g{{
        {arc(0.5, 0.5, 0.36, 0.36, 0, 360, 28)},                       // circle
        {polygon(4, 0.45, 45)},                                         // square
        {polygon(3, 0.42, -90)},                                        // triangle
        {polygon(4, 0.4, 0)},                                           // diamond
        {{{0.5, 0.12}, {0.5, 0.88}}, {{0.12, 0.5}, {0.88, 0.5}}},       // plus
        {{{0.18, 0.18}, {0.82, 0.82}}, {{0.82, 0.18}, {0.18, 0.82}}},   // cross
        {{{0.12, 0.3}, {0.88, 0.3}}, {{0.12, 0.7}, {0.88, 0.7}}},       // two bars
        {polygon(6, 0.4, 0)},                                           // hexagon
        {{{0.15, 0.75}, {0.5, 0.2}, {0.85, 0.75}}},                     // chevron
        {arc(0.5, 0.5, 0.38, 0.38, 0, 360, 28), arc(0.5, 0.5, 0.15, 0.15, 0, 360, 16)},  // ring
    }};
    return g;
}

double segmentDistance(double px, double py, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    const double ex = px - (a.x + t * dx), ey = py - (a.y + t * dy);
    return std::sqrt(ex * ex + ey * ey);
}

void draw(const Glyph& glyph, Random& rng, double noise, double* out) {
    constexpr Index side = ShapesSpec::kSide;
    // The glyph's box within the image, and a slant: a random affine map of the unit box.
    const double scale = 16.0 + 5.0 * rng.uniform();
    const double shiftX = (rng.uniform() - 0.5) * 5.0, shiftY = (rng.uniform() - 0.5) * 5.0;
    const double slant = (rng.uniform() - 0.5) * 0.5;
    const double thickness = 1.0 + 1.3 * rng.uniform();  // pixels, half-width of the pen
    std::vector<std::pair<Point, Point>> segments;
    for (const Stroke& s : glyph)
        for (std::size_t i = 1; i < s.size(); ++i) {
            auto map = [&](Point p) {
                const double x = (p.x - 0.5) * scale + slant * (p.y - 0.5) * scale;
                const double y = (p.y - 0.5) * scale;
                return Point{side / 2.0 + shiftX + x, side / 2.0 + shiftY + y};
            };
            segments.push_back({map(s[i - 1]), map(s[i])});
        }
    for (Index r = 0; r < side; ++r)
        for (Index c = 0; c < side; ++c) {
            double d = 1e9;
            for (const auto& [a, b] : segments) d = std::min(d, segmentDistance(c + 0.5, r + 0.5, a, b));
            const double ink = std::clamp(thickness + 0.5 - d, 0.0, 1.0);  // one pixel of anti-aliasing
            out[r * side + c] = std::clamp(ink + noise * rng.normal(), 0.0, 1.0);
        }
}

}  // namespace

ImageSet generateShapes(const ShapesSpec& spec) {
    if (spec.count < 1 || spec.count > ShapesSpec::kMaxCount)
        throw std::invalid_argument("the built-in set holds 1 … " + std::to_string(ShapesSpec::kMaxCount) +
                                    " images, asked for " + std::to_string(spec.count));
    if (!(spec.noise >= 0)) throw std::invalid_argument("the built-in set's noise must be ≥ 0");
    Random rng(spec.seed * 0x9E3779B97F4A7C15ull + (spec.kind == ShapesKind::Digits ? 11 : 23));
    const auto& glyphs = spec.kind == ShapesKind::Digits ? digits() : shapes();
    ImageSet set;
    set.images = engine::Tensor({spec.count, 1, ShapesSpec::kSide, ShapesSpec::kSide});
    set.labels.resize(static_cast<std::size_t>(spec.count));
    std::array<int, 10> order{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (Index i = 0; i < spec.count; ++i) {
        if (i % 10 == 0)  // a new seeded order of the ten classes every ten images
            for (int k = 9; k > 0; --k) std::swap(order[k], order[rng.nextU64() % (k + 1)]);
        const int label = order[static_cast<std::size_t>(i % 10)];
        set.labels[static_cast<std::size_t>(i)] = label;
        draw(glyphs[static_cast<std::size_t>(label)], rng, spec.noise, set.images.sample(i));
    }
    return set;
}

}  // namespace ns::data
