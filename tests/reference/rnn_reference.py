#!/usr/bin/env python3
"""Independent float64 NumPy reference for `neuralscope-cli rnn`, and its checks.

    python3 rnn_reference.py FILE.json          print what `neuralscope-cli rnn FILE.json` should
    python3 rnn_reference.py --selftest         BPTT here against central differences
    python3 rnn_reference.py --compare CLI      seeded cases (every cell, several sizes, with and
                                                without grad_h) through the CLI, compared to 1e-12
    python3 rnn_reference.py --errors CLI       bad requests: exit 2 and one line naming the field

Shares no code with the C++ core (which stacks the gates and runs one product per step and
chunk); written from the textbook one step at a time, with the weights acting on [h_{t-1}, x_t]:
    rnn   h_t = tanh(W_h h_{t-1} + W_x x_t + b_h)                                   (seed 001 eq. 52)
    lstm  f, i, o = σ(W_{f,i,o}[h_{t-1}, x_t] + b), C̃ = tanh(W_C[…] + b_C),
          C_t = f ⊙ C_{t-1} + i ⊙ C̃, h_t = o ⊙ tanh(C_t)                          (eq. 54–59)
    gru   z, r = σ(W_{z,r}[h_{t-1}, x_t] + b), h̃ = tanh(W[r ⊙ h_{t-1}, x_t] + b),
          h_t = (1 − z) ⊙ h_{t-1} + z ⊙ h̃                                          (seed 002)
Gradients: L = Σ_t grad_h[t] · h_t, backpropagated through time.
"""

import json
import subprocess
import sys
import tempfile

import numpy as np

from cli_errors import changed

NAMES = {
    "rnn": ["W_h", "W_x", "b_h"],
    "lstm": ["W_f", "W_i", "W_C", "W_o", "b_f", "b_i", "b_C", "b_o"],
    "gru": ["W_z", "W_r", "W", "b_z", "b_r", "b"],
}


def sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def forward(req):
    cell = req["cell"]
    x = np.array(req["x"], dtype=float)
    w = {k: np.array(v, dtype=float) for k, v in req["weights"].items()}
    h = np.array(req["h0"], dtype=float)
    c = np.array(req.get("c0", np.zeros_like(h)), dtype=float)
    steps = []
    for xt in x:
        s = {"h_prev": h, "c_prev": c, "x": xt}
        hx = np.concatenate([h, xt])
        if cell == "rnn":
            h = np.tanh(w["W_h"] @ h + w["W_x"] @ xt + w["b_h"])
        elif cell == "lstm":
            s["f"] = sig(w["W_f"] @ hx + w["b_f"])
            s["i"] = sig(w["W_i"] @ hx + w["b_i"])
            s["C_tilde"] = np.tanh(w["W_C"] @ hx + w["b_C"])
            s["o"] = sig(w["W_o"] @ hx + w["b_o"])
            c = s["f"] * c + s["i"] * s["C_tilde"]
            h = s["o"] * np.tanh(c)
        else:
            s["z"] = sig(w["W_z"] @ hx + w["b_z"])
            s["r"] = sig(w["W_r"] @ hx + w["b_r"])
            s["h_tilde"] = np.tanh(w["W"] @ np.concatenate([s["r"] * h, xt]) + w["b"])
            h = (1 - s["z"]) * h + s["z"] * s["h_tilde"]
        s["h"], s["c"] = h, c
        steps.append(s)
    return steps, w


