"""The shared checks: calling the learner's code and judging what it returns."""

import difflib
import math
import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from .cases import Case
from .formulas import (RTOL, TRAJECTORIES, VARIANTS, Vector, close, combine, name_slip,
                       parts, sigmoid, simulate, unflatten)
from .process import LearnerProcess, Timeout, WorkerDied
from .replies import describe, numbers, short
from .report import Check, Report


MODELS = ("linear", "logistic", "softmax")
DEFAULT_TIMEOUT = 10.0  # seconds per call of the learner's code
HYPERPARAMETERS = {"linear": (0.1, 20), "logistic": (0.5, 20), "softmax": (0.5, 20)}
LAMBDA = 0.7


def numeric_warnings(reply: Dict[str, Any]) -> List[str]:
    """The numerical warnings the learner's code gave (overflow, log(0)), one line each; a
    PendingDeprecationWarning of np.matrix and the like are not about the result."""
    return sorted({w["category"] + ": " + w["message"] for w in reply["warnings"]
                   if w["category"] in ("RuntimeWarning", "FloatingPointError")})


class Judge:
    """Calls the learner's code through its process and records verdicts in a Report."""

    def __init__(self, path: str, model: Optional[str], data: Optional[str],
                 timeout: float, strict: bool = False) -> None:
        self.path, self.model, self.data = path, model, data
        self.report = Report(path, strict)
        # a consistent convention the file's cost and gradient agree on: (coefficients, name)
        self.convention: Optional[Tuple[Any, str]] = None
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
            elif reply["error"] == "NameError" and self.global_name(function, reply["message"]):
                code = "uses-global"
            failed = Check(what, code, case=described,
                           note=f"{function} raised {reply['error']}: {reply['message']}{where}")
            failed.error = reply["error"]
            failed.warning = False  # it did not run: a failure whatever the code
            return None, failed
        return reply, None

    def global_name(self, function: str, message: str) -> bool:
        """Whether a NameError is a global of the learner's notebook (not a misspelt name of
        the function's own, such as num_iter for the argument num_iters)."""
        found = re.search(r"name '(\w+)' is not defined", message)
        info = (self.info.get("functions") or {}).get(function) or {}
        return bool(found) and not difflib.get_close_matches(found.group(1),  # type: ignore
                                                             info.get("all", []), cutoff=0.8)

    def fail(self, function: str, check: Check) -> None:
        self.report.add(function, check)

    # -- shared checks --

    def check_sigmoid(self, name: str = "sigmoid") -> None:
        """sigmoid at moderate z against the reference; at z = +-800 finite and quiet."""
        z = [-3.0, -0.5, 0.0, 0.5, 3.0, 800.0, -800.0]
        what = "sigmoid(z) for z in " + short(z)
        expected = [sigmoid(v) for v in z]
        values: Vector = []
        warned: List[str] = []
        points = [self.arg(z)] if self.process.arrays else [v for v in z]
        for point in points:
            reply, failed = self.call(name, [point], what, None)
            if failed is not None and failed.error == "TypeError" and isinstance(point, dict):
                points += [v for v in z]  # a sigmoid of one number (math.exp): one at a time
                continue
            if (failed is not None and failed.code == "sigmoid-overflow"
                    and not isinstance(point, dict) and abs(point) == 800.0):
                values.append(math.nan)  # math.exp(800) raises: a warning, as a NumPy overflow
                warned.append(f"RuntimeWarning: {failed.note}")
                continue
            if failed is not None:
                failed.expected = expected
                return self.fail(name, failed)
            assert reply is not None
            found = numbers(reply["value"])
            value = reply["value"]
            size = len(point["array"]) if isinstance(point, dict) else 1
            if (isinstance(value, dict) and value.get("t") == "tuple"
                    and len(value["items"]) == 2 and (found is None or len(found[0]) != size)):
                found = numbers(value["items"][0])  # (A, cache): the sigmoid comes first
                if found is not None and len(found[0]) == size:
                    cached = f"{name} returns (sigmoid(z), cache): its first item was checked"
                    if cached not in self.report.found:
                        self.report.found.append(cached)
            if found is None:
                return self.fail(name, Check(what, "wrong-shape", expected=expected,
                                             note=f"received {describe(reply['value'])}"))
            values += found[0]
            warned += numeric_warnings(reply)
        if len(values) != len(z):
            return self.fail(name, Check(what, "wrong-shape", expected=expected,
                                         received=values))
        overflow = [w for w in warned if "overflow" in w.lower()]
        if overflow or not all(math.isfinite(v) for v in values):
            return self.fail(name, Check(what, "sigmoid-overflow", expected=expected,
                                         received=values, note="; ".join(overflow)))
        if warned:
            return self.fail(name, Check(what, "mismatch", sentence="It gives a warning.",
                                         note="; ".join(warned)))
        if not close(values, expected, RTOL):
            return self.fail(name, Check(what, "mismatch", expected=expected,
                                         received=values))
        self.report.add(name, Check("moderate z and |z| = 800"))

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
        accepted = self.convention[0] if self.convention else (1, 1, 0)
        reference = simulate(model, X, y, p0, alpha, iters, lam, k, accepted)
        order = (lambda p: [p[-1]] + p[:-1]) if theta else (lambda p: p)
        if p_received is not None:
            path, code, note = reference, None, ""
            if not close(p_received, reference[-1], RTOL):
                code = "mismatch"
                for slip, coefficients, style, slip_what in TRAJECTORIES:
                    if lam == 0 and slip in ("bias-regularized", "penalty-scale", "mismatch"):
                        continue
                    if coefficients == accepted and style == "simultaneous":
                        continue
                    try:
                        candidate = simulate(model, X, y, p0, alpha, iters, lam, k,
                                             coefficients, style)
                    except (OverflowError, ValueError, ZeroDivisionError):
                        continue
                    if close(p_received, candidate[-1], RTOL):
                        path, code = candidate, slip or "mismatch"
                        note = (f"the final parameters are those of a gradient that is "
                                f"{slip_what}" if slip_what else f"updates: {style}")
                        break
            if code is None and self.convention:
                note = f"the {self.convention[1].split(':')[0]} convention"
            self.report.add(function, Check(
                f"{what}: final parameters", code, case=described if code else None,
                expected=order(reference[-1]) if code else None,
                received=order(p_received) if code else None, note=note))
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
        expected_history = [combine(parts(model, X, y, p, lam, k)[0], accepted, m)[0]
                            for p in reference[:-1]]
        for code, coefficients, slip_what in cost_variants:
            if coefficients == accepted:
                code, slip_what = None, ""
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
                if close(history, expected, RTOL):
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
        code, slip_what, coefficients = name_slip(received, triple, case.m, case.lam)
        if self.convention and coefficients == self.convention[0]:
            self.report.add(function, Check(what, note=f"the {self.convention[1]} (accepted)"))
            return True
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
        if code in ("?", "ambiguous"):
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
        warned = numeric_warnings(reply)
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
