"""The cases: small made-up inputs on which the learner's code is run."""

import random
from typing import Any, Dict, List, Optional

from .formulas import Matrix, Vector, flatten, unflatten


class Case:
    """One set of inputs: X (m x n), y, parameters (w, b) and lambda, with a name."""

    def __init__(self, name: str, model: str, X: Matrix, y: Vector, w: Any, b: Any,
                 lam: float = 0.0, k: int = 1) -> None:
        self.name, self.model, self.X, self.y, self.w, self.b = name, model, X, y, w, b
        self.lam, self.k = lam, k
        self.m, self.n = len(X), len(X[0])

    @property
    def p(self) -> Vector:
        return flatten(self.model, self.w, self.b)

    def with_params(self, name: str, p: Vector, lam: Optional[float] = None) -> "Case":
        w, b = unflatten(self.model, p, self.n, self.k)
        return Case(name, self.model, self.X, self.y, w, b,
                    self.lam if lam is None else lam, self.k)

    def describe(self, theta: bool = False) -> Dict[str, Any]:
        info: Dict[str, Any] = {"name": self.name, "m": self.m, "n": self.n, "X": self.X,
                                "y": self.y}
        if theta:
            info["theta"] = [self.b] + list(self.w)
        else:
            info["w"], info["b"] = self.w, self.b
        if self.lam:
            info["lambda_"] = self.lam
        return info


def make_case(model: str, m: int, n: int, seed: int, k: int = 3) -> Case:
    """Small made-up data with round numbers, and parameters none of which is zero."""
    rng = random.Random(seed)
    X = [[round(rng.uniform(-2, 2), 1) + 0.0 for _ in range(n)] for _ in range(m)]
    if model == "linear":
        y = [round(rng.uniform(-3, 3), 1) for _ in range(m)]
    else:
        y = [float(i % (k if model == "softmax" else 2)) for i in range(m)]
        rng.shuffle(y)

    def nonzero() -> float:
        return round(rng.choice([-1, 1]) * rng.uniform(0.2, 1.0), 2)

    if model == "softmax":
        w: Any = [[nonzero() for _ in range(n)] for _ in range(k)]
        b: Any = [nonzero() for _ in range(k)]
    else:
        w, b = [nonzero() for _ in range(n)], nonzero()
    return Case("random parameters", model, X, y, w, b, 0.0, k)


def cases(model: str) -> List[Case]:
    """The cases, smallest first: a failure is reported on the first one that shows it."""
    if model == "softmax":
        return [make_case(model, 4, 2, 1), make_case(model, 9, 3, 2)]
    return [make_case(model, 3, 2, 1), make_case(model, 8, 3, 2)]


def saturated_case(model: str) -> Case:
    """Two samples whose logits are +800 and -800, each on the wrong side: the cost is 800."""
    X = [[1.0, 0.5], [-1.0, 0.5]]
    if model == "softmax":
        return Case("saturated logits |z| = 800", model, X, [1.0, 0.0],
                    [[800.0, 0.0], [0.0, 0.0], [0.0, 0.0]], [0.0, 0.0, 0.0], 0.0, 3)
    return Case("saturated logits |z| = 800", model, X, [0.0, 1.0], [800.0, 0.0], 0.0)


def zero_case(case: Case) -> Case:
    return case.with_params("zero parameters", [0.0] * len(case.p))
