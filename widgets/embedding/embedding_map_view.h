#pragma once
// The embedding map: every word at its 2-D PCA coordinates, coloured by its group, labelled where
// a label fits without covering another; the query word ringed and joined to its nearest
// neighbours; the analogy's arrows. Hovering a word shows it and its cosine to the query; a click
// asks for that word as the query (wordClicked).
#include "embedding/embedding_picture.h"

#include <QRectF>
#include <QWidget>

namespace ns {

class EmbeddingMapView : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingMapView(QWidget* parent = nullptr);
    void setPicture(const EmbeddingMapPicture& picture);
    void setPresenterScale(double scale);
    const EmbeddingMapPicture& picture() const { return picture_; }

    QPointF toWidget(QPointF pca) const;   // where a PCA point is drawn
    int wordAt(QPointF position) const;    // the word drawn there, −1 if none
    QString hoverText(int word) const;     // the hover text of a word
    int hovered() const { return hovered_; }
    // The labels drawn (word index and rectangle), after the last layout.
    const std::vector<int>& labelledWords() const { return labelled_; }
    const std::vector<QRectF>& labelRects() const { return labelRects_; }

    QSize sizeHint() const override { return {720, 520}; }
    QSize minimumSizeHint() const override { return {320, 240}; }

signals:
    void wordClicked(const QString& word);

protected:
    bool event(QEvent* event) override;  // tool tips: the word under the mouse, else the view's own
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void layoutLabels();
    QRectF plotArea() const;
    bool emphasised(int word) const;

    EmbeddingMapPicture picture_;
    double scale_ = 1.0;
    int hovered_ = -1;
    QRectF bounds_;  // of the PCA points
    std::vector<int> labelled_;
    std::vector<QRectF> labelRects_;
};

}  // namespace ns
