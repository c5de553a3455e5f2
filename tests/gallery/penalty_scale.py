"""Regularized logistic regression whose cost adds lambda/m sum w^2 (the gradient's
scale) where lambda/(2m) belongs.

Expected: penalty-scale
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def compute_cost_reg(X, y, w, b, lambda_=1):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    z = X @ w + b
    cost = np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))
    return cost + lambda_ / m * np.sum(w ** 2)


def compute_gradient_reg(X, y, w, b, lambda_=1):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    error = sigmoid(X @ w + b) - y
    return np.sum(error) / m, X.T @ error / m + lambda_ / m * w
