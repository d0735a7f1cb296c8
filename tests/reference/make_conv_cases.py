#!/usr/bin/env python3
"""Write the conv / pool comparison cases: `python3 make_conv_cases.py OUTDIR conv|pool`.

Each case is one JSON request for `neuralscope-cli conv|pool` / conv_reference.py, named
`conv_….json` or `pool_….json` (compare_conv_cli.py picks the verb from the prefix). The set covers
stride, padding and dilation alone and together, C > 1 and Co > 1, 1×1 kernels, a kernel as large
as the padded input (1×1 output), padding wider than the kernel, non-square inputs and kernels,
LeNet-5's two layers, tiny and large magnitudes, grad_output present and absent; for pooling max
and avg, overlapping (s < k) and leftover (s ∤ I − k) windows, k = 1 and k = the whole input, and
max windows with ties made on purpose (small integers, constant inputs). The hand-computed cases of
conv_textbook.py are written too. A fixed seed makes the files identical on every run.
"""

import json
import os
import sys

import numpy as np

from conv_textbook import CASES as TEXTBOOK

SEED = 4841

# name: (C, H, W, Co, kh, kw, stride, padding, dilation, with grad_output, value scale)
CONV = {
    "basic_3x3": (1, 5, 5, 1, 3, 3, 1, 0, 1, True, 1.0),
    "basic_3x3_forward_only": (1, 5, 5, 1, 3, 3, 1, 0, 1, False, 1.0),
    "dilation2": (2, 7, 7, 3, 3, 3, 1, 0, 2, True, 1.0),
    "dilation2_padding2_same": (3, 6, 6, 2, 3, 3, 1, 2, 2, True, 1.0),
    "dilation2_forward_only": (2, 9, 8, 2, 3, 3, 1, 1, 2, False, 1.0),
    "dilation3_stride2_padding3": (2, 11, 10, 3, 3, 2, 2, 3, 3, True, 1.0),
    "stride2_padding1": (2, 7, 7, 4, 3, 3, 2, 1, 1, True, 1.0),
    "stride2_padding1_even": (3, 8, 6, 2, 3, 3, 2, 1, 1, True, 1.0),
    "stride2_padding1_forward_only": (1, 8, 8, 3, 3, 3, 2, 1, 1, False, 1.0),
    "stride3_leftover": (2, 10, 11, 2, 3, 3, 3, 0, 1, True, 1.0),
    "kernel1x1": (4, 5, 5, 3, 1, 1, 1, 0, 1, True, 1.0),
    "kernel1x1_stride2": (3, 6, 7, 2, 1, 1, 2, 0, 1, True, 1.0),
    "kernel1x1_padding1": (2, 3, 4, 2, 1, 1, 1, 1, 1, True, 1.0),
    "kernel_is_padded_input": (2, 3, 3, 2, 5, 5, 1, 1, 1, True, 1.0),
    "kernel_is_input": (1, 4, 4, 3, 4, 4, 1, 0, 1, True, 1.0),
    "kernel_is_padded_input_dilated": (2, 5, 5, 3, 3, 3, 1, 1, 3, True, 1.0),
    "padding_wider_than_kernel": (1, 4, 4, 2, 2, 2, 1, 3, 1, True, 1.0),
    "nonsquare_kernel": (2, 6, 9, 3, 2, 4, 1, 1, 1, True, 1.0),
    "nonsquare_kernel_stride2_dilation2": (2, 9, 12, 2, 3, 2, 2, 2, 2, True, 1.0),
    "multichannel_c5_co4": (5, 6, 6, 4, 3, 3, 1, 1, 1, True, 1.0),
    "lenet_conv1": (1, 28, 28, 6, 5, 5, 1, 2, 1, True, 1.0),
    "lenet_conv2": (6, 14, 14, 16, 5, 5, 1, 0, 1, True, 1.0),
    "tiny_values": (2, 6, 6, 2, 3, 3, 1, 1, 1, True, 1e-3),
    "large_values": (2, 6, 6, 2, 3, 3, 2, 1, 2, True, 1e3),
    "single_pixel": (1, 1, 1, 2, 1, 1, 1, 0, 1, True, 1.0),
    "single_pixel_padded": (2, 1, 1, 1, 3, 3, 1, 1, 1, True, 1.0),
}

