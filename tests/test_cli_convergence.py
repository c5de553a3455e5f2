"""A run that did not converge says so, and a run that did says nothing; the small things a
careful reader of the output notices.

Gradient descent that went wrong is a result, not an error: exit status 0, and one line in
a teacher's words at the end of the report, the same from ``python -m pure`` and ``python
-m vectorized``. The line between "converged" and "did not" is tested from both sides:
full-batch rises (growing from the start, or after a low point), mini-batch noise that is
no failure, and rounding that is no rise.
"""

import importlib.util
import math
import re

import pytest

import pure
from pure.tools import cli, datasets

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
BACKENDS = ["pure", "vectorized"] if HAVE_NUMPY else ["pure"]
WARNING = "Gradient descent did not converge: "


def run(capsys, backend, *args):
    status = cli.main([str(arg) for arg in args], backend=backend)
    out, err = capsys.readouterr()
    return status, out, err


def both(capsys, *args):
    """Run both twins; each exits 0 with nothing on stderr. Their outputs, pure first."""
    outputs = []
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, *args)
        assert status == 0 and err == "", (backend, out, err)
        outputs.append(out)
    return outputs


def warnings_in(out):
    return [line for line in out.splitlines() if "did not converge" in line]


# One side of the line: runs that went wrong

def test_logistic_without_standardize_says_the_cost_rose_and_what_to_try(capsys):
    """The learner's first run: breast_cancer without --standardize. The cost goes from
    log 2 to thousands and back to hundreds; the report ends saying so."""
    outputs = both(capsys, "logistic", "--data", "breast_cancer", "--n-iters", "100",
                   "--every", "0")
    for out in outputs:
        assert warnings_in(out) == [out.splitlines()[-1]]  # one line, the last
        last = out.splitlines()[-1]
        assert last.startswith(WARNING + "the cost rose from update 1 on, from 0.693147 to "
                                          "9673.95 after update 20, and ended at "), last
        assert last.endswith(", above where it started. Try --standardize, or a smaller "
                             "--learning-rate (this run's was 0.1)."), last
    # After the peak the run is chaotic: the twins' rounding shows in the final cost only.
    assert len({out.splitlines()[-1].split(", and ended at")[0] for out in outputs}) == 1


def test_the_same_line_from_both_twins_and_standardize_is_not_suggested_twice(capsys):
    outputs = both(capsys, "linear", "--data", "stackloss", "--standardize",
                   "--learning-rate", "1", "--n-iters", "300", "--every", "0")
    assert len({out.splitlines()[-1] for out in outputs}) == 1, "the twins' lines differ"
    assert outputs[0].splitlines()[-1] == (
        WARNING + "the cost rose from update 2 on, from 55.5939 to 1.48515e+34 at the end, "
        "above where it started (202.81). Try a smaller --learning-rate (this run's was 1).")
    unscaled = both(capsys, "linear", "--data", "stackloss", "--learning-rate", "0.0005",
                    "--n-iters", "40", "--every", "0")
    assert len({out.splitlines()[-1] for out in unscaled}) == 1
    assert unscaled[0].splitlines()[-1].endswith(
        "Try --standardize, or a smaller --learning-rate (this run's was 0.0005).")


ROSE_AGAIN = re.compile(r"the cost rose from update (\d+) on, from (\S+) to (\S+) after update "
                        r"(\d+), and ended at ([^.\s]+\.?\d*)")


def rose_again(line):
    """The numbers of a "rose from update t on" line: low update, low, peak, peak update, end.
    The oscillation amplifies rounding, so only the first update is compared exactly."""
    found = ROSE_AGAIN.search(line)
    assert found, line
    low_at, low, peak, peak_at, end = found.groups()
    assert int(low_at) == 114 and 114 <= int(peak_at) <= 1000, line
    assert float(low) == pytest.approx(0.131808, rel=1e-5), line
    assert float(peak) > float(end) > float(low) and float(end) < math.log(2), line
    return line[found.end():]


