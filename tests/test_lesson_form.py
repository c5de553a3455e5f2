"""The lesson files keep the form of a lesson: one step, one formula, each twin in its own notation.

- the twins' step markers match by number and title, and each twin writes the formula after the
  title (two spaces apart) in its own notation: index form in pure/, matrix form in vectorized/;
- the logistic and softmax Step 1 calls the file's own sigmoid / softmax helper;
- no ``out=`` buffers and no interpreter tricks (``exp = math.exp`` local names) in the lessons;
- ``fit`` is at most 45 lines; no line is longer than 99 characters.

Standard library only: these tests run in the tox env without NumPy too.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODELS = sorted(path.name for path in (ROOT / "pure").glob("*_regression.py"))
LESSONS = MODELS + ["preprocessing.py"]
FILES = [ROOT / folder / name for name in LESSONS for folder in ("pure", "vectorized")]
MARKER = re.compile(r"#\s*Step\s+(\d+[a-z]?):\s*(.*)$")
# Index notation: a subscript over samples i, features j or classes k, l (x_ij, w_j, y_hat_i,
# z_(i,y_i)) or a sum over one of them. Iterations are counted with t, which both twins share.
INDEX = re.compile(r"\b[A-Za-z]\w*_(?:[ijkl]{1,2}|\([ijkl],[^)]*\))(?![A-Za-z0-9])|\bsum_[ijkl]\b")


def markers(path):
    """[(number, title, formula)] of the '# Step N: title  formula' comments, in order."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = MARKER.search(line)
        if match:
            title, _, formula = match.group(2).partition("  ")
            found.append((match.group(1), title.strip(), formula.strip()))
    return found


def step_blocks(path):
    """{number: text of the lines from its marker to the next marker or the end of fit}."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    fits = [node for cls in tree.body if isinstance(cls, ast.ClassDef)
            for node in cls.body if isinstance(node, ast.FunctionDef) and node.name == "fit"]
    blocks = {}
    for fit in fits:
        body = lines[fit.lineno - 1:fit.end_lineno]
        current = None
        for line in body:
            match = MARKER.search(line)
            if match:
                current = match.group(1)
                blocks[current] = ""
            if current is not None:
                blocks[current] += line + "\n"
    return blocks


@pytest.mark.parametrize("name", MODELS)
def test_markers_match_by_number_and_title(name):
    left, right = markers(ROOT / "pure" / name), markers(ROOT / "vectorized" / name)
    assert len(left) >= 5, f"pure/{name} has too few step markers"
    assert [(n, t) for n, t, _ in left] == [(n, t) for n, t, _ in right]
    assert [n for n, _, _ in left] == [str(k) for k in range(1, len(left) + 1)]


@pytest.mark.parametrize("name", MODELS)
def test_each_twin_writes_its_own_notation(name):
    for (number, title, pure_formula), (_, _, matrix_formula) in zip(
            markers(ROOT / "pure" / name), markers(ROOT / "vectorized" / name)):
        assert pure_formula and matrix_formula, f"Step {number}: {title} has no formula"
        assert not INDEX.search(matrix_formula), \
            f"vectorized/{name} Step {number}: {matrix_formula!r} is in index notation"
        if number != "5":  # the stopping rule is about iterations t, the same in both notations
            assert INDEX.search(pure_formula), \
                f"pure/{name} Step {number}: {pure_formula!r} is not in index notation"
            assert pure_formula != matrix_formula


@pytest.mark.parametrize("folder", ["pure", "vectorized"])
@pytest.mark.parametrize("name, helper", [("logistic_regression.py", "sigmoid("),
                                          ("softmax_regression.py", "softmax(")])
def test_the_forward_pass_calls_the_files_own_helper(folder, name, helper):
    path = ROOT / folder / name
    source = path.read_text(encoding="utf-8")
    assert re.search(rf"^def {re.escape(helper[:-1])}\(|^def log_{re.escape(helper[:-1])}\(",
                     source, re.M), f"{folder}/{name} defines no {helper[:-1]}"
    assert helper in step_blocks(path)["1"], f"{folder}/{name} Step 1 does not call {helper})"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_plain_formula_code(path):
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"\bout\s*=", source), f"{path.name}: no out= buffers in the lessons"
    assert not re.search(r"np\.empty\(", source), f"{path.name}: no preallocated work buffers"
    tricks = re.findall(r"^\s*\w+(?:\s*,\s*\w+)*\s*=\s*(?:math|np)\.\w+(?:\s*,\s*(?:math|np)\.\w+)*"
                        r"\s*(?:#.*)?$", source, re.M)
    assert not tricks, f"{path.name}: interpreter tricks (local names for functions): {tricks}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lines_are_at_most_99_characters(path):
    long = [k for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if len(line) > 99]
    assert not long, f"{path.name}: lines longer than 99 characters: {long}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fit_is_at_most_45_lines(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef):
            for node in cls.body:
                if isinstance(node, ast.FunctionDef) and node.name == "fit":
                    length = node.end_lineno - node.lineno + 1
                    assert length <= 45, f"{cls.name}.fit is {length} lines"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_lesson_comes_first(path):
    """Docstring, math helpers, the class; then the solvers and the checks under headings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{path.name} has no module docstring"
    kinds = [type(node).__name__ for node in tree.body]
    first_class = kinds.index("ClassDef")
    private_before = [node.name for node in tree.body[:first_class]
                      if isinstance(node, ast.FunctionDef) and node.name.startswith("_check")]
    assert not private_before, f"{path.name}: input checks before the class: {private_before}"
    source = path.read_text(encoding="utf-8")
    assert re.search(r"^# .*[Ii]nput checks", source, re.M), \
        f"{path.name}: the input checks need a heading comment"
