#pragma once
// The network evaluated on a regular grid over the plane: the decision boundary (or regression
// surface) and every hidden neuron's output, as the views draw them. For data of more than two
// dimensions the grid is the slice through the first two inputs with the others held at 0.
#include "lab/lab_features.h"
#include "mlp/mlp.h"
#include "mlp/trace.h"

namespace ns {

struct GridSpec {
    double xMin = -kGridExtent, xMax = kGridExtent, yMin = -kGridExtent, yMax = kGridExtent;
    int nx = 100, ny = 100;
    static constexpr double kGridExtent = 6.0;

    double x(int ix) const { return nx > 1 ? xMin + (xMax - xMin) * ix / (nx - 1) : xMin; }
    double y(int iy) const { return ny > 1 ? yMin + (yMax - yMin) * iy / (ny - 1) : yMin; }
    bool operator==(const GridSpec&) const = default;
};

struct GridEvaluation {
    GridSpec spec;
    Matrix points;  // nx·ny × dimension, row iy·nx + ix
    Trace trace;    // the forward pass: layers[l].a is each neuron's output at every cell

    // The network's output at cell (ix, iy), output unit j.
    double output(int ix, int iy, int j = 0) const {
        return trace.output()(static_cast<Eigen::Index>(iy) * spec.nx + ix, j);
    }
    double activation(std::size_t layer, int unit, int ix, int iy) const {
        return trace.layers[layer].a(static_cast<Eigen::Index>(iy) * spec.nx + ix, unit);
    }
};

// Evaluates `network` on the grid; reuses out's storage when the shapes match.
void evaluateGrid(const Mlp& network, FeatureSet features, int dimension, const GridSpec& spec,
                  GridEvaluation& out);

}  // namespace ns
