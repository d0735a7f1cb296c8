// The lab's data: generated sets (shape, labels, seed, split), input features, the grid the
// decision boundary is drawn from, and CSV import with its line-numbered errors.
#include "lab/csv_import.h"
#include "lab/lab_features.h"
#include "lab/grid.h"
#include "lab/lab_data.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <set>

using namespace ns;

class TestLabData : public QObject {
    Q_OBJECT

private slots:
    void everySetHasItsShapeAndLabels_data();
    void everySetHasItsShapeAndLabels();
    void sameSeedSameDataOtherSeedOther();
    void circleWithoutNoiseSeparatesByRadius();
    void xorWithoutNoiseLabelsBySignOfProduct();
    void sumSign4IsTheTextbookTask();
    void splitTakesTheAskedFraction();
    void targetsAreOneHotForMulticlass();
    void badSpecsAreRefused();
    void featuresOfAPoint();
    void featureSubsetsKeepTheirOrder();
    void gridMatchesForwardOnItsPoints();
    void gridOfFourDimensionalDataIsTheZeroSlice();
    void csvWithHeader();
    void csvWithoutHeaderSemicolonsAndComments();
    void csvLabelsBecomeClassesOrValues();
    void csvErrorsNameLineAndProblem_data();
    void csvErrorsNameLineAndProblem();
    void csvRoundTrip();
    void csvLongLineIsRefusedWithItsNumberAndTheLimit();
    void csvLargerThanTheLimitIsRefusedBeforeParsing();
};

void TestLabData::everySetHasItsShapeAndLabels_data() {
    QTest::addColumn<int>("kind");
    for (DatasetKind k : allDatasets()) QTest::addRow("%s", name(k).data()) << static_cast<int>(k);
}

void TestLabData::everySetHasItsShapeAndLabels() {
    QFETCH(int, kind);
    const auto k = static_cast<DatasetKind>(kind);
    const LabData d = generateDataset({.kind = k, .samples = 300, .noise = 0.2, .testFraction = 0.3, .seed = 4});
    QCOMPARE(d.size(), Eigen::Index(300));
    QCOMPARE(d.dimension(), dimensionOf(k));
    QCOMPARE(d.task, taskOf(k));
    QVERIFY(d.points.allFinite() && d.labels.allFinite());
    if (d.task == TaskKind::Regression) {
        QCOMPARE(d.classes, 0);
        QVERIFY(d.labels.maxCoeff() > d.labels.minCoeff());
    } else {
        std::set<double> labels(d.labels.begin(), d.labels.end());
        QCOMPARE(static_cast<int>(labels.size()), d.classes);
        QCOMPARE(*labels.begin(), 0.0);
        QCOMPARE(*labels.rbegin(), double(d.classes - 1));
        // Balanced: no class has less than a quarter of its fair share.
        for (double c : labels)
            QVERIFY((d.labels.array() == c).count() > 300 / d.classes / 4);
    }
    if (d.dimension() == 2) QVERIFY(d.points.cwiseAbs().maxCoeff() < 3 * kDomain);
}

void TestLabData::sameSeedSameDataOtherSeedOther() {
    const DatasetSpec spec{.kind = DatasetKind::Spiral, .samples = 200, .noise = 0.1, .seed = 9};
    QVERIFY(generateDataset(spec) == generateDataset(spec));
    DatasetSpec other = spec;
    other.seed = 10;
    QVERIFY(!(generateDataset(spec) == generateDataset(other)));
}

// Playground's circle: class 1 within 0.5·5 of the centre, class 0 from 0.7·5 to 5.
void TestLabData::circleWithoutNoiseSeparatesByRadius() {
    const LabData d = generateDataset({.kind = DatasetKind::Circle, .samples = 400, .noise = 0});
    for (Eigen::Index i = 0; i < d.size(); ++i) {
        const double r = d.points.row(i).norm();
        if (d.labels(i) == 1) QVERIFY(r <= 2.5 + 1e-12);
        else QVERIFY(r >= 3.5 - 1e-12 && r <= 5 + 1e-12);
    }
}

void TestLabData::xorWithoutNoiseLabelsBySignOfProduct() {
    const LabData d = generateDataset({.kind = DatasetKind::Xor, .samples = 400, .noise = 0});
    for (Eigen::Index i = 0; i < d.size(); ++i) {
        QCOMPARE(d.labels(i), d.points(i, 0) * d.points(i, 1) > 0 ? 1.0 : 0.0);
        QVERIFY(std::abs(d.points(i, 0)) >= 0.3 && std::abs(d.points(i, 1)) >= 0.3);
    }
}

