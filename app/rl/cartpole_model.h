#pragma once
// The CartPole workspace's model (seed 001 §8.2). Five agents learn to balance the pole side by
// side on the app's training thread (a CartPoleTask on PacedWorker; one unit = one training
// episode of the next agent, round robin), each from its own seeded core agent:
//   DQN with experience replay and a target network, DQN without replay, DQN without the target
//   network (rl::DqnAgent), REINFORCE and one-step actor-critic (rl::PolicyGradientAgent).
// Snapshots carry each agent's new episode returns (the core's DqnEpisode / PolicyEpisode
// totalReward). "Watch" asks the worker for a greedy episode of the selected agent with its
// current weights (rl::rolloutCartPole from a seeded reset) and the model plays its frames back
// at the chosen speed on the GUI thread.
//
// The selection, watching and the speed are view state (no undo); training is play/pause/reset.
#include "rl/cartpole.h"
#include "rl/dqn.h"
#include "rl/policy_gradient.h"
#include "shell/paced_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

class QTimer;

namespace ns {

inline constexpr int kCartPoleAgents = 5;

struct CartPoleSnapshot {
    int generation = 0;
    long request = 0;
    std::array<std::vector<double>, kCartPoleAgents> newReturns;  // since the previous snapshot
    std::array<long, kCartPoleAgents> episodes{};                 // trained so far
    bool playing = false;
};
using CartPoleSnapshotPtr = std::shared_ptr<const CartPoleSnapshot>;

struct CartPoleWatch {
    int generation = 0;
    long id = 0;
    int agent = 0;
    std::uint64_t seed = 0;
    long trainedEpisodes = 0;  // of that agent when the episode was run
    rl::CartPoleRollout rollout;
};
using CartPoleWatchPtr = std::shared_ptr<const CartPoleWatch>;

// Lives on the worker thread; called only through PacedWorker::post.
class CartPoleTask : public PacedTask {
    Q_OBJECT
public:
    static constexpr int kMinSnapshotIntervalMs = 40;

    void setAgents(int generation, long request);  // fresh agents from their seeds
    void setRequest(long request) { request_ = request; }
    void watch(long id, int agent, std::uint64_t seed);  // a greedy episode with the current weights

signals:
    void progress(ns::CartPoleSnapshotPtr snapshot);
    void watched(ns::CartPoleWatchPtr watch);
    void failed(QString message);

protected:
    bool trainOne() override;
    bool canPlay() const override { return ready_; }
    bool hasNews() const override;
    void emitSnapshot(bool batchDone) override;

private:
    std::array<std::unique_ptr<rl::DqnAgent>, 3> dqn_;
    std::array<std::unique_ptr<rl::PolicyGradientAgent>, 2> pg_;
    std::array<std::vector<double>, kCartPoleAgents> pending_;
    std::array<long, kCartPoleAgents> episodes_{};
    QElapsedTimer sinceSnapshot_;
    int next_ = 0;
    bool ready_ = false;
    int generation_ = 0;
    long request_ = 0;
};

class CartPoleModel : public QObject {
    Q_OBJECT
    // The lesson contract: fields a scene sets and a check reads.
    Q_PROPERTY(QString agent READ agentName WRITE setAgentProperty NOTIFY changed)
    Q_PROPERTY(bool playing READ isPlaying WRITE setTraining NOTIFY changed)
    Q_PROPERTY(bool watching READ isWatching WRITE setWatching NOTIFY changed)
    Q_PROPERTY(int episodes READ episodes NOTIFY changed)
    Q_PROPERTY(double average_return READ averageReturn NOTIFY changed)
public:
    static constexpr std::size_t kMaxHistory = 2000;  // episodes kept per agent
    static constexpr int kAverageWindow = 20;          // the moving average and average_return
    static constexpr double kSolvedLine = 195;         // the classic "solved" return
    static constexpr int kMinSpeed = 5, kMaxSpeed = 250, kRealTimeSpeed = 50;  // watched steps per second
    static constexpr std::uint64_t kWatchSeed = 4000;  // watch n starts from CartPole(kWatchSeed + n)'s reset
    enum Agent { Dqn = 0, DqnNoReplay = 1, DqnNoTarget = 2, Reinforce = 3, ActorCritic = 4 };

