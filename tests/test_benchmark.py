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
                            cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = [[cell.strip() for cell in line.strip("|").split("|")]
            for line in result.stdout.splitlines() if line.startswith("|")]
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
