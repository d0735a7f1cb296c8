#!/usr/bin/env bash
# Benchmark one step of a `neuralscope-cli bench CASE` case (lenet5: a LeNet-5 training step;
# lstm: an LSTM's forward and backward through time; mha: multi-head self-attention forward and backward)
# against the same step in PyTorch CPU on one thread (torch_CASE.py), float64 and float32, timed in the same run.
#
#   tests/bench/run_torch_bench.sh CASE CLI_BINARY [RUNS] [STEPS]
#
# Each round runs `CLI bench CASE --threads 1 --steps STEPS`, then torch_CASE.py (one process,
# float64 then float32, 5 warm-up steps, median of STEPS timed steps, torch.set_num_threads(1)),
# then `CLI bench CASE --threads 2`, once as it is and once with OMP_WAIT_POLICY=passive (OpenMP
# threads that sleep at once instead of spinning while they wait: on a machine whose cores are busy
# with other work a spinning thread can hold up every one of a step's parallel regions); RUNS rounds (default 5, STEPS default 20) are interleaved so
# that a slow phase of the machine hits all of them alike, and the medians over the rounds are
# compared. The CLI's seconds_per_step is the mean of its STEPS steps after one warm-up step.
#
# Prints a table, then
#   ratio_vs_torch_f64=<torch float64 s/step ÷ ours, 1 thread>   (> 1: the engine is faster)
#   ratio_vs_torch_f32=<torch float32 s/step ÷ ours, 1 thread>
#   threads2 seconds_per_step=… speedup_vs_threads1=… ratio_vs_torch_f64=… ratio_vs_torch_f32=…
#   threads2_passive …                 (the same, with OMP_WAIT_POLICY=passive)
# The ratios read n/a when PyTorch cannot be imported (the engine is still timed).
#
# Environment: PYTHON, the interpreter with PyTorch (default: the first python3 that imports torch).
set -euo pipefail

