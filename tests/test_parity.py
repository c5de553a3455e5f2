"""Parity: the pure and the vectorized twins give the same results to a relative 1e-9.

Each case is a seeded random problem (see twins.py): weights, bias, every cost_history
entry, predictions, probabilities, cost and score must agree, and where training stops
(the length of cost_history) must be the same. A run that diverges must raise the same
FloatingPointError in both twins at the same iteration.
"""

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402
from twins import assert_all_close, close, flat, random_problem  # noqa: E402

SEEDS = range(60)


def fit_both(name, case):
    """Fit the pure and the vectorized model; return both, or both exceptions."""
    results = []
    for package, X, y in ((pure, case["X"], case["y"]),
                          (vectorized, np.array(case["X"]), np.array(case["y"]))):
        model = getattr(package, name)(**case["params"])
        try:
            results.append(model.fit(X, y))
        except FloatingPointError as error:
            results.append(error)
    return results


def assert_same_training(p, v, case):
    if isinstance(p, Exception) or isinstance(v, Exception):
        assert type(p) is type(v), f"pure gave {p!r}, vectorized gave {v!r}"
        # the message names the iteration: both twins diverged at the same update
        assert str(p).split(" with ")[0] == str(v).split(" with ")[0]
        return False
    assert isinstance(v.weights, np.ndarray) and v.weights.dtype == np.float64
    assert v.weights.shape == (case["n"],)
    assert isinstance(p.weights, list) and all(type(w) is float for w in p.weights)
    assert type(p.bias) is float and type(v.bias) is float
    assert all(type(c) is float for c in p.cost_history + v.cost_history)
    assert len(p.cost_history) == len(v.cost_history), "the twins stopped at different updates"
    assert_all_close(p.weights, flat(v.weights), what="weights")
    weight_scale = max([abs(w) for w in p.weights] + [abs(p.bias)])
    assert close(p.bias, v.bias, weight_scale), (p.bias, v.bias)
    assert_all_close(p.cost_history, v.cost_history, scale=max(p.cost_history), what="cost_history")
    return True


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_twins_agree(seed):
    case = random_problem(seed)
    p, v = fit_both("LinearRegression", case)
    if not assert_same_training(p, v, case):
        return
    X, y = case["X"], case["y"]
    y_scale = max(abs(t) for t in y) + max(abs(w) for w in p.weights + [p.bias])
    assert_all_close(p.predict(X), flat(v.predict(np.array(X))), scale=y_scale, what="predict")
    assert close(p.cost(X, y), v.cost(X, y), p.cost_history[0])
    assert close(p.score(X, y), v.score(X, y), 1.0)


@pytest.mark.parametrize("seed", SEEDS)
def test_logistic_twins_agree(seed):
    case = random_problem(seed, logistic=True)
    p, v = fit_both("LogisticRegression", case)
    if not assert_same_training(p, v, case):
        return
    X, y = case["X"], case["y"]
    assert_all_close(p.predict_proba(X), flat(v.predict_proba(X)), scale=1.0, what="predict_proba")
    labels_v = v.predict(X)
    assert labels_v.dtype.kind == "i" and set(labels_v.tolist()) <= {0, 1}
    assert p.predict(X) == labels_v.tolist()
    assert close(p.cost(X, y), v.cost(X, y), p.cost_history[0])
    assert p.score(X, y) == v.score(X, y)


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("name", ["LinearRegression", "LogisticRegression"])
def test_twins_agree_without_options(name, seed):
    """The core path alone: only learning_rate and n_iters, as in the seeds of this project."""
    case = random_problem(1000 + seed, logistic=name == "LogisticRegression", options=False)
    p, v = fit_both(name, case)
    assert_same_training(p, v, case)


@pytest.mark.parametrize("name", ["LinearRegression", "LogisticRegression"])
def test_twins_agree_on_saturated_logits(name):
    """Huge logits: the sigmoid saturates to exactly 0 or 1, and the cost stays finite."""
    X = [[-800.0], [-30.0], [0.0], [40.0], [900.0]]
    y = [0, 0, 1, 1, 1] if name == "LogisticRegression" else [-1.0, 0.0, 1.0, 2.0, 3.0]
    params = {"learning_rate": 1e-6, "n_iters": 20}
    p = getattr(pure, name)(**params).fit(X, y)
    v = getattr(vectorized, name)(**params).fit(X, y)
    assert_all_close(p.cost_history, v.cost_history, what="cost_history")
    assert_all_close(p.weights, flat(v.weights), what="weights")


def test_twins_agree_with_huge_logits_in_the_cost():
    X = [[-1.0], [1.0]]
    y = [1, 0]  # both points on the wrong side: the loss is about |z|, not inf
    p = pure.LogisticRegression().fit(X, y)
    v = vectorized.LogisticRegression().fit(X, y)
    for model in (p, v):
        model.weights = [5000.0] if model is p else np.array([5000.0])
        model.bias = 0.0
    assert close(p.cost(X, y), 5000.0, 1.0) and close(v.cost(X, y), 5000.0, 1.0)
    assert p.predict_proba(X) == [0.0, 1.0] and v.predict_proba(X).tolist() == [0.0, 1.0]


@pytest.mark.parametrize("verbose", [1, 3, 7])
@pytest.mark.parametrize("name", ["LinearRegression", "LogisticRegression"])
def test_twins_print_the_same_progress(name, verbose, capsys):
    case = random_problem(7, logistic=name == "LogisticRegression", options=False)
    outputs = []
    for package in (pure, vectorized):
        getattr(package, name)(learning_rate=case["params"]["learning_rate"], n_iters=10,
                               verbose=verbose).fit(case["X"], case["y"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    lines = outputs[0].splitlines()
    expected = [t for t in range(1, 11) if t % verbose == 0 or t == 10]
    assert [int(line.split(":")[0].split()[1]) for line in lines] == expected
    assert all(line.startswith("iteration ") and ": cost " in line for line in lines)
