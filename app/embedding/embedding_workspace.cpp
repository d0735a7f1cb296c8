#include "embedding_workspace.h"

#include "common/undo_buttons.h"

#include "common/theme.h"
#include "embedding/embedding_map_view.h"
#include "embedding/embedding_model.h"
#include "embedding/neighbour_bars.h"
#include "embedding/vector_strip.h"
#include "shell/tool_row.h"

#include <QComboBox>
#include <QCompleter>
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
#include <QStringListModel>
#include <QTabWidget>
#include <QUndoStack>
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
        axis->setSubTickPen(QPen(theme::mutedInk(), 1));
        axis->setTickLabelColor(theme::ink());
        axis->setLabelColor(theme::ink());
    }
    plot->setBackground(theme::background());
    plot->setMinimumSize(300, 200);
}

QString percent(double fraction) { return QString::number(fraction * 100, 'f', 1) + QStringLiteral(" %"); }

}  // namespace

EmbeddingWorkspace::EmbeddingWorkspace(EmbeddingModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      corpusLabel_(new QLabel(this)),
      dimensionLabel_(new QLabel(this)),
      windowLabel_(new QLabel(this)),
      negativesLabel_(new QLabel(this)),
      rateLabel_(new QLabel(this)),
      corpus_(new QComboBox(this)),
      dimension_(new QSpinBox(this)),
      window_(new QSpinBox(this)),
      negatives_(new QSpinBox(this)),
      rate_(new QDoubleSpinBox(this)),
      play_(new QPushButton(this)),
      step_(new QPushButton(this)),
      reset_(new QPushButton(this)),
      undo_(new QPushButton(this)),
      redo_(new QPushButton(this)),
      tabs_(new QTabWidget(this)),
      map_(new EmbeddingMapView),
      loss_(new QCustomPlot),
      mapWordLabel_(new QLabel),
      lossFormula_(new QLabel),
      mapNeighbours_(new QLabel),
      mapWord_(new QLineEdit),
      wordLabel_(new QLabel),
      word_(new QLineEdit),
      neighbours_(new NeighbourBars),
      neighboursMap_(new EmbeddingMapView),
      neighboursTitle_(new QLabel),
      cosineFormula_(new QLabel),
      minus_(new QLabel),
      plus_(new QLabel),
      equals_(new QLabel),
      answers_(new NeighbourBars),
      analogyMap_(new EmbeddingMapView),
      answersTitle_(new QLabel),
      analogyNote_(new QLabel),
      firstLabel_(new QLabel),
      secondLabel_(new QLabel),
      first_(new QLineEdit),
      second_(new QLineEdit),
      comparison_(new QLabel),
      vocabulary_(new QStringListModel(this)),
      status_(new QLabel(this)),
      notice_(new QLabel(this)),
      error_(new QLabel(this)) {
    setFont(theme::uiFont(13));
    QFont titleFont = theme::uiFont(14);
    titleFont.setBold(true);

    // ---- Toolbar ----
    corpus_->setObjectName(QStringLiteral("embeddingCorpus"));
    corpus_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    corpus_->addItem(QStringLiteral("中文"), QStringLiteral("zh"));
    corpus_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    corpusLabel_->setBuddy(corpus_);
    dimension_->setObjectName(QStringLiteral("embeddingDimension"));
    dimension_->setRange(EmbeddingModel::kMinDimension, EmbeddingModel::kMaxDimension);
    dimensionLabel_->setBuddy(dimension_);
    window_->setObjectName(QStringLiteral("embeddingWindow"));
    window_->setRange(EmbeddingModel::kMinWindow, EmbeddingModel::kMaxWindow);
    windowLabel_->setBuddy(window_);
    negatives_->setObjectName(QStringLiteral("embeddingNegatives"));
    negatives_->setRange(EmbeddingModel::kMinNegatives, EmbeddingModel::kMaxNegatives);
    negativesLabel_->setBuddy(negatives_);
    rate_->setObjectName(QStringLiteral("embeddingLearningRate"));
    rate_->setRange(EmbeddingModel::kMinLearningRate, EmbeddingModel::kMaxLearningRate);
    rate_->setDecimals(3);
    rate_->setSingleStep(0.01);
    rateLabel_->setBuddy(rate_);
    play_->setObjectName(QStringLiteral("embeddingPlay"));
    step_->setObjectName(QStringLiteral("embeddingStep"));
    reset_->setObjectName(QStringLiteral("embeddingReset"));
    undo_->setObjectName(QStringLiteral("embeddingUndo"));
    redo_->setObjectName(QStringLiteral("embeddingRedo"));
    play_->setMinimumWidth(100);

    // Three groups, side by side while they fit and one above the other when they do not
    // (presenter fonts beside the lesson panel): no control is ever cut off at the edge.
    auto group = [this](std::initializer_list<std::pair<QLabel*, QWidget*>> fields) {
        auto* bar = new QWidget(this);
        auto* row = new QHBoxLayout(bar);
        row->setContentsMargins(0, 0, 12, 0);
        bool first = true;
        for (const auto& [label, field] : fields) {
            if (!first) row->addSpacing(10);
            first = false;
            row->addWidget(label);
            row->addWidget(field);
        }
        row->addStretch(1);  // compact fields when the groups stack
        return bar;
    };
    QWidget* corpusBar = group({{corpusLabel_, corpus_}, {dimensionLabel_, dimension_}, {windowLabel_, window_}});
    QWidget* trainingBar = group({{negativesLabel_, negatives_}, {rateLabel_, rate_}});
    auto* actionsBar = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actionsBar);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{play_, step_, reset_, undo_, redo_}) actionsLayout->addWidget(w);

    // Every word field completes from the vocabulary.
    auto completes = [this](QLineEdit* edit, const char* name) {
        edit->setObjectName(QLatin1String(name));
        auto* completer = new QCompleter(vocabulary_, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchStartsWith);
        edit->setCompleter(completer);
        edit->setClearButtonEnabled(true);
        edit->setMinimumWidth(120);
        return completer;
    };

    // ---- Map ----
    map_->setObjectName(QStringLiteral("embeddingMap"));
    stylePlot(loss_);
    loss_->setObjectName(QStringLiteral("embeddingLossPlot"));
    lossGraph_ = loss_->addGraph();
    lossGraph_->setPen(QPen(theme::positive(), 2.5));
    lossFeed_ = std::make_unique<StepHistoryFeed>(loss_, std::vector<QCPGraph*>{lossGraph_}, EmbeddingModel::kMaxHistory);
    loss_->xAxis->setRange(0, 20);
    loss_->yAxis->setRange(0, 4);
    lossTitles_ = theme::addAxisTitles(loss_);
    lossFormula_->setWordWrap(true);
    lossFormula_->setTextFormat(Qt::RichText);
    mapNeighbours_->setWordWrap(true);
    mapNeighbours_->setObjectName(QStringLiteral("embeddingMapNeighbours"));
    mapWordLabel_->setBuddy(mapWord_);
    QCompleter* mapCompleter = completes(mapWord_, "embeddingMapWord");
    auto* mapSide = new QWidget;
    auto* sideLayout = new QVBoxLayout(mapSide);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(loss_, 3);
    sideLayout->addWidget(lossFormula_);
    auto* mapWordRow = new QHBoxLayout;
    mapWordRow->addWidget(mapWordLabel_);
    mapWordRow->addWidget(mapWord_, 1);
    sideLayout->addLayout(mapWordRow);
    sideLayout->addWidget(mapNeighbours_, 1);
    auto* mapSplit = new QSplitter(Qt::Horizontal);
    mapSplit->addWidget(map_);
    mapSplit->addWidget(mapSide);
    mapSplit->setStretchFactor(0, 3);
    mapSplit->setStretchFactor(1, 2);
    mapSplit->setChildrenCollapsible(false);

    // ---- Neighbours ----
    wordLabel_->setBuddy(word_);
    QCompleter* wordCompleter = completes(word_, "embeddingWord");
    neighbours_->setObjectName(QStringLiteral("embeddingNeighbours"));
    neighboursTitle_->setFont(titleFont);
    neighboursTitle_->setWordWrap(true);
    cosineFormula_->setWordWrap(true);
    cosineFormula_->setTextFormat(Qt::RichText);
    auto* neighboursBox = new QWidget;
    auto* nbLayout = new QVBoxLayout(neighboursBox);
    nbLayout->setContentsMargins(0, 0, 0, 0);
    auto* wordRow = new QHBoxLayout;
    wordRow->addWidget(wordLabel_);
    wordRow->addWidget(word_);
    wordRow->addStretch(1);
    nbLayout->addLayout(wordRow);
    nbLayout->addWidget(neighboursTitle_);
    nbLayout->addWidget(neighbours_);
    nbLayout->addWidget(cosineFormula_);
    nbLayout->addStretch(1);
    neighboursMap_->setObjectName(QStringLiteral("embeddingNeighboursMap"));
    auto* neighboursPage = new QSplitter(Qt::Horizontal);
    neighboursPage->addWidget(neighboursBox);
    neighboursPage->addWidget(neighboursMap_);
    neighboursPage->setStretchFactor(0, 1);
    neighboursPage->setStretchFactor(1, 1);
    neighboursPage->setChildrenCollapsible(false);

    // ---- Analogy ----
    auto* analogyRow = new QHBoxLayout;
    const std::array<const char*, 3> analogyNames{"embeddingAnalogyA", "embeddingAnalogyB", "embeddingAnalogyC"};
    std::array<QCompleter*, 3> analogyCompleters{};
    for (std::size_t k = 0; k < 3; ++k) {
        analogyEdit_[k] = new QLineEdit;
        analogyCompleters[k] = completes(analogyEdit_[k], analogyNames[k]);
    }
    for (QLabel* op : {minus_, plus_, equals_}) op->setFont(titleFont);
    analogyRow->addWidget(analogyEdit_[0]);
    analogyRow->addWidget(minus_);
    analogyRow->addWidget(analogyEdit_[1]);
    analogyRow->addWidget(plus_);
    analogyRow->addWidget(analogyEdit_[2]);
    analogyRow->addWidget(equals_);
    analogyRow->addStretch(1);
    answers_->setObjectName(QStringLiteral("embeddingAnalogyAnswers"));
    analogyMap_->setObjectName(QStringLiteral("embeddingAnalogyMap"));
    answersTitle_->setFont(titleFont);
    answersTitle_->setWordWrap(true);
    analogyNote_->setWordWrap(true);
    auto* answersBox = new QWidget;
    auto* answersLayout = new QVBoxLayout(answersBox);
    answersLayout->setContentsMargins(0, 0, 0, 0);
    answersLayout->addLayout(analogyRow);
    answersLayout->addWidget(answersTitle_);
    answersLayout->addWidget(answers_);
    answersLayout->addWidget(analogyNote_);
    answersLayout->addStretch(1);
    auto* analogySplit = new QSplitter(Qt::Horizontal);
    analogySplit->addWidget(answersBox);
    analogySplit->addWidget(analogyMap_);
    analogySplit->setStretchFactor(0, 2);
    analogySplit->setStretchFactor(1, 3);
    analogySplit->setChildrenCollapsible(false);

    // ---- One-hot vs dense ----
    QCompleter* firstCompleter = completes(first_, "embeddingOneHotWord");
    QCompleter* secondCompleter = completes(second_, "embeddingCompareWord");
    firstLabel_->setBuddy(first_);
    secondLabel_->setBuddy(second_);
    auto* pairRow = new QHBoxLayout;
    pairRow->addWidget(firstLabel_);
    pairRow->addWidget(first_);
    pairRow->addSpacing(16);
    pairRow->addWidget(secondLabel_);
    pairRow->addWidget(second_);
    pairRow->addStretch(1);
    auto* oneHotPage = new QWidget;
    auto* ohLayout = new QVBoxLayout(oneHotPage);
    ohLayout->addLayout(pairRow);
    for (std::size_t k = 0; k < 2; ++k) {
        oneHot_[k] = new VectorStrip;
        dense_[k] = new VectorStrip;
        oneHot_[k]->setObjectName(QStringLiteral("embeddingOneHot%1").arg(k));
        dense_[k]->setObjectName(QStringLiteral("embeddingDense%1").arg(k));
        ohLayout->addWidget(oneHot_[k]);
        ohLayout->addWidget(dense_[k]);
        ohLayout->addSpacing(8);
    }
    comparison_->setObjectName(QStringLiteral("embeddingComparison"));
    comparison_->setWordWrap(true);
    comparison_->setTextFormat(Qt::RichText);
    ohLayout->addWidget(comparison_);
    ohLayout->addStretch(1);

    tabs_->addTab(mapSplit, QString());
    tabs_->addTab(neighboursPage, QString());
    tabs_->addTab(analogySplit, QString());
    tabs_->addTab(oneHotPage, QString());
    tabs_->setObjectName(QStringLiteral("embeddingPanels"));

    status_->setObjectName(QStringLiteral("embeddingStatus"));
    status_->setWordWrap(true);
    notice_->setObjectName(QStringLiteral("embeddingNotice"));
    notice_->setWordWrap(true);
    notice_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    notice_->hide();
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    toolBars_ = {corpusBar, trainingBar, actionsBar};
    toolRow_ = new ToolRow(toolBars_);
    layout->addWidget(toolRow_);
    layout->addWidget(tabs_, 1);
    layout->addWidget(notice_);
    layout->addWidget(status_);
    layout->addWidget(error_);

    // Intents.
    connect(corpus_, &QComboBox::activated, this, [this](int i) { model_->setCorpus(corpus_->itemData(i).toString()); });
    auto spinIntent = [this](QSpinBox* box, bool (EmbeddingModel::*set)(int), int (EmbeddingModel::*get)() const) {
        connect(box, &QSpinBox::editingFinished, this, [this, box, set, get] {
            if (box->value() != (model_->*get)()) (model_->*set)(box->value());
        });
        connect(box, &QSpinBox::valueChanged, this, [this, box, set, get](int v) {
            if (!box->hasFocus() && v != (model_->*get)()) (model_->*set)(v);  // arrows, wheel
        });
    };
    spinIntent(dimension_, &EmbeddingModel::setDimension, &EmbeddingModel::dimension);
    spinIntent(window_, &EmbeddingModel::setWindow, &EmbeddingModel::window);
    spinIntent(negatives_, &EmbeddingModel::setNegatives, &EmbeddingModel::negatives);
    connect(rate_, &QDoubleSpinBox::editingFinished, this, [this] {
        if (rate_->value() != model_->learningRate()) model_->setLearningRate(rate_->value());
    });
    connect(rate_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!rate_->hasFocus() && v != model_->learningRate()) model_->setLearningRate(v);
    });
    connect(play_, &QPushButton::clicked, this, [this] { model_->setTraining(!model_->isPlaying()); });
    connect(step_, &QPushButton::clicked, this, [this] { model_->step(); });
    connect(reset_, &QPushButton::clicked, this, [this] { model_->reset(); });
    new UndoButtons(undo_, redo_, model_->undoStack());
    connect(tabs_, &QTabWidget::currentChanged, this,
            [this](int i) { model_->setPanel(static_cast<EmbeddingModel::Panel>(std::clamp(i, 0, 3))); });
    // Word fields: Enter or a completion sets the word.
    auto wordIntent = [this](QLineEdit* edit, QCompleter* completer, auto set) {
        connect(edit, &QLineEdit::returnPressed, this, [this, edit, set] { set(edit->text()); });
        connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [set](const QString& w) { set(w); });
    };
    auto setWord = [this](const QString& w) { model_->setWord(w); };
    wordIntent(mapWord_, mapCompleter, setWord);
    wordIntent(word_, wordCompleter, setWord);
    wordIntent(first_, firstCompleter, setWord);
    wordIntent(second_, secondCompleter, [this](const QString& w) { model_->setCompareWord(w); });
    for (std::size_t k = 0; k < 3; ++k)
        wordIntent(analogyEdit_[k], analogyCompleters[k], [this, k](const QString& w) {
            auto words = model_->analogyWords();
            words[k] = w;
            model_->setAnalogy(words[0], words[1], words[2]);
        });
    connect(map_, &EmbeddingMapView::wordClicked, model_, &EmbeddingModel::setWord);
    connect(neighboursMap_, &EmbeddingMapView::wordClicked, model_, &EmbeddingModel::setWord);
    connect(neighbours_, &NeighbourBars::wordClicked, model_, &EmbeddingModel::setWord);

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

    connect(model_, &EmbeddingModel::changed, this, &EmbeddingWorkspace::refresh);
    retranslate();
}

