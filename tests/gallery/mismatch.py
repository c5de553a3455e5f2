"""Linear regression whose predict forgets the bias.

Expected: mismatch
"""

import numpy as np


def compute_cost(X, y, w, b):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    return np.sum((X @ w + b - y) ** 2) / (2 * m)


def predict(X, w, b):
    return X @ w
