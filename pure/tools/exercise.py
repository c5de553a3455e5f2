"""Coursework from a lesson file: ``python -m pure exercise logistic [--twin vectorized]
[--steps 1,2,3,4] [--points 1,2,3,2] [--out DIR]`` writes two files made from the lesson itself,
through the same reader as the side-by-side view (lesson.py), so they never drift from it:

- ``logistic_pure_exercise.py``, the student's file: each chosen step's body replaced, at its
  indentation, by ``# YOUR CODE HERE`` and ``raise NotImplementedError("Step 3: gradient")``.
  The step's marker ``# Step 3: gradient  formula`` stays, with a line naming the variables the
  code after the step reads (``grad_w``, ``grad_b``), and so does everything else that is not a
  step: the docstring with the mathematics, the input checks, the history, ``predict``. The
  exact solvers compute the same gradient in closed form, so they would give the steps away:
  their section keeps its heading and a stand-in that says ``use solver="gd"``. Likewise the
  module's ``_cost`` computes J as Step 2 does: with Step 2 to write, ``cost()`` says it is
  left out, and the end-of-fit check (J finite at the final parameters) gets a stand-in that
  checks the scores alone (COST_STAND_INS). Step 1's forward pass stays in ``predict``.
- ``logistic_pure_solution.py``, the instructor's file: the same, with each chosen step's body
  between ``### BEGIN SOLUTION`` and ``### END SOLUTION``. nbgrader's ClearSolutions turns it
  into the student's file (tests/test_notebook.py), except that its stub raises
  ``NotImplementedError()`` without the step's name; the grader takes both as "not written
  yet". (otter-grader writes ``# BEGIN SOLUTION``; its reading of ``###`` is not tested here.)

Both start with a line the grader recognizes (``python -m pure check FILE``, see grade.py):
the model, the twin, the steps and the points of each. Step 5 (stop) is not offered: it is a
``break`` out of the loop, not a formula, and it leaves nothing for the steps after it to use.
Standard library only.
"""

import argparse
import ast
import functools
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from . import lesson

PURE_DIR = Path(__file__).resolve().parent.parent
LESSON_DIRS = {"pure": PURE_DIR, "vectorized": PURE_DIR.parent / "vectorized"}
MODELS = ("linear", "logistic", "softmax")
OFFERED = (1, 2, 3, 4)  # Step 5 (stop) is a break, not a formula: see the module docstring
HEADER = re.compile(r"# Exercise: (\w+) regression, (pure|vectorized) twin, steps ([\d,]+); "
                    r"points ([\d.,]+)\b")
STUB = "# YOUR CODE HERE"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


class ExerciseError(ValueError):
    """A problem reported in one line (exit status 2)."""


class Exercise(NamedTuple):
    """What an exercise file's first line says."""
    model: str
    twin: str
    steps: Tuple[int, ...]
    points: Tuple[float, ...]


def lesson_path(model: str, twin: str) -> Path:
    if model not in MODELS:
        raise ExerciseError(f"no model {model!r}; the models are: {', '.join(MODELS)}")
    if twin not in LESSON_DIRS:
        raise ExerciseError(f"no twin {twin!r}; the twins are: pure, vectorized")
    return LESSON_DIRS[twin] / f"{model}_regression.py"


@functools.lru_cache(maxsize=None)
def read_lesson(model: str, twin: str) -> lesson.Source:
    """The lesson file of ``model`` in ``twin``, read and parsed once per process."""
    return lesson.Source(lesson_path(model, twin))


def read_header(text: str) -> Optional[Exercise]:
    """The exercise an exercise file's first lines name, or None for any other file."""
    for line in text.split("\n", 3)[:3]:
        match = HEADER.match(line)
        if match:
            return Exercise(match.group(1), match.group(2),
                            tuple(int(s) for s in match.group(3).split(",") if s),
                            tuple(_number(p) for p in match.group(4).split(",") if p))
    return None


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value == int(value) else value


def header(exercise: Exercise) -> List[str]:
    steps = ",".join(map(str, exercise.steps))
    points = ",".join(str(_number(str(p))) for p in exercise.points)
    return [f"# Exercise: {exercise.model} regression, {exercise.twin} twin, steps {steps}; "
            f"points {points}",
            "# Made from the lesson file by python -m pure exercise. Write each step below its",
            "# marker, then check your work with: python -m pure check THIS_FILE.py"]


