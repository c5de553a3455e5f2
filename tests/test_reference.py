"""Correctness against references no one here wrote.

- LAPACK's least squares (numpy.linalg.lstsq) and the closed-form ridge solution,
- finite differences of each twin's own cost (the gradient it trains with is the
  derivative of the cost it records),
- closed forms: the logistic cost at zero weights is log 2,
- the optimality condition of scikit-learn's logistic objective with C = 1/lambda.
"""

import math

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402

TWINS = [pure, vectorized]
ids = lambda package: package.__name__  # noqa: E731


def well_conditioned(m=40, n=3, seed=0, logistic=False):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n)) + np.array([0.5 * j for j in range(n)])
    w = rng.normal(size=n)
    z = X @ w + 0.7
    y = (rng.random(m) < 1 / (1 + np.exp(-z))).astype(float) if logistic else z + rng.normal(0, 0.1, m)
    return X, y


def with_ones(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_linear_gradient_descent_reaches_lstsq(package):
    X, y = well_conditioned()
    theta, *_ = np.linalg.lstsq(with_ones(X), y, rcond=None)
    model = package.LinearRegression(learning_rate=0.3, n_iters=3000).fit(X.tolist(), y.tolist())
    np.testing.assert_allclose(list(model.weights) + [model.bias], theta, rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.5, 5.0])
def test_linear_l2_reaches_ridge_with_unpenalized_intercept(package, lam):
    X, y = well_conditioned(seed=1)
    X1 = with_ones(X)
    penalty = lam * np.diag([1.0] * X.shape[1] + [0.0])  # lambda on the weights, 0 on the bias
    theta = np.linalg.solve(X1.T @ X1 + penalty, X1.T @ y)
    model = package.LinearRegression(learning_rate=0.3, n_iters=3000, l2=lam).fit(X.tolist(), y.tolist())
    np.testing.assert_allclose(list(model.weights) + [model.bias], theta, rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.3, 3.0])
def test_logistic_l2_is_sklearn_with_c_equal_one_over_lambda(package, lam):
    """scikit-learn minimizes 1/2 w^T w + C sum_i loss_i (intercept unpenalized). With
    C = 1/lambda that is m/lambda times our J, so both have the same minimizer: the
    gradient of scikit-learn's objective vanishes at ours."""
    X, y = well_conditioned(seed=2, logistic=True)
    model = package.LogisticRegression(learning_rate=1.0, n_iters=4000, l2=lam).fit(X, y)
    w, b, C = np.asarray(model.weights, dtype=float), model.bias, 1.0 / lam
    p = 1 / (1 + np.exp(-(X @ w + b)))
    grad_w = w + C * X.T @ (p - y)
    grad_b = C * np.sum(p - y)
    assert np.max(np.abs(np.append(grad_w, grad_b))) < 1e-8


def finite_difference_gradient(model, X, y, h=1e-6):
    """Central differences of model.cost with respect to each weight and the bias."""
    params = [float(v) for v in model.weights] + [float(model.bias)]

    def cost_at(theta):
        weights = theta[:-1]
        model.weights = np.array(weights) if isinstance(model.weights, np.ndarray) else list(weights)
        model.bias = theta[-1]
        return model.cost(X, y)

    grad = []
    for k in range(len(params)):
        up, down = list(params), list(params)
        up[k] += h
        down[k] -= h
        grad.append((cost_at(up) - cost_at(down)) / (2 * h))
    cost_at(params)
    return np.array(grad)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("name", ["LinearRegression", "LogisticRegression"])
@pytest.mark.parametrize("lam", [0.0, 2.0])
def test_training_gradient_is_the_derivative_of_the_cost(package, name, lam):
    """theta_(k+1) = theta_k - alpha grad J(theta_k), so the gradient fit used at step k
    is (theta_k - theta_(k+1)) / alpha; it must match finite differences of cost()."""
    X, y = well_conditioned(m=25, n=4, seed=3, logistic=name == "LogisticRegression")
    X, y = X.tolist(), y.tolist()
    alpha = 0.05
    k = 5
    before = getattr(package, name)(learning_rate=alpha, n_iters=k, l2=lam).fit(X, y)
    after = getattr(package, name)(learning_rate=alpha, n_iters=k + 1, l2=lam).fit(X, y)
    used = (np.append(np.asarray(before.weights, float), before.bias)
            - np.append(np.asarray(after.weights, float), after.bias)) / alpha
    numeric = finite_difference_gradient(before, X, y)
    np.testing.assert_allclose(used, numeric, rtol=1e-6, atol=1e-8)
    # and the cost recorded for step k+1 is cost() at theta_k
    assert math.isclose(after.cost_history[k], before.cost(X, y), rel_tol=1e-12)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_logistic_cost_at_zero_weights_is_log_2(package):
    X, y = well_conditioned(logistic=True)
    model = package.LogisticRegression(n_iters=1).fit(X, y)
    assert math.isclose(model.cost_history[0], math.log(2), rel_tol=1e-15)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_linear_cost_at_zero_weights_is_half_mean_square_of_y(package):
    X, y = well_conditioned()
    model = package.LinearRegression(n_iters=1).fit(X, y)
    assert math.isclose(model.cost_history[0], float(y @ y) / (2 * len(y)), rel_tol=1e-12)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_linear_recovers_known_true_weights(package):
    """Noise-free data from known weights: gradient descent must find them."""
    rng = np.random.default_rng(4)
    X = rng.uniform(-1, 1, size=(50, 3))
    y = X @ np.array([1.5, -2.0, 0.25]) - 0.75
    model = package.LinearRegression(learning_rate=0.5, n_iters=5000).fit(X, y)
    np.testing.assert_allclose(model.weights, [1.5, -2.0, 0.25], atol=1e-9)
    assert abs(model.bias + 0.75) < 1e-9
    assert model.score(X, y) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("value", [0.1, 7.953506283004113, 3.0])
def test_r2_of_a_constant_target_is_0_or_1(package, value):
    """sum_i (y_i - mean(y))^2 is 0 for a constant y, though a rounded mean can leave
    1e-32 of it: the score is then 1.0 for a perfect fit and 0.0 otherwise, never -1e31."""
    X = [[float(i)] for i in range(10)]
    y = [value] * 10
    model = package.LinearRegression(n_iters=10).fit(X, y)
    assert model.score(X, y) == 0.0
    model.weights = [0.0] if package is pure else np.zeros(1)
    model.bias = value
    assert model.score(X, y) == 1.0


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_r2_and_accuracy_match_their_definitions(package):
    X, y = well_conditioned(seed=5)
    model = package.LinearRegression(learning_rate=0.1, n_iters=50).fit(X, y)
    residual = y - np.asarray(model.predict(X), float)
    expected = 1 - residual @ residual / np.sum((y - y.mean()) ** 2)
    assert math.isclose(model.score(X, y), expected, rel_tol=1e-12)
    Xl, yl = well_conditioned(seed=5, logistic=True)
    clf = package.LogisticRegression(n_iters=50).fit(Xl, yl)
    assert clf.score(Xl, yl) == np.mean(np.asarray(clf.predict(Xl)) == yl)
    probabilities = np.asarray(clf.predict_proba(Xl), float)
    assert np.array_equal(np.asarray(clf.predict(Xl)), (probabilities > 0.5).astype(int))
