#include "attention/attention_model.h"

#include "base/random.h"
#include "engine/transformer.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns {

namespace {

constexpr std::uint64_t kNetworkSeed = 2026;

// FNV-1a of the token's UTF-8 bytes: the seed of its embedding, the same on every machine.
std::uint64_t tokenSeed(const QString& token) {
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : token.toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

bool isCjk(QChar c) {
    const ushort u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0x3000 && u <= 0x303F) ||
           (u >= 0xFF00 && u <= 0xFFEF);
}

engine::MultiHeadAttention* attentionLayer(engine::Network& network, int node) {
    return dynamic_cast<engine::MultiHeadAttention*>(network.node(static_cast<std::size_t>(node)).layer.get());
}

}  // namespace

const QString AttentionModel::kPad = QStringLiteral("[PAD]");

class AttentionSettingsCommand : public QUndoCommand {
public:
    AttentionSettingsCommand(AttentionModel* model, AttentionSettings before, AttentionSettings after,
                             const QString& text, int mergeId)
        : QUndoCommand(text), model_(model), before_(std::move(before)), after_(std::move(after)), mergeId_(mergeId) {}
    void undo() override { model_->restore(before_); }
    void redo() override { model_->restore(after_); }
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override {
        if (other->id() != id() || id() < 0) return false;
        after_ = static_cast<const AttentionSettingsCommand*>(other)->after_;
        return true;
    }

private:
    AttentionModel* model_;
    AttentionSettings before_, after_;
    int mergeId_;
};

AttentionModel::AttentionModel(QObject* parent)
    : QObject(parent), network_({kLength, kDModel}), undo_(new QUndoStack(this)) {
    network_.add(std::make_unique<engine::PositionalEncoding>(), {engine::Network::kInput}, "pe");
    for (int l = 1; l <= kLayers; ++l) {
        engine::EncoderBlockSpec spec;
        spec.dModel = kDModel;
        spec.heads = kHeads;
        spec.dFF = 2 * kDModel;
        spec.prefix = "layer" + std::to_string(l);
        addEncoderBlock(network_, engine::Network::kPrevious, spec);
    }
    network_.initialize(kNetworkSeed);
    for (int l = 1; l <= kLayers; ++l) baseWQ_.push_back(attentionLayer(network_, attentionNode(l))->W_Q());
    recompute();
}

AttentionModel::~AttentionModel() = default;

QStringList AttentionModel::panels() {
    return {QStringLiteral("stages"), QStringLiteral("heads"), QStringLiteral("lines"), QStringLiteral("positions")};
}
QStringList AttentionModel::stages() {
    return {QStringLiteral("scores"), QStringLiteral("scaled"), QStringLiteral("masked"), QStringLiteral("weights"),
            QStringLiteral("output")};
}
QStringList AttentionModel::masks() { return {QStringLiteral("none"), QStringLiteral("causal"), QStringLiteral("padding")}; }

QString AttentionModel::exampleSentence(const QString& example) {
    if (example == QLatin1String("zh")) return QStringLiteral("猫坐在垫子上因为它累了");
    return QStringLiteral("the cat sat on the mat because it was tired");
}

QStringList AttentionModel::tokenize(const QString& sentence) {
    QStringList out;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty()) out << word;
        word.clear();
    };
    for (const QChar c : sentence) {
        if (c.isSpace()) {
            flush();
        } else if (isCjk(c)) {
            flush();
            if (!c.isPunct()) out << QString(c);
        } else {
            word += c;
        }
    }
    flush();
    return out;
}

QString AttentionModel::sentence() const {
    return settings_.text.trimmed().isEmpty() ? exampleSentence(settings_.example) : settings_.text;
}

int AttentionModel::attentionNode(int layer) const {
    return network_.find("layer" + std::to_string(std::clamp(layer, 1, kLayers)) + "_attention");
}

// ---- Intents ----

void AttentionModel::apply(const AttentionSettings& next, const QString& text, int mergeId) {
    if (next == settings_) return;
    undo_->push(new AttentionSettingsCommand(this, settings_, next, text, mergeId));
}

void AttentionModel::setExample(const QString& example) {
    if (!examples().contains(example)) return;
    AttentionSettings next = settings_;
    next.example = example;
    next.text.clear();
    apply(next, tr("Sentence"), -1);
}

void AttentionModel::setText(const QString& text) {
    AttentionSettings next = settings_;
    next.text = text.trimmed();
    apply(next, tr("Typed sentence"), -1);
}

void AttentionModel::setMask(const QString& mask) {
    if (!masks().contains(mask)) return;
    AttentionSettings next = settings_;
    next.mask = mask;
    apply(next, tr("Mask"), -1);
}

void AttentionModel::setTemperature(double temperature) {
    if (!std::isfinite(temperature)) return;
    AttentionSettings next = settings_;
    next.temperature = std::clamp(temperature, kMinTemperature, kMaxTemperature);
    apply(next, tr("Temperature"), 1);
}

void AttentionModel::setPanel(const QString& panel) {
    if (!panels().contains(panel) || panel == panel_) return;
    panel_ = panel;
    notify();
}

void AttentionModel::setStage(const QString& stage) {
    if (!stages().contains(stage) || stage == stage_) return;
    stage_ = stage;
    notify();
}

void AttentionModel::setLayer(int layer) {
    layer = std::clamp(layer, 1, kLayers);
    if (layer == layer_) return;
    layer_ = layer;
    notify();
}

void AttentionModel::setHead(int head) {
    head = std::clamp(head, 1, kHeads);
    if (head == head_) return;
    head_ = head;
    notify();
}

void AttentionModel::setToken(int token) {
    token = std::clamp(token, 0, kLength);
    if (token == token_) return;
    token_ = token;
    notify();
}

