"""Softmax (multinomial logistic) regression trained by gradient descent, in NumPy matrix form.

The twin of ``pure/softmax_regression.py``: the same model, cost, gradient and update,
with each loop over samples i, classes k and features j replaced by matrix algebra.
X is (m, n); y is (m,) with any integer or string labels, at least two distinct
values; ``classes`` holds them sorted, and in the formulas y_i is the position k
of sample i's label in ``classes``. W is (K, n), one row per class; b is (K,).
Y is the (m, K) one-hot matrix of y: Y_ik = [y_i = k], 1 if sample i is of class k.

Model
    Z = X W^T + b                                       (m, K), b added to every row
    P = softmax(Z) row-wise: P_ik = e^(Z_ik) / sum_l e^(Z_il)   (the probabilities)

Cost (mean cross-entropy, plus an optional L2 penalty lambda on the weights)
    J(W, b) = -1/m sum(Y * log P)  +  lambda/(2m) sum(W * W)
            = -1/m sum_i log P[i, y_i]  +  lambda/(2m) ||W||_F^2

Gradient (logistic regression's form, with the matrix P - Y in place of y_hat - y)
    dJ/dW = 1/m (P - Y)^T X  +  (lambda/m) W             (K, n)
    dJ/db = 1/m (P - Y)^T 1   (the column sums)          (K,)
Y is never built: P - Y is P with 1 subtracted at each (i, y_i).

Update (simultaneous: every gradient comes from the same forward pass)
    W <- W - learning_rate * dJ/dW
    b <- b - learning_rate * dJ/db

The weights and the biases start at zero, so every P_ik is 1/K and the first cost
is log K. The biases are never penalized.

Numerically stable rewrites (the textbook forms fail for large |z|)
    softmax: np.exp(Z) overflows for Z_ik > 709 (NumPy warns and returns inf, and
        inf/inf is NaN), and if a whole row underflows to 0, P is 0/0. Softmax does
        not change when one number is subtracted from a whole row of Z, so subtract
        the row maxima M = max(Z, axis=1), an (m, 1) column:
        P = E / sum(E, axis=1)  with  E = e^(Z - M).
        Every exponent is <= 0, so exp never overflows, and each row of E holds a
        1, so each row sum is at least 1 and never 0.
    cost: np.log(P) is log(0) = -inf once a probability underflows to 0.
        Take the log of the rewritten softmax instead (the log-softmax):
        log P = Z - M - log sum(E, axis=1),
        so the cost terms are  M_i - Z[i, y_i] + log sum_l E_il,
        finite for every finite Z: the log of a sum that is at least 1, never the
        log of a probability. The same E serves both rewrites.

With two classes this is logistic regression: P_i1 = sigmoid(Z_i1 - Z_i0). From zero,
the two rows of weights stay opposite (w_0 = -w_1), and training follows
LogisticRegression with twice the learning rate and half the l2: its weights are
w_1 - w_0, its bias b_1 - b_0, its probabilities are P[:, 1] and its costs are the same.

With ``batch_size`` set, each epoch shuffles the samples and makes one update per
batch of B samples: the sums run over the batch and 1/m becomes 1/B, but the
penalty keeps the full m, so each batch gradient is an unbiased estimate of the
full one and the objective does not depend on B.

Labels: integers, or strings, but not both in one y (they cannot be sorted together).
True and False count as 1 and 0, and a float that is a whole number, such as 2.0,
counts as the integer 2 (so labels read from a file of numbers work); 2.5, NaN and
None are errors. ``classes`` is a NumPy array (int64 or str), and ``predict`` returns
an array of those labels.

>>> model = SoftmaxRegression(learning_rate=0.5, n_iters=1000)
>>> X = [[-2.0], [-1.5], [-0.25], [0.25], [1.5], [2.0]]
>>> model = model.fit(X, ["low", "low", "mid", "mid", "high", "high"])
>>> model.classes.tolist()
['high', 'low', 'mid']
>>> model.predict([[-1.75], [0.0], [1.75]]).tolist()
['low', 'mid', 'high']
"""

import math
import numbers
import random
import warnings
from typing import Optional, Union

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...
Label = Union[int, str]


