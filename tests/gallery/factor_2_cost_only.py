"""The mean squared error 1/m sum (f - y)^2 as the cost, but the gradient of the course's
1/(2m) convention, (1/m) sum (f - y) x: the pair does not match, and the cost is twice
the course's.

Mathematics: cost = 2 x reference; gradient = reference.

Expected: factor-2
Layout: w as 1-D, b a number
"""

import numpy as np


def compute_cost(X, y, w, b):
    residuals = X @ w + b - np.ravel(y)
    return np.mean(residuals ** 2)


def compute_gradient(X, y, w, b):
    residuals = X @ w + b - np.ravel(y)
    return X.T @ residuals / len(residuals), residuals.mean()
