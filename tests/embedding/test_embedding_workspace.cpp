// The embeddings workspace: every number the views show is the SkipGram's (the map's coordinates
// are pca2(), the neighbours nearest(), the analogy analogy(), the strips the vectors), checked
// against an independent recomputation with Eigen; training runs on the shared worker thread;
// settings are undo commands; the lesson properties drive the view; it renders in both languages.
#include "embedding/embedding_map_view.h"
#include "embedding/embedding_model.h"
#include "embedding/embedding_workspace.h"
#include "embedding/neighbour_bars.h"
#include "embedding/vector_strip.h"

#include "../common/sanitizer_slowdown.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QCompleter>
#include <QLineEdit>
#include <QMetaProperty>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QToolTip>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace ns;

namespace {

void trainEpochs(EmbeddingModel& model, int epochs) {
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.epochs() >= epochs, 60000 * test::kSanitizerSlowdown);
    model.pause();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isPlaying(), 5000);
    QTest::qWait(100);  // the last snapshot in
    QCoreApplication::processEvents();
}

// Cosines of every word to a query vector, recomputed here with Eigen.
std::vector<std::pair<int, double>> rankedByCosine(const Eigen::MatrixXd& v, const Eigen::VectorXd& q,
                                                   const std::vector<int>& skip) {
    std::vector<std::pair<int, double>> all;
    for (int i = 0; i < v.rows(); ++i) {
        if (std::find(skip.begin(), skip.end(), i) != skip.end()) continue;
        all.emplace_back(i, v.row(i).dot(q) / (v.row(i).norm() * q.norm()));
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return all;
}

void saveShot(QWidget& w, const QString& name) {
    const QPixmap shot = w.grab();
    QVERIFY(!shot.isNull());
    QImage image = shot.toImage();
    int ink = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (qGray(image.pixel(x, y)) < 128) ++ink;
    QVERIFY2(ink > 200, qPrintable(name));
    if (!qEnvironmentVariableIsEmpty("NEURALSCOPE_SHOTS"))
        QVERIFY(shot.save(qEnvironmentVariable("NEURALSCOPE_SHOTS") + QLatin1Char('/') + name));
}

}  // namespace

class TestEmbeddingWorkspace : public QObject {
    Q_OBJECT
private slots:
    void startsFromTheSeed();
    void mapIsPca2();
    void neighboursAreNearest();
    void analogyIsAnalogy();
    void oneHotAgainstDense();
    void trainsOffTheGuiThread();
    void settingsAreUndoable();
    void propertiesDriveTheView();
    void unknownWordsAreIgnored();
    void divergenceStopsTraining();
    void hoverAndLabels();
    void shortcutsAndButtons();
    void screenshots_data();
    void screenshots();
};

void TestEmbeddingWorkspace::startsFromTheSeed() {
    EmbeddingModel model;
    const seq::SkipGram fresh(seq::builtinCorpus(seq::CorpusLanguage::English), {});
    QVERIFY(model.skipGram().input() == fresh.input());
    QCOMPARE(model.epochs(), 0);
    QCOMPARE(model.loss(), 0.0);
    QCOMPARE(model.word(), QStringLiteral("king"));
    // The worker's first snapshot is the same untrained state.
    QTest::qWait(200);
    QVERIFY(model.skipGram().input() == fresh.input());
}

