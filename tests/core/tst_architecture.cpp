// Architectures the core refuses (core/size_limits.h, documented in the README): softmax on a
// hidden layer, empty or oversized layers, too many layers or parameters. Each is refused by
// Mlp::checkArchitecture with a message naming the field and the limit, and the constructor
// throws std::invalid_argument with the same message.
#include "mlp/mlp.h"

#include <QTest>

#include <stdexcept>
#include <string>
#include <vector>

using namespace ns;

Q_DECLARE_METATYPE(std::vector<int>)
Q_DECLARE_METATYPE(std::vector<ns::Activation>)

namespace {

std::vector<Activation> identities(std::size_t n) { return std::vector<Activation>(n, Activation::Identity); }

QString describe(const std::vector<int>& sizes) {
    QStringList parts;
    for (std::size_t i = 0; i < sizes.size() && i < 6; ++i) parts << QString::number(sizes[i]);
    if (sizes.size() > 6) parts << QStringLiteral("… (%1 sizes)").arg(sizes.size());
    return parts.join(QLatin1Char('-'));
}

}  // namespace

class TestArchitecture : public QObject {
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void acceptedAtTheLimits_data();
    void acceptedAtTheLimits();
    void batchOfTheWrongShapeIsRefused();
};

void TestArchitecture::refused_data() {
    QTest::addColumn<std::vector<int>>("sizes");
    QTest::addColumn<std::vector<Activation>>("activations");
    QTest::addColumn<QStringList>("mentions");  // every one must appear in the message

    QTest::newRow("softmax on the first hidden layer")
        << std::vector<int>{3, 4, 2} << std::vector<Activation>{Activation::Softmax, Activation::Identity}
        << QStringList{"activations[0]", "softmax", "output"};
    QTest::newRow("softmax on the second hidden layer")
        << std::vector<int>{3, 4, 4, 2}
        << std::vector<Activation>{Activation::Relu, Activation::Softmax, Activation::Softmax}
        << QStringList{"activations[1]", "softmax", "output"};
    QTest::newRow("0 hidden units")
        << std::vector<int>{3, 0, 2} << identities(2) << QStringList{"sizes[1]", "4096", "found 0"};
    QTest::newRow("0 inputs") << std::vector<int>{0, 2} << identities(1) << QStringList{"sizes[0]", "found 0"};
    QTest::newRow("negative outputs")
        << std::vector<int>{3, -2} << identities(1) << QStringList{"sizes[1]", "found -2"};
    QTest::newRow("4097 units, one over the limit")
        << std::vector<int>{3, 4097, 2} << identities(2) << QStringList{"sizes[1]", "4096", "4097"};
    QTest::newRow("33 weight layers, one over the limit")
        << std::vector<int>(34, 2) << identities(33) << QStringList{"sizes", "32", "33"};
    // 4096·4097 + 4096·4097 = 33 562 624 parameters.
    QTest::newRow("33562624 parameters")
        << std::vector<int>{4096, 4096, 4096} << identities(2)
        << QStringList{"sizes", "20000000", "33562624", "parameters"};
    // 4000·(999 + 1) + 4000·(4000 + 1) = 4 000 000 + 16 004 000: 4000 over the limit.
    QTest::newRow("20004000 parameters")
        << std::vector<int>{999, 4000, 4000} << identities(2)
        << QStringList{"sizes", "20000000", "20004000"};
    QTest::newRow("only one layer size") << std::vector<int>{3} << identities(0) << QStringList{"sizes", "2"};
    QTest::newRow("no layer sizes") << std::vector<int>{} << identities(0) << QStringList{"sizes", "2"};
    QTest::newRow("one activation too few")
        << std::vector<int>{3, 4, 2} << identities(1) << QStringList{"activations", "2", "found 1"};
    QTest::newRow("one activation too many")
        << std::vector<int>{3, 4, 2} << identities(3) << QStringList{"activations", "2", "found 3"};
}

