#pragma once
// A ranked list of words as horizontal bars: the cosine of each to the query (or to a − b + c),
// the bar's length the cosine on a −1…1 axis, its number written beside it. A click on a row asks
// for that word (wordClicked).
#include "embedding/embedding_picture.h"

#include <QWidget>

namespace ns {

class NeighbourBars : public QWidget {
    Q_OBJECT
public:
    explicit NeighbourBars(QWidget* parent = nullptr);
    void setBars(const std::vector<EmbeddingBar>& bars);
    void setPresenterScale(double scale);
    const std::vector<EmbeddingBar>& bars() const { return bars_; }
    static QString number(double cosine) { return QString::number(cosine, 'f', 3); }
    QRectF rowRect(int row) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void wordClicked(const QString& word);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    double rowHeight() const { return 30 * scale_; }
    std::vector<EmbeddingBar> bars_;
    double scale_ = 1.0;
};

}  // namespace ns
