#include "conv/convolution_workspace.h"

#include "common/theme.h"
#include "conv/conv_canvas.h"
#include "conv/conv_picture.h"
#include "conv/convolution_model.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QFileInfo>
#include <QImageReader>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

namespace {

QString number(double v) {
    QString s = QString::number(v, 'g', 3);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

QSpinBox* spin(QWidget* parent, const char* name, int low, int high) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(low, high);
    s->setFont(theme::uiFont(13));
    s->setMinimumWidth(64);
    return s;
}

}  // namespace

ConvolutionWorkspace::ConvolutionWorkspace(ConvolutionModel* model, QWidget* parent)
    : QWidget(parent), model_(model), canvas_(new ConvCanvas(this)) {
    setFont(theme::uiFont(13));
    setFocusPolicy(Qt::StrongFocus);
    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("convMode"));
    input_ = new QComboBox(this);
    input_->setObjectName(QStringLiteral("convInput"));
    kernel_ = new QComboBox(this);
    kernel_->setObjectName(QStringLiteral("convKernel"));
    poolKind_ = new QComboBox(this);
    poolKind_->setObjectName(QStringLiteral("convPoolKind"));
    for (const QString& m : ConvolutionModel::modes()) mode_->addItem(QString(), m);
    for (const QString& m : ConvolutionModel::inputPresets()) input_->addItem(QString(), m);
    input_->addItem(QString(), QStringLiteral("custom"));
    for (const QString& m : ConvolutionModel::kernelPresets()) kernel_->addItem(QString(), m);
    kernel_->addItem(QString(), QStringLiteral("custom"));
    poolKind_->addItem(QString(), QStringLiteral("max"));
    poolKind_->addItem(QString(), QStringLiteral("avg"));
    inputSize_ = spin(this, "convInputSize", 3, 28);
    kernelSize_ = spin(this, "convKernelSize", 1, 7);
    stride_ = spin(this, "convStride", 1, 4);
    padding_ = spin(this, "convPadding", 0, 3);
    dilation_ = spin(this, "convDilation", 1, 4);
    channels_ = spin(this, "convChannels", 1, 3);
    channels_->setSingleStep(2);
    outChannels_ = spin(this, "convOutChannels", 1, 4);
    outShown_ = spin(this, "convOutShown", 1, 4);
    poolSize_ = spin(this, "convPoolSize", 2, 4);
    poolStride_ = spin(this, "convPoolStride", 1, 4);
    layers_ = spin(this, "convLayers", 1, 3);
    play_ = new QPushButton(this);
    play_->setObjectName(QStringLiteral("convPlay"));
    step_ = new QPushButton(this);
    step_->setObjectName(QStringLiteral("convStep"));
    back_ = new QPushButton(this);
    back_->setObjectName(QStringLiteral("convBack"));
    open_ = new QPushButton(this);
    open_->setObjectName(QStringLiteral("convOpenImage"));
    undo_ = new QPushButton(this);
    redo_ = new QPushButton(this);
    scrub_ = new QSlider(Qt::Horizontal, this);
    scrub_->setObjectName(QStringLiteral("convScrub"));
    formula_ = new QLabel(this);
    formula_->setObjectName(QStringLiteral("convFormula"));
    parameters_ = new QLabel(this);
    parameters_->setObjectName(QStringLiteral("convParameters"));
    sum_ = new QLabel(this);
    sum_->setObjectName(QStringLiteral("convSum"));
    sum_->setWordWrap(true);
    sum_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_ = new QLabel(this);
    error_->setStyleSheet(QStringLiteral("color:#b2182b"));
    for (QLabel* l : {formula_, parameters_}) l->setFont(theme::mathFont(15));
    sum_->setFont(theme::mathFont(14));
    sum_->setTextFormat(Qt::RichText);
    // Room for a long sum (a 5 × 5 kernel has 25 products) and its per-channel parts.
    sum_->setMinimumHeight(QFontMetrics(sum_->font()).lineSpacing() * 3 + 8);
    sum_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* controls = new QGridLayout;
    auto add = [&](int row, int col, QWidget* w) {
        auto* caption = new QLabel(this);
        caption->setBuddy(w);
        captions_ << caption;
        controls->addWidget(caption, row, col * 2, Qt::AlignRight);
        controls->addWidget(w, row, col * 2 + 1);
    };
    add(0, 0, mode_);
    add(0, 1, input_);
    add(0, 2, inputSize_);
    add(0, 3, channels_);
    add(0, 4, kernel_);
    add(0, 5, kernelSize_);
    add(1, 0, stride_);
    add(1, 1, padding_);
    add(1, 2, dilation_);
    add(1, 3, outChannels_);
    add(1, 4, outShown_);
    add(1, 5, layers_);
    add(2, 0, poolKind_);
    add(2, 1, poolSize_);
    add(2, 2, poolStride_);
    auto* buttons = new QHBoxLayout;
    for (QWidget* w : {static_cast<QWidget*>(back_), static_cast<QWidget*>(play_), static_cast<QWidget*>(step_)})
        buttons->addWidget(w);
    buttons->addWidget(scrub_, 1);
    for (QWidget* w : {static_cast<QWidget*>(open_), static_cast<QWidget*>(undo_), static_cast<QWidget*>(redo_)})
        buttons->addWidget(w);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(buttons);
    layout->addWidget(formula_);
    layout->addWidget(parameters_);
    layout->addWidget(canvas_, 1);
    layout->addWidget(sum_);
    layout->addWidget(error_);

    auto word = [](QComboBox* box) { return box->currentData().toString(); };
    connect(mode_, &QComboBox::activated, this, [=, this] { model_->setMode(word(mode_)); });
    connect(input_, &QComboBox::activated, this, [=, this] {
        if (word(input_) == QLatin1String("custom")) openImage();
        else model_->setInputPreset(word(input_));
    });
    connect(kernel_, &QComboBox::activated, this, [=, this] {
        if (word(kernel_) != QLatin1String("custom")) model_->setKernelPreset(word(kernel_));
    });
    auto poolChanged = [=, this] { model_->setPool(word(poolKind_), poolSize_->value(), poolStride_->value()); };
    connect(poolKind_, &QComboBox::activated, this, poolChanged);
    auto onSpin = [this](QSpinBox* box, auto&& apply) {
        connect(box, &QSpinBox::valueChanged, this, [this, apply](int v) {
            if (!refreshing_) apply(v);
        });
    };
    onSpin(inputSize_, [this](int v) { model_->setInputSize(v); });
    onSpin(kernelSize_, [this](int v) { model_->setKernelSize(v); });
    onSpin(stride_, [this](int v) { model_->setStride(v); });
    onSpin(padding_, [this](int v) { model_->setPadding(v); });
    onSpin(dilation_, [this](int v) { model_->setDilation(v); });
    onSpin(channels_, [this](int v) { model_->setChannels(v >= 2 ? 3 : 1); });
    onSpin(outChannels_, [this](int v) { model_->setOutputChannels(v); });
    onSpin(outShown_, [this](int) { refresh(); });
    onSpin(poolSize_, [poolChanged](int) { poolChanged(); });
    onSpin(poolStride_, [poolChanged](int) { poolChanged(); });
    onSpin(layers_, [this](int v) { model_->setLayers(v); });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setPlaying(!model_->playing()); });
    connect(step_, &QPushButton::clicked, model_, &ConvolutionModel::step);
    connect(back_, &QPushButton::clicked, model_, &ConvolutionModel::stepBack);
    connect(open_, &QPushButton::clicked, this, &ConvolutionWorkspace::openImage);
    connect(undo_, &QPushButton::clicked, model_->undoStack(), &QUndoStack::undo);
    connect(redo_, &QPushButton::clicked, model_->undoStack(), &QUndoStack::redo);
    connect(scrub_, &QSlider::valueChanged, this, [this](int v) {
        if (!refreshing_ && model_->outputCols() > 0) model_->setCursor(v / model_->outputCols(), v % model_->outputCols());
    });
    connect(canvas_, &ConvCanvas::outputCellClicked, model_, &ConvolutionModel::setCursor);
    auto kernelEdit = [this](int channel, int u, int v, double value) {
        model_->setKernelCell(outShown_->value() - 1, channel, u, v, std::round(value * 100) / 100);
    };
    connect(canvas_, &ConvCanvas::kernelCellScrolled, this, [=, this](int c, int u, int v, int steps) {
        const double now = canvas_->picture().kernel.value(c).at(u, v);
        kernelEdit(c, u, v, now + 0.1 * steps);
    });
    connect(canvas_, &ConvCanvas::kernelCellClicked, this, [=, this](int c, int u, int v) {
        bool ok = false;
        const double now = canvas_->picture().kernel.value(c).at(u, v);
        const double value = QInputDialog::getDouble(this, tr("Kernel weight"), tr("Weight K[%1, %2] of channel %3:").arg(u).arg(v).arg(c + 1),
                                                     now, -100, 100, 2, &ok);
        if (ok) kernelEdit(c, u, v, value);
    });
    connect(model_, &ConvolutionModel::changed, this, &ConvolutionWorkspace::refresh);
    retranslate();
    refresh();
}

