"""Logistic regression trained by gradient descent, in plain Python.

Every sum below is an explicit loop over samples i = 1..m and features j = 1..n,
so each line of ``fit`` reads like the formula it computes. Labels y_i are 0 or 1.

Model
    z_i     = sum_j w_j x_ij + b
    y_hat_i = sigmoid(z_i) = 1 / (1 + e^(-z_i))          (the probability that y_i = 1)

Cost (mean log-loss, plus an optional L2 penalty lambda on the weights)
    J(w, b) = -1/m sum_i [y_i log(y_hat_i) + (1 - y_i) log(1 - y_hat_i)]  +  lambda/(2m) sum_j w_j^2

Gradient (the same form as linear regression's, because sigmoid' = sigmoid (1 - sigmoid))
    dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij  +  (lambda/m) w_j
    dJ/db   = 1/m sum_i (y_hat_i - y_i)

Update (simultaneous: both gradients come from the same forward pass)
    w_j <- w_j - learning_rate * dJ/dw_j
    b   <- b   - learning_rate * dJ/db

The weights and the bias start at zero, so the first cost is log 2. The bias is never
penalized.

Numerically stable rewrites (the textbook forms fail for large |z|)
    sigmoid: 1 / (1 + e^(-z)) overflows for z < -709 (math.exp raises OverflowError).
        With e = e^(-|z|), which lies in (0, 1] and never overflows,
        sigmoid(z) = 1 / (1 + e)  for z >= 0,  and  e / (1 + e)  for z < 0.
    cost: log(y_hat) is log(0) = -inf once the sigmoid saturates to exactly 0 or 1.
        Written from z instead, each term is softplus(z_i) - y_i z_i, where
        softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^(-|z|)),
        which is finite for every finite z. The same e serves both rewrites.

With ``batch_size`` set, each epoch shuffles the samples and makes one update per
batch of B samples: the sums run over the batch and 1/m becomes 1/B, but the
penalty keeps the full m, so each batch gradient is an unbiased estimate of the
full one and the objective does not depend on B.

>>> model = LogisticRegression(learning_rate=0.5, n_iters=500)
>>> model = model.fit([[0.0], [1.0], [3.0], [4.0]], [0, 0, 1, 1])
>>> model.predict([[0.5], [3.5]])
[0, 1]
"""

import math
import numbers
import random
from typing import List, Optional, Sequence, Tuple

Vector = List[float]
Matrix = List[Vector]


def sigmoid(z: float) -> float:
    """sigmoid(z) = 1 / (1 + e^(-z)), computed without overflow for every finite z."""
    e = math.exp(-abs(z))  # in (0, 1]: exp of a non-positive number cannot overflow
    return (1.0 if z >= 0 else e) / (1.0 + e)


assert sigmoid(0.0) == 0.5
assert sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0  # no OverflowError


