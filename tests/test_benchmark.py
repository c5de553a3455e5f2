"""The benchmark (benchmarks/run.py) still runs: ``--quick`` prints the full table.

Timings are never asserted here: they depend on the machine and on what else runs on it.
The targets are read off the full run's output (see the README's Performance section).
"""

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["model", "twin", "m", "n", "updates", "ms / update", "floor ms", "x floor", "growth (floor)",
           "setup ms", "peak extra / X", "m-vectors", "pure / vectorized"]


def test_quick_benchmark_prints_the_table():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                            cwd=str(ROOT), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    tables = [[[cell.strip() for cell in line.strip("|").split("|")] for line in block.splitlines()]
              for block in result.stdout.split("\n\n") if block.startswith("|")]
    rows = tables[0]
    assert rows[0] == COLUMNS
    body = rows[2:]
    twins = {(row[0], row[1]) for row in body}
    assert twins == {(model, twin) for model in ("linear", "logistic") for twin in ("pure", "vectorized")}
    for row in body:
        assert len(row) == len(COLUMNS), row
        for cell in row[4:8] + row[9:12]:  # updates, times, ratios and memory are numbers
            float(cell.replace(",", ""))
    assert sum(1 for row in body if row[8]) == 8, "each twin and model has two doubled sizes"
    assert sum(1 for row in body if row[12]) == 2, "one pure / vectorized ratio per model"
    speed, buffered = tables[1], tables[2]  # targets for plain formula code; buffered update
    assert {(row[0], row[1]) for row in speed[2:]} == {
        ("linear", "pure"), ("logistic", "pure"), ("linear", "vectorized"),
        ("logistic", "vectorized"), ("softmax", "vectorized")}
    assert {row[3] for row in speed[2:] if row[1] == "pure"} == {"10", "50"}
    for row in speed[2:] + buffered[2:]:  # times and ratios are numbers (noisy at --quick)
        [float(cell.replace(",", "")) for cell in row[2:7] if cell]
    assert len(buffered) >= 4
    assert "Newton / lbfgs" in result.stdout or "scikit-learn is not installed" in result.stdout


def test_newton_option_prints_only_newton_against_lbfgs():
    command = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--newton"]
    result = subprocess.run(command, cwd=str(ROOT), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("Finished in ")
    if "scikit-learn is not installed" in result.stdout:
        assert len(lines) == 2
        return
    assert len(lines) == 3 and "solver='newton'" in lines[0]
    assert "Newton / lbfgs = " in lines[1] and "target <= 1 at <= 1e-6: " in lines[1]
    assert not any(line.startswith("|") for line in lines)  # no table
