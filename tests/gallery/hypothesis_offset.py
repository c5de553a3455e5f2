"""The classic course's hypothesis written as its own function, h(X, theta), next to the
cost and the gradient that call it, with a stray + 1 left from a test: every prediction
is one too high. The cost and the gradient are the reference's formulas applied to these
predictions, so they inherit the slip.

Mathematics: h = X theta + 1 is not the model X theta; a function named h (or predict,
hypothesis, forward) that returns m numbers is judged as the prediction, and the slip
is reported there and in the cost and gradient built on it.

Expected: mismatch
Layout: h(X, theta) -> m predictions
"""

import numpy as np


def h(X, theta):
    return X @ theta + 1


def computeCost(X, y, theta):
    m = len(y)
    return np.sum((h(X, theta) - np.ravel(y)) ** 2) / (2 * m)


def gradient(X, y, theta):
    m = len(y)
    return X.T @ (h(X, theta) - np.ravel(y)) / m
