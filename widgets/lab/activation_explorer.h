#pragma once
// Each activation and its derivative on one plot (seed 001 §2.3), the sigmoid derivative's
// maximum of 0.25 marked, a slider for the α of Leaky ReLU and ELU, and the bound seed 004 §2
// derives for deep networks: a gradient passing n layers is multiplied by σ' up to n times, so
// with sigmoid it shrinks by at least 0.25ⁿ. The curves and bounds come computed by the core.
#include "common/theme.h"
#include "base/activation.h"
#include "base/activation_curves.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPItemText;
class QCPItemTracer;
class QLabel;
class QSlider;
class QSpinBox;

namespace ns {

class ActivationExplorer : public QWidget {
    Q_OBJECT
public:
    explicit ActivationExplorer(const std::vector<Activation>& offered, QWidget* parent = nullptr);

    // curves[i] belongs to shown[i]; bounds[i] = (max σ')^depth for it.
    void setCurves(const std::vector<Activation>& shown, const std::vector<ActivationCurve>& curves,
                   double alpha, int depth, const std::vector<double>& bounds);

    QCustomPlot* plot() const { return plot_; }
    QSlider* alphaSlider() const { return alpha_; }
    QCheckBox* checkBox(Activation f) const;
    QString boundsText() const;
    QString csv() const;
    void replotNow();

signals:
    void activationToggled(ns::Activation f, bool shown);
    void alphaChanged(double alpha);
    void depthChanged(int layers);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::vector<Activation> offered_;
    std::vector<QCheckBox*> boxes_;
    std::vector<Activation> shown_;
    std::vector<ActivationCurve> curves_;
    std::vector<double> bounds_;
    double alphaValue_ = 0.1;
    int depthValue_ = 10;
    QLabel* alphaLabel_;
    QSlider* alpha_;
    QLabel* depthLabel_;
    QSpinBox* depth_;
    QLabel* bounds_label_;
    QLabel* caption_;
    QCustomPlot* plot_;
    theme::AxisTitles titles_;
    QCPItemTracer* peak_;
    QCPItemText* peakText_;
};

}  // namespace ns
