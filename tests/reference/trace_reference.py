#!/usr/bin/env python3
"""Independent float64 NumPy reference for `neuralscope-cli trace FILE.json`.

    python3 trace_reference.py FILE.json     print the trace of one forward/backward pass as JSON
    python3 trace_reference.py --selftest    check the gradients below against finite differences

This file deliberately shares no code with the C++ core: it is the second implementation that
the CTest comparison (compare_trace.py) holds the core against, so it is written straight from the
textbook's formulas (seed 001 §2.3 activations eqs. 7-16, §2.5 losses eqs. 22-24, §3.2 backward).

Input JSON:
    {"sizes": [4, 8, 4, 1], "activations": ["relu", "relu", "sigmoid"], "loss": "bce",
     "weights": [W1, W2, W3],      W(l) is sizes[l+1] rows of sizes[l] numbers
     "biases":  [b1, b2, b3],      b(l) has sizes[l+1] numbers
     "inputs":  [[x...], ...],     batch x sizes[0]
     "targets": [[y...], ...]}     batch x sizes[-1]

Output JSON (one layer entry per weight layer, all float64 printed with repr precision):
    {"loss": L, "layers": [{"z": [[...]], "a": [[...]], "delta": [[...]], "dW": [[...]], "db": [...]}, ...]}

    z, a, delta   batch x units; delta(l) is the per-sample derivative d l_i / d z_i
    dW            units x fan_in, (1/m) delta(l)^T a(l-1), the gradient of the batch mean L
    db            units, (1/m) sum over rows of delta(l)
"""

import json
import math
import sys

import numpy as np

# Constants of the textbook: LeakyReLU alpha (eq. 13), ELU alpha (eq. 15), Huber delta (eq. 24),
# and the log(0) guard of compute_loss in §3.2.
LEAKY_ALPHA = 0.01
ELU_ALPHA = 1.0
HUBER_DELTA = 1.0
EPSILON = 1e-15

ACTIVATIONS = ("identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "softmax")
LOSSES = ("mse", "mae", "huber", "bce", "ce")

EXIT_BAD_INPUT = 2

_erf = np.vectorize(math.erf, otypes=[float])


# ---------------------------------------------------------------------------------------------
# Activations: activate(name, z) -> a, and derivative(name, z, a) -> a'(z) element-wise.
# ---------------------------------------------------------------------------------------------

def _sigmoid(z):
    # Two branches so that exp() only ever sees a non-positive argument: no overflow, no NaN,
    # even for |z| ~ 1e308. The textbook clips z to [-500, 500] instead; both agree to rounding.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softmax(z):
    shifted = z - np.max(z, axis=1, keepdims=True)  # row-wise max shift: exp() never overflows
    e = np.exp(shifted)
    return e / np.sum(e, axis=1, keepdims=True)


def activate(name, z):
    if name == "identity":
        return z.copy()
    if name == "sigmoid":
        return _sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, LEAKY_ALPHA * z)
    if name == "elu":
        # min(z, 0) keeps exp() from overflowing on the branch np.where discards.
        return np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0)))
    if name == "gelu":
        return 0.5 * z * (1.0 + _erf(z / math.sqrt(2.0)))
    if name == "softmax":
        return _softmax(z)
    raise ValueError(f"unknown activation {name!r}")


def derivative(name, z, a):
    """a'(z) element-wise. Kinks take the textbook's convention: the z <= 0 branch (eqs. 12, 14)."""
    if name == "identity":
        return np.ones_like(z)
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return np.where(z > 0, 1.0, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, 1.0, LEAKY_ALPHA)
    if name == "elu":
        return np.where(z > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0.0)))
    if name == "gelu":
        # d/dz [z Phi(z)] = Phi(z) + z phi(z)
        cdf = 0.5 * (1.0 + _erf(z / math.sqrt(2.0)))
        pdf = np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
        return cdf + z * pdf
    raise ValueError(f"activation {name!r} has no element-wise derivative")


# ---------------------------------------------------------------------------------------------
# Losses: per-sample loss l_i (batch vector) and g = d l_i / d a (batch x k).
# ---------------------------------------------------------------------------------------------

