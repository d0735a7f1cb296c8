#include "network/step_inspector.h"

#include "common/theme.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

namespace {

QString html(const ValueId& id) { return QString::fromStdString(symbol(id, Notation::Html)); }

QString plain(const QString& richText) {
    QTextDocument document;
    document.setHtml(richText);
    return document.toPlainText();
}

QString fullValue(double v) {
    QString text = QString::number(v == 0 ? 0.0 : v, 'g', 10);
    text.replace(QLatin1Char('-'), QStringLiteral("−"));
    return text;
}

QDoubleSpinBox* makeBox(double low, double high, int decimals, double step) {
    auto* box = new QDoubleSpinBox;
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setKeyboardTracking(false);  // one edit per Enter or focus change, not per keystroke
    box->setFont(theme::uiFont(14));
    box->setMinimumWidth(150);
    box->setMinimumHeight(34);
    box->setFocusPolicy(Qt::StrongFocus);
    return box;
}

void setQuietly(QDoubleSpinBox* box, double value) {
    const QSignalBlocker block(box);
    box->setValue(value);
}

}  // namespace

StepInspector::StepInspector(QWidget* parent)
    : QWidget(parent), heading_(new QLabel), where_(new QLabel), symbolic_(new QLabel),
      substituted_(new QLabel), value_(new QLabel), uses_(new QLabel), editors_(new QGroupBox),
      form_(new QFormLayout), eta_(nullptr), weight_(nullptr), bias_(nullptr), etaLabel_(nullptr),
      weightLabel_(nullptr), biasLabel_(nullptr) {
    heading_->setFont(theme::uiFont(16));
    heading_->setWordWrap(true);
    where_->setFont(theme::uiFont(12));
    where_->setStyleSheet(QStringLiteral("color: #606060;"));
    for (QLabel* formula : {symbolic_, substituted_}) {
        formula->setFont(theme::mathFont(18));
        formula->setTextFormat(Qt::RichText);
        formula->setWordWrap(true);
        formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    value_->setFont(theme::mathFont(15));
    value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value_->setObjectName(QStringLiteral("value"));
    uses_->setFont(theme::uiFont(13));
    uses_->setTextFormat(Qt::RichText);
    uses_->setWordWrap(true);
    editors_->setFont(theme::uiFont(13));
    editors_->setLayout(form_);

    // Everything scrolls, so long formulas and the editors stay readable at projector size.
    auto* content = new QWidget;
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addWidget(heading_);
    layout->addWidget(where_);
    layout->addWidget(symbolic_);
    layout->addWidget(substituted_);
    layout->addWidget(value_);
    layout->addWidget(uses_);
    layout->addStretch(1);
    layout->addWidget(editors_);

    setAccessibleName(tr("Inspector"));
    rebuildEditors();
    refresh();
}

void StepInspector::setState(const BackpropSteps* steps, std::size_t position,
                             std::optional<ValueId> selection) {
    steps_ = steps;
    position_ = position;
    selection_ = selection;
    rebuildEditors();
    refresh();
}

void StepInspector::rebuildEditors() {
    const int inputs = steps_ ? steps_->before().inputs() : 0;
    const int outputs = steps_ ? steps_->before().outputs() : 0;
    if (static_cast<int>(inputs_.size()) == inputs && static_cast<int>(targets_.size()) == outputs &&
        form_->rowCount() > 0)
        return;
    while (form_->rowCount() > 0) form_->removeRow(0);  // deletes the old boxes and labels
    inputs_.clear();
    targets_.clear();
    inputLabels_.clear();
    targetLabels_.clear();
    eta_ = makeBox(1e-5, 100, 5, 0.01);
    weight_ = makeBox(-1000, 1000, 4, 0.1);
    bias_ = makeBox(-1000, 1000, 4, 0.1);
    etaLabel_ = new QLabel;
    weightLabel_ = new QLabel;
    biasLabel_ = new QLabel;
    for (QLabel* label : {etaLabel_, weightLabel_, biasLabel_}) {
        label->setTextFormat(Qt::RichText);
        label->setFont(theme::uiFont(14));
    }
    connect(eta_, &QDoubleSpinBox::valueChanged, this, &StepInspector::learningRateEdited);
    connect(weight_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (editedWeight_) emit weightEdited(editedWeight_->layer, editedWeight_->unit, editedWeight_->input, v);
    });
    connect(bias_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (editedBias_) emit biasEdited(editedBias_->layer, editedBias_->unit, v);
    });
    for (int k = 0; k < inputs; ++k) {
        auto* box = makeBox(-100, 100, 4, 0.1);
        auto* label = new QLabel;
        label->setTextFormat(Qt::RichText);
        label->setFont(theme::uiFont(14));
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, k](double v) { emit inputEdited(k, v); });
        inputs_.push_back(box);
        inputLabels_.push_back(label);
        form_->addRow(label, box);
    }
    for (int j = 0; j < outputs; ++j) {
        auto* box = makeBox(0, 1, 2, 1);
        auto* label = new QLabel;
        label->setTextFormat(Qt::RichText);
        label->setFont(theme::uiFont(14));
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, j](double v) { emit targetEdited(j, v); });
        targets_.push_back(box);
        targetLabels_.push_back(label);
        form_->addRow(label, box);
    }
    form_->addRow(etaLabel_, eta_);
    form_->addRow(weightLabel_, weight_);
    form_->addRow(biasLabel_, bias_);
    retranslate();
}