void TestArchitecture::refused() {
    QFETCH(std::vector<int>, sizes);
    QFETCH(std::vector<Activation>, activations);
    QFETCH(QStringList, mentions);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const QString message = QString::fromStdString(Mlp::checkArchitecture(sizes, activations));
    QVERIFY2(!message.isEmpty(), qPrintable(name + " (" + describe(sizes) + "): checkArchitecture accepted it"));
    for (const QString& m : mentions)
        QVERIFY2(message.contains(m),
                 qPrintable(name + ": the message \"" + message + "\" does not mention \"" + m + "\""));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(name + ": the message spans several lines"));

    bool threw = false;
    try {
        Mlp net(sizes, activations);
    } catch (const std::invalid_argument& error) {
        threw = true;
        QVERIFY2(QString::fromStdString(error.what()) == message,
                 qPrintable(name + ": the constructor says \"" + error.what() +
                            "\" but checkArchitecture says \"" + message + "\""));
    } catch (const std::exception& error) {
        QFAIL(qPrintable(name + ": the constructor threw something other than std::invalid_argument: " + error.what()));
    }
    QVERIFY2(threw, qPrintable(name + ": the constructor accepted it"));
    if (!sizes.empty() && sizes.size() == activations.size() + 1) {
        bool initThrew = false;
        try {
            Mlp::initialized(sizes, activations, Initialization::He, 1);
        } catch (const std::invalid_argument&) {
            initThrew = true;
        }
        QVERIFY2(initThrew, qPrintable(name + ": Mlp::initialized accepted it"));
    }
}

void TestArchitecture::acceptedAtTheLimits_data() {
    QTest::addColumn<std::vector<int>>("sizes");
    QTest::addColumn<std::vector<Activation>>("activations");
    QTest::addColumn<bool>("construct");  // small enough to allocate in a test

    QTest::newRow("4-8-4-1 of the textbook")
        << std::vector<int>{4, 8, 4, 1}
        << std::vector<Activation>{Activation::Relu, Activation::Relu, Activation::Sigmoid} << true;
    QTest::newRow("softmax on the output layer")
        << std::vector<int>{3, 4, 3} << std::vector<Activation>{Activation::Tanh, Activation::Softmax} << true;
    QTest::newRow("1-1, the smallest") << std::vector<int>{1, 1} << identities(1) << true;
    QTest::newRow("4096 units, the limit") << std::vector<int>{1, 4096, 1} << identities(2) << true;
    QTest::newRow("32 weight layers, the limit") << std::vector<int>(33, 2) << identities(32) << true;
    // 4000·(998 + 1) + 4000·(4000 + 1) = 3 996 000 + 16 004 000 = 20 000 000 exactly.
    QTest::newRow("20000000 parameters, the limit")
        << std::vector<int>{998, 4000, 4000} << identities(2) << false;
}

void TestArchitecture::acceptedAtTheLimits() {
    QFETCH(std::vector<int>, sizes);
    QFETCH(std::vector<Activation>, activations);
    QFETCH(bool, construct);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const std::string message = Mlp::checkArchitecture(sizes, activations);
    QVERIFY2(message.empty(), qPrintable(name + ": refused with \"" + QString::fromStdString(message) + "\""));
    if (!construct) return;
    try {
        const Mlp net(sizes, activations);
        QVERIFY2(net.layers().size() == sizes.size() - 1,
                 qPrintable(name + QStringLiteral(": %1 layers built").arg(net.layers().size())));
    } catch (const std::exception& error) {
        QFAIL(qPrintable(name + ": the constructor threw: " + error.what()));
    }
}

// A batch whose columns do not match the network is refused with a message, not read out of
// bounds.
void TestArchitecture::batchOfTheWrongShapeIsRefused() {
    const Mlp net({3, 4, 2}, {Activation::Relu, Activation::Identity});
    auto messageOf = [](auto&& call) -> QString {
        try {
            call();
        } catch (const std::invalid_argument& error) {
            return QString::fromStdString(error.what());
        }
        return {};
    };
    const QString inputs = messageOf([&] { net.forward(Matrix::Zero(5, 4)); });
    QVERIFY2(inputs.contains(QLatin1String("inputs")) && inputs.contains(QLatin1Char('3')) && inputs.contains(QLatin1Char('4')),
             qPrintable("5x4 batch into a 3-input net: \"" + inputs + "\" should name inputs, 3 and 4"));
    const QString targets = messageOf([&] { net.forwardBackward(Matrix::Zero(5, 3), Matrix::Zero(4, 2), Loss::Mse); });
    QVERIFY2(targets.contains(QLatin1String("targets")),
             qPrintable("4 targets for 5 inputs: \"" + targets + "\" should name targets"));
    const QString columns = messageOf([&] { net.forwardBackward(Matrix::Zero(5, 3), Matrix::Zero(5, 3), Loss::Mse); });
    QVERIFY2(columns.contains(QLatin1String("targets")),
             qPrintable("3 target columns for 2 outputs: \"" + columns + "\" should name targets"));
}

QTEST_GUILESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
