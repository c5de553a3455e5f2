"""One feature, as in the first labs of the machine learning specialization: x is a 1-D
array of m values, w and b are plain numbers, the loops run over the samples, and
gradient_descent takes the cost and gradient functions as arguments.

Mathematics: cost 1/(2m) sum (w x_i + b - y_i)^2, gradient its exact derivative, the
update simultaneous, J recorded after each update: the reference.

Expected: pass
Layout: one feature: x as a 1-D array
"""

import math

import numpy as np


def compute_cost(x, y, w, b):
    m = x.shape[0]
    total = 0.0
    for i in range(m):
        f_wb = w * x[i] + b
        total = total + (f_wb - y[i]) ** 2
    return total / (2 * m)


def compute_gradient(x, y, w, b):
    m = x.shape[0]
    dj_dw, dj_db = 0.0, 0.0
    for i in range(m):
        err = w * x[i] + b - y[i]
        dj_dw += err * x[i]
        dj_db += err
    return dj_dw / m, dj_db / m


def gradient_descent(x, y, w_in, b_in, alpha, num_iters, cost_function, gradient_function):
    w, b = w_in, b_in
    J_history, p_history = [], []
    for i in range(num_iters):
        dj_dw, dj_db = gradient_function(x, y, w, b)
        b = b - alpha * dj_db
        w = w - alpha * dj_dw
        J_history.append(cost_function(x, y, w, b))
        p_history.append([w, b])
        if i % math.ceil(num_iters / 10) == 0:
            print(f"iteration {i}: cost {J_history[-1]:.4e}")
    return w, b, J_history, p_history
