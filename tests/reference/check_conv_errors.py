#!/usr/bin/env python3
"""Bad input to `neuralscope-cli conv|pool|attention`: exit status 2 and one stderr line naming the field.

    python3 check_conv_errors.py CLI_BINARY

Each case below is a request that must be refused. The CLI passes a case when it exits with 2,
prints nothing on stdout, prints exactly one non-empty line on stderr, and that line's subject (the
text before the first ": " after the `neuralscope-cli: FILE: ` prefix) names the expected field.
Some cases also require words of the explanation: an empty output geometry must show the formula
O = ⌊(I + 2p − d(k − 1) − 1)/s⌋ + 1 with the request's numbers substituted. Case files are named
caseNN.json, so a file name can never supply the field name by accident. Prints one line per case
and a final `N passed, N failed` line; exits 1 if any case fails.
"""

import re
import sys

from cli_errors import changed, refuse, run_cases

VALID_CONV = {"input": [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]],
              "kernel": [[[[1, 0, -1], [1, 0, -1], [1, 0, -1]]], [[[0, 1, 0], [1, 1, 1], [0, 1, 0]]]],
              "bias": [0.5, -0.5], "stride": 1, "padding": 0, "dilation": 1}
VALID_POOL = {"input": [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]],
              "kind": "max", "size": 2, "stride": 2}
# 2 queries, 3 keys, d = 2, dv = 1.
VALID_ATTENTION = {"Q": [[1, 0], [0, 1]], "K": [[1, 2], [3, 4], [5, 6]], "V": [[1], [2], [3]], "mask": "none"}


def conv(**changes):
    """A valid 1×4×4 input, 2×1×3×3 kernel request, with fields replaced (None: removed)."""
    return changed(VALID_CONV, changes)


def pool(**changes):
    return changed(VALID_POOL, changes)


def attention(**changes):
    return changed(VALID_ATTENTION, changes)


def ones(*shape):
    if not shape:
        return 1.0
    return [ones(*shape[1:]) for _ in range(shape[0])]


def formula(I, p, d, k, s, O):
    """A regex for ⌊(I + 2·p − d·(k − 1) − 1)/s⌋ + 1 = O with any spacing and − or -."""
    minus = r"\s*[−-]\s*"
    number = lambda n: (r"[−-]" if n < 0 else "") + str(abs(n))  # noqa: E731
    return (r"⌊\(\s*" + str(I) + r"\s*\+\s*2\s*[·*]?\s*" + str(p) + minus + str(d) + r"\s*[·*]?\s*\(\s*" + str(k) +
            minus + r"1\s*\)" + minus + r"1\s*\)\s*/\s*" + str(s) + r"\s*⌋\s*\+\s*1\s*=\s*" + number(O) + r"\b")


