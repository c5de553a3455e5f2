"""A learner's own logistic regression class, in the project's API (convention 1).

Expected: pass
"""

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iters=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1)
        m, n = X.shape
        w, b = np.zeros(n), 0.0
        self.cost_history = []
        for _ in range(self.n_iters):
            z = X @ w + b
            self.cost_history.append(self._cost(z, y, w, m))
            error = sigmoid(z) - y
            grad_w = X.T @ error / m + self.l2 / m * w
            grad_b = error.mean()
            w, b = w - self.learning_rate * grad_w, b - self.learning_rate * grad_b
        self.weights, self.bias = w, b
        return self

    def _cost(self, z, y, w, m):
        loss = np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))
        return loss.mean() + self.l2 / (2 * m) * np.sum(w * w)

    def predict_proba(self, X):
        return sigmoid(np.asarray(X, dtype=float) @ self.weights + self.bias)

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)

    def cost(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1)
        return self._cost(X @ self.weights + self.bias, y, self.weights, len(X))
