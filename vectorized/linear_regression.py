"""Linear regression trained by gradient descent, in NumPy matrix form.

The twin of ``pure/linear_regression.py``: the same model, cost, gradient and update,
with each loop over samples i and features j replaced by one matrix product.
X is (m, n), y is (m,), w is (n,), b is a float, 1 is the (m,) vector of ones.

Model
    y_hat = X w + b                                   (m,)

Cost (half the mean squared error, plus an optional L2 penalty lambda on the weights)
    J(w, b) = 1/(2m) (y_hat - y)^T (y_hat - y)  +  lambda/(2m) w^T w

Gradient (the exact derivative of J: the 2 from the square cancels the 1/2)
    dJ/dw = 1/m X^T (y_hat - y)  +  (lambda/m) w    (n,)
    dJ/db = 1/m 1^T (y_hat - y)

Update (simultaneous: both gradients come from the same forward pass), from w = 0, b = 0
    w <- w - learning_rate * dJ/dw,    b <- b - learning_rate * dJ/db
The bias is never penalized: that would pull the intercept towards 0 and make the model
depend on where y's origin is.

Mini-batches of B samples (``batch_size``): each epoch shuffles the samples, the sums run
over each batch and 1/m becomes 1/B; the penalty keeps the full m, so that a batch gradient
is an unbiased estimate of the full one and the objective does not depend on B.

>>> model = LinearRegression(learning_rate=0.1, n_iters=2000)
>>> model = model.fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0])
>>> [round(w, 6) for w in model.weights.tolist()], round(model.bias, 6)
([2.0], 1.0)
"""

import math
import numbers
import random
import sys
import warnings
from collections.abc import Mapping
from typing import Iterator, List, Optional, Tuple, Union

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...


def minibatches(order: List[int], batch_size: Optional[int],
                rng: random.Random) -> Iterator[Union[slice, List[int]]]:
    """The batches of one epoch: every sample, or B-sized runs of a fresh shuffle."""
    if batch_size is None or batch_size >= len(order):  # one batch holding every sample
        yield slice(None)  # X[slice(None)] is X itself, a view: no copy
        return
    rng.shuffle(order)  # in place: each epoch reshuffles the previous epoch's order
    for start in range(0, len(order), batch_size):
        yield order[start:start + batch_size]


