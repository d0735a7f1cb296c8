// The built-in image set: shape, value range, class balance, determinism by seed, and classes
// that differ from each other more than images within a class do.
#include "data/shapes_dataset.h"

#include <QTest>

#include <stdexcept>

using namespace ns::data;

class TestShapesDataset : public QObject {
    Q_OBJECT

private slots:
    void shapeRangeAndBalance_data();
    void shapeRangeAndBalance();
    void sameSeedSameImagesOtherSeedOther();
    void classMeansDiffer();
    void badSpecsAreRefused();
};

void TestShapesDataset::shapeRangeAndBalance_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("digits") << int(ShapesKind::Digits);
    QTest::newRow("shapes") << int(ShapesKind::Shapes);
}

void TestShapesDataset::shapeRangeAndBalance() {
    QFETCH(int, kind);
    const ImageSet set = generateShapes({.kind = ShapesKind(kind), .count = 205, .seed = 3});
    QCOMPARE(set.images.shape(), (ns::engine::Shape{205, 1, 28, 28}));
    QCOMPARE(set.size(), 205);
    QVERIFY(set.images.flat().minCoeff() >= 0.0);
    QVERIFY(set.images.flat().maxCoeff() <= 1.0);
    std::vector<int> perClass(10, 0);
    for (int l : set.labels) ++perClass.at(static_cast<std::size_t>(l));
    for (int c : perClass) QVERIFY(c == 20 || c == 21);
    for (ns::engine::Index i = 0; i < set.size(); ++i) {  // every image has ink, none is all ink
        const double mean = Eigen::Map<const Eigen::VectorXd>(set.images.sample(i), 784).mean();
        QVERIFY2(mean > 0.05 && mean < 0.6, qPrintable(QString::number(mean)));
    }
}

void TestShapesDataset::sameSeedSameImagesOtherSeedOther() {
    const ImageSet a = generateShapes({.count = 50, .seed = 7});
    const ImageSet b = generateShapes({.count = 50, .seed = 7});
    const ImageSet c = generateShapes({.count = 50, .seed = 8});
    QVERIFY(a.images == b.images);
    QCOMPARE(a.labels, b.labels);
    QVERIFY(!(a.images == c.images));
    const ImageSet shapes = generateShapes({.kind = ShapesKind::Shapes, .count = 50, .seed = 7});
    QVERIFY(!(a.images == shapes.images));
}

void TestShapesDataset::classMeansDiffer() {
    const ImageSet set = generateShapes({.count = 1000, .seed = 1, .noise = 0});
    std::vector<Eigen::VectorXd> mean(10, Eigen::VectorXd::Zero(784));
    std::vector<int> n(10, 0);
    for (ns::engine::Index i = 0; i < set.size(); ++i) {
        const auto c = static_cast<std::size_t>(set.labels[static_cast<std::size_t>(i)]);
        mean[c] += Eigen::Map<const Eigen::VectorXd>(set.images.sample(i), 784);
        ++n[c];
    }
    for (int c = 0; c < 10; ++c) mean[static_cast<std::size_t>(c)] /= n[static_cast<std::size_t>(c)];
    double smallest = 1e9;
    for (int a = 0; a < 10; ++a)
        for (int b = a + 1; b < 10; ++b)
            smallest = std::min(smallest, (mean[static_cast<std::size_t>(a)] - mean[static_cast<std::size_t>(b)]).norm());
    QVERIFY2(smallest > 1.0, qPrintable(QString::number(smallest)));
}

void TestShapesDataset::badSpecsAreRefused() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateShapes({.count = 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateShapes({.count = ShapesSpec::kMaxCount + 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateShapes({.count = 5, .noise = -1}));
}

QTEST_GUILESS_MAIN(TestShapesDataset)
#include "tst_shapes_dataset.moc"
