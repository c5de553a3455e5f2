"""Grade an exercise made by ``python -m pure exercise`` step by step, with partial credit:

    python -m pure check FILE.py [--points 1,2,3,2] [--seed N] [--timeout SECONDS]
                                 [--gradescope results.json]

(``check`` hands a file whose first line is an exercise's to this module.) Each step is
passed, "not written yet" (it raises NotImplementedError) or failed, with a slip code in
brackets and the smallest case that shows it. Steps are graded one by one, independently:
the learner's class runs gradient descent on small cases, and after each step the values the
step leaves (``grad_w`` and ``grad_b`` after Step 3) are sent to this process, compared here
with the lesson's values at the same point, and replaced by them before the next step runs.
So every step starts from the lesson's own inputs, and a slip in one step costs that step's
points only. The cases come from a fixed seed (public: the report shows the numbers); with
``--seed`` they come from the instructor's seed and the report names the slip but shows no
expected number.

A submission cannot forge its grade:
- the learner's code runs in a worker process started with ``python -I -S``: no site-packages
  (the numpy package alone is put on its path, for the NumPy twin), so neither this project's
  lessons nor this checker can be imported there, and nothing of them is loaded into it. The
  lesson's values reach the worker one step at a time, after it has sent its own;
- the worker sends values only, never a verdict: every comparison is made here. Its replies
  come in a fixed order (the lesson's sequence of steps); a reply out of order or that is not
  the protocol's (forged lines, say) fails the step that was running, as ``[tampered]``;
- a step that does not answer within the time limit fails as ``[timeout]``, a worker that dies
  (``os._exit(0)``, a crash) fails the running step as ``[exited]``; the worker is then started
  again with that step left out, so the other steps are still graded;
- numbers travel as JSON floats, so an object whose ``==`` is always true stays behind;
- when the grader runs as root (as Gradescope's does) the worker drops to the user ``nobody``
  before the learner's code is run, so it can neither signal the grader nor write its
  output; ``--gradescope`` writes results.json here, after every worker has ended.

Exit status: 0 with full marks, 1 otherwise, 2 when the file cannot be graded at all.
Standard library only (NumPy in this process only for the NumPy twin's lesson).
"""

import argparse
import ast
import importlib
import json
import math
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

from . import exercise as ex
from . import lesson

DEFAULT_TIMEOUT = 10.0  # seconds the worker may go without a reply (a step, or the import)
PUBLIC_SEED = 0
MAX_LINE = 10_000_000  # characters in one reply: more is not the protocol's
DEFAULT_LINE_CAP = 1_000_000  # lines the learner's file may run between two replies, in-process
IN_PROCESS = ("No worker process can start here (in the browser?): the learner's code ran in "
              "this process, with a cap of %s lines per step instead of a time limit, and "
              "without the isolation a worker gives.")

SLIPS = {  # code: the sentence the report gives for it
    "factor-2": "It is twice the lesson's value, or half of it: a 1/2 is missing or extra.",
    "missing-1/m": "It is m times the lesson's value, or 1/m of it: a sum where the mean "
                   "belongs (or a division by m too many).",
    "sign": "It is the negative of the lesson's value: y - y_hat where y_hat - y belongs, or "
            "an update that adds the gradient instead of subtracting it.",
    "bias-regularized": "The penalty includes the bias b: it belongs on the weights only, "
                        "lambda/(2m) sum_j w_j^2 in the cost and (lambda/m) w_j in the "
                        "gradient.",
    "penalty-scale": "Right without the penalty, wrong with it: lambda/(2m) sum_j w_j^2 in the "
                     "cost, (lambda/m) w_j in the gradient, with the full m even in a batch.",
    "wrong-shape": "It does not have the shape it should.",
    "not-numbers": "It is not numbers (a list or an array of floats).",
    "missing-result": "The step does not leave the variable the code after it reads.",
    "raised": "It raised an exception.",
    "mismatch": "It differs from the lesson's value.",
    "timeout": "It did not finish within the time limit (an endless loop?); the other steps "
               "were graded without it.",
    "exited": "The process ended while this step ran (os._exit, sys.exit in a thread, a "
              "crash); the other steps were graded without it.",
    "tampered": "The worker's replies broke the grading protocol while this step ran (lines "
                "written to the grader's channel?); the other steps were graded without it.",
    "file": "The file could not be run, so no step could be graded.",
}


class GradeError(ValueError):
    """A file that cannot be graded at all (exit status 2)."""


# ---- The cases ---------------------------------------------------------------------------

class Case(NamedTuple):
    X: List[List[float]]
    y: List[float]
    params: Dict[str, Any]  # the model's keyword hyperparameters

    def describe(self) -> str:
        batch = self.params.get("batch_size")
        return (f"m={len(self.X)}, n={len(self.X[0])}, l2={self.params['l2']}, "
                f"{self.params['n_iters']} updates" if batch is None else
                f"m={len(self.X)}, n={len(self.X[0])}, l2={self.params['l2']}, batches of "
                f"{batch}, {self.params['n_iters']} epochs")


def make_cases(model: str, seed: int) -> List[Case]:
    """Small cases, the smallest first: no penalty, a penalty, then mini-batches."""
    rng = random.Random(f"{model}-{seed}")
    rate = {"linear": 0.1, "logistic": 0.5, "softmax": 0.5}[model]
    found = []
    for m, n, l2, batch, iters in ((4, 2, 0.0, None, 3), (5, 3, 0.7, None, 3),
                                   (7, 2, 0.3, 4, 2)):
        X = [[round(rng.uniform(-2, 2), 2) for _ in range(n)] for _ in range(m)]
        if model == "linear":
            y = [round(rng.uniform(-3, 3), 2) for _ in range(m)]
        else:
            y = [float(i % (2 if model == "logistic" else 3)) for i in range(m)]
            rng.shuffle(y)
            y = [int(v) for v in y] if model == "softmax" else y
        found.append(Case(X, y, {"learning_rate": rate, "n_iters": iters, "l2": l2,
                                 "batch_size": batch, "seed": seed % 1000}))
    return found


