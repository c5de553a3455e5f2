"""Linear regression trained by gradient descent, in plain Python.

Every sum is an explicit loop over samples i = 1..m and features j = 1..n, so each step of
``fit`` reads like the formula it computes.

Model
    y_hat_i = sum_j w_j x_ij + b

Cost (half the mean squared error, plus an optional L2 penalty lambda on the weights)
    J(w, b) = 1/(2m) sum_i (y_hat_i - y_i)^2  +  lambda/(2m) sum_j w_j^2

Gradient (the exact derivative of J: the 2 from the square cancels the 1/2)
    dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij  +  (lambda/m) w_j
    dJ/db   = 1/m sum_i (y_hat_i - y_i)

Update (simultaneous: both gradients come from the same forward pass), from w = 0, b = 0
    w_j <- w_j - learning_rate * dJ/dw_j,    b <- b - learning_rate * dJ/db
The bias is never penalized: that would pull the intercept towards 0 and make the model
depend on where y's origin is.

Mini-batches of B samples (``batch_size``): each epoch shuffles the samples, the sums run
over each batch and 1/m becomes 1/B; the penalty keeps the full m, so that a batch gradient
is an unbiased estimate of the full one and the objective does not depend on B.

>>> model = LinearRegression(learning_rate=0.1, n_iters=2000)
>>> model = model.fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0])
>>> [round(w, 6) for w in model.weights], round(model.bias, 6)
([2.0], 1.0)
"""

import math
import numbers
import random
import sys
from collections.abc import Mapping
from typing import Iterator, List, Optional, Sequence, Tuple

Vector = List[float]
Matrix = List[Vector]


