// The stepper's event list (core/backprop_steps): textbook order, every value equal to the
// core's trace, the update equal to one Trainer step, formulas as a student would write them.
#include "stepper/backprop_steps.h"
#include "mlp/dataset.h"
#include "mlp/trainer.h"

#include <QTest>

#include <set>

using namespace ns;

namespace {

// The textbook's 4-8-4-1 network (seed 001 §3) and one of its samples.
Mlp textbookNetwork() {
    return Mlp::initialized({4, 8, 4, 1}, {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                            Initialization::He, 43);
}

// A 2-3-1 net whose numbers are worked out by hand in the test comments: x = (1, 2), y = 1.
//   z⁽¹⁾ = (0.5·1 − 0.25·2 + 0.25, 1·1 + 0.5·2 − 1, −1·1 + 0.25·2 + 0) = (0.25, 1, −0.5)
//   a⁽¹⁾ = (0.25, 1, 0);  z⁽²⁾ = 2·0.25 − 0.5·1 + 1.5·0 + 0 = 0;  ŷ = σ(0) = 0.5
//   L = −log 0.5 = ln 2;  δ⁽²⁾ = 0.5 − 1 = −0.5
//   δ⁽¹⁾ = (2·(−0.5)·1, −0.5·(−0.5)·1, 1.5·(−0.5)·0) = (−1, 0.25, 0)
Mlp handNetwork() {
    Mlp net({2, 3, 1}, {Activation::Relu, Activation::Sigmoid});
    net.layer(0).W << 0.5, -0.25, 1.0, 0.5, -1.0, 0.25;
    net.layer(0).b << 0.25, -1.0, 0.0;
    net.layer(1).W << 2.0, -0.5, 1.5;
    net.layer(1).b << 0.0;
    return net;
}

Matrix rowOf(std::initializer_list<double> values) {
    Matrix m(1, static_cast<Eigen::Index>(values.size()));
    Eigen::Index c = 0;
    for (double v : values) m(0, c++) = v;
    return m;
}

// Looks the value of a computed quantity up in an independently produced trace and network.
double expectedValue(const ValueId& id, const Trace& trace, const Mlp& updated, int sample) {
    const auto l = static_cast<std::size_t>(id.layer - 1);
    switch (id.quantity) {
        case Quantity::Z: return trace.layers[l].z(sample, id.unit);
        case Quantity::A: return trace.layers[l].a(sample, id.unit);
        case Quantity::Loss: return trace.perSampleLoss(sample);
        case Quantity::Delta: return trace.layers[l].delta(sample, id.unit);
        case Quantity::WeightGrad: return trace.layers[l].dW(id.unit, id.input);
        case Quantity::BiasGrad: return trace.layers[l].db(id.unit);
        case Quantity::NewWeight: return updated.layer(l).W(id.unit, id.input);
        case Quantity::NewBias: return updated.layer(l).b(id.unit);
        default: return std::nan("");
    }
}

int phaseRank(StepPhase p) { return static_cast<int>(p); }

}  // namespace

class TestBackpropSteps : public QObject {
    Q_OBJECT

private slots:
    void textbookNetworkHasOneEventPerValue();
    void eventsFollowTheTextbookOrder();
    void everyValueEqualsTheCoreTrace();
    void updateEqualsOneTrainerStep();
    void miniBatchGradientIsTheBatchMean();
    void handComputedValues();
    void formulasShowSymbolsAndNumbers();
    void latexAndHtmlFormulas();
    void layerGroupsPartitionTheEvents();
    void cursorMovesByValueAndByLayer();
    void otherLossesAndActivationsMatchTheTrace();
};

// 4-8-4-1 on one sample: z and a of 13 neurons, the loss, 13 δ, 81 gradients, 81 updates.
void TestBackpropSteps::textbookNetworkHasOneEventPerValue() {
    const Dataset data = makeSumSignDataset(10, 4, 42);
    const auto steps = BackpropSteps::build(textbookNetwork(), data.X.topRows(1), data.Y.topRows(1),
                                            Loss::Bce, 0.01);
    QCOMPARE(steps.size(), std::size_t(2 * 13 + 1 + 13 + 81 + 81));
    std::set<ValueId> seen;
    for (const StepEvent& e : steps.events()) {
        QVERIFY2(seen.insert(e.id).second, "a value is computed twice");
        QVERIFY(!isGiven(e.id.quantity));
        QCOMPARE(steps.eventOf(e.id).value(), std::size_t(&e - steps.events().data()));
    }
    QVERIFY(!steps.eventOf({Quantity::Weight, 1, 0, 0}).has_value());
}

// Forward → loss → backward → update; every value a formula uses is given or was computed by
// an earlier event (Algorithm 1's topological order); δ⁽ˡ⁾ is complete before layer l's
// gradients; the backward pass runs from layer L down to 1.
void TestBackpropSteps::eventsFollowTheTextbookOrder() {
    const Dataset data = makeSumSignDataset(10, 4, 42);
    const auto steps = BackpropSteps::build(textbookNetwork(), data.X.middleRows(3, 1),
                                            data.Y.middleRows(3, 1), Loss::Bce, 0.01);
    const auto& events = steps.events();
    int lastPhase = 0;
    int lastBackwardLayer = steps.layerCount() + 1;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const StepEvent& e = events[i];
        QVERIFY2(phaseRank(e.phase) >= lastPhase, qPrintable(QString::number(i)));
        lastPhase = phaseRank(e.phase);
        QVERIFY(!e.uses.empty());
        for (const ValueId& used : e.uses) {
            if (isGiven(used.quantity)) continue;
            const auto at = steps.eventOf(used);
            QVERIFY2(at && *at < i, qPrintable(QString::fromStdString(
                                        e.unicode.symbolic + " uses a value not yet computed")));
        }
        if (e.phase == StepPhase::Backward) {
            QVERIFY(e.id.layer <= lastBackwardLayer);
            lastBackwardLayer = e.id.layer;
        }
        if (e.id.quantity == Quantity::A) {  // z⁽ˡ⁾ⱼ immediately before a⁽ˡ⁾ⱼ
            QVERIFY(i > 0);
            QVERIFY(events[i - 1].id == (ValueId{Quantity::Z, e.id.layer, e.id.unit, 0}));
        }
    }
    QCOMPARE(events.front().id, (ValueId{Quantity::Z, 1, 0, 0}));
    QCOMPARE(events[26].id.quantity, Quantity::Loss);
    QCOMPARE(events[27].id, (ValueId{Quantity::Delta, 3, 0, 0}));
    QCOMPARE(events.back().id, (ValueId{Quantity::NewBias, 3, 0, 0}));
}

