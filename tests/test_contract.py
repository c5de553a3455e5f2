"""One input contract for both twins (issue 15): the same inputs accepted, the same refused, with
the same exception type and the same message, and nothing non-finite returned.

Every bad input goes to every model and the scaler of both twins: the two exceptions must be of
the same type with the same text, the text must say what is wrong, and a model fitted before the
failing call must be left exactly as it was. Every accepted form of the data (tuples, np.matrix,
objects with to_numpy() such as pandas frames, object arrays, Fractions, big ints, NumPy bools,
an (m, 1) column y) must train to the same parameters as plain lists of floats.

The pure half of each case runs without NumPy too (the tox env ``pure``).
"""

import copy
import importlib.util
import math
import sys
import warnings
from fractions import Fraction
from decimal import Decimal

import pytest

import pure

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
if HAVE_NUMPY:
    import numpy as np
    import vectorized
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")

MODELS = ["LinearRegression", "LogisticRegression", "SoftmaxRegression", "StandardScaler"]
GOOD_X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]]  # the second column is 0/1
GOOD_Y = [0, 0, 1, 1]


class NAType:
    """Stands for pandas.NA (its type is called NAType) without importing pandas."""

    def __repr__(self):
        return "<NA>"


class Frame:
    """A stand-in for a pandas DataFrame or Series: the contract only calls to_numpy()."""

    def __init__(self, values):
        self.values = values
        self.columns = ["first", "second"]

    def to_numpy(self):
        return np.asarray(self.values) if HAVE_NUMPY else self.values

    def __iter__(self):  # iterating a DataFrame gives its column names: never use it
        return iter(self.columns)


def gen(rows):
    return lambda: (row for row in rows)


