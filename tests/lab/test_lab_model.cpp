// The training lab's model: its undoable edits, training on the worker thread, what it computes
// for the views (all from the core), CSV import and the save file, including every way a file
// can be refused without touching the lab.
#include "lab/grid.h"
#include "lab/lab_model.h"
#include "mlp/parameters.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace ns;

namespace {

bool sameLab(const LabModel::Saved& a, const LabModel::Saved& b) {
    if (!(a.config == b.config) || !(a.data == b.data) || !(a.initial == b.initial)) return false;
    if (!(a.state.network == b.state.network) || !(a.state.optimizer == b.state.optimizer)) return false;
    if (!(a.state.stopping == b.state.stopping) || a.state.epoch != b.state.epoch || a.state.status != b.state.status)
        return false;
    if (a.history.size() != b.history.size() || a.runs.size() != b.runs.size()) return false;
    auto sameEpoch = [](const LabEpoch& x, const LabEpoch& y) {
        auto same = [](double u, double v) { return u == v || (std::isnan(u) && std::isnan(v)); };
        return x.epoch == y.epoch && same(x.trainLoss, y.trainLoss) && same(x.testLoss, y.testLoss) &&
               same(x.trainAccuracy, y.trainAccuracy) && same(x.testAccuracy, y.testAccuracy) &&
               same(x.learningRate, y.learningRate) && same(x.penalty, y.penalty);
    };
    for (std::size_t i = 0; i < a.history.size(); ++i)
        if (!sameEpoch(a.history[i], b.history[i])) return false;
    for (std::size_t r = 0; r < a.runs.size(); ++r) {
        if (a.runs[r].number != b.runs[r].number || !(a.runs[r].config == b.runs[r].config) ||
            a.runs[r].history.size() != b.runs[r].history.size())
            return false;
        for (std::size_t i = 0; i < a.runs[r].history.size(); ++i)
            if (!sameEpoch(a.runs[r].history[i], b.runs[r].history[i])) return false;
    }
    return a.nextRun == b.nextRun && a.threshold == b.threshold;
}

void train(LabModel& model, long epochs) {
    QSignalSpy done(&model, &LabModel::batchFinished);
    model.trainEpochs(epochs);
    QVERIFY(done.wait(60000));
    QCoreApplication::processEvents();  // the batched change notification
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

class TestLabModel : public QObject {
    Q_OBJECT

private slots:
    void opensOnPlaygroundsDefault();
    void trainingRunsOnTheWorkerAndFillsHistory();
    void gridAndMetricsComeFromTheCore();
    void settingsEditsAreUndoableAndMerge();
    void datasetChangeIsUndoneExactly();
    void architectureEditsRebuildTheNetwork();
    void featuresChangeTheInputs();
    void pointEditsAreUndoable();
    void csvImportAndItsErrors();
    void resetKeepsInitialWeightsAndArchivesTheRun();
    void highLearningRateDivergesWithAMessage();
    void earlyStoppingAndBudgetPause();
    void thresholdMovesTheMetrics();
    void explorersComputeFromTheCore();
    void batchNormSwitchShowsBatchStatistics();
    void saveLoadRoundTripIsExact();
    void loadedLabContinuesLikeTheOriginal();
    void malformedFilesAreRefusedAndTheLabIsUntouched_data();
    void malformedFilesAreRefusedAndTheLabIsUntouched();
    void saveFileLargerThanTheLimitIsRefusedUnread();
};

void TestLabModel::opensOnPlaygroundsDefault() {
    LabModel model;
    QCOMPARE(model.config().dataset.kind, DatasetKind::Circle);
    QCOMPARE(model.layerSizes(), (std::vector<int>{2, 4, 2, 1}));
    QCOMPARE(model.layerActivations().back(), Activation::Sigmoid);
    QCOMPARE(model.data().size(), Eigen::Index(400));
    QCOMPARE(model.testSet().size(), Eigen::Index(200));
    QCOMPARE(model.trainSet().X.cols(), Eigen::Index(2));
    QCOMPARE(model.status(), LabStatus::Ready);
    QVERIFY(model.history().empty());
}

void TestLabModel::trainingRunsOnTheWorkerAndFillsHistory() {
    LabModel model;
    train(model, 30);
    QCOMPARE(model.epoch(), 30L);
    QCOMPARE(model.history().size(), std::size_t(30));
    QCOMPARE(model.history().back().epoch, 30L);
    QVERIFY(!(model.network() == model.initialNetwork()));
    // The same run in the core alone gives the same weights: the worker only hosts the trainer.
    LabTrainer trainer(model.initialNetwork(), model.trainSet(), model.testSet(), model.config().training, true);
    for (int e = 0; e < 30; ++e) trainer.step();
    QVERIFY(trainer.network() == model.network());
    QCOMPARE(trainer.state().optimizer.t, model.optimizerState().t);
}

void TestLabModel::gridAndMetricsComeFromTheCore() {
    LabModel model;
    train(model, 50);
    const GridEvaluation& grid = model.grid();
    QCOMPARE(grid.spec.nx, LabModel::kGridResolution);
    Matrix p(1, 2);
    p << grid.spec.x(17), grid.spec.y(63);
    QCOMPARE(grid.output(17, 63), model.network().forward(p).output()(0, 0));
    const MetricsReport& m = model.metrics();
    QVERIFY(m.valid);
    QCOMPARE(m.samples, model.testSet().size());
    const Trace t = model.network().forward(model.testSet().X);
    const MetricsReport expected = metricsReport(t.output(), model.testSet().Y, TaskKind::Binary, 2, 0.5, 1);
    QCOMPARE(m.binary, expected.binary);
    QCOMPARE(m.auc, expected.auc);
    QCOMPARE(m.accuracy, model.history().back().testAccuracy);
}

void TestLabModel::settingsEditsAreUndoableAndMerge() {
    LabModel model;
    QCOMPARE(model.config().training.schedule.eta, 0.03);
    model.setLearningRate(0.1);
    model.setLearningRate(0.3);  // one slider drag: merges with the previous edit
    QCOMPARE(model.config().training.schedule.eta, 0.3);
    QCOMPARE(model.undoStack()->count(), 1);
    model.setOptimizer(OptimizerKind::Adam);
    QCOMPARE(model.undoStack()->count(), 2);
    model.undoStack()->undo();
    QCOMPARE(model.config().training.optimizer.kind, OptimizerKind::MiniBatch);
    model.undoStack()->undo();
    QCOMPARE(model.config().training.schedule.eta, 0.03);
    model.undoStack()->redo();
    QCOMPARE(model.config().training.schedule.eta, 0.3);
    // Training settings take effect without a reset: the run goes on.
    train(model, 3);
    model.setLearningRate(0.01);
    QCOMPARE(model.epoch(), 3L);
    train(model, 2);
    QCOMPARE(model.history().back().learningRate, 0.01);
}

void TestLabModel::datasetChangeIsUndoneExactly() {
    LabModel model;
    const LabData before = model.data();
    model.setDatasetKind(DatasetKind::Blobs3);
    QCOMPARE(model.task(), TaskKind::Multiclass);
    QCOMPARE(model.config().training.loss.kind, LabLoss::Ce);  // BCE does not fit three classes
    QCOMPARE(model.layerSizes().back(), 3);
    model.setNoise(0.3);
    const LabData noisy = model.data();
    model.undoStack()->undo();
    model.undoStack()->undo();
    QVERIFY(model.data() == before);
    QCOMPARE(model.config().training.loss.kind, LabLoss::Bce);
    model.undoStack()->redo();
    model.undoStack()->redo();
    QVERIFY(model.data() == noisy);
    const int seed = static_cast<int>(model.config().dataset.seed);
    model.regenerate();
    QCOMPARE(static_cast<int>(model.config().dataset.seed), seed + 1);
    QVERIFY(!(model.data() == noisy));
}

void TestLabModel::architectureEditsRebuildTheNetwork() {
    LabModel model;
    model.addLayer();
    model.setUnits(2, 7);
    model.setActivation(0, Activation::Relu);
    QCOMPARE(model.layerSizes(), (std::vector<int>{2, 4, 2, 7, 1}));
    QCOMPARE(model.network().layer(0).activation, Activation::Relu);
    for (int i = 0; i < 10; ++i) model.addLayer();
    QCOMPARE(model.config().hidden.size(), std::size_t(LabModel::kMaxHiddenLayers));
    model.setUnits(0, 99);
    QCOMPARE(model.config().hidden[0], LabModel::kMaxUnits);
    for (int i = 0; i < 10; ++i) model.removeLayer();
    QCOMPARE(model.layerSizes(), (std::vector<int>{2, 1}));  // logistic regression: no hidden layer
    model.undoStack()->undo();
    QCOMPARE(model.config().hidden.size(), std::size_t(1));
}

void TestLabModel::featuresChangeTheInputs() {
    LabModel model;
    model.setFeature(Feature::X1X2, true);
    model.setFeature(Feature::SinX1, true);
    QCOMPARE(model.layerSizes().front(), 4);
    QCOMPARE(model.trainSet().X.cols(), Eigen::Index(4));
    const Eigen::Index r = 5;
    // Column 2 is x₁x₂ of the same row's raw point.
    QCOMPARE(model.trainSet().X(r, 2), model.trainSet().X(r, 0) * model.trainSet().X(r, 1));
    QCOMPARE(model.trainSet().X(r, 3), std::sin(model.trainSet().X(r, 0)));
    QCOMPARE(model.inputNames(), (QStringList{QStringLiteral("x₁"), QStringLiteral("x₂"), QStringLiteral("x₁x₂"),
                                              QStringLiteral("sin(x₁)")}));
    // The last feature cannot be switched off: the network needs an input.
    LabModel single;
    single.setFeature(Feature::X1, false);
    single.setFeature(Feature::X2, false);
    QCOMPARE(single.layerSizes().front(), 1);
    // 4-D data ignores the feature maps.
    single.setDatasetKind(DatasetKind::SumSign4);
    QCOMPARE(single.layerSizes().front(), 4);
}

void TestLabModel::pointEditsAreUndoable() {
    LabModel model;
    const Eigen::Index n = model.data().size();
    model.setCurrentClass(0);
    QVERIFY(model.editPoint(1.5, -2.0, false, false, 0.3));
    QCOMPARE(model.data().size(), n + 1);
    QCOMPARE(model.data().labels(n), 0.0);
    QCOMPARE(model.trainSet().size(), Eigen::Index(201));  // new points are training points
    QVERIFY(model.editPoint(-1, 1, true, false, 0.3));     // shift: the other class
    QCOMPARE(model.data().labels(n + 1), 1.0);
    QVERIFY(model.editPoint(1.52, -2.01, false, true, 0.3));  // ctrl: the nearest point goes
    QCOMPARE(model.data().size(), n + 1);
    QVERIFY(!model.editPoint(100, 100, false, true, 0.3));  // nothing near: nothing removed
    model.undoStack()->undo();
    model.undoStack()->undo();
    model.undoStack()->undo();
    QCOMPARE(model.data().size(), n);
    model.setDatasetKind(DatasetKind::SumSign4);
    QVERIFY(!model.editPoint(0, 0, false, false, 0.3));  // 4-D data: no clicking points in
}

void TestLabModel::csvImportAndItsErrors() {
    QTemporaryDir dir;
    LabModel model;
    const LabData before = model.data();
    const int undoCount = model.undoStack()->count();
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    writeFile(bad, "x1,x2,label\n1,2,0\n3,4,1\n5,abc,0\n");
    QString error;
    QVERIFY(!model.importCsv(bad, &error));
    QCOMPARE(error, QStringLiteral("bad.csv:4: column 2: “abc” is not a number"));
    QVERIFY(model.data() == before);
    QCOMPARE(model.undoStack()->count(), undoCount);
    QVERIFY(!model.importCsv(dir.filePath(QStringLiteral("missing.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.csv")));
    const QString good = dir.filePath(QStringLiteral("good.csv"));
    writeFile(good, "a;b;c;y\n0;0;1;2.5\n1;0;0;-1.25\n0;1;1;0.5\n1;1;0;3\n");
    QVERIFY2(model.importCsv(good, &error), qPrintable(error));
    QCOMPARE(model.task(), TaskKind::Regression);
    QCOMPARE(model.config().dataset.kind, DatasetKind::Imported);
    QCOMPARE(model.config().training.loss.kind, LabLoss::Mse);
    QCOMPARE(model.layerSizes(), (std::vector<int>{3, 4, 2, 1}));
    QCOMPARE(model.data().labels(1), -1.25);
    model.undoStack()->undo();
    QVERIFY(model.data() == before);
}

void TestLabModel::resetKeepsInitialWeightsAndArchivesTheRun() {
    LabModel model;
    const Mlp initial = model.initialNetwork();
    train(model, 10);
    const std::vector<LabEpoch> first = model.history();
    model.setOptimizer(OptimizerKind::Adam);
    model.reset();
    QCOMPARE(model.epoch(), 0L);
    QVERIFY(model.network() == initial);
    QCOMPARE(model.runs().size(), std::size_t(1));
    QCOMPARE(model.runs()[0].history.size(), std::size_t(10));
    // Labelled by what differs from the current settings: it was trained by mini-batch GD.
    QCOMPARE(model.runLabel(model.runs()[0]), QStringLiteral("Run 1: Mini-batch gradient descent"));
    train(model, 10);
    QVERIFY(model.history().front().trainLoss != first.front().trainLoss);  // Adam, not mini-batch
    model.newWeights();
    QVERIFY(!(model.initialNetwork() == initial));
    QCOMPARE(model.runs().size(), std::size_t(2));
    QCOMPARE(model.runLabel(model.runs()[1]), QStringLiteral("Run 2: other initial weights"));
    model.undoStack()->undo();  // back to the first initial weights
    QVERIFY(model.initialNetwork() == initial);
    model.clearRuns();
    QVERIFY(model.runs().empty());
}

// Playground's lesson: too high a learning rate diverges. Regression with MSE at η = 50: the
// weights run away within a few epochs; training pauses with a message, the weights stay finite.
void TestLabModel::highLearningRateDivergesWithAMessage() {
    LabModel model;
    model.setDatasetKind(DatasetKind::RegressionPlane);
    model.setOptimizer(OptimizerKind::BatchGd);
    model.setLearningRate(50);
    model.play();
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), LabStatus::Diverged, 20000);
    QTRY_VERIFY(!model.isPlaying());
    QVERIFY(model.network().allFinite());
    const QString message = model.statusMessage();
    QVERIFY2(message.contains(QStringLiteral("diverged")) && message.contains(QStringLiteral("learning rate 50")),
             qPrintable(message));
    const long epoch = model.epoch();
    model.play();  // refused: it stays paused and says why
    QTest::qWait(50);
    QCOMPARE(model.epoch(), epoch);
    model.setLearningRate(0.01);
    model.reset();
    QCOMPARE(model.status(), LabStatus::Ready);
    QVERIFY(model.statusMessage().isEmpty());
}

void TestLabModel::earlyStoppingAndBudgetPause() {
    LabModel model;
    model.setEpochBudget(15);
    model.play();
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), LabStatus::BudgetReached, 20000);
    QCOMPARE(model.epoch(), 15L);
    QVERIFY(model.statusMessage().contains(QStringLiteral("15 epochs")));
    model.setEpochBudget(20);  // a larger budget lets the run go on
    QTRY_COMPARE(model.status(), LabStatus::Ready);
    train(model, 50);
    QCOMPARE(model.epoch(), 20L);
    model.setEpochBudget(0);
    model.setPatience(1);
    model.setLearningRate(3);  // a rough ride: the test loss soon fails to improve
    model.setOptimizer(OptimizerKind::Sgd);
    train(model, 400);
    QCOMPARE(model.status(), LabStatus::EarlyStopped);
    QVERIFY(model.statusMessage().contains(QStringLiteral("Stopped early")));
    QCOMPARE(model.stopping().sinceBest, 1);
}

