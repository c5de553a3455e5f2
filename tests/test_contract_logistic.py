"""LogisticRegression follows the one input contract (issue 15) in both twins, and predict
takes a decision threshold.

Each failure the issue lists that concerns this model has a regression test here: updates
whose parameters overflow, divergence reported the same whether the cost is inf or NaN,
non-finite output on finite but huge X, the forms of data only one twin took or refused
(sets, generators, 0-d arrays, masked arrays, complex and Decimal entries, frames), and a
huge negative int as tol. Then the threshold: what it does, and what it refuses.
"""

import math
import warnings
from fractions import Fraction
from decimal import Decimal

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402
from twins import flat  # noqa: E402

X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0], [1.5, 0.0], [2.5, 1.0]]  # column 2: 0/1
Y = [0, 0, 1, 1, 0, 1]


def both(call):
    """call(package) in each twin, warnings as errors: the results or the exceptions."""
    results = []
    for package in (pure, vectorized):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                results.append(call(package))
        except Exception as error:  # compared by the tests
            results.append(error)
    return results


def assert_same_error(results, kind, words):
    for result in results:
        assert isinstance(result, kind), f"expected {kind.__name__}, got {result!r}"
        assert words in str(result), str(result)
    assert str(results[0]) == str(results[1])


class Frame:
    """A pandas stand-in: only to_numpy() may be used (iterating gives column names)."""

    def __init__(self, values):
        self.values = values

    def to_numpy(self):
        return np.array(self.values, dtype=object)

    def __iter__(self):
        return iter(["first", "second"])


# --- nothing non-finite leaves a public method -------------------------------------------

def test_an_update_that_overflows_the_parameters_is_divergence():
    """The cost of update 1 is finite (log 2); the parameters it makes are not."""
    results = both(lambda p: p.LogisticRegression(learning_rate=1e308, n_iters=1)
                   .fit([[1e10], [-1e10]], [1, 0]))
    assert_same_error(results, FloatingPointError, "diverged at iteration 1")
    assert "with learning_rate=1e+308" in str(results[0])


@pytest.mark.parametrize("learning_rate", [1e300, 1e306])
def test_divergence_says_the_same_whether_inf_or_nan(learning_rate):
    results = both(lambda p: p.LogisticRegression(learning_rate=learning_rate, n_iters=50)
                   .fit([[1e5, -3e5], [2e5, 1e5], [-1e5, 2e5]], [1, 0, 1]))
    assert_same_error(results, FloatingPointError, "the cost or the parameters are no longer")


