#include "rl_json.h"

#include "base/size_limits.h"
#include "rl/grid_world.h"

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

namespace ns::cli {

namespace {

double readNumber(const nlohmann::json& document, const char* field, double fallback, bool needed) {
    const auto it = document.find(field);
    if (it == document.end()) {
        if (needed) throw InputError(std::string(field) + ": required field is missing");
        return fallback;
    }
    if (!it->is_number() || !std::isfinite(it->get<double>()))
        throw InputError(std::string(field) + ": expected a finite number, found " + it->dump());
    return it->get<double>();
}

}  // namespace

nlohmann::json runRlRequest(const nlohmann::json& request) {
    if (!request.is_object()) throw InputError("expected a JSON object at the top level, found " +
                                              std::string(request.type_name()));
    for (const auto& item : request.items())
        if (item.key() != "grid" && item.key() != "gamma" && item.key() != "step_reward" && item.key() != "slip" &&
            item.key() != "max_sweeps")
            throw InputError(item.key() + ": unknown field (expected grid, gamma, step_reward, slip or max_sweeps)");

    const auto grid = request.find("grid");
    if (grid == request.end()) throw InputError("grid: required field is missing");
    if (!grid->is_array() || grid->empty())
        throw InputError("grid: expected a non-empty array of strings such as [\"S..\", \".#G\"], found " +
                         (grid->is_array() ? std::string("[]") : grid->type_name()));
    ns::rl::GridWorldSpec spec;
    double cells = 0;
    for (std::size_t r = 0; r < grid->size(); ++r) {
        const nlohmann::json& row = (*grid)[r];
        if (!row.is_string())
            throw InputError("grid[" + std::to_string(r) + "]: expected a string of S G X # . characters, found " +
                             std::string(row.type_name()));
        // Rows are only as long as the first (checked by the grid), so this is the cell count.
        if (r == 0) cells = static_cast<double>(row.get_ref<const std::string&>().size()) * static_cast<double>(grid->size());
    }
    // Before anything is allocated for the world: its transition table and value arrays per cell.
    if (const std::string problem =
            ns::limits::budgetProblem(cells * ns::rl::GridWorld::kBytesPerCell,
                                      "grid: " + std::to_string(grid->size()) + " rows of " +
                                          std::to_string(static_cast<long long>(cells / static_cast<double>(grid->size()))) +
                                          " cells");
        !problem.empty())
        throw InputError(problem);
    if (cells > 2147483647.0) throw InputError("grid: expected at most 2147483647 cells");
    for (const nlohmann::json& row : *grid) spec.rows.push_back(row.get<std::string>());

    spec.gamma = readNumber(request, "gamma", 0.9, true);
    spec.stepReward = readNumber(request, "step_reward", 0.0, false);
    spec.slip = readNumber(request, "slip", 0.0, false);
    ns::rl::PlanningOptions options;
    options.recordSweeps = false;  // the CLI prints V* only; a view keeps every sweep
    if (const auto it = request.find("max_sweeps"); it != request.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1000000)
            throw InputError("max_sweeps: expected a whole number from 1 to 1000000, found " + it->dump());
        options.maxSweeps = static_cast<int>(it->get<long long>());
    }

    std::optional<ns::rl::GridWorld> world;
    try {
        world.emplace(spec);
    } catch (const std::invalid_argument& error) {
        throw InputError(error.what());
    }
    const ns::rl::ValueIterationResult result = ns::rl::valueIteration(*world, options);

    nlohmann::json V = nlohmann::json::array(), policy = nlohmann::json::array();
    for (int r = 0; r < world->rows(); ++r) {
        nlohmann::json vRow = nlohmann::json::array(), pRow = nlohmann::json::array();
        for (int c = 0; c < world->cols(); ++c) {
            const int s = world->index(r, c);
            if (world->isWall(s)) vRow.push_back(nullptr);
            else vRow.push_back(result.V[static_cast<std::size_t>(s)]);
            const int a = result.policy[static_cast<std::size_t>(s)];
            if (a < 0) pRow.push_back(nullptr);
            else pRow.push_back(ns::rl::actionName(a));
        }
        V.push_back(std::move(vRow));
        policy.push_back(std::move(pRow));
    }
    return {{"V", std::move(V)}, {"policy", std::move(policy)}, {"sweeps", result.sweepCount},
            {"converged", result.converged}};
}

}  // namespace ns::cli
