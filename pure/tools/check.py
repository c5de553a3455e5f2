"""Check your own implementation: run a learner's file against this project's models.

    python -m pure check FILE.py [--model linear|logistic|softmax] [--json]
                                 [--arrays | --lists] [--timeout SECONDS]

or, from a test (pytest, otter-grader, nbgrader):

    from pure.tools.check import assert_passes
    assert_passes("my_regression.py")        # AssertionError with the report if anything fails

It imports FILE.py, finds the functions or the class it recognizes, runs them on small
cases it makes up, and compares every result with the reference formulas below (the
same as the lesson files': cost 1/(2m) sum of squares for linear regression, mean
log-loss for logistic and softmax, penalty lambda/(2m) sum_j w_j^2 that never includes
the bias, cost_history entry k at the parameters before update k). A failure is named
by a slip code in brackets, such as [factor-2], with the smallest case that shows it.

Three ways of writing the models are recognized:
  1. this project's API: a class whose fit(X, y) sets weights, bias and cost_history;
  2. functions of w and b: compute_cost(X, y, w, b), compute_gradient(X, y, w, b), their
     _reg forms with a trailing lambda_, sigmoid(z), predict(X, w, b) and
     gradient_descent(X, y, w_in, b_in, cost_function, gradient_function, alpha,
     num_iters[, lambda_]);
  3. functions of theta with a column of ones in X: computeCost(X, y, theta),
     gradientDescent(X, y, theta, alpha, num_iters), costFunction(theta, X, y),
     costFunctionReg(theta, X, y, lambda_), sigmoid(z), predict(theta, X).

The learner's code runs in a separate Python process, in the file's folder (so data it
reads at import time is found) and with matplotlib's non-interactive backend (so a
plt.show() does not wait for a window to close). A call that never returns is
stopped after the time limit (the process is killed and started again for the next
call), and a crash or an exit inside it cannot take the checker down. A subprocess is
the one way that works alike on every Python from 3.8 to 3.13 and on every system: a
thread cannot be stopped from outside, and signal.alarm exists only on Unix and only in
the main thread. Standard library only; NumPy is imported (in that process) only when
the learner's file imports it, and then the cases are passed as arrays, otherwise as
lists (--arrays or --lists forces either). This file stands alone: copied next to a
course's tests, ``from check import assert_passes`` works as well.

Exit status: 0 when everything found passes, 1 when something fails, 2 when the file
cannot be read or holds nothing this checker recognizes.
"""

import argparse
import importlib
import importlib.util
import inspect
import json
import math
import os
import queue
import random
import subprocess
import sys
import threading
import traceback
import warnings
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

Vector = List[float]
Matrix = List[Vector]

MODELS = ("linear", "logistic", "softmax")
DEFAULT_TIMEOUT = 10.0  # seconds per call of the learner's code
IMPORT_TIMEOUT = 60.0  # seconds for importing the learner's file, at least

SLIPS = {  # code: the plain sentence the report gives for it
    "factor-2": "It is twice the reference, or half of it: a 1/2 is missing or extra "
                "(the reference cost is 1/(2m) times the sum of squares for linear regression).",
    "missing-1/m": "It is m times the reference, or 1/m of it: a sum where the mean belongs "
                   "(or a division by m too many).",
    "sign": "It is the negative of the reference: y - y_hat where y_hat - y belongs, "
            "or an update that adds the gradient instead of subtracting it.",
    "bias-regularized": "The penalty includes the bias b (theta_0): it belongs on the weights "
                        "only, lambda/(2m) sum_j w_j^2 in the cost and (lambda/m) w_j in the "
                        "gradient.",
    "penalty-scale": "The penalty has the wrong scale: lambda/(2m) sum_j w_j^2 in the cost, "
                     "(lambda/m) w_j in the gradient.",
    "cost-gradient-mismatch": "The gradient differs from the reference and is not the "
                              "derivative of your own cost either (checked by finite "
                              "differences).",
    "sequential-update": "The parameters are updated one after another: a freshly updated w "
                         "was used for b's gradient; compute every gradient first, then update "
                         "all parameters together.",
    "log-of-zero": "The cost is not finite, or warns, once the sigmoid saturates (|z| = 800): "
                   "log(y_hat) is log(0); compute each term from z, as "
                   "max(z, 0) - y z + log(1 + e^(-|z|)).",
    "sigmoid-overflow": "exp overflows for large negative z (an OverflowError or a "
                        "RuntimeWarning): with e = exp(-|z|), use 1/(1 + e) for z >= 0 and "
                        "e/(1 + e) for z < 0.",
    "column-y-broadcast": "With y of shape (m, 1) the result differs from the one with y of "
                          "shape (m,): y_hat - y broadcasts to an (m, m) matrix; flatten y "
                          "first (y = y.reshape(-1)).",
    "wrong-shape": "The result does not have the shape it should.",
    "raised": "It raised an exception.",
    "timeout": "It did not return within the time limit (an endless loop?).",
    "mismatch": "It differs from the reference.",
}


# ---- Reference formulas (plain Python, in the flat parameters p = w, then b) ----
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


def _coefficient(a: Any, m: int) -> float:
    return {"m": float(m), "1/m": 1.0 / m, "2m": 2.0 * m}.get(a, a) if isinstance(a, str) else a


def combine(triple: Sequence[Any], coefficients: Sequence[Any], m: int) -> Vector:
    """a_D D + a_P P + a_B B, for numbers (the cost) or vectors (the gradient)."""
    a = [_coefficient(c, m) for c in coefficients]
    if isinstance(triple[0], (int, float)):
        return [a[0] * triple[0] + a[1] * triple[1] + a[2] * triple[2]]
    return [a[0] * d + a[1] * q + a[2] * r for d, q, r in zip(*triple)]


def close(received: Sequence[float], expected: Sequence[float], rtol: float = 1e-6) -> bool:
    """Every entry within rtol of the largest magnitude in either vector."""
    if len(received) != len(expected):
        return False
    if not all(math.isfinite(v) for v in list(received) + list(expected)):
        return False
    scale = max([abs(v) for v in list(received) + list(expected)] + [1e-12])
    return all(abs(r - e) <= rtol * scale + 1e-12 for r, e in zip(received, expected))


def name_slip(received: Vector, triple: Sequence[Any], m: int, lam: float,
              rtol: float = 1e-6) -> Tuple[Optional[str], str]:
    """(code, what) of the first variant that received matches; ("?", "") if none does.

    The penalty variants are only tried with lambda > 0, where they differ from the rest."""
    for code, coefficients, what in VARIANTS:
        if lam == 0 and code in ("bias-regularized", "penalty-scale", "mismatch"):
            continue
        if close(received, combine(triple, coefficients, m), rtol):
            return code, what
    return "?", ""


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


# ---- The learner's code, run in a worker process ----
#
# The parent sends one JSON request a line and reads one JSON reply a line. Arguments:
# {"array": nested list, "int": bool} becomes a NumPy array (or stays a list),
# {"learner": name} the learner's function, {"ref": ...} a reference cost or gradient
# for the learner's gradient_descent to call. Replies encode arrays as
# {"t": "array", "shape": [...], "data": [...]}, lists and tuples as {"t": ..., "items"}.

def _encode(value: Any, depth: int = 0) -> Any:
    np = sys.modules.get("numpy")
    if isinstance(value, (bool, int, float)) and not isinstance(value, complex):
        return float(value)
    if np is not None and isinstance(value, (np.ndarray, np.generic)):
        array = np.asarray(value)
        if array.dtype.kind in "biuf":
            return {"t": "array", "shape": list(array.shape),
                    "data": array.astype(float).ravel().tolist()}
        if array.dtype.kind == "O" and depth < 3:
            return {"t": "array-of-objects", "shape": list(array.shape)}
    if isinstance(value, (list, tuple)) and depth < 4:
        return {"t": type(value).__name__, "items": [_encode(v, depth + 1) for v in value]}
    if value is None:
        return {"t": "None"}
    return {"t": "other", "type": type(value).__name__, "repr": repr(value)[:80]}


