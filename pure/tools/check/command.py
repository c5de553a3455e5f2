"""The checker's API (check, assert_passes) and its command line."""

import argparse
import json
import os
import sys
from typing import Optional, Sequence

from .judge import DEFAULT_TIMEOUT, MODELS
from .recognize import Checker
from .report import Report


def check(path: str, model: Optional[str] = None, data: Optional[str] = None,
          timeout: float = DEFAULT_TIMEOUT, strict: bool = False) -> Report:
    """Check the learner's file at ``path``; the Report (``.passed``, ``.text()``, ``.codes()``).

    model: "linear", "logistic" or "softmax" when the file's names do not say; data:
    "arrays" or "lists" to force what the cases are passed as (default: arrays if the file
    imports NumPy anywhere); timeout: the limit in seconds for each call of the learner's
    code; strict: robustness findings (a sigmoid that overflows, log(0), a column y
    broadcast, a global read) fail instead of warning."""
    if model is not None and model not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, got {model!r}.")
    if data not in (None, "arrays", "lists"):
        raise ValueError(f"data must be 'arrays', 'lists' or None, got {data!r}.")
    return Checker(os.fspath(path), model, data, timeout, strict).run()


def assert_passes(path: str, model: Optional[str] = None, data: Optional[str] = None,
                  timeout: float = DEFAULT_TIMEOUT, strict: bool = False) -> Report:
    """check(), then raise AssertionError with the whole report unless everything passed
    (warnings pass, unless strict)."""
    report = check(path, model, data, timeout, strict)
    if not report.passed:
        raise AssertionError("\n" + report.text())
    return report


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m pure check FILE.py ...``: print the report; the exit status 0, 1 or 2."""
    parser = argparse.ArgumentParser(
        prog="python -m pure check",
        description="Check your own implementation of linear, logistic or softmax regression "
                    "against this project's models, and name the slip if it differs.")
    parser.add_argument("file", metavar="FILE.py", help="the Python file to check")
    parser.add_argument("--model", choices=MODELS,
                        help="which model the file implements, when its names do not say")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--arrays", dest="data", action="store_const", const="arrays",
                      help="pass NumPy arrays (default: if the file imports NumPy)")
    data.add_argument("--lists", dest="data", action="store_const", const="lists",
                      help="pass plain lists")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"time limit of each call (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--strict", action="store_true",
                        help="make the robustness warnings (sigmoid overflow, log(0), a "
                             "column y broadcast, a global read) failures")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    report = check(args.file, args.model, args.data, args.timeout, args.strict)
    if args.json:
        print(json.dumps(report.as_dict(), indent=1))
    else:
        print(report.text(), file=sys.stderr if report.status == 2 else sys.stdout)
    return report.status


if __name__ == "__main__":
    sys.exit(main())
