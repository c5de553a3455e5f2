"""The worker: the process that imports the learner's file and runs what the parent asks.

Standard library only; NumPy is imported here only when the learner's file is given arrays.
"""

import ast
import builtins
import importlib
import importlib.util
import inspect
import json
import os
import random
import sys
import traceback
import warnings
from typing import Any, Callable, Dict, List, Optional

from .formulas import Vector, parts

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
        return {"t": "tuple" if isinstance(value, tuple) else "list",
                "items": [_encode(v, depth + 1) for v in value]}
    if isinstance(value, dict) and depth < 3:  # propagate's {"dw": ..., "db": ...}
        return {"t": "dict", "items": {str(k): _encode(v, depth + 1) for k, v in value.items()}}
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
        self.reads: Dict[str, List[str]] = {}  # the module's data each function reads

    def value(self, arg: Any) -> Any:
        if isinstance(arg, dict) and "array" in arg:
            if not self.arrays:
                return arg["array"]
            numpy = _numpy()
            array = numpy.array(arg["array"], dtype=int if arg.get("int") else float)
            return numpy.asmatrix(array) if arg.get("matrix") else array
        if isinstance(arg, dict) and "learner" in arg:
            return _tolerant(getattr(self.module, arg["learner"]))
        if isinstance(arg, dict) and "ref" in arg:
            return self.reference(arg["ref"], arg["model"], arg.get("order", "wb"),
                                  arg.get("x1d", False))
        return arg

    def reference(self, kind: str, model: str, order: str, x1d: bool) -> Callable:
        arrays = self.arrays

        def evaluate(X: Any, y: Any, w: Any, b: Any, lam: float) -> tuple:
            X = [[v] for v in _flat(X)] if x1d else _plain(X)
            return parts(model, X, _flat(y), _flat(w) + [float(_flat(b)[0])], float(lam))

        def cost_function(X: Any, y: Any, w: Any, b: Any, *rest: Any) -> float:
            (data, penalty, _), _ = evaluate(X, y, w, b, rest[0] if rest else 0.0)
            return data + penalty

        def gradient_function(X: Any, y: Any, w: Any, b: Any, *rest: Any) -> tuple:
            _, (data, penalty, _) = evaluate(X, y, w, b, rest[0] if rest else 0.0)
            g = [d + q for d, q in zip(data, penalty)]
            g_w, g_b = g[:-1], g[-1]
            if x1d:
                g_w = g_w[0]
            elif arrays:
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
            _seed(0)  # a random start inside the function: the same one on every call
            kept = vars(self.module).get("m")
            if not ("m" in self.reads.get(request["fn"], []) and isinstance(kept, int)):
                return _run(lambda: function(*args), self.path)
            # a notebook's m = len(y) read inside the function: the case's own sample count
            rows = [len(a) for a in args if hasattr(a, "__len__") and len(a) and
                    hasattr(a[0], "__len__")]
            self.module.m = rows[0] if rows else kept
            try:
                return _run(lambda: function(*args), self.path)
            finally:
                self.module.m = kept
        if op == "fit":
            cls = getattr(self.module, request["cls"])
            X, y = self.value(request["X"]), self.value(request["y"])

            def fit() -> Dict[str, Any]:
                _seed(request.get("seed", 0))  # a random start, the same on every fit
                model = cls(**request["params"])
                result = getattr(model, request.get("method", "fit"))(
                    X, y, **request.get("fit", {}))
                self.models[request["id"]] = model
                found = _numeric_attributes(model)
                if isinstance(result, (list, tuple)):  # train() returning w, b, costs
                    found[RETURNED] = result
                return found
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
        """Import the file; its functions and classes with their signatures."""
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
        with open(self.path, encoding="utf-8") as source:
            tree = ast.parse(source.read())
        found = [obj for obj in vars(module).values() if inspect.isclass(obj)
                 and getattr(obj, "__module__", None) == name]
        for key, obj in vars(module).items():
            if key.startswith("_"):
                continue
            if inspect.isclass(obj) and getattr(obj, "__module__", None) == name:
                method = "fit" if callable(getattr(obj, "fit", None)) else "train"
                if callable(getattr(obj, method, None)) and not _abstract(obj, found):
                    classes[key] = {"init": _signature(obj), "method": method,
                                    "fit": _signature(getattr(obj, method)),
                                    "methods": [name for name in ("cost", "predict",
                                                                  "predict_proba")
                                                if callable(getattr(obj, name, None))]}
            elif callable(obj) and not inspect.isclass(obj) and (
                    getattr(obj, "__module__", None) == name):
                info = _signature(obj)
                if info is not None:
                    functions[key] = info
        self.reads = _globals_read(tree, module)
        return {"ok": True, "functions": functions, "classes": classes,
                "numpy": "numpy" in sys.modules or _imports_numpy(tree),
                "globals": self.reads}


def _seed(seed: int) -> None:
    random.seed(seed)
    np = sys.modules.get("numpy")
    if np is not None:
        np.random.seed(seed)


def _numeric_attributes(model: Any) -> Dict[str, Any]:
    """The fitted object's attributes that hold numbers (parameters, cost histories)."""
    found = {}
    for key, value in vars(model).items():
        encoded = _encode(value)
        if isinstance(encoded, float) or (isinstance(encoded, dict) and encoded["t"] in (
                "array", "list", "tuple")):
            found[key] = value
    return found


RETURNED = "(returned by fit)"  # the key of what fit or train returned, when not self


def _abstract(cls: type, found: List[type]) -> bool:
    """An abstract base class, or one that other classes of the file derive from."""
    return inspect.isabstract(cls) or any(other is not cls and issubclass(other, cls)
                                          for other in found)


def _imports_numpy(tree: ast.AST) -> bool:
    """Whether the file imports NumPy anywhere, inside a function too."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
                alias.name.split(".")[0] == "numpy" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "numpy":
            return True
    return False


def _globals_read(tree: ast.AST, module: Any) -> Dict[str, List[str]]:
    """For each top-level function, the module-level names of data it reads (not functions,
    classes or modules): a notebook's m or alpha used inside a function."""
    found: Dict[str, List[str]] = {}
    for node in getattr(tree, "body", []):
        if not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            continue
        functions = [node] if isinstance(node, ast.FunctionDef) else [
            item for item in node.body if isinstance(item, ast.FunctionDef)]
        for function in functions:
            local = {arg.arg for arg in ast.walk(function.args) if isinstance(arg, ast.arg)}
            loads = []
            for inner in ast.walk(function):
                if isinstance(inner, ast.Name):
                    if isinstance(inner.ctx, ast.Load):
                        loads.append(inner.id)
                    else:
                        local.add(inner.id)
                elif isinstance(inner, (ast.FunctionDef, ast.ClassDef)) and inner is not function:
                    local.add(inner.name)
                elif isinstance(inner, (ast.Import, ast.ImportFrom)):
                    local.update((a.asname or a.name).split(".")[0] for a in inner.names)
            names = []
            for key in loads:
                if key in local or key in names or hasattr(builtins, key):
                    continue
                value = vars(module).get(key, _MISSING)  # an undefined one raises NameError
                if value is not _MISSING and not (callable(value) or inspect.ismodule(value)):
                    names.append(key)
            if names:
                found[node.name] = names
    return found


_MISSING = object()


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