def _clip(a):
    return np.clip(a, EPSILON, 1.0 - EPSILON)


def per_sample_loss(loss, a, y):
    r = a - y
    if loss == "mse":
        return np.mean(r * r, axis=1)
    if loss == "mae":
        return np.mean(np.abs(r), axis=1)
    if loss == "huber":
        ar = np.abs(r)
        quad = 0.5 * r * r
        lin = HUBER_DELTA * ar - 0.5 * HUBER_DELTA * HUBER_DELTA
        return np.mean(np.where(ar <= HUBER_DELTA, quad, lin), axis=1)
    if loss == "bce":
        p = _clip(a)
        return -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p), axis=1)
    if loss == "ce":
        p = _clip(a)
        return -np.sum(y * np.log(p), axis=1)  # summed over classes, not averaged
    raise ValueError(f"unknown loss {loss!r}")


def loss_gradient(loss, a, y):
    k = a.shape[1]
    r = a - y
    if loss == "mse":
        return 2.0 * r / k
    if loss == "mae":
        return np.sign(r) / k  # np.sign(0) == 0
    if loss == "huber":
        return np.where(np.abs(r) <= HUBER_DELTA, r, HUBER_DELTA * np.sign(r)) / k
    if loss == "bce":
        p = _clip(a)
        return (p - y) / (p * (1.0 - p)) / k
    if loss == "ce":
        return -y / _clip(a)
    raise ValueError(f"unknown loss {loss!r}")


def output_delta(activation, loss, z, a, y):
    """delta = d l_i / d z for the output layer."""
    k = a.shape[1]
    # The two fused forms the textbook uses: the sigmoid'/softmax Jacobian cancels against the
    # loss derivative. They use a itself (not the clipped p), exactly like §3.2's `dz3 = y_pred - y`.
    if activation == "sigmoid" and loss == "bce":
        return (a - y) / k
    if activation == "softmax" and loss == "ce":
        return a * np.sum(y, axis=1, keepdims=True) - y
    g = loss_gradient(loss, a, y)
    if activation == "softmax":
        # J^T g with J = diag(a) - a a^T, one row per sample.
        return a * (g - np.sum(a * g, axis=1, keepdims=True))
    return g * derivative(activation, z, a)


# ---------------------------------------------------------------------------------------------
# Forward and backward passes.
# ---------------------------------------------------------------------------------------------

def forward(net, x, start=0, z_start=None):
    """Forward pass. Returns (zs, activations_out). With z_start, layer `start` uses that z."""
    zs, outs = [], []
    a = x
    for l in range(start, len(net["weights"])):
        if l == start and z_start is not None:
            z = z_start
        else:
            z = a @ net["weights"][l].T + net["biases"][l]
        a = activate(net["activations"][l], z)
        zs.append(z)
        outs.append(a)
    return zs, outs


def trace(net, x, y):
    zs, outs = forward(net, x)
    m = x.shape[0]
    n_layers = len(net["weights"])
    L = float(np.mean(per_sample_loss(net["loss"], outs[-1], y)))

    deltas = [None] * n_layers
    deltas[-1] = output_delta(net["activations"][-1], net["loss"], zs[-1], outs[-1], y)
    for l in range(n_layers - 2, -1, -1):
        back = deltas[l + 1] @ net["weights"][l + 1]
        deltas[l] = back * derivative(net["activations"][l], zs[l], outs[l])

    layers = []
    for l in range(n_layers):
        a_prev = x if l == 0 else outs[l - 1]
        layers.append({
            "z": zs[l],
            "a": outs[l],
            "delta": deltas[l],
            "dW": deltas[l].T @ a_prev / m,
            "db": np.sum(deltas[l], axis=0) / m,
        })
    return L, layers


def to_json(L, layers):
    out = {"loss": L, "layers": [{k: v.tolist() for k, v in layer.items()} for layer in layers]}
    # allow_nan=False: NaN/Infinity are not JSON; better to fail loudly than emit an invalid file.
    return json.dumps(out, allow_nan=False)


# ---------------------------------------------------------------------------------------------
# Input validation (minimal: shapes, names, finite numbers).
# ---------------------------------------------------------------------------------------------

