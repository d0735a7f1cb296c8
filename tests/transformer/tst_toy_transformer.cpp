// The tiny Transformer and the ViT of core/transformer: the toy tasks' targets, the seeded
// `reverse` run reaching ≥ 95 % held-out token accuracy within its step budget with its attention
// turning into the anti-diagonal, predictions against an independent forward pass, and the ViT's
// patches, class-token attention and MAE mask.
#include "data/shapes_dataset.h"
#include "transformer/toy_transformer.h"
#include "transformer/vit.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace ns;
using namespace ns::transformer;

class TestToyTransformer : public QObject {
    Q_OBJECT
private slots:
    void targetsOfTheTasks();
    void sequencesAreSeeded();
    void typedTokens();
    void learnsReverseWithAnAntiDiagonal();
    void lessonGoalsAreReachable();
    void predictionMatchesTheNetwork();
    void charactersAreCausal();
    void vitShapesAndClassAttention();
    void vitLearnsDigits();
    void maeMasksExactlyTheRatio();
};

void TestToyTransformer::targetsOfTheTasks() {
    const std::vector<int> in{3, 1, 4, 1, 5};
    QCOMPARE(ToyTransformer::target(ToyTask::Copy, in), in);
    QCOMPARE(ToyTransformer::target(ToyTask::Reverse, in), (std::vector<int>{5, 1, 4, 1, 3}));
    QCOMPARE(ToyTransformer::target(ToyTask::Sort, in), (std::vector<int>{1, 1, 3, 4, 5}));
    const std::vector<int> att = ToyTransformer::tokens(ToyTask::Characters, "atte");
    QCOMPARE(ToyTransformer::spell(ToyTask::Characters, ToyTransformer::target(ToyTask::Characters, att)),
             std::string("tten"));
    QCOMPARE(toyTaskIndex("sort"), 2);
    QCOMPARE(toyTaskIndex("nope"), -1);
}

void TestToyTransformer::sequencesAreSeeded() {
    const ToySequences a = ToyTransformer::sequences(ToyTask::Reverse, 5, 4, 7);
    const ToySequences b = ToyTransformer::sequences(ToyTask::Reverse, 5, 4, 7);
    QCOMPARE(a.inputs, b.inputs);
    for (int s = 0; s < 4; ++s)
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(a.labels[static_cast<std::size_t>(s * 5 + i)], a.inputs[static_cast<std::size_t>(s * 5 + 4 - i)]);
            QCOMPARE(a.x.at({s, i, a.inputs[static_cast<std::size_t>(s * 5 + i)]}), 1.0);
        }
    QCOMPARE(a.x.flat().sum(), 20.0);  // one-hot
}

void TestToyTransformer::typedTokens() {
    QCOMPARE(ToyTransformer::tokens(ToyTask::Reverse, "907"), (std::vector<int>{9, 0, 7}));
    QVERIFY(ToyTransformer::tokens(ToyTask::Reverse, "9a7").empty());
    QCOMPARE(ToyTransformer::spell(ToyTask::Sort, {0, 9}), std::string("09"));
}

