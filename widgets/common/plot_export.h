#pragma once
// Every lab plot exports its picture (PNG, PDF or SVG, chosen by the file's suffix) and its data
// (CSV). installExport() adds both to the plot's context menu.
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QCustomPlot;

namespace ns {

// Saves the plot at its current size (PNG at 2× for print); false with *error on failure.
bool exportPlot(QCustomPlot* plot, const QString& path, QString* error);

// CSV of equal-length columns with a header row, numbers at full precision, NaN as empty.
QString csvOfColumns(const QStringList& header, const std::vector<std::vector<double>>& columns);
bool writeTextFile(const QString& path, const QString& text, QString* error);

// Right-click on the plot: "Export image…" and "Export data (CSV)…", with file dialogs.
void installExport(QCustomPlot* plot, const QString& baseName, std::function<QString()> csv);

}  // namespace ns
