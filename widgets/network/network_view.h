#pragma once
// Draws a multilayer perceptron: every neuron and every edge. Edge colour is the sign of the
// weight and its width |w|; a neuron's fill is its activation a⁽ˡ⁾ for the selected sample,
// read from the core's trace (never recomputed here).
//
// Backprop mode draws one training step as far as the stepper has gone: every value computed so
// far is written on the diagram (z left of a neuron, a inside, δ right), the rest are blank; the
// neuron or edge the next step computes is highlighted and clicking it asks for the next step;
// in the backward pass edges are coloured by their gradient ∂L/∂W; the values the selected step
// used are ringed. A loss box right of the output layer holds L and the target y.
#include "stepper/backprop_steps.h"
#include "mlp/mlp.h"
#include "mlp/trace.h"

#include <QPixmap>
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

    // Backprop mode; null leaves it. *steps must stay alive until the next setStepper call.
    void setStepper(const BackpropSteps* steps, std::size_t position,
                    std::optional<ValueId> selection);
    bool inBackpropMode() const { return steps_ != nullptr; }
    // Where a value sits on the diagram (backprop mode): a neuron's centre, a point on its edge
    // that hits that edge, or the loss box.
    QPointF pointOf(const ValueId& id) const;
    // The value under pos in backprop mode: a neuron or edge (its latest computed value, else
    // the given one), or the loss box.
    std::optional<ValueId> itemAt(QPointF pos) const;

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

    // Presenter mode: fonts and line widths × scale (1 = normal; clamped to [0.5, 4]).
    void setPresenterScale(double scale);
    double presenterScale() const { return presenterScale_; }
    double textScale() const;  // the presenter scale, as far as the columns have room for it

signals:
    void neuronClicked(int layer, int index);
    void nextRequested();                // backprop mode: the highlighted next item was clicked
    void valueClicked(const ns::ValueId& id);  // backprop mode: another value was clicked
    void inspectRequested();             // backprop mode: Enter

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Where { None, Neuron, Edge, Loss };
    struct Location {
        Where where = Where::None;
        int layer = 0;
        int unit = 0;
        int input = 0;
        bool operator==(const Location&) const = default;
    };
    static Location locate(const ValueId& id);
    bool hits(const Location& location, QPointF pos) const;
    QPointF edgePoint(int layer, int unit, int input, double t) const;
    QRectF lossBox() const;
    int columnCount() const;
    bool computed(const ValueId& id) const;
    void paintStepper(QPainter& painter);
    void paintCaptions(QPainter& painter);
    double lineHeight() const;  // of the caption font, cached
    QString stepperLegend() const;
    QString phaseLegend() const;

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
    const BackpropSteps* steps_ = nullptr;
    std::size_t position_ = 0;
    std::optional<ValueId> selection_;
    double presenterScale_ = 1.0;
    mutable double lineHeight_ = -1;
    struct Captions {
        QString key;  // the texts drawn into the strips
        double dpr = 1;
        QPixmap top, bottom;
    };
    Captions captions_;
};

}  // namespace ns
