#include "rl/grid_world.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns::rl {

const char* actionName(int action) {
    static const char* const names[kActions] = {"up", "down", "left", "right"};
    if (action < 0 || action >= kActions) throw std::out_of_range("actionName: no action " + std::to_string(action));
    return names[action];
}

namespace {

constexpr int kRowStep[kActions] = {-1, 1, 0, 0};
constexpr int kColStep[kActions] = {0, 0, -1, 1};
// The two directions perpendicular to each action (where a slip sends the agent).
constexpr int kPerpendicular[kActions][2] = {{Left, Right}, {Left, Right}, {Up, Down}, {Up, Down}};

std::string where(std::size_t r, std::size_t c) {
    return "row " + std::to_string(r) + ", column " + std::to_string(c) + " (from 0)";
}

void checkUnitInterval(double value, const char* name) {
    if (!std::isfinite(value) || value < 0.0 || value > 1.0)
        throw std::invalid_argument(std::string(name) + ": expected a number from 0 to 1, found " + std::to_string(value));
}

}  // namespace

GridWorld::GridWorld(const GridWorldSpec& spec) {
    if (spec.rows.empty()) throw std::invalid_argument("grid: expected at least one row, found none");
    checkUnitInterval(spec.gamma, "gamma");
    checkUnitInterval(spec.slip, "slip");
    if (!std::isfinite(spec.stepReward))
        throw std::invalid_argument("step_reward: expected a finite number, found " + std::to_string(spec.stepReward));

    // Characters first: a non-ASCII character would otherwise show up as a misleading ragged row.
    int starts = 0;
    std::size_t firstStartRow = 0, firstStartCol = 0;
    for (std::size_t r = 0; r < spec.rows.size(); ++r) {
        const std::string& text = spec.rows[r];
        if (text.empty()) throw std::invalid_argument("grid: row " + std::to_string(r) + " is empty");
        for (std::size_t c = 0; c < text.size(); ++c) {
            const char ch = text[c];
            if (ch == 'S') {
                if (++starts == 2)
                    throw std::invalid_argument("grid: two starts 'S', at " + where(firstStartRow, firstStartCol) +
                                                " and at " + where(r, c) + " (expected exactly one)");
                firstStartRow = r, firstStartCol = c;
            } else if (ch != 'G' && ch != 'X' && ch != '#' && ch != '.') {
                const unsigned char byte = static_cast<unsigned char>(ch);
                // Built by appending: GCC 12 warns (-Wrestrict, falsely) on "'" + std::string(1, ch).
                std::string shown;
                if (byte >= 0x20 && byte < 0x7f) shown.append(1, '\'').append(1, ch).append(1, '\'');
                else shown = "byte " + std::to_string(byte);
                throw std::invalid_argument("grid: unknown character " + shown + " at " + where(r, c) +
                                            " (expected S, G, X, # or .)");
            }
        }
    }
    const std::size_t width = spec.rows[0].size();
    for (std::size_t r = 1; r < spec.rows.size(); ++r)
        if (spec.rows[r].size() != width)
            throw std::invalid_argument("grid: ragged rows: row " + std::to_string(r) + " has " +
                                        std::to_string(spec.rows[r].size()) + " cells, row 0 has " +
                                        std::to_string(width) + " (expected every row as long as the first)");
    if (starts == 0) throw std::invalid_argument("grid: no start 'S' (expected exactly one)");

    rows_ = static_cast<int>(spec.rows.size());
    cols_ = static_cast<int>(width);
    gamma_ = spec.gamma, stepReward_ = spec.stepReward, slip_ = spec.slip;
    cells_.resize(static_cast<std::size_t>(rows_) * static_cast<std::size_t>(cols_));
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < cols_; ++c) {
            Cell& cell = cells_[static_cast<std::size_t>(index(r, c))];
            switch (spec.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]) {
                case 'S': cell = Cell::Start, start_ = index(r, c); break;
                case 'G': cell = Cell::Goal; break;
                case 'X': cell = Cell::Pit; break;
                case '#': cell = Cell::Wall; break;
                default: cell = Cell::Empty; break;
            }
        }

    // P and R once, so every algorithm (and a view's table) reads the same numbers.
    table_.resize(cells_.size() * kActions);
    auto reward = [&](int next) {
        if (cell(next) == Cell::Goal) return 1.0;
        if (cell(next) == Cell::Pit) return -1.0;
        return stepReward_;
    };
    for (int s = 0; s < cellCount(); ++s) {
        if (!isDecision(s)) continue;
        for (int a = 0; a < kActions; ++a) {
            std::vector<Transition>& out = table_[static_cast<std::size_t>(s) * kActions + static_cast<std::size_t>(a)];
            auto add = [&](int direction, double p) {
                if (p <= 0.0) return;
                const int next = moved(s, direction);
                for (Transition& t : out)
                    if (t.next == next) {
                        t.probability += p;
                        return;
                    }
                out.push_back({next, p, reward(next)});
            };
            add(a, 1.0 - slip_);
            add(kPerpendicular[a][0], slip_ / 2);
            add(kPerpendicular[a][1], slip_ / 2);
        }
    }
}

int GridWorld::moved(int s, int direction) const {
    const int r = row(s) + kRowStep[direction], c = col(s) + kColStep[direction];
    if (r < 0 || r >= rows_ || c < 0 || c >= cols_) return s;
    const int next = index(r, c);
    return isWall(next) ? s : next;
}

