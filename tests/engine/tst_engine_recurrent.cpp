// The recurrent cells of seed 001 §4.6 (eq. 52, 54–59) and seed 002's GRU: each against a
// 2-step case worked out with scalar arithmetic, backpropagation through time against central
// differences (x, h₀, C₀ and every weight), the same bits at 1 and 2 threads, the trace's named
// intermediates, the embedding, the last-step layer and the Adam step.
#include "engine/dense.h"
#include "engine/gradient_check.h"
#include "engine/optimizer.h"
#include "engine/recurrent.h"
#include "base/random.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <memory>

using namespace ns;
using namespace ns::engine;

namespace {

Tensor randomTensor(const Shape& shape, std::uint64_t seed, double scale = 1.0) {
    Tensor t(shape);
    Random random(seed);
    for (Index i = 0; i < t.size(); ++i) t[i] = random.normal() * scale;
    return t;
}

double sigma(double x) { return 1 / (1 + std::exp(-x)); }

void setAll(Recurrent& cell, const std::string& name, std::initializer_list<double> values) {
    Tensor& p = cell.parameters()[static_cast<std::size_t>(cell.parameterIndex(name))].value;
    QCOMPARE(static_cast<std::size_t>(p.size()), values.size());
    Index i = 0;
    for (double v : values) p[i++] = v;
}

struct Run {
    LayerTrace trace;
    std::vector<Tensor> inputs;
};

// Forward and backward of L = Σ r ⊙ h (r fixed), every input's gradient asked for.
void runCell(Recurrent& cell, Run& run, const Tensor& r, int threads = 1) {
    RunContext context;
    context.threads = threads;
    Inputs in;
    for (const Tensor& t : run.inputs) in.push_back(&t);
    cell.forward(in, run.trace, context);
    run.trace.gradOutput = r;
    cell.backward(in, run.trace, std::vector<bool>(run.inputs.size(), true), context);
}

double lossOf(Recurrent& cell, const std::vector<Tensor>& inputs, const Tensor& r) {
    LayerTrace trace;
    Inputs in;
    for (const Tensor& t : inputs) in.push_back(&t);
    cell.forward(in, trace, RunContext{});
    return trace.output.flat().dot(r.flat());
}

// Central differences on every entry of every input and parameter; returns the worst
// |analytic − numeric| / max(1, |numeric|).
double worstGradientError(Recurrent& cell, std::vector<Tensor> inputs, const Tensor& r, QString& where) {
    Run run;
    run.inputs = inputs;
    runCell(cell, run, r);
    const double h = 1e-6;
    double worst = 0;
    auto probe = [&](Tensor& value, const Tensor& analytic, const QString& name) {
        for (Index i = 0; i < value.size(); ++i) {
            const double keep = value[i];
            value[i] = keep + h;
            const double up = lossOf(cell, inputs, r);
            value[i] = keep - h;
            const double down = lossOf(cell, inputs, r);
            value[i] = keep;
            const double numeric = (up - down) / (2 * h);
            const double error = std::abs(analytic[i] - numeric) / std::max(1.0, std::abs(numeric));
            if (error > worst) worst = error, where = QStringLiteral("%1[%2]").arg(name).arg(i);
        }
    };
    for (std::size_t k = 0; k < inputs.size(); ++k) probe(inputs[k], run.trace.gradInputs[k], QStringLiteral("input %1").arg(k));
    for (std::size_t p = 0; p < cell.parameters().size(); ++p)
        probe(cell.parameters()[p].value, run.trace.gradParameters[p], QString::fromStdString(cell.parameters()[p].name));
    return worst;
}

}  // namespace

