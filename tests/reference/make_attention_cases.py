#!/usr/bin/env python3
"""Write `neuralscope-cli attention` requests into a directory, one attention_*.json per case.

    python3 make_attention_cases.py OUT_DIR

Seeded random cases (self- and cross-attention shapes, n ≠ m, d ≠ dv, one query or one key, both
masks, with and without grad_output, scores large enough to push softmax towards one-hot) and the
hand-worked cases of HAND, whose answers are written below as the arithmetic done on paper.
"""

import json
import math
import os
import sys

import numpy as np

_S = 1 / math.sqrt(2)                        # 1/√d for d = 2
_A = math.exp(_S) / (math.exp(_S) + 1)       # softmax([1/√2, 0])[0]
_B = 1 - _A

# name: (request, the answer's fields worked by hand)
HAND = {
    # Q = K = I₂, V = [[1, 2], [3, 4]]: scores I/√2, each query leans to its own key by a : b.
    "attention_hand_2x2": (
        {"Q": [[1, 0], [0, 1]], "K": [[1, 0], [0, 1]], "V": [[1, 2], [3, 4]], "mask": "none"},
        {"scores": [[_S, 0], [0, _S]], "weights": [[_A, _B], [_B, _A]],
         "output": [[_A + 3 * _B, 2 * _A + 4 * _B], [_B + 3 * _A, 2 * _B + 4 * _A]]}),
    # The same with the causal mask: query 0 sees key 0 alone and returns V₀; with G = e₀₀ its
    # output is V₀ whatever Q and K, so only ∂L/∂V₀₀ = 1 is non-zero.
    "attention_hand_2x2_causal": (
        {"Q": [[1, 0], [0, 1]], "K": [[1, 0], [0, 1]], "V": [[1, 2], [3, 4]], "mask": "causal",
         "grad_output": [[1, 0], [0, 0]]},
        {"scores": [[_S, 0], [0, _S]], "weights": [[1, 0], [_B, _A]],
         "output": [[1, 2], [_B + 3 * _A, 2 * _B + 4 * _A]],
         "grad_Q": [[0, 0], [0, 0]], "grad_K": [[0, 0], [0, 0]], "grad_V": [[1, 0], [0, 0]]}),
    # d = 1, queries 1, keys 0, ln 2, ln 4: e^score = 1, 2, 4, weights 1/7, 2/7, 4/7 on every row;
    # V = diag(7, 14, 21) gives (1, 4, 12).
    "attention_hand_3x3": (
        {"Q": [[1], [1], [1]], "K": [[0], [math.log(2)], [math.log(4)]],
         "V": [[7, 0, 0], [0, 14, 0], [0, 0, 21]]},
        {"scores": [[0, math.log(2), math.log(4)]] * 3, "weights": [[1 / 7, 2 / 7, 4 / 7]] * 3,
         "output": [[1, 4, 12]] * 3}),
    # The same causal: query 1 weighs keys 0, 1 by 1/3, 2/3.
    "attention_hand_3x3_causal": (
        {"Q": [[1], [1], [1]], "K": [[0], [math.log(2)], [math.log(4)]],
         "V": [[7, 0, 0], [0, 14, 0], [0, 0, 21]], "mask": "causal"},
        {"weights": [[1, 0, 0], [1 / 3, 2 / 3, 0], [1 / 7, 2 / 7, 4 / 7]],
         "output": [[7, 0, 0], [7 / 3, 28 / 3, 0], [1, 4, 12]]}),
}


def random_cases():
    rng = np.random.default_rng(80)
    cases = {}
    shapes = [(1, 1, 1, 1), (1, 4, 3, 2), (4, 1, 2, 3), (3, 3, 4, 4), (5, 7, 3, 2), (8, 8, 16, 8), (6, 6, 2, 5),
              (9, 4, 8, 1), (16, 16, 8, 8), (12, 12, 6, 3)]
    for k, (n, m, d, dv) in enumerate(shapes):
        for mask in ("none", "causal"):
            if mask == "causal" and n != m:
                continue
            for scale in (1.0, 4.0):
                request = {"Q": (rng.normal(size=(n, d)) * scale).tolist(),
                           "K": (rng.normal(size=(m, d)) * scale).tolist(),
                           "V": rng.normal(size=(m, dv)).tolist(), "mask": mask}
                if k % 3 != 1:
                    request["grad_output"] = rng.normal(size=(n, dv)).tolist()
                cases[f"attention_n{n}_m{m}_d{d}_dv{dv}_{mask}_x{scale:g}"] = request
    # The mask field left out means "none".
    cases["attention_default_mask"] = {"Q": [[0.5, -1]], "K": [[1, 2], [3, -4]], "V": [[1], [2]],
                                       "grad_output": [[1.5]]}
    return cases


def main(argv):
    if len(argv) != 2:
        print("usage: make_attention_cases.py OUT_DIR", file=sys.stderr)
        return 2
    os.makedirs(argv[1], exist_ok=True)
    cases = random_cases()
    cases.update({name: request for name, (request, _) in HAND.items()})
    for name, request in cases.items():
        with open(os.path.join(argv[1], name + ".json"), "w", encoding="utf-8") as f:
            json.dump(request, f)
    print(f"wrote {len(cases)} attention cases into {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
