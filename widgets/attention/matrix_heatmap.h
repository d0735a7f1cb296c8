#pragma once
// A matrix as a heatmap with its rows' and columns' labels (tokens, dimensions): signed values
// from orange (< 0) through white to blue (> 0), weights in [0, 1] from white to blue, −∞ (a
// masked score) grey with "−∞". The numbers are written in the cells when they are big enough;
// hovering shows the entry, a click selects it (cellClicked) and a click on a row label selects
// that row's token (rowClicked). The selected row and cell are outlined.
#include <QStringList>
#include <QWidget>

#include <vector>

namespace ns {

class MatrixHeatmap : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Signed, Unit };  // symmetric about 0 · 0 to 1
    explicit MatrixHeatmap(QWidget* parent = nullptr);

    void setMatrix(int rows, int cols, std::vector<double> values, QStringList rowLabels, QStringList colLabels,
                   Scale scale);
    void setTitle(const QString& title);
    void setSelectedRow(int row);            // −1: none
    void setSelectedCell(int row, int col);  // −1: none
    void setCompact(bool compact);           // no numbers, small labels: the heads grid
    void setPresenterScale(double scale);

    int rows() const { return rows_; }
    int cols() const { return cols_; }
    double value(int row, int col) const { return values_[static_cast<std::size_t>(row * cols_ + col)]; }
    const QStringList& rowLabels() const { return rowLabels_; }
    const QStringList& colLabels() const { return colLabels_; }
    QString title() const { return title_; }
    // The text a cell shows (and its tooltip's number): "0.123", "−∞".
    static QString cellText(double value);
    bool numbersShown() const;  // cells big enough for their numbers
    QRectF cellRect(int row, int col) const;
    QString toolTipAt(int row, int col) const;

    QSize sizeHint() const override { return {560, 480}; }
    QSize minimumSizeHint() const override { return {200, 180}; }

signals:
    void cellClicked(int row, int col);
    void rowClicked(int row);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF area() const;
    bool hit(QPointF at, int& row, int& col) const;
    QColor color(double v) const;

    int rows_ = 0, cols_ = 0;
    std::vector<double> values_;
    QStringList rowLabels_, colLabels_;
    Scale scaleKind_ = Scale::Signed;
    double range_ = 1;
    QString title_;
    int selectedRow_ = -1, selectedCellRow_ = -1, selectedCellCol_ = -1;
    bool compact_ = false;
    double scale_ = 1.0;
};

}  // namespace ns