class InputError(Exception):
    pass


def _matrix(value, rows, cols, what):
    if not isinstance(value, list) or len(value) != rows:
        raise InputError(f"{what} must be a list of {rows} rows")
    for i, row in enumerate(value):
        if not isinstance(row, list) or len(row) != cols:
            raise InputError(f"{what}[{i}] must have {cols} numbers")
        for v in row:
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise InputError(f"{what}[{i}] contains a non-number")
    return np.array(value, dtype=np.float64).reshape(rows, cols)


def _vector(value, n, what):
    if not isinstance(value, list) or len(value) != n:
        raise InputError(f"{what} must have {n} numbers")
    return _matrix([value], 1, n, what)[0]


def parse_case(doc):
    if not isinstance(doc, dict):
        raise InputError("top level must be an object")
    for key in ("sizes", "activations", "loss", "weights", "biases", "inputs", "targets"):
        if key not in doc:
            raise InputError(f"missing key {key!r}")
    sizes = doc["sizes"]
    if (not isinstance(sizes, list) or len(sizes) < 2
            or any(isinstance(s, bool) or not isinstance(s, int) or s < 1 for s in sizes)):
        raise InputError("sizes must be a list of at least two positive integers")
    n_layers = len(sizes) - 1

    acts = doc["activations"]
    if not isinstance(acts, list) or len(acts) != n_layers:
        raise InputError(f"activations must have {n_layers} entries")
    for i, name in enumerate(acts):
        if name not in ACTIVATIONS:
            raise InputError(f"unknown activation {name!r}")
        if name == "softmax" and i != n_layers - 1:
            raise InputError("softmax is only allowed as the output activation")
    loss = doc["loss"]
    if loss not in LOSSES:
        raise InputError(f"unknown loss {loss!r}")

    weights, biases = doc["weights"], doc["biases"]
    if not isinstance(weights, list) or len(weights) != n_layers:
        raise InputError(f"weights must have {n_layers} matrices")
    if not isinstance(biases, list) or len(biases) != n_layers:
        raise InputError(f"biases must have {n_layers} vectors")
    W = [_matrix(weights[l], sizes[l + 1], sizes[l], f"weights[{l}]") for l in range(n_layers)]
    b = [_vector(biases[l], sizes[l + 1], f"biases[{l}]") for l in range(n_layers)]

    inputs, targets = doc["inputs"], doc["targets"]
    if not isinstance(inputs, list) or len(inputs) == 0:
        raise InputError("inputs must be a non-empty list of rows")
    x = _matrix(inputs, len(inputs), sizes[0], "inputs")
    y = _matrix(targets, len(inputs), sizes[-1], "targets")
    net = {"weights": W, "biases": b, "activations": acts, "loss": loss}
    return net, x, y


def run_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        net, x, y = parse_case(doc)
    except (OSError, ValueError, InputError) as e:  # json.JSONDecodeError is a ValueError
        print(f"trace_reference: {path}: {e}".replace("\n", " "), file=sys.stderr)
        return EXIT_BAD_INPUT
    with np.errstate(all="ignore"):  # e.g. exp underflow in saturated sigmoids is expected
        L, layers = trace(net, x, y)
    try:
        text = to_json(L, layers)
    except ValueError:
        print(f"trace_reference: {path}: result is not finite", file=sys.stderr)
        return 1
    print(text)
    return 0


# ---------------------------------------------------------------------------------------------
# Self-test: analytic gradients against central finite differences of L.
# ---------------------------------------------------------------------------------------------

FD_STEP = 1e-6
KINK_MARGIN = 1e-3   # keep every z (and residual) this far from a kink so FD does not straddle it
FD_RTOL = 1e-5
FD_ATOL = 1e-7


def _batch_loss(net, x, y):
    _, outs = forward(net, x)
    return float(np.mean(per_sample_loss(net["loss"], outs[-1], y)))