def _plain(value: Any) -> Any:
    """A NumPy array or nested lists as nested lists of floats (for the reference callbacks)."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return float(value)


def _flat(value: Any) -> Vector:
    value = _plain(value)
    if not isinstance(value, list):
        return [value]
    return [v for item in value for v in _flat(item)]



def _numpy() -> Any:
    """NumPy, loaded only in the worker and only for a learner whose file uses arrays: the
    checker itself, like the rest of ``pure``, needs nothing beyond the standard library."""
    return importlib.import_module("numpy")

class _Worker:
    """The worker side: imports the learner's file and runs what the parent asks."""

    def __init__(self, path: str) -> None:
        self.path = os.path.abspath(path)
        self.module: Any = None
        self.arrays = False
        self.models: Dict[str, Any] = {}

    def value(self, arg: Any) -> Any:
        if isinstance(arg, dict) and "array" in arg:
            if not self.arrays:
                return arg["array"]
            numpy = _numpy()
            return numpy.array(arg["array"], dtype=int if arg.get("int") else float)
        if isinstance(arg, dict) and "learner" in arg:
            return _tolerant(getattr(self.module, arg["learner"]))
        if isinstance(arg, dict) and "ref" in arg:
            return self.reference(arg["ref"], arg["model"], arg.get("order", "wb"))
        return arg

    def reference(self, kind: str, model: str, order: str) -> Callable:
        arrays = self.arrays

        def evaluate(X: Any, y: Any, w: Any, b: Any, lam: float) -> tuple:
            return parts(model, _plain(X), _flat(y), _flat(w) + [float(_flat(b)[0])],
                         float(lam))

        def cost_function(X: Any, y: Any, w: Any, b: Any, *rest: Any) -> float:
            (data, penalty, _), _ = evaluate(X, y, w, b, rest[0] if rest else 0.0)
            return data + penalty

        def gradient_function(X: Any, y: Any, w: Any, b: Any, *rest: Any) -> tuple:
            _, (data, penalty, _) = evaluate(X, y, w, b, rest[0] if rest else 0.0)
            g = [d + q for d, q in zip(data, penalty)]
            g_w, g_b = g[:-1], g[-1]
            if arrays:
                numpy = _numpy()
                g_w = numpy.array(g_w).reshape(numpy.shape(w))
            return (g_w, g_b) if order == "wb" else (g_b, g_w)

        return cost_function if kind == "cost" else gradient_function

    def handle(self, request: Dict[str, Any]) -> Dict[str, Any]:
        op = request["op"]
        self.arrays = request.get("arrays", self.arrays)
        if op == "load":
            return self.load()
        if op == "call":
            function = getattr(self.module, request["fn"])
            args = [self.value(arg) for arg in request["args"]]
            return _run(lambda: function(*args), self.path)
        if op == "fit":
            cls = getattr(self.module, request["cls"])
            X, y = self.value(request["X"]), self.value(request["y"])

            def fit() -> Dict[str, Any]:
                model = cls(**request["params"])
                model.fit(X, y)
                self.models[request["id"]] = model
                return (model.weights, model.bias, list(model.cost_history))
            return _run(fit, self.path)
        if op == "method":
            model = self.models[request["id"]]
            for name, arg in request.get("set", {}).items():
                value, old = self.value(arg), getattr(model, name, None)
                np = sys.modules.get("numpy")
                if np is not None and isinstance(old, np.ndarray):  # the form fit gave them
                    value = np.array(value, dtype=float)
                elif isinstance(old, list) and hasattr(value, "tolist"):
                    value = value.tolist()
                setattr(model, name, value)
            method = getattr(model, request["name"])
            args = [self.value(arg) for arg in request["args"]]
            return _run(lambda: method(*args), self.path)
        raise ValueError(f"unknown request {op!r}")

    def load(self) -> Dict[str, Any]:
        sys.path.insert(0, os.path.dirname(self.path))  # the learner's own imports
        name = os.path.splitext(os.path.basename(self.path))[0]
        spec = importlib.util.spec_from_file_location(name, self.path)
        if spec is None or spec.loader is None:
            return {"ok": False, "error": "ImportError", "message": "not a Python file"}
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        reply = _run(lambda: spec.loader.exec_module(module), self.path)  # type: ignore
        if not reply["ok"]:
            return reply
        self.module = module
        functions, classes = {}, {}
        for key, obj in vars(module).items():
            if key.startswith("_"):
                continue
            if inspect.isclass(obj) and getattr(obj, "__module__", None) == name:
                if callable(getattr(obj, "fit", None)):
                    classes[key] = {"init": _signature(obj), "methods": [
                        method for method in ("cost", "predict", "predict_proba")
                        if callable(getattr(obj, method, None))]}
            elif callable(obj) and not inspect.isclass(obj):
                info = _signature(obj)
                if info is not None:
                    functions[key] = info
        return {"ok": True, "functions": functions, "classes": classes,
                "numpy": "numpy" in sys.modules}


def _signature(obj: Any) -> Optional[Dict[str, Any]]:
    try:
        parameters = list(inspect.signature(obj).parameters.values())
    except (TypeError, ValueError):
        return None
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    positional = [p for p in parameters if p.kind in kinds]
    return {"names": [p.name for p in positional],
            "all": [p.name for p in parameters],
            "required": sum(p.default is p.empty for p in positional),
            "varargs": any(p.kind == inspect.Parameter.VAR_POSITIONAL for p in parameters)}


def _tolerant(function: Callable) -> Callable:
    """The learner's function, called with at most as many positional arguments as it takes
    (a gradient_descent may pass lambda_ to a cost written without one)."""
    info = _signature(function)
    if info is None or info["varargs"]:
        return function
    limit = len(info["names"])
    return lambda *args: function(*args[:limit])


def _run(action: Callable[[], Any], path: str) -> Dict[str, Any]:
    """Run the learner's code: its value, or its exception; the warnings it gave either way."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = action()
            error = None
        except BaseException as exc:  # SystemExit and KeyboardInterrupt too: all the learner's
            error = exc
    said = [{"category": w.category.__name__, "message": str(w.message)[:200]} for w in caught]
    if error is None:
        return {"ok": True, "value": _encode(value), "warnings": said}
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    return {"ok": False, "error": type(error).__name__, "message": str(error)[:300],
            "line": line, "warnings": said}


def serve(path: str) -> None:
    """The worker's loop: requests on the original stdin, replies on the original stdout.

    The learner's own prints and input() go to the null device, not into the protocol."""
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    sys.stdin = open(os.devnull, "r")
    sys.stdout = open(os.devnull, "w")
    worker = _Worker(path)
    for line in requests:
        try:
            reply = worker.handle(json.loads(line))
        except Exception:  # a bug of the checker: reported as such, not as the learner's
            reply = {"ok": False, "internal": traceback.format_exc()[-1500:]}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


# The worker imports this file as a module (so its compiled form is cached, unlike a
# script's), then takes its folder off sys.path again.
WORKER = ("import sys; sys.path.insert(0, sys.argv[1]); import check; del sys.path[0]; "
          "check.serve(sys.argv[2])")


class Timeout(Exception):
    pass


class WorkerDied(Exception):
    pass


class LearnerProcess:
    """The parent side: starts the worker, sends requests, enforces the time limit."""

    def __init__(self, path: str, timeout: float) -> None:
        self.path = os.path.abspath(path)
        self.timeout = timeout
        self.process: Optional[subprocess.Popen] = None
        self.thread: Optional[threading.Thread] = None
        self.lines: "queue.Queue[Optional[str]]" = queue.Queue()
        self.arrays = False
        self.loaded: Optional[Dict[str, Any]] = None

    def start(self) -> Dict[str, Any]:
        """Start the worker and import the file; the reply of the import."""
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, os.path.dirname(os.path.abspath(__file__)),
             self.path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            universal_newlines=True, encoding="utf-8", cwd=os.path.dirname(self.path),
            env=dict(os.environ, MPLBACKEND="Agg"))  # a plt.show() in the file: no window
        self.lines = queue.Queue()
        self.thread = threading.Thread(target=_read_lines, daemon=True,
                                       args=(self.process.stdout, self.lines))
        self.thread.start()
        # Importing may take a while (NumPy on a busy machine): its own, longer limit.
        self.loaded = self._send({"op": "load"}, max(self.timeout, IMPORT_TIMEOUT))
        return self.loaded

    def request(self, message: Dict[str, Any]) -> Dict[str, Any]:
        if self.process is None:
            loaded = self.start()
            if not loaded.get("ok"):
                raise WorkerDied("importing the file raised " + loaded.get("error", "?"))
        message["arrays"] = self.arrays
        return self._send(message)

    def _send(self, message: Dict[str, Any], timeout: Optional[float] = None
              ) -> Dict[str, Any]:
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
            line = self.lines.get(timeout=timeout or self.timeout)
        except queue.Empty:
            self.stop(kill=True)
            raise Timeout() from None
        except (BrokenPipeError, OSError):
            line = None
        if line is None:
            status = self.stop(kill=True)
            raise WorkerDied(f"the process running the file ended (exit status {status})")
        reply = json.loads(line)
        if "internal" in reply:
            raise RuntimeError("the checker failed:\n" + reply["internal"])
        return reply

    def stop(self, kill: bool = False) -> Optional[int]:
        process, self.process = self.process, None
        if process is None:
            return None
        try:
            if kill:
                process.kill()
            else:
                assert process.stdin is not None
                process.stdin.close()
            try:
                status = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                status = process.wait()
        finally:
            for stream in (process.stdin, process.stdout):
                try:
                    if stream is not None:
                        stream.close()
                except OSError:
                    pass
            if self.thread is not None:
                self.thread.join(timeout=5)
        return status


