"""gradientDescent returning theta alone (the history kept in a global list some
notebooks plot later is not returned), written with X.T @ error.

Mathematics: the reference update, num_iters times.

Expected: pass
Layout: theta alone
"""

import numpy as np


def computeCostMulti(X, y, theta):
    error = X @ theta - y
    return error @ error / (2 * len(y))


def gradientDescentMulti(X, y, theta, alpha, num_iters):
    m = len(y)
    for _ in range(num_iters):
        theta = theta - (alpha / m) * (X.T @ (X @ theta - y))
    return theta
