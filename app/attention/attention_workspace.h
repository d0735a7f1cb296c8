#pragma once
// The attention workspace: a toolbar (the sentence, built in or typed; the mask; the temperature
// τ; the layer and head; undo, redo, reset) and four panels — the stages of eq. 80 for one head
// (Q Kᵀ → ÷√d_k → mask → softmax → ·V) as a heatmap with the clicked cell's formula, numbers
// substituted; every head of the layer as a grid; the lines-between-tokens view beside the
// weights; and the positional encoding (the PE matrix, its sin/cos curves, PE PEᵀ).
// It draws what an AttentionModel holds and sends the user's intents to it.
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <array>

class QBoxLayout;
class QButtonGroup;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace ns {

class AttentionLines;
class AttentionModel;
class MatrixHeatmap;

class AttentionWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit AttentionWorkspace(AttentionModel* model, QWidget* parent = nullptr);  // model not owned
    void setPresenterScale(double scale);

    QTabWidget* panels() const { return tabs_; }
    MatrixHeatmap* stageMap() const { return stageMap_; }
    MatrixHeatmap* headMap(int head) const { return heads_[static_cast<std::size_t>(head)]; }
    MatrixHeatmap* linesMatrix() const { return linesMatrix_; }
    AttentionLines* lines() const { return lines_; }
    MatrixHeatmap* peMap() const { return peMap_; }
    MatrixHeatmap* dotMap() const { return dotMap_; }
    QCustomPlot* peCurves() const { return curves_; }
    QLabel* formula() const { return formula_; }
    QLabel* saturation() const { return saturation_; }
    QCustomPlot* saturationPlot() const { return saturationPlot_; }
    int selectedColumn() const { return column_; }
    void selectCell(int row, int col);  // what a click on the stage map does

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void refresh();
    void refreshFormula();
    QString stageTitle(const QString& stage) const;

    AttentionModel* model_;
    QLabel *sentenceLabel_, *maskLabel_, *temperatureLabel_, *temperatureValue_, *layerLabel_, *headLabel_;
    QComboBox *example_, *mask_;
    QLineEdit* text_;
    QSlider* temperature_;
    QSpinBox *layer_, *head_;
    QPushButton *undo_, *redo_, *reset_;
    QTabWidget* tabs_;
    QBoxLayout *stagesBody_ = nullptr, *linesBody_ = nullptr;
    // Stages.
    QButtonGroup* stageButtons_;
    std::array<QPushButton*, 5> stageButton_{};
    MatrixHeatmap* stageMap_;
    QLabel *formulaTitle_, *formula_, *saturation_, *notice_;
    QCustomPlot* saturationPlot_;
    theme::AxisTitles saturationTitles_;
    // Heads.
    std::array<MatrixHeatmap*, 4> heads_{};
    QLabel* headsNote_;
    // Lines.
    AttentionLines* lines_;
    MatrixHeatmap* linesMatrix_;
    QLabel* linesNote_;
    // Positions.
    MatrixHeatmap *peMap_, *dotMap_;
    QCustomPlot* curves_;
    QLabel* positionsNote_;
    theme::AxisTitles curveTitles_;
    int column_ = -1;  // the clicked cell's column (−1: the row's largest weight)
    double scale_ = 1.0;
};

// The workspace entry: the model and view made on first use, presenter mode passed on.
class AttentionWorkspaceEntry : public ModelWorkspace<AttentionModel, AttentionWorkspace> {
public:
    AttentionWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