class LinearRegression:
    """Least-squares linear regression by (mini-batch) gradient descent, or solved exactly.

    Parameters (keyword hyperparameters, stored as given and checked by fit)
    ----------
    learning_rate : float, default 0.01     step size alpha, positive and finite
    n_iters : int, default 1000             epochs (passes over the data); full batch: updates
    l2 : float, default 0.0                 L2 penalty lambda (sklearn's Ridge(alpha=lambda))
    tol : float or None, default None       stop once |J_t - J_(t-1)| < tol (batches: epochs)
    batch_size : int or None, default None  None: full batch; B: shuffled batches of B samples
    seed : int, default 0                   seed of the random.Random that shuffles batches
    verbose : int, default 0                k > 0: print "iteration t: cost J" every k updates
    solver : str, default "gd"              "gd": gradient descent, the steps of fit below.
                                            "normal": the normal equation (X1^T X1 + L) theta =
                                            X1^T y, X1 = X and a column of ones, L = lambda on the
                                            weights, refused where it would keep fewer than about
                                            6 digits; "qr": the same least squares by Householder
                                            QR, for ill-conditioned data. Both give the minimizer
                                            in one step (learning_rate, n_iters, tol unused) and
                                            need batch_size None
    record_params : bool, default False     True: fit also sets param_history (see below)

    Attributes (set by fit): weights ((n,) array), bias, cost_history (entry k: the cost J where
    update k starts; with batches, the batch cost) and, with record_params, param_history:
    entry 0 the start (weights, bias), entry k the parameters after update k (exact: the solution).
    """

    def __init__(self, learning_rate: float = 0.01, n_iters: int = 1000, *, l2: float = 0.0,
                 tol: Optional[float] = None, batch_size: Optional[int] = None, seed: int = 0,
                 verbose: int = 0, solver: str = "gd", record_params: bool = False) -> None:
        # Like scikit-learn: stored untouched, checked in fit (so they can change between fits).
        self.learning_rate, self.n_iters, self.l2, self.tol = learning_rate, n_iters, l2, tol
        self.batch_size, self.seed, self.verbose = batch_size, seed, verbose
        self.solver, self.record_params = solver, record_params

    def fit(self, X: ArrayLike, y: ArrayLike) -> "LinearRegression":
        """Learn ``weights`` and ``bias`` from X, shape (m, n), and y, shape (m,) or (m, 1)."""
        (learning_rate, n_iters, l2, tol, batch_size, seed, verbose, solver,
         record_params) = _check_hyperparameters(self)
        X = _check_X(X)
        y = _check_y(y, len(X))
        m, n = X.shape
        history = _History(verbose, record_params, n, learning_rate if solver == "gd" else None)
        if solver != "gd":
            w, b = _least_squares(X, y, l2, solver, history)
            return history.finish(self, w, b, history.costs[-1])  # J at the solution
        w, b, rng, order, previous = np.zeros(n), 0.0, random.Random(seed), list(range(m)), None
        for epoch in range(n_iters):
            epoch_costs = []
            for batch in minibatches(order, batch_size, rng):
                X_b, y_b = X[batch], y[batch]
                m_b = X_b.shape[0]
                with np.errstate(over="ignore", invalid="ignore"):  # history.add checks
                    # Step 1: forward pass  y_hat = X w + b
                    y_hat = X_b @ w + b
                    # Step 2: cost  J = 1/(2m) (y_hat - y)^T (y_hat - y) + lambda/(2m) w^T w
                    error = y_hat - y_b
                    cost = float(error @ error / (2 * m_b) + l2 / (2 * m) * (w @ w))
                    # Step 3: gradient  dJ/dw = 1/m X^T (y_hat - y) + (lambda/m) w
                    grad_w = X_b.T @ error / m_b + l2 / m * w
                    grad_b = float(error.sum() / m_b)  # dJ/db = 1/m 1^T (y_hat - y): no penalty
                    # Step 4: update  w <- w - alpha dJ/dw,  b <- b - alpha dJ/db
                    w = w - learning_rate * grad_w
                    b = b - learning_rate * grad_b
                history.add(cost, w, b)
                epoch_costs.append(cost)
            # Step 5: stop  |J_t - J_(t-1)| < tol (with batches: epoch means of J)
            epoch_cost = sum(epoch_costs) / len(epoch_costs)
            if tol is not None and previous is not None and abs(epoch_cost - previous) < tol:
                break
            previous = epoch_cost
        return history.finish(self, w, b, _cost(X, y, w, b, l2))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Predictions y_hat = X w + b, shape (m,)."""
        X = self._check_fitted_X(X, "predict")
        with np.errstate(over="ignore", invalid="ignore"):
            y_hat = X @ self.weights + self.bias
        return _check_output(y_hat, "predictions are", X)

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J(w, b) = 1/(2m) (y_hat - y)^T (y_hat - y) + lambda/(2m) w^T w, now."""
        X = self._check_fitted_X(X, "cost")
        y = _check_y(y, X.shape[0])
        l2 = _check_hyperparameters(self)[2]
        with np.errstate(over="ignore", invalid="ignore"):
            cost = _cost(X, y, self.weights, self.bias, l2)
        return float(_check_output(np.array([cost]), "cost is", X)[0])

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """R^2 = 1 - (y - y_hat)^T (y - y_hat) / (y - mean(y))^T (y - mean(y)).

        1 is a perfect fit, 0 is no better than predicting the mean. For a constant y
        (a zero denominator) it is 1.0 for a perfect fit and 0.0 otherwise, as in
        scikit-learn. Both sums are of (value / s)^2 with s = max |y - mean(y)|, so
        targets near 1e-300 or 1e300 neither underflow nor overflow.
        """
        X = self._check_fitted_X(X, "score")
        y = _check_y(y, X.shape[0])
        with np.errstate(over="ignore", invalid="ignore"):
            residual = y - self.predict(X)
        if np.all(y == y[0]):  # exactly: a rounded mean leaves ss_tot ~ 1e-32
            return 1.0 if np.all(residual == 0.0) else 0.0
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            deviation = y - _mean(y)
            s = np.max(np.abs(deviation))
            ss_res = float((residual / s) @ (residual / s))
            ss_tot = float((deviation / s) @ (deviation / s))
        # Residuals over 1e154 times the spread of y: R^2 is below the floats, so it is
        # rounded towards zero, to the most negative float, never to -inf.
        return max(1.0 - ss_res / ss_tot, -sys.float_info.max)

    def __repr__(self) -> str:
        settings = ", ".join(f"{name}={getattr(self, name)!r}" for name, *_ in _RULES)
        return f"LinearRegression({settings})"

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LinearRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = len(self.weights)
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if X.shape[1] != n:
            got = X.shape[1]
            raise ValueError(f"X has {got} feature{'s' if got != 1 else ''} per row, but this "
                             f"LinearRegression was fitted with {n} "
                             f"feature{'s' if n != 1 else ''}.")
        return X


