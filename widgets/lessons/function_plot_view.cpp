#include "lessons/function_plot_view.h"

#include "common/theme.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace ns {

namespace {

// Okabe–Ito: distinguishable with every common colour-vision deficiency, and on a projector.
const QColor kColors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                          QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                          QColor(0x00, 0x00, 0x00)};

QString formatted(double v) {
    QString s = std::abs(v) >= 1e4 || (v != 0 && std::abs(v) < 1e-3) ? QString::number(v, 'e', 3)
                                                                    : QString::number(v, 'f', 4);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

}  // namespace

QString FunctionPlotView::displayName(const std::string& function) {
    // The others are names in both languages; the identity is a word (looked up each time: the
    // language may change).
    if (function == "identity") return tr("identity");
    static const std::map<std::string, QString> names{
        {"sigmoid", QStringLiteral("sigmoid")},
        {"tanh", QStringLiteral("tanh")},         {"relu", QStringLiteral("ReLU")},
        {"leaky_relu", QStringLiteral("Leaky ReLU")}, {"elu", QStringLiteral("ELU")},
        {"gelu", QStringLiteral("GELU")},         {"mse", QStringLiteral("MSE")},
        {"mae", QStringLiteral("MAE")},           {"huber", QStringLiteral("Huber")},
        {"bce", QStringLiteral("BCE")},           {"focal", QStringLiteral("focal (γ = 2)")}};
    const auto it = names.find(function);
    return it == names.end() ? QString::fromStdString(function) : it->second;
}