class LogisticRegression:
    """Binary logistic regression by (mini-batch) gradient descent.

    Parameters
    ----------
    learning_rate : float, default 0.1
        Step size alpha of each update; a positive finite number.
    n_iters : int, default 1000
        Number of epochs: full passes over the training data. With the default
        ``batch_size=None`` an epoch is exactly one update.
    l2 : float, default 0.0
        L2 penalty lambda: the cost gains lambda/(2m) sum_j w_j^2. It has the same
        minimizer as scikit-learn's ``LogisticRegression(C=1/lambda)``: that objective
        is ours multiplied by m/lambda, and both leave the intercept unpenalized.
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
    solver : {"gd", "newton"}, default "gd"
        "gd": gradient descent as above. "newton": Newton's method (IRLS) on the same
        cost, theta <- theta - H^-1 g with the Hessian
        H = 1/m X1^T S X1 + lambda/m I', S = diag(p_i (1 - p_i)), X1 = X with a column
        of ones, I' the identity with 0 for the bias. It needs no learning rate
        (learning_rate and seed are not used, but still checked) and converges in a handful of steps; ``cost_history`` has one entry per step;
        n_iters caps the steps, tol stops them as for gradient descent, and they also
        stop by themselves once a step no longer changes the parameters
        (max |step| <= 1e-12 (1 + max |theta|)). Perfectly separable classes with
        l2=0 have no optimum at finite weights: that raises ValueError (use l2 > 0).

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
        learning_rate: float = 0.1,
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

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> "LogisticRegression":
        """Learn ``weights`` and ``bias`` from X (m rows, n columns) and 0/1 labels y."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose = _check_hyperparameters(self)
        solver = _check_solver(self.solver, batch_size)
        X = _check_X(X)
        y = _check_labels(_check_y(y, len(X)))
        m, n = len(X), len(X[0])
        if batch_size is not None and batch_size >= m:
            batch_size = None  # one batch holding every sample is full-batch descent
        if solver == "newton":
            w, b, cost_history = _newton_method(X, y, l2, n_iters, tol, verbose)
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
        exp, log1p = math.exp, math.log1p  # local names: looked up once, used m times per update

        for epoch in range(n_iters):
            if batch_size is None:
                batches = [order]
            else:
                rng.shuffle(order)
                batches = [order[start:start + batch_size] for start in range(0, m, batch_size)]
            epoch_cost = 0.0
            for batch in batches:
                m_b = len(batch)
                sum_loss = 0.0
                grad_w = [0.0] * n
                grad_b = 0.0
                for i in batch:
                    x_i = X[i]
                    # Step 1: forward pass  z_i = sum_j w_j x_ij + b,  y_hat_i = sigmoid(z_i)
                    z_i = b
                    for j in range(n):
                        z_i += w[j] * x_i[j]
                    e_i = exp(-abs(z_i))  # e^(-|z|) in (0, 1]: shared by the sigmoid and the cost
                    y_hat_i = (1.0 if z_i >= 0 else e_i) / (1.0 + e_i)
                    # Step 2: cost  J = 1/m sum_i [softplus(z_i) - y_i z_i] + lambda/(2m) sum_j w_j^2
                    # (softplus(z) - y z equals -[y log y_hat + (1 - y) log(1 - y_hat)], without log(0))
                    sum_loss += max(z_i, 0.0) - y[i] * z_i + log1p(e_i)
                    # Step 3: gradients  dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij + (lambda/m) w_j,  dJ/db = 1/m sum_i (y_hat_i - y_i)
                    error_i = y_hat_i - y[i]
                    grad_b += error_i
                    for j in range(n):
                        grad_w[j] += error_i * x_i[j]
                # Finish the cost (step 2) and the gradients (step 3): divide the sums by m_b and
                # add the penalty, which uses the full m, also for a batch (see the module docstring).
                penalty = 0.0
                for j in range(n):
                    penalty += w[j] * w[j]
                cost = sum_loss / m_b + l2 / (2 * m) * penalty
                _check_finite_cost(cost, len(cost_history) + 1, learning_rate)
                cost_history.append(cost)
                # The bias is never penalized: a penalty on b would pull every
                # prediction towards probability 1/2, whatever the class balance.
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

    def predict_proba(self, X: Sequence[Sequence[float]]) -> Vector:
        """P(y = 1 | x_i) = sigmoid(sum_j w_j x_ij + b), one probability per row of X."""
        return [sigmoid(z_i) for z_i in self._logits(self._check_fitted_X(X, "predict_proba"))]

    def predict(self, X: Sequence[Sequence[float]]) -> List[int]:
        """Labels: 1 where the probability is above 0.5, else 0."""
        return [1 if p_i > 0.5 else 0 for p_i in self.predict_proba(X)]

    def cost(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> float:
        """J(w, b) = 1/m sum_i [softplus(z_i) - y_i z_i] + lambda/(2m) sum_j w_j^2 at the current parameters."""
        X = self._check_fitted_X(X, "cost")
        y = _check_labels(_check_y(y, len(X)))
        _, _, l2, *_ = _check_hyperparameters(self)
        m = len(X)
        sum_loss = 0.0
        for z_i, y_i in zip(self._logits(X), y):
            sum_loss += max(z_i, 0.0) - y_i * z_i + math.log1p(math.exp(-abs(z_i)))
        penalty = 0.0
        for w_j in self.weights:
            penalty += w_j * w_j
        return sum_loss / m + l2 / (2 * m) * penalty

    def score(self, X: Sequence[Sequence[float]], y: Sequence[float]) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        y = _check_labels(_check_y(y, len(X)))
        correct = 0
        for label_i, y_i in zip(self.predict(X), y):
            correct += label_i == y_i
        return correct / len(y)

    def __repr__(self) -> str:
        return (f"LogisticRegression(learning_rate={self.learning_rate!r}, n_iters={self.n_iters!r}, "
                f"l2={self.l2!r}, tol={self.tol!r}, batch_size={self.batch_size!r}, "
                f"seed={self.seed!r}, verbose={self.verbose!r}, solver={self.solver!r})")

    def _logits(self, X: Matrix) -> Vector:
        w, b = self.weights, self.bias
        logits = []
        for x_i in X:
            z_i = b
            for w_j, x_ij in zip(w, x_i):
                z_i += w_j * x_ij
            logits.append(z_i)
        return logits

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LogisticRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if len(X[0]) != len(self.weights):
            raise ValueError(f"X has {len(X[0])} features per row, but this LogisticRegression "
                             f"was fitted with {len(self.weights)} features.")
        return X


_ONE_CLASS = ("y holds one class only (all 0 or all 1): the cost falls for ever as the bias, "
              "which is never penalized, goes to infinity, so Newton's method has no optimum to "
              "find, whatever l2. Use solver='gd' with a fixed n_iters, or data with both classes.")


def _newton_method(X: Matrix, y: Vector, l2: float, n_iters: int, tol: Optional[float],
                   verbose: int) -> Tuple[Vector, float, Vector]:
    """Newton's method (iteratively reweighted least squares) on the same cost J.

    theta = (w, b), and x1_i is x_i with a 1 appended for the bias. Each step solves
    for the minimum of the quadratic model of J around theta:
        g_j  = dJ/dtheta_j = 1/m sum_i (p_i - y_i) x1_ij  +  (lambda/m) w_j
        H_jk = 1/m sum_i p_i (1 - p_i) x1_ij x1_ik  +  (lambda/m) [j = k, j a weight]
        theta <- theta - H^-1 g
    p_i (1 - p_i) = e_i / (1 + e_i)^2 with the same e_i = e^(-|z_i|) as the sigmoid,
    so it never overflows. No learning rate: near the optimum each step roughly
    squares the error, so a handful of steps reach machine precision.
    It works on centred features xc_ij = x_ij - mean(x_j), with the intercept
    c = b + sum_j w_j mean(x_j) in place of b: z_i = sum_j w_j xc_ij + c is unchanged, and
    so is every cost, but a feature far from zero (a year, say) is then not almost
    parallel to the column of ones, and H stays well conditioned. b is recovered at the end.
    """
    m, n = len(X), len(X[0])
    if min(y) == max(y):
        raise ValueError(_ONE_CLASS)
    x_mean = [0.0] * n
    for x_i in X:
        for j in range(n):
            x_mean[j] += x_i[j] / m
    for j in range(n):
        if all(x_i[j] == X[0][j] for x_i in X):
            x_mean[j] = X[0][j]  # a constant column centres to exact zeros, not rounding noise
    Xc = [[x_i[j] - x_mean[j] for j in range(n)] for x_i in X]
    w = [0.0] * n
    c = 0.0  # the intercept of the centred features
    cost_history = []
    exp, log1p = math.exp, math.log1p  # local names: looked up once, used m times per step
    for iteration in range(1, n_iters + 1):
        sum_loss = 0.0
        g = [0.0] * (n + 1)
        H = [[0.0] * (n + 1) for _ in range(n + 1)]
        separated = True  # does every sample already lie on its own side of z = 0?
        for xc_i, y_i in zip(Xc, y):
            x1_i = xc_i + [1.0]
            z_i = c
            for j in range(n):
                z_i += w[j] * xc_i[j]
            e_i = exp(-abs(z_i))
            p_i = (1.0 if z_i >= 0 else e_i) / (1.0 + e_i)
            sum_loss += max(z_i, 0.0) - y_i * z_i + log1p(e_i)
            on_own_side = z_i > 0 if y_i == 1.0 else z_i < 0
            separated = separated and on_own_side
            error_i = p_i - y_i
            s_i = e_i / ((1.0 + e_i) * (1.0 + e_i))  # p_i (1 - p_i)
            for j in range(n + 1):
                g[j] += error_i * x1_i[j]
                for k in range(j + 1):  # H is symmetric: sum the lower triangle
                    H[j][k] += s_i * x1_i[j] * x1_i[k]
        penalty = 0.0
        for j in range(n):
            penalty += w[j] * w[j]
        cost = sum_loss / m + l2 / (2 * m) * penalty
        if not math.isfinite(cost):
            raise FloatingPointError(
                f"Newton's method diverged: the cost is {cost} at iteration {iteration}. "
                f"Try l2 > 0 or scale the features (see StandardScaler).")
        cost_history.append(cost)
        if l2 == 0.0 and separated:
            raise ValueError(
                f"the classes are perfectly separable: at Newton step "
                f"{iteration} the weights already put every sample on its own side, so with l2=0 the "
                f"cost has no minimum at finite weights and Newton's method would push them to "
                f"infinity. Use l2 > 0, or solver='gd' with a fixed n_iters.")
        for j in range(n + 1):
            g[j] /= m
            for k in range(j + 1):
                H[j][k] /= m
                H[k][j] = H[j][k]
        for j in range(n):  # the bias, entry n, is never penalized
            g[j] += l2 / m * w[j]
            H[j][j] += l2 / m
        step = _solve_symmetric(H, g)
        if step is None:
            raise ValueError(
                f"the Hessian is singular at Newton step {iteration}: a feature column is constant, "
                f"duplicates another or is a combination of others, or the classes are almost "
                f"separable, so that the probabilities saturate to 0 and 1. Use l2 > 0, or solver='gd'.")
        w = [w[j] - step[j] for j in range(n)]
        c = c - step[n]
        if verbose and iteration % verbose == 0:
            print(f"iteration {iteration}: cost {cost:.6g}")
        if tol is not None and iteration > 1 and abs(cost - cost_history[-2]) < tol:
            break
        largest = max([abs(c)] + [abs(w_j) for w_j in w])
        if max(abs(s) for s in step) <= 1e-12 * (1.0 + largest):
            break  # the step no longer changes theta: further steps cannot lower J
    if verbose and len(cost_history) % verbose != 0:
        print(f"iteration {len(cost_history)}: cost {cost_history[-1]:.6g}")
    b = c
    for j in range(n):
        b -= w[j] * x_mean[j]
    return w, b, cost_history


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


def _check_hyperparameters(model: LogisticRegression) -> tuple:
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
        raise TypeError(f"solver must be a string, \"gd\" or \"newton\", got {type(solver).__name__} {solver!r}.")
    if solver not in ("gd", "newton"):
        raise ValueError(f"solver must be \"gd\" (gradient descent) or \"newton\", got {solver!r}.")
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



def _check_labels(y: Vector) -> Vector:
    for i, y_i in enumerate(y):
        if y_i != 0.0 and y_i != 1.0:
            raise ValueError(f"y[{i}] is {y_i!r}, but logistic regression needs labels 0 or 1 "
                             f"(True/False count). Recode the two classes as 0 and 1.")
    return y


if __name__ == "__main__":
    # Demo: one feature, small values are class 0 and large values class 1, with overlap.
    X = [[0.5], [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0]]
    y = [0, 0, 0, 0, 1, 0, 1, 1, 1, 1]
    model = LogisticRegression(learning_rate=0.5, n_iters=2000, verbose=500).fit(X, y)
    print("weights: ", [round(w_j, 4) for w_j in model.weights])
    print("bias:    ", round(model.bias, 4))
    print("P(y=1):  ", [round(p, 3) for p in model.predict_proba([[1.0], [2.75], [4.5]])])
    print("accuracy:", model.score(X, y))