def backward(req, steps, w):
    cell = req["cell"]
    g = np.array(req["grad_h"], dtype=float)
    n = len(req["h0"])
    dw = {k: np.zeros_like(v) for k, v in w.items()}
    dx = []
    dh_next, dc_next = np.zeros(n), np.zeros(n)
    for t in reversed(range(len(steps))):
        s = steps[t]
        dh = g[t] + dh_next
        hx = np.concatenate([s["h_prev"], s["x"]])
        if cell == "rnn":
            da = dh * (1 - s["h"] ** 2)
            dw["W_h"] += np.outer(da, s["h_prev"])
            dw["W_x"] += np.outer(da, s["x"])
            dw["b_h"] += da
            dh_next = w["W_h"].T @ da
            dx.append(w["W_x"].T @ da)
        elif cell == "lstm":
            tc = np.tanh(s["c"])
            dc = dc_next + dh * s["o"] * (1 - tc ** 2)
            pre = {
                "f": dc * s["c_prev"] * s["f"] * (1 - s["f"]),
                "i": dc * s["C_tilde"] * s["i"] * (1 - s["i"]),
                "C": dc * s["i"] * (1 - s["C_tilde"] ** 2),
                "o": dh * tc * s["o"] * (1 - s["o"]),
            }
            dhx = np.zeros(len(hx))
            for k, d in pre.items():
                dw["W_" + k] += np.outer(d, hx)
                dw["b_" + k] += d
                dhx += w["W_" + k].T @ d
            dc_next = dc * s["f"]
            dh_next, dxt = dhx[:n], dhx[n:]
            dx.append(dxt)
        else:
            z, r, ht = s["z"], s["r"], s["h_tilde"]
            hp = s["h_prev"]
            dht = dh * z * (1 - ht ** 2)
            rhx = np.concatenate([r * hp, s["x"]])
            dw["W"] += np.outer(dht, rhx)
            dw["b"] += dht
            drhx = w["W"].T @ dht
            dz = dh * (ht - hp) * z * (1 - z)
            dr = drhx[:n] * hp * r * (1 - r)
            dw["W_z"] += np.outer(dz, hx)
            dw["b_z"] += dz
            dw["W_r"] += np.outer(dr, hx)
            dw["b_r"] += dr
            dhx = w["W_z"].T @ dz + w["W_r"].T @ dr
            dh_next = dh * (1 - z) + drhx[:n] * r + dhx[:n]
            dx.append(drhx[n:] + dhx[n:])
    out = {"grad_x": list(reversed(dx)), "grad_h0": dh_next, "grad_weights": dw}
    if cell == "lstm":
        out["grad_c0"] = dc_next
    return out


def run(req):
    steps, w = forward(req)
    out = {"h": [s["h"] for s in steps]}
    if req["cell"] == "lstm":
        out["c"] = [s["c"] for s in steps]
        out["gates"] = {k: [s[k] for s in steps] for k in ("f", "i", "C_tilde", "o")}
    elif req["cell"] == "gru":
        out["gates"] = {k: [s[k] for s in steps] for k in ("z", "r", "h_tilde")}
    if "grad_h" in req:
        out.update(backward(req, steps, w))
    return to_lists(out)


