"""Logistic regression as functions of w and b, in the style of the machine learning
specialization (convention 2): the gradient returned as (dj_db, dj_dw), the cost history
recorded after each update.

Expected: pass
"""

import math

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def compute_cost(X, y, w, b, *argv):
    y = np.asarray(y).reshape(-1)
    z = X @ w + b
    loss = np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))
    return loss.mean()


def compute_gradient(X, y, w, b, *argv):
    y = np.asarray(y).reshape(-1)
    m = X.shape[0]
    error = sigmoid(X @ w + b) - y
    dj_dw = X.T @ error / m
    dj_db = np.sum(error) / m
    return dj_db, dj_dw


def compute_cost_reg(X, y, w, b, lambda_=1):
    m = X.shape[0]
    return compute_cost(X, y, w, b) + lambda_ / (2 * m) * np.sum(w ** 2)


def compute_gradient_reg(X, y, w, b, lambda_=1):
    m = X.shape[0]
    dj_db, dj_dw = compute_gradient(X, y, w, b)
    return dj_db, dj_dw + lambda_ / m * w


def gradient_descent(X, y, w_in, b_in, cost_function, gradient_function, alpha, num_iters,
                     lambda_):
    J_history = []
    w_history = []
    w, b = np.array(w_in, dtype=float), float(b_in)
    for i in range(num_iters):
        dj_db, dj_dw = gradient_function(X, y, w, b, lambda_)
        w = w - alpha * dj_dw
        b = b - alpha * dj_db
        J_history.append(cost_function(X, y, w, b, lambda_))
        if i % math.ceil(num_iters / 10) == 0:
            w_history.append(w)
    return w, b, J_history, w_history


def predict(X, w, b):
    return (sigmoid(X @ w + b) >= 0.5).astype(float)