def _read_lines(stream: Any, lines: "queue.Queue[Optional[str]]") -> None:
    try:
        for line in stream:
            lines.put(line)
    except (OSError, ValueError):
        pass
    lines.put(None)


# ---- Decoding what the learner's code returned ----

def numbers(value: Any) -> Optional[Tuple[Vector, Tuple[int, ...]]]:
    """(flat list of floats, shape) of a number, array or nested list; None if it is none."""
    if isinstance(value, float):
        return [value], ()
    if isinstance(value, dict) and value.get("t") == "array":
        return value["data"], tuple(value["shape"])
    if isinstance(value, dict) and value.get("t") in ("list", "tuple"):
        items = [numbers(item) for item in value["items"]]
        if any(item is None for item in items):
            return None
        shapes = {item[1] for item in items}  # type: ignore
        if len(shapes) > 1:
            return None
        inner = shapes.pop() if shapes else ()
        return [v for item in items for v in item[0]], (len(items),) + inner  # type: ignore
    return None


def describe(value: Any) -> str:
    """What the learner returned, in a few words: 'a number', 'shape (3, 3)', 'a tuple of 2'."""
    if isinstance(value, float):
        return "a number"
    kind = value.get("t") if isinstance(value, dict) else None
    if kind == "array":
        return "an array of shape " + str(tuple(value["shape"])).replace(",)", ")")
    if kind in ("list", "tuple"):
        found = numbers(value)
        if found is not None and len(found[1]) > 1:
            return f"a {kind} of shape {found[1]}"
        return f"a {kind} of {len(value['items'])}"
    if kind == "None":
        return "None"
    if kind == "other":
        return f"a {value['type']}"
    return str(kind)


def as_scalar(value: Any) -> Optional[float]:
    found = numbers(value)
    return found[0][0] if found is not None and len(found[0]) == 1 else None


def as_vector(value: Any, n: int, column: bool = True) -> Optional[Vector]:
    """n numbers in shape (n,), or (n, 1) / (1, n) when column is allowed."""
    found = numbers(value)
    if found is None or len(found[0]) != n:
        return None
    shape = found[1]
    if len(shape) == 1 or (column and len(shape) == 2 and 1 in shape):
        return found[0]
    return None


def as_items(value: Any) -> Optional[List[Any]]:
    if isinstance(value, dict) and value.get("t") in ("list", "tuple"):
        return value["items"]
    return None


def short(values: Any, digits: int = 6) -> str:
    """Numbers as text with a few significant digits."""
    if isinstance(values, (int, float)):
        return f"{values:.{digits}g}"
    if isinstance(values, (list, tuple)):
        return "[" + ", ".join(short(v, digits) for v in values) + "]"
    return str(values)


# ---- Cases ----

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


# ---- The report ----

class Check:
    """One verdict: a function, what was checked, and for a failure the slip and numbers."""

    def __init__(self, what: str, code: Optional[str] = None, sentence: str = "",
                 case: Optional[Dict[str, Any]] = None, expected: Any = None,
                 received: Any = None, note: str = "") -> None:
        self.what, self.code, self.case = what, code, case
        self.sentence = sentence or (SLIPS.get(code, "") if code else "")
        self.expected, self.received, self.note = expected, received, note
        self.error = ""  # the name of the exception, when the learner's code raised one

    @property
    def passed(self) -> bool:
        return self.code is None

    def as_dict(self) -> Dict[str, Any]:
        found = {"check": self.what, "passed": self.passed}
        if not self.passed:
            found.update(code=self.code, sentence=self.sentence, case=self.case,
                         expected=self.expected, received=self.received)
        if self.note:
            found["note"] = self.note
        return found


