"""Recognition of a learner's functions: each one's role and layout, found by calling it.

Each function gets a role from its arguments (the names are hints: X, y, theta or w and b,
lambda, alpha, the iteration count, a cost and a gradient function) and from what it
returns when called on a small case: a number is a cost; n + 1 numbers, a (dj_dw, dj_db)
pair or a {"dw", "db"} dict a gradient; both together a cost and gradient; parameters
after alpha and iterations a descent run (one step without iterations); m numbers a
prediction or probabilities. The layout is the first of layouts.layouts() on which the
call returns a result of that form, preferring one whose values match the reference or a
known slip (so that a buggy function is still recognized, and judged on its own layout).
"""

from typing import Any, Dict, List, Optional, Sequence, Tuple

from .cases import Case, make_case
from .formulas import (RTOL, TRAJECTORIES, Vector, close, name_slip, parts, predictions,
                       sigmoid, simulate)
from .judge import HYPERPARAMETERS, LAMBDA, Judge
from .layouts import Layout, layouts, roles
from .replies import _describe_pair, as_items, as_scalar, as_vector
from .report import Check
from .results import b_first, decode_gradient, decode_params, gradient_words, probabilities

# Role lists to try, by argument count, where the names say nothing.
FALLBACK = {
    2: [["X", "theta"], ["theta", "X"], ["X", "w"]],
    3: [["X", "y", "theta"], ["theta", "X", "y"], ["X", "w", "b"]],
    4: [["X", "y", "w", "b"], ["theta", "X", "y", "lam"], ["X", "y", "theta", "lam"]],
    5: [["X", "y", "theta", "alpha", "iters"], ["X", "y", "w", "b", "lam"]],
    6: [["X", "y", "w", "b", "alpha", "iters"], ["X", "y", "theta", "alpha", "iters", "lam"]],
}


def candidates(info: Dict[str, Any]) -> List[List[Optional[str]]]:
    """Role lists for the function's required positional arguments (and named extras)."""
    names = info["names"]
    found = roles(names)
    required = info["required"]
    # optional arguments are passed only when their role is known (lambda_=1, print_cost)
    count = required + sum(1 for r in found[required:] if r in ("lam", "alpha", "iters",
                                                                 "batch"))
    known = found[:count]
    if all(role is not None for role in known):
        return [known]
    fits = []
    for option in FALLBACK.get(count, []):
        if all(k is None or k == o for k, o in zip(known, option)):
            fits.append(list(option))
    return fits


class Found:
    """A recognized function: its role, argument roles, layout and what it returns."""

    def __init__(self, name: str, role: str, arg_roles: List[Optional[str]], layout: Layout,
                 returns: str, order: str = "wb") -> None:
        self.name, self.role, self.arg_roles, self.layout = name, role, arg_roles, layout
        self.returns, self.order = returns, order
        self.failure: Optional[Check] = None  # why no layout worked, when none did

    @property
    def regularized(self) -> bool:
        return "lam" in self.arg_roles

    def line(self, names: Sequence[str]) -> str:
        """The report's line: the arguments it was called with, what it returns, the layout."""
        shown = names[:len(self.arg_roles)]
        return (f"{self.name}({', '.join(shown)}) -> {self.returns}; "
                f"{self.layout.describe()}")


def _predicts(name: str) -> bool:
    """Whether the name says prediction (hypothesis(X, theta), h, forward, model)."""
    lower = name.lower().strip("_")
    return lower in ("h", "f", "hx", "f_wb", "y_hat", "yhat") or any(
        word in lower for word in ("pred", "hypo", "forward", "model", "output", "estimat"))


def _cost_item(order: str, value: Any) -> Any:
    """The cost in a cost-and-gradient reply: (J, grad), (grad, J) or (dj_dw, dj_db, J)."""
    items = as_items(value) or []
    first = int(order.split(":")[1])
    if first == 2:
        return items[2] if len(items) == 3 else None
    return items[first] if len(items) == 2 else None


def _gradient_item(order: str, value: Any) -> Any:
    """The gradient in a cost-and-gradient reply (a pair, for (dj_dw, dj_db, J))."""
    items = as_items(value) or []
    first = int(order.split(":")[1])
    if first == 2:
        return {"t": "tuple", "items": items[:2]} if len(items) == 3 else None
    return items[1 - first] if len(items) == 2 else None


