#include "transformer/vit_workspace.h"

#include "shell/tool_row.h"
#include "transformer/patch_image_view.h"
#include "transformer/vit_model.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

void stylePlot(QCustomPlot* plot) {
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt));
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt));
        axis->setBasePen(QPen(theme::mutedInk(), 1));
        axis->setTickPen(QPen(theme::mutedInk(), 1));
        axis->setTickLabelColor(theme::ink());
        axis->setLabelColor(theme::ink());
    }
    plot->setBackground(theme::background());
    plot->legend->setVisible(true);
    plot->legend->setFont(theme::uiFont(theme::kPlotLegendPt));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->setMinimumSize(300, 180);
}

constexpr int kPatchSizes[] = {2, 4, 7, 14};

}  // namespace

VitWorkspace::VitWorkspace(VitModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      datasetLabel_(new QLabel(this)),
      patchLabel_(new QLabel(this)),
      imageLabel_(new QLabel(this)),
      headLabel_(new QLabel(this)),
      maskLabel_(new QLabel(this)),
      dataset_(new QComboBox(this)),
      patch_(new QComboBox(this)),
      imageIndex_(new QSpinBox(this)),
      head_(new QSpinBox(this)),
      mask_(new QDoubleSpinBox(this)),
      play_(new QPushButton(this)),
      step_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      tabs_(new QTabBar),
      image_(new PatchImageView),
      headsRow_(new QWidget),
      strip_(new TokenStrip),
      stripTitle_(new QLabel),
      explain_(new QLabel),
      status_(new QLabel),
      prediction_(new QLabel),
      error_(new QLabel(this)),
      curves_(new QCustomPlot) {
    setFont(theme::uiFont(13));
    dataset_->setObjectName(QStringLiteral("vitDataset"));
    for (const QString& d : VitModel::datasets()) dataset_->addItem(d, d);
    dataset_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    datasetLabel_->setBuddy(dataset_);
    patch_->setObjectName(QStringLiteral("vitPatch"));
    for (int p : kPatchSizes) patch_->addItem(QString(), p);
    patchLabel_->setBuddy(patch_);
    imageIndex_->setObjectName(QStringLiteral("vitImage"));
    imageIndex_->setRange(0, VitTask::kTestImages - 1);
    imageLabel_->setBuddy(imageIndex_);
    head_->setObjectName(QStringLiteral("vitHead"));
    head_->setRange(1, 4);
    headLabel_->setBuddy(head_);
    mask_->setObjectName(QStringLiteral("vitMaskRatio"));
    mask_->setRange(0, VitModel::kMaxMaskRatio);
    mask_->setSingleStep(0.05);
    mask_->setDecimals(2);
    maskLabel_->setBuddy(mask_);
    play_->setObjectName(QStringLiteral("vitPlay"));
    step_->setObjectName(QStringLiteral("vitStep"));
    reset_->setObjectName(QStringLiteral("vitReset"));
    play_->setMinimumWidth(100);

    // Three groups side by side while they fit, one under the other when they do not.
    QWidget* settingsBar = ToolRow::pairs(this, {{datasetLabel_, dataset_}, {patchLabel_, patch_}, {imageLabel_, imageIndex_}});
    QWidget* viewBar = ToolRow::pairs(this, {{headLabel_, head_}, {maskLabel_, mask_}});
    auto* actionsBar = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actionsBar);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{play_, step_, reset_}) actionsLayout->addWidget(w);
    actionsLayout->addStretch(1);

    tabs_->setObjectName(QStringLiteral("vitPanels"));
    for (int i = 0; i < 3; ++i) tabs_->addTab(QString());
    image_->setObjectName(QStringLiteral("vitImageView"));
    auto* headsLayout = new QHBoxLayout(headsRow_);
    headsLayout->setContentsMargins(0, 0, 0, 0);
    for (int h = 0; h < 4; ++h) {
        auto* v = new PatchImageView;
        v->setObjectName(QStringLiteral("vitHeadView_%1").arg(h + 1));
        v->setOverlay(PatchImageView::Overlay::Attention);
        connect(v, &PatchImageView::clicked, this, [this, h] { model_->setHead(h + 1); });
        headsLayout->addWidget(v);
        headViews_.push_back(v);
    }
    strip_->setObjectName(QStringLiteral("vitTokens"));
    QFont titleFont = theme::uiFont(13);
    titleFont.setBold(true);
    stripTitle_->setFont(titleFont);
    stripTitle_->setWordWrap(true);
    explain_->setWordWrap(true);
    status_->setObjectName(QStringLiteral("vitStatus"));
    status_->setWordWrap(true);
    prediction_->setObjectName(QStringLiteral("vitPrediction"));
    prediction_->setWordWrap(true);
    prediction_->setTextFormat(Qt::RichText);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(tabs_);
    leftLayout->addWidget(image_, 5);
    leftLayout->addWidget(headsRow_, 2);
    leftLayout->addWidget(explain_);

    stylePlot(curves_);
    curves_->setObjectName(QStringLiteral("vitCurves"));
    lossGraph_ = curves_->addGraph();
    lossGraph_->setPen(QPen(QColor(230, 85, 13), 2.5));
    accuracyGraph_ = curves_->addGraph();
    accuracyGraph_->setPen(QPen(QColor(49, 130, 189), 2.5));
    feed_ = std::make_unique<StepHistoryFeed>(curves_, std::vector<QCPGraph*>{lossGraph_, accuracyGraph_},
                                              static_cast<long>(VitModel::kHistory));
    curves_->xAxis->setRange(0, 50);
    curves_->yAxis->setRange(0, 2.5);
    curves_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    titles_ = theme::addAxisTitles(curves_);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(curves_, 3);
    rightLayout->addWidget(status_);
    rightLayout->addWidget(prediction_);
    rightLayout->addWidget(stripTitle_);
    rightLayout->addWidget(strip_);
    rightLayout->addStretch(1);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto* toolRow = new ToolRow({settingsBar, viewBar, actionsBar});
    toolRow->setMinimumWidth(200);  // narrower than both bars: they stack instead of widening the window
    layout->addWidget(toolRow);
    layout->addWidget(split, 1);
    layout->addWidget(error_);

    connect(dataset_, &QComboBox::activated, this, [this](int i) { model_->setDataset(dataset_->itemData(i).toString()); });
    connect(patch_, &QComboBox::activated, this, [this](int i) { model_->setPatch(patch_->itemData(i).toInt()); });
    connect(imageIndex_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v != model_->image()) model_->setImage(v);
    });
    connect(head_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v != model_->head()) model_->setHead(v);
    });
    connect(mask_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (std::abs(v - model_->maskRatio()) > 1e-9) model_->setMaskRatio(v);
    });
    connect(tabs_, &QTabBar::currentChanged, this, [this](int i) {
        if (i >= 0 && i < 3) model_->setPanel(VitModel::panels().at(i));
    });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(step_, &QPushButton::clicked, this, [this] { model_->step(); });
    connect(reset_, &QPushButton::clicked, this, [this] { model_->reset(); });
    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { model_->setTraining(!model_->isPlaying()); });
    shortcut(QKeySequence(Qt::Key_N), [this] { model_->step(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { model_->reset(); });
    shortcut(QKeySequence(Qt::Key_BracketLeft), [this] { model_->setImage(std::max(0, model_->image() - 1)); });
    shortcut(QKeySequence(Qt::Key_BracketRight), [this] { model_->setImage(model_->image() + 1); });

    connect(model_, &VitModel::changed, this, &VitWorkspace::refresh);
    retranslate();
}

void VitWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void VitWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    image_->setPresenterScale(scale);
    for (PatchImageView* v : headViews_) v->setPresenterScale(scale);
    strip_->setPresenterScale(scale);
    theme::applyPlotScale(curves_, titles_, scale);
    curves_->replot(QCustomPlot::rpQueuedReplot);
}

