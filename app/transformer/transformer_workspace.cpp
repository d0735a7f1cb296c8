#include "transformer/transformer_workspace.h"

#include "shell/tool_row.h"
#include "transformer/attention_heatmap.h"
#include "transformer/transformer_model.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace ns {

using transformer::ToySettings;
using transformer::ToyTask;
using transformer::ToyTransformer;

namespace {

void stylePlot(QCustomPlot* plot) {
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt));
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt));
        axis->setBasePen(QPen(theme::mutedInk(), 1));
        axis->setTickPen(QPen(theme::mutedInk(), 1));
        axis->setSubTickPen(QPen(theme::mutedInk(), 1));
        axis->setTickLabelColor(theme::ink());
        axis->setLabelColor(theme::ink());
    }
    plot->setBackground(theme::background());
    plot->legend->setVisible(true);
    plot->legend->setFont(theme::uiFont(theme::kPlotLegendPt));
    plot->legend->setTextColor(theme::ink());
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->setMinimumSize(240, 170);
}

QStringList tokenLabels(ToyTask task, const std::vector<int>& tokens) {
    QStringList labels;
    for (char c : ToyTransformer::spell(task, tokens)) labels << QString(QChar::fromLatin1(c));
    return labels;
}

}  // namespace

TransformerWorkspace::TransformerWorkspace(TransformerModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      taskLabel_(new QLabel(this)),
      lengthLabel_(new QLabel(this)),
      layersLabel_(new QLabel(this)),
      headsLabel_(new QLabel(this)),
      rateLabel_(new QLabel(this)),
      inputLabel_(new QLabel(this)),
      task_(new QComboBox(this)),
      length_(new QSpinBox(this)),
      layers_(new QSpinBox(this)),
      heads_(new QSpinBox(this)),
      rate_(new QDoubleSpinBox(this)),
      play_(new QPushButton(this)),
      step_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      undo_(new QPushButton(this)),
      redo_(new QPushButton(this)),
      curves_(new QCustomPlot),
      input_(new QLineEdit),
      prediction_(new QLabel),
      status_(new QLabel),
      mapsTitle_(new QLabel),
      error_(new QLabel(this)),
      mapsGrid_(new QGridLayout),
      mapsBox_(new QWidget),
      large_(new AttentionHeatmap) {
    setFont(theme::uiFont(13));
    task_->setObjectName(QStringLiteral("transformerTask"));
    for (const QString& key : TransformerModel::taskNames()) task_->addItem(key, key);
    task_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    taskLabel_->setBuddy(task_);
    length_->setObjectName(QStringLiteral("transformerLength"));
    length_->setRange(ToySettings::kMinLength, ToySettings::kMaxLength);
    lengthLabel_->setBuddy(length_);
    layers_->setObjectName(QStringLiteral("transformerLayers"));
    layers_->setRange(1, ToySettings::kMaxLayers);
    layersLabel_->setBuddy(layers_);
    heads_->setObjectName(QStringLiteral("transformerHeads"));
    heads_->setRange(1, ToySettings::kMaxHeads);
    headsLabel_->setBuddy(heads_);
    rate_->setObjectName(QStringLiteral("transformerRate"));
    rate_->setDecimals(4);
    rate_->setRange(TransformerModel::kMinRate, TransformerModel::kMaxRate);
    rate_->setSingleStep(0.0005);
    rateLabel_->setBuddy(rate_);
    play_->setObjectName(QStringLiteral("transformerPlay"));
    step_->setObjectName(QStringLiteral("transformerStep"));
    reset_->setObjectName(QStringLiteral("transformerReset"));
    undo_->setObjectName(QStringLiteral("transformerUndo"));
    redo_->setObjectName(QStringLiteral("transformerRedo"));
    play_->setMinimumWidth(100);

    // Three groups side by side while they fit, one under the other when they do not.
    QWidget* settingsBar = ToolRow::pairs(this, {{taskLabel_, task_}, {lengthLabel_, length_}, {layersLabel_, layers_}});
    QWidget* trainBar = ToolRow::pairs(this, {{headsLabel_, heads_}, {rateLabel_, rate_}});
    auto* actionsBar = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actionsBar);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{play_, step_, reset_, undo_, redo_}) actionsLayout->addWidget(w);
    actionsLayout->addStretch(1);

    // Left: curves, status, input and prediction.
    stylePlot(curves_);
    curves_->setObjectName(QStringLiteral("transformerCurves"));
    lossGraph_ = curves_->addGraph();
    lossGraph_->setPen(QPen(QColor(230, 85, 13), 2.5));
    accuracyGraph_ = curves_->addGraph();
    accuracyGraph_->setPen(QPen(QColor(49, 130, 189), 2.5));
    feed_ = std::make_unique<StepHistoryFeed>(curves_, std::vector<QCPGraph*>{lossGraph_, accuracyGraph_},
                                              static_cast<long>(TransformerModel::kHistory));
    curves_->xAxis->setRange(0, 50);
    curves_->yAxis->setRange(0, 2.5);
    curves_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    titles_ = theme::addAxisTitles(curves_);
    status_->setObjectName(QStringLiteral("transformerStatus"));
    status_->setWordWrap(true);
    input_->setObjectName(QStringLiteral("transformerInput"));
    inputLabel_->setBuddy(input_);
    prediction_->setObjectName(QStringLiteral("transformerPrediction"));
    prediction_->setTextFormat(Qt::RichText);
    prediction_->setWordWrap(true);
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(inputLabel_);
    inputRow->addWidget(input_, 1);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(curves_, 3);
    leftLayout->addWidget(status_);
    leftLayout->addLayout(inputRow);
    leftLayout->addWidget(prediction_);
    leftLayout->addWidget(large_, 3);
    large_->setObjectName(QStringLiteral("transformerSelectedMap"));

    // Right: every head's map.
    QFont titleFont = theme::uiFont(14);
    titleFont.setBold(true);
    mapsTitle_->setFont(titleFont);
    mapsTitle_->setWordWrap(true);
    mapsBox_->setLayout(mapsGrid_);
    mapsGrid_->setContentsMargins(0, 0, 0, 0);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(mapsTitle_);
    rightLayout->addWidget(mapsBox_, 1);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({420, 580});  // proportions kept as the window resizes

    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto* toolRow = new ToolRow({settingsBar, trainBar, actionsBar});
    toolRow->setMinimumWidth(200);  // narrower than both bars: they stack instead of widening the window
    layout->addWidget(toolRow);
    layout->addWidget(split, 1);
    layout->addWidget(error_);

    connect(task_, &QComboBox::activated, this, [this](int i) { model_->setTask(task_->itemData(i).toString()); });
    connect(length_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v != model_->length()) model_->setLength(v);
    });
    connect(layers_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v != model_->layers()) model_->setLayers(v);
    });
    connect(heads_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v == model_->heads()) return;
        // 1, 2 or 4: the arrows skip 3.
        const int heads = v == 3 ? (model_->heads() == 4 ? 2 : 4) : v;
        model_->setHeads(heads);
    });
    connect(rate_, &QDoubleSpinBox::editingFinished, this, [this] {
        if (std::abs(rate_->value() - model_->learningRate()) > 1e-12) model_->setLearningRate(rate_->value());
    });
    connect(input_, &QLineEdit::editingFinished, this, [this] {
        if (input_->text() != model_->input()) model_->setInput(input_->text());
    });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(step_, &QPushButton::clicked, this, [this] { model_->step(); });
    connect(reset_, &QPushButton::clicked, this, [this] { model_->reset(); });
    connect(undo_, &QPushButton::clicked, model_->undoStack(), &QUndoStack::undo);
    connect(redo_, &QPushButton::clicked, model_->undoStack(), &QUndoStack::redo);

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { model_->setTraining(!model_->isPlaying()); });
    shortcut(QKeySequence(Qt::Key_N), [this] { model_->step(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { model_->reset(); });
    shortcut(QKeySequence::Undo, [this] { model_->undoStack()->undo(); });
    shortcut(QKeySequence::Redo, [this] { model_->undoStack()->redo(); });

    connect(model_, &TransformerModel::changed, this, &TransformerWorkspace::refresh);
    retranslate();
}

void TransformerWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TransformerWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    for (auto& row : maps_)
        for (AttentionHeatmap* m : row) m->setPresenterScale(scale);
    large_->setPresenterScale(scale);
    theme::applyPlotScale(curves_, titles_, scale);
    curves_->replot(QCustomPlot::rpQueuedReplot);
}

