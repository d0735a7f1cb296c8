#include "cnn/cnn_model.h"

#include "data/idx.h"

#include <QTimer>

#include <cmath>
#include <limits>

namespace ns {

CnnModel::CnnModel(QObject* parent) : QObject(parent), task_(new CnnTask), fashionRoot_(QString::fromLatin1(data::kFashionMnistDir)) {
    qRegisterMetaType<CnnSnapshotPtr>();
    settings_.learningRate = 0.05;
    settings_.batchSize = 32;
    connect(task_, &CnnTask::progress, this, &CnnModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    PacedWorker::post<PacedTask>(task_, [](PacedTask& t) { t.setUnitsPerSecond(0); });
    const cnn::ImageTrainerSettings settings = settings_;
    PacedWorker::post<CnnTask>(task_, [settings](CnnTask& t) { t.setSettings(settings); });
    setDataset(dataset_);
}

CnnModel::~CnnModel() { PacedWorker::shared().release(task_); }

const QStringList& CnnModel::datasets() {
    static const QStringList names{QStringLiteral("builtin"), QStringLiteral("shapes"), QStringLiteral("fashion_mnist")};
    return names;
}

QStringList CnnModel::classNames(const QString& dataset) {
    if (dataset == QLatin1String("fashion_mnist"))
        return {tr("T-shirt/top"), tr("Trouser"), tr("Pullover"), tr("Dress"), tr("Coat"),
                tr("Sandal"),      tr("Shirt"),   tr("Sneaker"),  tr("Bag"),   tr("Ankle boot")};
    if (dataset == QLatin1String("shapes"))
        return {tr("circle"),  tr("square"),    tr("triangle"), tr("diamond"), tr("plus"),
                tr("cross"),   tr("two bars"), tr("hexagon"),  tr("chevron"), tr("ring")};
    QStringList digits;
    for (int d = 0; d <= 9; ++d) digits << QString::number(d);
    return digits;
}

bool CnnModel::refuse(const QString& why) {
    error_ = why;
    markChanged();
    return false;
}

bool CnnModel::setDataset(const QString& dataset) {
    if (!datasets().contains(dataset))
        return refuse(tr("Unknown data set '%1': expected one of %2").arg(dataset, datasets().join(QStringLiteral(", "))));
    error_.clear();
    dataset_ = dataset;
    loading_ = true;
    const int generation = ++generation_;
    history_.clear();
    fresh_.clear();
    const QString root = fashionRoot_;
    PacedWorker::post<CnnTask>(task_, [generation, dataset, root](CnnTask& t) { t.load(generation, dataset, root); });
    markChanged();
    return true;
}

bool CnnModel::openIdx(const QString& images, const QString& labels) {
    error_.clear();
    loading_ = true;
    const int generation = ++generation_;
    history_.clear();
    fresh_.clear();
    PacedWorker::post<CnnTask>(task_, [generation, images, labels](CnnTask& t) { t.loadFiles(generation, images, labels); });
    markChanged();
    return true;
}

bool CnnModel::setLearningRate(double eta) {
    if (!std::isfinite(eta) || eta < 1e-5 || eta > 10) return refuse(tr("The learning rate must lie in 0.00001–10"));
    settings_.learningRate = eta;
    const cnn::ImageTrainerSettings s = settings_;
    PacedWorker::post<CnnTask>(task_, [s](CnnTask& t) { t.setSettings(s); });
    error_.clear();
    markChanged();
    return true;
}

bool CnnModel::setBatchSize(int batch) {
    if (batch < 1 || batch > 512) return refuse(tr("The batch size must lie in 1–512"));
    settings_.batchSize = batch;
    const cnn::ImageTrainerSettings s = settings_;
    PacedWorker::post<CnnTask>(task_, [s](CnnTask& t) { t.setSettings(s); });
    error_.clear();
    markChanged();
    return true;
}

void CnnModel::play() { PacedWorker::post<PacedTask>(task_, [](PacedTask& t) { t.play(); }); }
void CnnModel::pause() { PacedWorker::post<PacedTask>(task_, [](PacedTask& t) { t.pause(); }); }
void CnnModel::setTraining(bool on) { on ? play() : pause(); }
void CnnModel::setUnitsPerSecond(double rate) {
    PacedWorker::post<PacedTask>(task_, [rate](PacedTask& t) { t.setUnitsPerSecond(rate); });
}

void CnnModel::reset() {
    const int generation = ++generation_;
    history_.clear();
    fresh_.clear();
    PacedWorker::post<CnnTask>(task_, [generation](CnnTask& t) { t.reset(generation); });
    markChanged();
}

void CnnModel::setFashionRoot(const QString& dir) { fashionRoot_ = dir; }

bool CnnModel::selectInput(int index) {
    const data::ImageSet* test = testSet();
    const int count = test ? static_cast<int>(test->size()) : 0;
    if (index < 0 || (count > 0 && index >= count))
        return refuse(tr("Test image %1 does not exist (0–%2)").arg(index).arg(count - 1));
    input_ = index;
    error_.clear();
    retrace();
    markChanged();
    return true;
}

QStringList CnnModel::layerNames() const {
    QStringList names;
    if (const engine::Network* net = network())
        for (std::size_t i = 0; i < net->size(); ++i) names << QString::fromStdString(net->node(i).name);
    return names;
}

bool CnnModel::selectLayer(const QString& name) {
    static const QStringList lenet{QStringLiteral("conv1"), QStringLiteral("relu1"), QStringLiteral("pool1"),
                                   QStringLiteral("conv2"), QStringLiteral("relu2"), QStringLiteral("pool2"),
                                   QStringLiteral("flatten"), QStringLiteral("fc1"), QStringLiteral("relu3"),
                                   QStringLiteral("fc2"), QStringLiteral("relu4"), QStringLiteral("fc3")};
    if (!lenet.contains(name))
        return refuse(tr("LeNet-5 has no layer '%1': expected one of %2").arg(name, lenet.join(QStringLiteral(", "))));
    layer_ = name;
    error_.clear();
    markChanged();
    return true;
}

double CnnModel::testAccuracy() const {
    const cnn::Evaluation* e = evaluation();
    return e ? e->accuracy : std::numeric_limits<double>::quiet_NaN();
}

const cnn::Evaluation* CnnModel::evaluation() const {
    return snapshot_ && snapshot_->evaluation ? &*snapshot_->evaluation : nullptr;
}

std::vector<CnnPoint> CnnModel::takeNewPoints() {
    std::vector<CnnPoint> out;
    out.swap(fresh_);
    return out;
}

const engine::Tensor* CnnModel::selectedMaps() const {
    const engine::Network* net = network();
    if (!net || trace_.nodes.size() != net->size()) return nullptr;
    for (std::size_t i = 0; i < net->size(); ++i)
        if (QString::fromStdString(net->node(i).name) == layer_) return &trace_.nodes[i].output;
    return nullptr;
}

void CnnModel::retrace() {
    const engine::Network* net = network();
    const data::ImageSet* test = testSet();
    if (!net || !test || test->size() == 0) return;
    if (net == tracedNetwork_ && input_ == tracedInput_) return;
    input_ = std::min(input_, static_cast<int>(test->size()) - 1);
    trace_ = cnn::traceImage(*net, *test, input_);
    tracedNetwork_ = net;
    tracedInput_ = input_;
}

void CnnModel::receive(const CnnSnapshotPtr& snapshot) {
    if (snapshot->generation != generation_) return;  // from a run the student has left
    if (!snapshot->error.isEmpty()) {
        error_ = snapshot->error;
        loading_ = false;
        if (snapshot_) dataset_ = snapshot_->dataset;  // the previous set stays
        markChanged();
        return;
    }
    snapshot_ = snapshot;
    loading_ = snapshot->loading;
    if (!snapshot->dataset.isEmpty() && !snapshot->loading) dataset_ = snapshot->dataset;
    for (const CnnPoint& p : snapshot->newPoints) {
        history_.push_back(p);
        fresh_.push_back(p);
    }
    while (history_.size() > kHistory) history_.pop_front();
    if (fresh_.size() > kHistory) fresh_.erase(fresh_.begin(), fresh_.end() - static_cast<long>(kHistory));
    retrace();
    markChanged();
}

void CnnModel::markChanged() {
    notifier_.schedule(this, [this] { emit changed(); });
}

}  // namespace ns