def parse_steps(text: str) -> Tuple[int, ...]:
    try:
        chosen = tuple(int(s) for s in text.split(","))
    except ValueError:
        raise ExerciseError(f"--steps must be step numbers separated by commas, such as "
                            f"1,2,3,4; got {text!r}") from None
    wrong = [s for s in chosen if s not in OFFERED]
    if wrong:
        raise ExerciseError(f"--steps: there is no step {wrong[0]} to write; choose from "
                            f"{','.join(map(str, OFFERED))} (Step 5, stop, is a break out of "
                            f"the loop, not a formula)")
    if len(set(chosen)) != len(chosen) or not chosen:
        raise ExerciseError(f"--steps must name each step once; got {text!r}")
    return tuple(sorted(chosen))


def parse_points(text: Optional[str], steps: Sequence[int]) -> Tuple[float, ...]:
    if text is None:
        return (1,) * len(steps)
    try:
        points = tuple(_number(p) for p in text.split(","))
    except ValueError:
        points = ()
    if len(points) != len(steps) or any(not p >= 0 for p in points):
        raise ExerciseError(f"--points must be {len(steps)} numbers >= 0 separated by commas, "
                            f"one per step ({','.join(map(str, steps))}); got {text!r}")
    return points


def _hint(step: lesson.Step) -> str:
    names = list(step.outputs)
    said = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    what = "results" if len(names) > 1 else "result"
    return (f"{step.indent}# Leave the {what} in {said}: the code after this step reads "
            f"{'them' if len(names) > 1 else 'it'}.")


def _stand_ins(source: lesson.Source, section: lesson.Section) -> List[str]:
    """The section's heading, why it is left out, and a stand-in for each of its functions
    that the rest of the file calls."""
    inside = range(section.first, section.last + 1)
    defined = [node.name for node in source.tree.body
               if isinstance(node, lesson.FUNCTIONS) and node.lineno in inside]
    called = {n.id for n in ast.walk(source.tree) if isinstance(n, ast.Name)
              and isinstance(n.ctx, ast.Load) and n.lineno not in inside}
    out = [source.lines[section.first - 1],
           "# Left out of this exercise: it computes the same gradient as the steps, in closed",
           '# form, so it would give them away. Use solver="gd".']
    for name in (d for d in defined if d in called):
        out += ["", "", f"def {name}(*args: object, **kwargs: object) -> None:",
                '    """Left out of this exercise: use solver="gd"."""',
                "    raise NotImplementedError('the exact solvers are left out of this exercise; "
                "use solver=\"gd\"')"]
    return out


COST_STAND_INS = {  # twin: what replaces the lesson's _cost when Step 2 is to be written
    "pure": """\
def _cost(*args: object, **kwargs: object) -> float:
    \"\"\"Left out of this exercise: it computes J as Step 2 does, so it would give the step
    away. After fit, cost_history holds the costs your Step 2 computed.\"\"\"
    raise NotImplementedError("cost() is left out of this exercise: it is Step 2 (fit's "
                              "cost_history holds your Step 2's costs)")


def _end_of_fit(X: Matrix, y: Sequence[object], w: Sequence[object], b: object,
                l2: float) -> float:
    \"\"\"Stands in for J at the final parameters, which fit's end-of-fit check needs finite (J
    is Step 2 of this exercise): nan where a score sum_j w_j x_ij + b is not finite, so a
    fit whose predictions overflow is still refused as diverged; else 0.0.\"\"\"
    rows = w if w and isinstance(w[0], list) else [w]  # softmax: one row of W per class
    biases = b if isinstance(b, list) else [b]
    for x_i in X:
        for w_k, b_k in zip(rows, biases):
            if not math.isfinite(sum(p * q for p, q in zip(w_k, x_i)) + b_k):
                return math.nan
    return 0.0""",
    "vectorized": """\
def _cost(*args: object, **kwargs: object) -> float:
    \"\"\"Left out of this exercise: it computes J as Step 2 does, so it would give the step
    away. After fit, cost_history holds the costs your Step 2 computed.\"\"\"
    raise NotImplementedError("cost() is left out of this exercise: it is Step 2 (fit's "
                              "cost_history holds your Step 2's costs)")


def _end_of_fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: object, l2: float) -> float:
    \"\"\"Stands in for J at the final parameters, which fit's end-of-fit check needs finite (J
    is Step 2 of this exercise): nan where a score (X w + b, or X W^T + b) is not finite, so a
    fit whose predictions overflow is still refused as diverged; else 0.0.\"\"\"
    with np.errstate(all="ignore"):  # an overflow is the answer here, not a warning
        scores = X @ np.asarray(w).T + b
    return 0.0 if np.isfinite(scores).all() else math.nan""",
}


