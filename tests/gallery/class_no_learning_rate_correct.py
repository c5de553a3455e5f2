"""A class whose learning rate is written into its update (0.1) rather than taken as an
argument; the epochs are an argument of fit, the losses (half the mean squared error)
kept in self.losses before each update.

Mathematics: the reference update with alpha = 0.1: correct. The checker reads the rate
from the first update, then judges the run with it.

Expected: pass
Layout: takes no learning rate; 0.1, read from its first update
"""

import numpy as np


class LinearRegression:
    def __init__(self):
        self.losses = []

    def fit(self, x, y, epochs=150):
        m, n = x.shape
        self.weights, self.bias = np.zeros(n), 0.0
        for _ in range(epochs):
            residual = x @ self.weights + self.bias - y
            self.losses.append(float(residual @ residual) / (2 * m))
            self.weights = self.weights - 0.1 * (x.T @ residual) / m
            self.bias = self.bias - 0.1 * residual.mean()
        return self

    def predict(self, x):
        return x @ self.weights + self.bias
