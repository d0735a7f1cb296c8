#pragma once
// The one numeric vocabulary of the core: float64 Eigen matrices, one sample per row
// (batch × units), the same layout as the textbook's NumPy code (seed 001 §3.2).
#include <Eigen/Core>

namespace ns {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
using RowVector = Eigen::RowVectorXd;
// Views into a matrix or a block of its rows (a mini-batch chunk) without copying.
using MatrixRef = Eigen::Ref<Matrix>;
using ConstMatrixRef = Eigen::Ref<const Matrix>;

}  // namespace ns
