"""Linear regression trained by gradient descent, in NumPy matrix form.

The twin of ``pure/linear_regression.py``: the same model, cost, gradient and update,
with each loop over samples i and features j replaced by one matrix product.
X is (m, n), y is (m,), w is (n,), b is a float.

Model
    y_hat = X w + b                                   (m,)

Cost (half the mean squared error, plus an optional L2 penalty lambda on the weights)
    J(w, b) = 1/(2m) (y_hat - y)^T (y_hat - y)  +  lambda/(2m) w^T w

Gradient (the exact derivative of J: the 2 from the square cancels the 1/2)
    dJ/dw = 1/m X^T (y_hat - y)  +  (lambda/m) w    (n,)
    dJ/db = 1/m sum(y_hat - y)

Update (simultaneous: both gradients come from the same forward pass)
    w <- w - learning_rate * dJ/dw
    b <- b - learning_rate * dJ/db

The weights and the bias start at zero. The bias is never penalized.

With ``batch_size`` set, each epoch shuffles the samples and makes one update per
batch of B samples: the sums run over the batch and 1/m becomes 1/B, but the
penalty keeps the full m, so each batch gradient is an unbiased estimate of the
full one and the objective does not depend on B.

>>> model = LinearRegression(learning_rate=0.1, n_iters=2000)
>>> model = model.fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0])
>>> [round(w, 6) for w in model.weights.tolist()], round(model.bias, 6)
([2.0], 1.0)
"""

import math
import numbers
import random
import warnings
from typing import Optional, Tuple

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...


