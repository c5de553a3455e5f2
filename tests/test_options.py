"""Training options: l2, tol, batch_size with seed, and StandardScaler.

Behaviour that needs only the standard library runs on the pure twin alone too; with
NumPy installed it runs on both twins, and the mini-batch schedule is checked against
an independent NumPy implementation of the formulas in the docstrings.
"""

import importlib.util
import math
import random

import pytest

import pure
from twins import assert_all_close, flat

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
PACKAGES = [pure]
if HAVE_NUMPY:
    import numpy as np

    import vectorized
    PACKAGES.append(vectorized)
by_package = pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
MODELS = pytest.mark.parametrize("name", ["LinearRegression", "LogisticRegression"])


def problem(name, seed=3, m=30, n=3):
    rng = random.Random(seed)
    X = [[rng.gauss(0, 1) + j for j in range(n)] for _ in range(m)]
    if name == "LogisticRegression":
        y = [1 if row[0] - row[1] + rng.gauss(0, 1) > -1 else 0 for row in X]
    else:
        y = [2 * row[0] - row[1] + 0.5 * row[2] + rng.gauss(0, 0.1) for row in X]
    return X, y


# --- l2 -------------------------------------------------------------------------------

@by_package
def test_linear_bias_is_not_penalized(package):
    """With centred features the ridge intercept is exactly mean(y), whatever lambda;
    a penalized bias would shrink it to m/(m + lambda) mean(y)."""
    X, y = problem("LinearRegression")
    means = [sum(column) / len(column) for column in zip(*X)]
    X = [[x - mean for x, mean in zip(row, means)] for row in X]
    y = [t + 3.0 for t in y]  # a mean far from 0, so a shrunken bias would show
    model = package.LinearRegression(learning_rate=0.05, n_iters=3000, l2=50.0).fit(X, y)
    assert math.isclose(model.bias, sum(y) / len(y), rel_tol=1e-10)
    assert max(abs(w) for w in flat(model.weights)) < 1.0  # the weights did shrink


@by_package
def test_logistic_bias_is_not_penalized(package):
    """At the optimum dJ/db = 1/m sum_i (p_i - y_i) = 0 when b is not penalized, so the
    mean predicted probability equals the share of ones, whatever lambda."""
    X, y = problem("LogisticRegression")
    model = package.LogisticRegression(learning_rate=0.5, n_iters=5000, l2=10.0).fit(X, y)
    probabilities = flat(model.predict_proba(X))
    assert abs(sum(probabilities) / len(y) - sum(y) / len(y)) < 1e-10


@by_package
@MODELS
def test_cost_includes_the_penalty(package, name):
    X, y = problem(name)
    plain = getattr(package, name)(n_iters=20).fit(X, y)
    penalized = getattr(package, name)(n_iters=20).fit(X, y)
    penalized.l2 = 3.0
    squares = sum(w * w for w in flat(plain.weights))
    assert math.isclose(penalized.cost(X, y), plain.cost(X, y) + 3.0 / (2 * len(y)) * squares,
                        rel_tol=1e-12)


# --- tol ------------------------------------------------------------------------------

@by_package
@MODELS
def test_tol_stops_after_the_first_small_change(package, name):
    X, y = problem(name)
    tol = 1e-6
    model = getattr(package, name)(learning_rate=0.05, n_iters=100000, tol=tol).fit(X, y)
    history = model.cost_history
    assert 2 <= len(history) < 100000
    changes = [abs(b - a) for a, b in zip(history, history[1:])]
    assert changes[-1] < tol
    assert all(change >= tol for change in changes[:-1])


@by_package
@MODELS
def test_tol_zero_or_none_runs_every_iteration(package, name):
    X, y = problem(name)
    for tol in (None, 0.0):
        model = getattr(package, name)(n_iters=37, tol=tol).fit(X, y)
        assert len(model.cost_history) == 37


