#pragma once
// The ViT workspace: a toolbar (images, patch size, test image, head, mask ratio, play, step,
// reset), three panels chosen by tabs — the image cut into numbered patches, the class token's
// attention drawn over the image (the chosen head large, every head small), MAE's masked patches —
// the token strip ([CLS] and the patches in order), and the live loss and accuracy curves.
#include "common/step_history_feed.h"
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabBar;

namespace ns {

class PatchImageView;
class TokenStrip;
class VitModel;

class VitWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit VitWorkspace(VitModel* model, QWidget* parent = nullptr);
    void setPresenterScale(double scale);

    QTabBar* panels() const { return tabs_; }
    PatchImageView* image() const { return image_; }
    const std::vector<PatchImageView*>& headViews() const { return headViews_; }
    TokenStrip* tokens() const { return strip_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* predictionLabel() const { return prediction_; }
    QCustomPlot* curves() const { return curves_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();

    VitModel* model_;
    QLabel *datasetLabel_, *patchLabel_, *imageLabel_, *headLabel_, *maskLabel_;
    QComboBox *dataset_, *patch_;
    QSpinBox *imageIndex_, *head_;
    QDoubleSpinBox* mask_;
    QPushButton *play_, *step_, *reset_;
    QTabBar* tabs_;
    PatchImageView* image_;
    std::vector<PatchImageView*> headViews_;
    QWidget* headsRow_;
    TokenStrip* strip_;
    QLabel *stripTitle_, *explain_, *status_, *prediction_, *error_;
    QCustomPlot* curves_;
    QCPGraph *lossGraph_, *accuracyGraph_;
    theme::AxisTitles titles_;
    std::unique_ptr<StepHistoryFeed> feed_;
    double scale_ = 1.0;
};

class VitWorkspaceEntry : public ModelWorkspace<VitModel, VitWorkspace> {
public:
    VitWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