def test_a_cost_that_rises_after_a_low_point_is_caught_though_it_ends_below_the_start(capsys):
    """Standardized, learning rate 20: the cost falls to 0.1318 by update 113, then an
    oscillation grows; it ends near 0.17, far below the start but above its low point."""
    for out in both(capsys, "logistic", "--data", "breast_cancer", "--standardize",
                    "--learning-rate", "20", "--every", "0"):
        last = out.splitlines()[-1]
        assert last.startswith(WARNING + "the cost rose from update 114 on"), last
        assert rose_again(last) == ". Try a smaller --learning-rate (this run's was 20)."


def test_mini_batches_far_above_the_start_are_caught(capsys):
    for out in both(capsys, "logistic", "--data", "breast_cancer", "--batch-size", "32",
                    "--n-iters", "5", "--every", "0"):
        assert out.splitlines()[-1].startswith(
            WARNING + "the cost rose above where it started, from 0.693147 to 5821.79 on "
                      "average over the mini-batches of epoch 3 (updates 37-54), and ended at ")


def test_learning_rates_flags_each_rate_that_did_not_converge(capsys):
    for out in both(capsys, "logistic", "--data", "breast_cancer", "--standardize",
                    "--learning-rates", "1,20"):
        lines = out.splitlines()
        assert lines[-2] == "learning rate  1: final cost 0.132298 after 1000 updates"
        assert lines[-1].startswith("learning rate 20: final cost ")
        assert " after 1000 updates; did not converge: the cost rose from update 114 on" in \
            lines[-1]
        assert rose_again(lines[-1]) == ""


# The other side: runs that converged say nothing

@pytest.mark.parametrize("args", [
    ["linear", "--data", "stackloss", "--standardize"],
    ["linear", "--data", "stackloss", "--standardize", "--learning-rate", "0.5", "--n-iters",
     "3000", "--tol", "0"],  # down to the floor of rounding, and stopped there
    ["logistic", "--data", "breast_cancer", "--standardize", "--learning-rate", "10"],
    ["logistic", "--data", "breast_cancer", "--learning-rate", "1e-5", "--n-iters", "50"],
    ["softmax", "--data", "iris", "--standardize", "--n-iters", "300"],
    ["logistic", "--data", "breast_cancer", "--standardize", "--solver", "newton"],
    ["linear", "--data", "stackloss", "--solver", "normal"],
], ids=lambda args: " ".join(args[:1] + args[3:]))
def test_a_run_that_converged_says_nothing(capsys, args):
    for out in both(capsys, *args, "--every", "0"):
        assert "converge" not in out, out


@pytest.mark.parametrize("args", [
    ["linear", "--data", "stackloss", "--standardize", "--batch-size", "4", "--l2", "0.3",
     "--seed", "5", "--n-iters", "300"],
    ["logistic", "--data", "breast_cancer", "--standardize", "--batch-size", "1",
     "--n-iters", "3"],
    ["softmax", "--data", "iris", "--standardize", "--batch-size", "8", "--n-iters", "100"],
], ids=lambda args: args[0])
def test_noisy_mini_batch_runs_are_not_flagged(capsys, args):
    """Batch costs go up and down by nature: here they rise hundreds of times, which the
    full-batch rule would call a failure, yet the runs converged."""
    for out in both(capsys, *args, "--every", "0"):
        assert "converge" not in out, out
    kind = {"linear": pure.LinearRegression, "logistic": pure.LogisticRegression,
            "softmax": pure.SoftmaxRegression}[args[0]]
    data = datasets.to_xy(datasets.open_csv(datasets.find(args[2]), args[2]), args[2],
                          numeric_target=args[0] != "softmax")
    X = pure.StandardScaler().fit_transform(data.X)
    options = {"batch_size": int(args[args.index("--batch-size") + 1]),
               "n_iters": int(args[args.index("--n-iters") + 1])}
    if "--seed" in args:
        options.update(seed=5, l2=0.3)
    model = kind(**options).fit(X, data.y)
    costs = model.cost_history
    rises = sum(b > a for a, b in zip(costs, costs[1:]))
    assert rises >= 10, rises  # noisy indeed
    per_epoch = cli.updates_per_epoch(len(X), options["batch_size"])
    start = cli.start_cost(kind, options, X, data.y)
    final = model.cost(X, data.y)
    assert final < start
    assert cli.not_converged(costs, start, final, 1) != ""  # taken as full-batch costs: flagged
    assert cli.not_converged(costs, start, final, per_epoch) == ""


