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

Fit the scaler on the training data only, then transform the training and the test
data with the same mean and std.

>>> scaler = StandardScaler().fit([[1.0, 10.0], [3.0, 10.0]])
>>> scaler.mean, scaler.std
([2.0, 10.0], [1.0, 1.0])
>>> scaler.transform([[1.0, 10.0], [5.0, 12.0]])
[[-1.0, 0.0], [3.0, 2.0]]
"""

import math
from typing import List, Sequence

Vector = List[float]
Matrix = List[Vector]


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
        m, n = len(X), len(X[0])
        mean = [0.0] * n
        for x_i in X:
            for j in range(n):
                mean[j] += x_i[j]
        mean = [total / m for total in mean]
        std = [0.0] * n
        for x_i in X:
            for j in range(n):
                std[j] += (x_i[j] - mean[j]) * (x_i[j] - mean[j])
        std = [math.sqrt(total / m) for total in std]
        for j in range(n):
            if all(x_i[j] == X[0][j] for x_i in X):
                # A constant column: exact mean, std 1, so it transforms to exact zeros
                # (the mean of m equal floats can miss them by a rounding error).
                mean[j], std[j] = X[0][j], 1.0
            elif std[j] == 0.0:  # values so close (1e-200 apart) that their spread underflows
                std[j] = 1.0
        self.mean = mean
        self.std = std
        return self

    def transform(self, X: Sequence[Sequence[float]]) -> Matrix:
        """x'_ij = (x_ij - mean_j) / std_j."""
        X = self._check_fitted_X(X, "transform")
        return [[(x_ij - mean_j) / std_j for x_ij, mean_j, std_j in zip(x_i, self.mean, self.std)]
                for x_i in X]

    def fit_transform(self, X: Sequence[Sequence[float]]) -> Matrix:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X: Sequence[Sequence[float]]) -> Matrix:
        """x_ij = x'_ij * std_j + mean_j: back to the original units."""
        X = self._check_fitted_X(X, "inverse_transform")
        return [[x_ij * std_j + mean_j for x_ij, mean_j, std_j in zip(x_i, self.mean, self.std)]
                for x_i in X]

    def __repr__(self) -> str:
        return "StandardScaler()"

    def _check_fitted_X(self, X: Sequence[Sequence[float]], method: str) -> Matrix:
        if not hasattr(self, "mean"):
            raise ValueError(f"This StandardScaler instance is not fitted yet. "
                             f"Call 'fit' with training data before '{method}'.")
        X = _check_X(X)
        if len(X[0]) != len(self.mean):
            raise ValueError(f"X has {len(X[0])} features per row, but this StandardScaler "
                             f"was fitted with {len(self.mean)} features.")
        return X


# Input checks, as in the model files (repeated so that this file stands alone).

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


if __name__ == "__main__":
    # Demo: two features on very different scales come out on the same scale.
    X = [[1000.0, 0.001], [2000.0, 0.003], [3000.0, 0.002]]
    scaler = StandardScaler().fit(X)
    print("mean:", scaler.mean)
    print("std: ", [round(s, 6) for s in scaler.std])
    print("scaled:", [[round(v, 4) for v in row] for row in scaler.transform(X)])
