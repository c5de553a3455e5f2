"""record_params=True: the parameters after every update, the same in both twins.

Entry 0 is the start, entry t the parameters after update t, so the history is one longer
than cost_history (gradient descent, Newton) or [start, solution] (a closed-form solver);
the last entry is the fitted (weights, bias). With record_params=False nothing is kept.
"""

import pytest

np = pytest.importorskip("numpy")

import pure  # noqa: E402
import vectorized  # noqa: E402
from twins import assert_all_close, flat, random_problem  # noqa: E402

TWINS = [pure, vectorized]
ids = lambda package: package.__name__  # noqa: E731


# --- LinearRegression ----------------------------------------------------------------------

def linear_case(seed, **params):
    case = random_problem(seed)
    params = {**case["params"], **params}
    return case, params


def fit_linear_both(case, params):
    return [package.LinearRegression(**params, record_params=True).fit(case["X"], case["y"])
            for package in TWINS]


def assert_linear_history_agrees(p, v):
    assert len(p.param_history) == len(v.param_history)
    scale = max(abs(value) for w, b in p.param_history for value in w + [b]) or 1.0
    for t, ((w_p, b_p), (w_v, b_v)) in enumerate(zip(p.param_history, v.param_history)):
        assert isinstance(w_p, list) and all(type(value) is float for value in w_p + [b_p])
        assert isinstance(w_v, np.ndarray) and w_v.dtype == np.float64 and type(b_v) is float
        assert_all_close(w_p + [b_p], flat(w_v) + [b_v], scale=scale, what=f"param_history[{t}]")


@pytest.mark.parametrize("seed", range(12))
def test_linear_gradient_descent_history_agrees(seed):
    case, params = linear_case(seed, batch_size=None, tol=None)
    try:
        p, v = fit_linear_both(case, params)
    except FloatingPointError:
        pytest.skip("this random problem diverges (tested in test_parity)")
    for model in (p, v):
        assert len(model.param_history) == len(model.cost_history) + 1
        assert flat(model.param_history[0][0]) == [0.0] * case["n"]
        assert model.param_history[0][1] == 0.0
        assert flat(model.param_history[-1][0]) == flat(model.weights)
        assert model.param_history[-1][1] == model.bias
    assert_linear_history_agrees(p, v)


