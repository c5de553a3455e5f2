"""Multiple regression in the manner of Data Science from Scratch: small typed functions
over lists, each about ONE sample (x a vector whose first entry is 1, y a number, beta
the coefficients with the intercept first), the squared error without a 1/2 and its
gradient 2 err x, and a fit that averages the per-sample gradients of the whole batch.
(The book starts from a random guess and takes minibatches; this fit starts from a
given guess and uses the full batch, so that its run is deterministic.)

Mathematics: err^2 with the gradient 2 err x is the mean-squared-error convention, and
the fit steps along the mean of 2 err x: consistent, named and accepted.

Expected: pass
Layout: one sample: x a vector with a leading 1
Layout: convention: mean squared error
"""

from typing import List

Vector = List[float]


def dot(v: Vector, w: Vector) -> float:
    return sum(v_i * w_i for v_i, w_i in zip(v, w))


def vector_mean(vectors: List[Vector]) -> Vector:
    n = len(vectors)
    return [sum(column) / n for column in zip(*vectors)]


def predict(x: Vector, beta: Vector) -> float:
    return dot(x, beta)


def error(x: Vector, y: float, beta: Vector) -> float:
    return predict(x, beta) - y


def squared_error(x: Vector, y: float, beta: Vector) -> float:
    return error(x, y, beta) ** 2


def sqerror_gradient(x: Vector, y: float, beta: Vector) -> Vector:
    err = error(x, y, beta)
    return [2 * err * x_i for x_i in x]


def least_squares_fit(xs: List[Vector], ys: Vector, beta: Vector, learning_rate: float,
                      num_steps: int) -> Vector:
    guess = list(beta)
    for _ in range(num_steps):
        gradient = vector_mean([sqerror_gradient(x, y, guess) for x, y in zip(xs, ys)])
        guess = [g - learning_rate * d for g, d in zip(guess, gradient)]
    return guess
