#pragma once
// Colours and fonts shared by every view, chosen to read on a classroom projector: strong
// contrast, colour-blind-safe blue/orange for sign, fonts large enough for the back row.
#include <QColor>
#include <QFont>
#include <QString>

class QCustomPlot;
class QCPTextElement;

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

// Point sizes of plot text at presenter scale 1, readable from the back of a classroom.
constexpr double kPlotTickPt = 13;
constexpr double kPlotLabelPt = 14;
constexpr double kPlotLegendPt = 13;

// Titles of a plot's value axes written horizontally in a row above the axis rect — the left
// axis's at the left, the right axis's at the right — instead of QCustomPlot's rotated labels, so
// Chinese reads upright and nothing is cut at the plot's edge. Call after the plot's other layout
// rows exist; the axis rect must be in the layout's first row.
struct AxisTitles {
    QCPTextElement* left = nullptr;
    QCPTextElement* right = nullptr;
    void setTexts(const QString& leftText, const QString& rightText);
    void setColors(const QColor& leftColor, const QColor& rightColor);
};
AxisTitles addAxisTitles(QCustomPlot* plot);
// Tick labels, axis labels, the legend and the axis titles at the readable sizes × scale, axis
// pens × scale.
void applyPlotScale(QCustomPlot* plot, const AxisTitles& titles, double scale);

}  // namespace ns::theme
