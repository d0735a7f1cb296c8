#include "lab/lab_text.h"

#include <QCoreApplication>

#include <cmath>

namespace ns::labtext {

QString dataset(DatasetKind kind) {
    switch (kind) {
        case DatasetKind::Circle: return QCoreApplication::translate("LabText", "Circle");
        case DatasetKind::Xor: return QCoreApplication::translate("LabText", "XOR");
        case DatasetKind::Gaussians: return QCoreApplication::translate("LabText", "Two Gaussians");
        case DatasetKind::Spiral: return QCoreApplication::translate("LabText", "Spiral");
        case DatasetKind::Moons: return QCoreApplication::translate("LabText", "Moons");
        case DatasetKind::Blobs3: return QCoreApplication::translate("LabText", "3-class blobs");
        case DatasetKind::Spiral3: return QCoreApplication::translate("LabText", "3-class spiral");
        case DatasetKind::RegressionPlane: return QCoreApplication::translate("LabText", "Regression: plane");
        case DatasetKind::RegressionGaussian: return QCoreApplication::translate("LabText", "Regression: Gaussians");
        case DatasetKind::SumSign4: return QCoreApplication::translate("LabText", "Textbook: 4 features, y = [Σx > 0]");
        case DatasetKind::Imported: return QCoreApplication::translate("LabText", "Imported CSV");
    }
    return {};
}

QString task(TaskKind t) {
    switch (t) {
        case TaskKind::Binary: return QCoreApplication::translate("LabText", "binary classification");
        case TaskKind::Multiclass: return QCoreApplication::translate("LabText", "multiclass classification");
        case TaskKind::Regression: return QCoreApplication::translate("LabText", "regression");
    }
    return {};
}

QString feature(Feature f) {
    switch (f) {
        case Feature::X1: return QStringLiteral("x₁");
        case Feature::X2: return QStringLiteral("x₂");
        case Feature::X1Squared: return QStringLiteral("x₁²");
        case Feature::X2Squared: return QStringLiteral("x₂²");
        case Feature::X1X2: return QStringLiteral("x₁x₂");
        case Feature::SinX1: return QStringLiteral("sin(x₁)");
        case Feature::SinX2: return QStringLiteral("sin(x₂)");
    }
    return {};
}

QString activation(Activation f) {
    switch (f) {
        case Activation::Identity: return QCoreApplication::translate("LabText", "Linear");
        case Activation::Sigmoid: return QCoreApplication::translate("LabText", "Sigmoid");
        case Activation::Tanh: return QCoreApplication::translate("LabText", "Tanh");
        case Activation::Relu: return QCoreApplication::translate("LabText", "ReLU");
        case Activation::LeakyRelu: return QCoreApplication::translate("LabText", "Leaky ReLU");
        case Activation::Elu: return QCoreApplication::translate("LabText", "ELU");
        case Activation::Gelu: return QCoreApplication::translate("LabText", "GELU");
        case Activation::Softmax: return QCoreApplication::translate("LabText", "Softmax");
    }
    return {};
}

QString loss(LabLoss l) {
    switch (l) {
        case LabLoss::Mse: return QCoreApplication::translate("LabText", "MSE");
        case LabLoss::Mae: return QCoreApplication::translate("LabText", "MAE");
        case LabLoss::Huber: return QCoreApplication::translate("LabText", "Huber");
        case LabLoss::Bce: return QCoreApplication::translate("LabText", "Binary cross-entropy");
        case LabLoss::Ce: return QCoreApplication::translate("LabText", "Cross-entropy (softmax)");
        case LabLoss::Focal: return QCoreApplication::translate("LabText", "Focal");
    }
    return {};
}

QString optimizer(OptimizerKind kind) {
    switch (kind) {
        case OptimizerKind::BatchGd: return QCoreApplication::translate("LabText", "Batch gradient descent");
        case OptimizerKind::Sgd: return QCoreApplication::translate("LabText", "SGD (one sample)");
        case OptimizerKind::MiniBatch: return QCoreApplication::translate("LabText", "Mini-batch gradient descent");
        case OptimizerKind::Momentum: return QCoreApplication::translate("LabText", "Momentum");
        case OptimizerKind::Adam: return QCoreApplication::translate("LabText", "Adam");
    }
    return {};
}

QString schedule(ScheduleKind kind) {
    switch (kind) {
        case ScheduleKind::Constant: return QCoreApplication::translate("LabText", "Constant");
        case ScheduleKind::StepDecay: return QCoreApplication::translate("LabText", "Step decay");
        case ScheduleKind::Cosine: return QCoreApplication::translate("LabText", "Cosine");
        case ScheduleKind::WarmupCosine: return QCoreApplication::translate("LabText", "Warmup + cosine");
    }
    return {};
}

QString penalty(Penalty kind) {
    switch (kind) {
        case Penalty::None: return QCoreApplication::translate("LabText", "None");
        case Penalty::L1: return QCoreApplication::translate("LabText", "L1");
        case Penalty::L2: return QCoreApplication::translate("LabText", "L2");
    }
    return {};
}

QString className(int cls) { return QCoreApplication::translate("LabText", "class %1").arg(cls + 1); }

QString csvProblem(const CsvError& e) {
    switch (e.problem) {
        case CsvProblem::None: return {};
        case CsvProblem::Empty: return QCoreApplication::translate("LabText", "the file has no data lines");
        case CsvProblem::TooFewColumns:
            return QCoreApplication::translate("LabText", "expected at least 2 columns (features, then the label), found %1").arg(e.actual);
        case CsvProblem::TooManyColumns:
            return QCoreApplication::translate("LabText", "at most %1 feature columns are supported, found %2").arg(e.expected).arg(e.actual);
        case CsvProblem::ColumnCount:
            return QCoreApplication::translate("LabText", "expected %1 fields like the first line, found %2").arg(e.expected).arg(e.actual);
        case CsvProblem::NotANumber:
            return e.found.empty() ? QCoreApplication::translate("LabText", "column %1 is empty").arg(e.column)
                                   : QCoreApplication::translate("LabText", "column %1: “%2” is not a number")
                                         .arg(e.column)
                                         .arg(QString::fromStdString(e.found));
        case CsvProblem::NotFinite:
            return QCoreApplication::translate("LabText", "column %1: “%2” is not a finite number").arg(e.column).arg(QString::fromStdString(e.found));
        case CsvProblem::TooFewRows: return QCoreApplication::translate("LabText", "expected at least 2 data lines, found %1").arg(e.actual);
        case CsvProblem::TooManyRows: return QCoreApplication::translate("LabText", "at most %1 data lines are supported").arg(e.expected);
        case CsvProblem::SingleLabel:
            return QCoreApplication::translate("LabText", "every label is %1: there is nothing to learn").arg(QString::fromStdString(e.found));
        case CsvProblem::FileTooLarge:
            return QCoreApplication::translate("LabText", "the file has %1 bytes, more than the limit of %2 bytes").arg(e.actual).arg(e.expected);
        case CsvProblem::LineTooLong:
            return QCoreApplication::translate("LabText", "the line has %1 characters, more than the limit of %2").arg(e.actual).arg(e.expected);
    }
    return {};
}

QString number(double value) {
    if (std::isnan(value)) return QStringLiteral("—");
    return QString::number(value, 'g', 4);
}

}  // namespace ns::labtext
