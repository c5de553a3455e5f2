"""One step of gradient descent as its own function (update_weights), returning the new w
and b, beside the cost.

Mathematics: w - alpha (1/m) X^T (f - y), b - alpha mean(f - y): the reference step.

Expected: pass
Layout: w as 1-D, b a number
"""

import numpy as np


def cost(X, y, w, b):
    return np.mean((X @ w + b - y) ** 2) / 2


def update_weights(X, y, w, b, learning_rate):
    error = X @ w + b - y
    return w - learning_rate * X.T @ error / len(y), b - learning_rate * error.mean()
