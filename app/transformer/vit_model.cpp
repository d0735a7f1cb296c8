#include "transformer/vit_model.h"

#include "data/idx.h"
#include "data/shapes_dataset.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <new>

namespace ns {

using transformer::Vit;
using transformer::VitSettings;

// ---- The task on the training thread ----

void VitTask::fail(int generation, const QString& error) {
    generation_ = generation;
    error_ = error;
    loading_ = false;
    news_ = true;
    publishNow();
    error_.clear();
}

void VitTask::load(int generation, const QString& dataset, const QString& root, const VitSettings& settings) {
    stopAll();
    try {
        data::ImageSet train, test;
        if (dataset == QLatin1String("fashion_mnist")) {
            const std::string dir = root.toStdString();
            for (bool isTrain : {true, false}) {
                const data::FashionMnistPaths paths = data::fashionMnistPaths(isTrain, dir);
                for (const std::string& f : {paths.images, paths.labels})
                    if (!QFileInfo::exists(QString::fromStdString(f)))
                        return fail(generation, tr("%1 is missing: install Debian's dataset-fashion-mnist "
                                                   "(sudo apt install dataset-fashion-mnist)")
                                                    .arg(QString::fromStdString(f)));
            }
            generation_ = generation;
            loading_ = true;
            news_ = true;
            publishNow();
            const data::FashionMnistPaths trainPaths = data::fashionMnistPaths(true, dir);
            const data::FashionMnistPaths testPaths = data::fashionMnistPaths(false, dir);
            train = data::readIdxPair(trainPaths.images, trainPaths.labels, 10000);
            test = data::readIdxPair(testPaths.images, testPaths.labels, kTestImages);
        } else {
            data::ShapesSpec spec;
            spec.count = 4000;
            spec.seed = 11;
            train = data::generateShapes(spec);
            spec.count = kTestImages;
            spec.seed = 12;
            test = data::generateShapes(spec);
        }
        train_ = std::move(train);
        test_ = std::move(test);
        dataset_ = dataset;
        loading_ = false;
        restart(generation, settings);
    } catch (const std::bad_alloc&) {
        fail(generation, tr("Not enough memory to load %1").arg(dataset));
    } catch (const std::exception& e) {
        fail(generation, QString::fromStdString(e.what()));
    }
}

void VitTask::restart(int generation, const VitSettings& settings) {
    stopAll();
    generation_ = generation;
    if (train_.size() == 0) return;
    vit_ = std::make_unique<Vit>(settings, train_, test_);
    diverged_ = false;
    pending_.clear();
    accuracy_ = vit_->testAccuracy();
    evaluatedAt_ = 0;
    news_ = true;
    publishNow();
}

void VitTask::setImage(int image) {
    image_ = image;
    news_ = true;
    publishNow();
}

bool VitTask::trainOne() {
    const transformer::VitStep step = vit_->step();
    pending_.push_back(step);
    if (!step.finite) {
        diverged_ = true;
        news_ = true;
        return false;
    }
    if (vit_->steps() % kEvaluateEvery == 0) {
        accuracy_ = vit_->testAccuracy();
        evaluatedAt_ = vit_->steps();
    }
    return true;
}

void VitTask::emitSnapshot(bool) {
    auto s = std::make_shared<VitSnapshot>();
    s->generation = generation_;
    s->dataset = dataset_;
    s->error = error_;
    s->loading = loading_;
    s->playing = playing();
    s->diverged = diverged_;
    s->request = request_;
    if (vit_ && error_.isEmpty()) {
        if (!playing() && evaluatedAt_ != vit_->steps()) {
            accuracy_ = vit_->testAccuracy();
            evaluatedAt_ = vit_->steps();
        }
        s->steps = vit_->steps();
        s->patch = vit_->settings().patch;
        s->testCount = static_cast<int>(test_.size());
        s->image = std::clamp(image_, 0, s->testCount - 1);
        s->label = test_.labels[static_cast<std::size_t>(s->image)];
        const double* px = test_.images.sample(s->image);
        s->pixels.assign(px, px + VitSettings::kSide * VitSettings::kSide);
        s->inspection = std::make_shared<const transformer::VitInspection>(vit_->inspect(s->image));
    }
    s->testAccuracy = accuracy_;
    s->evaluatedAt = evaluatedAt_;
    s->newSteps.swap(pending_);
    news_ = false;
    emit progress(std::move(s));
}

// ---- The model ----

VitModel::VitModel(QObject* parent) : QObject(parent), task_(new VitTask), fashionRoot_(QString::fromLatin1(data::kFashionMnistDir)) {
    qRegisterMetaType<VitSnapshotPtr>();
    connect(task_, &VitTask::progress, this, &VitModel::receive, Qt::QueuedConnection);
    PacedWorker::shared().adopt(task_);
    setUnitsPerSecond(40);
    load();
}

VitModel::~VitModel() { PacedWorker::shared().release(task_); }

QStringList VitModel::datasets() { return {QStringLiteral("digits"), QStringLiteral("fashion_mnist")}; }
QStringList VitModel::panels() { return {QStringLiteral("patches"), QStringLiteral("attention"), QStringLiteral("mae")}; }

QStringList VitModel::classNames(const QString& dataset) {
    if (dataset == QLatin1String("fashion_mnist"))
        return {tr("T-shirt/top"), tr("Trouser"), tr("Pullover"), tr("Dress"), tr("Coat"),
                tr("Sandal"),      tr("Shirt"),   tr("Sneaker"),  tr("Bag"),   tr("Ankle boot")};
    QStringList digits;
    for (int d = 0; d <= 9; ++d) digits << QString::number(d);
    return digits;
}

bool VitModel::refuse(const QString& why) {
    error_ = why;
    markChanged();
    return false;
}

void VitModel::load() {
    playing_ = false;
    loading_ = true;
    const int generation = ++generation_;
    const long request = ++request_;
    lossHistory_.clear();
    accuracyHistory_.clear();
    const QString dataset = dataset_, root = fashionRoot_;
    const VitSettings s = settings_;
    const int image = image_;
    PacedWorker::post<VitTask>(task_, [generation, dataset, root, s, image, request](VitTask& t) {
        t.setRequest(request);
        t.setImage(image);
        t.load(generation, dataset, root, s);
    });
    markChanged();
}

void VitModel::restart() {
    playing_ = false;
    const int generation = ++generation_;
    const long request = ++request_;
    lossHistory_.clear();
    accuracyHistory_.clear();
    const VitSettings s = settings_;
    PacedWorker::post<VitTask>(task_, [generation, s, request](VitTask& t) {
        t.setRequest(request);
        t.restart(generation, s);
    });
    markChanged();
}

bool VitModel::setDataset(const QString& dataset) {
    if (!datasets().contains(dataset))
        return refuse(tr("Unknown image set '%1': expected one of %2").arg(dataset, datasets().join(QStringLiteral(", "))));
    error_.clear();
    if (dataset == dataset_ && !loading_) {
        markChanged();
        return true;
    }
    dataset_ = dataset;
    load();
    return true;
}

bool VitModel::setImage(int image) {
    const int count = testCount();
    if (image < 0 || (count > 0 && image >= count))
        return refuse(tr("Test image %1 does not exist (0–%2)").arg(image).arg(std::max(0, count - 1)));
    image_ = image;
    error_.clear();
    PacedWorker::post<VitTask>(task_, [image](VitTask& t) { t.setImage(image); });
    markChanged();
    return true;
}

bool VitModel::setPatch(int patch) {
    if (patch < 2 || patch > 14) return refuse(tr("The patch size must lie in 2–14 (it is snapped to 2, 4, 7 or 14)"));
    error_.clear();
    const int snapped = transformer::nearestPatch(patch);
    if (snapped == settings_.patch) {
        markChanged();
        return true;
    }
    settings_.patch = snapped;
    restart();
    return true;
}

bool VitModel::setPanel(const QString& panel) {
    if (!panels().contains(panel))
        return refuse(tr("Unknown panel '%1': expected one of %2").arg(panel, panels().join(QStringLiteral(", "))));
    panel_ = panel;
    error_.clear();
    markChanged();
    return true;
}

bool VitModel::setMaskRatio(double ratio) {
    if (!std::isfinite(ratio) || ratio < 0 || ratio > kMaxMaskRatio) return refuse(tr("The mask ratio must lie in 0–0.95"));
    maskRatio_ = ratio;
    error_.clear();
    markChanged();
    return true;
}

bool VitModel::setHead(int head) {
    if (head < 1 || head > settings_.heads) return refuse(tr("Head %1 does not exist (1–%2)").arg(head).arg(settings_.heads));
    head_ = head;
    error_.clear();
    markChanged();
    return true;
}

void VitModel::setTraining(bool on) {
    playing_ = on;
    const long request = ++request_;
    PacedWorker::post<VitTask>(task_, [on, request](VitTask& t) {
        t.setRequest(request);
        on ? t.play() : t.pause();
    });
    markChanged();
}

void VitModel::step() { runSteps(1); }

void VitModel::runSteps(long count) {
    playing_ = false;
    const long request = ++request_;
    PacedWorker::post<VitTask>(task_, [count, request](VitTask& t) {
        t.setRequest(request);
        t.runUnits(count);
    });
    markChanged();
}

void VitModel::reset() {
    error_.clear();
    restart();
}

void VitModel::setUnitsPerSecond(double rate) {
    PacedWorker::post<PacedTask>(task_, [rate](PacedTask& t) { t.setUnitsPerSecond(rate); });
}

const std::vector<double>* VitModel::pixels() const {
    return snapshot_ && !snapshot_->pixels.empty() ? &snapshot_->pixels : nullptr;
}

const transformer::VitInspection* VitModel::inspection() const {
    return snapshot_ && snapshot_->inspection ? snapshot_->inspection.get() : nullptr;
}

std::vector<bool> VitModel::mask() const {
    return transformer::maeMask(grid() * grid(), maskRatio_, 1000 + static_cast<std::uint64_t>(image_));
}

void VitModel::receive(const VitSnapshotPtr& snapshot) {
    if (snapshot->generation != generation_) return;
    if (!snapshot->error.isEmpty()) {
        error_ = snapshot->error;
        loading_ = false;
        if (snapshot_) dataset_ = snapshot_->dataset;  // the previous set stays
        markChanged();
        return;
    }
    loading_ = snapshot->loading;
    if (snapshot->loading) {
        markChanged();
        return;
    }
    for (const transformer::VitStep& s : snapshot->newSteps) {
        lossHistory_.push_back(s.loss);
        accuracyHistory_.push_back(s.accuracy);
    }
    if (lossHistory_.size() > kHistory) {
        const auto drop = static_cast<long>(lossHistory_.size() - kHistory);
        lossHistory_.erase(lossHistory_.begin(), lossHistory_.begin() + drop);
        accuracyHistory_.erase(accuracyHistory_.begin(), accuracyHistory_.begin() + drop);
    }
    snapshot_ = snapshot;
    if (!snapshot->dataset.isEmpty()) dataset_ = snapshot->dataset;
    if (snapshot->request == request_) playing_ = snapshot->playing;
    if (snapshot->diverged && error_.isEmpty()) error_ = tr("Training diverged: press Reset");
    markChanged();
}

void VitModel::markChanged() {
    notifier_.schedule(this, [this] { emit changed(); });
}

}  // namespace ns
