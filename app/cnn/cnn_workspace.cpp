#include "cnn/cnn_workspace.h"

#include "cnn/cnn_model.h"
#include "cnn/confusion_view.h"
#include "cnn/image_grid_view.h"
#include "common/theme.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

namespace {

constexpr int kTestStrip = 16;  // test images offered for the feature maps
constexpr int kWrongShown = 12;

GridImage imageOf(const data::ImageSet& set, engine::Index i, const QString& caption, bool marked) {
    GridImage g;
    g.rows = static_cast<int>(set.images.dim(2));
    g.cols = static_cast<int>(set.images.dim(3));
    const double* x = set.images.sample(i);
    for (int k = 0; k < g.rows * g.cols; ++k) g.values << x[k];
    g.caption = caption;
    g.marked = marked;
    return g;
}

QLabel* title(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setFont(theme::uiFont(14));
    return l;
}

}  // namespace

CnnWorkspace::CnnWorkspace(CnnModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    setFont(theme::uiFont(13));
    setFocusPolicy(Qt::StrongFocus);
    dataset_ = new QComboBox(this);
    dataset_->setObjectName(QStringLiteral("cnnDataset"));
    for (const QString& d : CnnModel::datasets()) dataset_->addItem(QString(), d);
    eta_ = new QDoubleSpinBox(this);
    eta_->setObjectName(QStringLiteral("cnnLearningRate"));
    eta_->setDecimals(4);
    eta_->setRange(0.0001, 10);
    eta_->setSingleStep(0.01);
    batch_ = new QSpinBox(this);
    batch_->setObjectName(QStringLiteral("cnnBatchSize"));
    batch_->setRange(1, 512);
    layer_ = new QComboBox(this);
    layer_->setObjectName(QStringLiteral("cnnLayer"));
    for (const char* n : {"conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "fc1", "relu3", "fc2", "relu4", "fc3"})
        layer_->addItem(QString::fromLatin1(n), QString::fromLatin1(n));
    play_ = new QPushButton(this);
    play_->setObjectName(QStringLiteral("cnnPlay"));
    reset_ = new QPushButton(this);
    reset_->setObjectName(QStringLiteral("cnnReset"));
    open_ = new QPushButton(this);
    open_->setObjectName(QStringLiteral("cnnOpenIdx"));
    datasetCaption_ = new QLabel(this);
    etaCaption_ = new QLabel(this);
    batchCaption_ = new QLabel(this);
    layerCaption_ = new QLabel(this);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("cnnCurves"));
    plot_->setMinimumSize(420, 260);
    loss_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    accuracy_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    testAccuracy_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    // Opaque pens drawn segment by segment: a translucent or joined wide antialiased polyline
    // leaves the raster engine's fast path and made each replot cost ~19 ms of the GUI thread.
    plot_->setPlottingHint(QCP::phFastPolylines, true);
    loss_->setPen(QPen(QColor(33, 102, 172), 2));
    accuracy_->setPen(QPen(QColor(243, 181, 136), 1.5));  // the former 47 % orange over white
    testAccuracy_->setPen(QPen(QColor(27, 120, 55), 3));
    testAccuracy_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setRange(0, 1);
    plot_->yAxis->setRange(0, 2.5);
    plot_->legend->setVisible(true);
    axisTitles_ = theme::addAxisTitles(plot_);  // upright above the plot: rotated Chinese reads sideways
    axisTitles_.setColors(QColor(33, 102, 172), QColor(27, 120, 55));
    theme::applyPlotScale(plot_, axisTitles_, 1.0);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignVCenter);

    tests_ = new ImageGridView(this);
    tests_->setObjectName(QStringLiteral("cnnTestImages"));
    tests_->setMaxCellSide(56);
    maps_ = new ImageGridView(this);
    maps_->setObjectName(QStringLiteral("cnnFeatureMaps"));
    filters_ = new ImageGridView(this);
    filters_->setObjectName(QStringLiteral("cnnFilters"));
    filters_->setMaxCellSide(80);
    wrong_ = new ImageGridView(this);
    wrong_->setObjectName(QStringLiteral("cnnMisclassified"));
    wrong_->setMaxCellSide(64);
    confusion_ = new ConfusionView(this);
    confusion_->setObjectName(QStringLiteral("cnnConfusion"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("cnnStatus"));
    status_->setFont(theme::uiFont(13));
    error_ = new QLabel(this);
    error_->setStyleSheet(QStringLiteral("color:#b2182b"));
    error_->setWordWrap(true);
    testsTitle_ = title(this);
    mapsTitle_ = title(this);
    filtersTitle_ = title(this);
    confusionTitle_ = title(this);
    wrongTitle_ = title(this);

    auto* bar = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{datasetCaption_, dataset_, etaCaption_, eta_, batchCaption_, batch_,
                                                      play_, reset_, open_})
        bar->addWidget(w);
    bar->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(plot_, 3);
    left->addWidget(testsTitle_);
    left->addWidget(tests_, 1);
    left->addWidget(filtersTitle_);
    left->addWidget(filters_, 1);
    auto* mapsBar = new QHBoxLayout;
    mapsBar->addWidget(mapsTitle_, 1);
    mapsBar->addWidget(layerCaption_);
    mapsBar->addWidget(layer_);
    auto* middle = new QVBoxLayout;
    middle->addLayout(mapsBar);
    middle->addWidget(maps_, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(confusionTitle_);
    right->addWidget(confusion_, 3);
    right->addWidget(wrongTitle_);
    right->addWidget(wrong_, 2);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 4);
    columns->addLayout(middle, 4);
    columns->addLayout(right, 4);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(columns, 1);
    layout->addWidget(status_);
    layout->addWidget(error_);

    connect(dataset_, &QComboBox::activated, this, [this] { model_->setDataset(dataset_->currentData().toString()); });
    connect(eta_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!refreshing_) model_->setLearningRate(v);
    });
    connect(batch_, &QSpinBox::valueChanged, this, [this](int v) {
        if (!refreshing_) model_->setBatchSize(v);
    });
    connect(layer_, &QComboBox::activated, this, [this] { model_->selectLayer(layer_->currentData().toString()); });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(reset_, &QPushButton::clicked, model_, &CnnModel::reset);
    connect(open_, &QPushButton::clicked, this, &CnnWorkspace::openIdx);
    connect(tests_, &ImageGridView::imageClicked, model_, &CnnModel::selectInput);
    connect(model_, &CnnModel::changed, this, &CnnWorkspace::refresh);
    retranslate();
}