void TestEmbeddingWorkspace::mapIsPca2() {
    EmbeddingModel model;
    trainEpochs(model, 10);
    const seq::SkipGram& sg = model.skipGram();
    const Eigen::MatrixXd pca = sg.pca2();
    QVERIFY(model.coordinates() == pca);
    // Independently: the centred vectors' two leading right singular vectors (up to sign).
    const Eigen::MatrixXd centred = sg.input().rowwise() - sg.input().colwise().mean();
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinU | Eigen::ComputeThinV);
    for (int c = 0; c < 2; ++c) {
        const Eigen::VectorXd projected = centred * svd.matrixV().col(c);
        const double sign = projected.dot(pca.col(c)) >= 0 ? 1.0 : -1.0;
        QVERIFY2((sign * projected - pca.col(c)).cwiseAbs().maxCoeff() < 1e-9, qPrintable(QString::number(c)));
    }
    EmbeddingWorkspace view(&model);
    view.resize(1280, 800);
    QCoreApplication::processEvents();
    const EmbeddingMapPicture& pic = view.map()->picture();
    QCOMPARE(int(pic.points.size()), int(pca.rows()));
    for (int w = 0; w < pca.rows(); ++w) {
        QCOMPARE(pic.points[w].x(), pca(w, 0));
        QCOMPARE(pic.points[w].y(), pca(w, 1));
        QCOMPARE(pic.words[w], QString::fromStdString(sg.words()[w]));
    }
    // Drawn with one scale on both axes: map distances are the projection's.
    const QPointF a = view.map()->toWidget(pic.points[0]), b = view.map()->toWidget(pic.points[1]);
    const QPointF o = view.map()->toWidget(QPointF(pic.points[0].x() + 1, pic.points[0].y() + 1));
    QVERIFY(std::abs(std::abs(o.x() - a.x()) - std::abs(o.y() - a.y())) < 1e-9);
    QVERIFY(a != b);
    // The groups are the corpus's.
    const auto groups = seq::builtinGroups(seq::CorpusLanguage::English);
    QCOMPARE(pic.groups[sg.indexOf("dog")], 1);
    QCOMPARE(pic.groups[sg.indexOf("the")], -1);
    QCOMPARE(int(view.groupNames().size()), int(groups.size()));
}

void TestEmbeddingWorkspace::neighboursAreNearest() {
    EmbeddingModel model;
    trainEpochs(model, 30);
    const seq::SkipGram& sg = model.skipGram();
    const int q = sg.indexOf("king");
    const auto expected = sg.nearest(q, EmbeddingModel::kNeighbours);
    const auto independent = rankedByCosine(sg.input(), sg.input().row(q).transpose(), {q});
    QCOMPARE(int(model.neighbours().size()), EmbeddingModel::kNeighbours);
    EmbeddingWorkspace view(&model);
    model.setPanel(EmbeddingModel::Panel::Neighbours);
    QCoreApplication::processEvents();
    QCOMPARE(view.panels()->currentIndex(), 1);
    const auto& bars = view.neighbourBars()->bars();
    QCOMPARE(int(bars.size()), EmbeddingModel::kNeighbours);
    for (int k = 0; k < EmbeddingModel::kNeighbours; ++k) {
        QCOMPARE(model.neighbours()[k].word, expected[k].word);
        QCOMPARE(model.neighbours()[k].cosine, expected[k].cosine);
        QCOMPARE(model.neighbours()[k].word, independent[k].first);
        QVERIFY(std::abs(model.neighbours()[k].cosine - independent[k].second) < 1e-12);
        QCOMPARE(bars[k].word, QString::fromStdString(sg.words()[expected[k].word]));
        QCOMPARE(bars[k].cosine, expected[k].cosine);
    }
    // The map rings the same neighbours.
    std::vector<int> ringed = view.map()->picture().neighbours;
    QCOMPARE(int(ringed.size()), EmbeddingModel::kNeighbours);
    for (int k = 0; k < EmbeddingModel::kNeighbours; ++k) QCOMPARE(ringed[k], expected[k].word);
    QCOMPARE(view.map()->picture().query, q);
    // The number written beside the first bar is the cosine.
    QVERIFY(NeighbourBars::number(bars[0].cosine) == QString::number(expected[0].cosine, 'f', 3));
}

