#!/usr/bin/env python3
"""Independent float64 NumPy reference for `neuralscope-cli conv` and `neuralscope-cli pool`.

    python3 conv_reference.py conv FILE.json    print what `neuralscope-cli conv FILE.json` should
    python3 conv_reference.py pool FILE.json    print what `neuralscope-cli pool FILE.json` should
    python3 conv_reference.py --selftest        check the gradients against finite differences and
                                                the vectorised forms against plain loops

Like trace_reference.py this file shares no code with the C++ core (which unfolds the windows and
runs one GEMM per chunk): it is written straight from the definitions, one kernel offset at a time.

Convolution (cross-correlation, as every framework computes it), one sample:
    x        [C][H][W]           input
    K        [Co][C][kh][kw]     kernel
    b        [Co]                bias
    s, p, d  stride, zero padding on every side, dilation
    Ho = ⌊(H + 2p − d(kh − 1) − 1)/s⌋ + 1, Wo likewise
    y[o,i,j] = b[o] + Σ_{c,u,v} K[o,c,u,v] · xp[c, i·s + u·d, j·s + v·d]    (xp: x padded with p zeros)
Backward, given g = ∂L/∂y [Co][Ho][Wo]:
    ∂L/∂b[o]       = Σ_{i,j} g[o,i,j]
    ∂L/∂K[o,c,u,v] = Σ_{i,j} g[o,i,j] · xp[c, i·s + u·d, j·s + v·d]
    ∂L/∂xp[c,r,t] += Σ_o K[o,c,u,v] · g[o,i,j]  for every (u,v,i,j) with r = i·s + u·d, t = j·s + v·d;
    ∂L/∂x is ∂L/∂xp without its padding border.

Pooling, one sample, no padding, window k×k moved by s: Ho = ⌊(H − k)/s⌋ + 1.
    max: y = the window's largest value; on ties the first in row-major order wins, and the backward
         pass routes g to that element only (overlapping windows add up).
    avg: y = window sum / (k·k); the backward pass gives every element of the window g / (k·k).

Output JSON, float64 printed with repr precision (shortest round-trip):
    conv: {"output": y, "params": Co·C·kh·kw + Co [, "grad_input", "grad_kernel", "grad_bias"]}
    pool: {"output": y [, "grad_input"]}
gradients only when the request has "grad_output". This reference validates nothing beyond what
it needs to compute: bad input is the CLI's business (check_conv_errors.py tests that).
"""

import itertools
import json
import sys

import numpy as np


# ---------------------------------------------------------------------------------------------
# Convolution
# ---------------------------------------------------------------------------------------------

def conv_output_size(size, kernel, stride, padding, dilation):
    """⌊(I + 2p − d(k − 1) − 1)/s⌋ + 1 with Python's floor division (exact for negatives)."""
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def _tap(xp, u, v, s, d, Ho, Wo):
    """The input cells that kernel offset (u, v) meets, one per output position: [C][Ho][Wo]."""
    return xp[:, u * d: u * d + s * (Ho - 1) + 1: s, v * d: v * d + s * (Wo - 1) + 1: s]


def conv_forward(x, K, b, s=1, p=0, d=1):
    C, H, W = x.shape
    Co, C2, kh, kw = K.shape
    assert C2 == C
    Ho, Wo = conv_output_size(H, kh, s, p, d), conv_output_size(W, kw, s, p, d)
    assert Ho >= 1 and Wo >= 1
    xp = np.pad(x, ((0, 0), (p, p), (p, p)))
    y = np.zeros((Co, Ho, Wo))
    for u in range(kh):
        for v in range(kw):
            y += np.einsum("oc,chw->ohw", K[:, :, u, v], _tap(xp, u, v, s, d, Ho, Wo))
    return y + b[:, None, None]


