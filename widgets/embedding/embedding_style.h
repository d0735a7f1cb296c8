#pragma once
// Shared looks of the embedding views: one colour per word group (Okabe–Ito, colour-blind safe),
// grey for words outside every group.
#include <QColor>

namespace ns::embedding_style {

QColor groupColor(int group);  // −1: the colour of ungrouped words

}  // namespace ns::embedding_style