@by_package
@MODELS
def test_tol_with_batches_compares_epoch_means(package, name):
    X, y = problem(name)
    m, batch_size, tol = len(X), 7, 1e-4
    per_epoch = math.ceil(m / batch_size)
    model = getattr(package, name)(learning_rate=0.02, n_iters=5000, tol=tol,
                                   batch_size=batch_size).fit(X, y)
    history = model.cost_history
    assert len(history) % per_epoch == 0 and len(history) < 5000 * per_epoch
    means = [sum(history[k:k + per_epoch]) / per_epoch for k in range(0, len(history), per_epoch)]
    changes = [abs(b - a) for a, b in zip(means, means[1:])]
    assert changes[-1] < tol and all(change >= tol for change in changes[:-1])


# --- batch_size and seed ---------------------------------------------------------------

@by_package
@MODELS
@pytest.mark.parametrize("batch_size", [1, 4, 7, 30])
def test_each_epoch_makes_ceil_m_over_b_updates(package, name, batch_size):
    X, y = problem(name)
    model = getattr(package, name)(n_iters=3, batch_size=batch_size).fit(X, y)
    assert len(model.cost_history) == 3 * math.ceil(len(X) / batch_size)


@by_package
@MODELS
def test_a_batch_as_large_as_the_data_is_full_batch(package, name):
    X, y = problem(name)
    full = getattr(package, name)(n_iters=25).fit(X, y)
    for batch_size in (len(X), len(X) + 1, 10 ** 6):
        big = getattr(package, name)(n_iters=25, batch_size=batch_size, seed=5).fit(X, y)
        assert flat(big.weights) == flat(full.weights) and big.cost_history == full.cost_history


@by_package
@MODELS
def test_the_same_seed_gives_the_same_run_and_another_seed_another(package, name):
    X, y = problem(name)
    runs = [getattr(package, name)(n_iters=5, batch_size=4, seed=seed).fit(X, y)
            for seed in (11, 11, 12)]
    assert flat(runs[0].weights) == flat(runs[1].weights)
    assert runs[0].cost_history == runs[1].cost_history
    assert flat(runs[0].weights) != flat(runs[2].weights)


