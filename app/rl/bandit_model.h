#pragma once
// The bandit workspace's model (seed 001 §8.1, exploration vs exploitation). Three strategies —
// greedy, ε-greedy and UCB — face the same seeded k-armed bandits (runBanditTestbed: one bandit
// per run, the same for every strategy) and their curves are averaged over kRuns runs.
//
// The core computes the three strategies' curves for kHorizon steps at once on the app's training
// thread (a BanditTask on PacedWorker), whenever the arms, ε or c change. A step's value depends
// on the steps before it only (a run with fewer steps is the same run cut short), so playing then
// reveals the curves one time step per unit, paced, exactly as the agents lived them.
//
// Arms, ε and c are undo commands (each starts the experiment again at step 0); play/pause, step,
// reset and "reveal the hidden means" are not.
#include "rl/bandit.h"
#include "shell/paced_worker.h"

#include <QObject>
#include <QString>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

class QUndoStack;

namespace ns {

inline constexpr int kBanditStrategies = 3;  // greedy, ε-greedy, UCB

struct BanditSettings {
    int arms = 10;
    double epsilon = 0.1;
    double ucbC = 2.0;
    bool operator==(const BanditSettings&) const = default;
};

// What the core computed for one setting: each strategy's curves over the whole horizon and the
// hidden means q*(a) of the first run's bandit.
struct BanditResult {
    int generation = 0;
    BanditSettings settings;
    std::array<rl::BanditCurves, kBanditStrategies> curves;
    std::vector<double> means;
    std::array<rl::BanditRun, kBanditStrategies> firstRun;  // each agent on the first bandit
    QString error;
};
using BanditResultPtr = std::shared_ptr<const BanditResult>;

struct BanditSnapshot {
    int generation = 0;
    long request = 0;
    int steps = 0;
    bool playing = false;
    BanditResultPtr result;  // set once per new result
};
using BanditSnapshotPtr = std::shared_ptr<const BanditSnapshot>;

// Lives on the worker thread; called only through PacedWorker::post.
class BanditTask : public PacedTask {
    Q_OBJECT
public:
    void setProblem(int generation, long request, const BanditSettings& settings);  // computes the curves
    void setRequest(long request) { request_ = request; }
    void rewind();   // back to step 0 of the same curves
    void stepOnce(); // one more step now (pauses); every click counts

signals:
    void progress(ns::BanditSnapshotPtr snapshot);

protected:
    bool trainOne() override;
    bool canPlay() const override;
    bool hasNews() const override;
    void emitSnapshot(bool batchDone) override;

private:
    BanditResultPtr result_;
    bool resultSent_ = false;
    int steps_ = 0, published_ = -1;
    int generation_ = 0;
    long request_ = 0;
};

class BanditModel : public QObject {
    Q_OBJECT
    // The lesson contract: fields a scene sets and a check reads.
    Q_PROPERTY(int arms READ arms WRITE setArmsProperty NOTIFY changed)
    Q_PROPERTY(double epsilon READ epsilon WRITE setEpsilonProperty NOTIFY changed)
    Q_PROPERTY(double ucb_c READ ucbC WRITE setUcbCProperty NOTIFY changed)
    Q_PROPERTY(bool playing READ isPlaying WRITE setTraining NOTIFY changed)
    Q_PROPERTY(int steps READ steps NOTIFY changed)
public:
    static constexpr int kMinArms = 2, kMaxArms = 20;
    static constexpr double kMaxUcbC = 5.0;
    static constexpr int kHorizon = 1000;  // steps per run
    static constexpr int kRuns = 2000;     // runs averaged
    static constexpr double kStepsPerSecond = 100;
    static constexpr std::uint64_t kSeed = 1;
    enum Strategy { Greedy = 0, EpsilonGreedy = 1, Ucb = 2 };

    explicit BanditModel(QObject* parent = nullptr);
    ~BanditModel() override;

    // The core's options of one strategy under the current settings (what the task runs).
    static rl::BanditOptions options(const BanditSettings& settings, int strategy);

    // Undoable settings; false (and lastError) when outside the ranges.
    bool setArms(int arms);
    bool setEpsilon(double epsilon);
    bool setUcbC(double c);

    void setTraining(bool on);
    void play() { setTraining(true); }
    void pause() { setTraining(false); }
    void step();   // one time step of every run (pauses)
    Q_INVOKABLE void reset();  // back to step 0 (a lesson scene starts afresh with it)
    void setRevealed(bool on);

    const BanditSettings& settings() const { return settings_; }
    int arms() const { return settings_.arms; }
    double epsilon() const { return settings_.epsilon; }
    double ucbC() const { return settings_.ucbC; }
    bool isPlaying() const { return playing_; }
    int steps() const { return steps_; }
    bool isComputing() const { return !result_ || result_->settings != settings_; }
    bool revealed() const { return revealed_; }
    // Per strategy, one value per step shown (1-based step s at index s − 1).
    const std::vector<double>& averageReward(int strategy) const;
    const std::vector<double>& optimalPercent(int strategy) const;  // 100 × the core's fraction
    const std::vector<double>& means() const;  // q*(a) of the first run (empty while computing)
    // Each agent's estimates Q(a) and counts N(a) on the first bandit after the steps shown
    // (the core's trace of that run; empty at step 0 and while computing).
    std::vector<double> estimates(int strategy) const;
    std::vector<long> pulls(int strategy) const;
    int bestArm() const;                       // −1 while computing
    QString lastError() const { return lastError_; }
    QUndoStack* undoStack() const { return undo_; }

signals:
    void changed();

private:
    friend class BanditSettingsCommand;
    void setArmsProperty(int arms) { setArms(arms); }
    void setEpsilonProperty(double e) { setEpsilon(std::clamp(e, 0.0, 1.0)); }
    void setUcbCProperty(double c) { setUcbC(std::clamp(c, 0.0, kMaxUcbC)); }
    void restore(const BanditSettings& settings);
    void restart();
    void apply(const BanditSettings& next, const QString& text, int mergeId);
    void receive(const ns::BanditSnapshotPtr& snapshot);
    void showSteps(int steps);
    template <typename Call>
    void toTask(Call call);
    bool refuse(const QString& message);

    BanditSettings settings_;
    QUndoStack* undo_;
    BanditTask* task_ = nullptr;
    int generation_ = 0;
    long request_ = 0;
    int steps_ = 0;
    bool playing_ = false;
    bool revealed_ = false;
    BanditResultPtr result_;
    std::array<std::vector<double>, kBanditStrategies> reward_, optimal_;
    QString lastError_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::BanditSnapshotPtr)