void TestToyTransformer::learnsReverseWithAnAntiDiagonal() {
    ToySettings s;  // reverse, n = 6, two layers of four heads, Adam 3e-3, seed 2
    ToyTransformer model(s);
    const std::vector<int> probe{1, 2, 3, 4, 5, 6};
    auto antiDiagonalMass = [&] {
        // The mean over the last layer's heads of the weight each query puts on its mirror key.
        const ToyPrediction p = model.predict(probe);
        double mass = 0;
        for (const auto& head : p.attention.back())
            for (int i = 0; i < 6; ++i) mass += head[static_cast<std::size_t>(i * 6 + (5 - i))];
        return mass / (6.0 * static_cast<double>(p.attention.back().size()));
    };
    const double before = antiDiagonalMass();
    double reached = 0;
    const long budget = 2000;
    while (model.steps() < budget) {
        const ToyStep step = model.step();
        QVERIFY(step.finite);
        if (model.steps() % 50 == 0 && (reached = model.heldOutAccuracy()) >= 0.95) break;
    }
    qInfo("reverse: %.1f %% held-out token accuracy after %ld steps", 100 * reached, model.steps());
    QVERIFY2(reached >= 0.95, qPrintable(QString("%1 % after %2 steps").arg(100 * reached).arg(model.steps())));
    const ToyPrediction p = model.predict(probe);
    QCOMPARE(p.output, (std::vector<int>{6, 5, 4, 3, 2, 1}));
    QCOMPARE(p.expected, p.output);
    // Attention turned into an anti-diagonal: at least one head in some layer puts most of each
    // query's weight on the mirror position, far more than the uniform 1/6 it started near.
    double bestHead = 0;
    for (const auto& layer : p.attention)
        for (const auto& head : layer) {
            double m = 0;
            for (int i = 0; i < 6; ++i) m += head[static_cast<std::size_t>(i * 6 + (5 - i))];
            bestHead = std::max(bestHead, m / 6);
        }
    const double after = antiDiagonalMass();
    qInfo("anti-diagonal weight: %.3f before, %.3f after (mean of the last layer), best head %.3f", before, after, bestHead);
    QVERIFY(before < 0.3);
    QVERIFY(bestHead > 0.5);
    // Every attention row is a distribution.
    for (const auto& layer : p.attention)
        for (const auto& head : layer)
            for (int i = 0; i < 6; ++i) {
                double row = 0;
                for (int j = 0; j < 6; ++j) row += head[static_cast<std::size_t>(i * 6 + j)];
                QVERIFY(std::abs(row - 1) < 1e-12);
            }
}

void TestToyTransformer::lessonGoalsAreReachable() {
    // What chapter 5's lessons ask of a student within about a minute of training (40 steps a
    // second in the workspace): sort to 90 %, and a one-layer, two-head reverser to 95 %.
    auto stepsTo = [](ToySettings s, double goal, long budget) {
        ToyTransformer model(s);
        while (model.steps() < budget) {
            model.step();
            if (model.steps() % 25 == 0 && model.heldOutAccuracy() >= goal) return model.steps();
        }
        return -1L;
    };
    ToySettings sort;
    sort.task = ToyTask::Sort;
    const long sortSteps = stepsTo(sort, 0.9, 2000);
    ToySettings small;
    small.layers = 1;
    small.heads = 2;
    const long smallSteps = stepsTo(small, 0.95, 2000);
    qInfo("sort: 90 %% after %ld steps; one layer, two heads, reverse: 95 %% after %ld steps", sortSteps, smallSteps);
    QVERIFY(sortSteps > 0);
    QVERIFY(smallSteps > 0);
}

void TestToyTransformer::predictionMatchesTheNetwork() {
    ToySettings s;
    s.task = ToyTask::Sort;
    s.length = 5;
    s.layers = 1;
    s.heads = 2;
    ToyTransformer model(s);
    for (int k = 0; k < 20; ++k) model.step();
    const std::vector<int> in{4, 0, 9, 2, 2};
    const ToyPrediction p = model.predict(in);
    // An independent forward pass of a copy of the network on the same one-hot input.
    engine::Network copy = model.network();
    engine::Tensor x({1, 5, 10});
    for (int i = 0; i < 5; ++i) x.at({0, i, in[static_cast<std::size_t>(i)]}) = 1;
    engine::NetworkTrace t;
    engine::RunContext eval;
    eval.mode = engine::Mode::Eval;
    copy.forward(x, t, eval);
    for (int i = 0; i < 5; ++i) {
        int best = 0;
        for (int c = 1; c < 10; ++c)
            if (t.output().at({0, i, c}) > t.output().at({0, i, best})) best = c;
        QCOMPARE(p.output[static_cast<std::size_t>(i)], best);
    }
    const engine::Tensor& w = t.nodes.at(static_cast<std::size_t>(copy.find("enc1_attention"))).named.at("weights");
    QCOMPARE(p.attention.size(), std::size_t(1));
    QCOMPARE(p.attention[0].size(), std::size_t(2));
    for (int h = 0; h < 2; ++h)
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 5; ++j) QCOMPARE(p.attention[0][static_cast<std::size_t>(h)][static_cast<std::size_t>(i * 5 + j)], w.at({0, h, i, j}));
    QCOMPARE(p.expected, (std::vector<int>{0, 2, 2, 4, 9}));
}

