"""Linear regression written for a flat y: given y of shape (m, 1), f - y broadcasts
to an (m, m) matrix.

Expected: pass, warning column-y-broadcast
Layout: w as 1-D, b a number
"""

import numpy as np


def compute_cost(X, y, w, b):
    m = X.shape[0]
    return np.sum((X @ w + b - y) ** 2) / (2 * m)


def compute_gradient(X, y, w, b):
    m = X.shape[0]
    error = X @ w + b - y
    return X.T @ error / m, np.sum(error) / m
