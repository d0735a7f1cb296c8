#pragma once
// One head's attention weights as a heatmap: rows are the queries (the input tokens, top to
// bottom), columns the keys (left to right), white for 0 and deep blue for 1; token labels on both
// sides, the weight written in each cell when the map is small enough to read. Clicking selects it.
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace ns {

class AttentionHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit AttentionHeatmap(QWidget* parent = nullptr);
    // weights: n × n row-major (row: query); labels: n tokens.
    // shortTitle: drawn instead of the title when the title does not fit.
    void setMap(const std::vector<double>& weights, const QStringList& labels, const QString& title,
                const QString& shortTitle = {});
    void setSelected(bool selected);
    void setPresenterScale(double scale);

    const std::vector<double>& weights() const { return weights_; }
    const QStringList& labels() const { return labels_; }
    QString title() const { return title_; }
    bool selected() const { return selected_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    std::vector<double> weights_;
    QStringList labels_;
    QString title_, shortTitle_;
    bool selected_ = false;
    double scale_ = 1.0;
};

}  // namespace ns
