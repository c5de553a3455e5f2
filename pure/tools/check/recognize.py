"""Recognition: what the learner's file holds, and which checks it gets."""

import importlib.util
import os
from typing import Any, Dict, List, Tuple

from .classes import ClassChecks
from .functions import Functions
from .judge import Judge, MODELS
from .process import IMPORT_TIMEOUT, Timeout, WorkerDied
from .report import Check, Report


class Checker(Judge):
    """Runs the checks of one file and fills a Report."""

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
        checked = self.check_contents(loaded, data_text)
        if self.data is None and not self.process.arrays and numpy_found and any(
                c.error in ("AttributeError", "TypeError") and "list" in c.note
                for _, checks in self.report.functions for c in checks):
            # written for arrays (x.shape, X.dot) without importing NumPy: the course passes
            # arrays, so the file is checked again with arrays
            self.report = Report(self.path, self.report.strict)
            self.process.arrays = True
            checked = self.check_contents(loaded, "NumPy arrays (the file does not import "
                                                  "NumPy but uses array methods such as "
                                                  ".shape, or *, on its arguments)")
        if not checked:
            self.report.unusable = (
                f"{self.path} holds nothing this checker recognizes. It looked for: a class "
                "with fit(X, y) or train(X, y) (its model named by the class or by --model); "
                "functions by what they do: sigmoid(z); a cost, a gradient, or both, of X, y "
                "and the parameters (w and b, or theta, e.g. compute_cost(X, y, w, b), "
                "computeCost(X, y, theta), costFunction(theta, X, y)); a descent run or one "
                "step (with alpha and an iteration count); predict(X and the parameters).")

    def check_contents(self, loaded: Dict[str, Any], data_text: str) -> bool:
        """Check every class and function found; whether any was recognized."""
        functions, classes = loaded["functions"], loaded["classes"]
        checked = False
        for name, info in classes.items():
            model, why = self.class_model(name, functions)
            ClassChecks(self, name, model, info, (why, data_text)).run()
            checked = True
        if functions:
            model, why = self.function_model(functions)
            for group, (model, why) in self.function_groups(functions, model, why):
                checked = self.check_functions(group, model, why, data_text) or checked
        self.globals_read(loaded.get("globals", {}))
        return checked

    def function_groups(self, functions: Dict[str, Any], model: str, why: str
                        ) -> List[Tuple[Dict[str, Any], Tuple[str, str]]]:
        """The file's functions, and those whose name says the other model (linear_propagate
        beside logistic_propagate in one file), each group with its model."""
        if self.model is not None:
            return [(functions, (model, why))]
        named: Dict[str, Dict[str, Any]] = {}
        rest: Dict[str, Any] = {}
        for name, info in functions.items():
            says = [m for m in ("linear", "logistic") if m in name.lower()]
            if len(says) == 1 and says[0] != model:
                named.setdefault(says[0], {})[name] = info
            else:
                rest[name] = info
        groups = [(rest, (model, why))] if rest else []
        return groups + [(group, (other, "the function's name says so"))
                         for other, group in named.items()]

    def check_functions(self, functions: Dict[str, Any], model: str, why: str,
                        data_text: str) -> bool:
        """Recognize and judge a group of functions of one model; whether any was found."""
        if model == "softmax":
            self.report.notes.append("functions are checked as linear or logistic "
                                     "regression, not softmax.")
            return False
        self.convention = None  # a convention is the pair of one group's cost and gradient
        self.report.found.append(f"functions: model {model} ({why}), {data_text}")
        before = len(self.report.found)
        checker = Functions(self, model, functions)
        checker.run()
        if not checker.found:
            del self.report.found[before - 1:]
        return bool(checker.found)

    def globals_read(self, found: Dict[str, Any]) -> None:
        """A warning for each checked function that reads a notebook's global variable."""
        checked = dict(self.report.functions)
        for function, names in found.items():
            names = [n for n in names if not n.isupper()]  # EPSILON-like constants are fine
            targets = [key for key in checked if key == function
                       or key.startswith(function + ".")]
            if not names or not targets:
                continue
            self.report.add(targets[0], Check(
                f"reads the global {', '.join(names)}", "uses-global",
                note=f"{function} reads {', '.join(names)} from the file (a notebook's "
                     "variables): pass it as an argument, or compute it from the arguments "
                     "(m = len(y), n = X.shape[1])."
                     + (" For the check, m was set to each case's number of samples."
                        if "m" in names else "")))

    def class_model(self, name: str, functions: Dict[str, Any]) -> Tuple[str, str]:
        """--model, else the model the class's name says, else what the file does."""
        if self.model is not None:
            return self.model, "--model"
        lower = name.lower()
        named = [model for model in MODELS if model in lower]
        if "multinomial" in lower:
            named = ["softmax"]
        if len(named) == 1:
            return named[0], "its name says so; --model to change"
        return self.function_model(functions)

    def function_model(self, functions: Dict[str, Any]) -> Tuple[str, str]:
        """Linear or logistic: --model, else a sigmoid among the functions, else the file's
        text (a log-loss) or name."""
        if self.model is not None:
            return self.model, "--model"
        probe = Functions(self, "logistic", functions)
        sigmoids = [name for name, info in functions.items() if probe.is_sigmoid(name, info)]
        if sigmoids:
            return "logistic", f"it defines {sigmoids[0]}; --model linear to change"
        with open(self.path, encoding="utf-8", errors="replace") as source:
            text = source.read()
        if "sigmoid" in text or ("log(" in text and "exp(" in text):
            return "logistic", "it uses a sigmoid; --model linear to change"
        if "logistic" in os.path.basename(self.path).lower():
            return "logistic", "the file's name says so; --model to change"
        return "linear", "no sigmoid found; --model logistic to change"