class _History:
    """Bookkeeping outside the steps: each cost checked and kept, the parameters kept if
    asked (record_params), progress printed every ``verbose`` updates."""

    def __init__(self, verbose: int, record_params: bool, n: int,
                 learning_rate: Optional[float]) -> None:
        self.verbose, self.learning_rate = verbose, learning_rate  # None: an exact solver
        self.costs: List[float] = []
        self.params = [(np.zeros(n), 0.0)] if record_params else None  # the start: zeros

    def add(self, cost: float, w: np.ndarray, b: float) -> None:
        if not (math.isfinite(cost) and math.isfinite(b) and np.isfinite(w).all()):
            raise FloatingPointError(_diverged(len(self.costs) + 1, self.learning_rate))
        self.costs.append(cost)
        if self.params is not None:
            self.params.append((w.copy(), b))
        if self.verbose and len(self.costs) % self.verbose == 0:
            print(f"iteration {len(self.costs)}: cost {cost:.6g}")

    def finish(self, model: LinearRegression, w: np.ndarray, b: float, cost: float
               ) -> LinearRegression:
        """Set the fitted attributes: only here, after success, so a failed fit leaves the
        model as it was. cost is J at the final parameters on the training data: a forward
        pass no update made, so parameters whose predictions overflow there have diverged
        too, and are refused like those of any other update."""
        if not math.isfinite(cost):
            raise FloatingPointError(_diverged(len(self.costs), self.learning_rate))
        if self.verbose and len(self.costs) % self.verbose != 0:  # the last line of progress
            print(f"iteration {len(self.costs)}: cost {self.costs[-1]:.6g}")
        model.weights, model.bias, model.cost_history = w, b, self.costs
        model.__dict__.pop("param_history", None)  # none left over from an earlier fit
        if self.params is not None:
            model.param_history = self.params
        return model


def _mean(values: np.ndarray) -> np.ndarray:
    """The mean in two passes: the second adds the mean of what the first left over."""
    first = values.sum(axis=0) / len(values)
    return first + (values - first).sum(axis=0) / len(values)


@np.errstate(over="ignore", invalid="ignore")  # overflow: a non-finite cost, checked by callers
def _cost(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, l2: float) -> float:
    """J(w, b) = 1/(2m) (X w + b - y)^T (X w + b - y) + lambda/(2m) w^T w (the penalty is 0
    for lambda = 0 even where w^T w overflows: 0 * inf would be NaN)."""
    m = X.shape[0]
    error = X @ w + b - y
    penalty = l2 / (2 * m) * (w @ w) if l2 > 0 else 0.0
    return float(error @ error / (2 * m) + penalty)


# ---- Exact solvers: the normal equation and QR ------------------------------------------
# Both minimize J exactly. Setting dJ/db = 0 gives b = mean(y) - mean(X) w: the unpenalized
# bias absorbs the means, and w solves the same problem in the centred data
# Xc = X - 1 mean(X), yc = y - mean(y) (so a feature far from zero, a year say, is not almost
# parallel to the column of ones). Each column is then scaled to length 1, A = Xc D with
# w = D theta, so the tests of rank and condition below do not depend on the units of the
# features. The penalty lambda w^T w is then theta^T (lambda D^2) theta.

# Overflow shows up as a non-finite result, reported with its cure: no bare NumPy warning.
@np.errstate(over="ignore", invalid="ignore")
def _least_squares(X: np.ndarray, y: np.ndarray, l2: float, solver: str, history: _History
                   ) -> Tuple[np.ndarray, float]:
    """(w, b) minimizing J, by the normal equation or by QR, recorded in history as one step."""
    m, n = X.shape
    if l2 == 0.0:
        _check_rank(X, m, n)
    constant = np.all(X == X[0], axis=0)
    x_mean = np.where(constant, X[0], _mean(X))  # a constant column: exact zeros
    y_mean = float(_mean(y))
    Xc = X - x_mean
    norms = np.sqrt(np.sum(Xc * Xc, axis=0))
    yc = y - y_mean
    if not (np.isfinite(norms).all() and math.isfinite(yc @ yc)):
        raise FloatingPointError(_diverged(1, None))  # the squares overflowed
    d = 1.0 / np.where(norms > 0, norms, 1.0)
    A = Xc * d
    penalty = l2 * d * d
    if not penalty.max() < 1e300:  # inf too
        raise ValueError(f"l2={l2!r} is too large for these data: the penalty it puts on a "
                         f"column of unit length, l2 / |x_j - mean(x_j)|^2, passes 1e300, where "
                         f"the exact solvers' squares overflow (and every weight would be 0 to "
                         f"all digits anyway). Use a smaller l2.")
    if solver == "normal":
        theta = _normal_equation(A, yc, penalty, d * x_mean, y_mean)
    else:
        theta = _qr(A, yc, penalty)
    w = d * theta
    b = float(y_mean - x_mean @ w)
    history.add(_cost(X, y, w, b, l2), w, b)  # checks that they are finite
    return w, b