// Every number an event shows is the core's own value, bit for bit: the same forwardBackward
// run separately here.
void TestBackpropSteps::everyValueEqualsTheCoreTrace() {
    const Dataset data = makeSumSignDataset(20, 4, 42);
    const Mlp net = textbookNetwork();
    for (int sample : {0, 7, 19}) {
        const Matrix X = data.X.middleRows(sample, 1), Y = data.Y.middleRows(sample, 1);
        const auto steps = BackpropSteps::build(net, X, Y, Loss::Bce, 0.05);
        const Trace trace = net.forwardBackward(X, Y, Loss::Bce);
        Mlp updated = net;
        updated.applyGradients(trace, 0.05);
        for (const StepEvent& e : steps.events()) {
            const double expected = e.id.quantity == Quantity::Loss
                                        ? trace.loss
                                        : expectedValue(e.id, trace, updated, 0);
            QVERIFY2(e.value == expected,
                     qPrintable(QStringLiteral("%1: %2 vs trace %3")
                                    .arg(QString::fromStdString(e.unicode.symbolic))
                                    .arg(e.value, 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
            QCOMPARE(steps.valueOf(e.id), e.value);
        }
        QCOMPARE(steps.valueOf({Quantity::Input, 0, 2, 0}), X(0, 2));
        QCOMPARE(steps.valueOf({Quantity::Target, 0, 0, 0}), Y(0, 0));
        QCOMPARE(steps.valueOf({Quantity::Weight, 2, 3, 5}), net.layer(1).W(3, 5));
        QCOMPARE(steps.valueOf({Quantity::LearningRate}), 0.05);
    }
}

// The update the stepper shows is exactly one epoch of the Trainer on the same batch.
void TestBackpropSteps::updateEqualsOneTrainerStep() {
    const Dataset all = makeSumSignDataset(10, 4, 42);
    for (int m : {1, 4}) {
        Dataset batch{all.X.topRows(m), all.Y.topRows(m)};
        const Mlp net = textbookNetwork();
        const auto steps = BackpropSteps::build(net, batch.X, batch.Y, Loss::Bce, 0.5);
        TrainingOptions options;
        options.loss = Loss::Bce;
        options.learningRate = 0.5;
        Trainer trainer(net, batch, options);
        trainer.step();
        QVERIFY(steps.after() == trainer.network());
        QVERIFY(!(steps.after() == net));
        for (const StepEvent& e : steps.events()) {
            const auto l = static_cast<std::size_t>(e.id.layer - 1);
            if (e.id.quantity == Quantity::NewWeight)
                QCOMPARE(e.value, trainer.network().layer(l).W(e.id.unit, e.id.input));
            if (e.id.quantity == Quantity::NewBias)
                QCOMPARE(e.value, trainer.network().layer(l).b(e.id.unit));
        }
    }
}

// For m samples the per-sample values are kept for each sample, and ∂L/∂W⁽ˡ⁾ⱼₖ is
// (1/m) Σᵢ δ⁽ˡ⁾ᵢⱼ a⁽ˡ⁻¹⁾ᵢₖ, summed here from the per-sample values the events carry.
void TestBackpropSteps::miniBatchGradientIsTheBatchMean() {
    const Dataset data = makeSumSignDataset(10, 4, 42);
    const int m = 3;
    const auto steps = BackpropSteps::build(textbookNetwork(), data.X.topRows(m), data.Y.topRows(m),
                                            Loss::Bce, 0.01);
    QCOMPARE(steps.batchSize(), m);
    int checked = 0;
    for (const StepEvent& e : steps.events()) {
        if (isPerSample(e.id.quantity)) {
            QCOMPARE(static_cast<int>(e.samples.size()), m);
            if (e.id.quantity != Quantity::Loss) {
                QCOMPARE(static_cast<int>(e.unicode.substituted.size()), m);
            } else {
                // ℓ₁ … ℓₘ, then L = (1/m)(ℓ₁ + … + ℓₘ)
                QCOMPARE(static_cast<int>(e.unicode.substituted.size()), m + 1);
                QVERIFY(std::abs(e.value - (e.samples[0] + e.samples[1] + e.samples[2]) / 3) < 1e-15);
            }
        } else {
            QVERIFY(e.samples.empty());
        }
        if (e.id.quantity != Quantity::WeightGrad) continue;
        const auto delta = steps.eventOf({Quantity::Delta, e.id.layer, e.id.unit, 0});
        double sum = 0;
        for (int s = 0; s < m; ++s) {
            const double input =
                e.id.layer == 1 ? steps.valueOf({Quantity::Input, 0, e.id.input, 0}, s)
                                : steps.events()[*steps.eventOf({Quantity::A, e.id.layer - 1,
                                                                 e.id.input, 0})]
                                      .samples[static_cast<std::size_t>(s)];
            sum += steps.events()[*delta].samples[static_cast<std::size_t>(s)] * input;
        }
        QVERIFY2(std::abs(e.value - sum / m) <= 1e-14 * (1 + std::abs(sum)),
                 qPrintable(QString::fromStdString(e.unicode.symbolic)));
        QVERIFY(e.unicode.symbolic.find("(1/3) Σᵢ") != std::string::npos);
        ++checked;
    }
    QCOMPARE(checked, 4 * 8 + 8 * 4 + 4 * 1);  // every weight of the 4-8-4-1 net
}

// The 2-3-1 net worked out by hand above.
void TestBackpropSteps::handComputedValues() {
    const auto steps = BackpropSteps::build(handNetwork(), rowOf({1, 2}), rowOf({1}), Loss::Bce, 0.1);
    auto value = [&](Quantity q, int l, int j, int k = 0) {
        return steps.events()[steps.eventOf({q, l, j, k}).value()].value;
    };
    QCOMPARE(value(Quantity::Z, 1, 0), 0.25);
    QCOMPARE(value(Quantity::Z, 1, 1), 1.0);
    QCOMPARE(value(Quantity::Z, 1, 2), -0.5);
    QCOMPARE(value(Quantity::A, 1, 2), 0.0);
    QCOMPARE(value(Quantity::A, 2, 0), 0.5);
    QVERIFY(std::abs(value(Quantity::Loss, 2, 0) - std::log(2.0)) < 1e-15);
    QCOMPARE(value(Quantity::Delta, 2, 0), -0.5);
    QCOMPARE(value(Quantity::Delta, 1, 0), -1.0);
    QCOMPARE(value(Quantity::Delta, 1, 1), 0.25);
    QCOMPARE(value(Quantity::Delta, 1, 2), 0.0);
    QCOMPARE(value(Quantity::WeightGrad, 2, 0, 0), -0.125);  // δ⁽²⁾ a₁⁽¹⁾ = −0.5 · 0.25
    QCOMPARE(value(Quantity::WeightGrad, 1, 0, 1), -2.0);    // δ₁⁽¹⁾ x₂ = −1 · 2
    QCOMPARE(value(Quantity::BiasGrad, 1, 1), 0.25);
    QCOMPARE(value(Quantity::NewWeight, 1, 0, 0), 0.5 - 0.1 * -1.0);  // 0.6
    QCOMPARE(value(Quantity::NewWeight, 2, 0, 0), 2.0 - 0.1 * -0.125);  // 2.0125
    QCOMPARE(value(Quantity::NewBias, 2, 0), 0.0 - 0.1 * -0.5);
}

void TestBackpropSteps::formulasShowSymbolsAndNumbers() {
    const auto steps = BackpropSteps::build(handNetwork(), rowOf({1, 2}), rowOf({1}), Loss::Bce, 0.1);
    auto formula = [&](Quantity q, int l, int j, int k = 0) -> const Formula& {
        return steps.events()[steps.eventOf({q, l, j, k}).value()].unicode;
    };
    auto check = [](const Formula& f, const char* symbolic, const char* substituted) {
        QCOMPARE(QString::fromStdString(f.symbolic), QString::fromUtf8(symbolic));
        QCOMPARE(f.substituted.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(f.substituted[0]), QString::fromUtf8(substituted));
    };
    check(formula(Quantity::Z, 1, 0), "z₁⁽¹⁾ = W⁽¹⁾₁₁·x₁ + W⁽¹⁾₁₂·x₂ + b₁⁽¹⁾",
          "= 0.5·1 + (−0.25)·2 + 0.25 = 0.25");
    check(formula(Quantity::A, 1, 2), "a₃⁽¹⁾ = ReLU(z₃⁽¹⁾)", "= ReLU(−0.5) = 0");
    check(formula(Quantity::A, 2, 0), "a₁⁽²⁾ = σ(z₁⁽²⁾)", "= σ(0) = 0.5");
    check(formula(Quantity::Loss, 2, 0), "L = −[y₁·log ŷ₁ + (1 − y₁)·log (1 − ŷ₁)]",
          "= −[1·log 0.5 + (1 − 1)·log (1 − 0.5)] = 0.6931");
    check(formula(Quantity::Delta, 2, 0), "δ₁⁽²⁾ = ŷ₁ − y₁", "= 0.5 − 1 = −0.5");
    check(formula(Quantity::Delta, 1, 1), "δ₂⁽¹⁾ = (W⁽²⁾₁₂ · δ₁⁽²⁾) · ReLU′(z₂⁽¹⁾)",
          "= ((−0.5) · (−0.5)) · 1 = 0.25");
    check(formula(Quantity::Delta, 1, 2), "δ₃⁽¹⁾ = (W⁽²⁾₁₃ · δ₁⁽²⁾) · ReLU′(z₃⁽¹⁾)",
          "= (1.5 · (−0.5)) · 0 = 0");
    check(formula(Quantity::WeightGrad, 2, 0, 0), "∂L/∂W⁽²⁾₁₁ = δ₁⁽²⁾ · a₁⁽¹⁾",
          "= (−0.5) · 0.25 = −0.125");
    check(formula(Quantity::BiasGrad, 1, 0), "∂L/∂b₁⁽¹⁾ = δ₁⁽¹⁾", "= −1");
    check(formula(Quantity::NewWeight, 2, 0, 0), "W⁽²⁾₁₁ ← W⁽²⁾₁₁ − η · ∂L/∂W⁽²⁾₁₁",
          "= 2 − 0.1 · (−0.125) = 2.0125");
    check(formula(Quantity::NewBias, 1, 1), "b₂⁽¹⁾ ← b₂⁽¹⁾ − η · ∂L/∂b₂⁽¹⁾",
          "= −1 − 0.1 · 0.25 = −1.025");
    // Wide layers: Σ in the symbolic form, every term listed up to 8 terms.
    const Dataset data = makeSumSignDataset(3, 4, 42);
    const auto big = BackpropSteps::build(textbookNetwork(), data.X.topRows(1), data.Y.topRows(1),
                                          Loss::Bce, 0.01);
    const Formula& z = big.events()[big.eventOf({Quantity::Z, 2, 1, 0}).value()].unicode;
    QCOMPARE(QString::fromStdString(z.symbolic), QStringLiteral("z₂⁽²⁾ = Σₖ W⁽²⁾₂ₖ·aₖ⁽¹⁾ + b₂⁽²⁾"));
    QCOMPARE(QString::fromStdString(z.substituted[0]).count(QStringLiteral("·")), 8);
}

void TestBackpropSteps::latexAndHtmlFormulas() {
    const auto steps = BackpropSteps::build(handNetwork(), rowOf({1, 2}), rowOf({1}), Loss::Bce, 0.1);
    const StepEvent& d = steps.events()[steps.eventOf({Quantity::Delta, 1, 1, 0}).value()];
    QCOMPARE(QString::fromStdString(d.latex.symbolic),
             QStringLiteral("\\delta_{2}^{(1)} = (W^{(2)}_{12} \\cdot \\delta_{1}^{(2)}) \\cdot "
                            "\\mathrm{ReLU}'(z_{2}^{(1)})"));
    QCOMPARE(QString::fromStdString(d.latex.substituted[0]),
             QStringLiteral("= ((-0.5) \\cdot (-0.5)) \\cdot 1 = 0.25"));
    QCOMPARE(QString::fromStdString(d.html.symbolic),
             QString::fromUtf8("δ<sub>2</sub><sup>(1)</sup> = (W<sup>(2)</sup><sub>12</sub> · "
                               "δ<sub>1</sub><sup>(2)</sup>) · ReLU′(z<sub>2</sub><sup>(1)</sup>)"));
    const StepEvent& g = steps.events()[steps.eventOf({Quantity::WeightGrad, 1, 1, 0}).value()];
    QCOMPARE(QString::fromStdString(g.latex.symbolic),
             QStringLiteral("\\frac{\\partial L}{\\partial W^{(1)}_{21}} = \\delta_{2}^{(1)} "
                            "\\cdot x_{1}"));
    QCOMPARE(QString::fromStdString(symbol({Quantity::Weight, 3, 9, 11}, Notation::Unicode)),
             QStringLiteral("W⁽³⁾₁₀,₁₂"));
    QCOMPARE(QString::fromStdString(asciiSymbol({Quantity::WeightGrad, 2, 0, 3})),
             QStringLiteral("dL/dW^(2)_1,4"));
}

void TestBackpropSteps::layerGroupsPartitionTheEvents() {
    const Dataset data = makeSumSignDataset(3, 4, 42);
    const auto steps = BackpropSteps::build(textbookNetwork(), data.X.topRows(1), data.Y.topRows(1),
                                            Loss::Bce, 0.01);
    // forward ×3, loss, (δ, gradients) × 3, update × 3
    QCOMPARE(steps.groups().size(), std::size_t(3 + 1 + 6 + 3));
    std::size_t expectedFirst = 0;
    for (std::size_t g = 0; g < steps.groups().size(); ++g) {
        const StepGroup& group = steps.groups()[g];
        QCOMPARE(group.first, expectedFirst);
        QVERIFY(group.last > group.first);
        for (std::size_t i = group.first; i < group.last; ++i) {
            QCOMPARE(steps.events()[i].group, g);
            QCOMPARE(steps.events()[i].id.layer, group.layer);
            QCOMPARE(steps.events()[i].phase, group.phase);
        }
        expectedFirst = group.last;
    }
    QCOMPARE(expectedFirst, steps.size());
    QCOMPARE(steps.groups()[4].quantity, Quantity::Delta);
    QCOMPARE(steps.groups()[4].layer, 3);
    QCOMPARE(steps.groups()[5].last - steps.groups()[5].first, std::size_t(4 + 1));  // ∂W⁽³⁾, ∂b⁽³⁾
}

void TestBackpropSteps::cursorMovesByValueAndByLayer() {
    const auto steps = BackpropSteps::build(handNetwork(), rowOf({1, 2}), rowOf({1}), Loss::Bce, 0.1);
    QCOMPARE(steps.next(0, Granularity::Value), std::size_t(1));
    QCOMPARE(steps.previous(0, Granularity::Value), std::size_t(0));
    QCOMPARE(steps.next(steps.size(), Granularity::Value), steps.size());
    QCOMPARE(steps.next(0, Granularity::Layer), std::size_t(6));  // z, a of three neurons
    QCOMPARE(steps.next(6, Granularity::Layer), std::size_t(8));
    QCOMPARE(steps.next(8, Granularity::Layer), std::size_t(9));  // the loss alone
    QCOMPARE(steps.previous(9, Granularity::Layer), std::size_t(8));
    QCOMPARE(steps.previous(3, Granularity::Layer), std::size_t(0));
    // Back then next returns to the same position, at both granularities.
    for (std::size_t p = 0; p <= steps.size(); ++p)
        if (p > 0) QCOMPARE(steps.next(steps.previous(p, Granularity::Value), Granularity::Value), p);
    std::size_t p = 0, groups = 0;
    while (p < steps.size()) {
        const std::size_t q = steps.next(p, Granularity::Layer);
        QCOMPARE(steps.previous(q, Granularity::Layer), p);
        p = q;
        ++groups;
    }
    QCOMPARE(groups, steps.groups().size());
}

// Other pairings of the textbook's losses and activations: the events still carry the trace's
// values, and the output δ uses the generic chain rule ∂ℓ/∂ŷ · σ'(z).
void TestBackpropSteps::otherLossesAndActivationsMatchTheTrace() {
    struct Case {
        std::vector<Activation> activations;
        Loss loss;
        Matrix Y;
    };
    Matrix oneHot(2, 3);
    oneHot << 0, 1, 0, 1, 0, 0;
    Matrix real(2, 3);
    real << 0.2, -0.4, 1.5, 0.1, 0.0, -0.3;
    const std::vector<Case> cases{
        {{Activation::Tanh, Activation::Identity}, Loss::Mse, real},
        {{Activation::Elu, Activation::Tanh}, Loss::Huber, real},
        {{Activation::Gelu, Activation::Sigmoid}, Loss::Mae, real},
        {{Activation::LeakyRelu, Activation::Softmax}, Loss::Ce, oneHot},
        {{Activation::Relu, Activation::Softmax}, Loss::Mse, oneHot},
        {{Activation::Sigmoid, Activation::Sigmoid}, Loss::Bce, oneHot},
    };
    Matrix X(2, 2);
    X << 0.3, -1.2, 0.8, 0.5;
    for (const Case& c : cases) {
        Mlp net = Mlp::initialized({2, 3, 3}, c.activations, Initialization::Xavier, 7);
        const auto steps = BackpropSteps::build(net, X, c.Y, c.loss, 0.1);
        const Trace trace = net.forwardBackward(X, c.Y, c.loss);
        Mlp updated = net;
        updated.applyGradients(trace, 0.1);
        for (const StepEvent& e : steps.events()) {
            QVERIFY(!e.unicode.symbolic.empty() && !e.latex.symbolic.empty());
            QVERIFY(!e.unicode.substituted.empty());
            if (isPerSample(e.id.quantity) && e.id.quantity != Quantity::Loss)
                for (int s = 0; s < 2; ++s)
                    QCOMPARE(e.samples[static_cast<std::size_t>(s)],
                             expectedValue(e.id, trace, updated, s));
            else if (e.id.quantity == Quantity::Loss)
                QCOMPARE(e.value, trace.loss);
            else
                QCOMPARE(e.value, expectedValue(e.id, trace, updated, 0));
        }
        const StepEvent& out = steps.events()[steps.eventOf({Quantity::Delta, 2, 1, 0}).value()];
        const std::string& text = out.unicode.symbolic;
        if (c.loss == Loss::Mse && c.activations[1] == Activation::Identity)
            QCOMPARE(QString::fromStdString(text), QStringLiteral("δ₂⁽²⁾ = (2/3)(ŷ₂ − y₂)"));
        if (c.loss == Loss::Huber)
            QVERIFY(text.find("tanh′(z₂⁽²⁾)") != std::string::npos);
        if (c.loss == Loss::Ce) QCOMPARE(QString::fromStdString(text), QStringLiteral("δ₂⁽²⁾ = ŷ₂ − y₂"));
    }
}

QTEST_APPLESS_MAIN(TestBackpropSteps)
#include "test_backprop_steps.moc"
