#!/usr/bin/env python3
"""Independent float64 NumPy reference for `neuralscope-cli attention`.

    python3 attention_reference.py FILE.json    print what `neuralscope-cli attention FILE.json` should
    python3 attention_reference.py --selftest   check the gradients against central differences

Shares no code with the C++ core (which applies the softmax's Jacobian row by row as
a ⊙ (g − a·g)): here each row's Jacobian is built as the full matrix diag(a) − a aᵀ and multiplied.

Scaled dot-product attention (seed 001 §7, eq. 80), one sample:
    Q [n][d], K [m][d], V [m][dv]
    S = Q Kᵀ / √d                        "scores"
    M = S where visible, −∞ elsewhere    (causal: key j visible to query i when j ≤ i; needs n = m)
    A = softmax of each row of M         "weights"
    O = A V                              "output"
Backward, given G = ∂L/∂O [n][dv]:
    ∂L/∂V = Aᵀ G,   ∂L/∂A = G Vᵀ,   ∂L/∂S_i = (diag(A_i) − A_i A_iᵀ) ∂L/∂A_i  for each row i,
    ∂L/∂Q = (∂L/∂S) K / √d,   ∂L/∂K = (∂L/∂S)ᵀ Q / √d.

Output JSON, float64 printed with repr precision: {"scores", "weights", "output"} plus
"grad_Q", "grad_K", "grad_V" when the request has "grad_output". Bad input is the CLI's business.
"""

import json
import sys

import numpy as np


def visible(n, m, causal):
    """[n][m] booleans: may query i look at key j?"""
    if not causal:
        return np.ones((n, m), dtype=bool)
    return np.tril(np.ones((n, m), dtype=bool))


def forward(Q, K, V, causal=False):
    d = Q.shape[1]
    S = (Q @ K.T) / np.sqrt(d)
    see = visible(Q.shape[0], K.shape[0], causal)
    A = np.zeros_like(S)
    for i in range(S.shape[0]):
        row = S[i][see[i]]
        e = np.exp(row - row.max())
        A[i][see[i]] = e / e.sum()
    return S, A, A @ V


def backward(Q, K, V, A, G):
    d = Q.shape[1]
    dV = A.T @ G
    dA = G @ V.T
    dS = np.zeros_like(A)
    for i in range(A.shape[0]):
        a = A[i]
        J = np.diag(a) - np.outer(a, a)
        dS[i] = J @ dA[i]
    return dS @ K / np.sqrt(d), dS.T @ Q / np.sqrt(d), dV


def run_attention(request):
    Q = np.array(request["Q"], dtype=np.float64)
    K = np.array(request["K"], dtype=np.float64)
    V = np.array(request["V"], dtype=np.float64)
    causal = request.get("mask", "none") == "causal"
    S, A, O = forward(Q, K, V, causal)
    out = {"scores": S.tolist(), "weights": A.tolist(), "output": O.tolist()}
    if "grad_output" in request:
        G = np.array(request["grad_output"], dtype=np.float64)
        dQ, dK, dV = backward(Q, K, V, A, G)
        out.update({"grad_Q": dQ.tolist(), "grad_K": dK.tolist(), "grad_V": dV.tolist()})
    return out


def selftest():
    """Central differences of L = Σ G ⊙ O against backward(), every mask, several shapes."""
    rng = np.random.default_rng(4)
    worst = 0.0
    failed = 0
    for n, m, d, dv, causal in [(2, 2, 2, 2, False), (3, 5, 4, 2, False), (4, 4, 3, 3, True), (1, 3, 1, 1, False),
                                (5, 5, 2, 4, True)]:
        Q, K, V = rng.normal(size=(n, d)), rng.normal(size=(m, d)), rng.normal(size=(m, dv))
        G = rng.normal(size=(n, dv))
        _, A, _ = forward(Q, K, V, causal)
        analytic = backward(Q, K, V, A, G)
        h = 1e-6
        for which, X in enumerate((Q, K, V)):
            numeric = np.zeros_like(X)
            for idx in np.ndindex(X.shape):
                keep = X[idx]
                X[idx] = keep + h
                plus = np.sum(G * forward(Q, K, V, causal)[2])
                X[idx] = keep - h
                minus = np.sum(G * forward(Q, K, V, causal)[2])
                X[idx] = keep
                numeric[idx] = (plus - minus) / (2 * h)
            err = np.max(np.abs(numeric - analytic[which]) / np.maximum(1.0, np.abs(numeric)))
            worst = max(worst, err)
            name = "QKV"[which]
            ok = err < 1e-7
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} n={n} m={m} d={d} dv={dv} causal={causal} grad_{name}: {err:.2e}")
        # The weights of every row sum to 1 and the hidden ones are exactly 0.
        see = visible(n, m, causal)
        ok = np.allclose(A.sum(axis=1), 1.0, rtol=0, atol=1e-15) and np.all(A[~see] == 0)
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} n={n} m={m} causal={causal} weights: rows sum to 1, masked entries 0")
    print(f"selftest: worst relative error {worst:.2e}, {failed} failed")
    return 1 if failed else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--selftest":
        return selftest()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        print(json.dumps(run_attention(json.load(f))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
