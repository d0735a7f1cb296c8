#!/usr/bin/env python3
"""Independent NumPy value iteration for `neuralscope-cli rl` (seed 001 §8.1, definition 8.1).

    python3 rl_reference.py --selftest

Builds the MDP as dense arrays P[s, a, s'] and R[s, a, s'] straight from the README's rules (not
from the core's transition lists): the intended move with probability 1 − slip, each perpendicular
move with slip/2, a move off the grid or into a wall stays put; entering G pays +1 and ends the
episode, entering X pays −1 and ends it, every other move pays step_reward. Then
V_{k+1} = max_a Σ_s' P (R + γ V_k) for all states at once until the change is below 1e-13.
"""

import sys

import numpy as np

MOVES = {0: (-1, 0), 1: (1, 0), 2: (0, -1), 3: (0, 1)}  # up, down, left, right
NAMES = ["up", "down", "left", "right"]
SIDEWAYS = {0: (2, 3), 1: (2, 3), 2: (0, 1), 3: (0, 1)}


def build(grid, gamma, step_reward, slip):
    rows, cols = len(grid), len(grid[0])
    n = rows * cols
    P = np.zeros((n, 4, n))
    R = np.zeros((n, 4, n))
    decision = np.zeros(n, dtype=bool)
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] in "#GX":
                continue
            s = r * cols + c
            decision[s] = True
            for a in range(4):
                for direction, p in ((a, 1.0 - slip), (SIDEWAYS[a][0], slip / 2), (SIDEWAYS[a][1], slip / 2)):
                    dr, dc = MOVES[direction]
                    rr, cc = r + dr, c + dc
                    if not (0 <= rr < rows and 0 <= cc < cols) or grid[rr][cc] == "#":
                        rr, cc = r, c
                    t = rr * cols + cc
                    P[s, a, t] += p
                    R[s, a, t] = {"G": 1.0, "X": -1.0}.get(grid[rr][cc], step_reward)
    return P, R, decision


def q_values(P, R, V, gamma):
    return np.einsum("sat,sat->sa", P, R + gamma * V[None, None, :])


def value_iteration(grid, gamma, step_reward, slip, tolerance=1e-13, max_sweeps=200000):
    P, R, decision = build(grid, gamma, step_reward, slip)
    V = np.zeros(P.shape[0])
    for sweep in range(1, max_sweeps + 1):
        new = np.where(decision, q_values(P, R, V, gamma).max(axis=1), 0.0)
        delta = np.max(np.abs(new - V)) if V.size else 0.0
        V = new
        if delta <= tolerance:
            break
    Q = q_values(P, R, V, gamma)
    return V, Q, decision


def selftest():
    """The 3×3 grid of tests/rl/tst_rl_grid_world.cpp, worked by hand there."""
    grid = ["S..", ".#G", "..X"]
    V, Q, decision = value_iteration(grid, 0.9, -0.04, 0.0)
    expected = [0.734, 0.86, 1.0, 0.6206, 0.0, 0.0, 0.51854, 0.426686, 0.0]
    ok = np.allclose(V, expected, atol=1e-12, rtol=0)
    # slip 0.2, one sweep at (0,2) "down": 0.8·1 + 0.2·(−0.04)
    P, R, _ = build(grid, 0.9, -0.04, 0.2)
    ok = ok and abs(q_values(P, R, np.zeros(9), 0.9)[2, 1] - 0.792) < 1e-15
    ok = ok and np.allclose(P.sum(axis=2)[decision], 1.0)
    print("selftest", "ok" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    if "--selftest" in sys.argv:
        sys.exit(selftest())
    print(__doc__)
    sys.exit(2)