# ---- Values as they travel: {"float": x}, {"list": [...]}, {"array": nested, "dtype": d} ----

def encode(value: Any) -> Dict[str, Any]:
    if hasattr(value, "tolist") and hasattr(value, "dtype") and hasattr(value, "shape"):
        if value.shape == ():
            return {"float": float(value)}
        return {"array": value.astype(float).tolist(), "dtype": "float64"}
    if isinstance(value, (list, tuple)):
        return {"list": [encode(v) for v in value]}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"float": float(value)}
    raise TypeError(f"a {type(value).__name__}, not numbers")


def numbers(encoded: Any) -> Tuple[List[float], Any]:
    """The floats of an encoded value, and its shape (nested tuples); TypeError if it is not
    an encoded value of numbers (checked strictly: it comes from the worker)."""
    if not isinstance(encoded, dict) or len(encoded) not in (1, 2):
        raise TypeError("not an encoded value")
    if "float" in encoded and len(encoded) == 1:
        x = encoded["float"]
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            raise TypeError("not a number")
        return [float(x)], "scalar"
    if "list" in encoded and len(encoded) == 1 and isinstance(encoded["list"], list):
        parts = [numbers(v) for v in encoded["list"]]
        return [x for xs, _ in parts for x in xs], ("list", tuple(s for _, s in parts))
    if "array" in encoded and encoded.get("dtype") == "float64":
        def walk(v: Any) -> Tuple[List[float], Any]:
            if isinstance(v, list):
                parts = [walk(u) for u in v]
                return [x for xs, _ in parts for x in xs], tuple(s for _, s in parts)
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError("not a number")
            return [float(v)], ()
        values, shape = walk(encoded["array"])
        return values, ("array", shape)
    raise TypeError("not an encoded value")


def close(a: Sequence[float], b: Sequence[float], rtol: float = 1e-7) -> bool:
    """Equal to ``rtol`` relative to the largest entry of b (so a zero entry compares too)."""
    if len(a) != len(b):
        return False
    scale = max([abs(x) for x in b] + [1e-12])
    return all(math.isfinite(x) and abs(x - y) <= rtol * scale for x, y in zip(a, b))


def short(values: Sequence[float]) -> str:
    text = ", ".join(f"{v:.6g}" for v in values[:6]) + (", ..." if len(values) > 6 else "")
    return text if len(values) == 1 else f"[{text}]"


# ---- The file, instrumented ----------------------------------------------------------------
# Each graded step's code is wrapped so that an exception in it is noted, then the values it
# leaves go to the grader, which answers with the lesson's; a step left out runs ``pass``.

def instrument(lines: List[str], regions: Dict[int, Tuple[int, int, str]],
               outputs: Dict[int, Tuple[str, ...]], left_out: Sequence[int] = ()) -> str:
    """``lines`` with each region (step: first line, last line, indentation) wrapped."""
    starts = {first: step for step, (first, _, _) in regions.items()}
    out: List[str] = []
    n = 1
    while n <= len(lines) + 1:
        step = starts.pop(n, None)
        if step is None:
            if n <= len(lines):
                out.append(lines[n - 1])
            n += 1
            continue
        first, last, indent = regions[step]
        body = [] if step in left_out else lines[first - 1:last]
        code = [text for text in body if text.strip() and not text.strip().startswith("#")]
        names = outputs[step]
        out += [f"{indent}__grade__.begin({step}, locals())", f"{indent}try:"]
        out += ["    " + text if text.strip() else text for text in body] if code else []
        out += [f"{indent}    pass", f"{indent}except BaseException as __grade_error__:",
                f"{indent}    __grade__.failed({step}, __grade_error__)",
                f"{indent}{', '.join(names)}, = __grade__({step}, {names!r}, locals())"]
        n = last + 1
    return "\n".join(out) + "\n"


def lesson_regions(steps: Dict[int, lesson.Step]) -> Dict[int, Tuple[int, int, str]]:
    return {k: (s.marker_last + 1, s.last, s.indent) for k, s in steps.items()}


STEP_LINE = re.compile(r"\s*#\s*Step\s+(\d+)\s*:")


def _step_of(text: str) -> Optional[int]:
    match = STEP_LINE.match(text)
    return int(match.group(1)) if match else None


def learner_regions(lines: List[str], blank: List[str], steps: Sequence[int]
                    ) -> Tuple[Dict[int, Tuple[int, int, str]], Dict[int, str]]:
    """Where each step's code stands in the learner's file, found from the blank exercise:
    after the marker and the lines under it, up to the line that follows the blank there,
    the next marker, or a line less indented than the marker. Also the steps not found."""
    found, lost = {}, {}
    for step in steps:
        at = next(k for k, text in enumerate(blank) if _step_of(text) == step)
        stub = next(k for k in range(at, len(blank)) if blank[k].strip() == ex.STUB)
        kept, anchor = [t.strip() for t in blank[at + 1:stub]], blank[stub + 2].rstrip()
        mine = [k for k, text in enumerate(lines) if _step_of(text) == step]
        if len(mine) != 1:
            state = "gone" if not mine else "there twice"
            lost[step] = (f"the marker line '# Step {step}: ...' is {state}, so its code "
                          f"cannot be found: put it back as it was")
            continue
        indent = lines[mine[0]][:len(lines[mine[0]]) - len(lines[mine[0]].lstrip())]
        first = mine[0] + 1
        for text in kept:
            if first < len(lines) and lines[first].strip() == text:
                first += 1
        last = first
        while last < len(lines):
            text = lines[last]
            if (text.rstrip() == anchor or STEP_LINE.match(text) or text.strip()
                    and not text.strip().startswith("#") and not text.startswith(indent)):
                break
            last += 1
        found[step] = (first + 1, last, indent)  # 1-based, inclusive (last < first: empty)
    return found, lost


