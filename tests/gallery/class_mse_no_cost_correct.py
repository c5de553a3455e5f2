"""A from-scratch class that takes its iteration count and learning rate as required
arguments (iteration, learning_rate), keeps its weights in self.weight and its intercept
under a name of its own (self.constant), and steps along the mean-squared-error gradient
-(2/m) X^T (y - f) and -(2/m) sum (y - f). It defines no cost and keeps no history.

Mathematics: 2/m sum (f - y) x is the exact gradient of the mean squared error, the
measure the author names: consistent, named from the updates alone and accepted (as for
functions); the intercept is found as the one non-whole number the fitted object holds.

Expected: pass
Layout: parameters in self.weight and self.constant
Layout: convention: mean squared error
"""

import numpy as np


class LinearRegression:
    def __init__(self, iteration, learning_rate):
        self.iteration = iteration
        self.learning_rate = learning_rate

    def fit(self, X, Y):
        self.rows, self.features = X.shape
        self.weight = np.zeros(self.features)
        self.constant = 0.0
        for _ in range(self.iteration):
            residual = Y - self.predict(X)
            self.weight = self.weight + self.learning_rate * 2 * X.T.dot(residual) / self.rows
            self.constant = self.constant + self.learning_rate * 2 * np.sum(residual) / self.rows
        return self

    def predict(self, X):
        return X.dot(self.weight) + self.constant