QString StepInspector::layerName(int layer) const {
    if (!steps_) return {};
    if (layer == 0) return tr("the input layer");
    if (layer == steps_->layerCount()) return tr("the output layer");
    return tr("hidden layer %1").arg(layer);
}

QString StepInspector::phaseName(StepPhase phase) const {
    switch (phase) {
        case StepPhase::Forward: return tr("Forward pass");
        case StepPhase::Loss: return tr("Loss");
        case StepPhase::Backward: return tr("Backward pass");
        case StepPhase::Update: return tr("Update");
    }
    return {};
}

QString StepInspector::describe(const ValueId& id) const {
    const QString layer = layerName(id.layer);
    const int j = id.unit + 1, k = id.input + 1;
    switch (id.quantity) {
        case Quantity::Input: return tr("Input x%1 of the sample (given)").arg(j);
        case Quantity::Target: return tr("Target y%1 of the sample (given)").arg(j);
        case Quantity::Weight:
            return tr("Weight from neuron %1 to neuron %2 of %3 (given, before the update)")
                .arg(k).arg(j).arg(layer);
        case Quantity::Bias: return tr("Bias of neuron %1 of %2 (given, before the update)").arg(j).arg(layer);
        case Quantity::LearningRate: return tr("Learning rate η (given)");
        case Quantity::Z:
            return tr("Weighted input z of neuron %1 of %2: the inputs times the weights, plus the bias")
                .arg(j).arg(layer);
        case Quantity::A: return tr("Activation a = σ(z) of neuron %1 of %2").arg(j).arg(layer);
        case Quantity::Loss: return tr("Loss L: how far the prediction ŷ is from the target y");
        case Quantity::Delta:
            if (steps_ && id.layer == steps_->layerCount())
                return tr("Error δ = ∂L/∂z of neuron %1 of the output layer; for sigmoid with "
                          "cross-entropy it is simply ŷ − y").arg(j);
            return tr("Error δ = ∂L/∂z of neuron %1 of %2: the chain rule carries δ of the layer "
                      "above back through the weights, times σ′(z)").arg(j).arg(layer);
        case Quantity::WeightGrad:
            return tr("Gradient of the loss with respect to the weight from neuron %1 to neuron %2 "
                      "of %3: δ of the neuron it feeds times the activation it carries")
                .arg(k).arg(j).arg(layer);
        case Quantity::BiasGrad:
            return tr("Gradient of the loss with respect to the bias of neuron %1 of %2").arg(j).arg(layer);
        case Quantity::NewWeight:
            return tr("Gradient descent: the weight from neuron %1 to neuron %2 of %3 takes a step "
                      "against its gradient").arg(k).arg(j).arg(layer);
        case Quantity::NewBias:
            return tr("Gradient descent: the bias of neuron %1 of %2 takes a step against its "
                      "gradient").arg(j).arg(layer);
    }
    return {};
}

