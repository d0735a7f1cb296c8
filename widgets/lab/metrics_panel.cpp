#include "lab/metrics_panel.h"

#include "lab/lab_style.h"
#include "common/plot_export.h"
#include "common/theme.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

QString figure(double v, int decimals = 3) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("—");
}

}  // namespace

// The confusion matrix as a grid of counts, each cell shaded by its share of its row.
class ConfusionMatrixView : public QWidget {
public:
    explicit ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
        setMinimumSize(250, 190);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    }
    // counts(r, c): actual r, predicted c. Binary: rows/columns are positive then negative.
    void set(const Eigen::MatrixXi& counts, const QStringList& rowNames, const QStringList& columnNames,
             const QStringList& cellNames) {
        counts_ = counts;
        rows_ = rowNames;
        columns_ = columnNames;
        cells_ = cellNames;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), theme::background());
        const int n = static_cast<int>(counts_.rows());
        if (n == 0) return;
        const QFont small = theme::uiFont(10.5), big = theme::uiFont(n > 4 ? 11 : 14);
        const int left = 86, top = 40;
        const double w = std::max(10.0, (width() - left - 6.0) / n), h = std::max(10.0, (height() - top - 6.0) / n);
        p.setFont(small);
        p.setPen(theme::mutedInk());
        p.drawText(QRectF(left, 0, w * n, 18), Qt::AlignCenter, QCoreApplication::translate("ns::MetricsPanel", "predicted"));
        for (int c = 0; c < n; ++c)
            p.drawText(QRectF(left + c * w, 18, w, top - 18), Qt::AlignCenter, columns_.value(c));
        for (int r = 0; r < n; ++r) {
            p.setPen(theme::mutedInk());
            p.setFont(small);
            p.drawText(QRectF(0, top + r * h, left - 6, h), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, rows_.value(r));
            const double rowTotal = std::max(1, counts_.row(r).sum());
            for (int c = 0; c < n; ++c) {
                const QRectF cell(left + c * w, top + r * h, w - 2, h - 2);
                const double share = counts_(r, c) / rowTotal;
                const QColor base = r == c ? theme::positive() : theme::negative();
                QColor fill = theme::neutral();
                auto mix = [share](int a, int b) { return static_cast<int>(a + (b - a) * share * 0.85); };
                fill = QColor(mix(fill.red(), base.red()), mix(fill.green(), base.green()), mix(fill.blue(), base.blue()));
                p.fillRect(cell, fill);
                p.setPen(share > 0.55 ? Qt::white : theme::ink());
                p.setFont(big);
                const QString label = cells_.isEmpty() ? QString::number(counts_(r, c))
                                                       : QStringLiteral("%1\n%2").arg(cells_.value(r * n + c)).arg(counts_(r, c));
                p.drawText(cell, Qt::AlignCenter, label);
            }
        }
    }

