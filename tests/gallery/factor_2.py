"""Linear regression with the mean squared error 1/m sum (f - y)^2 and its gradient
2/m sum (f - y) x: a matched pair in the mean-squared-error convention, not the 1/(2m)
convention of the reference: named, and accepted (the same minimum, the exact gradient).

Expected: pass
Layout: convention: mean squared error
"""

import numpy as np


def compute_cost(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    return np.mean((X @ w + b - y) ** 2)


def compute_gradient(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    error = X @ w + b - y
    return 2 * X.T @ error / m, 2 * np.sum(error) / m