QString ConvolutionWorkspace::modeLabel(const QString& mode) {
    if (mode == QLatin1String("conv")) return tr("Convolution");
    if (mode == QLatin1String("pool")) return tr("Pooling");
    if (mode == QLatin1String("receptive")) return tr("Receptive field");
    return tr("1 × 1 convolution");
}

QString ConvolutionWorkspace::presetLabel(const QString& name) {
    if (name.startsWith(QLatin1String("digit_"))) return tr("Digit %1").arg(name.mid(6));
    static const QMap<QString, const char*> names{
        {QStringLiteral("circle"), QT_TR_NOOP("Circle")},       {QStringLiteral("square"), QT_TR_NOOP("Square")},
        {QStringLiteral("cross"), QT_TR_NOOP("Cross")},         {QStringLiteral("diagonal"), QT_TR_NOOP("Diagonal")},
        {QStringLiteral("custom"), QT_TR_NOOP("Own image / edited")},
        {QStringLiteral("identity"), QT_TR_NOOP("Identity")},   {QStringLiteral("box_blur"), QT_TR_NOOP("Box blur")},
        {QStringLiteral("gaussian"), QT_TR_NOOP("Gaussian blur")}, {QStringLiteral("sharpen"), QT_TR_NOOP("Sharpen")},
        {QStringLiteral("sobel_x"), QT_TR_NOOP("Sobel x (vertical edges)")},
        {QStringLiteral("sobel_y"), QT_TR_NOOP("Sobel y (horizontal edges)")},
        {QStringLiteral("laplacian"), QT_TR_NOOP("Laplacian")},  {QStringLiteral("max"), QT_TR_NOOP("Max")},
        {QStringLiteral("avg"), QT_TR_NOOP("Average")}};
    return tr(names.value(name, "?"));
}