def generate(model: str, twin: str = "pure", steps: Sequence[int] = OFFERED,
             points: Optional[Sequence[float]] = None) -> Tuple[str, str]:
    """(the student's file, the instructor's file) as text."""
    source = read_lesson(model, twin)
    found = {s.number: s for s in lesson.steps(source)}
    missing = [k for k in steps if k not in found or not found[k].outputs]
    if missing:
        raise ExerciseError(f"{source.name} has no step {missing[0]} to write")
    points = tuple(points) if points is not None else (1,) * len(steps)
    exercise = Exercise(model, twin, tuple(steps), points)
    cut = {s.first: s for s in lesson.sections(source) if s.title.startswith("Exact solver")}
    chosen = {found[k].marker_last + 1: found[k] for k in steps}
    student: List[str] = header(exercise)
    solution: List[str] = header(exercise)
    # The lesson's _cost computes J as Step 2 does: with Step 2 to write, cost() is left out and
    # the end-of-fit check gets a stand-in that checks the scores only (see COST_STAND_INS).
    cost = {node.lineno: node.end_lineno for node in source.tree.body
            if 2 in steps and isinstance(node, lesson.FUNCTIONS) and node.name == "_cost"}
    n = 1
    while n <= len(source.lines):
        if n in cost:
            student += COST_STAND_INS[twin].split("\n")
            solution += COST_STAND_INS[twin].split("\n")
            n = cost[n] + 1
        elif cost and "history.finish(" in source.lines[n - 1] and n not in chosen:
            line = source.lines[n - 1].replace("_cost(", "_end_of_fit(")
            student.append(line)
            solution.append(line)
            n += 1
        elif n in chosen:
            step = chosen[n]
            body = source.lines[n - 1:step.last]
            student += [_hint(step), step.indent + STUB,
                        f'{step.indent}raise NotImplementedError("{step.heading}")']
            solution += [_hint(step), step.indent + BEGIN, *body, step.indent + END]
            n = step.last + 1
        elif n in cut:
            lines = _stand_ins(source, cut[n])
            student += lines
            solution += lines
            n = cut[n].last + 1
        else:
            student.append(source.lines[n - 1])
            solution.append(source.lines[n - 1])
            n += 1
    return "\n".join(student) + "\n", "\n".join(solution) + "\n"


def formula(source: lesson.Source, step: lesson.Step) -> str:
    """A step's formula: what follows its heading on the marker, and its continuation lines."""
    lines = [source.lines[n - 1].strip().lstrip("#").strip()
             for n in range(step.marker, step.marker_last + 1)]
    return ",  ".join([lines[0].partition("  ")[2].strip()] + lines[1:])


def notebooks(model: str, twin: str, steps: Sequence[int], points: Sequence[float],
              texts: Optional[Tuple[str, str]] = None) -> Tuple[str, str]:
    """The student's and the instructor's notebooks (nbformat 4.5 JSON), see notebook.py."""
    from . import notebook
    source = read_lesson(model, twin)
    found = {s.number: s for s in lesson.steps(source)}
    texts = texts or generate(model, twin, steps, points)
    name = next(node.name for node in source.tree.body if isinstance(node, ast.ClassDef)
                and node.lineno < found[steps[0]].marker <= node.end_lineno)
    title = (f"{model.capitalize()} regression ({'plain Python' if twin == 'pure' else 'NumPy'}"
             f"): gradient descent, step by step")
    chosen = [(k, found[k].heading, formula(source, found[k])) for k in steps]
    docstring = ast.get_docstring(source.tree) or ""
    return tuple(notebook.dumps(notebook.notebook(text, docstring, name, title, chosen, points))
                 for text in texts)  # type: ignore[return-value]


def file_names(model: str, twin: str) -> Tuple[str, str]:
    return f"{model}_{twin}_exercise.py", f"{model}_{twin}_solution.py"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file, then renamed)."""
    handle, temporary = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.")
    try:
        with open(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image: whatever grading
# needs is installed here, so nothing is downloaded while a submission is graded.
set -euo pipefail
command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3; }
%s
"""
RUN = """#!/usr/bin/env bash
# Gradescope runs this for each submission, as root, from /autograder: it grades the file in
# submission/ step by step (python -m pure check) and writes results/results.json. To try it
# first, point AUTOGRADER_ROOT at a folder laid out the same way (source/ holding this zip's
# files, submission/, results/).
set -u
root="${AUTOGRADER_ROOT:-/autograder}"
cd "$root/source"
# As root, the grader runs the learner's code as the user nobody: this folder (the lessons, the
# reference) is made unreadable to it first, so a submission cannot open a lesson by its path.
if [ "$(id -u)" = 0 ]; then
    chmod -R go-rwx "$root/source"
    echo "The lesson files are readable by root alone while the submission is graded."
fi
python3 -m pure.tools.grade "$root/submission" --exercise %s --points %s%s \\
    --gradescope "$root/results/results.json"
exit 0  # the score is in results.json; a submission's failures are no error of this script
"""


