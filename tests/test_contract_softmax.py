"""Issue 15 for SoftmaxRegression: one input contract in both twins, nothing non-finite out.

Each test is a failure the issue lists (or one the contract names for softmax): both twins
must accept the same inputs and refuse the same ones with the same exception and message.
The pure half runs without NumPy too; pandas is used where it is installed.
"""

import importlib.util
import math
import warnings
from fractions import Fraction

import pytest

import pure

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
HAVE_PANDAS = importlib.util.find_spec("pandas") is not None
if HAVE_NUMPY:
    import numpy as np

    import vectorized
TWINS = [pure, vectorized] if HAVE_NUMPY else [pure]
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
needs_pandas = pytest.mark.skipif(not (HAVE_NUMPY and HAVE_PANDAS), reason="needs pandas")

X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0], [1.0, 2.0], [2.0, 2.5]]
Y = ["b", "a", "c", "c", "a", "b"]


def outcomes(make):
    """make(package) for each twin: its result, or the exception it raised."""
    results = []
    for package in TWINS:
        try:
            results.append(make(package))
        except Exception as error:  # compared by the callers
            results.append(error)
    return results


def assert_refused_alike(make, kind, words):
    results = outcomes(make)
    for result in results:
        assert isinstance(result, kind), f"expected {kind.__name__}, got {result!r}"
        assert words in str(result), str(result)
    assert len({str(result) for result in results}) == 1, [str(r) for r in results]


def parameters(model):
    weights = model.weights.tolist() if hasattr(model.weights, "tolist") else model.weights
    bias = model.bias.tolist() if hasattr(model.bias, "tolist") else model.bias
    return [float(v) for row in weights for v in row] + [float(v) for v in bias]


def fit(package, X_, y_, **params):
    return package.SoftmaxRegression(n_iters=30, **params).fit(X_, y_)


# --- Labels: the same outcome in both twins ----------------------------------------------

@pytest.mark.parametrize("labels", [[2 ** 63, 1, 2] * 2, [-2 ** 63 - 1, 0, 1] * 2],
                         ids=["2**63", "-2**63-1"])
def test_labels_beyond_int64_are_refused_alike(labels):
    assert_refused_alike(lambda p: fit(p, X, labels), ValueError, "too large a label for an int64")


def test_labels_at_the_ends_of_int64_work_alike():
    labels = [2 ** 63 - 1, -2 ** 63, 0] * 2
    models = outcomes(lambda p: fit(p, X, labels))
    for model in models:
        assert list(model.classes) == [-2 ** 63, 0, 2 ** 63 - 1]
    if len(models) == 2:
        assert parameters(models[0]) == pytest.approx(parameters(models[1]), rel=1e-9)


@needs_numpy
def test_uint64_labels_beyond_int64_are_refused_alike():
    labels = np.array([2 ** 63, 1, 2] * 2, dtype=np.uint64)
    assert_refused_alike(lambda p: fit(p, X, labels), ValueError, "y[0] is 9223372036854775808")


@pytest.mark.parametrize("labels", [["a", "a\x00", "b"] * 2, ["a", "b\x00c", "b"] * 2],
                         ids=["trailing NUL", "inner NUL"])
def test_a_label_with_a_nul_is_refused_alike(labels):
    """NumPy drops trailing NULs, so 'a' and 'a\\x00' would be one class there and two in
    pure: both twins refuse the label instead."""
    assert_refused_alike(lambda p: fit(p, X, labels), ValueError,
                         'a label with a NUL character ("\\x00"), which NumPy would drop')


@pytest.mark.parametrize("labels, words", [
    ([0, 1, 2, 0, 1, 1.5], "y[5] is 1.5, not a class label"),
    ([0, 1, 2, 0, 1, 1 + 2j], "y[5] is (1+2j), a complex number"),
    ([0, 1, 2, 0, 1, 10 ** 400], "y[5] is an integer of 401 digits"),
    (["a", "b", "c", "a", "b", 3], "y mixes integer and string labels"),
    (["a", "b", "c", "a", "b", b"c"], "y[5] is b'c', not a class label"),
])
def test_bad_labels_are_refused_alike(labels, words):
    assert_refused_alike(lambda p: fit(p, X, labels), ValueError, words)


