#pragma once
// The lab's network drawing, Playground style: every input feature, hidden neuron and output as
// a small heatmap of its value over the plane (from the grid the core evaluated), the edges
// coloured by the weight's sign (blue positive, orange negative) with width |w|. Hover over a
// node to see its heatmap enlarged.
#include "lab/grid.h"
#include "lab/lab_data.h"
#include "mlp/mlp.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace ns {

class LabNetworkView : public QWidget {
    Q_OBJECT
public:
    explicit LabNetworkView(QWidget* parent = nullptr);

    // inputNames: one per network input; valueScale: regression outputs ±scale are the extremes.
    void setNetwork(const Mlp& network, const GridEvaluation& grid, TaskKind task, int classes,
                    const QStringList& inputNames, double valueScale);

    int nodeCount() const;
    QRectF nodeRect(std::size_t layer, int unit) const;  // layer 0 = inputs
    int hoveredNode() const { return hovered_; }         // -1: none

    QSize sizeHint() const override { return {520, 360}; }
    QSize minimumSizeHint() const override { return {360, 260}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Node {
        std::size_t layer = 0;
        int unit = 0;
        QImage image;   // the thumbnail, one pixel per sampled grid cell
        QString title;  // for the enlarged view
    };
    void layoutNodes() const;
    QImage heatmap(const GridEvaluation& grid, int column, std::size_t traceLayer, bool input, bool output) const;

    Mlp network_;
    std::vector<int> sizes_;
    std::vector<Node> nodes_;
    std::vector<std::size_t> firstNode_;  // index of each layer's first node
    QStringList inputNames_;
    TaskKind task_ = TaskKind::Binary;
    int classes_ = 2;
    double scale_ = 1;
    mutable std::vector<QRectF> rects_;
    mutable QSize laidOutFor_;
    int hovered_ = -1;
};

}  // namespace ns
