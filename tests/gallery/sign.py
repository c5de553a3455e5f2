"""Logistic regression whose gradient uses y - f where f - y belongs.

Expected: sign
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def compute_cost(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    z = X @ w + b
    return np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))


def compute_gradient(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    error = y - sigmoid(X @ w + b)
    return X.T @ error / m, np.sum(error) / m