FunctionPlotView::FunctionPlotView(QWidget* parent) : QWidget(parent) {
    choices_ = new QWidget;
    new QHBoxLayout(choices_);
    choices_->layout()->setContentsMargins(0, 0, 0, 0);
    derivativeBox_ = new QCheckBox;
    connect(derivativeBox_, &QCheckBox::toggled, this, &FunctionPlotView::derivativeToggled);

    plot_ = new QCustomPlot;
    plot_->setMinimumSize(360, 260);
    plot_->setBackground(theme::background());
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    axisTitles_ = theme::addAxisTitles(plot_);  // upright above the plot: rotated Chinese reads sideways
    probeLine_ = new QCPItemStraightLine(plot_);
    probeLine_->setPen(QPen(theme::highlightUsed(), 2.5));
    plot_->installEventFilter(this);
    plot_->setCursor(Qt::SizeHorCursor);

    readout_ = new QLabel;
    readout_->setTextFormat(Qt::RichText);
    readout_->setWordWrap(true);
    hint_ = new QLabel;
    hint_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(choices_, 1);
    top->addWidget(derivativeBox_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(plot_, 1);
    layout->addWidget(readout_);
    layout->addWidget(hint_);
    setScale(1);
    retranslate();
}

QWidget* FunctionPlotView::control(lessons::Control c) const {
    if (c == lessons::Control::FunctionChoice) return choices_;
    if (c == lessons::Control::FunctionProbe) return plot_;
    return nullptr;
}

void FunctionPlotView::rebuildChoices(const std::vector<std::string>& offered) {
    if (offered == offered_ && boxes_.size() == offered.size()) return;
    offered_ = offered;
    for (QCheckBox* box : boxes_) box->deleteLater();
    boxes_.clear();
    for (const std::string& name : offered) {
        auto* box = new QCheckBox(displayName(name));
        box->setFont(theme::uiFont(13 * scale_));
        connect(box, &QCheckBox::toggled, this,
                [this, name](bool on) { emit functionToggled(QString::fromStdString(name), on); });
        choices_->layout()->addWidget(box);
        boxes_.push_back(box);
    }
}

void FunctionPlotView::setPlot(const lessons::FunctionPlot& data, const std::vector<std::string>& offered,
                               bool derivative) {
    data_ = data;
    derivative_ = derivative;
    rebuildChoices(offered);
    for (std::size_t i = 0; i < offered_.size(); ++i) {
        const QSignalBlocker block(boxes_[i]);
        boxes_[i]->setChecked(std::any_of(data.curves.begin(), data.curves.end(),
                                          [&](const lessons::Curve& c) { return c.name == offered_[i]; }));
    }
    {
        const QSignalBlocker block(derivativeBox_);
        derivativeBox_->setChecked(derivative);
    }
    plot_->clearGraphs();
    double low = 0, high = 0;
    bool first = true;
    for (std::size_t i = 0; i < data.curves.size(); ++i) {
        const lessons::Curve& c = data.curves[i];
        const QColor color = kColors[i % std::size(kColors)];
        auto add = [&](const std::vector<double>& y, bool dashed, const QString& name) {
            QCPGraph* g = plot_->addGraph();
            g->setData(QVector<double>(c.x.begin(), c.x.end()), QVector<double>(y.begin(), y.end()), true);
            g->setPen(QPen(color, (dashed ? 2.5 : 3.5) * scale_, dashed ? Qt::DashLine : Qt::SolidLine));
            g->setName(name);
            for (double v : y) {
                if (!std::isfinite(v)) continue;
                low = first ? v : std::min(low, v);
                high = first ? v : std::max(high, v);
                first = false;
            }
        };
        add(c.value, false, displayName(c.name));
        if (derivative)
            add(c.slope, true, data.losses ? QStringLiteral("∂ℓ/∂ŷ ") + displayName(c.name)
                                           : displayName(c.name) + QStringLiteral("′"));
    }
    // Keep the plot readable: losses can be huge at the edges (cross-entropy near 0).
    if (data.losses) high = std::min(high, data.curves.empty() ? 1.0 : 5.0);
    if (first) low = -1, high = 1;
    const double pad = 0.08 * std::max(high - low, 1e-6);
    plot_->xAxis->setRange(data.xMin, data.xMax);
    plot_->yAxis->setRange(low - pad, high + pad);
    plot_->xAxis->setLabel(data.losses ? tr("prediction ŷ (target y = %1)").arg(data.target) : QStringLiteral("z"));
    plot_->yAxis->setLabel(QString());
    axisTitles_.setTexts(data.losses ? tr("loss ℓ") : tr("activation"), QString());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void FunctionPlotView::setProbe(double x, const std::vector<Readout>& readout) {
    probe_ = x;
    probeLine_->point1->setCoords(x, 0);
    probeLine_->point2->setCoords(x, 1);
    QString text = QStringLiteral("<b>%1 = %2</b>")
                       .arg(data_.losses ? QStringLiteral("ŷ") : QStringLiteral("z"), formatted(x));
    for (std::size_t i = 0; i < readout.size(); ++i) {
        const QColor color = kColors[i % std::size(kColors)];
        text += QStringLiteral(" &nbsp; <span style='color:%1'>■</span> %2: %3")
                    .arg(color.name(), displayName(readout[i].name), formatted(readout[i].value));
        if (derivative_)
            text += QStringLiteral(", %1 %2")
                        .arg(data_.losses ? QStringLiteral("∂ℓ/∂ŷ") : tr("slope"),
                             formatted(readout[i].slope));
    }
    readout_->setText(text);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString FunctionPlotView::readoutText() const { return readout_->text(); }

void FunctionPlotView::setScale(double scale) {
    scale_ = scale;
    const QFont font = theme::uiFont(13 * scale);
    for (QWidget* w : std::initializer_list<QWidget*>{derivativeBox_, readout_, hint_}) w->setFont(font);
    for (QCheckBox* b : boxes_) b->setFont(font);
    const QFont tick = theme::uiFont(12 * scale);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setTickLabelFont(tick);
        axis->setLabelFont(font);
    }
    plot_->legend->setFont(tick);
    probeLine_->setPen(QPen(theme::highlightUsed(), 2.5 * scale));
    if (!data_.curves.empty()) setPlot(data_, offered_, derivative_);
}

void FunctionPlotView::replotNow() { plot_->replot(); }

bool FunctionPlotView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseMove)) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (event->type() == QEvent::MouseButtonPress || (mouse->buttons() & Qt::LeftButton)) {
            if (isEnabled() && plot_->isEnabled())
                emit probeMoved(plot_->xAxis->pixelToCoord(mouse->position().x()));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FunctionPlotView::retranslate() {
    derivativeBox_->setText(tr("Derivative"));
    derivativeBox_->setToolTip(tr("Also draw the slope of each curve (dashed)"));
    hint_->setText(tr("Drag across the plot to move the probe (red line)."));
    if (!data_.curves.empty()) setPlot(data_, offered_, derivative_);
}

void FunctionPlotView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace ns
