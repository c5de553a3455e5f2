"""Logistic regression with theta first and a cost named computeCost (as several course
ports name it), the gradient in its own function, with a stable sigmoid and the cost
written from z.

Mathematics: mean log-loss max(z, 0) - y z + log(1 + e^-|z|) and (1/m) X^T (h - y):
the reference on any shape of y it is given (y is flattened first).

Expected: pass
Layout: theta as 1-D, bias first
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def computeCost(mytheta, myX, myy):
    y = np.ravel(myy)
    z = myX @ np.ravel(mytheta)
    return float(np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def gradient(mytheta, myX, myy):
    y = np.ravel(myy)
    h = sigmoid(myX @ np.ravel(mytheta))
    return myX.T @ (h - y) / len(y)
