#!/usr/bin/env python3
"""`neuralscope-cli bench lstm`'s step written the idiomatic PyTorch way, timed.

    python3 torch_lstm.py [--steps 20] [--warmup 5] [--threads 1] [--dtype float64|float32|both]

The same step as the CLI: one torch.nn.LSTM layer (input 32, hidden 64, batch_first) on a fixed
batch of 32 standard-normal sequences of 50 steps; forward, then backward of the sum of every
step's hidden state (`lstm(x)[0].sum().backward()`) to the weights (x needs no gradient, as in the
CLI). CPU, `torch.set_num_threads(THREADS)` (default 1).

For each dtype: WARMUP untimed steps, then STEPS steps timed one by one with perf_counter; prints
    dtype=float64 threads=1 steps=20 seconds_per_step=<median> mean_seconds_per_step=<mean> sum_h=<last>
Exit code 3 with `torch not available` when PyTorch cannot be imported. The weights are PyTorch's
initialisation from a fixed seed, not the CLI's, so sum_h is alike in size but not equal.
"""

import argparse
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("torch not available")
    sys.exit(3)

BATCH, LENGTH, INPUT, HIDDEN = 32, 50, 32, 64


def bench(dtype, steps, warmup, seed):
    torch.manual_seed(seed)
    lstm = nn.LSTM(INPUT, HIDDEN, batch_first=True).to(dtype)
    x = torch.randn(BATCH, LENGTH, INPUT, dtype=dtype)

    def step():
        lstm.zero_grad(set_to_none=True)
        h, _ = lstm(x)
        total = h.sum()
        total.backward()
        return total

    for _ in range(warmup):
        step()
    times = []
    total = None
    for _ in range(steps):
        start = time.perf_counter()
        total = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), statistics.fmean(times), total.item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dtype", choices=("float64", "float32", "both"), default="both")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.steps < 1 or args.warmup < 0 or args.threads < 1:
        parser.error("--steps and --threads must be at least 1, --warmup at least 0")

    torch.set_num_threads(args.threads)
    dtypes = ("float64", "float32") if args.dtype == "both" else (args.dtype,)
    for name in dtypes:
        median, mean, total = bench(getattr(torch, name), args.steps, args.warmup, args.seed)
        print(f"dtype={name} threads={torch.get_num_threads()} steps={args.steps} "
              f"seconds_per_step={median:.9f} mean_seconds_per_step={mean:.9f} sum_h={total:.9f}")


if __name__ == "__main__":
    main()
