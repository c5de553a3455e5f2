"""A training function that makes its own start, small random weights from
np.random.randn and a zero bias, as many tutorials write it; it takes only the data, the
learning rate and the number of epochs, and returns the weights, the bias and the losses.

Mathematics: the reference cost and simultaneous update, from wherever it starts (the
checker seeds the generator and reads the start with zero epochs).

Expected: pass
Layout: train: a random start
"""

import numpy as np


def train(X, y, lr, epochs):
    m, n = X.shape
    w = np.random.randn(n) * 0.01
    b = 0.0
    losses = []
    for _ in range(epochs):
        residual = X @ w + b - y
        losses.append(float(residual @ residual) / (2 * m))
        w, b = w - lr * (X.T @ residual) / m, b - lr * residual.mean()
    return w, b, losses
