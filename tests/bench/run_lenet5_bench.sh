#!/usr/bin/env bash
# LeNet-5 training steps: the engine (float64) against PyTorch CPU at float64 and float32, one
# thread each, measured in the same run; the engine also at 2 threads.
#
#   tests/bench/run_lenet5_bench.sh CLI_BINARY [STEPS]
#
# Prints each median seconds per step and ratio = PyTorch time / engine time (> 1: the engine is
# faster). The issue's targets: ≥ 4 at the same precision, > 1 against PyTorch's float32.
set -euo pipefail
[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: $0 CLI_BINARY [STEPS]" >&2; exit 2; }
CLI=$1
STEPS=${2:-200}
PYTHON=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$PYTHON" -c "import torch" 2>/dev/null || { echo "error: $PYTHON cannot import torch (apt install python3-torch)" >&2; exit 2; }

ours1=$("$CLI" bench lenet5 --steps "$STEPS" --threads 1 | tail -1)
ours2=$("$CLI" bench lenet5 --steps "$STEPS" --threads 2 | tail -1)
torch_out=$("$PYTHON" "$HERE/torch_lenet5.py" "$STEPS")
value() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2" | head -1; }
e1=$(value seconds_per_step "$ours1")
e2=$(value seconds_per_step "$ours2")
t64=$(value seconds_per_step "$(grep float64 <<<"$torch_out")")
t32=$(value seconds_per_step "$(grep float32 <<<"$torch_out")")
echo "engine float64, 1 thread:  seconds_per_step=$e1"
echo "engine float64, 2 threads: seconds_per_step=$e2"
echo "pytorch float64, 1 thread: seconds_per_step=$t64"
echo "pytorch float32, 1 thread: seconds_per_step=$t32"
awk -v e="$e1" -v a="$t64" -v b="$t32" 'BEGIN {
    printf "ratio_vs_torch_f64=%.2f (target >= 4)\n", a / e
    printf "ratio_vs_torch_f32=%.2f (target > 1)\n", b / e }'
