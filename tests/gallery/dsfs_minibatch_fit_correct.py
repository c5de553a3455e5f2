"""Multiple regression as Data Science from Scratch fits it: functions of ONE sample over
plain lists (x a vector whose first entry is 1, beta the coefficients with the intercept
first), the gradient of err^2 as 2 err x, and a fit that starts from a random guess and
walks through the data in minibatches, stepping along the mean gradient of each batch.
The file has no cost function; small vector helpers such as add(v, w) sit beside the
model's functions.

Mathematics: 2 err x is the gradient of the squared error, the per-sample mean squared
error; averaged over a batch it is 2/m sum (f - y) x. With the whole data as one batch
the fit is plain gradient descent on the mean squared error from its random start:
consistent, named and accepted (the start is read with zero steps).

Expected: pass
Layout: least_squares_fit(xs, ys, learning_rate, num_steps, batch_size) -> theta alone
Layout: a random start
Layout: convention: mean squared error
"""

import random
from typing import List

Vector = List[float]


def add(v: Vector, w: Vector) -> Vector:
    return [a + b for a, b in zip(v, w)]


def scale(c: float, v: Vector) -> Vector:
    return [c * a for a in v]


def dot(v: Vector, w: Vector) -> float:
    return sum(a * b for a, b in zip(v, w))


def mean_of(vectors: List[Vector]) -> Vector:
    total = vectors[0]
    for v in vectors[1:]:
        total = add(total, v)
    return scale(1 / len(vectors), total)


def predict(x: Vector, beta: Vector) -> float:
    return dot(x, beta)


def error(x: Vector, y: float, beta: Vector) -> float:
    return predict(x, beta) - y


def sqerror_gradient(x: Vector, y: float, beta: Vector) -> Vector:
    return [2 * error(x, y, beta) * x_j for x_j in x]


def least_squares_fit(xs: List[Vector], ys: Vector, learning_rate: float = 0.001,
                      num_steps: int = 1000, batch_size: int = 1) -> Vector:
    guess = [random.random() for _ in xs[0]]
    for _ in range(num_steps):
        for start in range(0, len(xs), batch_size):
            batch = list(zip(xs[start:start + batch_size], ys[start:start + batch_size]))
            step = mean_of([sqerror_gradient(x, y, guess) for x, y in batch])
            guess = add(guess, scale(-learning_rate, step))
    return guess
