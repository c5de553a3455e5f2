"""Logistic regression trained by gradient descent, in NumPy matrix form.

The twin of ``pure/logistic_regression.py``: the same model, cost, gradient and update,
with each loop over samples i and features j replaced by one matrix product.
X is (m, n), y is (m,) with labels 0 or 1, w is (n,), b is a float.

Model
    z     = X w + b                                         (m,)
    y_hat = sigmoid(z) = 1 / (1 + e^(-z))   element-wise    (the probabilities that y = 1)

Cost (mean log-loss, plus an optional L2 penalty lambda on the weights)
    J(w, b) = -1/m [y^T log(y_hat) + (1 - y)^T log(1 - y_hat)]  +  lambda/(2m) w^T w

Gradient (the same form as linear regression's, because sigmoid' = sigmoid (1 - sigmoid))
    dJ/dw = 1/m X^T (y_hat - y)  +  (lambda/m) w           (n,)
    dJ/db = 1/m sum(y_hat - y)

Update (simultaneous: both gradients come from the same forward pass)
    w <- w - learning_rate * dJ/dw
    b <- b - learning_rate * dJ/db

The weights and the bias start at zero, so the first cost is log 2. The bias is never
penalized.

Numerically stable rewrites (the textbook forms fail for large |z|)
    sigmoid: np.exp(-z) overflows for z < -709: NumPy warns and returns inf (the sigmoid
        1 / (1 + inf) = 0 is then right only by luck, and the tests treat warnings as errors).
        With e = e^(-|z|), which lies in (0, 1] and never overflows,
        sigmoid(z) = 1 / (1 + e)  where z >= 0,  and  e / (1 + e)  where z < 0.
    cost: np.log(y_hat) is log(0) = -inf once the sigmoid saturates to exactly 0 or 1.
        Written from z instead, each term is softplus(z_i) - y_i z_i, where
        softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^(-|z|)),
        which is finite for every finite z. The same e serves both rewrites.

With ``batch_size`` set, each epoch shuffles the samples and makes one update per
batch of B samples: the sums run over the batch and 1/m becomes 1/B, but the
penalty keeps the full m, so each batch gradient is an unbiased estimate of the
full one and the objective does not depend on B.

>>> model = LogisticRegression(learning_rate=0.5, n_iters=500)
>>> model = model.fit([[0.0], [1.0], [3.0], [4.0]], [0, 0, 1, 1])
>>> model.predict([[0.5], [3.5]]).tolist()
[0, 1]
"""

import math
import numbers
import random
import warnings
from typing import Optional, Tuple

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...


def sigmoid(z: np.ndarray) -> np.ndarray:
    """sigmoid(z) = 1 / (1 + e^(-z)) element-wise, computed without overflow for every finite z."""
    e = np.exp(-np.abs(z))  # in (0, 1]: exp of a non-positive number cannot overflow
    return np.maximum(e, z >= 0) / (1.0 + e)  # numerator: 1 where z >= 0, else e (as e <= 1)