// Seed 001 §3.2: x ~ N(0,1)⁴, y = 1 when Σx > 0.
void TestLabData::sumSign4IsTheTextbookTask() {
    const LabData d = generateDataset({.kind = DatasetKind::SumSign4, .samples = 500, .noise = 0});
    for (Eigen::Index i = 0; i < d.size(); ++i) QCOMPARE(d.labels(i), d.points.row(i).sum() > 0 ? 1.0 : 0.0);
    QVERIFY(std::abs(d.points.mean()) < 0.1);
}

void TestLabData::splitTakesTheAskedFraction() {
    LabData d = generateDataset({.kind = DatasetKind::Moons, .samples = 301, .testFraction = 0.3, .seed = 2});
    QCOMPARE(d.testCount(), Eigen::Index(90));  // round(301·0.3) = 90
    QCOMPARE(rowsOf(d, true).size(), std::size_t(90));
    QCOMPARE(rowsOf(d, false).size(), std::size_t(211));
    splitTrainTest(d, 0.0, 1);
    QCOMPARE(d.testCount(), Eigen::Index(0));
    LabData again = d;
    splitTrainTest(d, 0.5, 77);
    splitTrainTest(again, 0.5, 77);
    QVERIFY(d.isTest == again.isTest);
}

void TestLabData::targetsAreOneHotForMulticlass() {
    const LabData d = generateDataset({.kind = DatasetKind::Blobs3, .samples = 30});
    const std::vector<Eigen::Index> rows{0, 1, 2, 5};
    const Matrix y = targetsOf(d, rows);
    QCOMPARE(y.cols(), Eigen::Index(3));
    for (Eigen::Index i = 0; i < 4; ++i) {
        QCOMPARE(y.row(i).sum(), 1.0);
        QCOMPARE(y(i, static_cast<Eigen::Index>(d.labels(rows[std::size_t(i)]))), 1.0);
    }
    const LabData r = generateDataset({.kind = DatasetKind::RegressionPlane, .samples = 10});
    QCOMPARE(targetsOf(r, {3})(0, 0), r.labels(3));
}

