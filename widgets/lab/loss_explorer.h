#pragma once
// Each loss as a function of the prediction for a chosen target (seed 001 §2.6's figures):
// MSE, MAE and Huber against ŷ for a regression target, binary cross-entropy, focal loss at γ
// and MSE against ŷ ∈ (0, 1) for a class target. The curves come computed by the core.
#include "common/theme.h"

#include <vector>
#include "lab/lab_loss.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace ns {

class LossExplorer : public QWidget {
    Q_OBJECT
public:
    explicit LossExplorer(QWidget* parent = nullptr);

    void setCurves(const LossCurves& curves);

    QCustomPlot* regressionPlot() const { return regression_; }
    QCustomPlot* classificationPlot() const { return classification_; }
    QComboBox* classTargetBox() const { return classTarget_; }
    QSlider* gammaSlider() const { return gamma_; }
    QString regressionCsv() const;
    QString classificationCsv() const;
    void replotNow();

signals:
    void targetChanged(int classTarget, double regressionTarget);
    void gammaChanged(double gamma);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void emitTarget();

    LossCurves curves_;
    QLabel* regressionTargetLabel_;
    QDoubleSpinBox* regressionTarget_;
    QLabel* classTargetLabel_;
    QComboBox* classTarget_;
    QLabel* gammaLabel_;
    QSlider* gamma_;
    std::vector<theme::AxisTitles> titles_;  // of regression_, classification_
    QCustomPlot* regression_;
    QCustomPlot* classification_;
    QLabel* caption_;
};

}  // namespace ns
