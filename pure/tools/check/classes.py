"""The checks of a class: fit (or train) by its own hyperparameter names, the parameters
and cost history wherever it keeps them, then predict, cost and predict_proba."""

from typing import Any, Dict, List, Optional, Tuple

from .cases import Case, cases, saturated_case
from .formulas import (CONVENTIONS, RTOL, TRAJECTORIES, Vector, close, parts, predictions,
                       simulate)
from .judge import HYPERPARAMETERS, LAMBDA, Judge
from .replies import as_items, as_scalar, as_vector, describe, numbers, short
from .layouts import role_of
from .report import Check

# Where a fitted class keeps its parameters, and its cost history.
PAIRS = (("weights", "bias"), ("w", "b"), ("W", "b"), ("coef_", "intercept_"),
         ("weight", "bias"), ("weights", "b"), ("w", "bias"))
THETAS = ("theta", "param", "params", "parameters", "beta", "weights", "w", "coef_", "w_",
          "theta_")
HISTORIES = ("cost_history", "costs", "cost_", "J_history", "losses", "loss_history",
             "history", "cost_list", "loss", "cost_hist", "errors", "training_errors",
             "training_error", "train_errors", "loss_hist", "J_hist", "mse_history")


class ClassChecks:
    """One class: fitted on small cases with its own hyperparameter names, judged on its
    final parameters and (when it keeps one) its cost history; then its methods."""

    def __init__(self, checker: Judge, name: str, model: str, info: Dict[str, Any],
                 header: Tuple[str, str] = ("", "")) -> None:
        self.c, self.name, self.model, self.info = checker, name, model, info
        self.why, self.data_text = header
        self.described = False
        self.handles = 0
        self.storage = ("weights", "bias")  # the attributes that hold the parameters
        self.history_name = ""
        self.bias_last = False  # theta with the bias last (a column of ones appended to X)
        self.y_column = False  # y passed as an (m, 1) column, the shape its course passes
        self.alpha = HYPERPARAMETERS[model][0]  # read from one update if it takes none
        self.alpha_line = ""
        self.tried_column = False
        self.ones_column = self.tried_ones = False  # no intercept: X with a column of ones

    def hyperparameters(self, lam: Optional[float]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        """Keyword arguments of the constructor and of fit, by the names the class uses."""
        alpha, iters = HYPERPARAMETERS[self.model]
        values = {"alpha": alpha, "iters": iters, "lam": lam}
        init: Dict[str, Any] = {}
        fit: Dict[str, Any] = {}
        used = set()
        for where, info in ((init, self.info.get("init")), (fit, self.info.get("fit"))):
            for name in (info or {}).get("all", []):
                role = role_of(name)
                if role in values and values[role] is not None and role not in used:
                    where[name] = values[role]
                    used.add(role)
        return init, fit

    def fit(self, case: Case, lam: Optional[float], y: Any = None, iters: Optional[int] = None,
            seed: int = 0) -> Tuple[Optional[str], Optional[Dict[str, Any]], Optional[Check]]:
        params, fit_args = self.hyperparameters(lam)
        if iters is not None:
            for where in (params, fit_args):
                for name in where:
                    if role_of(name) == "iters":
                        where[name] = iters
        self.handles += 1
        handle = f"model{self.handles}"
        labels = self.model != "linear"
        if y is None:
            y = [int(v) for v in case.y] if labels else case.y
            y = [[v] for v in y] if self.y_column else y
        y_arg = self.c.arg(y, labels)
        message = {"op": "fit", "cls": self.name, "params": params, "id": handle,
                   "method": self.info.get("method", "fit"), "fit": fit_args, "seed": seed,
                   "X": self.X(case), "y": y_arg}
        reply, failed = self.c.send(f"{self.name}.fit", message, "fit", case)
        return handle, reply, failed

    def mse_convention(self, case: Case, alpha: float, iters: int, p0: Vector,
                       p: Vector) -> None:
        """No cost kept and steps along 2/m sum (f - y) x: the mean squared error, named."""
        coefficients, _, words = CONVENTIONS[0]
        try:
            path = simulate(self.model, case.X, case.y, p0, alpha, iters, case.lam, case.k,
                            coefficients)
        except (OverflowError, ValueError, ZeroDivisionError):
            return
        if close(p, path[-1], RTOL):
            self.c.convention = (coefficients, words)
            self.c.report.found.append(f"class {self.name}: convention: {words} (it keeps no "
                                       "cost: its 2/m update says so; accepted)")

    def X(self, case: Case) -> Dict[str, Any]:  # with a column of ones, if the class needs it
        return self.c.arg([[1.0] + row for row in case.X] if self.ones_column else case.X)

    def try_ones_column(self, case: Case, lam: Optional[float]) -> Optional[Tuple[Any, Any]]:
        """A class that learns no intercept of its own, for an X that carries a column of
        ones (as its course passes it): (start, fit) if that is a known run, else None."""
        self.tried_ones = self.ones_column = True
        y_column = self.y_column
        for column in (False, True):
            self.y_column = column
            start, fitted = self.start(case, lam), self.fit(case, lam)
            reply = fitted[1] if fitted[2] is None else None
            p = None if reply is None else self.params_of(reply["value"], case)[0]
            if p is not None and self.known_run(case, start[0], p):
                return start, fitted
        self.ones_column, self.y_column = False, y_column
        return None

    def params_of(self, value: Dict[str, Any], case: Case) -> Tuple[Optional[Vector], str]:
        """The flat parameters from the fitted object's attributes, or why there are none."""
        attributes = value["items"]
        if self.model == "softmax":
            weights, bias = attributes.get("weights"), attributes.get("bias")
            found_w, found_b = numbers(weights), numbers(bias)
            if found_w is None or found_w[1] != (case.k, case.n):
                return None, f"weights: expected shape ({case.k}, {case.n}), " \
                             f"received {describe(weights)}"
            if found_b is None or len(found_b[0]) != case.k:
                return None, f"bias: expected {case.k} numbers, received {describe(bias)}"
            return found_w[0] + found_b[0], ""
        for w_name, b_name in PAIRS:
            if w_name in attributes and b_name in attributes:
                w = as_vector(attributes[w_name], case.n)
                b = as_scalar(attributes[b_name])
                if w is None:
                    return None, (f"{w_name}: expected {case.n} numbers, received "
                                  f"{describe(attributes[w_name])}")
                if b is None:
                    return None, (f"{b_name}: expected a number, received "
                                  f"{describe(attributes[b_name])}")
                self.storage = (w_name, b_name)
                return w + [b], ""
        for name in THETAS:
            theta = as_vector(attributes.get(name), case.n + 1)
            if theta is not None:
                self.storage = (name, "")
                return (theta if self.bias_last else theta[1:] + theta[:1]), ""
        vectors = [k for k, v in attributes.items() if as_vector(v, case.n) is not None
                   and k not in ("X", "y", "Y")]
        numbers_ = [k for k, v in attributes.items() if isinstance(v, float) and v != int(v)
                    and k not in self.hyperparameters(None)[0]]  # (counts are whole)
        if len(vectors) == 1 and len(numbers_) == 1:  # a bias under another name
            self.storage = (vectors[0], numbers_[0])
            return as_vector(attributes[vectors[0]], case.n) + [  # type: ignore
                attributes[numbers_[0]]], ""
        return None, ("no parameters found: expected weights and bias (or w and b), or "
                      "theta with the bias first, among " + ", ".join(attributes))

    def history_of(self, value: Dict[str, Any]) -> Optional[Vector]:
        attributes = value["items"]
        for name in HISTORIES:
            found = numbers(attributes.get(name)) if name in attributes else None
            if found is not None and found[0]:
                self.history_name = name
                return found[0]
        iters = HYPERPARAMETERS[self.model][1]
        returned = attributes.get("(returned by fit)")  # worker.RETURNED
        for item in (as_items(returned) or [])[2:]:
            found = numbers(item)  # the costs among what fit returned (w, b, costs)
            if found is not None and len(found[1]) == 1 and len(found[0]) in (iters,
                                                                              iters + 1):
                self.history_name = "(returned)"
                return found[0]
        return None

    def describe(self, history: Optional[bool]) -> None:
        """What was found about the class, once, in the report: this project's API in one
        line; any other in two (the model, then its names and where it keeps things)."""
        if self.described:
            return
        self.described = True
        params, fit_args = self.hyperparameters(LAMBDA)
        own = (self.storage == ("weights", "bias") and self.history_name == "cost_history"
               and self.info.get("method") == "fit" and not fit_args
               and set(params) <= {"learning_rate", "n_iters", "l2"})
        if own and history:
            why = "" if self.why.startswith("its name") else f" ({self.why})"
            self.c.report.found.append(f"class {self.name}: convention 1 (this project's API),"
                                       f" model {self.model}{why}, {self.data_text}")
            return
        self.c.report.found.append(f"class {self.name}: model {self.model} ({self.why}), "
                                   f"{self.data_text}")
        if history is not None:
            self.c.report.found.append(self.layout(history))
        if self.alpha_line:
            self.c.report.found.append(self.alpha_line)

    def layout(self, history: bool) -> str:
        """Where the class keeps its hyperparameters, parameters and cost history."""
        w_name, b_name = self.storage
        where = (f"self.{w_name} and self.{b_name}" if b_name else
                 f"self.{w_name}, bias " + ("last" if self.bias_last else "first"))
        params, fit_args = self.hyperparameters(LAMBDA)
        method = self.info.get("method", "fit")
        words = ", ".join(list(params) + [f"{k} passed to {method}" for k in fit_args])
        where += "; y as an (m, 1) column" if self.y_column else ""
        where += "; no intercept of its own: X with a column of ones" if self.ones_column else ""
        return (f"class {self.name}: {method}(X, y) with {words}; parameters in {where}; "
                + (("cost history returned by " + method if self.history_name == "(returned)"
                    else f"cost history in self.{self.history_name}") if history else
                   "no cost history (judged on the final parameters and predictions)"))

    def start(self, case: Case, lam: Optional[float]) -> Tuple[Vector, str]:
        """The parameters before the first update: fit with zero iterations, the random
        generators seeded as for the real fit (so a random start is the same one)."""
        zero = [0.0] * len(case.p)
        _, reply, failed = self.fit(case, lam, iters=0)
        if failed is not None or reply is None:
            return zero, ""
        p, _ = self.params_of(reply["value"], case)
        if p is None or close(p, zero, RTOL):
            return zero, ""
        return p, "a random start (seeded; read with zero iterations)"

    def known_run(self, case: Case, start: Vector, end: Vector) -> bool:
        """Whether a fit from start to end is the reference's run, or a known slip's."""
        iters = HYPERPARAMETERS[self.model][1]
        for _, coefficients, style, _ in TRAJECTORIES:
            try:
                path = simulate(self.model, case.X, case.y, start, self.alpha, iters, case.lam,
                                case.k, coefficients, style)
            except (OverflowError, ValueError, ZeroDivisionError):
                continue
            if close(end, path[-1], RTOL):
                return True
        return False

    def ends_with_bias(self, case: Case, p0: Vector, p: Vector) -> bool:
        """Whether theta, read with the bias first, matches the reference only when read
        with the bias last (X with the column of ones appended, not prepended)."""
        return not self.known_run(case, p0, p) and self.known_run(
            case, [p0[-1]] + p0[:-1], [p[-1]] + p[:-1])

    def read_learning_rate(self, case: Case) -> None:
        """For a class that takes no learning rate: its rate, read from one update at the
        start as (p0 - p1) / gradient, when every parameter gives the same ratio."""
        p0, _ = self.start(case, None)
        _, reply, failed = self.fit(case, None, iters=1)
        p1 = None if failed is not None or reply is None else (
            self.params_of(reply["value"], case)[0])
        gradient = [d + q for d, q in zip(*parts(self.model, case.X, case.y, p0, 0.0,
                                                 case.k)[1][:2])]
        if p1 is None:
            return
        ratios = [(a - b) / g for a, b, g in zip(p0, p1, gradient) if abs(g) > 1e-12]
        if ratios and close(ratios, [ratios[0]] * len(ratios), RTOL) and ratios[0] != 0:
            self.alpha = ratios[0]
            self.alpha_line = (
                f"class {self.name}: takes no learning rate; {short(ratios[0])}, read from its "
                "first update (a gradient off by a constant factor cannot be told from another "
                "rate)")

    def run(self) -> None:
        c, model = self.c, self.model
        c.convention = None  # a convention is one class's (or one group of functions')
        function = self.name
        alpha, iters = HYPERPARAMETERS[model]
        init = self.info.get("init") or {}
        names = (init.get("all") or []) + ((self.info.get("fit") or {}).get("all") or [])
        has_l2 = any(role_of(name) == "lam" for name in names)
        if not any(role_of(name) == "iters" for name in names):
            self.describe(None)
            first = cases(model)[0]  # one fit with its own count still shows a crash
            _, _, failed = self.fit(first.with_params("fit", [0.0] * len(first.p), 0.0), None)
            if failed is not None and "__init__()" not in failed.note:
                c.fail(function, failed)  # (one that needs arguments it cannot be given: skip)
                return
            c.report.notes.append(f"{self.name} takes no iteration count (n_iters, epochs, "
                                  "...): not checked.")
            return
        fitted: Dict[str, str] = {}
        lams: List[float] = [0.0] + ([LAMBDA] if has_l2 else [])
        if not has_l2:
            c.report.notes.append(f"{self.name} has no l2 hyperparameter: regularization was "
                                  "not checked.")
        first_p: Optional[Vector] = None
        if not any(role_of(name) == "alpha" for name in names):
            self.read_learning_rate(cases(model)[0].with_params("fit", [0.0] * len(
                cases(model)[0].p), 0.0))
        alpha = self.alpha
        for lam in lams:
            for case in cases(model):
                case = case.with_params("fit", [0.0] * len(case.p), lam)
                params, fit_args = self.hyperparameters(lam if has_l2 else None)
                what = (f"{self.info.get('method', 'fit')}(X, y), "
                        + ", ".join(f"{k}={v}" for k, v in list(params.items())
                                    + list(fit_args.items()) if v or role_of(k) != "lam"))
                p0, start = self.start(case, lam if has_l2 else None)
                handle, reply, failed = self.fit(case, lam if has_l2 else None)
                if not self.tried_column and c.process.arrays and model != "softmax":
                    # written for a column y (m, 1), as its course passes it?
                    self.tried_column = True
                    flat = None if failed is not None or reply is None else (
                        self.params_of(reply["value"], case)[0])
                    if flat is None or not self.known_run(case, p0, flat):
                        self.y_column = True
                        found = self.start(case, lam if has_l2 else None), self.fit(
                            case, lam if has_l2 else None)
                        column = None if found[1][2] is not None or found[1][1] is None else (
                            self.params_of(found[1][1]["value"], case)[0])
                        if column is not None and self.known_run(case, found[0][0], column):
                            (p0, start), (handle, reply, failed) = found
                        else:
                            self.y_column = False
                if not self.tried_ones and model != "softmax" and (
                        failed is not None or reply is None
                        or self.params_of(reply["value"], case)[0] is None):
                    found = self.try_ones_column(case, lam if has_l2 else None)
                    if found is not None:
                        (p0, start), (handle, reply, failed) = found
                if failed is not None:
                    c.fail(function, failed)
                    break
                assert reply is not None
                value = reply["value"]
                p, why = self.params_of(value, case)
                if p is None:
                    c.fail(function, Check(what, "wrong-shape", case=case.describe(), note=why))
                    break
                history = self.history_of(value)
                if history is not None and len(history) not in (iters, iters + 1):
                    history = None
                if not self.storage[1] and not self.bias_last and self.ends_with_bias(
                        case, p0, p):
                    self.bias_last = True
                    p0, p = [p0[-1]] + p0[:-1], [p[-1]] + p[:-1]
                if (history is None and "cost" not in self.info["methods"]
                        and model == "linear" and c.convention is None):
                    self.mse_convention(case, alpha, iters, p0, p)
                before = len(c.report.functions and dict(c.report.functions).get(function, []))
                c.check_run(function, what, case, alpha, iters, p, history, p0, own_cost=True)
                self.describe(history is not None)
                if start and f"class {self.name}: {start}" not in c.report.found:
                    c.report.found.append(f"class {self.name}: {start}")
                if handle is not None and str(lam) not in fitted:
                    fitted[str(lam)] = handle
                    if lam == 0:
                        first_p = p
                checks = dict(c.report.functions).get(function, [])
                if any(not check.passed for check in checks[before:]):
                    break
                # the smaller case passed: the larger one is tried too
        self.describe(None)
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
        if c.process.arrays and model != "softmax" and "0.0" in fitted and not self.y_column:
            self.check_column_y(small)

    def set_params(self, case: Case) -> Dict[str, Any]:
        arg = self.c.arg
        if self.model == "softmax":
            return {"weights": arg(case.w), "bias": arg(case.b)}
        w_name, b_name = self.storage
        if not b_name:
            return {w_name: arg(list(case.w) + [case.b] if self.bias_last else
                                [case.b] + list(case.w))}
        return {w_name: arg(case.w), b_name: case.b}

    def check_predict(self, handle: str, case: Case, p: Vector) -> None:
        function = f"{self.name}.predict"
        fitted = case.with_params("predict(X) at the fitted parameters", p)
        reply, failed = self.c.send(function, {"op": "method", "id": handle, "name": "predict",
                                               "args": [self.X(case)]},
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
        y = [[v] for v in y] if self.y_column else y
        message = {"op": "method", "id": handle, "name": "cost", "set": self.set_params(case),
                   "args": [self.X(case), self.c.arg(y, labels)]}
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
                                               "args": [self.X(case)]}, case.name, case)
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
