#include "lab/grid.h"

#include <stdexcept>

namespace ns {

void evaluateGrid(const Mlp& network, FeatureSet features, int dimension, const GridSpec& spec,
                  GridEvaluation& out) {
    if (spec.nx < 1 || spec.ny < 1 || dimension < 1)
        throw std::invalid_argument("evaluateGrid: an empty grid");
    const Eigen::Index cells = static_cast<Eigen::Index>(spec.nx) * spec.ny;
    const bool reuse = out.spec == spec && out.points.rows() == cells && out.points.cols() == dimension;
    if (!reuse) {
        out.spec = spec;
        out.points = Matrix::Zero(cells, dimension);
        for (int iy = 0; iy < spec.ny; ++iy)
            for (int ix = 0; ix < spec.nx; ++ix) {
                const Eigen::Index r = static_cast<Eigen::Index>(iy) * spec.nx + ix;
                out.points(r, 0) = spec.x(ix);
                if (dimension > 1) out.points(r, 1) = spec.y(iy);
            }
    }
    if (dimension == 2 && features != (bit(Feature::X1) | bit(Feature::X2)))
        network.forward(applyFeatures(out.points, features), out.trace);
    else
        network.forward(out.points, out.trace);
}

}  // namespace ns
