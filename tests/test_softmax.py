"""SoftmaxRegression: the twins agree, the cost and its gradient match references, it
is LogisticRegression when there are two classes, and bad input gets a clear error.

Parity and reference tests need NumPy and skip themselves without it; the error tests,
the first-cost test and the two-class test also run on the pure twin alone.
"""

import copy
import importlib.util
import math
import random
import re
from pathlib import Path

import pytest

import pure
from twins import assert_all_close, close, random_problem

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
PACKAGES = [pure]
if HAVE_NUMPY:
    import numpy as np

    import vectorized
    PACKAGES.append(vectorized)
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
ids = lambda package: package.__name__  # noqa: E731

ROOT = Path(__file__).resolve().parent.parent
GOOD_X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0], [1.0, 2.0], [2.0, 2.5]]
GOOD_Y = ["b", "a", "c", "c", "a", "b"]


def softmax_problem(seed, options=True):
    """A random problem from twins.random_problem with K = 2..5 classes of random labels.

    The labels are drawn from a softmax of random true weights (Gumbel-max sampling),
    as integers or strings. The learning rate is halved: softmax's cross-entropy has
    up to twice the curvature of the binary log-loss (the Hessian of each loss term in
    z has eigenvalues up to 1/2 instead of 1/4).
    """
    case = random_problem(seed, logistic=True, options=options)
    rng = random.Random(10_000 + seed)
    X, m, n = case["X"], case["m"], case["n"]
    K = rng.randint(2, 5)
    names = rng.choice([
        rng.sample(range(-5, 20), K),
        rng.sample(["cat", "dog", "emu", "yak", "ant", "Zebra", "b", "bb"], K),
    ])
    scales = [max(abs(row[j]) for row in X) or 1.0 for j in range(n)]
    true_w = [[rng.gauss(0, 2) / scales[j] for j in range(n)] for _ in range(K)]
    true_b = [rng.gauss(0, 1) for _ in range(K)]
    y = []
    for row in X:
        noisy = [sum(w * x for w, x in zip(true_w[k], row)) + true_b[k]
                 - math.log(-math.log(rng.random() or 1e-300)) for k in range(K)]
        y.append(names[noisy.index(max(noisy))])
    if m >= 2 and len(set(y)) == 1:  # at least two classes, whenever there are two samples
        y[-1] = next(name for name in names if name != y[0])
    case["params"]["learning_rate"] /= 2
    case.update(y=y, K=len(set(y)))
    return case


def fit_both(case):
    """Fit the pure and the vectorized model; return both, or both exceptions."""
    results = []
    for package, X, y in ((pure, case["X"], case["y"]),
                          (vectorized, np.array(case["X"]), np.array(case["y"]))):
        try:
            results.append(package.SoftmaxRegression(**case["params"]).fit(X, y))
        except (FloatingPointError, ValueError) as error:
            results.append(error)
    return results


def flat_rows(rows):
    return [float(v) for row in rows for v in row]


def assert_same_training(p, v, case):
    if isinstance(p, Exception) or isinstance(v, Exception):
        assert type(p) is type(v), f"pure gave {p!r}, vectorized gave {v!r}"
        # the message names the iteration: both twins diverged at the same update
        assert str(p).split(" with ")[0] == str(v).split(" with ")[0]
        return False
    K, n = case["K"], case["n"]
    assert p.classes == sorted(set(case["y"])) == v.classes.tolist()
    assert isinstance(v.weights, np.ndarray) and v.weights.dtype == np.float64
    assert v.weights.shape == (K, n) and v.bias.shape == (K,) and v.bias.dtype == np.float64
    assert isinstance(p.weights, list) and len(p.weights) == K
    assert all(len(w_k) == n and all(type(w) is float for w in w_k) for w_k in p.weights)
    assert isinstance(p.bias, list) and len(p.bias) == K and all(type(b) is float for b in p.bias)
    assert all(type(c) is float for c in p.cost_history + v.cost_history)
    assert len(p.cost_history) == len(v.cost_history), "the twins stopped at different updates"
    weight_scale = max(abs(w) for w in flat_rows(p.weights) + p.bias)
    assert_all_close(flat_rows(p.weights), flat_rows(v.weights.tolist()), scale=weight_scale, what="weights")
    assert_all_close(p.bias, v.bias.tolist(), scale=weight_scale, what="bias")
    assert_all_close(p.cost_history, v.cost_history, scale=max(p.cost_history), what="cost_history")
    return True


