#include "stepper/backprop_steps.h"

#include "base/activation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ns {

namespace {

constexpr int kDigits = 4;         // significant digits of numbers in formulas
constexpr std::size_t kExplicitTerms = 4;  // up to this many terms, symbolic sums are written out
constexpr std::size_t kListedTerms = 8;    // up to this many terms, substituted sums list all

const char* const kSuperDigits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
const char* const kSubDigits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

std::string mapDigits(const std::string& text, const char* const (&table)[10]) {
    std::string out;
    for (char c : text) {
        const bool super = &table[0] == &kSuperDigits[0];
        if (c >= '0' && c <= '9') out += table[c - '0'];
        else if (c == '(') out += super ? "⁽" : "₍";
        else if (c == ')') out += super ? "⁾" : "₎";
        else if (c == '-') out += super ? "⁻" : "₋";
        else if (c == ',') out += ",";
        else out += c;
    }
    return out;
}

// Writes symbols and numbers in one notation. Indices are 1-based here.
class Notate {
public:
    explicit Notate(Notation n) : n_(n) {}

    Notation notation() const { return n_; }
    bool latex() const { return n_ == Notation::Latex; }

    std::string sup(const std::string& text) const {
        switch (n_) {
            case Notation::Unicode: return mapDigits(text, kSuperDigits);
            case Notation::Html: return "<sup>" + text + "</sup>";
            case Notation::Latex: return "^{" + text + "}";
        }
        return text;
    }
    std::string sub(const std::string& text) const {
        switch (n_) {
            case Notation::Unicode: {
                std::string out;
                for (std::size_t i = 0; i < text.size(); ++i) {
                    const char c = text[i];
                    if (c == 'i') out += "ᵢ";
                    else if (c == 'j') out += "ⱼ";
                    else if (c == 'k') out += "ₖ";
                    else out += mapDigits(std::string(1, c), kSubDigits);
                }
                return out;
            }
            case Notation::Html: return "<sub>" + text + "</sub>";
            case Notation::Latex: return "_{" + text + "}";
        }
        return text;
    }
    std::string layer(int l) const { return sup("(" + std::to_string(l) + ")"); }
    static std::string pair(int j, int k) {
        return j <= 9 && k <= 9 ? std::to_string(j) + std::to_string(k)
                                : std::to_string(j) + "," + std::to_string(k);
    }

    std::string minus() const { return n_ == Notation::Latex ? "-" : "−"; }
    std::string dot() const { return n_ == Notation::Latex ? " \\cdot " : "·"; }
    std::string spacedDot() const { return n_ == Notation::Latex ? " \\cdot " : " · "; }
    std::string sigma() const { return n_ == Notation::Latex ? "\\sigma" : "σ"; }
    std::string delta() const { return n_ == Notation::Latex ? "\\delta" : "δ"; }
    std::string eta() const { return n_ == Notation::Latex ? "\\eta" : "η"; }
    std::string sum() const { return n_ == Notation::Latex ? "\\sum" : "Σ"; }
    std::string arrow() const { return n_ == Notation::Latex ? " \\leftarrow " : " ← "; }
    std::string log() const { return n_ == Notation::Latex ? "\\log " : "log "; }
    std::string prime() const { return n_ == Notation::Latex ? "'" : "′"; }
    std::string ellipsis() const { return n_ == Notation::Latex ? "\\dots" : "…"; }
    std::string yHat(int j) const { return yHat(std::to_string(j)); }
    std::string yHat(const std::string& index) const {
        return (n_ == Notation::Latex ? std::string("\\hat{y}") : std::string("ŷ")) + sub(index);
    }
    std::string fraction(const std::string& top, const std::string& bottom) const {
        if (n_ == Notation::Latex) return "\\frac{" + top + "}{" + bottom + "}";
        return "(" + top + "/" + bottom + ")";
    }
    std::string partial(const std::string& of) const {
        if (n_ == Notation::Latex) return "\\frac{\\partial L}{\\partial " + of + "}";
        return "∂L/∂" + of;
    }
    std::string name(const std::string& text) const {
        return n_ == Notation::Latex ? "\\mathrm{" + text + "}" : text;
    }
    std::string exp(const std::string& power) const {
        if (n_ == Notation::Latex) return "e^{" + power + "}";
        return "exp(" + power + ")";
    }

