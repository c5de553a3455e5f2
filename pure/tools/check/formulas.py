"""The reference formulas, in plain Python over the flat parameters p = w, then b.

The bottom layer of the checker: the cost and gradient in parts (so that a slip can be
told by which part is scaled), the table of slips as scalings of those parts, the
comparison tolerance, and gradient descent simulated with or without a slip.
"""

import math
from typing import Any, List, Optional, Sequence, Tuple

Vector = List[float]
Matrix = List[Vector]

#
# The cost and the gradient are kept in three parts, so that a slip can be told by
# which part is scaled: the data term D, the penalty on the weights P and the penalty
# the bias would get if it were (wrongly) regularized, B.
#     cost:      D = 1/(2m) sum_i (y_hat_i - y_i)^2   (linear)
#                D = 1/m sum_i [softplus(z_i) - y_i z_i]  (logistic; softmax: log-softmax)
#                P = lambda/(2m) sum_j w_j^2,  B = lambda/(2m) b^2
#     gradient:  D = 1/m sum_i (y_hat_i - y_i) x_ij and 1/m sum_i (y_hat_i - y_i)
#                P = (lambda/m) w_j (0 for b),  B = (lambda/m) b (0 for w)


def sigmoid(z: float) -> float:
    """sigmoid(z) = 1 / (1 + e^(-z)), without overflow: e = e^(-|z|) is at most 1."""
    e = math.exp(-abs(z))
    return (1.0 if z >= 0 else e) / (1.0 + e)


def n_bias(model: str, k: int) -> int:
    """How many of the flat parameters are biases: K for softmax, else 1."""
    return k if model == "softmax" else 1


def unflatten(model: str, p: Vector, n: int, k: int) -> Tuple[Any, Any]:
    """(w, b) from the flat parameters: softmax w is K rows of n, b a list of K."""
    if model == "softmax":
        return [p[c * n:(c + 1) * n] for c in range(k)], p[k * n:]
    return p[:n], p[n]


def flatten(model: str, w: Any, b: Any) -> Vector:
    if model == "softmax":
        return [float(v) for row in w for v in row] + [float(v) for v in b]
    return [float(v) for v in w] + [float(b)]


def parts(model: str, X: Matrix, y: Vector, p: Vector, lam: float, k: int = 1
          ) -> Tuple[Tuple[float, float, float], Tuple[Vector, Vector, Vector]]:
    """((D, P, B) of the cost, (D, P, B) of the gradient) at the flat parameters p."""
    m, n = len(X), len(X[0])
    w, b = unflatten(model, p, n, k)
    grad = [0.0] * len(p)
    data = 0.0
    for x_i, y_i in zip(X, y):
        if model == "softmax":
            z = [sum(w_c[j] * x_i[j] for j in range(n)) + b_c for w_c, b_c in zip(w, b)]
            z_max = max(z)
            e = [math.exp(z_c - z_max) for z_c in z]
            total = sum(e)
            data += z_max + math.log(total) - z[int(y_i)]
            for c in range(k):
                error = e[c] / total - (1.0 if c == int(y_i) else 0.0)
                for j in range(n):
                    grad[c * n + j] += error * x_i[j]
                grad[k * n + c] += error
            continue
        z = sum(w[j] * x_i[j] for j in range(n)) + b
        if model == "linear":
            error = z - y_i
            data += error * error / 2
        else:
            error = sigmoid(z) - y_i
            data += max(z, 0.0) - y_i * z + math.log1p(math.exp(-abs(z)))  # softplus(z) - y z
        for j in range(n):
            grad[j] += error * x_i[j]
        grad[n] += error
    n_b = n_bias(model, k)
    weights, biases = p[:-n_b], p[-n_b:]
    cost = (data / m, lam / (2 * m) * sum(v * v for v in weights),
            lam / (2 * m) * sum(v * v for v in biases))
    gradient = ([g / m for g in grad], [lam / m * v for v in weights] + [0.0] * n_b,
                [0.0] * len(weights) + [lam / m * v for v in biases])
    return cost, gradient


