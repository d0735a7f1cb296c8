#pragma once
// A confusion matrix as a heatmap with its counts: rows the true class, columns the predicted.
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace ns {

class ConfusionView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget* parent = nullptr);
    void setMatrix(const QVector<long>& counts, const QStringList& classes);  // classes² counts
    void setTitles(const QString& rows, const QString& columns, const QString& empty);
    long count(int truth, int predicted) const { return counts_.value(truth * classes_.size() + predicted); }
    QSize sizeHint() const override { return {460, 420}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<long> counts_;
    QStringList classes_;
    QString rowsTitle_, columnsTitle_, empty_;
};

}  // namespace ns
