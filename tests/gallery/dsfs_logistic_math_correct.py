"""Logistic regression as Data Science from Scratch writes it, in pure Python with the
math module: logistic(x) = 1 / (1 + math.exp(-x)), the negative log-likelihood SUMMED
over the samples (log of logistic for y = 1, of 1 - logistic for y = 0), and its summed
gradient -(y - logistic(x . beta)) x, beta with the intercept first.

Mathematics: a summed loss with its summed gradient: consistent, named and accepted.
math.exp(800) raises OverflowError and math.log(0) a ValueError once the logistic
saturates: robustness findings the book's data never triggers (warnings).

Expected: pass, warning sigmoid-overflow
Layout: convention: summed loss
"""

import math
from typing import List

Vector = List[float]


def dot(v: Vector, w: Vector) -> float:
    return sum(a * b for a, b in zip(v, w))


def logistic(x: float) -> float:
    return 1.0 / (1 + math.exp(-x))


def _nll_one(x: Vector, y: float, beta: Vector) -> float:
    p = logistic(dot(x, beta))
    return -math.log(p) if y == 1 else -math.log(1 - p)


def negative_log_likelihood(xs: List[Vector], ys: List[float], beta: Vector) -> float:
    return sum(_nll_one(x, y, beta) for x, y in zip(xs, ys))


def negative_log_gradient(xs: List[Vector], ys: List[float], beta: Vector) -> Vector:
    total = [0.0] * len(beta)
    for x, y in zip(xs, ys):
        residual = y - logistic(dot(x, beta))
        total = [t - residual * x_j for t, x_j in zip(total, x)]
    return total