def _normal_equation(A: np.ndarray, yc: np.ndarray, penalty: np.ndarray, xd: np.ndarray,
                     y_mean: float) -> np.ndarray:
    """Solve (A^T A + P) theta = A^T yc by Cholesky, S = L L^T, if the answer keeps 6 digits.

    S = A^T A + P and r = A^T yc come from setting dJ/dtheta = 0. Forming S squares the
    condition number, kappa(S) = kappa(A)^2, so the normal equation loses twice the digits
    that QR loses. The error bound it answers by:

    - The first-order analysis of the normal equations (Higham, Accuracy and Stability of
      Numerical Algorithms, 2nd ed., section 20.4) bounds the error of the whole solution by
          |d theta| / |theta|  <=  E = u (m + kappa(S)) (1 + t),    u = 2^-53,
      where m u covers the m-term sums that form S and r, u kappa(S) the solve, and
      t = |residual| / |A theta| the part of y no fit explains (the residual term).
    - A single coefficient can hold all of that error: its relative error is at most E times
      |theta| / |theta_j| for weight j, and E |theta| |xd| / |b| for the bias, since
      b = mean(y) - xd . theta with xd = D mean(X). A coefficient under 1/1000 of that
      scale is counted against 1/1000 of it (no coefficient then needs more than E * 1000).
    - The constant: the worst-case constants of the analysis grow with m and n, but rounding
      errors do not add up their worst case; measured on NIST's 11 linear data sets under seven
      OpenBLAS kernels and on Python 3.8 to 3.13, the true error was at most 1.1 E. So the
      margin: it answers only if every coefficient's bound is at most 1e-7, one digit more
      than the 6 correct significant digits it promises; else it refuses.
    """
    n = len(penalty)
    S = A.T @ A + np.diag(penalty)
    r = A.T @ yc
    L = np.zeros((n, n))
    for k in range(n):  # Cholesky: the k-th pivot is the share of column k the others miss
        pivot = S[k, k] - L[k, :k] @ L[k, :k]
        if not pivot > 1e-14 * (1.0 + penalty[k]):  # against a unit column's scale
            raise _dependent(k, "normal equation", "; if only nearly, solver='qr' may do",
                             penalty)
        L[k, k] = math.sqrt(pivot)
        L[k + 1:, k] = (S[k + 1:, k] - L[k + 1:, :k] @ L[k, :k]) / L[k, k]
    kappa, theta = _condition_number(S, L), _cholesky_solve(L, r)
    fit = float(theta @ r)  # |A theta|^2; |residual|^2 = |yc|^2 - fit
    t = math.sqrt(max(float(yc @ yc) - fit, 0.0) / fit) if fit > 0 else 0.0
    bound = 2.0 ** -53 * (len(A) + kappa) * (1 + t)
    size = float(np.sqrt(theta @ theta))
    b_scale = size * float(np.sqrt(xd @ xd))
    b = y_mean - float(xd @ theta)
    worst = max(_amplification(value, scale) for value, scale in
                [(b, b_scale)] + [(float(theta_j), size) for theta_j in theta])
    if not bound * worst <= 1e-7:  # NaN from overflow refuses too
        digits = -math.log10(bound * worst) if 1 >= bound * worst > 0 else 0.0
        raise ValueError(
            f"the normal equation is too ill-conditioned for these data: its condition number "
            f"is about {kappa if kappa < math.inf else math.inf:.0e} and the residuals are "
            f"{t:.1f} times the fit, so its error bound leaves only about {digits:.1f} correct "
            f"digits in the least accurate "
            f"coefficient (it answers when the bound leaves 7: the 6 it promises and one to "
            f"spare). Use solver='qr', which works on X itself and loses half as many, or "
            f"{'a larger l2' if max(penalty) > 0 else 'l2 > 0'}.")
    return theta


def _amplification(value: float, scale: float) -> float:
    """scale / |value|: how much larger a coefficient's relative error can be than the
    whole solution's, for a coefficient no smaller than 1/1000 of its scale."""
    return scale / max(abs(value), 1e-3 * scale) if scale > 0 else 0.0


