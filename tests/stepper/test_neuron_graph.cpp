// The computational graph of one neuron (seed 000 Algorithm 1): the gradients its reverse
// topological walk accumulates are the backpropagation trace's δ, ∂L/∂W and ∂L/∂b.
#include "mlp/dataset.h"
#include "stepper/neuron_graph.h"

#include <QTest>

#include <set>

using namespace ns;

namespace {

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * (1.0 + std::abs(b)); }

#define QVERIFY_CLOSE(actual, expected)                                                       \
    QVERIFY2(close((actual), (expected)),                                                     \
             qPrintable(QStringLiteral("%1 = %2, expected %3")                                \
                            .arg(QStringLiteral(#actual))                                     \
                            .arg((actual), 0, 'g', 17)                                        \
                            .arg((expected), 0, 'g', 17)))

Matrix rowOf(std::initializer_list<double> values) {
    Matrix m(1, static_cast<Eigen::Index>(values.size()));
    Eigen::Index c = 0;
    for (double v : values) m(0, c++) = v;
    return m;
}

BackpropSteps textbookStep(int sample) {
    const Dataset data = makeSumSignDataset(20, 4, 42);
    const Mlp net = Mlp::initialized({4, 8, 4, 1},
                                     {Activation::Relu, Activation::Relu, Activation::Sigmoid},
                                     Initialization::He, 43);
    return BackpropSteps::build(net, data.X.middleRows(sample, 1), data.Y.middleRows(sample, 1),
                                Loss::Bce, 0.01);
}

void checkAgainstTrace(const BackpropSteps& steps, int layer, int unit) {
    const NeuronGraph g = NeuronGraph::build(steps, layer, unit);
    const LayerTrace& t = steps.trace().layers[static_cast<std::size_t>(layer - 1)];
    QVERIFY_CLOSE(g.node(g.addNode()).value, t.z(0, unit));
    QVERIFY_CLOSE(g.node(g.activationNode()).value, t.a(0, unit));
    QCOMPARE(g.node(g.lossNode()).gradient, 1.0);
    QVERIFY_CLOSE(g.node(g.addNode()).gradient, t.delta(0, unit));  // ∂L/∂z = δ
    QVERIFY_CLOSE(g.node(g.biasNode()).gradient, t.db(unit));
    for (int k = 0; k < g.terms(); ++k) {
        QVERIFY_CLOSE(g.node(g.weightNode(k)).gradient, t.dW(unit, k));
        // ∂L/∂xₖ through this neuron alone: W⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ
        QVERIFY_CLOSE(g.node(g.inputNode(k)).gradient,
                      steps.before().layer(static_cast<std::size_t>(layer - 1)).W(unit, k) *
                          t.delta(0, unit));
    }
}

}  // namespace

class TestNeuronGraph : public QObject {
    Q_OBJECT

private slots:
    void outputNeuronGradientsEqualTheTrace() {
        for (int sample : {0, 5, 11}) checkAgainstTrace(textbookStep(sample), 3, 0);
    }

    void hiddenNeuronGradientsEqualTheTrace() {
        const BackpropSteps steps = textbookStep(2);
        for (int j = 0; j < 8; ++j) checkAgainstTrace(steps, 1, j);
        for (int j = 0; j < 4; ++j) checkAgainstTrace(steps, 2, j);
    }

    // Algorithm 1: values in topological order, gradients in its reverse — a node's gradient is
    // accumulated only after all its children have theirs.
    void walksInReverseTopologicalOrder() {
        const NeuronGraph g = NeuronGraph::build(textbookStep(0), 2, 1);
        QCOMPARE(g.nodes().size(), std::size_t(3 * 8 + 1 + 1 + 1 + 1));  // x, w, × per term; b, +, σ, L
        QCOMPARE(g.backwardOrder().front(), g.lossNode());
        std::set<int> done;
        for (int i : g.backwardOrder()) {
            for (int child : g.node(i).children) QVERIFY(done.count(child));
            done.insert(i);
        }
        QCOMPARE(done.size(), g.nodes().size());
        std::set<int> computed;
        for (int i : g.forwardOrder()) {
            for (int parent : g.node(i).parents) QVERIFY(computed.count(parent));
            computed.insert(i);
        }
        QCOMPARE(g.node(g.productNode(3)).parents, (std::vector<int>{g.inputNode(3), g.weightNode(3)}));
        QCOMPARE(QString::fromStdString(g.node(g.weightNode(3)).label), QStringLiteral("W⁽²⁾₂₄"));
        QCOMPARE(QString::fromStdString(g.node(g.inputNode(3)).label), QStringLiteral("a₄⁽¹⁾"));
        QCOMPARE(QString::fromStdString(g.node(g.activationNode()).label), QStringLiteral("ReLU"));
    }

    // The 2-3-1 net of test_backprop_steps, output neuron, by hand: ŷ = 0.5, y = 1,
    // ∂L/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) = −2, σ' = 0.25, ∂L/∂z = −0.5, ∂L/∂w₁ = −0.5 · a₁⁽¹⁾ = −0.125,
    // ∂L/∂a₂⁽¹⁾ = −0.5 · W⁽²⁾₁₂ = 0.25. The target y receives no gradient.
    void handComputedOutputNeuron() {
        Mlp net({2, 3, 1}, {Activation::Relu, Activation::Sigmoid});
        net.layer(0).W << 0.5, -0.25, 1.0, 0.5, -1.0, 0.25;
        net.layer(0).b << 0.25, -1.0, 0.0;
        net.layer(1).W << 2.0, -0.5, 1.5;
        net.layer(1).b << 0.0;
        const auto steps = BackpropSteps::build(net, rowOf({1, 2}), rowOf({1}), Loss::Bce, 0.1);
        const NeuronGraph g = NeuronGraph::build(steps, 2, 0);
        QVERIFY(g.isOutput());
        QCOMPARE(g.node(g.targetNode()).value, 1.0);
        QVERIFY(!g.node(g.targetNode()).differentiable);
        QCOMPARE(g.node(g.activationNode()).value, 0.5);
        QCOMPARE(g.node(g.activationNode()).gradient, -2.0);
        QCOMPARE(g.node(g.activationNode()).localDerivatives, std::vector<double>{-2.0});  // ∂L/∂a
        QCOMPARE(g.node(g.addNode()).localDerivatives, std::vector<double>{0.25});         // σ'(0)
        QCOMPARE(g.node(g.addNode()).gradient, -0.5);
        QCOMPARE(g.node(g.weightNode(0)).gradient, -0.125);
        QCOMPARE(g.node(g.inputNode(1)).gradient, 0.25);
        QCOMPARE(g.node(g.productNode(1)).value, -0.5);  // a₂⁽¹⁾ · W⁽²⁾₁₂ = 1 · (−0.5)
        QCOMPARE(g.node(g.lossNode()).value, steps.trace().loss);
    }

    void otherLossesMatchTheTrace() {
        Matrix X(1, 2), Y(1, 2);
        X << 0.4, -0.9;
        Y << 0.3, -0.2;
        for (Loss loss : {Loss::Mse, Loss::Huber, Loss::Mae}) {
            const Mlp net = Mlp::initialized({2, 3, 2}, {Activation::Tanh, Activation::Identity},
                                             Initialization::Xavier, 5);
            const auto steps = BackpropSteps::build(net, X, Y, loss, 0.1);
            for (int j = 0; j < 2; ++j) checkAgainstTrace(steps, 2, j);
            for (int j = 0; j < 3; ++j) checkAgainstTrace(steps, 1, j);
        }
        const Mlp softmax = Mlp::initialized({2, 3, 2}, {Activation::Tanh, Activation::Softmax},
                                             Initialization::Xavier, 5);
        Matrix oneHot(1, 2);
        oneHot << 0, 1;
        const auto steps = BackpropSteps::build(softmax, X, oneHot, Loss::Ce, 0.1);
        QVERIFY(!NeuronGraph::supports(softmax, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NeuronGraph::build(steps, 2, 0));
        checkAgainstTrace(steps, 1, 2);  // the tanh layer below a softmax output still works
    }
};

QTEST_APPLESS_MAIN(TestNeuronGraph)
#include "test_neuron_graph.moc"
