"""Logistic regression as in the specialization's graded assignment: loops over samples,
the textbook sigmoid and log(f), compute_cost with a lambda_ placeholder it never uses,
the gradient returned as (dj_db, dj_dw), _reg versions adding the penalty on w only, and
gradient_descent taking both functions and lambda_.

Mathematics: mean log-loss, its exact gradient, lambda/(2m) sum w_j^2 and (lambda/m) w_j:
the reference. At |z| = 800 exp overflows and log(0) appears: robustness warnings only.

Expected: pass, warning sigmoid-overflow
Layout: w as 1-D, b a number
"""

import copy
import math

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def compute_cost(X, y, w, b, lambda_=1):
    m, n = X.shape
    loss_sum = 0.0
    for i in range(m):
        f_wb_i = sigmoid(np.dot(X[i], w) + b)
        loss_sum += -y[i] * np.log(f_wb_i) - (1 - y[i]) * np.log(1 - f_wb_i)
    return loss_sum / m


def compute_gradient(X, y, w, b, lambda_=None):
    m, n = X.shape
    dj_dw = np.zeros(w.shape)
    dj_db = 0.0
    for i in range(m):
        err_i = sigmoid(np.dot(X[i], w) + b) - y[i]
        for j in range(n):
            dj_dw[j] = dj_dw[j] + err_i * X[i, j]
        dj_db = dj_db + err_i
    return dj_db / m, dj_dw / m


def compute_cost_reg(X, y, w, b, lambda_=1):
    m, n = X.shape
    reg_cost = sum(w[j] ** 2 for j in range(n))
    return compute_cost(X, y, w, b) + lambda_ / (2 * m) * reg_cost


def compute_gradient_reg(X, y, w, b, lambda_=1):
    m, n = X.shape
    dj_db, dj_dw = compute_gradient(X, y, w, b)
    for j in range(n):
        dj_dw[j] = dj_dw[j] + lambda_ / m * w[j]
    return dj_db, dj_dw


def gradient_descent(X, y, w_in, b_in, cost_function, gradient_function, alpha, num_iters,
                     lambda_):
    w = copy.deepcopy(w_in)
    b = b_in
    J_history, w_history = [], []
    for i in range(num_iters):
        dj_db, dj_dw = gradient_function(X, y, w, b, lambda_)
        w = w - alpha * dj_dw
        b = b - alpha * dj_db
        J_history.append(cost_function(X, y, w, b, lambda_))
        if i % math.ceil(num_iters / 10) == 0:
            w_history.append(w)
    return w, b, J_history, w_history


def predict(X, w, b):
    m = X.shape[0]
    p = np.zeros(m)
    for i in range(m):
        p[i] = 1 if sigmoid(np.dot(X[i], w) + b) >= 0.5 else 0
    return p
