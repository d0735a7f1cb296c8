#pragma once
// Draws a multilayer perceptron: every neuron and every edge. Edge colour is the sign of the
// weight and its width |w|; a neuron's fill is its activation a⁽ˡ⁾ for the selected sample,
// read from the core's trace (never recomputed here).
#include "mlp.h"
#include "trace.h"

#include <QPointF>
#include <QWidget>

#include <optional>
#include <vector>

namespace ns {

class NetworkView : public QWidget {
    Q_OBJECT
public:
    explicit NetworkView(QWidget* parent = nullptr);

    // network: the weights to draw. sampleTrace: a forward pass of one sample (one row), or
    // null to draw without activations. sampleIndex is only used in the caption.
    void setState(const Mlp& network, const Trace* sampleTrace, int sampleIndex);

    QSize minimumSizeHint() const override { return {480, 320}; }
    QSize sizeHint() const override { return {900, 560}; }

    struct NeuronAddress {
        int layer = 0;  // 0 = input layer, L = output layer
        int index = 0;
    };
    // Which neuron is under pos, if any (for tooltips, clicks and tests).
    std::optional<NeuronAddress> neuronAt(QPointF pos) const;
    QPointF neuronCenter(int layer, int index) const;
    long framesPainted() const { return framesPainted_; }  // for frame-rate checks

signals:
    void neuronClicked(int layer, int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString layerTitle(int layer) const;
    double activationOf(int layer, int index) const;
    double preActivationOf(int layer, int index) const;
    double neuronRadius() const;
    QRectF diagramRect() const;

    Mlp network_;
    std::vector<std::vector<double>> activations_;  // per layer incl. input; empty if none
    std::vector<std::vector<double>> preActivations_;  // z per weight layer (index 1…L)
    int sampleIndex_ = -1;
    long framesPainted_ = 0;
};

}  // namespace ns
