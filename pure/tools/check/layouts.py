"""Layouts: how a learner's function takes its data and parameters, and the arguments
that put a case into that form.

A layout says where the bias is (a separate b, or theta with the bias first and a column
of ones first in X), the shapes of theta and y (1-D, a column, a row), whether X is one
feature as a 1-D x with a scalar w, whether the arrays are np.matrix, and whether X is
laid out features by samples (the deep-learning courses' one neuron: X (n, m), w (n, 1),
Y (1, m)). Names are hints for the role of each argument; the layout itself is found by
calling the function on a small case (see probing.py).
"""

import re
from typing import Any, Dict, List, Optional, Sequence

from .cases import Case

# The role of an argument, from its name (lower case, trailing underscores dropped).
# Unknown names get roles from their position (probing.FALLBACK).
ROLE_NAMES = {
    "X": ("x", "xs", "x_train", "x_b", "x_bias", "features", "data", "inputs", "input",
          "x_mat", "xmat", "x_norm", "x_poly", "x_mapped"),
    "y": ("y", "ys", "y_train", "target", "targets", "labels", "label", "t", "yy"),
    "theta": ("theta", "mytheta", "initial_theta", "init_theta", "thetas", "params",
              "parameters", "beta", "betas", "weights_and_bias", "t0"),
    "w": ("w", "w_in", "w_init", "weights", "weight", "coef", "slope", "w_current",
          "m_current", "initial_w", "starting_m", "initial_m"),
    "b": ("b", "b_in", "b_init", "bias", "intercept", "b_current", "initial_b", "starting_b"),
    "points": ("points", "data_points", "pts", "dataset"),
    "lam": ("lambda", "lambda_", "lam", "lmbda", "lmbd", "reg", "reg_lambda", "lambd",
            "l2", "regularization", "reg_param", "reg_factor", "reg_strength", "l2_reg"),
    "alpha": ("alpha", "lr", "learning_rate", "learningrate", "eta", "step", "step_size",
              "rate"),
    "iters": ("num_iters", "iters", "iterations", "num_iterations", "n_iters", "n_iter",
              "epochs", "num_epochs", "n_epochs", "max_iter", "iter", "num_iter",
              "niters", "n_iterations", "steps", "num_steps", "iteration"),
    "cost_fn": ("cost_function", "cost_func", "costfunction", "compute_cost", "cost_fn",
                "j_func", "cost"),
    "grad_fn": ("gradient_function", "gradient_func", "grad_func", "gradfunction",
                "compute_gradient", "grad_fn", "gradient"),
    "z": ("z", "x_", "value", "values", "s"),
    "print_cost": ("print_cost", "verbose", "print_every", "show"),
    "batch": ("batch_size", "batch", "minibatch_size", "mini_batch_size"),
}


def role_of(name: str) -> Optional[str]:
    key = re.sub(r"_+$", "", name.lower())
    for role, names in ROLE_NAMES.items():
        if key in names or name.lower() in names:
            return role
    return None


def roles(names: Sequence[str]) -> List[Optional[str]]:
    """The role of each positional argument, from its name; None where the name says nothing."""
    found = [role_of(name) for name in names]
    if "b" in found:  # beside b, m is the slope of a line y = m x + b, not a sample count
        found = ["w" if name == "m" else role for name, role in zip(names, found)]
    if "w" in found and "b" not in found and "theta" not in found:
        found = ["theta" if r == "w" else r for r in found]  # weights alone: theta
    return found


