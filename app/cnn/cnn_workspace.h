#pragma once
// The CNN workspace: LeNet-5 training live — loss and accuracy curves, the feature maps of a
// chosen test image layer by layer (from the engine's trace), the learnt conv1 filters, the
// confusion matrix and the misclassified test images of the latest evaluation.
#include "common/theme.h"

#include <QWidget>

class QCPGraph;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ns {

class CnnModel;
class ConfusionView;
class ImageGridView;

class CnnWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit CnnWorkspace(CnnModel* model, QWidget* parent = nullptr);
    ImageGridView* featureMaps() const { return maps_; }
    ImageGridView* filters() const { return filters_; }
    ImageGridView* testImages() const { return tests_; }
    ConfusionView* confusion() const { return confusion_; }
    ImageGridView* misclassified() const { return wrong_; }
    QCustomPlot* curves() const { return plot_; }
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    void retranslate();
    void openIdx();

    CnnModel* model_;
    QComboBox *dataset_, *layer_;
    QDoubleSpinBox* eta_;
    QSpinBox* batch_;
    QPushButton *play_, *reset_, *open_;
    QCustomPlot* plot_;
    QCPGraph *loss_ = nullptr, *accuracy_ = nullptr, *testAccuracy_ = nullptr;
    ImageGridView *tests_, *maps_, *filters_, *wrong_;
    ConfusionView* confusion_;
    QLabel *status_, *mapsTitle_, *filtersTitle_, *confusionTitle_, *wrongTitle_, *testsTitle_, *error_;
    QLabel *datasetCaption_, *etaCaption_, *batchCaption_, *layerCaption_;
    theme::AxisTitles axisTitles_;
    long plottedEvaluation_ = -1;
    bool refreshing_ = false;
};

}  // namespace ns