void TestLabModel::thresholdMovesTheMetrics() {
    LabModel model;
    train(model, 20);
    model.setThreshold(0.0);
    QCoreApplication::processEvents();
    QCOMPARE(model.metrics().binary.tn + model.metrics().binary.fn, 0L);  // everything positive
    model.setThreshold(1.0);
    QCoreApplication::processEvents();
    QCOMPARE(model.metrics().binary.tp + model.metrics().binary.fp, 0L);  // nothing positive
    model.setMetricsOnTest(false);
    QCoreApplication::processEvents();
    QCOMPARE(model.metrics().samples, model.trainSet().size());
}

void TestLabModel::explorersComputeFromTheCore() {
    LabModel model;
    model.setExplorerActivation(Activation::LeakyRelu, true);
    model.setExplorerAlpha(0.2);
    const auto& shown = model.explorerActivations();
    const auto it = std::find(shown.begin(), shown.end(), Activation::LeakyRelu);
    QVERIFY(it != shown.end());
    const ActivationCurve& leaky = model.activationCurves()[static_cast<std::size_t>(it - shown.begin())];
    QCOMPARE(leaky.value.front(), -5 * 0.2);  // LeakyReLU(−5) = α·(−5)
    const ActivationCurve& sigmoid = model.activationCurves()[0];
    QCOMPARE(shown[0], Activation::Sigmoid);
    QCOMPARE(sigmoid.maxDerivative, 0.25);
    model.setExplorerDepth(5);
    QCOMPARE(model.gradientBounds()[0], std::pow(0.25, 5));
    model.setLossGamma(0);
    const LossCurves& curves = model.lossCurves();  // γ = 0: focal is cross-entropy
    QCOMPARE(curves.focal.size(), curves.bce.size());
    for (std::size_t i = 0; i < curves.bce.size(); ++i) QVERIFY(std::abs(curves.focal[i] - curves.bce[i]) < 1e-13);
    model.setLossTarget(0, 1.0);
    QCOMPARE(model.lossCurves().regressionTarget, 1.0);
    QCOMPARE(model.lossCurves().residualAxis.front(), -2.0);
}

