#include "attention/attention_workspace.h"

#include "common/undo_buttons.h"

#include "attention/attention_lines.h"
#include "attention/attention_model.h"
#include "attention/matrix_heatmap.h"
#include "common/theme.h"
#include "shell/tool_row.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QResizeEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr int kCurves = 6;  // PE columns drawn as curves: dimensions 0 … 5

// The slider: log₁₀ τ from −1 to 1 in 200 steps.
double temperatureFromSlider(int v) { return std::pow(10.0, (v - 100) / 100.0); }
int sliderFromTemperature(double t) { return static_cast<int>(std::lround(std::log10(t) * 100 + 100)); }

QString num(double v, int digits = 3) {
    if (std::isinf(v)) return v < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
    QString s = QString::number(v, 'f', digits);
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}
QString signedTerm(double v, int digits = 2) {  // "(−0.12)" in products
    return v < 0 ? QStringLiteral("(") + num(v, digits) + QStringLiteral(")") : num(v, digits);
}

QColor headColor(int head) {
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0x94, 0x67, 0xbd)};
    return colors[std::clamp(head, 0, 3)];
}

}  // namespace

AttentionWorkspace::AttentionWorkspace(AttentionModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      sentenceLabel_(new QLabel(this)),
      maskLabel_(new QLabel(this)),
      temperatureLabel_(new QLabel(this)),
      temperatureValue_(new QLabel(this)),
      layerLabel_(new QLabel(this)),
      headLabel_(new QLabel(this)),
      example_(new QComboBox(this)),
      mask_(new QComboBox(this)),
      text_(new QLineEdit(this)),
      temperature_(new QSlider(Qt::Horizontal, this)),
      layer_(new QSpinBox(this)),
      head_(new QSpinBox(this)),
      undo_(new QPushButton(this)),
      redo_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      tabs_(new QTabWidget(this)),
      stageButtons_(new QButtonGroup(this)),
      stageMap_(new MatrixHeatmap),
      formulaTitle_(new QLabel),
      formula_(new QLabel),
      saturation_(new QLabel),
      notice_(new QLabel),
      saturationPlot_(new QCustomPlot),
      headsNote_(new QLabel),
      lines_(new AttentionLines),
      linesMatrix_(new MatrixHeatmap),
      linesNote_(new QLabel),
      peMap_(new MatrixHeatmap),
      dotMap_(new MatrixHeatmap),
      curves_(new QCustomPlot),
      positionsNote_(new QLabel) {
    setFont(theme::uiFont(13));
    example_->setObjectName(QStringLiteral("attentionExample"));
    for (const QString& e : AttentionModel::examples()) example_->addItem(e, e);
    example_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    sentenceLabel_->setBuddy(example_);
    text_->setObjectName(QStringLiteral("attentionText"));
    text_->setMinimumWidth(150);
    text_->setClearButtonEnabled(true);
    mask_->setObjectName(QStringLiteral("attentionMask"));
    for (const QString& m : AttentionModel::masks()) mask_->addItem(m, m);
    mask_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    maskLabel_->setBuddy(mask_);
    temperature_->setObjectName(QStringLiteral("attentionTemperature"));
    temperature_->setRange(0, 200);
    temperature_->setMinimumWidth(100);
    temperatureLabel_->setBuddy(temperature_);
    temperatureValue_->setMinimumWidth(36);
    layer_->setObjectName(QStringLiteral("attentionLayer"));
    layer_->setRange(1, AttentionModel::kLayers);
    layerLabel_->setBuddy(layer_);
    head_->setObjectName(QStringLiteral("attentionHead"));
    head_->setRange(1, AttentionModel::kHeads);
    headLabel_->setBuddy(head_);
    undo_->setObjectName(QStringLiteral("attentionUndo"));
    redo_->setObjectName(QStringLiteral("attentionRedo"));
    reset_->setObjectName(QStringLiteral("attentionReset"));

    auto group = [this](std::initializer_list<QWidget*> widgets) {
        auto* bar = new QWidget(this);
        auto* layout = new QHBoxLayout(bar);
        layout->setContentsMargins(0, 0, 12, 0);
        for (QWidget* w : widgets) layout->addWidget(w);
        return bar;
    };
    auto* toolbar = new ToolRow({group({sentenceLabel_, example_, text_}),
                                 group({maskLabel_, mask_, temperatureLabel_, temperature_, temperatureValue_}),
                                 group({layerLabel_, layer_, headLabel_, head_, undo_, redo_, reset_})});
    // Its width never widens the page: when the room is narrower than the three groups (beside
    // the lesson panel, presenter fonts) they stack instead.
    toolbar->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // ---- Stages ----
    auto* strip = new QHBoxLayout;
    for (int s = 0; s < 5; ++s) {
        auto* b = new QPushButton;
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("attentionStage_") + AttentionModel::stages().at(s));
        stageButtons_->addButton(b, s);
        stageButton_[static_cast<std::size_t>(s)] = b;
        strip->addWidget(b);
        if (s < 4) {
            auto* arrow = new QLabel(QStringLiteral("→"));
            arrow->setFont(theme::mathFont(16));
            strip->addWidget(arrow);
        }
    }
    strip->addStretch();
    stageMap_->setObjectName(QStringLiteral("attentionStageMap"));
    QFont titleFont = theme::uiFont(14);
    titleFont.setBold(true);
    formulaTitle_->setFont(titleFont);
    formula_->setObjectName(QStringLiteral("attentionFormula"));
    for (QLabel* l : {formula_, saturation_, notice_, headsNote_, linesNote_, positionsNote_}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
    }
    formula_->setFont(theme::mathFont(13));
    formula_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    formula_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formula_->setMinimumWidth(260);
    auto* side = new QVBoxLayout;
    side->addWidget(formulaTitle_);
    side->addWidget(formula_);
    side->addWidget(saturation_);
    side->addWidget(saturationPlot_, 1);
    side->addWidget(notice_);
    // The saturation curve: this head's mean largest weight as τ varies, the current τ marked.
    saturationPlot_->setObjectName(QStringLiteral("attentionSaturation"));
    saturationPlot_->setBackground(theme::background());
    saturationPlot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(10);
        ticker->setSubTickCount(8);
        saturationPlot_->xAxis->setTicker(ticker);
    }
    saturationPlot_->xAxis->setRange(0.085, 12);  // 0.1 … 10 with room for the end labels
    saturationPlot_->yAxis->setRange(0, 1.05);
    {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(0.5);
        saturationPlot_->yAxis->setTicker(ticker);
    }
    for (QCPAxis* axis : {saturationPlot_->xAxis, saturationPlot_->yAxis}) {
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt));
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt));
    }
    saturationPlot_->addGraph()->setPen(QPen(theme::positive(), 2));
    QCPGraph* now = saturationPlot_->addGraph();
    now->setLineStyle(QCPGraph::lsNone);
    now->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, theme::highlightNext(), 11));
    QCPGraph* unscaled = saturationPlot_->addGraph();  // τ = √d_k: no division
    unscaled->setLineStyle(QCPGraph::lsNone);
    unscaled->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, theme::ink(), 10));
    saturationTitles_ = theme::addAxisTitles(saturationPlot_);
    saturationPlot_->setMinimumHeight(210);
    auto* stagesBody = stagesBody_ = new QBoxLayout(QBoxLayout::LeftToRight);
    stagesBody->addWidget(stageMap_, 3);
    stagesBody->addLayout(side, 2);
    auto* stagesPage = new QWidget;
    auto* stagesLayout = new QVBoxLayout(stagesPage);
    stagesLayout->addLayout(strip);
    stagesLayout->addLayout(stagesBody, 1);

    // ---- Heads ----
    auto* headsPage = new QWidget;
    auto* headsLayout = new QVBoxLayout(headsPage);
    auto* grid = new QGridLayout;
    for (int h = 0; h < AttentionModel::kHeads; ++h) {
        auto* map = new MatrixHeatmap;
        map->setObjectName(QStringLiteral("attentionHeadMap%1").arg(h + 1));
        map->setCompact(true);
        heads_[static_cast<std::size_t>(h)] = map;
        grid->addWidget(map, h / 2, h % 2);
        connect(map, &MatrixHeatmap::cellClicked, this, [this, h](int row, int) {
            model_->setHead(h + 1);
            model_->setToken(row + 1);
        });
    }
    headsLayout->addWidget(headsNote_);
    headsLayout->addLayout(grid, 1);

    // ---- Lines ----
    auto* linesPage = new QWidget;
    auto* linesLayout = new QVBoxLayout(linesPage);
    auto* linesBody = linesBody_ = new QBoxLayout(QBoxLayout::LeftToRight);
    lines_->setObjectName(QStringLiteral("attentionLines"));
    linesMatrix_->setObjectName(QStringLiteral("attentionLinesMatrix"));
    linesBody->addWidget(lines_, 1);
    linesBody->addWidget(linesMatrix_, 1);
    linesLayout->addWidget(linesNote_);
    linesLayout->addLayout(linesBody, 1);

    // ---- Positions ----
    auto* positionsPage = new QWidget;
    auto* positionsLayout = new QVBoxLayout(positionsPage);
    peMap_->setObjectName(QStringLiteral("attentionPeMap"));
    dotMap_->setObjectName(QStringLiteral("attentionDotMap"));
    curves_->setObjectName(QStringLiteral("attentionPeCurves"));
    for (QCPAxis* axis : {curves_->xAxis, curves_->yAxis}) {
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt));
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt));
    }
    curves_->setBackground(theme::background());
    curves_->legend->setVisible(true);
    curves_->legend->setFont(theme::uiFont(theme::kPlotLegendPt));
    curves_->legend->setBrush(QColor(255, 255, 255, 210));
    curves_->legend->setBorderPen(Qt::NoPen);
    curves_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    for (int d = 0; d < kCurves; ++d) {
        QCPGraph* g = curves_->addGraph();
        g->setPen(QPen(QColor::fromHsv(d * 360 / kCurves, 200, 200), 2));
    }
    QCPGraph* dots = curves_->addGraph();  // the table's own entries at whole positions
    dots->setLineStyle(QCPGraph::lsNone);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, theme::ink(), 5));
    dots->removeFromLegend();
    curves_->yAxis->setRange(-1.1, 1.1);
    curveTitles_ = theme::addAxisTitles(curves_);
    curves_->setMinimumSize(320, 220);
    auto* positionsTop = new QHBoxLayout;
    positionsTop->addWidget(peMap_, 1);
    positionsTop->addWidget(dotMap_, 1);
    positionsLayout->addWidget(positionsNote_);
    positionsLayout->addLayout(positionsTop, 3);
    positionsLayout->addWidget(curves_, 2);

    tabs_->addTab(stagesPage, QString());
    tabs_->addTab(headsPage, QString());
    tabs_->addTab(linesPage, QString());
    tabs_->addTab(positionsPage, QString());
    tabs_->setObjectName(QStringLiteral("attentionPanels"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(tabs_, 1);

    // ---- Intents ----
    connect(example_, &QComboBox::activated, this, [this](int i) { model_->setExample(example_->itemData(i).toString()); });
    connect(text_, &QLineEdit::editingFinished, this, [this] {
        if (text_->text().trimmed() != model_->text()) model_->setText(text_->text());
    });
    connect(mask_, &QComboBox::activated, this, [this](int i) { model_->setMask(mask_->itemData(i).toString()); });
    connect(temperature_, &QSlider::valueChanged, this, [this](int v) { model_->setTemperature(temperatureFromSlider(v)); });
    connect(layer_, &QSpinBox::valueChanged, this, [this](int v) { model_->setLayer(v); });
    connect(head_, &QSpinBox::valueChanged, this, [this](int v) { model_->setHead(v); });
    new UndoButtons(undo_, redo_, model_->undoStack());
    connect(reset_, &QPushButton::clicked, this, [this] {
        column_ = -1;
        model_->reset();
    });
    connect(stageButtons_, &QButtonGroup::idClicked, this,
            [this](int id) { model_->setStage(AttentionModel::stages().at(std::clamp(id, 0, 4))); });
    connect(stageMap_, &MatrixHeatmap::cellClicked, this, &AttentionWorkspace::selectCell);
    connect(stageMap_, &MatrixHeatmap::rowClicked, this, [this](int row) { selectCell(row, -1); });
    connect(linesMatrix_, &MatrixHeatmap::cellClicked, this, &AttentionWorkspace::selectCell);
    for (MatrixHeatmap* map : {peMap_, dotMap_}) {
        connect(map, &MatrixHeatmap::cellClicked, this, [this](int row, int) { model_->setToken(row + 1); });
        connect(map, &MatrixHeatmap::rowClicked, this, [this](int row) { model_->setToken(row + 1); });
    }
    connect(lines_, &AttentionLines::tokenClicked, this, [this](int token) { model_->setToken(token + 1); });
    connect(tabs_, &QTabWidget::currentChanged, this,
            [this](int i) { model_->setPanel(AttentionModel::panels().at(std::clamp(i, 0, 3))); });

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    auto stageBy = [this](int delta) {
        const QStringList all = AttentionModel::stages();
        model_->setStage(all.at((all.indexOf(model_->stage()) + delta + all.size()) % all.size()));
    };
    // Space and N step forward through the stages, B back; [ and ] the head; Ctrl+R resets.
    shortcut(QKeySequence(Qt::Key_Space), [stageBy] { stageBy(1); });
    shortcut(QKeySequence(Qt::Key_N), [stageBy] { stageBy(1); });
    shortcut(QKeySequence(Qt::Key_B), [stageBy] { stageBy(-1); });
    shortcut(QKeySequence(Qt::Key_BracketLeft), [this] { model_->setHead(model_->head() == 1 ? AttentionModel::kHeads : model_->head() - 1); });
    shortcut(QKeySequence(Qt::Key_BracketRight), [this] { model_->setHead(model_->head() % AttentionModel::kHeads + 1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { reset_->click(); });
    shortcut(QKeySequence::Undo, [this] { model_->undoStack()->undo(); });
    shortcut(QKeySequence::Redo, [this] { model_->undoStack()->redo(); });

    connect(model_, &AttentionModel::changed, this, &AttentionWorkspace::refresh);
    retranslate();
    refresh();
}

void AttentionWorkspace::selectCell(int row, int col) {
    column_ = col;
    if (model_->token() == row + 1) refresh();
    else model_->setToken(row + 1);
}

QString AttentionWorkspace::stageTitle(const QString& stage) const {
    if (stage == QLatin1String("scores")) return tr("QKᵀ");
    if (stage == QLatin1String("scaled")) return tr("÷√d_k");
    if (stage == QLatin1String("masked")) return tr("mask");
    if (stage == QLatin1String("weights")) return tr("softmax");
    return tr("·V");
}

void AttentionWorkspace::retranslate() {
    sentenceLabel_->setText(tr("&Sentence"));
    example_->setItemText(0, tr("English"));
    example_->setItemText(1, tr("Chinese"));
    example_->setToolTip(tr("A built-in sentence: English split at spaces, Chinese per character"));
    text_->setPlaceholderText(tr("or type a sentence…"));
    text_->setToolTip(tr("Type a sentence and press Enter: words split at spaces, Chinese per character, "
                         "padded with [PAD] to %1 tokens")
                          .arg(AttentionModel::kLength));
    maskLabel_->setText(tr("&Mask"));
    mask_->setItemText(0, tr("none"));
    mask_->setItemText(1, tr("causal"));
    mask_->setItemText(2, tr("padding"));
    mask_->setToolTip(tr("None: every query sees every key, [PAD] too · causal: query i sees keys j ≤ i (a decoder) · "
                         "padding: no query sees a [PAD] key"));
    temperatureLabel_->setText(tr("&Temperature τ"));
    temperature_->setToolTip(tr("Every score multiplied by τ (the queries are): τ = 2 = √d_k undoes the ÷√d_k, "
                                "larger τ makes softmax saturate"));
    layerLabel_->setText(tr("&Layer"));
    layer_->setToolTip(tr("The encoder block whose attention is shown ([ and ] switch heads)"));
    headLabel_->setText(tr("&Head"));
    head_->setToolTip(tr("The head shown (each has its own W_Q, W_K, W_V; [ and ] switch)"));
    reset_->setText(tr("Reset"));
    reset_->setToolTip(tr("Back to the English sentence, padding mask, τ = 1 (Ctrl+R)"));
    tabs_->setTabText(0, tr("Stages"));
    tabs_->setTabText(1, tr("All heads"));
    tabs_->setTabText(2, tr("Lines"));
    tabs_->setTabText(3, tr("Positional encoding"));
    tabs_->setTabToolTip(0, tr("QKᵀ → ÷√d_k → mask → softmax → ·V for one head, with the numbers"));
    tabs_->setTabToolTip(1, tr("The weights of every head of the layer side by side"));
    tabs_->setTabToolTip(2, tr("Where each token attends, as lines from the queries to the keys"));
    tabs_->setTabToolTip(3, tr("The sinusoidal encoding added to the embeddings (eqs. 84–85)"));
    const QStringList tips{tr("Q Kᵀ: the dot product of every query with every key (Space or N: next stage, B: back)"),
                           tr("The scores divided by √d_k = 2"),
                           tr("Masked entries set to −∞, so softmax gives them weight 0"),
                           tr("softmax over each row: the attention weights α, each row sums to 1"),
                           tr("The head's output: each row the α-weighted average of the values V")};
    for (int s = 0; s < 5; ++s) {
        stageButton_[static_cast<std::size_t>(s)]->setText(stageTitle(AttentionModel::stages().at(s)));
        stageButton_[static_cast<std::size_t>(s)]->setToolTip(tips.at(s));
    }
    formulaTitle_->setText(tr("The clicked cell, numbers substituted"));
    curves_->xAxis->setLabel(tr("position pos"));
    curveTitles_.setTexts(tr("PE(pos, i)"), QString());
    saturationPlot_->xAxis->setLabel(tr("temperature τ (× marks τ = √d_k: no ÷√d_k)"));
    saturationTitles_.setTexts(tr("mean largest weight"), QString());
    headsNote_->setText(tr("The softmax weights of all %1 heads of this layer: each head looks for something else. "
                           "Click a head to show it.")
                            .arg(AttentionModel::kHeads));
    linesNote_->setText(tr("Each line joins a query (left) to a key (right), as thick as its weight α. "
                           "Click a token to see only where it attends."));
    positionsNote_->setText(tr("PE[pos, 2i] = sin(pos / 10000^{2i/d}), PE[pos, 2i+1] = cos(pos / 10000^{2i/d}) "
                               "(eqs. 84–85, d = %1). Right: PE·PEᵀ, the dot products between positions — they "
                               "depend on the distance, not on where the pair is.")
                                .arg(AttentionModel::kDModel));
    refresh();
}

void AttentionWorkspace::resizeEvent(QResizeEvent* event) {
    // Narrow (beside the lesson panel): the formula under the matrix, the weights under the lines.
    const auto direction = width() < 1100 * scale_ ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
    if (stagesBody_->direction() != direction) stagesBody_->setDirection(direction);
    if (linesBody_->direction() != direction) linesBody_->setDirection(direction);
    QWidget::resizeEvent(event);
}

void AttentionWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void AttentionWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    for (MatrixHeatmap* m : {stageMap_, linesMatrix_, peMap_, dotMap_}) m->setPresenterScale(scale);
    for (MatrixHeatmap* m : heads_) m->setPresenterScale(scale);
    lines_->setPresenterScale(scale);
    formula_->setFont(theme::mathFont(13 * scale));
    for (QLabel* l : {saturation_, notice_, headsNote_, linesNote_, positionsNote_}) l->setFont(theme::uiFont(13 * scale));
    QFont titleFont = theme::uiFont(14 * scale);
    titleFont.setBold(true);
    formulaTitle_->setFont(titleFont);
    for (QCPAxis* axis : {curves_->xAxis, curves_->yAxis}) {
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt * scale));
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt * scale));
    }
    curves_->legend->setFont(theme::uiFont(theme::kPlotLegendPt * scale));
    theme::applyPlotScale(curves_, curveTitles_, scale);
    theme::applyPlotScale(saturationPlot_, saturationTitles_, scale);
    saturationPlot_->replot(QCustomPlot::rpQueuedReplot);
    curves_->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionWorkspace::refresh() {
    const AttentionModel& m = *model_;
    {
        const QSignalBlocker b1(example_), b2(mask_), b3(temperature_), b4(layer_), b5(head_), b6(tabs_);
        example_->setCurrentIndex(AttentionModel::examples().indexOf(m.example()));
        if (!text_->hasFocus()) text_->setText(m.text());
        mask_->setCurrentIndex(AttentionModel::masks().indexOf(m.mask()));
        temperature_->setValue(sliderFromTemperature(m.temperature()));
        layer_->setValue(m.layer());
        head_->setValue(m.head());
        tabs_->setCurrentIndex(AttentionModel::panels().indexOf(m.panel()));
    }
    temperatureValue_->setText(QString::number(m.temperature(), 'f', 2));
    const int stageIndex = AttentionModel::stages().indexOf(m.stage());
    for (int s = 0; s < 5; ++s) stageButton_[static_cast<std::size_t>(s)]->setChecked(s == stageIndex);

    const QStringList& tokens = m.tokens();
    const int row = m.token() - 1;
    // Stages.
    const AttentionMatrix stage = m.stageMatrix(m.layer(), m.head(), m.stage());
    QStringList cols = tokens;
    if (m.stage() == QLatin1String("output")) {
        cols.clear();
        for (int c = 0; c < stage.cols; ++c) cols << QStringLiteral("o%1").arg(c + 1);
    }
    stageMap_->setTitle(tr("Layer %1, head %2: %3").arg(m.layer()).arg(m.head()).arg(stageTitle(m.stage())));
    stageMap_->setMatrix(stage.rows, stage.cols, stage.values, tokens, cols,
                         m.stage() == QLatin1String("weights") ? MatrixHeatmap::Scale::Unit : MatrixHeatmap::Scale::Signed);
    stageMap_->setSelectedRow(row);
    if (column_ >= stage.cols) column_ = -1;
    stageMap_->setSelectedCell(row >= 0 && column_ >= 0 ? row : -1, column_);
    refreshFormula();
    saturation_->setText(tr("τ = %1 · mean largest weight per row: <b>%2</b> (1 = softmax saturated, one key takes "
                            "everything; 1/%3 = uniform)")
                             .arg(QString::number(m.temperature(), 'f', 2), num(m.meanRowMaximum(m.layer(), m.head())))
                             .arg(m.realLength()));
    {
        QVector<double> xs, ys;
        for (int k = 0; k <= 80; ++k) {
            const double tau = std::pow(10.0, -1.0 + k / 40.0);
            xs << tau;
            ys << m.meanRowMaximumAt(m.layer(), m.head(), tau);
        }
        saturationPlot_->graph(0)->setData(xs, ys, true);
        saturationPlot_->graph(1)->setData({m.temperature()}, {m.meanRowMaximum(m.layer(), m.head())});
        const double root = std::sqrt(static_cast<double>(AttentionModel::kHeadDim));
        saturationPlot_->graph(2)->setData({root}, {m.meanRowMaximumAt(m.layer(), m.head(), root)});
        saturationPlot_->replot(QCustomPlot::rpQueuedReplot);
    }
    notice_->setText(m.truncated() ? tr("<span style='color:#d62728'>The sentence has more than %1 tokens: only the "
                                        "first %1 are used.</span>")
                                         .arg(AttentionModel::kLength)
                                   : QString());

    // Heads.
    for (int h = 0; h < AttentionModel::kHeads; ++h) {
        const AttentionMatrix w = m.stageMatrix(m.layer(), h + 1, QStringLiteral("weights"));
        MatrixHeatmap* map = heads_[static_cast<std::size_t>(h)];
        map->setTitle(tr("Head %1").arg(h + 1) + (h + 1 == m.head() ? QStringLiteral(" ●") : QString()));
        map->setMatrix(w.rows, w.cols, w.values, tokens, tokens, MatrixHeatmap::Scale::Unit);
        map->setSelectedRow(row);
    }
    // Lines.
    const AttentionMatrix weights = m.stageMatrix(m.layer(), m.head(), QStringLiteral("weights"));
    lines_->setWeights(tokens, weights.values, headColor(m.head() - 1));
    lines_->setSelected(row);
    linesMatrix_->setTitle(tr("Layer %1, head %2: α").arg(m.layer()).arg(m.head()));
    linesMatrix_->setMatrix(weights.rows, weights.cols, weights.values, tokens, tokens, MatrixHeatmap::Scale::Unit);
    linesMatrix_->setSelectedRow(row);
    // Positions.
    const AttentionMatrix pe = m.positionalEncoding();
    QStringList positions, dims;
    for (int i = 0; i < pe.rows; ++i) positions << QString::number(i);
    for (int d = 0; d < pe.cols; ++d) dims << QString::number(d);
    peMap_->setTitle(tr("PE (positions × dimensions)"));
    peMap_->setMatrix(pe.rows, pe.cols, pe.values, positions, dims, MatrixHeatmap::Scale::Signed);
    peMap_->setSelectedRow(row);
    const AttentionMatrix dots = m.positionDotProducts();
    dotMap_->setTitle(tr("PE·PEᵀ (position × position)"));
    dotMap_->setMatrix(dots.rows, dots.cols, dots.values, positions, positions, MatrixHeatmap::Scale::Signed);
    dotMap_->setSelectedRow(row);
    const double d = AttentionModel::kDModel;
    for (int dim = 0; dim < kCurves; ++dim) {
        QVector<double> xs, ys;
        const double rate = std::pow(10000.0, -2.0 * (dim / 2) / d);
        for (int k = 0; k <= (pe.rows - 1) * 20; ++k) {
            const double pos = k / 20.0;
            xs << pos;
            ys << (dim % 2 == 0 ? std::sin(pos * rate) : std::cos(pos * rate));
        }
        curves_->graph(dim)->setData(xs, ys, true);
        curves_->graph(dim)->setName(tr("dimension %1 (%2)").arg(dim).arg(dim % 2 == 0 ? QStringLiteral("sin")
                                                                                          : QStringLiteral("cos")));
    }
    QVector<double> px, py;
    for (int i = 0; i < pe.rows; ++i)
        for (int dim = 0; dim < kCurves; ++dim) {
            px << i;
            py << pe.at(i, dim);
        }
    curves_->graph(kCurves)->setData(px, py);
    curves_->xAxis->setRange(-0.3, pe.rows + 2.5);  // room at the right for the legend
    curves_->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionWorkspace::refreshFormula() {
    const AttentionModel& m = *model_;
    const int row = m.token() - 1;
    if (row < 0) {
        formula_->setText(tr("Click a cell of the matrix (or a token at its left) to see how its number is made."));
        return;
    }
    const int L = m.layer(), H = m.head(), n = AttentionModel::kLength, dk = AttentionModel::kHeadDim;
    const AttentionMatrix qk = m.stageMatrix(L, H, QStringLiteral("scores"));
    const AttentionMatrix scaled = m.stageMatrix(L, H, QStringLiteral("scaled"));
    const AttentionMatrix masked = m.stageMatrix(L, H, QStringLiteral("masked"));
    const AttentionMatrix weights = m.stageMatrix(L, H, QStringLiteral("weights"));
    const AttentionMatrix q = m.queries(L, H), k = m.keys(L, H), v = m.values(L, H);
    const QStringList& tokens = m.tokens();
    const bool output = m.stage() == QLatin1String("output");
    int col = column_;
    if (col < 0) {  // the row's strongest key (or output component 1)
        col = 0;
        if (!output)
            for (int j = 1; j < n; ++j)
                if (weights.at(row, j) > weights.at(row, col)) col = j;
    }
    const QString i = QString::number(row + 1), j = QString::number(col + 1);
    auto bold = [&](const QString& stage, const QString& line) {
        return m.stage() == stage ? QStringLiteral("<b>") + line + QStringLiteral("</b>") : line;
    };
    QStringList lines;
    lines << tr("query i = %1 (“%2”)").arg(i, tokens[row].toHtmlEscaped());
    if (output) {
        QStringList terms;
        double sum = 0;
        for (int t = 0; t < n; ++t) {
            if (weights.at(row, t) == 0) continue;
            terms << num(weights.at(row, t), 2) + QStringLiteral("·") + signedTerm(v.at(t, col));
            sum += weights.at(row, t) * v.at(t, col);
        }
        lines << bold(QStringLiteral("output"),
                      tr("o<sub>%1,%2</sub> = Σ<sub>j</sub> α<sub>%1,j</sub> v<sub>j,%2</sub> = %3 = %4")
                          .arg(i, j, terms.join(QStringLiteral(" + ")), num(sum)));
        lines << tr("(the trace: %1)").arg(num(m.stageMatrix(L, H, QStringLiteral("output")).at(row, col)));
        formula_->setText(lines.join(QStringLiteral("<br><br>")));
        return;
    }
    lines << tr("key j = %1 (“%2”)").arg(j, tokens[col].toHtmlEscaped());
    QStringList products;
    for (int c = 0; c < dk; ++c) products << signedTerm(q.at(row, c)) + QStringLiteral("·") + signedTerm(k.at(col, c));
    lines << bold(QStringLiteral("scores"), tr("q<sub>%1</sub>·k<sub>%2</sub> = %3 = %4")
                                                .arg(i, j, products.join(QStringLiteral(" + ")), num(qk.at(row, col))));
    if (std::abs(m.temperature() - 1) > 1e-12)
        lines << tr("(τ = %1 multiplies every query, so every q·k is τ times what it was at τ = 1)")
                     .arg(QString::number(m.temperature(), 'f', 2));
    lines << bold(QStringLiteral("scaled"), tr("s<sub>%1,%2</sub> = q<sub>%1</sub>·k<sub>%2</sub> / √d<sub>k</sub> = %3 / √%4 = %5")
                                                .arg(i, j, num(qk.at(row, col)))
                                                .arg(dk)
                                                .arg(num(scaled.at(row, col))));
    const bool hidden = std::isinf(masked.at(row, col));
    const QString why = m.mask() == QLatin1String("causal") ? tr("key %1 comes after query %2").arg(j, i)
                                                             : tr("key %1 is [PAD]").arg(j);
    lines << bold(QStringLiteral("masked"), hidden ? tr("masked: %1, so s<sub>%2,%3</sub> = −∞").arg(why, i, j)
                                                   : tr("not masked: s<sub>%1,%2</sub> = %3").arg(i, j, num(masked.at(row, col))));
    double sum = 0;
    for (int t = 0; t < n; ++t)
        if (std::isfinite(masked.at(row, t))) sum += std::exp(masked.at(row, t));
    const double top = std::isfinite(masked.at(row, col)) ? std::exp(masked.at(row, col)) : 0;
    lines << bold(QStringLiteral("weights"),
                  tr("α<sub>%1,%2</sub> = e<sup>s<sub>%1,%2</sub></sup> / Σ<sub>k</sub> e<sup>s<sub>%1,k</sub></sup> = "
                     "%3 / %4 = %5")
                      .arg(i, j, num(top), num(sum), num(weights.at(row, col), 4)));
    formula_->setText(lines.join(QStringLiteral("<br><br>")));
}

// ---- The workspace entry ----

AttentionWorkspaceEntry::AttentionWorkspaceEntry()
    : ModelWorkspace<AttentionModel, AttentionWorkspace>(
          {QStringLiteral("attention"), [] { return AttentionWorkspace::tr("Attention"); },
           [] { return AttentionWorkspace::tr("softmax(QKᵀ/√d_k)V stage by stage, heads, masks and positional encoding"); }}) {}

void AttentionWorkspaceEntry::setPresenterScale(double scale) {
    if (AttentionWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
