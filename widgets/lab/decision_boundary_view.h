#pragma once
// The decision boundary (classification) or regression surface as a heatmap (QCPColorMap) of the
// network's output over the plane, with the training points filled and the test points hollow.
// Binary: p from orange (0) through white to blue (1); multiclass: each class's colour, paler
// where the network is less sure; regression: the value, orange negative to blue positive.
// "Discretize" shows only the decision (p above the threshold, the arg-max class, the sign).
// Clicks are intents: add a point (Shift: of the other class) or remove one (Ctrl).
#include "lab/grid.h"
#include "lab/lab_data.h"

#include <QWidget>
#include <qcustomplot.h>

class QCustomPlot;
class QCPColorMap;
class QCPGraph;

namespace ns {

class DecisionBoundaryView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionBoundaryView(QWidget* parent = nullptr);

    // valueScale: regression values ±valueScale get the strongest colours.
    void setSurface(const GridEvaluation& grid, TaskKind task, int classes, bool discretize,
                    double threshold, double valueScale);
    void setPoints(const LabData& data, double valueScale);
    void setAxisTitles(const QString& x, const QString& y);

    QCustomPlot* plot() const { return plot_; }
    QCPColorMap* colorMap() const { return map_; }
    int pointGraphCount() const;  // graphs holding points (for tests)
    QString csv() const;          // x₁, x₂, the value drawn at every grid cell
    long framesPainted() const { return framesPainted_; }  // paint events of the plot so far
    void replotNow();

    // Presenter mode: fonts, axis pens and point sizes × scale (1 = normal; clamped to [0.5, 4]).
    void setPresenterScale(double scale);
    double presenterScale() const { return presenterScale_; }

signals:
    void pointClicked(double x, double y, bool other, bool remove, double tolerance);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitAxes();
    void retranslate();
    void showValueAt(QPoint pos);

    QCustomPlot* plot_;
    QCPColorMap* map_;
    TaskKind task_ = TaskKind::Binary;
    int classes_ = 2;
    double scale_ = 1;
    QCPRange xRange_{-6, 6}, yRange_{-6, 6};
    TaskKind drawnTask_ = TaskKind::Regression;  // what the last full replot showed
    int drawnClasses_ = -1;
    bool drawnDiscretize_ = false;
    double drawnScale_ = -1;
    long framesPainted_ = 0;
    double presenterScale_ = 1.0;
    QString xTitle_, yTitle_;
};

}  // namespace ns
