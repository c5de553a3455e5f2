"""The classic course's first exercise copied out of a notebook whose data cell set
m = len(y) (97 for its data set): computeCost and gradientDescent divide by that global
m instead of the length of the y they receive. Here theta is a (2, 1) column and y an
(m, 1) column, as the notebook shaped them.

Mathematics: 1/(2m) sum of squares and its exact gradient, so correct on the course's
data, where the global m is the number of samples; with any other data the global is
wrong. The checker sets m to each case's number of samples and reports the global read
(a warning).

Expected: pass, warning uses-global
Layout: computeCost(X, y, theta) -> J
Layout: gradientDescent(X, y, theta, alpha, iterations) -> theta alone
"""

import numpy as np

m = 97  # set by the notebook's data cell: m = len(y)


def computeCost(X, y, theta):
    residual = np.dot(X, theta) - y
    return np.sum(residual ** 2) / (2 * m)


def gradientDescent(X, y, theta, alpha, iterations):
    for _ in range(iterations):
        residual = np.dot(X, theta) - y
        theta = theta - (alpha / m) * np.dot(X.T, residual)
    return theta