# (description, verb, request or raw JSON text, field named in the subject (None: no field to name),
#  regexes the line must match)
CASES = [
    ("conv: kernel missing", "conv", conv(kernel=None), "kernel", [r"missing"]),
    ("conv: input missing", "conv", conv(input=None), "input", [r"missing"]),
    ("conv: bias missing", "conv", conv(bias=None), "bias", [r"missing"]),
    ("conv: ragged input row", "conv", conv(input=[[[1, 2, 3, 4], [5, 6, 7], [9, 10, 11, 12], [13, 14, 15, 16]]]),
     "input", []),
    ("conv: ragged input channel", "conv",
     conv(input=[[[1, 2, 3, 4]] * 4, [[1, 2, 3, 4]] * 3]), "input", []),
    ("conv: ragged kernel", "conv", conv(kernel=[[[[1, 0, -1], [1, 0], [1, 0, -1]]], ones(1, 3, 3)]), "kernel", []),
    ("conv: input of rank 2", "conv", conv(input=[[1, 2], [3, 4]]), "input", []),
    ("conv: empty input", "conv", conv(input=[]), "input", []),
    ("conv: stride 0", "conv", conv(stride=0), "stride", [r"\b0\b"]),
    ("conv: stride negative", "conv", conv(stride=-1), "stride", []),
    ("conv: stride 1.5", "conv", conv(stride=1.5), "stride", []),
    ("conv: dilation 0", "conv", conv(dilation=0), "dilation", [r"\b0\b"]),
    ("conv: padding negative", "conv", conv(padding=-1), "padding", [r"-1"]),
    ("conv: empty output, kernel larger than input", "conv",
     conv(kernel=[ones(1, 5, 5)], bias=[0]), "padding", [r"O\s*=", formula(4, 0, 1, 5, 1, 0)]),
    ("conv: empty output, floor of a negative quotient (stride 2)", "conv",
     conv(kernel=[ones(1, 5, 5)], bias=[0], stride=2), "stride", [formula(4, 0, 1, 5, 2, 0)]),
    ("conv: empty output, dilation", "conv",
     conv(input=[ones(3, 3)], kernel=[ones(1, 3, 3)], bias=[0], dilation=2), "dilation",
     [formula(3, 0, 2, 3, 1, -1)]),
    ("conv: empty output in width only", "conv",
     conv(input=[ones(6, 2)], kernel=[ones(1, 3, 3)], bias=[0], padding=0), "padding",
     [r"width", formula(2, 0, 1, 3, 1, 0)]),
    ("conv: kernel channel mismatch", "conv", conv(kernel=[ones(2, 3, 3), ones(2, 3, 3)]), "kernel", [r"\b1\b", r"\b2\b"]),
    ("conv: bias length mismatch", "conv", conv(bias=[0.5]), "bias", [r"\b2\b", r"\b1\b"]),
    ("conv: grad_output of the wrong shape", "conv", conv(grad_output=ones(2, 3, 3)), "grad_output", [r"\b2\b"]),
    ("conv: ragged grad_output", "conv", conv(grad_output=[ones(2, 2), [[1, 1], [1]]]), "grad_output", []),
    ("conv: string in input", "conv", conv(input=[[[1, 2, 3, 4], [5, "6", 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]),
     "input", [r"number"]),
    ("conv: null in kernel", "conv", conv(kernel=[[[[1, 0, -1], [1, None, -1], [1, 0, -1]]], ones(1, 3, 3)]),
     "kernel", [r"number"]),
    ("conv: boolean in bias", "conv", conv(bias=[True, 0.5]), "bias", [r"number"]),
    ("conv: stride as a string", "conv", conv(stride="2"), "stride", []),
    ("conv: non-numeric grad_output", "conv", conv(grad_output=[[["a", 1], [1, 1]], ones(2, 2)]), "grad_output",
     [r"number"]),
    # Refused by the JSON parser, before any field is read: it names the number, not the field.
    ("conv: number too large for float64", "conv",
     '{"input": [[[1e400, 2], [3, 4]]], "kernel": [[[[1]]]], "bias": [0]}', None, [r"1e400"]),
    ("pool: kind median", "pool", pool(kind="median"), "kind", [r"median", r"max", r"avg"]),
    ("pool: kind missing", "pool", pool(kind=None), "kind", [r"missing"]),
    ("pool: kind not a string", "pool", pool(kind=1), "kind", []),
    ("pool: size 0", "pool", pool(size=0), "size", []),
    ("pool: size missing", "pool", pool(size=None), "size", [r"missing"]),
    ("pool: stride 0", "pool", pool(stride=0), "stride", []),
    ("pool: window larger than input", "pool", pool(size=5), "size", [r"\b4\b", r"\b5\b"]),
    ("pool: ragged input", "pool", pool(input=[[[1, 2], [3]]]), "input", []),
    ("pool: string in input", "pool", pool(input=[[[1, 2], [3, "x"]]]), "input", [r"number"]),
    ("pool: grad_output of the wrong shape", "pool", pool(grad_output=ones(1, 3, 3)), "grad_output", []),
    ("attention: Q missing", "attention", attention(Q=None), "Q", [r"missing"]),
    ("attention: V missing", "attention", attention(V=None), "V", [r"missing"]),
    ("attention: Q of rank 1", "attention", attention(Q=[1, 2]), "Q", []),
    ("attention: K's d differs from Q's", "attention", attention(K=ones(3, 3)), "K", [r"\b2\b", r"\b3\b"]),
    ("attention: V's rows differ from K's", "attention", attention(V=ones(2, 1)), "V", [r"\b3\b", r"\b2\b"]),
    ("attention: ragged V", "attention", attention(V=[[1], [2, 3], [4]]), "V", []),
    ("attention: string in K", "attention", attention(K=[[1, 2], [3, "4"], [5, 6]]), "K", [r"number"]),
    ("attention: mask unknown", "attention", attention(mask="future"), "mask", [r"future", r"causal"]),
    ("attention: mask not a string", "attention", attention(mask=True), "mask", []),
    ("attention: causal with n != m", "attention", attention(mask="causal"), "mask", [r"n = 2", r"m = 3"]),
    ("attention: grad_output of the wrong shape", "attention", attention(grad_output=ones(2, 2)), "grad_output",
     [r"\b1\b"]),
    # n · m = 1.6·10⁹ score entries from a 0.3 MB file: refused before anything is allocated.
    ("attention: too large", "attention", attention(Q=ones(40000, 1), K=ones(40000, 1), V=ones(40000, 1)), None,
     [r"attention would need about \d+ MiB", r"limit of 2048 MiB"]),
]


def subject_of(line, path):
    text = line
    for prefix in ("neuralscope-cli: ", path + ": "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.split(": ", 1)[0]


def check(cli, workdir, number, case):
    description, verb, request, field, patterns = case
    problems, line, path = refuse(cli, verb, workdir, number, request)
    subject = subject_of(line, path)
    if field is not None and not re.search(r"(^|[^A-Za-z_])" + re.escape(field) + r"([^A-Za-z_]|$)", subject):
        problems.append(f"subject {subject!r} does not name the field {field!r}")
    for pattern in patterns:
        if not re.search(pattern, line):
            problems.append(f"message does not match {pattern!r}")
    return problems, line


if __name__ == "__main__":
    sys.exit(run_cases("check_conv_errors.py", sys.argv, CASES, check))
