"""What a function's result means in its layout: the gradient (a vector, a (dj_dw, dj_db)
pair in either order, a {"dw", "db"} dict) and the parameters a descent returns (theta, (w,
b, J_history), a params dict), in the flat order p = w, then b."""

from typing import Any, Optional, Sequence, Tuple

from .cases import Case
from .formulas import Vector, name_slip, parts, sigmoid
from .layouts import Layout
from .replies import as_items, as_scalar, as_vector, numbers


def probabilities(model: str, case: Case) -> Vector:
    w, b = case.p[:-1], case.p[-1]
    return [sigmoid(sum(wj * xj for wj, xj in zip(w, x)) + b) for x in case.X]


def gradient_words(layout: Layout, order: str) -> str:
    if layout.theta:
        return "dJ/dtheta"
    if order == "dict":
        return '{"dw", "db"}'
    return "(dj_db, dj_dw)" if order == "bw" else "(dj_dw, dj_db)"


def decode_gradient(value: Any, case: Case, layout: Layout, order: Optional[str] = None
                    ) -> Tuple[Optional[Vector], str]:
    """The gradient in flat p order (w, then b) and the order it came in; None if it is not
    one in this layout."""
    n = case.n
    if layout.theta:
        found = as_vector(value, n + 1)
        return (None, "") if found is None else (found[1:] + found[:1], "theta")
    if isinstance(value, dict) and value.get("t") == "dict":
        items = value["items"]
        dw = next((items[k] for k in ("dw", "dW", "dj_dw", "grad_w") if k in items), None)
        db = next((items[k] for k in ("db", "dj_db", "grad_b") if k in items), None)
        w, b = as_vector(dw, n) if dw is not None else None, as_scalar(db)
        return (None, "") if w is None or b is None else (w + [b], "dict")
    items = as_items(value)
    if items is None or len(items) != 2:
        return None, ""
    decoded = {}
    for attempt in ("wb", "bw"):
        first, second = (items[0], items[1]) if attempt == "wb" else (items[1], items[0])
        if layout.one_feature:
            w = None if as_scalar(first) is None else [as_scalar(first)]
        else:
            w = as_vector(first, n)
        b = as_scalar(second)
        if w is not None and b is not None:
            decoded[attempt] = w + [b]
    if order in decoded:
        return decoded[order], order  # type: ignore
    if len(decoded) == 2:  # two numbers (one feature): the order is told by the values
        triple = parts(case.model, case.X, case.y, case.p, case.lam)[1]
        if name_slip(decoded["wb"], triple, case.m, case.lam)[0] == "?" and name_slip(
                decoded["bw"], triple, case.m, case.lam)[0] != "?":
            return decoded["bw"], "bw"
    for attempt in ("wb", "bw"):
        if attempt in decoded:
            return decoded[attempt], attempt
    return None, ""


def b_first(arg_roles: Sequence[Optional[str]]) -> bool:
    """Whether the function takes b before w (then it returns them in that order too)."""
    return "b" in arg_roles and "w" in arg_roles and (
        list(arg_roles).index("b") < list(arg_roles).index("w"))


def decode_params(value: Any, case: Case, layout: Layout, bias_first: bool = False
                  ) -> Tuple[Optional[Vector], Optional[Vector], str]:
    """(flat p, cost history or None, what was returned) of a descent run's result."""
    n = case.n
    items = as_items(value)
    if isinstance(value, dict) and value.get("t") == "dict":
        items = [value]
    if items and isinstance(items[0], dict) and items[0].get("t") == "dict":  # params dict
        params = items[0]["items"]
        w = as_vector(params.get("w") or params.get("W"), n) if (
            "w" in params or "W" in params) else None
        b = as_scalar(params.get("b")) if "b" in params else None
        if w is None or b is None:
            return None, None, ""
        history = _history(items[2]) if len(items) >= 3 else None
        return w + [b], history, '(params {"w", "b"}, grads, costs)'
    if layout.theta:
        if items and as_scalar(items[0]) is None:
            theta = as_vector(items[0], n + 1)
            if theta is None:
                return None, None, ""
            history = _history(items[1]) if len(items) >= 2 else None
            words = "(theta, J_history)" if history is not None else "theta"
            return theta[1:] + theta[:1], history, words + (", ..." if len(items) > 2 else "")
        theta = as_vector(value, n + 1)
        if theta is None:
            return None, None, ""
        return theta[1:] + theta[:1], None, "theta alone"
    if not items or len(items) < 2:
        return None, None, ""
    first, second = (items[1], items[0]) if bias_first else (items[0], items[1])
    w = as_vector(first, n) if not layout.one_feature else (
        None if as_scalar(first) is None else [as_scalar(first)])
    b = as_scalar(second)
    if w is None or b is None:
        return None, None, ""
    history = _history(items[2]) if len(items) >= 3 else None
    pair = "b, w" if bias_first else "w, b"
    if history is None:
        words = f"({pair}, ...)" if len(items) > 2 else f"({pair})"
    else:
        words = f"({pair}, J_history" + (", ...)" if len(items) > 3 else ")")
    return w + [b], history, words


def _history(value: Any) -> Optional[Vector]:
    found = numbers(value)
    if found is None or len(found[0]) < 1 or len([d for d in found[1] if d > 1]) > 1:
        return None
    return found[0]