# (code, (a_D, a_P, a_B), what): the reference is a_D D + a_P P + a_B B with (1, 1, 0);
# the others are the slips, in the order they are tried. "m" stands for the sample count.
VARIANTS = [
    (None, (1, 1, 0), ""),
    ("factor-2", (2, 2, 0), "twice the reference"),
    ("factor-2", (0.5, 0.5, 0), "half the reference"),
    ("factor-2", (2, 1, 0), "twice the reference's data term"),
    ("factor-2", (0.5, 1, 0), "half the reference's data term"),
    ("missing-1/m", ("m", "m", 0), "m times the reference"),
    ("missing-1/m", ("1/m", "1/m", 0), "the reference divided by m"),
    ("missing-1/m", ("m", 1, 0), "m times the reference's data term"),
    ("missing-1/m", ("2m", "2m", 0), "2m times the reference (a sum of squares, no 1/(2m))"),
    ("sign", (-1, -1, 0), "the negative of the reference"),
    ("sign", (-1, 1, 0), "the reference with the data term negated"),
    ("bias-regularized", (1, 1, 1), "the reference plus a penalty on the bias"),
    ("bias-regularized", (1, 2, 2), "a penalty of twice the scale that includes the bias"),
    ("bias-regularized", (1, 0.5, 0.5), "a penalty of half the scale that includes the bias"),
    ("penalty-scale", (1, 2, 0), "the penalty twice the reference's"),
    ("penalty-scale", (1, 0.5, 0), "the penalty half the reference's"),
    ("penalty-scale", (1, "m", 0), "the penalty m times the reference's"),
    ("penalty-scale", (1, "1/m", 0), "the penalty 1/m of the reference's"),
    ("penalty-scale", (1, "2m", 0), "the penalty without its 1/(2m) or 1/m"),
    ("mismatch", (1, 0, 0), "the reference without its penalty"),
]


def distinguishes(m: int, lam: float = 0.7) -> bool:
    """Whether a case with m samples tells every two slips of the table apart."""
    seen: dict = {}
    for code, coefficients, _ in VARIANTS:
        key = tuple(_coefficient(c, m) for c in coefficients)
        if seen.setdefault(key, code) != code:
            return False
    return True


def _coefficient(a: Any, m: int) -> float:
    return {"m": float(m), "1/m": 1.0 / m, "2m": 2.0 * m}.get(a, a) if isinstance(a, str) else a


def combine(triple: Sequence[Any], coefficients: Sequence[Any], m: int) -> Vector:
    """a_D D + a_P P + a_B B, for numbers (the cost) or vectors (the gradient)."""
    a = [_coefficient(c, m) for c in coefficients]
    if isinstance(triple[0], (int, float)):
        return [a[0] * triple[0] + a[1] * triple[1] + a[2] * triple[2]]
    return [a[0] * d + a[1] * q + a[2] * r for d, q, r in zip(*triple)]


def close(received: Sequence[float], expected: Sequence[float], rtol: float = 1e-6) -> bool:
    # 1e-6 (RTOL): tight enough that a cost off by 0.05% fails, loose enough for float
    # round-off in a learner's sums over a few samples.
    """Every entry within rtol of the largest magnitude in either vector."""
    if len(received) != len(expected):
        return False
    if not all(math.isfinite(v) for v in list(received) + list(expected)):
        return False
    scale = max([abs(v) for v in list(received) + list(expected)] + [1e-12])
    return all(abs(r - e) <= rtol * scale + 1e-12 for r, e in zip(received, expected))


RTOL = 1e-6  # every comparison with the reference: a cost off by 0.05% is not accepted

