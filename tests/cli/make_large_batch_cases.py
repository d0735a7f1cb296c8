#!/usr/bin/env python3
"""Write trace cases with larger batches: `python3 make_large_batch_cases.py OUTDIR`.

tests/reference/make_cases.py stops at 5 samples, fewer than one SIMD register of doubles holds
with AVX-512, so its cases only reach the core's leftover-row code. These cases use 45 samples
(four 8-wide registers, one more register and 5 leftover rows; with 4-wide registers eleven and
one) and 300 samples (more than one 256-row chunk, so the CLI's batch is reduced over two chunks).
They reuse make_cases.make_case, so the format and the target conventions are the same.
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
from make_cases import HIDDEN, make_case  # noqa: E402

SEED = 4845
# The natural loss of each output activation.
OUTPUT_LOSS = {
    "identity": "mse", "sigmoid": "bce", "tanh": "huber", "relu": "mse",
    "leaky_relu": "mae", "elu": "huber", "gelu": "mse", "softmax": "ce",
}


def all_cases(rng):
    cases = {}
    # The textbook network with 0/1 labels: the sigmoid + bce path over whole registers and
    # over two chunks.
    for batch in (45, 300):
        c = make_case(rng, [4, 8, 4, 1], ["relu", "relu", "sigmoid"], "bce", batch, zero_bias=True)
        c["targets"] = [[1.0 if sum(row) > 0 else 0.0] for row in c["inputs"]]
        cases[f"textbook_4841_b{batch}"] = c
    # Every activation as the output, every element-wise one also hidden.
    for i, out in enumerate(HIDDEN + ("softmax",)):
        hidden = [HIDDEN[(i + 2) % len(HIDDEN)], HIDDEN[(i + 4) % len(HIDDEN)]]
        k = 3 if out == "softmax" else 2
        loss = OUTPUT_LOSS[out]
        cases[f"{'-'.join(hidden + [out])}_{loss}_b45"] = make_case(
            rng, [3, 5, 4, k], hidden + [out], loss, 45)
    cases["relu-tanh-softmax_ce_b300"] = make_case(rng, [4, 8, 4, 3], ["relu", "tanh", "softmax"], "ce", 300)
    cases["gelu-leaky_relu-identity_huber_b300"] = make_case(
        rng, [4, 8, 4, 2], ["gelu", "leaky_relu", "identity"], "huber", 300, input_scale=3.0)
    cases["saturated_sigmoid_bce_b45"] = make_case(
        rng, [4, 8, 4, 1], ["identity", "identity", "sigmoid"], "bce", 45, input_scale=40.0)
    return cases


def main(argv):
    if len(argv) != 2:
        print("usage: make_large_batch_cases.py OUTDIR", file=sys.stderr)
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
