#include "conv/convolution_model.h"

#include <QFont>
#include <QPainter>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr int kMinInput = 3, kMaxInput = 28, kMaxKernel = 7, kMaxStride = 4, kMaxPadding = 3, kMaxDilation = 4;
constexpr int kMaxOutChannels = 4, kMaxLayers = 3;
constexpr int kPlayIntervalMs = 250;

class StateCommand : public QUndoCommand {
public:
    StateCommand(ConvolutionModel* model, ConvolutionState before, ConvolutionState after, const QString& text)
        : QUndoCommand(text), model_(model), before_(std::move(before)), after_(std::move(after)) {}
    void undo() override { model_->restore(before_); }
    void redo() override { model_->restore(after_); }

private:
    ConvolutionModel* model_;
    ConvolutionState before_, after_;
};

std::vector<double> binomial(int k) {
    std::vector<double> row(static_cast<std::size_t>(k), 1.0);
    for (int i = 1; i < k; ++i) row[static_cast<std::size_t>(i)] = row[static_cast<std::size_t>(i - 1)] * (k - i) / i;
    return row;
}

// One k×k slice of a preset, row-major.
std::vector<double> presetSlice(const QString& name, int k) {
    const int mid = k / 2;
    std::vector<double> w(static_cast<std::size_t>(k * k), 0.0);
    auto at = [&](int r, int c) -> double& { return w[static_cast<std::size_t>(r * k + c)]; };
    const std::vector<double> b = binomial(k);
    if (name == QLatin1String("box_blur")) {
        std::fill(w.begin(), w.end(), 1.0 / (k * k));
    } else if (name == QLatin1String("gaussian")) {
        double total = 0;
        for (int r = 0; r < k; ++r)
            for (int c = 0; c < k; ++c) total += at(r, c) = b[static_cast<std::size_t>(r)] * b[static_cast<std::size_t>(c)];
        for (double& x : w) x /= total;
    } else if (name == QLatin1String("sharpen")) {
        std::fill(w.begin(), w.end(), k == 3 ? 0.0 : -1.0);
        if (k == 3) at(0, 1) = at(1, 0) = at(1, 2) = at(2, 1) = -1;
        at(mid, mid) = k == 3 ? 5 : k * k;
    } else if (name == QLatin1String("sobel_x") || name == QLatin1String("sobel_y")) {
        const bool x = name == QLatin1String("sobel_x");
        for (int r = 0; r < k; ++r)
            for (int c = 0; c < k; ++c)
                at(r, c) = x ? (c - mid) * b[static_cast<std::size_t>(r)] : (r - mid) * b[static_cast<std::size_t>(c)];
    } else if (name == QLatin1String("laplacian")) {
        if (k == 3) {
            at(0, 1) = at(1, 0) = at(1, 2) = at(2, 1) = 1;
            at(1, 1) = -4;
        } else {
            std::fill(w.begin(), w.end(), 1.0);
            at(mid, mid) = 1.0 - k * k;
        }
    } else {  // identity
        at(mid, mid) = 1;
    }
    return w;
}

// The slice turned by 90° `turns` times, so each output channel finds another direction.
std::vector<double> turned(std::vector<double> w, int k, int turns) {
    for (int t = 0; t < turns % 4; ++t) {
        std::vector<double> r(w.size());
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) r[static_cast<std::size_t>(j * k + (k - 1 - i))] = w[static_cast<std::size_t>(i * k + j)];
        w = std::move(r);
    }
    return w;
}

// 1×1 kernels mixing R, G, B: brightness, red − green, yellow − blue, the plain mean.
constexpr double kPointwise[4][3] = {{0.299, 0.587, 0.114}, {1, -1, 0}, {0.5, 0.5, -1}, {1.0 / 3, 1.0 / 3, 1.0 / 3}};