def _cholesky_solve(L: np.ndarray, r: np.ndarray) -> np.ndarray:
    """theta with L L^T theta = r: the triangular solves L u = r, then L^T theta = u."""
    return _back_substitution(L.T, _back_substitution(L[::-1, ::-1], r[::-1])[::-1])


def _back_substitution(R: np.ndarray, c: np.ndarray) -> np.ndarray:
    """theta with R theta = c for an upper triangular R, last row first."""
    theta = np.zeros(len(c))
    for k in reversed(range(len(c))):
        theta[k] = (c[k] - R[k, k + 1:] @ theta[k + 1:]) / R[k, k]
    return theta


def _condition_number(S: np.ndarray, L: np.ndarray) -> float:
    """kappa(S) = lambda_max / lambda_min, by 30 steps of power and of inverse iteration.

    Multiplying by S again and again turns any start towards the eigenvector of the largest
    eigenvalue; solving with S (by its Cholesky factor) turns it towards the smallest one.
    The Rayleigh quotients v^T S v of the two unit vectors are the two eigenvalues.
    """
    top = S.diagonal().max()  # kappa(S / top) = kappa(S): the iterates stay in range
    S, L = S / top, L / math.sqrt(top)
    big = small = 1.0 / np.arange(1.0, len(S) + 1)  # a start with a share of every direction
    for _ in range(30):
        big = S @ big
        big = big / np.sqrt(big @ big)
        small = _cholesky_solve(L, small)
        small = small / np.sqrt(small @ small)
    return float((big @ S @ big) / (small @ S @ small))


def _qr(A: np.ndarray, yc: np.ndarray, penalty: np.ndarray) -> np.ndarray:
    """Least squares by Householder QR: A = Q R, then R theta = Q^T yc, never forming A^T A.

    The penalty theta^T P theta is n more rows sqrt(P) below A (with 0 in yc): exact ridge
    regression. numpy.linalg.qr runs LAPACK's Householder reflections, as the pure twin
    writes them out. kappa(R) = kappa(A): QR loses only the digits that the data themselves
    do not determine.
    """
    rows = np.diag(np.sqrt(penalty))[penalty > 0]
    Q, R = np.linalg.qr(np.vstack([A, rows]))
    c = Q.T @ np.concatenate([yc, np.zeros(len(rows))])
    # Columns of length 1 (with their penalty row, 1 + P_kk squared): |R_kk| is the share
    # of column k the others miss.
    diagonal = np.zeros(len(penalty))  # R has fewer rows than columns if there are few samples
    diagonal[:min(R.shape)] = np.abs(np.diag(R))
    small = np.flatnonzero(diagonal <= 1e-10 * np.sqrt(1.0 + penalty))
    if small.size:
        raise _dependent(int(small[0]), "QR factorization", "", penalty)
    return _back_substitution(R, c)


def _check_rank(X: np.ndarray, m: int, n: int) -> None:
    """The exact reasons for a singular problem, named for what they are."""
    advice = "Use l2 > 0 (ridge regression) or solver='gd'."
    if m <= n:
        raise ValueError(f"the least-squares problem is singular: there are fewer samples ({m}) "
                         f"than parameters ({n + 1}), so many solutions fit equally well. "
                         f"{advice}")
    with np.errstate(over="ignore"):  # equal columns have equal sums, inf or not
        sums, squares = X.sum(axis=0), np.einsum("ij,ij->j", X, X)
    for k in range(n):
        if np.all(X[:, k] == X[0, k]):
            raise ValueError(f"the least-squares problem is singular: column {k} of X (from 0) "
                             f"is constant, so it duplicates the bias. Drop it. {advice}")
        for j in range(k):  # only columns with the same sums can be equal: compare just those
            if sums[j] == sums[k] and squares[j] == squares[k] and \
                    np.array_equal(X[:, j], X[:, k]):
                raise ValueError(f"the least-squares problem is singular: column {k} of X "
                                 f"(from 0) duplicates column {j}. Drop it. {advice}")


def _dependent(k: int, method: str, other: str, penalty: np.ndarray) -> ValueError:
    more = "a larger l2" if penalty.max() > 0 else "l2 > 0"
    return ValueError(f"the least-squares problem is (nearly) singular: in the {method}, column "
                      f"{k} of X (from 0) is (nearly) a linear combination of the columns before "
                      f"it and the bias. Drop it, or use {more} (ridge regression){other}.")


# ---- Input checks -----------------------------------------------------------------------
# Once, at the public boundary, so the algebra above can trust a 2-D float64 array X (not
# copied when it is one already) and a 1-D y. What NumPy does not read as finite numbers
# goes through the pure twin's walk, which names the first problem in the same words.

