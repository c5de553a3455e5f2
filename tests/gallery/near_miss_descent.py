"""The classic course's gradientDescent with a learning-rate decay left on from another
exercise: alpha / (1 + 1e-5 i) at iteration i. The final theta differs from plain
gradient descent's by a few parts in 10,000, so a loose tolerance (1e-3) would accept it.

Mathematics: every update is a gradient step, but not with the alpha it was given.

Expected: mismatch
Layout: theta alone
"""

import numpy as np


def computeCost(X, y, theta):
    m = len(y)
    return np.sum((X @ theta - np.ravel(y)) ** 2) / (2 * m)


def gradientDescent(X, y, theta, alpha, num_iters, decay=1e-5):
    m = len(y)
    y = np.ravel(y)
    theta = np.array(theta, dtype=float)
    for i in range(num_iters):
        step = alpha / (1 + decay * i)
        theta = theta - step / m * (X.T @ (X @ theta - y))
    return theta