class Report:
    """Everything the checker found about one file: printable, and as one JSON object."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.found: List[str] = []  # what was recognized, one line each
        self.functions: List[Tuple[str, List[Check]]] = []
        self.notes: List[str] = []
        self.unusable = ""  # why nothing could be checked (exit status 2)

    def add(self, function: str, check: Check) -> Check:
        for name, checks in self.functions:
            if name == function:
                checks.append(check)
                return check
        self.functions.append((function, [check]))
        return check

    @property
    def status(self) -> int:
        if self.unusable:
            return 2
        return 0 if all(c.passed for _, checks in self.functions for c in checks) else 1

    @property
    def passed(self) -> bool:
        return self.status == 0

    def codes(self) -> List[str]:
        """The distinct slip codes of the failures, in the order they were found."""
        found: List[str] = []
        for _, checks in self.functions:
            for c in checks:
                if c.code and c.code not in found:
                    found.append(c.code)
        return found

    def as_dict(self) -> Dict[str, Any]:
        return {"file": self.path, "status": self.status, "passed": self.passed,
                "found": self.found, "codes": self.codes(), "message": self.unusable,
                "functions": [{"name": name, "passed": all(c.passed for c in checks),
                               "checks": [c.as_dict() for c in checks]}
                              for name, checks in self.functions],
                "notes": self.notes}

    def text(self) -> str:
        lines = [f"Checking {self.path}"]
        lines += ["  " + line for line in self.found]
        if self.unusable:
            lines.append(self.unusable)
            return "\n".join(lines)
        for name, checks in self.functions:
            failed = [c for c in checks if not c.passed]
            if not failed:
                whats = []
                for c in checks:
                    what = c.what + (f" ({c.note})" if c.note else "")
                    if what not in whats:
                        whats.append(what)
                lines.append(f"PASS  {name}: " + "; ".join(whats))
                continue
            lines.append(f"FAIL  {name}")
            for c in failed:
                lines.append(f"      [{c.code}] {c.what}: {c.sentence}")
                if c.case:
                    lines.append("        case: " + _case_text(c.case))
                if c.expected is not None or c.received is not None:
                    lines.append(f"        expected: {short(c.expected)}")
                    lines.append(f"        received: {short(c.received)}")
                if c.note:
                    lines.append(f"        {c.note}")
        lines += self.notes
        total = len(self.functions)
        failing = sum(not all(c.passed for c in checks) for _, checks in self.functions)
        lines.append(f"{total} checked: {total - failing} pass, {failing} fail")
        return "\n".join(lines)


def _case_text(case: Dict[str, Any]) -> str:
    parts_ = [f"{case['name']} (m={case['m']}, n={case['n']})"]
    for key in ("X", "y", "w", "b", "theta", "lambda_", "alpha", "num_iters"):
        if key in case:
            parts_.append(f"{key}={short(case[key], 4)}")
    return ", ".join(parts_)


# ---- Running the checks ----

CONVENTION_2 = ("compute_cost", "compute_gradient", "compute_cost_reg", "compute_gradient_reg",
                "gradient_descent")
CONVENTION_3 = ("computeCost", "computeCostMulti", "gradientDescent", "gradientDescentMulti",
                "costFunction", "costFunctionReg")
HYPERPARAMETERS = {"linear": (0.1, 20), "logistic": (0.5, 20), "softmax": (0.5, 20)}
LAMBDA = 0.7


class Checker:
    """Runs the checks of one file and fills a Report."""

    def __init__(self, path: str, model: Optional[str], data: Optional[str],
                 timeout: float) -> None:
        self.path, self.model, self.data = path, model, data
        self.report = Report(path)
        self.process = LearnerProcess(path, timeout)
        self.info: Dict[str, Any] = {}

    # -- calling the learner's code --

    def arg(self, values: Any, integer: bool = False) -> Dict[str, Any]:
        return {"array": values, "int": integer}

    def call(self, function: str, args: List[Any], what: str, case: Optional[Case],
             theta: bool = False) -> Tuple[Optional[Dict[str, Any]], Optional[Check]]:
        """The learner's reply, or the failed Check (raised, timeout) already reported."""
        return self.send(function, {"op": "call", "fn": function, "args": args}, what, case,
                         theta)

    def send(self, function: str, message: Dict[str, Any], what: str, case: Optional[Case],
             theta: bool = False) -> Tuple[Optional[Dict[str, Any]], Optional[Check]]:
        described = case.describe(theta) if case is not None else None
        try:
            reply = self.process.request(message)
        except Timeout:
            return None, Check(what, "timeout", case=described, note=f"{function} was stopped "
                               f"after {self.process.timeout:g} s.")
        except WorkerDied as died:
            return None, Check(what, "raised", case=described, note=f"{died}.")
        if not reply["ok"]:
            where = f" (line {reply['line']} of your file)" if reply.get("line") else ""
            code = "raised"
            if reply["error"] == "OverflowError":
                code = "sigmoid-overflow"
            elif reply["error"] == "ValueError" and "math domain" in reply["message"]:
                code = "log-of-zero"
            failed = Check(what, code, case=described,
                           note=f"{function} raised {reply['error']}: {reply['message']}{where}")
            failed.error = reply["error"]
            return None, failed
        return reply, None

    def fail(self, function: str, check: Check) -> None:
        self.report.add(function, check)

    # -- entry point --

    def run(self) -> Report:
        try:
            self._run()
        finally:
            self.process.stop()
        return self.report

    def _run(self) -> None:
        if not os.path.isfile(self.path):
            self.report.unusable = f"cannot read {self.path}: no such file."
            return
        try:
            loaded = self.process.start()
        except Timeout:
            self.report.unusable = (f"importing {self.path} did not finish within "
                                    f"{max(self.process.timeout, IMPORT_TIMEOUT):g} s.")
            return
        except WorkerDied as died:
            self.report.unusable = f"cannot import {self.path}: {died}."
            return
        if not loaded.get("ok"):
            where = f" (line {loaded['line']})" if loaded.get("line") else ""
            self.report.unusable = (f"cannot import {self.path}: {loaded['error']}: "
                                    f"{loaded['message']}{where}.")
            return
        self.info = loaded
        numpy_found = importlib.util.find_spec("numpy") is not None
        if self.data == "arrays" and not numpy_found:
            self.report.unusable = "--arrays needs NumPy, which is not installed."
            return
        self.process.arrays = (self.data == "arrays"
                               or (self.data is None and loaded["numpy"] and numpy_found))
        data_text = ("NumPy arrays" if self.process.arrays else "plain lists") + (
            " (forced)" if self.data else " (the file imports NumPy)" if self.process.arrays
            else " (the file does not import NumPy)")
        functions, classes = loaded["functions"], loaded["classes"]
        checked = False
        for name, info in classes.items():
            model = self.class_model(name)
            if model is None:
                self.report.notes.append(f"class {name} not checked: its name does not say "
                                         "which model it is (give --model).")
                continue
            self.report.found.append(f"class {name}: convention 1 (this project's API), "
                                     f"model {model}, {data_text}")
            ConventionOne(self, name, model, info).run()
            checked = True
        if any(name in functions for name in CONVENTION_2):
            model, why = self.function_model(functions)
            if model == "softmax":
                self.report.unusable = ("functions of w and b are checked as linear or "
                                        "logistic regression, not softmax.")
                return
            self.report.found.append(f"functions of w and b: convention 2, model {model} "
                                     f"({why}), {data_text}")
            ConventionTwo(self, model, functions).run()
            checked = True
        if any(name in functions for name in CONVENTION_3):
            model = "logistic" if any(n in functions for n in ("costFunction", "costFunctionReg")
                                      ) else "linear"
            self.report.found.append(f"functions of theta: convention 3, model {model}, "
                                     f"{data_text}")
            ConventionThree(self, model, functions).run()
            checked = True
        if not checked:
            self.report.unusable = (
                f"{self.path} holds nothing this checker recognizes. It looked for: a class "
                "with fit(X, y) named for its model (LinearRegression, LogisticRegression, "
                "SoftmaxRegression; any name with --model); functions of w and b "
                f"({', '.join(CONVENTION_2)}); functions of theta ({', '.join(CONVENTION_3)}).")

    def class_model(self, name: str) -> Optional[str]:
        lower = name.lower()
        named = [model for model in MODELS if model in lower]
        if "multinomial" in lower:
            named = ["softmax"]
        if len(named) == 1 and (self.model is None or self.model == named[0]):
            return named[0]
        if not named and self.model is not None:
            return self.model
        return None

    def function_model(self, functions: Dict[str, Any]) -> Tuple[str, str]:
        if self.model is not None:
            return self.model, "--model"
        if "sigmoid" in functions:
            return "logistic", "it defines sigmoid; --model linear to change"
        if "logistic" in os.path.basename(self.path).lower():
            return "logistic", "the file's name says so; --model to change"
        return "linear", "no sigmoid found; --model logistic to change"

    # -- shared checks --

    def check_sigmoid(self) -> None:
        """sigmoid at moderate z against the reference; at z = +-800 finite and quiet."""
        z = [-3.0, -0.5, 0.0, 0.5, 3.0, 800.0, -800.0]
        what = "sigmoid(z) for z in " + short(z)
        expected = [sigmoid(v) for v in z]
        values: Vector = []
        warned: List[str] = []
        points = [self.arg(z)] if self.process.arrays else [v for v in z]
        for point in points:
            reply, failed = self.call("sigmoid", [point], what, None)
            if failed is not None and failed.error == "TypeError" and isinstance(point, dict):
                points += [v for v in z]  # a sigmoid of one number (math.exp): one at a time
                continue
            if failed is not None:
                failed.expected = expected
                return self.fail("sigmoid", failed)
            assert reply is not None
            found = numbers(reply["value"])
            if found is None:
                return self.fail("sigmoid", Check(what, "wrong-shape", expected=expected,
                                                  note=f"received {describe(reply['value'])}"))
            values += found[0]
            warned += [w["category"] + ": " + w["message"] for w in reply["warnings"]]
        if len(values) != len(z):
            return self.fail("sigmoid", Check(what, "wrong-shape", expected=expected,
                                              received=values))
        overflow = [w for w in warned if "overflow" in w.lower()]
        if overflow or not all(math.isfinite(v) for v in values):
            return self.fail("sigmoid", Check(what, "sigmoid-overflow", expected=expected,
                                              received=values, note="; ".join(overflow)))
        if warned:
            return self.fail("sigmoid", Check(what, "mismatch", sentence="It gives a warning.",
                                              note="; ".join(warned)))
        if not close(values, expected, 1e-6):
            return self.fail("sigmoid", Check(what, "mismatch", expected=expected,
                                              received=values))
        self.report.add("sigmoid", Check("moderate z and |z| = 800"))

    def check_run(self, function: str, what: str, case: Case, alpha: float, iters: int,
                  p_received: Optional[Vector], history: Optional[Vector], p0: Vector,
                  own_cost: bool, theta: bool = False) -> None:
        """A run of gradient descent against the reference, naming the slip if it differs.

        own_cost: the history is computed with the learner's own cost (so a slip in the
        cost shows in it too); otherwise with the reference's."""
        model, X, y, lam, k, m = case.model, case.X, case.y, case.lam, case.k, case.m
        described = case.describe(theta)
        described["name"] = "start of the run"
        described.update(alpha=alpha, num_iters=iters)
        if theta:
            described["theta"] = [p0[-1]] + p0[:-1]
        else:
            described["w"], described["b"] = unflatten(model, p0, case.n, k)
        reference = simulate(model, X, y, p0, alpha, iters, lam, k)
        order = (lambda p: [p[-1]] + p[:-1]) if theta else (lambda p: p)
        if p_received is not None:
            path, code, note = reference, None, ""
            if not close(p_received, reference[-1], 1e-6):
                code = "mismatch"
                for slip, coefficients, style, slip_what in TRAJECTORIES[1:]:
                    if lam == 0 and slip in ("bias-regularized", "penalty-scale", "mismatch"):
                        continue
                    try:
                        candidate = simulate(model, X, y, p0, alpha, iters, lam, k,
                                             coefficients, style)
                    except (OverflowError, ValueError, ZeroDivisionError):
                        continue
                    if close(p_received, candidate[-1], 1e-6):
                        path, code = candidate, slip
                        note = (f"the final parameters are those of a gradient that is "
                                f"{slip_what}" if slip_what else f"updates: {style}")
                        break
            self.report.add(function, Check(
                f"{what}: final parameters", code, case=described if code else None,
                expected=order(reference[-1]) if code else None,
                received=order(p_received) if code else None, note=note if code else ""))
        else:
            path = reference
        if history is None:
            return
        cost_variants = VARIANTS if own_cost else VARIANTS[:1]
        alignments = (("before", path[:-1], ""),
                      ("after", path[1:], "recorded after each update instead of before "
                                          "(accepted)"),
                      ("start and after", path, "recorded at the start and after each update "
                                                "(accepted)"))
        expected_history = [sum(parts(model, X, y, p, lam, k)[0][:2]) for p in reference[:-1]]
        for code, coefficients, slip_what in cost_variants:
            if lam == 0 and code in ("bias-regularized", "penalty-scale", "mismatch"):
                continue
            for _, points, note in alignments:
                if len(points) != len(history):
                    continue
                try:
                    expected = [combine(parts(model, X, y, p, lam, k)[0], coefficients, m)[0]
                                for p in points]
                except (OverflowError, ValueError):
                    continue
                if close(history, expected, 1e-6):
                    self.report.add(function, Check(
                        f"{what}: cost history", code, case=described if code else None,
                        expected=expected_history if code else None,
                        received=history if code else None,
                        note=(f"each cost is {slip_what}" if code else note)))
                    return
        self.report.add(function, Check(f"{what}: cost history", "mismatch", case=described,
                                        expected=expected_history, received=history,
                                        note=f"{len(history)} entries for {iters} updates"))

    def check_value(self, function: str, what: str, case: Case, received: Vector,
                    gradient: bool, theta: bool = False,
                    own_cost: Optional[Callable[[Case], Optional[Vector]]] = None) -> bool:
        """A cost (one number) or a gradient (flat p order) against the reference parts."""
        cost_parts, gradient_parts = parts(case.model, case.X, case.y, case.p, case.lam, case.k)
        triple = gradient_parts if gradient else cost_parts
        expected = combine(triple, (1, 1, 0), case.m)
        order = (lambda p: [p[-1]] + p[:-1]) if theta and gradient else (lambda p: p)
        code, slip_what = name_slip(received, triple, case.m, case.lam)
        if code is None:
            self.report.add(function, Check(what))
            return True
        note = f"it is {slip_what}" if slip_what else ""
        if gradient and own_cost is not None:
            derivative = own_cost(case)
            if derivative is not None:
                consistent = close(received, derivative, 1e-4)
                if code == "?":
                    code = "mismatch" if consistent else "cost-gradient-mismatch"
                    note = ("it is the derivative of your own cost, which differs from the "
                            "reference" if consistent else
                            "the derivative of your own cost is " + short(order(derivative)))
                else:
                    note += ("; it matches the derivative of your own cost (a matched pair)"
                             if consistent else
                             "; it is not the derivative of your own cost either")
        if code == "?":
            code = "mismatch"
        self.report.add(function, Check(what, code, case=case.describe(theta),
                                        expected=order(expected) if gradient else expected[0],
                                        received=order(received) if gradient else received[0],
                                        note=note))
        return False

    def check_saturated(self, function: str, reply: Dict[str, Any], values: Optional[Vector],
                        case: Case, theta: bool = False, what: str = "",
                        expected: Any = None) -> bool:
        what = what or "saturated logits |z| = 800"
        warned = [w["category"] + ": " + w["message"] for w in reply["warnings"]]
        if any("overflow" in w.lower() for w in warned):
            self.report.add(function, Check(what, "sigmoid-overflow", case=case.describe(theta),
                                            note="; ".join(warned)))
            return False
        if values is None:
            self.report.add(function, Check(what, "wrong-shape", case=case.describe(theta),
                                            note=f"received {describe(reply['value'])}"))
            return False
        if warned or not all(math.isfinite(v) for v in values):
            self.report.add(function, Check(what, "log-of-zero", case=case.describe(theta),
                                            expected=expected, received=values,
                                            note="; ".join(warned)))
            return False
        self.report.add(function, Check(what))
        return True


