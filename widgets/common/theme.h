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
QColor gradientPositive();  // ∂L/∂W > 0 (backward pass edges)
QColor gradientNegative();  // ∂L/∂W < 0
QColor highlightNext();     // the neuron or edge the next step computes
QColor highlightUsed();     // the values the selected step used

// Blend from neutral to gradientPositive/gradientNegative by value/scale.
QColor gradientColor(double value, double scale);

// Blend from neutral to positive/negative by value/scale, clamped to [-1, 1].
QColor signedColor(double value, double scale);

// The UI font: Noto Sans CJK SC first so Chinese always gets Simplified glyphs.
QFont uiFont(double pointSize);
// Formulas: DejaVu Sans first (it has every sub- and superscript digit, ∂, Σ and σ with even
// metrics), Noto Sans CJK SC for any Chinese.
QFont mathFont(double pointSize);

}  // namespace ns::theme