# ---- The lesson's values (in this process: the reference never enters the worker) -----------

class Record(NamedTuple):
    step: int
    values: Dict[str, Any]  # encoded, as sent to the worker
    params: List[List[float]]  # the parameters (w, b) when the step starts, flat
    m: float
    m_b: float
    l2: float


def class_name(source: lesson.Source, step: lesson.Step) -> str:
    return next(node.name for node in ast.walk(source.tree) if isinstance(node, ast.ClassDef)
                and node.lineno < step.marker <= node.end_lineno)


def reference(exercise: ex.Exercise, steps: Dict[int, lesson.Step], cases: List[Case]
              ) -> List[List[Record]]:
    """The lesson's run of each case: one Record per step executed, in order."""
    path = ex.lesson_path(exercise.model, exercise.twin)
    source = ex.read_lesson(exercise.model, exercise.twin)
    everything = {s.number: s for s in lesson.steps(source) if s.number in ex.OFFERED}
    update = everything[4].outputs  # (w, b): the parameters
    runs: List[List[Record]] = []

    class Recorder:
        params: List[List[float]] = []

        def begin(self, step: int, space: Dict[str, Any]) -> None:
            self.params = [numbers(encode(space[p]))[0] for p in update]  # as the step starts

        def failed(self, step: int, error: BaseException) -> None:
            raise error  # the lesson's own code does not fail on these cases

        def __call__(self, step: int, names: Tuple[str, ...], space: Dict[str, Any]) -> tuple:
            if step in steps:
                runs[-1].append(Record(step, {k: encode(space[k]) for k in names}, self.params,
                                       float(space.get("m", 0)), float(space.get("m_b", 0)),
                                       float(space.get("l2", 0.0))))
            return tuple(space[k] for k in names)

    text = instrument(source.lines, lesson_regions(everything),
                      {k: s.outputs for k, s in everything.items()})
    space: Dict[str, Any] = {"__name__": "lesson_reference", "__grade__": Recorder()}
    exec(compile(text, str(path), "exec"), space)  # the installed lesson: trusted
    model_class = space[class_name(source, everything[1])]
    numpy = __import__("numpy") if exercise.twin == "vectorized" else None
    for case in cases:
        runs.append([])
        X, y = (numpy.array(case.X), numpy.array(case.y)) if numpy else (case.X, case.y)
        model_class(**case.params).fit(X, y)
    return runs


# ---- The worker --------------------------------------------------------------------------
# Runs with -I -S from this text (no file of this project on its path). Replies go out on a
# copy of stdout taken before anything else runs; the learner's prints go to stderr.
WORKER = r'''
import json, os, sys
channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
start = json.loads(sys.stdin.readline())
sys.path[:] = start["path"]
numpy = None
for name in start["preload"]:
    try:
        __import__(name)
    except Exception:
        pass
if start["numpy"]:
    import numpy
if start["user"] is not None:
    os.setgroups([])
    os.setgid(start["user"][1])
    os.setuid(start["user"][0])
def send(message):
    channel.write(json.dumps(message) + "\n")
    channel.flush()
def receive():
    line = sys.stdin.readline()
    if not line:
        os._exit(3)
    return json.loads(line)
def encode(value):
    if numpy is not None and isinstance(value, numpy.ndarray):
        if value.shape == ():
            return {"float": float(value)}
        return {"array": numpy.asarray(value, dtype=float).tolist(), "dtype": "float64"}
    if isinstance(value, (list, tuple)):
        return {"list": [encode(v) for v in value]}
    if numpy is not None and isinstance(value, numpy.generic) or type(value) in (int, float):
        return {"float": float(value)}
    raise TypeError(type(value).__name__)
def decode(value):
    if "float" in value:
        return value["float"]
    if "list" in value:
        return [decode(v) for v in value["list"]]
    return numpy.array(value["array"], dtype=value["dtype"])
def said(error):
    try:
        return (type(error).__name__ + ": " + str(error))[:300]
    except BaseException:
        return type(error).__name__
class Exchange:
    def __init__(self):
        self.errors = {}
    def begin(self, step, space):
        pass
    def failed(self, step, error):
        self.errors[step] = error
    def __call__(self, step, names, space):
        error = self.errors.pop(step, None)
        if error is not None:
            message = {"step": step, "raised": said(error),
                       "not_written": isinstance(error, NotImplementedError)}
        else:
            message = {"step": step, "values": {}}
            for name in names:
                if name not in space:
                    message = {"step": step, "missing": name}
                    break
                try:
                    message["values"][name] = encode(space[name])
                except BaseException as error:
                    message = {"step": step, "bad": name, "raised": said(error)}
                    break
        send(message)
        reply = receive()
        return tuple(decode(reply[name]) for name in names)
module = type(sys)(start["module"])
module.__dict__["__grade__"] = Exchange()
sys.modules[start["module"]] = module
code = compile(start["source"], start["filename"], "exec")
name = start["class"]
del start
try:
    exec(code, module.__dict__)
    cls = module.__dict__[name]
except BaseException as error:
    send({"import": said(error)})
    sys.exit(0)
send({"ready": True})
while True:
    case = receive()
    if case.get("end"):
        break
    X, y = case["X"], case["y"]
    if numpy is not None:
        X, y = numpy.array(X), numpy.array(y)
    try:
        cls(**case["params"]).fit(X, y)
        send({"done": True})
    except BaseException as error:
        send({"done": False, "raised": said(error)})
'''


