"""Logistic regression as a class whose constructor takes nothing: the iteration count
and the learning rate are arguments of train(X, y_true, n_iters, learning_rate), the
weights an (n, 1) column, and train returns the weights, the bias and the costs. Written
for y as an (m, 1) column, as its notebook passes it (a flat y would broadcast).

Mathematics: the mean log-loss's gradient, simultaneous updates from zeros: the reference
on its own shapes.

Expected: pass
Layout: y as an (m, 1) column
"""

import numpy as np


class LogisticRegression:
    def __init__(self):
        pass

    def sigmoid(self, a):
        return np.exp(-np.logaddexp(0.0, -a))

    def train(self, X, y_true, n_iters, learning_rate):
        n_samples, n_features = X.shape
        self.weights = np.zeros((n_features, 1))
        self.bias = 0.0
        costs = []
        for _ in range(n_iters):
            z = X @ self.weights + self.bias
            costs.append(float(np.mean(np.logaddexp(0.0, z) - y_true * z)))
            delta = self.sigmoid(z) - y_true
            self.weights = self.weights - learning_rate * (X.T @ delta) / n_samples
            self.bias = self.bias - learning_rate * float(np.mean(delta))
        return self.weights, self.bias, costs

    def predict(self, X):
        probabilities = self.sigmoid(X @ self.weights + self.bias)
        return (probabilities > 0.5).astype(int)