def conv_backward(x, K, g, s=1, p=0, d=1):
    """(∂L/∂x, ∂L/∂K, ∂L/∂b) for ∂L/∂y = g."""
    C, H, W = x.shape
    Co, _, kh, kw = K.shape
    _, Ho, Wo = g.shape
    xp = np.pad(x, ((0, 0), (p, p), (p, p)))
    gxp = np.zeros_like(xp)
    gK = np.zeros_like(K)
    for u in range(kh):
        for v in range(kw):
            gK[:, :, u, v] = np.einsum("ohw,chw->oc", g, _tap(xp, u, v, s, d, Ho, Wo))
            _tap(gxp, u, v, s, d, Ho, Wo)[...] += np.einsum("oc,ohw->chw", K[:, :, u, v], g)
    gx = gxp[:, p: p + H, p: p + W]
    return gx, gK, g.sum(axis=(1, 2))


def conv_forward_loops(x, K, b, s=1, p=0, d=1):
    """The definition as seven plain loops, bounds checked per tap instead of padding (selftest)."""
    C, H, W = x.shape
    Co, _, kh, kw = K.shape
    Ho, Wo = conv_output_size(H, kh, s, p, d), conv_output_size(W, kw, s, p, d)
    y = np.zeros((Co, Ho, Wo))
    for o, i, j in itertools.product(range(Co), range(Ho), range(Wo)):
        acc = b[o]
        for c, u, v in itertools.product(range(C), range(kh), range(kw)):
            r, t = i * s + u * d - p, j * s + v * d - p
            if 0 <= r < H and 0 <= t < W:
                acc += K[o, c, u, v] * x[c, r, t]
        y[o, i, j] = acc
    return y


# ---------------------------------------------------------------------------------------------
# Pooling
# ---------------------------------------------------------------------------------------------

def pool_output_size(size, k, s):
    return (size - k) // s + 1


def pool_forward(x, kind, k, s):
    C, H, W = x.shape
    Ho, Wo = pool_output_size(H, k, s), pool_output_size(W, k, s)
    assert Ho >= 1 and Wo >= 1
    y = np.zeros((C, Ho, Wo))
    for c, i, j in itertools.product(range(C), range(Ho), range(Wo)):
        window = x[c, i * s: i * s + k, j * s: j * s + k]
        y[c, i, j] = window.max() if kind == "max" else window.sum() / (k * k)
    return y


def pool_backward(x, kind, k, s, g):
    C, H, W = x.shape
    _, Ho, Wo = g.shape
    gx = np.zeros_like(x)
    for c, i, j in itertools.product(range(C), range(Ho), range(Wo)):
        if kind == "max":
            window = x[c, i * s: i * s + k, j * s: j * s + k]
            # np.argmax returns the first maximum of the row-major flattening: the tie rule.
            u, v = divmod(int(np.argmax(window)), k)
            gx[c, i * s + u, j * s + v] += g[c, i, j]
        else:
            gx[c, i * s: i * s + k, j * s: j * s + k] += g[c, i, j] / (k * k)
    return gx


# ---------------------------------------------------------------------------------------------
# Requests (the CLI's JSON contract)
# ---------------------------------------------------------------------------------------------

def run_conv(request):
    x = np.array(request["input"], dtype=float)
    K = np.array(request["kernel"], dtype=float)
    b = np.array(request["bias"], dtype=float)
    s, p, d = request.get("stride", 1), request.get("padding", 0), request.get("dilation", 1)
    out = {"output": conv_forward(x, K, b, s, p, d).tolist(), "params": int(K.size + b.size)}
    if "grad_output" in request:
        gx, gK, gb = conv_backward(x, K, np.array(request["grad_output"], dtype=float), s, p, d)
        out.update(grad_input=gx.tolist(), grad_kernel=gK.tolist(), grad_bias=gb.tolist())
    return out


def run_pool(request):
    x = np.array(request["input"], dtype=float)
    kind, k = request["kind"], request["size"]
    s = request.get("stride", k)
    out = {"output": pool_forward(x, kind, k, s).tolist()}
    if "grad_output" in request:
        out["grad_input"] = pool_backward(x, kind, k, s, np.array(request["grad_output"], dtype=float)).tolist()
    return out


# ---------------------------------------------------------------------------------------------
# Self-test
# ---------------------------------------------------------------------------------------------

