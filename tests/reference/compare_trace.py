#!/usr/bin/env python3
"""Compare `CLI_BINARY trace CASE.json` with trace_reference.py on every case in a directory.

    python3 compare_trace.py CLI_BINARY CASE_DIR

Every number of the reference output must be matched by the CLI within
|cli - ref| <= 1e-6 * max(1, |ref|). Keys the reference does not produce are ignored, so the CLI
may add fields. Prints one line per case and a final `N passed, N failed` line; exits 1 if any case
fails, the CLI exits non-zero, prints invalid JSON (NaN/Infinity included), or no case is found.
"""

import json
import math
import os
import subprocess
import sys

TOLERANCE = 1e-6
TIMEOUT_SECONDS = 60
MAX_REPORTED = 5  # mismatches listed per failing case
REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trace_reference.py")


def _reject_constant(name):
    raise ValueError(f"non-finite number {name}")


def run_json(cmd):
    """Run cmd, return (parsed JSON, None) or (None, error text)."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    if proc.returncode != 0:
        err = proc.stderr.strip().splitlines()
        return None, f"exit code {proc.returncode}" + (f": {err[-1]}" if err else "")
    try:
        # parse_constant: Python's json accepts NaN/Infinity, which are not JSON.
        return json.loads(proc.stdout, parse_constant=_reject_constant), None
    except ValueError as e:
        return None, f"invalid JSON: {e}"


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def compare(ref, got, path, out):
    """Append 'path: reason' strings to out for every mismatch between ref and got."""
    if _is_number(ref):
        if not _is_number(got):
            out.append(f"{path}: expected a number, got {type(got).__name__}")
        elif not math.isfinite(got) or abs(got - ref) > TOLERANCE * max(1.0, abs(ref)):
            out.append(f"{path}: cli={got!r} ref={ref!r} diff={abs(got - ref):.3g}")
    elif isinstance(ref, list):
        if not isinstance(got, list) or len(got) != len(ref):
            size = len(got) if isinstance(got, list) else type(got).__name__
            out.append(f"{path}: expected {len(ref)} entries, got {size}")
            return
        for i, (r, g) in enumerate(zip(ref, got)):
            compare(r, g, f"{path}[{i}]", out)
    elif isinstance(ref, dict):
        if not isinstance(got, dict):
            out.append(f"{path}: expected an object")
            return
        for key, r in ref.items():
            if key not in got:
                out.append(f"{path}.{key}: missing")
            else:
                compare(r, got[key], f"{path}.{key}", out)
    elif ref != got:
        out.append(f"{path}: cli={got!r} ref={ref!r}")


def main(argv):
    if len(argv) != 3:
        print("usage: compare_trace.py CLI_BINARY CASE_DIR", file=sys.stderr)
        return 2
    cli, case_dir = argv[1], argv[2]
    try:
        cases = sorted(f for f in os.listdir(case_dir) if f.endswith(".json"))
    except OSError as e:
        print(f"compare_trace: {e}", file=sys.stderr)
        return 1
    if not cases:
        print(f"compare_trace: no *.json cases in {case_dir}", file=sys.stderr)
        return 1

    passed = failed = 0
    for name in cases:
        path = os.path.join(case_dir, name)
        ref, ref_err = run_json([sys.executable, REFERENCE, path])
        got, cli_err = run_json([cli, "trace", path])
        problems = []
        if ref_err:
            problems.append(f"reference: {ref_err}")
        if cli_err:
            problems.append(f"cli: {cli_err}")
        if not problems:
            compare(ref, got, "$", problems)
        if problems:
            failed += 1
            shown = problems[:MAX_REPORTED]
            more = len(problems) - len(shown)
            print(f"FAIL {name}: {len(problems)} problem(s)")
            for p in shown:
                print(f"    {p}")
            if more:
                print(f"    ... and {more} more")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
