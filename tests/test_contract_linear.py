"""Issue 15 for LinearRegression: every failure the fuzzer found, as a regression test.

Each case runs on both twins: the same outcome (the same parameters, or the same exception type
with the same message), nothing non-finite returned, no RuntimeWarning (warnings are errors).
"""

import math
from decimal import Decimal
from fractions import Fraction

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402

X4 = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.5]]
Y4 = [1.0, 0.0, 2.5, 3.0]


def both(make):
    """make(package) for each twin: its result, or the exception it raised."""
    results = []
    for package in (pure, vectorized):
        try:
            results.append(make(package))
        except Exception as error:  # compared by the caller
            results.append(error)
    return results


def same_error(results, kind, *words):
    for result in results:
        assert type(result) is kind, f"expected {kind.__name__}, got {result!r}"
        for word in words:
            assert word in str(result), str(result)
    assert str(results[0]) == str(results[1]), [str(r) for r in results]
    return str(results[0])


def params(model):
    return [float(v) for v in list(model.weights) + [model.bias]]


def test_the_last_update_is_checked_too():
    """lr=1e308: the one update gives weights [inf] while the cost it started from was finite."""
    results = both(lambda p: p.LinearRegression(learning_rate=1e308, n_iters=1).fit(
        [[1.0], [2.0]], [1.0, 2.0]))
    same_error(results, FloatingPointError, "diverged at iteration 1", "learning_rate=1e+308")


