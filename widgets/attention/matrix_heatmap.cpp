#include "attention/matrix_heatmap.h"

#include "common/theme.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ns {

MatrixHeatmap::MatrixHeatmap(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void MatrixHeatmap::setMatrix(int rows, int cols, std::vector<double> values, QStringList rowLabels,
                              QStringList colLabels, Scale scale) {
    rows_ = rows;
    cols_ = cols;
    values_ = std::move(values);
    rowLabels_ = std::move(rowLabels);
    colLabels_ = std::move(colLabels);
    scaleKind_ = scale;
    range_ = 0;
    for (double v : values_)
        if (std::isfinite(v)) range_ = std::max(range_, std::abs(v));
    if (scale == Scale::Unit || range_ <= 0) range_ = 1;
    update();
}

void MatrixHeatmap::setTitle(const QString& title) {
    title_ = title;
    update();
}
void MatrixHeatmap::setSelectedRow(int row) {
    selectedRow_ = row;
    update();
}
void MatrixHeatmap::setSelectedCell(int row, int col) {
    selectedCellRow_ = row;
    selectedCellCol_ = col;
    update();
}
void MatrixHeatmap::setCompact(bool compact) {
    compact_ = compact;
    update();
}
void MatrixHeatmap::setPresenterScale(double scale) {
    scale_ = scale;
    update();
}

QString MatrixHeatmap::cellText(double value) {
    if (std::isinf(value)) return value < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
    QString s = QString::number(value, 'f', std::abs(value) >= 10 ? 1 : 2);
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}

QRectF MatrixHeatmap::area() const {
    const double label = (compact_ ? 34 : 64) * scale_;
    const double titleHeight = title_.isEmpty() ? 2 : (compact_ ? 18 : 24) * scale_;
    const double top = titleHeight + label * (compact_ ? 0.7 : 0.9);
    const double w = width() - label - 6, h = height() - top - 4;
    if (rows_ <= 0 || cols_ <= 0 || w <= 0 || h <= 0) return {};
    const double cell = std::min(w / cols_, h / rows_);
    return QRectF(label, top, cell * cols_, cell * rows_);
}

QRectF MatrixHeatmap::cellRect(int row, int col) const {
    const QRectF a = area();
    if (a.isEmpty()) return {};
    const double cw = a.width() / cols_, ch = a.height() / rows_;
    return QRectF(a.left() + col * cw, a.top() + row * ch, cw, ch);
}

bool MatrixHeatmap::numbersShown() const {
    if (compact_ || rows_ <= 0) return false;
    return area().width() / cols_ >= 34 * scale_;
}

QColor MatrixHeatmap::color(double v) const {
    if (!std::isfinite(v)) return QColor(0xbd, 0xbd, 0xbd);
    return theme::signedColor(v, range_);
}

bool MatrixHeatmap::hit(QPointF at, int& row, int& col) const {
    const QRectF a = area();
    if (a.isEmpty() || !a.contains(at)) return false;
    col = std::clamp(static_cast<int>((at.x() - a.left()) / (a.width() / cols_)), 0, cols_ - 1);
    row = std::clamp(static_cast<int>((at.y() - a.top()) / (a.height() / rows_)), 0, rows_ - 1);
    return true;
}

QString MatrixHeatmap::toolTipAt(int row, int col) const {
    const QString r = row < rowLabels_.size() ? rowLabels_[row] : QString::number(row + 1);
    const QString c = col < colLabels_.size() ? colLabels_[col] : QString::number(col + 1);
    const double v = value(row, col);
    const QString number = std::isfinite(v) ? QString::number(v, 'g', 6).replace(QLatin1Char('-'), QStringLiteral("−"))
                                            : cellText(v);
    return tr("%1 (row %2: %3, column %4: %5) = %6").arg(title_).arg(row + 1).arg(r).arg(col + 1).arg(c, number);
}

void MatrixHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    if (!title_.isEmpty()) {
        QFont f = theme::uiFont((compact_ ? 10 : 12) * scale_);
        f.setBold(true);
        p.setFont(f);
        p.setPen(theme::ink());
        p.drawText(QRectF(0, 0, width(), (compact_ ? 18 : 24) * scale_), Qt::AlignHCenter | Qt::AlignVCenter, title_);
    }
    const QRectF a = area();
    if (a.isEmpty()) return;
    const bool numbers = numbersShown();
    const double cw = a.width() / cols_, ch = a.height() / rows_;
    QFont numberFont = theme::mathFont(std::clamp(cw / 4.2, 7.0, 12.0 * scale_));
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < cols_; ++c) {
            const QRectF cell = cellRect(r, c);
            const double v = value(r, c);
            p.fillRect(cell.adjusted(0, 0, 0.5, 0.5), color(v));
            if (numbers) {
                p.setFont(numberFont);
                const QColor bg = color(v);
                p.setPen(bg.lightness() < 120 ? Qt::white : theme::ink());
                p.drawText(cell, Qt::AlignCenter, cellText(v));
            }
        }
    p.setPen(QPen(theme::mutedInk(), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(a);
    // Labels: rows at the left, columns above (rotated when long).
    QFont labelFont = theme::uiFont(std::clamp(ch * 0.5, 6.0, (compact_ ? 9.0 : 12.0) * scale_));
    p.setFont(labelFont);
    for (int r = 0; r < rows_ && r < rowLabels_.size(); ++r) {
        p.setPen(r == selectedRow_ ? theme::highlightNext() : theme::ink());
        p.drawText(QRectF(0, a.top() + r * ch, a.left() - 4, ch), Qt::AlignRight | Qt::AlignVCenter, rowLabels_[r]);
    }
    const double labelHeight = a.top() - ((title_.isEmpty() ? 2 : (compact_ ? 18 : 24) * scale_));
    bool rotate = false;  // all or none, so neighbours never overlap
    for (int c = 0; c < cols_ && c < colLabels_.size(); ++c)
        rotate = rotate || p.fontMetrics().horizontalAdvance(colLabels_[c]) > cw - 2;
    for (int c = 0; c < cols_ && c < colLabels_.size(); ++c) {
        p.setPen(theme::ink());
        const QRectF box(a.left() + c * cw, a.top() - labelHeight, cw, labelHeight - 2);
        if (rotate) {
            p.save();
            p.translate(box.center().x(), box.bottom());
            p.rotate(-60);
            p.drawText(QRectF(0, -ch / 2, labelHeight * 1.1, ch), Qt::AlignLeft | Qt::AlignVCenter, colLabels_[c]);
            p.restore();
        } else {
            p.drawText(box, Qt::AlignHCenter | Qt::AlignBottom, colLabels_[c]);
        }
    }
    if (selectedRow_ >= 0 && selectedRow_ < rows_) {
        p.setPen(QPen(theme::highlightNext(), 2 * scale_));
        p.drawRect(QRectF(a.left(), a.top() + selectedRow_ * ch, a.width(), ch));
    }
    if (selectedCellRow_ >= 0 && selectedCellRow_ < rows_ && selectedCellCol_ >= 0 && selectedCellCol_ < cols_) {
        p.setPen(QPen(theme::ink(), 3 * scale_));
        p.drawRect(cellRect(selectedCellRow_, selectedCellCol_));
    }
}

void MatrixHeatmap::mousePressEvent(QMouseEvent* event) {
    int r = 0, c = 0;
    const QPointF at = event->position();
    if (hit(at, r, c)) {
        emit cellClicked(r, c);
        return;
    }
    const QRectF a = area();
    if (!a.isEmpty() && at.x() < a.left() && at.y() >= a.top() && at.y() < a.bottom())
        emit rowClicked(std::clamp(static_cast<int>((at.y() - a.top()) / (a.height() / rows_)), 0, rows_ - 1));
}

bool MatrixHeatmap::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        int r = 0, c = 0;
        if (hit(help->pos(), r, c)) QToolTip::showText(help->globalPos(), toolTipAt(r, c), this);
        else QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace ns
