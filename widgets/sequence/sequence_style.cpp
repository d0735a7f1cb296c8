#include "sequence_style.h"

#include "common/theme.h"

#include <algorithm>
#include <cmath>

namespace ns::sequence_style {

QColor cellColor(int cell) {
    switch (cell) {
        case 0: return QColor(0xd5, 0x5e, 0x00);  // vermillion
        case 1: return QColor(0x00, 0x72, 0xb2);  // blue
        default: return QColor(0x00, 0x9e, 0x73); // bluish green
    }
}

QString cellName(int cell) {
    switch (cell) {
        case 0: return QStringLiteral("RNN");
        case 1: return QStringLiteral("LSTM");
        default: return QStringLiteral("GRU");
    }
}

QString gateSymbol(const QString& key) {
    if (key == QLatin1String("C_tilde")) return QStringLiteral("C̃ₜ");
    if (key == QLatin1String("h_tilde")) return QStringLiteral("h̃ₜ");
    return key + QStringLiteral("ₜ");
}

QColor valueColor(double value, bool sigmoid) {
    if (!std::isfinite(value)) return theme::neutral();
    if (!sigmoid) return theme::signedColor(value, 1.0);
    const double t = std::clamp(value, 0.0, 1.0);
    const QColor from(0xff, 0xff, 0xff);
    const QColor to = theme::positive();
    auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
}

}  // namespace ns::sequence_style
