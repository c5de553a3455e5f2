"""Softmax (multinomial logistic) regression trained by gradient descent, in NumPy matrix form.

The twin of ``pure/softmax_regression.py``: the same model, cost, gradient and update, with
each loop over samples, classes and features replaced by matrix algebra. X is (m, n); y is
(m,); ``classes`` holds its distinct labels sorted. W is (K, n), one row per class; b is
(K,). Y is the (m, K) one-hot matrix of y: row i is 1 in the column of sample i's class.

Model
    Z = X W^T + b                                       (m, K), b added to every row
    P = softmax(Z) = e^Z / (e^Z 1) row by row           (m, K), the probabilities

Cost (mean cross-entropy, plus an optional L2 penalty lambda on the weights)
    J(W, b) = -1/m sum(Y * log P)  +  lambda/(2m) sum(W * W)

Gradient (logistic regression's form, with the matrix P - Y in place of y_hat - y)
    dJ/dW = 1/m (P - Y)^T X  +  (lambda/m) W             (K, n)
    dJ/db = 1/m (P - Y)^T 1   (the column sums)          (K,)

Update (alpha = learning_rate; simultaneous: all gradients from the same forward pass)
    W <- W - alpha dJ/dW
    b <- b - alpha dJ/db

The parameters start at zero, so every P_ik is 1/K and the first cost is log K. The biases
are never penalized: that would pull every prediction towards 1/K, whatever the balance.

Numerically stable rewrites (the textbook forms fail for large |z|)
    softmax: np.exp(Z) overflows for Z > 709 (NumPy warns and returns inf, and inf/inf is
        NaN), and if a whole row underflows to 0, P is 0/0. Softmax does not change when
        one number is subtracted from a whole row of Z, so subtract the row maxima
        M = max(Z, axis=1), an (m, 1) column:
            P = E / sum(E, axis=1)  with  E = e^(Z - M).
        Every exponent is <= 0, so exp never overflows, and each row of E holds a 1, so
        each row sum is at least 1 and never 0.
    cost: np.log(P) is log(0) = -inf once a probability underflows to 0. Take the log of
        the rewritten softmax instead (the log-softmax),
            log_softmax(Z) = Z - M - log sum(E, axis=1),
        finite for every finite Z: the log of a sum >= 1, never of a probability.

With two classes this is logistic regression, P[:, 1] = sigmoid(Z[:, 1] - Z[:, 0]): from
zero the rows stay opposite (W[0] = -W[1]), and training follows LogisticRegression with
twice the learning rate and half the l2, with weights W[1] - W[0] and bias b[1] - b[0].

With ``batch_size`` B, each epoch shuffles the samples and makes one update per batch: the
sums run over the batch and 1/m becomes 1/B, but the penalty keeps the full m, so each batch
gradient is an unbiased estimate of the full one and the objective does not depend on B.

Labels: integers or strings, at least two distinct, not both kinds in one y (they cannot be
sorted together). True and False count as 1 and 0, a whole float such as 2.0 as the integer
2 (labels read from a file of numbers work); 2.5, NaN and None are errors. ``classes`` is a
NumPy array (int64 or str), and ``predict`` returns an array of those labels.

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
from collections.abc import Mapping
import warnings
from typing import Iterator, List, Optional, Tuple, Union

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...
Label = Union[int, str]


def softmax(Z: np.ndarray) -> np.ndarray:
    """P = E / sum(E, axis=1), E = e^(Z - M), M = max(Z, axis=1): softmax row by row."""
    with np.errstate(over="ignore"):  # Z - M below -1.8e308 is -inf, and e^-inf = 0: right
        E = np.exp(Z - Z.max(axis=1, keepdims=True))  # every exponent <= 0, and a 1 in each row
    return E / E.sum(axis=1, keepdims=True)


def log_softmax(Z: np.ndarray) -> np.ndarray:
    """Z - M - log sum(e^(Z - M), axis=1): log softmax(Z) row by row, finite for finite Z."""
    M = Z.max(axis=1, keepdims=True)
    with np.errstate(over="ignore"):  # Z - M below -1.8e308 is -inf: its log-probability
        return Z - M - np.log(np.exp(Z - M).sum(axis=1, keepdims=True))  # the log of sums >= 1


assert softmax(np.array([[0.0, 0.0]])).tolist() == [[0.5, 0.5]]
assert softmax(np.array([[1000.0, 0.0], [-1000.0, -1000.0]])).tolist() == [[1.0, 0.0],
                                                                              [0.5, 0.5]]
assert log_softmax(np.array([[1000.0, 0.0]])).tolist() == [[0.0, -1000.0]]


def minibatches(order: List[int], batch_size: Optional[int],
                rng: random.Random) -> Iterator[Union[slice, List[int]]]:
    """The batches of one epoch: every sample, or B-sized runs of a fresh shuffle."""
    if batch_size is None or batch_size >= len(order):  # one batch holding every sample
        yield slice(None)  # X[slice(None)] is X itself, a view: no copy
        return
    rng.shuffle(order)  # in place: each epoch reshuffles the previous epoch's order
    for start in range(0, len(order), batch_size):
        yield order[start:start + batch_size]


class SoftmaxRegression:
    """Multinomial logistic regression by (mini-batch) gradient descent.

    Parameters
    ----------
    learning_rate : float, default 0.1
        Step size alpha of each update; a positive finite number.
    n_iters : int, default 1000
        Number of epochs (passes over the data); with batch_size=None, of updates.
    l2 : float, default 0.0
        L2 penalty lambda: the cost gains lambda/(2m) sum(W * W) (the biases are
        not penalized).
    tol : float or None, default None
        Stop after the update at which |J_t - J_(t-1)| < tol (with mini-batches, whose
        costs are noisy: the mean batch costs of two epochs). n_iters stays the bound.
    batch_size : int or None, default None
        None: full batch. B: every epoch shuffles the samples with random.Random(seed)
        (the standard library's, as in the pure twin, so both twins see the same
        batches) and makes ceil(m/B) updates on consecutive batches; B=1 is plain SGD.
    seed : int, default 0
        Seed of the shuffle; the same seed gives the same result on every run.
    verbose : int, default 0
        If k > 0, print ``iteration t: cost J`` every k updates and at the last.
    record_params : bool, default False
        If True, ``fit`` also keeps ``param_history`` (for pictures of the descent path).

    Attributes (set by ``fit``)
    ---------------------------
    classes : ndarray of shape (K,), int64 or str
        The K distinct labels, sorted: row k of weights, column k of predict_proba.
    weights : ndarray of shape (K, n), float64
        W: one row per class, one column per feature.
    bias : ndarray of shape (K,), float64
        b: one intercept per class.
    cost_history : list of float
        Entry t is the cost J (with mini-batches, the batch cost) at the parameters
        used for update t; its length is the number of updates made.
    param_history : list of (W, b) array copies, only with ``record_params=True``
        Entry 0 is the start, entry t the parameters after update t (one more than costs).
    """

    def __init__(self, learning_rate: float = 0.1, n_iters: int = 1000, *, l2: float = 0.0,
                 tol: Optional[float] = None, batch_size: Optional[int] = None, seed: int = 0,
                 verbose: int = 0, record_params: bool = False) -> None:
        # Like scikit-learn: stored untouched, checked in fit (so they can change between fits).
        self.learning_rate, self.n_iters, self.l2, self.tol = learning_rate, n_iters, l2, tol
        self.batch_size, self.seed, self.verbose = batch_size, seed, verbose
        self.record_params = record_params

    def fit(self, X: ArrayLike, y: ArrayLike) -> "SoftmaxRegression":
        """Learn ``classes``, ``weights`` and ``bias`` from X, shape (m, n), and labels y, (m,)."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose, record = \
            _check_hyperparameters(self)
        X = _check_X(X)
        classes, Y = _classes_and_one_hot(_check_y(y, X.shape[0]))
        (m, n), K = X.shape, len(classes)
        W, b = np.zeros((K, n)), np.zeros(K)
        history = _History(verbose, record, W, b, learning_rate)
        rng, order, previous = random.Random(seed), list(range(m)), None
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported by history
            for epoch in range(n_iters):
                epoch_costs = []
                for batch in minibatches(order, batch_size, rng):
                    X_b, Y_b = X[batch], Y[batch]
                    m_b = X_b.shape[0]
                    # Step 1: forward pass  Z = X W^T + b,  P = softmax(Z)
                    Z = X_b @ W.T + b
                    P = softmax(Z)
                    # Step 2: cost  J = -1/m sum(log_softmax(Z)[Y == 1]) + lambda/(2m) sum(W * W)
                    cost = float(-np.sum(log_softmax(Z)[Y_b == 1]) / m_b
                                 + l2 / (2 * m) * np.sum(W * W))
                    # Step 3: gradient  dJ/dW = 1/m (P - Y)^T X + (lambda/m) W
                    #                   dJ/db = 1/m (P - Y)^T 1, the bias unpenalized
                    error = P - Y_b
                    grad_W = error.T @ X_b / m_b + l2 / m * W
                    grad_b = error.sum(axis=0) / m_b
                    # Step 4: update  W <- W - alpha dJ/dW,  b <- b - alpha dJ/db
                    W = W - learning_rate * grad_W
                    b = b - learning_rate * grad_b
                    history.add(cost, W, b)
                    epoch_costs.append(cost)
                # Step 5: stop  |J_t - J_(t-1)| < tol (with batches: epoch means of J)
                epoch_cost = sum(epoch_costs) / len(epoch_costs)
                if tol is not None and previous is not None and abs(epoch_cost - previous) < tol:
                    break
                previous = epoch_cost
        return history.finish(self, classes, W, b, _cost(X, Y, W, b, l2))

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """P = softmax(X W^T + b): shape (m, K), one column per class of ``classes``."""
        X = self._check_fitted_X(X, "predict_proba")
        return softmax(self._logits(X, "probabilities are"))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Labels: for each row, the class with the highest probability (the first, on a tie)."""
        X = self._check_fitted_X(X, "predict")
        P = softmax(self._logits(X, "predictions are"))
        return self.classes[np.argmax(P, axis=1)]  # argmax: the first of equal maxima

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J = -1/m sum(Y * log_softmax(X W^T + b)) + lambda/(2m) sum(W * W), parameters now."""
        X = self._check_fitted_X(X, "cost")
        Y = np.eye(len(self.classes))[self._positions(_check_y(y, X.shape[0]))]
        l2 = _check_hyperparameters(self)[2]
        cost = _cost(X, Y, self.weights, self.bias, l2)
        return float(_check_output(np.array([cost]), "cost is", X)[0])

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        labels = _check_y(y, X.shape[0])
        self._positions(labels)  # a label not seen in fit is an error, not just a miss
        return float(np.mean(self.predict(X) == labels))

    def __repr__(self) -> str:
        settings = ", ".join(f"{name}={getattr(self, name)!r}" for name, *_ in _RULES)
        return f"SoftmaxRegression({settings})"

    def _logits(self, X: np.ndarray, what: str) -> np.ndarray:
        """Z = X W^T + b, if it is all finite."""
        with np.errstate(over="ignore", invalid="ignore"):  # checked just below
            Z = X @ self.weights.T + self.bias
        return _check_output(Z, what, X)

    def _positions(self, labels: np.ndarray) -> np.ndarray:
        """The position in ``classes`` of each label; a label not seen in fit is a ValueError."""
        classes = self.classes
        positions, unseen = None, [0]  # strings against integers: no label can match
        if (labels.dtype.kind == "U") == (classes.dtype.kind == "U"):
            # classes is sorted: searchsorted finds where each label would go, and it is
            # a class exactly when the class found there is the label itself.
            positions = np.minimum(np.searchsorted(classes, labels), len(classes) - 1)
            unseen = np.flatnonzero(classes[positions] != labels)
        if len(unseen):
            i = unseen[0]
            raise ValueError(f"y[{i}] is {labels[i].item()!r}, a label not seen in fit: this "
                             f"SoftmaxRegression knows only the classes {classes.tolist()!r}.")
        return positions

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "weights"):
            raise ValueError(f"This SoftmaxRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = self.weights.shape[1]
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if X.shape[1] != n:
            got = X.shape[1]
            raise ValueError(f"X has {got} feature{'s' if got != 1 else ''} per row, but this "
                             f"SoftmaxRegression was fitted with {n} "
                             f"feature{'s' if n != 1 else ''}.")
        return X


class _History:
    """Bookkeeping outside the steps: each cost checked and kept, the parameters kept if
    asked (record_params), progress printed every ``verbose`` updates."""

    def __init__(self, verbose: int, record_params: bool, w: np.ndarray, b: np.ndarray,
                 learning_rate: float) -> None:
        self.verbose, self.learning_rate = verbose, learning_rate
        self.costs: List[float] = []
        self.params = [(w.copy(), b.copy())] if record_params else None  # the start

    def add(self, cost: float, w: np.ndarray, b: np.ndarray) -> None:
        if not (math.isfinite(cost) and np.isfinite(w).all() and np.isfinite(b).all()):
            raise FloatingPointError(_diverged(len(self.costs) + 1, self.learning_rate))
        self.costs.append(cost)
        if self.params is not None:
            self.params.append((w.copy(), b.copy()))
        if self.verbose and len(self.costs) % self.verbose == 0:
            print(f"iteration {len(self.costs)}: cost {cost:.6g}")

    def finish(self, model: SoftmaxRegression, classes: np.ndarray, w: np.ndarray,
               b: np.ndarray, cost: float) -> SoftmaxRegression:
        """Set the fitted attributes: only here, after success, so a failed fit leaves the
        model as it was. cost is J at the final parameters on the training data: a forward
        pass no update made, so parameters whose predictions overflow there have diverged
        too, and are refused like those of any other update."""
        if not math.isfinite(cost):
            raise FloatingPointError(_diverged(len(self.costs), self.learning_rate))
        if self.verbose and len(self.costs) % self.verbose != 0:  # the last line of progress
            print(f"iteration {len(self.costs)}: cost {self.costs[-1]:.6g}")
        model.classes, model.weights, model.bias = classes, w, b
        model.cost_history = self.costs
        model.__dict__.pop("param_history", None)  # none left over from an earlier fit
        if self.params is not None:
            model.param_history = self.params
        return model


@np.errstate(over="ignore", invalid="ignore")  # overflow: a non-finite cost, checked by callers
def _cost(X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray, l2: float) -> float:
    """J = -1/m sum(Y * log_softmax(Z)) + lambda/(2m) sum(W * W), Z = X W^T + b, summed where
    Y is 1 (0 times a log-probability of -inf would be NaN); NaN if a score in Z is not finite
    (then the probabilities are not defined). The penalty is 0 for lambda = 0 even where
    sum(W * W) overflows, for the same reason."""
    Z = X @ W.T + b
    if not np.isfinite(Z).all():
        return math.nan
    m = X.shape[0]
    penalty = l2 / (2 * m) * np.sum(W * W) if l2 > 0 else 0.0
    return float(-np.sum(log_softmax(Z)[Y == 1]) / m + penalty)


def _diverged(iteration: int, learning_rate: float) -> str:
    return (f"gradient descent diverged at iteration {iteration}: the cost or the parameters "
            f"are no longer finite numbers, with learning_rate={learning_rate!r}. Try a "
            f"smaller learning_rate or scale the features (see StandardScaler).")


def _check_output(values: np.ndarray, what: str, X: np.ndarray) -> np.ndarray:
    """values, if all are finite; else ValueError: finite but huge X overflowed them."""
    if not np.isfinite(values).all():
        raise ValueError(f"the {what} not finite: X holds values too large for these "
                         f"parameters (the largest |x| is {np.max(np.abs(X)):.3g}). Scale X the "
                         f"same way as the training data.")
    return values


# ---- Input checks -----------------------------------------------------------------------
# Once, at the public boundary, so the algebra above can trust a 2-D float64 array X (not
# copied when it is one already) and a 1-D array of labels, int64 or str. What NumPy does
# not read as plain numbers goes through the pure twin's walk, which names the first problem
# in the same words.

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
    return (f"X must be 2-D, one row per sample, but it is 1-D. This SoftmaxRegression was "
            f"fitted with {features}: {fix}.")


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
    """y as a 1-D array of m class labels, int64 or str; an (m, 1) column is flattened on
    purpose. An array of integers is taken as it is; anything else is walked label by label,
    as in the pure twin, so that both twins accept and refuse the same labels."""
    y = y.to_numpy() if hasattr(y, "to_numpy") else y  # a pandas Series: its values
    if isinstance(y, np.ndarray) and not np.ma.isMaskedArray(y) and y.dtype.kind in "biu":
        array = y[:, 0] if y.ndim == 2 and y.shape[1] == 1 else y
        # uint64 against uint64: exact (a mixed comparison would round through float64)
        small = array.dtype.kind != "u" or array.size == 0 \
            or array.max() <= np.uint64(np.iinfo(np.int64).max)
        if array.ndim == 1 and array.shape[0] == m and small:
            return array.astype(np.int64)
    labels = _walk_y(y, m)
    return np.array(labels, dtype=np.int64 if isinstance(labels[0], int) else str)


def _classes_and_one_hot(labels: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """The sorted distinct labels, and the (m, K) one-hot matrix Y of the labels."""
    classes, positions = np.unique(labels, return_inverse=True)
    if len(classes) < 2:
        raise ValueError(f"y has a single class, {classes[0].item()!r}: softmax regression "
                         f"needs at least two distinct labels to tell apart.")
    return classes, np.eye(len(classes))[positions.reshape(-1)]


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


def _walk_y(y: object, m: int) -> List[Label]:
    """The pure twin's walk over y, label by label: it names the first problem it meets."""
    values = _column(y, m)
    labels: List[Label] = []
    for i, value in enumerate(values):
        labels.append(_check_label(value, f"y[{i}]"))
        if type(labels[i]) is not type(labels[0]):
            raise ValueError(f"y mixes integer and string labels, which cannot be sorted "
                             f"together: y[0] is {values[0]!r} but y[{i}] is {values[i]!r}. "
                             f"Use one type for every label.")
    return labels


def _check_label(value: object, where: str) -> Label:
    """One class label as an int or a str: True/False count as 1/0, 2.0 as 2."""
    if type(value).__name__ == "ndarray" and value.shape == ():  # type: ignore[attr-defined]
        value = value[()]  # type: ignore[index]  # a 0-d array: its one entry
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(f"{where} is {value!r}, a label with a NUL character (\"\\x00\"), "
                             f"which NumPy would drop. Rename the class.")
        return str(value)  # a plain str, also for NumPy's str_
    if isinstance(value, (str, bytes)) or hasattr(value, "__iter__") or value is None:
        raise ValueError(f"{where} is {value!r}, not a class label; every label must be an "
                         f"integer or a string.")
    number = _check_number(value, where)  # a real number: NaN, inf, complex are refused here
    if isinstance(value, numbers.Integral):
        label = int(value)  # type: ignore[call-overload]
    elif number.is_integer() and abs(number) <= 2.0 ** 53:
        label = int(number)
    else:
        raise ValueError(f"{where} is {value!r}, not a class label: a label must be an "
                         f"integer or a string (a float only if it is a whole number, "
                         f"such as 2.0).")
    if not -2 ** 63 <= label < 2 ** 63:  # NumPy keeps labels as int64
        raise ValueError(f"{where} is {label!r}, too large a label for an int64; "
                         f"relabel the classes with smaller integers or strings.")
    return label


def _classes_and_positions(labels: List[Label]) -> Tuple[List[Label], List[int]]:
    """The sorted distinct labels, and the position in them of each label."""
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise ValueError(f"y has a single class, {classes[0]!r}: softmax regression needs "
                         f"at least two distinct labels to tell apart.")
    position = {label: k for k, label in enumerate(classes)}
    return classes, [position[label] for label in labels]


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
    ("record_params", bool, False, lambda v: True, "True or False"),
)
_TYPES = {float: (numbers.Real, "a number"), int: (numbers.Integral, "an integer"),
          bool: (bool, "True or False")}


def _check_hyperparameters(model: SoftmaxRegression) -> tuple:
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
    return tuple(values)


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
