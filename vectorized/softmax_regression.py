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
import warnings
from typing import Iterator, List, Optional, Tuple, Union

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...
Label = Union[int, str]


def softmax(Z: np.ndarray) -> np.ndarray:
    """P = E / sum(E, axis=1), E = e^(Z - M), M = max(Z, axis=1): softmax row by row."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))  # every exponent <= 0, and a 1 in each row
    return E / E.sum(axis=1, keepdims=True)


def log_softmax(Z: np.ndarray) -> np.ndarray:
    """Z - M - log sum(e^(Z - M), axis=1): log softmax(Z) row by row, finite for finite Z."""
    M = Z.max(axis=1, keepdims=True)
    return Z - M - np.log(np.exp(Z - M).sum(axis=1, keepdims=True))  # the log of sums >= 1


assert softmax(np.array([[0.0, 0.0]])).tolist() == [[0.5, 0.5]]
assert softmax(np.array([[1000.0, 0.0], [-1000.0, -1000.0]])).tolist() == [[1.0, 0.0],
                                                                              [0.5, 0.5]]
assert log_softmax(np.array([[1000.0, 0.0]])).tolist() == [[0.0, -1000.0]]


def minibatches(order: List[int], batch_size: Optional[int],
                rng: random.Random) -> Iterator[Union[slice, List[int]]]:
    """The batches of one epoch: every sample, or B-sized runs of a fresh shuffle."""
    if batch_size is None:
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
        # Like scikit-learn: store the hyperparameters untouched, check them in fit,
        # so a learner can change model.learning_rate and fit again.
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2
        self.tol = tol
        self.batch_size = batch_size
        self.seed = seed
        self.verbose = verbose
        self.record_params = record_params

    def fit(self, X: ArrayLike, y: ArrayLike) -> "SoftmaxRegression":
        """Learn ``classes``, ``weights`` and ``bias`` from X, shape (m, n), and labels y, (m,)."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose, record = \
            _check_hyperparameters(self)
        X = _check_X(X)
        classes, Y = _classes_and_one_hot(_check_y(y, X.shape[0]))
        (m, n), K = X.shape, len(classes)
        if batch_size is not None and batch_size >= m:
            batch_size = None  # one batch holding every sample is full-batch descent
        # Local names: the attributes change only after success, so a failed fit keeps the model.
        W, b = np.zeros((K, n)), np.zeros(K)
        history = _History(learning_rate, verbose, (W, b) if record else None)
        rng, order, previous_epoch_cost = random.Random(seed), list(range(m)), None
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported by history
            for epoch in range(n_iters):
                epoch_costs = []
                for batch in minibatches(order, batch_size, rng):
                    X_b, Y_b = X[batch], Y[batch]
                    m_b = X_b.shape[0]
                    # Step 1: forward pass  Z = X W^T + b,  P = softmax(Z)
                    Z = X_b @ W.T + b
                    P = softmax(Z)
                    # Step 2: cost  J = -1/m sum(Y * log_softmax(Z)) + lambda/(2m) sum(W * W)
                    cost = float(-np.sum(Y_b * log_softmax(Z)) / m_b
                                 + l2 / (2 * m) * np.sum(W * W))
                    # Step 3: gradient  dJ/dW = 1/m (P - Y)^T X + (lambda/m) W
                    #                   dJ/db = 1/m (P - Y)^T 1, the bias unpenalized
                    error = P - Y_b
                    grad_W = error.T @ X_b / m_b + l2 / m * W
                    grad_b = error.sum(axis=0) / m_b
                    # Step 4: update  W <- W - alpha dJ/dW,  b <- b - alpha dJ/db
                    W = W - learning_rate * grad_W
                    b = b - learning_rate * grad_b
                    history.update(cost, W, b)
                    epoch_costs.append(cost)
                # Step 5: stop  |J_t - J_(t-1)| < tol (with batches: epoch means of J)
                epoch_cost = sum(epoch_costs) / len(epoch_costs)
                if tol is not None and previous_epoch_cost is not None \
                        and abs(epoch_cost - previous_epoch_cost) < tol:
                    break
                previous_epoch_cost = epoch_cost
        self.classes, self.weights, self.bias = classes, W, b
        history.store(self)
        return self

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """P = softmax(X W^T + b): shape (m, K), one column per class of ``classes``."""
        return softmax(self._logits(self._check_fitted_X(X, "predict_proba")))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Labels: for each row, the class with the highest probability (the first, on a tie)."""
        P = self.predict_proba(X)  # first: it checks that the model is fitted
        return self.classes[np.argmax(P, axis=1)]

    def cost(self, X: ArrayLike, y: ArrayLike) -> float:
        """J = -1/m sum(Y * log_softmax(X W^T + b)) + lambda/(2m) sum(W * W), parameters now."""
        X = self._check_fitted_X(X, "cost")
        Y = np.eye(len(self.classes))[self._positions(_check_y(y, X.shape[0]))]
        l2 = _check_hyperparameters(self)[2]
        W, m = self.weights, X.shape[0]
        return float(-np.sum(Y * log_softmax(self._logits(X))) / m + l2 / (2 * m) * np.sum(W * W))

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        labels = _check_y(y, X.shape[0])
        self._positions(labels)  # a label not seen in fit is an error, not just a miss
        return float(np.mean(self.predict(X) == labels))

    def __repr__(self) -> str:
        return (f"SoftmaxRegression(learning_rate={self.learning_rate!r}, "
                f"n_iters={self.n_iters!r}, l2={self.l2!r}, tol={self.tol!r}, "
                f"batch_size={self.batch_size!r}, seed={self.seed!r}, "
                f"verbose={self.verbose!r}, record_params={self.record_params!r})")

    def _logits(self, X: np.ndarray) -> np.ndarray:
        """Z = X W^T + b."""
        return X @ self.weights.T + self.bias

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
        X = _check_X(X)
        if X.shape[1] != self.weights.shape[1]:
            raise ValueError(f"X has {X.shape[1]} features per row, but this SoftmaxRegression "
                             f"was fitted with {self.weights.shape[1]} features.")
        return X


class _History:
    """The bookkeeping of fit, outside the steps: every cost checked and kept, the
    parameters kept if asked (record_params), progress printed every ``verbose`` updates."""

    def __init__(self, learning_rate: float, verbose: int,
                 start: Optional[Tuple[np.ndarray, np.ndarray]]) -> None:
        self.learning_rate, self.verbose = learning_rate, verbose
        self.costs: List[float] = []
        self.params = None if start is None else [(start[0].copy(), start[1].copy())]

    def update(self, cost: float, weights: np.ndarray, bias: np.ndarray) -> None:
        if not math.isfinite(cost):
            raise FloatingPointError(
                f"gradient descent diverged: the cost is {cost} at iteration "
                f"{len(self.costs) + 1} with learning_rate={self.learning_rate!r}. Try a "
                f"smaller learning_rate or scale the features (see StandardScaler).")
        self.costs.append(cost)
        if self.params is not None:
            self.params.append((weights.copy(), bias.copy()))
        if self.verbose and len(self.costs) % self.verbose == 0:
            print(f"iteration {len(self.costs)}: cost {cost:.6g}")

    def store(self, model: "SoftmaxRegression") -> None:
        if self.verbose and len(self.costs) % self.verbose != 0:  # the last update too
            print(f"iteration {len(self.costs)}: cost {self.costs[-1]:.6g}")
        model.cost_history = self.costs
        if self.params is not None:
            model.param_history = self.params
        elif hasattr(model, "param_history"):
            del model.param_history  # from an earlier fit: it would describe other parameters


# Input checks. They run once at the public boundary, so the algebra above can trust
# its data: a 2-D float64 array X (never copied when it already is one) and a 1-D
# array of labels, int64 or str.

def _check_X(X: ArrayLike) -> np.ndarray:
    """Return X as a 2-D float64 array of finite values, or raise ValueError."""
    array = _as_float_array(X, "X")
    if array.ndim >= 1 and array.shape[0] == 0:
        raise ValueError("X is empty: it needs at least one row (sample).")
    if array.ndim == 1:
        raise ValueError("X must be 2-D (one row per sample, one column per feature), "
                         "but it is 1-D. "
                         "For a single feature, make it a column: np.reshape(X, (-1, 1)).")
    if array.ndim != 2:
        raise ValueError(f"X must be 2-D (one row per sample, one column per feature); "
                         f"got {array.ndim}-D.")
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
        raise ValueError(f"y must be 1-D, a list with one label per sample; "
                         f"got {type(y).__name__}.")
    array = y
    if not isinstance(y, np.ndarray) or y.dtype.kind == "O":
        values = y.tolist() if isinstance(y, np.ndarray) else y
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # NumPy < 1.24 warns on ragged lists
                array = np.asarray(values)
        except (ValueError, TypeError):  # NumPy >= 1.24 refuses ragged lists
            _explain_bad_labels(values)
        # np.asarray quietly turns [1, "a"] into the strings ["1", "a"]: compare with them.
        if array.dtype.kind == "U" and not np.all(np.asarray(values, dtype=object) == array):
            _explain_bad_labels(values)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"y must be 1-D (one label per sample) or an (m, 1) column; "
                         f"got shape {array.shape}.")
    if array.shape[0] != m:
        raise ValueError(f"X and y have different lengths: X has {m} rows but y has "
                         f"{array.shape[0]} values.")
    kind = array.dtype.kind
    if kind == "U":
        return array
    # uint64 against uint64: exact
    if kind == "u" and len(array) and array.max() > np.uint64(np.iinfo(np.int64).max):
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
            raise ValueError(f"y[{i}] is {array[i].item()!r}, not a class label: a label must be "
                             f"an integer or a string (a float only if it is a whole number, "
                             f"such as 2.0).")
        return array.astype(np.int64)
    # the originals: asarray may have changed them
    _explain_bad_labels(y.tolist() if isinstance(y, np.ndarray) else y)


def _classes_and_one_hot(labels: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """The sorted distinct labels, and the (m, K) one-hot matrix Y of the labels."""
    classes, positions = np.unique(labels, return_inverse=True)
    if len(classes) < 2:
        raise ValueError(f"y has a single class, {classes[0].item()!r}: softmax regression "
                         f"needs at least two distinct labels to tell apart.")
    return classes, np.eye(len(classes))[positions.reshape(-1)]


def _explain_bad_labels(values: object) -> None:
    """Find the first entry that is not a label (or the first of another type) and say so."""
    values = list(values)
    first = None
    for i, value in enumerate(values):
        label = _check_label(value, f"y[{i}]")
        if first is not None and type(label) is not type(first):
            raise ValueError(f"y mixes integer and string labels, which cannot be sorted "
                             f"together: y[0] is {values[0]!r} but y[{i}] is {value!r}. "
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
            raise ValueError(f"{where} is {number}; NaN and infinite values are not allowed: "
                             f"drop or fill them first.")
        if not (number.is_integer() and abs(number) <= 2.0 ** 53):
            raise ValueError(f"{where} is {value!r}, not a class label: a label must be an "
                             f"integer or a string (a float only if it is a whole number, "
                             f"such as 2.0).")
        return int(number)
    if value is not None and not isinstance(value, bytes) and hasattr(value, "__iter__"):
        raise ValueError(f"y must be 1-D, one label per sample, but {where} is {value!r}.")
    raise ValueError(f"{where} is {value!r}, not a class label; every label must be an "
                     f"integer or a string.")


def _as_float_array(data: ArrayLike, name: str) -> np.ndarray:
    # np.asarray turns None into NaN or an object array and keeps strings as text:
    # both are bad data here, so anything that is not plainly numeric is explained below.
    array = data
    if not isinstance(data, np.ndarray):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # NumPy < 1.24 warns on ragged lists
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
        raise ValueError(f"{name} must be an array of numbers; "
                         f"got {type(rows).__name__} {rows!r}.")
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
            if value is None or isinstance(value, str) or not isinstance(value, numbers.Real):
                raise ValueError(f"{where} is {value!r}, not a number; "
                                 f"every entry of X must be a number.")
    raise ValueError(f"{name} must be an array of real numbers; "
                     f"got dtype {np.asarray(data).dtype}.")


def _check_all_finite(array: np.ndarray, name: str) -> None:
    # One sum is a pass over the data without a temporary array; NaN and inf make it
    # non-finite. Only then is the element-wise search (which allocates) done.
    with np.errstate(over="ignore", invalid="ignore"):
        if np.isfinite(array.sum()):
            return
    bad = np.argwhere(~np.isfinite(array))
    if len(bad):  # otherwise the sum of large finite values overflowed: fine
        where = "".join(f"[{k}]" for k in bad[0])
        raise ValueError(f"{name}{where} is {array[tuple(bad[0])]}; NaN and infinite values "
                         f"are not allowed: "
                         f"drop or fill them first.")


# The hyperparameters: (name, kind, may it be None, the range test, what it must be).
_RULES = [
    ("learning_rate", "real", False, lambda v: math.isfinite(v) and v > 0,
     "a positive finite number"),
    ("n_iters", "integer", False, lambda v: v >= 1, "a positive integer"),
    ("l2", "real", False, lambda v: math.isfinite(v) and v >= 0, "a finite number >= 0"),
    ("tol", "real", True, lambda v: v >= 0, "None or a number >= 0"),  # False for NaN too
    ("batch_size", "integer", True, lambda v: v >= 1, "None or a positive integer"),
    ("seed", "integer", False, lambda v: True, "an integer"),
    ("verbose", "integer", False, lambda v: v >= 0, "an integer >= 0 (0 prints nothing)"),
    ("record_params", "bool", False, lambda v: True, "True or False"),
]
_KINDS = {"real": (numbers.Real, "a number"), "integer": (numbers.Integral, "an integer"),
          "bool": (bool, "True or False")}


def _check_hyperparameters(model: SoftmaxRegression) -> tuple:
    """The hyperparameters in the order of _RULES: TypeError for a value of the wrong kind,
    ValueError for one out of range."""
    values = []
    for name, kind, may_be_none, in_range, what in _RULES:
        value, (wanted, article) = getattr(model, name), _KINDS[kind]
        if value is None and may_be_none:
            values.append(None)
            continue
        if not isinstance(value, wanted) or (isinstance(value, bool) and kind != "bool"):
            raise TypeError(f"{name} must be {article}, got {type(value).__name__} {value!r}.")
        if kind == "real":
            try:
                value = float(value)
            except OverflowError:  # an int beyond the float range keeps its sign: -10**400 is -inf
                value = math.copysign(math.inf, value)
        value = int(value) if kind == "integer" else value
        if not in_range(value):
            raise ValueError(f"{name} must be {what}, got {value!r}.")
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