QImage drawPreset(const QString& name, int size) {
    QImage image(size * 8, size * 8, QImage::Format_Grayscale8);
    image.fill(Qt::black);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double s = image.width();
    QPen pen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    if (name.startsWith(QLatin1String("digit_"))) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setBold(true);
        font.setPixelSize(static_cast<int>(s * 0.95));
        p.setFont(font);
        p.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, name.mid(6));
    } else if (name == QLatin1String("circle")) {
        p.drawEllipse(QRectF(s * 0.2, s * 0.2, s * 0.6, s * 0.6));
    } else if (name == QLatin1String("square")) {
        p.drawRect(QRectF(s * 0.22, s * 0.22, s * 0.56, s * 0.56));
    } else if (name == QLatin1String("cross")) {
        p.drawLine(QPointF(s * 0.5, s * 0.15), QPointF(s * 0.5, s * 0.85));
        p.drawLine(QPointF(s * 0.15, s * 0.5), QPointF(s * 0.85, s * 0.5));
    } else {  // diagonal
        p.drawLine(QPointF(s * 0.15, s * 0.15), QPointF(s * 0.85, s * 0.85));
    }
    p.end();
    return image.scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

}  // namespace

const QStringList& ConvolutionModel::modes() {
    static const QStringList names{QStringLiteral("conv"), QStringLiteral("pool"), QStringLiteral("receptive"),
                                   QStringLiteral("pointwise")};
    return names;
}

const QStringList& ConvolutionModel::inputPresets() {
    static const QStringList names = [] {
        QStringList n;
        for (int d = 0; d <= 9; ++d) n << QStringLiteral("digit_%1").arg(d);
        n << QStringLiteral("circle") << QStringLiteral("square") << QStringLiteral("cross") << QStringLiteral("diagonal");
        return n;
    }();
    return names;
}

const QStringList& ConvolutionModel::kernelPresets() {
    static const QStringList names{QStringLiteral("identity"), QStringLiteral("box_blur"), QStringLiteral("gaussian"),
                                   QStringLiteral("sharpen"),  QStringLiteral("sobel_x"),  QStringLiteral("sobel_y"),
                                   QStringLiteral("laplacian")};
    return names;
}

ConvolutionModel::ConvolutionModel(QObject* parent)
    : QObject(parent), undo_(new QUndoStack(this)), timer_(new QTimer(this)) {
    timer_->setInterval(kPlayIntervalMs);
    connect(timer_, &QTimer::timeout, this, [this] {
        const int last = outRows_ * outCols_ - 1;
        if (state_.cursorRow * outCols_ + state_.cursorCol >= last) {
            pause();
            return;
        }
        step();
    });
    state_.kernel = presetKernel(state_);
    recompute();
}

ConvolutionModel::~ConvolutionModel() = default;

bool ConvolutionModel::refuse(const QString& why) {
    error_ = why;
    return false;
}

int ConvolutionModel::kernelChannels() const { return state_.mode == QLatin1String("pointwise") ? 3 : state_.channels; }

std::vector<double> ConvolutionModel::presetKernel(const ConvolutionState& s) const {
    const bool pointwise = s.mode == QLatin1String("pointwise");
    const int c = pointwise ? 3 : s.channels, k = pointwise ? 1 : s.kernelSize;
    std::vector<double> w;
    w.reserve(static_cast<std::size_t>(s.outChannels * c * k * k));
    for (int o = 0; o < s.outChannels; ++o)
        for (int ch = 0; ch < c; ++ch) {
            if (pointwise) {
                w.push_back(kPointwise[o][ch]);
                continue;
            }
            const std::vector<double> slice = turned(presetSlice(s.kernelPreset, k), k, o);
            w.insert(w.end(), slice.begin(), slice.end());
        }
    return w;
}