assert sigmoid(np.array(0.0)) == 0.5
assert sigmoid(np.array(-1000.0)) == 0.0 and sigmoid(np.array(1000.0)) == 1.0  # no overflow warning


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
        L2 penalty lambda: the cost gains lambda/(2m) w^T w. It has the same
        minimizer as scikit-learn's ``LogisticRegression(C=1/lambda)``: that objective
        is ours multiplied by m/lambda, and both leave the intercept unpenalized.
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

    def fit(self, X: ArrayLike, y: ArrayLike) -> "LogisticRegression":
        """Learn ``weights`` and ``bias`` from X, shape (m, n), and 0/1 labels y, shape (m,) or (m, 1)."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose = _check_hyperparameters(self)
        solver = _check_solver(self.solver, batch_size)
        X = _check_X(X)
        y = _check_labels(_check_y(y, X.shape[0]))
        m, n = X.shape
        if batch_size is not None and batch_size >= m:
            batch_size = None  # one batch holding every sample is full-batch descent
        if solver == "newton":
            w, b, cost_history = _newton_method(X, y, l2, n_iters, tol, verbose)
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
        # Work vectors for the per-sample quantities, allocated once and overwritten in
        # place (out=, +=, /=) by every update: a new length-m array for each step would
        # be fresh memory every update, whose page faults cost more than the arithmetic.
        work = np.empty((5, m))

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
                    z, e, y_hat, loss, tmp = work[:, :m_b]  # views of length m_b, no copies
                    # Step 1: forward pass  z_i = sum_j w_j x_ij + b,  y_hat_i = sigmoid(z_i)
                    np.matmul(X_b, w, out=z)
                    z += b
                    # e = e^(-|z|), in (0, 1], built in place; the sigmoid and the cost both use it.
                    np.abs(z, out=e)
                    np.negative(e, out=e)
                    np.exp(e, out=e)
                    # The stable sigmoid's numerator: 1 where z >= 0, else e; since e <= 1 that is
                    # max(e, z >= 0), which is also faster than np.where on mixed signs.
                    np.maximum(e, z >= 0, out=y_hat)
                    y_hat /= np.add(1.0, e, out=tmp)
                    # Step 2: cost  J = 1/m sum_i [softplus(z_i) - y_i z_i] + lambda/(2m) sum_j w_j^2
                    # (softplus(z) - y z equals -[y log y_hat + (1 - y) log(1 - y_hat)], without log(0))
                    np.maximum(z, 0.0, out=loss)
                    loss -= np.multiply(y_b, z, out=tmp)
                    loss += np.log1p(e, out=tmp)
                    sum_loss = loss.sum()
                    # Step 3: gradients  dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij + (lambda/m) w_j,  dJ/db = 1/m sum_i (y_hat_i - y_i)
                    error = np.subtract(y_hat, y_b, out=y_hat)  # y_hat is not needed again
                    grad_w = X_b.T @ error  # X^T r: the sum over i for every j at once
                    grad_b = error.sum()
                    # Finish the cost (step 2) and the gradients (step 3): divide the sums by m_b and
                    # add the penalty, which uses the full m, also for a batch (see the module docstring).
                    penalty = w @ w
                    cost = float(sum_loss / m_b + l2 / (2 * m) * penalty)
                    _check_finite_cost(cost, len(cost_history) + 1, learning_rate)
                    cost_history.append(cost)
                    # The bias is never penalized: a penalty on b would pull every
                    # prediction towards probability 1/2, whatever the class balance.
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

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """P(y = 1 | x) = sigmoid(X w + b), shape (m,)."""
        return sigmoid(self._logits(self._check_fitted_X(X, "predict_proba")))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Labels: 1 where the probability is above 0.5, else 0; shape (m,)."""
        return (self.predict_proba(X) > 0.5).astype(np.int64)

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J(w, b) = 1/m sum(softplus(z) - y z) + lambda/(2m) w^T w at the current parameters."""
        X = self._check_fitted_X(X, "cost")
        y = _check_labels(_check_y(y, X.shape[0]))
        _, _, l2, *_ = _check_hyperparameters(self)
        m = X.shape[0]
        z = self._logits(X)
        sum_loss = np.sum(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z))))
        w = self.weights
        return float(sum_loss / m + l2 / (2 * m) * (w @ w))

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        y = _check_labels(_check_y(y, X.shape[0]))
        return float(np.mean(self.predict(X) == y))

    def __repr__(self) -> str:
        return (f"LogisticRegression(learning_rate={self.learning_rate!r}, n_iters={self.n_iters!r}, "
                f"l2={self.l2!r}, tol={self.tol!r}, batch_size={self.batch_size!r}, "
                f"seed={self.seed!r}, verbose={self.verbose!r}, solver={self.solver!r})")

    def _logits(self, X: np.ndarray) -> np.ndarray:
        return X @ self.weights + self.bias

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "weights"):
            raise ValueError(f"This LogisticRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if X.shape[1] != len(self.weights):
            raise ValueError(f"X has {X.shape[1]} features per row, but this LogisticRegression "
                             f"was fitted with {len(self.weights)} features.")
        return X


_ONE_CLASS = ("y holds one class only (all 0 or all 1): the cost falls for ever as the bias, "
              "which is never penalized, goes to infinity, so Newton's method has no optimum to "
              "find, whatever l2. Use solver='gd' with a fixed n_iters, or data with both classes.")


def _newton_method(X: np.ndarray, y: np.ndarray, l2: float, n_iters: int, tol: Optional[float],
                   verbose: int) -> Tuple[np.ndarray, float, list]:
    """Newton's method (iteratively reweighted least squares) on the same cost J.

    theta = (w, b), and X1 = [X, 1] is X with a column of ones for the bias. Each step
    solves for the minimum of the quadratic model of J around theta:
        g = 1/m X1^T (p - y)  +  (lambda/m) [w, 0]
        H = 1/m X1^T (s * X1)  +  (lambda/m) I',   s = p (1 - p),  I' = I with 0 for the bias
        theta <- theta - H^-1 g
    s * X1 scales row i by s_i (the diagonal matrix S = diag(s) is never built: it
    would be m by m), and X1 itself is never built either (it would copy X): its
    blocks are X, and a column of ones whose products are column sums.
    s = e / (1 + e)^2 with the same e = e^(-|z|) as the sigmoid, so it never overflows.
    It works on centred features xc_ij = x_ij - mean(x_j), with the intercept
    c = b + sum_j w_j mean(x_j) in place of b: z_i = sum_j w_j xc_ij + c is unchanged, and
    so is every cost, but a feature far from zero (a year, say) is then not almost
    parallel to the column of ones, and H stays well conditioned. b is recovered at the end.
    Centring copies X once, and s * X takes one more X-sized array: Newton trades
    memory for steps.
    """
    m, n = X.shape
    if y.min() == y.max():
        raise ValueError(_ONE_CLASS)
    x_mean = X.mean(axis=0)
    constant = X.max(axis=0) == X.min(axis=0)
    x_mean[constant] = X[0, constant]  # a constant column centres to exact zeros, not rounding noise
    Xc = X - x_mean
    w = np.zeros(n)
    c = 0.0  # the intercept of the centred features
    cost_history = []
    diagonal = np.arange(n)
    # s * X, the one m-by-n array Newton needs besides X: made once and overwritten in
    # place each step (fresh memory every step would cost page faults, as in fit).
    sX = np.empty_like(Xc)
    with np.errstate(over="ignore", invalid="ignore"):
        for iteration in range(1, n_iters + 1):
            z = Xc @ w + c
            e = np.exp(-np.abs(z))
            p = np.maximum(e, z >= 0) / (1.0 + e)  # the stable sigmoid, as in fit
            sum_loss = np.sum(np.maximum(z, 0.0) - y * z + np.log1p(e))
            separated = bool(np.all(np.where(y == 1.0, z > 0, z < 0)))  # every sample on its own side of z = 0
            error = p - y
            s = e / ((1.0 + e) * (1.0 + e))  # p (1 - p)
            np.multiply(Xc, s[:, None], out=sX)  # row i of Xc times s_i
            H = np.empty((n + 1, n + 1))
            H[:n, :n] = Xc.T @ sX
            H[:n, n] = H[n, :n] = Xc.T @ s  # Xc^T (s * 1): the bias column's products
            H[n, n] = s.sum()
            H /= m
            H[diagonal, diagonal] += l2 / m  # the bias, entry n, is never penalized
            g = np.append(Xc.T @ error / m + l2 / m * w, error.sum() / m)
            cost = float(sum_loss / m + l2 / (2 * m) * (w @ w))
            if not np.isfinite(cost):
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
            step = _solve_symmetric(H, g)
            if step is None:
                raise ValueError(
                    f"the Hessian is singular at Newton step {iteration}: a feature column is constant, "
                    f"duplicates another or is a combination of others, or the classes are almost "
                    f"separable, so that the probabilities saturate to 0 and 1. Use l2 > 0, or solver='gd'.")
            w = w - step[:n]
            c = float(c - step[n])
            if verbose and iteration % verbose == 0:
                print(f"iteration {iteration}: cost {cost:.6g}")
            if tol is not None and iteration > 1 and abs(cost - cost_history[-2]) < tol:
                break
            largest = max(abs(c), float(np.max(np.abs(w))))
            if np.max(np.abs(step)) <= 1e-12 * (1.0 + largest):
                break  # the step no longer changes theta: further steps cannot lower J
    if verbose and len(cost_history) % verbose != 0:
        print(f"iteration {len(cost_history)}: cost {cost_history[-1]:.6g}")
    return w, float(c - x_mean @ w), cost_history


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


def _check_labels(y: np.ndarray) -> np.ndarray:
    bad = np.flatnonzero((y != 0.0) & (y != 1.0))
    if len(bad):
        i = bad[0]
        raise ValueError(f"y[{i}] is {float(y[i])!r}, but logistic regression needs labels 0 or 1 "
                         f"(True/False count). Recode the two classes as 0 and 1.")
    return y


if __name__ == "__main__":
    # Demo: one feature, small values are class 0 and large values class 1, with overlap.
    X = np.array([[0.5], [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0]])
    y = np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 1])
    model = LogisticRegression(learning_rate=0.5, n_iters=2000, verbose=500).fit(X, y)
    print("weights: ", [round(w_j, 4) for w_j in model.weights.tolist()])
    print("bias:    ", round(model.bias, 4))
    print("P(y=1):  ", [round(p, 3) for p in model.predict_proba([[1.0], [2.75], [4.5]]).tolist()])
    print("accuracy:", model.score(X, y))
