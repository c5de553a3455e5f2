"""Logistic regression trained by gradient descent, in NumPy matrix form.

The twin of ``pure/logistic_regression.py``, each loop over samples and features replaced by
a matrix product. X is (m, n), y is (m,) with labels 0 or 1, w is (n,), b is a float.

Model
    z     = X w + b                                         (m,)
    y_hat = sigmoid(z) = 1 / (1 + e^(-z))   element-wise    (the probabilities that y = 1)

Cost (mean log-loss, plus an optional L2 penalty lambda on the weights)
    J(w, b) = -1/m [y^T log(y_hat) + (1 - y)^T log(1 - y_hat)]
              + lambda/(2m) w^T w

Gradient (the same form as linear regression's, because sigmoid' = sigmoid (1 - sigmoid))
    dJ/dw = 1/m X^T (y_hat - y)  +  (lambda/m) w           (n,)
    dJ/db = 1/m sum(y_hat - y)

Update (simultaneous: both gradients come from the same forward pass), from w = 0, b = 0
    w <- w - learning_rate * dJ/dw,    b <- b - learning_rate * dJ/db
The first cost is log 2. The bias is never penalized (that would pull predictions to 1/2).

Numerically stable rewrites (the textbook forms fail for large |z|)
    sigmoid: np.exp(-z) overflows for z < -709 (NumPy warns and returns inf).
        With e = e^(-|z|), which lies in (0, 1] and never overflows,
        sigmoid(z) = 1 / (1 + e)  where z >= 0,  and  e / (1 + e)  where z < 0.
    cost: np.log(y_hat) is log(0) = -inf once the sigmoid saturates to exactly 0 or 1.
        Written from z instead, the cost is mean(softplus(z) - y z), where
        softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^(-|z|)), finite for every finite z.

Mini-batches of B rows: X_b and y_b hold the batch and 1/m becomes 1/B; the penalty
keeps the full m, so that a batch gradient is an unbiased estimate of the full one.

>>> model = LogisticRegression(learning_rate=0.5, n_iters=500)
>>> model = model.fit([[0.0], [1.0], [3.0], [4.0]], [0, 0, 1, 1])
>>> model.predict([[0.5], [3.5]]).tolist()
[0, 1]
"""

import math
import numbers
import random
import warnings
from collections.abc import Mapping
from typing import Iterator, List, Optional, Tuple, Union

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...