void TestEmbeddingWorkspace::analogyIsAnalogy() {
    EmbeddingModel model;
    trainEpochs(model, 30);
    const seq::SkipGram& sg = model.skipGram();
    const int a = sg.indexOf("king"), b = sg.indexOf("man"), c = sg.indexOf("woman");
    const auto expected = sg.analogy(a, b, c, EmbeddingModel::kAnalogyAnswers);
    const Eigen::MatrixXd& v = sg.input();
    const Eigen::VectorXd target = v.row(a).normalized() - v.row(b).normalized() + v.row(c).normalized();
    const auto independent = rankedByCosine(v, target, {a, b, c});
    QCOMPARE(int(model.analogyAnswers().size()), EmbeddingModel::kAnalogyAnswers);
    EmbeddingWorkspace view(&model);
    QVERIFY(model.setPanelName(QStringLiteral("analogy")));
    QCoreApplication::processEvents();
    QCOMPARE(view.panels()->currentIndex(), 2);
    const auto& bars = view.analogyBars()->bars();
    for (int k = 0; k < EmbeddingModel::kAnalogyAnswers; ++k) {
        QCOMPARE(model.analogyAnswers()[k].word, expected[k].word);
        QCOMPARE(model.analogyAnswers()[k].word, independent[k].first);
        QVERIFY(std::abs(model.analogyAnswers()[k].cosine - independent[k].second) < 1e-12);
        QCOMPARE(bars[k].cosine, expected[k].cosine);
        QCOMPARE(bars[k].word, QString::fromStdString(sg.words()[expected[k].word]));
    }
    qInfo("king - man + woman -> %s (%.3f)", sg.words()[expected[0].word].c_str(), expected[0].cosine);
    // The arrows: b → a, and the same offset from c, ending at p(a) − p(b) + p(c).
    const EmbeddingMapPicture& pic = view.analogyMap()->picture();
    const Eigen::MatrixXd p = sg.pca2();
    QCOMPARE(int(pic.arrows.size()), 2);
    QCOMPARE(pic.arrows[0].from, QPointF(p(b, 0), p(b, 1)));
    QCOMPARE(pic.arrows[0].to, QPointF(p(a, 0), p(a, 1)));
    QCOMPARE(pic.arrows[1].from, QPointF(p(c, 0), p(c, 1)));
    QVERIFY(pic.hasTarget);
    QVERIFY(std::abs(pic.target.x() - (p(a, 0) - p(b, 0) + p(c, 0))) < 1e-12);
    QVERIFY(std::abs(pic.target.y() - (p(a, 1) - p(b, 1) + p(c, 1))) < 1e-12);
    QCOMPARE(pic.query, expected[0].word);
    // The Chinese corpus has the same analogy.
    QVERIFY(model.setCorpus(QStringLiteral("zh")));
    const auto abc = model.analogyWords();
    QCOMPARE(abc[0], QStringLiteral("国王"));
    QCOMPARE(abc[1], QStringLiteral("男人"));
    QCOMPARE(abc[2], QStringLiteral("女人"));
    QCOMPARE(int(model.analogyAnswers().size()), EmbeddingModel::kAnalogyAnswers);
    // Another triple typed in.
    QVERIFY(model.setAnalogy(QStringLiteral("王子"), QStringLiteral("男孩"), QStringLiteral("女孩")));
    const seq::SkipGram& zh = model.skipGram();
    const auto zhExpected = zh.analogy(zh.indexOf("王子"), zh.indexOf("男孩"), zh.indexOf("女孩"), 5);
    QCOMPARE(model.analogyAnswers()[0].word, zhExpected[0].word);
}

