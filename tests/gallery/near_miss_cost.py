"""Logistic regression whose cost guards log with a small epsilon, log(h + 1e-4) and
log(1 - h + 1e-4): on the checker's cases the cost is off by about 0.01 to 0.1 percent,
close enough that a loose tolerance (1e-3) would accept it.

Mathematics: not the mean log-loss; the gradient (written separately) is exact.

Expected: mismatch
Layout: w as 1-D, b a number
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def compute_cost(X, y, w, b):
    y = np.ravel(y)
    h = sigmoid(X @ w + b)
    eps = 1e-4
    return -np.mean(y * np.log(h + eps) + (1 - y) * np.log(1 - h + eps))


def compute_gradient(X, y, w, b):
    y = np.ravel(y)
    error = sigmoid(X @ w + b) - y
    return X.T @ error / len(y), error.mean()
