"""A gradient descent class that appends the column of ones at the end of X
(np.hstack((X, ones))), so theta keeps the bias last; alpha and iterations as its
hyperparameters, the cost recorded in J_history before each update.

Mathematics: the reference cost and simultaneous update from zeros.

Expected: pass
Layout: self.theta, bias last
"""

import numpy as np


class LinearRegressionGD:
    def __init__(self, alpha=0.01, iterations=1000):
        self.alpha = alpha
        self.iterations = iterations

    @staticmethod
    def _augment(X):
        X = np.asarray(X, dtype=float)
        return np.hstack((X, np.ones((X.shape[0], 1))))

    def fit(self, X, y):
        A = self._augment(X)
        y = np.ravel(y)
        m = len(y)
        self.theta = np.zeros(A.shape[1])
        self.J_history = []
        for _ in range(self.iterations):
            residual = A @ self.theta - y
            self.J_history.append(residual @ residual / (2 * m))
            self.theta = self.theta - self.alpha / m * (A.T @ residual)
        return self

    def predict(self, X):
        return self._augment(X) @ self.theta
