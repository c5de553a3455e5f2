"""A worked first update: ``python -m pure trace linear|logistic|softmax``.

Prints every quantity of the first gradient-descent update as a learner would compute
it with a pencil: per sample the forward pass, the loss term and the error; the sums;
every gradient; the new parameters. Each line names the formula it evaluates, in the
words of the lesson file's docstring. Then the same update from the models of both
twins (the vectorized one when NumPy is installed), and whether they agree.

The default data is tiny and round: three samples, two features. ``--data FILE --rows K``
takes the first K rows of a CSV file instead (a bundled data set by name works too).
The output is the same text from ``python -m pure`` and ``python -m vectorized``.

Standard library only: the arithmetic here is written out again, independently of the
lesson files, so that the check at the end means something.
"""

import argparse
import importlib
import math
import random
import sys
from typing import List, Optional, Sequence, Tuple

from . import datasets
from .parsing import Parser  # every usage error in one line

DIGITS = 6
RTOL = 1e-9  # the twins' parity promise

EXAMPLE_X = [[1.0, 2.0], [2.0, 0.0], [3.0, 1.0]]
EXAMPLE_Y = {"linear": [3.0, 3.0, 6.0], "logistic": [0, 1, 1], "softmax": [0, 1, 2]}
MODELS = {"linear": ("LinearRegression", "linear regression", 0.01),
          "logistic": ("LogisticRegression", "logistic regression", 0.1),
          "softmax": ("SoftmaxRegression", "softmax regression", 0.1)}


def fmt(x: float) -> str:
    """A number with DIGITS significant digits, as the command line prints them."""
    text = f"{float(x):.{DIGITS}g}"
    return "0" if text == "-0" else text


def term(x: float) -> str:
    """A number as a factor in a product: negative ones in parentheses."""
    return f"({fmt(x)})" if fmt(x).startswith("-") else fmt(x)


def _sum_text(terms: List[str], shown: int = 6) -> str:
    return " + ".join(terms) if len(terms) <= shown else f"the sum of {len(terms)} terms"


def _vector(values: Sequence[float]) -> str:
    return "(" + ", ".join(fmt(v) for v in values) + ")"


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = Parser(
        prog=f"{prog} trace", description="Print the first update of gradient descent, worked "
        "by hand, then check it against both twins' models.")
    parser.add_argument("model", choices=list(MODELS), help="which model")
    parser.add_argument("--data", metavar="FILE", help="a CSV file (or a bundled data set by "
                        "name) instead of the built-in three samples")
    parser.add_argument("--rows", type=int, default=3, metavar="K",
                        help="with --data: use the first K rows (default 3)")
    parser.add_argument("--target", metavar="NAME", help="with --data: the column to predict "
                        "(default: the last column)")
    parser.add_argument("--learning-rate", type=float, metavar="ALPHA",
                        help="step size (default: the model's, 0.01 for linear, 0.1 otherwise)")
    parser.add_argument("--l2", type=float, default=0.0, metavar="LAMBDA",
                        help="L2 penalty on the weights (default 0)")
    parser.add_argument("--batch-size", type=int, metavar="B",
                        help="the first update uses the first batch of B samples of the seeded "
                             "shuffle (default: every sample)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the shuffle (default 0)")
    return parser


def load(args: argparse.Namespace) -> Tuple[List[List[float]], list, List[str], str, str]:
    """(X, y, feature names, target name, where the data came from)."""
    if args.data is None:
        return EXAMPLE_X, EXAMPLE_Y[args.model], ["x1", "x2"], "y", "the built-in example"
    if args.rows < 1:
        raise datasets.DataError(f"--rows must be 1 or more, got {args.rows}.")
    table = datasets.open_csv(datasets.find(args.data), args.data)
    table = table._replace(rows=table.rows[:args.rows], lines=table.lines[:args.rows])
    data = datasets.to_xy(table, args.data, args.target, args.model != "softmax")
    y = list(data.y)
    if args.model == "logistic":
        for value, line in zip(y, data.lines):
            if value not in (0.0, 1.0):
                raise datasets.DataError(f"{args.data}, line {line}: the target is {fmt(value)}, "
                                         f"but logistic regression needs 0 or 1.")
        y = [int(value) for value in y]
    if args.model == "softmax" and y and isinstance(y[0], float):
        if any(value != int(value) for value in y):
            raise datasets.DataError(f"{args.data}: the class labels must be whole numbers or "
                                     f"names.")
        y = [int(value) for value in y]
    return data.X, y, [str(f) for f in data.features], str(data.target), \
        f"the first {len(data.X)} rows of {args.data}"


