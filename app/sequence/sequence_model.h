#pragma once
// The sequences workspace's model (seed 001 §4.6, exercise 11.2-3; seed 002's GRU). Three
// SequenceTrainers — plain RNN, LSTM and GRU on the same task, length and seed — train side by
// side on the app's training thread (a SequenceTask on PacedWorker; one unit = one Adam step of
// all three). The GUI thread keeps the latest immutable snapshot: each cell's loss history
// (bounded), accuracy and a copy of its weights. With those weights the model traces one seeded
// sequence through each cell with the core (forward, and BPTT from the task's loss), optionally
// with the recurrent weights scaled (W_h scale), and hands the views a SequencePicture.
//
// Settings (task, length, shown cell, W_h scale, clipping, temperature, prompt) are undo commands;
// play/pause, step, reset, the selected step and unit, the BPTT step-through and the panel are not.
#include "sequence/sequence_picture.h"
#include "sequence/sequence_tasks.h"
#include "shell/paced_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

class QUndoStack;

namespace ns {

inline constexpr int kSequenceCells = 3;  // rnn, lstm, gru

struct SequenceSettings {
    sequence::TaskKind task = sequence::TaskKind::RememberFirst;
    int length = 20;
    engine::CellKind cell = engine::CellKind::Lstm;  // the one the unrolled view draws
    double whScale = 1.0;   // the recurrent weights multiplied by this in the traced copy
    bool clip = false;      // the BPTT view shows the gradient after clipping by norm
    double temperature = 0.8;
    QString prompt = QStringLiteral("the ");
    bool operator==(const SequenceSettings&) const = default;
};

struct SequenceSnapshot {
    int generation = 0;
    long request = 0;
    long steps = 0;
    std::array<std::vector<double>, kSequenceCells> newLosses;      // since the previous snapshot
    std::array<std::vector<double>, kSequenceCells> newAccuracies;  // NaN for regression
    std::array<bool, kSequenceCells> finite{};
    std::array<std::shared_ptr<const engine::Network>, kSequenceCells> networks;
    bool playing = false;
};
using SequenceSnapshotPtr = std::shared_ptr<const SequenceSnapshot>;

struct SequenceSamples {
    int generation = 0;
    long steps = 0;
    std::array<std::string, kSequenceCells> greedy;
    std::array<std::string, kSequenceCells> sampled;
};
using SequenceSamplesPtr = std::shared_ptr<const SequenceSamples>;

// Lives on the worker thread; called only through PacedWorker::post.
class SequenceTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr int kMinSnapshotIntervalMs = 50;
    static constexpr int kSampleIntervalMs = 1500;  // fresh continuations while a text model trains
    static constexpr int kSampleLength = 40;

    void setSpecs(int generation, long request, const std::array<sequence::TrainerSpec, kSequenceCells>& specs);
    void setRequest(long request) { request_ = request; }
    void setSampling(const std::string& prompt, double temperature);  // and sample now
    const sequence::SequenceTrainer* trainer(int cell) const;

signals:
    void progress(ns::SequenceSnapshotPtr snapshot);
    void samples(ns::SequenceSamplesPtr samples);
    void failed(QString message);

protected:
    bool trainOne() override;
    bool canPlay() const override;
    bool hasNews() const override;
    void emitSnapshot(bool batchDone) override;

private:
    void sampleNow();

    std::array<std::unique_ptr<sequence::SequenceTrainer>, kSequenceCells> trainers_;
    std::array<std::vector<double>, kSequenceCells> pendingLoss_, pendingAccuracy_;
    std::array<bool, kSequenceCells> finite_{};
    QElapsedTimer sinceSnapshot_, sinceSample_;
    std::string prompt_ = "the ";
    double temperature_ = 0.8;
    int generation_ = 0;
    long request_ = 0;
};

