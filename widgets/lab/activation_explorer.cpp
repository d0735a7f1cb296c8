#include "lab/activation_explorer.h"

#include "lab/lab_style.h"
#include "common/plot_export.h"
#include "common/theme.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

QString activationName(Activation f) {
    switch (f) {
        case Activation::Identity: return QCoreApplication::translate("ns::ActivationExplorer", "Linear");
        case Activation::Sigmoid: return QCoreApplication::translate("ns::ActivationExplorer", "Sigmoid");
        case Activation::Tanh: return QCoreApplication::translate("ns::ActivationExplorer", "Tanh");
        case Activation::Relu: return QStringLiteral("ReLU");
        case Activation::LeakyRelu: return QCoreApplication::translate("ns::ActivationExplorer", "Leaky ReLU");
        case Activation::Elu: return QStringLiteral("ELU");
        case Activation::Gelu: return QStringLiteral("GELU");
        case Activation::Softmax: return QStringLiteral("Softmax");
    }
    return {};
}

QColor activationColor(Activation f) { return labstyle::seriesColor(static_cast<int>(f)); }

}  // namespace

ActivationExplorer::ActivationExplorer(const std::vector<Activation>& offered, QWidget* parent)
    : QWidget(parent), offered_(offered) {
    auto* layout = new QHBoxLayout(this);
    auto* side = new QVBoxLayout;
    for (Activation f : offered_) {
        auto* box = new QCheckBox(this);
        box->setFont(theme::uiFont(12.5));
        QPalette palette = box->palette();
        palette.setColor(QPalette::WindowText, activationColor(f).darker(110));
        box->setPalette(palette);
        connect(box, &QCheckBox::toggled, this, [this, f](bool on) { emit activationToggled(f, on); });
        boxes_.push_back(box);
        side->addWidget(box);
    }
    side->addSpacing(10);
    alphaLabel_ = new QLabel(this);
    alpha_ = new QSlider(Qt::Horizontal, this);
    alpha_->setRange(0, 200);
    alpha_->setValue(10);
    connect(alpha_, &QSlider::valueChanged, this, [this](int v) { emit alphaChanged(v / 100.0); });
    side->addWidget(alphaLabel_);
    side->addWidget(alpha_);
    side->addSpacing(10);
    depthLabel_ = new QLabel(this);
    depth_ = new QSpinBox(this);
    depth_->setRange(1, 50);
    depth_->setValue(10);
    connect(depth_, &QSpinBox::valueChanged, this, [this](int v) { emit depthChanged(v); });
    side->addWidget(depthLabel_);
    side->addWidget(depth_);
    bounds_label_ = new QLabel(this);
    bounds_label_->setWordWrap(true);
    bounds_label_->setTextFormat(Qt::RichText);
    bounds_label_->setFont(theme::uiFont(12));
    side->addWidget(bounds_label_);
    side->addStretch(1);
    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setFixedWidth(300);
    layout->addWidget(sideWidget);

    auto* right = new QVBoxLayout;
    plot_ = new QCustomPlot(this);
    labstyle::stylePlot(plot_);
    plot_->setMinimumSize(480, 360);
    titles_ = theme::addAxisTitles(plot_);  // the y title upright above the plot
    plot_->legend->setVisible(true);
    plot_->legend->setBrush(QColor(255, 255, 255, 230));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot_->xAxis->setRange(-5, 5);
    plot_->yAxis->setRange(-1.5, 3);
    peak_ = new QCPItemTracer(plot_);
    peak_->setStyle(QCPItemTracer::tsCircle);
    peak_->setSize(14);
    peak_->setPen(QPen(theme::highlightUsed(), 2.5));
    peak_->setBrush(theme::highlightNext());
    peakText_ = new QCPItemText(plot_);
    peakText_->setFont(theme::uiFont(13));
    peakText_->setColor(theme::highlightUsed());
    peakText_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setFont(theme::uiFont(12));
    right->addWidget(plot_, 1);
    right->addWidget(caption_);
    layout->addLayout(right, 1);
    installExport(plot_, QStringLiteral("activations"), [this] { return csv(); });
    retranslate();
}

QCheckBox* ActivationExplorer::checkBox(Activation f) const {
    for (std::size_t i = 0; i < offered_.size(); ++i)
        if (offered_[i] == f) return boxes_[i];
    return nullptr;
}