private:
    Eigen::MatrixXi counts_;
    QStringList rows_, columns_, cells_;
};

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* controls = new QHBoxLayout;
    splitLabel_ = new QLabel(this);
    split_ = new QComboBox(this);
    split_->addItems({QString(), QString()});
    classLabel_ = new QLabel(this);
    class_ = new QComboBox(this);
    thresholdLabel_ = new QLabel(this);
    thresholdLabel_->setMinimumWidth(130);
    threshold_ = new QSlider(Qt::Horizontal, this);
    threshold_->setRange(0, 100);
    threshold_->setValue(50);
    threshold_->setMinimumWidth(140);
    split_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    class_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    controls->addWidget(splitLabel_);
    controls->addWidget(split_);
    controls->addWidget(classLabel_);
    controls->addWidget(class_);
    controls->addSpacing(8);
    controls->addWidget(thresholdLabel_);
    controls->addWidget(threshold_, 1);
    controls->addStretch(0);
    layout->addLayout(controls);

    pages_ = new QStackedWidget(this);
    auto* classification = new QWidget(pages_);
    auto* grid = new QGridLayout(classification);
    grid->setContentsMargins(0, 0, 0, 0);
    confusion_ = new ConfusionMatrixView(classification);
    figures_ = new QLabel(classification);
    figures_->setFont(theme::uiFont(12.5));
    figures_->setTextFormat(Qt::RichText);
    figures_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    figures_->setMinimumWidth(190);
    auto makePlot = [&](QWidget* parentWidget) {
        auto* plot = new QCustomPlot(parentWidget);
        labstyle::stylePlot(plot);
        plot->setMinimumSize(220, 200);
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1.02);
        titles_.push_back(theme::addAxisTitles(plot));  // the y title upright above the plot
        return plot;
    };
    roc_ = makePlot(classification);
    rocChance_ = roc_->addGraph();
    rocChance_->setPen(QPen(theme::mutedInk(), 1, Qt::DotLine));
    rocChance_->setData({0, 1}, {0, 1});
    rocCurve_ = roc_->addGraph();
    rocCurve_->setPen(QPen(theme::positive(), 2.5));
    rocPoint_ = roc_->addGraph();
    rocPoint_->setLineStyle(QCPGraph::lsNone);
    rocPoint_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(theme::highlightUsed(), 2), QBrush(theme::highlightNext()), 13));
    pr_ = makePlot(classification);
    prCurve_ = pr_->addGraph();
    prCurve_->setPen(QPen(theme::negative(), 2.5));
    prCurve_->setLineStyle(QCPGraph::lsStepLeft);
    prPoint_ = pr_->addGraph();
    prPoint_->setLineStyle(QCPGraph::lsNone);
    prPoint_->setScatterStyle(rocPoint_->scatterStyle());
    grid->addWidget(confusion_, 0, 0);
    grid->addWidget(figures_, 0, 1);
    grid->addWidget(roc_, 1, 0);
    grid->addWidget(pr_, 1, 1);
    grid->setRowStretch(1, 1);
    pages_->addWidget(classification);

    auto* regression = new QWidget(pages_);
    auto* regressionLayout = new QHBoxLayout(regression);
    regressionLayout->setContentsMargins(0, 0, 0, 0);
    regressionFigures_ = new QLabel(regression);
    regressionFigures_->setFont(theme::uiFont(13));
    regressionFigures_->setTextFormat(Qt::RichText);
    regressionFigures_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    regressionFigures_->setMinimumWidth(200);
    scatter_ = makePlot(regression);
    scatterDiagonal_ = scatter_->addGraph();
    scatterDiagonal_->setPen(QPen(theme::mutedInk(), 1, Qt::DashLine));
    scatterPoints_ = scatter_->addGraph();
    scatterPoints_->setLineStyle(QCPGraph::lsNone);
    scatterPoints_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(theme::positive(), 1.5), QBrush(Qt::white), 7));
    regressionLayout->addWidget(regressionFigures_);
    regressionLayout->addWidget(scatter_, 1);
    pages_->addWidget(regression);
    layout->addWidget(pages_, 1);

    connect(threshold_, &QSlider::valueChanged, this, [this](int v) { emit thresholdChanged(v / 100.0); });
    connect(split_, &QComboBox::currentIndexChanged, this, [this](int i) { emit splitChanged(i == 0); });
    connect(class_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0) emit positiveClassChanged(i);
    });
    installExport(roc_, QStringLiteral("roc"), [this] { return rocCsv(); });
    installExport(pr_, QStringLiteral("precision-recall"), [this] { return prCsv(); });
    installExport(scatter_, QStringLiteral("predicted-vs-actual"), [this] { return regressionCsv(); });
    retranslate();
}

void MetricsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void MetricsPanel::retranslate() {
    splitLabel_->setText(tr("Split"));
    split_->setItemText(0, tr("Test"));
    split_->setItemText(1, tr("Training"));
    split_->setToolTip(tr("Which points the metrics are computed on"));
    classLabel_->setText(tr("Class"));
    class_->setToolTip(tr("The class the ROC and precision–recall curves treat as positive"));
    threshold_->setToolTip(tr("Predict the positive class when its probability is above this threshold "
                              "(seed 001 §2.7); moves every metric and the point on both curves"));
    roc_->xAxis->setLabel(tr("FPR (false positives)"));
    titles_[0].setTexts(tr("TPR (recall)"), QString());
    pr_->xAxis->setLabel(tr("Recall"));
    titles_[1].setTexts(tr("Precision"), QString());
    scatter_->xAxis->setLabel(tr("Actual y"));
    titles_[2].setTexts(tr("Predicted ŷ"), QString());
    refresh();
}

void MetricsPanel::setReport(const MetricsReport& report, bool onTest, bool testAvailable, int classes) {
    report_ = report;
    onTest_ = onTest;
    testAvailable_ = testAvailable;
    if (classes != classes_ || class_->count() != std::max(0, classes)) {
        const QSignalBlocker block(class_);
        class_->clear();
        for (int c = 0; c < classes; ++c) class_->addItem(tr("class %1").arg(c + 1));
    }
    classes_ = classes;
    refresh();
}