class LinearRegression:
    """Least-squares linear regression by (mini-batch) gradient descent.

    Parameters
    ----------
    learning_rate : float, default 0.01
        Step size alpha of each update; a positive finite number.
    n_iters : int, default 1000
        Number of epochs: full passes over the training data. With the default
        ``batch_size=None`` an epoch is exactly one update.
    l2 : float, default 0.0
        L2 penalty lambda: the cost gains lambda/(2m) w^T w. It has the same
        minimizer as ridge regression with penalty lambda on the weights and an
        unpenalized intercept (``sklearn.linear_model.Ridge(alpha=lambda)``).
    tol : float or None, default None
        Stop after the update at which |J_k - J_(k-1)| < tol. With mini-batches the
        single batch costs are noisy, so tol compares the mean batch cost of an
        epoch with the previous epoch's instead, and stops after the first epoch
        where they differ by less than tol. ``n_iters`` stays the upper bound.
    batch_size : int or None, default None
        None: full-batch gradient descent. An integer B: every epoch shuffles the
        samples with ``random.Random(seed)`` (the standard library's, as in the pure
        twin, so both twins see the same batches) and makes ceil(m/B) updates on
        consecutive batches (the last may be smaller); B=1 is plain SGD; B >= m
        is full batch.
    seed : int, default 0
        Seed of the shuffle; the same seed gives the same result on every run.
    verbose : int, default 0
        If k > 0, print ``iteration t: cost J`` every k updates and at the last.
    solver : {"gd", "normal"}, default "gd"
        "gd": gradient descent as above. "normal": the exact minimizer in one linear
        solve of the normal equation (X1^T X1 + L) theta = X1^T y, where X1 is X with a
        column of ones for the bias and L is lambda on the weights' diagonal and 0 for
        the bias; learning_rate, n_iters, tol and seed are not used (but still
        checked), and ``cost_history`` holds the single final cost. A singular system (a constant or
        duplicate column, fewer samples than parameters) raises ValueError: use l2 > 0
        or solver="gd".

    Attributes (set by ``fit``)
    ---------------------------
    weights : ndarray of shape (n,), float64
        One weight w_j per feature.
    bias : float
        The intercept b.
    cost_history : list of float
        Entry k is the cost J at the parameters used for the k-th update (with
        mini-batches, the batch cost); its length is the number of updates made.
    """

    def __init__(
        self,
        learning_rate: float = 0.01,
        n_iters: int = 1000,
        *,
        l2: float = 0.0,
        tol: Optional[float] = None,
        batch_size: Optional[int] = None,
        seed: int = 0,
        verbose: int = 0,
        solver: str = "gd",
    ) -> None:
        # Like scikit-learn: store the hyperparameters untouched, check them in fit,
        # so a learner can change model.learning_rate and fit again.
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2
        self.tol = tol
        self.batch_size = batch_size
        self.seed = seed
        self.verbose = verbose
        self.solver = solver

    def fit(self, X: ArrayLike, y: ArrayLike) -> "LinearRegression":
        """Learn ``weights`` and ``bias`` from X, shape (m, n), and y, shape (m,) or (m, 1)."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose = _check_hyperparameters(self)
        solver = _check_solver(self.solver, batch_size)
        X = _check_X(X)
        y = _check_y(y, X.shape[0])
        m, n = X.shape
        if batch_size is not None and batch_size >= m:
            batch_size = None  # one batch holding every sample is full-batch descent
        if solver == "normal":
            w, b = _normal_equation(X, y, l2)  # exact, in one linear solve
            cost_history = [_cost(X, y, w, b, l2)]
            if verbose:
                print(f"iteration 1: cost {cost_history[0]:.6g}")
            self.weights, self.bias, self.cost_history = w, b, cost_history
            return self

        # Work on local names; the model's attributes change only after success,
        # so a fit that raises leaves the model exactly as it was.
        w = np.zeros(n)
        b = 0.0
        cost_history = []
        rng = random.Random(seed)
        order = list(range(m)) if batch_size is not None else None  # only mini-batches shuffle
        previous_epoch_cost = None
        # A work vector for the predictions, allocated once and overwritten in place
        # (out=, +=, -=) by every update: a new length-m array for each step would be
        # fresh memory every update, whose page faults cost more than the arithmetic.
        work = np.empty(m)

        # Overflow shows up as a non-finite cost, which _check_finite_cost turns into
        # a FloatingPointError that names the cure; NumPy's warning would only say "overflow".
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(n_iters):
                if batch_size is None:
                    batches = [None]
                else:
                    rng.shuffle(order)
                    batches = [order[start:start + batch_size] for start in range(0, m, batch_size)]
                epoch_cost = 0.0
                for batch in batches:
                    # Full batch uses X itself (no copy); a mini-batch copies only its rows.
                    X_b, y_b = (X, y) if batch is None else (X[batch], y[batch])
                    m_b = X_b.shape[0]
                    y_hat = work[:m_b]  # a view of length m_b, no copy
                    # Step 1: forward pass  y_hat_i = sum_j w_j x_ij + b
                    np.matmul(X_b, w, out=y_hat)
                    y_hat += b
                    # Step 2: cost  J = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2
                    error = np.subtract(y_hat, y_b, out=y_hat)  # y_hat is not needed again
                    sum_sq = error @ error
                    # Step 3: gradients  dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij + (lambda/m) w_j,  dJ/db = 1/m sum_i (y_hat_i - y_i)
                    grad_w = X_b.T @ error  # X^T r: the sum over i for every j at once
                    grad_b = error.sum()
                    # Finish the cost (step 2) and the gradients (step 3): divide the sums by m_b and
                    # add the penalty, which uses the full m, also for a batch (see the module docstring).
                    penalty = w @ w
                    cost = float(sum_sq / (2 * m_b) + l2 / (2 * m) * penalty)
                    _check_finite_cost(cost, len(cost_history) + 1, learning_rate)
                    cost_history.append(cost)
                    # The bias is never penalized: a penalty on b would pull the
                    # intercept towards 0 and make the model depend on where y's origin is.
                    grad_w = grad_w / m_b + l2 / m * w
                    grad_b = grad_b / m_b
                    # Step 4: update  w_j <- w_j - learning_rate * dJ/dw_j,  b <- b - learning_rate * dJ/db
                    w = w - learning_rate * grad_w
                    b = float(b - learning_rate * grad_b)
                    if verbose and len(cost_history) % verbose == 0:
                        print(f"iteration {len(cost_history)}: cost {cost:.6g}")
                    epoch_cost += cost
                # Step 5: stop early  when |J_k - J_(k-1)| < tol (with batches: epoch means of J)
                epoch_cost /= len(batches)
                if tol is not None and previous_epoch_cost is not None:
                    if abs(epoch_cost - previous_epoch_cost) < tol:
                        break
                previous_epoch_cost = epoch_cost

        if verbose and len(cost_history) % verbose != 0:
            print(f"iteration {len(cost_history)}: cost {cost_history[-1]:.6g}")
        self.weights = w
        self.bias = b
        self.cost_history = cost_history
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Predictions y_hat = X w + b, shape (m,)."""
        X = self._check_fitted_X(X, "predict")
        return X @ self.weights + self.bias

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J(w, b) = 1/(2m) (y_hat - y)^T (y_hat - y) + lambda/(2m) w^T w at the current parameters."""
        X = self._check_fitted_X(X, "cost")
        y = _check_y(y, X.shape[0])
        _, _, l2, *_ = _check_hyperparameters(self)
        return _cost(X, y, self.weights, self.bias, l2)

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Coefficient of determination R^2 = 1 - sum_i (y_i - y_hat_i)^2 / sum_i (y_i - mean(y))^2.

        1 is a perfect fit, 0 is no better than predicting the mean. For a constant y
        (a zero denominator) it is 1.0 for a perfect fit and 0.0 otherwise, as in
        scikit-learn.
        """
        X = self._check_fitted_X(X, "score")
        y = _check_y(y, X.shape[0])
        residual = y - self.predict(X)
        deviation = y - y.mean()
        ss_res = float(residual @ residual)
        ss_tot = float(deviation @ deviation)
        if np.all(y == y[0]):  # exactly: a rounded mean leaves ss_tot ~ 1e-32
            return 1.0 if ss_res == 0.0 else 0.0
        return 1.0 - ss_res / ss_tot

    def __repr__(self) -> str:
        return (f"LinearRegression(learning_rate={self.learning_rate!r}, n_iters={self.n_iters!r}, "
                f"l2={self.l2!r}, tol={self.tol!r}, batch_size={self.batch_size!r}, "
                f"seed={self.seed!r}, verbose={self.verbose!r}, solver={self.solver!r})")

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LinearRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if X.shape[1] != len(self.weights):
            raise ValueError(f"X has {X.shape[1]} features per row, but this LinearRegression "
                             f"was fitted with {len(self.weights)} features.")
        return X