def test_inf_and_nan_divergence_read_the_same():
    messages = []
    for X, y in (([[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0]), ([[1e3], [-2e3]], [1.0, 0.0])):
        results = both(lambda p: p.LinearRegression(learning_rate=1e5, n_iters=500).fit(X, y))
        messages.append(same_error(results, FloatingPointError, "are no longer finite numbers"))
    assert messages[0].split(" at iteration")[0] == messages[1].split(" at iteration")[0]


def test_the_normal_equation_checks_its_cost():
    """Targets of +-9.3e298 that no line fits: the squared residuals overflow."""
    results = both(lambda p: p.LinearRegression(solver="normal").fit(
        [[i] for i in range(10)], [9.3e298 * (-1) ** i for i in range(10)]))
    same_error(results, FloatingPointError, "not finite", "Scale")


def test_the_normal_equation_on_constant_huge_targets_agrees():
    """The fuzzer's case: pure recorded a cost of inf, vectorized 0.0; now both the exact 0."""
    p, v = both(lambda p: p.LinearRegression(solver="normal").fit(
        [[i] for i in range(10)], [-9.3e298] * 10))
    assert p.cost_history == v.cost_history == [0.0]
    assert params(p) == params(v) == [0.0, -9.3e298]


def test_the_normal_equation_on_huge_features_raises_without_warnings():
    X = [[1e200, 1.0], [-1e200, 2.0], [3e200, 0.0]]
    results = both(lambda p: p.LinearRegression(solver="normal").fit(X, [1.0, 2.0, 3.0]))
    same_error(results, FloatingPointError, "overflow")


@pytest.mark.parametrize("method", ["predict", "cost", "score"])
def test_huge_X_after_a_fit_raises_instead_of_nan(method):
    def call(p):
        model = p.LinearRegression(solver="normal").fit([[0.0], [1.0], [2.0]], [0.0, 2.0, 4.0])
        X = [[1.7e308], [1.0]]
        return model.predict(X) if method == "predict" else getattr(model, method)(X, [1., 2.])
    message = same_error(both(call), ValueError, "not finite", "1.7e+308")
    assert ("cost is" if method == "cost" else "predictions are") in message


def test_the_cost_that_overflows_alone_is_refused():
    """Finite predictions whose squared error overflows: the cost is inf, so it is refused."""
    def call(p):
        model = p.LinearRegression(solver="normal").fit([[0.0], [1.0], [2.0]], [0.0, 2.0, 4.0])
        return model.cost([[1e160], [1.0]], [-1e160, 2.0])
    same_error(both(call), ValueError, "the cost is not finite")


@pytest.mark.parametrize("scale", [1e-300, 1e-160, 1.0, 1e150, 1e300])
def test_r2_neither_underflows_nor_overflows(scale):
    X = [[0.0], [1.0], [2.0], [3.0]]
    y = [0.0, 1.1 * scale, 1.9 * scale, 3.0 * scale]

    def score(p):
        model = p.LinearRegression(solver="normal").fit(X, [0.0, 1.1, 1.9, 3.0])
        weights = [float(w) * scale for w in model.weights]  # the same line, scaled
        model.weights = weights if p is pure else np.array(weights)
        model.bias = model.bias * scale
        return model.score(X, y)
    p, v = both(score)
    assert isinstance(p, float) and isinstance(v, float), (p, v)
    expected = np.corrcoef([0, 1, 2, 3], [0.0, 1.1, 1.9, 3.0])[0, 1] ** 2
    assert p == pytest.approx(expected, rel=1e-9) and v == pytest.approx(expected, rel=1e-9)


def test_r2_of_a_constant_target_keeps_its_rule():
    X = [[0.0], [1.0], [2.0]]
    for model in both(lambda p: p.LinearRegression(solver="normal").fit(X, [5.0, 5.0, 5.0])):
        assert model.score(X, [5.0, 5.0, 5.0]) == 1.0
        assert model.score([[0.0], [1.0], [3.0]], [4.0, 4.0, 4.0]) == 0.0


@pytest.mark.parametrize("make_X, words", [
    (lambda: np.array(5.0), "got a 0-D array"),
    (lambda: iter(X4), "can be read only once"),
    (lambda: (row for row in X4), "can be read only once"),
    (lambda: {tuple(row) for row in X4}, "a set has no order"),
    (lambda: {tuple(row): 0 for row in X4}, "a dict gives its keys"),
    (lambda: [[Decimal("1"), 2.0]] + X4[1:], "Decimal('1'), not a number"),
    (lambda: np.array(X4, dtype=complex), "a complex number"),
    (lambda: np.ma.array(X4, mask=np.zeros((4, 2))), "X is a masked array"),
    (lambda: [[10 ** 400, 1.0]] + X4[1:], "an integer of 401 digits"),
], ids=["0-d", "iterator", "generator", "set", "dict", "Decimal", "complex", "masked",
        "huge int"])
def test_one_contract_for_X(make_X, words):
    same_error(both(lambda p: p.LinearRegression().fit(make_X(), Y4)), ValueError, words)


@pytest.mark.parametrize("make_y, words", [
    (lambda: np.array(1.0), "got a 0-D array"),
    (lambda: np.zeros((4, 2)), "got shape (4, 2)"),
    (lambda: [[1.0, 2.0]] * 4, "got rows of 2 values"),
    (lambda: np.ma.array(Y4, mask=[0, 1, 0, 0]), "y is a masked array"),
    (lambda: set(Y4), "y is a set"),
    (lambda: iter(Y4), "can be read only once"),
], ids=["0-d", "2-d", "rows", "masked", "set", "iterator"])
def test_one_contract_for_y(make_y, words):
    same_error(both(lambda p: p.LinearRegression().fit(X4, make_y())), ValueError, words)


class Frame:
    """Like a pandas DataFrame: iterating gives the column names, to_numpy() the values."""

    def __init__(self, values):
        self.values = values

    def __iter__(self):
        return iter(["mean_radius", "flag"])

    def to_numpy(self):
        return np.array(self.values, dtype=object)


@pytest.mark.parametrize("X", [
    [[Fraction(int(a)), bool(b)] for a, b in X4[:2]] + [[2, True], [3, 0.5]],
    np.array([[0.0, True], [1.0, False], [2.0, True], [3.0, 0.5]], dtype=object),
    Frame([[0.0, True], [1.0, False], [2.0, True], [3.0, 0.5]]),
    "matrix",
], ids=["Fraction and bool", "object array", "frame", "np.matrix"])
def test_exact_and_mixed_entries_train_like_floats(X):
    if isinstance(X, str):
        with pytest.warns(PendingDeprecationWarning):  # NumPy discourages it; learners meet it
            X = np.matrix(X4)
    for model in both(lambda p: p.LinearRegression(solver="normal").fit(X, Y4)):
        reference = type(model)(solver="normal").fit(X4, Y4)
        assert params(model) == pytest.approx(params(reference), rel=1e-12)


def test_a_huge_negative_int_is_minus_infinity():
    same_error(both(lambda p: p.LinearRegression(tol=-10 ** 400).fit(X4, Y4)), ValueError,
               "tol must be None or a number >= 0, got -inf")


@pytest.mark.parametrize("offset", [1e9, 1e12])
def test_the_twins_agree_on_features_offset_far_from_zero(offset):
    rng = np.random.default_rng(3)
    X = offset + rng.normal(size=(30, 2)) * [1.0, 3.0]
    y = X @ [0.5, -0.25] + rng.normal(0.0, 0.1, 30)
    p, v = both(lambda p: p.LinearRegression(solver="normal").fit(X.tolist(), y.tolist()))
    np.testing.assert_allclose(p.weights, v.weights, rtol=1e-9)
