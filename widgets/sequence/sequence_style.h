#pragma once
// Shared looks of the sequence views: one colour per cell (Okabe–Ito, colour-blind safe) and
// the cells' names as the textbook writes them.
#include <QColor>
#include <QString>

namespace ns::sequence_style {

inline constexpr int kCells = 3;  // rnn, lstm, gru
QColor cellColor(int cell);
QString cellName(int cell);  // "RNN", "LSTM", "GRU"
// A gate's symbol as the equations write it: f_t, i_t, C̃_t, o_t, C_t, z_t, r_t, h̃_t, h_t.
QString gateSymbol(const QString& key);
// A value of a gate (sigmoid: 0…1 from white to blue) or of a signed quantity (tanh, C_t).
QColor valueColor(double value, bool sigmoid);

}  // namespace ns::sequence_style
