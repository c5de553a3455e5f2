"""Feature scaling: give every column mean 0 and standard deviation 1, in NumPy.

The twin of ``pure/preprocessing.py``. Gradient descent takes one learning rate for
all weights. When one feature is in the thousands and another in the thousandths, a
step small enough for the first barely moves the second: training crawls, or a larger
step diverges. Standardizing first puts every feature on the same scale.

    mean = 1/m 1^T X                                   (n,), the column means
    std  = sqrt(1/m 1^T (X - mean)^2)                  (n,), squares element-wise
    X'   = (X - mean) / std                            (transform, broadcast over rows)
    X    = X' * std + mean                             (inverse_transform)

std is the population standard deviation (ddof=0, NumPy's default); ``statistics.stdev``
divides by m - 1. A constant column has std 0: it gets std 1, so it becomes a column of
zeros instead of 0/0.

Computed accurately, for every finite input (the textbook formulas fail at the extremes)
    scale: the squares (X - mean)^2 overflow for spreads beyond 1e154 and underflow below
        1e-162, and the sum of m values near 1.7e308 overflows. So each column is first
        divided by 2^e, the power of two just above its largest |x| (np.frexp): exact
        (only the exponent changes), and every entry of U = X / 2^e lies in (-1, 1).
    mean: the rounding error of a first mean is measured and removed by a second pass,
        mean_U = 1/m 1^T U,  then  mean_U += 1/m 1^T (U - mean_U).
    variance: the corrected two-pass formula, with D = U - mean_U,
        var_U = (1^T D^2 - (1^T D)^2 / m) / m,
        whose second term cancels what is left of the error of the mean (the same digits
        on features offset far from zero, such as 1e12 + small changes).
    Then mean = mean_U * 2^e and std = sqrt(var_U) * 2^e.
    transform: X - mean overflows when both are near the float limit (1.7e308 and
        -1.7e308), so both are halved first (exact) and the result doubled:
        X' = (X / 2 - mean / 2) / std * 2.

Fit the scaler on the training data only, then transform the training and the test
data with the same mean and std.

>>> scaler = StandardScaler().fit([[1.0, 10.0], [3.0, 10.0]])
>>> scaler.mean.tolist(), scaler.std.tolist()
([2.0, 10.0], [1.0, 1.0])
>>> scaler.transform([[1.0, 10.0], [5.0, 12.0]]).tolist()
[[-1.0, 0.0], [3.0, 2.0]]
"""

import math
import numbers
import warnings
from collections.abc import Mapping
from typing import Optional, Tuple

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...


def mean_and_std(X: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """mean = 1/m 1^T X and std = sqrt(1/m 1^T (X - mean)^2), accurately (see above)."""
    m = X.shape[0]
    e = np.frexp(np.abs(X).max(axis=0))[1]  # max |x| < 2^e, column by column
    U = np.ldexp(X, -e)  # U = X / 2^e, exact
    mean_U = U.sum(axis=0) / m
    mean_U = mean_U + (U - mean_U).sum(axis=0) / m  # the correction: the first pass's error
    D = U - mean_U
    var_U = ((D * D).sum(axis=0) - D.sum(axis=0) ** 2 / m) / m
    return np.ldexp(mean_U, e), np.ldexp(np.sqrt(np.maximum(var_U, 0.0)), e)  # >= 0 rounded


assert [v.tolist() for v in mean_and_std(np.array([[1.0], [3.0]]))] == [[2.0], [1.0]]
assert [v.tolist() for v in mean_and_std(np.array([[1.7e308], [-1.7e308]]))] == [[0.0],
                                                                                  [1.7e308]]


class StandardScaler:
    """Standardize features: X' = (X - mean) / std, column by column.

    Attributes (set by ``fit``)
    ---------------------------
    mean : ndarray of shape (n,)
        The mean of each feature.
    std : ndarray of shape (n,)
        The population standard deviation of each feature (1.0 for a constant one).
    """

    def fit(self, X: ArrayLike) -> "StandardScaler":
        """Learn ``mean`` and ``std`` of each column of X."""
        X = _check_X(X)
        mean, std = mean_and_std(X)
        constant = X.max(axis=0) == X.min(axis=0)
        # A constant column: exact mean, std 1, so it transforms to exact zeros
        # (the mean of m equal floats can miss them by a rounding error).
        mean[constant] = X[0, constant]
        std[constant] = 1.0
        std[std == 0.0] = 1.0  # values so close (1e-320 apart) that even their spread rounds to 0
        self.mean = mean
        self.std = std
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """X' = (X - mean) / std, as (X / 2 - mean / 2) / std * 2."""
        X = self._check_fitted_X(X, "transform")
        with np.errstate(over="ignore", invalid="ignore"):  # reported by _finite
            scaled = (X / 2 - self.mean / 2) / self.std * 2
        return _finite(scaled, X)

    def fit_transform(self, X: ArrayLike) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """X = X' * std + mean: back to the original units (halved, then doubled)."""
        X = self._check_fitted_X(X, "inverse_transform")
        with np.errstate(over="ignore", invalid="ignore"):  # reported by _finite
            original = (X * (self.std / 2) + self.mean / 2) * 2
        return _finite(original, X)

    def __repr__(self) -> str:
        return "StandardScaler()"

    def _check_fitted_X(self, X: ArrayLike, method: str) -> np.ndarray:
        if not hasattr(self, "mean"):
            raise ValueError(f"This StandardScaler instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        n = len(self.mean)
        message = _one_d_message(X, n)
        if message is not None:
            raise ValueError(message)
        X = _check_X(X)
        if X.shape[1] != n:
            got = X.shape[1]
            raise ValueError(f"X has {got} feature{'s' if got != 1 else ''} per row, but this "
                             f"StandardScaler was fitted with {n} "
                             f"feature{'s' if n != 1 else ''}.")
        return X


def _finite(values: np.ndarray, X: np.ndarray) -> np.ndarray:
    """values, if every one is finite; else a ValueError (X too large for mean and std)."""
    if not np.all(np.isfinite(values)):
        raise ValueError(f"the transformed values are not finite: X holds values too large "
                         f"for these parameters (the largest |x| is {np.abs(X).max():.3g}). "
                         f"Scale X the same way as the training data.")
    return values


# ---- Input checks -----------------------------------------------------------------------
# As in the model files (repeated, so that this file stands alone): once, at the public
# boundary, so the algebra above can trust a 2-D float64 array X (not copied when it is one
# already). What NumPy does not read as finite numbers goes through the pure twin's walk,
# which names the first problem in the same words.

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
    X = np.array([[1000.0, 0.001], [2000.0, 0.003], [3000.0, 0.002]])
    scaler = StandardScaler().fit(X)
    print("mean:", scaler.mean.tolist())
    print("std: ", [round(s, 6) for s in scaler.std.tolist()])
    print("scaled:", [[round(v, 4) for v in row] for row in scaler.transform(X).tolist()])