# name: (C, H, W, kind, size, stride (None: the CLI's default, = size), grad_output, values)
# values: "normal" (distinct), "ties" (integers 0–2: ties in most windows), "constant" (all equal)
POOL = {}
for kind in ("max", "avg"):
    POOL.update({
        f"{kind}_2x2": (1, 6, 6, kind, 2, 2, True, "normal"),
        f"{kind}_2x2_default_stride": (2, 8, 6, kind, 2, None, True, "normal"),
        f"{kind}_2x2_forward_only": (2, 6, 6, kind, 2, 2, False, "normal"),
        f"{kind}_3x3_stride2_overlap": (2, 7, 9, kind, 3, 2, True, "normal"),
        f"{kind}_2x2_stride1_overlap": (3, 5, 6, kind, 2, 1, True, "normal"),
        f"{kind}_3x3_stride3_leftover": (2, 8, 7, kind, 3, 3, True, "normal"),
        f"{kind}_size1": (2, 3, 4, kind, 1, 1, True, "normal"),
        f"{kind}_size1_stride2": (1, 5, 5, kind, 1, 2, True, "normal"),
        f"{kind}_whole_input": (3, 4, 4, kind, 4, 4, True, "normal"),
        f"{kind}_ties": (3, 8, 8, kind, 2, 2, True, "ties"),
        f"{kind}_ties_overlap": (2, 7, 7, kind, 3, 2, True, "ties"),
        f"{kind}_ties_stride1": (2, 6, 6, kind, 2, 1, True, "ties"),
        f"{kind}_constant": (2, 4, 6, kind, 2, 2, True, "constant"),
        f"{kind}_constant_overlap": (1, 5, 5, kind, 3, 1, True, "constant"),
        f"{kind}_lenet_pool1": (6, 28, 28, kind, 2, 2, True, "normal"),
    })


def out_size(size, k, s, p=0, d=1):
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


def conv_case(rng, C, H, W, Co, kh, kw, s, p, d, grad, scale):
    Ho, Wo = out_size(H, kh, s, p, d), out_size(W, kw, s, p, d)
    assert Ho >= 1 and Wo >= 1
    case = {"input": (scale * rng.standard_normal((C, H, W))).tolist(),
            "kernel": (scale * rng.standard_normal((Co, C, kh, kw))).tolist(),
            "bias": (scale * rng.standard_normal(Co)).tolist(),
            "stride": s, "padding": p, "dilation": d}
    if grad:
        case["grad_output"] = (scale * rng.standard_normal((Co, Ho, Wo))).tolist()
    return case


def pool_values(rng, shape, values):
    if values == "ties":
        return rng.integers(0, 3, shape).astype(float) - 1.0  # -1, 0, 1
    if values == "constant":
        return np.full(shape, -0.75)
    return rng.standard_normal(shape)


def pool_case(rng, C, H, W, kind, k, s, grad, values):
    stride = k if s is None else s
    Ho, Wo = out_size(H, k, stride), out_size(W, k, stride)
    assert Ho >= 1 and Wo >= 1
    case = {"input": pool_values(rng, (C, H, W), values).tolist(), "kind": kind, "size": k}
    if s is not None:
        case["stride"] = s
    if grad:
        case["grad_output"] = rng.standard_normal((C, Ho, Wo)).tolist()
    return case


def main(argv):
    if len(argv) != 3 or argv[2] not in ("conv", "pool"):
        print("usage: make_conv_cases.py OUTDIR conv|pool", file=sys.stderr)
        return 2
    outdir, verb = argv[1], argv[2]
    os.makedirs(outdir, exist_ok=True)
    rng = np.random.default_rng(SEED if verb == "conv" else SEED + 1)
    cases = {}
    if verb == "conv":
        for name, spec in CONV.items():
            cases[f"conv_{name}"] = conv_case(rng, *spec)
    else:
        for name, spec in POOL.items():
            cases[f"pool_{name}"] = pool_case(rng, *spec)
    for name, (request, _) in TEXTBOOK.items():
        if name.startswith(verb + "_"):
            cases[name] = request
    for name, case in cases.items():
        with open(os.path.join(outdir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(case, f)  # repr precision: the float64 values round-trip exactly
    print(f"wrote {len(cases)} {verb} cases to {outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
