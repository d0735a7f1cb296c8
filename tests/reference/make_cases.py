#!/usr/bin/env python3
"""Write the trace comparison cases: `python3 make_cases.py OUTDIR`.

Each case is one JSON input for `neuralscope-cli trace` / trace_reference.py. The set covers every
activation (as a hidden and as an output layer), every loss, batch sizes 1 and 5, and the textbook's
own 4-8-4-1 network (§3.2). A fixed seed makes the files identical on every run, so a failing case
name is stable and can be reproduced by hand.
"""

import json
import math
import os
import sys

import numpy as np

SEED = 4841
HIDDEN = ("identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu")


def he_weights(rng, sizes):
    # He initialisation as in §3.2: randn * sqrt(2 / fan_in), W is fan_out x fan_in.
    return [rng.standard_normal((sizes[l + 1], sizes[l])) * math.sqrt(2.0 / sizes[l])
            for l in range(len(sizes) - 1)]


def targets(rng, loss, output, batch, k):
    if loss == "ce" or (loss == "bce" and output == "softmax"):
        return np.eye(k)[rng.integers(0, k, batch)]          # one-hot classes
    if loss == "bce":
        return rng.integers(0, 2, (batch, k)).astype(float)  # 0/1 labels
    return rng.standard_normal((batch, k))                   # regression targets


def make_case(rng, sizes, acts, loss, batch, zero_bias=False, input_scale=1.0):
    W = he_weights(rng, sizes)
    # Non-zero biases by default: with zero biases a dead ReLU layer makes the next z exactly 0,
    # which is well defined (derivative 0) but tests nothing beyond the textbook case below.
    b = [np.zeros(n) if zero_bias else 0.1 * rng.standard_normal(n) for n in sizes[1:]]
    x = input_scale * rng.standard_normal((batch, sizes[0]))
    y = targets(rng, loss, acts[-1], batch, sizes[-1])
    return {
        "sizes": list(sizes),
        "activations": list(acts),
        "loss": loss,
        "weights": [w.tolist() for w in W],
        "biases": [v.tolist() for v in b],
        "inputs": x.tolist(),
        "targets": y.tolist(),
    }


def all_cases(rng):
    cases = {}

    # The textbook network: 4 -> 8 ReLU -> 4 ReLU -> 1 sigmoid, BCE, zero biases, y = [sum(x) > 0].
    for batch in (1, 5):
        c = make_case(rng, [4, 8, 4, 1], ["relu", "relu", "sigmoid"], "bce", batch, zero_bias=True)
        c["targets"] = [[1.0 if sum(row) > 0 else 0.0] for row in c["inputs"]]
        cases[f"textbook_4841_b{batch}"] = c

    # Every element-wise activation in the hidden layers (identity output), the regression losses
    # and the batch sizes taking turns.
    for i, act in enumerate(HIDDEN):
        loss = ("mse", "mae", "huber")[i % 3]
        batch = (1, 5)[i % 2]
        cases[f"hidden_{act}_{loss}_b{batch}"] = make_case(
            rng, [3, 5, 4, 2], [act, act, "identity"], loss, batch)

    # Every element-wise activation as the output layer (mixed hidden layers).
    for i, act in enumerate(HIDDEN):
        hidden = [HIDDEN[(i + 3) % len(HIDDEN)], HIDDEN[(i + 5) % len(HIDDEN)]]
        loss = ("huber", "mse", "mae")[i % 3]
        batch = (5, 1)[i % 2]
        cases[f"output_{act}_{loss}_b{batch}"] = make_case(
            rng, [3, 5, 4, 2], hidden + [act], loss, batch)

    # Huber with residuals on both sides of delta = 1 (larger inputs push |a - y| past 1).
    cases["huber_both_branches_b5"] = make_case(
        rng, [4, 8, 4, 1], ["tanh", "relu", "identity"], "huber", 5, input_scale=3.0)

    # Classification heads.
    for batch in (1, 5):
        cases[f"softmax_ce_b{batch}"] = make_case(rng, [3, 5, 4, 3], ["relu", "tanh", "softmax"], "ce", batch)
        cases[f"sigmoid_bce_b{batch}"] = make_case(rng, [3, 5, 4, 2], ["gelu", "elu", "sigmoid"], "bce", batch)
    # Non-fused pairings take the general chain-rule path (g times the activation Jacobian).
    cases["softmax_mse_b5"] = make_case(rng, [3, 5, 4, 3], ["leaky_relu", "relu", "softmax"], "mse", 5)
    cases["softmax_bce_b5"] = make_case(rng, [3, 5, 4, 3], ["relu", "relu", "softmax"], "bce", 5)
    cases["sigmoid_ce_b5"] = make_case(rng, [3, 5, 4, 2], ["tanh", "gelu", "sigmoid"], "ce", 5)
    cases["sigmoid_mae_b5"] = make_case(rng, [4, 8, 4, 1], ["relu", "relu", "sigmoid"], "mae", 5)

    # Saturated sigmoid/softmax outputs: large inputs drive |z| to tens, p hits the 1e-15 clip.
    cases["saturated_sigmoid_bce_b5"] = make_case(
        rng, [4, 8, 4, 1], ["identity", "identity", "sigmoid"], "bce", 5, input_scale=40.0)
    cases["saturated_softmax_ce_b5"] = make_case(
        rng, [3, 5, 4, 3], ["identity", "identity", "softmax"], "ce", 5, input_scale=40.0)

    # Shallow and deep shapes.
    cases["single_layer_sigmoid_bce_b5"] = make_case(rng, [4, 1], ["sigmoid"], "bce", 5)
    cases["deep_mixed_huber_b5"] = make_case(
        rng, [4, 6, 6, 5, 3], ["elu", "gelu", "leaky_relu", "tanh"], "huber", 5)
    return cases


def main(argv):
    if len(argv) != 2:
        print("usage: make_cases.py OUTDIR", file=sys.stderr)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    cases = all_cases(np.random.default_rng(SEED))
    for name, case in cases.items():
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(case, f)
            f.write("\n")
    print(f"wrote {len(cases)} cases to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