std::vector<double> ConvolutionModel::picture(const ConvolutionState& s) const {
    const int n = s.inputSize;
    const bool rgb = s.channels == 3 || s.mode == QLatin1String("pointwise");
    std::vector<double> grey(static_cast<std::size_t>(n * n));
    if (s.input == QLatin1String("custom") && s.custom.size() == 28 * 28) {
        QImage full(28, 28, QImage::Format_Grayscale8);
        for (int r = 0; r < 28; ++r)
            for (int c = 0; c < 28; ++c)
                full.scanLine(r)[c] = static_cast<uchar>(std::lround(255 * s.custom[static_cast<std::size_t>(r * 28 + c)]));
        const QImage small = full.scaled(n, n, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c) grey[static_cast<std::size_t>(r * n + c)] = small.constScanLine(r)[c] / 255.0;
    } else {
        const QImage image = drawPreset(s.input, n);
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c)
                grey[static_cast<std::size_t>(r * n + c)] = std::round(image.constScanLine(r)[c] / 255.0 * 100) / 100;
    }
    if (!rgb) return grey;
    // Three different channels from one picture: the picture, the picture moved right, and the
    // picture fading from left to right.
    std::vector<double> out(static_cast<std::size_t>(3 * n * n));
    const int shift = std::max(1, n / 6);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const auto i = static_cast<std::size_t>(r * n + c);
            out[i] = grey[i];
            out[static_cast<std::size_t>(n * n) + i] = c >= shift ? grey[static_cast<std::size_t>(r * n + c - shift)] : 0;
            out[static_cast<std::size_t>(2 * n * n) + i] = std::round(grey[i] * (c + 1) / n * 100) / 100;
        }
    return out;
}

void ConvolutionModel::restore(const ConvolutionState& state) {
    const bool geometry = state.mode != state_.mode || state.inputSize != state_.inputSize ||
                          state.kernelSize != state_.kernelSize || state.stride != state_.stride ||
                          state.padding != state_.padding || state.dilation != state_.dilation ||
                          state.poolSize != state_.poolSize || state.poolStride != state_.poolStride ||
                          state.layers != state_.layers;
    state_ = state;
    if (geometry) visited_.clear();
    recompute();
}

bool ConvolutionModel::edit(const ConvolutionState& wanted, const QString& what) {
    ConvolutionState next = wanted;
    const bool kernelShape = next.mode != state_.mode || next.channels != state_.channels ||
                             next.kernelSize != state_.kernelSize || next.outChannels != state_.outChannels ||
                             next.kernelPreset != state_.kernelPreset;
    if (kernelShape && (next.kernel.empty() || next.kernel == state_.kernel)) next.kernel = presetKernel(next);
    if (next == state_) return true;
    error_.clear();
    undo_->push(new StateCommand(this, state_, next, what));
    return true;
}

// One geometry number (input size, kernel size, stride, padding, dilation, stacked layers): refused
// outside its range, and a new grid for the window, which starts again at (0, 0).
bool ConvolutionModel::setGeometry(int ConvolutionState::*field, int value, int low, int high, const QString& what) {
    if (value < low || value > high) return refuse(tr("%1 %2 is outside %3–%4").arg(what).arg(value).arg(low).arg(high));
    ConvolutionState s = state_;
    s.*field = value;
    s.cursorRow = s.cursorCol = 0;
    return edit(s, what);
}

bool ConvolutionModel::setMode(const QString& mode) {
    if (!modes().contains(mode)) return refuse(tr("Unknown mode '%1': expected one of %2").arg(mode, modes().join(QStringLiteral(", "))));
    ConvolutionState s = state_;
    s.mode = mode;
    if (mode == QLatin1String("pointwise")) s.outChannels = std::min(s.outChannels, 4);
    s.cursorRow = s.cursorCol = 0;
    return edit(s, tr("Mode"));
}

bool ConvolutionModel::setInputPreset(const QString& name) {
    if (!inputPresets().contains(name))
        return refuse(tr("Unknown picture '%1': expected one of %2").arg(name, inputPresets().join(QStringLiteral(", "))));
    ConvolutionState s = state_;
    s.input = name;
    return edit(s, tr("Input picture"));
}

