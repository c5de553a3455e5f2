"""A ridge-style logistic regression class: lr, epochs and lambda_, theta with the bias
first (a column of ones prepended in fit), and a penalty lambda/m theta that includes the
bias in the update; the costs kept in self.costs.

Mathematics: the penalty of the gradient covers theta_0: the bias is regularized.

Expected: bias-regularized
Layout: theta
"""

import numpy as np


class LogisticRegressionGD:
    def __init__(self, lr=0.1, epochs=100, lambda_=0.0):
        self.lr, self.epochs, self.lambda_ = lr, epochs, lambda_

    @staticmethod
    def _sigmoid(z):
        return 0.5 * (1 + np.tanh(0.5 * z))

    def fit(self, X, y):
        Xb = np.c_[np.ones(len(X)), X]
        m = len(y)
        self.theta = np.zeros(Xb.shape[1])
        self.costs = []
        for _ in range(self.epochs):
            z = Xb @ self.theta
            cost = np.mean(np.logaddexp(0, z) - y * z)
            cost += self.lambda_ / (2 * m) * np.sum(self.theta ** 2)
            self.costs.append(cost)
            grad = Xb.T @ (self._sigmoid(z) - y) / m + self.lambda_ / m * self.theta
            self.theta = self.theta - self.lr * grad
        return self

    def predict(self, X):
        z = np.c_[np.ones(len(X)), X] @ self.theta
        return (z >= 0).astype(int)
