"""Runs `neuralscope-cli conv` and `pool` on seeded random cases and on hand-computed textbook
cases, and compares every number with conv_reference.py (float64, tolerance 1e-12); then feeds
broken requests and checks each exits 2 with one line naming the field.

usage: compare_conv_cli.py CLI {conv|pool|errors}
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conv_reference as ref  # noqa: E402

CLI = sys.argv[1]
SUITE = sys.argv[2]
TOL = 1e-12


def run(request):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(request, f)
        path = f.name
    try:
        p = subprocess.run([CLI, request.pop("_verb", SUITE), path], capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(path)
    return p


def close(name, got, want):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if got.shape != want.shape:
        raise SystemExit(f"{name}: shape {got.shape}, expected {want.shape}")
    err = np.max(np.abs(got - want) / np.maximum(1.0, np.abs(want))) if got.size else 0.0
    if err > TOL:
        raise SystemExit(f"{name}: off by {err:.3g} (max relative)")


def conv_case(x, k, b, s, p, d, g, label):
    req = {"input": x.tolist(), "kernel": k.tolist(), "bias": b.tolist(), "stride": s, "padding": p, "dilation": d}
    if g is not None:
        req["grad_output"] = g.tolist()
    r = run(dict(req))
    if r.returncode != 0:
        raise SystemExit(f"{label}: exit {r.returncode}: {r.stderr.strip()}")
    out = json.loads(r.stdout)
    close(f"{label} output", out["output"], ref.conv_forward(x, k, b, s, p, d))
    if out["params"] != k.size + b.size:
        raise SystemExit(f"{label}: params {out['params']}, expected {k.size + b.size}")
    if g is None:
        if "grad_input" in out:
            raise SystemExit(f"{label}: gradients without grad_output")
        return out
    gx, gk, gb = ref.conv_backward(x, k, s, p, d, g)
    close(f"{label} grad_input", out["grad_input"], gx)
    close(f"{label} grad_kernel", out["grad_kernel"], gk)
    close(f"{label} grad_bias", out["grad_bias"], gb)
    return out


def conv_suite():
    # By hand: the 4 × 4 input 1..16, a 3 × 3 kernel of ones, dilation 2, padding 2:
    # O = ⌊(4 + 4 − 2·2 − 1)/1⌋ + 1 = 4. At (0, 0) the window reads rows and columns −2, 0, 2;
    # inside the input are x[0,0], x[0,2], x[2,0], x[2,2] = 1, 3, 9, 11, so z[0,0] = 24.
    x = np.arange(1, 17, dtype=float).reshape(1, 4, 4)
    out = conv_case(x, np.ones((1, 1, 3, 3)), np.zeros(1), 1, 2, 2, None, "hand dilation 2")
    if out["output"][0][0][0] != 24.0 or len(out["output"][0]) != 4:
        raise SystemExit(f"hand dilation 2: z[0,0] = {out['output'][0][0][0]}, expected 24 on a 4 x 4 map")
    # By hand: stride 2, padding 1, 3 × 3 ones on the same input: O = (4 + 2 - 2 - 1)//2 + 1 = 2;
    # z[0,0] covers rows/cols -1..1 → 1 + 2 + 5 + 6 = 14; z[1,1] rows/cols 1..3 → 6+7+8+10+11+12+14+15+16 = 99.
    out = conv_case(x, np.ones((1, 1, 3, 3)), np.zeros(1), 2, 1, 1, None, "hand stride 2")
    if out["output"][0][0][0] != 14.0 or out["output"][0][1][1] != 99.0:
        raise SystemExit(f"hand stride 2: {out['output']}, expected 14 and 99")
    rng = np.random.default_rng(20260903)
    cases = 0
    for C, O, H, W, kh, kw, s, p, d in [(1, 1, 5, 5, 3, 3, 1, 0, 1), (1, 2, 7, 6, 3, 3, 1, 0, 2), (2, 3, 8, 8, 3, 3, 2, 1, 1),
                                         (3, 2, 9, 7, 2, 3, 2, 2, 2), (2, 4, 6, 6, 1, 1, 1, 0, 1), (1, 1, 5, 5, 5, 5, 1, 0, 1),
                                         (2, 2, 3, 3, 3, 3, 1, 1, 1), (1, 6, 28, 28, 5, 5, 1, 2, 1), (3, 1, 10, 10, 3, 3, 3, 3, 4)]:
        x = rng.normal(size=(C, H, W))
        k = rng.normal(size=(O, C, kh, kw))
        b = rng.normal(size=O)
        g = rng.normal(size=(O, ref.out_size(H, kh, s, p, d), ref.out_size(W, kw, s, p, d)))
        conv_case(x, k, b, s, p, d, g, f"random C{C} O{O} {H}x{W} k{kh}x{kw} s{s} p{p} d{d}")
        conv_case(x, k, b, s, p, d, None, f"random (no gradient) C{C} O{O}")
        cases += 2
    print(f"conv: {cases + 2} cases match the float64 reference")


def pool_suite():
    rng = np.random.default_rng(7)
    cases = 0
    for kind in ("max", "avg"):
        for C, H, W, k, s in [(1, 4, 4, 2, 2), (2, 5, 6, 2, 1), (3, 7, 7, 3, 2), (1, 6, 6, 4, 1), (2, 9, 8, 2, 3)]:
            x = rng.normal(size=(C, H, W))
            if kind == "max":
                x[0, 0, 0] = x[0, 0, 1] = x[0, 1, 0] = 5.0  # a tie: the first (row-major) must win
            g = rng.normal(size=(C, (H - k) // s + 1, (W - k) // s + 1))
            r = run({"input": x.tolist(), "kind": kind, "size": k, "stride": s, "grad_output": g.tolist()})
            if r.returncode != 0:
                raise SystemExit(f"pool {kind}: exit {r.returncode}: {r.stderr.strip()}")
            out = json.loads(r.stdout)
            y, gx = ref.pool_forward_backward(x, kind, k, s, g)
            close(f"pool {kind} {C}x{H}x{W} k{k} s{s} output", out["output"], y)
            close(f"pool {kind} {C}x{H}x{W} k{k} s{s} grad_input", out["grad_input"], gx)
            cases += 1
    print(f"pool: {cases} cases match the float64 reference, ties to the first maximum")


def error_suite():
    good = {"input": [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], "kernel": [[[[1, 0], [0, 1]]]], "bias": [0],
            "stride": 1, "padding": 0, "dilation": 1}
    def broken(change, field, verb="conv", base=good):
        req = json.loads(json.dumps(base))
        change(req)
        req["_verb"] = verb
        r = run(req)
        lines = [l for l in r.stderr.splitlines() if l.strip()]
        if r.returncode != 2 or len(lines) != 1 or field not in lines[0]:
            raise SystemExit(f"{verb} broken '{field}': exit {r.returncode}, stderr {r.stderr!r}")
        return lines[0]
    broken(lambda r: r.pop("kernel"), "kernel")
    broken(lambda r: r.__setitem__("input", [[[1, 2], [3]]]), "input")
    broken(lambda r: r.__setitem__("stride", 0), "stride")
    broken(lambda r: r.__setitem__("dilation", 0), "dilation")
    broken(lambda r: r.__setitem__("padding", -1), "padding")
    broken(lambda r: r.__setitem__("stride", "two"), "stride")
    broken(lambda r: r.__setitem__("kernel", [[[[1, 0], [0, 1]], [[1, 0], [0, 1]]]]), "kernel")
    message = broken(lambda r: r.__setitem__("dilation", 3), "dilation")
    if "3" not in message or "⌊" not in message and "floor" not in message and "(" not in message:
        raise SystemExit(f"empty geometry without the formula: {message}")
    pool = {"input": [[[1, 2], [3, 4]]], "kind": "max", "size": 2, "stride": 1}
    broken(lambda r: r.__setitem__("kind", "median"), "kind", "pool", pool)
    broken(lambda r: r.__setitem__("size", 3), "size", "pool", pool)
    broken(lambda r: r.__setitem__("grad_output", [[[1, 2]]]), "grad_output", "pool", pool)
    print("errors: 11 broken requests exit 2 with one line naming the field")


{"conv": conv_suite, "pool": pool_suite, "errors": error_suite}[SUITE]()