bool ConvolutionModel::setInputImage(const QImage& image) {
    if (image.isNull()) return refuse(tr("The image could not be read"));
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8)
                            .scaled(28, 28, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    ConvolutionState s = state_;
    s.input = QStringLiteral("custom");
    s.custom.assign(28 * 28, 0.0);
    for (int r = 0; r < 28; ++r)
        for (int c = 0; c < 28; ++c) s.custom[static_cast<std::size_t>(r * 28 + c)] = grey.constScanLine(r)[c] / 255.0;
    return edit(s, tr("Open image"));
}

bool ConvolutionModel::setInputSize(int size) { return setGeometry(&ConvolutionState::inputSize, size, kMinInput, kMaxInput, tr("Input size")); }

bool ConvolutionModel::setChannels(int channels) {
    if (channels != 1 && channels != 3) return refuse(tr("Input channels must be 1 (grey) or 3 (RGB), not %1").arg(channels));
    ConvolutionState s = state_;
    s.channels = channels;
    return edit(s, tr("Input channels"));
}

bool ConvolutionModel::setKernelPreset(const QString& name) {
    if (!kernelPresets().contains(name))
        return refuse(tr("Unknown kernel '%1': expected one of %2").arg(name, kernelPresets().join(QStringLiteral(", "))));
    ConvolutionState s = state_;
    s.kernelPreset = name;
    s.kernel.clear();
    return edit(s, tr("Kernel preset"));
}

bool ConvolutionModel::setKernelSize(int size) { return setGeometry(&ConvolutionState::kernelSize, size, 1, kMaxKernel, tr("Kernel size")); }

bool ConvolutionModel::setKernelCell(int outChannel, int channel, int row, int col, double value) {
    const int c = kernelChannels(), k = state_.mode == QLatin1String("pointwise") ? 1 : state_.kernelSize;
    if (outChannel < 0 || outChannel >= state_.outChannels || channel < 0 || channel >= c || row < 0 || row >= k ||
        col < 0 || col >= k)
        return refuse(tr("There is no kernel cell (%1, %2, %3, %4)").arg(outChannel).arg(channel).arg(row).arg(col));
    if (!std::isfinite(value) || std::abs(value) > 100) return refuse(tr("A kernel weight must lie in −100…100"));
    ConvolutionState s = state_;
    s.kernel[static_cast<std::size_t>(((outChannel * c + channel) * k + row) * k + col)] = value;
    error_.clear();
    undo_->push(new StateCommand(this, state_, s, tr("Kernel weight")));
    return true;
}

bool ConvolutionModel::setStride(int stride) { return setGeometry(&ConvolutionState::stride, stride, 1, kMaxStride, tr("Stride")); }

bool ConvolutionModel::setPadding(int padding) { return setGeometry(&ConvolutionState::padding, padding, 0, kMaxPadding, tr("Padding")); }

bool ConvolutionModel::setDilation(int dilation) { return setGeometry(&ConvolutionState::dilation, dilation, 1, kMaxDilation, tr("Dilation")); }

bool ConvolutionModel::setOutputChannels(int channels) {
    if (channels < 1 || channels > kMaxOutChannels)
        return refuse(tr("Output channels %1 is outside 1–%2").arg(channels).arg(kMaxOutChannels));
    ConvolutionState s = state_;
    s.outChannels = channels;
    return edit(s, tr("Output channels"));
}

bool ConvolutionModel::setPool(const QString& kind, int size, int stride) {
    if (kind != QLatin1String("max") && kind != QLatin1String("avg"))
        return refuse(tr("Pooling must be max or avg, not '%1'").arg(kind));
    if (size < 2 || size > 4) return refuse(tr("Pooling size %1 is outside 2–4").arg(size));
    if (stride < 1 || stride > kMaxStride) return refuse(tr("Pooling stride %1 is outside 1–%2").arg(stride).arg(kMaxStride));
    ConvolutionState s = state_;
    s.poolKind = kind;
    s.poolSize = size;
    s.poolStride = stride;
    s.cursorRow = s.cursorCol = 0;
    return edit(s, tr("Pooling"));
}

