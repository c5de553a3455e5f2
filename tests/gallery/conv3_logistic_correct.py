"""Logistic regression as functions of theta (the classic course's second exercise in
Python, convention 3), with plain lists and loops: it runs without NumPy.

Expected: pass
"""

import math


def sigmoid(z):
    e = math.exp(-abs(z))
    return (1.0 if z >= 0 else e) / (1.0 + e)


def costFunctionReg(theta, X, y, lambda_):
    m = len(y)
    J = 0.0
    grad = [0.0] * len(theta)
    for x_i, y_i in zip(X, y):
        z = sum(t * x for t, x in zip(theta, x_i))
        J += max(z, 0.0) - y_i * z + math.log1p(math.exp(-abs(z)))
        for j, x in enumerate(x_i):
            grad[j] += (sigmoid(z) - y_i) * x
    J = J / m + lambda_ / (2 * m) * sum(t * t for t in theta[1:])
    grad = [g / m + (lambda_ / m * t if j > 0 else 0.0)
            for j, (g, t) in enumerate(zip(grad, theta))]
    return J, grad


def costFunction(theta, X, y):
    return costFunctionReg(theta, X, y, 0.0)


def predict(theta, X):
    return [1 if sigmoid(sum(t * x for t, x in zip(theta, x_i))) >= 0.5 else 0 for x_i in X]