void TestLabModel::batchNormSwitchShowsBatchStatistics() {
    LabModel model;
    QVERIFY(!model.batchNormOn(0));
    model.setBatchNorm(0, true);
    QVERIFY(model.batchNormOn(0));
    QVERIFY(model.batchMean(0).size() == 0);  // nothing trained yet
    train(model, 5);
    QCOMPARE(model.batchMean(0).size(), Eigen::Index(4));
    QCOMPARE(model.batchVariance(0).size(), Eigen::Index(4));
    QVERIFY(model.batchVariance(0).minCoeff() > 0);
    QCOMPARE(model.batchMean(1).size(), Eigen::Index(0));  // layer 2 is not normalised
    // The views get the test-time network: the running averages folded into layer 1.
    QVERIFY(!(model.network() == model.trainedNetwork()));
    QVERIFY(model.network() == foldBatchNorm(model.trainedNetwork(), model.batchNorm()));
    QCOMPARE(model.network().layer(1).W, model.trainedNetwork().layer(1).W);
    model.undoStack()->undo();
    QVERIFY(!model.batchNormOn(0));
    model.setBatchNorm(5, true);  // no such hidden layer
    QVERIFY(!model.batchNormOn(5));
}

void TestLabModel::saveLoadRoundTripIsExact() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.json"));
    LabModel model;
    model.setDatasetKind(DatasetKind::Spiral);
    model.setFeature(Feature::SinX1, true);
    model.setOptimizer(OptimizerKind::Adam);
    model.setRegularization(Penalty::L2, 0.003);
    model.setDropout(0.1);
    model.setBatchNorm(1, true);
    model.editPoint(0.123456789, -4.2, false, false, 0.2);
    train(model, 12);
    model.reset();  // an earlier run to keep
    train(model, 7);
    model.setThreshold(0.37);
    QString error;
    QVERIFY2(model.save(path, &error), qPrintable(error));
    LabModel loaded;
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QVERIFY(sameLab(model.snapshot(), loaded.snapshot()));
    QVERIFY(loaded.batchNormOn(1));
    QVERIFY(loaded.batchNorm() == model.batchNorm());
    QVERIFY(loaded.network() == model.network());
    QCOMPARE(loaded.runs().size(), std::size_t(1));
    QCOMPARE(loaded.optimizerState().t, model.optimizerState().t);
    QVERIFY(loaded.optimizerState().m.size() > 0);
    // Saving the loaded lab writes the same bytes.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY(loaded.save(again, &error));
    QFile a(path), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