def _cost(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, l2: float) -> float:
    """J(w, b) = 1/(2m) (X w + b - y)^T (X w + b - y) + lambda/(2m) w^T w."""
    m = X.shape[0]
    error = X @ w + b - y
    return float(error @ error / (2 * m) + l2 / (2 * m) * (w @ w))


def _normal_equation(X: np.ndarray, y: np.ndarray, l2: float) -> Tuple[np.ndarray, float]:
    """The exact minimizer of J: solve (X1^T X1 + L) theta = X1^T y for theta = (w, b).

    Setting every dJ/dw_j and dJ/db to zero gives these n + 1 linear equations (X1 is
    X with a column of ones for the bias, L is lambda on the weights' diagonal). Their
    last one, dJ/db = 0, says b = mean(y) - sum_j w_j mean(x_j): the unpenalized bias
    absorbs the means. Put into the others, it leaves n equations in the centred data
    xc_ij = x_ij - mean(x_j) and yc_i = y_i - mean(y), with the same solution:
        A = Xc^T Xc + lambda I,   r = Xc^T yc
    Solved this way, a feature far from zero (a year, say) is not almost parallel to
    the column of ones, so the system stays well conditioned. Centring copies X once:
    this solver runs once, not at every update.
    """
    m, n = X.shape
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    constant = X.max(axis=0) == X.min(axis=0)
    x_mean[constant] = X[0, constant]  # a constant column centres to exact zeros, not rounding noise
    Xc = X - x_mean
    A = Xc.T @ Xc
    A[np.arange(n), np.arange(n)] += l2
    r = Xc.T @ (y - y_mean)
    w = _solve_symmetric(A, r)
    if w is None:
        fewer = f", or there are fewer samples ({m}) than parameters ({n + 1})" if m < n + 1 else ""
        raise ValueError(
            f"the normal equation is singular: X^T X (with the column of ones for the bias) "
            f"cannot be inverted, because a feature column is constant, duplicates another or is "
            f"a combination of others{fewer}. Use l2 > 0 (ridge regression) or solver='gd'.")
    return w, float(y_mean - x_mean @ w)


