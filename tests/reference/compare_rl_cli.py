#!/usr/bin/env python3
"""Compare `CLI_BINARY rl CASE.json` with rl_reference.py on every case in a directory.

    python3 compare_rl_cli.py CLI_BINARY CASE_DIR

V must match the reference within 1e-7 (the CLI stops when a sweep changes V by at most 1e-10, so
it is within γ/(1 − γ)·1e-10 of V*), null exactly on walls. The policy must be null exactly on walls
and terminals, and elsewhere an action whose reference Q is within 1e-6 of the best: where two
actions tie, either is right. The CLI must report convergence. Prints one line per case and a final
`N passed, N failed` line; exits 1 if any case fails or none is found.
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rl_reference  # noqa: E402
from compare_conv_cli import compare_case_dir  # noqa: E402  (the shared case-directory loop)
from compare_trace import _is_number, run_json  # noqa: E402

V_TOLERANCE = 1e-7
TIE_TOLERANCE = 1e-6


def check(cli, path):
    with open(path) as f:
        request = json.load(f)
    got, error = run_json([cli, "rl", path])
    if error:
        return [error]
    grid = request["grid"]
    V, Q, decision = rl_reference.value_iteration(grid, request["gamma"], request.get("step_reward", 0.0),
                                                  request.get("slip", 0.0))
    problems = []
    if got.get("converged") is not True:
        problems.append("converged is not true")
    rows, cols = len(grid), len(grid[0])
    if not isinstance(got.get("V"), list) or len(got["V"]) != rows or not isinstance(got.get("policy"), list) \
            or len(got["policy"]) != rows:
        return problems + [f"expected V and policy of {rows} rows"]
    for r in range(rows):
        if len(got["V"][r]) != cols or len(got["policy"][r]) != cols:
            problems.append(f"row {r}: expected {cols} columns")
            continue
        for c in range(cols):
            s = r * cols + c
            v, a = got["V"][r][c], got["policy"][r][c]
            if grid[r][c] == "#":
                if v is not None:
                    problems.append(f"V[{r}][{c}]: wall, expected null, found {v!r}")
            elif not _is_number(v) or abs(v - V[s]) > V_TOLERANCE:
                problems.append(f"V[{r}][{c}]: cli={v!r} ref={V[s]!r}")
            if not decision[s]:
                if a is not None:
                    problems.append(f"policy[{r}][{c}]: wall or terminal, expected null, found {a!r}")
            elif a not in rl_reference.NAMES:
                problems.append(f"policy[{r}][{c}]: expected an action name, found {a!r}")
            elif Q[s, rl_reference.NAMES.index(a)] < Q[s].max() - TIE_TOLERANCE:
                problems.append(f"policy[{r}][{c}]: {a} has Q={Q[s, rl_reference.NAMES.index(a)]!r}, "
                                f"best is {rl_reference.NAMES[int(np.argmax(Q[s]))]} with {Q[s].max()!r}")
    return problems


def check_case(cli, case_dir, name):
    problems = check(cli, os.path.join(case_dir, name))
    with open(os.path.join(case_dir, name), encoding="utf-8") as f:
        grid = json.load(f).get("grid", [])
    return problems, 2 * sum(len(row) for row in grid if isinstance(row, str))  # V and policy per cell


if __name__ == "__main__":
    sys.exit(compare_case_dir("compare_rl_cli.py", sys.argv, check_case, V_TOLERANCE))
