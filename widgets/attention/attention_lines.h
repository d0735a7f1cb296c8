#pragma once
// The lines-between-tokens view (as BertViz draws it): the tokens twice, the queries at the left
// and the keys at the right, and a line from query i to key j as strong as α_ij. With a token
// selected only its lines are drawn, so a student sees where that token attends. A click on a
// token at the left selects it (tokenClicked, from 0; the same token again: −1).
#include <QStringList>
#include <QWidget>

#include <vector>

namespace ns {

class AttentionLines : public QWidget {
    Q_OBJECT
public:
    explicit AttentionLines(QWidget* parent = nullptr);
    // weights: n × n row-major, rows the queries.
    void setWeights(const QStringList& tokens, std::vector<double> weights, const QColor& color);
    void setSelected(int token);  // −1: every token's lines
    void setPresenterScale(double scale);

    int selected() const { return selected_; }
    // The lines drawn, as (query, key, weight), in drawing order (for tests).
    struct Line {
        int query, key;
        double weight;
    };
    std::vector<Line> lines() const;
    QPointF queryAnchor(int i) const;

    QSize sizeHint() const override { return {420, 520}; }
    QSize minimumSizeHint() const override { return {240, 240}; }

signals:
    void tokenClicked(int token);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    double rowHeight() const;
    double top() const;

    QStringList tokens_;
    std::vector<double> weights_;
    QColor color_;
    int selected_ = -1;
    double scale_ = 1.0;
};

}  // namespace ns
