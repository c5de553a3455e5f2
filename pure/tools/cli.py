"""The command line behind ``python -m pure`` and ``python -m vectorized``.

    python -m pure                                     the demo on small built-in data
    python -m pure linear --data FILE.csv [options]    train and report (also logistic, softmax)
    python -m pure show ...                            the twins side by side (sidebyside.py)
    python -m pure check FILE.py                       your own code against these (check/)
    python -m pure linear --data FILE.csv --save model.json, then
    python -m pure predict model.json NEW.csv          predictions for new rows (modelfile.py)

Standard library only, so ``python -m pure`` runs on a bare Python. The twin
packages share this file: ``backend`` picks which package's models do the work,
and every number is printed with the same fixed number of significant digits, so
both twins print the same text. Reading the CSV file is in datasets.py, the
pictures of the cost curve in plot.py.

The promises, and where each is kept:

- Bad input ends in one line on standard error and exit status 2, never a traceback
  (``Parser.error`` for the options, ``main`` for everything found later). Every
  option value is checked before the data is read (the ``type=`` functions and
  ``check_options``), and the output files before training (``check_outputs``).
- No input is ever overwritten and no half file is ever left: an output may not be
  the data file (same resolved path or same file on disk), and every file is written
  whole to a temporary file in its folder, then renamed into place (``write_output``).
  A new output option goes into OUTPUTS and writes with ``write_output``.
- Piped output is the same bytes from both twins. On a terminal, progress lines also
  show the time taken and an estimate of the time left, and a long run prints one at
  least every few seconds (``Progress``).
- A gradient-descent run that did not converge is a result, not an error: the report
  ends with one line saying how the cost rose and what to try, exit status 0
  (``not_converged``, which says where the line between noise and a rise is drawn).
- A subcommand with its own module (``show``) is one entry of SUBCOMMANDS.
"""

import argparse
import csv
import importlib
import io
import math
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, TextIO, Tuple

from . import datasets, modelfile, plot
from .parsing import Parser

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
    logistic = models.LogisticRegression(learning_rate=0.5, n_iters=500, verbose=100)
    logistic.fit(X_log, y_log)
    print("weights: ", ", ".join(fmt(w) for w in logistic.weights))
    print("bias:    ", fmt(logistic.bias))
    print("accuracy:", fmt(logistic.score(X_log, y_log)))


MODELS = {  # subcommand: (class name, title, name of its score)
    "linear": ("LinearRegression", "Linear regression", "R^2"),
    "logistic": ("LogisticRegression", "Logistic regression", "accuracy"),
    "softmax": ("SoftmaxRegression", "Softmax regression", "accuracy"),
}
SOLVERS = {  # model: {each solver besides gradient descent: what it is}
    "linear": {"normal": "the exact normal equation",
               "qr": "exact least squares by QR, for ill-conditioned data"},
    "logistic": {"newton": "Newton's method, a handful of steps"},
}
ONE_SOLVE = ("normal", "qr")  # the solvers that solve once: no updates, no progress, no chart


def run_show(argv: List[str], backend: str) -> int:
    """``show``: the side-by-side view (sidebyside.py); it reads files, never imports NumPy."""
    from .sidebyside import main as show_main
    return show_main(argv)


def run_trace(argv: List[str], backend: str) -> int:
    """``trace``: the first update of gradient descent worked by hand (trace.py)."""
    from .trace import main as trace_main
    return trace_main(argv, backend)


