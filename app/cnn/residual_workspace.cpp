#include "residual_workspace.h"

#include "cnn/gradient_norm_plot.h"
#include "cnn/residual_model.h"
#include "common/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {
constexpr int kVariants = GradientNormPlot::kVariants;
}  // namespace

ResidualWorkspace::ResidualWorkspace(ResidualModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      activationLabel_(new QLabel(this)),
      activation_(new QComboBox(this)),
      blocksLabel_(new QLabel(this)),
      blocks_(new QSpinBox(this)),
      layersLabel_(new QLabel(this)),
      play_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      gradientTitle_(new QLabel(this)),
      lossTitle_(new QLabel(this)),
      gradients_(new GradientNormPlot(this)),
      losses_(new QCustomPlot(this)),
      status_(new QLabel(this)),
      error_(new QLabel(this)) {
    const QFont font = theme::uiFont(13);
    setFont(font);
    QFont titleFont = theme::uiFont(15);
    titleFont.setBold(true);

    activation_->setObjectName(QStringLiteral("residualActivation"));
    for (const QString& key : ResidualModel::activationNames()) activation_->addItem(key, key);
    activationLabel_->setBuddy(activation_);
    blocks_->setObjectName(QStringLiteral("residualBlocks"));
    blocks_->setRange(ResidualModel::kMinBlocks, ResidualModel::kMaxBlocks);
    blocksLabel_->setBuddy(blocks_);
    play_->setObjectName(QStringLiteral("residualPlay"));
    reset_->setObjectName(QStringLiteral("residualReset"));
    for (QWidget* w : std::initializer_list<QWidget*>{activationLabel_, activation_, blocksLabel_, blocks_,
                                                      layersLabel_, play_, reset_, status_, error_})
        w->setFont(font);
    play_->setMinimumWidth(120);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(activationLabel_);
    toolbar->addWidget(activation_);
    toolbar->addSpacing(16);
    toolbar->addWidget(blocksLabel_);
    toolbar->addWidget(blocks_);
    toolbar->addWidget(layersLabel_);
    toolbar->addSpacing(16);
    toolbar->addWidget(play_);
    toolbar->addWidget(reset_);
    toolbar->addStretch(1);

    for (QLabel* title : {gradientTitle_, lossTitle_}) {
        title->setFont(titleFont);
        title->setWordWrap(true);
    }

    // The loss curves: one per variant, in the variants' colours.
    GradientNormPlot::styleAxes(losses_);
    losses_->setMinimumSize(360, 300);
    for (int v = 0; v < kVariants; ++v) {
        lossGraphs_[v] = losses_->addGraph(losses_->xAxis, losses_->yAxis);
        lossGraphs_[v]->setPen(QPen(GradientNormPlot::variantColor(v), 2.5, GradientNormPlot::variantPenStyle(v)));
    }
    lossFeed_ = std::make_unique<StepHistoryFeed>(
        losses_, std::vector<QCPGraph*>(std::begin(lossGraphs_), std::end(lossGraphs_)), ResidualModel::kMaxLossHistory);
    losses_->legend->setVisible(true);
    losses_->legend->setFont(theme::uiFont(12));
    losses_->legend->setTextColor(theme::ink());
    losses_->legend->setBorderPen(Qt::NoPen);
    auto* legendRect = new QCPLayoutGrid;
    losses_->plotLayout()->addElement(1, 0, legendRect);
    legendRect->addElement(0, 0, losses_->legend);
    losses_->legend->setWrap(2);  // before the order: setting the order rearranges with the wrap
    losses_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    losses_->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRect->setMargins(QMargins(0, 0, 0, 4));
    losses_->xAxis->setRange(0, 50);
    losses_->yAxis->setRange(0, 1);

    auto* left = new QVBoxLayout;
    left->addWidget(gradientTitle_);
    left->addWidget(gradients_, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(lossTitle_);
    right->addWidget(losses_, 1);
    auto* plots = new QHBoxLayout;
    plots->addLayout(left, 3);
    plots->addLayout(right, 2);

    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(toolbar);
    layout->addLayout(plots, 1);
    layout->addWidget(status_);
    layout->addWidget(error_);

    connect(activation_, &QComboBox::activated, this,
            [this](int index) { model_->setActivation(activation_->itemData(index).toString()); });
    connect(blocks_, &QSpinBox::valueChanged, this, [this](int value) {
        if (value != model_->blocks()) model_->setBlocks(value);
    });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(reset_, &QPushButton::clicked, this, [this] { model_->reset(); });
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    space->setContext(Qt::WidgetWithChildrenShortcut);
    connect(space, &QShortcut::activated, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(model_, &ResidualModel::changed, this, &ResidualWorkspace::refresh);

    retranslate();
    refresh();
}

void ResidualWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ResidualWorkspace::retranslate() {
    activationLabel_->setText(tr("&Activation:"));
    activation_->setItemText(0, tr("sigmoid"));
    activation_->setItemText(1, tr("tanh"));
    activation_->setItemText(2, tr("ReLU"));
    activation_->setToolTip(tr("The hidden layers' activation function in all four networks. "
                               "Sigmoid shows the vanishing gradient most clearly. Changing it starts a new run."));
    blocksLabel_->setText(tr("&Blocks:"));
    blocks_->setToolTip(tr("Residual blocks per network: each block is two dense layers, plus an input and "
                           "an output layer. Changing it starts a new run."));
    play_->setToolTip(tr("Train all four networks side by side, one gradient-descent step at a time (Space)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start again from the same initial weights"));
    gradientTitle_->setText(tr("Gradient per layer after the last step"));
    gradientTitle_->setToolTip(tr("How large ‖∂L/∂W‖ is in each weight layer: a line falling towards the "
                                  "input side means those layers hardly learn (vanishing gradient)."));
    lossTitle_->setText(tr("Training loss"));
    losses_->xAxis->setLabel(tr("Step"));
    losses_->yAxis->setLabel(QString());  // the title above says it; rotated Chinese reads sideways
    for (int v = 0; v < kVariants; ++v) lossGraphs_[v]->setName(GradientNormPlot::variantName(v));
    losses_->replot(QCustomPlot::rpQueuedReplot);
    refreshControls();
    refreshStatus();
}

void ResidualWorkspace::refresh() {
    refreshControls();
    for (int v = 0; v < kVariants; ++v) gradients_->setNorms(v, model_->gradientNorms(v));
    gradients_->refresh();
    appendLosses();
    refreshStatus();
}

void ResidualWorkspace::refreshControls() {
    {
        const QSignalBlocker block(activation_);
        const int index = activation_->findData(model_->activation());
        if (index >= 0) activation_->setCurrentIndex(index);
    }
    {
        const QSignalBlocker block(blocks_);
        blocks_->setValue(model_->blocks());
    }
    layersLabel_->setText(tr("= %n dense layers", nullptr, model_->layers()));
    play_->setText(model_->isPlaying() ? tr("Pause") : tr("Play"));
}

void ResidualWorkspace::refreshStatus() {
    QStringList parts;
    for (int v = 0; v < kVariants; ++v) {
        const double accuracy = model_->accuracy(v);
        QString value;
        if (!model_->isFinite(v)) value = tr("diverged");
        else if (std::isfinite(accuracy)) value = tr("%1 %").arg(accuracy * 100, 0, 'f', 1);
        else value = QStringLiteral("—");
        parts << tr("%1: %2").arg(GradientNormPlot::variantName(v), value);
    }
    status_->setText(tr("Step %1 · accuracy — %2").arg(model_->steps()).arg(parts.join(QStringLiteral(" · "))));
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

void ResidualWorkspace::appendLosses() {
    std::vector<const std::vector<double>*> histories;
    for (int v = 0; v < kVariants; ++v) histories.push_back(&model_->lossHistory(v));
    lossFeed_->update(model_->steps(), histories);
}

}  // namespace ns
