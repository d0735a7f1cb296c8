#include "cnn/cnn_task.h"

#include "data/idx.h"
#include "data/shapes_dataset.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <chrono>
#include <cmath>
#include <new>
#include <stdexcept>

namespace ns {

namespace {

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void CnnTask::fail(int generation, const QString& error) {
    generation_ = generation;
    error_ = error;
    news_ = true;
    publishNow();
}

void CnnTask::load(int generation, const QString& dataset, const QString& root) {
    stopAll();
    try {
        if (dataset == QLatin1String("fashion_mnist")) {
            const std::string dir = root.toStdString();
            for (bool train : {true, false}) {
                const data::FashionMnistPaths paths = data::fashionMnistPaths(train, dir);
                for (const std::string& f : {paths.images, paths.labels})
                    if (!QFileInfo::exists(QString::fromStdString(f)))
                        return fail(generation, tr("%1 is missing: install Debian's dataset-fashion-mnist "
                                                   "(sudo apt install dataset-fashion-mnist) or open IDX files")
                                                    .arg(QString::fromStdString(f)));
            }
            error_.clear();
            news_ = true;
            loadingDataset_ = dataset;
            publishNow();
            const data::FashionMnistPaths train = data::fashionMnistPaths(true, dir);
            const data::FashionMnistPaths test = data::fashionMnistPaths(false, dir);
            install(generation, dataset, data::readIdxPair(train.images, train.labels),
                    data::readIdxPair(test.images, test.labels, kTestImages));
            return;
        }
        data::ShapesSpec spec;
        spec.kind = dataset == QLatin1String("shapes") ? data::ShapesKind::Shapes : data::ShapesKind::Digits;
        spec.count = 4000;
        spec.seed = 11;
        data::ImageSet train = data::generateShapes(spec);
        spec.count = 500;
        spec.seed = 12;
        install(generation, dataset, std::move(train), data::generateShapes(spec));
    } catch (const std::bad_alloc&) {
        fail(generation, tr("Not enough memory to load %1").arg(dataset));
    } catch (const std::exception& e) {
        fail(generation, QString::fromStdString(e.what()));
    }
}

void CnnTask::loadFiles(int generation, const QString& images, const QString& labels) {
    stopAll();
    try {
        data::ImageSet all = data::readIdxPair(images.toStdString(), labels.toStdString());
        if (all.images.dim(2) != 28 || all.images.dim(3) != 28)
            return fail(generation, tr("%1 holds %2 × %3 images; LeNet-5 here reads 28 × 28")
                                        .arg(images).arg(all.images.dim(2)).arg(all.images.dim(3)));
        for (int label : all.labels)
            if (label < 0 || label > 9) return fail(generation, tr("%1: labels must be 0–9, found %2").arg(labels).arg(label));
        if (all.size() < 20) return fail(generation, tr("%1 holds only %2 images").arg(images).arg(all.size()));
        // The last sixth (at most 1000 images) is held out for testing.
        const engine::Index test = std::min<engine::Index>(kTestImages, all.size() / 6);
        install(generation, QFileInfo(images).fileName(), all.slice(0, all.size() - test), all.slice(all.size() - test, test));
    } catch (const std::bad_alloc&) {
        fail(generation, tr("Not enough memory to load %1").arg(images));
    } catch (const std::exception& e) {
        fail(generation, QString::fromStdString(e.what()));
    }
}

void CnnTask::install(int generation, const QString& dataset, data::ImageSet train, data::ImageSet test) {
    generation_ = generation;
    dataset_ = dataset;
    loadingDataset_.clear();
    error_.clear();
    test_ = std::make_shared<const data::ImageSet>(std::move(test));
    trainer_ = std::make_unique<cnn::ImageTrainer>(cnn::makeCnn(cnn::CnnVariant::LeNet5, settings_.seed), std::move(train),
                                                   settings_);
    evaluation_.reset();
    latest_.reset();
    evaluatedAt_ = -1;
    diverged_ = false;
    pending_.clear();
    imagesPerSecond_ = 0;
    rateImages_ = 0;
    rateStartNs_ = nowNs();
    startEvaluation();
    news_ = true;
    publishNow();
}

void CnnTask::setSettings(const cnn::ImageTrainerSettings& settings) {
    settings_ = settings;
    if (trainer_) trainer_->setSettings(settings);
    news_ = true;
    publishNow();
}

void CnnTask::reset(int generation) {
    stopAll();
    if (!trainer_) return;
    data::ImageSet train = trainer_->trainSet();
    install(generation, dataset_, std::move(train), *test_);
}

void CnnTask::startEvaluation() {
    if (!trainer_ || !test_) return;
    evaluation_ = std::make_unique<cnn::EvaluationRun>(trainer_->network(), *test_, 1);
    evaluationStep_ = trainer_->steps();
}

void CnnTask::idleStep() {
    if (!evaluation_) return;
    evaluation_->advance(100);
    if (evaluation_->done()) {
        latest_ = evaluation_->result();
        evaluatedAt_ = evaluationStep_;
        evaluation_.reset();
        news_ = true;
    }
}

bool CnnTask::trainOne() {
    const cnn::ImageStep step = trainer_->step();
    if (!step.finite) {
        diverged_ = true;
        news_ = true;
        return false;
    }
    pending_.push_back({step.step, step.loss, step.images ? double(step.correct) / double(step.images) : 0});
    rateImages_ += step.images;
    const std::int64_t elapsed = nowNs() - rateStartNs_;
    if (elapsed > 250'000'000) {  // a quarter second: steady, and shown soon after Play
        imagesPerSecond_ = double(rateImages_) * 1e9 / double(elapsed);
        rateImages_ = 0;
        rateStartNs_ = nowNs();
    }
    // Evaluation rides along with training, a chunk per batch, so it never stalls the curves.
    if (evaluation_) idleStep();
    else if (trainer_->steps() - evaluatedAt_ >= kEvaluateEvery) startEvaluation();
    return true;
}

void CnnTask::emitSnapshot(bool) {
    auto s = std::make_shared<CnnSnapshot>();
    s->generation = generation_;
    s->dataset = dataset_;
    s->error = error_;
    s->loading = !loadingDataset_.isEmpty();
    s->playing = playing();
    s->diverged = diverged_;
    if (trainer_) {
        s->steps = trainer_->steps();
        s->epoch = trainer_->epoch();
        s->epochProgress = trainer_->epochProgress();
        s->network = std::make_shared<const engine::Network>(trainer_->network());
    }
    s->imagesPerSecond = imagesPerSecond_;
    s->newPoints.swap(pending_);
    s->test = test_;
    s->evaluation = latest_;
    s->evaluatedAtStep = evaluatedAt_;
    news_ = false;
    if (!playing()) {  // the rate counts training time only
        rateImages_ = 0;
        rateStartNs_ = nowNs();
    }
    if (!playing() && trainer_ && !evaluation_ && evaluatedAt_ != trainer_->steps()) {
        startEvaluation();  // paused: finish an evaluation of the weights as they are now
        wake();
    }
    emit progress(std::move(s));
}

}  // namespace ns
