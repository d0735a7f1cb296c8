#pragma once
// What the sliding-window canvas draws, filled by the convolution workspace from its model: plain
// numbers, so the view needs neither the model nor the core.
#include <QPoint>
#include <QString>
#include <QVector>

namespace ns {

struct ConvGrid {
    int rows = 0, cols = 0;
    QVector<double> values;  // row-major
    double at(int r, int c) const { return values.value(r * cols + c); }
};

struct ConvTerm {
    int channel = 0, u = 0, v = 0;  // kernel cell
    int row = 0, col = 0;           // input cell (may lie in the padding)
    bool padding = false;
    double input = 0, weight = 0, product = 0;
};

struct ConvPicture {
    enum class Mode { Conv, Pool, Receptive, Pointwise } mode = Mode::Conv;
    QVector<ConvGrid> input;    // one grid per input channel
    int padding = 0, stride = 1, dilation = 1, kernelSize = 3;
    QVector<ConvGrid> kernel;   // the slices of the output channel shown (one per input channel)
    ConvGrid output;            // the output channel shown
    QVector<bool> visited;      // output cells the window has been on
    int cursorRow = 0, cursorCol = 0, outChannel = 0, outChannels = 1;
    QVector<ConvTerm> terms;    // the current position's sum, in the order it runs
    double bias = 0, value = 0;
    int chosen = -1;            // pool max: the term that won
    QVector<QPoint> lit;        // receptive mode: input cells the output cell depends on
    QString problem;            // non-empty: the geometry is impossible; nothing else is drawn
    QString formula;            // the output-size formula with the current numbers
    QString parameters;         // the parameter count with its formula
    QString sumText;            // the products and their sum written out
};

}  // namespace ns
