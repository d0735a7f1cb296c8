"""The LeNet-5 training step of `neuralscope-cli bench lenet5` in PyTorch CPU, one thread:
Conv2d(1→6, 5×5, padding 2), ReLU, MaxPool 2, Conv2d(6→16, 5×5), ReLU, MaxPool 2, Flatten,
Dense 400→120, ReLU, 120→84, ReLU, 84→10, softmax cross-entropy, SGD η = 0.01, a batch of 32
random 1×28×28 inputs. Prints `dtype=… seconds_per_step=… loss=…` for float64 and float32
(median of the timed steps after a warm-up).

usage: torch_lenet5.py [STEPS]
"""
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200

for dtype in (torch.float64, torch.float32):
    torch.manual_seed(1)
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 6, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(6, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(400, 120), torch.nn.ReLU(), torch.nn.Linear(120, 84), torch.nn.ReLU(),
        torch.nn.Linear(84, 10)).to(dtype)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    x = torch.rand(32, 1, 28, 28, dtype=dtype)
    y = torch.randint(0, 10, (32,))
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for i in range(steps + 20):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
        if i >= 20:
            times.append(time.perf_counter() - t0)
    name = "float64" if dtype == torch.float64 else "float32"
    print(f"dtype={name} seconds_per_step={statistics.median(times):.6g} loss={loss.item():.6g}")