def _one_d_message(X: object, n: int) -> Optional[str]:
    """For a 1-D X (a list of numbers, a 1-D array or Series): the fix that fits a model
    fitted with n features, built from X's values when they are few. Else None."""
    shape = getattr(X, "shape", None)
    if not (shape is None and isinstance(X, (list, tuple)) or shape is not None
            and len(shape) == 1) or any(hasattr(v, "__len__") and not isinstance(
                v, (str, bytes)) for v in X):
        return None  # not 1-D: _check_X names the problem
    try:
        values = [float(v) for v in X]
    except (TypeError, ValueError, OverflowError):
        values = []
    rows = [[v] for v in values] if n == 1 else [values]
    fits = values and all(abs(v) < float("inf") for v in values) and len(repr(rows)) <= 40
    if n == 1:
        fix = (f"put each value in its own row, {repr(rows) if fits else '[[x] for x in X]'}"
               f" (for an array: X.reshape(-1, 1))")
    elif len(values) == n:
        fix = (f"for one sample, pass one row of {n} values, "
               f"{repr(rows) if fits else '[list(X)]'} (for an array: X.reshape(1, -1))")
    else:
        names = ", ".join(f"x{j}" for j in range(1, n + 1)) if n <= 3 else f"x1, ..., x{n}"
        fix = f"pass one row of {n} values per sample, [[{names}], [{names}], ...]"
    features = f"{n} feature{'s' if n != 1 else ''}"
    return (f"X must be 2-D, one row per sample, but it is 1-D. This LinearRegression was "
            f"fitted with {features}: {fix}.")


def _check_output(values: np.ndarray, what: str, X: np.ndarray) -> np.ndarray:
    """values, if all are finite; else ValueError: finite but huge X overflowed them."""
    if not np.isfinite(values).all():
        raise ValueError(f"the {what} not finite: X holds values too large for these "
                         f"parameters (the largest |x| is {np.max(np.abs(X)):.3g}). Scale X the "
                         f"same way as the training data.")
    return values


def _diverged(iteration: int, learning_rate: Optional[float]) -> str:
    if learning_rate is None:  # an exact solver: its one step
        return ("the least-squares solution is not finite: X or y holds values so large that "
                "their squares overflow. Scale them first (see StandardScaler).")
    return (f"gradient descent diverged at iteration {iteration}: the cost or the parameters "
            f"are no longer finite numbers, with learning_rate={learning_rate!r}. Try a "
            f"smaller learning_rate or scale the features (see StandardScaler).")


def _check_X(X: ArrayLike) -> np.ndarray:
    """X as a 2-D float64 array of finite values, or ValueError saying what is wrong."""
    array = _fast_array(X)
    if array is None or array.ndim != 2 or not array.size:
        return np.array(_walk_X(X))  # the pure twin's walk names the problem
    bad = np.argwhere(~np.isfinite(array))  # row by row: the order the walk meets them in
    if len(bad):  # named here: a walk over millions of entries would take seconds
        i, j = bad[0]
        raise ValueError(f"X[{i}][{j}] is {array[i, j]}, but NaN and infinite values are not "
                         f"allowed: drop or fill them first.")
    return array


def _check_y(y: ArrayLike, m: int) -> np.ndarray:
    """y checked to be one finite target per row of X (m of them), as a 1-D float64 array."""
    array = _fast_array(y)
    if array is not None and array.shape == (m, 1):
        array = array[:, 0]  # an (m, 1) column, flattened on purpose (see _column)
    if array is None or array.shape != (m,):  # the pure twin's walk names the problem
        array = np.array([_check_number(y_i, f"y[{i}]") for i, y_i in enumerate(_column(y, m))])
    _check_finite_y(array)
    return array


def _check_finite_y(y: np.ndarray) -> None:
    """Name the first NaN or inf of a y NumPy read whole, in the walk's words."""
    bad = np.flatnonzero(~np.isfinite(y))
    if len(bad):
        raise ValueError(f"y[{bad[0]}] is {y[bad[0]]}, but NaN and infinite values are not "
                         f"allowed: drop or fill them first.")


