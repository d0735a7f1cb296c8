#pragma once
// The lessons' function plots: activation functions σ(z) (or losses ℓ(ŷ, y)) as solid curves,
// their derivatives dashed, and a probe — a vertical line the student drags — with every
// curve's value and slope at the probe read out below. Curves and readouts come computed from
// the core (function_curves.h); this widget draws them and reports the probe and the choices.
#include "lessons/function_curves.h"
#include "lessons/lesson.h"
#include "common/theme.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPItemStraightLine;
class QLabel;

namespace ns {

class FunctionPlotView : public QWidget {
    Q_OBJECT
public:
    struct Readout {
        std::string name;
        double value = 0;
        double slope = 0;
    };

    explicit FunctionPlotView(QWidget* parent = nullptr);

    // offered: every function of the plot's family, shown or not; derivative: slopes drawn.
    void setPlot(const lessons::FunctionPlot& plot, const std::vector<std::string>& offered, bool derivative);
    void setProbe(double x, const std::vector<Readout>& readout);
    double probe() const { return probe_; }
    QWidget* control(lessons::Control c) const;
    QCustomPlot* plot() const { return plot_; }
    QString readoutText() const;
    void setScale(double scale);
    void replotNow();

    static QString displayName(const std::string& function);

signals:
    void probeMoved(double x);
    void functionToggled(const QString& name, bool shown);
    void derivativeToggled(bool shown);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void rebuildChoices(const std::vector<std::string>& offered);

    lessons::FunctionPlot data_;
    std::vector<std::string> offered_;
    bool derivative_ = false;
    double probe_ = 0;
    double scale_ = 1;
    QWidget* choices_;
    std::vector<QCheckBox*> boxes_;
    QCheckBox* derivativeBox_;
    QCustomPlot* plot_;
    theme::AxisTitles axisTitles_;
    QCPItemStraightLine* probeLine_;
    QLabel* readout_;
    QLabel* hint_;
};

}  // namespace ns