# (id, X factory, y factory, words the message must contain); the exception is ValueError.
# Factories, because a generator can be read only once and each twin needs its own.
BAD_X = [
    ("None", lambda: None, "got NoneType"),
    ("number", lambda: 5.0, "got float"),
    ("string", lambda: "abc", "got str"),
    ("set", lambda: {(1.0, 2.0), (2.0, 1.0), (0.0, 0.0), (3.0, 3.0)}, "X is a set, not a sequence"),
    ("dict", lambda: {(1.0, 2.0): 0, (2.0, 1.0): 1, (0.0, 0.0): 0, (3.0, 3.0): 1}, "X is a dict"),
    ("generator", gen(GOOD_X), "can be read only once"),
    ("empty", lambda: [], "X is empty"),
    ("flat list", lambda: [1.0, 2.0, 3.0, 4.0], "X[0] is 1.0, not a row"),
    ("string row", lambda: [[1.0, 2.0], "ab", [1.0, 2.0], [1.0, 2.0]], "X[1] is 'ab', not a row"),
    ("None entry", lambda: [[1.0, 2.0], [None, 1.0], [1.0, 2.0], [1.0, 2.0]],
     "X[1][0] is None, not a number"),
    ("string entry", lambda: [[1.0, "2"], [1.0, 1.0], [1.0, 2.0], [1.0, 2.0]],
     "X[0][1] is '2', not a number"),
    ("Decimal entry", lambda: [[1.0, 2.0], [Decimal("2"), 1.0], [1.0, 2.0], [1.0, 2.0]],
     "X[1][0] is Decimal('2'), not a number"),
    ("complex entry", lambda: [[1.0, 2.0], [1.0, 1 + 2j], [1.0, 2.0], [1.0, 2.0]],
     "X[1][1] is (1+2j), a complex number"),
    ("missing entry", lambda: [[1.0, 2.0], [1.0, 2.0], [NAType(), 2.0], [1.0, 2.0]],
     "X[2][0] is <NA>, a missing value"),
    ("huge int", lambda: [[1.0, 2.0], [1.0, 2.0], [1.0, 10 ** 400], [1.0, 2.0]],
     "X[2][1] is an integer of 401 digits, too large for a float"),
    ("NaN", lambda: [[1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [math.nan, 2.0]], "X[3][0] is nan"),
    ("inf", lambda: [[1.0, 2.0], [1.0, 2.0], [1.0, -math.inf], [1.0, 2.0]], "X[2][1] is -inf"),
    ("ragged", lambda: [[1.0, 2.0], [1.0], [1.0, 2.0], [1.0, 2.0]], "X is ragged: row 1 has 1"),
    ("no features", lambda: [[], [], [], []], "X has no features"),
    ("first bad entry wins", lambda: [[1.0, 2.0], [1.0, math.nan], [None, 2.0], [1.0, 2.0]],
     "X[1][1] is nan"),
]
BAD_X_ARRAYS = [  # NumPy inputs: the pure twin must refuse them in the same words
    ("0-d array", lambda: np.array(5.0), "got a 0-D array"),
    ("1-d array", lambda: np.array([1.0, 2.0, 3.0, 4.0]), "but it is 1-D"),
    ("3-d array", lambda: np.zeros((4, 2, 1)), "got a 3-D array"),
    ("masked array", lambda: np.ma.array(GOOD_X, mask=[[0, 0], [0, 1], [0, 0], [0, 0]]),
     "X is a masked array"),
    ("complex array", lambda: np.array(GOOD_X, dtype=complex), "X[0][0] is 0j, a complex number"),
    ("NaN in array", lambda: np.array([[1.0, 2.0], [1.0, 2.0], [1.0, np.nan], [1.0, 2.0]]),
     "X[2][1] is nan"),
    ("NumPy NaN in a list", lambda: [[1.0, 2.0], [np.float64("nan"), 2.0], [1.0, 2.0], [1.0, 2.0]],
     "X[1][0] is nan, but NaN"),  # said as a float, not as np.float64(nan)
    ("string array", lambda: np.array([["1", "2"], ["1", "2"], ["1", "2"], ["1", "2"]]),
     "X[0][0] is '1', not a number"),
    ("frame with NA", lambda: Frame(np.array([[1.0, 2.0], [1.0, NAType()], [1.0, 2.0], [1.0, 2.0]],
                                             dtype=object)), "X[1][1] is <NA>, a missing value"),
]
BAD_Y = [
    ("None", lambda: None, "y must be 1-D"),
    ("string", lambda: "0011", "y must be 1-D"),
    ("set", lambda: {0, 1, 2, 3}, "y is a set, not a sequence"),
    ("generator", gen(GOOD_Y), "can be read only once"),
    ("too short", lambda: [0, 1, 1], "X has 4 rows but y has 3 values"),
    ("rows", lambda: [[0, 1], [1, 0], [0, 1], [1, 0]], "y must be 1-D"),
    ("None entry", lambda: [0, None, 1, 1], "y[1] is None"),
    ("NaN entry", lambda: [0, 0, math.nan, 1], "y[2] is nan"),
]
BAD_Y_ARRAYS = [
    ("2-d array", lambda: np.array([[0, 1], [1, 0], [0, 1], [1, 0]]), "y must be 1-D"),
    ("0-d array", lambda: np.array(1), "y must be 1-D"),
    ("masked array", lambda: np.ma.array(GOOD_Y, mask=[0, 1, 0, 0]), "y is a masked array"),
]


def fitted(package, name):
    model = getattr(package, name)()
    return model.fit(GOOD_X) if name == "StandardScaler" else model.fit(GOOD_X, GOOD_Y)


def state(model):
    return copy.deepcopy({k: (v.tolist() if hasattr(v, "tolist") else v)
                          for k, v in vars(model).items()})


def failure(package, name, X, y):
    """The exception the fit raises on a model fitted before, which must stay unchanged."""
    model = fitted(package, name)
    before = state(model)
    with pytest.raises(Exception) as info:
        model.fit(X) if name == "StandardScaler" else model.fit(X, y)
    assert state(model) == before, f"{package.__name__}.{name}: a failed fit changed the model"
    return info.value


def check_refused(name, make_X, make_y, words):
    errors = [failure(pure, name, make_X(), make_y())]
    if HAVE_NUMPY:
        errors.append(failure(vectorized, name, make_X(), make_y()))
    for error in errors:
        assert type(error) is ValueError, f"{name}: {error!r}"
        assert words in str(error), f"{name}: {words!r} not in {str(error)!r}"
    if len(errors) == 2:
        assert str(errors[0]) == str(errors[1]), "the twins say different things"


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("case", BAD_X, ids=[c[0] for c in BAD_X])
def test_bad_X_is_refused_the_same_way(name, case):
    _, make_X, words = case
    check_refused(name, make_X, lambda: GOOD_Y, words)


@needs_numpy
@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("case", BAD_X_ARRAYS, ids=[c[0] for c in BAD_X_ARRAYS])
def test_bad_X_arrays_are_refused_the_same_way(name, case):
    _, make_X, words = case
    check_refused(name, make_X, lambda: GOOD_Y, words)


@pytest.mark.parametrize("name", MODELS[:3])
@pytest.mark.parametrize("case", BAD_Y, ids=[c[0] for c in BAD_Y])
def test_bad_y_is_refused_the_same_way(name, case):
    _, make_y, words = case
    check_refused(name, lambda: GOOD_X, make_y, words)


@needs_numpy
@pytest.mark.parametrize("name", MODELS[:3])
@pytest.mark.parametrize("case", BAD_Y_ARRAYS, ids=[c[0] for c in BAD_Y_ARRAYS])
def test_bad_y_arrays_are_refused_the_same_way(name, case):
    _, make_y, words = case
    check_refused(name, lambda: GOOD_X, make_y, words)


def matrix(rows):
    with warnings.catch_warnings():  # NumPy discourages np.matrix, but learners still meet it
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        return np.matrix(rows)


def accepted_forms():
    """(id, X, y) forms that must train exactly like GOOD_X and GOOD_Y as lists of floats."""
    forms = [
        ("tuples", tuple(tuple(row) for row in GOOD_X), tuple(GOOD_Y)),
        ("ints and bools", [[int(a), bool(b)] for a, b in GOOD_X], [bool(v) for v in GOOD_Y]),
        ("Fractions", [[Fraction(a), Fraction(b)] for a, b in GOOD_X], GOOD_Y),
        ("column y", GOOD_X, [[v] for v in GOOD_Y]),
        ("frame and series", Frame(GOOD_X), Frame(GOOD_Y)),
    ]
    if HAVE_NUMPY:
        forms += [
            ("arrays", np.array(GOOD_X), np.array(GOOD_Y)),
            ("float32", np.array(GOOD_X, dtype=np.float32), np.array(GOOD_Y, dtype=np.int8)),
            ("np.matrix", matrix(GOOD_X), np.array(GOOD_Y)),
            ("column y array", np.array(GOOD_X), np.array(GOOD_Y).reshape(-1, 1)),
            ("object array", np.array([[a, bool(b)] for a, b in GOOD_X], dtype=object),
             np.array(GOOD_Y, dtype=object)),
            ("NumPy scalars", [[np.float64(a), np.bool_(b)] for a, b in GOOD_X],
             [np.int64(v) for v in GOOD_Y]),
            ("0-d arrays", [[np.array(a), np.array(b)] for a, b in GOOD_X],
             [np.array(v) for v in GOOD_Y]),
            ("1-element arrays y", GOOD_X, [np.array([v]) for v in GOOD_Y]),
        ]
    return forms


ACCEPTED = accepted_forms()


def flatten(values):
    """Every number of a nested list or array, in order, as floats."""
    values = values.tolist() if hasattr(values, "tolist") else values
    if isinstance(values, (list, tuple)):
        return [x for v in values for x in flatten(v)]
    return [float(values)]


def parameters(model):
    if hasattr(model, "weights"):
        return flatten([model.weights, model.bias])
    return flatten([model.mean, model.std])


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("form", ACCEPTED, ids=[f[0] for f in ACCEPTED])
def test_every_accepted_form_trains_like_lists_of_floats(name, form):
    _, X, y = form
    packages = [pure, vectorized] if HAVE_NUMPY else [pure]
    for package in packages:
        reference = fitted(package, name)
        model = getattr(package, name)()
        model = model.fit(X) if name == "StandardScaler" else model.fit(X, y)
        assert parameters(model) == pytest.approx(parameters(reference), rel=1e-12, abs=1e-12)


def test_a_huge_negative_integer_keeps_its_sign():
    for package in [pure, vectorized] if HAVE_NUMPY else [pure]:
        with pytest.raises(ValueError, match="tol"):
            package.LinearRegression(tol=-10 ** 400).fit(GOOD_X, GOOD_Y)


@pytest.mark.parametrize("name", MODELS[:3])
@pytest.mark.parametrize("value", [2 ** 1024 - 1, 10 ** 400], ids=["2**1024-1", "10**400"])
def test_an_integer_beyond_the_floats_is_out_of_range_not_an_overflow(name, value):
    def fit(package):
        return getattr(package, name)(learning_rate=value).fit(GOOD_X, GOOD_Y)

    assert_same_error(both(fit), ValueError,
                      "learning_rate must be a positive finite number, got inf.")


@needs_numpy
@pytest.mark.parametrize("name", MODELS)
def test_a_nan_in_a_float_array_is_named_without_walking_every_entry(name, monkeypatch):
    """A float array goes through NumPy whole; only what NumPy cannot read is walked (in
    Python, entry by entry: seconds for millions of entries), and a NaN is no reason to."""
    module = sys.modules[getattr(vectorized, name).__module__]
    monkeypatch.setattr(module, "_walk_X", lambda X: pytest.fail("the walk ran"))
    X = np.array(GOOD_X)
    X[2, 1] = np.inf
    model = getattr(vectorized, name)()
    with pytest.raises(ValueError) as info:
        model.fit(X) if name == "StandardScaler" else model.fit(X, GOOD_Y)
    assert str(info.value) == ("X[2][1] is inf, but NaN and infinite values are not allowed: "
                               "drop or fill them first.")


@needs_numpy
@pytest.mark.parametrize("name", MODELS[:2])  # softmax labels: an int array or the walk
def test_a_nan_in_a_float_y_is_named_without_walking_every_entry(name, monkeypatch):
    module = sys.modules[getattr(vectorized, name).__module__]
    monkeypatch.setattr(module, "_column", lambda y, m: pytest.fail("the walk ran"))
    y = np.array(GOOD_Y, dtype=float)
    y[3] = np.nan
    with pytest.raises(ValueError) as info:
        getattr(vectorized, name)().fit(np.array(GOOD_X), y)
    assert str(info.value) == ("y[3] is nan, but NaN and infinite values are not allowed: "
                               "drop or fill them first.")


def both(make):
    """The results (or the exceptions) of make(package) for each twin."""
    results = []
    for package in [pure, vectorized] if HAVE_NUMPY else [pure]:
        try:
            results.append(make(package))
        except Exception as error:  # compared below
            results.append(error)
    return results


def assert_same_error(results, kind, words):
    for result in results:
        assert isinstance(result, kind), f"expected {kind.__name__}, got {result!r}"
        assert words in str(result), str(result)
    assert len({str(r) for r in results}) == 1, [str(r) for r in results]


def test_an_update_that_overflows_the_parameters_is_divergence():
    results = both(lambda p: p.LinearRegression(learning_rate=1e308, n_iters=1).fit(
        [[1.0], [2.0]], [1.0, 2.0]))
    assert_same_error(results, FloatingPointError, "diverged at iteration 1")


def test_divergence_says_the_same_whether_inf_or_nan():
    results = both(lambda p: p.LinearRegression(learning_rate=1e5, n_iters=500).fit(
        [[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0]))
    assert_same_error(results, FloatingPointError, "diverged at iteration")


@pytest.mark.parametrize("method", ["predict", "cost", "score"])
def test_predictions_that_overflow_raise_instead_of_returning_inf(method):
    def call(package):
        model = package.LinearRegression(solver="normal").fit([[0.0], [1.0], [2.0]],
                                                              [0.0, 2.0, 4.0])
        X = [[1.7e308], [1.0]]
        return getattr(model, method)(X) if method == "predict" else \
            getattr(model, method)(X, [1.0, 2.0])
    assert_same_error(both(call), ValueError, "not finite")


@pytest.mark.parametrize("name, method", [("LogisticRegression", "predict_proba"),
                                          ("LogisticRegression", "cost"),
                                          ("SoftmaxRegression", "predict_proba"),
                                          ("SoftmaxRegression", "cost")])
def test_classifiers_on_huge_X_raise_or_return_finite(name, method):
    def call(package):
        model = getattr(package, name)(n_iters=50).fit(GOOD_X, GOOD_Y)
        X = [[1.7e308, -1.7e308], [1.0, 2.0]]
        return getattr(model, method)(X) if method == "predict_proba" else \
            getattr(model, method)(X, [0, 1])
    results = both(call)
    if all(isinstance(r, Exception) for r in results):
        assert_same_error(results, ValueError, "not finite")
        return
    for result in results:
        assert not isinstance(result, Exception), repr(result)
        values = [float(v) for v in (result.ravel().tolist() if hasattr(result, "ravel")
                                     else [x for row in result for x in
                                           (row if isinstance(row, list) else [row])]
                                     if isinstance(result, list) else [result])]
        assert all(math.isfinite(v) for v in values), values


def test_r2_of_tiny_targets_neither_underflows_nor_divides_by_zero():
    X, y = [[0.0], [1.0], [2.0], [3.0]], [0.0, 1.1e-300, 1.9e-300, 3.0e-300]
    scores = both(lambda p: p.LinearRegression(solver="normal").fit(X, y).score(X, y))
    for score in scores:
        assert isinstance(score, float) and 0.9 < score <= 1.0, scores
    assert scores[0] == pytest.approx(scores[-1], rel=1e-9)


@pytest.mark.parametrize("scale", [1e154, 1e300, 1.7e308])
def test_the_scaler_neither_overflows_nor_underflows(scale):
    X = [[scale], [-scale], [scale / 2]]
    results = both(lambda p: p.StandardScaler().fit(X))
    for scaler in results:
        assert not isinstance(scaler, Exception), repr(scaler)
        std = float(list(scaler.std)[0])
        assert math.isfinite(std) and std == pytest.approx(scale * math.sqrt(13 / 18), rel=1e-12)
        values = [float(row[0]) for row in scaler.transform(X)]
        assert all(math.isfinite(v) for v in values) and values[0] > 0.0 > values[1]


def test_the_scaler_agrees_between_twins_on_features_offset_at_1e12():
    X = [[1e12 + 0.1 * k * (-1) ** k] for k in range(20)]
    results = both(lambda p: p.StandardScaler().fit(X))
    if len(results) == 2:
        assert float(list(results[0].std)[0]) == pytest.approx(float(results[1].std[0]),
                                                               rel=1e-9)
        assert float(list(results[0].mean)[0]) == pytest.approx(float(results[1].mean[0]),
                                                                rel=1e-15)


# --- The fuzz cases: every fit ends with a model that can evaluate its training data ----------
# A fit checks its final parameters with one more forward pass on the training data: if the cost
# there is not finite, it has diverged (FloatingPointError, the message of any other update) and
# the model is left as it was. After a successful fit, cost, predict, predict_proba and score on
# the training data are finite.

FINAL_PARAMETERS_OVERFLOW = [  # (model, hyperparameters, X, y, words): only the last update
    ("LinearRegression", {"n_iters": 5}, [[1.0], [2.0], [10.0 ** 20], [3.0]], [1.0, 2.0, 3.0, 4.0],
     "gradient descent diverged at iteration 5: the cost or the parameters are no longer finite"),
    ("LogisticRegression", {"learning_rate": 1.0, "n_iters": 1}, [[1e200], [2e200]], [1, 0],
     "gradient descent diverged at iteration 1: the cost or the parameters are no longer finite"),
    # a feature near 1e-160 and the smallest l2: w near 4e159, whose square overflows the penalty
    ("LogisticRegression", {"solver": "newton", "n_iters": 1, "l2": 5e-324},
     [[1e-160], [-1e-160], [2e-160], [-3e-160]], [1, 0, 0, 1],
     "Newton's method diverged at step 1: the cost or the parameters are no longer finite"),
    ("SoftmaxRegression", {"learning_rate": 1.0, "n_iters": 1}, [[1e200], [2e200]], [1, 0],
     "gradient descent diverged at iteration 1: the cost or the parameters are no longer finite"),
]


@pytest.mark.parametrize("name, params, X, y, words", FINAL_PARAMETERS_OVERFLOW,
                         ids=[f"{case[0]}-{case[1].get('solver', 'gd')}"
                              for case in FINAL_PARAMETERS_OVERFLOW])
def test_final_parameters_that_overflow_the_training_data_are_divergence(name, params, X, y,
                                                                         words):
    """Every update's cost was finite, but the parameters after the last one overflow the
    predictions on the training data: once, such a fit succeeded and left a model whose cost
    raised and whose score was -inf."""
    errors = []
    for package in [pure, vectorized] if HAVE_NUMPY else [pure]:
        model = fitted(package, name)
        before = state(model)
        for key, value in params.items():
            setattr(model, key, value)
        with pytest.raises(FloatingPointError) as info:
            model.fit(X, y)
        for key in params:  # the hyperparameters were set by the test, not by fit
            setattr(model, key, before[key])
        assert state(model) == before, f"{package.__name__}: a failed fit changed the model"
        errors.append(info.value)
    assert_same_error(errors, FloatingPointError, words)


def test_r2_below_the_floats_is_the_most_negative_float_not_minus_inf():
    """One update on X near 1e150 and y near 1e-300: the predictions are near 1e-2, about 1e298
    times the spread of y, so R^2 is about -1e596, beyond the floats."""
    X, y = [[1e150], [-1e150]], [1e-300, -1e-300]
    results = both(lambda p: p.LinearRegression(n_iters=1).fit(X, y))
    for model in results:
        assert not isinstance(model, Exception), repr(model)
        assert model.score(X, y) == -sys.float_info.max
        assert math.isfinite(model.cost(X, y))
        assert all(math.isfinite(v) for v in model.predict(X))


LONG_DOUBLE_WIDER = HAVE_NUMPY and np.finfo(np.longdouble).max > np.finfo(np.float64).max
needs_long_double = pytest.mark.skipif(not LONG_DOUBLE_WIDER,
                                       reason="np.longdouble is float64 on this platform")


def long_doubles(rows):
    return np.array([[np.longdouble(v) for v in row] for row in rows], dtype=np.longdouble)


@needs_long_double
@pytest.mark.parametrize("name", MODELS)
def test_a_long_double_beyond_the_floats_is_named_not_cast_to_inf(name):
    """NumPy's cast to float64 warned "overflow encountered in cast"; the pure twin said inf."""
    X = long_doubles([[0.0, 1.0], [1.0, 0.0], ["1e400", 1.0], [3.0, 0.0]])
    check_refused(name, lambda: X, lambda: GOOD_Y,
                  "X[2][0] is 1e+400, too large for a float (the largest is about 1.8e308).")


@needs_long_double
@pytest.mark.parametrize("name", MODELS[:3])
def test_a_long_double_target_beyond_the_floats_is_named(name):
    y = np.array([np.longdouble(0), np.longdouble("-1e4000"), np.longdouble(1),
                  np.longdouble(1)], dtype=np.longdouble)
    check_refused(name, lambda: GOOD_X, lambda: y,
                  "y[1] is -1e+4000, too large for a float (the largest is about 1.8e308).")


@needs_long_double
@pytest.mark.parametrize("name", MODELS)
def test_long_doubles_within_the_floats_train_like_floats(name):
    for package in [pure, vectorized]:
        model = getattr(package, name)()
        model = model.fit(long_doubles(GOOD_X)) if name == "StandardScaler" else \
            model.fit(long_doubles(GOOD_X), GOOD_Y)
        assert parameters(model) == pytest.approx(parameters(fitted(package, name)), rel=1e-12,
                                                  abs=1e-12)


@needs_numpy
@pytest.mark.parametrize("name", MODELS)
def test_a_list_of_0d_arrays_is_no_list_of_rows(name):
    """Iterating a 0-d array raised TypeError inside both twins."""
    check_refused(name, lambda: [np.array(1.0), np.array(2.0), np.array(3.0), np.array(4.0)],
                  lambda: GOOD_Y,
                  "X must be 2-D, a list of rows, but X[0] is array(1.), not a row.")


@needs_numpy
@pytest.mark.parametrize("name", MODELS[:3])
def test_a_target_of_one_element_arrays_is_a_column_in_both_twins(name):
    """y = [np.array([v]), ...] is an (m, 1) column, as [[v], ...] is: the vectorized twin
    took it and the pure twin refused it."""
    y = [np.array([v]) for v in GOOD_Y]
    for package in [pure, vectorized]:
        model = getattr(package, name)().fit(GOOD_X, y)
        assert parameters(model) == pytest.approx(parameters(fitted(package, name)), rel=1e-12,
                                                  abs=1e-12)
    single = both(lambda p: flatten(p.LinearRegression().fit([[1.0]], [np.array([1.0])]).bias))
    assert single[0] == pytest.approx(single[1], rel=1e-9)


# Found by a random search: gradient descent or Newton diverging in one twin only.
ONE_TWIN_DIVERGED = [
    # Scores 3e308 apart: log_softmax is -inf for a class that is not the label, and the
    # vectorized cost took 0 * -inf = NaN for it, where the pure twin sums the label's entry.
    ("SoftmaxRegression", {"learning_rate": 4.5e-292, "n_iters": 2},
     [[1e300], [-1e300], [0.0]], [0, 1, 2]),
    # A feature near 1e-160: the Hessian's diagonal is near 1e-320, so d_j = 1/sqrt(H_jj) is
    # 1e160 and the vectorized twin's d_j d_k overflowed to inf (the pure twin scales row and
    # column one after the other).
    ("LogisticRegression", {"solver": "newton", "n_iters": 2},
     [[-4.043645042172344e-160], [-1.2336139991036598e-160], [-3.836634655376125e-162],
      [-3.0166129815341694e-160], [1.545727024346385e-160], [-2.338484669376436e-160],
      [1.6457736684566872e-160], [-2.2314118074308916e-162], [8.218527917903033e-161]],
     [0, 1, 1, 1, 1, 1, 0, 1, 0]),
    # Weights near 9.5e153 with l2=0: the sum of their squares is 1.79769e308 in one twin and
    # overflows in the other (the weights differ in the last bit), and 0 * inf is NaN. With
    # lambda = 0 the penalty is 0, whatever the weights.
    ("SoftmaxRegression", {"learning_rate": 2.996949364624505e+138, "n_iters": 1},
     [[0.0], [2.530773998391406e+16], [1.1880744809194182e+17], [1.1880744809194182e+17]],
     [0, 0, 0, 1]),
]


@needs_numpy
@pytest.mark.parametrize("name, params, X, y", ONE_TWIN_DIVERGED,
                         ids=["softmax-0-times-inf", "newton-scaling", "penalty-of-0"])
def test_extreme_values_give_both_twins_the_same_outcome(name, params, X, y):
    results = both(lambda p: getattr(p, name)(**params).fit(X, y))
    kinds = ["ok" if not isinstance(r, Exception) else type(r).__name__ for r in results]
    assert kinds[0] == kinds[1], results
    if kinds[0] != "ok":
        assert str(results[0]) == str(results[1])
        return
    for model in results:
        assert math.isfinite(model.cost(X, y)) and math.isfinite(model.score(X, y))
    assert results[0].cost(X, y) == pytest.approx(results[1].cost(X, y), rel=1e-9)