class TestEngineRecurrent : public QObject {
    Q_OBJECT

private slots:
    // h = 1, d = 1: h₁ = tanh(W_h h₀ + W_x x₁ + b_h), h₂ = tanh(W_h h₁ + W_x x₂ + b_h).
    void rnnTwoStepsByHand() {
        Recurrent cell(CellKind::Rnn, 1, 1, true);
        setAll(cell, "W_h", {0.5}), setAll(cell, "W_x", {1.0}), setAll(cell, "b_h", {0.1});
        Run run;
        run.inputs = {Tensor({1, 2, 1}), Tensor({1, 1})};
        run.inputs[0][0] = 1.0, run.inputs[0][1] = -2.0, run.inputs[1][0] = 0.2;
        Tensor r({1, 2, 1});
        r[0] = 0, r[1] = 1;  // L = h₂
        runCell(cell, run, r);
        const double h1 = std::tanh(0.5 * 0.2 + 1.0 + 0.1);  // tanh(1.2) = 0.833655
        const double h2 = std::tanh(0.5 * h1 - 2.0 + 0.1);
        QVERIFY(std::abs(h1 - 0.8336546070) < 1e-9);
        QCOMPARE(run.trace.output[0], h1);
        QCOMPARE(run.trace.output[1], h2);
        // ∂h₂/∂h₁ = (1 − h₂²) W_h; ∂L/∂W_h = (1 − h₂²) h₁ + (1 − h₂²) W_h (1 − h₁²) h₀.
        const double d2 = 1 - h2 * h2, d1 = d2 * 0.5 * (1 - h1 * h1);
        QVERIFY(std::abs(run.trace.find("grad_h")->at({0, 0, 0}) - d2 * 0.5) < 1e-15);
        QVERIFY(std::abs(run.trace.gradParameters[0][0] - (d2 * h1 + d1 * 0.2)) < 1e-15);
        QVERIFY(std::abs(run.trace.gradParameters[1][0] - (d2 * -2.0 + d1 * 1.0)) < 1e-15);
        QVERIFY(std::abs(run.trace.gradInputs[1][0] - d1 * 0.5) < 1e-15);
        QCOMPARE(run.trace.find("grad_norm")->at({1}), 1.0);
        QVERIFY(std::abs(run.trace.find("grad_norm")->at({0}) - std::abs(d2 * 0.5)) < 1e-15);
    }

    // eq. 54–59 with h = 1, d = 1 and [h_{t−1}, x_t] weights (w_h, w_x).
    void lstmTwoStepsByHand() {
        Recurrent cell(CellKind::Lstm, 1, 1, true);
        setAll(cell, "W_f", {0.5, -0.3}), setAll(cell, "b_f", {0.2});
        setAll(cell, "W_i", {-0.4, 0.8}), setAll(cell, "b_i", {0.0});
        setAll(cell, "W_C", {0.7, 0.6}), setAll(cell, "b_C", {-0.1});
        setAll(cell, "W_o", {0.3, 0.9}), setAll(cell, "b_o", {0.05});
        Run run;
        run.inputs = {Tensor({1, 2, 1}), Tensor({1, 1}), Tensor({1, 1})};
        run.inputs[0][0] = 1.0, run.inputs[0][1] = 0.5, run.inputs[1][0] = 0.1, run.inputs[2][0] = -0.3;
        Tensor r({1, 2, 1}, 1.0);
        runCell(cell, run, r);
        double hPrev = 0.1, cPrev = -0.3;
        for (int t = 0; t < 2; ++t) {
            const double x = run.inputs[0][t];
            const double f = sigma(0.5 * hPrev - 0.3 * x + 0.2), i = sigma(-0.4 * hPrev + 0.8 * x);
            const double cTilde = std::tanh(0.7 * hPrev + 0.6 * x - 0.1), o = sigma(0.3 * hPrev + 0.9 * x + 0.05);
            const double c = f * cPrev + i * cTilde, h = o * std::tanh(c);
            QVERIFY(std::abs(run.trace.find("f")->at({0, t, 0}) - f) < 1e-15);
            QVERIFY(std::abs(run.trace.find("i")->at({0, t, 0}) - i) < 1e-15);
            QVERIFY(std::abs(run.trace.find("C_tilde")->at({0, t, 0}) - cTilde) < 1e-15);
            QVERIFY(std::abs(run.trace.find("o")->at({0, t, 0}) - o) < 1e-15);
            QVERIFY(std::abs(run.trace.find("C")->at({0, t, 0}) - c) < 1e-15);
            QVERIFY(std::abs(run.trace.output.at({0, t, 0}) - h) < 1e-15);
            hPrev = h, cPrev = c;
        }
        // Step 1 worked out: f₁ = σ(0.05 − 0.3 + 0.2) = σ(−0.05), C₁ = f₁·(−0.3) + i₁·C̃₁.
        QVERIFY(std::abs(run.trace.find("f")->at({0, 0, 0}) - 0.4875026035) < 1e-9);
        // The last step's ∂L/∂C₂ = ∂L/∂h₂ · o₂ (1 − tanh² C₂) (nothing comes from step 3).
        const double o2 = run.trace.find("o")->at({0, 1, 0}), tc2 = std::tanh(run.trace.find("C")->at({0, 1, 0}));
        QVERIFY(std::abs(run.trace.find("grad_C")->at({0, 1, 0}) - o2 * (1 - tc2 * tc2)) < 1e-15);
    }