def _worker_path(use_numpy: bool, folder: str) -> List[str]:
    """The standard library's folders and, for the NumPy twin, a folder holding links to the
    numpy package alone (site-packages may hold this project too)."""
    base = {os.path.realpath(p) for p in (sys.base_prefix, sys.base_exec_prefix)}
    path = [p for p in sys.path if p and any(os.path.realpath(p).startswith(b) for b in base)
            and "-packages" not in p]
    if use_numpy:  # the learner's NumPy, looked up only for the NumPy twin
        package = os.path.dirname(os.path.realpath(importlib.import_module("numpy").__file__))
        for name in ("numpy", "numpy.libs"):
            target = os.path.join(os.path.dirname(package), name)
            if os.path.exists(target):
                os.symlink(target, os.path.join(folder, name))
        path.append(folder)
    return path


def _unprivileged() -> Optional[Tuple[int, int]]:
    """(uid, gid) of ``nobody`` when this process runs as root on a POSIX system, else None."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    import pwd
    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


class _Event(NamedTuple):
    kind: str  # "timeout", "exited", "tampered"
    text: str


class Worker:
    """One worker process and its reply channel, read by a thread (queue: portable timeouts)."""

    def __init__(self, text: str, name: str, filename: str, class_: str, preload: List[str],
                 use_numpy: bool, timeout: float) -> None:
        self.timeout, self.folder = timeout, tempfile.mkdtemp(prefix="grade-")
        self.log = tempfile.TemporaryFile()
        user = _unprivileged()
        if user is not None:
            os.chown(self.folder, *user)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", WORKER], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=self.log, cwd=self.folder,
                start_new_session=os.name == "posix")
        except BaseException:  # no process here (in the browser): nothing left behind
            self.log.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.replies: "queue.Queue[Optional[str]]" = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.send({"path": _worker_path(use_numpy, self.folder), "numpy": use_numpy,
                   "preload": preload, "user": user, "module": name, "filename": filename,
                   "source": text, "class": class_})

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            line = stream.readline(MAX_LINE + 1)
            if not line:
                break
            self.replies.put(line.decode("utf-8", "replace"))
        self.replies.put(None)

    def send(self, message: Dict[str, Any]) -> bool:
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
            return True
        except OSError:
            return False

    def receive(self) -> Any:
        """The next reply as a dict, or an _Event saying why there is none."""
        try:
            line = self.replies.get(timeout=self.timeout)
        except queue.Empty:
            return _Event("timeout", f"no reply within {self.timeout:g} s")
        if line is None:
            self.process.wait()
            return _Event("exited", f"the process ended (exit status {self.process.returncode})")
        try:
            message = json.loads(line)
        except ValueError:
            return _Event("tampered", f"a line that is not the protocol's: {line[:60]!r}")
        if not isinstance(message, dict):
            return _Event("tampered", f"a line that is not the protocol's: {line[:60]!r}")
        return message

    def close(self) -> None:
        """End the worker and everything it started, and wait for it."""
        if self.process.poll() is None:
            try:
                if os.name == "posix":
                    os.killpg(self.process.pid, 9)
                else:
                    self.process.kill()
            except OSError:
                self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def can_start_worker() -> bool:
    """Whether this Python can start a worker process: not in the browser (JupyterLite and
    Pyodide run on Emscripten, where ``subprocess`` is there but cannot start anything)."""
    return sys.platform not in ("emscripten", "wasi")


class _Capped(BaseException):
    """Raised into the learner's code once it has run more lines than the cap allows."""


class _OutOfTurn(BaseException):
    """Raised into the learner's code when it calls the grader's exchange out of turn."""