void ConvolutionWorkspace::retranslate() {
    for (QComboBox* box : {mode_, input_, kernel_, poolKind_})
        for (int i = 0; i < box->count(); ++i) {
            const QString key = box->itemData(i).toString();
            box->setItemText(i, box == mode_ ? modeLabel(key) : presetLabel(key));
        }
    const QStringList captions{tr("Mode"),   tr("Picture"),  tr("Input size"),      tr("Channels"),
                               tr("Kernel"), tr("Kernel size"), tr("Stride"),       tr("Padding"),
                               tr("Dilation"), tr("Kernels C′"), tr("Show kernel"), tr("Stacked 3 × 3"),
                               tr("Pooling"), tr("Window"),   tr("Pool stride")};
    for (int i = 0; i < captions_.size() && i < captions.size(); ++i) captions_[i]->setText(captions[i]);
    mode_->setToolTip(tr("Convolution, pooling, receptive field of stacked 3 × 3 kernels, or a 1 × 1 convolution"));
    input_->setToolTip(tr("The picture the window slides over (or open your own image)"));
    inputSize_->setToolTip(tr("Side I of the square input, 3–28"));
    channels_->setToolTip(tr("1: grey; 3: RGB, one kernel slice per channel, summed"));
    kernel_->setToolTip(tr("Preset kernels; click a kernel cell to type a weight, scroll on it to nudge by 0.1"));
    kernelSize_->setToolTip(tr("Side k of the kernel, 1–7"));
    stride_->setToolTip(tr("Stride s: how far the window moves each step"));
    padding_->setToolTip(tr("Padding p: rings of zeros around the input (dashed cells)"));
    dilation_->setToolTip(tr("Dilation d: gaps of d − 1 pixels between kernel cells"));
    outChannels_->setToolTip(tr("Number of kernels C′, one output map each (each turned by 90°)"));
    outShown_->setToolTip(tr("Which kernel and output map to show"));
    layers_->setToolTip(tr("Receptive field: how many 3 × 3 convolutions are stacked"));
    poolKind_->setToolTip(tr("Max keeps the largest value (ties: the first); average divides the sum by k·k"));
    poolSize_->setToolTip(tr("Pooling window k × k"));
    poolStride_->setToolTip(tr("Pooling stride"));
    step_->setText(tr("Step ▶"));
    step_->setToolTip(tr("Move the window one cell on (Right arrow)"));
    back_->setText(tr("◀ Back"));
    back_->setToolTip(tr("Move the window one cell back (Left arrow)"));
    open_->setText(tr("Open image…"));
    open_->setToolTip(tr("Use your own picture, converted to grey and scaled to the input size"));
    undo_->setText(tr("Undo"));
    redo_->setText(tr("Redo"));
    scrub_->setToolTip(tr("Scrub through every position of the window"));
    canvas_->setToolTip(tr("Click an output cell to move the window there"));
    refresh();
}

void ConvolutionWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ConvolutionWorkspace::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Space: model_->setPlaying(!model_->playing()); return;
        case Qt::Key_Right: model_->step(); return;
        case Qt::Key_Left: model_->stepBack(); return;
        default: QWidget::keyPressEvent(event);
    }
}

void ConvolutionWorkspace::openImage() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open an image"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    openImageFile(path);
}

bool ConvolutionWorkspace::openImageFile(const QString& path) {
    constexpr qint64 kMaxImageFileBytes = qint64{32} << 20;  // a photo, not a poster
    if (const qint64 size = QFileInfo(path).size(); size > kMaxImageFileBytes) {
        error_->setText(tr("Could not read %1: the file has %2 MiB, more than the limit of %3 MiB")
                            .arg(path)
                            .arg(size >> 20)
                            .arg(kMaxImageFileBytes >> 20));
        return false;
    }
    QImageReader reader(path);
    reader.setAllocationLimit(64);  // MB decoded
    const QImage image = reader.read();
    if (image.isNull()) {
        error_->setText(tr("Could not read %1: %2").arg(path, reader.errorString()));
        return false;
    }
    model_->setInputImage(image);
    return true;
}

QString ConvolutionWorkspace::errorText() const { return error_->text(); }

ConvPicture ConvolutionWorkspace::picture() const {
    ConvPicture pic;
    const QString mode = model_->mode();
    pic.mode = mode == QLatin1String("pool") ? ConvPicture::Mode::Pool
               : mode == QLatin1String("receptive") ? ConvPicture::Mode::Receptive
               : mode == QLatin1String("pointwise") ? ConvPicture::Mode::Pointwise
                                                    : ConvPicture::Mode::Conv;
    const bool conv = pic.mode == ConvPicture::Mode::Conv;
    pic.padding = conv ? model_->padding() : 0;
    pic.stride = conv ? model_->stride() : 1;
    pic.dilation = conv ? model_->dilation() : 1;
    pic.kernelSize = pic.mode == ConvPicture::Mode::Pointwise ? 1 : model_->kernelSize();
    pic.problem = model_->geometryProblem();
    pic.formula = model_->outputSizeFormula();
    pic.parameters = model_->parameterFormula();
    const engine::Tensor& x = model_->inputTensor();
    const int c = static_cast<int>(x.dim(1)), n = static_cast<int>(x.dim(2));
    for (int ch = 0; ch < c; ++ch) {
        ConvGrid g{n, n, {}};
        for (int i = 0; i < n * n; ++i) g.values << x.sample(0)[ch * n * n + i];
        pic.input << g;
    }
    pic.outChannels = pic.mode == ConvPicture::Mode::Pool ? c : model_->outputChannels();
    pic.outChannel = std::min(outShown_->value(), pic.outChannels) - 1;
    if (pic.mode == ConvPicture::Mode::Conv || pic.mode == ConvPicture::Mode::Pointwise) {
        const engine::Tensor& k = model_->kernelTensor();
        const int ks = pic.kernelSize;
        for (int ch = 0; ch < c && k.size(); ++ch) {
            ConvGrid g{ks, ks, {}};
            for (int u = 0; u < ks; ++u)
                for (int v = 0; v < ks; ++v) g.values << k.at({pic.outChannel, ch, u, v});
            pic.kernel << g;
        }
    }
    pic.output.rows = model_->outputRows();
    pic.output.cols = model_->outputCols();
    const engine::Tensor& out = model_->outputMap();
    if (out.size())
        for (int i = 0; i < pic.output.rows; ++i)
            for (int j = 0; j < pic.output.cols; ++j) pic.output.values << out.at({0, pic.outChannel, i, j});
    for (int i = 0; i < pic.output.rows; ++i)
        for (int j = 0; j < pic.output.cols; ++j) pic.visited << model_->visited(i, j);
    pic.cursorRow = model_->cursorRow();
    pic.cursorCol = model_->cursorCol();
    const ConvolutionWindow w = model_->window(pic.outChannel);
    for (const engine::WindowTerm& t : w.terms)
        pic.terms << ConvTerm{static_cast<int>(t.channel), static_cast<int>(t.u), static_cast<int>(t.v),
                              static_cast<int>(t.row), static_cast<int>(t.column), t.padding, t.input, t.weight, t.product};
    pic.bias = w.bias;
    pic.value = w.value;
    pic.chosen = w.chosen;
    for (const auto& [r, col] : model_->receptiveCells()) pic.lit << QPoint(r, col);
    return pic;
}

