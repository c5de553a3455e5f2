"""Gradient descent in a while loop that never counts its iterations, in plain Python.

Expected: timeout
"""


def compute_cost(X, y, w, b):
    m = len(X)
    return sum((sum(w_j * x_j for w_j, x_j in zip(w, x_i)) + b - y_i) ** 2
               for x_i, y_i in zip(X, y)) / (2 * m)


def gradient_descent(X, y, w_in, b_in, cost_function, gradient_function, alpha, num_iters):
    w, b = list(w_in), b_in
    J_history = []
    i = 0
    while i < num_iters:  # the slip: i is never increased
        dj_dw, dj_db = gradient_function(X, y, w, b)
        w = [w_j - alpha * d for w_j, d in zip(w, dj_dw)]
        b = b - alpha * dj_db
    return w, b, J_history
