#pragma once
// The grid world workspace's model (seed 001 §8.1, definition 8.1, eq. 87; exercise 11.1-5). It
// owns the world's settings — the cells, γ, the step reward, the slip probability — and keeps two
// things computed from them with the core:
// - value iteration, every sweep V_0 = 0, V_1, … recorded (core rl::valueIteration), computed on
//   the GUI thread at once (a grid of at most a few hundred cells sweeps in microseconds), with the
//   sweep shown (k) as view state, kept (clamped) when a setting changes;
// - tabular Q-learning or SARSA (core rl::TabularLearner) running on the app's training thread (a
//   GridTask on PacedWorker; one unit = one episode), paced episodes per second or as fast as the
//   core allows; the GUI thread keeps the latest snapshot (the learner's Q, the returns per episode,
//   the last episode's trajectory for the animated agent).
//
// Settings (layout, cells, γ, reward, slip, algorithm, ε, α, exploring starts) are undo commands;
// the mode, the sweep shown, the selected cell, play/pause, step, reset and the speed are not.
//
// Every field a lesson drives is a Q_PROPERTY (the lesson contract): layout, gamma, step_reward,
// slip, mode, sweep, algorithm, epsilon, alpha, playing (settable) and episodes, policy_matches.
#include "gridworld/grid_picture.h"
#include "rl/grid_world.h"
#include "rl/tabular.h"
#include "shell/batched_notifier.h"
#include "shell/paced_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

class QUndoStack;

namespace ns {

struct GridSettings {
    QString layout = QStringLiteral("classic");  // the preset the cells came from
    std::vector<std::string> rows;               // the cells (S G X # .), edited or the preset's
    double gamma = 0.9;
    double stepReward = -0.04;
    double slip = 0.0;
    rl::TdMethod method = rl::TdMethod::QLearning;
    double epsilon = 0.1;
    double alpha = 0.5;
    bool randomStarts = true;  // exploring starts: every episode begins in a random decision state
    bool operator==(const GridSettings&) const = default;
};

struct GridSnapshot {
    int generation = 0;
    long request = 0;
    int episodes = 0;
    rl::QTable Q;
    std::vector<double> newReturns;  // discounted return Σ γ^t r_{t+1} of each episode since the last snapshot
    std::shared_ptr<const rl::EpisodeRecord> last;  // the newest episode (null before the first)
    bool playing = false;
};
using GridSnapshotPtr = std::shared_ptr<const GridSnapshot>;

// Lives on the worker thread; called only through PacedWorker::post.
class GridTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr int kMinSnapshotIntervalMs = 30;

    void setLearner(int generation, long request, const rl::GridWorldSpec& world, const rl::TabularOptions& options);
    void setRates(double alpha, double epsilon);
    void setRequest(long request) { request_ = request; }

signals:
    void progress(ns::GridSnapshotPtr snapshot);
    void failed(QString message);

protected:
    bool trainOne() override;
    bool canPlay() const override { return learner_ != nullptr; }
    bool hasNews() const override;
    void emitSnapshot(bool batchDone) override;

private:
    std::unique_ptr<rl::TabularLearner> learner_;
    std::vector<double> pending_;
    std::shared_ptr<const rl::EpisodeRecord> last_;
    bool dirty_ = false;
    QElapsedTimer sinceSnapshot_;
    int generation_ = 0;
    long request_ = 0;
};

class GridWorldModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString layout READ layout WRITE setLayoutProperty NOTIFY changed)
    Q_PROPERTY(double gamma READ gamma WRITE setGammaProperty NOTIFY changed)
    Q_PROPERTY(double step_reward READ stepReward WRITE setStepRewardProperty NOTIFY changed)
    Q_PROPERTY(double slip READ slip WRITE setSlipProperty NOTIFY changed)
    Q_PROPERTY(QString mode READ modeName WRITE setModeProperty NOTIFY changed)
    Q_PROPERTY(int sweep READ sweep WRITE setSweep NOTIFY changed)
    Q_PROPERTY(QString algorithm READ algorithmName WRITE setAlgorithmProperty NOTIFY changed)
    Q_PROPERTY(double epsilon READ epsilon WRITE setEpsilonProperty NOTIFY changed)
    Q_PROPERTY(double alpha READ alpha WRITE setAlphaProperty NOTIFY changed)
    Q_PROPERTY(bool playing READ isPlaying WRITE setPlaying NOTIFY changed)
    Q_PROPERTY(int episodes READ episodes NOTIFY changed)
    Q_PROPERTY(bool policy_matches READ policyMatches NOTIFY changed)
