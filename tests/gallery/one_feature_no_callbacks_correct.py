"""One feature with scalar w and b, the gradient descent calling the file's own
compute_gradient and returning w and b only (no history), written with loops.

Mathematics: the reference cost and gradient; simultaneous updates.

Expected: pass
Layout: one feature: x as a 1-D array
"""


def compute_cost(x, y, w, b):
    m = len(x)
    return sum((w * x[i] + b - y[i]) ** 2 for i in range(m)) / (2 * m)


def compute_gradient(x, y, w, b):
    m = len(x)
    dw = sum((w * x[i] + b - y[i]) * x[i] for i in range(m)) / m
    db = sum(w * x[i] + b - y[i] for i in range(m)) / m
    return dw, db


def gradient_descent(x, y, w_in, b_in, alpha, num_iters):
    w, b = w_in, b_in
    for _ in range(num_iters):
        dw, db = compute_gradient(x, y, w, b)
        w -= alpha * dw
        b -= alpha * db
    return w, b
