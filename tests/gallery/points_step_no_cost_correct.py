"""A line y = m x + b fitted to a list of [x, y] points, as a popular video tutorial
writes it: one step computes the partial derivatives -(2/N) sum (y - (m x + b)) and
-(2/N) sum x (y - (m x + b)) and moves b and m against them; a runner repeats the step.
The points are plain nested lists (indexed points[i][0]), and the file defines no cost.

Mathematics: 2/N sum (f - y) x is the exact gradient of the mean squared error
1/N sum (f - y)^2, the tutorial's error measure: a consistent convention, named (from
the gradient alone, as there is no cost to compare) and accepted.

Expected: pass
Layout: points as an (m, 2) array of rows [x, y]
Layout: convention: mean squared error
"""


def step_gradient(b_current, m_current, points, learning_rate):
    n = float(len(points))
    grad_b, grad_m = 0.0, 0.0
    for point in points:
        x, y = point[0], point[1]
        residual = y - (m_current * x + b_current)
        grad_b += -(2 / n) * residual
        grad_m += -(2 / n) * x * residual
    return [b_current - learning_rate * grad_b, m_current - learning_rate * grad_m]


def gradient_descent_runner(points, starting_b, starting_m, learning_rate, num_iterations):
    b, m = starting_b, starting_m
    for _ in range(num_iterations):
        b, m = step_gradient(b, m, points, learning_rate)
    return [b, m]