def write_autograder(folder: Path, exercise: Exercise, seed: Optional[int] = None) -> None:
    """A Gradescope autograder: ``setup.sh``, ``run_autograder`` and this project's lessons and
    checker, to be zipped as they are (``cd DIR && zip -r ../autograder.zip .``)."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for twin in ("pure", exercise.twin):
        if not (folder / twin).exists():
            shutil.copytree(str(LESSON_DIRS[twin]), str(folder / twin), ignore=ignore)
    needs = ("python3 -m pip install -q numpy" if exercise.twin == "vectorized" else
             "# The plain Python twin needs nothing beyond python3.")
    spec = f"{exercise.model}/{exercise.twin}/{','.join(map(str, exercise.steps))}"
    points = ",".join(str(_number(str(p))) for p in exercise.points)
    hidden = f" --seed {seed}" if seed is not None else ""
    for name, text in (("setup.sh", SETUP % needs), ("run_autograder", RUN % (spec, points,
                                                                               hidden))):
        write_atomic(folder / name, text)
        os.chmod(str(folder / name), 0o755)


def main(argv: Optional[Sequence[str]] = None, backend: str = "pure") -> int:
    """Run ``python -m pure exercise ...``; return the exit status (2 on a usage error)."""
    parser = argparse.ArgumentParser(
        prog=f"python -m {backend} exercise",
        description="Write a lesson as an exercise: the student's file, with the chosen steps "
                    "blanked and their formulas kept, and the instructor's, with each step "
                    "between ### BEGIN SOLUTION and ### END SOLUTION (nbgrader, otter-grader). "
                    "Grade a submission with: python -m pure check FILE")
    parser.add_argument("model", choices=MODELS)
    parser.add_argument("--twin", choices=tuple(LESSON_DIRS), default=backend,
                        help="the plain Python lesson or its NumPy twin (default: %(default)s)")
    parser.add_argument("--steps", default=",".join(map(str, OFFERED)),
                        help="the steps to blank, from 1-4 (default: %(default)s)")
    parser.add_argument("--points", help="points per chosen step, e.g. 1,2,3,2 (default: 1 each)")
    parser.add_argument("--out", default=".", metavar="DIR",
                        help="the folder to write into (default: the current one)")
    parser.add_argument("--notebook", action="store_true", help="also write both as Jupyter "
                        "notebooks (nbgrader metadata; the formulas typeset)")
    parser.add_argument("--autograder", metavar="DIR", help="also write a Gradescope "
                        "autograder there (setup.sh, run_autograder, the checker): zip its "
                        "contents and upload")
    parser.add_argument("--seed", type=int, help="the autograder grades on hidden cases "
                        "from this seed (its report shows no expected number)")
    try:
        args = parser.parse_args(list(sys.argv[2:] if argv is None else argv))
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        steps = parse_steps(args.steps)
        points = parse_points(args.points, steps)
        texts = generate(args.model, args.twin, steps, points)
        out = Path(args.out)
        if out.exists() and not out.is_dir():
            raise ExerciseError(f"--out {args.out} is a file, not a folder")
        targets = [out / name for name in file_names(args.model, args.twin)]
        lesson_file = lesson_path(args.model, args.twin).resolve()
        if any(t.resolve() == lesson_file for t in targets):
            raise ExerciseError("--out would overwrite the lesson file itself")
    except (ExerciseError, lesson.LessonError) as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    for target, text in zip(targets, texts):
        write_atomic(target, text)
    print(f"wrote {targets[0]} (for the students) and {targets[1]} (for you)")
    if args.notebook:
        books = notebooks(args.model, args.twin, steps, points, texts)
        for target, text in zip(targets, books):
            write_atomic(target.with_suffix(".ipynb"), text)
        print(f"wrote {targets[0].with_suffix('.ipynb')} and {targets[1].with_suffix('.ipynb')}")
    if args.autograder:
        write_autograder(Path(args.autograder), Exercise(args.model, args.twin, steps, points),
                         args.seed)
        print(f"wrote the Gradescope autograder in {args.autograder}: zip what it holds")
    return 0


def steps_of(exercise: Exercise) -> Dict[int, lesson.Step]:
    """The lesson's steps of ``exercise``, by number."""
    source = read_lesson(exercise.model, exercise.twin)
    return {s.number: s for s in lesson.steps(source) if s.number in exercise.steps}