void TransformerWorkspace::retranslate() {
    taskLabel_->setText(tr("&Task:"));
    task_->setItemText(0, tr("copy"));
    task_->setItemText(1, tr("reverse"));
    task_->setItemText(2, tr("sort digits"));
    task_->setItemText(3, tr("characters"));
    task_->setToolTip(tr("The toy task: copy the digits, reverse them, sort them, or predict the next character of a "
                         "built-in text (causal attention). Changing it starts a new run."));
    lengthLabel_->setText(tr("&Length:"));
    length_->setToolTip(tr("n, the number of tokens of every sequence (a new run)"));
    layersLabel_->setText(tr("La&yers:"));
    layers_->setToolTip(tr("Encoder blocks stacked: attention + feed-forward, each with a residual and LayerNorm (a new run)"));
    headsLabel_->setText(tr("&Heads:"));
    heads_->setToolTip(tr("Attention heads per layer: 1, 2 or 4, splitting d_model = 32 among them (a new run)"));
    rateLabel_->setText(tr("&Learning rate:"));
    rate_->setToolTip(tr("Adam's step size η; takes effect at once, without a new run"));
    step_->setText(tr("S&tep"));
    step_->setToolTip(tr("One training step: a fresh batch of 32 sequences and one Adam update (N)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start again from the same initial weights (Ctrl+R)"));
    undo_->setText(tr("Undo"));
    undo_->setToolTip(tr("Undo the last change of a setting or of the input (Ctrl+Z)"));
    redo_->setText(tr("Redo"));
    redo_->setToolTip(tr("Redo the change undone (Ctrl+Shift+Z)"));
    lossGraph_->setName(tr("loss"));
    accuracyGraph_->setName(tr("token accuracy (batch)"));
    curves_->xAxis->setLabel(tr("Training step"));
    titles_.setTexts(tr("Loss, accuracy"), QString());
    curves_->setToolTip(tr("Cross-entropy of every training batch and the fraction of its tokens predicted right"));
    inputLabel_->setText(tr("&Input:"));
    input_->setToolTip(tr("Type a sequence of the chosen length and press Enter: the model's prediction and every "
                          "head's attention for it are shown"));
    mapsTitle_->setText(tr("Every head's attention for the input (rows: queries, columns: keys)"));
    mapsTitle_->setToolTip(tr("Each row shows how one position spreads its attention over all positions; click a map "
                              "to draw it large. Trained on reverse, the maps turn into an anti-diagonal."));
    builtLayers_ = 0;  // titles again
    refresh();
}