def _solve_symmetric(A: np.ndarray, r: np.ndarray) -> Optional[np.ndarray]:
    """Solve A theta = r for a symmetric positive definite A, or return None if singular.

    As in the pure twin, the system is first equilibrated, S = D A D with
    D = diag(1 / sqrt(A_jj)), so that the test does not depend on the units of the
    features. The Cholesky factor S = L L^T then has pivots d_k = L_kk^2 in (0, 1]:
    the share of column k that the earlier columns do not explain. d_k < 1e-10 means
    column k is (numerically) a combination of the others: the system is singular.
    """
    diagonal = np.diag(A)
    if not np.all(diagonal > 0):
        return None  # a zero column (or a NaN)
    d = 1.0 / np.sqrt(diagonal)
    S = A * np.outer(d, d)
    try:
        L = np.linalg.cholesky(S)
    except np.linalg.LinAlgError:
        return None
    if not np.min(np.diag(L)) ** 2 >= 1e-10:
        return None
    return d * np.linalg.solve(S, d * r)


# Input checks. They run once at the public boundary, so the algebra above can trust
# its data: a 2-D float64 array X (never copied when it already is one) and a 1-D y.

def _check_X(X: ArrayLike) -> np.ndarray:
    """Return X as a 2-D float64 array of finite values, or raise ValueError."""
    array = _as_float_array(X, "X")
    if array.ndim >= 1 and array.shape[0] == 0:
        raise ValueError("X is empty: it needs at least one row (sample).")
    if array.ndim == 1:
        raise ValueError("X must be 2-D (one row per sample, one column per feature), but it is 1-D. "
                         "For a single feature, make it a column: np.reshape(X, (-1, 1)).")
    if array.ndim != 2:
        raise ValueError(f"X must be 2-D (one row per sample, one column per feature); got {array.ndim}-D.")
    if array.shape[1] == 0:
        raise ValueError("X has no features: its rows are empty.")
    _check_all_finite(array, "X")
    return array


def _check_y(y: ArrayLike, m: int) -> np.ndarray:
    """Return y as a 1-D float64 array of m finite values, or raise ValueError.

    An (m, 1) column is flattened on purpose: left as it is, ``y_hat - y`` would
    broadcast an (m,) vector against it into an (m, m) matrix.
    """
    array = _as_float_array(y, "y")
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"y must be 1-D (one target per sample) or an (m, 1) column; got shape {array.shape}.")
    if array.shape[0] != m:
        raise ValueError(f"X and y have different lengths: X has {m} rows but y has {array.shape[0]} values.")
    _check_all_finite(array, "y")
    return array


def _as_float_array(data: ArrayLike, name: str) -> np.ndarray:
    # np.asarray turns None into NaN or an object array and keeps strings as text:
    # both are bad data here, so anything that is not plainly numeric is explained below.
    array = data
    if not isinstance(data, np.ndarray):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # NumPy < 1.24 warns on ragged lists; explained below
                array = np.asarray(data)
        except (ValueError, TypeError):  # NumPy >= 1.24 refuses ragged lists
            _explain_non_numeric(data, name)
    if array.dtype.kind not in "biuf":  # bool, signed int, unsigned int, float
        _explain_non_numeric(data, name)
    return array.astype(np.float64, copy=False)  # no copy when it is float64 already


def _explain_non_numeric(data: object, name: str) -> None:
    """Find the first entry that is not a number (or the first ragged row) and say so."""
    rows = data.tolist() if isinstance(data, np.ndarray) else data
    if isinstance(rows, (str, bytes)) or not hasattr(rows, "__iter__"):
        raise ValueError(f"{name} must be an array of numbers; got {type(rows).__name__} {rows!r}.")
    rows = list(rows)
    width = None
    for i, row in enumerate(rows):
        entries = [(f"{name}[{i}]", row)]
        if hasattr(row, "__iter__") and not isinstance(row, (str, bytes)):
            entries = [(f"{name}[{i}][{j}]", value) for j, value in enumerate(row)]
            if width is not None and len(entries) != width:
                raise ValueError(f"{name} is ragged: row {i} has {len(entries)} values, "
                                 f"but row 0 has {width}. Every row needs one value per feature.")
            width = len(entries)
        for where, value in entries:
            if value is None or isinstance(value, (str, bytes)) or not isinstance(value, numbers.Real):
                raise ValueError(f"{where} is {value!r}, not a number; every entry of X and y must be a number.")
    raise ValueError(f"{name} must be an array of real numbers; got dtype {np.asarray(data).dtype}.")