void EmbeddingWorkspace::fitToolbar() {
    // The row may be as narrow as its widest group: narrower than all of them side by side, it
    // stacks them instead of widening the page past the window.
    int widest = 0;
    for (QWidget* bar : toolBars_) widest = std::max(widest, bar->sizeHint().width());
    toolRow_->setMinimumWidth(widest);
}

QStringList EmbeddingWorkspace::groupNames() const {
    // In the order of seq::builtinGroups, the same for both corpora.
    return {tr("royalty"), tr("animals"), tr("numbers"), tr("weekdays"), tr("colours"), tr("capitals")};
}

void EmbeddingWorkspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void EmbeddingWorkspace::setPresenterScale(double scale) {
    scale_ = scale;
    map_->setPresenterScale(scale);
    analogyMap_->setPresenterScale(scale);
    neighboursMap_->setPresenterScale(scale);
    neighbours_->setPresenterScale(scale);
    answers_->setPresenterScale(scale);
    for (std::size_t k = 0; k < 2; ++k) {
        oneHot_[k]->setPresenterScale(scale);
        dense_[k]->setPresenterScale(scale);
    }
    for (QCPAxis* axis : {loss_->xAxis, loss_->yAxis}) {
        axis->setTickLabelFont(theme::uiFont(theme::kPlotTickPt * scale));
        axis->setLabelFont(theme::uiFont(theme::kPlotLabelPt * scale));
    }
    theme::applyPlotScale(loss_, lossTitles_, scale);
    lossGraph_->setPen(QPen(theme::positive(), 2.5 * scale));
    loss_->replot(QCustomPlot::rpQueuedReplot);
    fitToolbar();
}

