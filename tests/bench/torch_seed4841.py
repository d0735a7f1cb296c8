#!/usr/bin/env python3
"""The textbook's 4-8-4-1 experiment (seed 001 §3.2) written the idiomatic PyTorch way, timed.

    python3 torch_seed4841.py [--epochs 1000] [--seed 42]

Prints one line: `seconds=<training loop only> loss=<final loss> acc=<train accuracy>`, or
`torch not available` with exit code 3 when PyTorch cannot be imported.

CPU, float64, two intra-op threads, nn.Sequential + BCELoss + SGD(lr 0.01) on the full batch.
The data and the He-initialised weights are drawn with NumPy exactly as numpy_seed4841.py draws them,
so both runs start from identical parameters and their final loss/accuracy agree to rounding; the
timing then compares only the frameworks. `loss` and `acc` use the final parameters.
"""

import argparse
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("torch not available")
    sys.exit(3)

import numpy as np  # after torch: a missing torch must give exit code 3 whatever else is missing


def textbook_data_and_weights(seed, sizes=(4, 8, 4, 1), n_samples=1000):
    """Same draws, same order as the listing: X, then W1, W2, W3 (randn * sqrt(2 / fan_in))."""
    np.random.seed(seed)
    X = np.random.randn(n_samples, sizes[0])
    y = (X.sum(axis=1) > 0).astype(float).reshape(-1, 1)
    weights = [np.random.randn(sizes[l + 1], sizes[l]) * np.sqrt(2.0 / sizes[l])
               for l in range(len(sizes) - 1)]
    return X, y, weights


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(2)

    X_np, y_np, weights = textbook_data_and_weights(args.seed)
    X = torch.from_numpy(X_np)
    y = torch.from_numpy(y_np)

    model = nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(),
        nn.Linear(8, 4), nn.ReLU(),
        nn.Linear(4, 1), nn.Sigmoid(),
    )
    linears = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for layer, W in zip(linears, weights):
            layer.weight.copy_(torch.from_numpy(W))  # nn.Linear stores W as out x in, like the listing
            layer.bias.zero_()

    loss_fn = nn.BCELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    start = time.perf_counter()
    for _ in range(args.epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start

    with torch.no_grad():
        y_pred = model(X)
        # The listing's loss: BCE with predictions clipped to [1e-15, 1 - 1e-15].
        p = y_pred.clamp(1e-15, 1 - 1e-15)
        final_loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean().item()
        acc = ((y_pred > 0.5).to(y.dtype) == y).to(y.dtype).mean().item()
    print(f"seconds={seconds:.6f} loss={final_loss:.10f} acc={acc:.4f}")


if __name__ == "__main__":
    main()
