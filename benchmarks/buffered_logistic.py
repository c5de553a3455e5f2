"""The buffered logistic update: a performance lesson kept beside the benchmark.

This is the full-batch gradient-descent update that ``vectorized/logistic_regression.py``
used before it was rewritten in plain formula code. It computes exactly the same
numbers as the lesson's plain update (z = X w + b, y_hat = sigmoid(z), the mean
log-loss from z, grad_w = X^T (y_hat - y) / m + (lambda/m) w, then the step), but it
writes every length-m intermediate into one work array allocated once, with ``out=``
and in-place operators, instead of letting each operation return a fresh array.

Why it is faster (1.04 to 1.17 times in the README's run): it allocates, fills and frees
no temporaries, where the plain update makes about twenty length-m arrays per update and
writes each of them once. It is not page faults: the benchmark counts them, and after the
first updates the C allocator hands the freed blocks out again, so neither update faults.

Why the lesson does not use it: ``np.multiply(y_b, z, out=tmp)`` hides the formula
behind buffer bookkeeping (which slice is free, which one was just overwritten), and
``np.subtract(y_hat, y, out=y_hat)`` silently destroys y_hat. The lesson is read, not
run at scale; see the README's Performance section for what it costs.
"""

from typing import Tuple

import numpy as np


def make_work(m: int) -> np.ndarray:
    """The work array: five vectors of length m, allocated once for every update."""
    return np.empty((5, m))


def buffered_update(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float,
                    learning_rate: float, l2: float,
                    work: np.ndarray) -> Tuple[np.ndarray, float, float]:
    """One full-batch gradient-descent update with buffers; returns (w, b, cost).

    ``cost`` is J at the parameters before the update, as the lesson records it.
    """
    m = X.shape[0]
    z, e, y_hat, loss, tmp = work[:, :m]  # views of length m, no copies
    # Forward pass: z = X w + b, y_hat = sigmoid(z), with e = e^(-|z|) built in place.
    np.matmul(X, w, out=z)
    z += b
    np.abs(z, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    np.maximum(e, z >= 0, out=y_hat)  # the stable sigmoid's numerator: 1 where z >= 0, else e
    y_hat /= np.add(1.0, e, out=tmp)
    # Cost: 1/m sum(softplus(z) - y z) + lambda/(2m) w^T w.
    np.maximum(z, 0.0, out=loss)
    loss -= np.multiply(y, z, out=tmp)
    loss += np.log1p(e, out=tmp)
    cost = float(loss.sum() / m + l2 / (2 * m) * (w @ w))
    # Gradient: y_hat is overwritten by the error, which is all that is needed from here on.
    error = np.subtract(y_hat, y, out=y_hat)
    grad_w = X.T @ error / m + l2 / m * w
    grad_b = float(error.sum() / m)
    # Update.
    return w - learning_rate * grad_w, b - learning_rate * grad_b, cost


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.standard_normal((1000, 5))
    y = (rng.random(1000) < 0.5).astype(float)
    w, b, work = np.zeros(5), 0.0, make_work(1000)
    for _ in range(100):
        w, b, cost = buffered_update(X, y, w, b, 0.5, 0.0, work)
    print("cost after 100 buffered updates:", round(cost, 6))