void TestEmbeddingWorkspace::oneHotAgainstDense() {
    EmbeddingModel model;
    trainEpochs(model, 10);
    EmbeddingWorkspace view(&model);
    QVERIFY(model.setProperty("panel", QStringLiteral("onehot")));
    QCoreApplication::processEvents();
    QCOMPARE(view.panels()->currentIndex(), 3);
    const seq::SkipGram& sg = model.skipGram();
    const int V = int(sg.words().size());
    const int king = sg.indexOf("king"), queen = sg.indexOf("queen");
    const auto& oneHot = view.oneHotStrip(0)->values();
    QCOMPARE(int(oneHot.size()), V);
    QCOMPARE(std::accumulate(oneHot.begin(), oneHot.end(), 0.0), 1.0);
    QCOMPARE(oneHot[king], 1.0);
    const auto& dense = view.denseStrip(0)->values();
    QCOMPARE(int(dense.size()), 16);
    for (int k = 0; k < 16; ++k) QCOMPARE(dense[k], sg.input()(king, k));
    QCOMPARE(view.oneHotStrip(1)->values()[queen], 1.0);
    QCOMPARE(model.oneHotCosine(), 0.0);
    const double cosine = sg.input().row(king).dot(sg.input().row(queen)) /
                          (sg.input().row(king).norm() * sg.input().row(queen).norm());
    QVERIFY(std::abs(model.denseCosine() - cosine) < 1e-12);
    const auto c = sg.comparison();
    const QString text = view.comparisonLabel()->text();
    QVERIFY2(text.contains(QString::number(c.oneHotSparsity * 100, 'f', 1)), qPrintable(text));
    QVERIFY(text.contains(QString::number(cosine, 'f', 3)));
    QVERIFY(text.contains(QStringLiteral("<b>0.000</b>")));
    QVERIFY(model.setCompareWord(QStringLiteral("king")));
    QCOMPARE(model.oneHotCosine(), 1.0);
}