class InProcess:
    """The worker's part played in this process, where no worker process can start (in the
    browser): the same messages, the same strict encoding (JSON floats, so an object whose
    ``==`` is always true stays behind), but no time limit, since nothing can interrupt a
    runaway loop there. Instead a line tracer counts the lines the learner's file runs between
    two replies and stops it past ``cap``: that step fails as ``[timeout]``. Limits, as Python
    has them: a loop inside a C function (``sum(itertools.count())``) runs no line and is not
    stopped; an exception raised by a tracer turns tracing off, so a loop that catches
    BaseException and goes on is stopped once, then runs on. Nothing isolates the learner's
    code from the grader here: this is for a learner's own self-check, not for grading."""

    def __init__(self, text: str, name: str, filename: str, class_: str,
                 replies: List[List[Dict[str, Any]]], use_numpy: bool, cap: int) -> None:
        self.cap, self.filename, self.replies = cap, filename, replies
        self.numpy = __import__("numpy") if use_numpy else None
        self.out: "queue.Queue[Any]" = queue.Queue()
        self.lines, self.case = 0, -1
        self.module = type(sys)(name)
        self.module.__dict__["__grade__"] = self._Exchange(self)
        self.cls: Any = None
        try:
            self._run(lambda: exec(compile(text, filename, "exec"), self.module.__dict__))
            self.cls = self.module.__dict__[class_]
        except KeyboardInterrupt:
            raise
        except _Capped:
            self.out.put(_Event("timeout", self._capped()))
            return
        except BaseException as error:
            self.out.put({"import": _said(error)})
            return
        self.out.put({"ready": True})

    def _capped(self) -> str:
        return (f"more than {self.cap:,} lines ran without a reply (no time limit in this "
                f"process: a cap on the lines run instead; an endless loop?)")

    def _trace(self, frame: Any, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename != self.filename:
            return None  # the grader's and the libraries' frames run untraced
        if event == "line":
            self.lines += 1
            if self.lines > self.cap:
                raise _Capped()  # and Python turns the tracer off: see the class docstring
        return self._trace

    def _run(self, action: Any) -> None:
        import contextlib
        import io
        before = sys.gettrace()
        sys.settrace(self._trace)
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # the learner's prints stay out
                action()
        finally:
            sys.settrace(before)

    class _Exchange:
        def __init__(self, owner: "InProcess") -> None:
            self.owner, self.errors, self.calls = owner, {}, 0  # type: Any, Dict[int, Any], int

        def begin(self, step: int, space: Dict[str, Any]) -> None:
            pass

        def failed(self, step: int, error: BaseException) -> None:
            if isinstance(error, (_Capped, _OutOfTurn)):
                raise error
            self.errors[step] = error

        def __call__(self, step: int, names: Tuple[str, ...], space: Dict[str, Any]) -> tuple:
            owner = self.owner
            error = self.errors.pop(step, None)
            if error is not None:
                message = {"step": step, "raised": _said(error),
                           "not_written": isinstance(error, NotImplementedError)}
            else:
                message = {"step": step, "values": {}}
                for name in names:
                    if name not in space:
                        message = {"step": step, "missing": name}
                        break
                    try:
                        message["values"][name] = owner._encode(space[name])
                    except Exception as error_:
                        message = {"step": step, "bad": name, "raised": _said(error_)}
                        break
            owner.out.put(json.loads(json.dumps(message)))  # what a pipe would carry
            owner.lines = 0
            run = owner.replies[owner.case] if 0 <= owner.case < len(owner.replies) else []
            reply = run[self.calls] if self.calls < len(run) else {}
            self.calls += 1
            values = [reply.get(name) for name in names]
            if any(v is None for v in values):
                raise _OutOfTurn()  # the grader fails the step from the messages queued
            return tuple(owner._decode(v) for v in values)

    def _encode(self, value: Any) -> Dict[str, Any]:
        numpy = self.numpy
        if numpy is not None and isinstance(value, numpy.ndarray):
            if value.shape == ():
                return {"float": float(value)}
            return {"array": numpy.asarray(value, dtype=float).tolist(), "dtype": "float64"}
        if isinstance(value, (list, tuple)):
            return {"list": [self._encode(v) for v in value]}
        if numpy is not None and isinstance(value, numpy.generic) or type(value) in (int, float):
            return {"float": float(value)}
        raise TypeError(type(value).__name__)

    def _decode(self, value: Dict[str, Any]) -> Any:
        if "float" in value:
            return value["float"]
        if "list" in value:
            return [self._decode(v) for v in value["list"]]
        return self.numpy.array(value["array"], dtype=value["dtype"])

    def send(self, message: Dict[str, Any]) -> bool:
        """A case runs the learner's fit now, its messages queued; the lesson's values for
        its steps were given at the start (``replies``), so the grader's later ones are not
        needed."""
        if "X" not in message or self.cls is None:
            return True
        self.case += 1
        self.module.__dict__["__grade__"].calls = 0
        self.lines = 0
        X, y = message["X"], message["y"]
        if self.numpy is not None:
            X, y = self.numpy.array(X), self.numpy.array(y)
        try:
            self._run(lambda: self.cls(**message["params"]).fit(X, y))
            self.out.put({"done": True})
        except KeyboardInterrupt:
            raise
        except _Capped:
            self.out.put(_Event("timeout", self._capped()))
            self.cls = None
        except _OutOfTurn:
            self.out.put(_Event("tampered", "a call to the grader's exchange out of turn"))
            self.cls = None
        except BaseException as error:
            self.out.put({"done": False, "raised": _said(error)})
        return True

    def receive(self) -> Any:
        try:
            return self.out.get_nowait()
        except queue.Empty:
            return _Event("exited", "the learner's code stopped answering")

    def close(self) -> None:
        pass


def _said(error: BaseException) -> str:
    try:
        return (type(error).__name__ + ": " + str(error))[:300]
    except BaseException:
        return type(error).__name__


# ---- Grading -----------------------------------------------------------------------------

class Verdict(NamedTuple):
    step: int
    heading: str
    status: str  # "passed", "not written yet", "failed"
    code: str  # the slip code when failed
    detail: str  # the smallest case and what differs
    points: float
    max_points: float


class Grading(NamedTuple):
    file: str
    exercise: ex.Exercise
    hidden: bool
    seed: int
    verdicts: List[Verdict]
    notes: List[str]

    @property
    def score(self) -> float:
        return sum(v.points for v in self.verdicts)

    @property
    def max_score(self) -> float:
        return sum(v.max_points for v in self.verdicts)


def _slip(step: int, name_index: int, s: List[float], r: List[float], record: Record,
          penalized: bool) -> str:
    """The slip code for the learner's values s where the lesson has r."""
    params = record.params[name_index] if step == 4 else None
    if params is not None and len(params) == len(s):  # an update: compare the changes
        s, r = [a - p for a, p in zip(s, params)], [a - p for a, p in zip(r, params)]
    m_b = record.m_b or 1.0
    for code, factors in (("factor-2", (2.0, 0.5)), ("missing-1/m", (m_b, 1 / m_b)),
                          ("sign", (-1.0,))):
        if any(close(s, [f * x for x in r]) for f in factors):
            return code
    # The cases without a penalty come first: failing only with one, the penalty is wrong.
    if penalized and record.l2 > 0 and step in (2, 3):
        scale = record.l2 / (2 * record.m) if step == 2 else record.l2 / record.m
        w, b = record.params[0], record.params[1]
        if step == 2:
            bias, penalty = [r[0] + scale * sum(x * x for x in b)], [scale * sum(x * x for x in w)]
        elif name_index == 1:
            bias, penalty = [x + scale * p for x, p in zip(r, b)], [0.0] * len(r)
        else:
            bias, penalty = r, [scale * p for p in w]
        if bias != r and close(s, bias):
            return "bias-regularized"
        d, size = [a - x for a, x in zip(s, r)], sum(p * p for p in penalty)
        c = sum(a * p for a, p in zip(d, penalty)) / size if size > 0 else 0.0
        if c != 0 and close(d, [c * p for p in penalty], 1e-6):
            return "penalty-scale"
    return "mismatch"


class _StepResult:
    def __init__(self) -> None:
        self.status, self.code, self.detail = "", "", ""

    def fail(self, code: str, detail: str, status: str = "failed") -> None:
        if not self.status:
            self.status, self.code, self.detail = status, code, detail


def _judge(message: Dict[str, Any], record: Record, names: Tuple[str, ...], result: _StepResult,
           where: str, hidden: bool, case: Case) -> None:
    step = record.step
    if result.status:  # the first failure, in the smallest case, is the one reported
        return
    if "raised" in message and "bad" not in message:
        text = str(message.get("raised"))[:300]
        if message.get("not_written") is True:
            result.fail("", "", "not written yet")
        else:
            result.fail("raised", f"{where}: {text}")
        return
    if "missing" in message:
        result.fail("missing-result", f"{where}: the step leaves no {str(message['missing'])[:40]}"
                    f" (the code after it reads {', '.join(names)})")
        return
    if "bad" in message:
        result.fail("not-numbers", f"{where}: {str(message['bad'])[:40]} is "
                    f"{str(message.get('raised'))[:80]}")
        return
    values = message.get("values")
    if not isinstance(values, dict):
        result.fail("tampered", f"{where}: a reply without values")
        return
    for index, name in enumerate(names):
        expected, shape = numbers(record.values[name])
        try:
            got, got_shape = numbers(values.get(name))
        except (TypeError, RecursionError):
            result.fail("not-numbers", f"{where}: {name} is not numbers")
            return
        if got_shape != shape:
            result.fail("wrong-shape", f"{where}: {name} has {len(got)} numbers in the shape "
                        f"{_shape(got_shape)}, where {_shape(shape)} belongs")
            return
        if not close(got, expected):
            code = _slip(step, index, got, expected, record, case.params["l2"] > 0)
            result.fail(code, f"{where}: {name} differs" if hidden else
                        f"{where}: {name} is {short(got)}, expected {short(expected)}")
            return


def _shape(shape: Any) -> str:
    if shape == "scalar":
        return "a number"
    kind, inner = shape
    return f"{'a list' if kind == 'list' else 'an array'} of {len(inner)} entries"


def grade(path: str, points: Optional[Sequence[float]] = None, seed: Optional[int] = None,
          timeout: float = DEFAULT_TIMEOUT, exercise: Optional[ex.Exercise] = None,
          line_cap: int = DEFAULT_LINE_CAP) -> Grading:
    """Grade the exercise file at ``path`` (see the module docstring); GradeError if it is
    no exercise or cannot be read. ``exercise`` (an autograder's) overrides the file's first
    line, which a submission could have changed. Where no worker process can start (in the
    browser), the learner's code runs in this process with ``line_cap`` in place of
    ``timeout`` (see InProcess), and the report says so."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GradeError(f"cannot read {path}: {error}") from None
    exercise = exercise or ex.read_header(text)
    if exercise is None:
        raise GradeError(f"{path} is not an exercise made by python -m pure exercise (its first "
                         f"line says which)")
    if points is not None:
        exercise = exercise._replace(points=tuple(points))
    if len(exercise.points) != len(exercise.steps):
        raise GradeError(f"{len(exercise.points)} points for {len(exercise.steps)} steps "
                         f"({','.join(map(str, exercise.steps))}): give one number per step")
    steps = ex.steps_of(exercise)
    hidden = seed is not None
    seed = PUBLIC_SEED if seed is None else seed
    cases = make_cases(exercise.model, seed)
    runs = reference(exercise, steps, cases)
    results = {k: _StepResult() for k in exercise.steps}
    notes: List[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    blank = ex.generate(exercise.model, exercise.twin, exercise.steps,
                        exercise.points)[0].split("\n")
    regions, lost = learner_regions(lines, blank, exercise.steps)
    for k, why in lost.items():
        results[k].fail("missing-result", why)
    try:
        compile(text, path, "exec")
    except SyntaxError as error:
        for result in results.values():
            result.fail("file", f"line {error.lineno}: SyntaxError: {error.msg}")
        regions = {}
    outputs = {k: s.outputs for k, s in steps.items()}
    source = ex.read_lesson(exercise.model, exercise.twin)
    name = class_name(source, next(iter(steps.values())))
    preload = _imports(text) if regions else []
    if exercise.twin == "vectorized":  # what the lesson's run loaded lazily (numpy.ma, ...)
        preload += sorted(n for n in sys.modules if n.startswith("numpy."))
    left_out = [k for k, r in results.items() if r.status]
    mode = ["worker" if can_start_worker() else "in-process"]  # set to in-process if need be
    while regions and len(left_out) < len(results):
        event = _session(lines, regions, outputs, left_out, name, path, preload, exercise,
                         cases, runs, results, hidden, timeout, mode, line_cap)
        if event is None:
            break
        step, kind, said = event
        if step is None or step in left_out:  # the file itself: no step can be graded
            for result in results.values():
                result.fail(kind if kind != "tampered" else "file", said)
            break
        results[step].fail(kind, said)
        left_out.append(step)
    verdicts = []
    for k, max_points in zip(exercise.steps, exercise.points):
        result = results[k]
        status = result.status or "passed"
        verdicts.append(Verdict(k, steps[k].heading, status, result.code, result.detail,
                                max_points if status == "passed" else 0, max_points))
    if mode[0] == "in-process" and regions:
        notes.append(IN_PROCESS % f"{line_cap:,}")
    elif _unprivileged() is not None:
        notes.append("The learner's code ran as the user nobody.")
    elif os.name == "posix" and regions:
        notes.append("The learner's code ran as this user (the grader is not root), so it "
                     "could have signalled the grader.")
    return Grading(path, exercise, hidden, seed, verdicts, notes)


def _imports(text: str) -> List[str]:
    """The modules a file imports by absolute name: loaded in the worker before it drops its
    privileges, since the user nobody may not be able to read the interpreter's folder (a
    module loaded later that nobody cannot read fails as an ImportError of that step)."""
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return sorted(names)


def _session(lines: List[str], regions: Dict[int, Tuple[int, int, str]],
             outputs: Dict[int, Tuple[str, ...]], left_out: List[int], name: str, path: str,
             preload: List[str], exercise: ex.Exercise, cases: List[Case],
             runs: List[List[Record]], results: Dict[int, _StepResult], hidden: bool,
             timeout: float, mode: List[str], line_cap: int
             ) -> Optional[Tuple[Optional[int], str, str]]:
    """One worker run over every case. None when it went through; else (the step running or
    None for the file itself, the slip code, what happened), and the caller runs it again
    without that step."""
    fresh = {k: _StepResult() for k in results if k not in left_out and not results[k].status}
    text = instrument(lines, regions, outputs, left_out)
    worker: Any = None
    if mode[0] == "worker":
        try:
            worker = Worker(text, "exercise", os.path.basename(path), name, preload,
                            exercise.twin == "vectorized", timeout)
        except (OSError, NotImplementedError):  # no process can start here after all
            mode[0] = "in-process"
    if worker is None:
        worker = InProcess(text, "exercise", os.path.basename(path), name,
                           [[r.values for r in run] for run in runs],
                           exercise.twin == "vectorized", line_cap)
    try:
        first = worker.receive()
        if isinstance(first, _Event):
            return None, "file", f"while the file was imported: {first.text}"
        if "import" in first:
            return None, "file", f"importing the file raised {str(first['import'])[:300]}"
        if first != {"ready": True}:
            return None, "file", "while the file was imported: a reply that is not the protocol's"
        for number, (case, run) in enumerate(zip(cases, runs), 1):
            label = (f"hidden case {number} ({case.describe()})" if hidden else
                     f"case {number} ({case.describe()})")
            if not worker.send({"X": case.X, "y": case.y, "params": case.params}):
                return (run[0].step if run else None), "exited", f"{label}: the process ended"
            updates: Dict[int, int] = {}
            for index, record in enumerate(run):
                message = worker.receive()
                if isinstance(message, _Event):
                    return record.step, message.kind, f"{label}: {message.text}"
                if message.get("done") is False and "step" not in message:
                    said = str(message.get("raised"))[:300]
                    for result in fresh.values():  # the kept code: input checks, history...
                        result.fail("raised", f"{label}: fit raised {said} outside the steps")
                    break
                if message.get("done") is True and "step" not in message:
                    return record.step, "mismatch", (f"{label}: fit returned where Step "
                                                     f"{record.step} was due (a return?)")
                if message.get("step") != record.step:
                    # A second reply for the step just answered came from that step's code.
                    again = index and message.get("step") == run[index - 1].step
                    return run[index - 1 if again else index].step, "tampered", (
                        f"{label}: a reply for step {str(message.get('step'))[:10]} or none "
                        f"where Step {record.step} was due")
                updates[record.step] = updates.get(record.step, 0) + 1
                where = f"{label}, update {updates[record.step]}"
                if record.step in fresh:
                    _judge(message, record, outputs[record.step], fresh[record.step], where,
                           hidden, case)
                worker.send(record.values)
            else:
                done = worker.receive()
                if isinstance(done, _Event):
                    return None, done.kind, f"{label}, after the last step: {done.text}"
                if "done" not in done:
                    step = done.get("step")
                    return (step if isinstance(step, int) and step in fresh else None), \
                        "tampered", (
                        f"{label}: a reply for step {str(step)[:10]} after the last step")
                if done["done"] is not True:
                    said = str(done.get("raised"))[:300]
                    for result in fresh.values():
                        result.fail("raised", f"{label}: fit raised {said} outside the steps")
        worker.send({"end": True})
    finally:
        worker.close()
    for k, result in fresh.items():
        results[k] = result
    return None


# ---- Reports -----------------------------------------------------------------------------

def _points(value: float) -> str:
    return f"{value:g}"


def step_text(v: Verdict, hidden: bool) -> List[str]:
    said = {"passed": "passed", "not written yet": "not written yet"}.get(
        v.status, f"failed [{v.code}]")
    lines = [f"{v.heading + ':':<22} {said:<30} {_points(v.points)}/{_points(v.max_points)}"]
    if v.status == "failed":
        for text in (SLIPS.get(v.code, ""), v.detail):
            lines += textwrap.wrap(text, 92, initial_indent="    ", subsequent_indent="      ")
    return lines


def report(grading: Grading) -> str:
    e = grading.exercise
    kind = (f"hidden cases from seed {grading.seed}" if grading.hidden else
            f"public cases from seed {grading.seed}")
    lines = [f"{grading.file}: {e.model} regression exercise ({e.twin} twin), {kind}"]
    for v in grading.verdicts:
        lines += step_text(v, grading.hidden)
    lines.append(f"Score: {_points(grading.score)}/{_points(grading.max_score)}")
    lines += textwrap.wrap(next((n for n in grading.notes if n.startswith(IN_PROCESS[:30])), ""),
                           92)
    return "\n".join(lines) + "\n"


def gradescope(grading: Grading) -> Dict[str, Any]:
    """Gradescope's results.json: a test per step, the report as the output."""
    text = report(grading)
    return {"score": grading.score, "output": text + "".join(
                f"{note}\n" for note in grading.notes if note.split("\n")[0][:30] not in text),
            "tests": [{"name": v.heading, "score": v.points, "max_score": v.max_points,
                       "status": "passed" if v.status == "passed" else "failed",
                       "output": "\n".join(step_text(v, grading.hidden)),
                       "visibility": "visible"} for v in grading.verdicts]}


