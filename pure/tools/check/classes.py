"""Convention 1: a class whose fit(X, y) sets weights, bias and cost_history."""

from typing import Any, Dict, List, Optional, Tuple

from .cases import Case, cases, saturated_case
from .formulas import Vector, close, predictions
from .judge import HYPERPARAMETERS, LAMBDA, Judge
from .replies import as_scalar, as_vector, describe, numbers
from .report import Check

class ConventionOne:
    """A class with fit(X, y) setting weights, bias, cost_history (this project's API)."""

    def __init__(self, checker: Judge, name: str, model: str, info: Dict[str, Any]) -> None:
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