    explicit CartPoleModel(QObject* parent = nullptr);
    ~CartPoleModel() override;

    static QStringList agentNames();  // dqn dqn_no_replay dqn_no_target reinforce actor_critic
    static bool isDqn(int agent) { return agent >= Dqn && agent <= DqnNoTarget; }
    // The core options of each agent (what the task trains; tests build the same agents).
    static rl::DqnOptions dqnOptions(int agent);
    static rl::PolicyGradientOptions policyOptions(int agent);

    bool setAgent(const QString& name);  // false (and lastError) for an unknown name
    void selectAgent(int agent);
    void setTraining(bool on);
    void play() { setTraining(true); }
    void pause() { setTraining(false); }
    Q_INVOKABLE void reset();  // the agents start again from their seeds (and a lesson scene)
    void setWatching(bool on);
    void setSpeed(int stepsPerSecond);  // clamped to kMinSpeed..kMaxSpeed
    // Training episodes per second, all agents together (0: as fast as the core allows).
    static std::vector<double> trainingSpeeds() { return {0, 100, 20, 5}; }
    void setTrainingSpeed(double episodesPerSecond);
    double trainingSpeed() const { return trainingSpeed_; }
    void stepFrame();  // one frame of the watched episode (pauses the playback)

    int agent() const { return agent_; }
    QString agentName() const { return agentNames().at(agent_); }
    bool isPlaying() const { return playing_; }
    bool isWatching() const { return watching_; }
    int speed() const { return speed_; }
    int episodes() const { return static_cast<int>(totals_[static_cast<std::size_t>(agent_)]); }
    double averageReturn() const { return averageReturn(agent_); }
    double averageReturn(int agent) const;  // mean of the last kAverageWindow returns; 0 before any
    long episodes(int agent) const;
    // The last returns of an agent (at most kMaxHistory; episode totals − size + 1 … totals) and,
    // per episode, the mean of the kAverageWindow returns up to it (fewer at the start).
    const std::vector<double>& returns(int agent) const;
    const std::vector<double>& movingAverage(int agent) const;
    // The watched greedy episode (empty before the first watch) and the frame shown.
    const CartPoleWatch* watch() const { return watch_.get(); }
    int frameIndex() const { return frame_; }
    rl::CartPoleState shownState() const;
    int shownAction() const;  // the action taken from the shown state (−1 at the end / none)
    bool shownFailed() const;
    bool shownTruncated() const;
    long watches() const { return watches_; }
    QString lastError() const { return lastError_; }

signals:
    void changed();

private:
    void setAgentProperty(const QString& name) { setAgent(name); }
    void restart();
    void receive(const ns::CartPoleSnapshotPtr& snapshot);
    void receiveWatch(const ns::CartPoleWatchPtr& watch);
    void advanceFrame();
    template <typename Call>
    void toTask(Call call);

    CartPoleTask* task_ = nullptr;
    QTimer* frames_ = nullptr;
    int generation_ = 0;
    long request_ = 0;
    int agent_ = Dqn;
    bool playing_ = false;
    bool watching_ = false;
    int speed_ = kRealTimeSpeed;
    double trainingSpeed_ = 0;
    long watches_ = 0;    // watch requests sent
    long awaited_ = 0;    // the id of the watch being computed (0: none)
    std::array<std::vector<double>, kCartPoleAgents> returns_, averages_;
    std::array<long, kCartPoleAgents> totals_{};
    CartPoleWatchPtr watch_;
    int frame_ = 0;
    QString lastError_;
};

}  // namespace ns

Q_DECLARE_METATYPE(ns::CartPoleSnapshotPtr)
Q_DECLARE_METATYPE(ns::CartPoleWatchPtr)
