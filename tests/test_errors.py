"""Bad input gets a clear error, the same exception type in both twins, and a fit that
raises leaves the model exactly as it was.

These tests run on the pure twin alone too (the tox env without NumPy); with NumPy
installed every case also runs on the vectorized twin.
"""

import copy
import importlib.util
import math

import pytest

import pure

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
PACKAGES = [pure]
if HAVE_NUMPY:
    import vectorized
    PACKAGES.append(vectorized)

MODELS = ["LinearRegression", "LogisticRegression"]
GOOD_X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0]]
GOOD_Y = [0, 0, 1, 1]

# (bad X, bad y, the exception, words the message must contain)
BAD_DATA = [
    pytest.param([], [], ValueError, "empty", id="empty X"),
    pytest.param([[], []], [0, 1], ValueError, "no features", id="no columns"),
    pytest.param([1.0, 2.0, 3.0], [0, 1, 1], ValueError, "2-D", id="flat X"),
    pytest.param(5.0, [0], ValueError, "2-D", id="scalar X"),
    pytest.param([[[1.0]], [[2.0]]], [0, 1], ValueError, "", id="3-D X"),
    pytest.param([[1.0, 2.0], [3.0]], [0, 1], ValueError, "row 1", id="ragged X"),
    pytest.param([[1.0], [None]], [0, 1], ValueError, "None", id="None in X"),
    pytest.param([[1.0], ["2"]], [0, 1], ValueError, "'2'", id="string in X"),
    pytest.param([[1.0], [float("nan")]], [0, 1], ValueError, "nan", id="NaN in X"),
    pytest.param([[1.0], [float("inf")]], [0, 1], ValueError, "inf", id="inf in X"),
    pytest.param([[10 ** 400], [1.0]], [0, 1], ValueError, "X", id="int beyond float in X"),
    pytest.param([[1.0], [2.0]], [0, 1, 1], ValueError, "different lengths", id="y too long"),
    pytest.param([[1.0], [2.0]], [0], ValueError, "different lengths", id="y too short"),
    pytest.param([[1.0], [2.0]], [0, None], ValueError, "None", id="None in y"),
    pytest.param([[1.0], [2.0]], [0, "b"], ValueError, "'b'", id="string in y"),
    pytest.param([[1.0], [2.0]], [0, float("nan")], ValueError, "nan", id="NaN in y"),
    pytest.param([[1.0], [2.0]], [[0, 1], [1, 0]], ValueError, "y", id="2-D y"),
    pytest.param([[1.0], [2.0]], "01", ValueError, "", id="string y"),
]

# (hyperparameter, bad value, the exception, words the message must contain)
BAD_PARAMS = [
    ("learning_rate", "0.1", TypeError, "learning_rate"),
    ("learning_rate", None, TypeError, "learning_rate"),
    ("learning_rate", 0.0, ValueError, "learning_rate"),
    ("learning_rate", -0.1, ValueError, "learning_rate"),
    ("learning_rate", float("nan"), ValueError, "learning_rate"),
    ("learning_rate", float("inf"), ValueError, "learning_rate"),
    ("learning_rate", 10 ** 400, ValueError, "learning_rate"),
    ("n_iters", 10.0, TypeError, "n_iters"),
    ("n_iters", True, TypeError, "n_iters"),
    ("n_iters", "10", TypeError, "n_iters"),
    ("n_iters", 0, ValueError, "n_iters"),
    ("n_iters", -5, ValueError, "n_iters"),
    ("l2", "1", TypeError, "l2"),
    ("l2", -1.0, ValueError, "l2"),
    ("l2", float("nan"), ValueError, "l2"),
    ("l2", float("inf"), ValueError, "l2"),
    ("l2", 10 ** 400, ValueError, "l2"),
    ("tol", "1e-3", TypeError, "tol"),
    ("tol", -1e-3, ValueError, "tol"),
    ("tol", float("nan"), ValueError, "tol"),
    ("batch_size", 0, ValueError, "batch_size"),
    ("batch_size", 2.0, TypeError, "batch_size"),
    ("seed", "0", TypeError, "seed"),
    ("seed", 1.5, TypeError, "seed"),
    ("verbose", -1, ValueError, "verbose"),
    ("verbose", 1.0, TypeError, "verbose"),
]


def fitted(package, name):
    return getattr(package, name)(n_iters=3).fit(GOOD_X, GOOD_Y)


