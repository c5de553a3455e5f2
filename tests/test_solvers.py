"""The exact and second-order solvers: the normal equation and Newton's method.

References computed here with NumPy: LAPACK's least squares and the closed-form ridge
solution for the normal equation; for Newton, the optimum that long gradient descent
reaches and a gradient of the cost written out independently. Twin parity to a
relative 1e-8 (a linear solve is involved); for Newton, bounded by the condition number.
"""

import math

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402
from twins import assert_all_close, close, flat, random_problem  # noqa: E402

TWINS = [pure, vectorized]
ids = lambda package: package.__name__  # noqa: E731
RTOL = 1e-8


def data(m=40, n=3, seed=0, logistic=False):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n)) * np.array([10.0 ** (j - 1) for j in range(n)]) + 0.3
    z = X @ (rng.normal(size=n) / np.array([10.0 ** (j - 1) for j in range(n)])) + 0.4
    if logistic:
        z = z / 3  # overlapping classes: no separating line, so a finite optimum without l2
    y = (rng.random(m) < 1 / (1 + np.exp(-z))).astype(float) if logistic else z + rng.normal(0, 0.1, m)
    return X, y


def with_ones(X):
    return np.hstack([X, np.ones((len(X), 1))])


def logistic_gradient(X, y, w, b, lam):
    """dJ/d(w, b) of the mean log-loss plus lambda/(2m) |w|^2, written out here."""
    m = len(y)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    return np.append(X.T @ (p - y) / m + lam / m * w, np.mean(p - y))


# --- the normal equation -------------------------------------------------------------

@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_normal_equation_equals_lstsq(package):
    X, y = data()
    theta, *_ = np.linalg.lstsq(with_ones(X), y, rcond=None)
    model = package.LinearRegression(solver="normal").fit(X.tolist(), y.tolist())
    np.testing.assert_allclose(flat(model.weights) + [model.bias], theta, rtol=1e-9)
    assert len(model.cost_history) == 1
    assert math.isclose(model.cost_history[0], model.cost(X, y), rel_tol=1e-12)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.1, 10.0])
def test_normal_equation_with_l2_equals_closed_form_ridge(package, lam):
    X, y = data(seed=1)
    X1 = with_ones(X)
    theta = np.linalg.solve(X1.T @ X1 + lam * np.diag([1.0] * X.shape[1] + [0.0]), X1.T @ y)
    model = package.LinearRegression(solver="normal", l2=lam).fit(X, y)
    np.testing.assert_allclose(flat(model.weights) + [model.bias], theta, rtol=1e-9)
    gd = package.LinearRegression(learning_rate=1e-3, n_iters=1, l2=lam).fit(X, y)
    gd.weights, gd.bias = model.weights, model.bias
    assert math.isclose(gd.cost(X, y), model.cost_history[0], rel_tol=1e-12)  # same cost


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("case", ["duplicate column", "constant column", "fewer samples"])
def test_singular_normal_equation_is_refused_unless_l2(package, case):
    X, y = data(m=12, n=3, seed=2)
    if case == "duplicate column":
        X[:, 2] = 2 * X[:, 0]
    elif case == "constant column":
        X[:, 1] = 4.0  # a multiple of the bias column
    else:
        X, y = X[:3], y[:3]  # 3 samples, 3 weights + 1 bias
    with pytest.raises(ValueError) as info:
        package.LinearRegression(solver="normal").fit(X, y)
    message = str(info.value)
    assert "singular" in message and "l2 > 0" in message
    assert "solver='gd'" in message or "solver='qr'" in message  # qr: (nearly) dependent
    model = package.LinearRegression(solver="normal", l2=1.0).fit(X, y)
    assert all(math.isfinite(w) for w in flat(model.weights))


@pytest.mark.parametrize("seed", range(40))
def test_normal_equation_twins_agree(seed):
    case = random_problem(seed)
    l2 = case["params"].get("l2", 0.0)
    results = []
    for package in TWINS:
        try:
            results.append(package.LinearRegression(solver="normal", l2=l2).fit(case["X"], case["y"]))
        except ValueError as error:
            results.append(error)
    p, v = results
    if isinstance(p, Exception) or isinstance(v, Exception):
        assert type(p) is type(v) and str(p) == str(v)
        return
    scale = max(abs(w) for w in p.weights + [p.bias])
    assert_all_close(p.weights + [p.bias], flat(v.weights) + [v.bias], scale=scale, rtol=RTOL)
    assert close(p.cost_history[0], v.cost_history[0], 1e-12 * max(abs(t) for t in case["y"]) ** 2 + 1e-300, RTOL)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("offset", [1e3, 1e6])
