#include "common/plot_export.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include <cmath>

namespace ns {

bool exportPlot(QCustomPlot* plot, const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = plot->width(), h = plot->height();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, w, h, 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, w, h);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        svg.setTitle(QFileInfo(path).completeBaseName());
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        if (error) *error = QCoreApplication::translate("PlotExport", "%1: use .png, .pdf or .svg").arg(path);
        return false;
    }
    if (!ok && error) *error = QCoreApplication::translate("PlotExport", "%1: cannot be written").arg(path);
    return ok;
}

QString csvOfColumns(const QStringList& header, const std::vector<std::vector<double>>& columns) {
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    std::size_t rows = 0;
    for (const auto& c : columns) rows = std::max(rows, c.size());
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) out += QLatin1Char(',');
            if (r < columns[c].size() && std::isfinite(columns[c][r]))
                out += QString::number(columns[c][r], 'g', 17);
        }
        out += QLatin1Char('\n');
    }
    return out;
}

bool writeTextFile(const QString& path, const QString& text, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error) *error = QCoreApplication::translate("PlotExport", "%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

void installExport(QCustomPlot* plot, const QString& baseName, std::function<QString()> csv) {
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, baseName, csv](QPoint pos) {
        QMenu menu(plot);
        QAction* image = menu.addAction(QCoreApplication::translate("PlotExport", "Export image (PNG, PDF, SVG)…"));
        QAction* data = menu.addAction(QCoreApplication::translate("PlotExport", "Export data (CSV)…"));
        QAction* chosen = menu.exec(plot->mapToGlobal(pos));
        QString error;
        if (chosen == image) {
            const QString path = QFileDialog::getSaveFileName(
                plot, QCoreApplication::translate("PlotExport", "Export image"), baseName + QStringLiteral(".png"),
                QCoreApplication::translate("PlotExport", "Images (*.png *.pdf *.svg)"));
            if (!path.isEmpty() && !exportPlot(plot, path, &error))
                QMessageBox::warning(plot, QCoreApplication::translate("PlotExport", "Export image"), error);
        } else if (chosen == data) {
            const QString path = QFileDialog::getSaveFileName(
                plot, QCoreApplication::translate("PlotExport", "Export data"), baseName + QStringLiteral(".csv"),
                QCoreApplication::translate("PlotExport", "CSV (*.csv)"));
            if (!path.isEmpty() && !writeTextFile(path, csv(), &error))
                QMessageBox::warning(plot, QCoreApplication::translate("PlotExport", "Export data"), error);
        }
    });
}

}  // namespace ns
