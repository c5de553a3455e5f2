"""Helpers for the twin tests: seeded random problems and tolerance comparisons.

Problems are built with the standard ``random`` module only, so the pure tests can use
them too, and every case is reproducible from its seed.
"""

import math
import random
from typing import Dict, List, Optional, Sequence

RTOL = 1e-9  # the parity promise: Python sums left to right, BLAS in blocks


def random_problem(seed: int, logistic: bool = False, options: bool = True) -> Dict:
    """A random data set and hyperparameters.

    m from 1 to 50 samples, n from 1 to 8 features with scales from 1e-3 to 1e3, now and
    then a constant or a duplicate column, and a learning rate chosen as a fraction of
    the stability limit, so most runs converge and some are on the edge.
    """
    rng = random.Random(seed)
    m = rng.randint(1, 50)
    n = rng.randint(1, 8)
    scales = [10 ** rng.uniform(-3, 3) for _ in range(n)]
    offsets = [rng.choice([0.0, 0.0, rng.uniform(-2, 2)]) * s for s in scales]
    X = [[offsets[j] + scales[j] * rng.gauss(0, 1) for j in range(n)] for _ in range(m)]
    if n >= 2 and rng.random() < 0.3:  # a duplicate column
        j, k = rng.sample(range(n), 2)
        for row in X:
            row[k] = row[j]
    if rng.random() < 0.3:  # a constant column
        j = rng.randrange(n)
        c = rng.uniform(-3, 3)
        for row in X:
            row[j] = c
    true_w = [rng.gauss(0, 1) / max(s, 1e-12) for s in scales]
    true_b = rng.gauss(0, 1)
    z = [sum(w * x for w, x in zip(true_w, row)) + true_b for row in X]
    if logistic:
        y = [1 if rng.random() < 1 / (1 + math.exp(-max(min(z_i, 30), -30))) else 0 for z_i in z]
    else:
        y = [z_i + rng.gauss(0, 0.1) for z_i in z]
    # The largest eigenvalue of (1/m) X1^T X1 is at most its trace; a step below 2/trace
    # is stable for linear regression (and for logistic, whose curvature is 4 times smaller).
    trace = 1.0 + sum(row[j] * row[j] for row in X for j in range(n)) / m
    params = {
        "learning_rate": rng.choice([0.1, 0.5, 1.0, 1.5]) / trace * (4 if logistic else 1),
        "n_iters": rng.choice([1, 2, 10, 50, 200]),
    }
    if options:
        params["l2"] = rng.choice([0.0, 0.0, 0.1, 1.0, 10.0])
        params["tol"] = rng.choice([None, None, 1e-8, 1e-4])
        params["batch_size"] = rng.choice([None, None, 1, 3, 7, m, m + 1])
        params["seed"] = rng.randrange(1000)
    return {"X": X, "y": y, "params": params, "m": m, "n": n}


def close(a: float, b: float, scale: float, rtol: float = RTOL) -> bool:
    """|a - b| <= rtol * max(|a|, |b|, scale): relative, with a floor scaled to the data."""
    return abs(a - b) <= rtol * max(abs(a), abs(b), scale)


def assert_all_close(a: Sequence[float], b: Sequence[float], scale: Optional[float] = None,
                     rtol: float = RTOL, what: str = "values") -> None:
    """Element-wise ``close``; ``scale`` defaults to the largest magnitude in either sequence
    (a norm-wise relative comparison)."""
    a = [float(v) for v in a]
    b = [float(v) for v in b]
    assert len(a) == len(b), f"{what}: lengths differ, {len(a)} != {len(b)}"
    if scale is None:
        scale = max([abs(v) for v in a + b] + [0.0])
    for k, (u, v) in enumerate(zip(a, b)):
        assert close(u, v, scale, rtol), f"{what}[{k}]: {u!r} vs {v!r} (scale {scale:g}, rtol {rtol:g})"


def flat(values) -> List[float]:
    """A list of floats from a list or a 1-D array."""
    return [float(v) for v in values]
