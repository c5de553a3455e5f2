"""Logistic regression with the log-loss as its cost but the gradient of the squared
error of the sigmoid: (f - y) f (1 - f) x, not the derivative of its own cost.

Expected: cost-gradient-mismatch
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
    f = sigmoid(X @ w + b)
    error = (f - y) * f * (1 - f)
    return X.T @ error / m, np.sum(error) / m