def _kind(arg_roles: Sequence[Optional[str]]) -> str:
    has = set(arg_roles)
    if "points" in has:  # rows [x, y]: both X and y
        has |= {"X", "y"}
    params = "theta" in has or "w" in has
    if "alpha" in has and ("iters" in has or "grad_fn" in has):
        return "descent"
    if "alpha" in has and params:
        return "step"
    if "X" in has and "y" in has and params:
        return "cost-like"
    if "X" in has and params:
        return "predict-like"
    return ""


class Prober:
    """Recognizes the learner's functions by calling them (judged in functions.py)."""

    def __init__(self, judge: Judge, model: str, functions: Dict[str, Any]) -> None:
        self.c, self.model, self.functions = judge, model, functions
        self.found: Dict[str, Found] = {}
        self.helpers: List[str] = []  # functions of one sample that are no cost or gradient

    # -- cases and calls --

    def cases(self, layout: Layout) -> List[Case]:
        if layout.sample:  # one sample (m = 1), so its slips are told apart by the others
            return [make_case(self.model, 1, 2, 5), make_case(self.model, 1, 3, 6)]
        n = 1 if layout.one_feature else None
        if n is None:
            return [make_case(self.model, 3, 2, 1), make_case(self.model, 8, 3, 2)]
        return [make_case(self.model, 3, 1, 3), make_case(self.model, 8, 1, 4)]

    def extras(self, found_roles: Sequence[Optional[str]], case: Case, layout: Layout,
               order: str = "wb") -> Dict[str, Any]:
        alpha, iters = HYPERPARAMETERS[self.model]
        x1d = layout.one_feature
        # a minibatch size is the whole batch: plain gradient descent, the same every run
        return {"lam": case.lam, "alpha": alpha, "iters": iters, "print_cost": False,
                "batch": case.m,
                "cost_fn": {"ref": "cost", "model": self.model, "x1d": x1d},
                "grad_fn": {"ref": "gradient", "model": self.model, "order": order,
                            "x1d": x1d}}

    def quiet(self, name: str, args: List[Any]) -> Optional[Dict[str, Any]]:
        """The learner's reply to a call, or None if it raised, hung or died."""
        reply, failed = self.c.call(name, args, "", None)
        return reply if failed is None else None

    # -- recognition --

    def recognize(self) -> None:
        for name, info in self.functions.items():
            if self.is_sigmoid(name, info):
                self.found[name] = Found(name, "sigmoid", ["z"], Layout("wb"),
                                         "sigmoid(z)")
                continue
            options = candidates(info)
            found = None
            for arg_roles in options:
                found = self.probe(name, arg_roles, named=len(options) == 1)
                if found is not None:
                    break
            if found is not None and found.regularized and found.failure is None:
                found = self.unused_lambda(found, info)
            if found is not None:
                self.found[name] = found
                self.c.report.found.append(found.line(info["names"]))

    def unused_lambda(self, found: Found, info: Dict[str, Any]) -> Found:
        """An optional lambda_ the function ignores (the specialization's compute_cost(X, y,
        w, b, lambda_=1), a placeholder): then it is checked without regularization."""
        index = found.arg_roles.index("lam")
        if index < info["required"] or found.role not in ("cost", "gradient", "cost+gradient"):
            return found
        case = self.cases(found.layout)[0]
        values = []
        for lam in (LAMBDA, 0.0):
            reply, _ = self.value(found, case.with_params(case.name, case.p, lam))
            values.append(None if reply is None else self.results(found, case, reply["value"]))
        if values[0] is not None and values[1] is not None and close(values[0], values[1],
                                                                     1e-12):
            found.arg_roles = found.arg_roles[:index]
            found.returns += " (its lambda_ is not used: checked without regularization)"
        return found

    def is_sigmoid(self, name: str, info: Dict[str, Any]) -> bool:
        if info["required"] != 1 or len(info["names"]) < 1:
            return False
        lower = name.lower()
        if any(word in lower for word in ("deriv", "grad", "prime", "inv")):
            return False  # sigmoid_derivative, sigmoid_gradient: not the sigmoid itself
        if "sigmoid" in lower or lower in ("logistic", "sig", "g"):
            return True
        reply = self.quiet(name, [0.5])
        return reply is not None and close([as_scalar(reply["value"]) or 0.0],
                                           [sigmoid(0.5)], RTOL)

    def probe(self, name: str, arg_roles: List[Optional[str]], named: bool) -> Optional[Found]:
        """The function's role and layout, found by calling it. named: the argument roles
        come from the names, so a function that fails on every layout is still reported
        (with the failure on the most common layout)."""
        kind = _kind(arg_roles)
        if not kind:
            return None
        theta = "theta" in arg_roles
        shape_only: Optional[Found] = None
        first_failure: Optional[Found] = None
        tried = layouts(self.c.process.arrays, theta, n_features_one=True,
                        points="points" in arg_roles)
        if kind in ("descent", "step") and not ({"theta", "w", "points"} & set(arg_roles)):
            # a run that makes its own start returns w and b, or theta with the bias first
            tried += [t for t in layouts(self.c.process.arrays, True) if not t.sample]
        for layout in tried:
            if layout.one_feature and theta:
                continue
            case = self.cases(layout)[0]
            lam = LAMBDA if "lam" in arg_roles else 0.0
            case = case.with_params(case.name, case.p, lam)
            orders = ["wb", "bw"] if "grad_fn" in arg_roles else ["wb"]
            for order in orders:
                args = layout.args(arg_roles, case, case.p,
                                   self.extras(arg_roles, case, layout, order))
                if args is None:
                    break
                reply, failed = self.c.call(name, args, "", case, theta=layout.theta)
                if failed is not None or reply is None:
                    if first_failure is None and failed is not None:
                        first_failure = Found(name, kind, arg_roles, layout, "?")
                        first_failure.failure = failed
                    if failed is not None and failed.code == "timeout":
                        return first_failure if named else None  # no second wait
                    continue
                found = self.interpret(name, kind, arg_roles, layout, case, reply["value"])
                if found is None:
                    if first_failure is None:
                        first_failure = Found(name, kind, arg_roles, layout, "?")
                        first_failure.failure = Check(
                            f"{name} on {layout.describe()}", "wrong-shape",
                            case=case.describe(layout.theta),
                            note=f"received {_describe_pair(reply['value'])}")
                    continue
                found.order = order if "grad_fn" in arg_roles else found.order
                if self.matches(found, case, reply["value"]):
                    return found
                if layout.sample and kind == "predict-like" and shape_only is not None:
                    return shape_only  # a prediction of the whole X that differs: judged
                if layout.sample:  # error(x, y, beta) and such helpers: not a role
                    self.helpers.append(name)
                    return None
                if kind == "predict-like" and not _predicts(name):
                    continue  # add(v, w), dot(v, w): m numbers, but no prediction
                shape_only = shape_only or found
        if kind == "predict-like" and not _predicts(name) and shape_only is None:
            return None  # a helper of two arguments that fails on data: not a predict
        return shape_only or (first_failure if named else None)

    def interpret(self, name: str, kind: str, arg_roles: List[Optional[str]], layout: Layout,
                  case: Case, value: Any) -> Optional[Found]:
        """A Found if the value has the form of the kind's results in this layout."""
        if kind == "cost-like":
            if as_scalar(value) is not None:
                return Found(name, "cost", arg_roles, layout, "J")
            gradient, order = decode_gradient(value, case, layout)
            if gradient is not None:
                return Found(name, "gradient", arg_roles, layout, gradient_words(layout, order),
                             order)
            items = as_items(value)
            if items is not None and len(items) == 3 and as_scalar(items[2]) is not None:
                gradient, order = decode_gradient(_gradient_item("wb:2", value), case, layout)
                if gradient is not None and order in ("wb", "bw"):
                    words = "(dj_dw, dj_db, J)" if order == "wb" else "(dj_db, dj_dw, J)"
                    return Found(name, "cost+gradient", arg_roles, layout, words, f"{order}:2")
            if items is not None and len(items) == 2:
                for first, second, words in ((0, 1, "(J, grad)"), (1, 0, "(grad, J)")):
                    gradient, order = decode_gradient(items[second], case, layout)
                    if as_scalar(items[first]) is not None and gradient is not None:
                        if order == "dict":
                            words = '({"dw", "db"}, J)'
                        return Found(name, "cost+gradient", arg_roles, layout, words,
                                     f"{order}:{first}")
            return None
        if kind in ("descent", "step"):
            p, history, words = decode_params(value, case, layout, b_first(arg_roles))
            if p is None:
                return None
            return Found(name, kind, arg_roles, layout, words)
        if kind == "predict-like":
            values = as_vector(value, case.m)
            if values is None and layout.sample and as_scalar(value) is not None:
                values = [as_scalar(value)]  # type: ignore
            if values is None:
                return None
            return Found(name, "predict", arg_roles, layout, "m predictions")
        return None

    def matches(self, found: Found, case: Case, value: Any) -> bool:
        """Whether the values match the reference or a known slip (a sure layout)."""
        triple_cost, triple_gradient = parts(self.model, case.X, case.y, case.p, case.lam)
        if found.role == "cost":
            return name_slip([as_scalar(value) or 0.0], triple_cost, case.m, case.lam)[0] != "?"
        if found.role == "gradient":
            gradient, _ = decode_gradient(value, case, found.layout, found.order)
            return gradient is not None and name_slip(gradient, triple_gradient, case.m,
                                                      case.lam)[0] != "?"
        if found.role == "cost+gradient":
            return name_slip([as_scalar(_cost_item(found.order, value)) or 0.0], triple_cost,
                             case.m, case.lam)[0] != "?"
        if found.role == "predict":
            values = as_vector(value, case.m) or (
                [as_scalar(value)] if as_scalar(value) is not None else [])
            return (close(values, predictions(self.model, case.X, case.p, case.n, 1), RTOL)
                    or close(values, probabilities(self.model, case), RTOL))
        if found.role in ("descent", "step"):  # the reference's run, or a slip's
            p, _, _ = decode_params(value, case, found.layout, b_first(found.arg_roles))
            alpha, iters = HYPERPARAMETERS[self.model]
            params_given = "theta" in found.arg_roles or "w" in found.arg_roles
            p0 = case.p if params_given else [0.0] * len(case.p)
            for _, coefficients, style, _ in TRAJECTORIES:
                try:
                    path = simulate(self.model, case.X, case.y, p0, alpha,
                                    1 if found.role == "step" else iters, case.lam, 1,
                                    coefficients, style)
                except (OverflowError, ValueError, ZeroDivisionError):
                    continue
                if p is not None and close(p, path[-1], RTOL):
                    return True
            return False
        return True

    # -- calling a recognized function --

    def value(self, found: Found, case: Case, p: Optional[Vector] = None,
              layout: Optional[Layout] = None, iters: Optional[int] = None
              ) -> Tuple[Optional[Dict[str, Any]], Optional[Check]]:
        layout = layout or found.layout
        p = case.p if p is None else p
        extras = self.extras(found.arg_roles, case, layout, found.order)
        if iters is not None:
            extras["iters"] = iters
        args = layout.args(found.arg_roles, case, p, extras)
        assert args is not None
        return self.c.call(found.name, args, "", case, theta=layout.theta)

    def cost_of(self, found: Found, case: Case, p: Vector) -> Optional[float]:
        reply, failed = self.value(found, case, p)
        if failed is not None or reply is None:
            return None
        if found.role == "cost":
            return as_scalar(reply["value"])
        return as_scalar(_cost_item(found.order, reply["value"]))

    def gradient_of(self, found: Found, case: Case) -> Optional[Vector]:
        reply, failed = self.value(found, case)
        if failed is not None or reply is None:
            return None
        return self.gradient_of_reply(found, case, reply["value"])

    def cost_of_reply(self, found: Found, value: Any) -> Optional[float]:
        if found.role == "cost":
            return as_scalar(value)
        return as_scalar(_cost_item(found.order, value))

    def gradient_of_reply(self, found: Found, case: Case, value: Any) -> Optional[Vector]:
        if found.role == "cost+gradient":
            item = _gradient_item(found.order, value)
            return None if item is None else decode_gradient(
                item, case, found.layout, found.order.split(":")[0])[0]
        return decode_gradient(value, case, found.layout, found.order)[0]

    def results(self, found: Found, case: Case, value: Any) -> Optional[Vector]:
        """The cost and gradient in one list, as the found role returns them."""
        cost = [self.cost_of_reply(found, value)] if found.role != "gradient" else []
        grad = self.gradient_of_reply(found, case, value) if found.role != "cost" else []
        return None if None in cost or grad is None else cost + grad  # type: ignore
