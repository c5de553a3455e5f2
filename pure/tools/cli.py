"""The command line behind ``python -m pure`` and ``python -m vectorized``.

    python -m pure                                     the demo on small built-in data
    python -m pure linear --data FILE.csv [options]    train and report (also logistic, softmax)
    python -m pure show ...                            the twins side by side (sidebyside.py)
    python -m pure check FILE.py                       your own code against these (check.py)

Standard library only, so ``python -m pure`` runs on a bare Python. The twin
packages share this file: ``backend`` picks which package's models do the work,
and every number is printed with the same fixed number of significant digits, so
both twins print the same text. Bad input ends in one line on standard error and
exit status 2, never a traceback. Reading the CSV file is in datasets.py, the
pictures of the cost curve in plot.py.
"""

import argparse
import importlib
import os
import random
import sys
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from . import datasets, plot

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


MODELS = {  # subcommand: (class name, title, name of its score)
    "linear": ("LinearRegression", "Linear regression", "R^2"),
    "logistic": ("LogisticRegression", "Logistic regression", "accuracy"),
    "softmax": ("SoftmaxRegression", "Softmax regression", "accuracy"),
}
SOLVERS = {"linear": "normal", "logistic": "newton"}  # the solver besides gradient descent


def build_parser(backend: str) -> argparse.ArgumentParser:
    """The argparse parser of ``python -m <backend> linear|logistic|softmax --data FILE ...``."""
    prog = f"python -m {backend}"
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Train a model by gradient descent on a CSV file and report what it learned. "
                    "With no arguments: a demo on small built-in data.",
        epilog=f"bundled data sets, usable by name from any folder: {', '.join(datasets.bundled())}. "
               f"Example: {prog} logistic --data breast_cancer --standardize. "
               f"'{prog} show' prints the twins side by side.")
    commands = parser.add_subparsers(dest="model", metavar="{linear,logistic,softmax}")
    for name, (_, title, score) in MODELS.items():
        sub = commands.add_parser(name, help=f"{title.lower()} (score: {score})",
                                  description=f"{title} by gradient descent on a CSV file.")
        data = sub.add_argument_group("data")
        data.add_argument("--data", required=True, metavar="FILE",
                          help="a CSV file with a header row; or a bundled data set by name: "
                               + ", ".join(datasets.bundled()))
        data.add_argument("--target", metavar="NAME",
                          help="the column to predict (default: the last column)")
        data.add_argument("--standardize", action="store_true",
                          help="scale each feature to mean 0 and standard deviation 1 "
                               "(learned on the training rows) before training")
        data.add_argument("--test-fraction", type=fraction, metavar="F",
                          help="hold out this fraction of the rows, chosen with --seed, "
                               "and report the score on them too")
        training = sub.add_argument_group("training (the model's hyperparameters)")
        training.add_argument("--learning-rate", type=float, metavar="ALPHA",
                              help="step size of each update (default: the model's, 0.01 for "
                                   "linear, 0.1 for logistic and softmax)")
        training.add_argument("--n-iters", type=int, metavar="N",
                              help="number of epochs (default 1000)")
        training.add_argument("--l2", type=float, default=0.0, metavar="LAMBDA",
                              help="L2 penalty on the weights, never on the bias (default 0)")
        training.add_argument("--tol", type=float, metavar="TOL",
                              help="stop when the cost changes by less than TOL")
        training.add_argument("--batch-size", type=int, metavar="B",
                              help="mini-batches of B samples (default: the whole training set)")
        training.add_argument("--seed", type=int, default=0,
                              help="seed of the shuffles and of the hold-out split (default 0)")
        if name in SOLVERS:
            training.add_argument("--solver", choices=["gd", SOLVERS[name]], default="gd",
                                  help=f"gd: gradient descent (default); {SOLVERS[name]}: "
                                       + ("the exact normal equation" if name == "linear"
                                          else "Newton's method, a handful of steps"))
        output = sub.add_argument_group("output")
        output.add_argument("--every", type=non_negative, metavar="K",
                            help="print the cost every K updates (default: about ten lines; "
                                 "0 prints none)")
        output.add_argument("--svg", metavar="FILE", help="write the cost curve as an SVG picture")
    return parser


