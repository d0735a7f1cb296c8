#pragma once
// What the grid view draws, as plain data copied from the core's results by the model's owner:
// the cells, V per cell (value iteration's V_k) or Q per cell and action (the learner's table),
// the greedy action per cell, the agent and its trail.
#include "rl/grid_world.h"

#include <array>
#include <vector>

namespace ns {

struct GridPicture {
    enum class Show { Values, QValues };
    int rows = 0, cols = 0;
    std::vector<rl::Cell> cells;                       // rows·cols
    std::vector<double> values;                        // V(s), Show::Values
    std::vector<std::array<double, rl::kActions>> q;   // Q(s, a), Show::QValues (up, down, left, right)
    std::vector<int> policy;                           // greedy action per cell, −1 for none
    Show show = Show::Values;
    int selected = -1;
    int agent = -1;             // the agent's cell, −1: not drawn
    std::vector<int> trail;     // the cells of the episode so far
    bool editing = false;       // edit mode: cells are outlined as clickable
    double scale = 1.0;         // |value| drawn at full colour (the diverging scale)
    bool valid() const { return rows > 0 && cols > 0 && static_cast<int>(cells.size()) == rows * cols; }
};

// One term of a Bellman backup: P(s'|s,a) [R + γ V_k(s')].
struct BackupTerm {
    int next = 0;
    double probability = 0, reward = 0, value = 0;  // value = V_k(s')
};
struct BackupAction {
    int action = 0;
    std::vector<BackupTerm> terms;
    double q = 0;  // Σ of the terms: actionValues(world, V_k)[s][a]
};
// V_{k+1}(s) = max_a Σ_s' P(s'|s,a)[R + γ V_k(s')] for one cell, from the sweep shown.
struct Backup {
    int state = -1;  // −1: nothing to show (no cell selected, a wall or a terminal)
    int cols = 1;    // to name cells by row and column
    int k = 0;
    double gamma = 0;
    std::vector<BackupAction> actions;
    int best = -1;
    double value = 0;  // V_{k+1}(s)
};

// One cell's learned Q(s, a) beside value iteration's Q*(s, a).
struct QComparison {
    int state = -1;
    int cols = 1;
    std::array<double, rl::kActions> learned{}, optimal{};
    int greedyLearned = -1;
    bool learnedIsOptimal = false;
};

}  // namespace ns
