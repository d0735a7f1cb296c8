#include "lessons/lesson_instruments.h"

#include <algorithm>

namespace ns {

using lessons::Gate;
using lessons::PerceptronMode;

PerceptronModel::PerceptronModel(QObject* parent) : QObject(parent) {}

void PerceptronModel::start(const lessons::PerceptronScene& scene) {
    scene_ = scene;
    mode_ = scene.mode.value_or(PerceptronMode::Learn);
    hidden_ = lessons::HiddenNetwork{};
    if (scene.hidden1) hidden_.hidden1 = *scene.hidden1;
    if (scene.hidden2) hidden_.hidden2 = *scene.hidden2;
    if (scene.output) hidden_.output = *scene.output;
    perceptron_ = lessons::Perceptron(scene.task.value_or(Gate::And), scene.eta.value_or(1.0),
                                      scene.weights.value_or(std::vector<double>{}), scene.bias.value_or(0.0));
    last_.reset();
    gaveUp_ = false;
    emit changed();
}

void PerceptronModel::setTask(Gate gate) {
    if (gate == task()) return;
    if (mode_ == PerceptronMode::Hidden && gate == Gate::Not) return;  // the hidden layer takes two inputs
    lessons::PerceptronScene scene = scene_;
    scene.task = gate;
    scene.mode = mode_;
    scene.eta = perceptron_.eta();
    if (scene.weights && static_cast<int>(scene.weights->size()) != lessons::logicData(gate).inputs)
        scene.weights.reset();  // NOT has one weight, the others two
    if (mode_ == PerceptronMode::Hidden) {
        scene.hidden1 = hidden_.hidden1;
        scene.hidden2 = hidden_.hidden2;
        scene.output = hidden_.output;
    }
    start(scene);
}

void PerceptronModel::setEta(double eta) {
    if (!(eta > 0) || eta == perceptron_.eta()) return;
    perceptron_.setEta(eta);  // scales the updates to come; weights and counts stay
    scene_.eta = eta;
    gaveUp_ = false;
    emit changed();
}

void PerceptronModel::step() {
    if (mode_ != PerceptronMode::Learn) return;
    last_ = perceptron_.step();
    gaveUp_ = false;
    emit changed();
}

void PerceptronModel::epoch() {
    if (mode_ != PerceptronMode::Learn) return;
    const auto updates = perceptron_.epoch();
    if (!updates.empty()) last_ = updates.back();
    gaveUp_ = false;
    emit changed();
}

void PerceptronModel::run() {
    if (mode_ != PerceptronMode::Learn) return;
    const long before = perceptron_.epochs();
    const bool converged = perceptron_.run(kRunLimit);
    if (!perceptron_.history().empty()) last_ = perceptron_.history().back();
    gaveUp_ = !converged && perceptron_.epochs() - before >= kRunLimit;
    emit changed();
}

void PerceptronModel::restart() {
    lessons::PerceptronScene scene = scene_;
    scene.task = task();
    scene.mode = mode_;
    scene.eta = perceptron_.eta();
    start(scene);
}

void PerceptronModel::setWeights(const std::vector<double>& weights, double bias) {
    if (mode_ == PerceptronMode::Hidden) return;
    perceptron_.setWeights(weights, bias);
    last_.reset();
    emit changed();
}

void PerceptronModel::setHidden(const lessons::HiddenNetwork& network) {
    if (mode_ != PerceptronMode::Hidden) return;
    hidden_ = network;
    emit changed();
}

bool PerceptronModel::correct() const {
    return mode_ == PerceptronMode::Hidden ? hidden_.classifiesAll(perceptron_.data()) : perceptron_.classifiesAll();
}

PerceptronView::State PerceptronModel::viewState() const {
    PerceptronView::State s;
    s.data = perceptron_.data();
    s.mode = mode_;
    s.weights = perceptron_.weights();
    s.bias = perceptron_.bias();
    s.eta = perceptron_.eta();
    s.hidden = hidden_;
    s.last = last_;
    s.nextSample = perceptron_.nextSample();
    s.updates = perceptron_.updates();
    s.epochs = perceptron_.epochs();
    s.converged = perceptron_.converged();
    s.correct = correct();
    s.gaveUp = gaveUp_;
    s.runLimit = kRunLimit;
    return s;
}

FunctionModel::FunctionModel(QObject* parent) : QObject(parent) {
    lessons::FunctionsScene scene;
    scene.activations = {Activation::Sigmoid};
    start(scene);
}

void FunctionModel::start(const lessons::FunctionsScene& scene) {
    scene_ = scene;
    derivative_ = scene.derivative.value_or(false);
    recompute();
    // Default probe: z = 0; ŷ = 0.5 for probabilities; one unit right of the target otherwise.
    const double fallback = !plot_.losses ? 0.0 : plot_.xMin > 0 ? 0.5 : plot_.target + 1;
    probe_ = lessons::clampProbe(plot_, scene.probe.value_or(fallback));
    emit changed();
}

void FunctionModel::recompute() { plot_ = lessons::functionPlot(scene_); }

void FunctionModel::setProbe(double x) {
    x = lessons::clampProbe(plot_, x);
    if (x == probe_) return;
    probe_ = x;
    emit changed();
}

void FunctionModel::setShown(const std::string& function, bool shown) {
    const bool loss = std::find(lessons::lossCurveNames().begin(), lessons::lossCurveNames().end(), function) !=
                      lessons::lossCurveNames().end();
    if (loss) {
        auto& list = scene_.losses;
        const auto it = std::find(list.begin(), list.end(), function);
        if (shown && it == list.end()) list.push_back(function);
        if (!shown && it != list.end() && list.size() > 1) list.erase(it);  // keep one curve
    } else {
        const auto f = parseActivation(function);
        if (!f) return;
        auto& list = scene_.activations;
        const auto it = std::find(list.begin(), list.end(), *f);
        if (shown && it == list.end()) list.push_back(*f);
        if (!shown && it != list.end() && list.size() > 1) list.erase(it);
    }
    recompute();
    probe_ = lessons::clampProbe(plot_, probe_);
    emit changed();
}

void FunctionModel::setDerivative(bool shown) {
    if (shown == derivative_) return;
    derivative_ = shown;
    emit changed();
}

std::vector<std::string> FunctionModel::offered() const {
    if (plot_.losses) return lessons::lossCurveNames();
    std::vector<std::string> names;
    for (Activation a : allActivations())
        if (a != Activation::Softmax) names.emplace_back(name(a));
    return names;
}

std::vector<FunctionPlotView::Readout> FunctionModel::readout() const {
    std::vector<FunctionPlotView::Readout> out;
    for (const lessons::Curve& c : plot_.curves) {
        lessons::PointValue v;
        if (plot_.losses) v = lessons::evaluateLoss(c.name, probe_, plot_.target);
        else v = lessons::evaluateActivation(*parseActivation(c.name), probe_);
        out.push_back({c.name, v.value, v.slope});
    }
    return out;
}

}  // namespace ns
