"""The contract of tests/test_extreme.py, with the data drawn by Hypothesis.

Hypothesis draws the floats itself (it favours the edges: 0, -0.0, the smallest and largest
magnitudes, numbers a hair apart) and shrinks a failure to a small case. It runs in a tox env
of its own (``tox -e property``, which CI runs too); the main suite keeps to NumPy and pytest
and skips this file when Hypothesis is not installed. Derandomized: the same examples on
every run.
"""

import pytest

pytest.importorskip("numpy")
pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_extreme import SOLVERS, check_data  # noqa: E402

# Finite floats from -1e300 to 1e300, tiny ones and exact zeros included.
VALUES = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False)
L2 = st.one_of(st.sampled_from([0.0, 1e-300, 1e-10, 1.0, 1e10, 1e300]),
               st.floats(min_value=0.0, max_value=1e300))
RATES = st.one_of(st.sampled_from([0.01, 0.1, 1.0]),
                  st.floats(min_value=1e-300, max_value=1e300, exclude_min=False))


@st.composite
def problems(draw, name, solver):
    """(hyperparameters, X, y) for this model and solver: m from 1 to 6 samples, n from 1 to
    3 features, now and then a zero column or a duplicate one."""
    m, n = draw(st.integers(1, 6)), draw(st.integers(1, 3))
    X = draw(st.lists(st.lists(VALUES, min_size=n, max_size=n), min_size=m, max_size=m))
    if n >= 2 and draw(st.booleans()):
        kind = draw(st.sampled_from(["zero", "duplicate"]))
        for row in X:
            row[-1] = 0.0 if kind == "zero" else row[0]
    if name == "StandardScaler":
        return {}, X, None
    labels = {"LinearRegression": VALUES, "LogisticRegression": st.sampled_from([0, 1]),
              "SoftmaxRegression": st.sampled_from([0, 1, 2])}[name]
    y = draw(st.lists(labels, min_size=m, max_size=m))
    params = {"l2": draw(L2), "n_iters": draw(st.integers(1, 5))}
    if name != "SoftmaxRegression":
        params["solver"] = solver
    if solver == "gd":
        params["learning_rate"] = draw(RATES)
        params["batch_size"] = draw(st.sampled_from([None, None, 1, 2]))
    return params, X, y


@pytest.mark.parametrize("name, solver", [
    pytest.param(name, solver, id=f"{name}-{solver}" if solver else name)
    for name, solver in SOLVERS])
def test_drawn_extreme_data_keeps_the_contract(name, solver):
    @settings(max_examples=150, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(problems(name, solver))
    def check(problem):
        check_data(name, *problem)

    check()
