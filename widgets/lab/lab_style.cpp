#include "lab/lab_style.h"

#include "common/theme.h"

#include <qcustomplot.h>

#include <array>

namespace ns::labstyle {

QColor classColor(int cls) {
    static const std::array<QColor, 8> colors{theme::negative(), theme::positive(), QColor(0x7b, 0x32, 0x94),
                                              QColor(0x1b, 0x9e, 0x77), QColor(0xd6, 0x27, 0x28),
                                              QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                              QColor(0x55, 0x55, 0x55)};
    return colors[static_cast<std::size_t>(((cls % 8) + 8) % 8)];
}

QColor paleClassColor(int cls) {
    const QColor c = classColor(cls);
    auto mix = [](int v) { return v + (255 - v) * 82 / 100; };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

QCPColorGradient binaryGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, classColor(0).lighter(115));
    g.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    g.setColorStopAt(1.0, classColor(1).lighter(130));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

QCPColorGradient classGradient(int classes) {
    QCPColorGradient g;
    g.clearColorStops();
    classes = std::max(1, classes);
    for (int c = 0; c < classes; ++c) {
        g.setColorStopAt(static_cast<double>(c) / classes, paleClassColor(c));
        g.setColorStopAt((c + 0.999) / classes, classColor(c).lighter(125));
    }
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(350);
    return g;
}

void stylePlot(QCustomPlot* plot) {
    const QFont label = theme::uiFont(theme::kPlotLabelPt);
    const QFont tick = theme::uiFont(theme::kPlotTickPt);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setLabelFont(label);
        axis->setTickLabelFont(tick);
        axis->setBasePen(QPen(theme::mutedInk(), 1));
        axis->setTickPen(QPen(theme::mutedInk(), 1));
    }
    plot->legend->setFont(tick);
    plot->setNoAntialiasingOnDrag(true);
    plot->setBackground(theme::background());
}

QColor seriesColor(int index) {
    static const std::array<QColor, 8> colors{QColor(0x44, 0x77, 0xaa), QColor(0xee, 0x66, 0x77),
                                              QColor(0x22, 0x88, 0x33), QColor(0xcc, 0xbb, 0x44),
                                              QColor(0x66, 0xcc, 0xee), QColor(0xaa, 0x33, 0x77),
                                              QColor(0x77, 0x77, 0x77), QColor(0x00, 0x00, 0x00)};
    return colors[static_cast<std::size_t>(((index % 8) + 8) % 8)];
}

}  // namespace ns::labstyle
