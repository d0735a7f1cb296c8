#pragma once
// The computational graph of one neuron and its loss, micrograd style: boxes x, w, ×, +, b, σ, L,
// each showing value | gradient. Stepping walks the graph in reverse topological order (seed 000
// Algorithm 1); the node just reached shows its local derivatives and the gradient it
// accumulates from its children. Everything drawn comes from the core's NeuronGraph.
#include "stepper/neuron_graph.h"

#include <QWidget>

#include <optional>

class QLabel;
class QToolButton;

namespace ns {

class GraphCanvas;

class NeuronGraphView : public QWidget {
    Q_OBJECT
public:
    explicit NeuronGraphView(QWidget* parent = nullptr);

    // Keeps a copy of graph (a few dozen nodes); null shows a note instead. position: how many
    // nodes of graph->backwardOrder() have their gradient shown.
    void setGraph(const NeuronGraph* graph, std::size_t position);

    QString captionText() const;  // the explanation of the node just reached (plain text)
    QWidget* canvas() const;
    QRectF nodeRect(int node) const;  // where a node is drawn, in canvas coordinates

    // Presenter mode: fonts, box sizes and line widths × scale (1 = normal; clamped to [0.5, 4]).
    void setPresenterScale(double scale);
    double presenterScale() const { return scale_; }

signals:
    void nextRequested();
    void backRequested();
    void startRequested();
    void endRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void applyScale();

    std::optional<NeuronGraph> graph_;
    std::size_t position_ = 0;
    double scale_ = 1.0;
    QLabel* title_;
    GraphCanvas* canvas_;
    QLabel* caption_;
    QToolButton* start_;
    QToolButton* back_;
    QToolButton* next_;
    QToolButton* end_;
};

}  // namespace ns
