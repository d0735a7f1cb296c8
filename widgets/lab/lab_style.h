#pragma once
// Colours and plot styling shared by the training lab's views: the class colours (class 0
// orange, class 1 blue, as the network drawing colours weights, then purple and green), the
// heatmap gradients, and projector-sized plot fonts.
#include <QColor>

class QCustomPlot;
class QCPColorGradient;

namespace ns::labstyle {

QColor classColor(int cls);
// Pale version of a class colour, for heatmap cells near the boundary.
QColor paleClassColor(int cls);
// Orange (0) — white (½) — blue (1): a binary classifier's p, or a regression value mapped to
// [0, 1].
QCPColorGradient binaryGradient();
// One band per class: pale at the start of the band, saturated at its end (value = class +
// confidence, in [0, classes]).
QCPColorGradient classGradient(int classes);
// Fonts, margins and interactions every lab plot shares.
void stylePlot(QCustomPlot* plot);
// Distinct colours for curves (runs, activations).
QColor seriesColor(int index);

}  // namespace ns::labstyle