StepResult GridWorld::step(int s, int a, double uniform01) const {
    const std::vector<Transition>& outcomes = transitions(s, a);
    if (outcomes.empty()) throw std::logic_error("GridWorld::step: cell " + std::to_string(s) + " is not a decision state");
    // Inverse CDF over the outcomes in table order; the last one takes any rounding remainder.
    double cumulative = 0;
    const Transition* chosen = &outcomes.back();
    for (const Transition& t : outcomes) {
        cumulative += t.probability;
        if (uniform01 < cumulative) {
            chosen = &t;
            break;
        }
    }
    return {chosen->next, chosen->reward, isTerminal(chosen->next)};
}

namespace {
// Σ_s' P(s'|s, a) [R(s, a, s') + γ V(s')]: the one backup every algorithm here shares.
double backup(const GridWorld& world, int s, int a, const std::vector<double>& V) {
    double q = 0;
    for (const Transition& t : world.transitions(s, a))
        q += t.probability * (t.reward + world.gamma() * V[static_cast<std::size_t>(t.next)]);
    return q;
}
}  // namespace

QTable actionValues(const GridWorld& world, const std::vector<double>& V) {
    QTable Q(static_cast<std::size_t>(world.cellCount()), {0.0, 0.0, 0.0, 0.0});
    for (int s = 0; s < world.cellCount(); ++s) {
        if (!world.isDecision(s)) continue;
        for (int a = 0; a < kActions; ++a) Q[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] = backup(world, s, a, V);
    }
    return Q;
}

std::vector<int> greedyPolicy(const GridWorld& world, const QTable& Q) {
    std::vector<int> policy(static_cast<std::size_t>(world.cellCount()), -1);
    for (int s = 0; s < world.cellCount(); ++s) {
        if (!world.isDecision(s)) continue;
        const auto& q = Q[static_cast<std::size_t>(s)];
        const double best = *std::max_element(q.begin(), q.end());
        const double slack = 1e-9 * (1.0 + std::abs(best));
        for (int a = 0; a < kActions; ++a)
            if (q[static_cast<std::size_t>(a)] >= best - slack) {
                policy[static_cast<std::size_t>(s)] = a;
                break;
            }
    }
    return policy;
}

ValueIterationResult valueIteration(const GridWorld& world, const PlanningOptions& options) {
    ValueIterationResult result;
    const std::size_t n = static_cast<std::size_t>(world.cellCount());
    std::vector<double> V(n, 0.0), next(n, 0.0);
    if (options.recordSweeps) result.sweeps.push_back({V, greedyPolicy(world, actionValues(world, V)), 0.0});
    for (int k = 1; k <= options.maxSweeps; ++k) {
        double delta = 0;
        for (int s = 0; s < world.cellCount(); ++s) {
            if (!world.isDecision(s)) continue;  // walls and terminals keep V = 0
            double best = -INFINITY;
            for (int a = 0; a < kActions; ++a) best = std::max(best, backup(world, s, a, V));
            next[static_cast<std::size_t>(s)] = best;
            delta = std::max(delta, std::abs(best - V[static_cast<std::size_t>(s)]));
        }
        V.swap(next);
        result.sweepCount = k;
        if (options.recordSweeps) result.sweeps.push_back({V, greedyPolicy(world, actionValues(world, V)), delta});
        if (delta <= options.tolerance) {
            result.converged = true;
            break;
        }
    }
    result.Q = actionValues(world, V);
    result.policy = greedyPolicy(world, result.Q);
    result.V = std::move(V);
    return result;
}

PolicyEvaluationResult evaluatePolicy(const GridWorld& world, const QTable& pi, const PlanningOptions& options) {
    const std::size_t n = static_cast<std::size_t>(world.cellCount());
    if (pi.size() != n)
        throw std::invalid_argument("evaluatePolicy: expected a policy row per cell (" + std::to_string(n) +
                                    "), found " + std::to_string(pi.size()));
    PolicyEvaluationResult result;
    std::vector<double> V(n, 0.0), next(n, 0.0);
    if (options.recordSweeps) result.sweeps.push_back(V);
    for (int k = 1; k <= options.maxSweeps; ++k) {
        double delta = 0;
        for (int s = 0; s < world.cellCount(); ++s) {
            if (!world.isDecision(s)) continue;
            double v = 0;
            for (int a = 0; a < kActions; ++a) {
                const double p = pi[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)];
                if (p != 0.0) v += p * backup(world, s, a, V);
            }
            next[static_cast<std::size_t>(s)] = v;
            delta = std::max(delta, std::abs(v - V[static_cast<std::size_t>(s)]));
        }
        V.swap(next);
        result.sweepCount = k;
        if (options.recordSweeps) result.sweeps.push_back(V);
        if (delta <= options.tolerance) {
            result.converged = true;
            break;
        }
    }
    result.Q = actionValues(world, V);
    result.V = std::move(V);
    return result;
}

PolicyEvaluationResult evaluatePolicy(const GridWorld& world, const std::vector<int>& policy,
                                      const PlanningOptions& options) {
    const std::size_t n = static_cast<std::size_t>(world.cellCount());
    if (policy.size() != n)
        throw std::invalid_argument("evaluatePolicy: expected an action per cell (" + std::to_string(n) + "), found " +
                                    std::to_string(policy.size()));
    QTable pi(n, {0.0, 0.0, 0.0, 0.0});
    for (int s = 0; s < world.cellCount(); ++s) {
        if (!world.isDecision(s)) continue;
        const int a = policy[static_cast<std::size_t>(s)];
        if (a < 0 || a >= kActions)
            throw std::invalid_argument("evaluatePolicy: cell " + std::to_string(s) + " has no action (found " +
                                        std::to_string(a) + ")");
        pi[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] = 1.0;
    }
    return evaluatePolicy(world, pi, options);
}

}  // namespace ns::rl