class ConventionOne:
    """A class with fit(X, y) setting weights, bias, cost_history (this project's API)."""

    def __init__(self, checker: Checker, name: str, model: str, info: Dict[str, Any]) -> None:
        self.c, self.name, self.model, self.info = checker, name, model, info
        self.handles = 0

    def fit(self, case: Case, lam: Optional[float], y: Any = None
            ) -> Tuple[Optional[str], Optional[Dict[str, Any]], Optional[Check]]:
        alpha, iters = HYPERPARAMETERS[self.model]
        params: Dict[str, Any] = {"learning_rate": alpha, "n_iters": iters}
        if lam is not None:
            params["l2"] = lam
        self.handles += 1
        handle = f"model{self.handles}"
        labels = self.model != "linear"
        y_arg = self.c.arg(y if y is not None else
                           [int(v) for v in case.y] if labels else case.y, labels)
        message = {"op": "fit", "cls": self.name, "params": params, "id": handle,
                   "X": self.c.arg(case.X), "y": y_arg}
        reply, failed = self.c.send(f"{self.name}.fit", message, "fit", case)
        return handle, reply, failed

    def params_of(self, value: Dict[str, Any], case: Case) -> Tuple[Optional[Vector], str]:
        """The flat parameters from the fitted weights and bias, or why their shape is wrong."""
        weights, bias = value["items"][0], value["items"][1]
        if self.model == "softmax":
            found_w, found_b = numbers(weights), numbers(bias)
            if found_w is None or found_w[1] != (case.k, case.n):
                return None, f"weights: expected shape ({case.k}, {case.n}), " \
                             f"received {describe(weights)}"
            if found_b is None or len(found_b[0]) != case.k:
                return None, f"bias: expected {case.k} numbers, received {describe(bias)}"
            return found_w[0] + found_b[0], ""
        w = as_vector(weights, case.n, column=False)
        b = as_scalar(bias)
        if w is None:
            return None, f"weights: expected {case.n} numbers, received {describe(weights)}"
        if b is None:
            return None, f"bias: expected a number, received {describe(bias)}"
        return w + [b], ""

    def run(self) -> None:
        c, model = self.c, self.model
        function = self.name
        alpha, iters = HYPERPARAMETERS[model]
        init = self.info.get("init") or {}
        has_l2 = "l2" in (init.get("all") or [])
        fitted: Dict[str, str] = {}
        lams: List[float] = [0.0] + ([LAMBDA] if has_l2 else [])
        if not has_l2:
            c.report.notes.append(f"{self.name} has no l2 hyperparameter: regularization was "
                                  "not checked.")
        first_p: Optional[Vector] = None
        for lam in lams:
            for case in cases(model):
                case = case.with_params("fit", [0.0] * len(case.p), lam)
                what = f"fit(X, y), learning_rate={alpha}, n_iters={iters}" + (
                    f", l2={lam}" if lam else "")
                handle, reply, failed = self.fit(case, lam if has_l2 else None)
                if failed is not None:
                    c.fail(function, failed)
                    break
                assert reply is not None
                value = reply["value"]
                p, why = self.params_of(value, case)
                history = numbers(value["items"][2]) if p is not None else None
                if p is None or history is None:
                    c.fail(function, Check(what, "wrong-shape", case=case.describe(), note=why))
                    break
                before = len(c.report.functions and dict(c.report.functions).get(function, []))
                c.check_run(function, what, case, alpha, iters, p, history[0],
                            [0.0] * len(case.p), own_cost=True)
                if handle is not None and str(lam) not in fitted:
                    fitted[str(lam)] = handle
                    if lam == 0:
                        first_p = p
                checks = dict(c.report.functions).get(function, [])
                if any(not check.passed for check in checks[before:]):
                    break
                # the smaller case passed: the larger one is tried too
        small = cases(model)[0]
        if "0.0" in fitted and "predict" in self.info["methods"] and first_p is not None:
            self.check_predict(fitted["0.0"], small, first_p)
        if "cost" in self.info["methods"]:
            lam = LAMBDA if str(LAMBDA) in fitted else 0.0
            handle = fitted.get(str(lam))
            if handle is not None:
                self.check_cost(handle, small.with_params("random parameters", small.p, lam))
                if model != "linear":
                    self.check_cost(fitted["0.0"], saturated_case(model), saturated=True)
        if model != "linear" and "predict_proba" in self.info["methods"] and "0.0" in fitted:
            self.check_proba(fitted["0.0"], saturated_case(model))
        if c.process.arrays and model != "softmax" and "0.0" in fitted:
            self.check_column_y(small)

    def set_params(self, case: Case) -> Dict[str, Any]:
        arg = self.c.arg
        if self.model == "softmax":
            return {"weights": arg(case.w), "bias": arg(case.b)}
        return {"weights": arg(case.w), "bias": case.b}

    def check_predict(self, handle: str, case: Case, p: Vector) -> None:
        function = f"{self.name}.predict"
        fitted = case.with_params("predict(X) at the fitted parameters", p)
        reply, failed = self.c.send(function, {"op": "method", "id": handle, "name": "predict",
                                               "args": [self.c.arg(case.X)]},
                                    "predict(X)", fitted)
        if failed is not None:
            return self.c.fail(function, failed)
        assert reply is not None
        expected = predictions(self.model, case.X, p, case.n, case.k)
        received = as_vector(reply["value"], case.m)
        if received is None:
            return self.c.fail(function, Check("predict(X)", "wrong-shape",
                                               case=fitted.describe(), expected=expected,
                                               note=f"received {describe(reply['value'])}"))
        if not close(received, expected, 1e-6):
            return self.c.fail(function, Check("predict(X)", "mismatch", case=fitted.describe(),
                                               expected=expected, received=received))
        self.c.report.add(function, Check("predict(X)"))

    def check_cost(self, handle: str, case: Case, saturated: bool = False) -> None:
        function = f"{self.name}.cost"
        what = case.name if saturated else "cost(X, y) at random parameters" + (
            f", l2={case.lam}" if case.lam else "")
        labels = self.model != "linear"
        y = [int(v) for v in case.y] if labels else case.y
        message = {"op": "method", "id": handle, "name": "cost", "set": self.set_params(case),
                   "args": [self.c.arg(case.X), self.c.arg(y, labels)]}
        reply, failed = self.c.send(function, message, what, case)
        if failed is not None:
            return self.c.fail(function, failed)
        assert reply is not None
        value = as_scalar(reply["value"])
        if saturated:
            self.c.check_saturated(function, reply, None if value is None else [value], case)
            return
        if value is None:
            return self.c.fail(function, Check(what, "wrong-shape", case=case.describe(),
                                               note=f"received {describe(reply['value'])}"))
        self.c.check_value(function, what, case, [value], gradient=False)

    def check_proba(self, handle: str, case: Case) -> None:
        function = f"{self.name}.predict_proba"
        reply, failed = self.c.send(function, {"op": "method", "id": handle,
                                               "name": "predict_proba",
                                               "set": self.set_params(case),
                                               "args": [self.c.arg(case.X)]}, case.name, case)
        if failed is not None:
            return self.c.fail(function, failed)
        assert reply is not None
        found = numbers(reply["value"])
        self.c.check_saturated(function, reply, None if found is None else found[0], case)

    def check_column_y(self, case: Case) -> None:
        function = self.name
        what = "fit(X, y) with y of shape (m, 1)"
        column = [[v] for v in case.y]
        labels = self.model != "linear"
        if labels:
            column = [[int(v)] for v in case.y]
        flat_case = case.with_params("fit", [0.0] * len(case.p), 0.0)
        _, flat_reply, failed = self.fit(flat_case, None)
        if failed is not None or flat_reply is None:
            return
        _, reply, failed = self.fit(flat_case, None, y=column)
        if failed is not None and failed.error in ("ValueError", "TypeError"):
            # refusing a 2-D y with a clear error is safe; only a silent broadcast is a slip
            return self.c.report.add(function, Check(what, note="refused: " + failed.note))
        if failed is not None:
            failed.what = what
            return self.c.fail(function, failed)
        assert reply is not None
        flat, _ = self.params_of(flat_reply["value"], case)
        received, why = self.params_of(reply["value"], case)
        if received is None or flat is None or not close(received, flat, 1e-9):
            return self.c.fail(function, Check(what, "column-y-broadcast", case=case.describe(),
                                               expected=flat, received=received, note=why))
        self.c.report.add(function, Check(what))


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


