"""The classic course's first exercise with a sum where the mean belongs: the cost is
the course's 1/(2m) sum (h - y)^2, but the update subtracts alpha times the summed
gradient sum (h - y) x, which is m times the derivative of that cost. (A summed cost
with that summed update would be a consistent convention, named and accepted: see
summed_run_correct.py.)

Expected: missing-1/m
"""

import numpy as np


def computeCost(X, y, theta):
    error = X @ theta - y.reshape(-1)
    return np.sum(error ** 2) / (2 * len(error))


def gradientDescent(X, y, theta, alpha, num_iters):
    y = y.reshape(-1)
    J_history = np.zeros(num_iters)
    for i in range(num_iters):
        J_history[i] = computeCost(X, y, theta)
        theta = theta - alpha * (X.T @ (X @ theta - y))
    return theta, J_history