def reference_minibatch(X, y, logistic, learning_rate, n_iters, l2, batch_size, seed):
    """The docstring's formulas, written independently: shuffle each epoch with
    random.Random(seed), one update per batch, batch mean plus lambda/m w (full m)."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    m, n = X.shape
    w, b, history = np.zeros(n), 0.0, []
    rng, order = random.Random(seed), list(range(m))
    for _ in range(n_iters):
        rng.shuffle(order)
        for start in range(0, m, batch_size):
            rows = order[start:start + batch_size]
            Xb, yb = X[rows], y[rows]
            z = Xb @ w + b
            if logistic:
                p = 1 / (1 + np.exp(-z))
                loss = np.mean(-yb * np.log(p) - (1 - yb) * np.log(1 - p))
            else:
                p = z
                loss = np.mean((z - yb) ** 2) / 2
            history.append(loss + l2 / (2 * m) * (w @ w))
            grad_w = Xb.T @ (p - yb) / len(rows) + l2 / m * w
            grad_b = np.mean(p - yb)
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
    return w, b, history


@needs_numpy
@by_package
@MODELS
@pytest.mark.parametrize("batch_size", [1, 4, 9])
def test_minibatch_matches_an_independent_implementation(package, name, batch_size):
    X, y = problem(name, m=23)
    params = dict(learning_rate=0.05, n_iters=4, l2=0.7, batch_size=batch_size, seed=42)
    model = getattr(package, name)(**params).fit(X, y)
    w, b, history = reference_minibatch(X, y, name == "LogisticRegression", **params)
    assert_all_close(flat(model.weights), w.tolist(), rtol=1e-12, what="weights")
    assert math.isclose(model.bias, b, rel_tol=1e-12, abs_tol=1e-14)
    assert_all_close(model.cost_history, history, rtol=1e-12, what="cost_history")


# --- StandardScaler --------------------------------------------------------------------

SCALER_X = [[1000.0, 0.001, 5.0], [2000.0, 0.003, 5.0], [3500.0, 0.002, 5.0], [1500.0, -0.004, 5.0]]


@by_package
def test_scaler_uses_the_population_std_and_gives_constant_columns_std_1(package):
    scaler = package.StandardScaler().fit(SCALER_X)
    columns = list(zip(*SCALER_X))
    for j, column in enumerate(columns[:2]):
        mean = sum(column) / len(column)
        std = math.sqrt(sum((v - mean) ** 2 for v in column) / len(column))  # divide by m
        assert math.isclose(scaler.mean[j], mean, rel_tol=1e-12)
        assert math.isclose(scaler.std[j], std, rel_tol=1e-12)
    assert scaler.mean[2] == 5.0 and scaler.std[2] == 1.0
    scaled = [flat(row) for row in scaler.transform(SCALER_X)]
    for j in range(2):
        column = [row[j] for row in scaled]
        assert abs(sum(column) / len(column)) < 1e-12
        assert math.isclose(sum(v * v for v in column) / len(column), 1.0, rel_tol=1e-12)
    assert all(row[2] == 0.0 for row in scaled)
    back = [flat(row) for row in scaler.inverse_transform(scaled)]
    for row, original in zip(back, SCALER_X):
        assert_all_close(row, original, rtol=1e-12)
    assert [flat(r) for r in package.StandardScaler().fit_transform(SCALER_X)] == scaled


@by_package
def test_scaler_survives_a_spread_that_underflows(package):
    X = [[0.0, 1.0], [1e-200, 2.0]]  # (1e-200)^2 underflows to 0: the std would be 0
    scaled = [flat(row) for row in package.StandardScaler().fit_transform(X)]
    assert all(math.isfinite(v) for row in scaled for v in row)


@needs_numpy
def test_scaler_twins_agree_and_match_numpy_std():
    p = pure.StandardScaler().fit(SCALER_X)
    v = vectorized.StandardScaler().fit(SCALER_X)
    X = np.array(SCALER_X)
    assert_all_close(p.std[:2], np.std(X, axis=0)[:2].tolist(), rtol=1e-12)
    assert_all_close(p.mean, v.mean.tolist(), rtol=1e-12)
    assert_all_close(p.std, v.std.tolist(), rtol=1e-12)
    for a, b in zip(p.transform(SCALER_X), v.transform(X).tolist()):
        assert_all_close(a, b, scale=1.0, rtol=1e-12)


@by_package
def test_scaler_errors(package):
    scaler = package.StandardScaler()
    with pytest.raises(ValueError, match="not fitted yet. Call 'fit'"):
        scaler.transform(SCALER_X)
    with pytest.raises(ValueError, match="empty"):
        scaler.fit([])
    with pytest.raises(ValueError, match="None"):
        scaler.fit([[1.0], [None]])
    scaler.fit(SCALER_X)
    with pytest.raises(ValueError, match="2 features per row, but this StandardScaler was fitted with 3"):
        scaler.transform([[1.0, 2.0]])


@by_package
def test_scaling_turns_a_diverging_run_into_a_converging_one(package):
    """The README's point: unscaled features need a tiny step or blow up; scaled, the
    same learning rate converges in a few hundred iterations."""
    rng = random.Random(0)
    X = [[rng.uniform(500, 3000), rng.uniform(0, 0.01)] for _ in range(40)]
    y = [0.002 * a + 300 * b + rng.gauss(0, 0.05) for a, b in X]
    with pytest.raises(FloatingPointError):
        package.LinearRegression(learning_rate=0.1, n_iters=500).fit(X, y)
    X_scaled = package.StandardScaler().fit_transform(X)
    model = package.LinearRegression(learning_rate=0.1, n_iters=300).fit(X_scaled, y)
    assert model.score(X_scaled, y) > 0.99
    assert abs(model.cost_history[-1] - model.cost_history[-2]) < 1e-9