def first_batch(m: int, batch_size: Optional[int], seed: int) -> List[int]:
    """The samples of the first update: all of them, or the first B of the seeded shuffle."""
    order = list(range(m))
    if batch_size is None or batch_size >= m:
        return order
    random.Random(seed).shuffle(order)
    return order[:batch_size]


def first_update(model: str, X: List[List[float]], y: list, learning_rate: float, l2: float,
                 batch: List[int]) -> Tuple[List[str], list, object]:
    """(the lines of the worked update, the new weights, the new bias)."""
    if model == "softmax":
        return _softmax(X, y, learning_rate, l2, batch)
    return _binary(model, X, y, learning_rate, l2, batch)


def _binary(model: str, X: List[List[float]], y: list, alpha: float, l2: float,
            batch: List[int]) -> Tuple[List[str], List[float], float]:
    m, n, m_b = len(X), len(X[0]), len(batch)
    w, b = [0.0] * n, 0.0
    out = []
    logistic = model == "logistic"
    y_hat, errors, losses = {}, {}, {}
    if logistic:
        out.append("Step 1: forward pass  z_i = sum_j w_j x_ij + b,  "
                   "y_hat_i = sigmoid(z_i) = 1 / (1 + e^(-z_i))")
    else:
        out.append("Step 1: forward pass  y_hat_i = sum_j w_j x_ij + b")
    for i in batch:
        products = " + ".join(f"{term(w[j])}*{term(X[i][j])}" for j in range(n))
        z = sum(w[j] * X[i][j] for j in range(n)) + b
        if logistic:
            e = math.exp(-abs(z))
            y_hat[i] = (1.0 if z >= 0 else e) / (1.0 + e)
            out.append(f"  z_{i + 1} = {products} + {term(b)} = {fmt(z)},  "
                       f"y_hat_{i + 1} = sigmoid({fmt(z)}) = {fmt(y_hat[i])}")
            # softplus(z) - y z: the lesson's stable form of the log-loss term
            losses[i] = max(z, 0.0) + math.log1p(math.exp(-abs(z))) - y[i] * z
        else:
            y_hat[i] = z
            out.append(f"  y_hat_{i + 1} = {products} + {term(b)} = {fmt(z)}")
            losses[i] = (z - y[i]) ** 2
        errors[i] = y_hat[i] - y[i]
    penalty = sum(v * v for v in w)
    if logistic:
        out.append("Step 2: cost  J = -1/m sum_i [y_i log(y_hat_i) + (1 - y_i) log(1 - y_hat_i)]"
                   " + lambda/(2m) sum_j w_j^2,  each term computed as softplus(z_i) - y_i z_i")
    else:
        out.append("Step 2: cost  J = 1/(2m) sum_i (y_hat_i - y_i)^2 + lambda/(2m) sum_j w_j^2")
    for i in batch:
        k = i + 1
        if logistic:
            out.append(f"  loss_{k} = -[{fmt(y[i])} log({fmt(y_hat[i])}) + (1 - {fmt(y[i])}) "
                       f"log(1 - {fmt(y_hat[i])})] = {fmt(losses[i])},  error_{k} = y_hat_{k} - "
                       f"y_{k} = {fmt(y_hat[i])} - {term(y[i])} = {fmt(errors[i])}")
        else:
            out.append(f"  error_{k} = y_hat_{k} - y_{k} = {fmt(y_hat[i])} - {term(y[i])} = "
                       f"{fmt(errors[i])},  (y_hat_{k} - y_{k})^2 = {fmt(losses[i])}")
    total = sum(losses[i] for i in batch)
    divisor = m_b if logistic else 2 * m_b
    cost = total / divisor + l2 / (2 * m) * penalty
    shown = " + ".join(fmt(losses[i]) for i in batch) if m_b <= 6 else f"{m_b} terms"
    out.append(f"  sum of the {m_b} loss terms = {shown} = {fmt(total)}")
    out.append(f"  J = {fmt(total)} / {divisor} + {term(l2)}/(2*{m}) * {fmt(penalty)} = {fmt(cost)}")
    out.append("Step 3: gradient  dJ/dw_j = 1/m sum_i (y_hat_i - y_i) x_ij + (lambda/m) w_j,  "
               "dJ/db = 1/m sum_i (y_hat_i - y_i)")
    grad_w = []
    for j in range(n):
        sum_j = sum(errors[i] * X[i][j] for i in batch)
        grad_w.append(sum_j / m_b + l2 / m * w[j])
        terms = _sum_text([f"{term(errors[i])}*{term(X[i][j])}" for i in batch])
        out.append(f"  dJ/dw_{j + 1} = ({terms}) / {m_b} + {term(l2)}/{m} * {term(w[j])} = "
                   f"{fmt(grad_w[j])}")
    sum_b = sum(errors[i] for i in batch)
    grad_b = sum_b / m_b
    terms = _sum_text([term(errors[i]) for i in batch])
    out.append(f"  dJ/db   = ({terms}) / {m_b} = {fmt(sum_b)} / {m_b} = {fmt(grad_b)}")
    out.append("Step 4: update  w_j <- w_j - learning_rate * dJ/dw_j,  "
               "b <- b - learning_rate * dJ/db")
    new_w = [w[j] - alpha * grad_w[j] for j in range(n)]
    new_b = b - alpha * grad_b
    for j in range(n):
        out.append(f"  w_{j + 1} = {fmt(w[j])} - {fmt(alpha)} * {term(grad_w[j])} = {fmt(new_w[j])}")
    out.append(f"  b   = {fmt(b)} - {fmt(alpha)} * {term(grad_b)} = {fmt(new_b)}")
    return out, new_w, new_b


