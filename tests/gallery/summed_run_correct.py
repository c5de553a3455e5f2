"""A summed loss with its summed update and no gradient function: the cost is
1/2 sum (h - y)^2 over the samples, and the descent run steps along sum (h - y) x, the
exact derivative of that cost. The run's gradient is read from one update,
theta1 = theta0 - alpha g, and compared with the file's own cost.

Mathematics: a consistent pair in the summed convention (the mean is only a rescaling
of the learning rate): named and accepted.

Expected: pass
Layout: convention: summed loss
"""

import numpy as np


def cost(X, y, theta):
    residual = X.dot(theta) - np.ravel(y)
    return 0.5 * residual.dot(residual)


def descend(X, y, theta, alpha, iterations):
    y = np.ravel(y)
    theta = np.array(theta, dtype=float)
    costs = []
    for _ in range(iterations):
        costs.append(cost(X, y, theta))
        theta = theta - alpha * X.T.dot(X.dot(theta) - y)
    return theta, costs
