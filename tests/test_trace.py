"""``python -m pure trace``: the worked first update, checked against a computation of its own.

The first update is computed here again, from the formulas of the lesson docstrings with
plain loops, and every number the trace prints for the new parameters, the cost and the
gradients must equal it to the printed digits.
"""

import importlib.util
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pure.tools import trace

ROOT = Path(__file__).resolve().parent.parent
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
NUMBER = r"-?\d[\d.]*(?:e[-+]\d+)?"


def run(argv, capsys):
    status = trace.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def printed(out, name):
    """The number after the last '=' on the line that starts with ``name =``."""
    for line in out.splitlines():
        if line.strip().startswith(name + " ") or line.strip().startswith(name + "="):
            return float(re.findall(NUMBER, line.split("=")[-1])[-1])
    raise AssertionError(f"no line for {name}:\n{out}")


def first_update(kind, X, y, alpha, l2, batch):
    """(cost, weight gradients, bias gradients, new weights, new biases) from zero."""
    m, n = len(X), len(X[0])
    classes = sorted(set(y)) if kind == "softmax" else [None]
    K = len(classes)
    grad_w = [[0.0] * n for _ in range(K)]
    grad_b = [0.0] * K
    cost = 0.0
    for i in batch:
        if kind == "linear":
            errors, loss = [0.0 - y[i]], (0.0 - y[i]) ** 2 / 2  # y_hat_i = 0 at the start
        elif kind == "logistic":
            errors, loss = [0.5 - y[i]], math.log(2.0)
        else:  # every p_ik is 1/K at zero
            errors = [1.0 / K - (classes[k] == y[i]) for k in range(K)]
            loss = math.log(K)
        cost += loss / len(batch)
        for k in range(K):
            grad_b[k] += errors[k] / len(batch)
            for j in range(n):
                grad_w[k][j] += errors[k] * X[i][j] / len(batch)
    new_w = [[-alpha * g for g in row] for row in grad_w]
    new_b = [-alpha * g for g in grad_b]
    return cost, grad_w, grad_b, new_w, new_b


def same(a, b):
    return abs(a - b) <= 5e-6 * max(abs(a), abs(b)) + 1e-12


@pytest.mark.parametrize("kind", ["linear", "logistic", "softmax"])
def test_the_default_trace_equals_an_independent_first_update(kind, capsys):
    status, out, err = run([kind], capsys)
    assert status == 0 and err == ""
    alpha = 0.01 if kind == "linear" else 0.1
    cost, grad_w, grad_b, new_w, new_b = first_update(
        kind, trace.EXAMPLE_X, trace.EXAMPLE_Y[kind], alpha, 0.0, [0, 1, 2])
    assert same(printed(out, "J"), cost)
    if kind == "softmax":
        for k in range(3):
            assert same(printed(out, f"dJ/db_{k + 1}"), grad_b[k])
            for j in range(2):
                assert same(printed(out, f"dJ/dw_{k + 1}{j + 1}"), grad_w[k][j])
            assert same(printed(out, f"b_{k + 1}"), new_b[k])
            line = [line for line in out.splitlines() if line.startswith(f"  w_{k + 1} =")][0]
            got = [float(v) for v in re.findall(NUMBER, line.split("=")[-1])]
            assert all(same(g, w) for g, w in zip(got, new_w[k])) and len(got) == 2
    else:
        for j in range(2):
            assert same(printed(out, f"dJ/dw_{j + 1}"), grad_w[0][j])
            assert same(printed(out, f"w_{j + 1}"), new_w[0][j])
        assert same(printed(out, "dJ/db"), grad_b[0])
        assert same(printed(out, "b"), new_b[0])
    # every step is named with its formula, as in the lesson files
    for step in ("Step 1: forward pass", "Step 2: cost", "Step 3: gradient", "Step 4: update"):
        assert step in out
    checks = [line for line in out.splitlines() if ".fit:" in line]
    assert len(checks) == 2 and all("agrees" in line or "not run" in line for line in checks)
    if HAVE_NUMPY:
        assert all("agrees" in line for line in checks)


def test_the_linear_example_is_round_numbers(capsys):
    _, out, _ = run(["linear"], capsys)
    assert "J = 54 / 6 + 0/(2*3) * 0 = 9" in out
    assert "w_1 = 0 - 0.01 * (-9) = 0.09" in out
    assert "b   = 0 - 0.01 * (-4) = 0.04" in out


def test_a_file_with_options_and_a_first_batch(capsys):
    status, out, err = run(["linear", "--data", "stackloss", "--rows", "5", "--learning-rate",
                            "0.0001", "--l2", "2", "--batch-size", "2", "--seed", "3"], capsys)
    assert status == 0, err
    from pure.tools import datasets
    data = datasets.to_xy(datasets.open_csv(datasets.find("stackloss"), "stackloss"), "stackloss")
    X, y = data.X[:5], data.y[:5]
    order = list(range(5))
    random.Random(3).shuffle(order)
    cost, grad_w, grad_b, new_w, new_b = first_update("linear", X, y, 0.0001, 2.0, order[:2])
    assert f"samples {order[0] + 1}, {order[1] + 1}" in out
    assert same(printed(out, "J"), cost)  # the penalty is 0 at the start
    for j in range(3):
        assert same(printed(out, f"dJ/dw_{j + 1}"), grad_w[0][j])
        assert same(printed(out, f"w_{j + 1}"), new_w[0][j])
    assert same(printed(out, "b"), new_b[0])
    assert "air_flow" in out


@pytest.mark.parametrize("argv, message", [
    (["linear", "--data", "stackloss", "--rows", "0"], "--rows must be 1 or more"),
    (["logistic", "--data", "stackloss"], "needs 0 or 1"),
    (["softmax", "--data", "iris", "--rows", "3"], "single class"),
    (["linear", "--data", "no_such_file.csv"], "no_such_file"),
    (["linear", "--learning-rate", "-1"], "--learning-rate"),
    (["linear", "--batch-size", "0"], "--batch-size"),
])
def test_bad_input_is_one_line_and_status_2(argv, message, capsys):
    status, out, err = run(argv, capsys)
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and message in err, err


@pytest.mark.parametrize("kind", ["linear", "softmax"])
def test_both_twins_print_the_same_trace(kind):
    pytest.importorskip("numpy")
    outputs = []
    for package in ("pure", "vectorized"):
        result = subprocess.run([sys.executable, "-m", package, "trace", kind], cwd=str(ROOT),
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and "Step 4: update" in outputs[0]