void AttentionModel::reset() {
    undo_->clear();
    settings_ = AttentionSettings{};
    panel_ = QStringLiteral("stages");
    stage_ = QStringLiteral("weights");
    layer_ = head_ = 1;
    token_ = 0;
    recompute();
    notify();
}

void AttentionModel::restore(const AttentionSettings& settings) {
    settings_ = settings;
    recompute();
    notify();
}

void AttentionModel::notify() {
    notifier_.schedule(this, [this] { emit changed(); });
}

// ---- The forward pass ----

void AttentionModel::recompute() {
    QStringList words = tokenize(sentence());
    truncated_ = words.size() > kLength;
    if (truncated_) words = words.mid(0, kLength);
    realLength_ = std::max<int>(1, static_cast<int>(words.size()));
    if (words.isEmpty()) words << kPad;  // never happens with a built-in sentence; keeps one key visible
    tokens_ = words;
    while (tokens_.size() < kLength) tokens_ << kPad;

    engine::Tensor x({1, kLength, kDModel});
    for (int i = 0; i < kLength; ++i) {
        Random random(tokenSeed(tokens_[i]));
        for (int d = 0; d < kDModel; ++d) x[i * kDModel + d] = random.normal();
    }
    const bool causal = settings_.mask == QLatin1String("causal");
    const bool padding = settings_.mask == QLatin1String("padding");
    for (int l = 1; l <= kLayers; ++l) {
        engine::MultiHeadAttention* mha = attentionLayer(network_, attentionNode(l));
        mha->masking().mask = causal ? engine::AttentionMask::Causal : engine::AttentionMask::None;
        mha->masking().keyLengths.clear();
        if (padding) mha->masking().keyLengths.push_back(realLength_);
        engine::Tensor& wq = mha->W_Q();
        const engine::Tensor& base = baseWQ_[static_cast<std::size_t>(l - 1)];
        for (engine::Index i = 0; i < wq.size(); ++i) wq[i] = base[i] * settings_.temperature;
    }
    network_.forward(x, trace_, {});
}

AttentionMatrix AttentionModel::stageMatrix(int layer, int head, const QString& stage) const {
    if (stage == QLatin1String("output")) return headColumns("heads", layer, head);
    const char* name = stage == QLatin1String("scores")   ? "qk"
                       : stage == QLatin1String("scaled") ? "scores"
                       : stage == QLatin1String("masked") ? "masked_scores"
                                                          : "weights";
    const engine::Tensor& t = trace_.nodes[static_cast<std::size_t>(attentionNode(layer))].named.at(name);
    const int h = std::clamp(head, 1, kHeads) - 1;
    AttentionMatrix m{kLength, kLength, {}};
    m.values.assign(t.data() + h * kLength * kLength, t.data() + (h + 1) * kLength * kLength);
    return m;
}

AttentionMatrix AttentionModel::headColumns(const char* name, int layer, int head) const {
    const engine::Tensor& t = trace_.nodes[static_cast<std::size_t>(attentionNode(layer))].named.at(name);
    const int h = std::clamp(head, 1, kHeads) - 1;
    AttentionMatrix m{kLength, kHeadDim, {}};
    for (int i = 0; i < kLength; ++i)
        for (int c = 0; c < kHeadDim; ++c) m.values.push_back(t[i * kDModel + h * kHeadDim + c]);
    return m;
}

AttentionMatrix AttentionModel::queries(int layer, int head) const { return headColumns("Q", layer, head); }
AttentionMatrix AttentionModel::keys(int layer, int head) const { return headColumns("K", layer, head); }
AttentionMatrix AttentionModel::values(int layer, int head) const { return headColumns("V", layer, head); }

AttentionMatrix AttentionModel::positionalEncoding() const {
    const engine::Tensor& pe = trace_.nodes[static_cast<std::size_t>(network_.find("pe"))].named.at("pe");
    AttentionMatrix m{kLength, kDModel, {}};
    m.values.assign(pe.data(), pe.data() + pe.size());
    return m;
}

AttentionMatrix AttentionModel::positionDotProducts() const {
    const AttentionMatrix pe = positionalEncoding();
    AttentionMatrix m{kLength, kLength, {}};
    for (int i = 0; i < kLength; ++i)
        for (int j = 0; j < kLength; ++j) {
            double dot = 0;
            for (int d = 0; d < kDModel; ++d) dot += pe.at(i, d) * pe.at(j, d);
            m.values.push_back(dot);
        }
    return m;
}

double AttentionModel::meanRowMaximum(int layer, int head) const {
    const AttentionMatrix w = stageMatrix(layer, head, QStringLiteral("weights"));
    double sum = 0;
    for (int i = 0; i < realLength_; ++i) {
        double top = 0;
        for (int j = 0; j < w.cols; ++j) top = std::max(top, w.at(i, j));
        sum += top;
    }
    return sum / realLength_;
}

double AttentionModel::meanRowMaximumAt(int layer, int head, double tau) const {
    const AttentionMatrix masked = stageMatrix(layer, head, QStringLiteral("masked"));
    const double factor = tau / settings_.temperature;
    double sum = 0;
    for (int i = 0; i < realLength_; ++i) {
        double top = -std::numeric_limits<double>::infinity();
        for (int j = 0; j < masked.cols; ++j)
            if (std::isfinite(masked.at(i, j))) top = std::max(top, masked.at(i, j) * factor);
        double total = 0;
        for (int j = 0; j < masked.cols; ++j)
            if (std::isfinite(masked.at(i, j))) total += std::exp(masked.at(i, j) * factor - top);
        sum += 1 / total;  // the largest weight: e^0 / Σ
    }
    return sum / realLength_;
}

}  // namespace ns
