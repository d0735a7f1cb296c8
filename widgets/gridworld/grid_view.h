#pragma once
// The grid world drawn from a GridPicture: cells coloured by V on a diverging scale (blue
// positive, orange negative) with the value written in each cell, walls dark, the goal and the pit
// marked, the start marked, the greedy action as an arrow; with Q values each cell is split into
// four triangles (up, down, left, right) coloured by Q(s, a), with the numbers when the cells are
// big enough; the agent as a disc with the trail of its episode. Clicks report the cell.
#include "gridworld/grid_picture.h"

#include <QWidget>

namespace ns {

class GridView : public QWidget {
    Q_OBJECT
public:
    explicit GridView(QWidget* parent = nullptr);
    void setPicture(const GridPicture& picture);
    const GridPicture& picture() const { return picture_; }
    void setPresenterScale(double scale);

    QRect cellRect(int state) const;   // where a cell is drawn (empty when there is no grid)
    int cellAt(const QPoint& point) const;  // −1 outside the grid
    // The texts drawn in a cell, in drawing order (tests): the value (or the four Q values when
    // they fit, up, down, left, right) and the marks.
    QStringList cellTexts(int state) const;
    bool showsQNumbers() const;  // whether the cells are big enough for the four Q values
    static QString number(double v);  // two decimals, a real minus sign

    QSize sizeHint() const override { return {560, 420}; }
    QSize minimumSizeHint() const override { return {240, 180}; }

signals:
    void cellClicked(int state);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    double cellSize() const;
    QPointF origin() const;

    GridPicture picture_;
    double scale_ = 1.0;
};

}  // namespace ns
