"""The well-known from-scratch Regression base class and its LinearRegression subclass:
n_iterations and learning_rate, a column of ones inserted first so self.w holds the bias
first, a random uniform start, training_errors recording half the mean squared error,
and a gradient -(y - y_pred).dot(X) summed over the samples.

Mathematics: the recorded cost is the mean 1/(2m) sum of squares but the gradient is
m times its derivative: a sum where the mean belongs.

Expected: missing-1/m
Layout: a random start
"""

import math

import numpy as np


class Regression(object):
    def __init__(self, n_iterations, learning_rate):
        self.n_iterations = n_iterations
        self.learning_rate = learning_rate

    def initialize_weights(self, n_features):
        limit = 1 / math.sqrt(n_features)
        self.w = np.random.uniform(-limit, limit, (n_features,))

    def fit(self, X, y):
        X = np.insert(X, 0, 1, axis=1)
        self.training_errors = []
        self.initialize_weights(n_features=X.shape[1])
        for _ in range(self.n_iterations):
            y_pred = X.dot(self.w)
            mse = np.mean(0.5 * (y - y_pred) ** 2)
            self.training_errors.append(mse)
            grad_w = -(y - y_pred).dot(X)
            self.w -= self.learning_rate * grad_w

    def predict(self, X):
        X = np.insert(X, 0, 1, axis=1)
        return X.dot(self.w)


class LinearRegression(Regression):
    def __init__(self, n_iterations=100, learning_rate=0.001):
        super(LinearRegression, self).__init__(n_iterations=n_iterations,
                                               learning_rate=learning_rate)