def _softmax(X: List[List[float]], y: list, alpha: float, l2: float,
             batch: List[int]) -> Tuple[List[str], List[List[float]], List[float]]:
    m, n, m_b = len(X), len(X[0]), len(batch)
    classes = sorted(set(y))
    if len(classes) < 2:
        raise datasets.DataError(f"the {m} rows hold a single class, {classes[0]!r}: softmax "
                                 f"regression needs two or more (give more --rows).")
    K = len(classes)
    pos = [classes.index(label) for label in y]
    W, b = [[0.0] * n for _ in range(K)], [0.0] * K
    out = [f"classes k = 1..{K}: " + ", ".join(f"{k + 1} = {c}" for k, c in enumerate(classes)),
           "Step 1: forward pass  z_ik = sum_j w_kj x_ij + b_k,  "
           "p_ik = softmax_k(z_i) = e^(z_ik) / sum_l e^(z_il)"]
    P, losses = {}, {}
    for i in batch:
        z = [sum(W[k][j] * X[i][j] for j in range(n)) + b[k] for k in range(K)]
        top = max(z)
        e = [math.exp(z_k - top) for z_k in z]
        P[i] = [e_k / sum(e) for e_k in e]
        out.append(f"  z_{i + 1} = {_vector(z)},  p_{i + 1} = {_vector(P[i])}")
        losses[i] = top + math.log(sum(e)) - z[pos[i]]  # the lesson's log-softmax form
    penalty = sum(v * v for row in W for v in row)
    out.append("Step 2: cost  J = -1/m sum_i log p_(i, y_i) + lambda/(2m) sum_k sum_j w_kj^2")
    for i in batch:
        k = pos[i]
        out.append(f"  y_{i + 1} = class {k + 1}: loss_{i + 1} = -log p_{i + 1},{k + 1} = "
                   f"-log {fmt(P[i][k])} = {fmt(losses[i])},  errors p_{i + 1}k - [y_{i + 1} = k]"
                   f" = {_vector([P[i][l] - (l == k) for l in range(K)])}")
    total = sum(losses[i] for i in batch)
    cost = total / m_b + l2 / (2 * m) * penalty
    shown = " + ".join(fmt(losses[i]) for i in batch) if m_b <= 6 else f"{m_b} terms"
    out.append(f"  sum of the {m_b} loss terms = {shown} = {fmt(total)}")
    out.append(f"  J = {fmt(total)} / {m_b} + {term(l2)}/(2*{m}) * {fmt(penalty)} = {fmt(cost)}")
    out.append("Step 3: gradient  dJ/dw_kj = 1/m sum_i (p_ik - [y_i = k]) x_ij + (lambda/m) w_kj,"
               "  dJ/db_k = 1/m sum_i (p_ik - [y_i = k])")
    grad_W, grad_b = [], []
    for k in range(K):
        err = {i: P[i][k] - (pos[i] == k) for i in batch}
        row = []
        for j in range(n):
            total_kj = sum(err[i] * X[i][j] for i in batch)
            row.append(total_kj / m_b + l2 / m * W[k][j])
            terms = _sum_text([f"{term(err[i])}*{term(X[i][j])}" for i in batch])
            out.append(f"  dJ/dw_{k + 1}{j + 1} = ({terms}) / {m_b} + {term(l2)}/{m} * "
                       f"{term(W[k][j])} = {fmt(row[j])}")
        grad_W.append(row)
        grad_b.append(sum(err.values()) / m_b)
        terms = _sum_text([term(err[i]) for i in batch])
        out.append(f"  dJ/db_{k + 1}  = ({terms}) / {m_b} = {fmt(grad_b[k])}")
    out.append("Step 4: update  w_kj <- w_kj - learning_rate * dJ/dw_kj,  "
               "b_k <- b_k - learning_rate * dJ/db_k")
    new_W = [[W[k][j] - alpha * grad_W[k][j] for j in range(n)] for k in range(K)]
    new_b = [b[k] - alpha * grad_b[k] for k in range(K)]
    for k in range(K):
        out.append(f"  w_{k + 1} = {_vector(W[k])} - {fmt(alpha)} * {_vector(grad_W[k])} = "
                   f"{_vector(new_W[k])}")
    for k in range(K):
        out.append(f"  b_{k + 1} = {fmt(b[k])} - {fmt(alpha)} * {term(grad_b[k])} = "
                   f"{fmt(new_b[k])}")
    return out, new_W, new_b


