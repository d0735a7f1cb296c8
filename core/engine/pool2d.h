#pragma once
// Max and average pooling over k×k windows with stride s, no padding (seed 001 §4.4):
//   max: y[c, i, j] = max over the window, ∂ goes to the first maximum (ties: lowest row, then column);
//   avg: y[c, i, j] = (1/k²) Σ over the window.
// O = ⌊(I − k)/s⌋ + 1. The trace keeps "argmax": the flat input index (y·W + x) each output read.
#include "engine/layer.h"

namespace ns::engine {

enum class PoolKind { Max, Average };

struct PoolGeometry {
    Index channels = 1, height = 1, width = 1, size = 2, stride = 2;
    Index outHeight() const { return (height - size) / stride + 1; }
    Index outWidth() const { return (width - size) / stride + 1; }
};
// Empty when usable; otherwise what is wrong with the numbers of O = ⌊(I − k)/s⌋ + 1.
std::string checkPoolGeometry(const PoolGeometry& g);

class Pool2d : public Layer {
public:
    Pool2d(PoolKind kind, Index size, Index stride);
    std::string kind() const override { return kind_ == PoolKind::Max ? "max_pool2d" : "avg_pool2d"; }
    std::string describe() const override;
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forward(const Inputs& inputs, LayerTrace& trace, const RunContext& context) override;
    void backward(const Inputs& inputs, LayerTrace& trace, const std::vector<bool>& wantInput,
                  const RunContext& context) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Pool2d>(*this); }
    PoolKind poolKind() const { return kind_; }
    Index size() const { return size_; }
    Index stride() const { return stride_; }

private:
    PoolKind kind_;
    Index size_, stride_;
};

}  // namespace ns::engine