def _fast_array(data: ArrayLike) -> Optional[np.ndarray]:
    """data as a float64 array, if NumPy reads it as numbers (finite or not); else None."""
    data = data.to_numpy() if hasattr(data, "to_numpy") else data  # pandas: the values
    if np.ma.isMaskedArray(data) or isinstance(data, (str, bytes)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # NumPy < 1.24 warns on ragged lists
            array = np.asarray(data)
    except (ValueError, TypeError):  # NumPy >= 1.24 refuses ragged lists
        return None
    if array.dtype.kind not in "biuf":  # bool, signed and unsigned int, float
        return None
    if array.dtype.kind == "f" and array.dtype.itemsize > 8:  # long double: wider than float64
        with np.errstate(over="ignore"):  # a value beyond the floats casts to inf, and then
            converted = array.astype(np.float64)  # the walk names it, as in the pure twin
        return None if np.any(np.isinf(converted) & np.isfinite(array)) else converted
    return array.astype(np.float64, copy=False)  # no copy when it is float64 already


_ROWS = "a list of rows or a 2-D array"
_ONE_D = "y must be 1-D, one target per sample (a list, a 1-D array or a pandas Series)"


def _walk_X(X: object) -> list:
    """The pure twin's walk over X, entry by entry: it names the first problem it meets."""
    must_be = f"X must be 2-D, {_ROWS} (one row of feature values per sample)"
    rows, shape = _entries(X, "X", must_be, "sequence of rows", _ROWS)
    if shape is not None and len(shape) != 2:
        raise ValueError(f"{must_be}; got a {len(shape)}-D array." if len(shape) != 1 else
                         f"X must be 2-D, {_ROWS}, but it is 1-D. For a single feature, put "
                         f"each value in its own row: X.reshape(-1, 1) or [[x] for x in X].")
    if not rows:
        raise ValueError("X is empty: it needs at least one row (sample).")
    matrix: list = []
    for i, row in enumerate(rows):
        if isinstance(row, (str, bytes, set, frozenset, Mapping)) or not hasattr(row, "__iter__") \
                or getattr(row, "shape", None) == ():  # a 0-d array: a number, not a row
            raise ValueError(f"X must be 2-D, a list of rows, but X[{i}] is {row!r}, not a row. "
                             f"For a single feature, put each value in its own row: "
                             f"[[x] for x in X].")
        matrix.append([_check_number(value, f"X[{i}][{j}]") for j, value in enumerate(row)])
        if len(matrix[i]) != len(matrix[0]):
            raise ValueError(f"X is ragged: row {i} has {len(matrix[i])} values, but row 0 has "
                             f"{len(matrix[0])}. Every row needs one value per feature.")
    if not matrix[0]:
        raise ValueError("X has no features: its rows are empty.")
    return matrix


def _column(y: object, m: int) -> list:
    """The m entries of y, 1-D or an (m, 1) column, which is flattened on purpose: left as it
    is, y_hat - y would broadcast to an (m, m) matrix."""
    values, shape = _entries(y, "y", _ONE_D, "sequence", "a list or a 1-D array")
    # a row: a list, a tuple or a 1-D array (np.array([v]) counts as [v])
    rows = [v for v in values if isinstance(v, (list, tuple)) or getattr(v, "ndim", 0) == 1]
    widths = [len(row) for row in rows if len(row) != 1]
    mixed = rows and (len(rows) < len(values) or widths)  # not every entry a 1-value row
    if shape is not None and len(shape) not in (1, 2) or mixed:
        got = f"rows of {(widths or [1])[0]} values" if shape is None else \
            f"shape {shape}" if len(shape) == 2 else f"a {len(shape)}-D array"
        raise ValueError(f"{_ONE_D}, or an (m, 1) column; got {got}.")
    values = [row[0] for row in rows] if rows else values
    if len(values) != m:
        raise ValueError(f"X and y have different lengths: X has {m} rows but y has "
                         f"{len(values)} values.")
    return values


def _entries(data: object, name: str, must_be: str, kind: str, instead: str
             ) -> Tuple[list, Optional[tuple]]:
    """The entries of data and, for a NumPy array, its shape; ValueError for a masked array,
    a set or a dict, a one-pass iterator, or what is no container at all."""
    data = data.to_numpy() if hasattr(data, "to_numpy") else data  # pandas: the values
    if type(data).__name__ == "MaskedArray":
        raise ValueError(f"{name} is a masked array, whose masked entries would silently count "
                         f"as numbers. Fill them or drop their rows first (e.g. "
                         f"{name}.filled(value)), then pass a plain array.")
    if hasattr(data, "shape") and hasattr(data, "tolist"):  # a NumPy array or matrix
        return (data.tolist() if data.shape else []), tuple(data.shape)
    if isinstance(data, (str, bytes)) or not hasattr(data, "__iter__"):
        raise ValueError(f"{must_be}; got {type(data).__name__}.")
    if isinstance(data, (set, frozenset, Mapping)):
        raise ValueError(f"{name} is a {type(data).__name__}, not a {kind}: a set has no order "
                         f"and a dict gives its keys. Pass {instead} instead.")
    if not hasattr(data, "__len__"):
        raise ValueError(f"{name} is a {type(data).__name__}, which can be read only once. "
                         f"Pass {instead} instead, e.g. list({name}).")
    return list(data), None  # type: ignore[call-overload]


def _check_number(value: object, where: str) -> float:
    """float(value) for a real number (a NumPy bool or 0-d array of one too), or ValueError
    saying what it is."""
    if type(value).__name__ == "ndarray" and value.shape == ():  # type: ignore[attr-defined]
        value = value[()]  # type: ignore[index]  # a 0-d array: its one entry
    numpy_bool = type(value).__name__ in ("bool_", "bool") and type(value).__module__ == "numpy"
    if type(value).__name__ in ("NAType", "NaTType"):
        problem = "a missing value: drop or fill the missing values first"
    elif isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real):
        problem = "a complex number; X and y must hold real numbers"
    elif not (isinstance(value, numbers.Real) or numpy_bool):
        problem = "not a number; every entry of X and y must be a real number"
    else:
        try:
            number = float(value)  # type: ignore[arg-type]
        except OverflowError:
            raise ValueError(f"{where} is an integer of {len(str(abs(int(value))))} digits, "
                             f"too large for a float (the largest is about 1.8e308).") from None
        if math.isfinite(number):
            return number
        if value == value and abs(value) != math.inf:  # type: ignore[operator]
            raise ValueError(f"{where} is {value!s}, too large for a float (the largest is "
                             f"about 1.8e308).")  # a long double: float() rounds it to inf
        raise ValueError(f"{where} is {number}, but NaN and infinite values are not allowed: "
                         f"drop or fill them first.")
    raise ValueError(f"{where} is {value!r}, {problem}.")


