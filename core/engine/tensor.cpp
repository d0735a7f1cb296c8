#include "engine/tensor.h"

#include <stdexcept>

namespace ns::engine {

Index elementCount(const Shape& shape) {
    Index count = 1;
    for (Index d : shape) count *= d;
    return count;
}

std::string toString(const Shape& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i) text += ", ";
        text += std::to_string(shape[i]);
    }
    return text + "]";
}

Tensor::Tensor(Shape shape, double fill) : shape_(std::move(shape)) {
    for (Index d : shape_)
        if (d < 0) throw std::invalid_argument("tensor shape " + toString(shape_) + " has a negative size");
    data_.setConstant(elementCount(shape_), fill);
}

void Tensor::resize(const Shape& shape) {
    const Index count = elementCount(shape);
    if (count != data_.size()) data_.resize(count);
    shape_ = shape;
}

Index Tensor::offset(std::initializer_list<Index> index) const {
    if (index.size() != shape_.size())
        throw std::out_of_range("index of rank " + std::to_string(index.size()) + " into a tensor of shape " +
                                toString(shape_));
    Index offset = 0;
    std::size_t axis = 0;
    for (Index i : index) {
        if (i < 0 || i >= shape_[axis])
            throw std::out_of_range("index " + std::to_string(i) + " out of range on axis " +
                                    std::to_string(axis) + " of shape " + toString(shape_));
        offset = offset * shape_[axis] + i;
        ++axis;
    }
    return offset;
}

Tensor Tensor::reshaped(const Shape& shape) const {
    if (elementCount(shape) != size())
        throw std::invalid_argument("cannot reshape " + toString(shape_) + " to " + toString(shape));
    Tensor result;
    result.shape_ = shape;
    result.data_ = data_;
    return result;
}

}  // namespace ns::engine