def model_update(package: str, model: str, X: List[List[float]], y: list, alpha: float,
                 l2: float, batch_size: Optional[int], seed: int) -> Tuple[list, object]:
    """The parameters after the first update, from one twin's model class."""
    Model = getattr(importlib.import_module(package), MODELS[model][0])
    options = {"learning_rate": alpha, "n_iters": 1, "l2": l2, "batch_size": batch_size,
               "seed": seed}
    if batch_size is None or batch_size >= len(X):
        fitted = Model(**options).fit(X, y)
        weights, bias = fitted.weights, fitted.bias
    else:  # one epoch is several updates: the first is entry 1 of the recorded parameters
        fitted = Model(record_params=True, **options).fit(X, y)
        weights, bias = fitted.param_history[1]
    if model == "softmax":
        return [[float(v) for v in row] for row in weights], [float(v) for v in bias]
    return [float(v) for v in weights], float(bias)


def _flat(weights: object, bias: object) -> List[float]:
    if isinstance(bias, list):
        return [v for row in weights for v in row] + bias
    return list(weights) + [bias]


def agrees(a: List[float], b: List[float]) -> bool:
    scale = max([abs(v) for v in a + b] + [0.0])
    return all(abs(u - v) <= RTOL * max(abs(u), abs(v), scale) for u, v in zip(a, b))


