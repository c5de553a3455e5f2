"""The classic course's first exercise with a misspelt name in gradientDescent.

Expected: raised
"""

import numpy as np


def computeCost(X, y, theta):
    m = y.size
    error = X @ theta - y.reshape(-1)
    return error @ error / (2 * m)


def gradientDescent(X, y, theta, alpha, num_iters):
    m = y.size
    J_history = np.zeros(num_iter)
    for i in range(num_iters):
        J_history[i] = computeCost(X, y, theta)
        theta = theta - alpha / m * (X.T @ (X @ theta - y))
    return theta, J_history
