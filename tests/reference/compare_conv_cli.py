#!/usr/bin/env python3
"""Compare `CLI_BINARY conv|pool CASE.json` with conv_reference.py on every case in a directory.

    python3 compare_conv_cli.py CLI_BINARY CASE_DIR

The verb comes from the file name (`conv_….json`, `pool_….json`; make_conv_cases.py writes them).
Every number of the reference answer must be matched by the CLI within
|cli − ref| ≤ 1e-12 · max(1, |ref|), and whole numbers (params) exactly. The gradient fields must
be there exactly when the request has grad_output. Cases of conv_textbook.py are also held, CLI and
reference both, to the hand-computed numbers written there. Prints one line per case and a final
`N passed, N failed` line; exits 1 if any case fails, the CLI exits non-zero, prints invalid JSON
(NaN/Infinity included), or no case is found.
"""

import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conv_reference  # noqa: E402
from compare_trace import _is_number, run_json  # noqa: E402  (the same CLI runner as the trace comparison)
from conv_textbook import CASES as TEXTBOOK  # noqa: E402

TOLERANCE = 1e-12
MAX_REPORTED = 5  # mismatches listed per failing case
GRADIENTS = {"conv": ("grad_input", "grad_kernel", "grad_bias"), "pool": ("grad_input",)}


def compare(ref, got, path, out, label="cli"):
    """Append 'path: reason' strings to out for every mismatch between ref and got."""
    if isinstance(ref, int) and not isinstance(ref, bool) and path.endswith("params"):
        if not (isinstance(got, int) and not isinstance(got, bool)) or got != ref:
            out.append(f"{path}: {label}={got!r} ref={ref!r} (a whole number, exactly)")
    elif _is_number(ref):
        if not _is_number(got):
            out.append(f"{path}: expected a number, {label} has {type(got).__name__}")
        elif not math.isfinite(got) or abs(got - ref) > TOLERANCE * max(1.0, abs(ref)):
            out.append(f"{path}: {label}={got!r} ref={ref!r} diff={abs(got - ref):.3g}")
    elif isinstance(ref, list):
        if not isinstance(got, list) or len(got) != len(ref):
            size = len(got) if isinstance(got, list) else type(got).__name__
            out.append(f"{path}: expected {len(ref)} entries, {label} has {size}")
            return
        for i, (r, g) in enumerate(zip(ref, got)):
            compare(r, g, f"{path}[{i}]", out, label)
    elif isinstance(ref, dict):
        if not isinstance(got, dict):
            out.append(f"{path}: expected an object")
            return
        for key, r in ref.items():
            if key not in got:
                out.append(f"{path}.{key}: missing in {label}")
            else:
                compare(r, got[key], f"{path}.{key}", out, label)
    elif ref != got:
        out.append(f"{path}: {label}={got!r} ref={ref!r}")


def check_case(cli, case_dir, name):
    """The list of problems of one case (empty: it passed) and the number of values compared."""
    verb = name.split("_", 1)[0]
    if verb not in GRADIENTS:
        return [f"case name must start with conv_ or pool_"], 0
    path = os.path.join(case_dir, name)
    with open(path, encoding="utf-8") as f:
        request = json.load(f)
    problems = []
    try:
        ref = conv_reference.run_conv(request) if verb == "conv" else conv_reference.run_pool(request)
    except Exception as e:  # noqa: BLE001 - any failure of the reference is a failed case
        return [f"reference: {type(e).__name__}: {e}"], 0
    got, err = run_json([cli, verb, path])
    if err:
        return [f"cli: {err}"], 0
    compare(ref, got, "$", problems)
    with_grad = "grad_output" in request
    for key in GRADIENTS[verb]:
        if not with_grad and key in got:
            problems.append(f"$.{key}: present although the request has no grad_output")
    stem = name[:-len(".json")]
    if stem in TEXTBOOK:
        expected = TEXTBOOK[stem][1]
        if set(expected) != set(ref):
            problems.append(f"textbook: fields {sorted(expected)} but the reference gives {sorted(ref)}")
        compare(expected, ref, "$", problems, label="reference-vs-hand")
        compare(expected, got, "$", problems, label="cli-vs-hand")
    count = sum(np.asarray(v).size for v in ref.values())
    return problems, count


def compare_case_dir(program, argv, check_case, tolerance=TOLERANCE):
    """The case-directory loop the CLI comparisons share: `check_case(cli, case_dir, name)` →
    (problems, values compared) for every *.json in CASE_DIR; one line per case, a summary, and
    the exit status (1 if any case fails or none is found)."""
    if len(argv) != 3:
        print(f"usage: {program} CLI_BINARY CASE_DIR", file=sys.stderr)
        return 2
    cli, case_dir = argv[1], argv[2]
    try:
        cases = sorted(f for f in os.listdir(case_dir) if f.endswith(".json"))
    except OSError as e:
        print(f"{program}: {e}", file=sys.stderr)
        return 1
    if not cases:
        print(f"{program}: no *.json cases in {case_dir}", file=sys.stderr)
        return 1

    passed = failed = values = 0
    for name in cases:
        problems, count = check_case(cli, case_dir, name)
        values += count
        if problems:
            failed += 1
            shown = problems[:MAX_REPORTED]
            print(f"FAIL {name}: {len(problems)} problem(s)")
            for p in shown:
                print(f"    {p}")
            if len(problems) > len(shown):
                print(f"    ... and {len(problems) - len(shown)} more")
        else:
            passed += 1
            print(f"ok   {name} ({count} values)")
    print(f"{values} values compared at tolerance {tolerance:g}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(compare_case_dir("compare_conv_cli.py", sys.argv, check_case))