def minibatches(order: List[int], batch_size: Optional[int],
                rng: random.Random) -> Iterator[List[int]]:
    """The batches of one epoch: every sample, or B-sized runs of a fresh shuffle."""
    if batch_size is None or batch_size >= len(order):  # one batch holding every sample
        yield order
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

    Attributes (set by fit): weights (w_j), bias, cost_history (entry k: the cost J where update
    k starts; with batches, the batch cost) and, with record_params, param_history: entry 0
    the start (weights, bias), entry k the parameters after update k (exact: the solution).
    """

    def __init__(self, learning_rate: float = 0.01, n_iters: int = 1000, *, l2: float = 0.0,
                 tol: Optional[float] = None, batch_size: Optional[int] = None, seed: int = 0,
                 verbose: int = 0, solver: str = "gd", record_params: bool = False) -> None:
        # Like scikit-learn: stored untouched, checked in fit (so they can change between fits).
        self.learning_rate, self.n_iters, self.l2, self.tol = learning_rate, n_iters, l2, tol
        self.batch_size, self.seed, self.verbose = batch_size, seed, verbose
        self.solver, self.record_params = solver, record_params

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> "LinearRegression":
        """Learn ``weights`` and ``bias`` from X (m rows, n columns) and y (m values)."""
        (learning_rate, n_iters, l2, tol, batch_size, seed, verbose, solver,
         record_params) = _check_hyperparameters(self)
        X = _check_X(X)
        y = _check_y(y, len(X))
        m, n = len(X), len(X[0])
        history = _History(verbose, record_params, n, learning_rate if solver == "gd" else None)
        if solver != "gd":
            w, b = _least_squares(X, y, l2, solver, history)
            return history.finish(self, w, b, history.costs[-1])  # J at the solution
        w, b, rng, order, previous = [0.0] * n, 0.0, random.Random(seed), list(range(m)), None
        for epoch in range(n_iters):
            epoch_costs = []
            for batch in minibatches(order, batch_size, rng):
                m_b = len(batch)
                # Step 1: forward pass  y_hat_i = sum_j w_j x_ij + b
                y_hat = []
                for i in batch:
                    y_hat_i = 0.0
                    for w_j, x_ij in zip(w, X[i]):
                        y_hat_i += w_j * x_ij
                    y_hat.append(y_hat_i + b)
                # Step 2: cost  J = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2
                error = [y_hat_k - y[i] for y_hat_k, i in zip(y_hat, batch)]
                penalty = sum(w_j * w_j for w_j in w)
                cost = sum(e * e for e in error) / (2 * m_b) + l2 / (2 * m) * penalty
                # Step 3: gradient  dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij + (lambda/m) w_j
                grad_w = [0.0] * n
                for e_k, i in zip(error, batch):
                    for j, x_ij in enumerate(X[i]):
                        grad_w[j] += e_k * x_ij
                grad_w = [g_j / m_b + l2 / m * w_j for g_j, w_j in zip(grad_w, w)]
                grad_b = sum(error) / m_b  # dJ/db = 1/m sum_i (y_hat_i - y_i): no penalty
                # Step 4: update  w_j <- w_j - alpha dJ/dw_j,  b <- b - alpha dJ/db
                w = [w_j - learning_rate * g_j for w_j, g_j in zip(w, grad_w)]
                b = b - learning_rate * grad_b
                history.add(cost, w, b)
                epoch_costs.append(cost)
            # Step 5: stop  |J_t - J_(t-1)| < tol (with batches: epoch means of J)
            epoch_cost = sum(epoch_costs) / len(epoch_costs)
            if tol is not None and previous is not None and abs(epoch_cost - previous) < tol:
                break
            previous = epoch_cost
        return history.finish(self, w, b, _cost(X, y, w, b, l2))

    def predict(self, X: Sequence[Sequence[float]]) -> Vector:
        """Predictions y_hat_i = sum_j w_j x_ij + b, one per row of X."""
        X = self._check_fitted_X(X, "predict")
        y_hat = [sum(w_j * x_ij for w_j, x_ij in zip(self.weights, x_i)) + self.bias for x_i in X]
        return _check_output(y_hat, "predictions are", X)

    def cost(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> float:
        """J(w, b) = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2, now."""
        X = self._check_fitted_X(X, "cost")
        y = _check_y(y, len(X))
        l2 = _check_hyperparameters(self)[2]
        return _check_output([_cost(X, y, self.weights, self.bias, l2)], "cost is", X)[0]

    def score(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> float:
        """R^2 = 1 - sum_i (y_i - y_hat_i)^2 / sum_i (y_i - mean(y))^2.

        1 is a perfect fit, 0 is no better than predicting the mean. For a constant y
        (a zero denominator) it is 1.0 for a perfect fit and 0.0 otherwise, as in
        scikit-learn. Both sums are of (value / s)^2 with s = max_i |y_i - mean(y)|, so
        targets near 1e-300 or 1e300 neither underflow nor overflow.
        """
        X = self._check_fitted_X(X, "score")
        y = _check_y(y, len(X))
        residual = [y_i - y_hat_i for y_i, y_hat_i in zip(y, self.predict(X))]
        if all(y_i == y[0] for y_i in y):  # exactly: a rounded mean leaves ss_tot ~ 1e-32
            return 1.0 if all(r == 0.0 for r in residual) else 0.0
        mean_y = _mean(y)
        s = max(abs(y_i - mean_y) for y_i in y)
        ss_res = sum((r / s) * (r / s) for r in residual)
        ss_tot = sum(((y_i - mean_y) / s) * ((y_i - mean_y) / s) for y_i in y)
        # Residuals over 1e154 times the spread of y: R^2 is below the floats, so it is
        # rounded towards zero, to the most negative float, never to -inf.
        return max(1.0 - ss_res / ss_tot, -sys.float_info.max)

    def __repr__(self) -> str:
        settings = ", ".join(f"{name}={getattr(self, name)!r}" for name, *_ in _RULES)
        return f"LinearRegression({settings})"

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LinearRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = len(self.weights)
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if len(X[0]) != n:
            got = len(X[0])
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
        self.costs: Vector = []
        self.params = [([0.0] * n, 0.0)] if record_params else None  # the start: zeros

    def add(self, cost: float, w: Vector, b: float) -> None:
        if not all(math.isfinite(v) for v in [cost, b, *w]):
            raise FloatingPointError(_diverged(len(self.costs) + 1, self.learning_rate))
        self.costs.append(cost)
        if self.params is not None:
            self.params.append((list(w), b))
        if self.verbose and len(self.costs) % self.verbose == 0:
            print(f"iteration {len(self.costs)}: cost {cost:.6g}")

    def finish(self, model: LinearRegression, w: Vector, b: float, cost: float
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


def _mean(values: Vector) -> float:
    """The mean in two passes: the second adds the mean of what the first left over."""
    first = sum(values) / len(values)
    return first + sum(v - first for v in values) / len(values)


def _cost(X: Matrix, y: Vector, w: Vector, b: float, l2: float) -> float:
    """J(w, b) = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2 (the penalty is 0
    for lambda = 0 even where w_j^2 overflows: 0 * inf would be NaN)."""
    error = [sum(w_j * x_ij for w_j, x_ij in zip(w, x_i)) + b - y_i for x_i, y_i in zip(X, y)]
    penalty = l2 / (2 * len(X)) * sum(v * v for v in w) if l2 > 0 else 0.0
    return sum(e * e for e in error) / (2 * len(X)) + penalty


# ---- Exact solvers: the normal equation and QR ------------------------------------------
# Both minimize J exactly. Setting dJ/db = 0 gives b = mean(y) - sum_j w_j mean(x_j): the
# unpenalized bias absorbs the means, and w solves the same problem in the centred data
# xc_ij = x_ij - mean(x_j), yc_i = y_i - mean(y) (so a feature far from zero, a year say, is
# not almost parallel to the column of ones). Each column is then scaled to length 1,
# a_ij = xc_ij d_j with w_j = d_j theta_j, so the tests of rank and condition below do not
# depend on the units of the features. The penalty lambda sum_j w_j^2 is then
# lambda sum_j d_j^2 theta_j^2.

def _least_squares(X: Matrix, y: Vector, l2: float, solver: str, history: _History
                   ) -> Tuple[Vector, float]:
    """(w, b) minimizing J, by the normal equation or by QR, recorded in history as one step."""
    m, n = len(X), len(X[0])
    if l2 == 0.0:
        _check_rank(X, m, n)
    x_mean = [X[0][j] if all(x_i[j] == X[0][j] for x_i in X)  # a constant column: exact zeros
              else _mean([x_i[j] for x_i in X]) for j in range(n)]
    y_mean = _mean(y)
    Xc = [[x_ij - mean_j for x_ij, mean_j in zip(x_i, x_mean)] for x_i in X]
    norms = [math.sqrt(sum(xc_i[j] * xc_i[j] for xc_i in Xc)) for j in range(n)]
    yc = [y_i - y_mean for y_i in y]
    if not all(math.isfinite(v) for v in norms + [sum(yc_i * yc_i for yc_i in yc)]):
        raise FloatingPointError(_diverged(1, None))  # the squares overflowed
    d = [1.0 / norm if norm > 0 else 1.0 for norm in norms]
    A = [[xc_ij * d_j for xc_ij, d_j in zip(xc_i, d)] for xc_i in Xc]
    penalty = [l2 * d_j * d_j for d_j in d]
    if not max(penalty) < 1e300:  # inf too
        raise ValueError(f"l2={l2!r} is too large for these data: the penalty it puts on a "
                         f"column of unit length, l2 / |x_j - mean(x_j)|^2, passes 1e300, where "
                         f"the exact solvers' squares overflow (and every weight would be 0 to "
                         f"all digits anyway). Use a smaller l2.")
    if solver == "normal":
        theta = _normal_equation(A, yc, penalty, [d_j * mean_j for d_j, mean_j in zip(d, x_mean)],
                                 y_mean)
    else:
        theta = _qr(A, yc, penalty)
    w = [d_j * theta_j for d_j, theta_j in zip(d, theta)]
    b = y_mean - sum(w_j * mean_j for w_j, mean_j in zip(w, x_mean))
    history.add(_cost(X, y, w, b, l2), w, b)  # checks that they are finite
    return w, b


def _normal_equation(A: Matrix, yc: Vector, penalty: Vector, xd: Vector, y_mean: float
                     ) -> Vector:
    """Solve (A^T A + P) theta = A^T yc by Cholesky, S = L L^T, if the answer keeps 6 digits.

    S_jk = sum_i a_ij a_ik + P_jj [j = k] and r_j = sum_i a_ij yc_i come from setting
    dJ/dtheta = 0. Forming S squares the condition number, kappa(S) = kappa(A)^2, so the
    normal equation loses twice the digits that QR loses. The error bound it answers by:

    - The first-order analysis of the normal equations (Higham, Accuracy and Stability of
      Numerical Algorithms, 2nd ed., section 20.4) bounds the error of the whole solution by
          |d theta| / |theta|  <=  E = u (m + kappa(S)) (1 + t),    u = 2^-53,
      where m u covers the m-term sums that form S and r, u kappa(S) the solve, and
      t = |residual| / |A theta| the part of y no fit explains (the residual term).
    - A single coefficient can hold all of that error: its relative error is at most E times
      |theta| / |theta_j| for weight j, and E |theta| |xd| / |b| for the bias, since
      b = mean(y) - xd . theta with xd_j = d_j mean(x_j). A coefficient under 1/1000 of that
      scale is counted against 1/1000 of it (no coefficient then needs more than E * 1000).
    - The constant: the worst-case constants of the analysis grow with m and n, but rounding
      errors do not add up their worst case; measured on NIST's 11 linear data sets under seven
      OpenBLAS kernels and on Python 3.8 to 3.13, the true error was at most 1.1 E. So the
      margin: it answers only if every coefficient's bound is at most 1e-7, one digit more
      than the 6 correct significant digits it promises; else it refuses.
    """
    n = len(penalty)
    S = [[sum(a_i[j] * a_i[k] for a_i in A) + (penalty[j] if j == k else 0.0)
          for k in range(n)] for j in range(n)]
    r = [sum(a_i[j] * yc_i for a_i, yc_i in zip(A, yc)) for j in range(n)]
    L = [[0.0] * n for _ in range(n)]
    for k in range(n):  # Cholesky: the k-th pivot is the share of column k the others miss
        pivot = S[k][k] - sum(L[k][j] * L[k][j] for j in range(k))
        if not pivot > 1e-14 * (1.0 + penalty[k]):  # against a unit column's scale
            raise _dependent(k, "normal equation", "; if only nearly, solver='qr' may do",
                             penalty)
        L[k][k] = math.sqrt(pivot)
        for i in range(k + 1, n):
            L[i][k] = (S[i][k] - sum(L[i][j] * L[k][j] for j in range(k))) / L[k][k]
    kappa, theta = _condition_number(S, L), _cholesky_solve(L, r)
    fit = sum(theta[j] * r[j] for j in range(n))  # |A theta|^2; |residual|^2 = |yc|^2 - fit
    t = math.sqrt(max(sum(v * v for v in yc) - fit, 0.0) / fit) if fit > 0 else 0.0
    bound = 2.0 ** -53 * (len(A) + kappa) * (1 + t)
    size = math.sqrt(sum(v * v for v in theta))
    b_scale = size * math.sqrt(sum(v * v for v in xd))
    b = y_mean - sum(xd_j * theta_j for xd_j, theta_j in zip(xd, theta))
    worst = max(_amplification(value, scale) for value, scale in
                [(b, b_scale)] + [(theta_j, size) for theta_j in theta])
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


def _cholesky_solve(L: Matrix, r: Vector) -> Vector:
    """theta with L L^T theta = r: forward substitution L u = r, then back L^T theta = u."""
    n = len(r)
    u = [0.0] * n
    for k in range(n):
        u[k] = (r[k] - sum(L[k][j] * u[j] for j in range(k))) / L[k][k]
    theta = [0.0] * n
    for k in reversed(range(n)):
        theta[k] = (u[k] - sum(L[j][k] * theta[j] for j in range(k + 1, n))) / L[k][k]
    return theta


def _condition_number(S: Matrix, L: Matrix) -> float:
    """kappa(S) = lambda_max / lambda_min, by 30 steps of power and of inverse iteration.

    Multiplying by S again and again turns any start towards the eigenvector of the largest
    eigenvalue; solving with S (by its Cholesky factor) turns it towards the smallest one.
    The Rayleigh quotients v^T S v of the two unit vectors are the two eigenvalues.
    """
    n, top = len(S), max(S[j][j] for j in range(len(S)))
    # kappa(S / top) = kappa(S): scaled, the iterates neither overflow nor underflow.
    S = [[S_jk / top for S_jk in S_j] for S_j in S]
    L = [[L_jk / math.sqrt(top) for L_jk in L_j] for L_j in L]
    big = small = [1.0 / (j + 1) for j in range(n)]  # a start with a share of every direction
    for _ in range(30):
        big = _unit([sum(S[j][k] * big[k] for k in range(n)) for j in range(n)])
        small = _unit(_cholesky_solve(L, small))
    rayleigh = [sum(v[j] * S[j][k] * v[k] for j in range(n) for k in range(n))
                for v in (big, small)]
    return rayleigh[0] / rayleigh[1]


def _unit(v: Vector) -> Vector:
    norm = math.sqrt(sum(v_j * v_j for v_j in v))
    if not 0 < norm < math.inf:  # kappa beyond the floats: NaN, which _normal_equation refuses
        return [math.nan] * len(v)
    return [v_j / norm for v_j in v]


def _qr(A: Matrix, yc: Vector, penalty: Vector) -> Vector:
    """Least squares by Householder QR: A = Q R, then R theta = Q^T yc, never forming A^T A.

    The penalty sum_j P_jj theta_j^2 is n more rows sqrt(P_jj) below A (with 0 in yc): exact
    ridge regression. Reflection k, H = I - 2 v v^T / (v^T v), maps column k below the
    diagonal onto the axis and leaves the lengths of everything unchanged; yc rides along as
    column n, so the reflections give Q^T yc without storing Q. kappa(R) = kappa(A): QR loses
    only the digits that the data themselves do not determine.
    """
    n = len(penalty)
    R = [a_i + [yc_i] for a_i, yc_i in zip(A, yc)] + [
        [math.sqrt(penalty[j]) if j == k else 0.0 for j in range(n)] + [0.0]
        for k in range(n) if penalty[k] > 0]
    for k in range(n):
        norm = math.sqrt(sum(R[i][k] * R[i][k] for i in range(k, len(R))))
        if norm == 0.0:
            continue  # the column is already zero below the diagonal (and R_kk = 0)
        alpha = -norm if R[k][k] >= 0 else norm  # the sign that avoids cancellation in v
        v = [R[k][k] - alpha] + [R[i][k] for i in range(k + 1, len(R))]
        vv = sum(v_i * v_i for v_i in v)
        for j in range(k, n + 1):
            s = 2 * sum(v[i - k] * R[i][j] for i in range(k, len(R))) / vv
            for i in range(k, len(R)):
                R[i][j] -= s * v[i - k]
    for k in range(n):  # columns of length 1 (with their penalty row, 1 + P_kk squared):
        if abs(R[k][k]) <= 1e-10 * math.sqrt(1.0 + penalty[k]):  # R_kk is the share missed
            raise _dependent(k, "QR factorization", "", penalty)
    theta = [0.0] * n  # back substitution R theta = (Q^T yc)_(1..n), found in column n
    for k in reversed(range(n)):
        theta[k] = (R[k][n] - sum(R[k][j] * theta[j] for j in range(k + 1, n))) / R[k][k]
    return theta


def _check_rank(X: Matrix, m: int, n: int) -> None:
    """The exact reasons for a singular problem, named for what they are."""
    advice = "Use l2 > 0 (ridge regression) or solver='gd'."
    if m <= n:
        raise ValueError(f"the least-squares problem is singular: there are fewer samples ({m}) "
                         f"than parameters ({n + 1}), so many solutions fit equally well. "
                         f"{advice}")
    for k in range(n):
        column = [x_i[k] for x_i in X]
        if all(v == column[0] for v in column):
            raise ValueError(f"the least-squares problem is singular: column {k} of X (from 0) "
                             f"is constant, so it duplicates the bias. Drop it. {advice}")
        for j in range(k):
            if all(x_i[j] == x_i[k] for x_i in X):
                raise ValueError(f"the least-squares problem is singular: column {k} of X "
                                 f"(from 0) duplicates column {j}. Drop it. {advice}")


def _dependent(k: int, method: str, other: str, penalty: Vector) -> ValueError:
    more = "a larger l2" if max(penalty) > 0 else "l2 > 0"
    return ValueError(f"the least-squares problem is (nearly) singular: in the {method}, column "
                      f"{k} of X (from 0) is (nearly) a linear combination of the columns before "
                      f"it and the bias. Drop it, or use {more} (ridge regression){other}.")


# ---- Input checks -----------------------------------------------------------------------
# Once, at the public boundary, so the loops above can trust a rectangular list of floats.

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


def _check_output(values: Vector, what: str, X: Matrix) -> Vector:
    """values, if all are finite; else ValueError: finite but huge X overflowed them."""
    if not all(math.isfinite(v) for v in values):
        largest = max(abs(x_ij) for x_i in X for x_ij in x_i)
        raise ValueError(f"the {what} not finite: X holds values too large for these "
                         f"parameters (the largest |x| is {largest:.3g}). Scale X the same way "
                         f"as the training data.")
    return values


def _diverged(iteration: int, learning_rate: Optional[float]) -> str:
    if learning_rate is None:  # an exact solver: its one step
        return ("the least-squares solution is not finite: X or y holds values so large that "
                "their squares overflow. Scale them first (see StandardScaler).")
    return (f"gradient descent diverged at iteration {iteration}: the cost or the parameters "
            f"are no longer finite numbers, with learning_rate={learning_rate!r}. Try a "
            f"smaller learning_rate or scale the features (see StandardScaler).")


def _check_y(y: object, m: int) -> Vector:
    """y checked to be one finite target per row of X (m of them)."""
    return [_check_number(y_i, f"y[{i}]") for i, y_i in enumerate(_column(y, m))]


_ROWS = "a list of rows or a 2-D array"
_ONE_D = "y must be 1-D, one target per sample (a list, a 1-D array or a pandas Series)"


def _check_X(X: object) -> Matrix:
    """X as a rectangular list of rows of finite floats, or ValueError saying what is wrong."""
    must_be = f"X must be 2-D, {_ROWS} (one row of feature values per sample)"
    rows, shape = _entries(X, "X", must_be, "sequence of rows", _ROWS)
    if shape is not None and len(shape) != 2:
        raise ValueError(f"{must_be}; got a {len(shape)}-D array." if len(shape) != 1 else
                         f"X must be 2-D, {_ROWS}, but it is 1-D. For a single feature, put "
                         f"each value in its own row: X.reshape(-1, 1) or [[x] for x in X].")
    if not rows:
        raise ValueError("X is empty: it needs at least one row (sample).")
    matrix: Matrix = []
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
    X = [[x1 / 4, x2 / 3] for x1 in range(4) for x2 in range(3)]
    y = [3 * x1 - 2 * x2 + 1 for x1, x2 in X]
    model = LinearRegression(learning_rate=0.1, n_iters=2000, verbose=500).fit(X, y)
    print("weights:", [round(w_j, 4) for w_j in model.weights])
    print("bias:   ", round(model.bias, 4))
    print("R^2:    ", round(model.score(X, y), 6))