void TestLabModel::loadedLabContinuesLikeTheOriginal() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.json"));
    LabModel model;
    model.setOptimizer(OptimizerKind::Momentum);
    model.setMomentumForm(MomentumForm::Velocity);
    QCOMPARE(model.config().training.optimizer.momentumForm, MomentumForm::Velocity);
    model.setSchedule({.kind = ScheduleKind::Cosine, .etaMin = 0.001, .periodEpochs = 40});
    model.setBatchNorm(0, true);
    train(model, 8);
    QString error;
    QVERIFY(model.save(path, &error));
    LabModel loaded;
    QVERIFY(loaded.load(path, &error));
    train(model, 9);
    train(loaded, 9);
    QVERIFY(model.network() == loaded.network());
    QVERIFY(model.optimizerState() == loaded.optimizerState());
    QCOMPARE(model.history().back().trainLoss, loaded.history().back().trainLoss);
}

void TestLabModel::malformedFilesAreRefusedAndTheLabIsUntouched_data() {
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "garbage" << "not JSON";
    QTest::newRow("truncated") << "truncate" << "not JSON";
    QTest::newRow("other format") << "format" << "format: not a NeuralScope lab file";
    QTest::newRow("newer version") << "version" << "version: version 2 is not supported";
    QTest::newRow("missing field") << "no-history" << "history: missing";
    QTest::newRow("bad optimizer") << "optimizer" << "config.training.optimizer: unknown name “rmsprop”";
    QTest::newRow("dropout too high") << "dropout" << "config.training.dropout: expected a number from 0 to 0.9";
    QTest::newRow("weights shape") << "weights" << "weights.W[0]: expected a list of 4, found 3";
    QTest::newRow("label out of range") << "label" << "data.labels[3]: expected a class from 0 to 1";
    QTest::newRow("sizes mismatch") << "hidden" << "initialWeights.sizes: the layer sizes do not match";
    QTest::newRow("text weight") << "text" << "weights.W[1][0][1]: expected a number";
    QTest::newRow("optimizer state") << "moments" << "optimizer.m: expected one value per parameter (25)";
}