def assert_same_predictions(p, v, X, y):
    proba_p, proba_v = p.predict_proba(X), v.predict_proba(np.array(X))
    assert proba_v.shape == (len(X), len(p.classes))
    assert_all_close(flat_rows(proba_p), flat_rows(proba_v.tolist()), scale=1.0, what="predict_proba")
    labels_p, labels_v = p.predict(X), v.predict(np.array(X))
    assert labels_v.dtype == v.classes.dtype
    for i, (a, b) in enumerate(zip(labels_p, labels_v.tolist())):
        if a != b:  # only a near-tie between the two most probable classes may flip
            top = sorted(proba_p[i])
            assert top[-1] - top[-2] < 1e-9, f"predict[{i}]: {a!r} vs {b!r}"
    assert close(p.cost(X, y), v.cost(X, y), p.cost_history[0])
    if labels_p == labels_v.tolist():
        assert p.score(X, y) == v.score(X, y)


# ---------------------------------------------------------------------------------------
# Parity: the pure and the vectorized twins agree to a relative 1e-9

@needs_numpy
@pytest.mark.parametrize("seed", range(60))
def test_softmax_twins_agree(seed):
    case = softmax_problem(seed)
    p, v = fit_both(case)
    if case["m"] == 1:  # one sample is one class: both twins refuse it the same way
        assert type(p) is type(v) is ValueError and str(p) == str(v)
        return
    if assert_same_training(p, v, case):
        assert_same_predictions(p, v, case["X"], case["y"])


@needs_numpy
@pytest.mark.parametrize("seed", range(20))
def test_softmax_twins_agree_without_options(seed):
    case = softmax_problem(1000 + seed, options=False)
    if case["m"] == 1:
        return
    p, v = fit_both(case)
    if assert_same_training(p, v, case):
        assert_same_predictions(p, v, case["X"], case["y"])


@needs_numpy
@pytest.mark.parametrize("seed", [1, 3, 4, 6, 10, 14])
def test_softmax_twins_diverge_at_the_same_update(seed):
    """A thousandfold step and a strong penalty: w <- w (1 - alpha lambda / m) grows
    without bound, and both twins must give up at the same update. (A large step that
    does not diverge is chaotic, so rounding differences grow: no parity there.)"""
    case = softmax_problem(seed)
    case["params"].update(learning_rate=case["params"]["learning_rate"] * 1e3, l2=10.0,
                          n_iters=200, tol=None)
    p, v = fit_both(case)
    assert isinstance(p, FloatingPointError) and isinstance(v, FloatingPointError)
    assert str(p).split(" with ")[0] == str(v).split(" with ")[0]


def test_the_random_problems_cover_what_they_promise():
    cases = [softmax_problem(seed) for seed in range(60)]
    assert {case["K"] for case in cases if case["m"] > 5} == {2, 3, 4, 5}
    assert any(case["m"] == 1 for case in cases) or any(case["m"] < 4 for case in cases)
    assert any(isinstance(case["y"][0], str) for case in cases)
    assert any(isinstance(case["y"][0], int) for case in cases)
    params = [case["params"] for case in cases]
    assert {p["batch_size"] is None for p in params} == {True, False}
    assert {p["tol"] is None for p in params} == {True, False}
    assert any(p["l2"] > 0 for p in params)


@needs_numpy
def test_softmax_twins_agree_on_saturated_logits():
    """Huge logits: probabilities saturate to exactly 0 or 1, and the cost stays finite."""
    X = [[-800.0], [-30.0], [0.0], [40.0], [900.0]]
    y = [2, 0, 1, 2, 2]
    params = {"learning_rate": 1e-6, "n_iters": 20}
    p = pure.SoftmaxRegression(**params).fit(X, y)
    v = vectorized.SoftmaxRegression(**params).fit(X, y)
    assert_all_close(p.cost_history, v.cost_history, what="cost_history")
    assert_all_close(flat_rows(p.weights), flat_rows(v.weights.tolist()), what="weights")
    for model in (p, v):  # every sample on the wrong side by |z| = 5000: the loss is about 5000
        model.weights = [[0.0], [5000.0]] if model is p else np.array([[0.0], [5000.0]])
        model.bias = [0.0, 0.0] if model is p else np.zeros(2)
        model.classes = [0, 1] if model is p else np.array([0, 1])
    X, y = [[-1.0], [1.0]], [1, 0]
    assert close(p.cost(X, y), 5000.0, 1.0) and close(v.cost(X, y), 5000.0, 1.0)
    assert p.predict_proba(X) == [[1.0, 0.0], [0.0, 1.0]] == v.predict_proba(X).tolist()


