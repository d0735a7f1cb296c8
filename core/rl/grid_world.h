#pragma once
// A grid world as a Markov decision process (seed 001 §8.1, definition 8.1): the five-tuple
// (S, A, P, R, γ) built from rows of characters, and the planning algorithms that solve it —
// value iteration (recorded sweep by sweep, so a view can animate V_k) and policy evaluation
// (V^π, Q^π of the returns of eq. 87).
//
// Cells: 'S' start, 'G' goal, 'X' pit, '#' wall, '.' empty. A state is a cell index
// r·cols + c; walls are in the index but are not states (isWall), so views address cells and
// states alike.
//
// Choices, documented because the textbook leaves them open:
// - R(s, a, s'): entering G pays +1, entering X pays −1, entering (or staying in) any other cell
//   pays step_reward. G and X are terminal: the episode ends on entering them, so V(G) = V(X) = 0.
// - A move off the grid or into a wall leaves the agent where it is (and pays step_reward).
// - Slip: the intended direction happens with probability 1 − slip; each of the two perpendicular
//   directions with probability slip/2 (never the opposite one), the classic "noisy" grid world.
//   Outcomes landing on the same cell are merged, so P(·|s, a) lists distinct s'.
// - The greedy action is the first of up, down, left, right whose Q is within 1e-9·(1 + |max Q|)
//   of the best: rounding never decides between actions a hand calculation calls equal.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns::rl {

enum class Cell : char { Empty, Wall, Start, Goal, Pit };

inline constexpr int kActions = 4;  // A = {up, down, left, right}
enum Action : int { Up = 0, Down = 1, Left = 2, Right = 3 };
const char* actionName(int action);  // "up", "down", "left", "right"

struct GridWorldSpec {
    std::vector<std::string> rows;  // e.g. {"S..", ".#G", "..X"}
    double gamma = 0.9;
    double stepReward = -0.04;
    double slip = 0.0;
};

// One outcome of P(s'|s, a) with its reward R(s, a, s').
struct Transition {
    int next = 0;
    double probability = 0;
    double reward = 0;
};

struct StepResult {
    int next = 0;
    double reward = 0;
    bool done = false;  // entered a terminal cell
};

class GridWorld {
public:
    // Throws std::invalid_argument naming what is wrong: no rows, an empty or ragged row, an unknown
    // character (with its row and column, from 0), no start or two starts, γ or slip outside [0, 1],
    // a non-finite step reward.
    explicit GridWorld(const GridWorldSpec& spec);

    int rows() const { return rows_; }
    int cols() const { return cols_; }
    int cellCount() const { return rows_ * cols_; }
    int index(int r, int c) const { return r * cols_ + c; }
    int row(int s) const { return s / cols_; }
    int col(int s) const { return s % cols_; }
    Cell cell(int s) const { return cells_.at(static_cast<std::size_t>(s)); }
    bool isWall(int s) const { return cell(s) == Cell::Wall; }
    bool isTerminal(int s) const { return cell(s) == Cell::Goal || cell(s) == Cell::Pit; }
    // A state the agent acts in: neither a wall nor terminal.
    bool isDecision(int s) const { return !isWall(s) && !isTerminal(s); }
    int start() const { return start_; }

    double gamma() const { return gamma_; }
    double stepReward() const { return stepReward_; }
    double slip() const { return slip_; }

    // P(·|s, a) with R(s, a, s'); empty for walls and terminal cells (nothing happens there).
    const std::vector<Transition>& transitions(int s, int a) const {
        return table_[static_cast<std::size_t>(s) * kActions + static_cast<std::size_t>(a)];
    }
    // One sampled step from s (a decision state) by P(·|s, a), from one uniform draw u in (0, 1).
    StepResult step(int s, int a, double uniform01) const;

    // Memory the world and its planning arrays need per cell, for size checks before building one.
    static constexpr double kBytesPerCell = 4 * (3 * sizeof(Transition) + 32) + 16 * sizeof(double);

private:
    int moved(int s, int direction) const;  // the cell a move in `direction` reaches (itself if blocked)

    int rows_ = 0, cols_ = 0, start_ = -1;
    double gamma_ = 0, stepReward_ = 0, slip_ = 0;
    std::vector<Cell> cells_;
    std::vector<std::vector<Transition>> table_;
};

using QTable = std::vector<std::array<double, kActions>>;

// One sweep of value iteration: V_k for every cell (0 for walls and terminals), the greedy policy
// of V_k (−1 for walls and terminals) and Δ_k = max_s |V_k(s) − V_{k−1}(s)| (0 for k = 0).
struct ValueSweep {
    std::vector<double> V;
    std::vector<int> policy;
    double delta = 0;
};

struct PlanningOptions {
    double tolerance = 1e-10;  // stop when Δ ≤ tolerance
    int maxSweeps = 10000;
    bool recordSweeps = true;  // keep every V_k (views); the CLI only needs the last
};

struct ValueIterationResult {
    std::vector<double> V;    // V* (to the tolerance)
    QTable Q;                 // Q*(s, a) = Σ_s' P(s'|s,a) [R + γ V*(s')]
    std::vector<int> policy;  // greedy in Q*, −1 for walls and terminals
    std::vector<ValueSweep> sweeps;  // V_0 = 0, V_1, …, when recorded
    int sweepCount = 0;
    bool converged = false;
};

// Q(s, a) = Σ_s' P(s'|s, a) [R(s, a, s') + γ V(s')] for every cell (0 where no action applies).
QTable actionValues(const GridWorld& world, const std::vector<double>& V);
// argmax_a Q(s, a) with the tie rule above; −1 for walls and terminals.
std::vector<int> greedyPolicy(const GridWorld& world, const QTable& Q);

// Bellman optimality backups V_{k+1}(s) = max_a Σ_s' P(s'|s,a)[R(s,a,s') + γ V_k(s')], all states
// from V_k at once (a synchronous sweep: the k-th picture is well defined and order-free).
ValueIterationResult valueIteration(const GridWorld& world, const PlanningOptions& options = {});

struct PolicyEvaluationResult {
    std::vector<double> V;  // V^π(s) = E_π[Σ γ^t r_t | s_0 = s] (eq. 87's return from s)
    QTable Q;               // Q^π(s, a) = E_π[Σ γ^t r_t | s_0 = s, a_0 = a]
    std::vector<std::vector<double>> sweeps;
    int sweepCount = 0;
    bool converged = false;
};

// Iterative policy evaluation V_{k+1}(s) = Σ_a π(a|s) Σ_s' P(s'|s,a)[R + γ V_k(s')] for a
// stochastic policy π[s][a] (rows of walls and terminals ignored).
PolicyEvaluationResult evaluatePolicy(const GridWorld& world, const QTable& pi, const PlanningOptions& options = {});
// The same for a deterministic policy (one action per cell; ignored for walls and terminals).
PolicyEvaluationResult evaluatePolicy(const GridWorld& world, const std::vector<int>& policy,
                                      const PlanningOptions& options = {});

}  // namespace ns::rl
