"""Softmax (multinomial logistic) regression trained by gradient descent, in plain Python.

Every sum is an explicit loop over samples i = 1..m, classes k = 1..K and features j = 1..n,
so each step of ``fit`` reads like its formula. ``classes`` holds the distinct labels sorted;
in the formulas y_i is the position k of sample i's label in ``classes``.

Model (one row of weights w_k and one bias b_k per class)
    z_ik = sum_j w_kj x_ij + b_k                          (the score of class k for sample i)
    p_ik = softmax_k(z_i) = e^(z_ik) / sum_l e^(z_il)     (the probability that y_i = k)

Cost (mean cross-entropy, plus an optional L2 penalty lambda on the weights)
    J(w, b) = -1/m sum_i log p_(i,y_i)  +  lambda/(2m) sum_k sum_j w_kj^2

Gradient (logistic regression's, class by class; [y_i = k] is 1 if y_i = k, else 0)
    dJ/dw_kj = 1/m sum_i (p_ik - [y_i = k]) x_ij  +  (lambda/m) w_kj
    dJ/db_k  = 1/m sum_i (p_ik - [y_i = k])

Update (alpha = learning_rate; simultaneous: all gradients from the same forward pass)
    w_kj <- w_kj - alpha dJ/dw_kj
    b_k  <- b_k  - alpha dJ/db_k

The parameters start at zero, so every p_ik is 1/K and the first cost is log K. The biases
are never penalized: that would pull every prediction towards 1/K, whatever the balance.

Numerically stable rewrites (the textbook forms fail for large |z|)
    softmax: e^(z_ik) overflows for z_ik > 709 (math.exp raises OverflowError), and if
        every e^(z_il) underflows to 0, p_ik is 0/0. Softmax does not change when one
        number is subtracted from all the z_ik of a sample, so subtract M_i = max_l z_il:
            p_ik = e^(z_ik - M_i) / sum_l e^(z_il - M_i).
        Every exponent is <= 0, so exp never overflows, and the largest term is e^0 = 1,
        so the sum is at least 1 and never 0.
    cost: log p_(i,y_i) is log(0) = -inf once a probability underflows to 0. Take the
        log of the rewritten softmax instead (the log-softmax),
            log p_ik = z_ik - M_i - log sum_l e^(z_il - M_i),
        finite for every finite z: the log of a sum >= 1, never of a probability.

With two classes this is logistic regression, p_i1 = sigmoid(z_i1 - z_i0): from zero the
rows stay opposite (w_0 = -w_1), and training follows LogisticRegression with twice the
learning rate and half the l2, with weights w_1 - w_0 and bias b_1 - b_0.

With ``batch_size`` B, each epoch shuffles the samples and makes one update per batch: the
sums run over the batch and 1/m becomes 1/B, but the penalty keeps the full m, so each batch
gradient is an unbiased estimate of the full one and the objective does not depend on B.

Labels: integers or strings, at least two distinct, not both kinds in one y (they cannot be
sorted together). True and False count as 1 and 0, a whole float such as 2.0 as the integer
2 (labels read from a file of numbers work); 2.5, NaN and None are errors.

>>> model = SoftmaxRegression(learning_rate=0.5, n_iters=1000)
>>> X = [[-2.0], [-1.5], [-0.25], [0.25], [1.5], [2.0]]
>>> model = model.fit(X, ["low", "low", "mid", "mid", "high", "high"])
>>> model.classes
['high', 'low', 'mid']
>>> model.predict([[-1.75], [0.0], [1.75]])
['low', 'mid', 'high']
"""

import math
import numbers
import random
from collections.abc import Mapping
from typing import Iterator, List, Optional, Sequence, Tuple, Union

Vector = List[float]
Matrix = List[Vector]
Label = Union[int, str]


def softmax(z: Vector) -> Vector:
    """p_k = e^(z_k - M) / sum_l e^(z_l - M), M = max_l z_l: softmax_k(z) without overflow."""
    M = max(z)
    e = [math.exp(z_k - M) for z_k in z]  # every exponent <= 0, and one e_k is e^0 = 1
    sum_e = sum(e)
    return [e_k / sum_e for e_k in e]