def fraction(text: str) -> float:
    """argparse type of --test-fraction: a number strictly between 0 and 1."""
    value = float(text)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return value


def non_negative(text: str) -> int:
    """argparse type of --every: an integer >= 0."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def load(args: argparse.Namespace) -> datasets.Dataset:
    """Read --data into features and target, checked for the chosen model."""
    table = datasets.open_csv(datasets.find(args.data), args.data)
    hint = " For class names as the target, use softmax." if args.model != "softmax" else ""
    data = datasets.to_xy(table, args.data, args.target, args.model != "softmax", hint)
    where = f"{args.data}, column {data.target!r}"
    if args.model == "logistic":
        for value, line in zip(data.y, data.lines):
            if value not in (0.0, 1.0):
                raise datasets.DataError(
                    f"{where}, line {line}: the target is {fmt(value)}, but logistic regression needs "
                    f"0 or 1 (for more classes use softmax; for a number to predict, linear).")
    if args.model == "softmax" and data.y and isinstance(data.y[0], float):
        for value, line in zip(data.y, data.lines):
            if value != int(value):
                raise datasets.DataError(f"{where}, line {line}: the class label is {fmt(value)}, "
                                         f"not a whole number or a name.")
        data = data._replace(y=[int(value) for value in data.y])
    return data


def hold_out(data: datasets.Dataset, test_fraction: Optional[float], seed: int) -> Tuple[list, list]:
    """Row numbers of the training and the test rows: a seeded shuffle, then a cut."""
    m = len(data.X)
    if test_fraction is None:
        return list(range(m)), []
    order = list(range(m))
    random.Random(seed).shuffle(order)
    n_test = round(test_fraction * m)
    if not 0 < n_test < m:
        raise datasets.DataError(f"--test-fraction {test_fraction} of {m} rows leaves "
                                 f"{n_test} test rows and {m - n_test} training rows; both need at least one.")
    return sorted(order[n_test:]), sorted(order[:n_test])


def train(args: argparse.Namespace, models: object, prog: str) -> int:
    """Run one training from the parsed command line; return the exit status."""
    class_name, title, score_name = MODELS[args.model]
    Model = getattr(models, class_name, None)
    if Model is None:
        raise datasets.DataError(f"this version of {models.__name__} has no {class_name}.")
    data = load(args)
    train_rows, test_rows = hold_out(data, args.test_fraction, args.seed)
    X_train = [data.X[i] for i in train_rows]
    y_train = [data.y[i] for i in train_rows]
    X_test = [data.X[i] for i in test_rows]
    y_test = [data.y[i] for i in test_rows]

    print(f"{title} on {Path(args.data).name}: {len(data.X)} rows, {len(data.features)} features, "
          f"target {data.target!r}")
    if test_rows:
        print(f"hold-out split (seed {args.seed}): {len(train_rows)} rows to train on, "
              f"{len(test_rows)} to test on")
    if args.standardize:
        scaler = models.StandardScaler().fit(X_train)
        X_train = scaler.transform(X_train)
        if test_rows:
            X_test = scaler.transform(X_test)
        print("standardized: every feature minus its mean, divided by its standard deviation "
              "(both from the training rows)")

    options = {"l2": args.l2, "tol": args.tol, "batch_size": args.batch_size, "seed": args.seed}
    if args.learning_rate is not None:
        options["learning_rate"] = args.learning_rate
    if args.n_iters is not None:
        options["n_iters"] = args.n_iters
    if getattr(args, "solver", "gd") != "gd":  # only shown when chosen, as softmax has none
        options["solver"] = args.solver
    model = Model(**options)
    if args.every is not None:
        model.verbose = args.every
    elif isinstance(model.n_iters, int) and model.n_iters > 0:  # about ten progress lines
        batches = 1 if not args.batch_size or args.batch_size < 1 else -(-len(train_rows) // args.batch_size)
        model.verbose = max(1, -(-model.n_iters * batches // 10))
    if "solver" in options and args.every is None:
        model.verbose = 1  # the exact solvers take one step or a handful: show them all
    print(f"model: {model!r}")
    try:
        model.fit(X_train, y_train)
    except FloatingPointError as error:
        message = str(error).split(" Try ")[0]  # the model's hint names its Python arguments
        raise datasets.DataError(f"{message} Add --standardize, or give a smaller "
                                 f"--learning-rate.") from None

    names = [str(name) for name in data.features]
    score_names = [f"train {score_name}", f"test {score_name}"] if test_rows else [score_name]
    width = max(len(name) for name in names + score_names + ["final cost"]) + 4
    per = ", per standard deviation of each feature" if args.standardize else ""
    column = DIGITS + 6  # the width of a number column
    if args.model == "softmax":
        classes = [str(label) for label in model.classes]
        column = max([len(label) for label in classes] + [column]) + 2
        print(f"weights{per} (one column per class):")
        print(" " * width + "".join(label.rjust(column) for label in classes))
        for j, name in enumerate(names):
            print(f"  {name}".ljust(width) + "".join(fmt(w_k[j]).rjust(column) for w_k in model.weights))
        print("bias".ljust(width) + "".join(fmt(b_k).rjust(column) for b_k in model.bias))
    else:
        print(f"weights{per}:")
        for name, w_j in zip(names, model.weights):
            print(f"  {name}".ljust(width) + fmt(w_j).rjust(column))
        print("bias".ljust(width) + fmt(model.bias).rjust(column))
    results = [("final cost", model.cost(X_train, y_train))]
    if test_rows:
        results += [(score_names[0], model.score(X_train, y_train)),
                    (score_names[1], model.score(X_test, y_test))]
    else:
        results.append((score_name, model.score(X_train, y_train)))
    for label, value in results:
        print(label.ljust(width) + fmt(value).rjust(column))

    history = [float(cost) for cost in model.cost_history]
    if args.svg:
        scaled = " (standardized)" if args.standardize else ""
        chart_title = f"{title} on {Path(args.data).name}{scaled}, learning rate {fmt(model.learning_rate)}"
        try:
            with open(args.svg, "w", encoding="utf-8", newline="\n") as file:
                file.write(plot.svg_chart(history, chart_title))
        except OSError as error:
            raise datasets.DataError(f"cannot write {args.svg}: {error.strerror or error}.") from None
        print(f"cost curve written to {args.svg}")
    print()
    print(f"cost per update ({len(history)} updates):")
    for row in plot.text_chart(history):
        print(row)
    return 0


def main(argv: Optional[Sequence[str]] = None, backend: str = "pure") -> int:
    """Run the command line; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "show":  # the side-by-side reading view (sidebyside.py); never imports NumPy
        from .sidebyside import main as show_main
        return show_main(argv[1:])
    if argv and argv[0] == "check":  # a learner's own implementation against these models
        from .check import main as check_main  # standard library only, like show
        return check_main(argv[1:])
    if not argv:
        demo(importlib.import_module(backend))
        return 0
    parser = build_parser(backend)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help (status 0) or a usage error (status 2, message printed)
        return exit.code if isinstance(exit.code, int) else 2
    if args.model is None:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: name a model: linear, logistic or softmax "
              f"(or nothing at all for the demo).", file=sys.stderr)
        return 2
    try:
        return train(args, importlib.import_module(backend), parser.prog)
    except (ValueError, TypeError) as error:  # DataError is a ValueError; the models raise these
        sys.stdout.flush()
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader stopped early, as in: python -m pure ... | head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1