@pytest.mark.parametrize("seed", range(12))
def test_linear_minibatch_history_agrees(seed):
    case, params = linear_case(seed, batch_size=3, n_iters=5)
    try:
        p, v = fit_linear_both(case, params)
    except FloatingPointError:
        pytest.skip("this random problem diverges (tested in test_parity)")
    updates_per_epoch = -(-case["m"] // 3) if case["m"] > 3 else 1
    for model in (p, v):
        assert len(model.param_history) == len(model.cost_history) + 1
        if params["tol"] is None:
            assert len(model.cost_history) == 5 * updates_per_epoch
        assert flat(model.param_history[-1][0]) == flat(model.weights)
    assert_linear_history_agrees(p, v)


def test_linear_history_entries_are_the_updates():
    """Entry t + 1 is entry t moved by -learning_rate times the gradient at entry t."""
    X = [[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [3.0, 2.0]]
    y = [1.0, 2.5, 3.0, 7.5]
    for package in TWINS:
        model = package.LinearRegression(learning_rate=0.05, n_iters=4, l2=0.3,
                                         record_params=True).fit(X, y)
        for (w, b), (w_next, b_next) in zip(model.param_history, model.param_history[1:]):
            w = np.array(flat(w))
            error = np.array(X) @ w + b - np.array(y)
            grad_w = np.array(X).T @ error / 4 + 0.3 / 4 * w
            np.testing.assert_allclose(flat(w_next), w - 0.05 * grad_w, rtol=1e-12)
            assert abs(b_next - (b - 0.05 * error.mean())) <= 1e-12 * max(1.0, abs(b))


@pytest.mark.parametrize("solver", ["normal", "qr"])
@pytest.mark.parametrize("l2", [0.0, 1.0])
def test_linear_normal_equation_history_is_start_and_solution(l2, solver):
    X = [[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [3.0, 2.0], [4.0, 0.0]]
    y = [1.0, 2.5, 3.0, 7.5, 8.0]
    p, v = [package.LinearRegression(solver=solver, l2=l2, record_params=True).fit(X, y)
            for package in TWINS]
    for model in (p, v):
        assert len(model.param_history) == 2 and len(model.cost_history) == 1
        assert flat(model.param_history[0][0]) == [0.0, 0.0] and model.param_history[0][1] == 0.0
        assert flat(model.param_history[1][0]) == flat(model.weights)
        assert model.param_history[1][1] == model.bias
    assert_linear_history_agrees(p, v)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_linear_history_is_a_copy_not_a_view(package):
    model = package.LinearRegression(learning_rate=0.1, n_iters=3, record_params=True)
    model.fit([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])
    weights = [flat(w) for w, _ in model.param_history]
    assert weights[0] != weights[1] != weights[2]  # each update got its own copy
    model.weights[0] = 123.0
    assert flat(model.param_history[-1][0]) != [123.0]


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_linear_without_record_params_nothing_is_kept(package):
    model = package.LinearRegression(n_iters=3, record_params=True).fit([[0.0], [1.0]], [0, 1])
    assert hasattr(model, "param_history")
    model.record_params = False
    model.fit([[0.0], [1.0]], [0, 1])
    assert not hasattr(model, "param_history")  # not a stale history of the previous fit
    assert "record_params=False" in repr(model)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("value", [1, 0, "yes", None, 1.0])
def test_linear_record_params_must_be_a_bool(package, value):
    model = package.LinearRegression(record_params=value)
    with pytest.raises(TypeError) as info:
        model.fit([[0.0], [1.0]], [0, 1])
    assert str(info.value) == (f"record_params must be True or False, "
                               f"got {type(value).__name__} {value!r}.")
    assert not hasattr(model, "weights")


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_linear_failed_fit_keeps_the_old_history(package):
    model = package.LinearRegression(n_iters=2, record_params=True).fit([[0.0], [1.0]], [0, 1])
    before = [(flat(w), b) for w, b in model.param_history]
    model.learning_rate = 1e200
    with pytest.raises(FloatingPointError):
        model.fit([[1e3, -2e3], [3e3, 1e3], [-2e3, 5e2]], [1, 0, 1])
    assert [(flat(w), b) for w, b in model.param_history] == before


# --- SoftmaxRegression ---------------------------------------------------------------------

SOFTMAX_X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0], [1.0, 2.0], [2.0, 2.5]]
SOFTMAX_Y = ["b", "a", "c", "c", "a", "b"]


def softmax_case(seed, **params):
    """A random problem of twins.random_problem with three classes cut from its targets."""
    case = random_problem(seed, logistic=True)
    X = case["X"]
    scores = [sum(row) for row in X]
    cuts = sorted(scores)[len(scores) // 3], sorted(scores)[2 * len(scores) // 3]
    y = ["low" if s < cuts[0] else "mid" if s < cuts[1] else "high" for s in scores]
    if len(set(y)) < 2:
        pytest.skip("this random problem has a single class")
    params = {**case["params"], **params}
    params["learning_rate"] /= 2
    return X, y, params


def fit_softmax_both(X, y, params):
    return [package.SoftmaxRegression(**params, record_params=True).fit(X, y)
            for package in TWINS]


def softmax_entry(entry):
    W, b = entry
    return [float(v) for row in (W.tolist() if hasattr(W, "tolist") else W) for v in row] \
        + flat(b)


def assert_softmax_history_agrees(p, v):
    assert len(p.param_history) == len(v.param_history) == len(p.cost_history) + 1
    scale = max(abs(value) for entry in p.param_history for value in softmax_entry(entry)) or 1.0
    for t, ((W_p, b_p), (W_v, b_v)) in enumerate(zip(p.param_history, v.param_history)):
        assert isinstance(W_p, list) and all(isinstance(row, list) for row in W_p)
        assert isinstance(b_p, list) and all(type(value) is float for value in b_p)
        assert isinstance(W_v, np.ndarray) and W_v.dtype == np.float64 and W_v.ndim == 2
        assert isinstance(b_v, np.ndarray) and b_v.dtype == np.float64 and b_v.ndim == 1
        assert_all_close(softmax_entry((W_p, b_p)), softmax_entry((W_v, b_v)), scale=scale,
                         what=f"param_history[{t}]")


def assert_softmax_ends_at_the_fit(model):
    K, n = len(model.classes), len(model.weights[0])
    assert softmax_entry(model.param_history[0]) == [0.0] * (K * n + K)
    assert softmax_entry(model.param_history[-1]) == softmax_entry((model.weights, model.bias))


@pytest.mark.parametrize("seed", range(12))
def test_softmax_gradient_descent_history_agrees(seed):
    X, y, params = softmax_case(seed, batch_size=None, tol=None)
    try:
        p, v = fit_softmax_both(X, y, params)
    except FloatingPointError:
        pytest.skip("this random problem diverges (tested in test_softmax)")
    for model in (p, v):
        assert len(model.param_history) == len(model.cost_history) + 1 == params["n_iters"] + 1
        assert_softmax_ends_at_the_fit(model)
    assert_softmax_history_agrees(p, v)


@pytest.mark.parametrize("seed", range(12))
def test_softmax_minibatch_history_agrees(seed):
    X, y, params = softmax_case(seed, batch_size=3, n_iters=5)
    try:
        p, v = fit_softmax_both(X, y, params)
    except FloatingPointError:
        pytest.skip("this random problem diverges (tested in test_softmax)")
    updates_per_epoch = -(-len(X) // 3) if len(X) > 3 else 1
    for model in (p, v):
        if params["tol"] is None:
            assert len(model.cost_history) == 5 * updates_per_epoch
        assert_softmax_ends_at_the_fit(model)
    assert_softmax_history_agrees(p, v)


def test_softmax_history_entries_are_the_updates():
    """Entry t + 1 is entry t moved by -learning_rate times the gradient at entry t,
    computed here independently with a one-hot matrix."""
    X = np.array(SOFTMAX_X)
    Y = np.eye(3)[[1, 0, 2, 2, 0, 1]]  # a, b, c sorted
    for package in TWINS:
        model = package.SoftmaxRegression(learning_rate=0.3, n_iters=4, l2=0.5,
                                          record_params=True).fit(SOFTMAX_X, SOFTMAX_Y)
        for (W, b), (W_next, b_next) in zip(model.param_history, model.param_history[1:]):
            W, b = np.array(W, dtype=float), np.array(b, dtype=float)
            Z = X @ W.T + b
            P = np.exp(Z - Z.max(axis=1, keepdims=True))
            P /= P.sum(axis=1, keepdims=True)
            grad_W = (P - Y).T @ X / 6 + 0.5 / 6 * W
            grad_b = (P - Y).mean(axis=0)
            np.testing.assert_allclose(np.array(W_next), W - 0.3 * grad_W, rtol=1e-12, atol=1e-15)
            np.testing.assert_allclose(np.array(b_next), b - 0.3 * grad_b, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_softmax_history_is_a_copy_not_a_view(package):
    model = package.SoftmaxRegression(learning_rate=0.5, n_iters=3, record_params=True)
    model.fit(SOFTMAX_X, SOFTMAX_Y)
    entries = [softmax_entry(entry) for entry in model.param_history]
    assert entries[0] != entries[1] != entries[2] != entries[3]  # each update its own copy
    model.weights[0][0] = 123.0
    model.bias[0] = -7.0
    assert softmax_entry(model.param_history[-1]) == entries[-1]


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_softmax_without_record_params_nothing_is_kept(package):
    model = package.SoftmaxRegression(n_iters=3, record_params=True).fit(SOFTMAX_X, SOFTMAX_Y)
    assert len(model.param_history) == 4
    model.record_params = False
    model.fit(SOFTMAX_X, SOFTMAX_Y)
    assert not hasattr(model, "param_history")  # not a stale history of the previous fit
    assert repr(model).endswith("record_params=False)")
    assert not hasattr(package.SoftmaxRegression(n_iters=2).fit(SOFTMAX_X, SOFTMAX_Y),
                       "param_history")


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("value", [1, 0, "yes", None, 1.0])
def test_softmax_record_params_must_be_a_bool(package, value):
    model = package.SoftmaxRegression(record_params=value)
    with pytest.raises(TypeError) as info:
        model.fit(SOFTMAX_X, SOFTMAX_Y)
    assert str(info.value) == (f"record_params must be True or False, "
                               f"got {type(value).__name__} {value!r}.")
    assert not hasattr(model, "weights")


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_softmax_failed_fit_keeps_the_old_history(package):
    model = package.SoftmaxRegression(n_iters=2, record_params=True).fit(SOFTMAX_X, SOFTMAX_Y)
    before = [softmax_entry(entry) for entry in model.param_history]
    model.learning_rate = 1e300
    with pytest.raises(FloatingPointError):
        model.fit([[1e3, -2e3], [3e3, 1e3], [-2e3, 5e2]], [1, 0, 2])
    assert [softmax_entry(entry) for entry in model.param_history] == before


# --- LogisticRegression --------------------------------------------------------------------

def fit_logistic_both(case, **params):
    return [package.LogisticRegression(**{**case["params"], **params}, record_params=True)
            .fit(case["X"], case["y"]) for package in TWINS]


def assert_logistic_history_agrees(p, v, rtol=1e-9):
    assert len(p.param_history) == len(v.param_history)
    scale = max(abs(value) for w, b in p.param_history for value in w + [b]) or 1.0
    for t, ((w_p, b_p), (w_v, b_v)) in enumerate(zip(p.param_history, v.param_history)):
        assert isinstance(w_p, list) and all(type(value) is float for value in w_p + [b_p])
        assert isinstance(w_v, np.ndarray) and w_v.dtype == np.float64 and type(b_v) is float
        assert_all_close(w_p + [b_p], flat(w_v) + [b_v], scale=scale, rtol=rtol,
                         what=f"param_history[{t}]")


def assert_ends_at_the_fit(model, n_updates):
    assert len(model.param_history) == n_updates + 1
    assert flat(model.param_history[0][0]) == [0.0] * len(model.weights)
    assert model.param_history[0][1] == 0.0
    assert flat(model.param_history[-1][0]) == flat(model.weights)
    assert model.param_history[-1][1] == model.bias


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("batch_size", [None, 3])
def test_logistic_gradient_descent_and_minibatch_history_agrees(seed, batch_size):
    case = random_problem(seed, logistic=True)
    try:
        p, v = fit_logistic_both(case, batch_size=batch_size, n_iters=5 if batch_size else 50)
    except FloatingPointError:
        pytest.skip("this random problem diverges (tested in test_parity)")
    for model in (p, v):
        assert_ends_at_the_fit(model, len(model.cost_history))
    assert_logistic_history_agrees(p, v)


@pytest.mark.parametrize("seed", range(12))
def test_logistic_newton_history_agrees(seed):
    case = random_problem(seed, logistic=True)
    try:
        p, v = fit_logistic_both(case, solver="newton", batch_size=None)
    except (ValueError, FloatingPointError):
        pytest.skip("Newton refuses this problem (tested in test_solvers)")
    for model in (p, v):
        assert_ends_at_the_fit(model, len(model.cost_history))  # one entry per Newton step
    assert_logistic_history_agrees(p, v, rtol=1e-7)  # a linear solve at every step


def test_logistic_history_entries_are_the_updates():
    """Entry t + 1 is entry t moved by -learning_rate times the gradient at entry t."""
    X = np.array([[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [3.0, 2.0]])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    for package in TWINS:
        model = package.LogisticRegression(learning_rate=0.5, n_iters=4, l2=0.3,
                                           record_params=True).fit(X.tolist(), y.tolist())
        for (w, b), (w_next, b_next) in zip(model.param_history, model.param_history[1:]):
            w = np.array(flat(w))
            error = 1 / (1 + np.exp(-(X @ w + b))) - y
            grad_w = X.T @ error / 4 + 0.3 / 4 * w
            np.testing.assert_allclose(flat(w_next), w - 0.5 * grad_w, rtol=1e-12)
            assert abs(b_next - (b - 0.5 * error.mean())) <= 1e-12 * max(1.0, abs(b))


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_logistic_newton_history_entries_are_newton_steps(package):
    """Each entry's gradient is smaller than the last's, and the last one is the optimum."""
    X = [[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [3.0, 2.0], [1.5, 0.0], [2.5, 1.0]]
    y = [0, 0, 1, 1, 1, 0]
    model = package.LogisticRegression(solver="newton", l2=0.5, record_params=True).fit(X, y)
    assert_ends_at_the_fit(model, len(model.cost_history))
    Xa, ya = np.array(X), np.array(y, float)
    norms = []
    for w, b in model.param_history:
        w = np.array(flat(w))
        error = 1 / (1 + np.exp(-(Xa @ w + b))) - ya
        norms.append(np.linalg.norm(np.append(Xa.T @ error / 6 + 0.5 / 6 * w, error.mean())))
    assert all(later < earlier for earlier, later in zip(norms, norms[1:-1]))
    assert norms[-1] < 1e-10


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_logistic_history_is_a_copy_and_not_kept_without_record_params(package):
    model = package.LogisticRegression(n_iters=3, record_params=True).fit([[0.0], [1.0]], [0, 1])
    weights = [flat(w) for w, _ in model.param_history]
    assert weights[0] != weights[1] != weights[2]  # each update got its own copy
    model.weights[0] = 123.0
    assert flat(model.param_history[-1][0]) != [123.0]
    model.record_params = False
    model.fit([[0.0], [1.0]], [0, 1])
    assert not hasattr(model, "param_history")  # not a stale history of the previous fit
    assert "record_params=False" in repr(model)


@pytest.mark.parametrize("package", TWINS, ids=ids)
@pytest.mark.parametrize("value", [1, 0, "yes", None, 1.0])
def test_logistic_record_params_must_be_a_bool(package, value):
    model = package.LogisticRegression(record_params=value)
    with pytest.raises(TypeError) as info:
        model.fit([[0.0], [1.0]], [0, 1])
    assert str(info.value) == (f"record_params must be True or False, "
                               f"got {type(value).__name__} {value!r}.")
    assert not hasattr(model, "weights")


@pytest.mark.parametrize("package", TWINS, ids=ids)
def test_logistic_failed_fit_keeps_the_old_history(package):
    model = package.LogisticRegression(n_iters=2, record_params=True).fit([[0.0], [1.0]], [0, 1])
    before = [(flat(w), b) for w, b in model.param_history]
    model.learning_rate = 1e200
    with pytest.raises(FloatingPointError):
        model.fit([[1e3, -2e3], [3e3, 1e3], [-2e3, 5e2]], [1, 0, 1])
    assert [(flat(w), b) for w, b in model.param_history] == before