void CnnWorkspace::retranslate() {
    const QStringList names{tr("Generated digits"), tr("Generated shapes"), tr("Fashion-MNIST")};
    for (int i = 0; i < dataset_->count(); ++i) dataset_->setItemText(i, names.value(i));
    datasetCaption_->setText(tr("Data"));
    etaCaption_->setText(tr("η"));
    batchCaption_->setText(tr("Batch"));
    layerCaption_->setText(tr("Layer"));
    dataset_->setToolTip(tr("Generated, seeded digits or shapes (small, quick), or Fashion-MNIST from Debian's dataset-fashion-mnist"));
    eta_->setToolTip(tr("Learning rate η of the mini-batch SGD"));
    batch_->setToolTip(tr("Images per mini-batch"));
    layer_->setToolTip(tr("Whose output to show as feature maps"));
    reset_->setText(tr("Reset"));
    reset_->setToolTip(tr("Fresh initial weights from the same seed; the data stay"));
    open_->setText(tr("Open IDX…"));
    open_->setToolTip(tr("Train on any MNIST-format IDX image and label files"));
    loss_->setName(tr("loss (batch)"));
    accuracy_->setName(tr("accuracy (batch)"));
    testAccuracy_->setName(tr("test accuracy"));
    plot_->xAxis->setLabel(tr("training step (mini-batch)"));
    axisTitles_.setTexts(tr("cross-entropy"), tr("accuracy"));
    testsTitle_->setText(tr("Test images — click one to see its feature maps"));
    filtersTitle_->setText(tr("Learnt conv1 filters (5 × 5)"));
    confusionTitle_->setText(tr("Confusion matrix (test set)"));
    wrongTitle_->setText(tr("Misclassified: true → predicted"));
    confusion_->setTitles(tr("true class (rows)"), tr("predicted class"), tr("Evaluated on the test set every %1 steps").arg(CnnTask::kEvaluateEvery));
    maps_->setEmptyText(tr("Loading…"));
    wrong_->setEmptyText(tr("None yet"));
    refresh();
}

void CnnWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void CnnWorkspace::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space) {
        model_->setTraining(!model_->isPlaying());
        return;
    }
    QWidget::keyPressEvent(event);
}

void CnnWorkspace::openIdx() {
    const QString images = QFileDialog::getOpenFileName(this, tr("IDX images"), QString(), tr("IDX files (*-idx3-ubyte *-idx3-ubyte.gz *.idx3 *.gz);;All files (*)"));
    if (images.isEmpty()) return;
    const QString labels = QFileDialog::getOpenFileName(this, tr("IDX labels"), QFileInfo(images).path(), tr("IDX files (*-idx1-ubyte *-idx1-ubyte.gz *.idx1 *.gz);;All files (*)"));
    if (!labels.isEmpty()) model_->openIdx(images, labels);
}

QString CnnWorkspace::status() const { return status_->text(); }

