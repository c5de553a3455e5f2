"""The classic course's regularized logistic cost with theta_0 penalized too.

Expected: bias-regularized
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def costFunction(theta, X, y):
    return costFunctionReg(theta, X, y, 0.0)


def costFunctionReg(theta, X, y, lambda_):
    m = y.size
    y = y.reshape(-1)
    z = X @ theta
    J = np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))
    J = J + lambda_ / (2 * m) * np.sum(theta ** 2)
    grad = X.T @ (sigmoid(z) - y) / m + lambda_ / m * theta
    return J, grad
