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

import numbers
import warnings
from typing import Tuple

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
        X = _check_X(X)
        if X.shape[1] != len(self.mean):
            raise ValueError(f"X has {X.shape[1]} features per row, but this StandardScaler "
                             f"was fitted with {len(self.mean)} features.")
        return X


def _finite(values: np.ndarray, X: np.ndarray) -> np.ndarray:
    """values, if every one is finite; else a ValueError (X too large for mean and std)."""
    if not np.all(np.isfinite(values)):
        raise ValueError(f"the transformed values are not finite: X holds values too large "
                         f"for these parameters (the largest |x| is {np.abs(X).max():.3g}). "
                         f"Scale X the same way as the training data.")
    return values


# Input checks, as in the model files (repeated so that this file stands alone).

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


if __name__ == "__main__":
    # Demo: two features on very different scales come out on the same scale.
    X = np.array([[1000.0, 0.001], [2000.0, 0.003], [3000.0, 0.002]])
    scaler = StandardScaler().fit(X)
    print("mean:", scaler.mean.tolist())
    print("std: ", [round(s, 6) for s in scaler.std.tolist()])
    print("scaled:", [[round(v, 4) for v in row] for row in scaler.transform(X).tolist()])
