#!/usr/bin/env bash
# Benchmark the core against the textbook's NumPy code and PyTorch on the seed-4841 experiment
# (seed 001 §3.2: 4-8-4-1, 1000 samples, full batch, lr 0.01, 1000 epochs).
#
#   tests/bench/run_benchmarks.sh CLI_BINARY [RUNS]
#
# Every implementation prints a last line `seconds=<training time> loss=<final loss> acc=<accuracy>`.
# Each is run RUNS times (default 5), interleaved round by round so that a slow phase of the machine
# hits all of them alike, and the medians are compared. The headline ratios use that in-process
# training time; the wall time of the whole process (start-up, imports, data, training, output) is
# shown next to it for reference.
#
# Environment:
#   PYTHON        interpreter for the Python baselines (default: the first python3 that has NumPy)
#   NUMPY_TARGET  required speed-up over NumPy, shown next to the measured one (default 15)
#   TORCH_TARGET  required speed-up over PyTorch (default: none shown)
set -euo pipefail

usage() { echo "usage: $0 CLI_BINARY [RUNS]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
CLI=$1
RUNS=${2:-5}
EPOCHS=1000
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || usage
command -v "$CLI" >/dev/null || { echo "error: $CLI is not an executable" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A bare `python3` may be a separate install (pyenv, venv) without NumPy; prefer one that has it.
if [[ -z ${PYTHON:-} ]]; then
    for candidate in python3 /usr/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import numpy" 2>/dev/null; then
            PYTHON=$candidate
            break
        fi
    done
fi
[[ -n ${PYTHON:-} ]] || { echo "error: no python3 with NumPy found (set PYTHON)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# run_one NAME COMMAND...: run once, append the `seconds=… loss=… acc=…` values and the wall time of
# the whole process to $WORK/NAME.
run_one() {
    local name=$1
    shift
    local out line start end
    start=$EPOCHREALTIME
    if ! out=$("$@" 2>"$WORK/stderr"); then
        echo "error: '$*' failed:" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    end=$EPOCHREALTIME
    line=$(printf '%s\n' "$out" | grep -E '^seconds=' | tail -n 1 || true)
    if [[ ! $line =~ ^seconds=([^[:space:]]+)\ loss=([^[:space:]]+)\ acc=([^[:space:]]+) ]]; then
        echo "error: '$*' printed no 'seconds=… loss=… acc=…' line" >&2
        exit 1
    fi
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]} ${start/,/.} ${end/,/.}" >>"$WORK/$name"
}

# PyTorch is optional: its script exits with 3 when torch cannot be imported.
HAVE_TORCH=1
if "$PYTHON" "$HERE/torch_seed4841.py" --epochs 1 >/dev/null 2>&1; then :; else
    status=$?
    if [[ $status -eq 3 ]]; then
        HAVE_TORCH=0
        echo "note: torch not available for $PYTHON, skipping the PyTorch baseline" >&2
    else
        echo "error: torch_seed4841.py failed (exit $status)" >&2
        exit 1
    fi
fi

CORE=(train --preset seed-4841 --epochs "$EPOCHS")
for ((run = 1; run <= RUNS; run++)); do
    echo "round $run/$RUNS" >&2
    run_one core "$CLI" "${CORE[@]}"
    run_one numpy "$PYTHON" "$HERE/numpy_seed4841.py" --epochs "$EPOCHS"
    if [[ $HAVE_TORCH -eq 1 ]]; then
        run_one torch "$PYTHON" "$HERE/torch_seed4841.py" --epochs "$EPOCHS"
    fi
    run_one core_t1 "$CLI" "${CORE[@]}" --threads 1
    run_one core_t2 "$CLI" "${CORE[@]}" --threads 2
done

"$PYTHON" - "$WORK" "$RUNS" "$EPOCHS" "${NUMPY_TARGET:-15}" "${TORCH_TARGET:-}" <<'PY'
import os
import statistics
import sys

work, runs, epochs, numpy_target, torch_target = sys.argv[1:]


def load(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return None
    rows = [line.split() for line in open(path) if line.strip()]
    seconds = statistics.median(float(r[0]) for r in rows)
    process = statistics.median(float(r[4]) - float(r[3]) for r in rows)
    # loss/acc should not depend on the run; flag it if they do instead of hiding it.
    varies = len({(r[1], r[2]) for r in rows}) > 1
    return seconds, rows[-1][1], rows[-1][2], varies, process


def row(label, result):
    seconds, loss, acc, varies, process = result
    note = "  (loss/acc differ between runs)" if varies else ""
    print(f"  {label:<22} {seconds:>10.4f}  {loss:>14}  {acc:>7}  {process:>9.3f}{note}")


def ratio(slow, fast):
    return slow / fast if fast > 0 else float("inf")


def speedup(label, baseline, core, target):
    if baseline is None:
        print(f"  speedup vs {label}: skipped (not available)")
        return
    r = ratio(baseline[0], core[0])
    goal = ""
    if target:
        goal = f" (target >= {float(target):g}x{'' if r >= float(target) else ', NOT MET'})"
    print(f"  speedup vs {label}: {r:.1f}x{goal}")


core, numpy_, torch_ = load("core"), load("numpy"), load("torch")
t1, t2 = load("core_t1"), load("core_t2")

print(f"seed-4841: 4-8-4-1, 1000 samples, full batch, lr 0.01, {epochs} epochs; median of {runs} run(s)")
print()
print(f"  {'implementation':<22} {'seconds':>10}  {'loss':>14}  {'acc':>7}  {'process s':>9}")
row("core (default threads)", core)
row("numpy", numpy_)
if torch_ is not None:
    row("torch (2 threads)", torch_)
else:
    print(f"  {'torch':<22} {'skipped (not available)':>10}")
print()
speedup("numpy", numpy_, core, numpy_target)
speedup("torch", torch_, core, torch_target)
print()
print("core thread scaling")
row("core --threads 1", t1)
row("core --threads 2", t2)
print(f"  2 threads vs 1: {ratio(t1[0], t2[0]):.2f}x")
for label, run in (("--threads 1", t1), ("--threads 2", t2)):
    against = [f"numpy {ratio(numpy_[0], run[0]):.1f}x"]
    if torch_ is not None:
        against.append(f"torch {ratio(torch_[0], run[0]):.1f}x")
    print(f"  speedup of core {label}: " + ", ".join(against))
print()
print("seconds: the training loop, timed inside each process (the headline ratios);")
print("process s: wall time of the whole process, start-up and imports included.")
PY
