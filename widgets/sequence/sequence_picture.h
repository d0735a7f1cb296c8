#pragma once
// What the sequence views draw: one traced sequence of one recurrent cell, copied out of the
// core's trace (the Recurrent layer's output and named intermediates) by the model. The views
// only look values up here; they compute none.
#include <QString>
#include <QStringList>

#include <vector>

namespace ns {

struct SequenceGate {
    QString key;     // the trace's name: "f", "i", "C_tilde", "o", "C" / "z", "r", "h_tilde"
    bool sigmoid = true;  // values in (0, 1); otherwise tanh's (−1, 1) or unbounded (C_t)
    std::vector<std::vector<double>> values;  // [T][units]
};

struct SequencePicture {
    enum class Cell { Rnn, Lstm, Gru };
    Cell cell = Cell::Lstm;
    int steps = 0;   // T
    int units = 0;   // hidden size
    int selectedStep = 0;  // 0-based
    int selectedUnit = 0;
    QStringList inputs;                       // x_t as a short label (symbol, character or value)
    std::vector<std::vector<double>> x;       // [T][d] the input itself
    std::vector<std::vector<double>> h;       // [T][units] h_t
    std::vector<std::vector<double>> c;       // [T][units] C_t (LSTM), empty otherwise
    std::vector<SequenceGate> gates;          // in the order the cell computes them (without C)
    std::vector<std::vector<double>> gradH;   // [T][units] ∂L/∂h_t, empty before a backward pass
    std::vector<std::vector<double>> gradC;   // [T][units] ∂L/∂C_t (LSTM)
    std::vector<double> gradNorm;             // [T] ‖∂L/∂h_t‖
    QString target;                           // what the network should answer (label or value)
    QString prediction;                       // what it answered

    const SequenceGate* gate(const QString& key) const {
        for (const SequenceGate& g : gates)
            if (g.key == key) return &g;
        return nullptr;
    }
    bool valid() const { return steps > 0 && units > 0 && static_cast<int>(h.size()) == steps; }
};

}  // namespace ns
