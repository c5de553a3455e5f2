"""Logistic regression with the log-loss summed over the samples, not averaged, and the
gradient summed to match, X^T (h - y): as several from-scratch tutorials write it. The
cost uses logaddexp, so it stays finite when the sigmoid saturates.

Mathematics: a summed loss with its exact (summed) gradient: a consistent convention,
named and accepted. Written for a flat y: a column y broadcasts (a warning).

Expected: pass, warning column-y-broadcast
Layout: convention: summed loss
"""

import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))


def loss(theta, X, y):
    z = X @ theta
    return np.sum(np.logaddexp(0, z) - y * z)


def gradient(theta, X, y):
    return X.T @ (sigmoid(X @ theta) - y)