def _far_from_kinks(net, x, y):
    zs, outs = forward(net, x)
    for name, z in zip(net["activations"], zs):
        if name in ("relu", "leaky_relu", "elu") and np.min(np.abs(z)) < KINK_MARGIN:
            return False
    r = outs[-1] - y
    loss = net["loss"]
    if loss == "mae" and np.min(np.abs(r)) < KINK_MARGIN:
        return False
    if loss == "huber" and np.min(np.abs(np.abs(r) - HUBER_DELTA)) < KINK_MARGIN:
        return False
    if loss in ("bce", "ce"):
        # Stay inside the clip range: beyond it the clipped loss is flat but the formulas are not.
        if np.min(outs[-1]) < 1e-6 or np.max(outs[-1]) > 1.0 - 1e-6:
            return False
    return True


def _random_case(rng, sizes, acts, loss, batch):
    for _ in range(1000):
        W = [rng.standard_normal((sizes[l + 1], sizes[l])) * math.sqrt(2.0 / sizes[l])
             for l in range(len(sizes) - 1)]
        b = [0.3 * rng.standard_normal(sizes[l + 1]) for l in range(len(sizes) - 1)]
        x = rng.standard_normal((batch, sizes[0]))
        k = sizes[-1]
        if loss == "ce":
            y = np.zeros((batch, k))
            y[np.arange(batch), rng.integers(0, k, batch)] = 1.0
            if acts[-1] == "sigmoid":
                y = rng.uniform(0.0, 1.0, (batch, k))  # soft multi-label targets exercise -y/p
        elif loss == "bce":
            y = rng.uniform(0.0, 1.0, (batch, k))
        else:
            y = rng.standard_normal((batch, k))
        net = {"weights": W, "biases": b, "activations": list(acts), "loss": loss}
        if _far_from_kinks(net, x, y):
            return net, x, y
    raise RuntimeError("could not sample a case away from kinks")


def _fd_param_grads(net, x, y):
    """Central differences of the batch mean L with respect to every weight and bias."""
    grads = []
    for l in range(len(net["weights"])):
        for params in (net["weights"][l], net["biases"][l]):
            g = np.zeros_like(params)
            for idx in np.ndindex(params.shape):
                old = params[idx]
                params[idx] = old + FD_STEP
                up = _batch_loss(net, x, y)
                params[idx] = old - FD_STEP
                down = _batch_loss(net, x, y)
                params[idx] = old
                g[idx] = (up - down) / (2.0 * FD_STEP)
            grads.append(g)
    return grads


def _fd_deltas(net, x, y, zs):
    """Central differences of each per-sample loss l_i with respect to every z(l)[i, j]."""
    out = []
    for l, z in enumerate(zs):
        d = np.zeros_like(z)
        for i, j in np.ndindex(z.shape):
            zi = z[i:i + 1].copy()
            vals = []
            for step in (FD_STEP, -FD_STEP):
                zp = zi.copy()
                zp[0, j] += step
                _, outs = forward(net, x[i:i + 1], start=l, z_start=zp)
                vals.append(per_sample_loss(net["loss"], outs[-1], y[i:i + 1])[0])
            d[i, j] = (vals[0] - vals[1]) / (2.0 * FD_STEP)
        out.append(d)
    return out


def _close(analytic, numeric):
    return np.allclose(analytic, numeric, rtol=FD_RTOL, atol=FD_ATOL)


def _selftest_gradients(rng):
    """Every activation as output (softmax only there) and hidden, every loss on sensible outputs."""
    hidden = [a for a in ACTIVATIONS if a != "softmax"]
    combos = []
    for out_act in ACTIVATIONS:
        for loss in LOSSES:
            # bce/ce take log(a): only outputs that live in (0, 1) make them differentiable.
            if loss in ("bce", "ce") and out_act not in ("sigmoid", "softmax"):
                continue
            combos.append((out_act, loss))

    results = []
    for n, (out_act, loss) in enumerate(combos):
        for variant, (sizes, batch) in enumerate((([3, 5, 4, 2], 1), ([2, 4, 3], 4), ([4, 3, 1], 3))):
            if out_act == "softmax" and sizes[-1] == 1:
                sizes = sizes[:-1] + [3]  # a one-class softmax is constant; use three classes
            h = len(sizes) - 2
            acts = [hidden[(n + variant + i) % len(hidden)] for i in range(h)] + [out_act]
            net, x, y = _random_case(rng, sizes, acts, loss, batch)
            L, layers = trace(net, x, y)

            failures = []
            if not math.isclose(L, _batch_loss(net, x, y), rel_tol=1e-12, abs_tol=1e-15):
                failures.append("loss")
            fd = _fd_param_grads(net, x, y)
            for l, layer in enumerate(layers):
                if not _close(layer["dW"], fd[2 * l]):
                    failures.append(f"dW{l + 1}")
                if not _close(layer["db"], fd[2 * l + 1]):
                    failures.append(f"db{l + 1}")
            for l, d in enumerate(_fd_deltas(net, x, y, [ly["z"] for ly in layers])):
                if not _close(layers[l]["delta"], d):
                    failures.append(f"delta{l + 1}")
            name = f"{'-'.join(acts)} {loss} sizes={sizes} batch={batch}"
            results.append((name, failures))
    return results