    // seed 002: z, r, h̃ = tanh(W[r ⊙ h_{t−1}, x_t] + b), h_t = (1 − z) h_{t−1} + z h̃.
    void gruTwoStepsByHand() {
        Recurrent cell(CellKind::Gru, 1, 1, true);
        setAll(cell, "W_z", {0.6, -0.5}), setAll(cell, "b_z", {0.1});
        setAll(cell, "W_r", {-0.2, 0.4}), setAll(cell, "b_r", {0.0});
        setAll(cell, "W", {0.9, 0.7}), setAll(cell, "b", {-0.2});
        Run run;
        run.inputs = {Tensor({1, 2, 1}), Tensor({1, 1})};
        run.inputs[0][0] = 0.8, run.inputs[0][1] = -1.0, run.inputs[1][0] = 0.5;
        runCell(cell, run, Tensor({1, 2, 1}, 1.0));
        double hPrev = 0.5;
        for (int t = 0; t < 2; ++t) {
            const double x = run.inputs[0][t];
            const double z = sigma(0.6 * hPrev - 0.5 * x + 0.1), r = sigma(-0.2 * hPrev + 0.4 * x);
            const double hTilde = std::tanh(0.9 * r * hPrev + 0.7 * x - 0.2), h = (1 - z) * hPrev + z * hTilde;
            QVERIFY(std::abs(run.trace.find("z")->at({0, t, 0}) - z) < 1e-15);
            QVERIFY(std::abs(run.trace.find("r")->at({0, t, 0}) - r) < 1e-15);
            QVERIFY(std::abs(run.trace.find("h_tilde")->at({0, t, 0}) - hTilde) < 1e-15);
            QVERIFY(std::abs(run.trace.output.at({0, t, 0}) - h) < 1e-15);
            hPrev = h;
        }
    }

