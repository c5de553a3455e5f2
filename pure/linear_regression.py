"""Linear regression trained by gradient descent, in plain Python.

Every sum below is an explicit loop over samples i = 1..m and features j = 1..n,
so each line of ``fit`` reads like the formula it computes.

Model
    y_hat_i = sum_j w_j x_ij + b

Cost (half the mean squared error, plus an optional L2 penalty lambda on the weights)
    J(w, b) = 1/(2m) sum_i (y_hat_i - y_i)^2  +  lambda/(2m) sum_j w_j^2

Gradient (the exact derivative of J: the 2 from the square cancels the 1/2)
    dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij  +  (lambda/m) w_j
    dJ/db   = 1/m sum_i (y_hat_i - y_i)

Update (simultaneous: both gradients come from the same forward pass)
    w_j <- w_j - learning_rate * dJ/dw_j
    b   <- b   - learning_rate * dJ/db

The weights and the bias start at zero. The bias is never penalized.

With ``batch_size`` set, each epoch shuffles the samples and makes one update per
batch of B samples: the sums run over the batch and 1/m becomes 1/B, but the
penalty keeps the full m, so each batch gradient is an unbiased estimate of the
full one and the objective does not depend on B.

>>> model = LinearRegression(learning_rate=0.1, n_iters=2000)
>>> model = model.fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0])
>>> [round(w, 6) for w in model.weights], round(model.bias, 6)
([2.0], 1.0)
"""

import math
import numbers
import random
from typing import List, Optional, Sequence, Tuple

