"""Logistic regression with a stable sigmoid but the textbook cost,
-mean(y log f + (1 - y) log(1 - f)), which takes log(0) once f is exactly 0 or 1.

Expected: pass, warning log-of-zero
Layout: w as 1-D, b a number
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def compute_cost(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    f = sigmoid(X @ w + b)
    return -np.mean(y * np.log(f) + (1 - y) * np.log(1 - f))


def compute_gradient(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    error = sigmoid(X @ w + b) - y
    return X.T @ error / m, np.sum(error) / m