void TestEmbeddingWorkspace::trainsOffTheGuiThread() {
    EmbeddingModel model;
    EmbeddingWorkspace view(&model);
    QSignalSpy changed(&model, &EmbeddingModel::changed);
    const QThread* gui = QThread::currentThread();
    model.play();
    QVERIFY(model.isPlaying());
    QVERIFY(model.property("training").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(model.epochs() >= 8, 30000 * test::kSanitizerSlowdown);
    QVERIFY(changed.count() >= 2);
    QVERIFY(PacedWorker::shared().workerThread() != gui);
    model.pause();
    QTest::qWait(300 * test::kSanitizerSlowdown);
    const int epochs = model.epochs();
    QCOMPARE(int(model.lossHistory().size()), epochs);
    QTest::qWait(300);
    QCOMPARE(model.epochs(), epochs);
    QCOMPARE(model.property("epochs").toInt(), epochs);
    QCOMPARE(model.property("loss").toDouble(), model.lossHistory().back());
    QVERIFY(model.loss() < model.lossHistory().front());  // it learns
    QCOMPARE(view.lossPlot()->graph(0)->dataCount(), epochs);
    QVERIFY(view.statusLabel()->text().contains(QString::number(model.loss(), 'f', 3)));
    // One step is one epoch.
    model.step();
    QTRY_COMPARE(model.epochs(), epochs + 1);
    model.reset();
    QCOMPARE(model.epochs(), 0);
    QCOMPARE(model.loss(), 0.0);
    QVERIFY(model.skipGram().input() == seq::SkipGram(seq::builtinCorpus(seq::CorpusLanguage::English), {}).input());
}

void TestEmbeddingWorkspace::settingsAreUndoable() {
    EmbeddingModel model;
    QVERIFY(model.setDimension(8));
    QVERIFY(model.setWindow(3));
    QVERIFY(model.setLearningRate(0.1));
    QCOMPARE(model.undoStack()->count(), 3);
    QCOMPARE(int(model.skipGram().input().cols()), 8);
    model.undoStack()->undo();
    QCOMPARE(model.learningRate(), 0.05);
    model.undoStack()->undo();
    QCOMPARE(model.window(), 2);
    model.undoStack()->undo();
    QCOMPARE(model.dimension(), 16);
    QCOMPARE(int(model.skipGram().input().cols()), 16);
    model.undoStack()->redo();
    QCOMPARE(int(model.skipGram().input().cols()), 8);
    // A new setting restarts from the seed.
    QCOMPARE(model.epochs(), 0);
    // Undo and Redo buttons follow the stack.
    EmbeddingWorkspace view(&model);
    auto* undo = view.findChild<QPushButton*>(QStringLiteral("embeddingUndo"));
    auto* redo = view.findChild<QPushButton*>(QStringLiteral("embeddingRedo"));
    QVERIFY(undo && redo);
    QVERIFY(undo->isEnabled() && redo->isEnabled());
    QVERIFY(undo->toolTip().contains(model.undoStack()->undoText()));
    undo->click();
    QCOMPARE(model.dimension(), 16);
    QVERIFY(!undo->isEnabled());
}

void TestEmbeddingWorkspace::propertiesDriveTheView() {
    EmbeddingModel model;
    EmbeddingWorkspace view(&model);
    view.resize(1280, 800);
    // Every field of the lesson contract, with its type.
    const QMetaObject* meta = model.metaObject();
    const std::vector<std::pair<const char*, QMetaType::Type>> fields{
        {"corpus", QMetaType::QString}, {"dimension", QMetaType::Int},  {"window", QMetaType::Int},
        {"negatives", QMetaType::Int},  {"learning_rate", QMetaType::Double}, {"training", QMetaType::Bool},
        {"panel", QMetaType::QString},  {"word", QMetaType::QString}, {"epochs", QMetaType::Int},
        {"loss", QMetaType::Double}};
    for (const auto& [name, type] : fields) {
        const int i = meta->indexOfProperty(name);
        QVERIFY2(i >= 0, name);
        QCOMPARE(meta->property(i).metaType().id(), int(type));
        QVERIFY(meta->property(i).hasNotifySignal());
        const bool readOnly = QByteArray(name) == "epochs" || QByteArray(name) == "loss";
        QCOMPARE(meta->property(i).isWritable(), !readOnly);
    }
    QVERIFY(model.setProperty("corpus", QStringLiteral("zh")));
    QVERIFY(model.setProperty("dimension", 8));
    QVERIFY(model.setProperty("window", 3));
    QVERIFY(model.setProperty("negatives", 7));
    QVERIFY(model.setProperty("learning_rate", 0.1));
    QVERIFY(model.setProperty("panel", QStringLiteral("neighbours")));
    QVERIFY(model.setProperty("word", QStringLiteral("王后")));
    QCoreApplication::processEvents();
    QCOMPARE(model.property("corpus").toString(), QStringLiteral("zh"));
    QCOMPARE(view.findChild<QComboBox*>(QStringLiteral("embeddingCorpus"))->currentIndex(), 1);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("embeddingDimension"))->value(), 8);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("embeddingWindow"))->value(), 3);
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("embeddingNegatives"))->value(), 7);
    QCOMPARE(view.findChild<QDoubleSpinBox*>(QStringLiteral("embeddingLearningRate"))->value(), 0.1);
    QCOMPARE(view.panels()->currentIndex(), 1);
    QCOMPARE(view.wordEdit()->text(), QStringLiteral("王后"));
    QCOMPARE(model.property("word").toString(), QStringLiteral("王后"));
    const seq::SkipGram& sg = model.skipGram();
    QCOMPARE(view.map()->picture().query, sg.indexOf("王后"));
    QCOMPARE(int(view.denseStrip(0)->values().size()), 8);
    QCOMPARE(model.undoStack()->count(), 5);
    // Clamped into range, never refused silently.
    QVERIFY(model.setProperty("dimension", 100));
    QCOMPARE(model.dimension(), EmbeddingModel::kMaxDimension);
    QVERIFY(model.setProperty("negatives", 0));
    QCOMPARE(model.negatives(), EmbeddingModel::kMinNegatives);
    QVERIFY(model.setProperty("learning_rate", 5.0));
    QCOMPARE(model.learningRate(), EmbeddingModel::kMaxLearningRate);
    model.setProperty("corpus", QStringLiteral("fr"));
    QCOMPARE(model.corpusName(), QStringLiteral("zh"));
    model.setProperty("panel", QStringLiteral("nowhere"));
    QCOMPARE(model.panelName(), QStringLiteral("neighbours"));
    QVERIFY(model.setProperty("learning_rate", 0.05));
    QVERIFY(model.setProperty("dimension", 8));
    // Training through the flag; the read-only fields are what the view shows.
    QVERIFY(model.setProperty("training", true));
    QTRY_VERIFY_WITH_TIMEOUT(model.property("epochs").toInt() >= 3, 30000 * test::kSanitizerSlowdown);
    QVERIFY(model.setProperty("training", false));
    QTRY_VERIFY(!model.isPlaying());
    QTest::qWait(100);
    QCoreApplication::processEvents();
    const int epochs = model.property("epochs").toInt();
    const double loss = model.property("loss").toDouble();
    QVERIFY(loss > 0);
    QVERIFY2(view.statusLabel()->text().contains(QStringLiteral(" %1 ").arg(epochs)) &&
                 view.statusLabel()->text().contains(QString::number(loss, 'f', 3)),
             qPrintable(view.statusLabel()->text()));
    QCOMPARE(view.lossPlot()->graph(0)->dataCount(), epochs);
}

