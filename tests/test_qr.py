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


def test_the_householder_sign_avoids_cancellation():
    """Reflection k maps column k onto alpha e_k with alpha = -sign(R_kk) |column|, so that
    v_k = R_kk - alpha adds two numbers of the same sign. With the other sign, a column nearly
    parallel to e_k gives v_k = R_kk - |column|, a difference of two nearly equal numbers:
    here it cancels to 0 and the answer keeps 8 digits instead of 15."""
    from fractions import Fraction
    rng = np.random.default_rng(7)
    A = [[1.0]] + [[1e-8 * v] for v in rng.uniform(0.5, 1.0, 4)]
    yc = [2.0] + rng.uniform(-1.0, 1.0, 4).tolist()
    exact = (sum(Fraction(a[0]) * Fraction(v) for a, v in zip(A, yc))
             / sum(Fraction(a[0]) ** 2 for a in A))
    for package in TWINS:
        theta = package.linear_regression._qr(
            np.array(A) if package is vectorized else A,
            np.array(yc) if package is vectorized else yc, np.zeros(1) if package is vectorized
            else [0.0])[0]
        assert abs(Fraction(float(theta)) - exact) / exact < 1e-14, package.__name__


ZERO_COLUMN = ([[0.10, 0.0], [-0.59, 0.0], [-0.90, 0.0], [1.82, 0.0]],
               [138.0, 273.3, 182.4, -217.6])


@pytest.mark.parametrize("solver", ["normal", "qr"])
@pytest.mark.parametrize("X, y, column", [
    ([[0.0]], [1.3], 0),  # one sample: after centring, every column is zero
    ([[1.0]], [3.7e149], 0),
    (*ZERO_COLUMN, 1),
])
def test_a_penalty_too_small_to_count_is_refused_as_singular(solver, X, y, column):
    """l2 = 1e-300 puts a penalty of 1e-300 on a zero column: S_kk = 1e-300 is no safer than 0
    (it was a ZeroDivisionError in pure and a divide-by-zero warning in vectorized). Rank is
    judged against a unit column's scale, 1 + P_kk, in both solvers and both twins."""
    messages = []
    for package in TWINS:
        model = package.LinearRegression(solver=solver, l2=1e-300)
        with pytest.raises(ValueError) as info:
            model.fit(X, y)
        assert not hasattr(model, "weights")
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    assert f"column {column} of X (from 0) is (nearly) a linear combination" in messages[0]
    assert "a larger l2" in messages[0]


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("solver", ["normal", "qr"])
def test_a_penalty_that_counts_gives_the_ridge_answer_for_zero_columns(package, solver):
    """With l2 = 1 the same problems are ridge regression, which has one answer: a zero column
    (after centring) gets weight 0, one sample gives b = y."""
    single = package.LinearRegression(solver=solver, l2=1.0).fit([[0.0]], [1.3])
    assert float(single.weights[0]) == 0.0 and single.bias == 1.3
    X, y = ZERO_COLUMN
    model = package.LinearRegression(solver=solver, l2=1.0).fit(X, y)
    X1 = np.hstack([np.array(X), np.ones((4, 1))])
    reference = np.linalg.solve(X1.T @ X1 + np.diag([1.0, 1.0, 0.0]), X1.T @ np.array(y))
    np.testing.assert_allclose(theta(model), reference, rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_a_heavily_penalized_short_column_does_not_make_the_others_dependent(package):
    """A column of values near 1e-11 with l2 = 1 gets a penalty of about 1e21 on unit length:
    its R_kk is 3e10. Judged against the largest R_kk (as it once was), every other column
    looked dependent; judged against its own scale, each is fine. (The normal equation
    refuses these data for what they are: kappa(S) is about 1e22.)"""
    X, y = data(m=10, n=2, seed=8)
    X[:, 0] *= 1e-11
    with pytest.raises(ValueError, match="condition number is about"):
        package.LinearRegression(solver="normal", l2=1.0).fit(X, y)
    model = package.LinearRegression(solver="qr", l2=1.0).fit(X, y)
    X1 = np.hstack([X, np.ones((10, 1))])
    reference = np.linalg.solve(X1.T @ X1 + np.diag([1.0, 1.0, 0.0]), X1.T @ y)
    # The reference solves with a matrix whose entries span 1e-21 to 10: its own tiny weight
    # keeps about 5 digits, the others all of theirs.
    np.testing.assert_allclose(theta(model)[1:], reference[1:], rtol=1e-9)
    np.testing.assert_allclose(theta(model)[0], reference[0], rtol=1e-4)


@pytest.mark.parametrize("solver", ["normal", "qr"])
def test_a_penalty_beyond_the_floats_is_refused_in_both_twins(solver):
    X, y = [[1.0], [2.0], [3.0]], [1.0, 2.0, 4.0]
    messages = []
    for package in TWINS:
        with pytest.raises(ValueError) as info:
            package.LinearRegression(solver=solver, l2=1.7e308).fit(X, y)
        messages.append(str(info.value))
    assert messages[0] == messages[1] and "too large for these data" in messages[0]
    assert "Use a smaller l2" in messages[0]


@pytest.mark.parametrize("solver", ["normal", "qr"])
def test_the_exact_solvers_agree_on_random_extreme_data(solver):
    """Magnitudes from 1e-300 to 1e300, zero, constant and duplicate columns, penalties from
    5e-324 to 1.7e308: both twins give the same kind of outcome, and the same message (up to
    the numbers it quotes), with no warning; a fit that succeeds can evaluate its own data."""
    import random
    import re
    import warnings
    rng = random.Random(20)

    def magnitude():
        return rng.choice([1.0, 10.0 ** rng.uniform(-300, 300), 10.0 ** rng.uniform(-5, 5)])

    def outcome(package, X, y, l2):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                model = package.LinearRegression(solver=solver, l2=l2).fit(X, y)
            except (ValueError, FloatingPointError) as error:
                return type(error).__name__, re.sub(r"[-+0-9.e]+", "#", str(error))
            model.cost(X, y), model.predict(X), model.score(X, y)  # no error, nothing inf
            return "fitted", ""

    for _ in range(300):
        m, n = rng.randint(1, 5), rng.randint(1, 3)
        scales = [magnitude() for _ in range(n)]
        X = [[rng.gauss(0, 1) * scales[j] for j in range(n)] for _ in range(m)]
        for j in range(n):
            kind = rng.random()
            for row in X:
                row[j] = 0.0 if kind < 0.1 else row[0] if kind < 0.2 else row[j]
        y_scale = magnitude()
        y = [rng.gauss(0, 1) * y_scale for _ in range(m)]
        l2 = rng.choice([0.0, 5e-324, 1e-300, 1e-20, 1e-8, 1.0, 1e8, 1e300, 1.7e308])
        pure_outcome = outcome(pure, X, y, l2)
        assert pure_outcome == outcome(vectorized, X, y, l2), (X, y, l2)