void TestLabData::badSpecsAreRefused() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateDataset({.samples = 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateDataset({.noise = 0.6}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateDataset({.testFraction = 0.95}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateDataset({.kind = DatasetKind::Imported}));
}

// At x = (2, π/2): x₁ = 2, x₂ = π/2, x₁² = 4, x₂² = π²/4, x₁x₂ = π, sin x₁ = sin 2, sin x₂ = 1.
void TestLabData::featuresOfAPoint() {
    Matrix p(1, 2);
    p << 2, std::numbers::pi / 2;
    FeatureSet all = 0;
    for (Feature f : allFeatures()) all |= bit(f);
    const Matrix f = applyFeatures(p, all);
    QCOMPARE(f.cols(), Eigen::Index(7));
    const double expected[] = {2, std::numbers::pi / 2, 4, std::numbers::pi * std::numbers::pi / 4,
                               std::numbers::pi, std::sin(2.0), 1};
    for (int i = 0; i < 7; ++i) QCOMPARE(f(0, i), expected[i]);
}

void TestLabData::featureSubsetsKeepTheirOrder() {
    Matrix p(2, 2);
    p << 3, -1, 0.5, 2;
    const FeatureSet set = bit(Feature::SinX2) | bit(Feature::X1X2) | bit(Feature::X1);
    QCOMPARE(inputCount(set, 2), 3);
    const Matrix f = applyFeatures(p, set);
    QCOMPARE(f(0, 0), 3.0);    // x₁
    QCOMPARE(f(0, 1), -3.0);   // x₁x₂
    QCOMPARE(f(1, 2), std::sin(2.0));
    QCOMPARE(inputCount(set, 4), 4);  // other dimensions go in unchanged
    Matrix q = Matrix::Ones(2, 4);
    QVERIFY(applyFeatures(q, set) == q);
    QCOMPARE(parseFeature("x1*x2"), std::optional<Feature>(Feature::X1X2));
}

void TestLabData::gridMatchesForwardOnItsPoints() {
    const Mlp net = Mlp::initialized({3, 5, 1}, {Activation::Tanh, Activation::Sigmoid}, Initialization::Xavier, 3);
    const FeatureSet set = bit(Feature::X1) | bit(Feature::X2) | bit(Feature::X1X2);
    GridSpec spec;
    spec.nx = 20;
    spec.ny = 10;
    GridEvaluation grid;
    evaluateGrid(net, set, 2, spec, grid);
    QCOMPARE(spec.x(0), -6.0);
    QCOMPARE(spec.x(19), 6.0);
    QCOMPARE(grid.trace.output().rows(), Eigen::Index(200));
    Matrix p(1, 2);
    p << spec.x(7), spec.y(4);
    const Trace t = net.forward(applyFeatures(p, set));
    QCOMPARE(grid.output(7, 4), t.output()(0, 0));
    QCOMPARE(grid.activation(0, 3, 7, 4), t.layers[0].a(0, 3));
    evaluateGrid(net, set, 2, spec, grid);  // again, reusing the storage
    QCOMPARE(grid.output(7, 4), t.output()(0, 0));
}

void TestLabData::gridOfFourDimensionalDataIsTheZeroSlice() {
    const Mlp net = Mlp::initialized({4, 3, 1}, {Activation::Relu, Activation::Sigmoid}, Initialization::He, 4);
    GridSpec spec;
    spec.nx = spec.ny = 5;
    GridEvaluation grid;
    evaluateGrid(net, kDefaultFeatures, 4, spec, grid);
    Matrix p(1, 4);
    p << spec.x(1), spec.y(3), 0, 0;
    QCOMPARE(grid.output(1, 3), net.forward(p).output()(0, 0));
}

void TestLabData::csvWithHeader() {
    const CsvImport r = parseCsv("x,y,label\n1.5,2,1\n-3,4e-1,0\n0,0,1\n", 0, 1);
    QVERIFY2(r.ok(), r.error.message().c_str());
    QCOMPARE(r.header, (std::vector<std::string>{"x", "y", "label"}));
    QCOMPARE(r.data.size(), Eigen::Index(3));
    QCOMPARE(r.data.dimension(), 2);
    QCOMPARE(r.data.points(1, 1), 0.4);
    QCOMPARE(r.data.task, TaskKind::Binary);
    QCOMPARE(r.data.labels(0), 1.0);
}

void TestLabData::csvWithoutHeaderSemicolonsAndComments() {
    const CsvImport r = parseCsv("# measured 2024\n\n1;2;3;0\r\n4;5;6;1\r\n\n7;8;9;2\n", 0, 1);
    QVERIFY2(r.ok(), r.error.message().c_str());
    QVERIFY(r.header.empty());
    QCOMPARE(r.data.size(), Eigen::Index(3));
    QCOMPARE(r.data.dimension(), 3);
    QCOMPARE(r.data.task, TaskKind::Multiclass);
    QCOMPARE(r.data.classes, 3);
    QCOMPARE(r.data.points(2, 2), 9.0);
}

// Whole labels −1 and 1 are two classes, −1 first; fractional labels are a regression target.
void TestLabData::csvLabelsBecomeClassesOrValues() {
    const CsvImport binary = parseCsv("0,1,-1\n1,0,1\n2,2,-1\n", 0, 1);
    QVERIFY(binary.ok());
    QCOMPARE(binary.data.task, TaskKind::Binary);
    QCOMPARE(binary.data.classValues, (std::vector<double>{-1, 1}));
    QCOMPARE(binary.data.labels(0), 0.0);
    QCOMPARE(binary.data.labels(1), 1.0);
    const CsvImport regression = parseCsv("0,1,0.25\n1,0,1.5\n2,2,-3\n", 0, 1);
    QVERIFY(regression.ok());
    QCOMPARE(regression.data.task, TaskKind::Regression);
    QCOMPARE(regression.data.labels(2), -3.0);
    // Nine distinct whole numbers are too many classes: a regression target.
    std::string many;
    for (int i = 0; i < 9; ++i) many += std::to_string(i) + ",1," + std::to_string(i) + "\n";
    QCOMPARE(parseCsv(many, 0, 1).data.task, TaskKind::Regression);
}

void TestLabData::csvErrorsNameLineAndProblem_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem");
    QTest::addColumn<long>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number") << "a,b,c\n1,2,0\n3,4,1\n5,abc,0\n" << int(CsvProblem::NotANumber) << 4L << 2
                                  << "line 4, column 2: 'abc' is not a number";
    QTest::newRow("empty field") << "1,2,0\n3,,1\n" << int(CsvProblem::NotANumber) << 2L << 2
                                 << "line 2, column 2: the field is empty";
    QTest::newRow("column count") << "1,2,0\n\n# skipped lines still count\n3,4\n"
                                  << int(CsvProblem::ColumnCount) << 4L << 0
                                  << "line 4: expected 3 fields like the first line, found 2";
    QTest::newRow("nan") << "1,2,0\n3,nan,1\n" << int(CsvProblem::NotFinite) << 2L << 2
                         << "line 2, column 2: 'nan' is not a finite number";
    QTest::newRow("one column") << "x\n1\n2\n" << int(CsvProblem::TooFewColumns) << 1L << 0
                                << "line 1: expected at least 2 columns (features, then the label), found 1";
    QTest::newRow("empty") << "\n# nothing\n\n" << int(CsvProblem::Empty) << 0L << 0
                           << "the file has no data lines";
    QTest::newRow("header only") << "x,y,label\n" << int(CsvProblem::Empty) << 0L << 0
                                 << "the file has no data lines";
    QTest::newRow("one row") << "x,y,label\n1,2,1\n" << int(CsvProblem::TooFewRows) << 0L << 0
                             << "expected at least 2 data lines, found 1";
    QTest::newRow("one label") << "1,2,7\n3,4,7\n" << int(CsvProblem::SingleLabel) << 0L << 3
                               << "every label is 7: there is nothing to learn";
    QTest::newRow("trailing text") << "1,2,0\n3,4x,1\n" << int(CsvProblem::NotANumber) << 2L << 2
                                   << "line 2, column 2: '4x' is not a number";
}

void TestLabData::csvErrorsNameLineAndProblem() {
    QFETCH(QString, text);
    QFETCH(int, problem);
    QFETCH(long, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const CsvImport r = parseCsv(text.toStdString(), 0, 1);
    QVERIFY(!r.ok());
    QCOMPARE(static_cast<int>(r.error.problem), problem);
    QCOMPARE(r.error.line, line);
    QCOMPARE(r.error.column, column);
    QCOMPARE(QString::fromStdString(r.error.message()), message);
    QCOMPARE(r.data.size(), Eigen::Index(0));  // nothing half-imported
}

void TestLabData::csvRoundTrip() {
    const LabData d = generateDataset({.kind = DatasetKind::Blobs3, .samples = 50, .noise = 0.1, .seed = 8});
    const CsvImport back = parseCsv(toCsv(d), 0, 1);
    QVERIFY2(back.ok(), back.error.message().c_str());
    QVERIFY(back.data.points == d.points);
    QVERIFY(back.data.labels == d.labels);
    QCOMPARE(back.data.classes, 3);
}

void TestLabData::csvLongLineIsRefusedWithItsNumberAndTheLimit() {
    // Padding that trimming would remove: without the cap this line imports as 3,4,1.
    const std::string text = "x,y,label\n1,2,0\n3,4,1" + std::string(kMaxCsvLineBytes, ' ') + "\n5,6,0\n";
    const CsvImport r = parseCsv(text, 0, 1);
    QVERIFY(!r.ok());
    QCOMPARE(static_cast<int>(r.error.problem), int(CsvProblem::LineTooLong));
    QCOMPARE(r.error.line, 3L);
    QCOMPARE(QString::fromStdString(r.error.message()),
             QStringLiteral("line 3: the line has 65541 characters, more than the limit of 65536"));
    QCOMPARE(r.data.size(), Eigen::Index(0));
    // A line of exactly the limit is accepted.
    const std::string atLimit = "1,2,0\n3,4,1" + std::string(kMaxCsvLineBytes - 5, ' ') + "\n";
    QVERIFY2(parseCsv(atLimit, 0, 1).ok(), parseCsv(atLimit, 0, 1).error.message().c_str());
}

void TestLabData::csvLargerThanTheLimitIsRefusedBeforeParsing() {
    // Valid lines all through: without the cap this reads until the row limit.
    std::string text;
    text.reserve(kMaxCsvBytes + 8);
    while (text.size() <= kMaxCsvBytes) text += "1,2,0\n3,4,1\n";
    const CsvImport r = parseCsv(text, 0, 1);
    QVERIFY(!r.ok());
    QCOMPARE(static_cast<int>(r.error.problem), int(CsvProblem::FileTooLarge));
    QCOMPARE(r.error.line, 0L);
    QCOMPARE(QString::fromStdString(r.error.message()),
             QStringLiteral("the file has %1 bytes, more than the limit of 67108864 bytes").arg(text.size()));
}

QTEST_APPLESS_MAIN(TestLabData)
#include "tst_lab_data.moc"