void CnnWorkspace::refresh() {
    refreshing_ = true;
    dataset_->setCurrentIndex(dataset_->findData(model_->dataset()));
    eta_->setValue(model_->learningRate());
    batch_->setValue(model_->batchSize());
    layer_->setCurrentIndex(layer_->findData(model_->selectedLayer()));
    play_->setText(model_->isPlaying() ? tr("❚❚ Pause") : tr("▶ Train"));
    play_->setToolTip(tr("Train or pause (Space); training runs on its own thread"));
    refreshing_ = false;

    // Curves: only the new points are appended.
    const std::vector<CnnPoint> fresh = model_->takeNewPoints();
    if (model_->history().empty()) {
        loss_->data()->clear();
        accuracy_->data()->clear();
        testAccuracy_->data()->clear();
        plottedEvaluation_ = -1;
    }
    for (const CnnPoint& p : fresh) {
        loss_->addData(double(p.step), p.loss);
        accuracy_->addData(double(p.step), p.accuracy);
    }
    if (!model_->history().empty()) {
        const double first = double(model_->history().front().step);
        loss_->data()->removeBefore(first);
        accuracy_->data()->removeBefore(first);
    }
    const cnn::Evaluation* evaluation = model_->evaluation();
    if (evaluation && model_->evaluatedAtStep() != plottedEvaluation_) {
        plottedEvaluation_ = model_->evaluatedAtStep();
        testAccuracy_->addData(double(plottedEvaluation_), evaluation->accuracy);
    }
    plot_->xAxis->setRange(0, std::max<double>(50, double(model_->steps())));
    plot_->replot(QCustomPlot::rpQueuedReplot);

    const QStringList classes = CnnModel::classNames(model_->dataset());
    const data::ImageSet* test = model_->testSet();
    QVector<GridImage> strip;
    if (test)
        for (int i = 0; i < std::min<int>(kTestStrip, static_cast<int>(test->size())); ++i)
            strip << imageOf(*test, i, classes.value(test->labels[static_cast<std::size_t>(i)]), i == model_->selectedInput());
    tests_->setImages(strip);

    QVector<GridImage> maps;
    if (const engine::Tensor* t = model_->selectedMaps()) {
        if (t->rank() == 4) {
            const int c = static_cast<int>(t->dim(1)), h = static_cast<int>(t->dim(2)), w = static_cast<int>(t->dim(3));
            for (int ch = 0; ch < c; ++ch) {
                GridImage g{h, w, {}, tr("channel %1").arg(ch + 1), false};
                for (int k = 0; k < h * w; ++k) g.values << t->sample(0)[ch * h * w + k];
                maps << g;
            }
        } else {
            // A dense layer's units, drawn as one strip of cells.
            const int n = static_cast<int>(t->sampleSize());
            const int cols = static_cast<int>(std::ceil(std::sqrt(double(n))));
            GridImage g{(n + cols - 1) / cols, cols, {}, tr("%1 units").arg(n), false};
            for (int k = 0; k < g.rows * g.cols; ++k) g.values << (k < n ? t->sample(0)[k] : 0.0);
            maps << g;
        }
    }
    maps_->setImages(maps);
    mapsTitle_->setText(tr("Feature maps of %1 for test image %2").arg(model_->selectedLayer()).arg(model_->selectedInput()));

    QVector<GridImage> filters;
    if (const engine::Network* net = model_->network()) {
        const engine::Tensor& k = net->node(0).layer->parameters()[0].value;  // conv1 kernel [6, 1, 5, 5]
        const int n = static_cast<int>(k.dim(0)), kh = static_cast<int>(k.dim(2)), kw = static_cast<int>(k.dim(3));
        for (int f = 0; f < n; ++f) {
            GridImage g{kh, kw, {}, tr("filter %1").arg(f + 1), false};
            for (int i = 0; i < kh * kw; ++i) g.values << k.data()[f * kh * kw + i];
            filters << g;
        }
    }
    filters_->setImages(filters, ImageGridView::Scale::Signed);

    QVector<GridImage> wrong;
    if (evaluation && test) {
        QVector<long> counts;
        for (engine::Index v : evaluation->confusion) counts << static_cast<long>(v);
        confusion_->setMatrix(counts, classes);
        for (std::size_t i = 0; i < evaluation->predictions.size() && wrong.size() < kWrongShown; ++i) {
            const int truth = test->labels[i], predicted = evaluation->predictions[i];
            if (truth != predicted)
                wrong << imageOf(*test, static_cast<engine::Index>(i), QStringLiteral("%1 → %2").arg(classes.value(truth), classes.value(predicted)), false);
        }
    } else {
        confusion_->setMatrix({}, classes);
    }
    wrong_->setImages(wrong);

    const double acc = model_->testAccuracy();
    QString text = model_->loading() ? tr("Loading %1…").arg(dataset_->currentText())
                                     : tr("Step %1 · epoch %2 (%3 %) · %4 images/s · test accuracy %5")
                                           .arg(model_->steps())
                                           .arg(model_->epoch())
                                           .arg(std::lround(100 * model_->epochProgress()))
                                           .arg(std::lround(model_->imagesPerSecond()))
                                           .arg(std::isfinite(acc) ? QStringLiteral("%1 %").arg(100 * acc, 0, 'f', 1) : QStringLiteral("—"));
    if (model_->diverged()) text += tr(" · diverged: lower η and press Reset");
    status_->setText(text);
    error_->setText(model_->lastError());
}

}  // namespace ns
