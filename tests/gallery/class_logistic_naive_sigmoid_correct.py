"""A from-scratch LogisticRegression class (learning_rate, n_iters stored as lr) with the
textbook sigmoid as a private method and predict returning labels.

Mathematics: dw = (1/m) X^T (sigmoid(X w + b) - y), db its mean: the reference from zeros.
Its sigmoid is never called at large |z| by fit on the course's data; the class exposes
no cost or probabilities for the checker to saturate.

Expected: pass
Layout: no cost history
"""

import numpy as np


class LogisticRegression:
    def __init__(self, learning_rate=0.001, n_iters=1000):
        self.lr = learning_rate
        self.n_iters = n_iters
        self.weights = None
        self.bias = None

    def fit(self, X, y):
        m, n = X.shape
        self.weights = np.zeros(n)
        self.bias = 0
        for _ in range(self.n_iters):
            y_predicted = self._sigmoid(np.dot(X, self.weights) + self.bias)
            dw = (1 / m) * np.dot(X.T, y_predicted - y)
            db = (1 / m) * np.sum(y_predicted - y)
            self.weights -= self.lr * dw
            self.bias -= self.lr * db

    def predict(self, X):
        probabilities = self._sigmoid(np.dot(X, self.weights) + self.bias)
        return np.array([1 if p >= 0.5 else 0 for p in probabilities])

    def _sigmoid(self, x):
        return 1 / (1 + np.exp(-x))
