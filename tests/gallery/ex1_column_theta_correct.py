"""The classic course's first exercise on its own shapes: theta an (n+1, 1) column, y an
(m, 1) column, X with a column of ones; the cost returned as J[0, 0] of a 1 x 1 product,
so it only works on columns.

Mathematics: J = 1/(2m) (X theta - y)^T (X theta - y); theta := theta - alpha/m X^T (X theta
- y): the reference, history recorded before each update.

Expected: pass
Layout: theta as a column
"""

import numpy as np


def computeCost(X, y, theta):
    m = y.shape[0]
    residual = X.dot(theta) - y
    J = residual.T.dot(residual) / (2 * m)
    return J[0, 0]


def gradientDescent(X, y, theta, alpha, num_iters):
    m = y.shape[0]
    J_history = np.zeros((num_iters, 1))
    for it in range(num_iters):
        J_history[it] = computeCost(X, y, theta)
        theta = theta - (alpha / m) * X.T.dot(X.dot(theta) - y)
    return theta, J_history