# Conventions that are consistent (a cost and the exact gradient of that cost), named and
# accepted when a file's cost and gradient agree on them: (coefficients, name).
CONVENTIONS = [((2, 2, 0), "linear", "mean squared error: the cost 1/m sum (f - y)^2 with "
                                     "its gradient 2/m sum (f - y) x"),
               (("m", "m", 0), "linear", "summed loss: the cost 1/2 sum (f - y)^2 with its "
                                         "summed gradient sum (f - y) x"),
               (("2m", "2m", 0), "linear", "summed loss: the cost sum (f - y)^2 with its "
                                           "gradient 2 sum (f - y) x"),
               (("m", "m", 0), "logistic", "summed loss: the log-loss summed over the samples "
                                           "with its summed gradient sum (h - y) x")]


def name_slip(received: Vector, triple: Sequence[Any], m: int, lam: float,
              rtol: float = RTOL) -> Tuple[Optional[str], str, Any]:
    """(code, what, coefficients) of the variant that received matches: code None for the
    reference, "?" if none matches, "ambiguous" if variants of different codes do (at a
    case with m = 2, twice the reference is also m times it: the cases avoid such m).

    The penalty variants are only tried with lambda > 0, where they differ from the rest."""
    matches = []
    for code, coefficients, what in VARIANTS:
        if lam == 0 and code in ("bias-regularized", "penalty-scale", "mismatch"):
            continue
        if m == 1 and any(isinstance(c, str) for c in coefficients):
            continue  # one sample: a sum is its mean, and m times is the reference
        if close(received, combine(triple, coefficients, m), rtol):
            matches.append((code, what, coefficients))
    if not matches:
        return "?", "", None
    if len({code for code, _, _ in matches}) > 1:
        return "ambiguous", " or ".join(what for _, what, _ in matches), None
    return matches[0]


def simulate(model: str, X: Matrix, y: Vector, p0: Vector, alpha: float, iters: int, lam: float,
             k: int, coefficients: Sequence[Any] = (1, 1, 0), style: str = "simultaneous"
             ) -> List[Vector]:
    """The parameters p_0 .. p_iters of gradient descent; a slip's variant on request.

    style "simultaneous" is the reference; "w-then-b" updates w first and then computes
    b's gradient at the new w; "b-then-w" the other way round; "one-by-one" updates one
    parameter at a time (theta_0 first), each from a gradient at the latest values."""
    m, n_b = len(X), n_bias(model, k)
    p = list(p0)
    path = [list(p)]

    def gradient(q: Vector) -> Vector:
        return combine(parts(model, X, y, q, lam, k)[1], coefficients, m)

    n_w = len(p) - n_b
    for _ in range(iters):
        if style == "simultaneous":
            g = gradient(p)
            p = [v - alpha * d for v, d in zip(p, g)]
        elif style in ("w-then-b", "b-then-w"):
            first = range(n_w) if style == "w-then-b" else range(n_w, len(p))
            second = range(n_w, len(p)) if style == "w-then-b" else range(n_w)
            for block in (first, second):
                g = gradient(p)
                for i in block:
                    p[i] -= alpha * g[i]
        else:
            for i in list(range(n_w, len(p))) + list(range(n_w)):
                p[i] -= alpha * gradient(p)[i]
        path.append(list(p))
    return path


TRAJECTORIES = ([(code, coefficients, "simultaneous", what)
                 for code, coefficients, what in VARIANTS]
                + [("sequential-update", (1, 1, 0), style, "")
                   for style in ("w-then-b", "b-then-w", "one-by-one")])


def predictions(model: str, X: Matrix, p: Vector, n: int, k: int) -> Vector:
    """The reference's predictions at the flat parameters p."""
    w, b = unflatten(model, p, n, k)
    found = []
    for x_i in X:
        if model == "softmax":
            z = [sum(w_c[j] * x_i[j] for j in range(n)) + b_c for w_c, b_c in zip(w, b)]
            found.append(float(z.index(max(z))))
        else:
            z_i = sum(w[j] * x_i[j] for j in range(n)) + b
            found.append(z_i if model == "linear" else float(z_i >= 0))
    return found