_NOTEBOOK_GRADINGS: Dict[str, Grading] = {}  # the kernel's latest cells -> their grading


def notebook_check(step: Optional[int] = None) -> None:
    """In a notebook made by ``exercise --notebook``: grade the cells as the kernel last ran
    them and print the report (``step=None``), or that step's lines, with AssertionError
    unless it passed (a graded cell that fails scores 0 in nbgrader)."""
    from .notebook import assemble
    shell = importlib.import_module("IPython").get_ipython()  # only ever called in a kernel
    text = assemble(shell.user_ns.get("In", []))
    if text not in _NOTEBOOK_GRADINGS:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "notebook.py"
            path.write_text(text, encoding="utf-8")
            _NOTEBOOK_GRADINGS.clear()
            _NOTEBOOK_GRADINGS[text] = grade(str(path))
    grading = _NOTEBOOK_GRADINGS[text]
    if step is None:
        print(report(grading).split("\n", 1)[1], end="")
        return
    verdict = next((v for v in grading.verdicts if v.step == step), None)
    if verdict is None:
        raise LookupError(f"this exercise has no Step {step} to grade")
    lines = "\n".join(step_text(verdict, grading.hidden))
    print(lines)
    if verdict.status != "passed":
        raise AssertionError(lines)


def is_exercise(path: str) -> bool:
    """Whether ``path`` is a readable file whose first lines name an exercise."""
    try:
        with open(path, encoding="utf-8") as handle:
            return ex.read_header(handle.read(2000)) is not None
    except (OSError, UnicodeDecodeError, ValueError):
        return False