bool ConvolutionModel::setLayers(int layers) { return setGeometry(&ConvolutionState::layers, layers, 1, kMaxLayers, tr("Stacked layers")); }

bool ConvolutionModel::setCursor(int row, int col) {
    if (!problem_.isEmpty()) return refuse(problem_);
    if (row < 0 || row >= outRows_ || col < 0 || col >= outCols_)
        return refuse(tr("Output cell (%1, %2) is outside the %3 × %4 output").arg(row).arg(col).arg(outRows_).arg(outCols_));
    if (row == state_.cursorRow && col == state_.cursorCol) {
        visited_[static_cast<std::size_t>(row * outCols_ + col)] = true;
        return true;
    }
    // Moving the window is not an edit: it stays out of the undo history.
    state_.cursorRow = row;
    state_.cursorCol = col;
    visited_[static_cast<std::size_t>(row * outCols_ + col)] = true;
    error_.clear();
    markChanged();
    return true;
}

void ConvolutionModel::step() {
    if (outCols_ <= 0) return;
    const int next = std::min(state_.cursorRow * outCols_ + state_.cursorCol + 1, outRows_ * outCols_ - 1);
    setCursor(next / outCols_, next % outCols_);
}

void ConvolutionModel::stepBack() {
    if (outCols_ <= 0) return;
    const int previous = std::max(state_.cursorRow * outCols_ + state_.cursorCol - 1, 0);
    setCursor(previous / outCols_, previous % outCols_);
}

void ConvolutionModel::play() { setPlaying(true); }
void ConvolutionModel::pause() { setPlaying(false); }

void ConvolutionModel::setPlaying(bool on) {
    if (on && !problem_.isEmpty()) on = false;
    if (on == playing_) return;
    playing_ = on;
    if (on) {
        if (state_.cursorRow * outCols_ + state_.cursorCol >= outRows_ * outCols_ - 1) setCursor(0, 0);
        timer_->start();
    } else {
        timer_->stop();
    }
    markChanged();
}

bool ConvolutionModel::visitedAll() const {
    return !visited_.empty() && std::all_of(visited_.begin(), visited_.end(), [](bool v) { return v; });
}

bool ConvolutionModel::visited(int row, int col) const {
    if (row < 0 || col < 0 || row >= outRows_ || col >= outCols_) return false;
    return visited_[static_cast<std::size_t>(row * outCols_ + col)];
}

QString ConvolutionModel::outputSizeFormula() const {
    const int i = state_.inputSize;
    if (state_.mode == QLatin1String("pool"))
        return QStringLiteral("O = ⌊(I − k)/s⌋ + 1 = ⌊(%1 − %2)/%3⌋ + 1 = %4")
            .arg(i).arg(state_.poolSize).arg(state_.poolStride).arg(engine::ConvGeometry::outputSize(i, state_.poolSize, state_.poolStride, 0, 1));
    if (state_.mode == QLatin1String("receptive"))
        return QStringLiteral("O = I − 2L = %1 − 2·%2 = %3").arg(i).arg(state_.layers).arg(i - 2 * state_.layers);
    if (state_.mode == QLatin1String("pointwise")) return QStringLiteral("O = I = %1 (1 × 1)").arg(i);
    const int k = state_.kernelSize, p = state_.padding, s = state_.stride, d = state_.dilation;
    const long o = engine::ConvGeometry::outputSize(i, k, s, p, d);
    return QStringLiteral("O = ⌊(I + 2p − d(k − 1) − 1)/s⌋ + 1 = ⌊(%1 + 2·%2 − %3·(%4 − 1) − 1)/%5⌋ + 1 = %6")
        .arg(i).arg(p).arg(d).arg(k).arg(s).arg(o);
}

