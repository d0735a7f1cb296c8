#!/usr/bin/env python3
"""Write `neuralscope-cli rl` requests into a directory: the hand-solved 3×3 grid, edge cases
(γ = 0, γ = 1, slip = 1, a one-row corridor) and seeded random grids with walls, goals and pits.

    python3 make_rl_cases.py CASE_DIR
"""

import json
import os
import random
import sys

FIXED = {
    "hand_3x3": {"grid": ["S..", ".#G", "..X"], "gamma": 0.9, "step_reward": -0.04, "slip": 0.0},
    "hand_3x3_slip": {"grid": ["S..", ".#G", "..X"], "gamma": 0.9, "step_reward": -0.04, "slip": 0.2},
    "gamma_zero": {"grid": ["S.G", ".X."], "gamma": 0.0, "step_reward": -0.1, "slip": 0.1},
    "gamma_one": {"grid": ["S...", "..X.", "...G"], "gamma": 1.0, "step_reward": -0.04, "slip": 0.2},
    "slip_one": {"grid": ["S...", "X..G"], "gamma": 0.9, "step_reward": -0.01, "slip": 1.0},
    "corridor": {"grid": ["S........G"], "gamma": 0.95, "step_reward": 0.0},
    "no_terminal": {"grid": ["S.#", "..."], "gamma": 0.5, "step_reward": 0.3, "slip": 0.5},
    "russell_norvig": {"grid": ["...G", ".#.X", "S..."], "gamma": 1.0, "step_reward": -0.04, "slip": 0.2},
}


def random_grid(rng, walls):
    rows, cols = rng.randint(1, 9), rng.randint(2, 9)
    cells = []
    for _ in range(rows * cols):
        x = rng.random()
        cells.append("#" if walls and x < 0.15 else "G" if x < 0.22 else "X" if x < 0.28 else ".")
    cells[rng.randrange(rows * cols)] = "S"
    if "G" not in cells and "X" not in cells:
        cells[(cells.index("S") + 1) % len(cells)] = "G"
    return ["".join(cells[r * cols:(r + 1) * cols]) for r in range(rows)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cases = dict(FIXED)
    rng = random.Random(14)
    for i in range(40):
        gamma = rng.choice([0.0, 0.3, 0.9, 0.99])
        # γ < 1 always converges; walls (regions cut off from every terminal) only then.
        request = {"grid": random_grid(rng, walls=True), "gamma": gamma,
                   "step_reward": rng.choice([-0.5, -0.04, 0.0, 0.1]), "slip": rng.choice([0.0, 0.1, 0.5, 0.8])}
        cases[f"random_{i:02d}"] = request
    for i in range(10):
        # γ = 1 converges when every state reaches a terminal and each step costs: no walls.
        cases[f"random_undiscounted_{i:02d}"] = {"grid": random_grid(rng, walls=False), "gamma": 1.0,
                                                 "step_reward": rng.choice([-0.5, -0.04]),
                                                 "slip": rng.choice([0.0, 0.2])}
    for name, request in cases.items():
        with open(os.path.join(out, f"rl_{name}.json"), "w") as f:
            json.dump(request, f)
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