def state(model):
    """Everything a fit could change, deep-copied (arrays compare by their lists)."""
    return {key: value.tolist() if hasattr(value, "tolist") else copy.deepcopy(value)
            for key, value in vars(model).items()}


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("X, y, error, words", BAD_DATA)
def test_bad_data_is_refused_and_the_model_is_kept(package, name, X, y, error, words):
    model = fitted(package, name)
    before = state(model)
    with pytest.raises(error) as info:
        model.fit(X, y)
    assert words in str(info.value)
    assert state(model) == before


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("param, value, error, words", BAD_PARAMS)
def test_bad_hyperparameters_are_refused(package, name, param, value, error, words):
    model = fitted(package, name)
    setattr(model, param, value)
    before = state(model)
    with pytest.raises(error) as info:
        model.fit(GOOD_X, GOOD_Y)
    assert words in str(info.value)
    assert state(model) == before


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("labels, bad", [([0, 2, 1, 0], "2"), ([0, 1, -1, 1], "-1"),
                                         ([0.5, 1, 0, 1], "0.5")])
def test_logistic_labels_must_be_zero_or_one(package, labels, bad):
    with pytest.raises(ValueError, match="labels 0 or 1") as info:
        package.LogisticRegression().fit(GOOD_X, labels)
    assert bad in str(info.value)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_boolean_labels_count_as_zero_and_one(package):
    a = package.LogisticRegression(n_iters=5).fit(GOOD_X, [False, False, True, True])
    b = package.LogisticRegression(n_iters=5).fit(GOOD_X, GOOD_Y)
    assert list(a.cost_history) == list(b.cost_history)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("method", ["predict", "cost", "score", "predict_proba"])
def test_using_an_unfitted_model_says_to_call_fit(package, name, method):
    model = getattr(package, name)()
    if not hasattr(model, method):
        pytest.skip(f"{name} has no {method}")
    args = (GOOD_X,) if method.startswith("predict") else (GOOD_X, GOOD_Y)
    with pytest.raises(ValueError, match="not fitted yet. Call 'fit'"):
        getattr(model, method)(*args)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", MODELS)
def test_predict_needs_as_many_features_as_fit_saw(package, name):
    model = fitted(package, name)
    with pytest.raises(ValueError, match="3 features per row, but .* fitted with 2"):
        model.predict([[1.0, 2.0, 3.0]])


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", MODELS)
def test_divergence_raises_floating_point_error_and_keeps_the_model(package, name):
    model = fitted(package, name)
    before = state(model)
    model.learning_rate = 1e200
    before["learning_rate"] = 1e200
    X = [[1e3, -2e3], [3e3, 1e3], [-2e3, 5e2]]
    y = [1, 0, 1]
    with pytest.raises(FloatingPointError) as info:
        model.fit(X, y)
    message = str(info.value)
    assert "iteration" in message and "learning_rate=1e+200" in message
    assert "smaller learning_rate" in message and "scale" in message
    assert state(model) == before


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_flat_x_error_says_how_to_make_a_column(package):
    with pytest.raises(ValueError) as info:
        package.LinearRegression().fit([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    assert "single feature" in str(info.value)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", MODELS)
def test_hyperparameters_are_plain_attributes(package, name):
    model = getattr(package, name)(learning_rate=0.3, n_iters=7)
    assert (model.learning_rate, model.n_iters) == (0.3, 7)
    model.n_iters = 4
    assert len(model.fit(GOOD_X, GOOD_Y).cost_history) == 4
    assert model.fit(GOOD_X, GOOD_Y) is model
    assert math.isfinite(model.cost(GOOD_X, GOOD_Y))


@pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
@pytest.mark.parametrize("name", MODELS)
def test_vectorized_accepts_a_column_y(name):
    import numpy as np
    y = np.array(GOOD_Y, dtype=float)
    a = getattr(vectorized, name)(n_iters=5).fit(GOOD_X, y.reshape(-1, 1))
    b = getattr(vectorized, name)(n_iters=5).fit(GOOD_X, y)
    assert a.weights.shape == (2,)  # not (2, 4): no (m, m) broadcast
    assert a.weights.tolist() == b.weights.tolist() and a.cost_history == b.cost_history


@pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
@pytest.mark.parametrize("name", MODELS)
def test_vectorized_refuses_object_and_text_arrays(name):
    import numpy as np
    model = getattr(vectorized, name)()
    with pytest.raises(ValueError, match="None"):
        model.fit(np.array([[1.0], [None]], dtype=object), [0, 1])
    with pytest.raises(ValueError, match="not a number"):
        model.fit(np.array([["1"], ["2"]]), [0, 1])
    with pytest.raises(ValueError, match=r"X\[1\]\[0\] is nan"):
        model.fit(np.array([[1.0], [np.nan]]), [0, 1])