long ConvolutionModel::parameterCount() const {
    const long c = kernelChannels(), o = state_.outChannels;
    if (state_.mode == QLatin1String("pool")) return 0;
    if (state_.mode == QLatin1String("receptive")) return 9L * state_.layers * c * c;
    if (state_.mode == QLatin1String("pointwise")) return c * o + o;
    const long k = state_.kernelSize;
    return k * k * c * o + o;
}

QString ConvolutionModel::parameterFormula() const {
    const int c = kernelChannels(), o = state_.outChannels;
    if (state_.mode == QLatin1String("pool")) return tr("Pooling has no parameters (only its size and stride)");
    if (state_.mode == QLatin1String("receptive")) {
        const int l = state_.layers, side = 2 * l + 1;
        return tr("%1 × (3·3·C·C) = %1 × (3·3·%2·%2) = %3 weights, vs one %4×%4: %4·%4·%2·%2 = %5")
            .arg(l).arg(c).arg(9 * l * c * c).arg(side).arg(side * side * c * c);
    }
    if (state_.mode == QLatin1String("pointwise"))
        return QStringLiteral("1·1·C·C′ + C′ = 1·1·%1·%2 + %2 = %3").arg(c).arg(o).arg(parameterCount());
    const int k = state_.kernelSize;
    return QStringLiteral("k·k·C·C′ + C′ = %1·%1·%2·%3 + %3 = %4").arg(k).arg(c).arg(o).arg(parameterCount());
}

void ConvolutionModel::recompute() {
    const ConvolutionState& s = state_;
    const bool pointwise = s.mode == QLatin1String("pointwise");
    const int c = pointwise ? 3 : s.channels, n = s.inputSize;
    const std::vector<double> pixels = picture(s);
    input_ = engine::Tensor({1, c, n, n});
    std::copy(pixels.begin(), pixels.end(), input_.data());
    problem_.clear();
    output_ = engine::Tensor();
    argmax_ = engine::Tensor();
    if (s.mode == QLatin1String("conv") || pointwise) {
        const int k = pointwise ? 1 : s.kernelSize;
        engine::ConvGeometry g{c, n, n, s.outChannels, k, k, pointwise ? 1 : s.stride, pointwise ? 0 : s.padding,
                               pointwise ? 1 : s.dilation};
        problem_ = QString::fromStdString(engine::checkConvGeometry(g));
        kernel_ = engine::Tensor({s.outChannels, c, k, k});
        if (s.kernel.size() == static_cast<std::size_t>(kernel_.size()))
            std::copy(s.kernel.begin(), s.kernel.end(), kernel_.data());
        bias_ = engine::Tensor({s.outChannels});
        outRows_ = static_cast<int>(g.outHeight());
        outCols_ = static_cast<int>(g.outWidth());
        if (problem_.isEmpty()) {
            engine::Conv2d layer(c, s.outChannels, k, k, g.stride, g.padding, g.dilation);
            layer.kernel() = kernel_;
            layer.bias() = bias_;
            engine::LayerTrace trace;
            layer.forward({&input_}, trace, engine::RunContext{engine::Mode::Eval});
            output_ = trace.output;
        }
    } else if (s.mode == QLatin1String("pool")) {
        outRows_ = outCols_ = static_cast<int>(engine::ConvGeometry::outputSize(n, s.poolSize, s.poolStride, 0, 1));
        if (outRows_ <= 0) {
            problem_ = tr("O = ⌊(%1 − %2)/%3⌋ + 1 = %4 ≤ 0: the %2 × %2 pooling window is larger than the %1 × %1 input")
                           .arg(n).arg(s.poolSize).arg(s.poolStride).arg(outRows_);
        } else {
            engine::Pool2d layer(s.poolKind == QLatin1String("max") ? engine::PoolKind::Max : engine::PoolKind::Average,
                                 s.poolSize, s.poolStride);
            engine::LayerTrace trace;
            layer.forward({&input_}, trace, engine::RunContext{engine::Mode::Eval});
            output_ = trace.output;
            if (const engine::Tensor* argmax = trace.find("argmax")) argmax_ = *argmax;
        }
    } else {  // receptive
        outRows_ = outCols_ = n - 2 * s.layers;
        if (outRows_ <= 0)
            problem_ = tr("O = I − 2L = %1 − 2·%2 = %3 ≤ 0: %2 stacked 3 × 3 layers need an input of at least %4 × %4")
                           .arg(n).arg(s.layers).arg(outRows_).arg(2 * s.layers + 1);
    }
    if (!problem_.isEmpty()) {
        outRows_ = std::max(outRows_, 0);
        outCols_ = std::max(outCols_, 0);
        playing_ = false;
        timer_->stop();
        visited_.clear();
    } else {
        if (visited_.size() != static_cast<std::size_t>(outRows_ * outCols_))
            visited_.assign(static_cast<std::size_t>(outRows_ * outCols_), false);
        state_.cursorRow = std::clamp(state_.cursorRow, 0, outRows_ - 1);
        state_.cursorCol = std::clamp(state_.cursorCol, 0, outCols_ - 1);
        visited_[static_cast<std::size_t>(state_.cursorRow * outCols_ + state_.cursorCol)] = true;
    }
    markChanged();
}

