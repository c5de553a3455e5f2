"""docs/outgrow.md, "When you outgrow this": this project's ``l2 = lambda`` is scikit-learn's
``SGDRegressor`` / ``SGDClassifier`` with ``alpha = lambda / m``.

Checked numerically where scikit-learn is installed (the interop env): stochastic gradient
descent with that alpha reaches the exact minimizer of our cost (the normal equation and
Newton's method), and with a wrong alpha it does not, so the check can fail. Without
scikit-learn these tests skip.
"""

import pytest

import pure
from pure.tools import datasets

np = pytest.importorskip("numpy")
sklearn_linear = pytest.importorskip("sklearn.linear_model")


def standardized(name):
    data = datasets.to_xy(datasets.open_csv(datasets.find(name), name), name)
    return pure.StandardScaler().fit(data.X).transform(data.X), data.y


def relative_gap(ours, theirs):
    """The largest difference of the weights, relative to the largest weight."""
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    return float(np.max(np.abs(ours - theirs)) / np.max(np.abs(ours)))


def test_sgd_regressor_with_alpha_lambda_over_m_minimizes_our_linear_cost():
    X, y = standardized("stackloss")
    m, lam = len(y), 21.0  # alpha = 1: a penalty strong enough that a wrong scale shows
    exact = pure.LinearRegression(solver="normal", l2=lam).fit(X, y)

    def sgd(alpha):
        return sklearn_linear.SGDRegressor(
            loss="squared_error", penalty="l2", alpha=alpha, learning_rate="constant",
            eta0=0.002, max_iter=5000, tol=None, random_state=0).fit(np.array(X), np.array(y))

    right = sgd(lam / m)
    assert relative_gap(exact.weights, right.coef_) < 0.01
    assert abs(exact.bias - right.intercept_[0]) < 0.01 * abs(exact.bias)
    for wrong in (lam / (2 * m), 2 * lam / m):  # a forgotten or doubled 1/2
        assert relative_gap(exact.weights, sgd(wrong).coef_) > 0.1


def test_sgd_classifier_with_alpha_lambda_over_m_minimizes_our_logistic_cost():
    X, y = standardized("breast_cancer")
    m, lam = len(y), 0.1 * 569  # alpha = 0.1
    exact = pure.LogisticRegression(solver="newton", l2=lam).fit(X, y)

    def sgd(alpha):
        return sklearn_linear.SGDClassifier(
            loss="log_loss", penalty="l2", alpha=alpha, learning_rate="constant",
            eta0=0.001, max_iter=300, tol=None, random_state=0).fit(np.array(X), np.array(y))

    right = sgd(lam / m)
    assert relative_gap(exact.weights, right.coef_[0]) < 0.01
    assert abs(exact.bias - right.intercept_[0]) < 0.02
    for wrong in (lam / (2 * m), 2 * lam / m):
        assert relative_gap(exact.weights, sgd(wrong).coef_[0]) > 0.1
