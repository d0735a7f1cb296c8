"""Runs `neuralscope-cli worksheet` on a fixed net and compares it with the hand-computed
expected files next to it: the CSV value by value (1e-12 relative: the expected numbers are
written as exact decimals, the program prints float64 at 17 digits), every other column and the
Markdown text exactly. Also checks that a bad option is refused with exit status 2.

usage: compare_worksheet.py CLI INPUT.json EXPECTED.csv EXPECTED.md
"""
import csv
import io
import subprocess
import sys


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True, encoding="utf-8")
    return done.returncode, done.stdout, done.stderr


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    cli, source, expected_csv, expected_md = sys.argv[1:5]

    status, out, err = run(cli, "worksheet", source, "--format", "csv")
    if status != 0:
        fail(f"csv: exit status {status}: {err}")
    actual = list(csv.reader(io.StringIO(out)))
    with open(expected_csv, encoding="utf-8", newline="") as f:
        expected = list(csv.reader(f))
    if len(actual) != len(expected):
        fail(f"csv: {len(actual)} rows, expected {len(expected)}")
    if actual[0] != expected[0]:
        fail(f"csv header {actual[0]}, expected {expected[0]}")
    value = expected[0].index("value")
    for number, (a, e) in enumerate(zip(actual[1:], expected[1:]), start=2):
        if a[:value] != e[:value]:
            fail(f"csv line {number}: {a}, expected {e}")
        got, want = float(a[value]), float(e[value])
        if abs(got - want) > 1e-12 * max(1.0, abs(want)):
            fail(f"csv line {number} ({e[3]}): value {got!r}, expected {want!r}")

    status, out, err = run(cli, "worksheet", source)
    if status != 0:
        fail(f"md: exit status {status}: {err}")
    with open(expected_md, encoding="utf-8") as f:
        want_md = f.read()
    if out != want_md:
        got_lines, want_lines = out.splitlines(), want_md.splitlines()
        for number, (g, w) in enumerate(zip(got_lines, want_lines), start=1):
            if g != w:
                fail(f"md line {number}:\n  got      {g}\n  expected {w}")
        fail(f"md: {len(got_lines)} lines, expected {len(want_lines)}")

    status, out, err = run(cli, "worksheet", source, "--lang", "zh_CN")
    if status != 0 or "## 答案" not in out or "前向传播，第 1 层" not in out:
        fail(f"zh_CN worksheet: status {status}, headings missing")

    status, out, err = run(cli, "worksheet", source, "--format", "pdf")
    if status != 2 or "--format: expected md or csv" not in err:
        fail(f"--format pdf: status {status}, stderr {err!r}")

    print(f"worksheet matches the hand-computed files ({len(expected) - 1} CSV rows)")


main()