class ConventionTwo:
    """Functions of w and b: compute_cost, compute_gradient, their _reg forms, sigmoid,
    predict and gradient_descent."""

    def __init__(self, checker: Checker, model: str, functions: Dict[str, Any]) -> None:
        self.c, self.model, self.functions = checker, model, functions
        self.order: Optional[str] = None  # "wb": (dj_dw, dj_db); "bw": (dj_db, dj_dw)

    def args(self, case: Case, lam: Optional[float], column: bool = False) -> List[Any]:
        arg = self.c.arg
        y = [[v] for v in case.y] if column else case.y
        found = [arg(case.X), arg(y), arg(case.w), case.b]
        return found + ([lam] if lam is not None else [])

    def cost(self, function: str, case: Case, what: str, column: bool = False,
             report: bool = True) -> Tuple[Optional[float], Optional[Dict[str, Any]]]:
        lam = case.lam if function.endswith("_reg") else None
        reply, failed = self.c.call(function, self.args(case, lam, column), what, case)
        if failed is not None:
            self.c.fail(function, failed)
            return None, None
        assert reply is not None
        value = as_scalar(reply["value"])
        if value is None and report:
            self.c.fail(function, Check(what, "wrong-shape", case=case.describe(),
                                        note=f"expected a number, received "
                                             f"{describe(reply['value'])}"))
        return value, reply

    def gradient(self, function: str, case: Case, what: str, column: bool = False,
                 report: bool = True) -> Tuple[Optional[Vector], Optional[Dict[str, Any]]]:
        lam = case.lam if function.endswith("_reg") else None
        reply, failed = self.c.call(function, self.args(case, lam, column), what, case)
        if failed is not None:
            self.c.fail(function, failed)
            return None, None
        assert reply is not None
        items = as_items(reply["value"])
        if items is not None and len(items) == 2:
            first_b, second_b = as_scalar(items[0]), as_scalar(items[1])
            first_w, second_w = as_vector(items[0], case.n), as_vector(items[1], case.n)
            if first_w is not None and second_b is not None:
                self.order = self.order or "wb"
                return first_w + [second_b], reply
            if first_b is not None and second_w is not None:
                self.order = self.order or "bw"
                return second_w + [first_b], reply
        if not report:
            return None, reply
        self.c.fail(function, Check(what, "wrong-shape", case=case.describe(),
                                    note=f"expected (dj_dw, dj_db) or (dj_db, dj_dw) with dj_dw "
                                         f"of {case.n} numbers, received "
                                         f"{_describe_pair(reply['value'])}"))
        return None, None

    def own_derivative(self, cost_function: str) -> Callable[[Case], Optional[Vector]]:
        """Central differences of the learner's own cost at the case's parameters."""
        def derivative(case: Case) -> Optional[Vector]:
            if cost_function not in self.functions:
                return None
            found = []
            for i, v in enumerate(case.p):
                h = 1e-5 * max(1.0, abs(v))
                sides = []
                for sign in (1, -1):
                    p = list(case.p)
                    p[i] += sign * h
                    value, _ = self._quiet_cost(cost_function, case.with_params(case.name, p))
                    if value is None:
                        return None
                    sides.append(value)
                found.append((sides[0] - sides[1]) / (2 * h))
            return found
        return derivative

    def _quiet_cost(self, function: str, case: Case) -> Tuple[Optional[float], Any]:
        lam = case.lam if function.endswith("_reg") else None
        try:
            reply = self.c.process.request({"op": "call", "fn": function,
                                            "args": self.args(case, lam)})
        except (Timeout, WorkerDied):
            return None, None
        return (as_scalar(reply["value"]) if reply["ok"] else None), reply

    def run(self) -> None:
        functions = self.functions
        for cost_name, gradient_name, lam in (("compute_cost", "compute_gradient", 0.0),
                                              ("compute_cost_reg", "compute_gradient_reg",
                                               LAMBDA)):
            if cost_name in functions:
                self.check_cost(cost_name, lam)
            if gradient_name in functions:
                self.check_gradient(gradient_name, cost_name, lam)
        if "sigmoid" in functions:
            self.c.check_sigmoid()
        if "predict" in functions:
            self.check_predict()
        if "gradient_descent" in functions:
            self.check_descent(0.0)
            info = functions["gradient_descent"]
            if (len(info["names"]) >= 9 or info["varargs"]) and ("compute_cost_reg" in functions
                                                                or "compute_gradient_reg"
                                                                in functions):
                self.check_descent(LAMBDA)

    def check_cost(self, function: str, lam: float) -> None:
        model = self.model
        for case in cases(model):
            case = case.with_params(case.name, case.p, lam)
            if not lam:
                zero = zero_case(case)
                what = "cost at zero parameters (" + (
                    "mean of y^2/2" if model == "linear" else "log 2") + ")"
                value, _ = self.cost(function, zero, what)
                if value is None or not self.c.check_value(function, what, zero, [value], False):
                    return
            what = "cost at random parameters" + (f", lambda_={lam}" if lam else "")
            value, _ = self.cost(function, case, what)
            if value is None or not self.c.check_value(function, what, case, [value], False):
                return
        case = cases(model)[0].with_params("random parameters", cases(model)[0].p, lam)
        if model == "logistic":
            saturated = saturated_case(model)
            saturated.lam = lam
            value, reply = self.cost(function, saturated, saturated.name)
            exact = sum(parts(model, saturated.X, saturated.y, saturated.p, lam)[0][:2])
            if reply is not None and not self.c.check_saturated(
                    function, reply, None if value is None else [value], saturated,
                    expected=[exact]):
                return
            if value is not None and not close([value], [exact], 1e-6):
                self.c.report.notes.append(
                    f"{function} gives {short(value)} at |z| = 800 where the exact cost is "
                    f"{short(exact)}: a clipped probability caps each term (accepted).")
        if self.c.process.arrays:
            self.check_column(function, case, False)

    def check_column(self, function: str, case: Case, gradient: bool) -> None:
        what = "y of shape (m, 1)"
        get = self.gradient if gradient else self.cost
        flat, _ = get(function, case, what)
        if flat is None:
            return
        received, reply = get(function, case, what, column=True, report=False)
        if reply is None:
            return
        flat_values = flat if gradient else [flat]
        if received is None or not close(flat_values if not gradient else received,
                                         [received] if not gradient else flat_values, 1e-9):
            self.c.fail(function, Check(what, "column-y-broadcast", case=case.describe(),
                                        expected=flat, received=received if received is not None
                                        else _describe_pair(reply["value"])))
            return
        self.c.report.add(function, Check(what))

    def check_gradient(self, function: str, cost_name: str, lam: float) -> None:
        model = self.model
        own = self.own_derivative(cost_name)
        for case in cases(model):
            case = case.with_params(case.name, case.p, lam)
            what = "gradient at random parameters" + (f", lambda_={lam}" if lam else "")
            value, _ = self.gradient(function, case, what)
            if value is None or not self.c.check_value(function, what, case, value, True,
                                                       own_cost=own):
                return
        order = {"wb": "(dj_dw, dj_db)", "bw": "(dj_db, dj_dw)"}.get(self.order or "", "")
        self.c.report.found.append(f"{function} returns {order}")
        case = cases(model)[0].with_params("random parameters", cases(model)[0].p, lam)
        if model == "logistic":
            saturated = saturated_case(model)
            saturated.lam = lam
            value, reply = self.gradient(function, saturated, saturated.name)
            if reply is not None and not self.c.check_saturated(function, reply, value,
                                                                saturated):
                return
        if self.c.process.arrays:
            self.check_column(function, case, True)

    def check_predict(self) -> None:
        info = self.functions["predict"]
        if len(info["names"]) < 3 and not info["varargs"]:
            self.c.report.notes.append("predict takes fewer than 3 arguments: not checked as "
                                       "predict(X, w, b).")
            return
        what = "predict(X, w, b)" + (" (1 where sigmoid(z) >= 0.5)" if self.model == "logistic"
                                     else "")
        for case in cases(self.model):
            if not self.predict_case(case, what):
                return
        self.c.report.add("predict", Check(what))

    def predict_case(self, case: Case, what: str) -> bool:
        reply, failed = self.c.call("predict", [self.c.arg(case.X), self.c.arg(case.w), case.b],
                                    what, case)
        if failed is not None:
            self.c.fail("predict", failed)
            return False
        assert reply is not None
        expected = predictions(self.model, case.X, case.p, case.n, 1)
        received = as_vector(reply["value"], case.m)
        if received is None:
            self.c.fail("predict", Check(what, "wrong-shape", case=case.describe(),
                                         expected=expected,
                                         note=f"received {describe(reply['value'])}"))
            return False
        code, slip_what = name_slip(received, (expected, [0.0] * case.m, [0.0] * case.m),
                                    case.m, 0.0)
        if code is not None:
            self.c.fail("predict", Check(what, "mismatch" if code == "?" else code,
                                         case=case.describe(), expected=expected,
                                         received=received, note=slip_what))
            return False
        return True

    def check_descent(self, lam: float) -> None:
        function = "gradient_descent"
        info = self.functions[function]
        alpha, iters = HYPERPARAMETERS[self.model]
        takes_lambda = len(info["names"]) >= 9 or info["varargs"]
        orders = [self.order] if self.order else ["wb", "bw"]
        for case in cases(self.model):
            case = case.with_params("start", case.p, lam)
            what = f"gradient_descent, alpha={alpha}, num_iters={iters}" + (
                f", lambda_={lam}" if lam else "") + ", with the reference cost and gradient"
            for attempt, order in enumerate(orders):
                args = [self.c.arg(case.X), self.c.arg(case.y), self.c.arg(case.w), case.b,
                        {"ref": "cost", "model": self.model},
                        {"ref": "gradient", "model": self.model, "order": order}, alpha, iters]
                if takes_lambda:
                    args.append(lam)
                reply, failed = self.c.call(function, args, what, case)
                if failed is not None:
                    return self.c.fail(function, failed)
                assert reply is not None
                items = as_items(reply["value"]) or []
                w = as_vector(items[0], case.n) if len(items) >= 3 else None
                b = as_scalar(items[1]) if len(items) >= 3 else None
                history = numbers(items[2]) if len(items) >= 3 else None
                if w is None or b is None or history is None:
                    return self.c.fail(function, Check(
                        what, "wrong-shape", case=case.describe(),
                        note=f"expected w, b, J_history (extra values ignored), received "
                             f"{_describe_pair(reply['value'])}"))
                final = simulate(self.model, case.X, case.y, case.p, alpha, iters, lam, 1)[-1]
                if attempt + 1 < len(orders) and not close(w + [b], final, 1e-6):
                    continue  # the other order of the gradient's pair may be the learner's
                checks_before = len(dict(self.c.report.functions).get(function, []))
                self.c.check_run(function, what, case, alpha, iters, w + [b], history[0],
                                 case.p, own_cost=False)
                checks = dict(self.c.report.functions)[function]
                if any(not check.passed for check in checks[checks_before:]):
                    return
                break


