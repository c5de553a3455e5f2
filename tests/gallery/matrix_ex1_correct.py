"""A well-known Python port of the classic course's first exercise: np.matrix throughout,
theta a (1, n+1) row matrix, y an (m, 1) matrix, the update written parameter by
parameter into a temporary matrix (so it is still simultaneous), returning theta and the
costs.

Mathematics: sum((X theta^T - y)^2) / (2m), and theta_j := theta_j - alpha/m sum(error x_j)
for all j from the same error: the reference, costs recorded after each update.

Expected: pass
Layout: theta as np.matrix a row
"""

import numpy as np


def computeCost(X, y, theta):
    inner = np.power((X * theta.T) - y, 2)
    return np.sum(inner) / (2 * len(X))


def gradientDescent(X, y, theta, alpha, iters):
    temp = np.matrix(np.zeros(theta.shape))
    parameters = int(theta.ravel().shape[1])
    cost = np.zeros(iters)
    for i in range(iters):
        error = (X * theta.T) - y
        for j in range(parameters):
            term = np.multiply(error, X[:, j])
            temp[0, j] = theta[0, j] - (alpha / len(X)) * np.sum(term)
        theta = temp.copy()
        cost[i] = computeCost(X, y, theta)
    return theta, cost