class SequenceModel : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinLength = 5;
    static constexpr int kMaxLength = 100;
    static constexpr double kMinWhScale = 0.25;
    static constexpr double kMaxWhScale = 8.0;
    static constexpr double kMinTemperature = 0.1;
    static constexpr double kMaxTemperature = 2.0;
    static constexpr double kClipNorm = 1.0;   // the BPTT view's clipping threshold on ‖∂L/∂θ‖
    static constexpr std::size_t kMaxHistory = 3000;
    static constexpr double kStepsPerSecond = 25;
    static constexpr std::uint64_t kSeed = 7;
    static constexpr std::uint64_t kTraceSeed = 1001;  // the traced sequence
    enum class Panel { Unrolled, Bptt, Training };

    explicit SequenceModel(QObject* parent = nullptr);
    ~SequenceModel() override;

    static QStringList taskNames();  // remember_first adding sine characters
    static QStringList cellNames();  // rnn lstm gru
    static QStringList panelNames(); // unrolled bptt training
    static int cellIndex(engine::CellKind cell);
    static engine::CellKind cellAt(int index);

    // Undoable settings; false (and lastError) when the value is outside what the view offers.
    bool setTask(const QString& name);
    bool setLength(int length);
    bool setCell(const QString& name);
    bool setWhScale(double scale);
    void setClip(bool on);
    bool setTemperature(double temperature);
    void setPrompt(const QString& prompt);
    void apply(const SequenceSettings& settings, const QString& text);  // one undo command

    // Training.
    void setTraining(bool on);
    void play() { setTraining(true); }
    void pause() { setTraining(false); }
    void step();   // one Adam step of all three cells (pauses)
    void reset();  // the same initial weights again

    // The trace's view state.
    void selectStep(int step);  // 0-based, clamped
    void selectUnit(int unit);
    void setPanel(Panel panel);
    // BPTT step-through: how many steps, counted back from the last, show their gradient.
    void revealBackward();   // one step further back
    void revealAll();
    void hideGradient();     // back to the forward pass only

    const SequenceSettings& settings() const { return settings_; }
    sequence::TaskSpec taskSpec() const;
    Panel panel() const { return panel_; }
    int selectedStep() const { return selectedStep_; }
    int selectedUnit() const { return selectedUnit_; }
    int revealed() const { return std::min(revealed_, settings_.length); }
    bool isPlaying() const { return playing_; }
    long steps() const { return steps_; }
    const std::vector<double>& lossHistory(int cell) const;       // one per step, the last kMaxHistory
    const std::vector<double>& accuracyHistory(int cell) const;
    double lastLoss(int cell) const;
    double lastAccuracy(int cell) const;  // NaN before the first step or for regression
    bool isFinite(int cell) const;
    QString greedySample(int cell) const;
    QString temperatureSample(int cell) const;
    QString lastError() const { return lastError_; }
    QUndoStack* undoStack() const { return undo_; }

    // The traced sequence of each cell, with the current weights (and the W_h scale).
    const engine::NetworkTrace& trace(int cell) const;
    const SequencePicture& picture(int cell) const;  // what the views draw
    const SequencePicture& shownPicture() const { return picture(cellIndex(settings_.cell)); }
    // ‖∂L/∂h_t‖ per step of each cell, and the factor clipping by norm scales it with (≤ 1).
    const std::vector<double>& gradNorm(int cell) const;
    double parameterGradientNorm(int cell) const;  // ‖∂L/∂θ‖ of the traced sequence
    double clipFactor(int cell) const;             // 1 without clipping

signals:
    void changed();
    void settingsChanged();

private:
    friend class SequenceSettingsCommand;
    void restore(const SequenceSettings& settings);
    void restart();   // new trainers from the settings, on the worker
    void rebuildProbes();
    void retrace();
    void receive(const ns::SequenceSnapshotPtr& snapshot);
    void receiveSamples(const ns::SequenceSamplesPtr& samples);
    std::array<sequence::TrainerSpec, kSequenceCells> specs() const;
    template <typename Call>
    void toTask(Call call);
    bool refuse(const QString& message);

    SequenceSettings settings_;
    QUndoStack* undo_;
    SequenceTask* task_ = nullptr;
    int generation_ = 0;
    long request_ = 0;
    long steps_ = 0;
    bool playing_ = false;
    Panel panel_ = Panel::Unrolled;
    int selectedStep_ = 0;
    int selectedUnit_ = 0;
    int revealed_ = kMaxLength;  // ≥ the length: every step (the step-through starts from 0)
    std::array<std::vector<double>, kSequenceCells> losses_, accuracies_;
    std::array<bool, kSequenceCells> finite_{};
    std::array<std::shared_ptr<const engine::Network>, kSequenceCells> weights_;  // latest snapshot
    std::array<std::unique_ptr<sequence::SequenceTrainer>, kSequenceCells> probes_;  // GUI-thread copies
    std::array<engine::NetworkTrace, kSequenceCells> traces_;
    std::array<SequencePicture, kSequenceCells> pictures_;
    std::array<double, kSequenceCells> thetaNorm_{};
    std::array<std::string, kSequenceCells> greedy_, sampled_;
    sequence::SequenceBatch traced_;
    QString lastError_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::SequenceSnapshotPtr)
Q_DECLARE_METATYPE(ns::SequenceSamplesPtr)