class Layout:
    """One way of passing a case: params "wb", "theta", "x1d", "points", "neuron" or
    "sample" (one sample: x a vector with a leading 1, y a number, theta bias first, as
    Data Science from Scratch writes its error and gradient functions); shapes of theta
    (or w) and y: "flat", "column" or "row"; np.matrix or not."""

    def __init__(self, params: str, theta: str = "flat", y: str = "flat",
                 matrix: bool = False) -> None:
        self.params, self.theta_shape, self.y_shape, self.matrix = params, theta, y, matrix

    def __repr__(self) -> str:
        return self.describe()

    @property
    def theta(self) -> bool:
        return self.params in ("theta", "sample")

    @property
    def sample(self) -> bool:
        return self.params == "sample"

    def describe(self) -> str:
        if self.params == "neuron":
            return ("one neuron: X as (n, m), features by samples; w as an (n, 1) column, "
                    "b a number; Y as (1, m)")
        if self.params == "x1d":
            return "one feature: x as a 1-D array of m, w and b numbers"
        if self.params == "points":
            return ("one feature: points as an (m, 2) array of rows [x, y], the slope and "
                    "intercept numbers")
        if self.params == "sample":
            return ("one sample: x a vector with a leading 1, y a number, theta (bias first) "
                    "as 1-D")
        shape = {"flat": "1-D", "column": "a column", "row": "a row"}
        kind = "np.matrix " if self.matrix else ""
        if self.params == "theta":
            text = (f"theta as {kind}{shape[self.theta_shape]}, bias first (X with a "
                    f"column of ones first)")
        else:
            text = f"w as {shape[self.theta_shape]}, b a number"
        if self.y_shape != "flat":
            text += f"; y as {shape[self.y_shape]}"
        return text

    # -- the arguments, as the worker reads them --

    def _array(self, values: Any, integer: bool = False) -> Dict[str, Any]:
        return {"array": values, "int": integer, "matrix": self.matrix}

    def shaped(self, values: List[float], shape: str) -> Any:
        if shape == "column":
            return [[v] for v in values]
        if shape == "row":
            return [list(values)]
        return list(values)

    def X(self, case: Case) -> Dict[str, Any]:
        if self.sample:
            return self._array([1.0] + case.X[0])
        if self.params == "theta":
            return self._array([[1.0] + row for row in case.X])
        if self.params == "x1d":
            return self._array([row[0] for row in case.X])
        if self.params == "neuron":
            return self._array([list(column) for column in zip(*case.X)])
        return self._array(case.X)

    def y(self, case: Case, integer: bool = False) -> Any:
        if self.sample:
            return float(case.y[0])
        if self.params == "neuron":
            return self._array([list(case.y)], integer)
        return self._array(self.shaped(case.y, self.y_shape), integer)

    def theta_arg(self, p: Sequence[float]) -> Dict[str, Any]:
        """theta = [b, w_1, ..., w_n] from the flat p = [w_1, ..., w_n, b]."""
        return self._array(self.shaped([p[-1]] + list(p[:-1]), self.theta_shape))

    @property
    def one_feature(self) -> bool:
        return self.params in ("x1d", "points")

    def w_arg(self, p: Sequence[float]) -> Any:
        if self.one_feature:
            return float(p[0])
        if self.params == "neuron":
            return self._array([[v] for v in p[:-1]])
        return self._array(self.shaped(list(p[:-1]), self.theta_shape))

    def args(self, role_list: Sequence[Optional[str]], case: Case, p: Sequence[float],
             extra: Dict[str, Any]) -> Optional[List[Any]]:
        """The positional arguments for the roles, or None if a role has no value here."""
        found: List[Any] = []
        for role in role_list:
            if role == "X":
                found.append(self.X(case))
            elif role == "y":
                found.append(self.y(case))
            elif role == "theta":
                found.append(self.theta_arg(p) if self.theta else None)
            elif role == "w":
                found.append(self.w_arg(p))
            elif role == "b":
                found.append(float(p[-1]))
            elif role == "points":
                found.append(self._array([[row[0], t] for row, t in zip(case.X, case.y)])
                             if self.params == "points" else None)
            elif role in extra:
                found.append(extra[role])
            else:
                return None
            if found[-1] is None:
                return None
        return found


def layouts(arrays: bool, theta: bool, n_features_one: bool = False,
            points: bool = False) -> List[Layout]:
    """The layouts to try, most common first."""
    if points:
        return [Layout("points")]
    if theta:
        found = [Layout("theta")]
        if arrays:
            found += [Layout("theta", "column", "column"), Layout("theta", "flat", "column"),
                      Layout("theta", "row", "column", matrix=True),
                      Layout("theta", "column", "column", matrix=True),
                      Layout("theta", "row", "flat")]
        return found + [Layout("sample")]
    found = [Layout("wb")]
    if arrays:
        found += [Layout("wb", "column", "column"), Layout("neuron"),
                  Layout("wb", "flat", "row")]
    if n_features_one:
        found.append(Layout("x1d"))
    return found