def _numeric_grad(f, a, h=1e-6):
    """Central differences of the scalar f() with respect to every entry of a (in place)."""
    grad = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        keep = a[idx]
        a[idx] = keep + h
        up = f()
        a[idx] = keep - h
        down = f()
        a[idx] = keep
        grad[idx] = (up - down) / (2 * h)
    return grad


def _close(name, got, want, tol, failures):
    err = np.max(np.abs(got - want) / np.maximum(1.0, np.abs(want))) if got.size else 0.0
    status = "ok  " if err <= tol else "FAIL"
    if err > tol:
        failures.append(name)
    print(f"{status} {name}: max rel err {err:.3g}")


def selftest():
    rng = np.random.default_rng(20240611)
    failures = []
    # (C, H, W, Co, kh, kw, stride, padding, dilation)
    geometries = [(1, 5, 5, 1, 3, 3, 1, 0, 1), (2, 6, 5, 3, 3, 2, 2, 1, 1), (3, 7, 7, 2, 3, 3, 1, 2, 2),
                  (2, 4, 4, 2, 1, 1, 1, 0, 1), (1, 3, 3, 2, 5, 5, 1, 1, 1), (2, 8, 9, 2, 2, 3, 3, 2, 2)]
    for C, H, W, Co, kh, kw, s, p, d in geometries:
        tag = f"conv C{C} {H}x{W} Co{Co} k{kh}x{kw} s{s} p{p} d{d}"
        x, K, b = rng.standard_normal((C, H, W)), rng.standard_normal((Co, C, kh, kw)), rng.standard_normal(Co)
        y = conv_forward(x, K, b, s, p, d)
        _close(tag + " forward vs loops", y, conv_forward_loops(x, K, b, s, p, d), 1e-13, failures)
        g = rng.standard_normal(y.shape)
        gx, gK, gb = conv_backward(x, K, g, s, p, d)
        loss = lambda: float(np.sum(g * conv_forward(x, K, b, s, p, d)))  # noqa: E731
        _close(tag + " grad_input", gx, _numeric_grad(loss, x), 1e-7, failures)
        _close(tag + " grad_kernel", gK, _numeric_grad(loss, K), 1e-7, failures)
        _close(tag + " grad_bias", gb, _numeric_grad(loss, b), 1e-7, failures)
    for kind, (C, H, W, k, s) in itertools.product(("max", "avg"), [(2, 6, 6, 2, 2), (1, 7, 5, 3, 2), (2, 5, 5, 2, 1)]):
        tag = f"pool {kind} C{C} {H}x{W} k{k} s{s}"
        x = rng.standard_normal((C, H, W))  # distinct values: max is differentiable there
        g = rng.standard_normal(pool_forward(x, kind, k, s).shape)
        loss = lambda: float(np.sum(g * pool_forward(x, kind, k, s)))  # noqa: E731
        _close(tag + " grad_input", pool_backward(x, kind, k, s, g), _numeric_grad(loss, x), 1e-7, failures)
    # The tie rule, by hand: a window of equal values sends its gradient to its top-left element.
    x = np.array([[[1.0, 1.0], [1.0, 1.0]]])
    gx = pool_backward(x, "max", 2, 2, np.array([[[5.0]]]))
    _close("pool max tie goes to the first element", gx, np.array([[[5.0, 0.0], [0.0, 0.0]]]), 0.0, failures)
    x = np.array([[[0.0, 2.0], [2.0, 1.0]]])
    gx = pool_backward(x, "max", 2, 2, np.array([[[3.0]]]))
    _close("pool max tie between (0,1) and (1,0)", gx, np.array([[[0.0, 3.0], [0.0, 0.0]]]), 0.0, failures)
    print(f"{len(failures)} FAIL" if failures else "all passed")
    return 1 if failures else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--selftest":
        return selftest()
    if len(argv) != 3 or argv[1] not in ("conv", "pool"):
        print("usage: conv_reference.py conv|pool FILE.json | --selftest", file=sys.stderr)
        return 2
    with open(argv[2], encoding="utf-8") as f:
        request = json.load(f)
    out = run_conv(request) if argv[1] == "conv" else run_pool(request)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