def _check_all_finite(array: np.ndarray, name: str) -> None:
    # One sum is a pass over the data without a temporary array; NaN and inf make it
    # non-finite. Only then is the element-wise search (which allocates) done.
    with np.errstate(over="ignore", invalid="ignore"):
        if np.isfinite(array.sum()):
            return
    bad = np.argwhere(~np.isfinite(array))
    if len(bad):  # otherwise the sum of large finite values overflowed: fine
        where = "".join(f"[{k}]" for k in bad[0])
        raise ValueError(f"{name}{where} is {array[tuple(bad[0])]}; NaN and infinite values are not allowed: "
                         f"drop or fill them first.")


def _check_hyperparameters(model: LinearRegression) -> tuple:
    """Return (learning_rate, n_iters, l2, tol, batch_size, seed, verbose), checked.

    A value of the wrong type raises TypeError, one out of range ValueError.
    """
    def real(name: str, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}.")
        try:
            return float(value)
        except OverflowError:  # an int beyond the largest float: out of range below
            return math.inf

    def integer(name: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}.")
        return int(value)

    learning_rate = real("learning_rate", model.learning_rate)
    if not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive finite number, got {learning_rate!r}.")
    n_iters = integer("n_iters", model.n_iters)
    if n_iters < 1:
        raise ValueError(f"n_iters must be a positive integer, got {n_iters!r}.")
    l2 = real("l2", model.l2)
    if not (math.isfinite(l2) and l2 >= 0):
        raise ValueError(f"l2 must be a finite number >= 0, got {l2!r}.")
    tol = None if model.tol is None else real("tol", model.tol)
    if tol is not None and not tol >= 0:  # "not >=" also rejects NaN
        raise ValueError(f"tol must be None or a number >= 0, got {tol!r}.")
    batch_size = None if model.batch_size is None else integer("batch_size", model.batch_size)
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch_size must be None or a positive integer, got {batch_size!r}.")
    seed = integer("seed", model.seed)
    verbose = integer("verbose", model.verbose)
    if verbose < 0:
        raise ValueError(f"verbose must be an integer >= 0 (0 prints nothing), got {verbose!r}.")
    return learning_rate, n_iters, l2, tol, batch_size, seed, verbose


def _check_solver(solver: object, batch_size: Optional[int]) -> str:
    if not isinstance(solver, str):
        raise TypeError(f"solver must be a string, \"gd\" or \"normal\", got {type(solver).__name__} {solver!r}.")
    if solver not in ("gd", "normal"):
        raise ValueError(f"solver must be \"gd\" (gradient descent) or \"normal\", got {solver!r}.")
    if solver != "gd" and batch_size is not None:
        raise ValueError(f"batch_size works with solver=\"gd\" only; solver={solver!r} always uses "
                         f"every sample. Leave batch_size=None.")
    return solver


def _check_finite_cost(cost: float, iteration: int, learning_rate: float) -> None:
    if not math.isfinite(cost):
        raise FloatingPointError(
            f"gradient descent diverged: the cost is {cost} at iteration {iteration} "
            f"with learning_rate={learning_rate!r}. Try a smaller learning_rate or "
            f"scale the features (see StandardScaler).")


if __name__ == "__main__":
    # Demo: recover y = 3 x1 - 2 x2 + 1 from twelve samples.
    X = np.array([[x1 / 4, x2 / 3] for x1 in range(4) for x2 in range(3)])
    y = 3 * X[:, 0] - 2 * X[:, 1] + 1
    model = LinearRegression(learning_rate=0.1, n_iters=2000, verbose=500).fit(X, y)
    print("weights:", [round(w_j, 4) for w_j in model.weights.tolist()])
    print("bias:   ", round(model.bias, 4))
    print("R^2:    ", round(model.score(X, y), 6))
