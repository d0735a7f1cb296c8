#pragma once
// The metrics of seed 001 §2.7 for the test (or training) split: the confusion matrix, accuracy,
// precision, recall, F1, the ROC curve with its AUC and the precision–recall curve, with a
// threshold slider that moves all of them (and the point on both curves). Multiclass: the arg-max
// confusion matrix, per-class precision, recall and F1, and the curves of one class against the
// rest. Regression: MSE, RMSE, MAE, R² and predicted against actual values.
#include "common/theme.h"

#include <vector>
#include "lab/metrics_report.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPGraph;
class QLabel;
class QSlider;
class QStackedWidget;
class QTableWidget;

namespace ns {

class ConfusionMatrixView;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget* parent = nullptr);

    void setReport(const MetricsReport& report, bool onTest, bool testAvailable, int classes);

    QSlider* thresholdSlider() const { return threshold_; }
    QComboBox* splitBox() const { return split_; }
    QComboBox* classBox() const { return class_; }
    QCustomPlot* rocPlot() const { return roc_; }
    QCustomPlot* prPlot() const { return pr_; }
    QCustomPlot* regressionPlot() const { return scatter_; }
    QString summaryText() const;  // the figures as shown, for tests
    QString rocCsv() const;
    QString prCsv() const;
    QString regressionCsv() const;
    void replotNow();

signals:
    void thresholdChanged(double threshold);
    void splitChanged(bool test);
    void positiveClassChanged(int cls);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();

    MetricsReport report_;
    bool onTest_ = true;
    bool testAvailable_ = true;
    int classes_ = 2;
    QLabel* splitLabel_;
    QComboBox* split_;
    QLabel* classLabel_;
    QComboBox* class_;
    QLabel* thresholdLabel_;
    QSlider* threshold_;
    QStackedWidget* pages_;
    ConfusionMatrixView* confusion_;
    QLabel* figures_;
    std::vector<theme::AxisTitles> titles_;  // of roc_, pr_, scatter_, in that order
    QCustomPlot* roc_;
    QCustomPlot* pr_;
    QCPGraph* rocCurve_;
    QCPGraph* rocChance_;
    QCPGraph* rocPoint_;
    QCPGraph* prCurve_;
    QCPGraph* prPoint_;
    QLabel* regressionFigures_;
    QCustomPlot* scatter_;
    QCPGraph* scatterPoints_;
    QCPGraph* scatterDiagonal_;
};

}  // namespace ns
