"""The classic course's first exercise with sums where the means belong: the cost is
1/2 sum (h - y)^2 and the update subtracts alpha times the summed gradient.

Expected: missing-1/m
"""

import numpy as np


def computeCost(X, y, theta):
    error = X @ theta - y.reshape(-1)
    return np.sum(error ** 2) / 2


def gradientDescent(X, y, theta, alpha, num_iters):
    y = y.reshape(-1)
    J_history = np.zeros(num_iters)
    for i in range(num_iters):
        J_history[i] = computeCost(X, y, theta)
        theta = theta - alpha * (X.T @ (X @ theta - y))
    return theta, J_history