# The hyperparameters: (name, type, may it be None, the range test, what the value must be).
# A value of the wrong type raises TypeError; one out of range (NaN too) ValueError.
_RULES = (
    ("learning_rate", float, False, lambda v: 0 < v < math.inf, "a positive finite number"),
    ("n_iters", int, False, lambda v: v >= 1, "a positive integer"),
    ("l2", float, False, lambda v: 0 <= v < math.inf, "a finite number >= 0"),
    ("tol", float, True, lambda v: v >= 0, "None or a number >= 0"),
    ("batch_size", int, True, lambda v: v >= 1, "None or a positive integer"),
    ("seed", int, False, lambda v: True, "an integer"),
    ("verbose", int, False, lambda v: v >= 0, "an integer >= 0 (0 prints nothing)"),
    ("solver", str, False, lambda v: v in ("gd", "normal", "qr"), '"gd", "normal" or "qr"'),
    ("record_params", bool, False, lambda v: True, "True or False"),
)
_TYPES = {float: (numbers.Real, "a number"), int: (numbers.Integral, "an integer"),
          str: (str, "a string"), bool: (bool, "True or False")}


def _check_hyperparameters(model: LinearRegression) -> tuple:
    """The hyperparameters of model, checked and converted, in the order of _RULES."""
    values = []
    for name, kind, may_be_none, in_range, must_be in _RULES:
        value, (cls, a_kind) = getattr(model, name), _TYPES[kind]
        if value is None and may_be_none:
            values.append(None)
            continue
        if not isinstance(value, cls) or (isinstance(value, bool) and kind is not bool):
            raise TypeError(f"{name} must be {a_kind}, got {type(value).__name__} {value!r}.")
        try:
            value = kind(value)
        except OverflowError:  # an int beyond the largest float: out of range below
            value = math.inf if value > 0 else -math.inf
        if not in_range(value):
            raise ValueError(f"{name} must be {must_be}, got {value!r}.")
        values.append(value)
    if values[7] != "gd" and values[4] is not None:
        raise ValueError(f"batch_size works with solver=\"gd\" only; solver={values[7]!r} "
                         f"always uses every sample. Leave batch_size=None.")
    return tuple(values)


if __name__ == "__main__":
    # Demo: recover y = 3 x1 - 2 x2 + 1 from twelve samples.
    X = np.array([[x1 / 4, x2 / 3] for x1 in range(4) for x2 in range(3)])
    y = 3 * X[:, 0] - 2 * X[:, 1] + 1
    model = LinearRegression(learning_rate=0.1, n_iters=2000, verbose=500).fit(X, y)
    print("weights:", [round(w_j, 4) for w_j in model.weights.tolist()])
    print("bias:   ", round(model.bias, 4))
    print("R^2:    ", round(model.score(X, y), 6))
