"""NIST's Statistical Reference Datasets (StRD) for linear least squares: both twins against
the certified values.

Accuracy is counted as NIST does, by the LRE (log relative error, the number of correct
significant digits) of each coefficient, and a solver is judged by its smallest LRE.
- solver="qr": every coefficient at least as accurate as the first-order perturbation bound of
  least squares promises for a backward-stable method, less a margin of one digit:
      relative error of coefficient j  <=  u (m + kappa(A) + kappa(A)^2 t) * amp_j,
  with u = 2^-53, A the centred unit-length columns, t = |residual| / |fit|, and amp_j how
  much larger coefficient j's relative error can be than the whole solution's (|theta| /
  |theta_j| in unit columns; for the bias |theta| |D mean(X)| / |b|). The bound comes from the
  analysis (Higham, Accuracy and Stability of Numerical Algorithms, section 20.1), computed here
  with NumPy from the certified values; no solver's result on one machine enters it;
- solver="normal": either at least 6 digits or the ValueError that refuses it, never a silent
  answer with fewer (its rule and margin are in the docstring of _normal_equation);
- NoInt1 and NoInt2 have no intercept: fitted on the data reflected through the origin,
  (x, y) together with (-x, -y), the intercept is exactly 0 and the slope is the certified one;
- the polynomial models (Pontius, Filip, Wampler) take x, x^2, ..., x^k as the feature columns.
tests/test_kernels.py runs this file again under each OpenBLAS kernel the processor can run.
"""

import math
import re
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "nist"
NAMES = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
         "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]
TWINS = [pure, vectorized]
ids = lambda package: package.__name__  # noqa: E731


def load(name):
    """(X, y, certified [B0, B1, ...]) of a data set, in the form the models take."""
    lines = (DATA / f"{name}.dat").read_text(encoding="ascii").splitlines()
    header = "\n".join(lines[:30])
    first, last = map(int, re.search(r"Certified Values\s*\(lines (\d+) to (\d+)\)",
                                      header).groups())
    certified = {int(match.group(1)): float(match.group(2)) for match in
                 (re.match(r"\s*B(\d+)\s+(\S+)", line) for line in lines[first - 1:last])
                 if match}
    first, last = map(int, re.search(r"Data\s*\(lines (\d+) to (\d+)\)", header).groups())
    rows = [[float(v) for v in line.split()] for line in lines[first - 1:last] if line.strip()]
    y = [row[0] for row in rows]
    X = [row[1:] for row in rows]
    degree = max(certified)
    if len(X[0]) == 1 and degree > 1:  # a polynomial model: the columns x, x^2, ..., x^k
        X = [[x[0] ** k for k in range(1, degree + 1)] for x in X]
    if 0 not in certified:  # no intercept: reflect through the origin, so that b = 0 exactly
        X = X + [[-v for v in row] for row in X]
        y = y + [-v for v in y]
        certified[0] = 0.0
    return X, y, [certified[k] for k in range(degree + 1)]


def lre(estimate, certified):
    """Correct significant digits of an estimate; an absolute error where the value is 0."""
    error = abs(estimate - certified) / (abs(certified) if certified != 0 else 1.0)
    return 15.0 if error == 0 else min(15.0, -math.log10(error))


def smallest_lre(theta, certified):
    return min(lre(t, c) for t, c in zip(theta, certified))


def fitted(package, name, solver):
    X, y, _ = load(name)
    model = package.LinearRegression(solver=solver).fit(X, y)
    return [model.bias] + [float(w) for w in model.weights]


def lstsq(name):
    X, y, _ = load(name)
    X1 = np.hstack([np.ones((len(X), 1)), np.array(X)])
    return np.linalg.lstsq(X1, np.array(y), rcond=None)[0].tolist()


def test_the_eleven_data_sets_are_there_with_their_source():
    assert sorted(path.stem for path in DATA.glob("*.dat")) == sorted(NAMES)
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "NIST" in readme and "public domain" in readme
    for name in NAMES:
        X, y, certified = load(name)
        assert len(X) == len(y) and len(X[0]) == len(certified) - 1


