"""The classic course's second exercise as ported for scipy.optimize: costFunction(theta,
X, y) returns J alone, gradient(theta, X, y) the gradient alone; theta is 1-D (as
scipy passes it), y an (m, 1) column, both turned into np.matrix inside; the textbook
sigmoid and log(h).

Mathematics: mean log-loss and its exact gradient on the course's shapes: correct. At
|z| = 800 exp overflows and log(0) appears: robustness warnings only.

Expected: pass, warning sigmoid-overflow
Layout: y as a column
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def costFunction(theta, X, y):
    theta = np.matrix(theta)
    X = np.matrix(X)
    y = np.matrix(y)
    first = np.multiply(-y, np.log(sigmoid(X * theta.T)))
    second = np.multiply((1 - y), np.log(1 - sigmoid(X * theta.T)))
    return np.sum(first - second) / len(X)


def gradient(theta, X, y):
    theta = np.matrix(theta)
    X = np.matrix(X)
    y = np.matrix(y)
    n = int(theta.ravel().shape[1])
    grad = np.zeros(n)
    error = sigmoid(X * theta.T) - y
    for j in range(n):
        grad[j] = np.sum(np.multiply(error, X[:, j])) / len(X)
    return grad
