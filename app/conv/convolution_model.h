#pragma once
// The convolution view's model: input picture, kernel, geometry and the window's position, with
// every edit undoable. All arithmetic comes from the engine (Conv2d, Pool2d, convolutionWindow);
// the model only chooses the numbers and keeps the state. Change notification is batched.
#include "engine/conv2d.h"
#include "engine/pool2d.h"

#include <QImage>
#include "shell/batched_notifier.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

class QTimer;
class QUndoStack;

namespace ns {

struct ConvolutionState {
    QString mode = QStringLiteral("conv");      // conv, pool, receptive, pointwise
    QString input = QStringLiteral("digit_3");  // a preset, or "custom" for an opened image
    int inputSize = 12, channels = 1;
    QString kernelPreset = QStringLiteral("identity");
    int kernelSize = 3, stride = 1, padding = 0, dilation = 1, outChannels = 1;
    QString poolKind = QStringLiteral("max");
    int poolSize = 2, poolStride = 2, layers = 1;
    std::vector<double> kernel;  // [C′][C][k][k]
    std::vector<double> custom;  // the opened image, grey, 28×28
    int cursorRow = 0, cursorCol = 0;
    bool operator==(const ConvolutionState&) const = default;
};

// One position of the window: the terms of its sum (conv, pointwise), the cells it reads (pool),
// and the result as the engine computed it.
struct ConvolutionWindow {
    std::vector<engine::WindowTerm> terms;
    double bias = 0, value = 0;
    int chosen = -1;  // max pooling: the term that won (the first maximum)
};

class ConvolutionModel : public QObject {
    Q_OBJECT
public:
    explicit ConvolutionModel(QObject* parent = nullptr);
    ~ConvolutionModel() override;

    static const QStringList& modes();
    static const QStringList& inputPresets();
    static const QStringList& kernelPresets();

    // Intents. Out-of-range values are refused (false, lastError() says why); nothing changes.
    bool setMode(const QString& mode);
    bool setInputPreset(const QString& name);
    bool setInputImage(const QImage& image);  // grey, scaled to the input size
    bool setInputSize(int size);
    bool setChannels(int channels);            // 1 grey or 3 RGB
    bool setKernelPreset(const QString& name);
    bool setKernelSize(int size);
    bool setKernelCell(int outChannel, int channel, int row, int col, double value);
    bool setStride(int stride);
    bool setPadding(int padding);
    bool setDilation(int dilation);
    bool setOutputChannels(int channels);
    bool setPool(const QString& kind, int size, int stride);
    bool setLayers(int layers);
    bool setCursor(int row, int col);
    void step();
    void stepBack();
    void play();
    void pause();
    void setPlaying(bool on);

    const ConvolutionState& state() const { return state_; }
    QString mode() const { return state_.mode; }
    QString inputPreset() const { return state_.input; }
    int inputSize() const { return state_.inputSize; }
    int channels() const { return state_.channels; }
    QString kernelPreset() const { return state_.kernelPreset; }
    int kernelSize() const { return state_.kernelSize; }
    int stride() const { return state_.stride; }
    int padding() const { return state_.padding; }
    int dilation() const { return state_.dilation; }
    int outputChannels() const { return state_.outChannels; }
    QString poolKind() const { return state_.poolKind; }
    int poolSize() const { return state_.poolSize; }
    int poolStride() const { return state_.poolStride; }
    int layers() const { return state_.layers; }
    int cursorRow() const { return state_.cursorRow; }
    int cursorCol() const { return state_.cursorCol; }
    bool playing() const { return playing_; }

    // The geometry of the current mode; an explanation with the formula's numbers when the
    // output would be empty (empty string when fine).
    QString geometryProblem() const { return problem_; }
    int outputRows() const { return outRows_; }
    int outputCols() const { return outCols_; }
    QString outputSizeFormula() const;
    long parameterCount() const;
    QString parameterFormula() const;
    bool visitedAll() const;
    bool visited(int row, int col) const;

    const engine::Tensor& inputTensor() const { return input_; }     // [1, C, H, W]
    const engine::Tensor& kernelTensor() const { return kernel_; }   // [C′, C, k, k] (conv, pointwise)
    const engine::Tensor& biasTensor() const { return bias_; }
    const engine::Tensor& outputMap() const { return output_; }      // [1, C′, Ho, Wo], from the engine
    // The window at the cursor for output channel `outChannel`.
    ConvolutionWindow window(int outChannel = 0) const;
    // Receptive mode: the input cells (row, col) the cursor's output cell depends on.
    std::vector<std::pair<int, int>> receptiveCells() const;

    QUndoStack* undoStack() const { return undo_; }
    QString lastError() const { return error_; }

    // Used by the undo commands.
    void restore(const ConvolutionState& state);

signals:
    void changed();

private:
    bool edit(const ConvolutionState& next, const QString& what);
    bool setGeometry(int ConvolutionState::*field, int value, int low, int high, const QString& what);
    bool refuse(const QString& why);
    void recompute();
    void markChanged();
    int kernelChannels() const;  // input channels of the kernel in this mode
    std::vector<double> presetKernel(const ConvolutionState& s) const;
    std::vector<double> picture(const ConvolutionState& s) const;  // [C][H][W]

    ConvolutionState state_;
    engine::Tensor input_, kernel_, bias_, output_, argmax_;
    QString problem_, error_;
    int outRows_ = 0, outCols_ = 0;
    std::vector<bool> visited_;
    QUndoStack* undo_;
    QTimer* timer_;
    bool playing_ = false;
    BatchedNotifier notifier_;
};

}  // namespace ns
