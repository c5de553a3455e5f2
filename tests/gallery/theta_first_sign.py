"""The classic course's costFunction(theta, X, y) returning (J, grad), with the gradient
written from y - h where h - y belongs.

Mathematics: J is the mean log-loss; grad is the negative of its derivative.

Expected: sign
Layout: theta as 1-D, bias first
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def costFunction(theta, X, y):
    m = len(y)
    y = np.ravel(y)
    z = X.dot(theta)
    J = np.sum(np.logaddexp(0, z) - y * z) / m
    grad = X.T.dot(y - sigmoid(z)) / m
    return J, grad
