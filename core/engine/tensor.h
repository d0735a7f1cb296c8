#pragma once
// The engine's one array type: an N-D shape over contiguous float64 storage, last index fastest
// (the C order NumPy and the textbook's code use). The first dimension is the batch wherever a
// tensor flows through a network: [N, features], [N, C, H, W], [N, T, d].
#include <Eigen/Core>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

namespace ns::engine {

using Index = Eigen::Index;
using Shape = std::vector<Index>;
using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMajorMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMajorMatrix>;

Index elementCount(const Shape& shape);
std::string toString(const Shape& shape);  // "[32, 6, 28, 28]"

class Tensor {
public:
    Tensor() = default;
    explicit Tensor(Shape shape, double fill = 0.0);
    Tensor(std::initializer_list<Index> shape) : Tensor(Shape(shape)) {}

    const Shape& shape() const { return shape_; }
    int rank() const { return static_cast<int>(shape_.size()); }
    Index dim(int axis) const { return shape_.at(static_cast<std::size_t>(axis)); }
    Index size() const { return data_.size(); }
    bool empty() const { return data_.size() == 0; }

    // Keeps the storage when the element count is unchanged (training reuses its buffers).
    void resize(const Shape& shape);
    void setZero() { data_.setZero(); }
    void fill(double value) { data_.setConstant(value); }

    double* data() { return data_.data(); }
    const double* data() const { return data_.data(); }
    double& operator[](Index i) { return data_[i]; }
    double operator[](Index i) const { return data_[i]; }

    // Element access by full index, e.g. t.at({n, c, y, x}).
    double& at(std::initializer_list<Index> index) { return data_[offset(index)]; }
    double at(std::initializer_list<Index> index) const { return data_[offset(index)]; }
    Index offset(std::initializer_list<Index> index) const;

    // Elements per batch row, and the row itself.
    Index sampleSize() const { return shape_.empty() || shape_[0] == 0 ? 0 : size() / shape_[0]; }
    double* sample(Index n) { return data() + n * sampleSize(); }
    const double* sample(Index n) const { return data() + n * sampleSize(); }

    // The tensor as dim(0) × (everything else), row-major, without copying.
    MatrixMap matrix() { return MatrixMap(data(), shape_.empty() ? 0 : shape_[0], sampleSize()); }
    ConstMatrixMap matrix() const {
        return ConstMatrixMap(data(), shape_.empty() ? 0 : shape_[0], sampleSize());
    }
    Eigen::Map<Eigen::VectorXd> flat() { return Eigen::Map<Eigen::VectorXd>(data(), size()); }
    Eigen::Map<const Eigen::VectorXd> flat() const {
        return Eigen::Map<const Eigen::VectorXd>(data(), size());
    }

    // The same data under another shape with the same element count.
    Tensor reshaped(const Shape& shape) const;
    bool allFinite() const { return data_.allFinite(); }
    bool operator==(const Tensor& other) const {
        return shape_ == other.shape_ && data_ == other.data_;
    }

private:
    Shape shape_;
    Eigen::VectorXd data_;
};

}  // namespace ns::engine