void MetricsPanel::refresh() {
    {
        const QSignalBlocker a(split_), b(class_), c(threshold_);
        split_->setCurrentIndex(onTest_ ? 0 : 1);
        split_->setEnabled(testAvailable_);
        if (report_.task == TaskKind::Multiclass) class_->setCurrentIndex(report_.positiveClass);
        threshold_->setValue(static_cast<int>(std::lround(report_.threshold * 100)));
    }
    const bool regression = report_.task == TaskKind::Regression;
    const bool multiclass = report_.task == TaskKind::Multiclass;
    classLabel_->setVisible(multiclass);
    class_->setVisible(multiclass);
    thresholdLabel_->setVisible(!regression);
    threshold_->setVisible(!regression);
    thresholdLabel_->setText(tr("Threshold %1").arg(report_.threshold, 0, 'f', 2));
    pages_->setCurrentIndex(regression ? 1 : 0);
    if (!report_.valid) {
        figures_->setText(tr("No points in this split"));
        regressionFigures_->setText(tr("No points in this split"));
        return;
    }
    if (regression) {
        const RegressionMetrics& r = report_.regression;
        regressionFigures_->setText(
            tr("<table cellspacing=6><tr><td>MSE</td><td align=right><b>%1</b></td></tr>"
               "<tr><td>RMSE</td><td align=right><b>%2</b></td></tr>"
               "<tr><td>MAE</td><td align=right><b>%3</b></td></tr>"
               "<tr><td>R²</td><td align=right><b>%4</b></td></tr>"
               "<tr><td colspan=2>%5 points</td></tr></table>")
                .arg(figure(r.mse, 4), figure(r.rmse, 4), figure(r.mae, 4), figure(r.r2, 4))
                .arg(report_.samples));
        QVector<double> x(report_.actual.begin(), report_.actual.end()), y(report_.predicted.begin(), report_.predicted.end());
        scatterPoints_->setData(x, y, true);
        double low = -1, high = 1;
        for (double v : report_.actual) low = std::min(low, v), high = std::max(high, v);
        for (double v : report_.predicted) low = std::min(low, v), high = std::max(high, v);
        scatterDiagonal_->setData({low, high}, {low, high});
        scatter_->xAxis->setRange(low, high);
        scatter_->yAxis->setRange(low, high);
        scatter_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const BinaryConfusion& b = report_.binary;
    const QString positive = multiclass ? tr("class %1").arg(report_.positiveClass + 1) : tr("class 2");
    if (multiclass) {
        QStringList names;
        for (int c = 0; c < classes_; ++c) names << tr("class %1").arg(c + 1);
        confusion_->set(report_.confusion, names, names, {});
    } else {
        Eigen::MatrixXi m(2, 2);
        m << b.tp, b.fn, b.fp, b.tn;
        confusion_->set(m, {tr("actual +"), tr("actual −")}, {tr("predicted +"), tr("predicted −")},
                        {QStringLiteral("TP"), QStringLiteral("FN"), QStringLiteral("FP"), QStringLiteral("TN")});
    }
    QString text = tr("<table cellspacing=4>"
                      "<tr><td>Accuracy</td><td align=right><b>%1</b></td></tr>"
                      "<tr><td>Precision</td><td align=right><b>%2</b></td></tr>"
                      "<tr><td>Recall (TPR)</td><td align=right><b>%3</b></td></tr>"
                      "<tr><td>F1</td><td align=right><b>%4</b></td></tr>"
                      "<tr><td>FPR</td><td align=right><b>%5</b></td></tr>"
                      "<tr><td>AUC</td><td align=right><b>%6</b></td></tr></table>")
                       .arg(figure(multiclass ? report_.multiclassAccuracy : report_.accuracy), figure(report_.precision),
                            figure(report_.recall), figure(report_.f1), figure(report_.falsePositiveRate),
                            figure(report_.auc));
    text += tr("<p>Positive: %1 · %2 points</p>").arg(positive).arg(report_.samples);
    if (multiclass) text += tr("<p>Precision, recall, F1 and the curves: %1 against the rest</p>").arg(positive);
    figures_->setText(text);
    QVector<double> rx, ry, px, py;
    for (const CurvePoint& p : report_.roc) rx << p.x, ry << p.y;
    for (const CurvePoint& p : report_.pr) px << p.x, py << p.y;
    rocCurve_->setData(rx, ry, true);
    prCurve_->setData(px, py, true);
    rocCurve_->setName(tr("AUC = %1").arg(figure(report_.auc)));
    rocPoint_->setData({report_.falsePositiveRate}, {report_.recall});
    prPoint_->setData({report_.recall}, {report_.precision});
    roc_->replot(QCustomPlot::rpQueuedReplot);
    pr_->replot(QCustomPlot::rpQueuedReplot);
}

QString MetricsPanel::summaryText() const {
    return report_.task == TaskKind::Regression ? regressionFigures_->text() : figures_->text();
}

QString MetricsPanel::rocCsv() const {
    std::vector<double> fpr, tpr, threshold;
    for (const CurvePoint& p : report_.roc) fpr.push_back(p.x), tpr.push_back(p.y), threshold.push_back(p.threshold);
    return csvOfColumns({QStringLiteral("fpr"), QStringLiteral("tpr"), QStringLiteral("threshold")}, {fpr, tpr, threshold});
}

QString MetricsPanel::prCsv() const {
    std::vector<double> recall, precision, threshold;
    for (const CurvePoint& p : report_.pr) recall.push_back(p.x), precision.push_back(p.y), threshold.push_back(p.threshold);
    return csvOfColumns({QStringLiteral("recall"), QStringLiteral("precision"), QStringLiteral("threshold")},
                        {recall, precision, threshold});
}

QString MetricsPanel::regressionCsv() const {
    return csvOfColumns({QStringLiteral("actual"), QStringLiteral("predicted")}, {report_.actual, report_.predicted});
}

void MetricsPanel::replotNow() {
    for (QCustomPlot* p : {roc_, pr_, scatter_}) p->replot(QCustomPlot::rpImmediateRefresh);
}

}  // namespace ns
