#include "lab/metrics_report.h"

#include <algorithm>

namespace ns {

MetricsReport metricsReport(const ConstMatrixRef& out, const ConstMatrixRef& y, TaskKind task,
                            int classes, double threshold, int positiveClass) {
    MetricsReport m;
    m.task = task;
    m.samples = out.rows();
    m.threshold = threshold;
    m.positiveClass = task == TaskKind::Multiclass ? std::clamp(positiveClass, 0, classes - 1) : 1;
    if (out.rows() == 0 || out.rows() != y.rows()) return m;
    const auto n = static_cast<std::size_t>(out.rows());
    auto row = [](std::size_t i) { return static_cast<Eigen::Index>(i); };
    if (task == TaskKind::Regression) {
        for (std::size_t i = 0; i < n; ++i) {
            m.actual.push_back(y(row(i), 0));
            m.predicted.push_back(out(row(i), 0));
        }
        m.regression = regressionMetrics(m.actual, m.predicted);
        m.valid = true;
        return m;
    }
    std::vector<double> scores(n);
    std::vector<int> labels(n);
    if (task == TaskKind::Binary) {
        for (std::size_t i = 0; i < n; ++i) {
            scores[i] = out(row(i), 0);
            labels[i] = y(row(i), 0) > 0.5 ? 1 : 0;
        }
    } else {
        std::vector<int> actual(n), predicted(n);
        for (std::size_t i = 0; i < n; ++i) {
            Eigen::Index a = 0, p = 0;
            y.row(row(i)).maxCoeff(&a);
            out.row(row(i)).maxCoeff(&p);
            actual[i] = static_cast<int>(a);
            predicted[i] = static_cast<int>(p);
            scores[i] = out(row(i), m.positiveClass);
            labels[i] = actual[i] == m.positiveClass ? 1 : 0;
        }
        m.confusion = confusionMatrix(actual, predicted, classes);
        for (int c = 0; c < classes; ++c) m.perClass.push_back(classMetrics(m.confusion, c));
        m.multiclassAccuracy = accuracy(m.confusion);
    }
    m.binary = confusionAt(scores, labels, threshold);
    m.accuracy = accuracy(m.binary);
    m.precision = precision(m.binary);
    m.recall = recall(m.binary);
    m.f1 = f1(m.binary);
    m.falsePositiveRate = falsePositiveRate(m.binary);
    m.roc = rocCurve(scores, labels);
    m.auc = areaUnder(m.roc);
    m.pr = prCurve(scores, labels);
    m.valid = true;
    return m;
}

}  // namespace ns
