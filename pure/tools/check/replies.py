"""Decoding what the learner's code returned (as the worker encoded it)."""

from typing import Any, List, Optional, Tuple

from .formulas import Vector


def numbers(value: Any) -> Optional[Tuple[Vector, Tuple[int, ...]]]:
    """(flat list of floats, shape) of a number, array or nested list; None if it is none."""
    if isinstance(value, float):
        return [value], ()
    if isinstance(value, dict) and value.get("t") == "array":
        return value["data"], tuple(value["shape"])
    if isinstance(value, dict) and value.get("t") in ("list", "tuple"):
        items = [numbers(item) for item in value["items"]]
        if any(item is None for item in items):
            return None
        shapes = {item[1] for item in items}  # type: ignore
        if len(shapes) > 1:
            return None
        inner = shapes.pop() if shapes else ()
        return [v for item in items for v in item[0]], (len(items),) + inner  # type: ignore
    return None


def describe(value: Any) -> str:
    """What the learner returned, in a few words: 'a number', 'shape (3, 3)', 'a tuple of 2'."""
    if isinstance(value, float):
        return "a number"
    kind = value.get("t") if isinstance(value, dict) else None
    if kind == "array":
        return "an array of shape " + str(tuple(value["shape"])).replace(",)", ")")
    if kind in ("list", "tuple"):
        found = numbers(value)
        if found is not None and len(found[1]) > 1:
            return f"a {kind} of shape {found[1]}"
        return f"a {kind} of {len(value['items'])}"
    if kind == "None":
        return "None"
    if kind == "other":
        return f"a {value['type']}"
    return str(kind)


def as_scalar(value: Any) -> Optional[float]:
    found = numbers(value)
    return found[0][0] if found is not None and len(found[0]) == 1 else None


def as_vector(value: Any, n: int, column: bool = True) -> Optional[Vector]:
    """n numbers in shape (n,), or (n, 1) / (1, n) when column is allowed."""
    found = numbers(value)
    if found is None or len(found[0]) != n:
        return None
    shape = found[1]
    if len(shape) == 1 or (column and len(shape) == 2 and 1 in shape):
        return found[0]
    return None


def as_items(value: Any) -> Optional[List[Any]]:
    if isinstance(value, dict) and value.get("t") in ("list", "tuple"):
        return value["items"]
    return None


def short(values: Any, digits: int = 6) -> str:
    """Numbers as text with a few significant digits."""
    if isinstance(values, (int, float)):
        return f"{values:.{digits}g}"
    if isinstance(values, (list, tuple)):
        return "[" + ", ".join(short(v, digits) for v in values) + "]"
    return str(values)


def _describe_pair(value: Any) -> str:
    items = as_items(value)
    if items is None:
        return describe(value)
    return f"a {value['t']} of " + ", ".join(describe(item) for item in items)