def _describe_pair(value: Any) -> str:
    items = as_items(value)
    if items is None:
        return describe(value)
    return f"a {value['t']} of " + ", ".join(describe(item) for item in items)


class ConventionThree:
    """Functions of theta with a column of ones in X (the classic course's exercises)."""

    def __init__(self, checker: Checker, model: str, functions: Dict[str, Any]) -> None:
        self.c, self.model, self.functions = checker, model, functions

    def X1(self, case: Case) -> Dict[str, Any]:
        return self.c.arg([[1.0] + row for row in case.X])

    def theta(self, case: Case) -> Dict[str, Any]:
        return self.c.arg([case.b] + list(case.w))

    def run(self) -> None:
        functions = self.functions
        for name in ("computeCost", "computeCostMulti"):
            if name in functions:
                self.check_compute_cost(name)
        for name in ("gradientDescent", "gradientDescentMulti"):
            if name in functions:
                self.check_descent(name)
        for name, lam in (("costFunction", 0.0), ("costFunctionReg", LAMBDA)):
            if name in functions:
                self.check_cost_function(name, lam)
        if "sigmoid" in functions:
            self.c.check_sigmoid()
        if "predict" in functions and self.model == "logistic":
            self.check_predict()

    def compute_cost(self, function: str, case: Case, what: str, column: bool = False
                     ) -> Optional[float]:
        y = [[v] for v in case.y] if column else case.y
        reply, failed = self.c.call(function, [self.X1(case), self.c.arg(y), self.theta(case)],
                                    what, case, theta=True)
        if failed is not None:
            self.c.fail(function, failed)
            return None
        assert reply is not None
        value = as_scalar(reply["value"])
        if value is None:
            self.c.fail(function, Check(what, "wrong-shape", case=case.describe(True),
                                        note=f"expected a number, received "
                                             f"{describe(reply['value'])}"))
        return value

    def check_compute_cost(self, function: str) -> None:
        for case in cases("linear"):
            for point, what in ((zero_case(case), "cost at theta = 0 (mean of y^2/2)"),
                                (case, "cost at random theta")):
                value = self.compute_cost(function, point, what)
                if value is None or not self.c.check_value(function, what, point, [value],
                                                           False, theta=True):
                    return
        if self.c.process.arrays:
            case = cases("linear")[0]
            what = "y of shape (m, 1)"
            flat = self.compute_cost(function, case, what)
            column = self.compute_cost(function, case, what, column=True)
            if flat is None or column is None:
                return
            if not close([column], [flat], 1e-9):
                return self.c.fail(function, Check(what, "column-y-broadcast",
                                                   case=case.describe(True), expected=flat,
                                                   received=column))
            self.c.report.add(function, Check(what))

    def check_descent(self, function: str) -> None:
        alpha, iters = HYPERPARAMETERS["linear"]
        for case in cases("linear"):
            what = f"{function}, alpha={alpha}, num_iters={iters}"
            reply, failed = self.c.call(function, [self.X1(case), self.c.arg(case.y),
                                                   self.theta(case), alpha, iters],
                                        what, case, theta=True)
            if failed is not None:
                return self.c.fail(function, failed)
            assert reply is not None
            items = as_items(reply["value"]) or []
            theta = as_vector(items[0], case.n + 1) if len(items) >= 2 else None
            history = numbers(items[1]) if len(items) >= 2 else None
            if theta is None or history is None:
                return self.c.fail(function, Check(
                    what, "wrong-shape", case=case.describe(True),
                    note=f"expected theta ({case.n + 1} numbers) and J_history, received "
                         f"{_describe_pair(reply['value'])}"))
            before = len(dict(self.c.report.functions).get(function, []))
            self.c.check_run(function, what, case, alpha, iters, theta[1:] + theta[:1],
                             history[0], case.p, own_cost=True, theta=True)
            checks = dict(self.c.report.functions)[function]
            if any(not check.passed for check in checks[before:]):
                return

    def cost_function(self, function: str, case: Case, what: str, column: bool = False
                      ) -> Tuple[Optional[float], Optional[Vector], Optional[Dict[str, Any]]]:
        """(J, grad in flat p order, reply) of costFunction(theta, X, y[, lambda_])."""
        y = [[v] for v in case.y] if column else case.y
        args = [self.theta(case), self.X1(case), self.c.arg(y)]
        if function == "costFunctionReg":
            args.append(case.lam)
        reply, failed = self.c.call(function, args, what, case, theta=True)
        if failed is not None:
            self.c.fail(function, failed)
            return None, None, None
        assert reply is not None
        items = as_items(reply["value"])
        cost = as_scalar(items[0]) if items and len(items) == 2 else None
        grad = as_vector(items[1], case.n + 1) if items and len(items) == 2 else None
        if cost is None or grad is None:
            self.c.fail(function, Check(what, "wrong-shape", case=case.describe(True),
                                        note=f"expected J and grad ({case.n + 1} numbers), "
                                             f"received {_describe_pair(reply['value'])}"))
            return None, None, reply
        return cost, grad[1:] + grad[:1], reply

    def own_derivative(self, function: str) -> Callable[[Case], Optional[Vector]]:
        def derivative(case: Case) -> Optional[Vector]:
            found = []
            for i, v in enumerate(case.p):
                h = 1e-5 * max(1.0, abs(v))
                sides = []
                for sign in (1, -1):
                    p = list(case.p)
                    p[i] += sign * h
                    point = case.with_params(case.name, p)
                    args = [self.theta(point), self.X1(point), self.c.arg(point.y)]
                    if function == "costFunctionReg":
                        args.append(point.lam)
                    try:
                        reply = self.c.process.request({"op": "call", "fn": function,
                                                        "args": args})
                    except (Timeout, WorkerDied):
                        return None
                    items = as_items(reply["value"]) if reply["ok"] else None
                    value = as_scalar(items[0]) if items else None
                    if value is None:
                        return None
                    sides.append(value)
                found.append((sides[0] - sides[1]) / (2 * h))
            return found
        return derivative

    def check_cost_function(self, function: str, lam: float) -> None:
        own = self.own_derivative(function)
        for case in cases("logistic"):
            case = case.with_params(case.name, case.p, lam)
            points = [(case, "J and grad at random theta" + (f", lambda_={lam}" if lam else ""))]
            if not lam:
                points.insert(0, (zero_case(case), "J at theta = 0 (log 2)"))
            for point, what in points:
                cost, grad, _ = self.cost_function(function, point, what)
                if cost is None or grad is None:
                    return
                if not self.c.check_value(function, what + ": J", point, [cost], False, True):
                    return
                if point is case and not self.c.check_value(function, what + ": grad", point,
                                                            grad, True, True, own_cost=own):
                    return
        saturated = saturated_case("logistic")
        saturated.lam = lam
        cost, grad, reply = self.cost_function(function, saturated, saturated.name)
        if reply is None or not self.c.check_saturated(
                function, reply, None if cost is None or grad is None else [cost] + grad,
                saturated, theta=True):
            return
        if self.c.process.arrays:
            case = cases("logistic")[0].with_params("random parameters",
                                                    cases("logistic")[0].p, lam)
            what = "y of shape (m, 1)"
            flat = self.cost_function(function, case, what)
            column = self.cost_function(function, case, what, column=True)
            if flat[0] is None or flat[1] is None or column[2] is None:
                return
            if column[0] is None or column[1] is None or not close(
                    [column[0]] + column[1], [flat[0]] + flat[1], 1e-9):
                return self.c.fail(function, Check(what, "column-y-broadcast",
                                                   case=case.describe(True)))
            self.c.report.add(function, Check(what))

    def check_predict(self) -> None:
        info = self.functions["predict"]
        if len(info["names"]) != 2 and not info["varargs"]:
            return
        case = cases("logistic")[1]
        what = "predict(theta, X) (1 where sigmoid(X theta) >= 0.5)"
        reply, failed = self.c.call("predict", [self.theta(case), self.X1(case)], what, case,
                                    theta=True)
        if failed is not None:
            return self.c.fail("predict", failed)
        assert reply is not None
        expected = predictions("logistic", case.X, case.p, case.n, 1)
        received = as_vector(reply["value"], case.m)
        if received is None or not close(received, expected, 1e-9):
            return self.c.fail("predict", Check(
                what, "wrong-shape" if received is None else "mismatch",
                case=case.describe(True), expected=expected,
                received=received if received is not None else describe(reply["value"])))
        self.c.report.add("predict", Check(what))