void TransformerWorkspace::rebuildMaps() {
    const int L = model_->layers(), H = model_->heads();
    if (L == builtLayers_ && H == builtHeads_) return;
    for (auto& row : maps_)
        for (AttentionHeatmap* m : row) delete m;
    maps_.assign(static_cast<std::size_t>(L), {});
    for (int l = 0; l < L; ++l)
        for (int h = 0; h < H; ++h) {
            auto* m = new AttentionHeatmap;
            m->setObjectName(QStringLiteral("transformerMap_%1_%2").arg(l + 1).arg(h + 1));
            m->setPresenterScale(scale_);
            m->setToolTip(tr("Layer %1, head %2: click to draw it large").arg(l + 1).arg(h + 1));
            connect(m, &AttentionHeatmap::clicked, this, [this, l, h] {
                model_->selectLayer(l + 1);
                model_->selectHead(h + 1);
            });
            mapsGrid_->addWidget(m, l, h);
            maps_[static_cast<std::size_t>(l)].push_back(m);
        }
    builtLayers_ = L;
    builtHeads_ = H;
}

void TransformerWorkspace::refresh() {
    const ToySettings& s = model_->settings();
    {
        const QSignalBlocker b1(task_), b2(length_), b3(layers_), b4(heads_), b5(rate_);
        task_->setCurrentIndex(static_cast<int>(s.task));
        length_->setValue(s.length);
        layers_->setValue(s.layers);
        heads_->setValue(s.heads);
        if (!rate_->hasFocus()) rate_->setValue(s.learningRate);
    }
    if (!input_->hasFocus() && input_->text() != model_->input()) input_->setText(model_->input());
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    play_->setToolTip(tr("Train live, one Adam step on a fresh batch at a time (Space)"));
    undo_->setEnabled(model_->undoStack()->canUndo());
    redo_->setEnabled(model_->undoStack()->canRedo());

    feed_->update(model_->steps(), {&model_->lossHistory(), &model_->accuracyHistory()});
    const long evaluated = model_->evaluatedAtStep();
    QString status = tr("Step %1").arg(model_->steps());
    if (!model_->lossHistory().empty()) status += tr(" · loss %1").arg(model_->loss(), 0, 'f', 4);
    if (evaluated >= 0)
        status += tr(" · held-out token accuracy %1 % (at step %2)").arg(model_->accuracy() * 100, 0, 'f', 1).arg(evaluated);
    status_->setText(status);

    rebuildMaps();
    const transformer::ToyPrediction* p = model_->prediction();
    if (p && p->length == s.length) {
        const QStringList labels = tokenLabels(s.task, p->input);
        QString out, expected;
        const std::string predicted = ToyTransformer::spell(s.task, p->output);
        int right = 0, known = 0;
        for (std::size_t i = 0; i < p->output.size(); ++i) {
            const bool has = p->expected[i] >= 0;
            const bool ok = has && p->expected[i] == p->output[i];
            known += has ? 1 : 0;
            right += ok ? 1 : 0;
            const QString c = QString(QChar::fromLatin1(predicted[i])).toHtmlEscaped();
            out += has ? QStringLiteral("<span style='color:%1'>%2</span>").arg(ok ? QStringLiteral("#1a7f37") : QStringLiteral("#b00020"), c) : c;
        }
        QString text = tr("Prediction: <b style='font-family:monospace; font-size:large'>%1</b>").arg(out);
        if (known > 0)
            text += tr("<br>Expected: <span style='font-family:monospace'>%1</span> · %2 of %3 tokens right")
                        .arg(QString::fromStdString(ToyTransformer::spell(s.task, p->expected)).replace(QLatin1Char('?'), QStringLiteral("·")).toHtmlEscaped())
                        .arg(right)
                        .arg(known);
        prediction_->setText(text);
        for (int l = 0; l < builtLayers_; ++l)
            for (int h = 0; h < builtHeads_; ++h) {
                AttentionHeatmap* m = maps_[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)];
                if (l < static_cast<int>(p->attention.size()) && h < static_cast<int>(p->attention[static_cast<std::size_t>(l)].size()))
                    m->setMap(p->attention[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)], labels,
                              tr("Layer %1 · head %2").arg(l + 1).arg(h + 1), tr("L%1 · H%2").arg(l + 1).arg(h + 1));
                m->setSelected(l + 1 == model_->layer() && h + 1 == model_->head());
            }
        const int L = model_->layer() - 1, H = model_->head() - 1;
        if (L < static_cast<int>(p->attention.size()) && H < static_cast<int>(p->attention[static_cast<std::size_t>(L)].size()))
            large_->setMap(p->attention[static_cast<std::size_t>(L)][static_cast<std::size_t>(H)], labels,
                           tr("Selected: layer %1 · head %2").arg(L + 1).arg(H + 1));
    } else {
        prediction_->setText(tr("Prediction: —"));
    }
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

TransformerWorkspaceEntry::TransformerWorkspaceEntry()
    : ModelWorkspace<TransformerModel, TransformerWorkspace>(
          {QStringLiteral("transformer"), [] { return TransformerWorkspace::tr("Transformer"); },
           [] { return TransformerWorkspace::tr("A tiny Transformer trained live on copy, reverse, sort and characters; every head's attention"); }}) {}

void TransformerWorkspaceEntry::setPresenterScale(double scale) {
    if (TransformerWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
