"""A from-scratch class whose constructor is misspelt _init_ (one underscore each side),
so Python never calls it and the class takes no hyperparameters; its fit then calls
np.zero, which NumPy does not have.

Mathematics: nothing runs: fit raises before the first update. A class with no
iteration count of its own is still fitted once with its defaults, so the crash is
reported instead of the class being skipped.

Expected: raised
"""

import numpy as np


class LinearRegression:
    def _init_(self, lr=0.001, n_iters=1000):
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X, y):
        samples, features = X.shape
        self.weights = np.zero(features)
        self.bias = 0
        for _ in range(self.n_iters):
            residual = X @ self.weights + self.bias - y
            self.weights = self.weights - self.lr * X.T @ residual / samples
            self.bias = self.bias - self.lr * np.mean(residual)

    def predict(self, X):
        return X @ self.weights + self.bias