void EmbeddingWorkspace::retranslate() {
    const QString restarts = tr("Changing it trains again from the seed.");
    corpusLabel_->setText(tr("&Corpus:"));
    corpus_->setToolTip(tr("The small built-in corpus skip-gram learns from: English or Chinese (pre-segmented into "
                           "words). %1")
                            .arg(restarts));
    dimensionLabel_->setText(tr("&Dimension:"));
    dimension_->setToolTip(tr("d, the length of every dense word vector v_w (and u_w). %1").arg(restarts));
    windowLabel_->setText(tr("&Window:"));
    window_->setToolTip(tr("How many words on each side of the centre word count as its context. %1").arg(restarts));
    negativesLabel_->setText(tr("N&egatives:"));
    negatives_->setToolTip(tr("K, the noise words drawn (from the unigram distribution to the power 3/4) for every "
                              "(centre, context) pair. %1")
                               .arg(restarts));
    rateLabel_->setText(tr("&Learning rate:"));
    rate_->setToolTip(tr("η of plain SGD on v_c, u_o and the u_k. %1").arg(restarts));
    play_->setToolTip(tr("Train skip-gram, %1 epochs a second; the map follows live (Space)")
                          .arg(EmbeddingModel::kEpochsPerSecond));
    step_->setText(tr("S&tep"));
    step_->setToolTip(tr("One epoch: every (centre, context) pair of the corpus once (N)"));
    reset_->setText(tr("&Reset"));
    reset_->setToolTip(tr("Start again from the same random vectors (the seed) (Ctrl+R)"));
    tabs_->setTabText(0, tr("Map"));
    tabs_->setTabText(1, tr("Neighbours"));
    tabs_->setTabText(2, tr("Analogy"));
    tabs_->setTabText(3, tr("One-hot vs dense"));
    tabs_->setTabToolTip(0, tr("Every word vector projected to 2-D by PCA, redrawn while training, with the loss"));
    tabs_->setTabToolTip(1, tr("The words whose vectors point the most the same way as the query's (cosine)"));
    tabs_->setTabToolTip(2, tr("a − b + c: king − man + woman, answered by cosine"));
    tabs_->setTabToolTip(3, tr("A word as a one-hot vector (V long, a single 1) and as its dense d-vector"));
    const QString mapTip = tr("Every word at its two principal components; hover a word for its cosine to the "
                              "query, click it to make it the query");
    for (EmbeddingMapView* m : {map_, neighboursMap_}) m->setToolTip(mapTip);
    analogyMap_->setToolTip(tr("Solid arrow: b → a; dashed: the same offset from c; cross: a − b + c in 2-D"));
    neighbours_->setToolTip(tr("Cosine to the query word; click a word to make it the query"));
    answers_->setToolTip(tr("Cosine to v̂_a − v̂_b + v̂_c, a, b and c left out"));
    for (std::size_t k = 0; k < 2; ++k) {
        oneHot_[k]->setToolTip(tr("One cell per word of the vocabulary: only this word's cell is 1"));
        dense_[k]->setToolTip(tr("The d learned numbers of v_w: blue positive, orange negative"));
    }
    loss_->setToolTip(tr("The mean loss L over every (centre, context) pair of each epoch"));
    loss_->xAxis->setLabel(tr("Epoch"));
    lossTitles_.setTexts(tr("Mean loss per pair"), QString());
    lossFormula_->setText(tr("Skip-gram with negative sampling, for a centre word c, a context word o and K noise "
                             "words k:<br><i>L</i> = −log σ(<b>u</b><sub>o</sub>·<b>v</b><sub>c</sub>) − "
                             "Σ<sub>k</sub> log σ(−<b>u</b><sub>k</sub>·<b>v</b><sub>c</sub>)"));
    mapWordLabel_->setText(tr("&Query word:"));
    mapWord_->setToolTip(tr("The word ringed on the map, with its nearest neighbours (or click a word on the map)"));
    mapWord_->setPlaceholderText(tr("a word of the corpus"));
    wordLabel_->setText(tr("&Word:"));
    word_->setToolTip(tr("Type a word of the corpus (it completes) and press Enter"));
    word_->setPlaceholderText(tr("a word of the corpus"));
    cosineFormula_->setText(tr("cos(<b>a</b>, <b>b</b>) = <b>a</b>·<b>b</b> / (‖<b>a</b>‖ ‖<b>b</b>‖): 1 when two "
                               "vectors point the same way, 0 when they are orthogonal. Skip-gram gives words that "
                               "appear in the same contexts vectors that point alike."));
    minus_->setText(QStringLiteral("−"));
    plus_->setText(QStringLiteral("+"));
    equals_->setText(QStringLiteral("="));
    for (QLineEdit* e : analogyEdit_) e->setToolTip(tr("A word of the corpus; Enter to answer a − b + c"));
    analogyNote_->setText(tr("The answer is the word (other than a, b and c) whose vector has the largest cosine to "
                             "v̂_a − v̂_b + v̂_c (unit vectors). On the map the solid arrow is b → a and the dashed one "
                             "the same offset from c; the cross is where a − b + c falls in the 2-D projection, "
                             "which only approximates the d-dimensional answer."));
    firstLabel_->setText(tr("W&ord:"));
    first_->setToolTip(tr("The query word, shown one-hot and dense"));
    secondLabel_->setText(tr("Compared &with:"));
    second_->setToolTip(tr("A second word: the cosine of the two one-hot vectors against that of the dense ones"));
    refresh();
    fitToolbar();
}