@pytest.mark.parametrize("method", ["predict_proba", "predict", "cost", "score"])
def test_huge_X_raises_instead_of_returning_nan(method):
    def call(package):
        model = package.LogisticRegression(learning_rate=1.0, n_iters=200).fit(
            [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
        assert model.weights[0] > 2  # so that w x overflows below
        before = (flat(model.weights), model.bias)
        data = [[1.7e308], [1.0]]
        try:
            return getattr(model, method)(data, *([[0, 1]] if method in ("cost", "score") else []))
        finally:
            assert (flat(model.weights), model.bias) == before
    assert_same_error(both(call), ValueError, "not finite: X holds values too large")


def test_probabilities_of_large_but_finite_logits_stay_in_0_1():
    for package in (pure, vectorized):
        model = package.LogisticRegression(n_iters=50).fit(X, Y)
        p = flat(model.predict_proba([[1e200, 0.0], [-1e200, 0.0]]))
        assert all(0.0 <= p_i <= 1.0 for p_i in p) and p[0] != p[1]


# --- one contract for the data -------------------------------------------------------------

BAD = [
    ("set", lambda: {(0.0, 1.0), (1.0, 0.0), (2.0, 1.0), (3.0, 0.0), (1.5, 0.0), (2.5, 1.0)},
     Y, "X is a set, not a sequence of rows"),
    ("generator", lambda: (row for row in X), Y, "which can be read only once"),
    ("0-d array", lambda: np.array(3.0), Y, "got a 0-D array"),
    ("3-d array", lambda: np.zeros((6, 2, 1)), Y, "got a 3-D array"),
    ("masked array", lambda: np.ma.masked_array(X, mask=np.zeros((6, 2))), Y, "masked array"),
    ("complex entry", lambda: [X[0], [1.0, 2j]] + X[2:], Y, "X[1][1] is 2j, a complex number"),
    ("Decimal entry", lambda: [X[0], [Decimal("1"), 0.0]] + X[2:], Y,
     "X[1][0] is Decimal('1'), not a number"),
    ("huge int", lambda: [X[0], [10 ** 400, 0.0]] + X[2:], Y, "an integer of 401 digits"),
    ("y a dict", lambda: X, {k: v for k, v in enumerate(Y)}, "y is a dict, not a sequence"),
    ("y 0-d", lambda: X, np.array(1.0), "y must be 1-D"),
    ("y rows", lambda: X, [[0, 1]] * 6, "got rows of 2 values"),
    ("y complex", lambda: X, Y[:5] + [1j], "y[5] is 1j, a complex number"),
]


@pytest.mark.parametrize("what, make_X, y, words", BAD, ids=[case[0] for case in BAD])
def test_both_twins_refuse_alike_and_the_model_is_left_as_it_was(what, make_X, y, words):
    def call(package):
        model = package.LogisticRegression(n_iters=5).fit(X, Y)
        before = (flat(model.weights), model.bias, list(model.cost_history))
        try:
            return model.fit(make_X(), y)
        finally:
            assert (flat(model.weights), model.bias, list(model.cost_history)) == before
    assert_same_error(both(call), ValueError, words)


def matrix(rows):
    with warnings.catch_warnings():  # NumPy discourages np.matrix, but learners still meet it
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        return np.matrix(rows)


ACCEPTED = [
    ("tuples", lambda: tuple(tuple(row) for row in X), lambda: tuple(Y)),
    ("Fractions", lambda: [[Fraction(v) for v in row] for row in X], lambda: Y),
    ("frame with a bool column", lambda: Frame([[row[0], bool(row[1])] for row in X]),
     lambda: Frame(Y)),
    ("np.matrix", lambda: matrix(X), lambda: np.array(Y)),
    ("object array", lambda: np.array(X, dtype=object), lambda: np.array(Y, dtype=object)),
    ("NumPy bools as labels", lambda: np.array(X), lambda: np.array(Y, dtype=bool)),
    ("(m, 1) column y", lambda: X, lambda: [[v] for v in Y]),
]


@pytest.mark.parametrize("what, make_X, make_y", ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_every_accepted_form_trains_like_lists_of_floats(what, make_X, make_y):
    for package in (pure, vectorized):
        reference = package.LogisticRegression(n_iters=30).fit(X, Y)
        model = package.LogisticRegression(n_iters=30).fit(make_X(), make_y())
        assert flat(model.weights) == pytest.approx(flat(reference.weights), rel=1e-12)
        assert model.bias == pytest.approx(reference.bias, rel=1e-12)


def test_a_huge_negative_integer_keeps_its_sign():
    results = both(lambda p: p.LogisticRegression(tol=-10 ** 400).fit(X, Y))
    assert_same_error(results, ValueError, "tol must be None or a number >= 0, got -inf.")


# --- the decision threshold ------------------------------------------------------------------

@pytest.mark.parametrize("package", [pure, vectorized], ids=lambda p: p.__name__)
def test_threshold_labels_1_where_the_probability_is_above_it(package):
    model = package.LogisticRegression(learning_rate=0.5, n_iters=300).fit(X, Y)
    p = flat(model.predict_proba(X))
    assert flat(model.predict(X)) == flat(model.predict(X, threshold=0.5))
    counts = []
    for threshold in (0.05, 0.3, 0.5, 0.7, 0.95):
        labels = flat(model.predict(X, threshold=threshold))
        assert labels == [1.0 if p_i > threshold else 0.0 for p_i in p]
        counts.append(sum(labels))
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert flat(model.predict(X, threshold=np.float32(0.3))) == \
        flat(model.predict(X, threshold=0.3))


@pytest.mark.parametrize("threshold, kind, words", [
    (0.0, ValueError, "got 0.0"), (1.0, ValueError, "got 1.0"), (1, ValueError, "got 1"),
    (-0.2, ValueError, "got -0.2"), (1.5, ValueError, "got 1.5"),
    (math.nan, ValueError, "got nan"), (math.inf, ValueError, "got inf"),
    ("0.5", TypeError, "got str '0.5'"), (None, TypeError, "got NoneType None"),
    (True, TypeError, "got bool True"), (1j, TypeError, "got complex 1j"),
])
def test_a_bad_threshold_is_refused_naming_it(threshold, kind, words):
    def call(package):
        return package.LogisticRegression(n_iters=5).fit(X, Y).predict(X, threshold=threshold)
    results = both(call)
    assert_same_error(results, kind, words)
    assert str(results[0]).startswith("threshold must be a")
