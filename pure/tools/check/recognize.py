"""Recognition: what the learner's file holds, and which checks it gets."""

import importlib.util
import os
from typing import Any, Dict, Optional, Tuple

from .classes import ConventionOne
from .functions import ConventionThree, ConventionTwo
from .judge import Judge, MODELS
from .process import IMPORT_TIMEOUT, Timeout, WorkerDied
from .report import Report

CONVENTION_2 = ("compute_cost", "compute_gradient", "compute_cost_reg", "compute_gradient_reg",
                "gradient_descent")
CONVENTION_3 = ("computeCost", "computeCostMulti", "gradientDescent", "gradientDescentMulti",
                "costFunction", "costFunctionReg")


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

