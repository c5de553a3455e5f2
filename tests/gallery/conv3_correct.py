"""Linear regression as functions of theta with a column of ones in X, as the classic
course's first exercise is ported to Python (convention 3).

Expected: pass
"""

import numpy as np


def computeCost(X, y, theta):
    m = y.size
    error = X @ theta - y.reshape(-1)
    return error @ error / (2 * m)


def gradientDescent(X, y, theta, alpha, num_iters):
    m = y.size
    y = y.reshape(-1)
    theta = theta.copy()
    J_history = []
    for _ in range(num_iters):
        J_history.append(computeCost(X, y, theta))
        theta = theta - alpha / m * (X.T @ (X @ theta - y))
    return theta, J_history