void TestToyTransformer::charactersAreCausal() {
    ToySettings s;
    s.task = ToyTask::Characters;
    s.length = 8;
    ToyTransformer model(s);
    const ToyPrediction p = model.predict(ToyTransformer::tokens(ToyTask::Characters, "the quer"));
    for (const auto& layer : p.attention)
        for (const auto& head : layer)
            for (int i = 0; i < 8; ++i)
                for (int j = i + 1; j < 8; ++j) QCOMPARE(head[static_cast<std::size_t>(i * 8 + j)], 0.0);
    for (int k = 0; k < 30; ++k) QVERIFY(model.step().finite);
}

namespace {
data::ImageSet digits(int count, std::uint64_t seed) {
    data::ShapesSpec spec;
    spec.count = count;
    spec.seed = seed;
    return data::generateShapes(spec);
}
}  // namespace

void TestToyTransformer::vitShapesAndClassAttention() {
    VitSettings s;
    s.patch = 6;  // not a divisor of 28: the nearest one, 7
    Vit vit(s, digits(100, 1), digits(20, 2));
    QCOMPARE(vit.settings().patch, 7);
    QCOMPARE(vit.grid(), 4);
    QCOMPARE(vit.patchCount(), 16);
    const VitInspection v = vit.inspect(3);
    QCOMPARE(v.grid, 4);
    QCOMPARE(v.classAttention.size(), std::size_t(1));
    QCOMPARE(v.classAttention[0].size(), std::size_t(4));
    for (std::size_t h = 0; h < 4; ++h) {
        QCOMPARE(v.classAttention[0][h].size(), std::size_t(16));
        const double sum = std::accumulate(v.classAttention[0][h].begin(), v.classAttention[0][h].end(), v.classSelf[0][h]);
        QVERIFY(std::abs(sum - 1) < 1e-12);
    }
    double p = 0;
    for (double q : v.probabilities) p += q;
    QVERIFY(std::abs(p - 1) < 1e-12);
    QCOMPARE(nearestPatch(3), 2);  // as near to 2 as to 4: the smaller wins
    QCOMPARE(nearestPatch(14), 14);
    QCOMPARE(nearestPatch(10), 7);
}

void TestToyTransformer::vitLearnsDigits() {
    Vit vit(VitSettings{}, digits(2000, 11), digits(200, 12));
    const double before = vit.testAccuracy();
    for (int k = 0; k < 300; ++k) QVERIFY(vit.step().finite);
    const double after = vit.testAccuracy();
    qInfo("ViT on the built-in digits: %.1f %% → %.1f %% test accuracy after 300 steps", 100 * before, 100 * after);
    QVERIFY(after > 0.6);
    QVERIFY(after > before + 0.3);
}

void TestToyTransformer::maeMasksExactlyTheRatio() {
    for (int patches : {16, 49, 196}) {
        const std::vector<bool> m = maeMask(patches, 0.75, 3);
        QCOMPARE(static_cast<int>(std::count(m.begin(), m.end(), true)), static_cast<int>(std::lround(0.75 * patches)));
        QCOMPARE(maeMask(patches, 0.75, 3), m);  // seeded
    }
    QVERIFY(maeMask(16, 0.75, 3) != maeMask(16, 0.75, 4));
    const std::vector<bool> none = maeMask(16, 0, 3);
    QCOMPARE(static_cast<int>(std::count(none.begin(), none.end(), true)), 0);
}

QTEST_GUILESS_MAIN(TestToyTransformer)
#include "tst_toy_transformer.moc"