void StepInspector::refresh() {
    shown_.reset();
    shownValue_ = std::nan("");
    editedWeight_.reset();
    editedBias_.reset();
    if (!steps_) {
        heading_->setText(tr("Inspector"));
        for (QLabel* l : {where_, symbolic_, substituted_, value_, uses_}) l->clear();
        editors_->setEnabled(false);
        return;
    }
    editors_->setEnabled(true);
    for (int k = 0; k < static_cast<int>(inputs_.size()); ++k)
        setQuietly(inputs_[static_cast<std::size_t>(k)], steps_->valueOf({Quantity::Input, 0, k, 0}));
    for (int j = 0; j < static_cast<int>(targets_.size()); ++j)
        setQuietly(targets_[static_cast<std::size_t>(j)], steps_->valueOf({Quantity::Target, 0, j, 0}));
    setQuietly(eta_, steps_->eta());

    const auto selected = selection_;
    const std::optional<std::size_t> at = selected ? steps_->eventOf(*selected) : std::nullopt;
    const bool computed = selected && (isGiven(selected->quantity) || (at && *at < position_));
    if (!computed) {
        heading_->setText(position_ == 0
                              ? tr("Press → or click the highlighted neuron to start the forward pass.")
                              : tr("Click a computed number on the diagram to see where it came from."));
        where_->setText(tr("Step %1 of %2").arg(position_).arg(steps_->size()));
        for (QLabel* l : {symbolic_, substituted_, value_, uses_}) l->clear();
    } else {
        shown_ = *selected;
        // The event's own value: the batch value (L, ∂L/∂W, …) or sample 1's.
        shownValue_ = at ? steps_->events()[*at].value : steps_->valueOf(*selected);
        heading_->setText(describe(*selected));
        value_->setText(QStringLiteral("%1 = %2").arg(QString::fromStdString(symbol(*selected, Notation::Unicode)),
                                                     fullValue(shownValue_)));
        if (at) {
            const StepEvent& e = steps_->events()[*at];
            where_->setText(tr("%1 · step %2 of %3").arg(phaseName(e.phase)).arg(*at + 1).arg(steps_->size()));
            symbolic_->setText(QString::fromStdString(e.html.symbolic));
            QStringList lines;
            const bool perSample = e.samples.size() > 1 && e.id.quantity != Quantity::Loss;
            for (std::size_t s = 0; s < e.html.substituted.size(); ++s)
                lines << (perSample ? tr("sample %1: ").arg(s + 1) : QString()) +
                             QString::fromStdString(e.html.substituted[s]);
            substituted_->setText(lines.join(QStringLiteral("<br>")));
            QStringList used;
            for (const ValueId& u : e.uses)
                used << QStringLiteral("%1 = %2").arg(html(u),
                                                      QString::fromStdString(formatNumber(
                                                          steps_->valueOf(u), Notation::Html, 4)));
            uses_->setText(tr("<b>Uses</b> (ringed in red on the diagram): %1")
                               .arg(used.join(QStringLiteral(", &nbsp;"))));
        } else {
            where_->setText(tr("Given value"));
            symbolic_->setText(html(*selected));
            substituted_->setText(QStringLiteral("= ") +
                                  QString::fromStdString(formatNumber(shownValue_, Notation::Html, 6)));
            uses_->clear();
        }
    }

    // The weight and bias boxes edit the selected edge or neuron.
    if (selected && selected->layer >= 1) {
        switch (selected->quantity) {
            case Quantity::Weight:
            case Quantity::WeightGrad:
            case Quantity::NewWeight:
                editedWeight_ = ValueId{Quantity::Weight, selected->layer, selected->unit, selected->input};
                break;
            case Quantity::Z:
            case Quantity::A:
            case Quantity::Delta:
            case Quantity::Bias:
            case Quantity::BiasGrad:
            case Quantity::NewBias:
                editedBias_ = ValueId{Quantity::Bias, selected->layer, selected->unit, 0};
                break;
            default: break;
        }
    }
    weight_->setEnabled(editedWeight_.has_value());
    bias_->setEnabled(editedBias_.has_value());
    if (editedWeight_) setQuietly(weight_, steps_->valueOf(*editedWeight_));
    if (editedBias_) setQuietly(bias_, steps_->valueOf(*editedBias_));
    retranslate();
}

void StepInspector::retranslate() {
    editors_->setTitle(tr("Change a number — the whole step recomputes (Ctrl+Z undoes)"));
    const bool batch = steps_ && steps_->batchSize() > 1;
    for (std::size_t k = 0; k < inputLabels_.size(); ++k) {
        const QString name = html({Quantity::Input, 0, static_cast<int>(k), 0});
        inputLabels_[k]->setText(batch ? tr("Input %1 of sample 1").arg(name) : tr("Input %1").arg(name));
    }
    for (std::size_t j = 0; j < targetLabels_.size(); ++j) {
        const QString name = html({Quantity::Target, 0, static_cast<int>(j), 0});
        targetLabels_[j]->setText(batch ? tr("Target %1 of sample 1").arg(name) : tr("Target %1").arg(name));
    }
    etaLabel_->setText(tr("Learning rate η"));
    weightLabel_->setText(editedWeight_ ? tr("Weight %1").arg(html(*editedWeight_))
                                        : tr("Weight (select an edge)"));
    biasLabel_->setText(editedBias_ ? tr("Bias %1").arg(html(*editedBias_))
                                    : tr("Bias (select a neuron)"));
}

void StepInspector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Inspector"));
        refresh();
    }
    QWidget::changeEvent(event);
}

void StepInspector::focusFirstField() {
    if (!inputs_.empty()) inputs_.front()->setFocus(Qt::TabFocusReason);
}

QString StepInspector::headingText() const { return heading_->text(); }
QString StepInspector::symbolicText() const { return plain(symbolic_->text()); }
QString StepInspector::substitutedText() const { return plain(substituted_->text()); }
QString StepInspector::valueText() const { return value_->text(); }

}  // namespace ns
