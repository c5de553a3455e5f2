"""A modified copy of the lesson's LinearRegression, in plain Python, that updates the
weights first and then computes the bias's gradient from the new weights.

Expected: sequential-update
"""


class LinearRegression:
    def __init__(self, learning_rate=0.01, n_iters=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2

    def _errors(self, X, y, w, b):
        return [sum(w_j * x_j for w_j, x_j in zip(w, x_i)) + b - y_i for x_i, y_i in zip(X, y)]

    def fit(self, X, y):
        m, n = len(X), len(X[0])
        w, b = [0.0] * n, 0.0
        self.cost_history = []
        for _ in range(self.n_iters):
            errors = self._errors(X, y, w, b)
            self.cost_history.append(sum(e * e for e in errors) / (2 * m)
                                     + self.l2 / (2 * m) * sum(w_j * w_j for w_j in w))
            for j in range(n):
                grad_j = sum(e * x_i[j] for e, x_i in zip(errors, X)) / m + self.l2 / m * w[j]
                w[j] -= self.learning_rate * grad_j
            errors = self._errors(X, y, w, b)  # the slip: b's gradient at the new w
            b -= self.learning_rate * sum(errors) / m
        self.weights, self.bias = w, b
        return self

    def predict(self, X):
        return [sum(w_j * x_j for w_j, x_j in zip(self.weights, x_i)) + self.bias for x_i in X]