ConvolutionWindow ConvolutionModel::window(int outChannel) const {
    ConvolutionWindow w;
    if (!problem_.isEmpty() || (output_.size() == 0 && state_.mode != QLatin1String("receptive"))) return w;
    const ConvolutionState& s = state_;
    const int n = s.inputSize, i = s.cursorRow, j = s.cursorCol;
    if (s.mode == QLatin1String("conv") || s.mode == QLatin1String("pointwise")) {
        const bool pointwise = s.mode == QLatin1String("pointwise");
        const int k = pointwise ? 1 : s.kernelSize;
        engine::ConvGeometry g{kernelChannels(), n, n, s.outChannels, k, k, pointwise ? 1 : s.stride,
                               pointwise ? 0 : s.padding, pointwise ? 1 : s.dilation};
        const engine::WindowSum sum = engine::convolutionWindow(g, input_.sample(0), kernel_, bias_, outChannel, i, j);
        w.terms = sum.terms;
        w.bias = sum.bias;
        w.value = sum.value;
    } else if (s.mode == QLatin1String("pool")) {
        const bool max = s.poolKind == QLatin1String("max");
        const int c = std::clamp(outChannel, 0, s.channels - 1), k = s.poolSize;
        const engine::Index chosen = argmax_.size() ? static_cast<engine::Index>(argmax_.at({0, c, i, j})) : -1;
        for (int u = 0; u < k; ++u)
            for (int v = 0; v < k; ++v) {
                const int r = i * s.poolStride + u, col = j * s.poolStride + v;
                const double x = input_.at({0, c, r, col});
                const double weight = max ? 1.0 : 1.0 / (k * k);
                if (max && r * n + col == chosen) w.chosen = static_cast<int>(w.terms.size());
                w.terms.push_back({c, u, v, r, col, false, x, weight, x * weight});
            }
        w.value = output_.at({0, c, i, j});
    }
    return w;
}

std::vector<std::pair<int, int>> ConvolutionModel::receptiveCells() const {
    std::vector<std::pair<int, int>> cells;
    if (!problem_.isEmpty() || state_.mode != QLatin1String("receptive")) return cells;
    const int side = 2 * state_.layers + 1;
    for (int u = 0; u < side; ++u)
        for (int v = 0; v < side; ++v) cells.emplace_back(state_.cursorRow + u, state_.cursorCol + v);
    return cells;
}

void ConvolutionModel::markChanged() {
    notifier_.schedule(this, [this] { emit changed(); });
}

}  // namespace ns