def test_exact_labels_work_alike():
    """Fractions and whole floats are integer labels, bools are 0 and 1, in both twins."""
    reference = [parameters(fit(p, X, [1, 0, 2, 2, 0, 1])) for p in TWINS]
    for labels in ([Fraction(v) for v in [1, 0, 2, 2, 0, 1]], [1.0, 0.0, 2.0, 2.0, 0.0, 1.0],
                   [True, False, 2, 2, False, True]):
        for package, expected in zip(TWINS, reference):
            model = fit(package, X, labels)
            assert list(model.classes) == [0, 1, 2]
            assert parameters(model) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("make_y, words", [
    (lambda: set(Y), "y is a set, not a sequence"),
    (lambda: {label: 0 for label in Y}, "y is a dict, not a sequence"),
    (lambda: (label for label in Y), "y is a generator, which can be read only once"),
    (lambda: [[label, label] for label in Y], "got rows of 2 values"),
])
def test_unordered_or_one_shot_labels_are_refused_alike(make_y, words):
    assert_refused_alike(lambda p: fit(p, X, make_y()), ValueError, words)


@needs_numpy
@pytest.mark.parametrize("make_y, words", [
    (lambda: np.ma.array([1, 0, 2, 2, 0, 1], mask=[0, 1, 0, 0, 0, 0]), "y is a masked array"),
    (lambda: np.array(1), "got a 0-D array"),
    (lambda: np.zeros((6, 2), dtype=int), "got shape (6, 2)"),
    (lambda: np.array(Y, dtype=bytes), "y[0] is b'b', not a class label"),
])
def test_bad_label_arrays_are_refused_alike(make_y, words):
    assert_refused_alike(lambda p: fit(p, X, make_y()), ValueError, words)


# --- X: np.matrix, object arrays and stand-ins for pandas ---------------------------------

class Frame:
    """Stands for a pandas DataFrame or Series: the contract only calls to_numpy()."""

    def __init__(self, values):
        self.values = values

    def to_numpy(self):
        return np.array(self.values, dtype=object)

    def __iter__(self):  # iterating a DataFrame gives its column names: never used
        return iter(["first", "second"])


@needs_numpy
def test_np_matrix_and_object_arrays_train_like_lists():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        as_matrix = np.matrix(X)
    reference = [parameters(fit(p, X, Y)) for p in TWINS]
    for X_, y_ in ((as_matrix, Y), (np.array(X, dtype=object), np.array(Y, dtype=object)),
                   (Frame(X), Frame(Y)), (np.array(X), np.array(Y).reshape(-1, 1))):
        for package, expected in zip(TWINS, reference):
            model = fit(package, X_, y_)
            assert list(model.classes) == ["a", "b", "c"]
            assert parameters(model) == pytest.approx(expected, rel=1e-12)
            assert [str(label) for label in model.predict(X_)] == \
                [str(label) for label in fit(package, X, Y).predict(X)]


@needs_pandas
def test_pandas_series_of_string_labels_and_mixed_frames():
    import pandas as pd
    frame = pd.DataFrame({"length": [x for x, _ in X], "wide": [w > 1.5 for _, w in X]})
    series = pd.Series(Y, name="species")
    as_floats = [[float(a), float(b)] for a, b in frame.to_numpy().tolist()]
    models = outcomes(lambda p: fit(p, frame, series))
    for package, model in zip(TWINS, models):
        assert not isinstance(model, Exception), repr(model)
        assert list(model.classes) == ["a", "b", "c"]
        reference = fit(package, as_floats, Y)
        assert parameters(model) == pytest.approx(parameters(reference), rel=1e-12)
        assert model.score(frame, series) == reference.score(as_floats, Y)
    if len(models) == 2:
        assert parameters(models[0]) == pytest.approx(parameters(models[1]), rel=1e-9)
    nullable = pd.DataFrame({"length": pd.array([1.0, None, 2.0, 3.0, 1.0, 2.0], dtype="Float64"),
                             "wide": [1.0] * 6})
    assert_refused_alike(lambda p: fit(p, nullable, series), ValueError,
                         "X[1][0] is <NA>, a missing value")


