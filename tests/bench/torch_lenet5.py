#!/usr/bin/env python3
"""`neuralscope-cli bench lenet5`'s training step written the idiomatic PyTorch way, timed.

    python3 torch_lenet5.py [--steps 20] [--warmup 5] [--threads 1] [--dtype float64|float32|both]

The network, the batch and the update are the CLI's: Conv2d(1→6, 5×5, padding 2), ReLU,
MaxPool 2×2, Conv2d(6→16, 5×5), ReLU, MaxPool 2×2, Flatten, Linear 400→120, ReLU, 120→84, ReLU,
84→10, softmax cross-entropy (batch mean), plain SGD with η = 0.01, on one fixed batch of 32
uniform [0, 1) 1×28×28 inputs with random labels. One step is zero_grad, forward, loss, backward,
optimizer step. CPU, `torch.set_num_threads(THREADS)` (default 1).

For each dtype: WARMUP untimed steps, then STEPS steps timed one by one with perf_counter; prints
    dtype=float64 threads=1 steps=20 seconds_per_step=<median> mean_seconds_per_step=<mean> loss=<last>
(seconds_per_step is the median step). Exit code 3 with `torch not available` when PyTorch cannot
be imported. The weights are PyTorch's default initialisation from a fixed seed, not the CLI's, so
the losses are alike in size but not equal; only the times are compared.
"""

from torch_timing import main

BATCH = 32
CLASSES = 10
LEARNING_RATE = 0.01


def make_step(torch, dtype):
    nn = torch.nn
    model = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, CLASSES),
    ).to(dtype)
    x = torch.rand(BATCH, 1, 28, 28, dtype=dtype)
    y = torch.randint(0, CLASSES, (BATCH,))
    loss_fn = nn.CrossEntropyLoss()  # log-softmax + NLL, mean over the batch
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    return step

if __name__ == "__main__":
    main(__doc__, make_step, "loss")
