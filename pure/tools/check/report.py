"""The report: the slip codes, one verdict (Check) and everything found about a file."""

from typing import Any, Dict, List, Optional, Tuple

from .replies import short

SLIPS = {  # code: the plain sentence the report gives for it
    "factor-2": "It is twice the reference, or half of it: a 1/2 is missing or extra "
                "(the reference cost is 1/(2m) times the sum of squares for linear regression).",
    "missing-1/m": "It is m times the reference, or 1/m of it: a sum where the mean belongs "
                   "(or a division by m too many).",
    "sign": "It is the negative of the reference: y - y_hat where y_hat - y belongs, "
            "or an update that adds the gradient instead of subtracting it.",
    "bias-regularized": "The penalty includes the bias b (theta_0): it belongs on the weights "
                        "only, lambda/(2m) sum_j w_j^2 in the cost and (lambda/m) w_j in the "
                        "gradient.",
    "penalty-scale": "The penalty has the wrong scale: lambda/(2m) sum_j w_j^2 in the cost, "
                     "(lambda/m) w_j in the gradient.",
    "cost-gradient-mismatch": "The gradient differs from the reference and is not the "
                              "derivative of your own cost either (checked by finite "
                              "differences).",
    "sequential-update": "The parameters are updated one after another: a freshly updated w "
                         "was used for b's gradient; compute every gradient first, then update "
                         "all parameters together.",
    "log-of-zero": "The cost is not finite, or warns, once the sigmoid saturates (|z| = 800): "
                   "log(y_hat) is log(0); compute each term from z, as "
                   "max(z, 0) - y z + log(1 + e^(-|z|)).",
    "sigmoid-overflow": "exp overflows for large negative z (an OverflowError or a "
                        "RuntimeWarning): with e = exp(-|z|), use 1/(1 + e) for z >= 0 and "
                        "e/(1 + e) for z < 0.",
    "column-y-broadcast": "With y of shape (m, 1) the result differs from the one with y of "
                          "shape (m,): y_hat - y broadcasts to an (m, m) matrix; flatten y "
                          "first (y = y.reshape(-1)).",
    "uses-global": "It reads a global variable of your notebook or file instead of an "
                   "argument: the checker (and any caller) does not have it; pass the value "
                   "as an argument, or compute it from the arguments (m = len(y)).",
    "wrong-shape": "The result does not have the shape it should.",
    "raised": "It raised an exception.",
    "timeout": "It did not return within the time limit (an endless loop?).",
    "mismatch": "It differs from the reference.",
}

# Robustness findings that a course's own data never triggers: warnings (exit status 0)
# unless --strict makes them failures.
WARNINGS = ("sigmoid-overflow", "log-of-zero", "column-y-broadcast", "uses-global")


class Check:
    """One verdict: a function, what was checked, and for a failure the slip and numbers."""

    def __init__(self, what: str, code: Optional[str] = None, sentence: str = "",
                 case: Optional[Dict[str, Any]] = None, expected: Any = None,
                 received: Any = None, note: str = "") -> None:
        self.what, self.code, self.case = what, code, case
        self.sentence = sentence or (SLIPS.get(code, "") if code else "")
        self.warning = code in WARNINGS  # a robustness finding (a failure under --strict)
        self.expected, self.received, self.note = expected, received, note
        self.error = ""  # the name of the exception, when the learner's code raised one

    @property
    def passed(self) -> bool:
        return self.code is None

    def as_dict(self) -> Dict[str, Any]:
        found = {"check": self.what, "passed": self.passed}
        if not self.passed:
            found.update(code=self.code, warning=self.warning, sentence=self.sentence,
                         case=self.case, expected=self.expected, received=self.received)
        if self.note:
            found["note"] = self.note
        return found


class Report:
    """Everything the checker found about one file: printable, and as one JSON object."""

    def __init__(self, path: str, strict: bool = False) -> None:
        self.path, self.strict = path, strict
        self.found: List[str] = []  # what was recognized, one line each
        self.functions: List[Tuple[str, List[Check]]] = []
        self.notes: List[str] = []
        self.unusable = ""  # why nothing could be checked (exit status 2)

    def add(self, function: str, check: Check) -> Check:
        for name, checks in self.functions:
            if name == function:
                checks.append(check)
                return check
        self.functions.append((function, [check]))
        return check

    def fails(self, check: Check) -> bool:
        """A failure: a slip, or a robustness finding under --strict."""
        return check.code is not None and (self.strict or not check.warning)

    @property
    def status(self) -> int:
        if self.unusable:
            return 2
        return 1 if any(self.fails(c) for _, checks in self.functions for c in checks) else 0

    @property
    def passed(self) -> bool:
        return self.status == 0

    def codes(self) -> List[str]:
        """The distinct slip codes of the failures, in the order they were found."""
        return self._codes(True)

    def warnings(self) -> List[str]:
        """The distinct codes of the robustness findings that are not failures."""
        return self._codes(False)

    def _codes(self, failures: bool) -> List[str]:
        found: List[str] = []
        for _, checks in self.functions:
            for c in checks:
                if c.code and self.fails(c) == failures and c.code not in found:
                    found.append(c.code)
        return found

    def as_dict(self) -> Dict[str, Any]:
        return {"file": self.path, "status": self.status, "passed": self.passed,
                "found": self.found, "codes": self.codes(), "warnings": self.warnings(),
                "strict": self.strict, "message": self.unusable,
                "functions": [{"name": name,
                               "passed": not any(self.fails(c) for c in checks),
                               "checks": [c.as_dict() for c in checks]}
                              for name, checks in self.functions],
                "notes": self.notes}

    def text(self) -> str:
        lines = [f"Checking {self.path}"]
        lines += ["  " + line for line in self.found]
        if self.unusable:
            lines.append(self.unusable)
            return "\n".join(lines)
        for name, checks in self.functions:
            failed = [c for c in checks if not c.passed]
            label = "FAIL" if any(self.fails(c) for c in failed) else "WARN"
            if not failed:
                whats = []
                for c in checks:
                    what = c.what + (f" ({c.note})" if c.note else "")
                    if what not in whats:
                        whats.append(what)
                lines.append(f"PASS  {name}: " + "; ".join(whats))
                continue
            lines.append(f"{label}  {name}")
            for c in failed:
                kind = "" if self.fails(c) else "warning "
                lines.append(f"      {kind}[{c.code}] {c.what}: {c.sentence}")
                if c.case:
                    lines.append("        case: " + _case_text(c.case))
                if c.expected is not None or c.received is not None:
                    lines.append(f"        expected: {short(c.expected)}")
                    lines.append(f"        received: {short(c.received)}")
                if c.note:
                    lines.append(f"        {c.note}")
        lines += self.notes
        total = len(self.functions)
        failing = sum(any(self.fails(c) for c in checks) for _, checks in self.functions)
        warned = sum(not any(self.fails(c) for c in checks) and not all(c.passed for c in checks)
                     for _, checks in self.functions)
        lines.append(f"{total} checked: {total - failing - warned} pass, "
                     + (f"{warned} pass with a warning, " if warned else "") + f"{failing} fail")
        if warned:
            lines.append("A warning is a robustness finding that the course's own data does "
                         "not trigger; --strict makes it a failure.")
        return "\n".join(lines)


def _case_text(case: Dict[str, Any]) -> str:
    parts_ = [f"{case['name']} (m={case['m']}, n={case['n']})"]
    for key in ("X", "y", "w", "b", "theta", "lambda_", "alpha", "num_iters"):
        if key in case:
            parts_.append(f"{key}={short(case[key], 4)}")
    return ", ".join(parts_)