def log_softmax(z: Vector) -> Vector:
    """log p_k = z_k - M - log sum_l e^(z_l - M): log softmax_k(z), finite for finite z."""
    M = max(z)
    log_sum = math.log(sum(math.exp(z_l - M) for z_l in z))  # the log of a sum >= 1
    return [z_k - M - log_sum for z_k in z]


assert softmax([0.0, 0.0]) == [0.5, 0.5]
assert softmax([1000.0, 0.0]) == [1.0, 0.0] and softmax([-1000.0, -1000.0]) == [0.5, 0.5]
assert log_softmax([1000.0, 0.0]) == [0.0, -1000.0]


def minibatches(order: List[int], batch_size: Optional[int],
                rng: random.Random) -> Iterator[List[int]]:
    """The batches of one epoch: every sample, or B-sized runs of a fresh shuffle."""
    if batch_size is None or batch_size >= len(order):  # one batch holding every sample
        yield order
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
        L2 penalty lambda: the cost gains lambda/(2m) sum_k sum_j w_kj^2 (the
        biases are not penalized).
    tol : float or None, default None
        Stop after the update at which |J_t - J_(t-1)| < tol (with mini-batches, whose
        costs are noisy: the mean batch costs of two epochs). n_iters stays the bound.
    batch_size : int or None, default None
        None: full batch. B: every epoch shuffles the samples with random.Random(seed)
        and makes ceil(m/B) updates on consecutive batches; B=1 is plain SGD.
    seed : int, default 0
        Seed of the shuffle; the same seed gives the same result on every run.
    verbose : int, default 0
        If k > 0, print ``iteration t: cost J`` every k updates and at the last.
    record_params : bool, default False
        If True, ``fit`` also keeps ``param_history`` (for pictures of the descent path).

    Attributes (set by ``fit``)
    ---------------------------
    classes : list of int or list of str
        The K distinct labels, sorted: row k of weights, column k of predict_proba.
    weights : list of K lists of n floats
        weights[k][j] is w_kj: one row per class, one column per feature.
    bias : list of K floats
        bias[k] is the intercept b_k of class k.
    cost_history : list of float
        Entry t is the cost J (with mini-batches, the batch cost) at the parameters
        used for update t; its length is the number of updates made.
    param_history : list of (weights, bias) copies, only with ``record_params=True``
        Entry 0 is the start, entry t the parameters after update t (one more than costs).
    """

    def __init__(self, learning_rate: float = 0.1, n_iters: int = 1000, *, l2: float = 0.0,
                 tol: Optional[float] = None, batch_size: Optional[int] = None, seed: int = 0,
                 verbose: int = 0, record_params: bool = False) -> None:
        # Like scikit-learn: stored untouched, checked in fit (so they can change between fits).
        self.learning_rate, self.n_iters, self.l2, self.tol = learning_rate, n_iters, l2, tol
        self.batch_size, self.seed, self.verbose = batch_size, seed, verbose
        self.record_params = record_params

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[Label]) -> "SoftmaxRegression":
        """Learn ``classes``, ``weights`` and ``bias`` from X (m rows, n columns) and labels y."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose, record = \
            _check_hyperparameters(self)
        X = _check_X(X)
        classes, y = _classes_and_positions(_check_y(y, len(X)))  # y_i: the position k
        m, n, K = len(X), len(X[0]), len(classes)
        w, b = [[0.0] * n for _ in range(K)], [0.0] * K
        history = _History(verbose, record, w, b, learning_rate)
        rng, order, previous = random.Random(seed), list(range(m)), None
        for epoch in range(n_iters):
            epoch_costs = []
            for batch in minibatches(order, batch_size, rng):
                m_b = len(batch)
                # Step 1: forward pass  z_ik = sum_j w_kj x_ij + b_k,  p_ik = softmax_k(z_i)
                z = [[sum(w[k][j] * X[i][j] for j in range(n)) + b[k] for k in range(K)]
                     for i in batch]
                p = [softmax(z_i) for z_i in z]
                # Step 2: cost  J = -1/m sum_i log p_(i,y_i) + lambda/(2m) sum_k sum_j w_kj^2
                cost = (-sum(log_softmax(z_i)[y[i]] for z_i, i in zip(z, batch)) / m_b
                        + l2 / (2 * m) * sum(w_kj * w_kj for w_k in w for w_kj in w_k))
                # Step 3: gradient  dJ/dw_kj = 1/m sum_i (p_ik - [y_i = k]) x_ij + (lambda/m) w_kj
                #                   dJ/db_k = 1/m sum_i (p_ik - [y_i = k]), the bias unpenalized
                error = [[p_i[k] - (1.0 if k == y[i] else 0.0) for k in range(K)]
                         for p_i, i in zip(p, batch)]
                grad_w = [[sum(e_i[k] * X[i][j] for e_i, i in zip(error, batch)) / m_b
                           + l2 / m * w[k][j] for j in range(n)] for k in range(K)]
                grad_b = [sum(e_i[k] for e_i in error) / m_b for k in range(K)]
                # Step 4: update  w_kj <- w_kj - alpha dJ/dw_kj,  b_k <- b_k - alpha dJ/db_k
                w = [[w[k][j] - learning_rate * grad_w[k][j] for j in range(n)] for k in range(K)]
                b = [b[k] - learning_rate * grad_b[k] for k in range(K)]
                history.add(cost, w, b)
                epoch_costs.append(cost)
            # Step 5: stop  |J_t - J_(t-1)| < tol (with batches: epoch means of J)
            epoch_cost = sum(epoch_costs) / len(epoch_costs)
            if tol is not None and previous is not None and abs(epoch_cost - previous) < tol:
                break
            previous = epoch_cost
        return history.finish(self, classes, w, b, _cost(X, y, w, b, l2))

    def predict_proba(self, X: Sequence[Sequence[float]]) -> Matrix:
        """p_ik = softmax_k(z_i): one row per sample, one column per class of ``classes``."""
        X = self._check_fitted_X(X, "predict_proba")
        return [softmax(z_i) for z_i in self._logits(X, "probabilities are")]

    def predict(self, X: Sequence[Sequence[float]]) -> List[Label]:
        """Labels: for each row, the class with the highest probability (the first, on a tie)."""
        X = self._check_fitted_X(X, "predict")
        P = [softmax(z_i) for z_i in self._logits(X, "predictions are")]
        # max returns the first of equal maxima: ties go to the class sorted first
        return [self.classes[max(range(len(p_i)), key=p_i.__getitem__)] for p_i in P]

    def cost(self, X: Sequence[Sequence[float]], y: Sequence[Label]) -> float:
        """J = -1/m sum_i log p_(i,y_i) + lambda/(2m) sum_k sum_j w_kj^2 at the parameters now."""
        X = self._check_fitted_X(X, "cost")
        y = self._positions(_check_y(y, len(X)))
        l2 = _check_hyperparameters(self)[2]
        return _check_output([_cost(X, y, self.weights, self.bias, l2)], "cost is", X)[0]

    def score(self, X: Sequence[Sequence[float]], y: Sequence[Label]) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        labels = _check_y(y, len(X))
        self._positions(labels)  # a label not seen in fit is an error, not just a miss
        correct = sum(label_i == y_i for label_i, y_i in zip(self.predict(X), labels))
        return correct / len(labels)

    def __repr__(self) -> str:
        settings = ", ".join(f"{name}={getattr(self, name)!r}" for name, *_ in _RULES)
        return f"SoftmaxRegression({settings})"

    def _logits(self, X: Matrix, what: str) -> Matrix:
        """z_ik = sum_j w_kj x_ij + b_k for every row i of X, if they are all finite."""
        Z = [[sum(w_kj * x_ij for w_kj, x_ij in zip(w_k, x_i)) + b_k
              for w_k, b_k in zip(self.weights, self.bias)] for x_i in X]
        _check_output([z_ik for z_i in Z for z_ik in z_i], what, X)
        return Z

    def _positions(self, labels: List[Label]) -> List[int]:
        """The position in ``classes`` of each label; a label not seen in fit is a ValueError."""
        position = {label: k for k, label in enumerate(self.classes)}
        for i, label in enumerate(labels):
            if label not in position:
                raise ValueError(f"y[{i}] is {label!r}, a label not seen in fit: this "
                                 f"SoftmaxRegression knows only the classes {self.classes!r}.")
        return [position[label] for label in labels]

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "weights"):
            raise ValueError(f"This SoftmaxRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = len(self.weights[0])
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if len(X[0]) != n:
            got = len(X[0])
            raise ValueError(f"X has {got} feature{'s' if got != 1 else ''} per row, but this "
                             f"SoftmaxRegression was fitted with {n} "
                             f"feature{'s' if n != 1 else ''}.")
        return X


class _History:
    """Bookkeeping outside the steps: each cost checked and kept, the parameters kept if
    asked (record_params), progress printed every ``verbose`` updates."""

    def __init__(self, verbose: int, record_params: bool, w: Matrix, b: Vector,
                 learning_rate: float) -> None:
        self.verbose, self.learning_rate = verbose, learning_rate
        self.costs: Vector = []
        self.params = [([w_k[:] for w_k in w], b[:])] if record_params else None  # the start

    def add(self, cost: float, w: Matrix, b: Vector) -> None:
        if not all(math.isfinite(v) for v in [cost, *b, *(w_kj for w_k in w for w_kj in w_k)]):
            raise FloatingPointError(_diverged(len(self.costs) + 1, self.learning_rate))
        self.costs.append(cost)
        if self.params is not None:
            self.params.append(([w_k[:] for w_k in w], b[:]))
        if self.verbose and len(self.costs) % self.verbose == 0:
            print(f"iteration {len(self.costs)}: cost {cost:.6g}")

    def finish(self, model: SoftmaxRegression, classes: List[Label], w: Matrix, b: Vector,
               cost: float) -> SoftmaxRegression:
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


def _cost(X: Matrix, y: List[int], w: Matrix, b: Vector, l2: float) -> float:
    """J = -1/m sum_i log p_(i,y_i) + lambda/(2m) sum_k sum_j w_kj^2, y_i the position of the
    label of sample i; NaN if a score z_ik is not finite (then p_i is not defined). The
    penalty is 0 for lambda = 0 even where w_kj^2 overflows: 0 * inf would be NaN."""
    Z = [[sum(w_kj * x_ij for w_kj, x_ij in zip(w_k, x_i)) + b_k for w_k, b_k in zip(w, b)]
         for x_i in X]
    if not all(math.isfinite(z_ik) for z_i in Z for z_ik in z_i):
        return math.nan
    log_likelihood = sum(log_softmax(z_i)[y_i] for z_i, y_i in zip(Z, y))
    penalty = l2 / (2 * len(X)) * sum(w_kj * w_kj for w_k in w for w_kj in w_k) if l2 > 0 else 0.0
    return -log_likelihood / len(X) + penalty


def _diverged(iteration: int, learning_rate: float) -> str:
    return (f"gradient descent diverged at iteration {iteration}: the cost or the parameters "
            f"are no longer finite numbers, with learning_rate={learning_rate!r}. Try a "
            f"smaller learning_rate or scale the features (see StandardScaler).")


def _check_output(values: Vector, what: str, X: Matrix) -> Vector:
    """values, if all are finite; else ValueError: finite but huge X overflowed them."""
    if not all(math.isfinite(v) for v in values):
        largest = max(abs(x_ij) for x_i in X for x_ij in x_i)
        raise ValueError(f"the {what} not finite: X holds values too large for these "
                         f"parameters (the largest |x| is {largest:.3g}). Scale X the same way "
                         f"as the training data.")
    return values


# ---- Input checks -----------------------------------------------------------------------
# Once, at the public boundary, so the loops above can trust a rectangular list of floats
# and labels that are all integers or all strings.

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


def _check_y(y: object, m: int) -> List[Label]:
    """y as a list of m class labels, all integers or all strings."""
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
    X = [[-2.0, 0.5], [-1.5, -0.5], [-1.0, 0.0], [-1.5, 1.0], [1.0, 0.5], [0.0, 1.5],
         [0.5, 2.0], [-0.5, 1.0], [0.0, 2.5], [-1.0, 0.5], [1.5, -1.0], [2.0, 0.0],
         [1.0, -0.5], [1.5, 1.0], [0.0, 1.0]]
    y = ["west"] * 5 + ["north"] * 5 + ["east"] * 5
    model = SoftmaxRegression(learning_rate=0.5, n_iters=2000, verbose=500).fit(X, y)
    print("classes: ", model.classes)
    print("weights: ", [[round(w_kj, 4) for w_kj in w_k] for w_k in model.weights])
    print("bias:    ", [round(b_k, 4) for b_k in model.bias])
    print("P(class):", [round(p, 3) for p in model.predict_proba([[0.0, 0.5]])[0]])
    print("accuracy:", model.score(X, y))
