#!/usr/bin/env python3
"""Compare `CLI_BINARY attention CASE.json` with attention_reference.py on every case in a directory.

    python3 compare_attention_cli.py CLI_BINARY CASE_DIR

Every number of the reference answer must be matched by the CLI within
|cli − ref| ≤ 1e-12 · max(1, |ref|); the answer must have exactly the reference's fields (the
gradients exactly when the request has grad_output). The hand-worked cases of
make_attention_cases.HAND are held, CLI and reference both, to the numbers worked there. Prints one
line per case and a final `N passed, N failed` line; exits 1 if any case fails or none is found.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attention_reference  # noqa: E402
from compare_conv_cli import compare, compare_case_dir  # noqa: E402  (same tolerance, walker and loop)
from compare_trace import run_json  # noqa: E402
from make_attention_cases import HAND  # noqa: E402
import json  # noqa: E402


def check_case(cli, case_dir, name):
    path = os.path.join(case_dir, name)
    with open(path, encoding="utf-8") as f:
        request = json.load(f)
    try:
        ref = attention_reference.run_attention(request)
    except Exception as e:  # noqa: BLE001 - any failure of the reference is a failed case
        return [f"reference: {type(e).__name__}: {e}"], 0
    got, err = run_json([cli, "attention", path])
    if err:
        return [f"cli: {err}"], 0
    problems = []
    if set(got) != set(ref):
        problems.append(f"fields: cli has {sorted(got)}, reference {sorted(ref)}")
    compare(ref, got, "$", problems)
    stem = name[:-len(".json")]
    if stem in HAND:
        expected = HAND[stem][1]
        compare(expected, ref, "$", problems, label="reference-vs-hand")
        compare(expected, got, "$", problems, label="cli-vs-hand")
    return problems, sum(np.asarray(v).size for v in ref.values())


if __name__ == "__main__":
    sys.exit(compare_case_dir("compare_attention_cli.py", sys.argv, check_case))