def submitted(folder: Path, exercise: Optional[ex.Exercise]) -> Path:
    """The exercise file in a submission folder: the one .py file whose first line names the
    exercise, or else the one .py file; GradeError saying what to upload otherwise."""
    files = sorted(p for p in folder.rglob("*.py") if p.is_file())
    marked = [p for p in files if is_exercise(str(p)) and (exercise is None or ex.read_header(
        p.read_text(encoding="utf-8", errors="replace"))[:3] == exercise[:3])]
    if len(marked) == 1 or len(files) == 1:
        return (marked or files)[0]
    wanted = ex.file_names(exercise.model, exercise.twin)[0] if exercise else "the exercise"
    raise GradeError(f"found {len(marked) or len(files)} .py files "
                     f"{'that are the exercise ' * bool(marked)}in the submission; upload one: "
                     f"{wanted}")


def parse_exercise(text: str) -> ex.Exercise:
    """``logistic/pure/1,2,3,4`` as the exercise an autograder grades (its points: 1 each)."""
    parts = text.split("/")
    if len(parts) != 3:
        raise GradeError(f"--exercise must be MODEL/TWIN/STEPS, e.g. logistic/pure/1,2,3,4; "
                         f"got {text!r}")
    ex.lesson_path(parts[0], parts[1])  # ExerciseError for a wrong model or twin
    steps = ex.parse_steps(parts[2])
    return ex.Exercise(parts[0], parts[1], steps, (1,) * len(steps))


