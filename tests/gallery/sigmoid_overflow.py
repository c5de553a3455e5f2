"""The classic course's logistic exercise with the textbook sigmoid 1 / (1 + exp(-z)),
which overflows for large negative z.

Expected: pass, warning sigmoid-overflow
Layout: theta as 1-D, bias first
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def costFunction(theta, X, y):
    m = y.size
    y = y.reshape(-1)
    h = sigmoid(X @ theta)
    J = -(y @ np.log(h) + (1 - y) @ np.log(1 - h)) / m
    grad = X.T @ (h - y) / m
    return J, grad


def predict(theta, X):
    return (sigmoid(X @ theta) >= 0.5).astype(int)