# ---- The module's API and the command line ----

def check(path: str, model: Optional[str] = None, data: Optional[str] = None,
          timeout: float = DEFAULT_TIMEOUT) -> Report:
    """Check the learner's file at ``path``; the Report (``.passed``, ``.text()``, ``.codes()``).

    model: "linear", "logistic" or "softmax" when the file's names do not say; data:
    "arrays" or "lists" to force what the cases are passed as (default: arrays if the file
    imports NumPy); timeout: the limit in seconds for each call of the learner's code."""
    if model is not None and model not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, got {model!r}.")
    if data not in (None, "arrays", "lists"):
        raise ValueError(f"data must be 'arrays', 'lists' or None, got {data!r}.")
    return Checker(os.fspath(path), model, data, timeout).run()


def assert_passes(path: str, model: Optional[str] = None, data: Optional[str] = None,
                  timeout: float = DEFAULT_TIMEOUT) -> Report:
    """check(), then raise AssertionError with the whole report unless everything passed."""
    report = check(path, model, data, timeout)
    if not report.passed:
        raise AssertionError("\n" + report.text())
    return report


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m pure check FILE.py ...``: print the report; the exit status 0, 1 or 2."""
    parser = argparse.ArgumentParser(
        prog="python -m pure check",
        description="Check your own implementation of linear, logistic or softmax regression "
                    "against this project's models, and name the slip if it differs.")
    parser.add_argument("file", metavar="FILE.py", help="the Python file to check")
    parser.add_argument("--model", choices=MODELS,
                        help="which model the file implements, when its names do not say")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--arrays", dest="data", action="store_const", const="arrays",
                      help="pass NumPy arrays (default: if the file imports NumPy)")
    data.add_argument("--lists", dest="data", action="store_const", const="lists",
                      help="pass plain lists")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"time limit of each call (default {DEFAULT_TIMEOUT:g})")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    report = check(args.file, args.model, args.data, args.timeout)
    if args.json:
        print(json.dumps(report.as_dict(), indent=1))
    else:
        print(report.text(), file=sys.stderr if report.status == 2 else sys.stdout)
    return report.status


if __name__ == "__main__":
    sys.exit(main())
