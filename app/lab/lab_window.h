#pragma once
// The training lab window: data, features, architecture and training controls on the left; the
// network drawing, the decision boundary, the loss curves and the metrics in the middle; the
// activation and loss explorers on their own tabs. Every control is an intent to the LabModel,
// every view redraws from it.
#include "lab/lab_model.h"

#include <QMainWindow>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QMenu;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QToolBar;
class QVBoxLayout;

namespace ns {

class ActivationExplorer;
class DecisionBoundaryView;
class LabCurves;
class LabNetworkView;
class LossExplorer;
class MetricsPanel;

class LabWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit LabWindow(LabModel* model, QWidget* parent = nullptr);
    ~LabWindow() override;

    LabModel* model() const { return model_; }
    DecisionBoundaryView* boundaryView() const { return boundary_; }
    LabNetworkView* networkView() const { return network_; }
    LabCurves* curves() const { return curves_; }
    MetricsPanel* metricsPanel() const { return metrics_; }
    ActivationExplorer* activationExplorer() const { return activations_; }
    LossExplorer* lossExplorer() const { return losses_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* banner() const { return banner_; }
    QAction* playAction() const { return playAction_; }
    QAction* stepAction() const { return stepAction_; }
    QAction* resetAction() const { return resetAction_; }
    QAction* newWeightsAction() const { return newWeightsAction_; }
    QAction* compareAction() const { return compareAction_; }
    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }
    QAction* closeAction() const { return closeAction_; }
    QComboBox* datasetBox() const { return dataset_; }
    QComboBox* optimizerBox() const { return optimizer_; }
    QComboBox* lossBox() const { return loss_; }
    QDoubleSpinBox* learningRateBox() const { return learningRate_; }
    QCheckBox* featureBox(Feature f) const { return features_[static_cast<std::size_t>(f)]; }

    void refreshNow();  // apply pending model changes at once (tests, screenshots)
    void setPresenterScale(double scale);  // presenter mode: the plots' text grows with the rest
    // A page of the main window instead of a window: no menu bar of its own (its menus join the
    // main one, as "Lab" and "Plots"), no Close.
    void embedInShell();
    // Every plot as PNG, PDF and SVG plus its data as CSV, into `directory`.
    bool exportAllPlots(const QString& directory, QString* error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildControls(QWidget* panel);
    void buildViews();
    void rebuildLayerRows();
    void retranslate();
    void retranslateUndo();
    void onModelChanged(LabModel::Changes changes);
    void syncControls();
    void updateStatus();
    void updateRuns();
    void openLab();
    void saveLab();
    void importCsv();
    void exportPlotsDialog();

    LabModel* model_;
    QTabWidget* tabs_ = nullptr;
    QLabel* banner_ = nullptr;
    LabNetworkView* network_ = nullptr;
    DecisionBoundaryView* boundary_ = nullptr;
    QLabel* boundaryCaption_ = nullptr;
    LabCurves* curves_ = nullptr;
    MetricsPanel* metrics_ = nullptr;
    ActivationExplorer* activations_ = nullptr;
    LossExplorer* losses_ = nullptr;
    QToolBar* toolBar_ = nullptr;
    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* newWeightsAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* compareAction_ = nullptr;
    QAction* clearRunsAction_ = nullptr;
    QAction* discretizeAction_ = nullptr;
    QAction* regenerateAction_ = nullptr;
    QAction* closeAction_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QComboBox* speed_ = nullptr;
    // Data
    QGroupBox* dataGroup_ = nullptr;
    QFormLayout* dataForm_ = nullptr;
    QComboBox* dataset_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QSlider* noise_ = nullptr;
    QLabel* noiseValue_ = nullptr;
    QSpinBox* testPercent_ = nullptr;
    QPushButton* regenerate_ = nullptr;
    QPushButton* import_ = nullptr;
    QComboBox* currentClass_ = nullptr;
    QLabel* taskLabel_ = nullptr;
    // Features
    QGroupBox* featureGroup_ = nullptr;
    std::vector<QCheckBox*> features_;
    // Network
    QGroupBox* networkGroup_ = nullptr;
    QLabel* layersLabel_ = nullptr;
    QPushButton* addLayer_ = nullptr;
    QPushButton* removeLayer_ = nullptr;
    QVBoxLayout* layerRows_ = nullptr;
    QLabel* outputLabel_ = nullptr;
    struct LayerRow {
        QWidget* row;
        QLabel* title;
        QPushButton* minus;
        QLabel* units;
        QPushButton* plus;
        QComboBox* activation;
        QCheckBox* batchNorm;
    };
    std::vector<LayerRow> rows_;
    // The batch's μ_B and σ²_B at the chosen normalised layer.
    QComboBox* batchNormLayer_ = nullptr;
    QLabel* batchNormStats_ = nullptr;
    void updateBatchNormStats();
    // Training
    QGroupBox* trainingGroup_ = nullptr;
    QFormLayout* trainingForm_ = nullptr;
    QComboBox* loss_ = nullptr;
    QDoubleSpinBox* gamma_ = nullptr;
    QComboBox* optimizer_ = nullptr;
    QDoubleSpinBox* learningRate_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QDoubleSpinBox* beta_ = nullptr;
    QComboBox* momentumForm_ = nullptr;
    QDoubleSpinBox* beta1_ = nullptr;
    QDoubleSpinBox* beta2_ = nullptr;
    QDoubleSpinBox* epsilon_ = nullptr;
    QComboBox* schedule_ = nullptr;
    QDoubleSpinBox* etaMin_ = nullptr;
    QDoubleSpinBox* decay_ = nullptr;
    QSpinBox* stepEpochs_ = nullptr;
    QSpinBox* period_ = nullptr;
    QSpinBox* warmup_ = nullptr;
    QComboBox* penalty_ = nullptr;
    QDoubleSpinBox* lambda_ = nullptr;
    QDoubleSpinBox* dropout_ = nullptr;
    QSpinBox* patience_ = nullptr;
    QSpinBox* budget_ = nullptr;
    // Status
    QLabel* epochLabel_ = nullptr;
    QLabel* lossLabel_ = nullptr;
    QLabel* accuracyLabel_ = nullptr;
    std::size_t runsShown_ = 0;
    bool embedded_ = false;
    QWidget* controlsScroll_ = nullptr;
};

}  // namespace ns