def run(args: argparse.Namespace) -> int:
    X, y, features, target, source = load(args)
    class_name, title, default_rate = MODELS[args.model]
    alpha = default_rate if args.learning_rate is None else args.learning_rate
    if not (math.isfinite(alpha) and alpha > 0):
        raise datasets.DataError(f"--learning-rate must be a positive number, got {alpha}.")
    if not (math.isfinite(args.l2) and args.l2 >= 0):
        raise datasets.DataError(f"--l2 must be a number >= 0, got {args.l2}.")
    if args.batch_size is not None and args.batch_size < 1:
        raise datasets.DataError(f"--batch-size must be 1 or more, got {args.batch_size}.")
    m, n = len(X), len(X[0])
    batch = first_batch(m, args.batch_size, args.seed)
    print(f"The first update of {title}, worked by hand: {source}, {m} sample"
          f"{'s' if m != 1 else ''}, {n} feature{'s' if n != 1 else ''}")
    names = [f"x_i{j + 1} ({f})" if f != f"x{j + 1}" else f"x_i{j + 1}"
             for j, f in enumerate(features)] + [f"y_i ({target})" if target != "y" else "y_i"]
    width = max([len(name) for name in names] + [DIGITS + 4]) + 2
    print("  i" + "".join(name.rjust(width) for name in names))
    for i, (row, label) in enumerate(zip(X, y)):
        shown = fmt(label) if isinstance(label, (int, float)) else str(label)
        print(f"{i + 1:>3}" + "".join(fmt(v).rjust(width) for v in row) + shown.rjust(width))
    start = "every w_kj = 0, every b_k = 0" if args.model == "softmax" else \
        f"w = {_vector([0.0] * n)}, b = 0"
    print(f"start: {start}; learning_rate = {fmt(alpha)}, lambda = {fmt(args.l2)}")
    if len(batch) < m:
        print(f"the first batch (B = {len(batch)}, shuffled with seed {args.seed}): samples "
              + ", ".join(str(i + 1) for i in batch) + f"; its sums are divided by {len(batch)}, "
              f"the penalty by m = {m}")
    print()
    lines, new_w, new_b = first_update(args.model, X, y, alpha, args.l2, batch)
    for line in lines:
        print(line)
    print()
    mine = _flat(new_w, new_b)
    print(f"by hand: {_vector(mine)} (the weights, then the bias)")
    largest = max(abs(v) for v in mine)
    if any(0 < abs(v) < 1e-12 * largest for v in mine):
        print("(a number like 1e-17 is rounding: 1/3 has no exact binary fraction, so sums "
              "that are 0 on paper come out a hair from 0)")
    status = 0
    for package in ("pure", "vectorized"):
        call = f"{package}.{class_name}(learning_rate={fmt(alpha)}, n_iters=1, ...).fit"
        try:
            weights, bias = model_update(package, args.model, X, y, alpha, args.l2,
                                         args.batch_size, args.seed)
        except ImportError:
            print(f"{call}: not run, NumPy is not installed")
            continue
        theirs = _flat(weights, bias)
        same = agrees(mine, theirs)
        status = status if same else 1
        print(f"{call}: {_vector(theirs)}: "
              + ("agrees with the hand computation (to 1e-9 relative)" if same
                 else "DIFFERS from the hand computation"))
    return status


def main(argv: Sequence[str], backend: str = "pure") -> int:
    """Run ``python -m <backend> trace ...``; return the exit status."""
    prog = f"python -m {backend}"
    parser = build_parser(prog)
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit:  # --help (status 0) or a usage error (message printed)
        return exit.code if isinstance(exit.code, int) else 2
    try:
        return run(args)
    except (ValueError, TypeError) as error:  # DataError is a ValueError
        sys.stdout.flush()
        print(f"{prog} trace: error: {error}", file=sys.stderr)
        return 2
