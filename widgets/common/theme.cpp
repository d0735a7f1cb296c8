#include "common/theme.h"

#include <QStringList>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ns::theme {

QColor positive() { return QColor(0x1f, 0x6f, 0xc5); }
QColor negative() { return QColor(0xe0, 0x7b, 0x00); }
QColor neutral() { return QColor(0xee, 0xee, 0xee); }
QColor ink() { return QColor(0x20, 0x20, 0x20); }
QColor mutedInk() { return QColor(0x60, 0x60, 0x60); }
QColor background() { return QColor(0xff, 0xff, 0xff); }

// Purple/green (a colour-blind-safe diverging pair) so gradients never look like weights.
QColor gradientPositive() { return QColor(0x76, 0x2a, 0x83); }
QColor gradientNegative() { return QColor(0x1b, 0x78, 0x37); }
QColor highlightNext() { return QColor(0xf5, 0xb4, 0x00); }
QColor highlightUsed() { return QColor(0xd6, 0x27, 0x28); }

QColor gradientColor(double value, double scale) {
    if (!std::isfinite(value) || scale <= 0) return neutral();
    const double t = std::clamp(std::abs(value) / scale, 0.0, 1.0);
    const QColor from = neutral();
    const QColor to = value >= 0 ? gradientPositive() : gradientNegative();
    auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

QColor signedColor(double value, double scale) {
    if (!std::isfinite(value) || scale <= 0) return neutral();
    const double t = std::clamp(std::abs(value) / scale, 0.0, 1.0);
    const QColor from = neutral();
    const QColor to = value >= 0 ? positive() : negative();
    auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

QFont uiFont(double pointSize) {
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans"),
                      QStringLiteral("DejaVu Sans")});
    font.setPointSizeF(pointSize);
    return font;
}

QFont mathFont(double pointSize) {
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
    font.setPointSizeF(pointSize);
    return font;
}

AxisTitles addAxisTitles(QCustomPlot* plot) {
    AxisTitles titles;
    QCPLayoutGrid* layout = plot->plotLayout();
    layout->insertRow(0);
    auto* row = new QCPLayoutGrid;
    layout->addElement(0, 0, row);
    layout->setRowStretchFactor(0, 0.001);
    row->setMargins(QMargins(0, 0, 0, 0));
    row->setColumnSpacing(0);
    titles.left = new QCPTextElement(plot, QString(), uiFont(kPlotLabelPt));
    titles.left->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    titles.right = new QCPTextElement(plot, QString(), uiFont(kPlotLabelPt));
    titles.right->setTextFlags(Qt::AlignRight | Qt::AlignVCenter);
    for (QCPTextElement* t : {titles.left, titles.right}) {
        t->setTextColor(ink());
        t->setMargins(QMargins(10, 6, 10, 0));
    }
    row->addElement(0, 0, titles.left);
    row->addElement(0, 1, titles.right);
    return titles;
}

void AxisTitles::setTexts(const QString& leftText, const QString& rightText) {
    if (left) left->setText(leftText);
    if (right) right->setText(rightText);
}

void AxisTitles::setColors(const QColor& leftColor, const QColor& rightColor) {
    if (left) left->setTextColor(leftColor);
    if (right) right->setTextColor(rightColor);
}

void applyPlotScale(QCustomPlot* plot, const AxisTitles& titles, double scale) {
    const QFont tick = uiFont(kPlotTickPt * scale);
    const QFont label = uiFont(kPlotLabelPt * scale);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setTickLabelFont(tick);
        axis->setLabelFont(label);
        axis->setBasePen(QPen(mutedInk(), scale));
        axis->setTickPen(QPen(mutedInk(), scale));
        axis->setSubTickPen(QPen(mutedInk(), scale));
        axis->setTickLengthIn(static_cast<int>(std::lround(5 * scale)));
        axis->setSubTickLengthIn(static_cast<int>(std::lround(2 * scale)));
    }
    plot->legend->setFont(uiFont(kPlotLegendPt * scale));
    plot->legend->setIconSize(static_cast<int>(std::lround(32 * scale)), static_cast<int>(std::lround(18 * scale)));
    for (QCPTextElement* t : {titles.left, titles.right})
        if (t) t->setFont(label);
}

}  // namespace ns::theme
