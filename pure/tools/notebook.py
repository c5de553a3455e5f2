"""An exercise as Jupyter notebooks (``python -m pure exercise logistic --notebook``): the
student's and the instructor's files of exercise.py cut into cells, nbformat 4.5 JSON with
nbgrader's cell metadata (schema version 3), written with the standard library alone.

The cells: the task and the mathematics (the module docstring, and each step's formula typeset
as LaTeX, which Jupyter renders); the code before the class (read-only); the class, the one
cell to write in (nbgrader's "autograded answer"; the instructor's has each step between
``### BEGIN SOLUTION`` and ``### END SOLUTION``); the code after it (read-only; the demo under
``if __name__ == "__main__"`` is left out, as it would run in a notebook); a self-check cell
printing the report of ``python -m pure check``; and one graded cell per step (nbgrader's
"autograder tests", with the step's points), which fails unless its step passes.

The checks grade the cells as the kernel last ran them (IPython's input history), so no file
is needed; grading runs the learner's code in a worker process, as ``check`` does, or, where
no process can start (JupyterLite, Pyodide), in the kernel itself with a cap on the lines run
instead of a time limit, and the report says so (grade.InProcess).
"""

import ast
import json
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

# The first line of each code cell, by which the checks find the cells' latest runs.
TAGS = ("# Exercise: ", "# The class: write each step below its marker.",
        "# After the class: the input checks and the rest of the lesson (read-only).")

_LATEX = [  # (pattern, replacement), in order: the lesson formulas' ASCII notation to LaTeX
    (r"dJ/d([A-Za-z])_([a-z]+)", r"\\frac{\\partial J}{\\partial \1_{\2}}"),
    (r"dJ/d([A-Za-z])", r"\\frac{\\partial J}{\\partial \1}"),
    (r"lambda/\(2m\)", r"\\frac{\\lambda}{2m}"), (r"\(lambda/m\)", r"\\frac{\\lambda}{m}"),
    (r"1/\(2m\)", r"\\frac{1}{2m}"), (r"1/m\b", r"\\frac{1}{m}"),
    (r"\bsum_([a-z])", r"\\sum_{\1}"), (r"\bsum\(", r"\\sum("),
    (r"\by_hat_([a-z]+)", r"\\hat{y}_{\1}"), (r"\by_hat\b", r"\\hat{y}"),
    (r"\blog_softmax\b", r"\\log \\mathrm{softmax}"),
    (r"\bsoftmax_([a-z])\b", r"\\mathrm{softmax}_\1"),
    (r"(?<!\{)\bsoftmax\b", r"\\mathrm{softmax}"),
    (r"\bsoftplus\b", r"\\mathrm{softplus}"), (r"\bsigmoid\b", r"\\sigma"),
    (r"(?<!\\)\blog\b", r"\\log"), (r"(?<!\\)\blambda\b", r"\\lambda"),
    (r"\balpha\b", r"\\alpha"), (r"<-", r"\\leftarrow"), (r"\^T\b", r"^\\top"),
    (r"\b([A-Za-z])_\(([^()]*)\)", r"\1_{\2}"), (r"\b([A-Za-z])_([a-z]{2,})\b", r"\1_{\2}"),
    (r" \* ", r" \\odot "),
]


def latex(formula: str) -> str:
    """A step's formula, ``w_j <- w_j - alpha dJ/dw_j,  b <- ...``, as LaTeX; equations apart
    by two spaces after a comma, and a closing ", words" as text."""
    parts = []
    for piece in re.split(r",\s{2,}", formula.strip()):
        words = re.search(r",\s+((?:[a-z]+\s?)+)$", piece)
        prose = f",\\quad\\text{{{words.group(1).strip()}}}" if words else ""
        piece = piece[:words.start()] if words else piece
        for pattern, replacement in _LATEX:
            piece = re.sub(pattern, replacement, piece)
        parts.append(piece + prose)
    return ", \\qquad ".join(parts)


def _cells(text: str, class_name: str) -> Tuple[str, str, str]:
    """The file's text before the class, the class, and after it up to the demo."""
    tree, lines = ast.parse(text), text.split("\n")
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
    guard = [n.lineno for n in tree.body if isinstance(n, ast.If) and "__name__" in
             ast.dump(n.test)]
    first = min([d.lineno for d in node.decorator_list] + [node.lineno])
    before = "\n".join(lines[:first - 1]).rstrip()
    inside = "\n".join(lines[first - 1:node.end_lineno])
    after = "\n".join(lines[node.end_lineno:min(guard or [len(lines)]) - 1]).strip()
    return before, f"{TAGS[1]}\n{inside}", f"{TAGS[2]}\n\n{after}"


def assemble(inputs: Sequence[str]) -> str:
    """The exercise file from a kernel's input history: the latest run of each code cell."""
    latest = {}
    for source in inputs:
        for tag in TAGS:
            if isinstance(source, str) and source.startswith(tag):
                latest[tag] = source
    missing = [n for n, tag in enumerate(TAGS, 1) if tag not in latest]
    if missing:
        raise LookupError(f"run the code cells above first (code cell {missing[0]} of "
                          f"{len(TAGS)} has not run)")
    return "\n\n\n".join(latest[tag].rstrip() for tag in TAGS) + "\n"


def _metadata(grade_id: str, solution: bool = False, points: Optional[float] = None
              ) -> Dict[str, Any]:
    meta = {"schema_version": 3, "grade": points is not None, "solution": solution,
            "locked": not solution, "grade_id": grade_id}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell(kind: str, grade_id: str, source: str, **metadata: Any) -> Dict[str, Any]:
    cell = {"id": grade_id.replace("_", "-"), "cell_type": kind,
            "metadata": _metadata(grade_id, **metadata), "source": source}
    if kind == "code":
        cell.update(outputs=[], execution_count=None)
    return cell


def notebook(text: str, docstring: str, class_name: str, title: str,
             steps: List[Tuple[int, str, str]], points: Sequence[float]) -> Dict[str, Any]:
    """One notebook from an exercise file's text; ``steps`` holds (number, heading, formula)
    of each chosen step."""
    before, inside, after = _cells(text, class_name)
    listed = ", ".join(str(k) for k, _, _ in steps)
    cells = [
        _cell("markdown", "task", f"# {title}\n\nWrite Steps {listed} of gradient descent in "
              f"the class below, each under its marker `# Step N: title  formula`, where it "
              f"says `YOUR CODE HERE`. Run every cell; the self-check at the end grades each "
              f"step with `python -m pure check`."),
        _cell("markdown", "mathematics", "## The mathematics\n\n```text\n" + docstring.strip()
              + "\n```\n\n## The steps to write\n\n" + "\n\n".join(
                  f"**{heading}**\n\n$${latex(formula)}$$" for _, heading, formula in steps)),
        _cell("code", "before_class", before),
        _cell("code", "the_class", inside, solution=True),
        _cell("code", "after_class", after),
        _cell("code", "self_check", "# Self-check: each step passed, not written yet, or "
              "failed with what differs\nfrom pure.tools.grade import notebook_check\n"
              "notebook_check()"),
    ]
    cells += [_cell("code", f"step_{k}", f"# {heading}: {p:g} point{'s' * (p != 1)}\n"
                    f"from pure.tools.grade import notebook_check\nnotebook_check({k})",
                    points=p) for (k, heading, _), p in zip(steps, points)]
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                        "name": "python3"},
                         "language_info": {"name": "python"}}}


def dumps(book: Dict[str, Any]) -> str:
    return json.dumps(book, indent=1, ensure_ascii=False) + "\n"