    // A number with `digits` significant digits; never "−0".
    std::string number(double v, int digits = kDigits) const {
        if (std::isnan(v)) return "NaN";
        if (std::isinf(v)) return (v < 0 ? minus() : std::string()) + (latex() ? "\\infty" : "∞");
        if (v == 0) return "0";
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
        std::string text = buffer;
        std::string exponent;
        if (const auto e = text.find('e'); e != std::string::npos) {
            exponent = std::to_string(std::stoi(text.substr(e + 1)));
            text = text.substr(0, e);
        }
        std::string out;
        if (text[0] == '-') {
            out = minus();
            text = text.substr(1);
        }
        out += text;
        if (!exponent.empty()) {
            if (n_ == Notation::Unicode) out += "×10" + mapDigits(exponent, kSuperDigits);
            else if (n_ == Notation::Html) out += "×10" + sup(exponent[0] == '-' ? "−" + exponent.substr(1) : exponent);
            else out += " \\times 10" + sup(exponent);
        }
        return out;
    }
    // A number as a factor or term: negative numbers in parentheses.
    std::string factor(double v, int digits = kDigits) const {
        const std::string text = number(v, digits);
        return v < 0 ? "(" + text + ")" : text;
    }

private:
    Notation n_;
};

std::string activationName(Activation f, const Notate& w) {
    switch (f) {
        case Activation::Identity: return "";
        case Activation::Sigmoid: return w.sigma();
        case Activation::Tanh: return w.latex() ? "\\tanh" : "tanh";
        case Activation::Relu: return w.name("ReLU");
        case Activation::LeakyRelu: return w.name("LeakyReLU");
        case Activation::Elu: return w.name("ELU");
        case Activation::Gelu: return w.name("GELU");
        case Activation::Softmax: return w.name("softmax");
    }
    return "";
}

std::string symbolIn(const ValueId& id, const Notate& w) {
    const int l = id.layer, j = id.unit + 1, k = id.input + 1;
    auto unitSymbol = [&](const std::string& letter) {
        return letter + w.sub(std::to_string(j)) + w.layer(l);
    };
    auto weightSymbol = [&] { return "W" + w.layer(l) + w.sub(Notate::pair(j, k)); };
    switch (id.quantity) {
        case Quantity::Input: return "x" + w.sub(std::to_string(j));
        case Quantity::Target: return "y" + w.sub(std::to_string(j));
        case Quantity::Weight: return weightSymbol();
        case Quantity::Bias: return unitSymbol("b");
        case Quantity::LearningRate: return w.eta();
        case Quantity::Z: return unitSymbol("z");
        case Quantity::A: return unitSymbol("a");
        case Quantity::Loss: return "L";
        case Quantity::Delta: return unitSymbol(w.delta());
        case Quantity::WeightGrad: return w.partial(weightSymbol());
        case Quantity::BiasGrad: return w.partial(unitSymbol("b"));
        case Quantity::NewWeight: return weightSymbol() + w.prime();
        case Quantity::NewBias: return unitSymbol("b") + w.prime();
    }
    return "?";
}

// Joins terms with " + ", eliding the middle of long sums: a₁ + a₂ + a₃ + a₄ + … + aₙ.
std::string joinTerms(const std::vector<std::string>& terms, const Notate& w, std::size_t keep) {
    std::string out;
    auto append = [&](const std::string& term) {
        if (!out.empty()) out += " + ";
        out += term;
    };
    if (terms.size() <= keep) {
        for (const std::string& t : terms) append(t);
        return out;
    }
    for (std::size_t i = 0; i < keep / 2; ++i) append(terms[i]);
    append(w.ellipsis());
    for (std::size_t i = terms.size() - 2; i < terms.size(); ++i) append(terms[i]);
    return out;
}

ValueId id(Quantity q, int layer = 0, int unit = 0, int input = 0) {
    return ValueId{q, layer, unit, input};
}

// The activation feeding layer l: the input x for l = 1, else a⁽ˡ⁻¹⁾.
ValueId previousActivation(int l, int k) {
    return l == 1 ? id(Quantity::Input, 0, k) : id(Quantity::A, l - 1, k);
}

}  // namespace

bool isGiven(Quantity q) {
    return q == Quantity::Input || q == Quantity::Target || q == Quantity::Weight ||
           q == Quantity::Bias || q == Quantity::LearningRate;
}

