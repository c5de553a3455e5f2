"""A cost copied out of a notebook: it divides by m, the notebook's global sample count,
which the function never receives (here the file does not define it, as the checker or
any other caller sees it).

Mathematics: 1/(2m) sum of squares, but m is not the function's: it cannot run alone.

Expected: uses-global
Layout: theta as 1-D, bias first
"""

import numpy as np


def computeCost(X, y, theta):
    predictions = X.dot(theta)
    return np.sum(np.square(predictions - y)) / (2 * m)
