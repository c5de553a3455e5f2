"""Extreme but valid data through every solver of every model, and the scaler, in both twins.

Each case is drawn from its seed: magnitudes from 1e-300 to 1e300 (a column each, now and then
one entry far from the rest), single samples, zero, constant and duplicate columns, tiny and huge
l2, a few iterations, learning rates far too large. The contract (the one the README promises):

- both twins have the same outcome: both succeed, or both raise the same exception type with
  the same message;
- no warning escapes (pytest turns warnings into errors; here they are caught and failed);
- after a successful fit, cost, predict, predict_proba and score on the training data succeed
  in both twins and return finite numbers;
- a failed fit leaves the model as it was (a model fitted before on good data).

NumPy and pytest only, standard-library random for the draws, so every case is reproducible
from its seed; the whole file runs in a few seconds.
"""

import copy
import math
import random
import re
import warnings

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402

# (model, solver): every solver of every model, and the scaler.
SOLVERS = [("LinearRegression", "gd"), ("LinearRegression", "normal"),
           ("LinearRegression", "qr"), ("LogisticRegression", "gd"),
           ("LogisticRegression", "newton"), ("SoftmaxRegression", "gd"),
           ("StandardScaler", None)]
SEEDS = range(300)
GOOD_X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]]
GOOD_Y = {"LinearRegression": [0.5, 1.0, 2.0, 2.5], "LogisticRegression": [0, 0, 1, 1],
          "SoftmaxRegression": [0, 1, 2, 1]}


def magnitude(rng):
    """10^e for e anywhere from -300 to 300, the ends and 1 more often than the rest."""
    return 10.0 ** rng.choice([-300, -300, -150, 0, 0, 150, 300, 300, rng.uniform(-300, 300),
                               rng.uniform(290, 307)])


def draw_X(rng, m, n):
    columns = []
    for j in range(n):
        kind = rng.choice(["random"] * 5 + ["zero", "constant", "duplicate", "spike"])
        scale = magnitude(rng)
        column = [scale * rng.gauss(0, 1) for _ in range(m)]
        if kind == "zero":
            column = [0.0] * m
        elif kind == "constant":
            column = [scale] * m
        elif kind == "duplicate" and columns:
            column = list(rng.choice(columns))
        elif kind == "spike":  # one entry far from the others, such as 1e20 among ones
            column = [rng.gauss(0, 1) for _ in range(m)]
            column[rng.randrange(m)] = magnitude(rng)
        columns.append(column)
    return [[columns[j][i] for j in range(n)] for i in range(m)]


def draw(model, solver, seed):
    """(hyperparameters, X, y) of case seed for this model and solver."""
    rng = random.Random(f"{model}-{solver}-{seed}")
    m, n = rng.choice([1, 1, 2, 3, 4, 6, 9, 25]), rng.choice([1, 1, 2, 3, 4])
    X = draw_X(rng, m, n)
    if model == "StandardScaler":
        return {}, X, None
    if model == "LinearRegression":
        scale = magnitude(rng)
        y = [scale * rng.gauss(0, 1) for _ in range(m)]
    elif model == "LogisticRegression":
        y = [rng.choice([0, 1]) for _ in range(m)]
    else:
        y = [rng.choice([0, 1, 2]) for _ in range(m)]
    params = {"l2": rng.choice([0.0, 0.0, 1e-300, 1e-10, 1.0, 1e10, 1e300]),
              "n_iters": rng.choice([1, 2, 5, 20])}
    if solver is not None and model != "SoftmaxRegression":
        params["solver"] = solver
    if solver == "gd":
        params["learning_rate"] = rng.choice([0.01, 0.1, 1.0, 10.0 ** rng.uniform(-300, 300)])
        params["batch_size"] = rng.choice([None, None, None, 1, 2])
    return params, X, y


def state(model):
    return copy.deepcopy({k: (v.tolist() if hasattr(v, "tolist") else v)
                          for k, v in vars(model).items()})


FITTED = {}


def fitted_before(package, model):
    """A model of this class fitted on small, good data: a failed fit must leave it so."""
    key = (package.__name__, model)
    if key not in FITTED:
        instance = getattr(package, model)() if model == "StandardScaler" else \
            getattr(package, model)(n_iters=3)
        FITTED[key] = instance.fit(GOOD_X) if model == "StandardScaler" else \
            instance.fit(GOOD_X, GOOD_Y[model])
    return copy.deepcopy(FITTED[key])