bool isPerSample(Quantity q) {
    return q == Quantity::Input || q == Quantity::Target || q == Quantity::Z ||
           q == Quantity::A || q == Quantity::Loss || q == Quantity::Delta;
}

std::string symbol(const ValueId& valueId, Notation notation) {
    return symbolIn(valueId, Notate(notation));
}

std::string formatNumber(double v, Notation notation, int digits) {
    return Notate(notation).number(v, digits);
}

std::string asciiSymbol(const ValueId& v) {
    const std::string l = "^(" + std::to_string(v.layer) + ")_";
    const std::string j = std::to_string(v.unit + 1);
    const std::string jk = j + "," + std::to_string(v.input + 1);
    switch (v.quantity) {
        case Quantity::Input: return "x_" + j;
        case Quantity::Target: return "y_" + j;
        case Quantity::Weight: return "W" + l + jk;
        case Quantity::Bias: return "b" + l + j;
        case Quantity::LearningRate: return "eta";
        case Quantity::Z: return "z" + l + j;
        case Quantity::A: return "a" + l + j;
        case Quantity::Loss: return "L";
        case Quantity::Delta: return "delta" + l + j;
        case Quantity::WeightGrad: return "dL/dW" + l + jk;
        case Quantity::BiasGrad: return "dL/db" + l + j;
        case Quantity::NewWeight: return "W" + l + jk + " new";
        case Quantity::NewBias: return "b" + l + j + " new";
    }
    return "?";
}

// ---- building ---------------------------------------------------------------------------

BackpropSteps BackpropSteps::build(const Mlp& network, const ConstMatrixRef& X,
                                   const ConstMatrixRef& Y, Loss loss, double eta) {
    BackpropSteps steps;
    steps.before_ = network;
    steps.loss_ = loss;
    steps.eta_ = eta;
    network.forwardBackward(X, Y, loss, steps.trace_);
    steps.after_ = network;
    steps.after_.applyGradients(steps.trace_, eta);  // the trainer's update, W ← W − η ∂L/∂W
    steps.buildForward();
    steps.buildLoss();
    steps.buildBackward();
    steps.buildUpdate();
    return steps;
}

void BackpropSteps::openGroup(StepPhase phase, Quantity quantity, int layer) {
    groups_.push_back({phase, quantity, layer, events_.size(), events_.size()});
}

void BackpropSteps::addEvent(StepEvent event) {
    event.group = groups_.size() - 1;
    if (isPerSample(event.id.quantity)) {
        for (int s = 0; s < batchSize(); ++s) event.samples.push_back(valueOf(event.id, s));
        event.value = event.id.quantity == Quantity::Loss ? trace_.loss : event.samples.front();
    } else {
        event.value = valueOf(event.id);
    }
    index_[event.id] = events_.size();
    events_.push_back(std::move(event));
    groups_.back().last = events_.size();
}