def test_normal_equation_is_exact_on_features_far_from_zero(package, offset):
    """A feature like a year is almost parallel to the bias column: the uncentred normal
    equation loses digits there (or looks singular); the solver must not."""
    X, y = data(m=30, n=2, seed=6)
    exact = package.LinearRegression(solver="normal").fit(X, y)
    shifted = package.LinearRegression(solver="normal").fit(X + offset, y)
    np.testing.assert_allclose(flat(shifted.weights), flat(exact.weights), rtol=1e-8)
    assert math.isclose(shifted.bias + offset * sum(flat(shifted.weights)), exact.bias, rel_tol=1e-8)
    # The cost is summed from residuals y - (x + offset) w - b, which cancel about
    # log10(offset) digits; how the last of them round depends on the interpreter's sum()
    # (compensated since Python 3.12), so the bound grows with the offset.
    assert math.isclose(shifted.cost_history[0], exact.cost_history[0],
                        rel_tol=max(1e-8, 100 * offset * 2.0 ** -52))


@pytest.mark.parametrize("offset", [1e3, 1e6])
def test_normal_equation_twins_agree_far_from_zero(offset):
    X, y = data(m=30, n=3, seed=7)
    p = pure.LinearRegression(solver="normal").fit((X + offset).tolist(), y.tolist())
    v = vectorized.LinearRegression(solver="normal").fit(X + offset, y)
    assert_all_close(p.weights, flat(v.weights), rtol=RTOL)
    assert close(p.bias, v.bias, abs(p.bias), RTOL)


# --- Newton's method ------------------------------------------------------------------


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_newton_is_exact_on_features_far_from_zero(package):
    X, y = data(m=60, n=2, seed=8, logistic=True)
    base = package.LogisticRegression(solver="newton", l2=0.5).fit(X, y)
    shifted = package.LogisticRegression(solver="newton", l2=0.5).fit(X + 1e5, y)
    np.testing.assert_allclose(flat(shifted.weights), flat(base.weights), rtol=1e-8)
    assert math.isclose(shifted.bias + 1e5 * sum(flat(shifted.weights)), base.bias, rel_tol=1e-7)
    np.testing.assert_allclose(shifted.cost_history, base.cost_history, rtol=1e-9)

@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.0, 1.0])
def test_newton_reaches_the_optimum_of_long_gradient_descent_in_a_handful_of_steps(package, lam):
    X, y = data(m=60, seed=3, logistic=True)
    newton = package.LogisticRegression(solver="newton", l2=lam).fit(X, y)
    assert len(newton.cost_history) <= 12
    w, b = np.asarray(newton.weights, float), newton.bias
    assert np.linalg.norm(logistic_gradient(X, y, w, b, lam)) < 1e-10
    Xs = (X - X.mean(axis=0)) / X.std(axis=0)  # GD needs scaled features to get there
    gd = package.LogisticRegression(learning_rate=1.0, n_iters=20000, l2=lam).fit(Xs, y)
    newton_s = package.LogisticRegression(solver="newton", l2=lam).fit(Xs, y)
    np.testing.assert_allclose(flat(gd.weights) + [gd.bias], flat(newton_s.weights) + [newton_s.bias],
                               rtol=1e-6, atol=1e-8)
    assert newton_s.cost_history[-1] <= gd.cost_history[-1] + 1e-12


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_newton_cost_history_has_one_entry_per_step_and_falls(package):
    X, y = data(m=50, seed=4, logistic=True)
    model = package.LogisticRegression(solver="newton", l2=0.5).fit(X, y)
    history = model.cost_history
    assert math.isclose(history[0], math.log(2), rel_tol=1e-15)
    assert all(b <= a + 1e-15 for a, b in zip(history, history[1:]))
    capped = package.LogisticRegression(solver="newton", l2=0.5, n_iters=2).fit(X, y)
    assert len(capped.cost_history) == 2 and capped.cost_history == history[:2]
    with_tol = package.LogisticRegression(solver="newton", l2=0.5, tol=1e-3).fit(X, y)
    changes = [abs(b - a) for a, b in zip(with_tol.cost_history, with_tol.cost_history[1:])]
    assert changes[-1] < 1e-3 and all(c >= 1e-3 for c in changes[:-1])


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.0, 1.0])
def test_newton_stops_before_a_step_that_would_not_change_theta(package, lam):
    """The last step taken still moved theta; the one after it, computed here independently,
    would not have: max |step| <= 1e-12 (1 + max |theta|), the solver's own bound, up to the
    rounding of computing that step (about kappa * 1e-15 relative)."""
    X, y = data(m=60, seed=3, logistic=True)
    model = package.LogisticRegression(solver="newton", l2=lam, record_params=True).fit(X, y)
    x_mean = X.mean(axis=0)
    # theta = (w, c) as the solver sees it: the intercept c = b + mean(X) w of centred X
    thetas = [np.append(w, b + x_mean @ np.asarray(w, float)) for w, b in model.param_history]
    bound = 1e-12 * (1 + np.max(np.abs(thetas[-1])))
    assert np.max(np.abs(thetas[-1] - thetas[-2])) > bound  # the last step was needed
    w, b = np.asarray(model.weights, float), model.bias
    X1c = np.hstack([X - x_mean, np.ones((len(X), 1))])
    p = 1 / (1 + np.exp(-(X @ w + b)))
    penalty = np.append(np.full(X.shape[1], lam / len(X)), 0.0)
    g = X1c.T @ (p - y) / len(X) + penalty * thetas[-1]
    H = X1c.T @ ((p * (1 - p))[:, None] * X1c) / len(X) + np.diag(penalty)
    skipped = np.linalg.solve(H, g)
    rounding = 1e-15 * newton_condition_number(X, model, lam) * np.max(np.abs(thetas[-1]))
    assert np.max(np.abs(skipped)) <= bound + rounding


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_newton_centres_a_constant_column_to_exact_zeros(package):
    """Its mean is off by a rounding (0.1 * 60 / 60 is not 0.1): centred to that mean, the
    column would be a tiny multiple of the bias column and the Hessian singular. Centred to
    exact zeros, a tiny l2 keeps it apart and its weight is exactly 0."""
    X, y = data(m=60, n=3, seed=6, logistic=True)
    X[:, 1] = 0.1
    assert np.mean(X[:, 1]) != 0.1  # (Python's sum() is exact here from 3.12 on)
    with pytest.raises(ValueError, match="singular.*l2 > 0"):
        package.LogisticRegression(solver="newton").fit(X, y)
    model = package.LogisticRegression(solver="newton", l2=1e-300).fit(X, y)
    assert flat(model.weights)[1] == 0.0
    reference = package.LogisticRegression(solver="newton", l2=1e-300).fit(X[:, [0, 2]], y)
    assert_all_close(flat(model.weights)[::2] + [model.bias],
                     flat(reference.weights) + [reference.bias], rtol=1e-12)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_newton_refuses_separable_data_without_l2(package):
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]
    labels = [0, 0, 0, 1, 1, 1]
    with pytest.raises(ValueError) as info:
        package.LogisticRegression(solver="newton").fit(X, labels)
    assert "separable" in str(info.value) and "l2 > 0" in str(info.value)
    model = package.LogisticRegression(solver="newton", l2=1.0).fit(X, labels)
    assert all(math.isfinite(w) for w in flat(model.weights) + [model.bias])
    assert np.linalg.norm(logistic_gradient(np.array(X), np.array(labels, float),
                                            np.asarray(model.weights, float), model.bias, 1.0)) < 1e-10


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.0, 1.0])
def test_newton_refuses_a_single_class_whatever_l2(package, lam):
    """The bias is never penalized, so with one class it has no finite optimum."""
    with pytest.raises(ValueError, match="one class only"):
        package.LogisticRegression(solver="newton", l2=lam).fit([[0.0], [1.0], [2.0]], [1, 1, 1])


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_newton_refuses_a_singular_hessian(package):
    X, y = data(m=30, n=2, seed=5, logistic=True)
    X = np.hstack([X, X[:, :1]])  # a duplicate column
    with pytest.raises(ValueError, match="singular.*l2 > 0"):
        package.LogisticRegression(solver="newton").fit(X, y)