void TestEmbeddingWorkspace::unknownWordsAreIgnored() {
    EmbeddingModel model;
    EmbeddingWorkspace view(&model);
    model.setProperty("word", QStringLiteral("unicorn"));
    QCOMPARE(model.word(), QStringLiteral("king"));
    QCoreApplication::processEvents();
    QVERIFY(!view.noticeLabel()->isHidden());
    QVERIFY(view.noticeLabel()->text().contains(QStringLiteral("unicorn")));
    QVERIFY(model.setWord(QStringLiteral("Queen")));  // case does not matter in English
    QCOMPARE(model.word(), QStringLiteral("queen"));
    QCoreApplication::processEvents();
    QVERIFY(view.noticeLabel()->isHidden());
    QVERIFY(!model.setAnalogy(QStringLiteral("king"), QStringLiteral("unicorn"), QStringLiteral("woman")));
    QCOMPARE(model.analogyWords()[1], QStringLiteral("man"));
    // Typing into the field and pressing Enter sets the word.
    QLineEdit* edit = view.wordEdit();
    edit->setText(QStringLiteral("dog"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(model.word(), QStringLiteral("dog"));
}

void TestEmbeddingWorkspace::divergenceStopsTraining() {
    EmbeddingModel model;
    EmbeddingWorkspace view(&model);
    QVERIFY(model.setDimension(64));
    QVERIFY(model.setLearningRate(1.0));
    model.play();
    QTRY_VERIFY_WITH_TIMEOUT(model.diverged(), 30000 * test::kSanitizerSlowdown);
    QTRY_VERIFY(!model.isPlaying());
    QVERIFY(!std::isfinite(model.loss()));
    QCoreApplication::processEvents();
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("learning rate")));
    QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("embeddingPlay"))->isEnabled());
    // A smaller learning rate starts again.
    QVERIFY(model.setLearningRate(0.05));
    QVERIFY(!model.diverged());
    QCOMPARE(model.epochs(), 0);
}

