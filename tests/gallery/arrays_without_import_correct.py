"""The specialization's one-feature functions copied into a file of their own without the
notebook's `import numpy as np`: they read x.shape[0], so they need the arrays the course
passes. gradient_descent records the parameters and, every few iterations, the cost.

Mathematics: the reference cost and gradient; simultaneous updates.

Expected: pass
Layout: NumPy arrays (the file does not import NumPy but uses array methods
Layout: one feature: x as a 1-D array
Needs: NumPy
"""

import math


def compute_cost(x, y, w, b):
    m = x.shape[0]
    squared = 0.0
    for i in range(m):
        squared += (w * x[i] + b - y[i]) ** 2
    return squared / (2 * m)


def compute_gradient(x, y, w, b):
    m = x.shape[0]
    dj_dw, dj_db = 0.0, 0.0
    for i in range(m):
        error = w * x[i] + b - y[i]
        dj_dw += error * x[i]
        dj_db += error
    return dj_dw / m, dj_db / m


def gradient_descent(x, y, w_init, b_init, alpha, num_iters, cost_function, gradient_function):
    w, b = w_init, b_init
    parameter_history, cost_history = [], []
    for i in range(num_iters):
        dj_dw, dj_db = gradient_function(x, y, w, b)
        w = w - alpha * dj_dw
        b = b - alpha * dj_db
        if i % math.ceil(num_iters / 10) == 0:
            parameter_history.append((w, b))
            cost_history.append(cost_function(x, y, w, b))
    return w, b, parameter_history, cost_history