def softmax(Z: np.ndarray) -> np.ndarray:
    """P_ik = e^(Z_ik) / sum_l e^(Z_il) row by row, computed without overflow for every finite Z."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))  # each exponent <= 0: no overflow, and one 1 per row
    return E / E.sum(axis=1, keepdims=True)


assert softmax(np.array([[0.0, 0.0]])).tolist() == [[0.5, 0.5]]
assert softmax(np.array([[1000.0, 0.0], [-1000.0, -1000.0]])).tolist() == [[1.0, 0.0], [0.5, 0.5]]


class SoftmaxRegression:
    """Multinomial logistic regression by (mini-batch) gradient descent.

    Parameters
    ----------
    learning_rate : float, default 0.1
        Step size alpha of each update; a positive finite number.
    n_iters : int, default 1000
        Number of epochs: full passes over the training data. With the default
        ``batch_size=None`` an epoch is exactly one update.
    l2 : float, default 0.0
        L2 penalty lambda: the cost gains lambda/(2m) sum(W * W) (the biases are
        not penalized).
    tol : float or None, default None
        Stop after the update at which |J_t - J_(t-1)| < tol. With mini-batches the
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

    Attributes (set by ``fit``)
    ---------------------------
    classes : ndarray of shape (K,), int64 or str
        The K distinct labels of the training y, sorted; row k of ``weights`` and
        column k of ``predict_proba`` belong to ``classes[k]``.
    weights : ndarray of shape (K, n), float64
        W: one row per class, one column per feature.
    bias : ndarray of shape (K,), float64
        b: one intercept per class.
    cost_history : list of float
        Entry t is the cost J at the parameters used for the t-th update (with
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

    def fit(self, X: ArrayLike, y: ArrayLike) -> "SoftmaxRegression":
        """Learn ``classes``, ``weights`` and ``bias`` from X, shape (m, n), and labels y, shape (m,) or (m, 1)."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose = _check_hyperparameters(self)
        X = _check_X(X)
        labels = _check_y(y, X.shape[0])
        # classes sorted, and y_i: the position k of sample i's class (classes[y] == labels)
        classes, y = np.unique(labels, return_inverse=True)
        y = y.reshape(-1)
        if len(classes) < 2:
            raise ValueError(f"y has a single class, {classes[0].item()!r}: softmax regression needs "
                             f"at least two distinct labels to tell apart.")
        m, n = X.shape
        K = len(classes)
        if batch_size is not None and batch_size >= m:
            batch_size = None  # one batch holding every sample is full-batch descent

        # Work on local names; the model's attributes change only after success,
        # so a fit that raises leaves the model exactly as it was.
        W = np.zeros((K, n))
        b = np.zeros(K)
        cost_history = []
        rng = random.Random(seed)
        order = list(range(m))
        previous_epoch_cost = None

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
                    rows = np.arange(m_b)  # with y_b, picks the entry (i, y_i) of each row
                    # Step 1: forward pass  z_ik = sum_j w_kj x_ij + b_k,  p_ik = e^(z_ik - M_i) / sum_l e^(z_il - M_i),  M_i = max_l z_il
                    Z = X_b @ W.T + b  # (m_b, K)
                    M = Z.max(axis=1, keepdims=True)  # (m_b, 1)
                    E = np.exp(Z - M)  # exponents <= 0: no overflow; shared by softmax and cost
                    sum_E = E.sum(axis=1, keepdims=True)
                    P = E / sum_E
                    # Step 2: cost  J = 1/m sum_i [M_i - z_(i,y_i) + log sum_l e^(z_il - M_i)] + lambda/(2m) sum_k sum_j w_kj^2
                    # (M_i - z_(i,y_i) + log sum_l e^(z_il - M_i) equals -log p_(i,y_i): the log-softmax, without log(0))
                    sum_loss = np.sum((M[:, 0] - Z[rows, y_b]) + np.log(sum_E[:, 0]))
                    # Step 3: gradients  dJ/dw_kj = 1/m sum_i (p_ik - [y_i = k]) x_ij + (lambda/m) w_kj,  dJ/db_k = 1/m sum_i (p_ik - [y_i = k])
                    error = P  # becomes P - Y in place: Y is 1 only at each (i, y_i)
                    error[rows, y_b] -= 1.0
                    grad_W = error.T @ X_b  # (P - Y)^T X: the sum over i for every k and j at once
                    grad_b = error.sum(axis=0)
                    # Finish the cost (step 2) and the gradients (step 3): divide the sums by m_b and
                    # add the penalty, which uses the full m, also for a batch (see the module docstring).
                    penalty = np.sum(W * W)
                    cost = float(sum_loss / m_b + l2 / (2 * m) * penalty)
                    _check_finite_cost(cost, len(cost_history) + 1, learning_rate)
                    cost_history.append(cost)
                    # The biases are never penalized: a penalty on b would pull every
                    # prediction towards probability 1/K, whatever the class balance.
                    grad_W = grad_W / m_b + l2 / m * W
                    grad_b = grad_b / m_b
                    # Step 4: update  w_kj <- w_kj - learning_rate * dJ/dw_kj,  b_k <- b_k - learning_rate * dJ/db_k
                    W = W - learning_rate * grad_W
                    b = b - learning_rate * grad_b
                    if verbose and len(cost_history) % verbose == 0:
                        print(f"iteration {len(cost_history)}: cost {cost:.6g}")
                    epoch_cost += cost
                # Step 5: stop early  when |J_t - J_(t-1)| < tol (with batches: epoch means of J)
                epoch_cost /= len(batches)
                if tol is not None and previous_epoch_cost is not None:
                    if abs(epoch_cost - previous_epoch_cost) < tol:
                        break
                previous_epoch_cost = epoch_cost

        if verbose and len(cost_history) % verbose != 0:
            print(f"iteration {len(cost_history)}: cost {cost_history[-1]:.6g}")
        self.classes = classes
        self.weights = W
        self.bias = b
        self.cost_history = cost_history
        return self

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """P = softmax(X W^T + b) row-wise: shape (m, K), one column per class of ``classes``."""
        return softmax(self._logits(self._check_fitted_X(X, "predict_proba")))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Labels: for each row, the class with the highest probability (the first, on a tie); shape (m,)."""
        P = self.predict_proba(X)  # first: it checks that the model is fitted
        return self.classes[np.argmax(P, axis=1)]

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J = 1/m sum(M - Z[i, y_i] + log sum(e^(Z - M), axis=1)) + lambda/(2m) sum(W * W) now."""
        X = self._check_fitted_X(X, "cost")
        y = self._positions(_check_y(y, X.shape[0]))
        _, _, l2, *_ = _check_hyperparameters(self)
        m = X.shape[0]
        Z = self._logits(X)
        M = Z.max(axis=1, keepdims=True)
        sum_E = np.exp(Z - M).sum(axis=1, keepdims=True)
        sum_loss = np.sum((M[:, 0] - Z[np.arange(m), y]) + np.log(sum_E[:, 0]))
        W = self.weights
        return float(sum_loss / m + l2 / (2 * m) * np.sum(W * W))

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        labels = _check_y(y, X.shape[0])
        self._positions(labels)  # a label not seen in fit is an error, not just a miss
        return float(np.mean(self.predict(X) == labels))

    def __repr__(self) -> str:
        return (f"SoftmaxRegression(learning_rate={self.learning_rate!r}, n_iters={self.n_iters!r}, "
                f"l2={self.l2!r}, tol={self.tol!r}, batch_size={self.batch_size!r}, "
                f"seed={self.seed!r}, verbose={self.verbose!r})")

    def _logits(self, X: np.ndarray) -> np.ndarray:
        return X @ self.weights.T + self.bias

    def _positions(self, labels: np.ndarray) -> np.ndarray:
        """The position in ``classes`` of each label; a label not seen in fit is a ValueError."""
        classes = self.classes
        if (labels.dtype.kind == "U") == (classes.dtype.kind == "U"):
            # classes is sorted: searchsorted finds where each label would go, and it is
            # a class exactly when the class found there is the label itself.
            positions = np.minimum(np.searchsorted(classes, labels), len(classes) - 1)
            unseen = np.flatnonzero(classes[positions] != labels)
        else:  # strings against integers: no label can match
            positions, unseen = None, [0]
        if len(unseen):
            i = unseen[0]
            raise ValueError(f"y[{i}] is {labels[i].item()!r}, a label not seen in fit: this SoftmaxRegression "
                             f"knows only the classes {classes.tolist()!r}.")
        return positions

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "weights"):
            raise ValueError(f"This SoftmaxRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if X.shape[1] != self.weights.shape[1]:
            raise ValueError(f"X has {X.shape[1]} features per row, but this SoftmaxRegression "
                             f"was fitted with {self.weights.shape[1]} features.")
        return X


# Input checks. They run once at the public boundary, so the algebra above can trust
# its data: a 2-D float64 array X (never copied when it already is one) and a 1-D
# array of labels, int64 or str.

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
    """Return y as a 1-D array of m class labels, int64 or str, or raise ValueError.

    An (m, 1) column is flattened on purpose. True/False become 1/0 and whole floats
    such as 2.0 the integer 2, as in the pure twin.
    """
    if isinstance(y, (str, bytes)) or not hasattr(y, "__iter__"):
        raise ValueError(f"y must be 1-D, a list with one label per sample; got {type(y).__name__}.")
    array = y
    if not isinstance(y, np.ndarray) or y.dtype.kind == "O":
        values = y.tolist() if isinstance(y, np.ndarray) else y
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # NumPy < 1.24 warns on ragged lists; explained below
                array = np.asarray(values)
        except (ValueError, TypeError):  # NumPy >= 1.24 refuses ragged lists
            _explain_bad_labels(values)
        # np.asarray quietly turns [1, "a"] into the strings ["1", "a"]: compare with the originals.
        if array.dtype.kind == "U" and not np.all(np.asarray(values, dtype=object) == array):
            _explain_bad_labels(values)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"y must be 1-D (one label per sample) or an (m, 1) column; got shape {array.shape}.")
    if array.shape[0] != m:
        raise ValueError(f"X and y have different lengths: X has {m} rows but y has {array.shape[0]} values.")
    kind = array.dtype.kind
    if kind == "U":
        return array
    if kind == "u" and len(array) and array.max() > np.uint64(np.iinfo(np.int64).max):  # uint64 to uint64: exact
        i = int(np.argmax(array))
        raise ValueError(f"y[{i}] is {array[i].item()!r}, too large a label for an int64; "
                         f"relabel the classes with smaller integers or strings.")
    if kind in "biu":  # bool, signed and unsigned integers: True counts as 1
        return array.astype(np.int64)
    if kind == "f":
        _check_all_finite(array, "y")
        bad = np.flatnonzero((array != np.floor(array)) | (np.abs(array) > 2.0 ** 53))
        if len(bad):
            i = bad[0]
            raise ValueError(f"y[{i}] is {array[i].item()!r}, not a class label: a label must be an integer "
                             f"or a string (a float only if it is a whole number, such as 2.0).")
        return array.astype(np.int64)
    _explain_bad_labels(y.tolist() if isinstance(y, np.ndarray) else y)  # the originals: asarray may have changed them


def _explain_bad_labels(values: object) -> None:
    """Find the first entry that is not a label (or the first of another type) and say so."""
    values = list(values)
    first = None
    for i, value in enumerate(values):
        label = _check_label(value, f"y[{i}]")
        if first is not None and type(label) is not type(first):
            raise ValueError(f"y mixes integer and string labels, which cannot be sorted together: "
                             f"y[0] is {values[0]!r} but y[{i}] is {value!r}. "
                             f"Use one type for every label.")
        if first is None:
            first = label
    raise ValueError("y must be a 1-D array of integer or string labels.")


def _check_label(value: object, where: str) -> Label:
    """One class label as an int or a str: True/False count as 1/0, 2.0 as 2."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, numbers.Integral):  # bool is an Integral too: True is 1
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{where} is {number}; NaN and infinite values are not allowed: drop or fill them first.")
        if not (number.is_integer() and abs(number) <= 2.0 ** 53):
            raise ValueError(f"{where} is {value!r}, not a class label: a label must be an integer "
                             f"or a string (a float only if it is a whole number, such as 2.0).")
        return int(number)
    if value is not None and not isinstance(value, bytes) and hasattr(value, "__iter__"):
        raise ValueError(f"y must be 1-D, one label per sample, but {where} is {value!r}.")
    raise ValueError(f"{where} is {value!r}, not a class label; every label must be an integer or a string.")


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
                raise ValueError(f"{where} is {value!r}, not a number; every entry of X must be a number.")
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


def _check_hyperparameters(model: SoftmaxRegression) -> tuple:
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


def _check_finite_cost(cost: float, iteration: int, learning_rate: float) -> None:
    if not math.isfinite(cost):
        raise FloatingPointError(
            f"gradient descent diverged: the cost is {cost} at iteration {iteration} "
            f"with learning_rate={learning_rate!r}. Try a smaller learning_rate or "
            f"scale the features (see StandardScaler).")


if __name__ == "__main__":
    # Demo: two features, three clouds of five points labelled by name; a few points
    # lie in another cloud, so no line separates the classes and training converges.
    X = np.array([[-2.0, 0.5], [-1.5, -0.5], [-1.0, 0.0], [-1.5, 1.0], [1.0, 0.5],
                  [0.0, 1.5], [0.5, 2.0], [-0.5, 1.0], [0.0, 2.5], [-1.0, 0.5],
                  [1.5, -1.0], [2.0, 0.0], [1.0, -0.5], [1.5, 1.0], [0.0, 1.0]])
    y = np.array(["west"] * 5 + ["north"] * 5 + ["east"] * 5)
    model = SoftmaxRegression(learning_rate=0.5, n_iters=2000, verbose=500).fit(X, y)
    print("classes: ", model.classes.tolist())
    print("weights: ", [[round(w_kj, 4) for w_kj in w_k] for w_k in model.weights.tolist()])
    print("bias:    ", [round(b_k, 4) for b_k in model.bias.tolist()])
    print("P(class):", [round(p, 3) for p in model.predict_proba([[0.0, 0.5]])[0].tolist()])
    print("accuracy:", model.score(X, y))
