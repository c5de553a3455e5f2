"""LinearRegression(solver="qr"): Householder QR in both twins, exact ridge by extra rows,
rank deficiency named by its column, and the normal equation's refusals said for what they are.
"""

import math

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402

TWINS = [pure, vectorized]
ids = lambda package: package.__name__  # noqa: E731


def data(m=30, n=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n)) * np.array([10.0 ** (j - 1) for j in range(n)]) + 0.3
    y = X @ (rng.normal(size=n) / np.array([10.0 ** (j - 1) for j in range(n)])) + 0.4
    return X, y + rng.normal(0, 0.1, m)


def theta(model):
    return [float(w) for w in model.weights] + [model.bias]


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_qr_equals_lstsq(package):
    X, y = data()
    reference = np.linalg.lstsq(np.hstack([X, np.ones((len(X), 1))]), y, rcond=None)[0]
    model = package.LinearRegression(solver="qr", record_params=True).fit(X.tolist(), y.tolist())
    np.testing.assert_allclose(theta(model), reference, rtol=1e-10)
    assert len(model.cost_history) == 1 and len(model.param_history) == 2
    assert math.isclose(model.cost_history[0], model.cost(X, y), rel_tol=1e-12)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("lam", [0.1, 10.0])
def test_qr_with_l2_is_exact_ridge(package, lam):
    X, y = data(seed=1)
    X1 = np.hstack([X, np.ones((len(X), 1))])
    penalty = lam * np.diag([1.0] * X.shape[1] + [0.0])  # the bias is never penalized
    reference = np.linalg.solve(X1.T @ X1 + penalty, X1.T @ y)
    model = package.LinearRegression(solver="qr", l2=lam).fit(X, y)
    np.testing.assert_allclose(theta(model), reference, rtol=1e-10)
    normal = package.LinearRegression(solver="normal", l2=lam).fit(X, y)
    np.testing.assert_allclose(theta(model), theta(normal), rtol=1e-10)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("solver", ["qr", "normal"])
@pytest.mark.parametrize("case, words", [
    ("constant", "column 1 of X (from 0) is constant, so it duplicates the bias"),
    ("duplicate", "column 2 of X (from 0) duplicates column 0"),
    ("fewer samples", "fewer samples (3) than parameters (4)"),
])
def test_exact_singularity_is_named_for_what_it_is(package, solver, case, words):
    X, y = data(m=12, seed=2)
    if case == "constant":
        X[:, 1] = 4.0
    elif case == "duplicate":
        X[:, 2] = X[:, 0]
    else:
        X, y = X[:3], y[:3]
    with pytest.raises(ValueError) as info:
        package.LinearRegression(solver=solver).fit(X, y)
    assert words in str(info.value) and "l2 > 0" in str(info.value)
    model = package.LinearRegression(solver=solver, l2=1.0).fit(X, y)
    assert all(math.isfinite(v) for v in theta(model))


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_qr_names_the_column_that_is_a_combination(package):
    X, y = data(m=20, n=4, seed=3)
    X[:, 3] = 2 * X[:, 0] - 0.5 * X[:, 1] + 7.0  # dependent, neither constant nor a duplicate
    with pytest.raises(ValueError) as info:
        package.LinearRegression(solver="qr").fit(X, y)
    message = str(info.value)
    assert "column 3 of X (from 0) is (nearly) a linear combination" in message
    assert "l2 > 0" in message and "constant" not in message and "duplicate" not in message


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_the_normal_equation_refuses_what_qr_solves(package):
    """x, ..., x^6 on [1, 2]: kappa(A) about 1e6, so the normal equation keeps about 0 digits;
    QR still agrees with lstsq to about 1e-6."""
    x = np.linspace(1.0, 2.0, 40)
    X = np.column_stack([x ** k for k in range(1, 7)])
    y = np.polyval([1.0, -2.0, 0.5, 3.0, -1.0, 2.0, 1.0], x)
    with pytest.raises(ValueError) as info:
        package.LinearRegression(solver="normal").fit(X, y)
    message = str(info.value)
    assert "condition number is about" in message and "correct digits" in message
    assert "solver='qr'" in message and "constant" not in message
    model = package.LinearRegression(solver="qr").fit(X, y)
    reference = np.linalg.lstsq(np.hstack([X, np.ones((40, 1))]), y, rcond=None)[0]
    np.testing.assert_allclose(theta(model), reference, rtol=1e-5)


def test_the_twins_refuse_with_the_same_words():
    x = np.linspace(1.0, 2.0, 40)
    X = np.column_stack([x ** k for k in range(1, 7)])
    y = np.sin(x)
    messages = []
    for package in TWINS:
        with pytest.raises(ValueError) as info:
            package.LinearRegression(solver="normal").fit(X, y)
        messages.append(str(info.value))
    assert messages[0] == messages[1]


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_qr_is_exact_on_features_far_from_zero(package):
    X, y = data(m=30, n=2, seed=6)
    exact = package.LinearRegression(solver="qr").fit(X, y)
    shifted = package.LinearRegression(solver="qr").fit(X + 1e6, y)
    np.testing.assert_allclose([float(w) for w in shifted.weights],
                               [float(w) for w in exact.weights], rtol=1e-8)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_the_exact_solvers_check_their_cost(package):
    X = [[float(i)] for i in range(10)]
    y = [9.3e298 * (-1) ** i for i in range(10)]
    for solver in ("qr", "normal"):
        with pytest.raises(FloatingPointError, match="not finite"):
            package.LinearRegression(solver=solver).fit(X, y)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_solver_names_qr_in_its_messages(package):
    with pytest.raises(ValueError, match='"qr"'):
        package.LinearRegression(solver="QR").fit([[0.0], [1.0]], [0.0, 1.0])
    with pytest.raises(ValueError, match="batch_size"):
        package.LinearRegression(solver="qr", batch_size=2).fit([[0.0], [1.0]], [0.0, 1.0])