void VitWorkspace::retranslate() {
    datasetLabel_->setText(tr("&Images:"));
    dataset_->setItemText(0, tr("built-in digits"));
    dataset_->setItemText(1, tr("Fashion-MNIST"));
    dataset_->setToolTip(tr("What the ViT learns to classify: the built-in digits or Fashion-MNIST (10 000 of its "
                            "training images, loaded off the window's thread). A new run."));
    patchLabel_->setText(tr("P&atch:"));
    for (int i = 0; i < 4; ++i) {
        const int p = kPatchSizes[i], g = 28 / p;
        patch_->setItemText(i, tr("%1 × %1 (%2 tokens)").arg(p).arg(g * g + 1));
    }
    patch_->setToolTip(tr("p: the 28 × 28 image is cut into (28/p)² patches of p × p pixels, each one token, plus "
                          "the class token. A new run."));
    imageLabel_->setText(tr("I&mage:"));
    imageIndex_->setToolTip(tr("Which test image is shown ([ and ])"));
    headLabel_->setText(tr("H&ead:"));
    head_->setToolTip(tr("The attention head drawn large (click a small one too)"));
    maskLabel_->setText(tr("Mas&k ratio:"));
    mask_->setToolTip(tr("MAE hides this fraction of the patches; the encoder reads only the rest"));
    play_->setToolTip(tr("Train live, one Adam step on 32 images at a time (Space)"));
    step_->setText(tr("S&tep"));
    step_->setToolTip(tr("One training step (N)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start again from the same initial weights (Ctrl+R)"));
    tabs_->setTabText(0, tr("Patches → tokens"));
    tabs_->setTabText(1, tr("Class-token attention"));
    tabs_->setTabText(2, tr("MAE masking"));
    tabs_->setTabToolTip(0, tr("The image cut into patches, numbered in the order they become tokens"));
    tabs_->setTabToolTip(1, tr("How much the class token attends to each patch, per head, drawn over the image"));
    tabs_->setTabToolTip(2, tr("Masked autoencoder: most patches hidden, only the visible ones encoded"));
    lossGraph_->setName(tr("loss"));
    accuracyGraph_->setName(tr("accuracy (batch)"));
    curves_->xAxis->setLabel(tr("Training step"));
    titles_.setTexts(tr("Loss, accuracy"), QString());
    stripTitle_->setText(tr("The token sequence: [CLS], then the patches in order"));
    refresh();
}

