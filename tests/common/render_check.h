#pragma once
// Distinct colours in a grid of samples of a rendered widget: a blank or failed render has one
// or two, a real view dozens. Shared by the GUI tests that take screenshots.
#include <QImage>

#include <set>

inline int distinctColours(const QImage& image, int step = 3) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += step)
        for (int x = 0; x < image.width(); x += step) colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}
