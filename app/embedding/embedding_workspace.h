#pragma once
// The embeddings workspace: a toolbar (corpus, dimension, window, negatives, learning rate,
// play/pause, step, reset, undo, redo) and four panels — the 2-D PCA map of the word vectors,
// refreshed live while skip-gram trains, with the loss beside it; a word's nearest neighbours by
// cosine; the analogy a − b + c with its arrows on the map; and one-hot against dense vectors.
// It draws what an EmbeddingModel holds and sends the user's intents to it.
#include "common/step_history_feed.h"
#include "common/theme.h"
#include "shell/model_workspace.h"

#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class QCompleter;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QTabWidget;

namespace ns {

class EmbeddingMapView;
class EmbeddingModel;
class NeighbourBars;
class VectorStrip;

class EmbeddingWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingWorkspace(EmbeddingModel* model, QWidget* parent = nullptr);  // model not owned
    void setPresenterScale(double scale);

    QTabWidget* panels() const { return tabs_; }
    EmbeddingMapView* map() const { return map_; }
    EmbeddingMapView* analogyMap() const { return analogyMap_; }
    EmbeddingMapView* neighboursMap() const { return neighboursMap_; }
    NeighbourBars* neighbourBars() const { return neighbours_; }
    NeighbourBars* analogyBars() const { return answers_; }
    VectorStrip* oneHotStrip(int which) const { return oneHot_[static_cast<std::size_t>(which)]; }
    VectorStrip* denseStrip(int which) const { return dense_[static_cast<std::size_t>(which)]; }
    QLabel* comparisonLabel() const { return comparison_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* noticeLabel() const { return notice_; }
    QCustomPlot* lossPlot() const { return loss_; }
    QLineEdit* wordEdit() const { return word_; }
    QStringList groupNames() const;  // the map's legend

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void refreshControls();
    void refreshViews();
    void fitToolbar();

    EmbeddingModel* model_;
    QLabel *corpusLabel_, *dimensionLabel_, *windowLabel_, *negativesLabel_, *rateLabel_;
    QComboBox* corpus_;
    QSpinBox *dimension_, *window_, *negatives_;
    QDoubleSpinBox* rate_;
    QPushButton *play_, *step_, *reset_, *undo_, *redo_;
    QTabWidget* tabs_;
    QWidget* toolRow_ = nullptr;
    std::vector<QWidget*> toolBars_;
    // Map.
    EmbeddingMapView* map_;
    QCustomPlot* loss_;
    QCPGraph* lossGraph_ = nullptr;
    theme::AxisTitles lossTitles_;
    std::unique_ptr<StepHistoryFeed> lossFeed_;
    QLabel *mapWordLabel_, *lossFormula_, *mapNeighbours_;
    QLineEdit* mapWord_;
    // Neighbours.
    QLabel* wordLabel_;
    QLineEdit* word_;
    NeighbourBars* neighbours_;
    EmbeddingMapView* neighboursMap_;
    QLabel *neighboursTitle_, *cosineFormula_;
    // Analogy.
    std::array<QLineEdit*, 3> analogyEdit_{};
    QLabel *minus_, *plus_, *equals_;
    NeighbourBars* answers_;
    EmbeddingMapView* analogyMap_;
    QLabel *answersTitle_, *analogyNote_;
    // One-hot vs dense.
    QLabel *firstLabel_, *secondLabel_;
    QLineEdit *first_, *second_;
    std::array<VectorStrip*, 2> oneHot_{}, dense_{};
    QLabel* comparison_;
    // Everywhere.
    QStringListModel* vocabulary_;
    QLabel *status_, *notice_, *error_;
    double scale_ = 1.0;
};

// The workspace entry: the model and view made on first use, presenter mode passed on.
class EmbeddingWorkspaceEntry : public ModelWorkspace<EmbeddingModel, EmbeddingWorkspace> {
public:
    EmbeddingWorkspaceEntry();
    void setPresenterScale(double scale) override;
};

}  // namespace ns