    void gradientsThroughTime_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("rnn") << static_cast<int>(CellKind::Rnn);
        QTest::newRow("lstm") << static_cast<int>(CellKind::Lstm);
        QTest::newRow("gru") << static_cast<int>(CellKind::Gru);
    }
    // BPTT against central differences: x, h₀ (and C₀) and every weight, 3 sequences of 5 steps.
    void gradientsThroughTime() {
        QFETCH(int, kind);
        const auto cellKind = static_cast<CellKind>(kind);
        Recurrent cell(cellKind, 3, 4, true);
        cell.initialize(11);
        for (Parameter& p : cell.parameters()) p.value.flat() *= 2.0;  // away from the linear regime
        std::vector<Tensor> inputs = {randomTensor({3, 5, 3}, 1), randomTensor({3, 4}, 2, 0.5)};
        if (cellKind == CellKind::Lstm) inputs.push_back(randomTensor({3, 4}, 3, 0.5));
        QString where;
        const double worst = worstGradientError(cell, inputs, randomTensor({3, 5, 4}, 4), where);
        QVERIFY2(worst < 1e-7, qPrintable(QStringLiteral("%1 at %2").arg(worst).arg(where)));
    }

    // Through a network (Recurrent → LastStep → Dense) with the engine's own checker.
    void networkGradients() {
        for (CellKind kind : {CellKind::Rnn, CellKind::Lstm, CellKind::Gru}) {
            Network n({6, 2});
            n.add(std::make_unique<Recurrent>(kind, 2, 5));
            n.add(std::make_unique<LastStep>());
            n.add(std::make_unique<Dense>(5, 3));
            n.initialize(3);
            const GradientCheck check = checkGradients(n, randomTensor({4, 6, 2}, 9), RunContext{}, 1e-6, {1e-6, 1e-8});
            QVERIFY2(check.passed, check.worst.c_str());
        }
        // Dense on every step of [N, T, h] (y_t = W_y h_t + b_y, eq. 53).
        Network n({4, 3});
        n.add(std::make_unique<Recurrent>(CellKind::Gru, 3, 4));
        n.add(std::make_unique<Dense>(4, 2));
        n.initialize(4);
        QCOMPARE(n.outputShape(), (Shape{4, 2}));
        const GradientCheck check = checkGradients(n, randomTensor({3, 4, 3}, 8), RunContext{}, 1e-6, {1e-6, 1e-8});
        QVERIFY2(check.passed, check.worst.c_str());
    }

    // 40 sequences = 3 chunks, so two threads really split the batch.
    void sameBitsAtOneAndTwoThreads() {
        for (CellKind kind : {CellKind::Rnn, CellKind::Lstm, CellKind::Gru}) {
            Recurrent cell(kind, 8, 16, true);
            cell.initialize(2);
            std::vector<Tensor> inputs = {randomTensor({40, 12, 8}, 5), randomTensor({40, 16}, 6)};
            if (kind == CellKind::Lstm) inputs.push_back(randomTensor({40, 16}, 7));
            const Tensor r = randomTensor({40, 12, 16}, 8);
            Run one, two;
            one.inputs = two.inputs = inputs;
            runCell(cell, one, r, 1);
            runCell(cell, two, r, 2);
            QVERIFY(one.trace.output == two.trace.output);
            for (std::size_t p = 0; p < one.trace.gradParameters.size(); ++p)
                QVERIFY(one.trace.gradParameters[p] == two.trace.gradParameters[p]);
            for (std::size_t k = 0; k < inputs.size(); ++k) QVERIFY(one.trace.gradInputs[k] == two.trace.gradInputs[k]);
            QVERIFY(*one.trace.find("grad_norm") == *two.trace.find("grad_norm"));
        }
        // The embedding's scatter-add: 40 samples = 8 chunks, ids repeating across chunks.
        Embedding embedding(7, 5);
        embedding.initialize(3);
        Tensor ids({40, 6});
        for (Index i = 0; i < ids.size(); ++i) ids[i] = static_cast<double>((i * 5 + i / 7) % 7);
        LayerTrace one, two;
        RunContext context;
        for (LayerTrace* trace : {&one, &two}) {
            context.threads = trace == &one ? 1 : 2;
            embedding.forward({&ids}, *trace, context);
            trace->gradOutput = randomTensor({40, 6, 5}, 12);
            embedding.backward({&ids}, *trace, {false}, context);
        }
        QCOMPARE(chunkCount(40), Index(8));
        QVERIFY(one.gradParameters[0] == two.gradParameters[0]);
    }

    void shapesAndNamesFollowTheTextbook() {
        Recurrent lstm(CellKind::Lstm, 32, 64);
        QCOMPARE(lstm.parameterCount(), Index(4 * (64 * 96 + 64)));
        QCOMPARE(lstm.parameters()[0].value.shape(), (Shape{64, 96}));
        Recurrent rnn(CellKind::Rnn, 3, 2);
        QCOMPARE(rnn.parameters()[1].name, std::string("W_x"));
        QCOMPARE(rnn.parameters()[1].value.shape(), (Shape{2, 3}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lstm.outputShape({{10, 31}}));
        lstm.initialize(1);
        const Tensor& bf = lstm.parameters()[static_cast<std::size_t>(lstm.parameterIndex("b_f"))].value;
        QCOMPARE(bf[0], 1.0);  // remembers until it learns to forget
    }

    void embeddingLooksUpAndAddsUp() {
        Embedding embedding(5, 3);
        embedding.initialize(1);
        Tensor ids({2, 3});
        const double tokens[] = {4, 0, 4, 2, 2, 1};
        for (int i = 0; i < 6; ++i) ids[i] = tokens[i];
        LayerTrace trace;
        embedding.forward({&ids}, trace, RunContext{});
        const Tensor& E = embedding.parameters()[0].value;
        for (int i = 0; i < 6; ++i)
            for (int j = 0; j < 3; ++j) QCOMPARE(trace.output[i * 3 + j], E[static_cast<Index>(tokens[i]) * 3 + j]);
        trace.gradOutput = randomTensor({2, 3, 3}, 3);
        embedding.backward({&ids}, trace, {false}, RunContext{});
        // Row 4 appears at positions 0 and 2; row 3 never.
        for (int j = 0; j < 3; ++j) {
            QCOMPARE(trace.gradParameters[0][4 * 3 + j], trace.gradOutput[0 * 3 + j] + trace.gradOutput[2 * 3 + j]);
            QCOMPARE(trace.gradParameters[0][3 * 3 + j], 0.0);
        }
        ids[1] = 7;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embedding.forward({&ids}, trace, RunContext{}));
        ids[1] = 0.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embedding.forward({&ids}, trace, RunContext{}));
    }

    void adamStepAndClipping() {
        Network n({2});
        n.add(std::make_unique<Dense>(2, 1));
        n.initialize(1);
        NetworkTrace trace;
        n.forward(randomTensor({3, 2}, 2), trace, RunContext{});
        n.backward(trace, Tensor({3, 1}, 1.0), RunContext{});
        const double w0 = n.node(0).layer->parameters()[0].value[0];
        const double g = trace.nodes[0].gradParameters[0][0];
        Adam adam({0.1, 0.9, 0.999, 1e-8});
        adam.step(n, trace);
        // Step 1: m̂ = g, v̂ = g², θ ← θ − η g / (|g| + ε).
        QVERIFY(std::abs(n.node(0).layer->parameters()[0].value[0] - (w0 - 0.1 * g / (std::abs(g) + 1e-8))) < 1e-14);
        const double norm = gradientNorm(trace);
        QCOMPARE(clipGradientNorm(trace, norm / 2), norm);
        QVERIFY(std::abs(gradientNorm(trace) - norm / 2) < 1e-12);
        QCOMPARE(clipGradientNorm(trace, 0), norm / 2);  // 0: no clipping
    }
};

QTEST_APPLESS_MAIN(TestEngineRecurrent)
#include "tst_engine_recurrent.moc"