def main(argv: Optional[Sequence[str]] = None, backend: str = "pure") -> int:
    parser = argparse.ArgumentParser(
        prog=f"python -m {backend} check",
        description="Grade an exercise made by 'python -m pure exercise', step by step.")
    parser.add_argument("file", help="the exercise file, or a folder holding it (a submission)")
    parser.add_argument("--exercise", metavar="MODEL/TWIN/STEPS", help="grade as this exercise, "
                        "whatever the file's first line says (an autograder's choice)")
    parser.add_argument("--points", help="points per step, e.g. 1,2,3,2 (default: the file's)")
    parser.add_argument("--seed", type=int, help="hidden cases from this seed: the report "
                        "names each slip but shows no expected number")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="the longest wait for one step or the import (default: %(default)s)")
    parser.add_argument("--gradescope", metavar="FILE", help="also write Gradescope's "
                        "results.json there")
    try:
        args = parser.parse_args(list(sys.argv[2:] if argv is None else argv))
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        if not args.timeout > 0:
            raise GradeError(f"--timeout must be a positive number of seconds, got {args.timeout}")
        chosen = parse_exercise(args.exercise) if args.exercise else None
        path = Path(args.file)
        path = submitted(path, chosen) if path.is_dir() else path
        points = None
        if args.points is not None:
            text = path.read_text(encoding="utf-8") if is_exercise(str(path)) else ""
            found = chosen or ex.read_header(text)
            points = ex.parse_points(args.points, found.steps if found else ())
        grading = grade(str(path), points, args.seed, args.timeout, chosen)
    except (GradeError, ex.ExerciseError, lesson.LessonError) as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        if args.gradescope:  # Gradescope shows a zero with the reason, not an error page
            _write_results(args.gradescope, {"score": 0, "output": f"{error}\n", "tests": []})
        return 2
    sys.stdout.write(report(grading))
    if args.gradescope:  # written here, after every worker has ended
        _write_results(args.gradescope, gradescope(grading))
    return 0 if grading.score == grading.max_score else 1


def _write_results(path: str, results: Dict[str, Any]) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    ex.write_atomic(target, json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":  # python -m pure.tools.grade: what an autograder runs
    sys.exit(main(sys.argv[1:]))
