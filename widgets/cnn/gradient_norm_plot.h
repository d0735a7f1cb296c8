#pragma once
// The residual experiment's gradient picture: ‖∂L/∂W‖ per weight layer (x = layer, 1 on the
// input side) on a log₁₀ axis, one line per network variant, so the vanishing gradient of the
// plain sigmoid net shows as a line falling by orders of magnitude towards the input. The
// variants' colours, line styles and names are shared with the other residual views.
#include "common/theme.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace ns {

class GradientNormPlot : public QWidget {
    Q_OBJECT
public:
    static constexpr int kVariants = 4;  // plain, plain + BatchNorm, residual, residual + BatchNorm

    explicit GradientNormPlot(QWidget* parent = nullptr);

    // Norms of one variant, input side first; non-positive or non-finite values are not drawn.
    void setNorms(int variant, const std::vector<double>& norms);
    void clear();
    // Replots (queued) after a round of setNorms.
    void refresh();

    // Projector-readable fonts and the theme's ink on both axes (the residual workspace's loss plot too).
    static void styleAxes(QCustomPlot* plot);
    static QColor variantColor(int variant);
    static Qt::PenStyle variantPenStyle(int variant);
    static QString variantName(int variant);  // translated

    QCustomPlot* plot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rescale();

    QCustomPlot* plot_;
    std::vector<QCPGraph*> graphs_;
    theme::AxisTitles titles_;
    std::vector<std::vector<double>> norms_;
};

}  // namespace ns