Vector = List[float]
Matrix = List[Vector]


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
        L2 penalty lambda: the cost gains lambda/(2m) sum_j w_j^2. It has the same
        minimizer as ridge regression with penalty lambda on the weights and an
        unpenalized intercept (``sklearn.linear_model.Ridge(alpha=lambda)``).
    tol : float or None, default None
        Stop after the update at which |J_k - J_(k-1)| < tol. With mini-batches the
        single batch costs are noisy, so tol compares the mean batch cost of an
        epoch with the previous epoch's instead, and stops after the first epoch
        where they differ by less than tol. ``n_iters`` stays the upper bound.
    batch_size : int or None, default None
        None: full-batch gradient descent. An integer B: every epoch shuffles the
        samples with ``random.Random(seed)`` and makes ceil(m/B) updates on
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
    weights : list of float
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

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> "LinearRegression":
        """Learn ``weights`` and ``bias`` from X (m rows, n columns) and y (m values)."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose = _check_hyperparameters(self)
        solver = _check_solver(self.solver, batch_size)
        X = _check_X(X)
        y = _check_y(y, len(X))
        m, n = len(X), len(X[0])
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
        w = [0.0] * n
        b = 0.0
        cost_history = []
        rng = random.Random(seed)
        order = list(range(m))
        previous_epoch_cost = None

        for epoch in range(n_iters):
            if batch_size is None:
                batches = [order]
            else:
                rng.shuffle(order)
                batches = [order[start:start + batch_size] for start in range(0, m, batch_size)]
            epoch_cost = 0.0
            for batch in batches:
                m_b = len(batch)
                sum_sq = 0.0
                grad_w = [0.0] * n
                grad_b = 0.0
                for i in batch:
                    x_i = X[i]
                    # Step 1: forward pass  y_hat_i = sum_j w_j x_ij + b
                    y_hat_i = b
                    for j in range(n):
                        y_hat_i += w[j] * x_i[j]
                    # Step 2: cost  J = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2
                    error_i = y_hat_i - y[i]
                    sum_sq += error_i * error_i
                    # Step 3: gradients  dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij + (lambda/m) w_j,  dJ/db = 1/m sum_i (y_hat_i - y_i)
                    grad_b += error_i
                    for j in range(n):
                        grad_w[j] += error_i * x_i[j]
                # Finish the cost (step 2) and the gradients (step 3): divide the sums by m_b and
                # add the penalty, which uses the full m, also for a batch (see the module docstring).
                penalty = 0.0
                for j in range(n):
                    penalty += w[j] * w[j]
                cost = sum_sq / (2 * m_b) + l2 / (2 * m) * penalty
                _check_finite_cost(cost, len(cost_history) + 1, learning_rate)
                cost_history.append(cost)
                # The bias is never penalized: a penalty on b would pull the
                # intercept towards 0 and make the model depend on where y's origin is.
                grad_w = [grad_w[j] / m_b + l2 / m * w[j] for j in range(n)]
                grad_b = grad_b / m_b
                # Step 4: update  w_j <- w_j - learning_rate * dJ/dw_j,  b <- b - learning_rate * dJ/db
                w = [w[j] - learning_rate * grad_w[j] for j in range(n)]
                b = b - learning_rate * grad_b
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

    def predict(self, X: Sequence[Sequence[float]]) -> Vector:
        """Predictions y_hat_i = sum_j w_j x_ij + b, one per row of X."""
        X = self._check_fitted_X(X, "predict")
        w, b = self.weights, self.bias
        predictions = []
        for x_i in X:
            y_hat_i = b
            for w_j, x_ij in zip(w, x_i):
                y_hat_i += w_j * x_ij
            predictions.append(y_hat_i)
        return predictions

    def cost(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> float:
        """J(w, b) = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2 at the current parameters."""
        X = self._check_fitted_X(X, "cost")
        y = _check_y(y, len(X))
        _, _, l2, *_ = _check_hyperparameters(self)
        return _cost(X, y, self.weights, self.bias, l2)

    def score(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> float:
        """Coefficient of determination R^2 = 1 - sum_i (y_i - y_hat_i)^2 / sum_i (y_i - mean(y))^2.

        1 is a perfect fit, 0 is no better than predicting the mean. For a constant y
        (a zero denominator) it is 1.0 for a perfect fit and 0.0 otherwise, as in
        scikit-learn.
        """
        X = self._check_fitted_X(X, "score")
        y = _check_y(y, len(X))
        mean_y = sum(y) / len(y)
        ss_res = 0.0
        ss_tot = 0.0
        for y_hat_i, y_i in zip(self.predict(X), y):
            ss_res += (y_i - y_hat_i) * (y_i - y_hat_i)
            ss_tot += (y_i - mean_y) * (y_i - mean_y)
        if all(y_i == y[0] for y_i in y):  # exactly: a rounded mean leaves ss_tot ~ 1e-32
            return 1.0 if ss_res == 0.0 else 0.0
        return 1.0 - ss_res / ss_tot

    def __repr__(self) -> str:
        return (f"LinearRegression(learning_rate={self.learning_rate!r}, n_iters={self.n_iters!r}, "
                f"l2={self.l2!r}, tol={self.tol!r}, batch_size={self.batch_size!r}, "
                f"seed={self.seed!r}, verbose={self.verbose!r}, solver={self.solver!r})")

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LinearRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if len(X[0]) != len(self.weights):
            raise ValueError(f"X has {len(X[0])} features per row, but this LinearRegression "
                             f"was fitted with {len(self.weights)} features.")
        return X


def _cost(X: Matrix, y: Vector, w: Vector, b: float, l2: float) -> float:
    """J(w, b) = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2."""
    m = len(X)
    sum_sq = 0.0
    for x_i, y_i in zip(X, y):
        y_hat_i = b
        for w_j, x_ij in zip(w, x_i):
            y_hat_i += w_j * x_ij
        sum_sq += (y_hat_i - y_i) * (y_hat_i - y_i)
    penalty = 0.0
    for w_j in w:
        penalty += w_j * w_j
    return sum_sq / (2 * m) + l2 / (2 * m) * penalty


def _normal_equation(X: Matrix, y: Vector, l2: float) -> Tuple[Vector, float]:
    """The exact minimizer of J: solve (X1^T X1 + L) theta = X1^T y for theta = (w, b).

    Setting every dJ/dw_j and dJ/db to zero gives these n + 1 linear equations (X1 is
    X with a column of ones for the bias, L is lambda on the weights' diagonal). Their
    last one, dJ/db = 0, says b = mean(y) - sum_j w_j mean(x_j): the unpenalized bias
    absorbs the means. Put into the others, it leaves n equations in the centred data
    xc_ij = x_ij - mean(x_j) and yc_i = y_i - mean(y), with the same solution:
        A_jk = sum_i xc_ij xc_ik + lambda [j = k]
        r_j  = sum_i xc_ij yc_i
    Solved this way, a feature far from zero (a year, say) is not almost parallel to
    the column of ones, so the system stays well conditioned.
    """
    m, n = len(X), len(X[0])
    x_mean = [0.0] * n
    y_mean = 0.0
    for x_i, y_i in zip(X, y):
        for j in range(n):
            x_mean[j] += x_i[j] / m
        y_mean += y_i / m
    for j in range(n):
        if all(x_i[j] == X[0][j] for x_i in X):
            x_mean[j] = X[0][j]  # a constant column centres to exact zeros, not rounding noise
    A = [[0.0] * n for _ in range(n)]
    r = [0.0] * n
    for x_i, y_i in zip(X, y):
        xc_i = [x_i[j] - x_mean[j] for j in range(n)]
        yc_i = y_i - y_mean
        for j in range(n):
            r[j] += xc_i[j] * yc_i
            for k in range(j + 1):  # A is symmetric: sum only k <= j, copied to k > j below
                A[j][k] += xc_i[j] * xc_i[k]
    for j in range(n):
        for k in range(j):
            A[k][j] = A[j][k]
        A[j][j] += l2
    w = _solve_symmetric(A, r)
    if w is None:
        fewer = f", or there are fewer samples ({m}) than parameters ({n + 1})" if m < n + 1 else ""
        raise ValueError(
            f"the normal equation is singular: X^T X (with the column of ones for the bias) "
            f"cannot be inverted, because a feature column is constant, duplicates another or is "
            f"a combination of others{fewer}. Use l2 > 0 (ridge regression) or solver='gd'.")
    b = y_mean
    for j in range(n):
        b -= w[j] * x_mean[j]
    return w, b


def _solve_symmetric(A: Matrix, r: Vector) -> Optional[Vector]:
    """Solve A theta = r for a symmetric positive definite A, by Cholesky: A = L L^T.

    Written out as loops, like the rest of this file. First the system is equilibrated,
    S = D A D with D = diag(1 / sqrt(A_jj)), so that S has ones on its diagonal and the
    test below does not depend on the units of the features. Then the k-th pivot of S,
    d_k = S_kk - sum_(j<k) L_kj^2, lies in (0, 1]: it is the share of column k that the
    earlier columns do not explain. d_k < 1e-10 means column k is (numerically) a
    combination of the others, the system is singular, and None is returned.
    """
    size = len(A)
    if any(not A[j][j] > 0 for j in range(size)):
        return None  # a zero column (or a NaN)
    d = [1.0 / math.sqrt(A[j][j]) for j in range(size)]
    S = [[d[j] * A[j][k] * d[k] for k in range(size)] for j in range(size)]
    L = [[0.0] * size for _ in range(size)]
    for k in range(size):
        pivot = S[k][k]
        for j in range(k):
            pivot -= L[k][j] * L[k][j]
        if not pivot >= 1e-10:
            return None
        L[k][k] = math.sqrt(pivot)
        for i in range(k + 1, size):
            total = S[i][k]
            for j in range(k):
                total -= L[i][j] * L[k][j]
            L[i][k] = total / L[k][k]
    # Forward substitution L u = D r, then back substitution L^T v = u; theta = D v.
    u = [0.0] * size
    for k in range(size):
        total = d[k] * r[k]
        for j in range(k):
            total -= L[k][j] * u[j]
        u[k] = total / L[k][k]
    v = [0.0] * size
    for k in reversed(range(size)):
        total = u[k]
        for j in range(k + 1, size):
            total -= L[j][k] * v[j]
        v[k] = total / L[k][k]
    return [d[k] * v[k] for k in range(size)]


# Input checks. They run once at the public boundary, so the loops above can trust
# their data: a rectangular list of lists of finite floats.

def _check_X(X: Sequence[Sequence[float]]) -> Matrix:
    """Copy X into a rectangular list of rows of finite floats, or raise ValueError."""
    if isinstance(X, (str, bytes)) or not hasattr(X, "__iter__"):
        raise ValueError(f"X must be 2-D, a list of rows (one row of feature values per sample); got {type(X).__name__}.")
    rows = list(X)
    if len(rows) == 0:
        raise ValueError("X is empty: it needs at least one row (sample).")
    matrix = []
    for i, row in enumerate(rows):
        if isinstance(row, (str, bytes)) or not hasattr(row, "__iter__"):
            raise ValueError(f"X must be 2-D, a list of rows, but X[{i}] is {row!r}, not a row. "
                             f"For a single feature, put each value in its own row: [[x] for x in X].")
        values = [_check_number(value, f"X[{i}][{j}]") for j, value in enumerate(row)]
        if i > 0 and len(values) != len(matrix[0]):
            raise ValueError(f"X is ragged: row {i} has {len(values)} values, "
                             f"but row 0 has {len(matrix[0])}. Every row needs one value per feature.")
        matrix.append(values)
    if len(matrix[0]) == 0:
        raise ValueError("X has no features: its rows are empty.")
    return matrix


def _check_y(y: Sequence[float], m: int) -> Vector:
    """Copy y into a list of m finite floats, or raise ValueError."""
    if isinstance(y, (str, bytes)) or not hasattr(y, "__iter__"):
        raise ValueError(f"y must be 1-D, a list with one target per sample; got {type(y).__name__}.")
    values = list(y)
    if len(values) != m:
        raise ValueError(f"X and y have different lengths: X has {m} rows but y has {len(values)} values.")
    return [_check_number(value, f"y[{i}]") for i, value in enumerate(values)]


def _check_number(value: object, where: str) -> float:
    # float(None) raises TypeError and float("1") succeeds; both are bad data here.
    if value is None or isinstance(value, (str, bytes)) or hasattr(value, "__iter__"):
        raise ValueError(f"{where} is {value!r}, not a number; every entry of X and y must be a number.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where} is {value!r}, not a number; every entry of X and y must be a number.") from None
    except OverflowError:  # an int beyond the largest float, such as 10**400
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(f"{where} is {number}; NaN and infinite values are not allowed: drop or fill them first.")
    return number


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
    X = [[x1 / 4, x2 / 3] for x1 in range(4) for x2 in range(3)]
    y = [3 * x1 - 2 * x2 + 1 for x1, x2 in X]
    model = LinearRegression(learning_rate=0.1, n_iters=2000, verbose=500).fit(X, y)
    print("weights:", [round(w_j, 4) for w_j in model.weights])
    print("bias:   ", round(model.bias, 4))
    print("R^2:    ", round(model.score(X, y), 6))
