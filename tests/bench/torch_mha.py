#!/usr/bin/env python3
"""`neuralscope-cli bench mha`'s step written the idiomatic PyTorch way, timed.

    python3 torch_mha.py [--steps 20] [--warmup 5] [--threads 1] [--dtype float64|float32|both]

The layer, the batch and the step are the CLI's: multi-head self-attention (seed 001 eqs. 81–83)
with d_model 64 and 4 heads, `nn.MultiheadAttention(64, 4, bias=False, batch_first=True)` (no
biases, as the engine's W_Q, W_K, W_V, W_O), on one fixed batch of 8 standard-normal sequences of
64 positions. One step is zero_grad, the forward pass keeping every head's weights
(need_weights=True, average_attn_weights=False), and the backward pass of the output's sum to the
parameters. CPU, `torch.set_num_threads(THREADS)` (default 1).

For each dtype: WARMUP untimed steps, then STEPS steps timed one by one with perf_counter; prints
    dtype=float64 threads=1 steps=20 seconds_per_step=<median> mean_seconds_per_step=<mean> output_sum=<last>
(seconds_per_step is the median step). Exit code 3 with `torch not available` when PyTorch cannot
be imported. The weights are PyTorch's default initialisation from a fixed seed, not the CLI's, so
the output sums differ; only the times are compared.
"""

from torch_timing import main

BATCH = 8
SEQUENCE = 64
D_MODEL = 64
HEADS = 4


def make_step(torch, dtype):
    mha = torch.nn.MultiheadAttention(D_MODEL, HEADS, bias=False, batch_first=True).to(dtype)
    x = torch.randn(BATCH, SEQUENCE, D_MODEL, dtype=dtype)

    def step():
        mha.zero_grad(set_to_none=True)
        out, _ = mha(x, x, x, need_weights=True, average_attn_weights=False)
        out.sum().backward()
        return out.sum().item()

    return step

if __name__ == "__main__":
    main(__doc__, make_step, "output_sum")
