#pragma once
// Colours and fonts shared by every view, chosen to read on a classroom projector: strong
// contrast, colour-blind-safe blue/orange for sign, fonts large enough for the back row.
#include <QColor>
#include <QFont>

namespace ns::theme {

QColor positive();        // weights > 0, activations high
QColor negative();        // weights < 0
QColor neutral();         // zero, empty
QColor ink();             // text and outlines
QColor mutedInk();        // secondary text
QColor background();

// Blend from neutral to positive/negative by value/scale, clamped to [-1, 1].
QColor signedColor(double value, double scale);

// The UI font: Noto Sans CJK SC first so Chinese always gets Simplified glyphs.
QFont uiFont(double pointSize);

}  // namespace ns::theme
