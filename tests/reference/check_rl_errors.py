#!/usr/bin/env python3
"""Bad input to `neuralscope-cli rl`: exit status 2 and one stderr line naming what is wrong.

    python3 check_rl_errors.py CLI_BINARY

A case passes when the CLI exits with 2, prints nothing on stdout and exactly one non-empty line on
stderr, that line's subject (the text after the `neuralscope-cli: FILE: ` prefix, up to the first
": ") is the expected field, and the line contains the expected words (a grid's row and column, the
two starts, the accepted range). Case files are named caseNN.json, so the file name can never supply
the field name. Prints one line per case and a final `N passed, N failed` line; exits 1 if any fails.
"""

import sys

from cli_errors import changed, refuse, run_cases

README_EXAMPLE = {"grid": ["S..", ".#G", "..X"], "gamma": 0.9, "step_reward": -0.04, "slip": 0.0}


def rl(**changes):
    """The README's example request with fields replaced (None: removed)."""
    return changed(README_EXAMPLE, changes)


CASES = [
    ("no start", rl(grid=["...", ".#G"]), "grid", ["no start 'S'"]),
    ("two starts", rl(grid=["S..", ".#S"]), "grid", ["two starts", "row 0, column 0", "row 1, column 2"]),
    ("unknown character", rl(grid=["S..", ".#G", ".?X"]), "grid", ["unknown character '?'", "row 2, column 1"]),
    ("non-ASCII character", rl(grid=["S.é"]), "grid", ["unknown character", "row 0, column 2"]),
    ("ragged rows", rl(grid=["S..", ".#", "..X"]), "grid", ["ragged rows", "row 1 has 2 cells"]),
    ("empty row", rl(grid=["S..", ""]), "grid", ["row 1 is empty"]),
    ("empty grid", rl(grid=[]), "grid", ["non-empty array"]),
    ("grid not an array", rl(grid="S..G"), "grid", ["array of strings"]),
    ("row not a string", rl(grid=["S..", 7]), "grid[1]", ["expected a string"]),
    ("grid missing", rl(grid=None), "grid", ["required"]),
    ("gamma above 1", rl(gamma=1.5), "gamma", ["from 0 to 1"]),
    ("gamma below 0", rl(gamma=-0.1), "gamma", ["from 0 to 1"]),
    ("gamma missing", rl(gamma=None), "gamma", ["required"]),
    ("gamma a string", rl(gamma="0.9"), "gamma", ["finite number"]),
    ("slip above 1", rl(slip=1.01), "slip", ["from 0 to 1"]),
    ("slip below 0", rl(slip=-0.5), "slip", ["from 0 to 1"]),
    ("step_reward not a number", rl(step_reward=[1]), "step_reward", ["finite number"]),
    ("max_sweeps zero", rl(max_sweeps=0), "max_sweeps", ["whole number"]),
    ("unknown field", rl(discount=0.9), "discount", ["unknown field"]),
    ("not an object", ["S.G"], None, ["expected a JSON object at the top level, found array"]),
    # 5000 × 1000 cells: about 2.1 GiB of transition table and values, refused before building it.
    ("oversized grid", rl(grid=["S" + "." * 999] + ["." * 1000] * 4999), "grid", ["MiB, more than the limit"]),
]


def check(cli, workdir, number, case):
    _, request, field, words = case
    problems, line, path = refuse(cli, "rl", workdir, number, request)
    prefix = f"neuralscope-cli: {path}: "
    if not line.startswith(prefix):
        problems.append(f"expected the prefix {prefix!r}")
    subject = line[len(prefix):].split(": ", 1)[0]
    if field is not None and subject != field:  # None: the whole request is wrong, no field to name
        problems.append(f"names {subject!r}, expected {field!r}")
    for word in words:
        if word not in line:
            problems.append(f"does not say {word!r}")
    return problems, line


if __name__ == "__main__":
    sys.exit(run_cases("check_rl_errors.py", sys.argv, CASES, check))
