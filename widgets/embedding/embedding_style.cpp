#include "embedding/embedding_style.h"

#include <array>

namespace ns::embedding_style {

QColor groupColor(int group) {
    static const std::array<QColor, 7> colors{QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                                              QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                              QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                                              QColor(0x8c, 0x6d, 0x31)};
    if (group < 0) return QColor(0x8a, 0x8a, 0x8a);
    return colors[static_cast<std::size_t>(group) % colors.size()];
}

}  // namespace ns::embedding_style