usage() { echo "usage: $0 CASE CLI_BINARY [RUNS] [STEPS]" >&2; exit 2; }
[[ $# -ge 2 && $# -le 4 ]] || usage
CASE=$1
CLI=$2
RUNS=${3:-5}
STEPS=${4:-20}
[[ $RUNS =~ ^[1-9][0-9]*$ && $STEPS =~ ^[1-9][0-9]*$ ]] || usage
command -v "$CLI" >/dev/null || { echo "error: $CLI is not an executable" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TORCH_SCRIPT=$HERE/torch_$CASE.py
[[ $CASE =~ ^[a-z0-9_]+$ && -f $TORCH_SCRIPT ]] || { echo "error: no PyTorch baseline $TORCH_SCRIPT for case '$CASE'" >&2; exit 2; }

# A bare `python3` may be a separate install (pyenv, venv) without torch; prefer one that has it.
if [[ -z ${PYTHON:-} ]]; then
    for candidate in python3 /usr/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import torch" 2>/dev/null; then
            PYTHON=$candidate
            break
        fi
    done
    PYTHON=${PYTHON:-python3}
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# ours NAME THREADS [VAR=VALUE…]: one CLI run in that environment; appends "seconds_per_step value"
# to $WORK/NAME.
ours() {
    local name=$1 threads=$2 out line
    shift 2
    if ! out=$(env "$@" "$CLI" bench "$CASE" --steps "$STEPS" --threads "$threads" 2>"$WORK/stderr"); then
        echo "error: '$CLI bench $CASE --threads $threads' failed:" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    line=$(printf '%s\n' "$out" | tail -n 1)
    # The last line: seconds_per_step=… and one checked quantity (loss=… or sum_h=…).
    if [[ ! $line =~ ^seconds_per_step=([^[:space:]]+)\ [a-z_]+=([^[:space:]]+)$ ]]; then
        echo "error: '$CLI bench $CASE' did not end with 'seconds_per_step=… NAME=…'" >&2
        exit 1
    fi
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}" >>"$WORK/$name"
}

# torch_run: one torch_CASE.py run; appends "seconds_per_step loss" to $WORK/torch_float64, …_float32.
torch_run() {
    local out line
    if ! out=$("$PYTHON" "$TORCH_SCRIPT" --steps "$STEPS" --threads 1 2>"$WORK/stderr"); then
        echo "error: $(basename "$TORCH_SCRIPT") failed:" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    while read -r line; do
        if [[ $line =~ ^dtype=([a-z0-9]+)\ .*\ seconds_per_step=([^[:space:]]+)\ .*\ [a-z_]+=([^[:space:]]+)$ ]]; then
            echo "${BASH_REMATCH[2]} ${BASH_REMATCH[3]}" >>"$WORK/torch_${BASH_REMATCH[1]}"
        fi
    done <<<"$out"
}

# PyTorch is optional: its script exits with 3 when torch cannot be imported.
HAVE_TORCH=1
if "$PYTHON" "$TORCH_SCRIPT" --steps 1 --warmup 0 >/dev/null 2>&1; then :; else
    status=$?
    if [[ $status -eq 3 ]]; then
        HAVE_TORCH=0
        echo "note: torch not available for $PYTHON, skipping the PyTorch baseline" >&2
    else
        echo "error: $(basename "$TORCH_SCRIPT") failed (exit $status)" >&2
        exit 1
    fi
fi

for ((run = 1; run <= RUNS; run++)); do
    echo "round $run/$RUNS" >&2
    ours ours_t1 1
    [[ $HAVE_TORCH -eq 1 ]] && torch_run
    ours ours_t2 2
    ours ours_t2_passive 2 OMP_WAIT_POLICY=passive
done

"$PYTHON" - "$CASE" "$WORK" "$RUNS" "$STEPS" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" <<'PY'
import os
import statistics
import sys

case, work, runs, steps, load = sys.argv[1:]
descriptions = {
    "lenet5": "LeNet-5 training step: batch 32, softmax CE, SGD 0.01",
    "lstm": "LSTM input 32, hidden 64, batch 32 × 50 steps: forward + backward of the sum of h_t",
    "mha": "multi-head self-attention d_model 64, 4 heads, batch 8 × 64 positions: forward + backward of the output's sum",
}


def load_rows(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return None
    rows = [line.split() for line in open(path) if line.strip()]
    return statistics.median(float(r[0]) for r in rows), rows[-1][1], min(float(r[0]) for r in rows)


def ratio(baseline, ours):
    return "n/a" if baseline is None else f"{baseline[0] / ours[0]:.2f}"


t1, t2, t2p = load_rows("ours_t1"), load_rows("ours_t2"), load_rows("ours_t2_passive")
f64, f32 = load_rows("torch_float64"), load_rows("torch_float32")
print(f"{case}: {descriptions.get(case, case)}; {steps} timed steps per run; median of {runs} run(s); "
      f"load average at the end {load}")
print()
print(f"  {'implementation':<30} {'s/step (median)':>15}  {'fastest run':>11}  {'check':>12}")
for label, result in (("ours float64 --threads 1", t1), ("ours float64 --threads 2", t2),
                      ("ours --threads 2, passive wait", t2p),
                      ("torch float64, 1 thread", f64), ("torch float32, 1 thread", f32)):
    if result is None:
        print(f"  {label:<30} {'skipped (torch not available)':>15}")
    else:
        print(f"  {label:<30} {result[0]:>15.6f}  {result[2]:>11.6f}  {result[1]:>12}")
print()
print(f"ratio_vs_torch_f64={ratio(f64, t1)}")
print(f"ratio_vs_torch_f32={ratio(f32, t1)}")
print(f"threads2 seconds_per_step={t2[0]:.6f} speedup_vs_threads1={t1[0] / t2[0]:.2f} "
      f"ratio_vs_torch_f64={ratio(f64, t2)} ratio_vs_torch_f32={ratio(f32, t2)}")
print(f"threads2_passive seconds_per_step={t2p[0]:.6f} speedup_vs_threads1={t1[0] / t2p[0]:.2f} "
      f"ratio_vs_torch_f64={ratio(f64, t2p)} ratio_vs_torch_f32={ratio(f32, t2p)}")
print()
print("ratio = torch seconds per step / ours (> 1: ours is faster); ours is float64 throughout.")
PY
