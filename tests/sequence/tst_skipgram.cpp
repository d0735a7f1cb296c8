// Skip-gram with negative sampling (seed 001 §6): the pair loss's gradient against central
// differences, the loss falling, neighbours from the same word group, PCA, determinism.
#include "sequence/skipgram.h"

#include <QtTest>

#include <cmath>

using namespace ns::seq;

class TestSkipGram : public QObject {
    Q_OBJECT
private slots:
    void gradientMatchesCentralDifferences() {
        std::mt19937_64 rng(7);
        std::normal_distribution<double> n(0, 0.7);
        auto rnd = [&](int d) { Eigen::VectorXd x(d); for (int i = 0; i < d; ++i) x(i) = n(rng); return x; };
        const int d = 5;
        Eigen::VectorXd vc = rnd(d), uo = rnd(d);
        std::vector<Eigen::VectorXd> uk = {rnd(d), rnd(d), rnd(d)};
        const PairGradient g = sgnsPairGradient(vc, uo, uk);
        const double h = 1e-6;
        auto check = [&](Eigen::VectorXd& x, const Eigen::VectorXd& analytic) {
            for (int i = 0; i < d; ++i) {
                const double keep = x(i);
                x(i) = keep + h; const double lp = sgnsPairGradient(vc, uo, uk).loss;
                x(i) = keep - h; const double lm = sgnsPairGradient(vc, uo, uk).loss;
                x(i) = keep;
                QVERIFY2(std::abs((lp - lm) / (2 * h) - analytic(i)) < 1e-7, "gradient differs");
            }
        };
        check(vc, g.gradCentre);
        check(uo, g.gradContext);
        for (std::size_t k = 0; k < uk.size(); ++k) check(uk[k], g.gradNegatives[k]);
    }
    void lossFalls() {
        SkipGram sg(builtinCorpus(CorpusLanguage::English), {});
        const double first = sg.epoch();
        double last = first;
        for (int e = 0; e < 30; ++e) last = sg.epoch();
        QVERIFY2(last < 0.8 * first, qPrintable(QString("first %1 last %2").arg(first).arg(last)));
    }
    void neighboursShareGroups_data() {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(CorpusLanguage::English);
        QTest::newRow("zh") << int(CorpusLanguage::Chinese);
    }
    void neighboursShareGroups() {
        QFETCH(int, language);
        const auto lang = CorpusLanguage(language);
        SkipGram sg(builtinCorpus(lang), {});
        for (int e = 0; e < 60; ++e) sg.epoch();
        int hits = 0, total = 0;
        double chance = 0;
        const double V = sg.words().size();
        for (const auto& group : builtinGroups(lang)) {
            for (const auto& w : group) {
                const int i = sg.indexOf(w);
                QVERIFY(i >= 0);
                const auto nb = sg.nearest(i, 3);
                for (const auto& n : nb) {
                    ++total;
                    if (std::find(group.begin(), group.end(), sg.words()[n.word]) != group.end()) ++hits;
                }
                chance += 3 * (group.size() - 1) / (V - 1);
            }
        }
        QVERIFY2(hits > 2 * chance, qPrintable(QString("hits %1 of %2, chance %3").arg(hits).arg(total).arg(chance)));
    }
    void pcaOfKnownMatrix() {
        // Points on the line y = 2x (plus a small z spread): the first component carries the line.
        Eigen::MatrixXd X(4, 3);
        X << 1, 2, 0.1, 2, 4, -0.1, 3, 6, -0.1, 4, 8, 0.1;  // z orthogonal to the line
        const Eigen::MatrixXd P = pcaProject(X, 2);
        const double s = std::sqrt(5.0);
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(P(i, 0) - (i - 1.5) * s) < 1e-9);
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(std::abs(P(i, 1)) - 0.1) < 1e-9);
    }
    void deterministic() {
        SkipGram a(builtinCorpus(CorpusLanguage::Chinese), {}), b(builtinCorpus(CorpusLanguage::Chinese), {});
        QCOMPARE(a.step(500), b.step(500));
        QVERIFY(a.input() == b.input());
        SkipGramConfig other; other.seed = 2;
        SkipGram c(builtinCorpus(CorpusLanguage::Chinese), other);
        c.step(500);
        QVERIFY(!(a.input() == c.input()));
    }
    void oneHotComparison() {
        SkipGram sg(builtinCorpus(CorpusLanguage::English), {});
        const auto c = sg.comparison();
        QCOMPARE(c.vocabulary, int(sg.words().size()));
        QCOMPARE(c.denseDimension, 16);
        QVERIFY(c.oneHotSparsity > 0.98);
        QCOMPARE(c.denseSparsity, 0.0);
    }
    void analogyRuns() {
        SkipGram sg(builtinCorpus(CorpusLanguage::English), {});
        for (int e = 0; e < 60; ++e) sg.epoch();
        const auto r = sg.analogy(sg.indexOf("king"), sg.indexOf("man"), sg.indexOf("woman"), 5);
        QCOMPARE(int(r.size()), 5);
        for (const auto& n : r) QVERIFY(sg.words()[n.word] != "king" && sg.words()[n.word] != "man");
        qInfo("king - man + woman -> %s", sg.words()[r[0].word].c_str());
    }
};

QTEST_GUILESS_MAIN(TestSkipGram)
#include "tst_skipgram.moc"
