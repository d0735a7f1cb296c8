"""The timing loop and command line the PyTorch baselines (torch_CASE.py) share.

A baseline module defines `make_step(torch, dtype)` returning a function that runs one step and
returns a float (the loss or an output sum, printed as a sanity figure), and calls
`main(__doc__, make_step, "loss")`. Options: --steps 20 --warmup 5 --threads 1
--dtype float64|float32|both --seed 7. For each dtype it runs WARMUP untimed steps, then STEPS
steps timed one by one with perf_counter, and prints
    dtype=float64 threads=1 steps=20 seconds_per_step=<median> mean_seconds_per_step=<mean> NAME=<last>
Exit code 3 with `torch not available` when PyTorch cannot be imported.
"""

import argparse
import statistics
import sys
import time


def import_torch():
    try:
        import torch
    except ImportError:
        print("torch not available")
        sys.exit(3)
    return torch


def time_steps(step, steps, warmup):
    for _ in range(warmup):
        step()
    times = []
    value = None
    for _ in range(steps):
        start = time.perf_counter()
        value = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), statistics.fmean(times), value


def main(doc, make_step, value_name):
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dtype", choices=("float64", "float32", "both"), default="both")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.steps < 1 or args.warmup < 0 or args.threads < 1:
        parser.error("--steps and --threads must be at least 1, --warmup at least 0")

    torch = import_torch()
    torch.set_num_threads(args.threads)
    dtypes = ("float64", "float32") if args.dtype == "both" else (args.dtype,)
    for name in dtypes:
        torch.manual_seed(args.seed)
        step = make_step(torch, getattr(torch, name))
        median, mean, value = time_steps(step, args.steps, args.warmup)
        print(f"dtype={name} threads={torch.get_num_threads()} steps={args.steps} "
              f"seconds_per_step={median:.9f} mean_seconds_per_step={mean:.9f} {value_name}={value:.9f}")
