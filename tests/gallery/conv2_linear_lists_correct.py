"""Linear regression as functions of w and b written with loops over lists
(convention 2, no NumPy): the gradient returned as (dj_dw, dj_db).

Expected: pass
"""


def compute_cost(X, y, w, b):
    m = len(X)
    cost = 0.0
    for x_i, y_i in zip(X, y):
        f = sum(w_j * x_ij for w_j, x_ij in zip(w, x_i)) + b
        cost += (f - y_i) ** 2
    return cost / (2 * m)


def compute_gradient(X, y, w, b):
    m, n = len(X), len(w)
    dj_dw = [0.0] * n
    dj_db = 0.0
    for x_i, y_i in zip(X, y):
        error = sum(w_j * x_ij for w_j, x_ij in zip(w, x_i)) + b - y_i
        for j in range(n):
            dj_dw[j] += error * x_i[j]
        dj_db += error
    return [d / m for d in dj_dw], dj_db / m


def gradient_descent(X, y, w_in, b_in, cost_function, gradient_function, alpha, num_iters):
    w, b = list(w_in), b_in
    J_history = []
    for _ in range(num_iters):
        J_history.append(cost_function(X, y, w, b))
        dj_dw, dj_db = gradient_function(X, y, w, b)
        w = [w_j - alpha * d for w_j, d in zip(w, dj_dw)]
        b = b - alpha * dj_db
    return w, b, J_history


def predict(X, w, b):
    return [sum(w_j * x_ij for w_j, x_ij in zip(w, x_i)) + b for x_i in X]
