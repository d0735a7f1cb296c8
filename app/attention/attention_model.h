#pragma once
// The attention workspace's model (seed 001 §7, eqs. 80–85). A sentence (built in, English or
// Chinese, or typed) is split into tokens — at spaces, Chinese per character — padded with [PAD]
// to a fixed length, embedded deterministically (a seeded vector per token string) and run through
// a small seeded Transformer encoder of the core: the sinusoidal positional encoding, then two
// encoder blocks of 4-head self-attention (d_model 16, d_k 4). Every number the views draw is read
// from that forward pass's trace: Q Kᵀ, ÷√d_k, the masked scores, softmax and the heads' outputs.
//
// The temperature τ multiplies every query (W_Q × τ in the traced copy), so every score is τ times
// what it was: τ = 2 = √d_k undoes the ÷√d_k, larger τ saturates softmax. The mask is none, causal
// (query i sees keys j ≤ i) or padding (no query sees a [PAD] key).
//
// The sentence, the mask and τ are undo commands; the panel, stage, layer, head and selected
// token are where the student looks and are not. The forward pass is a few thousand
// multiplications, so it runs on the GUI thread. Every field a lesson sets or checks is a Qt
// property (core/lessons/field_workspaces.cpp, "attention").
#include "engine/network.h"
#include "shell/batched_notifier.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

class QUndoStack;

namespace ns {

struct AttentionSettings {
    QString example = QStringLiteral("en");  // the built-in sentence shown while `text` is empty
    QString text;                             // a typed sentence; empty: the example's
    QString mask = QStringLiteral("padding");
    double temperature = 1.0;
    bool operator==(const AttentionSettings&) const = default;
};

// One matrix of the trace for the views: rows × cols values, row-major.
struct AttentionMatrix {
    int rows = 0, cols = 0;
    std::vector<double> values;
    double at(int r, int c) const { return values[static_cast<std::size_t>(r * cols + c)]; }
};

class AttentionModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString example READ example WRITE setExample NOTIFY changed)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY changed)
    Q_PROPERTY(QString panel READ panel WRITE setPanel NOTIFY changed)
    Q_PROPERTY(QString stage READ stage WRITE setStage NOTIFY changed)
    Q_PROPERTY(QString mask READ mask WRITE setMask NOTIFY changed)
    Q_PROPERTY(double temperature READ temperature WRITE setTemperature NOTIFY changed)
    Q_PROPERTY(int layer READ layer WRITE setLayer NOTIFY changed)
    Q_PROPERTY(int head READ head WRITE setHead NOTIFY changed)
    Q_PROPERTY(int token READ token WRITE setToken NOTIFY changed)
public:
    static constexpr int kLength = 12;   // every sentence padded (or cut) to this many tokens
    static constexpr int kDModel = 16;
    static constexpr int kHeads = 4;
    static constexpr int kLayers = 2;
    static constexpr int kHeadDim = kDModel / kHeads;
    static constexpr double kMinTemperature = 0.1, kMaxTemperature = 10;
    static const QString kPad;

    explicit AttentionModel(QObject* parent = nullptr);
    ~AttentionModel() override;

    static QStringList examples() { return {QStringLiteral("en"), QStringLiteral("zh")}; }
    static QStringList panels();
    static QStringList stages();  // scores, scaled, masked, weights, output
    static QStringList masks();   // none, causal, padding
    static QString exampleSentence(const QString& example);
    // Chinese (any CJK character) per character, the rest at white space; empty pieces dropped.
    static QStringList tokenize(const QString& sentence);

    QString example() const { return settings_.example; }
    QString text() const { return settings_.text; }
    QString panel() const { return panel_; }
    QString stage() const { return stage_; }
    QString mask() const { return settings_.mask; }
    double temperature() const { return settings_.temperature; }
    int layer() const { return layer_; }
    int head() const { return head_; }
    int token() const { return token_; }  // the selected query token from 1; 0 none
    const AttentionSettings& settings() const { return settings_; }

    void setExample(const QString& example);  // also clears a typed sentence
    void setText(const QString& text);
    void setPanel(const QString& panel);
    void setStage(const QString& stage);
    void setMask(const QString& mask);
    void setTemperature(double temperature);
    void setLayer(int layer);
    void setHead(int head);
    void setToken(int token);
    Q_INVOKABLE void reset();  // the defaults, the undo stack cleared

    // What the views draw.
    QString sentence() const;          // the sentence in use
    const QStringList& tokens() const { return tokens_; }  // kLength tokens, [PAD] at the end
    int realLength() const { return realLength_; }         // tokens before the padding
    bool truncated() const { return truncated_; }          // the sentence had more than kLength tokens
    // One head's stage (1-based layer and head): n × n for scores … weights, n × d_k for output.
    AttentionMatrix stageMatrix(int layer, int head, const QString& stage) const;
    // Head `head`'s query, key and value rows (n × d_k) of layer `layer`.
    AttentionMatrix queries(int layer, int head) const;
    AttentionMatrix keys(int layer, int head) const;
    AttentionMatrix values(int layer, int head) const;
    AttentionMatrix positionalEncoding() const;    // PE, n × d_model (eqs. 84–85)
    AttentionMatrix positionDotProducts() const;   // PE PEᵀ, n × n
    // The trace itself (tests compare the views with it) and the node of layer l's attention.
    const engine::NetworkTrace& trace() const { return trace_; }
    const engine::Network& network() const { return network_; }
    int attentionNode(int layer) const;
    // Mean over the real query rows of the largest weight: near 1 when softmax saturates.
    double meanRowMaximum(int layer, int head) const;
    // The same if this layer's scores were those of temperature `tau` (its inputs kept): the
    // saturation curve. Equals meanRowMaximum at the model's own temperature.
    double meanRowMaximumAt(int layer, int head, double tau) const;

    QUndoStack* undoStack() const { return undo_; }
    void restore(const AttentionSettings& settings);  // by the undo commands

signals:
    void changed();

private:
    void apply(const AttentionSettings& next, const QString& text, int mergeId);
    void recompute();
    void notify();
    AttentionMatrix headColumns(const char* name, int layer, int head) const;

    AttentionSettings settings_;
    QString panel_ = QStringLiteral("stages");
    QString stage_ = QStringLiteral("weights");
    int layer_ = 1, head_ = 1, token_ = 0;
    QStringList tokens_;
    int realLength_ = 0;
    bool truncated_ = false;
    engine::Network network_;
    std::vector<engine::Tensor> baseWQ_;  // each layer's W_Q before τ
    engine::NetworkTrace trace_;
    QUndoStack* undo_;
    BatchedNotifier notifier_;
};

}  // namespace ns
