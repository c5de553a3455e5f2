"""Feature scaling: give every column mean 0 and standard deviation 1, in plain Python.

Gradient descent takes one learning rate for all weights. When one feature is in the
thousands and another in the thousandths, a step small enough for the first barely
moves the second: training crawls, or a larger step diverges. Standardizing first puts
every feature on the same scale.

    mean_j = 1/m sum_i x_ij
    std_j  = sqrt(1/m sum_i (x_ij - mean_j)^2)
    x'_ij  = (x_ij - mean_j) / std_j                  (transform)
    x_ij   = x'_ij * std_j + mean_j                   (inverse_transform)

std_j is the population standard deviation (divide by m, like NumPy's default ddof=0);
``statistics.stdev`` divides by m - 1, so it is not used here. A constant column has
std 0: it gets std 1, so it becomes a column of zeros instead of 0/0.

Computed accurately, for every finite input (the textbook formulas fail at the extremes)
    scale: the squares (x_ij - mean_j)^2 overflow for spreads beyond 1e154 and underflow
        below 1e-162, and the sum of m values near 1.7e308 overflows. So each column is
        first divided by 2^e_j, the power of two just above max_i |x_ij|: exact (only the
        exponent changes), and every u_ij = x_ij / 2^e_j lies in (-1, 1).
    mean: the rounding error of a first mean is measured and removed by a second pass,
        mean_u = 1/m sum_i u_ij,  then  mean_u += 1/m sum_i (u_ij - mean_u).
    variance: the corrected two-pass formula, with d_ij = u_ij - mean_u,
        var_u = (sum_i d_ij^2 - (sum_i d_ij)^2 / m) / m,
        whose second term cancels what is left of the error of the mean (the same digits
        on features offset far from zero, such as 1e12 + small changes).
    Then mean_j = mean_u * 2^e_j and std_j = sqrt(var_u) * 2^e_j.
    transform: x_ij - mean_j overflows when both are near the float limit (1.7e308 and
        -1.7e308), so both are halved first (exact) and the result doubled:
        x'_ij = (x_ij / 2 - mean_j / 2) / std_j * 2.

Fit the scaler on the training data only, then transform the training and the test
data with the same mean and std.

>>> scaler = StandardScaler().fit([[1.0, 10.0], [3.0, 10.0]])
>>> scaler.mean, scaler.std
([2.0, 10.0], [1.0, 1.0])
>>> scaler.transform([[1.0, 10.0], [5.0, 12.0]])
[[-1.0, 0.0], [3.0, 2.0]]
"""

import math
import numbers
from collections.abc import Mapping
from typing import List, Optional, Sequence, Tuple

Vector = List[float]
Matrix = List[Vector]


def mean_and_std(x: Vector) -> Tuple[float, float]:
    """mean = 1/m sum_i x_i and std = sqrt(1/m sum_i (x_i - mean)^2), accurately (see above)."""
    m = len(x)
    e = math.frexp(max(abs(x_i) for x_i in x))[1]  # max_i |x_i| < 2^e
    u = [math.ldexp(x_i, -e) for x_i in x]  # u_i = x_i / 2^e, exact
    mean_u = sum(u) / m
    mean_u += sum(u_i - mean_u for u_i in u) / m  # the correction: the first pass's error
    d = [u_i - mean_u for u_i in u]
    var_u = (sum(d_i * d_i for d_i in d) - sum(d) ** 2 / m) / m
    return math.ldexp(mean_u, e), math.ldexp(math.sqrt(max(var_u, 0.0)), e)  # >= 0 when rounded


assert mean_and_std([1.0, 3.0]) == (2.0, 1.0) and mean_and_std([0.0, 0.0]) == (0.0, 0.0)
assert mean_and_std([1.7e308, -1.7e308]) == (0.0, 1.7e308)


class StandardScaler:
    """Standardize features: x' = (x - mean) / std, column by column.

    Attributes (set by ``fit``)
    ---------------------------
    mean : list of float
        The mean of each feature.
    std : list of float
        The population standard deviation of each feature (1.0 for a constant one).
    """

    def fit(self, X: Sequence[Sequence[float]]) -> "StandardScaler":
        """Learn ``mean`` and ``std`` of each column of X."""
        X = _check_X(X)
        mean, std = [], []
        for j in range(len(X[0])):
            column = [x_i[j] for x_i in X]
            mean_j, std_j = mean_and_std(column)
            if all(x_ij == column[0] for x_ij in column):
                # A constant column: exact mean, std 1, so it transforms to exact zeros
                # (the mean of m equal floats can miss them by a rounding error).
                mean_j, std_j = column[0], 1.0
            elif std_j == 0.0:  # values so close (1e-320 apart) that even their spread rounds to 0
                std_j = 1.0
            mean.append(mean_j)
            std.append(std_j)
        self.mean = mean
        self.std = std
        return self

    def transform(self, X: Sequence[Sequence[float]]) -> Matrix:
        """x'_ij = (x_ij - mean_j) / std_j, as (x_ij / 2 - mean_j / 2) / std_j * 2."""
        X = self._check_fitted_X(X, "transform")
        scaled = [[(x_ij / 2 - mean_j / 2) / std_j * 2
                   for x_ij, mean_j, std_j in zip(x_i, self.mean, self.std)] for x_i in X]
        return _finite(scaled, X)

    def fit_transform(self, X: Sequence[Sequence[float]]) -> Matrix:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X: Sequence[Sequence[float]]) -> Matrix:
        """x_ij = x'_ij * std_j + mean_j: back to the original units (halved, then doubled)."""
        X = self._check_fitted_X(X, "inverse_transform")
        original = [[(x_ij * (std_j / 2) + mean_j / 2) * 2
                     for x_ij, mean_j, std_j in zip(x_i, self.mean, self.std)] for x_i in X]
        return _finite(original, X)

    def __repr__(self) -> str:
        return "StandardScaler()"

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "mean"):
            raise ValueError(f"This StandardScaler instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = len(self.mean)
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if len(X[0]) != n:
            got = len(X[0])
            raise ValueError(f"X has {got} feature{'s' if got != 1 else ''} per row, but this "
                             f"StandardScaler was fitted with {n} "
                             f"feature{'s' if n != 1 else ''}.")
        return X


def _finite(values: Matrix, X: Matrix) -> Matrix:
    """values, if every one is finite; else a ValueError (X too large for mean and std)."""
    if not all(math.isfinite(v) for row in values for v in row):
        largest = max(abs(x_ij) for x_i in X for x_ij in x_i)
        raise ValueError(f"the transformed values are not finite: X holds values too large "
                         f"for these parameters (the largest |x| is {largest:.3g}). Scale X "
                         f"the same way as the training data.")
    return values


# ---- Input checks -----------------------------------------------------------------------
# As in the model files (repeated, so that this file stands alone): once, at the public
# boundary, so the loops above can trust a rectangular list of finite floats.

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
    return (f"X must be 2-D, one row per sample, but it is 1-D. This StandardScaler was "
            f"fitted with {features}: {fix}.")


_ROWS = "a list of rows or a 2-D array"


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


if __name__ == "__main__":
    # Demo: two features on very different scales come out on the same scale.
    X = [[1000.0, 0.001], [2000.0, 0.003], [3000.0, 0.002]]
    scaler = StandardScaler().fit(X)
    print("mean:", scaler.mean)
    print("std: ", [round(s, 6) for s in scaler.std])
    print("scaled:", [[round(v, 4) for v in row] for row in scaler.transform(X)])