void TestEmbeddingWorkspace::hoverAndLabels() {
    EmbeddingModel model;
    trainEpochs(model, 20);
    EmbeddingWorkspace view(&model);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
    EmbeddingMapView* map = view.map();
    const EmbeddingMapPicture& pic = map->picture();
    // No two labels overlap, and the query and its neighbours are labelled.
    const auto& rects = map->labelRects();
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j) QVERIFY(!rects[i].intersects(rects[j]));
    const auto& labelled = map->labelledWords();
    QVERIFY(std::find(labelled.begin(), labelled.end(), pic.query) != labelled.end());
    QVERIFY2(labelled.size() * 2 > pic.words.size(), qPrintable(QString::number(labelled.size())));
    // Hover: the word and its cosine to the query, the model's number.
    const int n = pic.neighbours.front();
    const QPointF at = map->toWidget(pic.points[n]);
    QCOMPARE(map->wordAt(at), n);
    QTest::mouseMove(map, at.toPoint());
    QTRY_COMPARE(map->hovered(), n);
    const QString hover = map->hoverText(n);
    QVERIFY2(hover.contains(pic.words[n]) && hover.contains(QString::number(model.neighbours().front().cosine, 'f', 3)),
             qPrintable(hover));
    // The tool tip over a word is its hover text; over empty space, the view's own.
    QHelpEvent help(QEvent::ToolTip, at.toPoint(), map->mapToGlobal(at.toPoint()));
    QApplication::sendEvent(map, &help);
    QTRY_COMPARE(QToolTip::text(), hover);
    QHelpEvent empty(QEvent::ToolTip, QPoint(3, map->height() - 3), map->mapToGlobal(QPoint(3, map->height() - 3)));
    QApplication::sendEvent(map, &empty);
    QTRY_COMPARE(QToolTip::text(), map->toolTip());
    QVERIFY(!map->toolTip().isEmpty());
    // Presenter mode: larger labels.
    const double before = rects.front().height();
    view.setPresenterScale(1.6);
    QVERIFY(map->labelRects().front().height() > 1.4 * before);
    view.setPresenterScale(1.0);
    // The word fields complete from the vocabulary.
    QCOMPARE(view.wordEdit()->completer()->model()->rowCount(), int(pic.words.size()));
    // A click makes a word the query.
    const int other = model.skipGram().indexOf("dog");
    QTest::mouseClick(map, Qt::LeftButton, {}, map->toWidget(pic.points[other]).toPoint());
    QCOMPARE(model.word(), QStringLiteral("dog"));
}

void TestEmbeddingWorkspace::shortcutsAndButtons() {
    EmbeddingModel model;
    EmbeddingWorkspace view(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.panels()->setFocus();
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(model.isPlaying());
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(!model.isPlaying());
    auto* step = view.findChild<QPushButton*>(QStringLiteral("embeddingStep"));
    const int before = model.epochs();
    step->click();
    QTRY_COMPARE(model.epochs(), before + 1);
    auto* corpus = view.findChild<QComboBox*>(QStringLiteral("embeddingCorpus"));
    QVERIFY(!corpus->toolTip().isEmpty());
    for (const char* name : {"embeddingDimension", "embeddingWindow", "embeddingNegatives"})
        QVERIFY(!view.findChild<QSpinBox*>(QLatin1String(name))->toolTip().isEmpty());
}

void TestEmbeddingWorkspace::screenshots_data() {
    QTest::addColumn<int>("panel");
    QTest::addColumn<QString>("language");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")})
        for (int p = 0; p < 4; ++p)
            QTest::newRow(qPrintable(EmbeddingModel::panelNames().at(p) + QLatin1Char('-') + language)) << p << language;
}

void TestEmbeddingWorkspace::screenshots() {
    QFETCH(int, panel);
    QFETCH(QString, language);
    QTranslator translator;
    if (language == QLatin1String("zh")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/embedding_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    EmbeddingModel model;
    // The Chinese interface opens on the Chinese corpus.
    QCOMPARE(model.corpusName(), language == QLatin1String("zh") ? QStringLiteral("zh") : QStringLiteral("en"));
    QCOMPARE(model.undoStack()->count(), 0);
    trainEpochs(model, 60);
    EmbeddingWorkspace view(&model);
    view.resize(1280, 800);
    model.setPanel(static_cast<EmbeddingModel::Panel>(panel));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    if (language == QLatin1String("zh")) QVERIFY(view.panels()->tabText(1) != QStringLiteral("Neighbours"));
    saveShot(view, QStringLiteral("shell-embedding-%1-%2.png").arg(EmbeddingModel::panelNames().at(panel), language));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestEmbeddingWorkspace)
#include "test_embedding_workspace.moc"
