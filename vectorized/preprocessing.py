"""Feature scaling: give every column mean 0 and standard deviation 1, in NumPy.

The twin of ``pure/preprocessing.py``. Gradient descent takes one learning rate for
all weights. When one feature is in the thousands and another in the thousandths, a
step small enough for the first barely moves the second: training crawls, or a larger
step diverges. Standardizing first puts every feature on the same scale.

    mean = 1/m sum over rows of X                      (n,)
    std  = sqrt(1/m sum over rows of (X - mean)^2)     (n,)
    X'   = (X - mean) / std                            (transform, broadcast over rows)
    X    = X' * std + mean                             (inverse_transform)

std is the population standard deviation (ddof=0, NumPy's default); ``statistics.stdev``
divides by m - 1. A constant column has std 0: it gets std 1, so it becomes a column of
zeros instead of 0/0.

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

import numpy as np

ArrayLike = object  # anything np.asarray accepts: a list of lists, an array, ...


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
        mean = X.mean(axis=0)
        std = X.std(axis=0)
        constant = X.max(axis=0) == X.min(axis=0)
        # A constant column: exact mean, std 1, so it transforms to exact zeros
        # (the mean of m equal floats can miss them by a rounding error).
        mean[constant] = X[0, constant]
        std[constant] = 1.0
        std[std == 0.0] = 1.0  # values so close (1e-200 apart) that their spread underflows
        self.mean = mean
        self.std = std
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """X' = (X - mean) / std."""
        X = self._check_fitted_X(X, "transform")
        return (X - self.mean) / self.std

    def fit_transform(self, X: ArrayLike) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """X = X' * std + mean: back to the original units."""
        X = self._check_fitted_X(X, "inverse_transform")
        return X * self.std + self.mean

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


# Input checks, as in the model files (repeated so that this file stands alone).

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


if __name__ == "__main__":
    # Demo: two features on very different scales come out on the same scale.
    X = np.array([[1000.0, 0.001], [2000.0, 0.003], [3000.0, 0.002]])
    scaler = StandardScaler().fit(X)
    print("mean:", scaler.mean.tolist())
    print("std: ", [round(s, 6) for s in scaler.std.tolist()])
    print("scaled:", [[round(v, 4) for v in row] for row in scaler.transform(X).tolist()])