@pytest.mark.parametrize("seed", range(40))
def test_newton_twins_agree(seed):
    case = random_problem(seed, logistic=True)
    l2 = case["params"].get("l2", 0.0)
    results = []
    for package in TWINS:
        try:
            results.append(package.LogisticRegression(solver="newton", l2=l2, tol=case["params"]["tol"])
                           .fit(case["X"], case["y"]))
        except (ValueError, FloatingPointError) as error:
            results.append(error)
    p, v = results
    if isinstance(p, Exception) or isinstance(v, Exception):
        assert type(p) is type(v) and str(p) == str(v)
        return
    assert len(p.cost_history) == len(v.cost_history)
    # The bound of an exact solver: about kappa * 1e-15 relative (here with a factor 10 to
    # spare), kappa the condition number of the equilibrated Hessian at the optimum.
    rtol = 1e-14 * newton_condition_number(np.array(case["X"]), v, l2)
    scale = max(abs(w) for w in p.weights + [p.bias])
    assert_all_close(p.weights + [p.bias], flat(v.weights) + [v.bias], scale=scale, rtol=rtol)
    assert_all_close(p.cost_history, v.cost_history, scale=1.0, rtol=rtol)


def newton_condition_number(X, model, l2):
    """kappa of D H D, H = 1/m X1c^T diag(p (1 - p)) X1c + lambda/m I' at the fitted model."""
    m, n = X.shape
    X1c = np.hstack([X - X.mean(axis=0), np.ones((m, 1))])
    p = 1 / (1 + np.exp(-(X @ model.weights + model.bias)))
    H = X1c.T @ ((p * (1 - p))[:, None] * X1c) / m + np.diag(np.append(np.full(n, l2 / m), 0))
    d = 1 / np.sqrt(np.diag(H))
    return float(np.linalg.cond(H * np.outer(d, d)))


# --- checks -----------------------------------------------------------------------------

@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("name, good, bad", [("LinearRegression", "normal", "newton"),
                                             ("LogisticRegression", "newton", "normal")])
def test_solver_values_are_checked(package, name, good, bad):
    X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 1, 0, 1]
    with pytest.raises(ValueError, match="solver"):
        getattr(package, name)(solver=bad).fit(X, y)
    with pytest.raises(TypeError, match="solver"):
        getattr(package, name)(solver=1).fit(X, y)
    with pytest.raises(ValueError, match="batch_size"):
        getattr(package, name)(solver=good, batch_size=2).fit(X, y)
    assert getattr(package, name)().solver == "gd"
