#include "lab/loss_explorer.h"

#include "lab/lab_style.h"
#include "common/plot_export.h"
#include "common/theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

LossExplorer::LossExplorer(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    regressionTargetLabel_ = new QLabel(this);
    regressionTarget_ = new QDoubleSpinBox(this);
    regressionTarget_->setRange(-5, 5);
    regressionTarget_->setSingleStep(0.5);
    classTargetLabel_ = new QLabel(this);
    classTarget_ = new QComboBox(this);
    classTarget_->addItems({QStringLiteral("y = 1"), QStringLiteral("y = 0")});
    gammaLabel_ = new QLabel(this);
    gammaLabel_->setMinimumWidth(110);
    gamma_ = new QSlider(Qt::Horizontal, this);
    gamma_->setRange(0, 50);
    gamma_->setValue(20);
    gamma_->setMinimumWidth(150);
    controls->addWidget(regressionTargetLabel_);
    controls->addWidget(regressionTarget_);
    controls->addSpacing(20);
    controls->addWidget(classTargetLabel_);
    controls->addWidget(classTarget_);
    controls->addSpacing(20);
    controls->addWidget(gammaLabel_);
    controls->addWidget(gamma_);
    controls->addStretch(1);
    layout->addLayout(controls);
    auto* plots = new QHBoxLayout;
    auto makePlot = [this] {
        auto* plot = new QCustomPlot(this);
        labstyle::stylePlot(plot);
        plot->setMinimumSize(360, 320);
        plot->legend->setVisible(true);
        plot->legend->setBrush(QColor(255, 255, 255, 230));
        plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
        titles_.push_back(theme::addAxisTitles(plot));  // the y title upright above the plot
        return plot;
    };
    regression_ = makePlot();
    classification_ = makePlot();
    plots->addWidget(regression_);
    plots->addWidget(classification_);
    layout->addLayout(plots, 1);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setFont(theme::uiFont(12));
    layout->addWidget(caption_);
    connect(regressionTarget_, &QDoubleSpinBox::valueChanged, this, &LossExplorer::emitTarget);
    connect(classTarget_, &QComboBox::currentIndexChanged, this, &LossExplorer::emitTarget);
    connect(gamma_, &QSlider::valueChanged, this, [this](int v) { emit gammaChanged(v / 10.0); });
    installExport(regression_, QStringLiteral("regression-losses"), [this] { return regressionCsv(); });
    installExport(classification_, QStringLiteral("classification-losses"), [this] { return classificationCsv(); });
    retranslate();
}

void LossExplorer::emitTarget() {
    emit targetChanged(classTarget_->currentIndex() == 0 ? 1 : 0, regressionTarget_->value());
}

void LossExplorer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void LossExplorer::retranslate() {
    regressionTargetLabel_->setText(tr("Regression target y"));
    classTargetLabel_->setText(tr("Class target"));
    gamma_->setToolTip(tr("Focal loss γ: (1 − p_t)^γ shrinks the loss of points already classified well (eq. 27)"));
    regression_->xAxis->setLabel(tr("Prediction ŷ"));
    titles_[0].setTexts(tr("Loss ℓ(ŷ)"), QString());
    classification_->xAxis->setLabel(tr("Predicted probability ŷ"));
    titles_[1].setTexts(tr("Loss ℓ(ŷ)"), QString());
    caption_->setText(tr("MSE (eq. 22) punishes large errors quadratically, MAE (eq. 23) linearly, Huber (eq. 24, "
                         "δ = 1) is quadratic near the target and linear beyond. Cross-entropy (eq. 25) grows "
                         "without bound as the predicted probability of the true class goes to 0; focal loss "
                         "(eq. 27) flattens it where the prediction is already good."));
    setCurves(curves_);
}

void LossExplorer::setCurves(const LossCurves& c) {
    curves_ = c;
    {
        const QSignalBlocker a(regressionTarget_), b(classTarget_), g(gamma_);
        regressionTarget_->setValue(c.regressionTarget);
        classTarget_->setCurrentIndex(c.classTarget == 1 ? 0 : 1);
        gamma_->setValue(static_cast<int>(std::lround(c.gamma * 10)));
    }
    gammaLabel_->setText(tr("Focal γ = %1").arg(c.gamma, 0, 'f', 1));
    regression_->clearGraphs();
    const QStringList regressionNames{tr("MSE"), tr("MAE"), tr("Huber (δ = 1)")};
    double top = 1;
    for (std::size_t i = 0; i < c.regression.size(); ++i) {
        QCPGraph* g = regression_->addGraph();
        g->setPen(QPen(labstyle::seriesColor(static_cast<int>(i)), 2.6));
        g->setName(regressionNames.value(static_cast<int>(i)));
        g->setData(QVector<double>(c.residualAxis.begin(), c.residualAxis.end()),
                   QVector<double>(c.regression[i].begin(), c.regression[i].end()), true);
        for (double v : c.regression[i]) top = std::max(top, v);
    }
    if (!c.residualAxis.empty()) regression_->xAxis->setRange(c.residualAxis.front(), c.residualAxis.back());
    regression_->yAxis->setRange(0, top * 1.05);
    classification_->clearGraphs();
    const QVector<double> p(c.probabilityAxis.begin(), c.probabilityAxis.end());
    auto add = [&](const std::vector<double>& y, const QString& label, int color, Qt::PenStyle style) {
        QCPGraph* g = classification_->addGraph();
        g->setPen(QPen(labstyle::seriesColor(color), 2.6, style));
        g->setName(label);
        g->setData(p, QVector<double>(y.begin(), y.end()), true);
    };
    add(c.bce, tr("Cross-entropy"), 3, Qt::SolidLine);
    add(c.focal, tr("Focal, γ = %1").arg(c.gamma, 0, 'f', 1), 5, Qt::SolidLine);
    add(c.mseOnProbability, tr("MSE on the probability"), 0, Qt::DashLine);
    classification_->xAxis->setRange(0, 1);
    classification_->yAxis->setRange(0, 5);
    regression_->replot(QCustomPlot::rpQueuedReplot);
    classification_->replot(QCustomPlot::rpQueuedReplot);
}

QString LossExplorer::regressionCsv() const {
    std::vector<std::vector<double>> columns{curves_.residualAxis};
    for (const auto& c : curves_.regression) columns.push_back(c);
    return csvOfColumns({QStringLiteral("prediction"), QStringLiteral("mse"), QStringLiteral("mae"), QStringLiteral("huber")}, columns);
}

QString LossExplorer::classificationCsv() const {
    return csvOfColumns({QStringLiteral("probability"), QStringLiteral("bce"), QStringLiteral("focal"), QStringLiteral("mse")},
                        {curves_.probabilityAxis, curves_.bce, curves_.focal, curves_.mseOnProbability});
}

void LossExplorer::replotNow() {
    regression_->replot(QCustomPlot::rpImmediateRefresh);
    classification_->replot(QCustomPlot::rpImmediateRefresh);
}

}  // namespace ns
