"""A class in plain Python whose training method is train(X, y, epochs), with alpha in
the constructor and the parameters in self.param, bias first; the loss of each epoch
kept in self.losses before the update.

Mathematics: the reference cost and simultaneous update from zeros.

Expected: pass
Layout: class LinearModel
"""


class LinearModel:
    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.param = None
        self.losses = []

    def _predict_row(self, row):
        return self.param[0] + sum(p * x for p, x in zip(self.param[1:], row))

    def train(self, X, y, epochs):
        m = len(X)
        self.param = [0.0] * (len(X[0]) + 1)
        for _ in range(epochs):
            errors = [self._predict_row(row) - t for row, t in zip(X, y)]
            self.losses.append(sum(e * e for e in errors) / (2 * m))
            grad = [sum(errors) / m]
            grad += [sum(e * row[j] for e, row in zip(errors, X)) / m for j in range(len(X[0]))]
            self.param = [p - self.alpha * g for p, g in zip(self.param, grad)]
        return self

    def predict(self, X):
        return [self._predict_row(row) for row in X]
