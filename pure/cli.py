"""The command line behind ``python -m pure`` and ``python -m vectorized``.

Standard library only, so ``python -m pure`` runs on a bare Python. The twin
packages share this file: ``backend`` picks which package's models do the work,
and every number is printed with the same fixed number of significant digits, so
both twins print the same text.
"""

import importlib
import random
import sys
from typing import List, Optional, Sequence, Tuple

DIGITS = 6  # significant digits of every printed number


def fmt(x: float) -> str:
    """A number with DIGITS significant digits, the same text in both twins."""
    return f"{float(x):.{DIGITS}g}"


def demo_data() -> Tuple[List[List[float]], List[float], List[List[float]], List[int]]:
    """Small built-in data sets: a noisy plane for linear, two clouds for logistic regression."""
    rng = random.Random(0)
    X_lin = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(40)]
    y_lin = [2.0 * x1 - 3.0 * x2 + 1.0 + rng.gauss(0, 0.1) for x1, x2 in X_lin]
    X_log, y_log = [], []
    for label, centre in ((0, (-1.0, -0.5)), (1, (1.0, 0.5))):
        for _ in range(20):
            X_log.append([rng.gauss(centre[0], 0.8), rng.gauss(centre[1], 0.8)])
            y_log.append(label)
    return X_lin, y_lin, X_log, y_log


def demo(models: object) -> None:
    """Train both models of ``models`` (the pure or the vectorized package) and report."""
    X_lin, y_lin, X_log, y_log = demo_data()
    name = models.__name__
    print(f"Linear regression ({name}): 40 samples of y = 2 x1 - 3 x2 + 1 + noise")
    linear = models.LinearRegression(learning_rate=0.1, n_iters=500, verbose=100).fit(X_lin, y_lin)
    print("weights:", ", ".join(fmt(w) for w in linear.weights))
    print("bias:   ", fmt(linear.bias))
    print("R^2:    ", fmt(linear.score(X_lin, y_lin)))
    print()
    print(f"Logistic regression ({name}): 40 samples from two overlapping clouds")
    logistic = models.LogisticRegression(learning_rate=0.5, n_iters=500, verbose=100).fit(X_log, y_log)
    print("weights: ", ", ".join(fmt(w) for w in logistic.weights))
    print("bias:    ", fmt(logistic.bias))
    print("accuracy:", fmt(logistic.score(X_log, y_log)))


def main(argv: Optional[Sequence[str]] = None, backend: str = "pure") -> int:
    """Run the command line; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "show":  # the side-by-side reading view (sidebyside.py); never imports NumPy
        from .sidebyside import main as show_main
        return show_main(argv[1:])
    models = importlib.import_module(backend)
    if not argv:
        demo(models)
        return 0
    print(f"usage: python -m {backend}   (runs the demo)", file=sys.stderr)
    return 2
