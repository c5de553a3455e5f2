"""Linear regression written as a summed loss, as many blog posts write it: the cost is
the sum of squared errors (no mean), the gradient its exact derivative 2 sum (f - y) x,
in plain Python with a 1/m nowhere.

Mathematics: a consistent convention (the same minimum, gradient exact): named, accepted.

Expected: pass
Layout: summed loss
"""


def predict(X, w, b):
    return [sum(wj * xj for wj, xj in zip(w, row)) + b for row in X]


def compute_cost(X, y, w, b):
    return sum((f - t) ** 2 for f, t in zip(predict(X, w, b), y))


def compute_gradient(X, y, w, b):
    errors = [f - t for f, t in zip(predict(X, w, b), y)]
    dw = [2 * sum(e * row[j] for e, row in zip(errors, X)) for j in range(len(w))]
    db = 2 * sum(errors)
    return dw, db