def run_predict(argv: List[str], backend: str) -> int:
    """``predict``: a model saved with --save, on the rows of a CSV file (modelfile.py)."""
    prog = f"python -m {backend}"
    parser = Parser(prog=f"{prog} predict",
                    description="Predict each row of a CSV file with a model saved by "
                                "--save: one prediction per row, as CSV.",
                    epilog=f"Example: {prog} linear --data stackloss --save model.json, then "
                           f"{prog} predict model.json new.csv --out predictions.csv")
    parser.root_prog = prog
    parser.add_argument("model_file", metavar="MODEL.json", help="a model file written by --save")
    parser.add_argument("data", metavar="FILE.csv",
                        help="a CSV file with the model's feature columns (by name, in any "
                             "order; the target column may be there too)")
    parser.add_argument("--out", metavar="FILE", help="write the predictions to FILE "
                        "(default: print them)")
    parser.add_argument("--delimiter", type=delimiter, metavar="SEP",
                        help="the separator of FILE.csv (default: found from the file)")
    parser.add_argument("--decimal", type=decimal_mark, metavar="MARK",
                        help="the decimal mark of FILE.csv (default: found from the file)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help (status 0) or a usage error (status 2, one line)
        return exit.code if isinstance(exit.code, int) else 2
    try:
        return predict(args, backend)
    except (ValueError, TypeError, ArithmeticError) as error:
        return report_error(error, prog)


def predict(args: argparse.Namespace, backend: str) -> int:
    """Run ``predict`` from its parsed command line; return the exit status."""
    model_path = Path(args.model_file)
    datasets.check_regular_file(model_path, args.model_file)
    path = data_path(args)
    check_outputs(args, [str(path), str(model_path)],
                  [f"the data file {args.data}", f"the model file {args.model_file}"])
    loaded = modelfile.load(str(model_path), backend)
    table = datasets.open_csv(path, args.data, args.delimiter, args.decimal)
    X = modelfile.features_of(loaded, table, args.data, args.model_file)
    header, rows = modelfile.predictions(loaded, X)
    lines = io.StringIO()
    writer = csv.writer(lines, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([value if isinstance(value, (str, int)) else fmt(value)
                         for value in row])
    if not args.out:
        sys.stdout.write(lines.getvalue())
        return 0
    write_output(args.out, lines.getvalue())
    title = next(title for name, title, _ in MODELS.values()
                 if name == type(loaded.model).__name__)
    print(f"{title} from {args.model_file} on {Path(args.data).name}{dialect(table, args)}: "
          f"{count(len(rows), 'prediction')} written to {args.out}")
    return 0


def run_check(argv: List[str], backend: str) -> int:
    """``check``: a learner's own implementation against the models (check/, stdlib only)."""
    from .grade import is_exercise, main as grade_main
    if any(is_exercise(arg) for arg in argv):  # made by ``exercise``: graded step by step
        return grade_main(argv, backend)
    from .check import main as check_main
    return check_main(argv)


def run_exercise(argv: List[str], backend: str) -> int:
    """``exercise``: the student's and the instructor's files from a lesson (exercise.py)."""
    from .exercise import main as exercise_main
    return exercise_main(argv, backend)


# Subcommands run by their own module, before the parser below sees the arguments:
# name -> (one line of help, function(arguments after the name, backend) -> exit status).
SUBCOMMANDS = {
    "show": ("the twins side by side, aligned step by step (sidebyside.py)",
             run_show),
    "trace": ("the first update worked by hand (python -m pure trace linear)", run_trace),
    "check": ("your own implementation against these models (python -m pure check --help)",
              run_check),
    "predict": ("predictions for new rows from a model saved with --save "
                "(python -m pure predict MODEL.json FILE.csv)", run_predict),
    "exercise": ("a lesson as coursework: the steps blanked, the formulas kept (exercise.py)",
                 run_exercise),
}  # type: Dict[str, Tuple[str, Callable[[List[str], str], int]]]

# Every option that names a file the command writes: its dest -> its option. Each such
# file is checked by check_outputs before the data is read and written by write_output.
OUTPUTS = {"svg": "--svg", "plot_fit": "--plot-fit", "plot_path": "--plot-path",
           "save": "--save", "out": "--out"}

HEARTBEAT = 3.0  # seconds: on a terminal, a long run prints a progress line at least this often


def build_parser(backend: str) -> argparse.ArgumentParser:
    """The argparse parser of ``python -m <backend> linear|logistic|softmax --data FILE ...``."""
    prog = f"python -m {backend}"
    parser = Parser(
        prog=prog,
        description="Train a model on a CSV file and report what it learned. "
                    "With no arguments: a demo on small built-in data.",
        epilog=f"bundled data sets, usable by name from any folder: "
               f"{', '.join(datasets.bundled())}. "
               f"Example: {prog} logistic --data breast_cancer --standardize. "
               f"'{prog} show' prints the twins side by side.")
    names = list(MODELS) + list(SUBCOMMANDS)
    commands = parser.add_subparsers(dest="model", metavar="{" + ",".join(names) + "}")
    for name, (_, title, score) in MODELS.items():
        how = "by gradient descent"
        if name in SOLVERS:
            how += "".join(f", or with --solver {solver} by {what}"
                           for solver, what in SOLVERS[name].items())
        sub = commands.add_parser(name, help=f"{title.lower()} (score: {score})",
                                  description=f"{title} on a CSV file, {how}.")
        sub.root_prog = prog
        add_model_options(sub, name)
    for name, (text, _) in SUBCOMMANDS.items():  # listed in the usage and the help; run by main
        commands.add_parser(name, help=text, add_help=False)
    return parser


def add_model_options(sub: argparse.ArgumentParser, name: str) -> None:
    """The options of one model's subcommand, in the groups --help shows."""
    data = sub.add_argument_group("data")
    data.add_argument("--data", required=True, metavar="FILE",
                      help="a CSV file with a header row; or a bundled data set by name: "
                           + ", ".join(datasets.bundled()))
    data.add_argument("--target", metavar="NAME",
                      help="the column to predict (default: the last column)")
    data.add_argument("--drop", type=column_names, default=[], metavar="COL[,COL...]",
                      help="leave these columns out (text columns, ids)")
    data.add_argument("--one-hot", type=column_names, default=[], metavar="COL[,COL...]",
                      help="turn each of these text columns into 0/1 columns, one per value "
                           "but the first in sorted order (the baseline, all zeros)")
    data.add_argument("--delimiter", type=delimiter, metavar="SEP",
                      help="the separator of the file: comma, semicolon, tab, or one character "
                           "(default: found from the header and the first rows)")
    data.add_argument("--decimal", type=decimal_mark, metavar="MARK",
                      help="the decimal mark of the numbers: . or , (default: a comma when the "
                           "separator is not a comma and the first rows write decimals so)")
    data.add_argument("--standardize", action="store_true",
                      help="scale each feature to mean 0 and standard deviation 1 "
                           "(learned on the training rows) before training")
    data.add_argument("--test-fraction", type=fraction, metavar="F",
                      help="hold out this fraction of the rows, chosen with --seed, "
                           "and report the score on them too")
    training = sub.add_argument_group("training (the model's hyperparameters)")
    training.add_argument("--learning-rate", type=positive_number, metavar="ALPHA",
                          help="step size of each update (default: the model's, 0.01 for "
                               "linear, 0.1 for logistic and softmax)")
    training.add_argument("--n-iters", type=positive_integer, metavar="N",
                          help="number of epochs (default 1000)")
    training.add_argument("--l2", type=non_negative_number, default=0.0, metavar="LAMBDA",
                          help="L2 penalty on the weights, never on the bias (default 0)")
    training.add_argument("--tol", type=non_negative_number, metavar="TOL",
                          help="stop when the cost changes by less than TOL")
    training.add_argument("--batch-size", type=positive_integer, metavar="B",
                          help="mini-batches of B samples (default: the whole training set)")
    training.add_argument("--seed", type=int, default=0,
                          help="seed of the shuffles and of the hold-out split (default 0)")
    if name in SOLVERS:
        extra = "".join(f"; {solver}: {what}" for solver, what in SOLVERS[name].items())
        training.add_argument("--solver", choices=["gd", *SOLVERS[name]], default="gd",
                              help=f"gd: gradient descent (default){extra}")
    output = sub.add_argument_group("output")
    output.add_argument("--every", type=non_negative, metavar="K",
                        help="print the cost every K updates (default: about ten lines; "
                             "0 prints none)")
    output.add_argument("--svg", metavar="FILE", help="write the cost curve as an SVG picture "
                        "(with --learning-rates: the cost curves of every rate)")
    # The pictures of plot.py (issue 13)
    output.add_argument("--plot-fit", metavar="FILE", help="write the fit over the data as an "
                        "SVG picture (in the file's units, also with --standardize)")
    output.add_argument("--plot-path", metavar="FILE", help="write the path of the parameters "
                        "over contour lines of the cost J as an SVG picture")
    output.add_argument("--save", metavar="FILE", help="write the trained model as JSON "
                        "(weights by feature name, bias, scaler, classes), for "
                        "'python -m pure predict FILE NEW.csv'")
    training.add_argument("--learning-rates", type=plot.rate_list, metavar="A,B,...",
                          help="train one model per learning rate and compare their costs "
                               "(the chart with --svg)")


# Option values: each type= function turns the text into a value or raises
# ArgumentTypeError, which Parser.error prints as one line before any data is read.

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


def positive_integer(text: str) -> int:
    """argparse type of --n-iters and --batch-size: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {text}")
    return value


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text}")
    return value


def positive_number(text: str) -> float:
    """argparse type of --learning-rate: a finite number > 0."""
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def non_negative_number(text: str) -> float:
    """argparse type of --l2 and --tol: a finite number >= 0."""
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def column_names(text: str) -> List[str]:
    """argparse type of --drop and --one-hot: column names separated by commas."""
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise argparse.ArgumentTypeError(f"needs column names separated by commas, got {text!r}")
    return names


def delimiter(text: str) -> str:
    """argparse type of --delimiter: comma, semicolon, tab (or \\t), or one other character."""
    names = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t"}
    value = names.get(text.lower(), text)
    if len(value) != 1 or value in "\"'.\r\n" or value.isalnum() or value == " ":
        raise argparse.ArgumentTypeError(
            f"must be comma, semicolon, tab or one punctuation character, got {text!r}")
    return value


def decimal_mark(text: str) -> str:
    """argparse type of --decimal: . (point) or , (comma)."""
    value = {"point": ".", "comma": ","}.get(text.lower(), text)
    if value not in (".", ","):
        raise argparse.ArgumentTypeError(f"must be . (point) or , (comma), got {text!r}")
    return value


def check_options(args: argparse.Namespace) -> None:
    """The checks of option values that involve more than one option, before the data is read."""
    solver = getattr(args, "solver", "gd")
    if solver != "gd" and args.batch_size is not None:
        raise datasets.DataError(f"--batch-size works with gradient descent only; --solver "
                                 f"{solver} always uses every sample. Leave --batch-size out.")
    for name in args.drop:
        if name == args.target:
            raise datasets.DataError(f"--drop {name}: {name!r} is the --target.")
    if getattr(args, "learning_rates", None):  # the pictures of plot.py
        if solver != "gd" or args.learning_rate is not None:
            raise datasets.DataError("--learning-rates compares gradient descent runs; leave "
                                     "out --solver and --learning-rate.")
        if args.plot_fit or args.plot_path or args.save:
            raise datasets.DataError("--learning-rates trains one model per rate; --plot-fit "
                                     "and --plot-path draw one model, --save saves one: leave "
                                     "them out.")


# Output files: never an input, never half written

def outputs(args: argparse.Namespace) -> List[Tuple[str, str]]:
    """(option, path) of every file this command line asks to write."""
    return [(option, getattr(args, dest)) for dest, option in OUTPUTS.items()
            if getattr(args, dest, None)]


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)  # the same file on disk: hard links and all
    except OSError:
        return False


def check_outputs(args: argparse.Namespace, inputs: Sequence[str],
                  described: Sequence[str] = ()) -> None:
    """Refuse, before the data is read, an output that is an input or cannot be written.

    ``described`` says what each input is (default: the data file).
    """
    claimed = {}  # type: Dict[str, str]
    for option, name in outputs(args):
        real = os.path.realpath(name)
        for k, source in enumerate(inputs):
            if real == os.path.realpath(source) or _same_file(real, source):
                what = described[k] if described else f"the data file {args.data}"
                raise datasets.DataError(
                    f"{option} {name} is {what}: writing it would destroy "
                    f"{'the data' if what.startswith('the data') else 'it'}. Give {option} "
                    f"another file name.")
        if real in claimed:
            raise datasets.DataError(f"{option} {name} is the same file as {claimed[real]}; "
                                     f"give each output its own name.")
        claimed[real] = f"{option} {name}"
        if os.path.isdir(real):
            raise datasets.DataError(f"cannot write {option} {name}: it is a folder.")
        if os.path.lexists(real) and not os.path.isfile(real):
            raise datasets.DataError(f"cannot write {option} {name}: it exists and is not a "
                                     f"regular file.")
        if os.path.isfile(real) and not os.access(real, os.W_OK):
            raise datasets.DataError(f"cannot write {option} {name}: the file is read-only.")
        folder = os.path.dirname(real)
        if not os.path.isdir(folder):
            raise datasets.DataError(f"cannot write {option} {name}: there is no folder "
                                     f"{os.path.dirname(name) or '.'}.")
        try:  # the real test: make (and remove) a file in that folder, as write_output will
            descriptor, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
            os.close(descriptor)
            os.remove(probe)
        except OSError as error:
            raise datasets.DataError(f"cannot write {option} {name}: "
                                     f"{error.strerror or error}.") from None


def write_output(name: str, text: str) -> None:
    """Write ``text`` to the file ``name`` whole or not at all.

    The text goes to a temporary file in the same folder, which is renamed over
    ``name`` only when complete (a rename within one folder is atomic), so a failure
    at any point leaves an existing file as it was and no half file behind.
    """
    real = os.path.realpath(name)  # write where a symbolic link points, as open() would
    folder, base = os.path.split(real)
    if os.path.exists(real):
        mode = os.stat(real).st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what open(name, "w") would have given the new file
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=".part")
    except OSError as error:
        raise datasets.DataError(f"cannot write {name}: {error.strerror or error}.") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException as error:
        os.remove(temporary)
        if isinstance(error, OSError):
            raise datasets.DataError(f"cannot write {name}: {error.strerror or error}.") from None
        raise


# Progress on a terminal

def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (a person watching), not a pipe or a file."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


clock = time.monotonic  # the clock of the progress lines (a test may replace it)
PROGRESS_LINE = re.compile(r"iteration (\d+): cost \S+")


def duration(seconds: float) -> str:
    """A time span as a person reads it: 0.4 s, 12 s, 3 min 05 s, 2 h 10 min."""
    if seconds < 9.95:
        return f"{seconds:.1f} s"
    if seconds < 59.5:
        return f"{seconds:.0f} s"
    minutes = int(round(seconds)) // 60
    if minutes < 60:
        return f"{minutes} min {int(round(seconds)) % 60:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class Progress:
    """Stands in for standard output while a model trains with ``verbose=1``, on a terminal.

    The model prints ``iteration t: cost J`` after every update; this passes on the
    lines the piped output has (every ``every`` updates, and the last), each followed
    by the time taken and an estimate of the time left, and one more whenever
    ``heartbeat`` seconds have passed without a line, so a slow run never looks stuck.
    Any other text passes through unchanged.
    """

    def __init__(self, stream: TextIO, every: int, total: Optional[int], at_most: bool,
                 heartbeat: float = HEARTBEAT) -> None:
        self.stream, self.every, self.total, self.at_most = stream, every, total, at_most
        self.heartbeat = heartbeat
        self.start = self.printed_at = clock()
        self.pending = ""
        self.last = None  # type: Optional[Tuple[int, str]]
        self.printed = 0  # the update of the last line printed

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            self._line(line)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def _line(self, line: str) -> None:
        match = PROGRESS_LINE.fullmatch(line)
        if match is None:
            self.stream.write(line + "\n")
            return
        t = int(match.group(1))
        self.last = (t, line)
        now = clock()
        if (self.every and t % self.every == 0) or now - self.printed_at >= self.heartbeat:
            self._print(t, line, now)

    def _print(self, t: int, line: str, now: float) -> None:
        elapsed = now - self.start
        if self.total is None:  # an exact solver: no count of steps to come
            estimate = ""
        elif t < self.total:
            left = elapsed / t * (self.total - t)
            estimate = f", {'at most' if self.at_most else 'about'} {duration(left)} left"
        else:
            estimate = ", done"
        self.stream.write(f"{line}  ({duration(elapsed)}{estimate})\n")
        self.stream.flush()
        self.printed, self.printed_at = t, now

    def finish(self) -> None:
        """After a fit: the last update's line, as the model prints it when it is off the beat."""
        if self.pending:
            self._line(self.pending)
            self.pending = ""
        if self.every and self.last is not None and self.last[0] != self.printed:
            self._print(self.last[0], self.last[1], clock())


def updates_per_epoch(m: int, batch_size: Optional[int]) -> int:
    """The number of updates in one epoch: one, or one per mini-batch."""
    return 1 if not batch_size or batch_size >= m else -(-m // batch_size)


def fit_with_progress(model: object, X: list, y: list, every: int, total: Optional[int],
                      at_most: bool) -> None:
    """``model.fit(X, y)`` printing progress; with timing and heartbeats on a terminal."""
    if not stdout_is_terminal():  # piped: exactly the model's own lines, the same in both twins
        model.fit(X, y)
        return
    model.verbose = 1  # every update reaches Progress, which picks the lines to show
    stream = sys.stdout
    progress = Progress(stream, every, total, at_most)
    sys.stdout = progress
    try:
        model.fit(X, y)
        progress.finish()
    finally:
        sys.stdout = stream


# Reading the data

def data_path(args: argparse.Namespace) -> Path:
    """The file --data names (a bundled data set by name, too), checked to be a regular file."""
    path = datasets.find(args.data)
    datasets.check_regular_file(path, args.data)
    return path


def load(args: argparse.Namespace, path: Optional[Path] = None) -> Tuple[datasets.Dataset,
                                                                         datasets.Table]:
    """Read --data into features and target, checked for the chosen model."""
    table = datasets.open_csv(path or datasets.find(args.data), args.data,
                              args.delimiter, args.decimal)
    hint = " For class names as the target, use softmax." if args.model != "softmax" else ""
    data = datasets.to_xy(table, args.data, args.target, args.model != "softmax", hint,
                          drop=args.drop, one_hot=args.one_hot)
    where = f"{args.data}, column {data.target!r}"
    note = datasets.target_note(table.columns, args.target)
    if args.model == "logistic":
        for value, line in zip(data.y, data.lines):
            if value not in (0.0, 1.0):
                raise datasets.DataError(
                    f"{where}, line {line}: the target is {fmt(value)}, but logistic regression "
                    f"needs 0 or 1 (for more classes use softmax; for a number to predict, "
                    f"linear).{note}")
    if args.model == "softmax" and data.y and isinstance(data.y[0], float):
        for value, line in zip(data.y, data.lines):
            if value != int(value):
                raise datasets.DataError(f"{where}, line {line}: the class label is {fmt(value)}, "
                                         f"not a whole number or a name.{note}")
        data = data._replace(y=[int(value) for value in data.y])
    return data, table


def dialect(table: datasets.Table, args: argparse.Namespace) -> str:
    """How the file was read, for the first line, when it is not plain commas and points.

    For example `` (separator ';' and decimal comma, detected)``; nothing for a plain file
    (commas and points, UTF-8).
    """
    parts = []  # (what, how it was chosen)
    if table.encoding != "UTF-8":  # cp1252 (Excel's plain CSV on Windows) or UTF-16
        parts.append((f"encoding {table.encoding}", "detected"))
    if table.delimiter != "," or args.delimiter:
        name = "tab" if table.delimiter == "\t" else repr(table.delimiter)
        parts.append((f"separator {name}", "given" if args.delimiter else "detected"))
    if table.decimal != "." or args.decimal:
        name = "comma" if table.decimal == "," else "point"
        parts.append((f"decimal {name}", "given" if args.decimal else "detected"))
    if not parts:
        return ""
    if len({how for _, how in parts}) == 1:
        whats = [what for what, _ in parts]
        listed = " and ".join(whats) if len(whats) < 3 else \
            f"{', '.join(whats[:-1])} and {whats[-1]}"
        return f" ({listed}, {parts[0][1]})"
    return f" ({', '.join(f'{what} {how}' for what, how in parts)})"


def hold_out(data: datasets.Dataset, test_fraction: Optional[float],
             seed: int) -> Tuple[list, list]:
    """Row numbers of the training and the test rows: a seeded shuffle, then a cut."""
    m = len(data.X)
    if test_fraction is None:
        return list(range(m)), []
    order = list(range(m))
    random.Random(seed).shuffle(order)
    n_test = round(test_fraction * m)
    if not 0 < n_test < m:
        raise datasets.DataError(f"--test-fraction {test_fraction} of {m} rows leaves "
                                 f"{n_test} test rows and {m - n_test} training rows; both "
                                 f"need at least one.")
    return sorted(order[n_test:]), sorted(order[:n_test])


def train(args: argparse.Namespace, models: object, prog: str) -> int:
    """Run one training from the parsed command line; return the exit status."""
    class_name, title, score_name = MODELS[args.model]
    Model = getattr(models, class_name, None)
    if Model is None:
        raise datasets.DataError(f"this version of {models.__name__} has no {class_name}.")
    check_options(args)
    path = data_path(args)
    check_outputs(args, [str(path)])
    data, table = load(args, path)
    train_rows, test_rows = hold_out(data, args.test_fraction, args.seed)
    X_train = [data.X[i] for i in train_rows]
    y_train = [data.y[i] for i in train_rows]
    X_test = [data.X[i] for i in test_rows]
    y_test = [data.y[i] for i in test_rows]

    print(f"{title} on {Path(args.data).name}{dialect(table, args)}: "
          f"{count(len(data.X), 'row')}, {count(len(data.features), 'feature')}, "
          f"target {data.target!r}")
    for note in data.notes:
        print(note)
    if test_rows:
        print(f"hold-out split (seed {args.seed}): {len(train_rows)} rows to train on, "
              f"{len(test_rows)} to test on")
    X_file = X_train  # in the file's units, for --plot-fit
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
    if args.learning_rates:
        return compare_learning_rates(args, Model, options, X_train, y_train, title)
    if args.plot_path:
        options["record_params"] = True  # the path is drawn from the recorded parameters
    model = Model(**options)
    batches = updates_per_epoch(len(train_rows), args.batch_size)
    if args.every is not None:
        model.verbose = args.every
    elif isinstance(model.n_iters, int) and model.n_iters > 0:  # about ten progress lines
        model.verbose = max(1, -(-model.n_iters * batches // 10))
    if "solver" in options and args.every is None:  # Newton's handful of steps: show them all
        model.verbose = 1
    if options.get("solver") in ONE_SOLVE:  # one solve, no updates: no progress lines
        model.verbose = 0
    print(f"model: {hyperparameters(model)}")
    total = model.n_iters * batches if "solver" not in options else None
    try:
        if options.get("solver") in ONE_SOLVE:  # one solve: no updates to show progress of
            model.fit(X_train, y_train)
        else:
            fit_with_progress(model, X_train, y_train, model.verbose, total,
                              at_most=args.tol is not None)
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
            print(f"  {name}".ljust(width)
                  + "".join(fmt(w_k[j]).rjust(column) for w_k in model.weights))
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
        chart_title = (f"{title} on {Path(args.data).name}{scaled}, "
                       f"learning rate {fmt(model.learning_rate)}")
        try:
            picture = plot.svg_chart(history, chart_title)  # drawn before any file is touched
        except (ArithmeticError, ValueError) as error:
            raise datasets.DataError(f"cannot draw the cost curve for --svg {args.svg} "
                                     f"({error}); no file was written.") from None
        write_output(args.svg, picture)
        print(f"cost curve written to {args.svg}")
    if args.save:
        one_hot = datasets.one_hot_values(table, args.data, args.one_hot)
        write_output(args.save, modelfile.dumps(
            model, names, str(data.target), scaler if args.standardize else None, one_hot,
            args.drop))
        print(f"model written to {args.save}")
    source = Path(args.data).name
    if args.plot_fit:
        draw("--plot-fit", args.plot_fit, "the fit", lambda: plot.fit_chart(
            args.model, model, X_file, y_train, names, str(data.target), source,
            scaler if args.standardize else None))
    if args.plot_path:
        draw("--plot-path", args.plot_path, "the descent path", lambda: plot.path_chart(
            args.model, model, X_train, y_train, names, source, args.standardize))
    solver = options.get("solver", "gd")
    if solver not in ONE_SOLVE:  # one solve has one cost, the final cost above: no chart
        step = "Newton step" if solver == "newton" else "update"
        print()
        print(f"cost per {step} ({count(len(history), step.split()[-1])}):")
        for row in plot.text_chart(history):
            print(row)
    if solver == "gd":
        start = start_cost(Model, options, X_train, y_train)
        problem = not_converged(history, start, results[0][1], batches)
        if problem:
            advice = "--standardize, or a smaller --learning-rate" if not args.standardize \
                else "a smaller --learning-rate"
            print(f"Gradient descent did not converge: {problem}. Try {advice} "
                  f"(this run's was {fmt(model.learning_rate)}).")
    return 0


def count(n: int, noun: str) -> str:
    """``1 feature``, ``3 features``: a count with its noun, singular or plural."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def hyperparameters(model: object) -> str:
    """The model's repr without ``verbose``, which the command line sets from --every: the
    model line shows what the model learns with, never a setting the user did not give."""
    return re.sub(r", verbose=\d+", "", repr(model))


# Did gradient descent converge? Checked after every gradient-descent run (also each run of
# --learning-rates); a run that did not is a result, not an error: one line, exit status 0.

RISE = 1e-8  # a rise of the full cost by less than this (relative) is rounding, not a rise
ABOVE_START = 0.01  # with mini-batches: noise, unless 1% above the start


def start_cost(Model: Callable[..., object], options: dict, X: list, y: list
               ) -> Optional[float]:
    """J at the start, w = 0 and b = 0, on every row of X: the first cost of a full-batch run.

    None if even one full-batch update overflows (the run's own check then says more).
    """
    settings = dict(options, n_iters=1, batch_size=None, tol=None, verbose=0,
                    record_params=False)
    try:
        return float(Model(**settings).fit(X, y).cost_history[0])
    except (FloatingPointError, ValueError):
        return None


def not_converged(costs: Sequence[float], start: Optional[float], final: float,
                  per_epoch: int) -> str:
    """Why a gradient-descent run did not converge, in a teacher's words; "" if it did.

    ``costs`` is the cost history (entry t: the cost where update t + 1 starts), ``final``
    the cost after the last update, ``per_epoch`` the updates in one epoch.

    Full batch, each cost is the cost on every training row, and gradient descent with a
    small enough step lowers it at every update. So the run did not converge if it ended
    above the lowest cost it reached (by more than rounding): the cost rose from the update
    after that lowest point, by the amount said. With mini-batches each cost is one batch's
    and goes up and down by nature, so a single rise proves nothing; the run did not
    converge if the cost, averaged over an epoch's batches, or at the end, rose above where
    it started (by more than 1%, as the noise of a run that learned nothing can).
    """
    if not costs:
        return ""
    above = f", above where it started ({fmt(start)})" if start is not None and \
        final > start else ""
    if per_epoch == 1:
        c = [float(cost) for cost in costs] + [float(final)]  # c[t]: the cost after t updates
        low = min(range(len(c)), key=c.__getitem__)  # the first of equal lowest
        if c[-1] - c[low] <= RISE * (abs(c[low]) + 1e-4 * abs(c[0])):
            return ""
        peak = max(range(low, len(c)), key=c.__getitem__)
        if low == 0 and above:  # the start is the "from" value: no need to say it twice
            above = ", above where it started"
        rose = f"the cost rose from update {low + 1} on, from {fmt(c[low])}"
        if peak == len(c) - 1:
            return f"{rose} to {fmt(final)} at the end{above}"
        return f"{rose} to {fmt(c[peak])} after update {peak}, and ended at {fmt(final)}{above}"
    if start is None:
        return ""
    epochs = [sum(costs[k:k + per_epoch]) / len(costs[k:k + per_epoch])
              for k in range(0, len(costs), per_epoch)]
    worst = max(range(len(epochs)), key=epochs.__getitem__)
    margin = ABOVE_START * abs(start)
    if epochs[worst] > start + margin:
        first, last = worst * per_epoch + 1, min((worst + 1) * per_epoch, len(costs))
        return (f"the cost rose above where it started, from {fmt(start)} to "
                f"{fmt(epochs[worst])} on average over the mini-batches of epoch {worst + 1} "
                f"(updates {first}-{last}), and ended at {fmt(final)}")
    if final > start + margin:
        return f"the cost ended at {fmt(final)}{above}"
    return ""


def draw(option: str, name: str, what: str, picture: Callable[[], str]) -> None:
    """Draw a picture of plot.py whole, then write it with write_output."""
    try:
        text = picture()
    except (ArithmeticError, ValueError) as error:
        raise datasets.DataError(f"cannot draw {what} for {option} {name} ({error}); no file "
                                 f"was written.") from None
    write_output(name, text)
    print(f"{what} written to {name}")


def compare_learning_rates(args: argparse.Namespace, Model: Callable[..., object],
                           options: dict, X: list, y: list, title: str) -> int:
    """--learning-rates: one model per rate, the final cost of each, the chart with --svg."""
    print(f"learning rates compared: one {Model.__name__} per rate, from zero, "
          f"{Model(**options).n_iters} epochs each")
    runs = plot.learning_rate_runs(Model, options, X, y, args.learning_rates)
    width = max(len(fmt(rate)) for rate in args.learning_rates)
    start = start_cost(Model, dict(options, learning_rate=min(args.learning_rates)), X, y)
    per_epoch = updates_per_epoch(len(X), args.batch_size)
    for rate, costs, stop, final in runs:
        problem = not_converged(costs, start, final, per_epoch) if stop is None else ""
        print(f"learning rate {fmt(rate).rjust(width)}: " + (
            f"final cost {fmt(final)} after {count(len(costs), 'update')}" if stop is None
            else f"diverged at update {stop} (the cost became too large for a float)")
            + (f"; did not converge: {problem}" if problem else ""))
    if all(stop is not None for _, _, stop, _ in runs):
        raise datasets.DataError("every learning rate diverged: give smaller ones, or add "
                                 "--standardize.")
    if args.svg:
        scaled = " (standardized)" if args.standardize else ""
        draw("--svg", args.svg, "the cost curves", lambda: plot.rates_chart(
            [run[:3] for run in runs], f"{title} on {Path(args.data).name}{scaled}: "
                                       f"learning rates compared"))
    return 0


def run(argv: List[str], backend: str, prog: str) -> int:
    """The command line of ``main``, which adds the endings for Ctrl-C and a closed pipe."""
    if argv and argv[0] in SUBCOMMANDS:
        return SUBCOMMANDS[argv[0]][1](argv[1:], backend)
    if not argv:
        demo(importlib.import_module(backend))
        return 0
    if argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        print(f"{prog}: error: {argv[0]}: name a model first: linear, logistic or softmax, "
              f"as in: {prog} linear --data FILE. See: {prog} --help", file=sys.stderr)
        return 2
    parser = build_parser(backend)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help (status 0) or a usage error (status 2, one line)
        return exit.code if isinstance(exit.code, int) else 2
    if args.model is None:
        print(f"{prog}: error: name a model: linear, logistic or softmax (or nothing at "
              f"all for the demo). See: {prog} --help", file=sys.stderr)
        return 2
    try:
        return train(args, importlib.import_module(backend), prog)
    except (ValueError, TypeError, ArithmeticError) as error:
        return report_error(error, prog)


def report_error(error: Exception, prog: str) -> int:
    """Print an error found after the options were read as one line; return status 2.

    DataError is a ValueError; the models raise ValueError and TypeError. An
    ArithmeticError is data at the edge of floating point (an overflow, or a division
    by a spread that underflowed to 0): one line, too.
    """
    sys.stdout.flush()
    text = " ".join(str(error).split())
    if not isinstance(error, (ValueError, TypeError)):
        text = (f"a number overflowed or underflowed ({type(error).__name__}: {text}): "
                f"the data is near the limits of floating point; rescale it (the "
                f"target in other units, say), or add --standardize for the features")
    print(f"{prog}: error: {text}", file=sys.stderr)
    return 2


def main(argv: Optional[Sequence[str]] = None, backend: str = "pure") -> int:
    """Run the command line; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    prog = f"python -m {backend}"
    try:
        status = run(argv, backend, prog)
        sys.stdout.flush()  # a reader gone away shows here, inside the try, not at exit
        return status
    except KeyboardInterrupt:  # Ctrl-C in a long run: one line, and no file half written
        sys.stdout.flush()
        print(f"{prog}: interrupted.", file=sys.stderr)
        return 130  # the shell's status for a command ended by SIGINT
    except BrokenPipeError:  # the reader stopped early, as in: python -m pure ... | head
        # Point stdout at nothing, so the flush at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