void ActivationExplorer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ActivationExplorer::retranslate() {
    for (std::size_t i = 0; i < offered_.size(); ++i) boxes_[i]->setText(activationName(offered_[i]));
    alphaLabel_->setText(tr("α of Leaky ReLU and ELU: %1").arg(alphaValue_, 0, 'f', 2));
    alpha_->setToolTip(tr("The textbook uses α = 0.01 for Leaky ReLU (eq. 13) and α = 1 for ELU (eq. 15)"));
    depthLabel_->setText(tr("Layers a gradient passes through"));
    caption_->setText(tr("Solid: σ(z). Dashed: σ′(z). Backpropagation multiplies a gradient by σ′ once per "
                         "layer (δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)); where σ′ is small the gradient vanishes "
                         "(seed 004 §2)."));
    plot_->xAxis->setLabel(QStringLiteral("z"));
    titles_.setTexts(tr("σ(z) and σ′(z)"), QString());
    setCurves(shown_, curves_, alphaValue_, depthValue_, bounds_);
}

void ActivationExplorer::setCurves(const std::vector<Activation>& shown, const std::vector<ActivationCurve>& curves,
                                   double alpha, int depth, const std::vector<double>& bounds) {
    shown_ = shown;
    curves_ = curves;
    bounds_ = bounds;
    alphaValue_ = alpha;
    depthValue_ = depth;
    {
        const QSignalBlocker a(alpha_), d(depth_);
        alpha_->setValue(static_cast<int>(std::lround(alpha * 100)));
        depth_->setValue(depth);
        for (std::size_t i = 0; i < offered_.size(); ++i) {
            const QSignalBlocker b(boxes_[i]);
            boxes_[i]->setChecked(std::find(shown.begin(), shown.end(), offered_[i]) != shown.end());
        }
    }
    alphaLabel_->setText(tr("α of Leaky ReLU and ELU: %1").arg(alpha, 0, 'f', 2));
    plot_->clearGraphs();
    bool sigmoidShown = false;
    QString boundLines;
    for (std::size_t i = 0; i < curves.size() && i < shown.size(); ++i) {
        const ActivationCurve& c = curves[i];
        const QVector<double> z(c.z.begin(), c.z.end());
        const QColor color = activationColor(shown[i]);
        QCPGraph* value = plot_->addGraph();
        value->setPen(QPen(color, 2.6));
        value->setData(z, QVector<double>(c.value.begin(), c.value.end()), true);
        value->setName(activationName(shown[i]));
        QCPGraph* slope = plot_->addGraph();
        slope->setPen(QPen(color, 2.2, Qt::DashLine));
        slope->setData(z, QVector<double>(c.derivative.begin(), c.derivative.end()), true);
        slope->setName(tr("%1′").arg(activationName(shown[i])));
        if (shown[i] == Activation::Sigmoid) {
            sigmoidShown = true;
            peak_->position->setCoords(c.argMaxDerivative, c.maxDerivative);
            peakText_->position->setCoords(c.argMaxDerivative + 0.25, c.maxDerivative + 0.08);
            peakText_->setText(tr("max σ′ = %1 at z = %2").arg(c.maxDerivative, 0, 'g', 3).arg(c.argMaxDerivative, 0, 'g', 3));
        }
        if (i < bounds.size())
            boundLines += tr("<br>%1: max σ′ = %2, after %3 layers ≤ <b>%4</b>")
                              .arg(activationName(shown[i]))
                              .arg(c.maxDerivative, 0, 'g', 3)
                              .arg(depth)
                              .arg(bounds[i], 0, 'g', 3);
    }
    peak_->setVisible(sigmoidShown);
    peakText_->setVisible(sigmoidShown);
    bounds_label_->setText(tr("How much of a gradient can survive %1 layers:").arg(depth) + boundLines);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString ActivationExplorer::boundsText() const { return bounds_label_->text(); }

QString ActivationExplorer::csv() const {
    QStringList header{QStringLiteral("z")};
    std::vector<std::vector<double>> columns;
    if (!curves_.empty()) columns.push_back(curves_.front().z);
    for (std::size_t i = 0; i < curves_.size() && i < shown_.size(); ++i) {
        const QString n = QString::fromLatin1(name(shown_[i]).data());
        header << n << n + QStringLiteral("_derivative");
        columns.push_back(curves_[i].value);
        columns.push_back(curves_[i].derivative);
    }
    return csvOfColumns(header, columns);
}

void ActivationExplorer::replotNow() { plot_->replot(QCustomPlot::rpImmediateRefresh); }

}  // namespace ns