def promised_digits(name):
    """The digits the least-squares perturbation bound promises to each coefficient (bias
    first) of a backward-stable solver such as Householder QR, from the certified values."""
    X, y, certified = load(name)
    X, y = np.array(X), np.array(y)
    x_mean = X.mean(axis=0)
    d = 1.0 / np.linalg.norm(X - x_mean, axis=0)
    A, yc = (X - x_mean) * d, y - y.mean()
    theta = np.array(certified[1:]) / d  # the certified weights in unit columns
    kappa = np.linalg.cond(A)
    t = np.linalg.norm(yc - A @ theta) / np.linalg.norm(A @ theta)
    bound = 2.0 ** -53 * (len(y) + kappa + kappa ** 2 * t)
    size = np.linalg.norm(theta)
    amp = [size * np.linalg.norm(d * x_mean) / max(abs(certified[0]), 1e-300)]
    amp += list(size / np.abs(theta))
    return [15.0 if a * bound == 0 else min(15.0, -math.log10(a * bound)) for a in amp]


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("name", NAMES)
def test_qr_gets_the_digits_its_error_bound_promises(package, name):
    _, _, certified = load(name)
    digits = [lre(t, c) for t, c in zip(fitted(package, name, "qr"), certified)]
    for j, (got, promised) in enumerate(zip(digits, promised_digits(name))):
        assert got >= promised - 1.0, f"{name} B{j}: {got:.2f} digits, bound {promised:.2f}"


def test_the_qr_bound_is_not_vacuous_where_it_matters():
    """The bound must promise real digits on the well-conditioned sets, or the test above
    would pass whatever QR did."""
    for name in ["Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2"]:
        assert min(promised_digits(name)) >= 6.0, name


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("name", NAMES)
def test_normal_equation_is_accurate_or_refuses(package, name):
    _, _, certified = load(name)
    try:
        theta = fitted(package, name, "normal")
    except ValueError as error:
        message = str(error)
        assert "solver='qr'" in message, message
        assert "condition number" in message or "singular" in message, message
        return
    digits = smallest_lre(theta, certified)
    assert digits >= 6.0, f"{name}: a silent answer with {digits:.1f} correct digits"


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_the_normal_equation_answers_the_well_conditioned_sets(package):
    """The refusal has a margin, but it is not a refusal of everything: the sets whose bound
    leaves 7 digits or more are answered (Wampler2 has kappa(S) 3e6 but coefficients of
    similar sizes), the Wampler sets whose bias is a thousand times smaller than its scale
    are refused."""
    answered = []
    for name in NAMES:
        try:
            fitted(package, name, "normal")
            answered.append(name)
        except ValueError:
            pass
    assert answered == ["Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler2"]


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_the_normal_equation_refuses_filip_for_what_it_is(package):
    """Filip is no constant or duplicate column: it is a degree-10 polynomial, ill-conditioned."""
    with pytest.raises(ValueError) as info:
        fitted(package, "Filip", "normal")
    message = str(info.value)
    assert "constant" not in message and "duplicate" not in message
    assert "solver='qr'" in message and "solver='gd'" not in message


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_the_normal_equation_refuses_filip_data_at_degree_7(package):
    """Issue 12: degree 7 on Filip's x gave 2.4-2.8 digits silently (condition number 1e13)."""
    X, y, _ = load("Filip")
    X = [row[:7] for row in X]
    with pytest.raises(ValueError, match="condition number is about .* correct digits"):
        package.LinearRegression(solver="normal").fit(X, y)
    model = package.LinearRegression(solver="qr").fit(X, y)
    reference = np.linalg.lstsq(np.hstack([np.ones((len(X), 1)), np.array(X)]), np.array(y),
                                rcond=None)[0]
    assert smallest_lre([model.bias] + [float(w) for w in model.weights], reference) >= 5.0


@pytest.mark.parametrize("solver", ["qr", "normal"])
@pytest.mark.parametrize("name", NAMES)
def test_the_twins_agree_within_the_condition_bound(name, solver):
    """Exact solvers agree to about kappa * 1e-15, not 1e-9: kappa is what the solver faces,
    kappa(A)^2 for the normal equation and kappa(A) + kappa(A)^2 tan(angle of y to the fit)
    for QR (the least-squares perturbation bound), with A the centred, unit-length columns."""
    X, y, _ = load(name)
    try:
        p, v = [package.LinearRegression(solver=solver).fit(X, y) for package in TWINS]
    except ValueError:
        pytest.skip("the normal equation refuses this data set (tested above)")
    Xc = np.array(X) - np.mean(X, axis=0)
    norms = np.linalg.norm(Xc, axis=0)
    kappa = np.linalg.cond(Xc / norms)
    yc = np.array(y) - np.mean(y)
    residual = np.linalg.norm(yc - Xc @ np.array(p.weights))
    tan = residual / max(np.sqrt(max(yc @ yc - residual ** 2, 0.0)), 1e-300)
    bound = 10e-15 * (kappa ** 2 if solver == "normal" else kappa + kappa ** 2 * tan)
    theta_p, theta_v = np.array(p.weights) * norms, v.weights * norms  # w in unit columns
    assert np.linalg.norm(theta_p - theta_v) <= bound * np.linalg.norm(theta_p)
    bias_scale = abs(p.bias) + np.abs(np.array(p.weights) * np.mean(X, axis=0)).sum()
    assert abs(p.bias - v.bias) <= bound * bias_scale