def test_the_line_between_rounding_and_a_rise():
    start = 200.0
    falling = [200.0, 50.0, 10.0, 4.0, 4.0 * (1 - 1e-12), 4.0]
    assert cli.not_converged(falling, start, 4.0 * (1 + 1e-12), 1) == ""  # rounding
    assert cli.not_converged(falling, start, 4.0 * (1 + 1e-6), 1).startswith(
        "the cost rose from update 5 on, from 4 to 4 at the end")
    floor = [200.0, 1.0, 1e-20, 1e-30]  # an exact fit, then the noise of rounding near 0
    assert cli.not_converged(floor, start, 5e-30, 1) == ""
    assert cli.not_converged(floor, start, 1e-3, 1) != ""
    # Mini-batches: 1% above the start is the line; the noise of a run that learned nothing
    # (every epoch near the start) is below it.
    flat = [math.log(2) * (1 + 0.002 * (-1) ** t) for t in range(40)]
    assert cli.not_converged(flat, math.log(2), math.log(2) * 1.001, 4) == ""
    assert "above where it started" in cli.not_converged(flat, math.log(2), 0.8, 4)
    assert cli.not_converged([], start, start, 1) == ""


# The small things: "1 feature", the exact solvers' report

def test_one_feature_is_singular(capsys, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("x,y\n1,2\n2,4.1\n3,5.9\n", encoding="utf-8")
    for out in both(capsys, "linear", "--data", path, "--solver", "normal"):
        assert out.splitlines()[0] == "Linear regression on one.csv: 3 rows, 1 feature, target 'y'"
    status, out, _ = run(capsys, "pure", "trace", "linear", "--data", path)
    assert status == 0 and out.splitlines()[0].endswith(", 3 samples, 1 feature"), out
    one_row = tmp_path / "row.csv"
    one_row.write_text("a,b,y\n1,2,3\n", encoding="utf-8")
    for out in both(capsys, "linear", "--data", one_row, "--n-iters", "1"):
        assert "1 row, 2 features" in out.splitlines()[0]
        assert "cost per update (1 update):" in out


def test_the_normal_equation_shows_no_updates_and_no_setting_the_user_did_not_give(capsys):
    for solver in ("normal", "qr"):
        for out in both(capsys, "linear", "--data", "stackloss", "--solver", solver):
            assert "verbose" not in out and "iteration" not in out, out
            assert "cost per" not in out and "|" not in out  # no chart of a single cost
            assert out.splitlines()[1] == (
                f"model: LinearRegression(learning_rate=0.01, n_iters=1000, l2=0.0, tol=None, "
                f"batch_size=None, seed=0, solver='{solver}', record_params=False)")
            assert out.splitlines()[-1].startswith("R^2 ")


def test_newton_steps_are_called_steps_and_gd_shows_no_verbose_either(capsys):
    for out in both(capsys, "logistic", "--data", "breast_cancer", "--standardize", "--solver",
                    "newton"):
        steps = [line for line in out.splitlines() if line.startswith("iteration ")]
        assert f"cost per Newton step ({len(steps)} steps):" in out
        assert "verbose" not in out
    for out in both(capsys, "linear", "--data", "stackloss", "--standardize", "--every", "250"):
        assert "verbose" not in out and "iteration 250: cost" in out