def sigmoid(z: np.ndarray) -> np.ndarray:
    """sigmoid(z) = 1 / (1 + e^(-z)) element-wise, without overflow for every finite z."""
    e = np.exp(-np.abs(z))  # in (0, 1]: exp of a non-positive number cannot overflow
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def softplus(z: np.ndarray) -> np.ndarray:
    """softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^(-|z|)), finite for every finite z."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def minibatches(order: List[int], batch_size: Optional[int],
                rng: random.Random) -> Iterator[Union[slice, List[int]]]:
    """The batches of one epoch: every sample, or B-sized runs of a fresh shuffle."""
    if batch_size is None or batch_size >= len(order):  # one batch holding every sample
        yield slice(None)  # X[slice(None)] is X itself, a view: no copy
        return
    rng.shuffle(order)  # in place: each epoch reshuffles the previous epoch's order
    for start in range(0, len(order), batch_size):
        yield order[start:start + batch_size]


class LogisticRegression:
    """Binary logistic regression by (mini-batch) gradient descent, or Newton's method.

    Parameters (keyword hyperparameters, stored as given and checked by fit)
    ----------
    learning_rate : float, default 0.1      step size alpha, positive and finite
    n_iters : int, default 1000             epochs (passes over the data); full batch: updates
    l2 : float, default 0.0                 L2 penalty lambda (scikit-learn's C = 1/lambda)
    tol : float or None, default None       stop once |J_t - J_(t-1)| < tol (batches: epochs)
    batch_size : int or None, default None  None: full batch; B: shuffled batches of B samples
    seed : int, default 0                   seed of the random.Random that shuffles batches
    verbose : int, default 0                k > 0: print "iteration t: cost J" every k updates
    solver : {"gd", "newton"}, default "gd" "gd": gradient descent, the steps of fit below.
                                            "newton": Newton's method, theta <- theta - H^-1 g,
                                            g the gradient, H = 1/m X1^T S X1 + lambda/m on the
                                            weights, S = diag(p_i (1 - p_i)), X1 = X and a column
                                            of ones: the minimizer in a handful of steps, with no
                                            learning_rate; n_iters caps the steps, tol stops them,
                                            batch_size must be None
    record_params : bool, default False     True: fit also sets param_history (see below)

    Attributes (set by fit): weights ((n,) array), bias, cost_history (entry k: the cost J where
    update k starts; with batches, the batch cost) and, with record_params, param_history:
    entry 0 the start (weights, bias), entry k the parameters after update (or Newton step) k.
    """

    def __init__(self, learning_rate: float = 0.1, n_iters: int = 1000, *, l2: float = 0.0,
                 tol: Optional[float] = None, batch_size: Optional[int] = None, seed: int = 0,
                 verbose: int = 0, solver: str = "gd", record_params: bool = False) -> None:
        # Like scikit-learn: stored untouched, checked in fit (so they can change between fits).
        self.learning_rate, self.n_iters, self.l2, self.tol = learning_rate, n_iters, l2, tol
        self.batch_size, self.seed, self.verbose = batch_size, seed, verbose
        self.solver, self.record_params = solver, record_params

    # Overflow shows up as a non-finite cost, reported with its cure: no bare NumPy warning.
    @np.errstate(over="ignore", invalid="ignore")
    def fit(self, X: ArrayLike, y: ArrayLike) -> "LogisticRegression":
        """Learn ``weights`` and ``bias`` from X, shape (m, n), and 0/1 labels y, shape (m,)."""
        (learning_rate, n_iters, l2, tol, batch_size, seed, verbose, solver,
         record_params) = _check_hyperparameters(self)
        X, y = _check_data(X, y)
        m, n = X.shape
        history = _History(verbose, record_params, n, learning_rate if solver == "gd" else None)
        if solver == "newton":
            w, b = _newton_method(X, y, l2, n_iters, tol, history)
            return history.finish(self, w, b, _cost(X, y, w, b, l2))
        w, b, rng, order, previous = np.zeros(n), 0.0, random.Random(seed), list(range(m)), None
        for epoch in range(n_iters):
            epoch_costs = []
            for batch in minibatches(order, batch_size, rng):
                X_b, y_b = X[batch], y[batch]  # the full batch: views of X and y, no copies
                m_b = len(y_b)
                # Step 1: forward pass  z = X w + b,  y_hat = sigmoid(z)
                z = X_b @ w + b
                y_hat = sigmoid(z)
                # Step 2: cost  J = 1/m sum(softplus(z) - y z) + lambda/(2m) w^T w
                cost = float(np.sum(softplus(z) - y_b * z) / m_b + l2 / (2 * m) * (w @ w))
                # Step 3: gradient  dJ/dw = 1/m X^T (y_hat - y) + (lambda/m) w
                error = y_hat - y_b
                grad_w = X_b.T @ error / m_b + l2 / m * w
                grad_b = float(np.sum(error) / m_b)  # dJ/db = 1/m sum(y_hat - y): no penalty
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

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """P(y = 1 | x) = sigmoid(X w + b), shape (m,)."""
        X = self._check_fitted_X(X, "predict_proba")
        return sigmoid(self._logits(X, "probabilities are"))

    def predict(self, X: ArrayLike, threshold: float = 0.5) -> np.ndarray:
        """Labels: 1 where the probability is above the threshold, else 0; shape (m,).

        A higher threshold labels fewer samples 1 (fewer false alarms, more positives
        missed); a lower one catches more positives at the price of more false alarms.
        """
        threshold = _check_threshold(threshold)
        return (self.predict_proba(X) > threshold).astype(np.int64)

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J(w, b) = 1/m sum(softplus(z) - y z) + lambda/(2m) w^T w, at the current parameters."""
        X = self._check_fitted_X(X, "cost")
        y = _check_labels(y, len(X))
        l2 = _check_hyperparameters(self)[2]
        cost = _cost(X, y, self.weights, self.bias, l2)
        return float(_check_output(np.array([cost]), "cost is", X)[0])

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        y = _check_labels(y, len(X))
        return float(np.mean(self.predict(X) == y))

    def __repr__(self) -> str:
        settings = ", ".join(f"{name}={getattr(self, name)!r}" for name, *_ in _RULES)
        return f"LogisticRegression({settings})"

    def _logits(self, X: np.ndarray, what: str) -> np.ndarray:
        """z = X w + b, if it is all finite."""
        with np.errstate(over="ignore", invalid="ignore"):  # checked below
            return _check_output(X @ self.weights + self.bias, what, X)

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LogisticRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = len(self.weights)
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if X.shape[1] != n:
            got = X.shape[1]
            raise ValueError(f"X has {got} feature{'s' if got != 1 else ''} per row, but this "
                             f"LogisticRegression was fitted with {n} "
                             f"feature{'s' if n != 1 else ''}.")
        return X


class _History:
    """Bookkeeping outside the steps: each cost checked and kept, the parameters kept if
    asked (record_params), progress printed every ``verbose`` updates."""

    def __init__(self, verbose: int, record_params: bool, n: int,
                 learning_rate: Optional[float]) -> None:
        self.verbose, self.learning_rate = verbose, learning_rate  # None: Newton's method
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

    def finish(self, model: LogisticRegression, w: np.ndarray, b: float, cost: float
               ) -> LogisticRegression:
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


@np.errstate(over="ignore", invalid="ignore")  # overflow: a non-finite cost, checked by callers
def _cost(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, l2: float) -> float:
    """J(w, b) = 1/m sum(softplus(z) - y z) + lambda/(2m) w^T w,  z = X w + b (the penalty is
    0 for lambda = 0 even where w^T w overflows: 0 * inf would be NaN)."""
    z = X @ w + b
    penalty = l2 / (2 * len(y)) * (w @ w) if l2 > 0 else 0.0
    return float(np.sum(softplus(z) - y * z) / len(y) + penalty)


# ---- Exact solver: Newton's method ------------------------------------------------------

def _newton_method(X: np.ndarray, y: np.ndarray, l2: float, n_iters: int, tol: Optional[float],
                   history: _History) -> Tuple[np.ndarray, float]:
    """Newton's method on the same cost J: iteratively reweighted least squares.

    theta = (w, b); X1 = [X, 1] is X with a column of ones for the bias. Each step goes to
    the minimum of the quadratic model of J around theta, theta <- theta - H^-1 g, with
        g = 1/m X1^T (p - y)  +  (lambda/m) [w, 0]
        H = 1/m A^T A  +  (lambda/m) I',   A = sqrt(s) * X1 (row i times sqrt(s_i))
    where s = p (1 - p) and I' is I with 0 for the bias: A^T A = X1^T diag(s) X1 is the
    matrix of a weighted least-squares problem, which NumPy forms with the symmetric
    rank-k BLAS routine (half the work of a general product); sqrt(s) =
    e^(-|z|/2) / (1 + e^(-|z|)) never overflows. Works on centred features Xc = X - mean(X),
    with the intercept c = b + mean(X) w: the same z, but no feature far from zero is then
    almost parallel to the column of ones. Each step is one pass over X (_newton_sums).

    Stops once a step would no longer change theta: max |step| <= 1e-12 (1 + max |theta|).
    Near the optimum each step is about C times the square of the one before, so the next
    one is estimated from the last two as |step|^3 / |previous|^2 and not taken if that is
    below the bound: it would cost a pass over X and change nothing.
    """
    m, n = X.shape
    if y.min() == y.max():
        raise ValueError("y holds one class only (all 0 or all 1): with the bias never penalized "
                         "the cost has no minimum, whatever l2. Use solver='gd' with a fixed "
                         "n_iters, or data with both classes.")
    x_mean = X.mean(axis=0)
    # A constant column must centre to exact zeros, and its mean may be off by a rounding.
    # Only a column whose first and last entries agree can be constant: those are checked.
    for j in np.flatnonzero(X[0] == X[-1]):
        if np.all(X[:, j] == X[0, j]):
            x_mean[j] = X[0, j]
    w, c = np.zeros(n), 0.0  # c: the intercept of the centred features
    penalty = np.append(np.full(n, l2 / m), 0.0)  # the bias, entry n: no penalty
    previous = None  # the size of the previous step
    for iteration in range(1, n_iters + 1):
        loss, g, H, separated = _newton_sums(X, y, x_mean, w, c)
        cost = loss / m + l2 / (2 * m) * float(w @ w)
        if l2 == 0.0 and separated:
            raise ValueError(f"the classes are perfectly separable (at Newton step {iteration} "
                             f"every sample is on its own side): with l2=0 the cost has no "
                             f"minimum. Use l2 > 0, or solver='gd' with a fixed n_iters.")
        g = g / m + penalty * np.append(w, c)
        H = H / m + np.diag(penalty)
        step = _solve_symmetric(H, g)
        if step is None:
            raise ValueError(f"the Hessian is singular at Newton step {iteration}: a feature "
                             f"column is constant or a combination of others, or the classes "
                             f"are almost separable. Use l2 > 0, or solver='gd'.")
        w, c = w - step[:n], float(c - step[n])
        b = float(c - x_mean @ w)
        history.add(cost, w, b)  # checks that they are finite
        if tol is not None and iteration > 1 and abs(cost - history.costs[-2]) < tol:
            break
        size = float(np.max(np.abs(step)))
        bound = 1e-12 * (1.0 + max(abs(c), float(np.max(np.abs(w)))))
        # The next step, estimated from the last two (C = size / previous^2): C size^2.
        next_size = size * (size / previous) * (size / previous) if previous else math.inf
        if size <= bound or next_size <= bound:
            break  # this step, or the next, no longer changes theta: J cannot fall further
        previous = size
    return w, b


def _newton_sums(X: np.ndarray, y: np.ndarray, x_mean: np.ndarray, w: np.ndarray, c: float,
                 size: int = 2048) -> Tuple[float, np.ndarray, np.ndarray, bool]:
    """What one Newton step needs, in one pass over X: sum(softplus(z) - y z), X1c^T (p - y),
    A^T A and whether every sample is on its own side (z > 0 where y = 1, z < 0 where y = 0).

    X1c = [X - mean(X), 1] is made a block of rows at a time: a block of 2048 centred rows
    stays in the cache while it gives z, the gradient and A, and X is never copied (a fresh
    m-by-n array per step would cost more in page faults than the arithmetic done in it).
    """
    n = X.shape[1]
    loss, g, H, separated = 0.0, np.zeros(n + 1), np.zeros((n + 1, n + 1)), True
    for start in range(0, len(X), size):
        Xc, y_b = X[start:start + size] - x_mean, y[start:start + size]
        z = Xc @ w + c
        loss += float(np.sum(softplus(z) - y_b * z))
        separated = separated and bool(np.all((2 * y_b - 1) * z > 0))
        error = sigmoid(z) - y_b
        root_s = np.exp(-np.abs(z) / 2) / (1.0 + np.exp(-np.abs(z)))  # sqrt(p (1 - p))
        A = root_s[:, None] * Xc  # these rows of A; A's bias column is root_s
        g[:n] += Xc.T @ error
        g[n] += np.sum(error)
        H[:n, :n] += A.T @ A
        H[:n, n] += A.T @ root_s
        H[n, n] += root_s @ root_s
    H[n, :n] = H[:n, n]
    return loss, g, H, separated


def _solve_symmetric(A: np.ndarray, r: np.ndarray) -> Optional[np.ndarray]:
    """Solve A theta = r for a symmetric positive definite A, or return None if singular.

    Equilibrated, S = D A D with D = diag(1 / sqrt(A_jj)), then Cholesky, S = L L^T: the
    pivot L_kk^2 in (0, 1] is the share of column k that the earlier columns do not
    explain; below 1e-10, column k is a combination of the others.
    """
    diagonal = np.diag(A)
    if not np.all(diagonal > 0):
        return None  # a zero column (or a NaN)
    d = 1.0 / np.sqrt(diagonal)
    S = d[:, None] * A * d  # row j times d_j, then column k times d_k: d_j d_k may overflow
    try:
        L = np.linalg.cholesky(S)
    except np.linalg.LinAlgError:
        return None
    if not np.min(np.diag(L)) ** 2 >= 1e-10:
        return None
    return d * np.linalg.solve(S, d * r)


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
    return (f"X must be 2-D, one row per sample, but it is 1-D. This LogisticRegression was "
            f"fitted with {features}: {fix}.")


def _check_output(values: np.ndarray, what: str, X: np.ndarray) -> np.ndarray:
    """values, if all are finite; else ValueError: finite but huge X overflowed them."""
    if not np.isfinite(values).all():
        raise ValueError(f"the {what} not finite: X holds values too large for these "
                         f"parameters (the largest |x| is {np.max(np.abs(X)):.3g}). Scale X the "
                         f"same way as the training data.")
    return values


def _check_threshold(threshold: object) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real):
        raise TypeError(f"threshold must be a number, got {type(threshold).__name__} "
                        f"{threshold!r}.")
    if not 0 < threshold < 1:  # False for NaN too
        raise ValueError(f"threshold must be a probability strictly between 0 and 1, "
                         f"got {threshold!r}.")
    return float(threshold)


