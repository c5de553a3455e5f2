"""Check your own implementation: run a learner's file against this project's models.

    python -m pure check FILE.py [--model linear|logistic|softmax] [--json] [--strict]
                                 [--arrays | --lists] [--timeout SECONDS]

or, from a test (pytest, otter-grader, nbgrader):

    from pure.tools.check import assert_passes
    assert_passes("my_regression.py")        # AssertionError with the report if anything fails

The package is layered, each module importing only those below it:

    command     the API (check, assert_passes) and the command line
    recognize   what the file holds: roles and layouts found by calling it
    classes, functions    the checks of a class, and of functions
    judge       calling the learner's code and judging one result
    process     the parent's side of the worker process
    worker      the child: imports the learner's file, runs what it is asked (stdlib only)
    cases, report, replies, formulas    made-up inputs, verdicts, decoded replies, reference

Standard library only. Copied alone (this folder, named check) next to a course's tests,
``from check import assert_passes`` works as well.
"""

from .command import assert_passes, check, main
from .report import SLIPS, Check, Report

__all__ = ["assert_passes", "check", "main", "SLIPS", "Check", "Report"]
