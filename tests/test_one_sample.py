"""A 1-D X given to a fitted model: the error names the fix that fits the fitted model.

On a model fitted with n features, ``model.predict([4.0, 2.0])`` is most often one sample
written without its row. The error says so in the fitted model's own terms: with n > 1
features, one row of n values (``[[4.0, 2.0]]``, or ``X.reshape(1, -1)``); with one feature,
each value in its own row (``[[4.0], [2.0]]``, or ``X.reshape(-1, 1)``). Following the hint
works. Every model and the scaler of both twins, with the same text.
"""

import importlib.util

import pytest

import pure

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
PACKAGES = [pure]
if HAVE_NUMPY:
    import numpy as np

    import vectorized
    PACKAGES.append(vectorized)

# (class, method): every method of a fitted model that takes X
METHODS = [("LinearRegression", "predict"), ("LinearRegression", "cost"),
           ("LinearRegression", "score"),
           ("LogisticRegression", "predict"), ("LogisticRegression", "predict_proba"),
           ("LogisticRegression", "cost"), ("LogisticRegression", "score"),
           ("SoftmaxRegression", "predict"), ("SoftmaxRegression", "predict_proba"),
           ("SoftmaxRegression", "cost"), ("SoftmaxRegression", "score"),
           ("StandardScaler", "transform"), ("StandardScaler", "inverse_transform")]
X2 = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0]]
X1 = [[0.0], [1.0], [2.0], [3.0]]
Y = {"LinearRegression": [1.0, 3.0, 6.0, 7.0], "LogisticRegression": [0, 0, 1, 1],
     "SoftmaxRegression": [0, 1, 2, 1]}


def fitted(package, name, X):
    model = getattr(package, name)()
    if name == "StandardScaler":
        return model.fit(X)
    return getattr(package, name)(n_iters=5).fit(X, Y[name])


def call(model, method, X):
    """model.method(X), with a y of the right length for cost and score."""
    if method in ("cost", "score"):
        return getattr(model, method)(X, [1] * len(X))
    return getattr(model, method)(X)


def message(package, name, method, fit_X, X):
    with pytest.raises(ValueError) as info:
        call(fitted(package, name, fit_X), method, X)
    return str(info.value)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name, method", METHODS)
def test_one_sample_of_two_features_gets_one_row_of_two(package, name, method):
    text = message(package, name, method, X2, [4.0, 2.0])
    assert "but it is 1-D" in text
    assert f"This {name} was fitted with 2 features" in text
    assert "one row of 2 values, [[4.0, 2.0]]" in text and "X.reshape(1, -1)" in text
    assert "single feature" not in text and "[[x] for x in X]" not in text
    call(fitted(package, name, X2), method, [[4.0, 2.0]])  # the hint works


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name, method", METHODS)
def test_values_of_one_feature_get_a_row_each(package, name, method):
    text = message(package, name, method, X1, [4.0, 2.0])
    assert f"This {name} was fitted with 1 feature:" in text
    assert "each value in its own row, [[4.0], [2.0]]" in text and "X.reshape(-1, 1)" in text
    assert "[[4.0, 2.0]]" not in text
    call(fitted(package, name, X1), method, [[4.0], [2.0]])


@pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name, method", METHODS)
def test_a_1d_array_gets_the_same_hint(package, name, method):
    text = message(package, name, method, X2, np.array([4.0, 2.0]))
    assert "one row of 2 values, [[4.0, 2.0]]" in text and "X.reshape(1, -1)" in text
    call(fitted(package, name, X2), method, np.array([4.0, 2.0]).reshape(1, -1))


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_many_values_get_the_general_form(package):
    model = fitted(package, "LinearRegression", X1)
    with pytest.raises(ValueError, match=r"\[\[x\] for x in X\] \(for an array: X.reshape"):
        model.predict([0.5 + k / 7 for k in range(12)])
    model = fitted(package, "LinearRegression", X2)
    with pytest.raises(ValueError, match=r"one row of 2 values, \[list\(X\)\]"):
        model.predict([1 / 3, 2 / 3])  # long reprs: the form, not the numbers
    with pytest.raises(ValueError, match=r"one row of 2 values per sample, \[\[x1, x2\], "):
        model.predict([1.0, 2.0, 3.0])  # not one sample: a row per sample


@pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
@pytest.mark.parametrize("name, method", METHODS)
@pytest.mark.parametrize("fit_X, X", [(X2, [4.0, 2.0]), (X1, [4.0, 2.0]), (X2, [1.0, 2.0, 3.0]),
                                      (X2, ["a", "b"])])
def test_both_twins_say_the_same(name, method, fit_X, X):
    assert message(pure, name, method, fit_X, X) == message(vectorized, name, method, fit_X, X)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name, method", METHODS)
def test_one_feature_is_singular(package, name, method):
    text = message(package, name, method, X2, [[4.0], [2.0]])
    assert text == f"X has 1 feature per row, but this {name} was fitted with 2 features."
    text = message(package, name, method, X1, [[4.0, 2.0]])
    assert text == f"X has 2 features per row, but this {name} was fitted with 1 feature."