def to_lists(v):
    if isinstance(v, dict):
        return {k: to_lists(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_lists(x) for x in v]
    if isinstance(v, np.ndarray):
        return v.tolist()
    return v


def make_case(rng, cell, T, d, n, with_grad):
    hd = n + d
    shapes = {
        "rnn": {"W_h": (n, n), "W_x": (n, d), "b_h": (n,)},
        "lstm": {**{k: (n, hd) for k in ("W_f", "W_i", "W_C", "W_o")}, **{k: (n,) for k in ("b_f", "b_i", "b_C", "b_o")}},
        "gru": {"W_z": (n, hd), "W_r": (n, hd), "W": (n, hd), "b_z": (n,), "b_r": (n,), "b": (n,)},
    }[cell]
    req = {
        "cell": cell,
        "x": rng.normal(size=(T, d)).tolist(),
        "h0": rng.normal(scale=0.5, size=n).tolist(),
        # Weights of about 1.5/√h: the hidden state neither dies out nor saturates at once.
        "weights": {k: rng.normal(scale=1.5 / np.sqrt(n), size=s).tolist() for k, s in shapes.items()},
    }
    if cell == "lstm":
        req["c0"] = rng.normal(scale=0.5, size=n).tolist()
    if with_grad:
        req["grad_h"] = rng.normal(size=(T, n)).tolist()
    return req


def flat_pairs(a, b, path=""):
    """Yields (path, ours, theirs) for every number, and raises on a structural difference."""
    if isinstance(b, dict):
        if not isinstance(a, dict) or set(a) != set(b):
            raise AssertionError(f"{path or 'output'}: keys {sorted(a) if isinstance(a, dict) else a!r} vs {sorted(b)}")
        for k in b:
            yield from flat_pairs(a[k], b[k], f"{path}.{k}" if path else k)
    elif isinstance(b, list):
        if not isinstance(a, list) or len(a) != len(b):
            raise AssertionError(f"{path}: length differs")
        for i, (x, y) in enumerate(zip(a, b)):
            yield from flat_pairs(x, y, f"{path}[{i}]")
    else:
        yield path, a, b


def selftest():
    rng = np.random.default_rng(5)
    worst = 0.0
    for cell in NAMES:
        req = make_case(rng, cell, 4, 3, 2, True)
        grads = run(req)
        g = np.array(req["grad_h"])

        def loss(r):
            return float(np.sum(np.array(run({k: v for k, v in r.items() if k != "grad_h"})["h"]) * g))

        eps = 1e-6
        checks = [("x", None), ("h0", None)] + ([("c0", None)] if cell == "lstm" else []) + [(k, "w") for k in NAMES[cell]]
        for name, kind in checks:
            target = req["weights"] if kind else req
            arr = np.array(target[name], dtype=float)
            analytic = np.array(grads["grad_weights"][name] if kind else grads["grad_" + name], dtype=float)
            for idx in np.ndindex(arr.shape):
                up, down = arr.copy(), arr.copy()
                up[idx] += eps
                down[idx] -= eps
                target[name] = up.tolist()
                lu = loss(req)
                target[name] = down.tolist()
                ld = loss(req)
                target[name] = arr.tolist()
                err = abs((lu - ld) / (2 * eps) - analytic[idx])
                worst = max(worst, err)
    ok = worst < 1e-7
    print(f"{'PASS' if ok else 'FAIL'}: BPTT vs central differences, worst error {worst:.2e}")
    return 0 if ok else 1


def call(cli, req):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(req, f)
        path = f.name
    p = subprocess.run([cli, "rnn", path], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def compare(cli):
    rng = np.random.default_rng(2024)
    cases, worst, failures = 0, 0.0, 0
    # Sizes reach the core's multi-gate products; a single step and a long sequence included.
    for cell in NAMES:
        for T, d, n in ((1, 1, 1), (2, 3, 2), (7, 4, 5), (30, 8, 16)):
            for with_grad in (False, True):
                req = make_case(rng, cell, T, d, n, with_grad)
                code, out, err = call(cli, req)
                cases += 1
                if code != 0:
                    print(f"FAIL {cell} T={T}: exit {code}: {err.strip()}")
                    failures += 1
                    continue
                try:
                    for path, ours, theirs in flat_pairs(json.loads(out), run(req)):
                        rel = abs(ours - theirs) / max(1.0, abs(theirs))
                        worst = max(worst, rel)
                        if rel > 1e-12:
                            raise AssertionError(f"{path}: {ours!r} vs reference {theirs!r}")
                except AssertionError as e:
                    print(f"FAIL {cell} T={T} d={d} h={n} grad={with_grad}: {e}")
                    failures += 1
    print(f"{'PASS' if failures == 0 else 'FAIL'}: {cases - failures}/{cases} rnn cases within 1e-12 "
          f"(worst relative difference {worst:.1e})")
    return 1 if failures else 0


def errors(cli):
    rng = np.random.default_rng(3)
    good = make_case(rng, "lstm", 3, 2, 2, True)
    gru = make_case(rng, "gru", 3, 2, 2, False)

    def edit(base, **changes):
        return changed(base, changes)

    bad_weights = json.loads(json.dumps(good))
    bad_weights["weights"]["W_f"] = [[1.0, 2.0]] * 2
    unknown = json.loads(json.dumps(gru))
    unknown["weights"]["W_h"] = [[0.0]]
    missing = json.loads(json.dumps(gru))
    del missing["weights"]["b_r"]
    cases = [
        (edit(good, cell="transformer"), "cell"),
        (edit(good, x=None), "x"),
        (edit(good, x=[[1.0, 2.0], [3.0]]), "x"),
        (edit(good, c0=None), "c0"),
        (edit(gru, c0=[0.0, 0.0]), "c0"),
        (edit(good, h0=[]), "h0"),
        (bad_weights, "weights.W_f"),
        (unknown, "weights.W_h"),
        (missing, "weights.b_r"),
        (edit(good, grad_h=[[1.0, 2.0]]), "grad_h"),
        # Finite numbers whose BPTT overflows: ∂L/∂W_x = Σ_t δ_t x_t with x_t = 1e308 (W_x x_t ≈ 1,
        # so δ_t ≈ 0.4) passes 1.8e308 after a few steps.
        ({"cell": "rnn", "x": [[1e308]] * 8, "h0": [0.0], "grad_h": [[1.0]] * 8,
          "weights": {"W_h": [[0.5]], "W_x": [[1e-308]], "b_h": [0.0]}}, "grad_weights"),
    ]
    failures = 0
    for req, field in cases:
        code, out, err = call(cli, req)
        lines = err.strip().splitlines()
        if code != 2 or len(lines) != 1 or field not in lines[0]:
            print(f"FAIL bad {field}: exit {code}, stderr {err.strip()!r}")
            failures += 1
    print(f"{'PASS' if failures == 0 else 'FAIL'}: {len(cases) - failures}/{len(cases)} bad rnn requests refused naming the field")
    return 1 if failures else 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--selftest":
        return selftest()
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        return compare(sys.argv[2])
    if len(sys.argv) == 3 and sys.argv[1] == "--errors":
        return errors(sys.argv[2])
    if len(sys.argv) == 2:
        with open(sys.argv[1]) as f:
            print(json.dumps(run(json.load(f))))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