def numbers(value):
    """Every number in a float, a list (of lists) or an array, as Python floats."""
    value = value.tolist() if hasattr(value, "tolist") else value
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in numbers(v)]
    return [float(value)] if not isinstance(value, str) else []


def evaluate(model, name, X, y):
    """What a learner calls on the training data after fit: name -> numbers returned."""
    if name == "StandardScaler":
        return {"transform": numbers(model.transform(X)),
                "inverse_transform": numbers(model.inverse_transform(model.transform(X)))}
    results = {"predict": numbers(model.predict(X)), "cost": numbers(model.cost(X, y)),
               "score": numbers(model.score(X, y))}
    if hasattr(model, "predict_proba"):
        results["predict_proba"] = numbers(model.predict_proba(X))
    return results


def outcome(package, name, params, X, y):
    """('ok', evaluations) or (exception type, message) of fitting package's model, with
    warnings turned into failures and the model checked unchanged after a failed fit."""
    model = fitted_before(package, name)
    for key, value in params.items():
        setattr(model, key, value)
    before = state(model)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            model.fit(X) if name == "StandardScaler" else model.fit(X, y)
        except Warning as warning:
            pytest.fail(f"{package.__name__}: a warning escaped fit: {warning!r}")
        except Exception as error:  # compared between the twins
            assert state(model) == before, f"{package.__name__}: a failed fit changed the model"
            return type(error), str(error)
        try:
            results = evaluate(model, name, X, y)
        except Warning as warning:
            pytest.fail(f"{package.__name__}: a warning escaped after fit: {warning!r}")
        except Exception as error:
            pytest.fail(f"{package.__name__}: fit succeeded, then the training data gave "
                        f"{error!r}")
    for method, values in results.items():
        assert all(math.isfinite(v) for v in values), \
            f"{package.__name__}: {method} on the training data is not finite: {values}"
    return "ok", results


def comparable(result):
    """The outcome as the twins must share it: 'ok', or the exception type and message, with
    the number of the iteration at which gradient descent or Newton diverged left out. Where
    a rounding error decides (a gradient that is exactly 0 in exact arithmetic, on a feature
    near 1e293, is 1e277 in one summation order and 0 in another), the twins can overflow
    one update apart; that they both diverge, and say so in the same words, is the contract."""
    if result[0] == "ok":
        return "ok"
    return result[0], re.sub(r"(diverged at (?:iteration|step)) \d+", r"\1 t", result[1])


def check_case(name, solver, seed):
    check_data(name, *draw(name, solver, seed))


def check_data(name, params, X, y):
    pure_outcome = outcome(pure, name, params, X, y)
    vectorized_outcome = outcome(vectorized, name, params, X, y)
    assert comparable(pure_outcome) == comparable(vectorized_outcome), \
        f"{params}, X={X}, y={y}: pure {pure_outcome[:2]}, vectorized {vectorized_outcome[:2]}"




def cases():
    for name, solver in SOLVERS:
        for seed in SEEDS:
            yield pytest.param(name, solver, seed,
                               id=f"{name}-{solver}-{seed}" if solver else f"{name}-{seed}")


@pytest.mark.parametrize("name, solver, seed", list(cases()))
def test_extreme_data_keeps_the_contract(name, solver, seed):
    check_case(name, solver, seed)


# The exact solvers on the fuzzer's own examples: a tiny but positive l2 with a single sample
# or a zero column.
EXACT_EXAMPLES = [("one sample at 0", [[0.0]], [1.3]), ("one sample", [[1.0]], [3.7e149]),
                  ("zero column", [[0.10, 0.0], [-0.59, 0.0], [-0.90, 0.0], [1.82, 0.0]],
                   [138.0, 273.3, 182.4, -217.6])]


@pytest.mark.parametrize("solver, what, X, y", [
    pytest.param(solver, *case, id=f"{solver}-{case[0]}")
    for solver in ["normal", "qr"] for case in EXACT_EXAMPLES])
def test_exact_solvers_with_a_tiny_l2_keep_the_contract(solver, what, X, y):
    check_data("LinearRegression", {"solver": solver, "l2": 1e-300}, X, y)