def _diverged(iteration: int, learning_rate: Optional[float]) -> str:
    if learning_rate is None:  # Newton's method
        return (f"Newton's method diverged at step {iteration}: the cost or the parameters "
                f"are no longer finite numbers. Try l2 > 0 or scale the features (see "
                f"StandardScaler).")
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


def _check_data(X: ArrayLike, y: ArrayLike) -> Tuple[np.ndarray, np.ndarray]:
    """X checked, and y checked to be one label 0 or 1 per row of X."""
    X = _check_X(X)
    return X, _check_labels(y, len(X))


def _check_labels(y: ArrayLike, m: int) -> np.ndarray:
    """y as a 1-D float64 array of m labels 0.0 or 1.0, or ValueError saying what is wrong."""
    array = _fast_array(y)
    if array is not None and array.shape == (m, 1):
        array = array[:, 0]  # an (m, 1) column, flattened on purpose (see _column)
    if array is None or array.shape != (m,):  # the pure twin's walk names the problem
        array = np.array([_check_number(y_i, f"y[{i}]") for i, y_i in enumerate(_column(y, m))])
    _check_finite_y(array)
    bad = np.flatnonzero((array != 0.0) & (array != 1.0))
    if len(bad):
        raise ValueError(f"y[{bad[0]}] is {float(array[bad[0]])!r}, but logistic regression "
                         f"needs labels 0 or 1 (True/False count). Recode the two classes as "
                         f"0 and 1.")
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
    ("solver", str, False, lambda v: v in ("gd", "newton"), '"gd" or "newton"'),
    ("record_params", bool, False, lambda v: True, "True or False"),
)
_TYPES = {float: (numbers.Real, "a number"), int: (numbers.Integral, "an integer"),
          str: (str, "a string"), bool: (bool, "True or False")}


def _check_hyperparameters(model: LogisticRegression) -> tuple:
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
    # Demo: one feature, small values are class 0 and large values class 1, with overlap.
    X = np.array([[0.5], [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0]])
    y = np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 1])
    model = LogisticRegression(learning_rate=0.5, n_iters=2000, verbose=500).fit(X, y)
    print("weights: ", [round(w_j, 4) for w_j in model.weights.tolist()])
    print("bias:    ", round(model.bias, 4))
    X_new = np.array([[1.0], [2.75], [4.5]])
    print("P(y=1):  ", [round(p, 3) for p in model.predict_proba(X_new).tolist()])
    print("accuracy:", model.score(X, y))
