#include "rl_style.h"

#include <algorithm>
#include <array>

namespace ns::rl_style {

namespace {
// Okabe–Ito.
const std::array<QColor, 6> kPalette{QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9)};
}  // namespace

QColor strategyColor(int strategy) {
    static const std::array<QColor, kBanditStrategies> colors{kPalette[4], kPalette[0], kPalette[1]};
    return colors[static_cast<std::size_t>(std::clamp(strategy, 0, kBanditStrategies - 1))];
}

QColor agentColor(int agent) {
    static const std::array<QColor, kCartPoleAgents> colors{kPalette[0], kPalette[4], kPalette[1], kPalette[2], kPalette[3]};
    return colors[static_cast<std::size_t>(std::clamp(agent, 0, kCartPoleAgents - 1))];
}

}  // namespace ns::rl_style