void TestLabModel::malformedFilesAreRefusedAndTheLabIsUntouched() {
    QFETCH(QString, edit);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.json"));
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    LabModel source;
    train(source, 3);
    QString error;
    QVERIFY(source.save(good, &error));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    QJsonObject root = QJsonDocument::fromJson(bytes).object();
    auto setPath = [](QJsonObject& o, const QStringList& keys, const QJsonValue& v, auto& self) -> void {
        if (keys.size() == 1) {
            o[keys[0]] = v;
            return;
        }
        QJsonObject inner = o[keys[0]].toObject();
        self(inner, keys.mid(1), v, self);
        o[keys[0]] = inner;
    };
    if (edit == QLatin1String("garbage")) bytes = "{ this is not json";
    else if (edit == QLatin1String("truncate")) bytes.truncate(bytes.size() / 2);
    else {
        if (edit == QLatin1String("format")) root[QStringLiteral("format")] = QStringLiteral("something-else");
        if (edit == QLatin1String("version")) root[QStringLiteral("version")] = 2;
        if (edit == QLatin1String("no-history")) root.remove(QStringLiteral("history"));
        if (edit == QLatin1String("optimizer"))
            setPath(root, {QStringLiteral("config"), QStringLiteral("training"), QStringLiteral("optimizer")}, QStringLiteral("rmsprop"), setPath);
        if (edit == QLatin1String("dropout"))
            setPath(root, {QStringLiteral("config"), QStringLiteral("training"), QStringLiteral("dropout")}, 1.5, setPath);
        if (edit == QLatin1String("weights") || edit == QLatin1String("text")) {
            QJsonObject w = root[QStringLiteral("weights")].toObject();
            QJsonArray layers = w[QStringLiteral("W")].toArray();
            if (edit == QLatin1String("weights")) {
                QJsonArray first = layers[0].toArray();
                first.removeLast();
                layers[0] = first;
            } else {
                QJsonArray second = layers[1].toArray();
                QJsonArray row = second[0].toArray();
                row[1] = QStringLiteral("0.5");
                second[0] = row;
                layers[1] = second;
            }
            w[QStringLiteral("W")] = layers;
            root[QStringLiteral("weights")] = w;
        }
        if (edit == QLatin1String("label")) {
            QJsonObject d = root[QStringLiteral("data")].toObject();
            QJsonArray labels = d[QStringLiteral("labels")].toArray();
            labels[3] = 5;
            d[QStringLiteral("labels")] = labels;
            root[QStringLiteral("data")] = d;
        }
        if (edit == QLatin1String("hidden")) {
            setPath(root, {QStringLiteral("config"), QStringLiteral("hidden")}, QJsonArray{4, 3}, setPath);
        }
        if (edit == QLatin1String("moments"))
            setPath(root, {QStringLiteral("optimizer"), QStringLiteral("m")}, QJsonArray{1, 2, 3}, setPath);
        bytes = QJsonDocument(root).toJson();
    }
    writeFile(bad, bytes);
    LabModel target;
    target.setDatasetKind(DatasetKind::Moons);
    train(target, 4);
    const LabModel::Saved before = target.snapshot();
    const int undo = target.undoStack()->count();
    QVERIFY(!target.load(bad, &error));
    QVERIFY2(error.startsWith(QStringLiteral("bad.json: ")) && error.contains(message),
             qPrintable(QStringLiteral("got: %1\nexpected it to contain: %2").arg(error, message)));
    QVERIFY(sameLab(before, target.snapshot()));
    QCOMPARE(target.undoStack()->count(), undo);
    train(target, 1);  // and it still trains
    QCOMPARE(target.epoch(), 5L);
}

void TestLabModel::saveFileLargerThanTheLimitIsRefusedUnread() {
    // A sparse file one byte over the limit: refused by its size, before it is read or parsed
    // (without the limit this would read 256 MiB of zeros and report “not JSON”).
    QTemporaryDir dir;
    const QString huge = dir.filePath(QStringLiteral("huge.json"));
    QFile file(huge);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(LabModel::kMaxSaveFileBytes + 1));
    file.close();
    LabModel model;
    train(model, 2);
    const LabModel::Saved before = model.snapshot();
    QString error;
    QVERIFY(!model.load(huge, &error));
    QCOMPARE(error, QStringLiteral("huge.json: the file has 268435457 bytes, more than the limit of 268435456 bytes"));
    QVERIFY(sameLab(before, model.snapshot()));
    // The same limit holds for bytes handed to the reader directly.
    LabModel::Saved saved;
    QVERIFY(!LabModel::readSaved(QByteArray(LabModel::kMaxSaveFileBytes + 1, ' '), QStringLiteral("big.json"), &saved, &error));
    QCOMPARE(error, QStringLiteral("big.json: the file has 268435457 bytes, more than the limit of 268435456 bytes"));
}

QTEST_MAIN(TestLabModel)
#include "test_lab_model.moc"