void EmbeddingWorkspace::refresh() {
    refreshControls();
    refreshViews();
}

void EmbeddingWorkspace::refreshControls() {
    const EmbeddingSettings& s = model_->settings();
    {
        const QSignalBlocker b(corpus_);
        corpus_->setCurrentIndex(static_cast<int>(s.corpus));
    }
    auto setSpin = [](QSpinBox* box, int v) {
        if (box->hasFocus() && box->value() != v) return;  // being typed in
        const QSignalBlocker b(box);
        box->setValue(v);
    };
    setSpin(dimension_, s.dimension);
    setSpin(window_, s.window);
    setSpin(negatives_, s.negatives);
    if (!rate_->hasFocus()) {
        const QSignalBlocker b(rate_);
        rate_->setValue(s.learningRate);
    }
    play_->setText(model_->isPlaying() ? tr("&Pause") : tr("&Play"));
    play_->setEnabled((!model_->finished() && !model_->diverged()) || model_->isPlaying());
    {
        const QSignalBlocker b(tabs_);
        tabs_->setCurrentIndex(static_cast<int>(model_->panel()));
    }
    const QStringList words = model_->vocabulary();
    if (vocabulary_->stringList() != words) {
        QStringList sorted = words;
        sorted.sort();
        if (vocabulary_->stringList() != sorted) vocabulary_->setStringList(sorted);
    }
    auto setText = [](QLineEdit* edit, const QString& text) {
        if (!edit->hasFocus() && edit->text() != text) edit->setText(text);
    };
    setText(mapWord_, model_->word());
    setText(word_, model_->word());
    setText(first_, model_->word());
    setText(second_, model_->compareWord());
    const auto abc = model_->analogyWords();
    for (std::size_t k = 0; k < 3; ++k) setText(analogyEdit_[k], abc[k]);
}