public:
    enum class Mode { Values, QLearning };
    static constexpr double kMinStepReward = -2.0;
    static constexpr double kMaxStepReward = 2.0;
    static constexpr double kMinAlpha = 0.01;  // α = 0 would learn nothing (the core refuses it)
    static constexpr int kMaxSweeps = 1000;
    static constexpr double kTolerance = 1e-6;  // value iteration stops when Δ ≤ this
    static constexpr std::size_t kMaxHistory = 2000;
    static constexpr double kDefaultSpeed = 5;  // episodes per second
    static constexpr double kMaxSpeed = 50;
    static constexpr std::uint64_t kSeed = 1;
    static constexpr int kMaxEpisodeSteps = 200;

    explicit GridWorldModel(QObject* parent = nullptr);
    ~GridWorldModel() override;

    static QStringList layoutNames();     // classic small cliff maze
    static std::vector<std::string> layoutRows(const QString& name);  // empty for an unknown name
    static QStringList modeNames();       // values qlearning
    static QStringList algorithmNames();  // qlearning sarsa

    // Undoable settings; false (and lastError) when the value is outside what the view offers.
    bool setLayout(const QString& name);  // the preset's cells (also when the current ones were edited)
    bool setGamma(double gamma);
    bool setStepReward(double reward);
    bool setSlip(double slip);
    bool setAlgorithm(const QString& name);
    bool setEpsilon(double epsilon);
    bool setAlpha(double alpha);
    void setRandomStarts(bool on);
    // Cell edits: `type` one of S G X # . ; the start moves (the old start becomes empty); the
    // start cannot be overwritten by another type (move it first).
    bool setCell(int state, char type);
    bool cycleCell(int state);  // . → # → G → X → . (the start stays)
    void apply(const GridSettings& settings, const QString& text);  // one undo command

    // Not undoable.
    bool setMode(const QString& name);
    void setMode(Mode mode);
    void setSweep(int k);  // clamped to 0 … the last sweep recorded
    void nextSweep() { setSweep(sweep_ + 1); }
    void previousSweep() { setSweep(sweep_ - 1); }
    void runToConvergence() { setSweep(lastSweep()); }
    void select(int state);  // −1: none
    void setPlaying(bool on);
    void play() { setPlaying(true); }
    void pause() { setPlaying(false); }
    void stepEpisode(int count = 1);  // `count` episodes as fast as possible (pauses)
    void reset();        // Q = 0 again, the same seed; the sweep back to 0
    void setSpeed(double episodesPerSecond);  // ≤ 0 or ≥ kMaxSpeed: as fast as the core allows
    void setFast(bool on) { setSpeed(on ? 0 : kDefaultSpeed); }

    // Property adaptors (lesson contract): the same intents, invalid values refused or clamped.
    // A layout set by a lesson always starts learning afresh (Q = 0, no episodes), also when the
    // cells are already the preset's, so a step's checks on episodes start from zero.
    void setLayoutProperty(const QString& name);
    void setGammaProperty(double v);
    void setStepRewardProperty(double v);
    void setSlipProperty(double v);
    void setModeProperty(const QString& name) { setMode(name); }
    void setAlgorithmProperty(const QString& name) { setAlgorithm(name); }
    void setEpsilonProperty(double v);
    void setAlphaProperty(double v);

    const GridSettings& settings() const { return settings_; }
    QString layout() const { return settings_.layout; }
    bool edited() const { return settings_.rows != layoutRows(settings_.layout); }
    double gamma() const { return settings_.gamma; }
    double stepReward() const { return settings_.stepReward; }
    double slip() const { return settings_.slip; }
    Mode mode() const { return mode_; }
    QString modeName() const { return modeNames().at(static_cast<int>(mode_)); }
    QString algorithmName() const { return algorithmNames().at(settings_.method == rl::TdMethod::Sarsa ? 1 : 0); }
    double epsilon() const { return settings_.epsilon; }
    double alpha() const { return settings_.alpha; }
    bool isPlaying() const { return playing_; }
    double speed() const { return speed_; }
    bool isFast() const { return speed_ <= 0; }
    int episodes() const { return episodes_; }
    bool policyMatches() const;  // on every decision state, the learned greedy action is optimal under Q*
    int mismatchedStates() const;

    // The world and value iteration (always valid: a refused edit never replaces them).
    const rl::GridWorld& world() const { return *world_; }
    const rl::ValueIterationResult& planning() const { return planning_; }
    int sweep() const { return sweep_; }
    int lastSweep() const { return static_cast<int>(planning_.sweeps.size()) - 1; }
    const rl::ValueSweep& shownSweep() const { return planning_.sweeps.at(static_cast<std::size_t>(sweep_)); }
    // The greedy policy of V_k (what the arrows show in value iteration mode).
    const std::vector<int>& shownPolicy() const { return shownSweep().policy; }
    int selected() const { return selected_; }
    Backup backup() const;  // for the selected cell and the sweep shown
    QComparison comparison() const;  // the selected cell's learned Q beside Q*

    // Q-learning: the latest snapshot of the learner.
    const rl::QTable& learnedQ() const { return learnedQ_; }
    std::vector<int> learnedPolicy() const { return rl::greedyPolicy(*world_, learnedQ_); }
    const std::vector<double>& returnHistory() const { return returns_; }  // one per episode, the last kMaxHistory
    const std::shared_ptr<const rl::EpisodeRecord>& lastEpisode() const { return lastEpisode_; }
    rl::TabularOptions learnerOptions() const;
    rl::GridWorldSpec worldSpec() const;

    QString lastError() const { return lastError_; }
    QUndoStack* undoStack() const { return undo_; }

signals:
    void changed();

private:
    friend class GridSettingsCommand;
    void restore(const GridSettings& settings);
    void rebuild();   // the world and value iteration from the settings
    // A fresh learner on the worker; `keepPlaying`: it plays on if the old one was playing (a
    // setting changed while the agent ran).
    void restart(bool keepPlaying = false);
    void receive(const ns::GridSnapshotPtr& snapshot);
    void notify();
    bool refuse(const QString& message);
    bool push(const GridSettings& next, const QString& text, int mergeId);
    template <typename Call>
    void toTask(Call call);

    GridSettings settings_;
    QUndoStack* undo_;
    GridTask* task_ = nullptr;
    BatchedNotifier notifier_;
    std::unique_ptr<rl::GridWorld> world_;
    rl::ValueIterationResult planning_;
    Mode mode_ = Mode::Values;
    int sweep_ = 0;
    int selected_ = -1;
    int generation_ = 0;
    long request_ = 0;
    bool playing_ = false;
    double speed_ = kDefaultSpeed;
    int episodes_ = 0;
    rl::QTable learnedQ_;
    std::vector<double> returns_;
    std::shared_ptr<const rl::EpisodeRecord> lastEpisode_;
    QString lastError_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::GridSnapshotPtr)