# --- Nothing non-finite leaves a public method --------------------------------------------

def test_an_update_that_overflows_the_parameters_is_divergence_alike():
    """The cost of update 1 is finite (log 3); the parameters after it are not."""
    assert_refused_alike(lambda p: p.SoftmaxRegression(learning_rate=1e308, n_iters=1).fit(
        [[1e3], [-1e3], [0.0]], [0, 1, 2]), FloatingPointError, "diverged at iteration 1:")


def test_divergence_says_the_same_whether_inf_or_nan():
    results = outcomes(lambda p: p.SoftmaxRegression(learning_rate=1e200, n_iters=50).fit(
        [[1e3, -2e3], [3e3, 1e3], [-2e3, 5e2]], [1, 0, 2]))
    for result in results:
        assert isinstance(result, FloatingPointError), repr(result)
        assert "the cost or the parameters are no longer finite numbers" in str(result)
        assert "with learning_rate=1e+200" in str(result)
    assert len({str(result) for result in results}) == 1


@pytest.mark.parametrize("method, what", [("predict_proba", "probabilities are"),
                                          ("predict", "predictions are"),
                                          ("score", "predictions are"), ("cost", "cost is")])
def test_logits_that_overflow_raise_the_same_error(method, what):
    def call(package):
        model = fit(package, X, Y)
        twos = [[2.0, 2.0]] * 3  # 2 * 1.7e308 overflows to inf, and inf - inf is NaN
        model.weights = twos if package is pure else np.array(twos)
        huge = [[1.7e308, 1.7e308], [1.0, 2.0]]
        return getattr(model, method)(huge) if method.startswith("predict") else \
            getattr(model, method)(huge, ["a", "b"])
    assert_refused_alike(call, ValueError, f"the {what} not finite: X holds values too large")


def test_logits_far_apart_give_probabilities_not_nan():
    """Finite logits 3.4e308 apart: e^(z - M) is e^-inf = 0, a probability, never NaN."""
    def call(package):
        model = fit(package, [[-1.0], [1.0]], [0, 1])
        model.weights = [[1.0], [-1.0]] if package is pure else np.array([[1.0], [-1.0]])
        model.bias = [0.0, 0.0] if package is pure else np.zeros(2)
        return [[float(p) for p in row] for row in model.predict_proba([[1.7e308], [-1.7e308]])]
    for result in outcomes(call):
        assert result == [[1.0, 0.0], [0.0, 1.0]]


def test_the_cost_of_logits_far_apart_is_refused_not_inf():
    def call(package):
        model = fit(package, [[-1.0], [1.0]], [0, 1])
        model.weights = [[1.0], [-1.0]] if package is pure else np.array([[1.0], [-1.0]])
        model.bias = [0.0, 0.0] if package is pure else np.zeros(2)
        return model.cost([[1.7e308], [1.0]], [1, 0])  # log p of a probability of 0
    assert_refused_alike(call, ValueError, "the cost is not finite")


@pytest.mark.parametrize("seed", range(10))
def test_probabilities_are_finite_and_rows_sum_to_one(seed):
    import random
    rng = random.Random(seed)
    scale = 10 ** rng.uniform(-300, 300)
    X_ = [[rng.gauss(0, 1) * scale, rng.gauss(0, 1)] for _ in range(8)]
    y_ = [rng.choice("xyz") for _ in range(7)] + ["w"]
    for result in outcomes(lambda p: p.SoftmaxRegression(learning_rate=0.1, n_iters=5).fit(
            X_, y_).predict_proba(X_)):
        if isinstance(result, Exception):  # a huge scale may diverge: then the same error
            assert isinstance(result, (FloatingPointError, ValueError)), repr(result)
            continue
        for row in result:
            row = [float(p) for p in row]
            assert all(0.0 <= p <= 1.0 for p in row) and math.isclose(sum(row), 1.0)


def test_a_huge_negative_tol_keeps_its_sign():
    assert_refused_alike(lambda p: p.SoftmaxRegression(tol=-10 ** 400).fit(X, Y), ValueError,
                         "tol must be None or a number >= 0, got -inf.")
