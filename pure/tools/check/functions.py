"""The checks of a learner's functions, each judged on the role and layout probing.py
found for it; a consistent convention (mean squared error, a summed loss) named and
accepted when the file's cost and gradient agree on it."""

from typing import Callable, List, Optional, Tuple

from .cases import Case, saturated_case, zero_case
from .formulas import CONVENTIONS, RTOL, Vector, close, name_slip, parts, predictions
from .judge import HYPERPARAMETERS, LAMBDA
from .layouts import Layout
from .probing import Found, Prober
from .results import b_first, decode_params, gradient_words, probabilities
from .replies import _describe_pair, as_scalar, as_vector, describe
from .report import Check


KINDS = {"cost-like": "a cost or gradient", "predict-like": "a prediction",
         "descent": "a gradient descent run", "step": "one step of gradient descent"}


class Functions(Prober):
    """Recognizes the learner's functions (Prober), then judges each."""

    # -- judging --

    def run(self) -> None:
        self.recognize()
        self.find_convention()
        for name, found in self.found.items():
            if found.failure is not None:
                found.failure.what = found.failure.what or (
                    f"{name}, called as {KINDS.get(found.role, found.role)}")
                self.c.fail(name, found.failure)
            elif found.role == "sigmoid":
                self.c.check_sigmoid(name)
        for role in ("cost", "gradient", "cost+gradient", "predict", "step", "descent"):
            for name, found in self.found.items():
                if found.role == role and found.failure is None:
                    getattr(self, "check_" + role.replace("+", "_"))(found)
        for name in self.helpers:
            self.c.report.notes.append(f"{name} was not checked: it takes one sample, and what "
                                       "it returns is neither a cost nor a gradient of it.")

    def find_convention(self) -> None:
        """A cost and a gradient that agree on a consistent convention (mean squared error,
        a summed loss): named and accepted."""
        costs = [f for f in self.found.values() if f.role in ("cost", "cost+gradient")]
        gradients = [f for f in self.found.values()
                     if f.role in ("gradient", "cost+gradient", "step")
                     or f.role == "descent" and "grad_fn" not in f.arg_roles]
        if not gradients or not costs and all(f.role == "descent" for f in gradients):
            return
        for coefficients, model, words in CONVENTIONS:
            if model != self.model or not costs and coefficients != (2, 2, 0):
                continue  # with no cost, only 2/m sum (f - y) x says its convention (MSE)
            if not costs:
                words += " (the file has no cost: its gradient 2/m says so)"
            agree = True
            for found in costs + gradients:
                case = self.cases(found.layout)[1]
                lam = LAMBDA if found.regularized else 0.0
                point = case.with_params(case.name, case.p, lam)
                cost_parts, gradient_parts = parts(self.model, point.X, point.y, point.p, lam)
                if found in costs:
                    value = self.cost_of(found, point, point.p)
                    if value is None or name_slip([value], cost_parts, point.m, lam)[2] != (
                            coefficients):
                        agree = False
                if found in gradients and found.role == "descent":
                    gradient, start = self.run_gradient(found, point)
                    gradient_parts = parts(self.model, point.X, point.y, start, lam)[1]
                elif found in gradients:
                    gradient = (self.step_gradient(found, point) if found.role == "step"
                                else self.gradient_of(found, point))
                if found in gradients:
                    if gradient is None or name_slip(gradient, gradient_parts, point.m,
                                                     lam)[2] != coefficients:
                        agree = False
            if agree:
                self.c.convention = (coefficients, words)
                self.c.report.found.append(f"convention: {words} (consistent: accepted)")
                return

    def step_gradient(self, found: Found, case: Case) -> Optional[Vector]:
        """The gradient one step used: (p - p') / alpha."""
        reply, failed = self.value(found, case)
        if failed is not None or reply is None:
            return None
        p, _, _ = decode_params(reply["value"], case, found.layout, b_first(found.arg_roles))
        alpha = HYPERPARAMETERS[self.model][0]
        return None if p is None else [(a - b) / alpha for a, b in zip(case.p, p)]

    def run_gradient(self, found: Found, case: Case) -> Tuple[Optional[Vector], Vector]:
        """(g, theta0) of a run's first update theta1 = theta0 - alpha g, from its own start
        when it makes one; g is None for a run given the reference's functions."""
        params_given = "theta" in found.arg_roles or "w" in found.arg_roles
        p0 = case.p if params_given else self.start(found, case)
        if "grad_fn" in found.arg_roles:
            return None, p0
        reply, failed = self.value(found, case, iters=1)
        if failed is not None or reply is None:
            return None, p0
        p, _, _ = decode_params(reply["value"], case, found.layout, b_first(found.arg_roles))
        alpha = HYPERPARAMETERS[self.model][0]
        return (None if p is None else [(a - b) / alpha for a, b in zip(p0, p)]), p0

    def own_derivative(self, found: Found) -> Callable[[Case], Optional[Vector]]:
        """Central differences of the file's own cost (the same regularization)."""
        costs = [f for f in self.found.values() if f.role in ("cost", "cost+gradient")
                 and f.regularized == found.regularized]
        if found.role == "cost+gradient":
            costs = [found]

        def derivative(case: Case) -> Optional[Vector]:
            if not costs:
                return None
            result = []
            for i, v in enumerate(case.p):
                h = 1e-5 * max(1.0, abs(v))
                sides = []
                for sign in (1, -1):
                    p = list(case.p)
                    p[i] += sign * h
                    value = self.cost_of(costs[0], case, p)
                    if value is None:
                        return None
                    sides.append(value)
                result.append((sides[0] - sides[1]) / (2 * h))
            return result
        return derivative

    def judged_cases(self, found: Found) -> List[Case]:
        lam = LAMBDA if found.regularized else 0.0
        return [case.with_params(case.name, case.p, lam) for case in self.cases(found.layout)]

    def check_cost(self, found: Found) -> None:
        self.check_cost_gradient(found, cost=True, gradient=False)

    def check_gradient(self, found: Found) -> None:
        self.check_cost_gradient(found, cost=False, gradient=True)

    def check_cost_gradient(self, found: Found, cost: bool = True,
                            gradient: bool = True) -> None:
        name, theta = found.name, found.layout.theta
        own = self.own_derivative(found)
        for case in self.judged_cases(found):
            points = [case] if found.regularized or not cost else [zero_case(case), case]
            for point in points:
                what = ("at zero parameters" if point is not case else
                        "at random parameters") + (f", lambda={case.lam}" if case.lam else "")
                reply, failed = self.value(found, point)
                if failed is not None:
                    return self.c.fail(name, failed)
                assert reply is not None
                if cost:
                    value = self.cost_of_reply(found, reply["value"])
                    if value is None:
                        return self.c.fail(name, Check("cost " + what, "wrong-shape",
                                                       case=point.describe(theta),
                                                       note=f"received "
                                                            f"{_describe_pair(reply['value'])}"))
                    if not self.c.check_value(name, "cost " + what, point, [value], False,
                                              theta):
                        return
                if gradient and point is case:
                    grad = self.gradient_of_reply(found, point, reply["value"])
                    if grad is None:
                        return self.c.fail(name, Check(
                            "gradient " + what, "wrong-shape", case=point.describe(theta),
                            note=f"expected {gradient_words(found.layout, found.order)}, "
                                 f"received {_describe_pair(reply['value'])}"))
                    if not self.c.check_value(name, "gradient " + what, point, grad, True,
                                              theta, own_cost=own):
                        return
        if self.model == "logistic" and not self.check_saturation(found, cost, gradient):
            return
        self.check_column_y(found)

    def check_saturation(self, found: Found, cost: bool, gradient: bool) -> bool:
        saturated = saturated_case("logistic")
        if found.layout.one_feature or found.layout.sample:
            return True
        saturated.lam = LAMBDA if found.regularized else 0.0
        reply, failed = self.value(found, saturated)
        if failed is not None:
            if failed.code in ("sigmoid-overflow", "log-of-zero"):
                failed.warning = True  # math.exp or math.log at |z| = 800 only: robustness
                failed.what = saturated.name
            self.c.fail(found.name, failed)
            return False
        assert reply is not None
        values: Optional[Vector] = []
        if cost:
            value = self.cost_of_reply(found, reply["value"])
            values = None if value is None else [value]
        if gradient and values is not None:
            grad = self.gradient_of_reply(found, saturated, reply["value"])
            values = None if grad is None else values + grad
        exact = sum(parts("logistic", saturated.X, saturated.y, saturated.p,
                          saturated.lam)[0][:2])
        return self.c.check_saturated(found.name, reply, values, saturated,
                                      found.layout.theta, expected=[exact] if cost else None)

    def check_column_y(self, found: Found) -> None:
        """The same case with y as an (m, 1) column: a warning if the result changes."""
        layout = found.layout
        if not self.c.process.arrays or layout.y_shape != "flat" or layout.params in (
                "neuron", "x1d", "points", "sample"):
            return
        column = Layout(layout.params, layout.theta_shape, "column", layout.matrix)
        case = self.judged_cases(found)[0]
        flat, _ = self.value(found, case)
        reply, failed = self.value(found, case, layout=column)
        if flat is None:
            return
        what = "y of shape (m, 1)"
        if failed is not None and failed.error in ("ValueError", "TypeError"):
            return self.c.report.add(found.name, Check(what, note="refused"))
        expected = self.results(found, case, flat["value"])
        received = None if reply is None else self.results(found, case, reply["value"])
        if received is None or expected is None or not close(received, expected, 1e-9):
            return self.c.report.add(found.name, Check(
                what, "column-y-broadcast", case=case.describe(layout.theta),
                expected=expected, received=received if received is not None else
                _describe_pair(reply and reply["value"])))
        self.c.report.add(found.name, Check(what))

    def check_predict(self, found: Found) -> None:
        name, theta = found.name, found.layout.theta
        for case in self.cases(found.layout):
            reply, failed = self.value(found, case)
            if failed is not None:
                return self.c.fail(name, failed)
            assert reply is not None
            expected = predictions(self.model, case.X, case.p, case.n, 1)
            received = as_vector(reply["value"], case.m)
            if received is None and found.layout.sample and as_scalar(reply["value"]) is not None:
                received = [as_scalar(reply["value"])]  # type: ignore
            what = "predictions at random parameters"
            if received is None:
                return self.c.fail(name, Check(what, "wrong-shape", case=case.describe(theta),
                                               expected=expected,
                                               note=f"received {describe(reply['value'])}"))
            if self.model == "logistic" and close(received, probabilities(self.model, case),
                                                  RTOL):
                found.returns = "probabilities sigmoid(z)"
                continue
            if not close(received, expected, RTOL):
                code, slip_what, _ = name_slip(received, (expected, [0.0] * case.m,
                                                          [0.0] * case.m), case.m, 0.0)
                return self.c.fail(name, Check(what, "mismatch" if code in ("?", "ambiguous")
                                               else code, case=case.describe(theta),
                                               expected=expected, received=received,
                                               note=slip_what))
        what = ("probabilities sigmoid(z)" if found.returns.startswith("prob") else
                "predictions" + (" (1 where sigmoid(z) >= 0.5)" if self.model == "logistic"
                                 else " f(x) = w x + b"))
        self.c.report.add(name, Check(what))

    def start(self, found: Found, case: Case) -> Vector:
        """Where a run that makes its own start begins: zero iterations, seeded as the run
        is (a random start is then the same one); zeros if that cannot be read."""
        zeros = [0.0] * len(case.p)
        reply, failed = self.value(found, case, iters=0)
        if failed is not None or reply is None:
            return zeros
        p, _, _ = decode_params(reply["value"], case, found.layout, b_first(found.arg_roles))
        if p is None or close(p, zeros, RTOL):
            return zeros
        line = f"{found.name}: a random start (seeded; read with zero iterations)"
        if line not in self.c.report.found:
            self.c.report.found.append(line)
        return p

    def check_step(self, found: Found) -> None:
        self.check_descent(found, steps=1)

    def check_descent(self, found: Found, steps: Optional[int] = None) -> None:
        name, layout = found.name, found.layout
        alpha, iters = HYPERPARAMETERS[self.model]
        iters = steps or iters
        own = "grad_fn" not in found.arg_roles
        params_given = "theta" in found.arg_roles or "w" in found.arg_roles
        for case in self.judged_cases(found):
            lam = case.lam
            p0 = case.p if params_given else self.start(found, case)
            what = (f"{name}, alpha={alpha}" + (f", num_iters={iters}" if not steps else "")
                    + (f", lambda={lam}" if lam else "")
                    + ("" if own else ", with the reference cost and gradient"))
            reply, failed = self.value(found, case)
            if failed is not None:
                return self.c.fail(name, failed)
            assert reply is not None
            p, history, _ = decode_params(reply["value"], case, layout,
                                          b_first(found.arg_roles))
            if p is None:
                return self.c.fail(name, Check(what, "wrong-shape", case=case.describe(
                    layout.theta), note=f"expected the parameters ({found.returns}), received "
                                        f"{_describe_pair(reply['value'])}"))
            if history is not None and len(history) not in (iters, iters + 1):
                note = (f"{name}: a cost history of {len(history)} entries for {iters} updates "
                        "(one every so many) was not compared.")
                if note not in self.c.report.notes:
                    self.c.report.notes.append(note)
                history = None
            before = len(dict(self.c.report.functions).get(name, []))
            self.c.check_run(name, what, case, alpha, iters, p, history, p0, own_cost=own,
                             theta=layout.theta)
            checks = dict(self.c.report.functions).get(name, [])
            if any(not check.passed for check in checks[before:]):
                return