void VitWorkspace::refresh() {
    const int panel = std::max<int>(0, static_cast<int>(VitModel::panels().indexOf(model_->panel())));
    {
        const QSignalBlocker b0(tabs_), b1(dataset_), b2(patch_), b3(imageIndex_), b4(head_), b5(mask_);
        tabs_->setCurrentIndex(panel);
        dataset_->setCurrentIndex(std::max<int>(0, static_cast<int>(VitModel::datasets().indexOf(model_->dataset()))));
        for (int i = 0; i < 4; ++i)
            if (kPatchSizes[i] == model_->patch()) patch_->setCurrentIndex(i);
        if (model_->testCount() > 0) imageIndex_->setMaximum(model_->testCount() - 1);
        imageIndex_->setValue(model_->image());
        head_->setMaximum(model_->heads());
        head_->setValue(model_->head());
        mask_->setValue(model_->maskRatio());
    }
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    const int grid = model_->grid(), P = grid * grid;
    const std::vector<bool> mask = model_->mask();
    const std::vector<double>* pixels = model_->pixels();
    const transformer::VitInspection* v = model_->inspection();
    const bool ready = pixels && v && v->grid == grid;
    const bool attention = panel == 1, mae = panel == 2;
    headsRow_->setVisible(attention);
    if (ready) {
        image_->setImage(*pixels, 28, grid);
        image_->setOverlay(attention ? PatchImageView::Overlay::Attention
                                     : (mae ? PatchImageView::Overlay::Mask : PatchImageView::Overlay::Patches));
        const auto& heads = v->classAttention.back();  // the last layer's
        const int h = std::clamp(model_->head(), 1, static_cast<int>(heads.size())) - 1;
        image_->setAttention(heads[static_cast<std::size_t>(h)]);
        image_->setMask(mask);
        for (std::size_t k = 0; k < headViews_.size(); ++k) {
            headViews_[k]->setVisible(k < heads.size());
            if (k >= heads.size()) continue;
            headViews_[k]->setImage(*pixels, 28, grid);
            headViews_[k]->setAttention(heads[k]);
            headViews_[k]->setTitle(tr("head %1").arg(k + 1));
            headViews_[k]->setSelected(static_cast<int>(k) == h);
        }
        strip_->setTokens(*pixels, 28, grid, mae ? mask : std::vector<bool>{});
        if (attention)
            image_->setTitle(tr("Class token → patches, head %1 (its weight on itself: %2)")
                                 .arg(h + 1)
                                 .arg(v->classSelf.back()[static_cast<std::size_t>(h)], 0, 'f', 3));
        else if (mae)
            image_->setTitle(tr("%1 of %2 patches masked (%3 %)").arg(std::count(mask.begin(), mask.end(), true)).arg(P)
                                 .arg(model_->maskRatio() * 100, 0, 'f', 0));
        else
            image_->setTitle(tr("%1 patches of %2 × %2 pixels").arg(P).arg(model_->patch()));
        const QStringList names = VitModel::classNames(model_->dataset());
        const QString predicted = names.value(v->predicted), truth = names.value(model_->label());
        prediction_->setText(tr("Test image %1: <b>%2</b> · predicted <b style='color:%3'>%4</b> (p = %5)")
                                 .arg(model_->image())
                                 .arg(truth, v->predicted == model_->label() ? QStringLiteral("#1a7f37") : QStringLiteral("#b00020"),
                                      predicted)
                                 .arg(v->probabilities[static_cast<std::size_t>(std::max(0, v->predicted))], 0, 'f', 2));
    } else {
        prediction_->setText(model_->loading() ? tr("Loading the images…") : QString());
    }
    if (attention)
        explain_->setText(tr("The class token [CLS] has no pixels of its own: the prediction is read from it, so it "
                             "must gather what the patches say. Orange: the share of its attention each patch gets "
                             "in the last layer, the strongest patch fully tinted."));
    else if (mae)
        explain_->setText(tr("MAE hides %1 % of the patches at random (grey) and encodes only the %2 visible tokens; "
                             "a light decoder must then paint the hidden pixels back. So much can be hidden because "
                             "images are redundant.")
                              .arg(model_->maskRatio() * 100, 0, 'f', 0)
                              .arg(P - static_cast<int>(std::count(mask.begin(), mask.end(), true))));
    else
        explain_->setText(tr("Each p × p patch is flattened (p² numbers) and projected to a d = 32 token; a learnt "
                             "position embedding is added, since attention alone cannot tell where a patch was."));
    feed_->update(model_->steps(), {&model_->lossHistory(), &model_->accuracyHistory()});
    QString status = tr("Step %1").arg(model_->steps());
    if (!model_->lossHistory().empty()) status += tr(" · loss %1").arg(model_->lossHistory().back(), 0, 'f', 4);
    if (model_->evaluatedAtStep() >= 0)
        status += tr(" · test accuracy %1 % (%2 images, at step %3)")
                      .arg(model_->accuracy() * 100, 0, 'f', 1)
                      .arg(model_->testCount())
                      .arg(model_->evaluatedAtStep());
    status_->setText(status);
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

VitWorkspaceEntry::VitWorkspaceEntry()
    : ModelWorkspace<VitModel, VitWorkspace>(
          {QStringLiteral("vit"), [] { return VitWorkspace::tr("ViT"); },
           [] { return VitWorkspace::tr("A Vision Transformer: patches as tokens, the class token's attention, MAE's masking"); }}) {}

void VitWorkspaceEntry::setPresenterScale(double scale) {
    if (VitWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
