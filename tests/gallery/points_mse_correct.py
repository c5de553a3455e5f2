"""The best-known blog example of gradient descent for a line y = m x + b: the data as
one array of rows [x, y] ("points"), the slope named m beside the intercept b, the error
the mean of squared errors, one step of gradient descent as a function, and a runner
returning [b, m] in that order.

Mathematics: the cost 1/N sum (y - (m x + b))^2 and a step along -(2/N) sum (...) x: the
mean-squared-error convention, consistent: named and accepted.

Expected: pass
Layout: points as an (m, 2) array
Layout: convention: mean squared error
"""

import numpy as np


def compute_error_for_line_given_points(b, m, points):
    total = 0.0
    for x, y in points:
        total += (y - (m * x + b)) ** 2
    return total / float(len(points))


def step_gradient(b_current, m_current, points, learningRate):
    n = float(len(points))
    b_grad, m_grad = 0.0, 0.0
    for x, y in points:
        residual = y - (m_current * x + b_current)
        b_grad += -(2 / n) * residual
        m_grad += -(2 / n) * x * residual
    return [b_current - learningRate * b_grad, m_current - learningRate * m_grad]


def gradient_descent_runner(points, starting_b, starting_m, learning_rate, num_iterations):
    b, m = starting_b, starting_m
    for _ in range(num_iterations):
        b, m = step_gradient(b, m, np.array(points), learning_rate)
    return [b, m]
