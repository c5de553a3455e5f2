"""Conventions 2 and 3: functions of w and b, and functions of theta."""

from typing import Any, Callable, Dict, List, Optional, Tuple

from .cases import Case, cases, saturated_case, zero_case
from .formulas import close, name_slip, parts, predictions, simulate
from .judge import HYPERPARAMETERS, LAMBDA, Judge
from .process import Timeout, WorkerDied
from .formulas import Vector
from .replies import _describe_pair, as_items, as_scalar, as_vector, describe, numbers, short
from .report import Check

class ConventionTwo:
    """Functions of w and b: compute_cost, compute_gradient, their _reg forms, sigmoid,
    predict and gradient_descent."""

    def __init__(self, checker: Judge, model: str, functions: Dict[str, Any]) -> None:
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



class ConventionThree:
    """Functions of theta with a column of ones in X (the classic course's exercises)."""

    def __init__(self, checker: Judge, model: str, functions: Dict[str, Any]) -> None:
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


