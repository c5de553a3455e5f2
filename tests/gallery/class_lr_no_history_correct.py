"""A from-scratch LinearRegression class in the style of the popular tutorials: lr and
n_iters, weights and bias, no cost history, a predict method.

Mathematics: dw = (1/m) X^T (X w + b - y), db = mean(X w + b - y), simultaneous updates
from zeros: the reference; judged on its final parameters and predictions.

Expected: pass
Layout: no cost history
"""

import numpy as np


class LinearRegression:
    def __init__(self, lr=0.001, n_iters=1000):
        self.lr = lr
        self.n_iters = n_iters
        self.weights = None
        self.bias = None

    def fit(self, X, y):
        n_samples, n_features = X.shape
        self.weights = np.zeros(n_features)
        self.bias = 0.0
        for _ in range(self.n_iters):
            y_hat = np.dot(X, self.weights) + self.bias
            dw = np.dot(X.T, y_hat - y) / n_samples
            db = np.sum(y_hat - y) / n_samples
            self.weights = self.weights - self.lr * dw
            self.bias = self.bias - self.lr * db

    def predict(self, X):
        return np.dot(X, self.weights) + self.bias
