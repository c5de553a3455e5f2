"""Check your own implementation: run a learner's file against this project's models.

    python -m pure check FILE.py [--model linear|logistic|softmax] [--json] [--strict]
                                 [--arrays | --lists] [--timeout SECONDS]

or, from a test (pytest, otter-grader, nbgrader):

    from pure.tools.check import assert_passes
    assert_passes("my_regression.py")        # AssertionError with the report if anything fails

The package is layered, each module importing only those listed below it:

    command      the API (check, assert_passes) and the command line
    recognize    what the file holds: its classes and functions, and the model
    classes      a class: fit or train by its own hyperparameter names, then its methods
    functions    each function judged on its own role and layout, conventions named
    probing      each function's role and layout, found by calling it on small cases
    results      what a result means in its layout: a gradient, the parameters of a run
    layouts      how a layout passes a case: w and b or theta, columns, np.matrix, ...
    judge        calling the learner's code and judging one result against the reference
    process      the parent's side of the worker process (time limit, restarts)
    worker       the child: imports the learner's file, runs what it is asked
    report       the slip codes, verdicts, warnings and the text and JSON report
    cases        the small made-up inputs
    replies      decoding what the learner's code returned
    formulas     the reference cost, gradient, slips and gradient descent

Standard library only. Copied alone (this folder, named check) next to a course's tests,
``from check import assert_passes`` works as well.
"""

from .command import assert_passes, check, main
from .report import SLIPS, Check, Report

__all__ = ["assert_passes", "check", "main", "SLIPS", "Check", "Report"]
