"""Softmax (multinomial logistic) regression trained by gradient descent, in plain Python.

Every sum below is an explicit loop over samples i = 1..m, classes k = 1..K and
features j = 1..n, so each line of ``fit`` reads like the formula it computes.
The labels can be any integers or any strings, at least two distinct values;
``classes`` holds them sorted, and in the formulas y_i is the position k of
sample i's label in ``classes``.

Model (one row of weights w_k and one bias b_k per class)
    z_ik = sum_j w_kj x_ij + b_k                          (the score of class k for sample i)
    p_ik = softmax_k(z_i) = e^(z_ik) / sum_l e^(z_il)     (the probability that y_i = k)

Cost (mean cross-entropy, plus an optional L2 penalty lambda on the weights)
    J(w, b) = -1/m sum_i log p_(i, y_i)  +  lambda/(2m) sum_k sum_j w_kj^2

Gradient (logistic regression's form, class by class; [y_i = k] is 1 if sample i
is of class k, else 0)
    dJ/dw_kj = 1/m sum_i (p_ik - [y_i = k]) x_ij  +  (lambda/m) w_kj
    dJ/db_k  = 1/m sum_i (p_ik - [y_i = k])

Update (simultaneous: every gradient comes from the same forward pass)
    w_kj <- w_kj - learning_rate * dJ/dw_kj
    b_k  <- b_k  - learning_rate * dJ/db_k

The weights and the biases start at zero, so every p_ik is 1/K and the first cost
is log K. The biases are never penalized.

Numerically stable rewrites (the textbook forms fail for large |z|)
    softmax: e^(z_ik) overflows for z_ik > 709 (math.exp raises OverflowError), and
        if every e^(z_il) underflows to 0, p_ik is 0/0. Softmax does not change when
        one number is subtracted from all the z_ik of a sample, so subtract the row
        maximum M_i = max_l z_il:
        p_ik = e^(z_ik - M_i) / sum_l e^(z_il - M_i).
        Every exponent is <= 0, so exp never overflows, and the largest term is
        e^0 = 1, so the sum is at least 1 and never 0.
    cost: log p_(i, y_i) is log(0) = -inf once a probability underflows to 0.
        Take the log of the rewritten softmax instead (the log-softmax):
        log p_ik = z_ik - M_i - log sum_l e^(z_il - M_i),
        so each cost term is  M_i - z_(i, y_i) + log sum_l e^(z_il - M_i),
        finite for every finite z: the log of a sum that is at least 1, never the
        log of a probability. The same e^(z_il - M_i) serve both rewrites.

With two classes this is logistic regression: p_i1 = sigmoid(z_i1 - z_i0). From zero,
the two rows of weights stay opposite (w_0 = -w_1), and training follows
LogisticRegression with twice the learning rate and half the l2: its weights are
w_1 - w_0, its bias b_1 - b_0, its probabilities are p_i1 and its costs are the same.

With ``batch_size`` set, each epoch shuffles the samples and makes one update per
batch of B samples: the sums run over the batch and 1/m becomes 1/B, but the
penalty keeps the full m, so each batch gradient is an unbiased estimate of the
full one and the objective does not depend on B.

Labels: integers, or strings, but not both in one y (they cannot be sorted together).
True and False count as 1 and 0, and a float that is a whole number, such as 2.0,
counts as the integer 2 (so labels read from a file of numbers work); 2.5, NaN and
None are errors.

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
from typing import List, Optional, Sequence, Union

Vector = List[float]
Matrix = List[Vector]
Label = Union[int, str]


def softmax(z: Vector) -> Vector:
    """p_k = e^(z_k) / sum_l e^(z_l), computed without overflow for every finite z."""
    z_max = max(z)
    e = [math.exp(z_k - z_max) for z_k in z]  # each exponent <= 0: no overflow, and one e_k is 1
    sum_e = 0.0
    for e_k in e:
        sum_e += e_k
    return [e_k / sum_e for e_k in e]


assert softmax([0.0, 0.0]) == [0.5, 0.5]
assert softmax([1000.0, 0.0]) == [1.0, 0.0] and softmax([-1000.0, -1000.0]) == [0.5, 0.5]


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
        L2 penalty lambda: the cost gains lambda/(2m) sum_k sum_j w_kj^2 (the
        biases are not penalized).
    tol : float or None, default None
        Stop after the update at which |J_t - J_(t-1)| < tol. With mini-batches the
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

    Attributes (set by ``fit``)
    ---------------------------
    classes : list of int or list of str
        The K distinct labels of the training y, sorted; row k of ``weights`` and
        column k of ``predict_proba`` belong to ``classes[k]``.
    weights : list of K lists of n floats
        weights[k][j] is w_kj: one row per class, one column per feature.
    bias : list of K floats
        bias[k] is the intercept b_k of class k.
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

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[Label]) -> "SoftmaxRegression":
        """Learn ``classes``, ``weights`` and ``bias`` from X (m rows, n columns) and labels y."""
        learning_rate, n_iters, l2, tol, batch_size, seed, verbose = _check_hyperparameters(self)
        X = _check_X(X)
        labels = _check_y(y, len(X))
        classes = sorted(set(labels))
        if len(classes) < 2:
            raise ValueError(f"y has a single class, {classes[0]!r}: softmax regression needs "
                             f"at least two distinct labels to tell apart.")
        position = {label: k for k, label in enumerate(classes)}
        y = [position[label] for label in labels]  # y_i: the position k of sample i's class
        m, n, K = len(X), len(X[0]), len(classes)
        if batch_size is not None and batch_size >= m:
            batch_size = None  # one batch holding every sample is full-batch descent

        # Work on local names; the model's attributes change only after success,
        # so a fit that raises leaves the model exactly as it was.
        w = [[0.0] * n for _ in range(K)]
        b = [0.0] * K
        cost_history = []
        rng = random.Random(seed)
        order = list(range(m))
        previous_epoch_cost = None
        exp, log = math.exp, math.log  # local names: looked up once, used m K times per update

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
                grad_w = [[0.0] * n for _ in range(K)]
                grad_b = [0.0] * K
                for i in batch:
                    x_i = X[i]
                    # Step 1: forward pass  z_ik = sum_j w_kj x_ij + b_k,  p_ik = e^(z_ik - M_i) / sum_l e^(z_il - M_i),  M_i = max_l z_il
                    z_i = []
                    for k in range(K):
                        z_ik = b[k]
                        for j in range(n):
                            z_ik += w[k][j] * x_i[j]
                        z_i.append(z_ik)
                    M_i = max(z_i)
                    e_i = []
                    sum_e = 0.0
                    for k in range(K):
                        e_ik = exp(z_i[k] - M_i)  # exponent <= 0: no overflow; shared by softmax and cost
                        e_i.append(e_ik)
                        sum_e += e_ik
                    p_i = [e_i[k] / sum_e for k in range(K)]
                    # Step 2: cost  J = 1/m sum_i [M_i - z_(i,y_i) + log sum_l e^(z_il - M_i)] + lambda/(2m) sum_k sum_j w_kj^2
                    # (M_i - z_(i,y_i) + log sum_l e^(z_il - M_i) equals -log p_(i,y_i): the log-softmax, without log(0))
                    sum_loss += (M_i - z_i[y[i]]) + log(sum_e)
                    # Step 3: gradients  dJ/dw_kj = 1/m sum_i (p_ik - [y_i = k]) x_ij + (lambda/m) w_kj,  dJ/db_k = 1/m sum_i (p_ik - [y_i = k])
                    for k in range(K):
                        error_ik = p_i[k] - (1.0 if k == y[i] else 0.0)
                        grad_b[k] += error_ik
                        for j in range(n):
                            grad_w[k][j] += error_ik * x_i[j]
                # Finish the cost (step 2) and the gradients (step 3): divide the sums by m_b and
                # add the penalty, which uses the full m, also for a batch (see the module docstring).
                penalty = 0.0
                for k in range(K):
                    for j in range(n):
                        penalty += w[k][j] * w[k][j]
                cost = sum_loss / m_b + l2 / (2 * m) * penalty
                _check_finite_cost(cost, len(cost_history) + 1, learning_rate)
                cost_history.append(cost)
                # The biases are never penalized: a penalty on b would pull every
                # prediction towards probability 1/K, whatever the class balance.
                grad_w = [[grad_w[k][j] / m_b + l2 / m * w[k][j] for j in range(n)] for k in range(K)]
                grad_b = [grad_b[k] / m_b for k in range(K)]
                # Step 4: update  w_kj <- w_kj - learning_rate * dJ/dw_kj,  b_k <- b_k - learning_rate * dJ/db_k
                w = [[w[k][j] - learning_rate * grad_w[k][j] for j in range(n)] for k in range(K)]
                b = [b[k] - learning_rate * grad_b[k] for k in range(K)]
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
        self.weights = w
        self.bias = b
        self.cost_history = cost_history
        return self

    def predict_proba(self, X: Sequence[Sequence[float]]) -> Matrix:
        """p_ik = softmax_k(z_i): one row per sample, one column per class of ``classes``."""
        return [softmax(z_i) for z_i in self._logits(self._check_fitted_X(X, "predict_proba"))]

    def predict(self, X: Sequence[Sequence[float]]) -> List[Label]:
        """Labels: for each row, the class with the highest probability (the first, on a tie)."""
        labels = []
        for p_i in self.predict_proba(X):
            best = 0
            for k in range(1, len(p_i)):
                if p_i[k] > p_i[best]:
                    best = k
            labels.append(self.classes[best])
        return labels

    def cost(self, X: Sequence[Sequence[float]], y: Sequence[Label]) -> float:
        """J = 1/m sum_i [M_i - z_(i,y_i) + log sum_l e^(z_il - M_i)] + lambda/(2m) sum_k sum_j w_kj^2 now."""
        X = self._check_fitted_X(X, "cost")
        y = self._positions(_check_y(y, len(X)))
        _, _, l2, *_ = _check_hyperparameters(self)
        m = len(X)
        sum_loss = 0.0
        for z_i, y_i in zip(self._logits(X), y):
            M_i = max(z_i)
            sum_e = 0.0
            for z_ik in z_i:
                sum_e += math.exp(z_ik - M_i)
            sum_loss += (M_i - z_i[y_i]) + math.log(sum_e)
        penalty = 0.0
        for w_k in self.weights:
            for w_kj in w_k:
                penalty += w_kj * w_kj
        return sum_loss / m + l2 / (2 * m) * penalty

    def score(self, X: Sequence[Sequence[float]], y: Sequence[Label]) -> float:
        """Accuracy: the fraction of rows whose predicted label equals y_i."""
        X = self._check_fitted_X(X, "score")
        labels = _check_y(y, len(X))
        self._positions(labels)  # a label not seen in fit is an error, not just a miss
        correct = 0
        for label_i, y_i in zip(self.predict(X), labels):
            correct += label_i == y_i
        return correct / len(labels)

    def __repr__(self) -> str:
        return (f"SoftmaxRegression(learning_rate={self.learning_rate!r}, n_iters={self.n_iters!r}, "
                f"l2={self.l2!r}, tol={self.tol!r}, batch_size={self.batch_size!r}, "
                f"seed={self.seed!r}, verbose={self.verbose!r})")

    def _logits(self, X: Matrix) -> Matrix:
        logits = []
        for x_i in X:
            z_i = []
            for w_k, b_k in zip(self.weights, self.bias):
                z_ik = b_k
                for w_kj, x_ij in zip(w_k, x_i):
                    z_ik += w_kj * x_ij
                z_i.append(z_ik)
            logits.append(z_i)
        return logits

    def _positions(self, labels: List[Label]) -> List[int]:
        """The position in ``classes`` of each label; a label not seen in fit is a ValueError."""
        position = {label: k for k, label in enumerate(self.classes)}
        positions = []
        for i, label in enumerate(labels):
            if label not in position:
                raise ValueError(f"y[{i}] is {label!r}, a label not seen in fit: this SoftmaxRegression "
                                 f"knows only the classes {self.classes!r}.")
            positions.append(position[label])
        return positions

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "weights"):
            raise ValueError(f"This SoftmaxRegression instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if len(X[0]) != len(self.weights[0]):
            raise ValueError(f"X has {len(X[0])} features per row, but this SoftmaxRegression "
                             f"was fitted with {len(self.weights[0])} features.")
        return X


# Input checks. They run once at the public boundary, so the loops above can trust
# their data: a rectangular list of lists of finite floats, and labels of one type.

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


def _check_y(y: Sequence[Label], m: int) -> List[Label]:
    """Copy y into a list of m class labels, all integers or all strings, or raise ValueError."""
    if isinstance(y, (str, bytes)) or not hasattr(y, "__iter__"):
        raise ValueError(f"y must be 1-D, a list with one label per sample; got {type(y).__name__}.")
    values = list(y)
    if len(values) != m:
        raise ValueError(f"X and y have different lengths: X has {m} rows but y has {len(values)} values.")
    labels = []
    for i, value in enumerate(values):
        label = _check_label(value, f"y[{i}]")
        if labels and type(label) is not type(labels[0]):
            raise ValueError(f"y mixes integer and string labels, which cannot be sorted together: "
                             f"y[0] is {values[0]!r} but y[{i}] is {value!r}. "
                             f"Use one type for every label.")
        labels.append(label)
    return labels


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


def _check_number(value: object, where: str) -> float:
    # float(None) raises TypeError and float("1") succeeds; both are bad data here.
    if value is None or isinstance(value, (str, bytes)) or hasattr(value, "__iter__"):
        raise ValueError(f"{where} is {value!r}, not a number; every entry of X must be a number.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where} is {value!r}, not a number; every entry of X must be a number.") from None
    except OverflowError:  # an int beyond the largest float, such as 10**400
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(f"{where} is {number}; NaN and infinite values are not allowed: drop or fill them first.")
    return number


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
    X = [[-2.0, 0.5], [-1.5, -0.5], [-1.0, 0.0], [-1.5, 1.0], [1.0, 0.5],
         [0.0, 1.5], [0.5, 2.0], [-0.5, 1.0], [0.0, 2.5], [-1.0, 0.5],
         [1.5, -1.0], [2.0, 0.0], [1.0, -0.5], [1.5, 1.0], [0.0, 1.0]]
    y = ["west"] * 5 + ["north"] * 5 + ["east"] * 5
    model = SoftmaxRegression(learning_rate=0.5, n_iters=2000, verbose=500).fit(X, y)
    print("classes: ", model.classes)
    print("weights: ", [[round(w_kj, 4) for w_kj in w_k] for w_k in model.weights])
    print("bias:    ", [round(b_k, 4) for b_k in model.bias])
    print("P(class):", [round(p, 3) for p in model.predict_proba([[0.0, 0.5]])[0]])
    print("accuracy:", model.score(X, y))
