#include "lessons/perceptron.h"

namespace ns::lessons {

std::string_view name(Gate gate) {
    switch (gate) {
        case Gate::And: return "and";
        case Gate::Or: return "or";
        case Gate::Nand: return "nand";
        case Gate::Nor: return "nor";
        case Gate::Not: return "not";
        case Gate::Xor: return "xor";
    }
    return "";
}

LogicData logicData(Gate gate) {
    LogicData data;
    data.gate = gate;
    auto label = [](bool one) { return one ? 1 : -1; };
    if (gate == Gate::Not) {
        data.inputs = 1;
        data.x = {{0, 0}, {1, 0}};
        data.y = {label(true), label(false)};
        return data;
    }
    data.x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    for (const auto& p : data.x) {
        const bool a = p[0] > 0.5, b = p[1] > 0.5;
        bool out = false;
        switch (gate) {
            case Gate::And: out = a && b; break;
            case Gate::Or: out = a || b; break;
            case Gate::Nand: out = !(a && b); break;
            case Gate::Nor: out = !(a || b); break;
            case Gate::Xor: out = a != b; break;
            case Gate::Not: break;
        }
        data.y.push_back(label(out));
    }
    return data;
}

Perceptron::Perceptron(Gate gate, double eta, std::vector<double> weights, double bias)
    : data_(logicData(gate)), eta_(eta), w_(std::move(weights)), b_(bias) {
    w_.resize(static_cast<std::size_t>(data_.inputs), 0.0);
}

void Perceptron::setWeights(std::vector<double> weights, double bias) {
    weights.resize(static_cast<std::size_t>(data_.inputs), 0.0);
    w_ = std::move(weights);
    b_ = bias;
    converged_ = false;
}

double Perceptron::score(int sample) const {
    const auto& x = data_.x.at(static_cast<std::size_t>(sample));
    double s = b_;
    for (int k = 0; k < data_.inputs; ++k) s += w_[static_cast<std::size_t>(k)] * x[static_cast<std::size_t>(k)];
    return s;
}

int Perceptron::predict(int sample) const { return score(sample) >= 0 ? 1 : -1; }

bool Perceptron::classifiesAll() const {
    for (int i = 0; i < static_cast<int>(data_.y.size()); ++i)
        if (predict(i) != data_.y[static_cast<std::size_t>(i)]) return false;
    return true;
}

PerceptronUpdate Perceptron::step() {
    PerceptronUpdate u;
    u.sample = cursor_;
    u.score = score(cursor_);
    u.weightsBefore = w_;
    u.biasBefore = b_;
    const int y = data_.y[static_cast<std::size_t>(cursor_)];
    u.mistake = y * u.score <= 0;  // Algorithm 1, line 4
    if (u.mistake) {
        const auto& x = data_.x[static_cast<std::size_t>(cursor_)];
        for (int k = 0; k < data_.inputs; ++k)
            w_[static_cast<std::size_t>(k)] += eta_ * y * x[static_cast<std::size_t>(k)];  // line 5
        b_ += eta_ * y;                                                                   // line 6
        ++passMistakes_;
        ++updates_;  // a mistake always changes b by η y ≠ 0, so it is always an update
    }
    u.weightsAfter = w_;
    u.biasAfter = b_;
    history_.push_back(u);
    if (++cursor_ == static_cast<int>(data_.y.size())) {
        cursor_ = 0;
        ++epochs_;
        converged_ = passMistakes_ == 0;  // line 9: until no classification error
        passMistakes_ = 0;
    }
    return u;
}

std::vector<PerceptronUpdate> Perceptron::epoch() {
    std::vector<PerceptronUpdate> updates;
    do {
        updates.push_back(step());
    } while (cursor_ != 0);
    return updates;
}

bool Perceptron::run(int maxEpochs) {
    if (cursor_ != 0) epoch();
    for (int e = 0; e < maxEpochs && !converged_; ++e) epoch();
    return converged_;
}

int fire(const ThresholdUnit& unit, double x1, double x2) {
    return unit.w1 * x1 + unit.w2 * x2 + unit.b >= 0 ? 1 : 0;
}

std::array<int, 2> HiddenNetwork::hidden(double x1, double x2) const {
    return {fire(hidden1, x1, x2), fire(hidden2, x1, x2)};
}

int HiddenNetwork::output01(double x1, double x2) const {
    const auto h = hidden(x1, x2);
    return fire(output, h[0], h[1]);
}

bool HiddenNetwork::classifiesAll(const LogicData& data) const {
    for (std::size_t i = 0; i < data.x.size(); ++i)
        if ((output01(data.x[i][0], data.x[i][1]) == 1) != (data.y[i] > 0)) return false;
    return true;
}

}  // namespace ns::lessons
