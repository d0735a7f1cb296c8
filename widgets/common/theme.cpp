#include "common/theme.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace ns::theme {

QColor positive() { return QColor(0x1f, 0x6f, 0xc5); }
QColor negative() { return QColor(0xe0, 0x7b, 0x00); }
QColor neutral() { return QColor(0xee, 0xee, 0xee); }
QColor ink() { return QColor(0x20, 0x20, 0x20); }
QColor mutedInk() { return QColor(0x60, 0x60, 0x60); }
QColor background() { return QColor(0xff, 0xff, 0xff); }

// Purple/green (a colour-blind-safe diverging pair) so gradients never look like weights.
QColor gradientPositive() { return QColor(0x76, 0x2a, 0x83); }
QColor gradientNegative() { return QColor(0x1b, 0x78, 0x37); }
QColor highlightNext() { return QColor(0xf5, 0xb4, 0x00); }
QColor highlightUsed() { return QColor(0xd6, 0x27, 0x28); }

QColor gradientColor(double value, double scale) {
    if (!std::isfinite(value) || scale <= 0) return neutral();
    const double t = std::clamp(std::abs(value) / scale, 0.0, 1.0);
    const QColor from = neutral();
    const QColor to = value >= 0 ? gradientPositive() : gradientNegative();
    auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

QColor signedColor(double value, double scale) {
    if (!std::isfinite(value) || scale <= 0) return neutral();
    const double t = std::clamp(std::abs(value) / scale, 0.0, 1.0);
    const QColor from = neutral();
    const QColor to = value >= 0 ? positive() : negative();
    auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

QFont uiFont(double pointSize) {
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans"),
                      QStringLiteral("DejaVu Sans")});
    font.setPointSizeF(pointSize);
    return font;
}

QFont mathFont(double pointSize) {
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
    font.setPointSizeF(pointSize);
    return font;
}

}  // namespace ns::theme
