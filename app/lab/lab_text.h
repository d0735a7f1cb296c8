#pragma once
// The training lab's names for what the core enumerates, in the UI language (tr() context
// "LabText"), shared by the lab's model, window and views.
#include "base/activation.h"
#include "lab/csv_import.h"
#include "lab/lab_data.h"
#include "lab/lab_features.h"
#include "lab/lab_loss.h"
#include "lab/lab_trainer.h"
#include "lab/lr_schedule.h"
#include "lab/optimizer.h"
#include "lab/regularization.h"

#include <QString>

namespace ns::labtext {

QString dataset(DatasetKind kind);
QString task(TaskKind task);
QString feature(Feature f);       // x₁, x₁², sin(x₁), …
QString activation(Activation f);
QString loss(LabLoss loss);
QString optimizer(OptimizerKind kind);
QString schedule(ScheduleKind kind);
QString penalty(Penalty kind);
QString className(int cls);       // "class 1", … (1-based)
QString csvProblem(const CsvError& error);  // what was wrong, without the file and line
QString number(double value);     // shortest form that reads back the same, "—" for NaN

}  // namespace ns::labtext
