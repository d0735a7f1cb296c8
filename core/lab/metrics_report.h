#pragma once
// Everything the metrics panel shows for one split of the data, computed from the network's
// outputs with metrics.h: for a binary task (or one class against the rest of a multiclass task)
// the confusion counts at a threshold, the ratios of eqs. 32–37, the ROC curve with its AUC and
// the precision–recall curve; for a multiclass task the arg-max confusion matrix and per-class
// precision, recall and F1; for regression MSE, RMSE, MAE and R² with the predictions.
#include "lab/lab_data.h"
#include "lab/metrics.h"

namespace ns {

struct MetricsReport {
    bool valid = false;
    TaskKind task = TaskKind::Binary;
    Eigen::Index samples = 0;
    int positiveClass = 1;  // the class the binary view is about
    double threshold = 0.5;
    BinaryConfusion binary;
    double accuracy = 0, precision = 0, recall = 0, f1 = 0, falsePositiveRate = 0, auc = 0;
    std::vector<CurvePoint> roc, pr;
    Eigen::MatrixXi confusion;  // multiclass, row = actual, column = predicted
    std::vector<ClassMetrics> perClass;
    double multiclassAccuracy = 0;
    RegressionMetrics regression;
    std::vector<double> actual, predicted;  // regression
};

// output: the network's outputs (samples × outputs); targets as targetsOf() builds them.
MetricsReport metricsReport(const ConstMatrixRef& output, const ConstMatrixRef& targets, TaskKind task,
                            int classes, double threshold, int positiveClass);

}  // namespace ns