@needs_numpy
@pytest.mark.parametrize("verbose", [1, 3, 7])
def test_softmax_twins_print_the_same_progress(verbose, capsys):
    case = softmax_problem(7, options=False)
    outputs = []
    for package in (pure, vectorized):
        package.SoftmaxRegression(learning_rate=case["params"]["learning_rate"], n_iters=10,
                                  verbose=verbose).fit(case["X"], case["y"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    lines = outputs[0].splitlines()
    expected = [t for t in range(1, 11) if t % verbose == 0 or t == 10]
    assert [int(line.split(":")[0].split()[1]) for line in lines] == expected
    assert all(line.startswith("iteration ") and ": cost " in line for line in lines)


# ---------------------------------------------------------------------------------------
# References: finite differences, closed forms, an independent NumPy computation

def three_classes(m=30, n=4, seed=3):
    """Overlapping clouds: a problem whose optimum is finite."""
    rng = random.Random(seed)
    centres = [[rng.gauss(0, 1) for _ in range(n)] for _ in range(3)]
    X, y = [], []
    for i in range(m):
        k = i % 3
        X.append([c + rng.gauss(0, 1.2) for c in centres[k]])
        y.append(k)
    return X, y


def parameters(model):
    return [float(v) for row in model.weights for v in row] + [float(v) for v in model.bias]


def set_parameters(model, theta):
    K, n = len(model.bias), len(model.weights[0])
    weights = [list(theta[k * n:(k + 1) * n]) for k in range(K)]
    bias = list(theta[K * n:])
    vectorized_twin = not isinstance(model.weights, list)
    model.weights = np.array(weights) if vectorized_twin else weights
    model.bias = np.array(bias) if vectorized_twin else bias


@needs_numpy
@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("lam", [0.0, 2.0])
def test_training_gradient_is_the_derivative_of_the_cost(package, lam):
    """theta_(k+1) = theta_k - alpha grad J(theta_k), so the gradient fit used at step k
    is (theta_k - theta_(k+1)) / alpha; it must match central differences of cost()."""
    X, y = three_classes()
    alpha, k, h = 0.05, 5, 1e-6
    before = package.SoftmaxRegression(learning_rate=alpha, n_iters=k, l2=lam).fit(X, y)
    after = package.SoftmaxRegression(learning_rate=alpha, n_iters=k + 1, l2=lam).fit(X, y)
    used = (np.array(parameters(before)) - np.array(parameters(after))) / alpha
    theta = parameters(before)
    numeric = []
    for q in range(len(theta)):
        up, down = list(theta), list(theta)
        up[q] += h
        down[q] -= h
        set_parameters(before, up)
        j_up = before.cost(X, y)
        set_parameters(before, down)
        numeric.append((j_up - before.cost(X, y)) / (2 * h))
    set_parameters(before, theta)
    np.testing.assert_allclose(used, numeric, rtol=1e-6, atol=1e-8)
    # and the cost recorded for step k+1 is cost() at theta_k
    assert math.isclose(after.cost_history[k], before.cost(X, y), rel_tol=1e-12)


@needs_numpy
@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_cost_and_probabilities_match_a_plain_numpy_computation(package):
    """The textbook formulas, computed directly (the values are small: no overflow)."""
    X, y = three_classes(seed=4)
    model = package.SoftmaxRegression(learning_rate=0.1, n_iters=30, l2=0.7).fit(X, y)
    rng = np.random.default_rng(0)
    W, b = rng.normal(size=(3, 4)), rng.normal(size=3)
    set_parameters(model, list(W.ravel()) + list(b))
    Xa = np.array(X)
    P = np.exp(Xa @ W.T + b) / np.exp(Xa @ W.T + b).sum(axis=1, keepdims=True)
    J = -np.mean(np.log(P[np.arange(len(y)), y])) + 0.7 / (2 * len(y)) * np.sum(W ** 2)
    assert math.isclose(model.cost(X, y), J, rel_tol=1e-12)
    proba = np.array(model.predict_proba(X), dtype=float)
    np.testing.assert_allclose(proba, P, rtol=1e-12)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-15)
    assert list(np.asarray(model.predict(X))) == list(P.argmax(axis=1))
    assert model.score(X, y) == np.mean(P.argmax(axis=1) == np.array(y))


@needs_numpy
@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_l2_optimum_makes_the_reference_gradient_vanish(package):
    """At convergence the gradient of the objective, computed here with NumPy, is zero."""
    X, y = three_classes(seed=5)
    lam = 1.5
    model = package.SoftmaxRegression(learning_rate=0.5, n_iters=3000, l2=lam).fit(X, y)
    Xa, m = np.array(X), len(y)
    W, b = np.array(model.weights, dtype=float), np.array(model.bias, dtype=float)
    Z = Xa @ W.T + b
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    Y = np.eye(3)[y]
    grad_W = (P - Y).T @ Xa / m + lam / m * W
    grad_b = (P - Y).sum(axis=0) / m
    assert np.max(np.abs(np.append(grad_W, grad_b))) < 1e-9


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("K", [2, 3, 4, 5])
def test_first_cost_is_log_k(package, K):
    X, _ = three_classes(m=20)
    y = [i % K for i in range(20)]
    model = package.SoftmaxRegression(n_iters=1, l2=3.0).fit(X, y)
    assert math.isclose(model.cost_history[0], math.log(K), rel_tol=1e-15)


def two_clouds(seed=2, m=40):
    rng = random.Random(seed)
    X, y = [], []
    for i in range(m):
        label = i % 2
        X.append([rng.gauss(1.0 if label else -0.5, 1.0), rng.gauss(0.5 if label else 0.0, 1.0)])
        y.append(label)
    return X, y


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("options", [{}, {"l2": 0.8}, {"l2": 0.3, "batch_size": 7, "seed": 3}])
def test_two_classes_follow_logistic_with_twice_the_learning_rate(package, options):
    """From zero, w_0 = -w_1 at every step, and w_1 - w_0 follows LogisticRegression with
    learning_rate 2 alpha and l2 lambda/2: the same probabilities and the same costs."""
    X, y = two_clouds()
    alpha, lam = 0.3, options.get("l2", 0.0)
    others = {key: value for key, value in options.items() if key != "l2"}
    soft = package.SoftmaxRegression(learning_rate=alpha, n_iters=60, l2=lam, **others).fit(X, y)
    logi = package.LogisticRegression(learning_rate=2 * alpha, n_iters=60, l2=lam / 2, **others).fit(X, y)
    assert_all_close(soft.cost_history, logi.cost_history, scale=math.log(2), what="cost_history")
    w0, w1 = [list(map(float, row)) for row in soft.weights]
    scale = max(abs(v) for v in w1 + [float(b) for b in soft.bias])
    assert_all_close(w0, [-v for v in w1], scale=scale, what="w_0 = -w_1")
    assert_all_close([a - b for a, b in zip(w1, w0)], [float(v) for v in logi.weights],
                     scale=scale, what="w_1 - w_0")
    assert close(float(soft.bias[1] - soft.bias[0]), logi.bias, scale)
    p1 = [float(row[1]) for row in soft.predict_proba(X)]
    assert_all_close(p1, [float(p) for p in logi.predict_proba(X)], scale=1.0, what="P(class 1)")
    assert list(soft.predict(X)) == list(logi.predict(X))


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_two_classes_trained_to_convergence_predict_like_logistic(package):
    """With the same learning rate the paths differ, but the optimum is the same."""
    X, y = two_clouds(seed=6)
    soft = package.SoftmaxRegression(learning_rate=0.5, n_iters=5000, tol=1e-15).fit(X, y)
    logi = package.LogisticRegression(learning_rate=0.5, n_iters=5000, tol=1e-15).fit(X, y)
    assert list(soft.predict(X)) == list(logi.predict(X))
    grid = [[a / 2, b / 2] for a in range(-6, 7) for b in range(-6, 7)]
    assert list(soft.predict(grid)) == list(logi.predict(grid))
    p1 = [float(row[1]) for row in soft.predict_proba(grid)]
    assert_all_close(p1, [float(p) for p in logi.predict_proba(grid)], scale=1.0, rtol=1e-6)


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_string_labels_come_back_as_labels(package):
    X = [[-2.0], [-1.5], [-0.25], [0.25], [1.5], [2.0]]
    y = ["low", "low", "mid", "mid", "high", "high"]
    model = package.SoftmaxRegression(learning_rate=0.5, n_iters=1000).fit(X, y)
    assert list(model.classes) == ["high", "low", "mid"]
    assert list(model.predict([[-1.75], [0.0], [1.75]])) == ["low", "mid", "high"]
    assert model.score(X, y) == 1.0
    # integer labels in any order and with gaps: classes sorted, predictions are the labels
    model = package.SoftmaxRegression(learning_rate=0.5, n_iters=1000).fit(X, [7, 7, -3, -3, 12, 12])
    assert list(model.classes) == [-3, 7, 12]
    assert list(model.predict([[-1.75], [0.0], [1.75]])) == [7, -3, 12]


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_bool_and_whole_float_labels_are_integers(package):
    ints = package.SoftmaxRegression(n_iters=5).fit(GOOD_X, [0, 2, 0, 2, 1, 1])
    floats = package.SoftmaxRegression(n_iters=5).fit(GOOD_X, [0.0, 2.0, 0.0, 2.0, 1.0, 1.0])
    assert [type(c) for c in list(floats.classes)] == [type(c) for c in list(ints.classes)]
    assert list(floats.classes) == [0, 1, 2] and list(floats.predict(GOOD_X)) == list(ints.predict(GOOD_X))
    assert list(ints.cost_history) == list(floats.cost_history)
    bools = package.SoftmaxRegression(n_iters=5).fit(GOOD_X, [False, True, False, True, True, False])
    numbers = package.SoftmaxRegression(n_iters=5).fit(GOOD_X, [0, 1, 0, 1, 1, 0])
    assert list(bools.classes) == [0, 1] and list(bools.cost_history) == list(numbers.cost_history)


# ---------------------------------------------------------------------------------------
# Bad input: a clear error, the same type in both twins; a fit that raises keeps the model

# (bad X, bad y, the exception, words the message must contain)
BAD_DATA = [
    pytest.param([], [], ValueError, "empty", id="empty X"),
    pytest.param([[], []], [0, 1], ValueError, "no features", id="no columns"),
    pytest.param([1.0, 2.0, 3.0], [0, 1, 1], ValueError, "2-D", id="flat X"),
    pytest.param([[1.0, 2.0], [3.0]], [0, 1], ValueError, "row 1", id="ragged X"),
    pytest.param([[1.0], [None]], [0, 1], ValueError, "None", id="None in X"),
    pytest.param([[1.0], ["2"]], [0, 1], ValueError, "'2'", id="string in X"),
    pytest.param([[1.0], [float("nan")]], [0, 1], ValueError, "nan", id="NaN in X"),
    pytest.param([[1.0], [2.0]], [0, 1, 1], ValueError, "different lengths", id="y too long"),
    pytest.param([[1.0], [2.0]], [0, None], ValueError, "y[1] is None", id="None in y"),
    pytest.param([[1.0], [2.0]], ["a", None], ValueError, "y[1] is None", id="None among strings"),
    pytest.param([[1.0], [2.0]], [0, float("nan")], ValueError, "nan", id="NaN in y"),
    pytest.param([[1.0], [2.0]], [0, float("inf")], ValueError, "inf", id="inf in y"),
    pytest.param([[1.0], [2.0]], [0, 0.5], ValueError, "whole number", id="fraction in y"),
    pytest.param([[1.0], [2.0]], [0, 1e300], ValueError, "whole number", id="huge float in y"),
    pytest.param([[1.0], [2.0]], [0, b"b"], ValueError, "b'b'", id="bytes in y"),
    pytest.param([[1.0], [2.0]], [0, "b"], ValueError, "cannot be sorted", id="int and string"),
    pytest.param([[1.0], [2.0]], ["a", 1], ValueError, "cannot be sorted", id="string and int"),
    pytest.param([[1.0], [2.0]], [1.5, "a"], ValueError, "whole number", id="fraction and string"),
    pytest.param([[1.0], [2.0]], [[0, 1], [1, 0]], ValueError, "1-D", id="2-D y"),
    pytest.param([[1.0], [2.0]], "01", ValueError, "y", id="string y"),
    pytest.param([[1.0], [2.0], [3.0]], [4, 4, 4], ValueError, "single class", id="one class"),
    pytest.param([[1.0]], ["a"], ValueError, "at least two distinct labels", id="one sample"),
]

# (hyperparameter, bad value, the exception)
BAD_PARAMS = [
    ("learning_rate", "0.1", TypeError), ("learning_rate", 0.0, ValueError),
    ("learning_rate", float("nan"), ValueError), ("n_iters", 10.0, TypeError),
    ("n_iters", True, TypeError), ("n_iters", 0, ValueError), ("l2", "1", TypeError),
    ("l2", -1.0, ValueError), ("tol", -1e-3, ValueError), ("tol", float("nan"), ValueError),
    ("batch_size", 0, ValueError), ("batch_size", 2.0, TypeError), ("seed", 1.5, TypeError),
    ("verbose", -1, ValueError), ("verbose", 1.0, TypeError),
]


def fitted(package):
    return package.SoftmaxRegression(n_iters=3).fit(GOOD_X, GOOD_Y)


def state(model):
    """Everything a fit could change, deep-copied (arrays compare by their lists)."""
    return {key: value.tolist() if hasattr(value, "tolist") else copy.deepcopy(value)
            for key, value in vars(model).items()}


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("X, y, error, words", BAD_DATA)
def test_bad_data_is_refused_and_the_model_is_kept(package, X, y, error, words):
    model = fitted(package)
    before = state(model)
    with pytest.raises(error) as info:
        model.fit(X, y)
    assert words in str(info.value)
    assert state(model) == before


@needs_numpy
@pytest.mark.parametrize("X, y, error, words", BAD_DATA)
def test_bad_data_gets_the_same_message_in_both_twins(X, y, error, words):
    """Lists in, the same message out, except about the number of dimensions: the pure
    twin reads rows one by one, the vectorized twin reads the shape of an array."""
    messages = []
    for package in (pure, vectorized):
        with pytest.raises(error) as info:
            package.SoftmaxRegression().fit(X, y)
        messages.append(str(info.value))
    if words not in ("2-D", "1-D"):
        assert messages[0] == messages[1]


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("param, value, error", BAD_PARAMS)
def test_bad_hyperparameters_are_refused(package, param, value, error):
    model = fitted(package)
    setattr(model, param, value)
    before = state(model)
    with pytest.raises(error, match=param):
        model.fit(GOOD_X, GOOD_Y)
    assert state(model) == before


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("method", ["cost", "score"])
@pytest.mark.parametrize("labels, bad", [(["a", "b", "z", "a", "b", "c"], "'z'"),
                                         ([0, 1, 2, 0, 1, 2], "0"),
                                         (["a", "b", "c", "a", "b", "c "], "'c '")])
def test_a_label_not_seen_in_fit_is_named(package, method, labels, bad):
    model = fitted(package)
    with pytest.raises(ValueError, match="not seen in fit") as info:
        getattr(model, method)(GOOD_X, labels)
    assert f"is {bad}, a label" in str(info.value) and "['a', 'b', 'c']" in str(info.value)


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_cost_and_score_take_a_subset_of_the_classes(package):
    model = fitted(package)
    assert math.isfinite(model.cost(GOOD_X[:2], ["b", "b"]))
    assert 0.0 <= model.score(GOOD_X[:2], ["a", "a"]) <= 1.0


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
@pytest.mark.parametrize("method", ["predict", "cost", "score", "predict_proba"])
def test_using_an_unfitted_model_says_to_call_fit(package, method):
    args = (GOOD_X,) if method.startswith("predict") else (GOOD_X, GOOD_Y)
    with pytest.raises(ValueError, match="not fitted yet. Call 'fit'"):
        getattr(package.SoftmaxRegression(), method)(*args)


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_predict_needs_as_many_features_as_fit_saw(package):
    with pytest.raises(ValueError, match="3 features per row, but .* fitted with 2"):
        fitted(package).predict([[1.0, 2.0, 3.0]])


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_divergence_raises_floating_point_error_and_keeps_the_model(package):
    model = fitted(package)
    model.learning_rate = 1e200
    before = state(model)
    X = [[1e3, -2e3], [3e3, 1e3], [-2e3, 5e2]]
    with pytest.raises(FloatingPointError) as info:
        model.fit(X, [1, 0, 2])
    message = str(info.value)
    assert "iteration" in message and "learning_rate=1e+200" in message
    assert "smaller learning_rate" in message and "scale" in message
    assert state(model) == before


@pytest.mark.parametrize("package", PACKAGES, ids=ids)
def test_hyperparameters_are_plain_attributes(package):
    model = package.SoftmaxRegression(learning_rate=0.3, n_iters=7)
    assert (model.learning_rate, model.n_iters, model.l2, model.tol, model.batch_size,
            model.seed, model.verbose) == (0.3, 7, 0.0, None, None, 0, 0)
    model.n_iters = 4
    assert model.fit(GOOD_X, GOOD_Y) is model and len(model.cost_history) == 4
    assert repr(model).startswith("SoftmaxRegression(learning_rate=0.3, n_iters=4, l2=0.0,")


@needs_numpy
def test_vectorized_takes_arrays_of_labels():
    model = vectorized.SoftmaxRegression(n_iters=5)
    reference = model.fit(GOOD_X, GOOD_Y).cost_history
    column = np.array(GOOD_Y).reshape(-1, 1)
    assert model.fit(np.array(GOOD_X), column).cost_history == reference  # (m, 1): no (m, m) broadcast
    assert model.weights.shape == (3, 2)
    assert model.fit(GOOD_X, np.array(GOOD_Y, dtype=object)).cost_history == reference
    assert model.classes.tolist() == ["a", "b", "c"] and model.classes.dtype.kind == "U"
    assert model.predict(GOOD_X).dtype.kind == "U"
    as_ints = model.fit(GOOD_X, np.array([1, 0, 2, 2, 0, 1], dtype=np.uint8)).cost_history
    assert as_ints == reference and model.classes.dtype == np.int64
    as_floats = model.fit(GOOD_X, np.array([1.0, 0.0, 2.0, 2.0, 0.0, 1.0])).cost_history
    assert as_floats == reference and model.classes.dtype == np.int64


@needs_numpy
@pytest.mark.parametrize("make_y, words", [  # built in the test: the pure env has no NumPy
    (lambda: np.array([0, None, 1, 2, 0, 1], dtype=object), "y[1] is None"),
    (lambda: np.array([0, "a", 1, 2, 0, 1], dtype=object), "cannot be sorted"),
    (lambda: np.array([0.0, 1.0, 2.5, 2.0, 0.0, 1.0]), "y[2] is 2.5"),
    (lambda: np.array([0.0, 1.0, np.nan, 2.0, 0.0, 1.0]), "y[2] is nan"),
    (lambda: np.array([b"a", b"b", b"a", b"b", b"a", b"b"]), "b'a'"),
    (lambda: np.array([1 + 1j] * 6), "(1+1j)"),
    (lambda: np.zeros((6, 2)), "shape (6, 2)"),
])
def test_vectorized_refuses_bad_label_arrays(make_y, words):
    with pytest.raises(ValueError) as info:
        vectorized.SoftmaxRegression().fit(GOOD_X, make_y())
    assert words in str(info.value)


def test_readme_softmax_example_runs():
    """The README's softmax snippet is executed, so it cannot go stale."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Softmax regression", 1)
    assert len(section) == 2, "the README has a 'Softmax regression' subsection"
    snippets = re.findall(r"```python\n(.*?)```", section[1].split("\n## ", 1)[0], re.S)
    assert snippets, "the subsection has a python example"
    for snippet in snippets:
        exec(compile(snippet, "README.md", "exec"), {})


@pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
def test_vectorized_refuses_unsigned_labels_beyond_int64_rather_than_wrapping_them():
    import numpy as np
    y = np.array([2 ** 63, 2 ** 63 + 1], dtype=np.uint64)
    with pytest.raises(ValueError, match="too large a label"):
        vectorized.SoftmaxRegression(n_iters=2).fit([[1.0], [2.0]], y)
    small = vectorized.SoftmaxRegression(n_iters=2).fit([[1.0], [2.0]], np.array([3, 5], dtype=np.uint8))
    assert small.classes.tolist() == [3, 5]