void EmbeddingWorkspace::refreshViews() {
    const QStringList groups = groupNames();
    auto withLegend = [&groups](EmbeddingMapPicture pic) {
        pic.groupNames.assign(groups.begin(), groups.end());
        return pic;
    };
    map_->setPicture(withLegend(model_->mapPicture()));
    neighboursMap_->setPicture(withLegend(model_->mapPicture()));
    analogyMap_->setPicture(withLegend(model_->analogyPicture()));
    lossFeed_->update(model_->epochs(), {&model_->lossHistory()});

    const QString word = model_->word();
    const std::vector<EmbeddingBar> bars = model_->neighbourBars();
    neighbours_->setBars(bars);
    neighboursTitle_->setText(tr("The %1 nearest words to “%2” by cosine").arg(bars.size()).arg(word));
    QStringList near;
    for (const EmbeddingBar& b : bars) near << QStringLiteral("%1 %2").arg(b.word, NeighbourBars::number(b.cosine));
    mapNeighbours_->setText(tr("Nearest to “%1”: %2").arg(word, near.join(QStringLiteral(", "))));

    const auto abc = model_->analogyWords();
    answers_->setBars(model_->analogyBars());
    const std::vector<EmbeddingBar> answers = model_->analogyBars();
    answersTitle_->setText(answers.empty() ? tr("No answer")
                                           : tr("%1 − %2 + %3 ≈ %4").arg(abc[0], abc[1], abc[2], answers.front().word));

    const int a = model_->indexOf(word), b = model_->indexOf(model_->compareWord());
    const seq::OneHotComparison c = model_->comparison();
    oneHot_[0]->setValues(model_->oneHot(a), tr("one-hot “%1”: %2 components, a single 1").arg(word).arg(c.vocabulary));
    dense_[0]->setValues(model_->dense(a), tr("dense v_“%1”: %2 components").arg(word).arg(c.denseDimension));
    oneHot_[1]->setValues(model_->oneHot(b),
                          tr("one-hot “%1”: %2 components, a single 1").arg(model_->compareWord()).arg(c.vocabulary));
    dense_[1]->setValues(model_->dense(b), tr("dense v_“%1”: %2 components").arg(model_->compareWord()).arg(c.denseDimension));
    comparison_->setText(
        tr("<b>One-hot:</b> V = %1 components, %2 of them zero (sparsity 1 − 1/V). <b>Dense:</b> d = %3 components, "
           "%4 of them zero.<br>cos(one-hot “%5”, one-hot “%6”) = <b>%7</b> — two different words are always "
           "orthogonal, so one-hot vectors say nothing about meaning.<br>cos(v_“%5”, v_“%6”) = <b>%8</b> — the dense "
           "vectors learned by skip-gram (epoch %9).")
            .arg(c.vocabulary)
            .arg(percent(c.oneHotSparsity))
            .arg(c.denseDimension)
            .arg(percent(c.denseSparsity))
            .arg(word, model_->compareWord())
            .arg(QString::number(model_->oneHotCosine(), 'f', 3), QString::number(model_->denseCosine(), 'f', 3))
            .arg(model_->epochs()));

    const seq::SkipGram& sg = model_->skipGram();
    QString status = tr("Epoch %1 · mean loss %2 · %3 words · %4 (centre, context) pairs per epoch")
                         .arg(model_->epochs())
                         .arg(model_->lossHistory().empty() ? QStringLiteral("—") : QString::number(model_->loss(), 'f', 3))
                         .arg(sg.words().size())
                         .arg(sg.pairs().size());
    if (model_->epochs() == 0) status += tr(" · the vectors are still random: press Play (Space) to train");
    if (model_->finished()) status += tr(" · stopped after %1 epochs").arg(EmbeddingTask::kMaxEpochs);
    if (model_->diverged())
        status += tr(" · the loss is no longer finite: the learning rate is too large; lower it (training starts again)");
    status_->setText(status);
    notice_->setText(model_->wordNotice());
    notice_->setVisible(!model_->wordNotice().isEmpty());
    error_->setText(model_->lastError());
    error_->setVisible(!model_->lastError().isEmpty());
}

// ---- The workspace entry ----

EmbeddingWorkspaceEntry::EmbeddingWorkspaceEntry()
    : ModelWorkspace<EmbeddingModel, EmbeddingWorkspace>(
          {QStringLiteral("embedding"), [] { return EmbeddingWorkspace::tr("Embeddings"); },
           [] { return EmbeddingWorkspace::tr("Skip-gram word vectors trained live: the PCA map, neighbours, analogies, one-hot vs dense"); }}) {}

void EmbeddingWorkspaceEntry::setPresenterScale(double scale) {
    if (EmbeddingWorkspace* view = viewIfMade()) view->setPresenterScale(scale);
}

}  // namespace ns