def _selftest_stability():
    """Extreme inputs: no NaN/inf where the math is finite."""
    results = []
    z = np.array([[-1e308, -1000.0, -40.0, 0.0, 40.0, 1000.0, 1e308]])
    for name in ACTIVATIONS:
        # Underflow to 0 (exp(-1000)) is expected and harmless; only the results matter.
        with np.errstate(all="ignore"):
            a = activate(name, z)
            ok = bool(np.all(np.isfinite(a)))
            if name != "softmax":
                ok = ok and bool(np.all(np.isfinite(derivative(name, z, a))))
        results.append((f"stability {name}", [] if ok else ["non-finite"]))

    # Textbook identities: sigmoid(0)=0.5, softmax rows sum to 1, gelu(0)=0 with slope 1/2.
    checks = [
        ("sigmoid(0) = 1/2", activate("sigmoid", np.zeros((1, 1)))[0, 0] == 0.5),
        ("softmax rows sum to 1",
         np.allclose(np.sum(activate("softmax", np.array([[1.0, 2.0, 3.0], [1e3, 0.0, -1e3]])), 1), 1.0)),
        ("gelu'(0) = 1/2", derivative("gelu", np.zeros((1, 1)), np.zeros((1, 1)))[0, 0] == 0.5),
        ("relu'(0) = 0", derivative("relu", np.zeros((1, 1)), np.zeros((1, 1)))[0, 0] == 0.0),
        ("leaky_relu'(0) = alpha",
         derivative("leaky_relu", np.zeros((1, 1)), np.zeros((1, 1)))[0, 0] == LEAKY_ALPHA),
        ("bce clip keeps loss finite",
         bool(np.isfinite(per_sample_loss("bce", np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]))[0]))),
    ]
    for name, ok in checks:
        results.append((name, [] if ok else ["wrong value"]))
    return results


def _selftest_fused_forms(rng):
    """The fused sigmoid+bce and softmax+ce deltas equal the general chain rule when unclipped."""
    results = []
    for act, loss, k in (("sigmoid", "bce", 3), ("softmax", "ce", 4)):
        z = rng.standard_normal((5, k))
        a = activate(act, z)
        if loss == "ce":
            y = np.eye(k)[rng.integers(0, k, 5)]
        else:
            y = rng.uniform(0.0, 1.0, (5, k))
        fused = output_delta(act, loss, z, a, y)
        g = loss_gradient(loss, a, y)
        if act == "softmax":
            general = a * (g - np.sum(a * g, axis=1, keepdims=True))
        else:
            general = g * derivative(act, z, a)
        ok = np.allclose(fused, general, rtol=1e-12, atol=1e-14)
        results.append((f"fused {act}+{loss} == chain rule", [] if ok else ["mismatch"]))
    return results


def selftest():
    rng = np.random.default_rng(4841)
    results = _selftest_gradients(rng) + _selftest_stability() + _selftest_fused_forms(rng)
    failed = 0
    for name, failures in results:
        if failures:
            failed += 1
            print(f"FAIL {name}: {', '.join(failures)}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--selftest":
        return selftest()
    if len(argv) != 2 or argv[1].startswith("-"):
        print("usage: trace_reference.py FILE.json | --selftest", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_file(argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