std::optional<std::size_t> BackpropSteps::eventOf(const ValueId& valueId) const {
    const auto it = index_.find(valueId);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

double BackpropSteps::valueOf(const ValueId& v, int sample) const {
    const auto s = static_cast<Eigen::Index>(sample);
    const auto l = static_cast<std::size_t>(std::max(1, v.layer) - 1);
    const Eigen::Index j = v.unit, k = v.input;
    switch (v.quantity) {
        case Quantity::Input: return trace_.input(s, j);
        case Quantity::Target: return trace_.target(s, j);
        case Quantity::Weight: return before_.layer(l).W(j, k);
        case Quantity::Bias: return before_.layer(l).b(j);
        case Quantity::LearningRate: return eta_;
        case Quantity::Z: return trace_.layers.at(l).z(s, j);
        case Quantity::A:
            return v.layer == 0 ? trace_.input(s, j) : trace_.layers.at(l).a(s, j);
        case Quantity::Loss: return trace_.perSampleLoss(s);
        case Quantity::Delta: return trace_.layers.at(l).delta(s, j);
        case Quantity::WeightGrad: return trace_.layers.at(l).dW(j, k);
        case Quantity::BiasGrad: return trace_.layers.at(l).db(j);
        case Quantity::NewWeight: return after_.layer(l).W(j, k);
        case Quantity::NewBias: return after_.layer(l).b(j);
    }
    return std::nan("");
}

namespace {

// Fills formula text for every notation: make(notate) returns {symbolic, substituted lines}.
template <typename Make>
void writeFormulas(StepEvent& event, Make make) {
    event.unicode = make(Notate(Notation::Unicode));
    event.html = make(Notate(Notation::Html));
    event.latex = make(Notate(Notation::Latex));
}

}  // namespace

void BackpropSteps::buildForward() {
    const int m = batchSize();
    for (int l = 1; l <= layerCount(); ++l) {
        openGroup(StepPhase::Forward, Quantity::Z, l);
        const DenseLayer& layer = before_.layer(static_cast<std::size_t>(l - 1));
        const int fanIn = static_cast<int>(layer.fanIn());
        const int units = static_cast<int>(layer.units());
        for (int j = 0; j < units; ++j) {
            // z⁽ˡ⁾ⱼ = Σₖ W⁽ˡ⁾ⱼₖ a⁽ˡ⁻¹⁾ₖ + b⁽ˡ⁾ⱼ
            StepEvent z;
            z.phase = StepPhase::Forward;
            z.id = id(Quantity::Z, l, j);
            for (int k = 0; k < fanIn; ++k) {
                z.uses.push_back(id(Quantity::Weight, l, j, k));
                z.uses.push_back(previousActivation(l, k));
            }
            z.uses.push_back(id(Quantity::Bias, l, j));
            writeFormulas(z, [&](const Notate& w) {
                Formula f;
                const std::string bias = symbolIn(id(Quantity::Bias, l, j), w);
                if (static_cast<std::size_t>(fanIn) <= kExplicitTerms) {
                    std::vector<std::string> terms;
                    for (int k = 0; k < fanIn; ++k)
                        terms.push_back(symbolIn(id(Quantity::Weight, l, j, k), w) + w.dot() +
                                        symbolIn(previousActivation(l, k), w));
                    terms.push_back(bias);
                    f.symbolic = joinTerms(terms, w, terms.size());
                } else {
                    const std::string prev = l == 1 ? "x" + w.sub("k")
                                                    : "a" + w.sub("k") + w.layer(l - 1);
                    f.symbolic = w.sum() + w.sub("k") + " W" + w.layer(l) +
                                 w.sub(std::to_string(j + 1) + "k") + w.dot() + prev + " + " + bias;
                }
                f.symbolic = symbolIn(z.id, w) + " = " + f.symbolic;
                for (int s = 0; s < m; ++s) {
                    std::vector<std::string> terms;
                    for (int k = 0; k < fanIn; ++k)
                        terms.push_back(w.factor(layer.W(j, k)) + w.dot() +
                                        w.factor(valueOf(previousActivation(l, k), s)));
                    terms.push_back(w.factor(layer.b(j)));
                    f.substituted.push_back("= " + joinTerms(terms, w, kListedTerms + 1) + " = " +
                                            w.number(valueOf(z.id, s)));
                }
                return f;
            });
            addEvent(std::move(z));

            // a⁽ˡ⁾ⱼ = σ(z⁽ˡ⁾ⱼ)
            StepEvent a;
            a.phase = StepPhase::Forward;
            a.id = id(Quantity::A, l, j);
            const Activation act = layer.activation;
            if (act == Activation::Softmax)
                for (int k = 0; k < units; ++k) a.uses.push_back(id(Quantity::Z, l, k));
            else
                a.uses.push_back(id(Quantity::Z, l, j));
            writeFormulas(a, [&](const Notate& w) {
                Formula f;
                const std::string zj = symbolIn(id(Quantity::Z, l, j), w);
                const std::string name = activationName(act, w);
                if (act == Activation::Softmax) {
                    const std::string zk = "z" + w.sub("k") + w.layer(l);
                    f.symbolic = w.exp(zj) + " / " + w.sum() + w.sub("k") + " " + w.exp(zk);
                    if (w.latex()) f.symbolic = "\\frac{" + w.exp(zj) + "}{\\sum_{k} " + w.exp(zk) + "}";
                } else {
                    f.symbolic = act == Activation::Identity ? zj : name + "(" + zj + ")";
                }
                f.symbolic = symbolIn(a.id, w) + " = " + f.symbolic;
                for (int s = 0; s < m; ++s) {
                    std::string numbers;
                    if (act == Activation::Softmax) {
                        std::vector<std::string> terms;
                        for (int k = 0; k < units; ++k)
                            terms.push_back(w.exp(w.number(valueOf(id(Quantity::Z, l, k), s))));
                        const std::string top = w.exp(w.number(valueOf(id(Quantity::Z, l, j), s)));
                        const std::string bottom = joinTerms(terms, w, kListedTerms + 1);
                        numbers = w.latex() ? "\\frac{" + top + "}{" + bottom + "}"
                                            : top + " / (" + bottom + ")";
                    } else {
                        const std::string zValue = w.number(valueOf(id(Quantity::Z, l, j), s));
                        numbers = act == Activation::Identity ? zValue : name + "(" + zValue + ")";
                    }
                    f.substituted.push_back("= " + numbers + " = " + w.number(valueOf(a.id, s)));
                }
                return f;
            });
            addEvent(std::move(a));
        }
    }
}

void BackpropSteps::buildLoss() {
    openGroup(StepPhase::Loss, Quantity::Loss, layerCount());
    const int L = layerCount();
    const int n = before_.outputs();
    const int m = batchSize();
    StepEvent event;
    event.phase = StepPhase::Loss;
    event.id = id(Quantity::Loss, L);
    for (int j = 0; j < n; ++j) {
        event.uses.push_back(id(Quantity::A, L, j));
        event.uses.push_back(id(Quantity::Target, 0, j));
    }
    writeFormulas(event, [&](const Notate& w) {
        // One output's term of ℓ, symbolic (values empty) or with a sample's numbers.
        auto term = [&](const std::string& yHat, const std::string& y) -> std::string {
            switch (loss_) {
                case Loss::Bce:
                    return "[" + y + w.dot() + w.log() + yHat + " + (1 " + w.minus() + " " + y +
                           ")" + w.dot() + w.log() + "(1 " + w.minus() + " " + yHat + ")]";
                case Loss::Ce: return y + w.dot() + w.log() + yHat;
                case Loss::Mse: return "(" + yHat + " " + w.minus() + " " + y + ")" + w.sup("2");
                case Loss::Mae: return "|" + yHat + " " + w.minus() + " " + y + "|";
                case Loss::Huber:
                    return w.name("huber") + "(" + yHat + " " + w.minus() + " " + y + ")";
            }
            return "";
        };
        auto expression = [&](auto yHatOf, auto yOf, bool symbolic) {
            std::vector<std::string> terms;
            const bool explicitTerms = !symbolic || static_cast<std::size_t>(n) <= kExplicitTerms;
            if (explicitTerms)
                for (int j = 0; j < n; ++j) terms.push_back(term(yHatOf(j), yOf(j)));
            std::string body = explicitTerms
                                   ? joinTerms(terms, w, kListedTerms + 1)
                                   : w.sum() + w.sub("j") + " " +
                                         term(w.yHat("j"), "y" + w.sub("j"));
            const bool negated = loss_ == Loss::Bce || loss_ == Loss::Ce;
            const bool averaged = loss_ != Loss::Ce && n > 1;
            if (averaged) body = w.fraction("1", std::to_string(n)) + "(" + body + ")";
            else if (negated && n > 1) body = "(" + body + ")";
            return negated ? w.minus() + body : body;
        };
        Formula f;
        const std::string perSample = expression(
            [&](int j) { return w.yHat(j + 1); },
            [&](int j) { return symbolIn(id(Quantity::Target, 0, j), w); }, true);
        auto numbers = [&](int s) {
            return expression([&](int j) { return w.number(valueOf(id(Quantity::A, L, j), s)); },
                              [&](int j) { return w.number(valueOf(id(Quantity::Target, 0, j), s)); },
                              false);
        };
        if (m == 1) {
            f.symbolic = "L = " + perSample;
            f.substituted.push_back("= " + numbers(0) + " = " + w.number(trace_.loss));
        } else {
            const std::string ell = w.latex() ? "\\ell" : "ℓ";
            f.symbolic = "L = " + w.fraction("1", std::to_string(m)) + " " + w.sum() + w.sub("i") +
                         " " + ell + w.sub("i") + ",   " + ell + w.sub("i") + " = " + perSample;
            std::vector<std::string> losses;
            for (int s = 0; s < m; ++s) {
                f.substituted.push_back(ell + w.sub(std::to_string(s + 1)) + " = " + numbers(s) +
                                        " = " + w.number(trace_.perSampleLoss(s)));
                losses.push_back(w.number(trace_.perSampleLoss(s)));
            }
            f.substituted.push_back("L = " + w.fraction("1", std::to_string(m)) + "(" +
                                    joinTerms(losses, w, kListedTerms + 1) + ") = " +
                                    w.number(trace_.loss));
        }
        return f;
    });
    addEvent(std::move(event));
}

void BackpropSteps::buildBackward() {
    const int L = layerCount();
    const int m = batchSize();
    const int n = before_.outputs();
    for (int l = L; l >= 1; --l) {
        const DenseLayer& layer = before_.layer(static_cast<std::size_t>(l - 1));
        const int units = static_cast<int>(layer.units());
        const int fanIn = static_cast<int>(layer.fanIn());
        const Activation act = layer.activation;

        openGroup(StepPhase::Backward, Quantity::Delta, l);
        for (int j = 0; j < units; ++j) {
            StepEvent event;
            event.phase = StepPhase::Backward;
            event.id = id(Quantity::Delta, l, j);
            const ValueId zId = id(Quantity::Z, l, j);
            auto derivativeAt = [&](int s) {
                return derivative(act, valueOf(zId, s), valueOf(id(Quantity::A, l, j), s));
            };
            auto derivativeText = [&](const Notate& w) {
                return activationName(act, w) + w.prime() + "(" + symbolIn(zId, w) + ")";
            };
            if (l == L) {
                // δ⁽ᴸ⁾ = ∂ℓ/∂z⁽ᴸ⁾ (Algorithm 3 line 1): the textbook's closed forms for
                // sigmoid + BCE and softmax + CE, otherwise ∂ℓ/∂ŷ · σ'(z).
                const bool sigmoidBce = loss_ == Loss::Bce && act == Activation::Sigmoid;
                const bool softmaxCe = loss_ == Loss::Ce && act == Activation::Softmax;
                bool oneHot = true;
                for (int s = 0; s < m; ++s) oneHot = oneHot && trace_.target.row(s).sum() == 1.0;
                event.uses = {id(Quantity::A, L, j), id(Quantity::Target, 0, j)};
                if (softmaxCe && !oneHot)
                    for (int k = 0; k < n; ++k)
                        if (k != j) event.uses.push_back(id(Quantity::Target, 0, k));
                if (!sigmoidBce && !softmaxCe) event.uses.push_back(zId);
                if (act == Activation::Softmax && !softmaxCe)
                    for (int k = 0; k < n; ++k)
                        if (k != j) event.uses.push_back(id(Quantity::A, L, k));
                writeFormulas(event, [&](const Notate& w) {
                    auto body = [&](const std::string& yHat, const std::string& y,
                                    const std::string& sumY, const std::string& derivative) {
                        const std::string diff = yHat + " " + w.minus() + " " + y;
                        const std::string scale =
                            n > 1 ? w.fraction("1", std::to_string(n)) : std::string();
                        if (sigmoidBce) return n > 1 ? scale + "(" + diff + ")" : diff;
                        if (softmaxCe)
                            return oneHot ? diff : yHat + w.dot() + sumY + " " + w.minus() + " " + y;
                        std::string gradient;
                        switch (loss_) {
                            case Loss::Mse: gradient = w.fraction("2", std::to_string(n)) + "(" + diff + ")"; break;
                            case Loss::Mae: gradient = scale + w.name("sign") + "(" + diff + ")"; break;
                            case Loss::Huber: gradient = scale + w.name("clip") + "(" + diff + ", " + w.minus() + "1, 1)"; break;
                            case Loss::Bce: gradient = scale + "(" + diff + ")/(" + yHat + "(1 " + w.minus() + " " + yHat + "))"; break;
                            case Loss::Ce: gradient = w.minus() + y + "/" + yHat; break;
                        }
                        if (act == Activation::Identity) return gradient;
                        return "[" + gradient + "]" + w.spacedDot() + derivative;
                    };
                    Formula f;
                    const std::string lhs = symbolIn(event.id, w) + " = ";
                    if (act == Activation::Softmax && !softmaxCe) {
                        f.symbolic = lhs + w.yHat(j + 1) + "(g" + w.sub(std::to_string(j + 1)) +
                                     " " + w.minus() + " " + w.sum() + w.sub("k") + " " +
                                     w.yHat("k") + " g" + w.sub("k") + "),  g = " +
                                     (w.latex() ? "\\partial \\ell / \\partial \\hat{y}"
                                                : "∂ℓ/∂ŷ");
                        for (int s = 0; s < m; ++s)
                            f.substituted.push_back("= " + w.number(valueOf(event.id, s)));
                        return f;
                    }
                    f.symbolic = lhs + body(w.yHat(j + 1), symbolIn(id(Quantity::Target, 0, j), w),
                                            w.sum() + w.sub("k") + " y" + w.sub("k"),
                                            derivativeText(w));
                    for (int s = 0; s < m; ++s) {
                        double sumY = trace_.target.row(s).sum();
                        f.substituted.push_back(
                            "= " +
                            body(w.number(valueOf(id(Quantity::A, L, j), s)),
                                 w.number(valueOf(id(Quantity::Target, 0, j), s)), w.number(sumY),
                                 w.number(derivativeAt(s))) +
                            " = " + w.number(valueOf(event.id, s)));
                    }
                    return f;
                });
            } else {
                // δ⁽ˡ⁾ⱼ = (Σₖ W⁽ˡ⁺¹⁾ₖⱼ δ⁽ˡ⁺¹⁾ₖ) · σ'(z⁽ˡ⁾ⱼ) (Algorithm 3 line 3, eqs. 18–19)
                const DenseLayer& above = before_.layer(static_cast<std::size_t>(l));
                const int aboveUnits = static_cast<int>(above.units());
                for (int k = 0; k < aboveUnits; ++k) {
                    event.uses.push_back(id(Quantity::Weight, l + 1, k, j));
                    event.uses.push_back(id(Quantity::Delta, l + 1, k));
                }
                event.uses.push_back(zId);
                writeFormulas(event, [&](const Notate& w) {
                    Formula f;
                    std::string sum;
                    if (static_cast<std::size_t>(aboveUnits) <= kExplicitTerms) {
                        std::vector<std::string> terms;
                        for (int k = 0; k < aboveUnits; ++k)
                            terms.push_back(symbolIn(id(Quantity::Weight, l + 1, k, j), w) + w.spacedDot() +
                                            symbolIn(id(Quantity::Delta, l + 1, k), w));
                        sum = joinTerms(terms, w, terms.size());
                    } else {
                        sum = w.sum() + w.sub("k") + " W" + w.layer(l + 1) +
                              w.sub("k" + std::to_string(j + 1)) + w.spacedDot() + w.delta() +
                              w.sub("k") + w.layer(l + 1);
                    }
                    const bool identity = act == Activation::Identity;
                    f.symbolic = symbolIn(event.id, w) + " = (" + sum + ")" +
                                 (identity ? std::string() : w.spacedDot() + derivativeText(w));
                    for (int s = 0; s < m; ++s) {
                        std::vector<std::string> terms;
                        for (int k = 0; k < aboveUnits; ++k)
                            terms.push_back(w.factor(above.W(k, j)) + w.spacedDot() +
                                            w.factor(valueOf(id(Quantity::Delta, l + 1, k), s)));
                        f.substituted.push_back(
                            "= (" + joinTerms(terms, w, kListedTerms + 1) + ")" +
                            (identity ? std::string() : w.spacedDot() + w.number(derivativeAt(s))) +
                            " = " + w.number(valueOf(event.id, s)));
                    }
                    return f;
                });
            }
            addEvent(std::move(event));
        }

        // ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ (a⁽ˡ⁻¹⁾)ᵀ and ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾ (eqs. 20–21), batch means as in §3.2.
        openGroup(StepPhase::Backward, Quantity::WeightGrad, l);
        for (int j = 0; j < units; ++j) {
            const ValueId deltaId = id(Quantity::Delta, l, j);
            for (int k = 0; k < fanIn; ++k) {
                StepEvent event;
                event.phase = StepPhase::Backward;
                event.id = id(Quantity::WeightGrad, l, j, k);
                const ValueId prev = previousActivation(l, k);
                event.uses = {deltaId, prev};
                writeFormulas(event, [&](const Notate& w) {
                    Formula f;
                    const std::string product = symbolIn(deltaId, w) + w.spacedDot() + symbolIn(prev, w);
                    if (m == 1) {
                        f.symbolic = symbolIn(event.id, w) + " = " + product;
                        f.substituted.push_back("= " + w.factor(valueOf(deltaId)) + w.spacedDot() +
                                                w.factor(valueOf(prev)) + " = " +
                                                w.number(valueOf(event.id)));
                    } else {
                        f.symbolic = symbolIn(event.id, w) + " = " +
                                     w.fraction("1", std::to_string(m)) + " " + w.sum() +
                                     w.sub("i") + " " + product;
                        std::vector<std::string> terms;
                        for (int s = 0; s < m; ++s)
                            terms.push_back(w.factor(valueOf(deltaId, s)) + w.dot() +
                                            w.factor(valueOf(prev, s)));
                        f.substituted.push_back("= " + w.fraction("1", std::to_string(m)) + "(" +
                                                joinTerms(terms, w, kListedTerms + 1) + ") = " +
                                                w.number(valueOf(event.id)));
                    }
                    return f;
                });
                addEvent(std::move(event));
            }
            StepEvent bias;
            bias.phase = StepPhase::Backward;
            bias.id = id(Quantity::BiasGrad, l, j);
            bias.uses = {deltaId};
            writeFormulas(bias, [&](const Notate& w) {
                Formula f;
                if (m == 1) {
                    f.symbolic = symbolIn(bias.id, w) + " = " + symbolIn(deltaId, w);
                    f.substituted.push_back("= " + w.number(valueOf(bias.id)));
                } else {
                    f.symbolic = symbolIn(bias.id, w) + " = " + w.fraction("1", std::to_string(m)) +
                                 " " + w.sum() + w.sub("i") + " " + symbolIn(deltaId, w);
                    std::vector<std::string> terms;
                    for (int s = 0; s < m; ++s) terms.push_back(w.factor(valueOf(deltaId, s)));
                    f.substituted.push_back("= " + w.fraction("1", std::to_string(m)) + "(" +
                                            joinTerms(terms, w, kListedTerms + 1) + ") = " +
                                            w.number(valueOf(bias.id)));
                }
                return f;
            });
            addEvent(std::move(bias));
        }
    }
}

void BackpropSteps::buildUpdate() {
    // Digits enough to see the change: W and W − η∂L/∂W differ in the shown digits.
    auto digitsFor = [](double before, double after) {
        const double change = std::abs(after - before);
        if (!(change > 0) || before == 0 || !std::isfinite(change)) return kDigits;
        const int needed = static_cast<int>(std::ceil(std::log10(std::abs(before) / change))) + 2;
        return std::clamp(needed, kDigits, 12);
    };
    for (int l = 1; l <= layerCount(); ++l) {
        openGroup(StepPhase::Update, Quantity::NewWeight, l);
        const DenseLayer& layer = before_.layer(static_cast<std::size_t>(l - 1));
        for (int j = 0; j < static_cast<int>(layer.units()); ++j) {
            auto update = [&](ValueId newId, ValueId oldId, ValueId gradId) {
                StepEvent event;
                event.phase = StepPhase::Update;
                event.id = newId;
                event.uses = {oldId, id(Quantity::LearningRate), gradId};
                const double oldValue = valueOf(oldId), newValue = valueOf(newId);
                const int digits = digitsFor(oldValue, newValue);
                writeFormulas(event, [&](const Notate& w) {
                    Formula f;
                    f.symbolic = symbolIn(oldId, w) + w.arrow() + symbolIn(oldId, w) + " " +
                                 w.minus() + " " + w.eta() + w.spacedDot() + symbolIn(gradId, w);
                    f.substituted.push_back("= " + w.number(oldValue, digits) + " " + w.minus() +
                                            " " + w.number(eta_) + w.spacedDot() +
                                            w.factor(valueOf(gradId)) + " = " +
                                            w.number(newValue, digits));
                    return f;
                });
                addEvent(std::move(event));
            };
            for (int k = 0; k < static_cast<int>(layer.fanIn()); ++k)
                update(id(Quantity::NewWeight, l, j, k), id(Quantity::Weight, l, j, k),
                       id(Quantity::WeightGrad, l, j, k));
            update(id(Quantity::NewBias, l, j), id(Quantity::Bias, l, j), id(Quantity::BiasGrad, l, j));
        }
    }
}

std::size_t BackpropSteps::next(std::size_t position, Granularity granularity) const {
    if (position >= events_.size()) return events_.size();
    if (granularity == Granularity::Value) return position + 1;
    return groups_[events_[position].group].last;
}

std::size_t BackpropSteps::previous(std::size_t position, Granularity granularity) const {
    position = std::min(position, events_.size());
    if (position == 0) return 0;
    if (granularity == Granularity::Value) return position - 1;
    return groups_[events_[position - 1].group].first;
}

}  // namespace ns