QString ConvolutionWorkspace::sumText() const { return sum_->text(); }

void ConvolutionWorkspace::refresh() {
    refreshing_ = true;
    const QString mode = model_->mode();
    auto select = [](QComboBox* box, const QString& key) { box->setCurrentIndex(box->findData(key)); };
    select(mode_, mode);
    select(input_, model_->inputPreset());
    select(kernel_, model_->kernelPreset());
    select(poolKind_, model_->poolKind());
    inputSize_->setValue(model_->inputSize());
    kernelSize_->setValue(model_->kernelSize());
    stride_->setValue(model_->stride());
    padding_->setValue(model_->padding());
    dilation_->setValue(model_->dilation());
    channels_->setValue(model_->channels());
    outChannels_->setValue(model_->outputChannels());
    outShown_->setMaximum(mode == QLatin1String("pool") ? model_->channels() : model_->outputChannels());
    poolSize_->setValue(model_->poolSize());
    poolStride_->setValue(model_->poolStride());
    layers_->setValue(model_->layers());
    const bool conv = mode == QLatin1String("conv"), pool = mode == QLatin1String("pool");
    for (QWidget* w : {static_cast<QWidget*>(kernel_), static_cast<QWidget*>(kernelSize_), static_cast<QWidget*>(stride_),
                       static_cast<QWidget*>(padding_), static_cast<QWidget*>(dilation_)})
        w->setEnabled(conv);
    channels_->setEnabled(mode != QLatin1String("pointwise") && mode != QLatin1String("receptive"));
    outChannels_->setEnabled(conv || mode == QLatin1String("pointwise"));
    for (QWidget* w : {static_cast<QWidget*>(poolKind_), static_cast<QWidget*>(poolSize_), static_cast<QWidget*>(poolStride_)})
        w->setEnabled(pool);
    layers_->setEnabled(mode == QLatin1String("receptive"));
    const int cells = model_->outputRows() * model_->outputCols();
    scrub_->setRange(0, std::max(0, cells - 1));
    scrub_->setValue(model_->cursorRow() * model_->outputCols() + model_->cursorCol());
    scrub_->setEnabled(cells > 0);
    play_->setText(model_->playing() ? tr("❚❚ Pause") : tr("▶ Play"));
    play_->setToolTip(tr("Let the window visit every output cell (Space)"));
    undo_->setEnabled(model_->undoStack()->canUndo());
    redo_->setEnabled(model_->undoStack()->canRedo());
    refreshing_ = false;

    const ConvPicture pic = picture();
    canvas_->setPicture(pic);
    formula_->setText(pic.problem.isEmpty() ? tr("Output size: %1").arg(pic.formula)
                                            : tr("Output size: %1 — impossible").arg(pic.formula));
    parameters_->setText(tr("Parameters: %1").arg(pic.parameters));
    QString text;
    if (!pic.problem.isEmpty()) {
        text = pic.problem;
    } else if (pic.mode == ConvPicture::Mode::Receptive) {
        const int side = 2 * model_->layers() + 1;
        text = tr("Output cell (%1, %2) of %3 stacked 3 × 3 layers depends on the %4 × %4 input cells lit — "
                  "the same as one %4 × %4 kernel.")
                   .arg(pic.cursorRow).arg(pic.cursorCol).arg(model_->layers()).arg(side);
    } else if (pic.mode == ConvPicture::Mode::Pool) {
        QStringList cells;
        for (const ConvTerm& t : pic.terms) cells << number(t.input);
        text = model_->poolKind() == QLatin1String("max")
                   ? tr("y[%1, %2] = max(%3) = %4").arg(pic.cursorRow).arg(pic.cursorCol).arg(cells.join(QStringLiteral(", ")), number(pic.value))
                   : tr("y[%1, %2] = (%3) / %4 = %5")
                         .arg(pic.cursorRow).arg(pic.cursorCol).arg(cells.join(QStringLiteral(" + ")))
                         .arg(model_->poolSize() * model_->poolSize()).arg(number(pic.value));
    } else {
        QStringList products;
        auto factor = [](double v) { return v < 0 ? QStringLiteral("(%1)").arg(number(v)) : number(v); };
        for (const ConvTerm& t : pic.terms) products << QStringLiteral("%1·%2").arg(factor(t.input), factor(t.weight));
        text = tr("z[%1, %2] = %3 + b = %4 + %5 = %6")
                   .arg(pic.cursorRow).arg(pic.cursorCol).arg(products.join(QStringLiteral(" + ")))
                   .arg(number(pic.value - pic.bias), number(pic.bias), number(pic.value));
        if (pic.input.size() > 1) {
            // Several input channels: each channel's part of the sum (eq. 47 sums over c).
            QVector<double> part(pic.input.size(), 0.0);
            for (const ConvTerm& t : pic.terms) part[t.channel] += t.product;
            QStringList parts;
            for (int c = 0; c < part.size(); ++c) parts << tr("channel %1: %2").arg(c + 1).arg(number(part[c]));
            text += QStringLiteral("<br>") + tr("Per channel: %1").arg(parts.join(QStringLiteral(" · ")));
        }
    }
    sum_->setText(text);
    error_->setText(model_->lastError());
}

}  // namespace ns
