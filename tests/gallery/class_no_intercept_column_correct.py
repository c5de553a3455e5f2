"""A least-mean-squares class from a from-scratch repository that learns no intercept of
its own: its weights w_ are an (n, 1) column for an X that already carries a column of
ones (the course prepends it), y is an (m, 1) column, the learning rate is eta, and each
iteration appends 1/(2m) sum of squares, computed from the residuals before the update,
to cost_.

Mathematics: theta with the bias first, updated by eta/m X^T (X theta - y): the
reference, on the shapes its course passes (X with ones, y a column).

Expected: pass
Layout: no intercept of its own: X with a column of ones
Layout: y as an (m, 1) column
"""

import numpy as np


class LeastMeanSquares:
    def __init__(self, eta=0.05, n_iterations=1000):
        self.eta = eta
        self.n_iterations = n_iterations

    def fit(self, x, y):
        count = x.shape[0]
        self.w_ = np.zeros((x.shape[1], 1))
        self.cost_ = []
        for _ in range(self.n_iterations):
            residuals = x.dot(self.w_) - y
            self.cost_.append(float(np.sum(residuals ** 2)) / (2 * count))
            self.w_ -= (self.eta / count) * x.T.dot(residuals)
        return self

    def predict(self, x):
        return x.dot(self.w_)
