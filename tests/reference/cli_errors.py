"""What the bad-request checkers (check_*_errors.py) share: building a request from a valid one,
running the CLI on it, the refusal every case must show, and the pass/fail report.

A refusal is exit status 2, nothing on stdout and exactly one non-empty stderr line. Case files are
named caseNN.json, so a file name can never supply the field name by accident.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 30


def changed(request, changes):
    """A deep copy of `request` with fields replaced (a value of None removes the field)."""
    out = copy.deepcopy(request)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def refuse(cli, verb, workdir, number, request):
    """Runs `cli verb caseNN.json`; returns (problems, the first stderr line, the file's path)."""
    path = os.path.join(workdir, f"case{number:02d}.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(request if isinstance(request, str) else json.dumps(request))
    try:
        proc = subprocess.run([cli, verb, path], capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as e:
        return [str(e)], "", path
    lines = proc.stderr.splitlines()
    line = lines[0] if lines else ""
    problems = []
    if proc.returncode != 2:
        problems.append(f"exit status {proc.returncode}, expected 2")
    if proc.stdout:
        problems.append(f"stdout not empty: {proc.stdout.strip()[:80]!r}")
    if len(lines) != 1 or not line.strip():
        problems.append(f"expected exactly one stderr line, found {len(lines)}: {proc.stderr[:200]!r}")
    return problems, line, path


def run_cases(program, argv, cases, check):
    """`check(cli, workdir, number, case)` → (problems, line); prints one line per case and a
    summary, and returns the exit status (1 if any case failed)."""
    if len(argv) != 2:
        print(f"usage: {program} CLI_BINARY", file=sys.stderr)
        return 2
    passed = failed = 0
    with tempfile.TemporaryDirectory() as workdir:
        for number, case in enumerate(cases, 1):
            problems, line = check(argv[1], workdir, number, case)
            if problems:
                failed += 1
                print(f"FAIL {case[0]}: {line}")
                for p in problems:
                    print(f"    {p}")
            else:
                passed += 1
                print(f"ok   {case[0]}: {line}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed != len(cases) else 0
