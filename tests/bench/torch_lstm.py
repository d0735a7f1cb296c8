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

from torch_timing import main

BATCH, LENGTH, INPUT, HIDDEN = 32, 50, 32, 64


def make_step(torch, dtype):
    lstm = torch.nn.LSTM(INPUT, HIDDEN, batch_first=True).to(dtype)
    x = torch.randn(BATCH, LENGTH, INPUT, dtype=dtype)

    def step():
        lstm.zero_grad(set_to_none=True)
        h, _ = lstm(x)
        total = h.sum()
        total.backward()
        return total.item()

    return step

if __name__ == "__main__":
    main(__doc__, make_step, "sum_h")
